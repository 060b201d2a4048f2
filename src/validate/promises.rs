//! A published promise is never silently rewritten: each question in the
//! record of what was published must still have its outcome (or a `revised`
//! entry from it) and a deadline chain that starts with the published one
//! (later moves are added with `rescheduled`). Run over every contract after
//! validation, cached or not, so that `serve` sees every question too.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::model::{Contract, Keyword, Neighbourhood, Question, When};
use crate::msg;
use crate::record::{self, Line, Promise, Record};
use crate::source::SourceFile;

/// Compares each question of `record` with the content.
pub fn compare(
    record: &Record,
    source: &SourceFile,
    contracts: &[Arc<Contract>],
    neighbourhoods: &[Neighbourhood],
    today: NaiveDate,
    d: &mut Diagnostics,
) {
    let text = source.text.as_str();
    let by_place: HashMap<(&str, i32), &Contract> = contracts
        .iter()
        .map(|c| {
            (
                (
                    neighbourhoods[c.neighbourhood.index()].slug.as_str(),
                    c.year,
                ),
                &**c,
            )
        })
        .collect();
    let find = |line: &Line| -> Option<(&str, i32, &Question)> {
        let (slug, year, id) = record::question_of(line.url(text))?;
        let contract = by_place.get(&(slug, year))?;
        let q = contract.questions.iter().find(|q| q.id == id)?;
        Some((slug, year, q))
    };
    let mut changed = Vec::new();
    for line in &record.lines {
        let Some(promise) = &line.promise else {
            continue;
        };
        let Some((slug, year, q)) = find(line) else {
            // Gone, or not valid now: the URL check and the content's own errors say so.
            continue;
        };
        let name = || {
            format!(
                "{slug}/{year}/{} (\"{}\")",
                q.id,
                crate::diagnostic::shorten(&q.title)
            )
        };
        if let Some(diagnostic) = check(q, promise, today, &name) {
            changed.push((line, diagnostic));
        }
    }
    if changed.is_empty() {
        return;
    }
    // A URL that a merge left with two lines is kept by either of them.
    let kept: HashSet<&str> = record
        .lines
        .iter()
        .filter(|l| {
            l.promise
                .as_ref()
                .zip(find(l))
                .is_some_and(|(p, (_, _, q))| check(q, p, today, &String::new).is_none())
        })
        .map(|l| l.url(text))
        .collect();
    for (line, diagnostic) in changed {
        if kept.contains(line.url(text)) {
            continue;
        }
        d.push(diagnostic.with_related(
            line.span(record.file),
            msg!("promise-changed-published", file = record::FILE),
        ));
    }
}

/// What is wrong with `q` against its published `promise`; `name` names the
/// question (made only when something is).
fn check(
    q: &Question,
    promise: &Promise,
    today: NaiveDate,
    name: &dyn Fn() -> String,
) -> Option<Diagnostic> {
    let was = promise.outcome;
    let now = q.outcome.kind();
    if was != now {
        // A recorded change of the answer also explains a deadline that went with it.
        if q.revised.iter().any(|r| r.from == was) {
            return None;
        }
        let entry = format!("{{ date: {today}, from: {}, reason: … }}", was.key());
        let add = if q.revised.is_empty() {
            msg!("promise-changed-add-revised", entry = entry)
        } else {
            msg!("promise-changed-append-revised", entry = entry)
        };
        return Some(
            Diagnostic::error(
                Code::PromiseChanged,
                q.promise_spans.outcome,
                msg!(
                    "promise-changed-outcome",
                    question = name(),
                    was = was.key(),
                    now = now.key()
                ),
            )
            .with_label(msg!("promise-changed-label"))
            .with_help(msg!(
                "promise-changed-outcome-help",
                add = add,
                was = was.key()
            )),
        );
    }
    let published: &[When] = &promise.chain;
    let current: Vec<When> = q
        .promised()
        .into_iter()
        .chain(q.rescheduled.iter().map(|m| m.to))
        .collect();
    if published.is_empty() || current.starts_with(published) {
        return None;
    }
    let key = record::deadline_key(now);
    let help = deadline_help(q, key, published, &current, today);
    Some(
        Diagnostic::error(
            Code::PromiseChanged,
            q.promise_spans.deadline.unwrap_or(q.promise_spans.outcome),
            msg!(
                "promise-changed-deadline",
                question = name(),
                was = describe(key, published),
                now = describe(key, &current)
            ),
        )
        .with_label(msg!("promise-changed-label"))
        .with_help(help),
    )
}

/// `` `when: 2026-Q3` ``, and its moves: `` `when: 2026-Q3`, moved to 2027-Q1 ``.
fn describe(key: &str, chain: &[When]) -> Msg {
    let first = format!("`{key}: {}`", chain[0]);
    if chain.len() > 1 {
        msg!(
            "promise-deadline-moved",
            first = first,
            moves = record::chain_text(&chain[1..], ", ")
        )
    } else {
        msg!("promise-deadline", first = first)
    }
}

/// The YAML that records the change: the published promise put back, its
/// published moves kept, and the new deadline as a move dated `today`.
fn deadline_help(
    q: &Question,
    key: &str,
    published: &[When],
    current: &[When],
    today: NaiveDate,
) -> Msg {
    let latest = *current.last().expect("a deadline");
    let mut moves: Vec<String> = published[1..]
        .iter()
        .map(|to| {
            // A published move still in the content keeps its date.
            let date = q
                .rescheduled
                .iter()
                .find(|m| m.to == *to)
                .map_or("…".to_string(), |m| m.date.to_string());
            format!("{{ date: {date}, {key}: {to}, reason: … }}")
        })
        .collect();
    if published.last() != Some(&latest) {
        moves.push(format!("{{ date: {today}, {key}: {latest}, reason: … }}"));
    }
    let put_back = (current[0] != published[0]).then(|| format!("`{key}: {}`", published[0]));
    let moves = moves.join(", ");
    let fix = match (moves.is_empty(), q.rescheduled.is_empty()) {
        (true, true) => None,
        (true, false) => Some(msg!("promise-fix-remove-rescheduled")),
        (false, true) => Some(msg!("promise-fix-add-rescheduled", moves = moves)),
        (false, false) => Some(msg!("promise-fix-make-rescheduled", moves = moves)),
    };
    let fix = match (put_back, fix) {
        (Some(p), Some(f)) => msg!("promise-fix-put-back-and", value = p, then = f),
        (Some(p), None) => msg!("promise-fix-put-back", value = p),
        (None, Some(f)) => f,
        (None, None) => msg!("promise-fix-remove-rescheduled"),
    };
    msg!("promise-changed-deadline-help", fix = fix)
}
