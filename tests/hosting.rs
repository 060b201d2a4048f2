//! Hosting: a site under a path of its host (`base_url` with a path), the
//! warning while `base_url` is an example address, and precompressed copies.

mod common;
use common::copy_dir;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use tempfile::TempDir;

const BASE: &str = "/wijkcontracten";

/// The build fixture, copied, with `base_url` under a path and `extra` site.toml lines.
fn fixture_at(base_url: &str, extra: &str) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        &root,
    );
    let toml = fs::read_to_string(root.join("site.toml")).unwrap();
    let toml = toml.replace(
        "base_url = \"https://wijkcontracten.example.nl\"",
        &format!("base_url = \"{base_url}\"\n{extra}"),
    );
    assert!(toml.contains(base_url));
    fs::write(root.join("site.toml"), toml).unwrap();
    (tmp, root)
}

fn build(root: &Path, out: &Path) -> (bool, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("AFSPRAAK_LANG", "en")
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

fn files(out: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// The file a URL on the host serves, if it is inside the site.
fn served_file(url: &str) -> Option<String> {
    let path = url.split(['#', '?']).next().unwrap();
    let rest = path.strip_prefix(BASE)?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    Some(if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    })
}

#[test]
fn under_a_path_every_link_and_asset_stays_inside_the_site() {
    let (tmp, root) = fixture_at("https://www.haarlem.nl/wijkcontracten/", "");
    let out = tmp.path().join("public");
    let (ok, stderr) = build(&root, &out);
    assert!(ok, "{stderr}");
    let all = files(&out);
    let attr = Regex::new(r#"(?:href|src|action|data-root)="(/[^"]*)""#).unwrap();
    let refresh = Regex::new(r#"content="0; url=([^"]*)""#).unwrap();
    let mut checked = 0;
    for file in all.iter().filter(|f| f.ends_with(".html")) {
        let html = fs::read_to_string(out.join(file)).unwrap();
        let urls = attr
            .captures_iter(&html)
            .chain(refresh.captures_iter(&html))
            .map(|c| c[1].to_string());
        for url in urls {
            let target = served_file(&url)
                .unwrap_or_else(|| panic!("{file} links to {url}, outside {BASE}/"));
            assert!(
                all.contains(&target),
                "{file} links to {url}, which the site does not have"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
    // The search script finds its index under the path too.
    let search = fs::read_to_string(out.join("zoeken/index.html")).unwrap();
    assert!(search.contains("data-root=\"/wijkcontracten/\""));
    // Absolute addresses (canonical, feeds, sitemap, open data) carry the path once.
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains(r#"<link rel="canonical" href="https://www.haarlem.nl/wijkcontracten/">"#)
    );
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://www.haarlem.nl/wijkcontracten/wijken/</loc>"));
    assert!(!sitemap.contains("wijkcontracten/wijkcontracten"));
    let feed = fs::read_to_string(out.join("atom.xml")).unwrap();
    assert!(feed.contains("href=\"https://www.haarlem.nl/wijkcontracten/\""));
    // Links inside entries are absolute: a feed reader would resolve
    // `/wijken/…` against the host's root.
    assert!(!feed.contains("href=&quot;/"), "{feed}");
    // The record keeps site-relative URLs: moving the site is not a change.
    let record = fs::read_to_string(root.join("published.txt")).unwrap();
    assert!(record.contains("\n/wijken/\n"));
    assert!(!record.contains(BASE));
}

#[test]
fn build_warns_while_base_url_is_an_example_address() {
    for (url, warns) in [
        ("https://wijkcontracten.example.nl", true),
        ("http://localhost:8080/", true),
        ("https://www.haarlem.nl/wijkcontracten/", false),
    ] {
        let (tmp, root) = fixture_at(url, "");
        let (ok, stderr) = build(&root, &tmp.path().join("public"));
        assert!(ok, "{stderr}");
        assert_eq!(
            stderr.contains("warning[example-address]"),
            warns,
            "{url}: {stderr}"
        );
        if warns {
            assert!(stderr.contains("site.toml:3:12"), "{stderr}");
            assert!(stderr.contains("set `base_url` in site.toml"), "{stderr}");
        }
        // `check` does not warn: a preview may run at any address.
        let check = Command::new(env!("CARGO_BIN_EXE_afspraak"))
            .args(["check", "--root"])
            .arg(&root)
            .env("AFSPRAAK_LANG", "en")
            .output()
            .unwrap();
        assert!(!String::from_utf8_lossy(&check.stdout).contains("example-address"));
        assert!(!String::from_utf8_lossy(&check.stderr).contains("example-address"));
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[test]
fn precompressed_copies_match_their_files_and_stay_the_same_between_builds() {
    let (tmp, root) = fixture_at(
        "https://www.haarlem.nl/wijkcontracten/",
        "precompress = true",
    );
    let out = tmp.path().join("public");
    let (ok, stderr) = build(&root, &out);
    assert!(ok, "{stderr}");
    let all = files(&out);
    let originals: Vec<&String> = all
        .iter()
        .filter(|f| !f.ends_with(".gz") && !f.ends_with(".br"))
        .collect();
    let mut compressed = 0;
    for f in &originals {
        let bytes = fs::read(out.join(f)).unwrap();
        let text = [
            ".html", ".xml", ".json", ".jsonld", ".csv", ".css", ".js", ".txt", ".svg",
        ]
        .iter()
        .any(|e| f.ends_with(e));
        let gz = out.join(format!("{f}.gz"));
        let br = out.join(format!("{f}.br"));
        if !text || bytes.len() < 256 {
            assert!(!gz.exists() && !br.exists(), "{f} needs no copies");
            continue;
        }
        assert_eq!(gunzip(&fs::read(&gz).unwrap()), bytes, "{f}.gz");
        assert_eq!(unbrotli(&fs::read(&br).unwrap()), bytes, "{f}.br");
        compressed += 1;
    }
    assert!(compressed > 100, "{compressed}");
    // The copies are not pages: not in the sitemap or the record.
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains(".gz<") && !sitemap.contains(".br<"));
    let record = fs::read_to_string(root.join("published.txt")).unwrap();
    assert!(!record.contains(".gz\n") && !record.contains(".br\n"));
    // A second build into a fresh folder writes the same bytes.
    let again = tmp.path().join("again");
    let (ok, stderr) = build(&root, &again);
    assert!(ok, "{stderr}");
    assert_eq!(files(&again), all);
    for f in all
        .iter()
        .filter(|f| f.ends_with(".gz") || f.ends_with(".br"))
    {
        assert!(
            fs::read(out.join(f)).unwrap() == fs::read(again.join(f)).unwrap(),
            "{f} differs between builds"
        );
    }
}

#[test]
fn without_the_switch_nothing_is_compressed() {
    let (tmp, root) = fixture_at("https://www.haarlem.nl/", "");
    let out = tmp.path().join("public");
    let (ok, stderr) = build(&root, &out);
    assert!(ok, "{stderr}");
    assert!(
        !files(&out)
            .iter()
            .any(|f| f.ends_with(".gz") || f.ends_with(".br"))
    );
    // At the root of a domain, links are root-relative as before.
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("href=\"/wijken/\""));
}
