//! Property: over generated sites, nothing of a draft or embargoed contract or
//! update — titles, progress notes, moves, changed answers, decisions — reaches
//! the record of what was published, the feeds, the open data or any other
//! output file, while the same texts of public items do.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use proptest::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Visibility {
    Public,
    Draft,
    /// `publish_from` after `as_of`.
    Embargoed,
    /// `publish_from` before `as_of`: public now.
    Lifted,
}

impl Visibility {
    fn hidden(self) -> bool {
        matches!(self, Visibility::Draft | Visibility::Embargoed)
    }

    fn front(self) -> &'static str {
        match self {
            Visibility::Public => "",
            Visibility::Draft => "draft: true\n",
            Visibility::Embargoed => "publish_from: 2012-07-15T10:00\n",
            Visibility::Lifted => "publish_from: 2011-04-14T10:00\n",
        }
    }
}

fn visibility() -> impl Strategy<Value = Visibility> {
    prop_oneof![
        Just(Visibility::Public),
        Just(Visibility::Draft),
        Just(Visibility::Embargoed),
        Just(Visibility::Lifted),
    ]
}

/// A word that appears in one item's texts and nowhere else.
fn marker(hidden: bool, n: usize, i: usize) -> String {
    format!("{}x{n}q{i}", if hidden { "Verborgen" } else { "Zichtbaar" })
}

/// One question of each kind of history, by `kind`.
fn question(c: &mut String, id: usize, kind: u8, m: &str) {
    write!(
        c,
        "  - id: {id}\n    title: Titel {m}\n    topic: veilig\n    partner: gemeente\n    asked: Vraag {m}.\n"
    )
    .unwrap();
    match kind {
        0 => write!(
            c,
            "    outcome: honoured\n    when: 2011-10\n    rescheduled:\n      - {{ date: 2011-09-01, when: 2012-01, reason: Reden {m}. }}\n    progress:\n      - {{ date: 2011-06-01, state: started, note: Noot {m}. }}\n"
        ),
        1 => write!(
            c,
            "    outcome: prioritised\n    report_by: 2011-12\n    decision: {{ date: 2011-11-30, included: true, note: Besluit {m}. }}\n"
        ),
        _ => write!(
            c,
            "    outcome: declined\n    ground: policy\n    reason: Past niet {m}.\n    revised:\n      - {{ date: 2011-07-01, from: honoured, reason: Gewijzigd {m}. }}\n"
        ),
    }
    .unwrap();
}

fn write_site(dir: &Path, contracts: &[(Visibility, Vec<u8>)], updates: &[Visibility]) {
    let mut files = vec![
        (
            "site.toml".to_string(),
            "title = \"T\"\nlanguages = [\"nl\", \"en\"]\nas_of = 2012-06-30T12:00:00\n\n[open_data]\npublisher = { name = \"Gemeente\" }\ncontact = { name = \"Team\", email = \"team@example.nl\" }\n"
                .to_string(),
        ),
        (
            "content/partners.yaml".into(),
            "- { slug: gemeente, name: Gemeente, kind: municipality }\n".into(),
        ),
        (
            "content/topics.yaml".into(),
            "- { slug: veilig, name: Veilig }\n".into(),
        ),
    ];
    let mut districts = String::from("- slug: d\n  name: D\n  neighbourhoods:\n");
    for (n, (vis, kinds)) in contracts.iter().enumerate() {
        writeln!(districts, "    - {{ slug: wijk-{n}, name: Wijk {n} }}").unwrap();
        let mut c = format!(
            "period: {{ from: 2011-04-01, to: 2012-03-31 }}\nsignatories: [wijkraad, gemeente]\n{}questions:\n",
            vis.front()
        );
        for (i, kind) in kinds.iter().enumerate() {
            question(&mut c, i + 1, *kind, &marker(vis.hidden(), n, i));
        }
        files.push((format!("content/contracts/wijk-{n}/2011.yaml"), c));
    }
    for (u, vis) in updates.iter().enumerate() {
        let m = marker(vis.hidden(), 100 + u, 0);
        files.push((
            format!("content/updates/2011-10-{:02}-nieuws-{u}.md", u + 1),
            format!(
                "---\ntitle: Nieuws {m}\ndate: 2011-10-{:02}\nsummary: Samenvatting {m}.\n{}---\nTekst {m}.\n",
                u + 1,
                vis.front()
            ),
        ));
    }
    files.push(("content/districts.yaml".into(), districts));
    for (path, text) in files {
        let full = dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
}

/// Every file under `dir`, as text (lossy: a marker is ASCII).
fn all_files(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned(),
            )
        })
        .collect()
}

