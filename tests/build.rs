//! Integration tests for `afspraak build`, against the fixture in
//! `tests/fixtures/build-site/` (as_of 2011-12-31T12:00:00).

mod common;
use common::copy_dir;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        // These tests pin the English messages.
        .env("AFSPRAAK_LANG", "en")
        .args(args)
        .output()
        .expect("running the afspraak binary")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Builds `root` into `out` with the binary, asserts success, and returns what it printed.
fn build_ok(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--root", path_str(root), "--output", path_str(out)];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(
        o.status.success(),
        "build failed: {:?}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Builds the fixture into a fresh temporary folder.
fn build_fixture(extra: &[&str]) -> TempDir {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&fixture(), &out, extra);
    tmp
}

fn out_of(tmp: &TempDir) -> PathBuf {
    tmp.path().join("public")
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
            files.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    files
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

/// A copy of the fixture in a temporary folder: (tempdir, site root).
fn fixture_copy() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture(), &root);
    (tmp, root)
}

/// Replaces `from` (which must occur) with `to` in `root/rel`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn main_part(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a </main> end tag") + "</main>".len();
    &html[start..end]
}

// ---------------------------------------------------------------------------

#[test]
fn fixture_passes_check() {
    let o = run(&["check", "--root", path_str(&fixture())]);
    assert!(
        o.status.success(),
        "check failed:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    // The library agrees.
    let checked = afspraak::check(&fixture(), None).unwrap();
    assert!(checked.site.is_some());
}

#[test]
fn contract_page_shows_reasons_overdue_notice_and_dispute() {
    let tmp = build_fixture(&[]);
    let html = read(&out_of(&tmp), "wijken/meerwijk/2011/index.html");
    for needle in [
        // the decline reason and its ground, in Dutch
        "DECLINEREASONMARKER er is dit jaar geen budget",
        "Er is geen geld voor",
        // meerwijk/2011/7: when 2011-10, not done by 2011-12-31
        "Te laat",
        // the expectation notice from site.toml
        "NOTICEMARKER",
        // the disputed note beside a done agreement
        "DISPUTEDMARKER",
        // the council's configured name
        "wijkplatform",
    ] {
        assert!(html.contains(needle), "contract page lacks {needle:?}");
    }
}

#[test]
fn overdue_is_derived_per_question() {
    let tmp = build_fixture(&[]);
    let out = out_of(&tmp);
    // honoured, when passed, not done
    assert!(read(&out, "wijken/meerwijk/2011/7/index.html").contains("Te laat"));
    // prioritised, report_by passed, no decision
    assert!(read(&out, "wijken/meerwijk/2011/10/index.html").contains("Te laat"));
    // honoured and done on time: not overdue
    assert!(!read(&out, "wijken/meerwijk/2011/12/index.html").contains("Te laat"));
    // scheduled for 2013: not overdue yet
    assert!(!read(&out, "wijken/meerwijk/2011/9/index.html").contains("Te laat"));
}

#[test]
fn follows_links_both_ways() {
    let tmp = build_fixture(&[]);
    let out = out_of(&tmp);
    let follower = read(&out, "wijken/meerwijk/2011/11/index.html");
    assert!(
        follower.contains(r#"href="/wijken/delftwijk/2010/4/""#),
        "follower does not link to the followed question"
    );
    let followed = read(&out, "wijken/delftwijk/2010/4/index.html");
    assert!(
        followed.contains(r#"href="/wijken/meerwijk/2011/11/""#),
        "followed question does not link back to its follower"
    );
}

#[test]
fn update_links_question_both_ways() {
    let tmp = build_fixture(&[]);
    let out = out_of(&tmp);
    let update = read(&out, "nieuws/lantaarnpalen/index.html");
    assert!(update.contains(r#"href="/wijken/meerwijk/2011/7/""#));
    let question = read(&out, "wijken/meerwijk/2011/7/index.html");
    assert!(question.contains(r#"href="/nieuws/lantaarnpalen/""#));
}

#[test]
fn partner_page_shows_where_its_agreements_stand() {
    let tmp = build_fixture(&[]);
    let html = read(&out_of(&tmp), "partners/gemeente/index.html");
    // Two done on time; meerwijk/2011/11 is done but disputed, so not kept;
    // one past its `when`; one not yet due.
    for figure in [
        "<strong>2</strong> nagekomen",
        "<strong>1</strong> uitgevoerd, maar het wijkplatform is het er niet mee eens",
        "<strong>1</strong> te laat",
        "<strong>1</strong> op schema",
    ] {
        assert!(html.contains(figure), "missing {figure:?}");
    }
}

#[test]
fn english_contract_page() {
    let tmp = build_fixture(&[]);
    let html = read(&out_of(&tmp), "en/wijken/meerwijk/2011/index.html");
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Not possible"));
    assert!(html.contains("Late"));
    assert!(!html.contains("Te laat"));
}

#[test]
fn every_html_page_has_exactly_one_h1() {
    let tmp = build_fixture(&[]);
    let files = tree(&out_of(&tmp));
    let mut pages = 0;
    for (path, bytes) in &files {
        if path.extension().is_some_and(|e| e == "html") {
            pages += 1;
            let html = String::from_utf8_lossy(bytes);
            let n = html.matches("<h1").count();
            assert_eq!(n, 1, "{} has {n} <h1> elements", path.display());
        }
    }
    assert!(pages > 20, "only {pages} pages built");
}

#[test]
fn hidden_items_never_reach_the_output() {
    let tmp = build_fixture(&[]);
    let files = tree(&out_of(&tmp));
    assert!(!files.is_empty());
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for marker in ["HIDDENDRAFTMARKER", "EMBARGOMARKER", "DRAFTUPDATEMARKER"] {
            assert!(
                !text.contains(marker),
                "{} contains {marker}",
                path.display()
            );
        }
        // The search index holds words folded to lower case, stemmed, and
        // their compound ends: a leak would show the start of the word.
        let lower = text.to_lowercase();
        for start in ["hiddendraf", "embargomar", "draftupdat"] {
            assert!(
                !lower.contains(start),
                "{} contains {start}",
                path.display()
            );
        }
    }
    assert!(
        files.keys().any(|p| p.starts_with("zoeken/index/w")),
        "the search index was checked"
    );
    assert!(!files.contains_key(Path::new("wijken/boerhaavewijk/2011/index.html")));
    assert!(!files.contains_key(Path::new("wijken/europawijk/2011/index.html")));
    assert!(!files.contains_key(Path::new("nieuws/concept/index.html")));
}

#[test]
fn embargo_lifts_with_as_of() {
    let tmp = build_fixture(&["--as-of", "2012-01-16"]);
    let out = out_of(&tmp);
    let contract = read(&out, "wijken/boerhaavewijk/2011/index.html");
    assert!(contract.contains("EMBARGOMARKER"));
    assert!(read(&out, "wijken/boerhaavewijk/2011/1/index.html").contains("EMBARGOMARKER"));
    // drafts stay hidden whatever the date
    let mut found = false;
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("HIDDENDRAFTMARKER"), "{}", path.display());
        assert!(!text.contains("DRAFTUPDATEMARKER"), "{}", path.display());
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("hiddendraf") && !lower.contains("draftupdat"),
            "{}",
            path.display()
        );
        found |= path.starts_with("zoeken/index/w") && lower.contains("embargomar");
    }
    assert!(
        found,
        "once the embargo lifts, its words are in the search index"
    );
}

#[test]
fn library_build_matches_binary_build() {
    let tmp = TempDir::new().unwrap();
    let lib_out = tmp.path().join("lib");
    let bin_out = tmp.path().join("bin");
    let built = afspraak::build(&fixture(), Some(&lib_out), None).unwrap();
    assert!(built.checked.site.is_some());
    assert!(built.files > 0);
    build_ok(&fixture(), &bin_out, &[]);
    assert_eq!(tree(&lib_out), tree(&bin_out));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let (tmp, root) = fixture_copy();
    let out = tmp.path().join("public");
    build_ok(&root, &out, &[]);
    let before = tree(&out);
    assert!(!before.is_empty());

    // A declined answer with an unknown ground is a content error.
    edit(
        &root,
        "content/contracts/meerwijk/2011.yaml",
        "ground: financial",
        "ground: bogus",
    );
    let o = run(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(1), "a content error must exit 1");
    assert_eq!(tree(&out), before, "the previous output changed");
    // no stray temporary folders beside the output
    let siblings: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(siblings.len(), 2, "unexpected files: {siblings:?}");
}

fn assert_refused(root: &Path, out: &Path) {
    let o = run(&["build", "--root", path_str(root), "--output", path_str(out)]);
    assert!(
        !o.status.success(),
        "build into {} was not refused",
        out.display()
    );
    assert!(!String::from_utf8_lossy(&o.stderr).is_empty(), "no message");
}

#[test]
fn refuses_the_site_root_as_output() {
    let (_tmp, root) = fixture_copy();
    let before = tree(&root);
    assert_refused(&root, &root);
    assert_eq!(tree(&root), before);
}

#[test]
fn refuses_a_parent_of_the_site_root_as_output() {
    let (tmp, root) = fixture_copy();
    let before = tree(tmp.path());
    assert_refused(&root, tmp.path());
    assert_eq!(tree(tmp.path()), before);
}

#[test]
fn refuses_a_folder_holding_site_toml() {
    let (tmp, root) = fixture_copy();
    let other = tmp.path().join("other-site");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("site.toml"), "title = \"x\"\n").unwrap();
    assert_refused(&root, &other);
    assert_eq!(
        fs::read_to_string(other.join("site.toml")).unwrap(),
        "title = \"x\"\n"
    );
    assert_eq!(fs::read_dir(&other).unwrap().count(), 1);
}

#[test]
fn refuses_a_foreign_non_empty_folder() {
    let (tmp, root) = fixture_copy();
    let foreign = tmp.path().join("foreign");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("keep.txt"), "keep me").unwrap();
    assert_refused(&root, &foreign);
    assert_eq!(
        fs::read_to_string(foreign.join("keep.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(fs::read_dir(&foreign).unwrap().count(), 1);
}

#[test]
fn rebuild_into_own_output_is_allowed() {
    let tmp = build_fixture(&[]);
    let out = out_of(&tmp);
    let first = tree(&out);
    build_ok(&fixture(), &out, &[]);
    assert_eq!(tree(&out), first);
}

#[test]
fn builds_are_byte_identical() {
    let a = build_fixture(&[]);
    let b = build_fixture(&[]);
    let ta = tree(&out_of(&a));
    let tb = tree(&out_of(&b));
    assert_eq!(
        ta.keys().collect::<Vec<_>>(),
        tb.keys().collect::<Vec<_>>(),
        "different file lists"
    );
    for (path, bytes) in &ta {
        assert!(tb[path] == *bytes, "{} differs", path.display());
    }
}

#[test]
fn user_text_cannot_inject_html() {
    const P: &str =
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";
    let quoted = format!("\"{P}\"");
    let (tmp, root) = fixture_copy();
    let contract = "content/contracts/meerwijk/2011.yaml";
    edit(
        &root,
        contract,
        "title: Speeltuin aan de Kleverlaan",
        &format!("title: {quoted}"),
    );
    edit(
        &root,
        contract,
        "Bewoners willen een nieuwe speeltuin.",
        &format!("Bewoners willen {P}"),
    );
    edit(
        &root,
        contract,
        "Er komen vier extra lantaarnpalen langs het pad.",
        &format!("Er komen {P}"),
    );
    edit(
        &root,
        contract,
        "DECLINEREASONMARKER er is dit jaar",
        &format!("DECLINEREASONMARKER {P} er is dit jaar"),
    );
    edit(
        &root,
        contract,
        "location: Floris van Adrichempark",
        &format!("location: {quoted}"),
    );
    edit(
        &root,
        contract,
        "note: Opdracht verleend aan de aannemer.",
        &format!("note: {quoted}"),
    );
    edit(
        &root,
        "content/partners.yaml",
        "name: Elan Wonen",
        &format!("name: {quoted}"),
    );
    edit(
        &root,
        "content/districts.yaml",
        "name: Meerwijk",
        &format!("name: {quoted}"),
    );
    edit(
        &root,
        "content/updates/2011-10-21-lantaarnpalen.md",
        "De aannemer is begonnen",
        &format!("{P}\n\nDe aannemer is begonnen"),
    );
    edit(
        &root,
        "content/pages/over.md",
        "Een wijkcontract is een afspraak",
        &format!("{P}\n\nEen wijkcontract is een afspraak"),
    );
    let out = tmp.path().join("public");
    build_ok(&root, &out, &[]);

    let script = regex::Regex::new(r"(?i)<script>alert").unwrap();
    // an onerror attribute inside a tag (escaped text "&lt;img … onerror=…" is harmless)
    let onerror = regex::Regex::new(r"(?i)<[a-z][^>]*\sonerror\s*=\s*alert").unwrap();
    let js_href = regex::Regex::new(r#"(?i)href\s*=\s*["']?\s*javascript:"#).unwrap();
    let quoted = regex::Regex::new(r#""[^"]*""#).unwrap();
    let files = tree(&out);
    let mut payload_seen = 0;
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if text.to_lowercase().contains("alert(1)") {
            payload_seen += 1;
        }
        // Open data (JSON, CSV) carries the text as data, verbatim by design;
        // it is never parsed as HTML. Markup formats must be safe.
        if path.extension().is_some_and(|e| e == "json" || e == "csv") {
            continue;
        }
        // Quoted attribute values are text, however they read: look outside them.
        let outside_quotes = quoted.replace_all(&text, "\"\"");
        for (re, haystack) in [
            (&script, &*text),
            (&onerror, &*outside_quotes),
            (&js_href, &*text),
        ] {
            assert!(
                !re.is_match(haystack),
                "{} contains {:?}",
                path.display(),
                re.find(haystack).unwrap().as_str()
            );
        }
    }
    // The payloads were really rendered (escaped or sanitised), not dropped.
    assert!(payload_seen > 10, "payload only in {payload_seen} files");
}

#[test]
fn snapshots_of_each_page_kind() {
    let tmp = build_fixture(&[]);
    let out = out_of(&tmp);
    for (name, rel) in [
        ("home", "index.html"),
        ("neighbourhoods", "wijken/index.html"),
        ("neighbourhood", "wijken/meerwijk/index.html"),
        ("contract", "wijken/meerwijk/2011/index.html"),
        ("question", "wijken/meerwijk/2011/11/index.html"),
        ("district", "stadsdelen/schalkwijk/index.html"),
        ("partner", "partners/gemeente/index.html"),
        ("topic", "themas/heel/index.html"),
        ("news", "nieuws/index.html"),
        ("news_item", "nieuws/lantaarnpalen/index.html"),
        ("page", "over/index.html"),
        ("not_found", "404.html"),
        ("late", "te-laat/index.html"),
        ("figures", "cijfers/index.html"),
        ("figure_list", "cijfers/nagekomen/index.html"),
        (
            "partner_figure_list",
            "partners/gemeente/cijfers/te-laat/index.html",
        ),
        ("districts", "stadsdelen/index.html"),
        ("partners", "partners/index.html"),
        ("topics", "themas/index.html"),
    ] {
        let html = read(&out, rel);
        insta::assert_snapshot!(name, main_part(&html));
    }
}

#[test]
fn council_wording_follows_the_setting() {
    let tmp = build_fixture(&[]);
    for (path, bytes) in tree(&out_of(&tmp)) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(
            !text.contains("wijkraad"),
            "{} says wijkraad though the council is a wijkplatform",
            path.display()
        );
    }
}

#[test]
fn no_placeholder_is_left_unfilled() {
    let tmp = build_fixture(&[]);
    for (path, bytes) in tree(&out_of(&tmp)) {
        if path.extension().is_some_and(|e| e == "html") {
            let text = String::from_utf8_lossy(&bytes);
            for placeholder in [
                "{council}",
                "{the_council}",
                "{The_council}",
                "{year}",
                "{id}",
                "{kept}",
                "{total}",
                "{date}",
            ] {
                assert!(
                    !text.contains(placeholder),
                    "{} contains {placeholder}",
                    path.display()
                );
            }
        }
    }
}

/// Every file's modification time, by relative path.
fn mtimes(dir: &Path) -> BTreeMap<PathBuf, std::time::SystemTime> {
    tree(dir)
        .into_keys()
        .map(|rel| {
            let t = fs::metadata(dir.join(&rel)).unwrap().modified().unwrap();
            (rel, t)
        })
        .collect()
}

/// Sets every file's modification time to long ago, so that a rewrite shows.
fn age_files(dir: &Path) -> std::time::SystemTime {
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for rel in tree(dir).into_keys() {
        let f = fs::File::options().write(true).open(dir.join(rel)).unwrap();
        f.set_modified(long_ago).unwrap();
    }
    long_ago
}

#[test]
fn a_rebuild_rewrites_only_what_changed() {
    let (tmp, root) = fixture_copy();
    let out = tmp.path().join("public");
    build_ok(&root, &out, &[]);
    let long_ago = age_files(&out);

    // Nothing changed: every file keeps its modification time.
    let o = build_ok(&root, &out, &[]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("(none changed)"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let unchanged: Vec<_> = mtimes(&out)
        .into_iter()
        .filter(|(_, t)| *t != long_ago)
        .collect();
    assert!(
        unchanged.is_empty(),
        "rewritten without a change: {unchanged:?}"
    );

    // One title changed: its pages are new, the rest keep their time.
    edit(
        &root,
        "content/contracts/meerwijk/2011.yaml",
        "title: Kapotte bank bij de vijver",
        "title: Kapotte bank bij de grote vijver",
    );
    build_ok(&root, &out, &[]);
    let times = mtimes(&out);
    let rewritten: Vec<&PathBuf> = times
        .iter()
        .filter(|(_, t)| **t != long_ago)
        .map(|(p, _)| p)
        .collect();
    let question = PathBuf::from("wijken/meerwijk/2011/6/index.html");
    assert!(rewritten.contains(&&question), "{rewritten:?}");
    assert!(read(&out, "wijken/meerwijk/2011/6/index.html").contains("grote vijver"));
    assert!(
        !rewritten.contains(&&PathBuf::from("wijken/delftwijk/2010/4/index.html")),
        "another neighbourhood's question page was rewritten"
    );
    assert!(
        rewritten.len() * 3 < times.len(),
        "{} of {} files rewritten for one title",
        rewritten.len(),
        times.len()
    );

    // And the output is exactly what a fresh build makes.
    let fresh = tmp.path().join("fresh");
    build_ok(&root, &fresh, &[]);
    assert_eq!(tree(&out), tree(&fresh));
}

/// A share image's pixel data (after its header chunks) made black, keeping
/// the chunk that names its card.
fn scribble_over(png: &Path) {
    let mut bytes = fs::read(png).unwrap();
    let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap();
    for b in &mut bytes[idat + 4..idat + 40] {
        *b = 0;
    }
    fs::write(png, bytes).unwrap();
}

#[test]
fn a_rebuild_keeps_the_share_images_of_unchanged_cards_without_drawing_them() {
    let (tmp, root) = fixture_copy();
    let out = tmp.path().join("public");
    build_ok(&root, &out, &[]);
    // Changed behind the build's back: a kept image keeps these bytes, a drawn one loses them.
    // Delftwijk's page and its only contract share one card, so one image.
    let (meerwijk, other) = (
        "wijken/meerwijk/2011/delen.png",
        "wijken/delftwijk/2010/delen.png",
    );
    for rel in [meerwijk, other, "wijken/delftwijk/delen.png"] {
        scribble_over(&out.join(rel));
    }
    let scribbled = |rel: &str| fs::read(out.join(rel)).unwrap();
    let (meerwijk_before, other_before) = (scribbled(meerwijk), scribbled(other));

    // The card shows the neighbourhood's name: Meerwijk's is another picture now.
    edit(
        &root,
        "content/districts.yaml",
        "name: Meerwijk",
        "name: Meerwijk-Zuid",
    );
    build_ok(&root, &out, &[]);
    assert!(
        scribbled(other) == other_before,
        "an unchanged card was drawn again"
    );
    let fresh = tmp.path().join("fresh");
    build_ok(&root, &fresh, &[]);
    assert!(scribbled(meerwijk) == fs::read(fresh.join(meerwijk)).unwrap());
    assert!(
        scribbled(meerwijk) != meerwijk_before,
        "a changed card must be drawn again"
    );
    assert!(fs::read(fresh.join(other)).unwrap() != other_before);
}

/// The question links in the agreements table of a partner or topic page.
fn agreement_links(html: &str) -> Vec<String> {
    let table = &html[html
        .find("<table class=\"agreements\">")
        .expect("an agreements table")..];
    let table = &table[..table.find("</table>").unwrap()];
    table
        .split("<th scope=\"row\"><a href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn long_partner_lists_are_paginated_and_complete() {
    // The bundled site: its municipality holds more agreements than fit one page.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    // A copy, so that the build's record of what was published stays there.
    let copy = tmp.path().join("site");
    for dir in ["content", "themes"] {
        fs::create_dir_all(copy.join(dir)).unwrap();
        copy_dir(&repo.join(dir), &copy.join(dir));
    }
    for file in ["site.toml", "published.txt"] {
        fs::copy(repo.join(file), copy.join(file)).unwrap();
    }
    build_ok(&copy, &out, &[]);

    let csv = read(&out, "data/vragen.csv");
    let header: Vec<&str> = csv.lines().next().unwrap().split(';').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .unwrap()
    };
    let (partner, link) = (col("partner"), col("permalink"));
    let mut expected: Vec<String> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[partner] == "gemeente")
        .map(|r| {
            r[link]
                .trim_start_matches("https://wijkcontracten.example.nl")
                .to_string()
        })
        .collect();
    assert!(
        expected.len() > 50,
        "the bundled site should need two pages"
    );

    let first = read(&out, "partners/gemeente/index.html");
    let second = read(&out, "partners/gemeente/pagina/2/index.html");
    assert!(first.contains("href=\"/partners/gemeente/pagina/2/\" rel=\"next\""));
    assert!(second.contains("href=\"/partners/gemeente/\" rel=\"prev\""));
    assert!(
        second
            .contains("aria-current=\"page\"><span class=\"visually-hidden\">Pagina </span>2</a>")
    );
    assert!(second.contains("<title>Gemeente Haarlem (pagina 2 van 2)"));
    assert!(!out.join("partners/gemeente/pagina/3").exists());
    assert!(
        first.contains("class=\"totals\""),
        "totals on the first page"
    );
    assert!(!second.contains("class=\"totals\""), "and only there");

    let mut listed = agreement_links(&first);
    assert_eq!(listed.len(), 50);
    listed.extend(agreement_links(&second));
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected, "every agreement once, across the pages");

    // Later pages move as a list grows: they are not promised to stay.
    let record = read(&copy, "published.txt");
    assert!(record.contains("\n/partners/gemeente/\n"));
    assert!(!record.contains("/pagina/"));
    assert!(read(&out, "sitemap.xml").contains("/partners/gemeente/pagina/2/"));
    assert!(read(&out, "en/partners/gemeente/pagina/2/index.html").contains("Page 2 of 2"));

    // The preview finds the same pages, and only those.
    let site = afspraak::check(repo, None).unwrap().site.unwrap();
    let theme = afspraak::render::Theme::load(repo, &site.config.theme).unwrap();
    let published = afspraak::render::Published::lazy(&site);
    let page = |path: &str| afspraak::render::render_one(&published, &theme, path);
    let served = page("partners/gemeente/pagina/2/").unwrap().unwrap();
    assert_eq!(String::from_utf8(served).unwrap(), second);
    assert!(page("partners/gemeente/pagina/3/").is_none());
    assert!(
        page("partners/gemeente/pagina/1/").is_none(),
        "page 1 lives at the partner's own address"
    );
}

#[test]
fn a_late_answer_never_wears_its_outcome_colour() {
    let tmp = build_fixture(&[]);
    let html = read(&out_of(&tmp), "wijken/meerwijk/2011/index.html");
    let late: Vec<&str> = html
        .split("<li class=\"question ")
        .skip(1)
        .filter(|item| item.contains("badge-overdue"))
        .collect();
    assert!(!late.is_empty(), "the fixture has late answers");
    for item in late {
        assert!(item.starts_with("outcome-muted"), "{item}");
        assert!(item.contains("badge badge-outcome badge-muted"), "{item}");
    }
}
