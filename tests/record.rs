//! The record of what was published, `published.txt` at the site root:
//! written by `build`, committed with the content, read in a fresh clone,
//! and compared with every published promise.

mod common;
use common::*;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const RECORD: &str = "published.txt";

/// Runs `afspraak` with `args`; returns the exit status and stderr.
fn afspraak(args: &[&str]) -> (i32, String) {
    let o = Command::new(BIN)
        // These tests pin the English messages.
        .env("AFSPRAAK_LANG", "en")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    afspraak(&args)
}

fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .args([
            "-c",
            "user.name=Redactie",
            "-c",
            "user.email=redactie@example.nl",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git is installed");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The sequence the promise record exists for, in a fresh clone of a site
/// repository: a promise edited in place is refused, a recorded move passes,
/// and a removed question is named.
#[test]
fn a_fresh_clone_still_knows_every_published_promise() {
    let tmp = TempDir::new().unwrap();
    let origin = tmp.path().join("origin");
    fs::create_dir_all(&origin).unwrap();
    copy_dir(&base_fixture(), &origin);
    fs::write(origin.join(".gitignore"), "/public/\n").unwrap();
    git(&origin, &["init", "-q"]);
    let (code, stderr) = build(&origin, &origin.join("public"), &[]);
    assert_eq!(code, 0, "{stderr}");
    git(&origin, &["add", "-A"]);
    git(&origin, &["commit", "-q", "-m", "Contract 2011"]);
    assert!(git(&origin, &["ls-files"]).lines().any(|f| f == RECORD));

    let clone = tmp.path().join("clone");
    git(
        tmp.path(),
        &["clone", "-q", origin.to_str().unwrap(), "clone"],
    );
    assert!(
        !clone.join("public").exists(),
        "a fresh clone has no earlier output"
    );
    let site = |rel: &str| clone.join(rel);
    let edit = |from: &str, to: &str| {
        let text = fs::read_to_string(site(CONTRACT)).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{from:?}");
        fs::write(site(CONTRACT), text.replacen(from, to, 1)).unwrap();
    };

    // 1. A published `when` edited in place.
    edit("    when: 2011-10\n", "    when: 2012-01\n");
    let report = run_json(&[
        "check",
        "--root",
        clone.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let text = fs::read_to_string(site(CONTRACT)).unwrap();
    let at = line_col(&text, text.find("2012-01").unwrap());
    report
        .single("promise-changed")
        .at(CONTRACT, at)
        .message_has("meerwijk/2011/7")
        .message_has("Betere verlichting in het Floris van Adrichempark")
        .message_has("published as `when: 2011-10`")
        .message_has("is now `when: 2012-01`")
        .help_has("put back `when: 2011-10`")
        .help_has("add `rescheduled: [{ date: 2011-12-31, when: 2012-01, reason: … }]`");
    let (code, stderr) = afspraak(&["check", "--root", clone.to_str().unwrap()]);
    assert_eq!(code, 1);
    let line = fs::read_to_string(site(RECORD))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("/wijken/meerwijk/2011/7/\t"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!(
            "published like this in published.txt (published.txt:{line}:1)"
        )),
        "a note points at the record line:\n{stderr}"
    );
    let out = tmp.path().join("public");
    let (code, stderr) = build(&clone, &out, &[]);
    assert_eq!(code, 1, "build refuses it too:\n{stderr}");
    assert!(stderr.contains("error[promise-changed]"), "{stderr}");

    // 2. The move recorded as the help says.
    edit(
        "    when: 2012-01\n",
        "    when: 2011-10\n    rescheduled:\n      - { date: 2011-09-15, when: 2012-01, reason: De aannemer ging failliet. }\n",
    );
    let (code, stderr) = build(&clone, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    let page = fs::read_to_string(out.join("wijken/meerwijk/2011/7/index.html")).unwrap();
    for part in [
        "<del>oktober 2011</del>",
        "januari 2012",
        "De aannemer ging failliet.",
    ] {
        assert!(page.contains(part), "the question page lacks {part:?}");
    }
    assert!(
        fs::read_to_string(site(RECORD))
            .unwrap()
            .contains("/wijken/meerwijk/2011/7/\toutcome=honoured\twhen=2011-10>2012-01\t"),
        "the record has the move"
    );

    // 3. A published question removed.
    let text = fs::read_to_string(site(CONTRACT)).unwrap();
    let (from, to) = (
        text.find("  - id: 8\n").unwrap(),
        text.find("  - id: 9\n").unwrap(),
    );
    fs::write(site(CONTRACT), format!("{}{}", &text[..from], &text[to..])).unwrap();
    let (code, stderr) = build(&clone, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error[dropped-url]: this build would drop /wijken/meerwijk/2011/8/"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Question 8 was removed from contracts/meerwijk/2011.yaml"),
        "{stderr}"
    );
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site")
}

/// A copy of the build-site fixture without its record: nothing published yet.
fn unpublished() -> (TempDir, PathBuf, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    fs::create_dir_all(&root).unwrap();
    copy_dir(&fixture(), &root);
    fs::remove_file(root.join(RECORD)).unwrap();
    let out = tmp.path().join("public");
    (tmp, root, out)
}

#[test]
fn the_record_is_sorted_and_the_same_on_every_build() {
    use std::os::unix::fs::MetadataExt;
    let (tmp, root, out) = unpublished();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let first = fs::read(root.join(RECORD)).unwrap();
    let inode = fs::metadata(root.join(RECORD)).unwrap().ino();
    assert_eq!(build(&root, &tmp.path().join("elsewhere"), &[]).0, 0);
    assert_eq!(fs::read(root.join(RECORD)).unwrap(), first);
    assert_eq!(
        fs::metadata(root.join(RECORD)).unwrap().ino(),
        inode,
        "the same bytes are not written again"
    );

    let text = String::from_utf8(first).unwrap();
    assert!(text.starts_with("# "), "a header says what it is");
    assert!(
        text.contains("do not edit it by hand") && text.contains("wijzig het niet met de hand")
    );
    let urls: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let mut sorted = urls.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(urls, sorted, "sorted, one line per URL");
    assert!(urls.len() > 50);
}

#[test]
fn drafts_and_embargoed_items_never_enter_the_record() {
    let (_tmp, root, out) = unpublished();
    // An update under embargo too, lifting with the contract's.
    fs::write(
        root.join("content/updates/2011-12-01-embargo.md"),
        "---\ntitle: Later nieuws\ndate: 2011-12-01\npublish_from: 2012-01-15T10:00\n---\nLater.\n",
    )
    .unwrap();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let record = fs::read_to_string(root.join(RECORD)).unwrap();
    for hidden in [
        "europawijk/2011",
        "boerhaavewijk/2011",
        "/nieuws/concept/",
        "/nieuws/embargo/",
        "MARKER",
    ] {
        assert!(!record.contains(hidden), "{hidden} is in the record");
    }

    // Once the embargo lifts (site.toml's as_of), its items are published and recorded.
    let toml = fs::read_to_string(root.join("site.toml")).unwrap();
    fs::write(
        root.join("site.toml"),
        toml.replace("as_of = 2011-12-31T12:00:00", "as_of = 2012-01-16T12:00:00"),
    )
    .unwrap();
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    let record = fs::read_to_string(root.join(RECORD)).unwrap();
    assert!(record.contains("\n/wijken/boerhaavewijk/2011/1/\toutcome=resolved\t"));
    assert!(record.contains("\n/nieuws/embargo/\n"));
    assert!(!record.contains("europawijk/2011") && !record.contains("/nieuws/concept/"));
}

#[test]
fn a_preview_of_another_moment_records_nothing() {
    let (_tmp, root, out) = unpublished();
    let (code, stderr) = build(&root, &out, &["--as-of", "2012-01-16"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!root.join(RECORD).exists(), "a preview wrote the record");

    assert_eq!(build(&root, &out, &[]).0, 0);
    let before = fs::read(root.join(RECORD)).unwrap();
    // The preview publishes the embargoed contract, which is not public yet.
    let (code, stderr) = build(&root, &out, &["--as-of", "2012-01-16"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("wijken/boerhaavewijk/2011/1/index.html").exists());
    assert_eq!(fs::read(root.join(RECORD)).unwrap(), before);
}

#[test]
fn check_never_writes_the_record() {
    let (_tmp, root, _out) = unpublished();
    let (code, _) = afspraak(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(code, 0);
    let checked = afspraak::check(&root, None).unwrap();
    assert!(checked.site.is_some() && checked.record.is_none());
    assert!(!root.join(RECORD).exists());
}

#[test]
fn a_merge_conflict_in_the_record_is_named_at_its_line() {
    let (_tmp, root, out) = unpublished();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let record = fs::read_to_string(root.join(RECORD)).unwrap();
    let at = record.find("\n/over/\n").unwrap() + 1;
    let conflicted = format!(
        "{}<<<<<<< HEAD\n/over/\n=======\n/over-ons/\n>>>>>>> andere-tak\n{}",
        &record[..at],
        &record[at + "/over/\n".len()..]
    );
    fs::write(root.join(RECORD), &conflicted).unwrap();
    let line = conflicted[..conflicted.find("<<<<<<<").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let report = run_json(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    report
        .single("record-invalid")
        .at(RECORD, (line, 1))
        .help_has("keep the lines of both sides and remove the marker lines");
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[record-invalid]"), "{stderr}");
}

/// `promise-changed` diagnostics of `afspraak check` on `root`.
fn promise_changes(root: &Path) -> Vec<Diag> {
    let report = run_json(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == "promise-changed")
        .cloned()
        .collect()
}

fn editor(contract: PathBuf) -> impl Fn(&str, &str) {
    move |from: &str, to: &str| {
        let text = fs::read_to_string(&contract).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{from:?}");
        fs::write(&contract, text.replacen(from, to, 1)).unwrap();
    }
}

#[test]
fn a_changed_answer_needs_a_revised_entry_and_then_nothing_more() {
    let (_tmp, root, out) = unpublished();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let original = fs::read_to_string(&contract).unwrap();
    let edit = editor(contract.clone());

    edit(
        "    outcome: prioritised\n    report_by: 2011-11\n",
        "    outcome: honoured\n    when: 2011-11\n",
    );
    let found = promise_changes(&root);
    assert_eq!(found.len(), 1, "{found:#?}");
    let text = fs::read_to_string(&contract).unwrap();
    found[0]
        .at(
            "content/contracts/meerwijk/2011.yaml",
            line_col(&text, text.find("honoured\n    when: 2011-11").unwrap()),
        )
        .message_has("the answer to meerwijk/2011/10 (\"Buurthuis langer open\")")
        .message_has("published as `outcome: prioritised` and is now `outcome: honoured`")
        .help_has("add `revised: [{ date: 2011-12-31, from: prioritised, reason: … }]`");

    // Recorded, the change passes, and so does the deadline that went with it.
    fs::write(&contract, &original).unwrap();
    edit(
        "    outcome: prioritised\n    report_by: 2011-11\n",
        "    outcome: honoured\n    when: 2012-02\n    revised:\n      - { date: 2011-11-01, from: prioritised, reason: Het buurthuis kon het zelf regelen. }\n",
    );
    assert_eq!(promise_changes(&root), Vec::<Diag>::new());
    assert_eq!(build(&root, &out, &[]).0, 0);
    assert!(
        fs::read_to_string(root.join(RECORD))
            .unwrap()
            .contains("/wijken/meerwijk/2011/10/\toutcome=honoured\twhen=2012-02\t")
    );
}

#[test]
fn a_published_move_cannot_be_taken_back() {
    let (_tmp, root, out) = unpublished();
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let original = fs::read_to_string(&contract).unwrap();
    let edit = editor(contract.clone());
    edit(
        "    when: 2011-10\n",
        "    when: 2011-10\n    rescheduled:\n      - { date: 2011-09-15, when: 2011-12, reason: Later geleverd. }\n",
    );
    assert_eq!(build(&root, &out, &[]).0, 0);
    // Moving again is adding to the list.
    edit(
        "reason: Later geleverd. }\n",
        "reason: Later geleverd. }\n      - { date: 2011-12-01, when: 2012-02, reason: Nog later. }\n",
    );
    assert_eq!(promise_changes(&root), Vec::<Diag>::new());

    fs::write(&contract, &original).unwrap();
    let found = promise_changes(&root);
    assert_eq!(found.len(), 1, "{found:#?}");
    found[0]
        .message_has("published as `when: 2011-10`, moved to 2011-12 and is now `when: 2011-10`")
        .help_has("add `rescheduled: [{ date: …, when: 2011-12, reason: … }, { date: 2011-12-31, when: 2011-10, reason: … }]`");
}

/// `serve` checks only the contracts an edit changed; the promises are still
/// compared for every question.
#[test]
fn cached_checks_still_compare_every_promise() {
    let (_tmp, root, out) = unpublished();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let edit = editor(root.join("content/contracts/meerwijk/2011.yaml"));
    let mut cache = afspraak::Cache::default();
    let count = |c: &afspraak::Checked| {
        c.diagnostics
            .iter()
            .filter(|d| d.code == afspraak::diagnostic::Code::PromiseChanged)
            .count()
    };
    assert_eq!(
        count(&afspraak::check_cached(&root, None, &mut cache).unwrap()),
        0
    );
    edit("    when: 2011-10\n", "    when: 2011-11\n");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(
        count(&afspraak::check_cached(&root, None, &mut cache).unwrap()),
        1
    );
    // An edit elsewhere: the meerwijk contract comes from the cache.
    let other = root.join("content/contracts/delftwijk/2010.yaml");
    let text = fs::read_to_string(&other).unwrap();
    fs::write(&other, text.replacen("title: ", "title: Gewijzigd, ", 1)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(
        count(&afspraak::check_cached(&root, None, &mut cache).unwrap()),
        1
    );
}

#[test]
fn serve_never_writes_the_record() {
    use std::net::{TcpListener, TcpStream};
    use std::time::{Duration, Instant};
    let (_tmp, root, _out) = unpublished();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let up = loop {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break true;
        }
        if Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(up, "serve did not start");
    assert!(!root.join(RECORD).exists());
}

/// The records committed with the bundled site and the fixture are what a
/// build makes of their content: a content change committed without its
/// record shows here (build the site, `cargo run --release -- build` for the
/// bundled one, and commit its published.txt).
#[test]
fn the_committed_records_are_current() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let git_out = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(repo)
            .env("TZ", "Europe/Amsterdam")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8(o.stdout).unwrap())
    };
    // The bundled site is judged at the moment of the last commit, not now:
    // an embargo that lifts later changes what a build publishes, not
    // whether the committed record fits the committed content.
    let committed_at = git_out(&[
        "log",
        "-1",
        "--format=%cd",
        "--date=format-local:%Y-%m-%dT%H:%M:%S",
    ]);
    for site in [repo.to_path_buf(), fixture()] {
        let rel = site.strip_prefix(repo).unwrap().join(RECORD);
        let rel = rel.to_str().unwrap();
        // The version in git when there is one: a build in place (by the
        // tests, too) rewrites the file in the working tree.
        let committed = git_out(&["show", &format!("HEAD:{rel}")])
            .unwrap_or_else(|| fs::read_to_string(repo.join(rel)).unwrap());
        let tmp = TempDir::new().unwrap();
        let copy = tmp.path().join("site");
        fs::create_dir_all(copy.join("content")).unwrap();
        let mut toml = fs::read_to_string(site.join("site.toml")).unwrap();
        if let Some(at) = committed_at.as_deref().map(str::trim)
            && !toml.contains("\nas_of =")
        {
            toml = format!("as_of = {at}\n{toml}");
        }
        fs::write(copy.join("site.toml"), toml).unwrap();
        copy_dir(&site.join("content"), &copy.join("content"));
        fs::write(copy.join(RECORD), &committed).unwrap();
        let (code, stderr) = build(&copy, &tmp.path().join("public"), &[]);
        assert_eq!(code, 0, "building {}:\n{stderr}", site.display());
        let made = fs::read_to_string(copy.join(RECORD)).unwrap();
        if made != committed {
            let old: std::collections::BTreeSet<&str> = committed.lines().collect();
            let new: std::collections::BTreeSet<&str> = made.lines().collect();
            let gone: Vec<_> = old.difference(&new).collect();
            let added: Vec<_> = new.difference(&old).collect();
            panic!(
                "{rel} is not what a build of the content makes (gone: {gone:#?}, added: {added:#?}); build the site and commit {rel}"
            );
        }
    }
}