/// What only `serve`'s editor writes into a page: its links, forms and token field.
const EDITOR_TRACES: &[&str] = &[
    "/__afspraak/",
    "afspraak-bewerken",
    ">Bewerken<",
    "name=\"token\"",
    "name=\"versie\"",
    ">Opslaan<",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn hidden_items_reach_no_output_and_no_record(
        contracts in proptest::collection::vec((visibility(), proptest::collection::vec(0u8..3, 1..4)), 1..5),
        updates in proptest::collection::vec(visibility(), 0..4),
    ) {
        let site = tempfile::TempDir::new().unwrap();
        let out = tempfile::TempDir::new().unwrap();
        let out = out.path().join("public");
        write_site(site.path(), &contracts, &updates);
        let built = afspraak::build(site.path(), Some(&out), None).unwrap();
        let messages: Vec<&str> = built.checked.diagnostics.iter().map(|d| d.message.as_str()).collect();
        prop_assert!(built.succeeded(), "{messages:?}");

        let mut files = all_files(&out);
        let record = fs::read_to_string(site.path().join("published.txt")).unwrap();
        files.push(("published.txt".into(), record.clone()));
        for (path, text) in &files {
            // Lowercased: the search index holds its words folded to lower case.
            prop_assert!(!text.to_lowercase().contains("verborgenx"), "a hidden item reached {path}");
            // Nor anything of `serve`'s editor: no edit link, form or token.
            for trace in EDITOR_TRACES {
                prop_assert!(!text.contains(trace), "the editor's {trace} reached {path}");
            }
        }
        // No short link, printed page or press-card figures for a hidden contract.
        for (n, (vis, _)) in contracts.iter().enumerate() {
            let url = format!("/wijken/wijk-{n}/2011/");
            let printed = out.join(format!("wijken/wijk-{n}/2011/afdrukken/index.html"));
            let card = fs::read_to_string(out.join(format!("wijken/wijk-{n}/kaart/index.html"))).unwrap();
            let short = files.iter().any(|(p, t)| p.contains("/k/") && t.contains(&url));
            let coded = record.lines().any(|l| l.starts_with(&url) && l.contains("\tk="));
            if vis.hidden() {
                prop_assert!(!printed.exists() && !short && !coded && !card.contains(&url), "{url} leaked");
            } else {
                prop_assert!(printed.exists() && short && coded && card.contains(&url), "{url} missing");
            }
        }

        // The same texts of public items do arrive, so the search above can see them.
        let file = |suffix: &str| {
            files.iter().find(|(p, _)| p.ends_with(suffix)).map(|(_, t)| t.as_str()).unwrap_or("")
        };
        for (n, (vis, kinds)) in contracts.iter().enumerate() {
            if vis.hidden() {
                continue;
            }
            let feed = file(&format!("wijken/wijk-{n}/atom.xml"));
            for (i, kind) in kinds.iter().enumerate() {
                let m = marker(false, n, i);
                prop_assert!(record.contains(&format!("title=Titel {m}")), "{m} not in the record");
                let history = match kind {
                    0 => format!("Reden {m}"),
                    1 => format!("Besluit {m}"),
                    _ => format!("Gewijzigd {m}"),
                };
                prop_assert!(feed.contains(&history), "{history} not in the feed");
                let title = format!("Titel {m}");
                prop_assert!(file("data/vragen.json").contains(&title), "{title} not in the data");
                let word = m.to_lowercase();
                prop_assert!(
                    files.iter().any(|(p, t)| p.contains("zoeken/index/w/") && t.contains(&word)),
                    "{word} not in the search index"
                );
            }
        }
    }
}
