//! The words of every diagnostic code, pinned in Dutch and in English: one
//! case per code, each run through `check` (or `build`, for the codes only a
//! build raises) in both languages, and the first diagnostic of that code
//! kept in one snapshot per language. Adding a code means adding a case here
//! (the coverage assertion says so). Review changes with `cargo insta review`.

mod common;

use std::process::Command;

use common::*;

#[derive(Clone, Copy, PartialEq)]
enum Run {
    Check,
    Build,
}

type Setup = fn(&Site);

/// A question line of the base contract, replaced.
fn contract(site: &Site, from: &str, to: &str) {
    site.replace(CONTRACT, from, to);
}

fn cases() -> Vec<(&'static str, Run, Setup)> {
    use Run::*;
    vec![
        ("missing-file", Check, |s| {
            s.remove(TOPICS);
        }),
        ("empty-file", Check, |s| {
            s.write(TOPICS, "");
        }),
        ("not-utf8", Check, |s| {
            let mut bytes = s.read(PAGE).into_bytes();
            bytes.extend([b'\n', 0xE0, b'x', b'\n']);
            s.write(PAGE, bytes);
        }),
        ("file-too-large", Check, |s| {
            let mut text = String::from("---\ntitle: Groot\n---\n");
            text.push_str(&"a".repeat(10 * 1024 * 1024 + 1));
            s.write("content/pages/groot.md", text);
        }),
        ("unreadable-file", Check, |s| {
            // A link out of the site, to a folder every Unix machine has.
            #[cfg(unix)]
            std::os::unix::fs::symlink("/etc", s.path("content/pages/geheim.md")).unwrap();
        }),
        ("unexpected-file", Check, |s| {
            s.write("content/notities.txt", "Losse notities.\n");
        }),
        ("invalid-file-name", Check, |s| {
            s.write(
                "content/pages/cijfers.md",
                "---\ntitle: Cijfers\n---\nTekst.\n",
            );
        }),
        ("yaml-syntax", Check, |s| {
            contract(
                s,
                "    title: Speeltuin aan de Kleverlaan",
                "    title: \"Speeltuin aan de Kleverlaan",
            );
        }),
        ("toml-syntax", Check, |s| {
            s.replace(SITE_TOML, "[notice]", "[notice");
        }),
        ("duplicate-key", Check, |s| {
            contract(
                s,
                "    channel: walk\n    topic: schoon\n    location",
                "    channel: walk\n    channel: walk\n    topic: schoon\n    location",
            );
        }),
        ("yaml-too-complex", Check, |s| {
            let mut bomb = String::from("- slug: &a [x, x, x, x, x, x, x, x, x]\n");
            for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
                .iter()
                .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
            {
                bomb.push_str(&format!(
                    "  {name}: &{name} [{}]\n",
                    vec![format!("*{prev}"); 9].join(", ")
                ));
            }
            s.write(TOPICS, &bomb);
        }),
        ("front-matter", Check, |s| {
            s.replace(
                UPDATE,
                "publish_from: 2011-10-21T09:00\n---\n",
                "publish_from: 2011-10-21T09:00\n",
            );
        }),
        ("unknown-key", Check, |s| {
            contract(
                s,
                "    channel: walk\n    topic: schoon\n    location",
                "    channel: walk\n    kanaal: walk\n    topic: schoon\n    location",
            );
        }),
        ("wrong-type", Check, |s| {
            contract(s, "draft: false", "draft: nee");
        }),
        ("missing-field", Check, |s| {
            contract(s, "    title: Speeltuin aan de Kleverlaan\n", "");
        }),
        ("field-not-applicable", Check, |s| {
            contract(
                s,
                "    outcome: resolved\n",
                "    outcome: resolved\n    when: 2011-05\n",
            );
        }),
        ("invalid-value", Check, |s| {
            contract(s, "outcome: resolved\n", "outcome: solved\n");
        }),
        ("invalid-date", Check, |s| {
            contract(s, "when: 2011-10\n", "when: 2011-13\n");
        }),
        ("invalid-slug", Check, |s| {
            s.replace(DISTRICTS, "slug: europawijk", "slug: Europa_wijk");
        }),
        ("duplicate-slug", Check, |s| {
            s.append(TOPICS, "- slug: heel\n  name: Heel 2\n");
        }),
        ("duplicate-id", Check, |s| {
            contract(s, "  - id: 8\n", "  - id: 7\n");
        }),
        ("unknown-partner", Check, |s| {
            contract(s, "partner: elan-wonen\n", "partner: elan-wonnen\n");
        }),
        ("unknown-topic", Check, |s| {
            contract(
                s,
                "channel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
                "channel: meeting\n    topic: socaal\n    partner: gemeente\n    asked: Ouders",
            );
        }),
        ("unknown-channel", Check, |s| {
            contract(s, "[walk, survey, meeting]", "[walk, survey, meting]");
        }),
        ("unknown-neighbourhood", Check, |s| {
            s.write("content/neighbourhoods/meerwyk.md", "Tekst.\n");
        }),
        ("unknown-district", Check, |s| {
            s.replace(UPDATE, "districts: [schalkwijk]", "districts: [schalkwyk]");
        }),
        ("unknown-question", Check, |s| {
            s.replace(
                UPDATE,
                "questions: [meerwijk/2011/7]",
                "questions: [meerwijk/2011/70]",
            );
        }),
        ("hidden-reference", Check, |s| {
            contract(s, "draft: false", "draft: true");
        }),
        ("missing-reason", Check, |s| {
            contract(
                s,
                "    reason: De Europaweg is een doorgaande weg; drempels zijn daar niet toegestaan.\n",
                "    reason:\n",
            );
        }),
        ("missing-ground", Check, |s| {
            contract(s, "    ground: financial\n", "");
        }),
        ("missing-when", Check, |s| {
            contract(s, "    when: 2013\n", "");
        }),
        ("missing-planning-adjusted", Check, |s| {
            contract(s, "    planning_adjusted: false\n", "");
        }),
        ("missing-report-by", Check, |s| {
            contract(s, "    report_by: 2012-06\n", "");
        }),
        ("when-outside-period", Check, |s| {
            contract(s, "when: 2011-10\n", "when: 2012-10\n");
        }),
        ("when-out-of-range", Check, |s| {
            contract(s, "    when: 2013\n", "    when: 2113\n");
        }),
        ("progress-out-of-order", Check, |s| {
            contract(
                s,
                "{ date: 2011-06-01, state: started",
                "{ date: 2011-11-01, state: started",
            );
        }),
        ("history-out-of-order", Check, |s| {
            contract(
                s,
                "    ground: financial\n",
                "    ground: financial\n    revised:\n      - { date: 2011-09-01, from: scheduled, reason: De planning bleek niet te halen. }\n      - { date: 2011-06-01, from: honoured, reason: Het budget is naar de renovatie gegaan. }\n",
            );
        }),
        ("move-unchanged", Check, |s| {
            contract(
                s,
                "    when: 2012-02\n",
                "    when: 2012-02\n    rescheduled:\n      - { date: 2011-11-15, when: 2012-02, reason: De aannemer is failliet. }\n",
            );
        }),
        ("revision-unchanged", Check, |s| {
            contract(
                s,
                "    ground: financial\n",
                "    ground: financial\n    revised:\n      - { date: 2011-06-01, from: declined, reason: Het budget is op. }\n",
            );
        }),
        ("date-in-future", Check, |s| {
            contract(
                s,
                "{ date: 2011-10-20, state: done",
                "{ date: 2012-01-20, state: done",
            );
        }),
        ("year-mismatch", Check, |s| {
            s.replace(EARLIER, "from: 2010-04-01", "from: 2009-04-01");
        }),
        ("period-order", Check, |s| {
            contract(s, "to: 2012-03-31", "to: 2011-03-31");
        }),
        ("no-questions", Check, |s| {
            let text = s.read(EARLIER);
            let head = text.split("questions:").next().unwrap().to_string();
            s.write(EARLIER, head);
        }),
        ("personal-data", Check, |s| {
            s.append(PAGE, "\nOf bel de beheerder op 023-5115115.\n");
        }),
        ("date-mismatch", Check, |s| {
            s.replace(UPDATE, "date: 2011-10-21\n", "date: 2011-10-22\n");
        }),
        ("dropped-url", Build, |s| {
            built(s);
            s.append("published.txt", "/over-de-wijk/\n");
        }),
        ("id-reused", Build, |s| {
            built(s);
            let record = s.read("published.txt");
            let title = "title=Betere verlichting in het Floris van Adrichempark";
            assert!(record.contains(title), "{record}");
            s.write(
                "published.txt",
                record.replace(title, "title=Hondenpoep in de speeltuin"),
            );
        }),
        ("promise-changed", Check, |s| {
            s.write(
                "published.txt",
                "/wijken/meerwijk/2011/7/\toutcome=honoured\twhen=2011-09\ttitle=Betere verlichting in het Floris van Adrichempark\n",
            );
        }),
        ("record-invalid", Check, |s| {
            s.write(
                "published.txt",
                "# kop\n/\n<<<<<<< HEAD\n/over/\n=======\n/over-ons/\n>>>>>>> andere-tak\n/wijken/\n",
            );
        }),
        ("redirect-conflict", Build, |s| {
            s.write(
                "content/redirects.yaml",
                "- { from: /over/, to: /wijken/ }\n",
            );
        }),
        ("base-url-invalid", Check, |s| {
            s.replace(
                SITE_TOML,
                "base_url = \"https://wijkcontracten.example.nl\"",
                "base_url = \"wijkcontracten.haarlem.nl\"",
            );
        }),
        ("placeholder-text", Check, |s| {
            contract(
                s,
                "    title: Speeltuin aan de Kleverlaan\n",
                "    title: Korte titel van de vraag\n",
            );
        }),
        // The base site's address is an example one: every build warns.
        ("example-address", Build, |_| {}),
        ("map-invalid", Check, |s| {
            s.write(
                "content/map.geojson",
                "{\"type\": \"FeatureCollection\", \"features\": [\n",
            );
        }),
        ("map-missing-shape", Check, |s| {
            s.write(
                "content/map.geojson",
                "{\"type\": \"FeatureCollection\", \"features\": [\n    {\"type\": \"Feature\", \"properties\": {\"slug\": \"meerwijk\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[4.6, 52.3], [4.61, 52.3], [4.61, 52.31], [4.6, 52.3]]]}}\n]}\n",
            );
        }),
    ]
}

