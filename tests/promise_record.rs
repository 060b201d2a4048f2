//! The promise record outside the pages: each progress step, move, change of
//! an answer and decision is an entry of the feeds; every page with a feed
//! links to it; and the open data carries the history.

mod common;
use common::{CONTRACT, Site};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use afspraak::model::Keyword;
use atom_syndication::{Entry, Feed};
use tempfile::TempDir;

const BASE: &str = "https://wijkcontracten.example.nl";

/// The base fixture with a move (question 14), a change of the answer
/// (question 15) and two progress steps of one kind on one day (question 12);
/// question 10 already has a decision and question 7 two progress steps.
fn record_site() -> Site {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    answer: Er komen extra prullenbakken en borden.\n",
        "    answer: Er komen extra prullenbakken en borden.\n    rescheduled:\n      - date: 2011-11-15\n        when: 2012-Q2\n        reason: \"De leverancier <levert> later & niet eerder.\"\n",
    )
    .replace(
        CONTRACT,
        "    ground: legal\n",
        "    ground: legal\n    revised:\n      - { date: 2011-08-01, from: honoured, reason: Drempels bleken daar wettelijk niet toegestaan. }\n",
    )
    .replace(
        CONTRACT,
        "      - { date: 2011-09-15, state: planned }\n",
        "      - { date: 2011-09-15, state: planned }\n      - { date: 2011-09-15, state: planned, note: De aannemer is gekozen. }\n",
    );
    site
}

fn build(site: &Site) -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    let built = afspraak::build(site.root(), Some(&out), None).unwrap();
    assert!(
        built.succeeded(),
        "{:#?}",
        built
            .checked
            .diagnostics
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
    (tmp, out)
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn feed(out: &Path, rel: &str) -> Feed {
    read(out, rel)
        .parse()
        .unwrap_or_else(|e| panic!("{rel} is not Atom: {e}"))
}

fn question_url(id: u32) -> String {
    format!("{BASE}/wijken/meerwijk/2011/{id}/")
}

fn entry<'f>(feed: &'f Feed, id: &str) -> &'f Entry {
    feed.entries()
        .iter()
        .find(|e| e.id() == id)
        .unwrap_or_else(|| {
            let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
            panic!("no entry {id} in {ids:#?}")
        })
}

fn content(e: &Entry) -> &str {
    e.content().and_then(|c| c.value()).unwrap_or_default()
}

/// Asserts an entry's title, its link to the question page and its date.
#[track_caller]
fn assert_entry<'f>(
    feed: &'f Feed,
    id: &str,
    title: &str,
    question: u32,
    updated: &str,
) -> &'f Entry {
    let e = entry(feed, id);
    assert_eq!(e.title().as_str(), title, "{id}");
    let links: Vec<&str> = e.links().iter().map(|l| l.href()).collect();
    assert_eq!(links, [question_url(question)], "{id}");
    assert_eq!(e.updated().to_rfc3339(), updated, "{id}");
    e
}

