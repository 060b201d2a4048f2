//! Property over generated sites: every figure on every page is a link to a
//! list with exactly that many questions, the same figure of the same scope
//! is the same number on every page, and each scope's list of each figure
//! holds exactly the questions [`Figure::counts`] counts.

mod figure_check;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;

use afspraak::config::Language;
use afspraak::model::{Figure, Site};
use afspraak::render::urls;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

const PARTNERS: [&str; 3] = ["gemeente", "ymere", "politie"];
const TOPICS: [&str; 2] = ["veilig", "groen"];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2011, 4, 1).unwrap()
}

/// Months counted from April 2011.
fn ym(index: u32) -> String {
    format!("{}-{:02}", 2011 + ((3 + index) / 12), (3 + index) % 12 + 1)
}

#[derive(Debug, Clone)]
struct Q {
    /// 0 resolved, 1 honoured, 2 scheduled, 3 prioritised, 4 declined.
    outcome: u8,
    /// The promise, in months from the start of the contract's period.
    promised: u32,
    moves: Vec<u32>,
    /// 0 nothing, 1 started, 2 done, 3 dropped.
    last: u8,
    event: u32,
    disputed: bool,
    decision: u8,
    ground: u8,
    partner: usize,
    topic: usize,
    channel: Option<u8>,
}

fn question() -> impl Strategy<Value = Q> {
    (
        (
            0u8..5,
            0u32..12,
            proptest::collection::vec(1u32..5, 0..3),
            0u8..4,
        ),
        (0u32..1000, any::<bool>(), 0u8..3, 0u8..3),
        (
            0..PARTNERS.len(),
            0..TOPICS.len(),
            proptest::option::of(0u8..3),
        ),
    )
        .prop_map(
            |(
                (outcome, promised, moves, last),
                (event, disputed, decision, ground),
                (partner, topic, channel),
            )| Q {
                outcome,
                promised,
                moves,
                last,
                event,
                disputed,
                decision,
                ground,
                partner,
                topic,
                channel,
            },
        )
}

/// A neighbourhood's contracts: the first in 2011, the second in 2012.
type Neighbourhood = Vec<Vec<Q>>;

/// `count` event dates, oldest first, none after `as_of`.
fn dates(q: &Q, as_of_days: u32, count: usize) -> Vec<String> {
    let span = as_of_days.max(1);
    let mut days: Vec<u32> = (0..count as u32)
        .map(|i| (q.event + 37 * i) % span)
        .collect();
    days.sort_unstable();
    days.dedup();
    while days.len() < count {
        days.push(as_of_days);
    }
    days.iter()
        .map(|&d| {
            (start() + Duration::days(i64::from(d)))
                .format("%Y-%m-%d")
                .to_string()
        })
        .collect()
}

fn contract_text(year: i32, questions: &[Q], as_of_days: u32) -> String {
    let offset = 12 * (year - 2011) as u32;
    let mut c = format!(
        "period: {{ from: {year}-04-01, to: {}-03-31 }}\nsignatories: [wijkraad, gemeente]\nquestions:\n",
        year + 1
    );
    const CHANNELS: [&str; 3] = ["walk", "survey", "meeting"];
    for (i, q) in questions.iter().enumerate() {
        write!(
            c,
            "  - id: {}\n    title: Vraag {} uit {year}\n    topic: {}\n    partner: {}\n    asked: Een vraag.\n",
            i + 1,
            i + 1,
            TOPICS[q.topic],
            PARTNERS[q.partner],
        )
        .unwrap();
        if let Some(ch) = q.channel {
            writeln!(c, "    channel: {}", CHANNELS[ch as usize]).unwrap();
        }
        let promised = ym(offset + q.promised);
        match q.outcome {
            0 => c.push_str("    outcome: resolved\n"),
            1 => writeln!(c, "    outcome: honoured\n    when: {promised}").unwrap(),
            2 => writeln!(
                c,
                "    outcome: scheduled\n    when: {promised}\n    planning_adjusted: true"
            )
            .unwrap(),
            3 => writeln!(c, "    outcome: prioritised\n    report_by: {promised}").unwrap(),
            _ => writeln!(
                c,
                "    outcome: declined\n    ground: {}\n    reason: Kan niet.",
                ["legal", "policy", "financial"][q.ground as usize]
            )
            .unwrap(),
        }
        if (1..=3).contains(&q.outcome) && !q.moves.is_empty() {
            let key = if q.outcome == 3 { "report_by" } else { "when" };
            c.push_str("    rescheduled:\n");
            let mut current = offset + q.promised;
            for (m, date) in q.moves.iter().zip(dates(q, as_of_days, q.moves.len())) {
                current += m;
                writeln!(
                    c,
                    "      - {{ date: {date}, {key}: {}, reason: Later. }}",
                    ym(current)
                )
                .unwrap();
            }
        }
        if (1..=2).contains(&q.outcome) && q.last > 0 {
            let d = dates(q, as_of_days, 2);
            let state = ["", "started", "done", "dropped"][q.last as usize];
            writeln!(
                c,
                "    progress:\n      - {{ date: {}, state: planned }}\n      - {{ date: {}, state: {state} }}",
                d[0], d[1]
            )
            .unwrap();
        }
        if q.outcome == 3 && q.decision > 0 {
            writeln!(
                c,
                "    decision: {{ date: {}, included: {} }}",
                dates(q, as_of_days, 1)[0],
                q.decision == 1
            )
            .unwrap();
        }
        if q.disputed && q.outcome <= 2 {
            writeln!(
                c,
                "    disputed: {{ date: {}, note: Niet opgelost. }}",
                dates(q, as_of_days, 1)[0]
            )
            .unwrap();
        }
    }
    c
}