/// Builds the site once, so that it has a record of what it published.
fn built(site: &Site) {
    let out = Command::new(BIN)
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .expect("run afspraak");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The first diagnostic of `code` in a human report: its block of lines.
fn block_of(stderr: &str, code: &str) -> Option<String> {
    let tag = format!("[{code}]:");
    stderr
        .split("\n\n")
        .find(|b| b.lines().next().is_some_and(|l| l.contains(&tag)))
        .map(str::to_string)
}

fn run(site: &Site, run: Run, lang: &str) -> String {
    let mut cmd = Command::new(BIN);
    match run {
        Run::Check => cmd.arg("check"),
        Run::Build => cmd.arg("build"),
    };
    let out = cmd
        .arg("--root")
        .arg(site.root())
        .env("NO_COLOR", "1")
        .env("AFSPRAAK_LANG", lang)
        .output()
        .expect("run afspraak");
    String::from_utf8(out.stderr).expect("stderr is UTF-8")
}

#[test]
fn every_code_in_dutch_and_in_english() {
    let cases = cases();
    let listed: Vec<&str> = cases.iter().map(|c| c.0).collect();
    for code in afspraak::diagnostic::Code::ALL {
        assert!(
            listed.contains(&code.as_str()),
            "no case in tests/every_code.rs for `{}`; add one",
            code.as_str()
        );
    }
    // Each case in its own site, several at a time.
    let results: Vec<(String, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .map(|(code, how, setup)| {
                scope.spawn(move || {
                    // A site of its own per language: a build rewrites the record.
                    let words = |lang: &str| {
                        let site = Site::base();
                        setup(&site);
                        let root = site.root().display().to_string();
                        let stderr = run(&site, *how, lang).replace(&root, "<site>");
                        block_of(&stderr, code)
                            .unwrap_or_else(|| panic!("`{code}` not reported in {lang}:\n{stderr}"))
                    };
                    (words("nl"), words("en"))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut nl = String::new();
    let mut en = String::new();
    for ((code, _, _), (n, e)) in cases.iter().zip(&results) {
        nl.push_str(&format!("## {code}\n\n{n}\n\n"));
        en.push_str(&format!("## {code}\n\n{e}\n\n"));
        assert_ne!(n, e, "`{code}` reads the same in Dutch and English");
    }
    insta::assert_snapshot!("every_code_nl", nl);
    insta::assert_snapshot!("every_code_en", en);
}
