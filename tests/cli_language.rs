//! The command line speaks the language of the run: its help, its usage
//! errors and its refusals are Dutch by default and English with
//! `AFSPRAAK_LANG=en`.

mod common;

use std::process::Command;

use common::*;

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs afspraak in `lang` ("nl" means: no language chosen at all).
fn run(lang: &str, args: &[&str]) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args).env("NO_COLOR", "1");
    for var in ["AFSPRAAK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    if lang == "en" {
        cmd.env("AFSPRAAK_LANG", "en");
    }
    let out = cmd.output().expect("run afspraak");
    Run {
        status: out.status.code().expect("exit status"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

/// Every help page of the command line.
const HELP_PAGES: &[&[&str]] = &[
    &["--help"],
    &["check", "--help"],
    &["build", "--help"],
    &["serve", "--help"],
    &["import", "--help"],
    &["init", "--help"],
    &["new", "--help"],
    &["new", "contract", "--help"],
    &["help"],
    &["help", "build"],
];

/// Clap's own English words, which must not show in Dutch.
const CLAP_WORDS: &[&str] = &[
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print help",
    "Print version",
    "[OPTIONS]",
    "[default:",
    "[possible values:",
];

#[test]
fn every_help_page_is_dutch_by_default() {
    for args in HELP_PAGES {
        let r = run("nl", args);
        assert_eq!(r.status, 0, "{args:?}");
        let help = r.all();
        assert!(help.contains("Gebruik: afspraak"), "{args:?}:\n{help}");
        assert!(help.contains("Opties:"), "{args:?}:\n{help}");
        assert!(help.contains("Toon deze hulp"), "{args:?}:\n{help}");
        for word in CLAP_WORDS {
            assert!(!help.contains(word), "{args:?} says {word}:\n{help}");
        }
    }
    let top = run("nl", &["--help"]).all();
    for line in [
        "Opdrachten:",
        "check   Controleer de hele site",
        "init    Maak een nieuwe site",
        "help    Toon deze hulp, of de hulp bij een opdracht",
    ] {
        assert!(top.contains(line), "{line}:\n{top}");
    }
    let new = run("nl", &["new", "contract", "--help"]).all();
    assert!(
        new.contains("Gebruik: afspraak new contract [OPTIES] <WIJK> <JAAR>"),
        "{new}"
    );
    assert!(new.contains("--root <MAP>"), "{new}");
    let check = run("nl", &["check", "--help"]).all();
    assert!(
        check.contains("human (om te lezen, standaard) of json"),
        "{check}"
    );
}

#[test]
fn every_help_page_is_english_when_asked() {
    for args in HELP_PAGES {
        let r = run("en", args);
        assert_eq!(r.status, 0, "{args:?}");
        let help = r.all();
        assert!(help.contains("Usage: afspraak"), "{args:?}:\n{help}");
        assert!(help.contains("Options:"), "{args:?}:\n{help}");
        assert!(help.contains("Print help"), "{args:?}:\n{help}");
        for word in ["Gebruik", "Opties", "Toon deze hulp", "Controleer"] {
            assert!(!help.contains(word), "{args:?} says {word}:\n{help}");
        }
    }
    let import = run("en", &["import", "--help"]).all();
    assert!(
        import.contains("--contract <NEIGHBOURHOOD/YEAR>  The contract to update or create"),
        "{import}"
    );
}

#[test]
fn usage_errors_speak_the_language_and_exit_two() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--versoin"],
            "de optie `--versoin` ken ik niet",
            "unknown option `--versoin`",
        ),
        (&["chek"], "bedoel je `check`?", "did you mean `check`?"),
        (
            &["check", "--format", "xml"],
            "`xml` kan niet bij --format <VORM>; kies uit: human, json",
            "`xml` is not a value for --format <FORMAT>; choose from: human, json",
        ),
        (
            &["check", "--as-of", "morgen"],
            "`morgen` is geen datum en tijd",
            "`morgen` is not a date and time",
        ),
        (
            &["new", "contract"],
            "dit moet je nog opgeven: <WIJK>, <JAAR>",
            "still to give: <NEIGHBOURHOOD>, <YEAR>",
        ),
    ];
    for (args, nl, en) in cases {
        let r = run("nl", args);
        assert_eq!(r.status, 2, "{args:?}");
        assert!(r.stderr.starts_with("fout: "), "{args:?}:\n{}", r.stderr);
        assert!(r.stderr.contains(nl), "{args:?}:\n{}", r.stderr);
        for word in CLAP_WORDS.iter().chain(&["error:", "tip:"]) {
            assert!(
                !r.stderr.contains(word),
                "{args:?} says {word}:\n{}",
                r.stderr
            );
        }
        let r = run("en", args);
        assert_eq!(r.status, 2, "{args:?}");
        assert!(r.stderr.starts_with("error: "), "{args:?}:\n{}", r.stderr);
        assert!(r.stderr.contains(en), "{args:?}:\n{}", r.stderr);
    }
    let r = run("nl", &["new", "contract"]);
    assert!(
        r.stderr
            .contains("Gebruik: afspraak new contract [OPTIES] <WIJK> <JAAR>"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Meer uitleg: afspraak new contract --help"),
        "{}",
        r.stderr
    );
}
