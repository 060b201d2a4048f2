//! A question's recorded history of its promise: `rescheduled` (each move of
//! the deadline) and `revised` (each earlier answer). Both are lists, oldest
//! first, and each entry needs a date and a reason.

use chrono::NaiveDate;

use super::contract::future_date;
use super::read::{self, Fields};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::Node;
use crate::model::{Keyword, OutcomeKind, Reschedule, Revision, When};
use crate::source::{At, Span};

/// The field a move of this outcome's deadline sets: `when`, or `report_by`.
pub fn deadline_key(outcome: OutcomeKind) -> &'static str {
    match outcome {
        OutcomeKind::Prioritised => "report_by",
        _ => "when",
    }
}

/// Reads `rescheduled`. `promised` is the deadline as signed, which the first
/// move must change; `in_range` reports a deadline far outside the contract's years.
pub fn rescheduled(
    node: &Node,
    outcome: OutcomeKind,
    promised: Option<When>,
    today: NaiveDate,
    in_range: &dyn Fn(&At<When>, &str, &mut Diagnostics) -> bool,
    d: &mut Diagnostics,
) -> Vec<Reschedule> {
    let key = deadline_key(outcome);
    let other = if key == "when" { "report_by" } else { "when" };
    let example =
        format!("write `- {{ date: 2026-09-15, {key}: 2027-Q1, reason: why the deadline moved }}`");
    let mut out: Vec<Reschedule> = Vec::new();
    let mut previous: Option<(NaiveDate, Span)> = None;
    let mut deadline = promised;
    for item in read::list(node, "rescheduled", d).unwrap_or_default() {
        let Some(mut f) = Fields::of(item, "a move of the deadline", d) else {
            continue;
        };
        let date = f.get("date").and_then(|n| read::date(n, "date", d));
        let to = f.get(key).and_then(|n| read::when(n, key, d));
        let reason = f.get("reason").and_then(|n| read::text(n, "reason", d));
        if let Some(span) = f.key_span(other) {
            f.get(other);
            d.push(
                Diagnostic::error(
                    Code::FieldNotApplicable,
                    span,
                    format!("a move of this answer's deadline sets `{key}`, not `{other}`"),
                )
                .with_help(format!(
                    "an outcome `{}` promises by `{key}`; rename `{other}` to `{key}`",
                    outcome.key()
                )),
            );
        }
        for field in ["date", key] {
            if f.is_missing(field) && !(field == key && f.key_span(other).is_some()) {
                f.missing(Code::MissingField, field, example.clone(), d);
            }
        }
        if f.is_missing("reason") {
            f.missing(
                Code::MissingReason,
                "reason",
                "say in plain words why the deadline moved: `reason: De aannemer is failliet.`",
                d,
            );
        }
        f.finish(d);
        let Some(date) = date else { continue };
        check_date(&date, &mut previous, "move", today, d);
        let Some(to) = to else { continue };
        if in_range(&to, key, d) && deadline == Some(to.value) {
            d.push(
                Diagnostic::error(
                    Code::MoveUnchanged,
                    to.span,
                    format!("this move keeps the deadline at {}", to.value),
                )
                .with_help(format!(
                    "a move records a new deadline; write the new `{key}`, or remove this entry"
                )),
            );
        }
        deadline = Some(to.value);
        if let Some(reason) = reason {
            out.push(Reschedule {
                date: date.value,
                to: to.value,
                reason: reason.value,
            });
        }
    }
    out
}

/// Reads `revised`: each entry names the answer it replaced, which must
/// differ from the answer after it.
pub fn revised(
    node: &Node,
    current: &At<OutcomeKind>,
    today: NaiveDate,
    d: &mut Diagnostics,
) -> Vec<Revision> {
    let mut entries: Vec<(Revision, Span)> = Vec::new();
    let mut previous: Option<(NaiveDate, Span)> = None;
    for item in read::list(node, "revised", d).unwrap_or_default() {
        let Some(mut f) = Fields::of(item, "an earlier answer", d) else {
            continue;
        };
        let date = f.get("date").and_then(|n| read::date(n, "date", d));
        let from = f
            .get("from")
            .and_then(|n| read::keyword::<OutcomeKind>(n, "from", Code::InvalidValue, d));
        let reason = f.get("reason").and_then(|n| read::text(n, "reason", d));
        for field in ["date", "from"] {
            if f.is_missing(field) {
                f.missing(
                    Code::MissingField,
                    field,
                    "write `- { date: 2026-10-01, from: honoured, reason: why the answer changed }`",
                    d,
                );
            }
        }
        if f.is_missing("reason") {
            f.missing(
                Code::MissingReason,
                "reason",
                "say in plain words why the answer changed: `reason: Er bleek geen vergunning mogelijk.`",
                d,
            );
        }
        f.finish(d);
        let Some(date) = date else { continue };
        check_date(&date, &mut previous, "change of the answer", today, d);
        if let (Some(from), Some(reason)) = (from, reason) {
            entries.push((
                Revision {
                    date: date.value,
                    from: from.value,
                    reason: reason.value,
                },
                from.span,
            ));
        }
    }
    // Each earlier answer was replaced by the next one, the last by the current.
    let next_answers = entries
        .iter()
        .skip(1)
        .map(|(r, _)| r.from)
        .chain(std::iter::once(current.value));
    for ((r, span), next) in entries.iter().zip(next_answers) {
        if r.from == next {
            d.push(
                Diagnostic::error(
                    Code::RevisionUnchanged,
                    *span,
                    format!(
                        "`from: {}` is the same answer as the one that replaced it",
                        r.from.key()
                    ),
                )
                .with_related(current.span, "the current answer")
                .with_help(
                    "`from` names the answer as it was before the change; correct it, or remove this entry",
                ),
            );
        }
    }
    entries.into_iter().map(|(r, _)| r).collect()
}

/// A history date may not lie in the future or before the entry above it.
fn check_date(
    date: &At<NaiveDate>,
    previous: &mut Option<(NaiveDate, Span)>,
    what: &str,
    today: NaiveDate,
    d: &mut Diagnostics,
) {
    if date.value > today {
        d.push(future_date(date, today));
    }
    if let Some((before, span)) = *previous
        && date.value < before
    {
        d.push(
            Diagnostic::error(
                Code::HistoryOrder,
                date.span,
                format!(
                    "this {what} is dated {}, before the entry above it ({before})",
                    date.value
                ),
            )
            .with_related(span, "the entry above")
            .with_help("list the entries oldest first, and check the dates for a typo"),
        );
    }
    *previous = Some((date.value, date.span));
}
