//! Shared helpers for the integration tests: a copy of the base fixture site in
//! a temporary folder, small edits to it, and `afspraak check` run on it.
//!
//! Every test crate includes this module and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

/// The base fixture: a small, valid site (`as_of = 2011-12-31T12:00:00`).
pub fn base_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base")
}

/// Paths of the base fixture's files, relative to the site root.
pub const CONTRACT: &str = "content/contracts/meerwijk/2011.yaml";
pub const EARLIER: &str = "content/contracts/delftwijk/2010.yaml";
pub const UPDATE: &str = "content/updates/2011-10-21-lantaarnpalen.md";
pub const PAGE: &str = "content/pages/over.md";
pub const DISTRICTS: &str = "content/districts.yaml";
pub const PARTNERS: &str = "content/partners.yaml";
pub const TOPICS: &str = "content/topics.yaml";
pub const SITE_TOML: &str = "site.toml";

/// A copy of the base fixture that a test may edit freely.
pub struct Site {
    dir: TempDir,
}

impl Site {
    pub fn base() -> Site {
        let dir = tempfile::tempdir().expect("create a temporary folder");
        copy_dir(&base_fixture(), dir.path());
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Replaces `from` by `to` in a file. `from` must occur exactly once, so
    /// that an edit cannot silently miss (and a test pass for the wrong reason).
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> &Site {
        let text = self.read(rel);
        let n = text.matches(from).count();
        assert_eq!(n, 1, "{from:?} occurs {n} times in {rel}, not once");
        self.write(rel, text.replacen(from, to, 1))
    }

    /// Writes a file, creating its folder.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Site {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).unwrap();
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    pub fn append(&self, rel: &str, more: &str) -> &Site {
        let text = self.read(rel);
        self.write(rel, text + more)
    }

    pub fn remove(&self, rel: &str) -> &Site {
        std::fs::remove_file(self.path(rel)).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// 1-based line and character column of the one occurrence of `needle` in a file.
    pub fn pos(&self, rel: &str, needle: &str) -> (usize, usize) {
        let text = self.read(rel);
        assert_eq!(
            text.matches(needle).count(),
            1,
            "{needle:?} must occur once in {rel}"
        );
        line_col(&text, text.find(needle).unwrap())
    }

    /// 1-based line and column just after the one occurrence of `needle`:
    /// `pos_after(f, "outcome: ")` is where that outcome's value starts.
    pub fn pos_after(&self, rel: &str, needle: &str) -> (usize, usize) {
        let text = self.read(rel);
        assert_eq!(
            text.matches(needle).count(),
            1,
            "{needle:?} must occur once in {rel}"
        );
        line_col(&text, text.find(needle).unwrap() + needle.len())
    }

    /// 1-based line number of the one occurrence of `needle` in a file.
    pub fn line(&self, rel: &str, needle: &str) -> usize {
        self.pos(rel, needle).0
    }

    /// `afspraak check --root <site> --format json` and its parsed report.
    pub fn check(&self) -> Report {
        self.check_with(&[])
    }

    pub fn check_with(&self, extra: &[&str]) -> Report {
        let mut args = vec!["check", "--root"];
        let root = self.root().to_str().expect("temporary path is UTF-8");
        args.push(root);
        args.extend(["--format", "json"]);
        args.extend(extra);
        run_json(&args)
    }

    /// `afspraak check --root <site>` in human format, without colour, in English.
    pub fn check_human(&self) -> Human {
        self.check_human_in("en")
    }

    /// The same in a language: `nl` (the default) or `en`.
    pub fn check_human_in(&self, lang: &str) -> Human {
        let out = Command::new(BIN)
            .args(["check", "--root"])
            .arg(self.root())
            .env("NO_COLOR", "1")
            .env("AFSPRAAK_LANG", lang)
            .output()
            .expect("run afspraak");
        Human {
            status: out.status.code().expect("exit status"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// Builds `site` into a fresh folder, asserting success; returns the folder
/// (kept while the `TempDir` lives) and the output path inside it.
pub fn build_site(site: &Site) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let o = Command::new(BIN)
        .args(["build", "--root"])
        .arg(site.root())
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (tmp, out)
}

/// Runs the binary with `args` and parses its JSON report from stdout.
pub fn run_json(args: &[&str]) -> Report {
    let out = Command::new(BIN).args(args).output().expect("run afspraak");
    let status = out.status.code().expect("exit status");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}), exit {status}:\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let diagnostics: Vec<Diag> = serde_json::from_value(json["diagnostics"].clone())
        .unwrap_or_else(|e| panic!("diagnostics do not have the documented shape: {e}\n{json:#}"));
    Report {
        status,
        json,
        diagnostics,
    }
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// One diagnostic of the JSON report; unknown fields are refused, so the
/// shape is pinned by deserialising.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Diag {
    pub severity: String,
    pub code: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Diag {
    /// Asserts the file and the 1-based line and column.
    #[track_caller]
    pub fn at(&self, file: &str, (line, column): (usize, usize)) -> &Diag {
        assert_eq!(
            (self.file.as_str(), self.line, self.column),
            (file, line, column),
            "wrong place for {self:#?}"
        );
        self
    }

    /// Asserts the file and the line only.
    #[track_caller]
    pub fn on_line(&self, file: &str, line: usize) -> &Diag {
        assert_eq!(
            (self.file.as_str(), self.line),
            (file, line),
            "wrong place for {self:#?}"
        );
        self
    }

    #[track_caller]
    pub fn help_has(&self, part: &str) -> &Diag {
        let help = self.help.as_deref().unwrap_or_default();
        assert!(help.contains(part), "help {help:?} lacks {part:?}");
        self
    }

    #[track_caller]
    pub fn message_has(&self, part: &str) -> &Diag {
        assert!(
            self.message.contains(part),
            "message {:?} lacks {part:?}",
            self.message
        );
        self
    }
}

pub struct Report {
    pub status: i32,
    pub json: serde_json::Value,
    pub diagnostics: Vec<Diag>,
}

impl Report {
    pub fn codes(&self) -> Vec<&str> {
        self.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    /// Asserts exit status 1 and that the run found exactly one problem, an
    /// error with `code`; returns it. One edit, one error: no cascades.
    #[track_caller]
    pub fn single(&self, code: &str) -> &Diag {
        assert_eq!(
            self.diagnostics.len(),
            1,
            "expected exactly one diagnostic ({code}), got {:#?}",
            self.diagnostics
        );
        self.error(code)
    }

    /// Asserts exit status 1 and returns the one error with `code` (there may
    /// be other diagnostics with other codes).
    #[track_caller]
    pub fn error(&self, code: &str) -> &Diag {
        assert_eq!(
            self.status, 1,
            "exit status; diagnostics: {:#?}",
            self.diagnostics
        );
        let found: Vec<&Diag> = self.diagnostics.iter().filter(|d| d.code == code).collect();
        assert_eq!(
            found.len(),
            1,
            "expected one {code}, got {:#?}",
            self.diagnostics
        );
        assert_eq!(found[0].severity, "error", "{:#?}", found[0]);
        assert!(self.json["errors"].as_u64().unwrap() >= 1);
        found[0]
    }

    /// Asserts exit status 0 and exactly one diagnostic: a warning with `code`.
    #[track_caller]
    pub fn single_warning(&self, code: &str) -> &Diag {
        assert_eq!(
            self.status, 0,
            "warnings alone exit 0: {:#?}",
            self.diagnostics
        );
        assert_eq!(
            self.diagnostics.len(),
            1,
            "expected one warning {code}, got {:#?}",
            self.diagnostics
        );
        let d = &self.diagnostics[0];
        assert_eq!((d.severity.as_str(), d.code.as_str()), ("warning", code));
        assert_eq!(self.json["errors"], 0);
        assert_eq!(self.json["warnings"], 1);
        d
    }

    #[track_caller]
    pub fn clean(&self) {
        assert_eq!(
            (self.status, self.diagnostics.len()),
            (0, 0),
            "expected a clean check: {:#?}",
            self.diagnostics
        );
    }
}

/// The result of a human-format run.
pub struct Human {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}
