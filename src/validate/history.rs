//! A question's recorded history of its promise: `rescheduled` (each move of
//! the deadline) and `revised` (each earlier answer). Both are lists, oldest
//! first, and each entry needs a date and a reason.

use chrono::NaiveDate;

use super::contract::future_date;
use super::read::{self, Fields};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::load::Node;
use crate::model::{Keyword, OutcomeKind, Reschedule, Revision, When};
use crate::msg;
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
    let example = msg!("missing-move-help", key = key);
    let mut out: Vec<Reschedule> = Vec::new();
    let mut previous: Option<(NaiveDate, Span)> = None;
    let mut deadline = promised;
    for item in read::list(node, "rescheduled", d).unwrap_or_default() {
        let Some(mut f) = Fields::of(item, "item-move", d) else {
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
                    msg!(
                        "move-wrong-deadline",
                        outcome = outcome.key(),
                        key = key,
                        other = other
                    ),
                )
                .with_help(msg!(
                    "move-wrong-deadline-help",
                    key = key,
                    other = other
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
                msg!("missing-move-reason-help"),
                d,
            );
        }
        f.finish(d);
        if let Some(date) = &date {
            check_date(
                date,
                &mut previous,
                "move",
                msg!("move-date-in-future-help"),
                today,
                d,
            );
        }
        let Some(to) = to else { continue };
        if in_range(&to, key, d) && deadline == Some(to.value) {
            d.push(
                Diagnostic::error(
                    Code::MoveUnchanged,
                    to.span,
                    msg!("move-unchanged", deadline = to.value.to_string()),
                )
                .with_help(msg!("move-unchanged-help", key = key)),
            );
        }
        // Tracked even for an incomplete entry, so the next one is compared
        // with what the editor wrote above it.
        deadline = Some(to.value);
        if let (Some(date), Some(reason)) = (date, reason) {
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
    let mut out: Vec<Revision> = Vec::new();
    // Every entry's `from`, readable or not, so that each is compared with
    // the answer right after it and never with one further down.
    let mut answers: Vec<Option<At<OutcomeKind>>> = Vec::new();
    let mut previous: Option<(NaiveDate, Span)> = None;
    for item in read::list(node, "revised", d).unwrap_or_default() {
        let Some(mut f) = Fields::of(item, "item-revision", d) else {
            continue;
        };
        let date = f.get("date").and_then(|n| read::date(n, "date", d));
        let from = f.get("from").and_then(|n| earlier_answer(n, d));
        let reason = f.get("reason").and_then(|n| read::text(n, "reason", d));
        for field in ["date", "from"] {
            if f.is_missing(field) {
                f.missing(Code::MissingField, field, msg!("missing-revision-help"), d);
            }
        }
        if f.is_missing("reason") {
            f.missing(
                Code::MissingReason,
                "reason",
                msg!("missing-revision-reason-help"),
                d,
            );
        }
        f.finish(d);
        if let Some(date) = &date {
            check_date(
                date,
                &mut previous,
                "revision",
                msg!("revision-date-in-future-help"),
                today,
                d,
            );
        }
        if let (Some(date), Some(from), Some(reason)) = (&date, &from, reason) {
            out.push(Revision {
                date: date.value,
                from: from.value,
                reason: reason.value,
            });
        }
        answers.push(from);
    }
    // Each earlier answer was replaced by the next one, the last by the current.
    let next_answers = answers
        .iter()
        .skip(1)
        .map(|a| a.as_ref().map(|a| (a.value, a.span, false)))
        .chain(std::iter::once(Some((current.value, current.span, true))));
    for (from, next) in answers.iter().zip(next_answers) {
        let (Some(from), Some((next, next_span, is_current))) = (from, next) else {
            continue;
        };
        if from.value != next {
            continue;
        }
        let key = from.value.key();
        let (message, label) = if is_current {
            (
                msg!("revision-unchanged-current", key = key),
                msg!("revision-unchanged-current-label"),
            )
        } else {
            (
                msg!("revision-unchanged-next", key = key),
                msg!("revision-unchanged-next-label"),
            )
        };
        d.push(
            Diagnostic::error(Code::RevisionUnchanged, from.span, message)
                .with_related(next_span, label)
                .with_help(msg!("revision-unchanged-help")),
        );
    }
    out
}

/// `from`: one of the five answers. The shared reader's wording ("not a
/// valid from") is rephrased so an editor sees what `from` is for.
fn earlier_answer(node: &Node, d: &mut Diagnostics) -> Option<At<OutcomeKind>> {
    let mut local = Diagnostics::default();
    let from = read::keyword::<OutcomeKind>(node, "from", Code::InvalidValue, &mut local);
    for mut diagnostic in local.iter().cloned() {
        if diagnostic.code == Code::InvalidValue {
            let value = match &node.value {
                crate::load::Value::Str(s) => s.clone(),
                _ => String::new(),
            };
            diagnostic.message = msg!("invalid-value-from", value = value).into();
        }
        d.push(diagnostic);
    }
    from
}

/// A history date may not lie in the future or before the entry above it.
fn check_date(
    date: &At<NaiveDate>,
    previous: &mut Option<(NaiveDate, Span)>,
    what: &'static str,
    future_help: Msg,
    today: NaiveDate,
    d: &mut Diagnostics,
) {
    if date.value > today {
        d.push(future_date(date, today).with_help(future_help));
    }
    if let Some((before, span)) = *previous
        && date.value < before
    {
        d.push(
            Diagnostic::error(
                Code::HistoryOrder,
                date.span,
                msg!(
                    "history-out-of-order",
                    what = what,
                    date = date.value.to_string(),
                    before = before.to_string()
                ),
            )
            .with_related(span, msg!("progress-out-of-order-above"))
            .with_help(msg!("history-out-of-order-help")),
        );
    }
    *previous = Some((date.value, date.span));
}
