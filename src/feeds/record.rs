//! The promise record in the feeds: each progress step, each move of a
//! deadline, each change of an answer and each decision on a prioritised
//! question is an entry of its own, linking to the question's page.
//!
//! An entry's id is the question's permanent URL with a fragment naming the
//! kind and date of the event (`#voortgang-2011-06-01-started`); a second
//! event of the same kind on the same day gets `-2`, and so on. Histories
//! only grow at the end, so an id never changes when an entry is added.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Entry, absolute, amsterdam_rfc3339, escape};
use crate::config::Language;
use crate::model::{Contract, Decision, Keyword, Outcome, OutcomeKind, Question};
use crate::render::i18n::Translations;
use crate::render::{Published, urls};

/// One event of a question's promise record.
#[derive(Clone, Copy)]
pub(super) struct Event<'s> {
    contract: &'s Contract,
    question: &'s Question,
    kind: Kind<'s>,
}

#[derive(Clone, Copy)]
enum Kind<'s> {
    /// The index of the progress entry.
    Progress(usize),
    /// The index of the move in `rescheduled`.
    Move(usize),
    /// The index of the revision in `revised`.
    Revision(usize),
    Decision(&'s Decision),
}

/// Every event of a contract's questions, with the moment it sorts by: the
/// start of its day, as news without a time.
pub(super) fn events(c: &Contract) -> impl Iterator<Item = (NaiveDateTime, Event<'_>)> {
    c.questions.iter().flat_map(move |q| {
        let progress = q
            .progress
            .iter()
            .enumerate()
            .map(|(i, p)| (p.date, Kind::Progress(i)));
        let moves = q
            .rescheduled
            .iter()
            .enumerate()
            .map(|(i, m)| (m.date, Kind::Move(i)));
        let revisions = q
            .revised
            .iter()
            .enumerate()
            .map(|(i, r)| (r.date, Kind::Revision(i)));
        let decision = match &q.outcome {
            Outcome::Prioritised {
                decision: Some(d), ..
            } => Some((d.date, Kind::Decision(d))),
            _ => None,
        };
        progress
            .chain(moves)
            .chain(revisions)
            .chain(decision)
            .map(move |(date, kind)| {
                (
                    midnight(date),
                    Event {
                        contract: c,
                        question: q,
                        kind,
                    },
                )
            })
    })
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).expect("midnight")
}

/// `-2` for the second of the events before and at `i` that `same` matches, and so on.
fn ordinal<T>(list: &[T], i: usize, same: impl Fn(&T) -> bool) -> String {
    match list[..i].iter().filter(|x| same(x)).count() {
        0 => String::new(),
        n => format!("-{}", n + 1),
    }
}

/// The fragment that names an event within its question's permanent URL.
fn fragment(q: &Question, kind: Kind) -> String {
    match kind {
        Kind::Progress(i) => {
            let p = &q.progress[i];
            let n = ordinal(&q.progress, i, |o| o.date == p.date && o.state == p.state);
            format!("voortgang-{}-{}{n}", p.date, p.state.key())
        }
        Kind::Move(i) => {
            let m = &q.rescheduled[i];
            let n = ordinal(&q.rescheduled, i, |o| o.date == m.date);
            format!("verschoven-{}{n}", m.date)
        }
        Kind::Revision(i) => {
            let r = &q.revised[i];
            let n = ordinal(&q.revised, i, |o| o.date == r.date);
            format!("gewijzigd-{}{n}", r.date)
        }
        Kind::Decision(d) => format!("besluit-{}", d.date),
    }
}

fn paragraph(html: &mut String, text: &str) {
    html.push_str("<p>");
    html.push_str(&escape(text));
    html.push_str("</p>");
}

/// The entry of one event. Titles and texts are in `t`'s language; notes and
/// reasons are plain text, escaped here.
pub(super) fn entry(p: &Published, t: &Translations, sort: NaiveDateTime, e: Event) -> Entry {
    let (c, q) = (e.contract, e.question);
    let slug = &p.site.neighbourhood(c.neighbourhood).slug;
    let base = &p.site.config.base_url;
    let permalink = absolute(base, &urls::question(Language::Nl, slug, c.year, q.id));
    let url = absolute(base, &urls::question(t.lang, slug, c.year, q.id));
    // The question's title last: braces in it are the editor's text.
    let titled = |key: &str, field: &str, value: &str| {
        t.get(key)
            .replace(field, value)
            .replace("{question}", &q.title)
    };
    let mut html = String::new();
    let title = match e.kind {
        Kind::Progress(i) => {
            let step = &q.progress[i];
            let state = t.get(&format!("state_{}", step.state.key())).to_string();
            if let Some(note) = &step.note {
                paragraph(&mut html, note);
            }
            titled("feed_progress_title", "{state}", &state)
        }
        Kind::Move(i) => {
            let m = &q.rescheduled[i];
            let to = t.when(&m.to);
            if let Some(promised) = q.promised() {
                paragraph(
                    &mut html,
                    &t.get("label_promise_signed")
                        .replace("{when}", &t.when(&promised)),
                );
            }
            paragraph(&mut html, &t.get("label_move").replace("{to}", &to));
            paragraph(&mut html, &m.reason);
            titled("feed_move_title", "{to}", &to)
        }
        Kind::Revision(i) => {
            let r = &q.revised[i];
            // The answer it became: the next revision's earlier answer, or the current one.
            let to = q.revised.get(i + 1).map_or(q.outcome.kind(), |n| n.from);
            let outcome = |k: OutcomeKind| t.get(&format!("outcome_{}", k.key())).to_string();
            paragraph(
                &mut html,
                &t.get("label_revision").replace("{from}", &outcome(r.from)),
            );
            paragraph(&mut html, &r.reason);
            titled("feed_revision_title", "{outcome}", &outcome(to))
        }
        Kind::Decision(d) => {
            if let Some(note) = &d.note {
                paragraph(&mut html, note);
            }
            let key = if d.included {
                "decision_included"
            } else {
                "decision_not_included"
            };
            titled("feed_decision_title", "{decision}", t.get(key))
        }
    };
    if html.is_empty() {
        paragraph(&mut html, &title);
    }
    Entry {
        id: format!("{permalink}#{}", fragment(q, e.kind)),
        title,
        url,
        updated: amsterdam_rfc3339(sort),
        sort,
        summary: None,
        content_html: html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProgressState::{Done, Started};
    use crate::model::contract::tests::question;

    #[test]
    fn same_day_events_of_one_kind_are_numbered_in_order() {
        let q = question(
            Outcome::Resolved,
            &[
                ("2011-06-01", Started),
                ("2011-06-01", Started),
                ("2011-06-01", Done),
                ("2011-06-02", Started),
                ("2011-06-01", Started),
            ],
        );
        let ids: Vec<String> = (0..5).map(|i| fragment(&q, Kind::Progress(i))).collect();
        assert_eq!(
            ids,
            [
                "voortgang-2011-06-01-started",
                "voortgang-2011-06-01-started-2",
                "voortgang-2011-06-01-done",
                "voortgang-2011-06-02-started",
                "voortgang-2011-06-01-started-3",
            ]
        );
    }
}