fn write_site(dir: &std::path::Path, neighbourhoods: &[Neighbourhood], as_of_days: u32) {
    let as_of = start() + Duration::days(i64::from(as_of_days));
    let mut files = vec![
        (
            "site.toml".to_string(),
            format!(
                "title = \"T\"\nlanguages = [\"nl\", \"en\"]\nas_of = {}T12:00:00\n\n[open_data]\npublisher = {{ name = \"Gemeente\" }}\ncontact = {{ name = \"Team\", email = \"team@example.nl\" }}\n",
                as_of.format("%Y-%m-%d")
            ),
        ),
        (
            "content/partners.yaml".into(),
            PARTNERS
                .iter()
                .map(|p| format!("- {{ slug: {p}, name: Partner {p}, kind: other }}\n"))
                .collect(),
        ),
        (
            "content/topics.yaml".into(),
            TOPICS
                .iter()
                .map(|t| format!("- {{ slug: {t}, name: Thema {t} }}\n"))
                .collect(),
        ),
    ];
    // Two districts when there are two neighbourhoods or more.
    let mut districts = String::new();
    for d in 0..neighbourhoods.len().min(2) {
        writeln!(
            districts,
            "- slug: d{d}\n  name: Stadsdeel {d}\n  neighbourhoods:"
        )
        .unwrap();
        for n in (d..neighbourhoods.len()).step_by(2) {
            writeln!(districts, "    - {{ slug: wijk-{n}, name: Wijk {n} }}").unwrap();
        }
    }
    files.push(("content/districts.yaml".into(), districts));
    for (n, contracts) in neighbourhoods.iter().enumerate() {
        for (k, questions) in contracts.iter().enumerate() {
            let year = 2011 + k as i32;
            files.push((
                format!("content/contracts/wijk-{n}/{year}.yaml"),
                contract_text(year, questions, as_of_days),
            ));
        }
    }
    for (path, text) in files {
        let full = dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
}

/// Each scope's list address of `f`, with the questions the model counts in it.
fn expected_lists(site: &Site, f: Figure, lang: Language) -> Vec<(String, BTreeSet<String>)> {
    let today = site.today();
    let questions: Vec<_> = site
        .public_contracts()
        .flat_map(|c| c.questions.iter().map(move |q| (c, q)))
        .filter(|(_, q)| f.counts(q, today))
        .collect();
    let url = |c: &afspraak::model::Contract, q: &afspraak::model::Question| {
        urls::question(
            lang,
            &site.neighbourhood(c.neighbourhood).slug,
            c.year,
            q.id,
        )
    };
    let mut out = vec![(
        urls::city_figure(lang, f),
        questions.iter().map(|(c, q)| url(c, q)).collect(),
    )];
    for (i, d) in site.districts.iter().enumerate() {
        let members = questions
            .iter()
            .filter(|(c, _)| site.neighbourhood(c.neighbourhood).district.index() == i)
            .map(|(c, q)| url(c, q))
            .collect();
        out.push((
            urls::scope_figure(&urls::district(lang, &d.slug), f),
            members,
        ));
    }
    for (i, p) in site.partners.iter().enumerate() {
        let members = questions
            .iter()
            .filter(|(_, q)| q.partner.index() == i)
            .map(|(c, q)| url(c, q))
            .collect();
        out.push((
            urls::scope_figure(&urls::partner(lang, &p.slug), f),
            members,
        ));
    }
    for (i, t) in site.topics.iter().enumerate() {
        let members = questions
            .iter()
            .filter(|(_, q)| q.topic.index() == i)
            .map(|(c, q)| url(c, q))
            .collect();
        out.push((urls::scope_figure(&urls::topic(lang, &t.slug), f), members));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_links_to_a_list_of_exactly_that_many(
        neighbourhoods in proptest::collection::vec(
            proptest::collection::vec(proptest::collection::vec(question(), 1..7), 1..3),
            1..4,
        ),
        as_of_days in 0u32..1000,
    ) {
        let tmp = tempfile::TempDir::new().unwrap();
        write_site(tmp.path(), &neighbourhoods, as_of_days);
        let checked = afspraak::check(tmp.path(), None).unwrap();
        let messages: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        prop_assert!(checked.diagnostics.is_empty(), "{messages:?}");
        let site = checked.site.unwrap();
        let files = afspraak::generate(tmp.path(), &site).unwrap();

        // Every figure link leads to a list of exactly its number, and shows
        // one number wherever it appears.
        let checked_links = figure_check::check_site(&files);
        prop_assert!(checked_links.is_ok(), "{}", checked_links.unwrap_err());
        let links = figure_check::figure_links(&files);
        for page in ["index.html", "en/index.html", "cijfers/index.html", "partners/index.html", "stadsdelen/index.html", "themas/index.html"] {
            prop_assert!(
                links.values().flatten().any(|s| s.page == page),
                "{page} shows no figure link"
            );
        }
        let contract = "wijken/wijk-0/2011/index.html";
        prop_assert!(links.values().flatten().any(|s| s.page == contract));

        // Every scope has a list of every figure, even an empty one, holding
        // exactly what the model's one definition counts.
        for lang in [Language::Nl, Language::En] {
            for f in Figure::ALL {
                for (url, want) in expected_lists(&site, f, lang) {
                    let got = figure_check::list_at(&files, &url);
                    prop_assert!(got.is_some(), "no list at {url}");
                    prop_assert_eq!(got.unwrap(), want, "{}", url);
                    prop_assert_eq!(figure_check::stated_count(&files, &url), Some(figure_check::list_at(&files, &url).unwrap().len()));
                }
            }
        }
    }
}
