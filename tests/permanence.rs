//! Published URLs are permanent: a build that would drop one fails and names
//! it, unless content/redirects.yaml says where it went. The URLs are kept in
//! the record of what was published, `published.txt` at the site root.

mod common;
use common::copy_dir;

use std::fs;
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

/// A copy of the build-site fixture that has published nothing yet: without its record.
fn site() -> (TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        &root,
    );
    fs::remove_file(root.join(RECORD)).unwrap();
    let out = tmp.path().join("public");
    (tmp, root, out)
}

const RECORD: &str = "published.txt";

fn record(root: &Path) -> String {
    fs::read_to_string(root.join(RECORD)).unwrap()
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let o = Command::new(BIN)
        // These tests pin the English messages.
        .env("AFSPRAAK_LANG", "en")
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ])
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn remove_page(root: &Path) {
    fs::remove_file(root.join("content/pages/over.md")).unwrap();
}

#[test]
fn the_record_lists_what_was_published() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let record = record(&root);
    let coded: Vec<&str> = record
        .lines()
        .filter(|l| l.starts_with("/wijken/meerwijk/2011/") && !l.contains("afdrukken"))
        .collect();
    assert!(
        coded.len() > 2 && coded.iter().all(|l| l.contains("\tk=")),
        "every contract and question line has its short link:\n{record}"
    );
    // Each contract and question line ends with its short link.
    let record = regex::Regex::new(r"\tk=[2-9A-HJ-NP-Z]{5}")
        .unwrap()
        .replace_all(&record, "");
    for url in [
        "\n/\n",
        "\n/wijken/meerwijk/2011/\n",
        "\n/wijken/meerwijk/2011/7/\toutcome=honoured\twhen=2011-10\ttitle=Betere verlichting in het Floris van Adrichempark\n",
        "\n/wijken/meerwijk/2011/8/\toutcome=declined\ttitle=Speeltuin aan de Kleverlaan\n",
        "\n/en/wijken/meerwijk/2011/7/\n",
        "\n/atom.xml\n",
        "\n/data/vragen.csv\n",
        "\n/over/\n",
    ] {
        assert!(record.contains(url), "the record lacks {url:?}:\n{record}");
    }
    assert!(
        !record.contains("/static/"),
        "theme assets are not permanent URLs"
    );
}

#[test]
fn a_fresh_output_folder_does_not_blind_the_guard() {
    // A fresh clone or a CI build has no earlier output: the record in the site is enough.
    let (tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    remove_page(&root);
    let elsewhere = tmp.path().join("ci/public");
    let (code, stderr) = build(&root, &elsewhere, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error[dropped-url]: this build would drop /over/"),
        "{stderr}"
    );
    assert!(!elsewhere.exists(), "nothing was written");
}

#[test]
fn dropping_a_published_url_fails_and_names_it() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let before = fs::read(out.join("over/index.html")).unwrap();
    remove_page(&root);
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error[dropped-url]: this build would drop /over/"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/pages/over.md was removed or renamed"),
        "{stderr}"
    );
    let line = record(&root).lines().position(|l| l == "/over/").unwrap() + 1;
    assert!(
        stderr.contains(&format!("--> published.txt:{line}:1")),
        "{stderr}"
    );
    // Nothing was written: the page is still there.
    assert_eq!(fs::read(out.join("over/index.html")).unwrap(), before);
}

#[test]
fn a_renamed_neighbourhood_is_named_as_the_likely_cause() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let districts = root.join("content/districts.yaml");
    let text = fs::read_to_string(&districts)
        .unwrap()
        .replace("slug: meerwijk", "slug: meer-wijk");
    fs::write(&districts, text).unwrap();
    fs::rename(
        root.join("content/contracts/meerwijk"),
        root.join("content/contracts/meer-wijk"),
    )
    .unwrap();
    if root.join("content/neighbourhoods/meerwijk.md").exists() {
        fs::rename(
            root.join("content/neighbourhoods/meerwijk.md"),
            root.join("content/neighbourhoods/meer-wijk.md"),
        )
        .unwrap();
    }
    for entry in fs::read_dir(root.join("content/updates")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("meerwijk", "meer-wijk");
        fs::write(&path, text).unwrap();
    }
    let contract = root.join("content/contracts/meer-wijk/2011.yaml");
    let text = fs::read_to_string(&contract).unwrap();
    fs::write(&contract, text.replace("meerwijk/", "meer-wijk/")).unwrap();
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("The neighbourhood slug `meerwijk` no longer exists"),
        "{stderr}"
    );
}

