//! Feeds, sitemap, open data and the search index of a built fixture site.

mod common;
use common::copy_dir;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site")
}

fn built() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    let b = afspraak::build(&fixture(), Some(&out), None).unwrap();
    assert!(b.checked.site.is_some(), "fixture builds");
    (tmp, out)
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            files.push(entry.path().strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    files
}

#[test]
fn feeds_parse_as_atom_with_the_right_entries() {
    let (_tmp, out) = built();
    let site: atom_syndication::Feed = read(&out, "atom.xml").parse().expect("valid Atom");
    let ids: Vec<String> = site.entries().iter().map(|e| e.id().to_string()).collect();
    assert!(
        ids.iter().any(|id| id.ends_with("/wijken/meerwijk/2011/")),
        "{ids:?}"
    );
    assert!(ids.iter().any(|id| id.contains("/nieuws/")), "{ids:?}");
    // Hidden contracts and draft updates are not in the feed.
    let text = read(&out, "atom.xml");
    for marker in [
        "HIDDENDRAFTMARKER",
        "EMBARGOMARKER",
        "DRAFTUPDATEMARKER",
        "europawijk/2011",
        "boerhaavewijk/2011",
    ] {
        assert!(!text.contains(marker), "atom.xml contains {marker}");
    }
    // Amsterdam offsets, never UTC 'Z'.
    for e in site.entries() {
        let updated = e.updated().to_rfc3339();
        assert!(
            updated.ends_with("+01:00") || updated.ends_with("+02:00"),
            "{updated}"
        );
    }
    let nb: atom_syndication::Feed = read(&out, "wijken/meerwijk/atom.xml")
        .parse()
        .expect("valid Atom");
    assert!(
        nb.entries()
            .iter()
            .all(|e| !e.id().contains("delftwijk/2010")),
        "only meerwijk's entries"
    );
    assert!(
        nb.entries()
            .iter()
            .any(|e| e.id().ends_with("/wijken/meerwijk/2011/"))
    );
    // Pages point to their feeds.
    assert!(read(&out, "index.html").contains(r#"type="application/atom+xml""#));
    assert!(
        read(&out, "wijken/meerwijk/index.html").contains(r#"href="/wijken/meerwijk/atom.xml""#)
    );
}

#[test]
fn feed_ids_are_stable_across_builds() {
    let (_a, out_a) = built();
    let (_b, out_b) = built();
    assert_eq!(read(&out_a, "atom.xml"), read(&out_b, "atom.xml"));
}

#[test]
fn sitemap_lists_exactly_the_public_pages() {
    let (_tmp, out) = built();
    let sitemap = read(&out, "sitemap.xml");
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap().to_string())
        .collect();
    let base = "https://wijkcontracten.example.nl";
    let pages: BTreeSet<String> = all_files(&out)
        .into_iter()
        .filter_map(|p| {
            let p = p.to_string_lossy().replace('\\', "/");
            p.strip_suffix("index.html")
                // Press cards are for an <iframe> and short links forward: both say `noindex`.
                .filter(|dir| !afspraak::render::urls::is_card(dir) && !dir.starts_with("k/"))
                .map(|dir| format!("{base}/{dir}"))
        })
        .collect();
    assert_eq!(listed, pages);
    assert!(!sitemap.contains("404"));
    assert!(!sitemap.contains("europawijk/2011"));
    assert!(read(&out, "robots.txt").contains(&format!("Sitemap: {base}/sitemap.xml")));
}

#[test]
fn csv_has_bom_header_and_one_row_per_public_question() {
    let (_tmp, out) = built();
    let bytes = fs::read(out.join("data/vragen.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let expected: Vec<&str> = afspraak::export::csv_columns().map(|f| f.name).collect();
    assert_eq!(header, expected);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let site = afspraak::check(&fixture(), None).unwrap().site.unwrap();
    let public: usize = site.public_contracts().map(|c| c.questions.len()).sum();
    assert_eq!(rows.len(), public);
    assert!(
        rows.iter()
            .any(|r| &r[12] == "declined" && &r[18] == "financial")
    );
}

#[test]
fn csv_survives_formula_injection() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture(), &root);
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let text = fs::read_to_string(&contract).unwrap();
    let (first_title_line, _) = text.split_once("title:").unwrap();
    let text = format!(
        "{first_title_line}title: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"klik\\\")\"{}",
        &text[first_title_line.len() + "title:".len()..]
            .split_once('\n')
            .map(|(_, rest)| format!("\n{rest}"))
            .unwrap()
    );
    fs::write(&contract, text).unwrap();
    let out = tmp.path().join("public");
    let b = afspraak::build(&root, Some(&out), None).unwrap();
    assert!(
        b.checked.site.is_some(),
        "{:?}",
        b.checked
            .diagnostics
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
    let bytes = fs::read(out.join("data/vragen.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[6].to_string())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("'=HYPERLINK")),
        "{titles:?}"
    );
    assert!(titles.iter().all(|t| !t.starts_with('=')
        && !t.starts_with('+')
        && !t.starts_with('-')
        && !t.starts_with('@')));
}

fn validate(schema_file: &str, instance: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("schemas")
                .join(schema_file),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_file}: {errors:#?}");
}

#[test]
fn json_exports_match_their_schemas() {
    let (_tmp, out) = built();
    let vragen: serde_json::Value = serde_json::from_str(&read(&out, "data/vragen.json")).unwrap();
    validate("vragen.schema.json", &vragen);
    assert_eq!(vragen["schema_version"], afspraak::export::SCHEMA_VERSION);
    assert!(
        vragen["licence"]
            .as_str()
            .unwrap()
            .contains("publicdomain/zero")
    );
    let contracten: serde_json::Value =
        serde_json::from_str(&read(&out, "data/contracten.json")).unwrap();
    validate("contracten.schema.json", &contracten);
    let catalog: serde_json::Value =
        serde_json::from_str(&read(&out, "data/catalog.jsonld")).unwrap();
    assert_eq!(catalog["@type"], "dcat:Catalog");
    assert_eq!(
        catalog["dcat:dataset"][0]["dcat:distribution"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // The data dictionary page explains every column.
    let page = read(&out, "data/index.html");
    for f in afspraak::export::QUESTION_FIELDS {
        assert!(
            page.contains(&format!("<code>{}</code>", f.name)),
            "{} undocumented",
            f.name
        );
    }
}

#[test]
fn open_data_is_pinned() {
    let (_tmp, out) = built();
    insta::assert_snapshot!("vragen_csv", read(&out, "data/vragen.csv"));
    insta::assert_snapshot!("vragen_json", read(&out, "data/vragen.json"));
    insta::assert_snapshot!("contracten_json", read(&out, "data/contracten.json"));
}

/// The shard of the index that lists `word`, following split shards.
fn shard(out: &Path, word: &str) -> serde_json::Value {
    let mut n = 2;
    loop {
        let start: String = word.chars().take(n).collect();
        let s: serde_json::Value =
            serde_json::from_str(&read(out, &format!("zoeken/index/w/{start}.json"))).unwrap();
        if s["s"] == 1 && word.chars().count() > n {
            n += 1;
            continue;
        }
        return s;
    }
}

/// The result chunks of the index: every document, in index order.
fn indexed(out: &Path) -> Vec<serde_json::Value> {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(out, "zoeken/index/manifest.json")).unwrap();
    let n = manifest["n"].as_u64().unwrap() as usize;
    let c = manifest["c"].as_u64().unwrap() as usize;
    let mut docs = Vec::new();
    for i in 0..n.div_ceil(c) {
        let chunk: Vec<serde_json::Value> =
            serde_json::from_str(&read(out, &format!("zoeken/index/d/{i}.json"))).unwrap();
        docs.extend(chunk);
    }
    assert_eq!(docs.len(), n);
    docs
}

#[test]
fn search_index_is_split_by_term_and_holds_only_public_content() {
    let (_tmp, out) = built();
    let docs = indexed(&out);
    let urls: Vec<&str> = docs.iter().map(|d| d["u"].as_str().unwrap()).collect();
    assert!(
        urls.iter().any(|u| u.starts_with("/wijken/meerwijk/2011/")),
        "{urls:?}"
    );
    assert!(
        urls.iter().any(|u| u.starts_with("/nieuws/")),
        "news is searchable"
    );
    assert!(
        !urls.iter().any(|u| u.contains("europawijk/2011")
            || u.contains("boerhaavewijk/2011")
            || u.contains("/nieuws/concept/")),
        "hidden contracts and draft news are not indexed"
    );
    // A reason's word is an index key, with its documents inline or in a file.
    let s = shard(&out, "declinereasonmarker");
    assert!(
        s["k"]["declinereasonmarker"].is_array(),
        "reasons are searchable: {s}"
    );
    // A Dutch inflection points at its stem: "speeltuinen" → "speeltuin".
    let s = shard(&out, "speeltuin");
    assert!(s["k"]["speeltuin"][0].as_u64().unwrap() >= 1, "{s}");
    // Filters are document sets of their own.
    assert!(out.join("zoeken/index/f/wijk-meerwijk.bin").exists());
    assert!(out.join("zoeken/index/f/jaar-2011.bin").exists());
    for f in all_files(&out.join("zoeken")) {
        let text =
            String::from_utf8_lossy(&fs::read(out.join("zoeken").join(&f)).unwrap()).to_lowercase();
        for start in [
            "hiddendraf",
            "embargomar",
            "draftupdat",
            "europawijk/2011",
            "boerhaavewijk/2011",
        ] {
            assert!(!text.contains(start), "{} contains {start}", f.display());
        }
    }
    let page = read(&out, "zoeken/index.html");
    assert!(
        page.contains("id=\"search-nojs\""),
        "a no-JavaScript route to the listings"
    );
    for href in [
        "href=\"/wijken/\"",
        "href=\"/themas/\"",
        "href=\"/partners/\"",
        "href=\"/partners/gemeente/\"",
    ] {
        assert!(page.contains(href), "{href}");
    }
    assert!(
        page.contains("id=\"f-stand\""),
        "a filter on the delivery state"
    );
}

#[test]
fn search_script_and_bundled_index_stay_within_budget() {
    let script =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js"))
            .unwrap();
    let gz = gzip_len(&script);
    assert!(gz < 10 * 1024, "search.js is {gz} bytes gzipped");
    // The bundled site: every file of the index is small enough for a phone on a slow line.
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    afspraak::build(Path::new(env!("CARGO_MANIFEST_DIR")), Some(&out), None).unwrap();
    let mut total = 0;
    for f in all_files(&out.join("zoeken/index")) {
        let bytes = fs::read(out.join("zoeken/index").join(&f)).unwrap();
        let gz = gzip_len(&bytes);
        total += gz;
        assert!(
            bytes.len() < 32 * 1024,
            "{} is {} bytes",
            f.display(),
            bytes.len()
        );
    }
    eprintln!(
        "search.js: {} bytes gzipped; bundled index: {total} bytes gzipped in total",
        gzip_len(&script)
    );
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut child = std::process::Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip is on the machine");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    child.wait_with_output().unwrap().stdout.len()
}

/// The draft (europawijk) and the embargoed contract (boerhaavewijk) get a
/// progress step, a move, a change of the answer and a decision, each marked.
fn site_with_hidden_records() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture(), &root);
    for (slug, marker) in [
        ("europawijk", "DRAFTRECORDMARKER"),
        ("boerhaavewijk", "EMBARGORECORDMARKER"),
    ] {
        let path = root.join(format!("content/contracts/{slug}/2011.yaml"));
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str(&format!(
            "  - id: 2\n    title: {marker} verschoven\n    topic: heel\n    asked: Vraag.\n    partner: gemeente\n    outcome: honoured\n    when: 2011-10\n    progress:\n      - {{ date: 2011-06-01, state: started, note: {marker} voortgang }}\n    rescheduled:\n      - {{ date: 2011-09-01, when: 2012-Q2, reason: {marker} verschoven }}\n\
             \x20 - id: 3\n    title: {marker} besluit\n    topic: heel\n    asked: Vraag.\n    partner: gemeente\n    outcome: prioritised\n    report_by: 2011-11\n    decision: {{ date: 2011-11-30, included: false, note: {marker} besluit }}\n\
             \x20 - id: 4\n    title: {marker} gewijzigd\n    topic: heel\n    asked: Vraag.\n    partner: gemeente\n    outcome: declined\n    ground: policy\n    reason: Past niet.\n    revised:\n      - {{ date: 2011-08-01, from: honoured, reason: {marker} gewijzigd }}\n"
        ));
        fs::write(&path, text).unwrap();
    }
    (tmp, root)
}

#[test]
fn the_record_of_hidden_contracts_never_reaches_feeds_or_data() {
    let (tmp, root) = site_with_hidden_records();
    let out = tmp.path().join("public");
    let b = afspraak::build(&root, Some(&out), None).unwrap();
    assert!(b.succeeded(), "{:#?}", b.checked.diagnostics);
    for f in all_files(&out) {
        let text = String::from_utf8_lossy(&fs::read(out.join(&f)).unwrap()).into_owned();
        for marker in ["DRAFTRECORDMARKER", "EMBARGORECORDMARKER"] {
            assert!(!text.contains(marker), "{} contains {marker}", f.display());
        }
        // Nothing of `serve`'s editor: no edit link, form or token.
        for trace in [
            "/__afspraak/",
            "afspraak-bewerken",
            ">Bewerken<",
            "name=\"token\"",
            ">Opslaan<",
        ] {
            assert!(!text.contains(trace), "{} contains {trace}", f.display());
        }
    }
    for rel in [
        "atom.xml",
        "wijken/europawijk/atom.xml",
        "wijken/boerhaavewijk/atom.xml",
    ] {
        let feed: atom_syndication::Feed = read(&out, rel).parse().expect("valid Atom");
        for e in feed.entries() {
            assert!(
                !e.id().contains("/europawijk/") && !e.id().contains("/boerhaavewijk/"),
                "{rel} has {}",
                e.id()
            );
        }
    }
    // Once the embargo lifts, that record is published (so the markers above
    // would have been found); the draft's never is.
    let lifted = tmp.path().join("lifted");
    let as_of = chrono::NaiveDate::from_ymd_opt(2012, 1, 16)
        .unwrap()
        .and_hms_opt(0, 0, 0);
    let b = afspraak::build(&root, Some(&lifted), as_of).unwrap();
    assert!(b.succeeded(), "{:#?}", b.checked.diagnostics);
    for rel in [
        "atom.xml",
        "wijken/boerhaavewijk/atom.xml",
        "data/vragen.json",
    ] {
        let text = read(&lifted, rel);
        for part in ["voortgang", "verschoven", "besluit", "gewijzigd"] {
            assert!(
                text.contains(&format!("EMBARGORECORDMARKER {part}")),
                "{rel} lacks {part}"
            );
        }
    }
    for f in all_files(&lifted) {
        let text = String::from_utf8_lossy(&fs::read(lifted.join(&f)).unwrap()).into_owned();
        assert!(!text.contains("DRAFTRECORDMARKER"), "{}", f.display());
    }
}
