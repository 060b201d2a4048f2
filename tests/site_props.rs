//! Property: every generated valid site checks clean and builds.

use std::fmt::Write as _;
use std::fs;

use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Q {
    outcome: u8,
    title: String,
    month: u32,
    progress: u8,
}

fn question() -> impl Strategy<Value = Q> {
    (0u8..5, "[A-Za-zÀ-ÿ ]{1,40}", 4u32..=12, 0u8..4).prop_map(
        |(outcome, title, month, progress)| Q {
            outcome,
            title: title.trim().to_string(),
            month,
            progress,
        },
    )
}

fn site_text(neighbourhoods: &[Vec<Q>]) -> Vec<(String, String)> {
    let mut files = vec![
        (
            "site.toml".to_string(),
            "title = \"T\"\nlanguages = [\"nl\", \"en\"]\nas_of = 2011-12-31T12:00:00\n\n[open_data]\npublisher = { name = \"Gemeente\" }\ncontact = { name = \"Team\", email = \"team@example.nl\" }\n"
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
    for (n, questions) in neighbourhoods.iter().enumerate() {
        writeln!(districts, "    - {{ slug: wijk-{n}, name: Wijk {n} }}").unwrap();
        let mut c = String::from(
            "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad, gemeente]\nquestions:\n",
        );
        for (i, q) in questions.iter().enumerate() {
            let title = if q.title.is_empty() {
                "Vraag".to_string()
            } else {
                q.title.clone()
            };
            write!(c, "  - id: {}\n    title: \"{title}\"\n    topic: veilig\n    partner: gemeente\n    asked: |\n      Een vraag.\n", i + 1).unwrap();
            let extra = match q.outcome {
                0 => "    outcome: resolved\n".to_string(),
                1 => format!("    outcome: honoured\n    when: 2011-{:02}\n", q.month),
                2 => "    outcome: scheduled\n    when: 2013\n    planning_adjusted: false\n    reason: Groot onderhoud.\n".to_string(),
                3 => format!("    outcome: prioritised\n    report_by: 2011-{:02}\n", q.month),
                _ => "    outcome: declined\n    ground: financial\n    reason: Geen geld.\n".to_string(),
            };
            c.push_str(&extra);
            if q.outcome == 1 && q.progress > 0 {
                c.push_str("    progress:\n      - { date: 2011-05-01, state: started }\n");
                if q.progress > 1 {
                    c.push_str("      - { date: 2011-06-01, state: done }\n");
                }
            }
        }
        files.push((format!("content/contracts/wijk-{n}/2011.yaml"), c));
    }
    files.push(("content/districts.yaml".into(), districts));
    files
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_valid_sites_check_clean_and_build(
        neighbourhoods in proptest::collection::vec(proptest::collection::vec(question(), 1..8), 1..4)
    ) {
        let tmp = tempfile::TempDir::new().unwrap();
        for (path, text) in site_text(&neighbourhoods) {
            let full = tmp.path().join(&path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, text).unwrap();
        }
        let checked = afspraak::check(tmp.path(), None).unwrap();
        let messages: Vec<&str> = checked.diagnostics.iter().map(|d| d.message.as_str()).collect();
        prop_assert!(checked.diagnostics.is_empty(), "{messages:?}");
        let site = checked.site.unwrap();
        let files = afspraak::generate(tmp.path(), &site).unwrap();
        let total: usize = neighbourhoods.iter().map(Vec::len).sum();
        let question_pages = files.keys().filter(|k| k.starts_with("wijken/") && k.matches('/').count() == 4 && !k.contains("/afdrukken/")).count();
        prop_assert_eq!(question_pages, total, "one page per question");
        prop_assert!(files.contains_key("en/index.html") && files.contains_key("atom.xml"));
    }
}
