//! `afspraak check` as a command: the JSON document, exit statuses, and that
//! all problems are reported in one run, in a stable order.

mod common;

use std::process::Command;

use common::*;

/// Three errors in two files: two in the contract, one in the update.
fn three_errors_in_two_files() -> Site {
    let site = Site::base();
    // Edited bottom-up within the contract, so the report's order is not the edit order.
    site.replace(CONTRACT, "partner: politie\n", "partner: politei\n");
    site.replace(CONTRACT, "    location: Baden", "    locaton: Baden");
    site.replace(UPDATE, "districts: [schalkwijk]", "districts: [schalkwyk]");
    site
}

#[test]
fn all_errors_are_reported_in_one_run_sorted_by_file_and_line() {
    let site = three_errors_in_two_files();
    let r = site.check();
    assert_eq!(r.status, 1);
    let found: Vec<(&str, &str, usize)> = r
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.code.as_str(), d.line))
        .collect();
    assert_eq!(
        found,
        [
            (CONTRACT, "unknown-key", site.line(CONTRACT, "locaton")),
            (CONTRACT, "unknown-partner", site.line(CONTRACT, "politei")),
            (UPDATE, "unknown-district", 6),
        ]
    );
    assert_eq!(r.json["errors"], 3);
    assert_eq!(r.json["warnings"], 0);
}

#[test]
fn errors_in_several_contracts_are_all_reported() {
    // One error in each contract file and one per catalog file.
    let site = Site::base();
    site.replace(EARLIER, "report_by: 2010-12", "report_by: 2010-13");
    site.replace(CONTRACT, "when: 2013\n", "when: 2113\n");
    site.replace(PARTNERS, "kind: police", "kind: politsie");
    site.replace(
        TOPICS,
        "- slug: heel\n  name: Heel\n",
        "- slug: heel\n  name: Heel\n  naam: Heel\n",
    );
    let r = site.check();
    let files: Vec<&str> = r.diagnostics.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, [EARLIER, CONTRACT, PARTNERS, TOPICS]);
    assert_eq!(
        r.codes(),
        [
            "invalid-date",
            "when-out-of-range",
            "invalid-value",
            "unknown-key"
        ]
    );
}

#[test]
fn json_document_has_exactly_the_documented_shape() {
    let site = three_errors_in_two_files();
    site.write("content/notities.txt", "hallo\n");
    let r = site.check();
    let top = r.json.as_object().expect("one JSON object");
    let mut keys: Vec<&str> = top.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["diagnostics", "errors", "warnings"]);
    assert_eq!(r.json["errors"], 3);
    assert_eq!(r.json["warnings"], 1);
    for d in r.json["diagnostics"].as_array().unwrap() {
        let d = d.as_object().unwrap();
        let mut fields: Vec<&str> = d.keys().map(String::as_str).collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "code", "column", "file", "help", "line", "message", "severity"
            ]
        );
        assert!(["error", "warning"].contains(&d["severity"].as_str().unwrap()));
        assert!(d["line"].as_u64().unwrap() >= 1);
        assert!(d["column"].as_u64().unwrap() >= 1);
        assert!(
            d["help"].is_string(),
            "every content diagnostic says how to fix it"
        );
        let code = d["code"].as_str().unwrap();
        assert!(
            afspraak::diagnostic::Code::ALL
                .iter()
                .any(|c| c.as_str() == code),
            "{code} is not a documented code"
        );
        // Relative to the root, with `/` separators.
        let file = d["file"].as_str().unwrap();
        assert!(!file.starts_with('/') && !file.contains('\\'), "{file}");
        assert!(site.path(file).exists(), "{file}");
    }
    // The warning sorts among the errors by file.
    let severities: Vec<&str> = r.diagnostics.iter().map(|d| d.severity.as_str()).collect();
    assert_eq!(severities, ["error", "error", "warning", "error"]);
}

#[test]
fn json_on_a_clean_site() {
    let site = Site::base();
    let out = Command::new(BIN)
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"diagnostics": [], "errors": 0, "warnings": 0})
    );
    assert!(out.stderr.is_empty(), "JSON mode keeps stderr quiet");
}

#[test]
fn warnings_only_exit_zero() {
    let site = Site::base();
    site.write("content/notities.txt", "hallo\n");
    site.replace(UPDATE, "date: 2011-10-21\n", "date: 2011-10-22\n");
    let r = site.check();
    assert_eq!(r.status, 0);
    assert_eq!(r.json["errors"], 0);
    assert_eq!(r.json["warnings"], 2);
    assert_eq!(r.codes(), ["unexpected-file", "date-mismatch"]);

    let human = site.check_human();
    assert_eq!(human.status, 0);
    assert!(
        human.stderr.contains("warning[date-mismatch]"),
        "{}",
        human.stderr
    );
    assert!(
        human.stderr.ends_with("0 errors, 2 warnings\n"),
        "{}",
        human.stderr
    );
}

#[test]
fn human_format_reports_to_stderr_and_exits_one() {
    let site = three_errors_in_two_files();
    let human = site.check_human();
    assert_eq!(human.status, 1);
    assert!(human.stdout.is_empty());
    assert!(
        human.stderr.ends_with("3 errors, 0 warnings\n"),
        "{}",
        human.stderr
    );
    // No colour codes with NO_COLOR (and no terminal).
    assert!(!human.stderr.contains('\u{1b}'));
}

#[test]
fn root_defaults_to_the_current_folder() {
    let site = three_errors_in_two_files();
    let out = Command::new(BIN)
        .args(["check", "--format", "json"])
        .current_dir(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], 3);
}

#[test]
fn wrong_usage_exits_two() {
    let site = Site::base();
    let root = site.root().to_str().unwrap();
    for args in [
        vec!["check", "--root", root, "--bogus"],
        vec!["check", "--root", root, "--format", "xml"],
        vec!["check", "--root", root, "--as-of", "morgen"],
        vec!["check", "--root", root, "--as-of", "2011-02-30"],
        vec!["frobnicate"],
        vec![],
    ] {
        let out = Command::new(BIN).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}: say what is wrong");
    }
}

#[test]
fn help_and_version_exit_zero() {
    for arg in ["--help", "--version"] {
        let out = Command::new(BIN).arg(arg).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{arg}");
    }
}

#[test]
fn a_site_folder_that_cannot_be_opened_exits_three() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("bestaat-niet");
    let out = Command::new(BIN)
        .args(["check", "--root"])
        .arg(&missing)
        .env("AFSPRAAK_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cannot open the site folder"), "{stderr}");
}

#[test]
fn check_writes_nothing() {
    let site = three_errors_in_two_files();
    let before = listing(site.root());
    site.check();
    site.check_human();
    assert_eq!(listing(site.root()), before);
    site.check_with(&[]);
    assert!(!site.path("public").exists());
}

fn listing(root: &std::path::Path) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path().display().to_string(), e.metadata().unwrap().len()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn outside_a_site_the_first_line_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["check"][..],
        &["build"],
        &["new", "contract", "meerwijk", "2026"],
    ] {
        for (lang, first) in [
            (
                "nl",
                "fout: geen site hier: ga naar de map met site.toml, of gebruik --root",
            ),
            (
                "en",
                "error: no site here: go to the folder with site.toml, or use --root",
            ),
        ] {
            let out = Command::new(BIN)
                .args(args)
                .current_dir(dir.path())
                .env("AFSPRAAK_LANG", lang)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(stderr.lines().next(), Some(first), "{args:?}: {stderr}");
            assert!(!stderr.contains("os error"), "{stderr}");
        }
    }
}
