//! Properties of the promise record over generated sites: the delivery state
//! follows the specification's table for every combination of deadline,
//! moves, progress, decision and `as_of`; the figures add up; and a disputed
//! delivery never counts as kept, on any page that shows the figure.

use std::fmt::Write as _;
use std::fs;

use afspraak::model::Keyword;
use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;

/// The first day of the generated contracts' period.
fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2011, 4, 1).unwrap()
}

/// Months counted from April 2011.
fn month(index: u32) -> (i32, u32) {
    (2011 + ((3 + index) / 12) as i32, (3 + index) % 12 + 1)
}

fn last_day((y, m): (i32, u32)) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).unwrap() - Duration::days(1)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Nothing,
    Started,
    Done,
    Dropped,
}

#[derive(Debug, Clone)]
struct Q {
    /// 0 resolved, 1 honoured, 2 scheduled, 3 prioritised, 4 declined.
    outcome: u8,
    /// The promise as signed, in months from April 2011.
    promised: u32,
    /// Each move: the month it moves forward by (1 or more).
    moves: Vec<u32>,
    last: Last,
    /// Days after the start of the period that the last event happened,
    /// scaled into the time before `as_of`.
    event: u32,
    disputed: bool,
    /// For prioritised: none, included, not included.
    decision: u8,
}

fn question() -> impl Strategy<Value = Q> {
    (
        0u8..5,
        0u32..12,
        proptest::collection::vec(1u32..6, 0..3),
        prop_oneof![
            Just(Last::Nothing),
            Just(Last::Started),
            Just(Last::Done),
            Just(Last::Dropped)
        ],
        0u32..1000,
        any::<bool>(),
        0u8..3,
    )
        .prop_map(
            |(outcome, promised, moves, last, event, disputed, decision)| Q {
                outcome,
                promised,
                moves,
                last,
                event,
                disputed,
                decision,
            },
        )
}

