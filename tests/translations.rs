//! English versions of updates and pages (`<name>.en.md`): shown on the
//! English pages in place of the Dutch, which is otherwise marked `lang="nl"`;
//! checked like the Dutch files; never more public than the file they translate.

mod common;

use std::path::Path;

use common::*;

const UPDATE_EN: &str = "content/updates/2011-10-21-lantaarnpalen.en.md";
const PAGE_EN: &str = "content/pages/over.en.md";

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn translated() -> Site {
    let site = Site::base();
    site.write(
        UPDATE_EN,
        "---\ntitle: New street lamps in the Floris van Adrichem park\nsummary: The four lamps residents asked for are in place.\n---\nDuring the **glowworm survey** residents said the path felt unsafe at night.\n",
    );
    site.write(
        PAGE_EN,
        "---\ntitle: About the contracts\n---\nWhat a neighbourhood contract is.\n",
    );
    site
}

#[test]
fn english_pages_show_the_translation_unmarked_and_the_dutch_pages_stay_dutch() {
    let site = translated();
    let (_tmp, out) = build_site(&site);

    let item = read(&out, "en/nieuws/lantaarnpalen/index.html");
    assert!(
        item.contains("<h1><span>New street lamps in the Floris van Adrichem park</span></h1>"),
        "{item}"
    );
    assert!(item.contains("<strong>glowworm survey</strong>"));
    assert!(
        !item.contains("Tijdens de wijkschouw"),
        "the Dutch text stays off the English page"
    );
    assert!(item.contains(
        r#"<meta name="description" content="The four lamps residents asked for are in place.">"#
    ));
    assert!(item.contains("<title>New street lamps in the Floris van Adrichem park ·"));
    // Lists of updates name it in English too, without a Dutch mark.
    let news = read(&out, "en/nieuws/index.html");
    assert!(
        news.contains(r#"<a href="/en/nieuws/lantaarnpalen/">New street lamps"#),
        "{news}"
    );

    let about = read(&out, "en/over/index.html");
    assert!(
        about.contains("<h1><span>About the contracts</span></h1>"),
        "{about}"
    );
    // The footer of every English page links the page by its English title.
    assert!(read(&out, "en/index.html").contains(r#"<a href="/en/over/">About the contracts</a>"#));

    // The Dutch pages are untouched by the translation.
    let dutch = read(&out, "nieuws/lantaarnpalen/index.html");
    assert!(dutch.contains("Nieuwe lantaarnpalen in het Floris van Adrichempark"));
    assert!(!dutch.contains("New street lamps"));
    assert!(read(&out, "over/index.html").contains(r#"<a href="/over/">Over"#));
}

#[test]
fn without_a_translation_the_dutch_text_is_marked_dutch_on_english_pages() {
    let (_tmp, out) = build_site(&Site::base());
    let item = read(&out, "en/nieuws/lantaarnpalen/index.html");
    assert!(
        item.contains(r#"<h1><span lang="nl">Nieuwe lantaarnpalen in het Floris van Adrichempark</span> <small class="in-dutch">"#),
        "{item}"
    );
    assert!(item.contains(r#"<div class="prose" lang="nl">"#));
    let home = read(&out, "en/index.html");
    assert!(
        home.contains(r#"<a href="/en/over/" lang="nl">"#),
        "the footer marks a Dutch page title"
    );
}

#[test]
fn a_translation_follows_its_dutch_file_into_drafts_and_embargoes() {
    for hide in ["draft: true", "publish_from: 2012-06-01T09:00"] {
        let site = translated();
        site.replace(UPDATE, "publish_from: 2011-10-21T09:00", hide);
        let (_tmp, out) = build_site(&site);
        for entry in walkdir::WalkDir::new(&out) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let text =
                    String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
                assert!(
                    !text.contains("New street lamps") && !text.contains("glowworm"),
                    "{hide}: the translation of a hidden update is in {}",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn check_reports_a_translation_without_its_dutch_file_and_its_mistakes_with_their_place() {
    let site = translated();
    site.write(
        "content/updates/2011-10-22-elders.en.md",
        "---\ntitle: Elsewhere\n---\nText.\n",
    );
    site.write(PAGE_EN, "---\ntitel: About\ndraft: true\n---\nText.\n");
    let r = site.check();
    assert_eq!(r.status, 1);
    let orphan = r
        .diagnostics
        .iter()
        .find(|d| d.code == "unexpected-file")
        .expect("the orphan translation is reported");
    assert_eq!(orphan.file, "content/updates/2011-10-22-elders.en.md");
    assert!(
        orphan
            .message
            .contains("content/updates/2011-10-22-elders.md"),
        "{}",
        orphan.message
    );
    let codes: Vec<(&str, &str, usize)> = r
        .diagnostics
        .iter()
        .filter(|d| d.file == PAGE_EN)
        .map(|d| (d.code.as_str(), d.message.as_str(), d.line))
        .collect();
    // `titel` is a typo, `draft` belongs in the Dutch file, and `title` is missing.
    assert!(
        codes
            .iter()
            .any(|(c, m, l)| *c == "unknown-key" && m.contains("titel") && *l == 2),
        "{codes:?}"
    );
    assert!(
        codes
            .iter()
            .any(|(c, m, l)| *c == "unknown-key" && m.contains("draft") && *l == 3),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|(c, _, _)| *c == "missing-field"),
        "{codes:?}"
    );
}

#[test]
fn personal_data_in_a_translation_is_found() {
    let site = translated();
    site.append(UPDATE_EN, "Call Jan on 06-12345678.\n");
    let r = site.check();
    let found = r
        .diagnostics
        .iter()
        .find(|d| d.code == "personal-data")
        .expect("the phone number is reported");
    assert_eq!(found.file, UPDATE_EN);
}

#[test]
fn a_topic_has_its_english_name_on_the_english_pages() {
    let site = Site::base();
    site.replace(
        TOPICS,
        "  description: Afval, zwerfvuil en containers.\n",
        "  description: Afval, zwerfvuil en containers.\n  en:\n    name: Clean\n    description: Litter and bins.\n",
    );
    let (_tmp, out) = build_site(&site);
    let topic = read(&out, "en/themas/schoon/index.html");
    assert!(topic.contains("<h1>Clean"), "{topic}");
    assert!(topic.contains("Litter and bins."));
    assert!(!topic.contains("Afval, zwerfvuil"));
    // Every question of the topic names it in English.
    let question = read(&out, "en/wijken/meerwijk/2011/1/index.html");
    assert!(
        question.contains(r#"<a href="/en/themas/schoon/">Clean</a>"#),
        "{question}"
    );
    // The Dutch pages keep the Dutch name.
    assert!(read(&out, "themas/schoon/index.html").contains("<h1>Schoon"));
    assert!(
        read(&out, "wijken/meerwijk/2011/1/index.html")
            .contains(r#"<a href="/themas/schoon/">Schoon</a>"#)
    );

    // An English version needs its name.
    site.replace(TOPICS, "    name: Clean\n", "    naam: Clean\n");
    let r = site.check();
    assert_eq!(r.status, 1);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "missing-field" && d.file == TOPICS),
        "{:?}",
        r.diagnostics
    );
}