#[test]
fn the_feeds_carry_progress_moves_changes_and_decisions() {
    let site = record_site();
    let (_tmp, out) = build(&site);
    for rel in ["wijken/meerwijk/atom.xml", "atom.xml"] {
        let feed = feed(&out, rel);
        let progress = assert_entry(
            &feed,
            &format!("{}#voortgang-2011-06-01-started", question_url(7)),
            "Betere verlichting in het Floris van Adrichempark: In uitvoering",
            7,
            "2011-06-01T00:00:00+02:00",
        );
        assert!(content(progress).contains("Opdracht verleend aan de aannemer."));
        assert_entry(
            &feed,
            &format!("{}#voortgang-2011-10-20-done", question_url(7)),
            "Betere verlichting in het Floris van Adrichempark: Uitgevoerd",
            7,
            "2011-10-20T00:00:00+02:00",
        );
        let moved = assert_entry(
            &feed,
            &format!("{}#verschoven-2011-11-15", question_url(14)),
            "Hondenpoep in het park: verschoven naar tweede kwartaal 2012",
            14,
            "2011-11-15T00:00:00+01:00",
        );
        // The promise as signed, the new deadline and the reason, as escaped text.
        let html = content(moved);
        assert!(
            html.contains("Bij ondertekening toegezegd: februari 2012."),
            "{html}"
        );
        assert!(
            html.contains("Verschoven naar tweede kwartaal 2012."),
            "{html}"
        );
        assert!(
            html.contains("De leverancier &lt;levert&gt; later &amp; niet eerder."),
            "{html}"
        );
        assert!(!html.contains("<levert>"), "{html}");
        let changed = assert_entry(
            &feed,
            &format!("{}#gewijzigd-2011-08-01", question_url(15)),
            "Drempels in de Europaweg: antwoord gewijzigd in Kan niet of mag niet",
            15,
            "2011-08-01T00:00:00+02:00",
        );
        assert!(content(changed).contains("Het antwoord was eerst: Binnen de looptijd."));
        assert!(content(changed).contains("Drempels bleken daar wettelijk niet toegestaan."));
        let decided = assert_entry(
            &feed,
            &format!("{}#besluit-2011-11-30", question_url(10)),
            "Buurthuis langer open: Opgenomen in de planning",
            10,
            "2011-11-30T00:00:00+01:00",
        );
        assert!(content(decided).contains("Opgenomen in de begroting 2012."));
        // Two steps of one kind on one day: told apart by their order.
        let planned = format!("{}#voortgang-2011-09-15-planned", question_url(12));
        entry(&feed, &planned);
        let second = entry(&feed, &format!("{planned}-2"));
        assert!(content(second).contains("De aannemer is gekozen."));
        // News and contracts are still there.
        entry(&feed, &format!("{BASE}/wijken/meerwijk/2011/"));
        entry(&feed, &format!("{BASE}/nieuws/lantaarnpalen/"));
        // Ids are unique; entries come newest first.
        let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{rel}: {ids:#?}");
        let times: Vec<_> = feed.entries().iter().map(|e| *e.updated()).collect();
        assert!(times.windows(2).all(|w| w[0] >= w[1]), "{rel}: {times:?}");
    }
    // A neighbourhood's feed has only its own record; the site feed has all.
    let meerwijk = feed(&out, "wijken/meerwijk/atom.xml");
    assert!(
        meerwijk
            .entries()
            .iter()
            .all(|e| !e.id().contains("delftwijk")),
        "only meerwijk's entries"
    );
    let delftwijk = feed(&out, "wijken/delftwijk/atom.xml");
    assert!(
        delftwijk
            .entries()
            .iter()
            .all(|e| !e.id().contains("/wijken/meerwijk/")),
        "only delftwijk's entries"
    );
}

/// Every entry as (id, title, updated, link).
fn entries(out: &Path, rel: &str) -> Vec<(String, String, String, String)> {
    feed(out, rel)
        .entries()
        .iter()
        .map(|e| {
            (
                e.id().to_string(),
                e.title().as_str().to_string(),
                e.updated().to_rfc3339(),
                e.links()[0].href().to_string(),
            )
        })
        .collect()
}

#[test]
fn entry_ids_are_stable_across_builds_and_when_the_record_grows() {
    let site = record_site();
    let (_a, first) = build(&site);
    let (_b, second) = build(&site);
    for rel in ["atom.xml", "wijken/meerwijk/atom.xml"] {
        assert_eq!(read(&first, rel), read(&second, rel), "{rel}");
    }
    // Another step, another move and another step on a day that already has one:
    // every entry there was keeps its id, title and date.
    site.replace(
        CONTRACT,
        "      - { date: 2011-06-01, state: started, note: Opdracht verleend aan de aannemer. }\n",
        "      - { date: 2011-06-01, state: started, note: Opdracht verleend aan de aannemer. }\n      - { date: 2011-06-01, state: started, note: Nog een opdracht. }\n",
    )
    .replace(
        CONTRACT,
        "        reason: \"De leverancier <levert> later & niet eerder.\"\n",
        "        reason: \"De leverancier <levert> later & niet eerder.\"\n      - { date: 2011-12-01, when: 2012-Q3, reason: Nog later. }\n",
    );
    let (_c, third) = build(&site);
    for rel in ["atom.xml", "wijken/meerwijk/atom.xml"] {
        let before = entries(&first, rel);
        let after = entries(&third, rel);
        for e in &before {
            assert!(after.contains(e), "{rel}: {e:?} changed or went missing");
        }
        assert_eq!(after.len(), before.len() + 2, "{rel}");
    }
    let feed = feed(&third, "wijken/meerwijk/atom.xml");
    entry(
        &feed,
        &format!("{}#voortgang-2011-06-01-started-2", question_url(7)),
    );
    let moved = entry(
        &feed,
        &format!("{}#verschoven-2011-12-01", question_url(14)),
    );
    assert_eq!(
        moved.title().as_str(),
        "Hondenpoep in het park: verschoven naar derde kwartaal 2012"
    );
    // The original promise stays the one signed, not the previous move.
    assert!(content(moved).contains("Bij ondertekening toegezegd: februari 2012."));
}

#[test]
fn a_feed_holds_its_newest_entries_only() {
    let site = Site::base();
    let steps: String = (1..=60)
        .map(|d| {
            let date =
                chrono::NaiveDate::from_ymd_opt(2011, 5, 1).unwrap() + chrono::Duration::days(d);
            format!("      - {{ date: {date}, state: started, note: Stap {d}. }}\n")
        })
        .collect();
    site.replace(
        CONTRACT,
        "    answer: Er komen extra prullenbakken en borden.\n",
        &format!("    answer: Er komen extra prullenbakken en borden.\n    progress:\n{steps}"),
    );
    let (_tmp, out) = build(&site);
    let limit = afspraak::feeds::FEED_LIMIT;
    for rel in ["atom.xml", "wijken/meerwijk/atom.xml"] {
        let feed = feed(&out, rel);
        assert_eq!(feed.entries().len(), limit, "{rel}");
        let times: Vec<_> = feed.entries().iter().map(|e| *e.updated()).collect();
        assert!(
            times.windows(2).all(|w| w[0] >= w[1]),
            "{rel}: newest first"
        );
        // The newest are in, the oldest (the contract of April, the first steps) out.
        entry(&feed, &format!("{BASE}/nieuws/lantaarnpalen/"));
        entry(
            &feed,
            &format!("{}#voortgang-2011-06-30-started", question_url(14)),
        );
        let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
        assert!(
            !ids.contains(&format!("{BASE}/wijken/meerwijk/2011/").as_str()),
            "{rel}"
        );
        assert!(
            !ids.contains(&format!("{}#voortgang-2011-05-02-started", question_url(14)).as_str()),
            "{rel}"
        );
    }
}

/// The `href` of every `<link rel="alternate" type="application/atom+xml">`.
fn feed_links(html: &str) -> Vec<String> {
    html.split("<link rel=\"alternate\" type=\"application/atom+xml\"")
        .skip(1)
        .map(|rest| {
            let href = rest
                .split("href=\"")
                .nth(1)
                .expect("a feed link has an href");
            href.split('"').next().unwrap().to_string()
        })
        .collect()
}

fn main_part(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

#[test]
fn pages_with_a_feed_link_to_it_visibly() {
    let site = record_site();
    let (_tmp, out) = build(&site);
    let site_feed = "<a href=\"/atom.xml\" type=\"application/atom+xml\">Volg het nieuws en de voortgang (Atom-feed)</a>";
    let meerwijk = "<a href=\"/wijken/meerwijk/atom.xml\" type=\"application/atom+xml\">Volg het nieuws en de voortgang in Meerwijk (Atom-feed)</a>";
    for (page, link) in [
        ("index.html", site_feed),
        ("nieuws/index.html", site_feed),
        ("wijken/meerwijk/index.html", meerwijk),
        ("wijken/meerwijk/2011/index.html", meerwijk),
        ("wijken/meerwijk/2011/14/index.html", meerwijk),
    ] {
        let html = read(&out, page);
        assert!(main_part(&html).contains(link), "{page} lacks {link}");
    }
    // English pages say it in English; the feed they point to is in Dutch.
    let en = read(&out, "en/wijken/meerwijk/2011/14/index.html");
    assert!(main_part(&en).contains(
        "<a href=\"/wijken/meerwijk/atom.xml\" type=\"application/atom+xml\" hreflang=\"nl\">Follow news and progress in Meerwijk (Atom feed)</a>"
    ));
    // Every page that names a feed in its head links to it in its content.
    let mut with_feed = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = fs::read_to_string(entry.path()).unwrap();
        for href in feed_links(&html) {
            with_feed += 1;
            assert!(
                main_part(&html).contains(&format!("<p class=\"feed-link\"><a href=\"{href}\"")),
                "{} names {href} but does not link to it",
                entry.path().display()
            );
        }
    }
    assert!(with_feed > 20, "only {with_feed} pages have a feed");
}

fn question(json: &serde_json::Value, id: u64) -> &serde_json::Value {
    json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["wijk"] == "meerwijk" && q["id"] == id)
        .unwrap_or_else(|| panic!("no question meerwijk/2011/{id}"))
}

