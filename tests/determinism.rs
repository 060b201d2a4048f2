//! Same result everywhere (issue 8): the bundled site, built with a fixed
//! `--as-of`, is byte-identical whatever the time zone, the locale and the
//! number of worker threads.

mod hardening_support;

use std::process::{Command, Stdio};

use hardening_support::*;
use tempfile::TempDir;

const AS_OF: &str = "2026-11-27T12:00";
const ZONES: [&str; 3] = ["UTC", "Pacific/Auckland", "America/Los_Angeles"];
const LOCALES: [&str; 3] = ["C", "nl_NL.UTF-8", "tr_TR.UTF-8"];
const THREADS: [&str; 3] = ["1", "2", "8"];

fn build(root: &std::path::Path, out: &std::path::Path, tz: &str, locale: &str, threads: &str) {
    let mut c = Command::new(BIN);
    for (k, _) in std::env::vars() {
        if k.starts_with("LC_")
            || k == "LANG"
            || k == "LANGUAGE"
            || k == "TZ"
            || k.starts_with("RAYON")
        {
            c.env_remove(k);
        }
    }
    let o = c
        .args(["build", "--as-of", AS_OF, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("TZ", tz)
        .env("LANG", locale)
        .env("LC_ALL", locale)
        .env("LANGUAGE", locale)
        .env("RAYON_NUM_THREADS", threads)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "build with TZ={tz} LC_ALL={locale} RAYON_NUM_THREADS={threads} failed:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Nine builds in a Latin square: every time zone meets every locale once,
/// and every thread count meets every time zone and every locale once.
#[test]
fn bundled_site_builds_byte_identical_under_any_zone_locale_and_threads() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_site(&repo(), &root);
    let reference_dir = tmp.path().join("reference");
    build(&root, &reference_dir, "Europe/Amsterdam", "C.UTF-8", "2");
    let reference = tree(&reference_dir);
    assert!(reference.len() > 50, "only {} files", reference.len());
    let mut failures = Vec::new();
    for (i, tz) in ZONES.iter().enumerate() {
        for (j, locale) in LOCALES.iter().enumerate() {
            let threads = THREADS[(i + j) % 3];
            let out = tmp.path().join(format!("out-{i}-{j}"));
            build(&root, &out, tz, locale, threads);
            if let Some(d) = tree_diff(&reference, &tree(&out)) {
                failures.push(format!(
                    "TZ={tz} LC_ALL={locale} RAYON_NUM_THREADS={threads}: {d}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The in-process build agrees with the binary's, whatever this test
/// process's own environment is.
#[test]
fn library_and_binary_builds_agree() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_site(&repo(), &root);
    let by_binary = tmp.path().join("bin");
    build(&root, &by_binary, "Pacific/Auckland", "tr_TR.UTF-8", "1");
    let by_library = tmp.path().join("lib");
    let built = afspraak::build(&root, Some(&by_library), afspraak::parse_as_of(AS_OF)).unwrap();
    assert!(built.succeeded());
    if let Some(d) = tree_diff(&tree(&by_binary), &tree(&by_library)) {
        panic!("{d}");
    }
}

/// Rebuilding on another day (issue 13): two builds of an unchanged site,
/// on days between which no agreement changes state, write the same data
/// files and feeds. Their dates come from the content: here the day the last
/// deadline passed (`report_by: 2011-11`), never the build's clock.
#[test]
fn data_and_feeds_carry_no_build_clock() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_site(&repo().join("tests/fixtures/build-site"), &root);
    let outputs = ["2011-12-02T09:00", "2011-12-31T18:30"].map(|as_of| {
        let out = tmp.path().join(as_of.replace(':', ""));
        let built = afspraak::build(&root, Some(&out), afspraak::parse_as_of(as_of)).unwrap();
        assert!(built.succeeded());
        tree(&out)
            .into_iter()
            .filter(|(path, _)| path.starts_with("data/") && !path.ends_with(".html"))
            .chain(
                tree(&out)
                    .into_iter()
                    .filter(|(path, _)| path.ends_with(".xml")),
            )
            .collect::<std::collections::BTreeMap<_, _>>()
    });
    let [a, b] = &outputs;
    assert!(a.keys().any(|p| p == "atom.xml") && a.contains_key("data/catalog.jsonld"));
    // Boerhaavewijk's contract is under embargo until 2012: its feed has no entries.
    let empty = String::from_utf8(a["wijken/boerhaavewijk/atom.xml"].clone()).unwrap();
    assert!(!empty.contains("<entry>"), "{empty}");
    if let Some(d) = tree_diff(a, b) {
        panic!("{d}");
    }
    let catalog: serde_json::Value = serde_json::from_slice(&a["data/catalog.jsonld"]).unwrap();
    assert_eq!(
        catalog["dcat:dataset"][0]["dct:modified"]["@value"],
        "2011-12-01T00:00:00+01:00"
    );
    let vragen: serde_json::Value = serde_json::from_slice(&a["data/vragen.json"]).unwrap();
    assert_eq!(vragen["as_of"], "2011-12-01T00:00:00+01:00");
    // A feed without entries takes the site's latest content, as the site's
    // feed does from its newest entry.
    let updated = |xml: &str| xml.split("<updated>").nth(1).unwrap()[..25].to_string();
    let site = String::from_utf8(a["atom.xml"].clone()).unwrap();
    assert_eq!(updated(&empty), "2011-10-21T00:00:00+02:00");
    assert_eq!(updated(&empty), updated(&site));
}
