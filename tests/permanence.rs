//! Published URLs are permanent: a build that would drop one fails and names
//! it, unless content/redirects.yaml says where it went.

mod common;
use common::copy_dir;

use std::fs;
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

fn site() -> (TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        &root,
    );
    let out = tmp.path().join("public");
    (tmp, root, out)
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let o = Command::new(BIN)
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
fn the_manifest_lists_what_was_published() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let manifest = fs::read_to_string(out.join(".afspraak-urls.txt")).unwrap();
    for url in [
        "/\n",
        "/wijken/meerwijk/2011/\n",
        "/wijken/meerwijk/2011/7/\t",
        "/en/wijken/meerwijk/2011/7/\n",
        "/atom.xml\n",
        "/data/vragen.csv\n",
        "/over/\n",
    ] {
        assert!(manifest.contains(url), "manifest lacks {url:?}");
    }
    assert!(
        !manifest.contains("/static/"),
        "theme assets are not permanent URLs"
    );
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
    assert!(stderr.contains("public/.afspraak-urls.txt:"), "{stderr}");
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
        page.contains(r#"<a href="/wijken/">/wijken/</a>"#),
        "names the new address: {page}"
    );
    assert!(page.contains("http-equiv=\"refresh\""));
    // The old address stays in the manifest, so the redirect itself is permanent.
    assert!(
        fs::read_to_string(out.join(".afspraak-urls.txt"))
            .unwrap()
            .contains("/over/\n")
    );
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
}

#[test]
fn a_reused_question_id_is_a_warning() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let text = fs::read_to_string(&contract).unwrap();
    let manifest = fs::read_to_string(out.join(".afspraak-urls.txt")).unwrap();
    let line = manifest
        .lines()
        .find(|l| l.starts_with("/wijken/meerwijk/2011/6/\t"))
        .expect("question 6 is listed");
    let old_title = line.split('\t').nth(1).unwrap();
    fs::write(
        &contract,
        text.replacen(old_title, "Iets heel anders over parkeervergunningen", 1),
    )
    .unwrap();
    let (code, stderr) = build(&root, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning[id-reused]"), "{stderr}");
}