fn validate(schema: &serde_json::Value, instance: &serde_json::Value) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn open_data_carries_the_history_and_both_deadlines() {
    let site = record_site();
    let (_tmp, out) = build(&site);
    let json: serde_json::Value = serde_json::from_str(&read(&out, "data/vragen.json")).unwrap();
    // The schema the build publishes is the one in the repository, and the data fits it.
    let shipped: serde_json::Value =
        serde_json::from_str(&read(&out, "data/vragen.schema.json")).unwrap();
    let repo: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/vragen.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(shipped, repo);
    validate(&shipped, &json);
    assert_eq!(json["schema_version"], afspraak::export::SCHEMA_VERSION);

    let moved = question(&json, 14);
    assert_eq!(moved["wanneer"], "2012-02", "the promise stays as signed");
    assert_eq!(moved["toegezegd"], "2012-02");
    assert_eq!(moved["huidige_termijn"], "2012-Q2");
    assert_eq!(moved["stand_van_zaken"], "moved");
    assert_eq!(
        moved["verschoven"],
        serde_json::json!([{ "datum": "2011-11-15", "nieuwe_termijn": "2012-Q2", "reden": "De leverancier <levert> later & niet eerder." }])
    );
    assert_eq!(moved["gewijzigd"], serde_json::json!([]));
    let changed = question(&json, 15);
    assert_eq!(
        changed["gewijzigd"],
        serde_json::json!([{ "datum": "2011-08-01", "eerdere_uitkomst": "honoured", "reden": "Drempels bleken daar wettelijk niet toegestaan." }])
    );
    assert_eq!(changed["toegezegd"], serde_json::Value::Null);
    assert_eq!(changed["stand_van_zaken"], serde_json::Value::Null);
    let done = question(&json, 7);
    assert_eq!(
        done["voortgang"],
        serde_json::json!([
            { "datum": "2011-06-01", "stand": "started", "notitie": "Opdracht verleend aan de aannemer." },
            { "datum": "2011-10-20", "stand": "done", "notitie": "De lantaarnpalen staan er." },
        ])
    );
    assert_eq!(done["stand_van_zaken"], "done");
    let planned = question(&json, 12);
    assert_eq!(planned["voortgang"][0]["notitie"], serde_json::Value::Null);
    let prioritised = question(&json, 10);
    assert_eq!(prioritised["toegezegd"], "2011-12");
    assert_eq!(prioritised["stand_van_zaken"], "included");

    // Every documented field is in every record, and nothing else.
    let documented: Vec<&str> = afspraak::export::QUESTION_FIELDS
        .iter()
        .map(|f| f.name)
        .collect();
    let states: Vec<&str> = <afspraak::model::Delivery as Keyword>::keys();
    for q in json["questions"].as_array().unwrap() {
        let keys: BTreeSet<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, documented.iter().copied().collect());
        if let Some(state) = q["stand_van_zaken"].as_str() {
            assert!(states.contains(&state), "{state}");
        }
    }
    // The schema names exactly the documented fields, and every delivery state.
    let item = &repo["properties"]["questions"]["items"];
    let properties: BTreeSet<&str> = item["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(properties, documented.iter().copied().collect());
    let mut enumerated: Vec<serde_json::Value> =
        states.iter().map(|s| serde_json::json!(s)).collect();
    enumerated.push(serde_json::Value::Null);
    assert_eq!(
        item["properties"]["stand_van_zaken"]["enum"],
        serde_json::Value::Array(enumerated)
    );

    // The CSV has both deadlines and the state, and no history.
    let bytes = fs::read(out.join("data/vragen.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for json_only in afspraak::export::JSON_ONLY {
        assert!(
            !header.iter().any(|h| h == json_only),
            "{json_only} in the CSV"
        );
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[col("wijk")] == "meerwijk" && &r[col("id")] == "14")
        .unwrap();
    assert_eq!(&row[col("wanneer")], "2012-02");
    assert_eq!(&row[col("toegezegd")], "2012-02");
    assert_eq!(&row[col("huidige_termijn")], "2012-Q2");
    assert_eq!(&row[col("stand_van_zaken")], "moved");
}

#[test]
fn the_export_with_a_history_imports_back_unchanged() {
    let site = record_site();
    let (_tmp, out) = build(&site);
    let before = site.read(CONTRACT);
    let report =
        afspraak::import::import(site.root(), &out.join("data/vragen.csv"), "meerwijk/2011")
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.added.is_empty() && report.updated.is_empty(),
        "{report:?}"
    );
    assert!(report.unchanged.contains(&14) && report.unchanged.contains(&15));
    assert_eq!(site.read(CONTRACT), before);
}