#[test]
fn a_redirect_lets_the_url_go_and_forwards_the_reader() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    remove_page(&root);
    fs::write(
        root.join("content/redirects.yaml"),
        "- { from: /over/, to: /wijken/ }\n- { from: /en/over/, to: /en/wijken/ }\n",
    )
    .unwrap();
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    let page = fs::read_to_string(out.join("over/index.html")).unwrap();
    assert!(
        page.contains(r#"<link rel="canonical" href="https://wijkcontracten.example.nl/wijken/">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="/wijken/">https://wijkcontracten.example.nl/wijken/</a>"#),
        "names the new address: {page}"
    );
    assert!(page.contains("http-equiv=\"refresh\""));
    // The old address stays in the record, so the redirect itself is permanent.
    assert!(record(&root).contains("\n/over/\n"));
}

#[test]
fn a_redirect_cannot_hide_a_live_page() {
    let (_tmp, root, out) = site();
    fs::write(
        root.join("content/redirects.yaml"),
        "- { from: /over/, to: /wijken/ }\n",
    )
    .unwrap();
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[redirect-conflict]"), "{stderr}");
    assert!(stderr.contains("content/redirects.yaml:1:3"), "{stderr}");
}

#[test]
fn the_flag_allows_dropping_with_a_warning() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    remove_page(&root);
    let (code, stderr) = build(&root, &out, &["--allow-dropped-urls"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning[dropped-url]"), "{stderr}");
    assert!(!out.join("over/index.html").exists());
    // The URL left the record: the next build does not warn again.
    assert!(!record(&root).contains("\n/over/\n"));
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(
        (code, stderr.contains("dropped-url")),
        (0, false),
        "{stderr}"
    );
}

#[test]
fn a_reused_question_id_is_a_warning() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let text = fs::read_to_string(&contract).unwrap();
    let record = record(&root);
    let line = record
        .lines()
        .find(|l| l.starts_with("/wijken/meerwijk/2011/6/\t"))
        .expect("question 6 is listed");
    let old_title = line
        .split("\ttitle=")
        .nth(1)
        .and_then(|t| t.split('\t').next())
        .unwrap();
    fs::write(
        &contract,
        text.replacen(old_title, "Iets heel anders over parkeervergunningen", 1),
    )
    .unwrap();
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning[id-reused]"), "{stderr}");
}

/// An output folder as versions before the record left it: the URLs in
/// `.afspraak-urls.txt` and a marker file, both inside the published folder.
fn legacy_output(out: &Path) {
    fs::create_dir_all(out).unwrap();
    fs::write(out.join(".afspraak-output"), "").unwrap();
    fs::write(out.join("index.html"), "oud").unwrap();
    fs::write(
        out.join(".afspraak-urls.txt"),
        "# The public URLs of this site, one per line (URL, tab, question title). Written by afspraak build.\n\
         /\n/over/\n/wijken/meerwijk/2011/6/\tKapotte bank bij de vijver\n",
    )
    .unwrap();
}

#[test]
fn a_site_with_only_the_old_list_adopts_it_once() {
    let (_tmp, root, out) = site();
    legacy_output(&out);
    remove_page(&root);
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error[dropped-url]: this build would drop /over/"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> public/.afspraak-urls.txt:3:1"),
        "{stderr}"
    );
    assert!(
        !root.join(RECORD).exists(),
        "a failed build records nothing"
    );

    // Put the page back: the build succeeds, writes the record, and leaves
    // nothing of ours in the published folder.
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site/content/pages"),
        &root.join("content/pages"),
    );
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(record(&root).contains("\n/over/\n"));
    for name in [".afspraak-urls.txt", ".afspraak-output"] {
        assert!(!out.join(name).exists(), "{name} is left in the output");
    }

    // From now on the record is what counts.
    remove_page(&root);
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--> published.txt:"), "{stderr}");
}

#[test]
fn nothing_of_afspraak_is_left_in_the_published_folder() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    assert_eq!(build(&root, &out, &[]).0, 0);
    let ours: Vec<_> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".afspraak") || n == RECORD)
        .collect();
    assert_eq!(ours, Vec::<String>::new());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains(r#"<meta name="generator" content="afspraak">"#),
        "how a later build knows the folder as ours"
    );
}