/// The event dates of a question, oldest first, none after `as_of`.
fn dates(q: &Q, as_of_days: u32, count: usize) -> Vec<NaiveDate> {
    (0..count)
        .map(|i| {
            let span = as_of_days.max(1);
            let day = (q.event + 37 * i as u32) % span;
            start() + Duration::days(i64::from(day))
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .chain(std::iter::repeat(
            start() + Duration::days(i64::from(as_of_days)),
        ))
        .take(count)
        .collect::<Vec<_>>()
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn ym((y, m): (i32, u32)) -> String {
    format!("{y}-{m:02}")
}

/// The specification's table, written out from its words.
fn expected(q: &Q, today: NaiveDate, as_of_days: u32) -> Option<&'static str> {
    let promised = month(q.promised);
    let mut current = q.promised;
    for m in &q.moves {
        current += m;
    }
    let current = month(current);
    let moved = !q.moves.is_empty();
    let not_done = || {
        if last_day(current) < today {
            "overdue"
        } else if moved {
            "moved"
        } else {
            "on-track"
        }
    };
    match q.outcome {
        0 => Some("done"),
        1 | 2 => Some(match q.last {
            Last::Dropped => "dropped",
            Last::Done => {
                let done_on = *dates(q, as_of_days, 2).last().unwrap();
                if done_on <= last_day(promised) {
                    "done"
                } else {
                    "done-late"
                }
            }
            _ => not_done(),
        }),
        3 => Some(match q.decision {
            1 => "included",
            2 => "not-included",
            _ => match not_done() {
                "on-track" => "awaiting",
                other => other,
            },
        }),
        _ => None,
    }
}

fn contract_text(questions: &[Q], as_of_days: u32) -> String {
    let mut c = String::from(
        "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad, gemeente]\nquestions:\n",
    );
    for (i, q) in questions.iter().enumerate() {
        write!(
            c,
            "  - id: {}\n    title: Vraag {}\n    topic: veilig\n    partner: gemeente\n    asked: Een vraag.\n",
            i + 1,
            i + 1
        )
        .unwrap();
        let key = if q.outcome == 3 { "report_by" } else { "when" };
        match q.outcome {
            0 => c.push_str("    outcome: resolved\n"),
            1 => write!(
                c,
                "    outcome: honoured\n    when: {}\n",
                ym(month(q.promised))
            )
            .unwrap(),
            2 => write!(
                c,
                "    outcome: scheduled\n    when: {}\n    planning_adjusted: true\n",
                ym(month(q.promised))
            )
            .unwrap(),
            3 => write!(
                c,
                "    outcome: prioritised\n    report_by: {}\n",
                ym(month(q.promised))
            )
            .unwrap(),
            _ => c.push_str("    outcome: declined\n    ground: policy\n    reason: Past niet.\n"),
        }
        if (1..=3).contains(&q.outcome) && !q.moves.is_empty() {
            c.push_str("    rescheduled:\n");
            let mut current = q.promised;
            for (m, date) in q.moves.iter().zip(dates(q, as_of_days, q.moves.len())) {
                current += m;
                writeln!(
                    c,
                    "      - {{ date: {}, {key}: {}, reason: Later. }}",
                    ymd(date),
                    ym(month(current))
                )
                .unwrap();
            }
        }
        if (1..=2).contains(&q.outcome) && q.last != Last::Nothing {
            let [first, last] = dates(q, as_of_days, 2)[..] else {
                unreachable!()
            };
            c.push_str("    progress:\n");
            writeln!(c, "      - {{ date: {}, state: planned }}", ymd(first)).unwrap();
            let state = match q.last {
                Last::Started => "started",
                Last::Done => "done",
                _ => "dropped",
            };
            writeln!(c, "      - {{ date: {}, state: {state} }}", ymd(last)).unwrap();
        }
        if q.outcome == 3 && q.decision > 0 {
            let date = dates(q, as_of_days, 1)[0];
            writeln!(
                c,
                "    decision: {{ date: {}, included: {} }}",
                ymd(date),
                q.decision == 1
            )
            .unwrap();
        }
        if q.disputed && (q.outcome <= 2) {
            let date = dates(q, as_of_days, 1)[0];
            writeln!(
                c,
                "    disputed: {{ date: {}, note: Niet opgelost. }}",
                ymd(date)
            )
            .unwrap();
        }
    }
    c
}

fn write_site(dir: &std::path::Path, questions: &[Q], as_of_days: u32) {
    let as_of = start() + Duration::days(i64::from(as_of_days));
    let files = [
        (
            "site.toml",
            format!(
                "title = \"T\"\nlanguages = [\"nl\"]\nas_of = {}T12:00:00\n\n[open_data]\npublisher = {{ name = \"Gemeente\" }}\ncontact = {{ name = \"Team\", email = \"team@example.nl\" }}\n",
                ymd(as_of)
            ),
        ),
        (
            "content/partners.yaml",
            "- { slug: gemeente, name: Gemeente, kind: municipality }\n".into(),
        ),
        (
            "content/topics.yaml",
            "- { slug: veilig, name: Veilig }\n".into(),
        ),
        (
            "content/districts.yaml",
            "- slug: d\n  name: D\n  neighbourhoods:\n    - { slug: wijk, name: Wijk }\n".into(),
        ),
        (
            "content/contracts/wijk/2011.yaml",
            contract_text(questions, as_of_days),
        ),
    ];
    for (path, text) in files {
        let full = dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn delivery_follows_the_specification_table(
        questions in proptest::collection::vec(question(), 1..12),
        as_of_days in 0u32..1000,
    ) {
        let tmp = tempfile::TempDir::new().unwrap();
        write_site(tmp.path(), &questions, as_of_days);
        let checked = afspraak::check(tmp.path(), None).unwrap();
        let messages: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        prop_assert!(checked.diagnostics.is_empty(), "{messages:?}\n{}", contract_text(&questions, as_of_days));
        let site = checked.site.unwrap();
        let today = site.today();
        prop_assert_eq!(today, start() + Duration::days(i64::from(as_of_days)));
        let model = &site.contracts[0].questions;
        let mut kept = 0;
        for (q, generated) in model.iter().zip(&questions) {
            let want = expected(generated, today, as_of_days);
            prop_assert_eq!(q.delivery(today).map(|d| d.key()), want, "question {} as of {}", q.id, today);
            if want == Some("done") && !(generated.disputed && generated.outcome <= 2) {
                kept += 1;
            }
        }

        // The figures add up: every answer with a state counts in exactly one standing.
        use afspraak::model::{Figure, Figures};
        let figures = Figures::of(model.iter(), today);
        let with_state = model.iter().filter(|q| q.delivery(today).is_some()).count();
        let standings: usize = Figure::STANDINGS.iter().map(|&f| figures.get(f)).sum();
        prop_assert_eq!(standings, with_state);
        prop_assert_eq!(figures.get(Figure::KEPT), kept, "a disputed delivery is never kept");

        // And the pages show the same number.
        let files = afspraak::generate(tmp.path(), &site).unwrap();
        let home = String::from_utf8(files["index.html"].clone()).unwrap();
        let shown = format!("<strong>{kept}</strong> afspraken nagekomen");
        prop_assert!(home.contains(&shown), "home page lacks {shown:?}");
        let contract = String::from_utf8(files["wijken/wijk/2011/index.html"].clone()).unwrap();
        if kept > 0 {
            let shown = format!("<strong>{kept}</strong> nagekomen");
            prop_assert!(contract.contains(&shown), "contract page lacks {shown:?}");
        } else {
            prop_assert!(!contract.contains("class=\"standing-kept\""));
        }
    }
}

#[test]
fn month_arithmetic_of_the_oracle() {
    assert_eq!(month(0), (2011, 4));
    assert_eq!(month(8), (2011, 12));
    assert_eq!(month(9), (2012, 1));
    assert_eq!(
        last_day((2012, 2)),
        NaiveDate::from_ymd_opt(2012, 2, 29).unwrap()
    );
    assert_eq!(start().year(), 2011);
}
