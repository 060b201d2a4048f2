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

/// A refusal in both languages: Dutch without a choice, English when asked.
fn refused(site: &Site, args: &[&str], status: i32, nl: &str, en: &str) {
    let mut full = args.to_vec();
    let root = site.root().to_str().expect("a UTF-8 path").to_string();
    full.extend(["--root", &root]);
    let r = run("nl", &full);
    assert_eq!(r.status, status, "{args:?}:\n{}", r.stderr);
    assert!(r.stderr.starts_with("fout: "), "{args:?}:\n{}", r.stderr);
    assert!(r.stderr.contains(nl), "{args:?}:\n{}", r.stderr);
    let r = run("en", &full);
    assert_eq!(r.status, status, "{args:?}:\n{}", r.stderr);
    assert!(r.stderr.starts_with("error: "), "{args:?}:\n{}", r.stderr);
    assert!(r.stderr.contains(en), "{args:?}:\n{}", r.stderr);
}

#[test]
fn output_folder_refusals_speak_the_language() {
    let site = Site::base();
    site.write("elders/notities.txt", "van iemand anders");
    site.write("een-bestand", "");
    site.write("andere-site/site.toml", "");
    let out = |rel: &str| site.path(rel).to_str().unwrap().to_string();
    let cases = [
        (
            out("elders"),
            "die map is niet leeg en is niet door afspraak gemaakt",
            "the folder is not empty and was not made by afspraak",
        ),
        (
            out("een-bestand"),
            "dat is een bestand, geen map",
            "it is a file, not a folder",
        ),
        (
            out("andere-site"),
            "daar staan content/ of site.toml",
            "it contains content/ or site.toml",
        ),
        (
            out("."),
            "daar staan de bronnen van de site zelf",
            "it holds the site's own sources",
        ),
        (
            out("content/public"),
            "die map ligt in de map content/ van de site",
            "it lies inside the site's content/ folder",
        ),
    ];
    for (output, nl, en) in &cases {
        refused(&site, &["build", "--output", output], 2, nl, en);
    }
    // Nothing was written into the folder that was not afspraak's.
    assert_eq!(site.read("elders/notities.txt"), "van iemand anders");
}

#[test]
fn a_missing_theme_speaks_the_language() {
    let site = Site::base();
    let toml = site.read(SITE_TOML);
    let toml = match toml.find("theme =") {
        Some(_) => toml
            .lines()
            .map(|l| {
                if l.starts_with("theme =") {
                    "theme = \"weg\""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        None => format!("theme = \"weg\"\n{toml}"),
    };
    site.write(SITE_TOML, toml);
    let out = site.path("public").to_str().unwrap().to_string();
    refused(
        &site,
        &["build", "--output", &out],
        3,
        "in site.toml staat theme = \"weg\", maar er is geen map themes/weg/",
        "site.toml sets theme = \"weg\", but there is no folder themes/weg/",
    );
}

#[test]
fn import_and_serve_refusals_speak_the_language() {
    let site = Site::base();
    site.write(CONTRACT, "- alleen een lijst\n");
    site.write("vragen.csv", "id;title\n1;Verlichting\n");
    let csv = site.path("vragen.csv").to_str().unwrap().to_string();
    refused(
        &site,
        &["import", &csv, "--contract", "meerwijk/2011"],
        3,
        "het contractbestand bestaat niet uit regels `sleutel: waarde`",
        "the contract file is not a mapping of `key: value` lines",
    );
    refused(
        &site,
        &["import", &csv, "--contract", "meerwijk"],
        3,
        "`meerwijk` is geen contract; schrijf WIJK/JAAR",
        "`meerwijk` is not a contract; write NEIGHBOURHOOD/YEAR",
    );
    refused(
        &site,
        &["serve", "--bind", "0.0.0.0"],
        2,
        "zet er --allow-remote bij om dat te bevestigen",
        "add --allow-remote to confirm",
    );
}
