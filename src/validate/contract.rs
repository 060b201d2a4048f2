//! One contract file: its settings and every question, with the rules of the
//! five outcomes.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::Tables;
use super::history;
use super::read::{self, Fields};
use super::suggest::did_you_mean;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::load::{ContractSource, Node};
use crate::model::English;
use crate::model::{
    Channel, Contract, Decision, Dispute, Ground, Markdown, Outcome, OutcomeKind, Planning,
    Progress, ProgressState, PromiseSpans, Question, QuestionKind, QuestionRef, Scale, Signatory,
    When,
};
use crate::msg;
use crate::source::{At, Span};

/// The words that stand for the neighbourhood council in `signatories`.
pub const COUNCIL_SIGNATORY: &str = "wijkraad";

pub fn contract(
    source: &ContractSource,
    markdown: Option<Markdown>,
    t: &Tables,
    d: &mut Diagnostics,
) -> Option<Contract> {
    let file_span = Span::file_start(source.yaml.file);
    let neighbourhood = match t.neighbourhoods.get(source.neighbourhood.value.as_str()) {
        Some(id) => Some(*id),
        None if !t.districts_read => None,
        None => {
            let help = match did_you_mean(
                &source.neighbourhood.value,
                t.neighbourhoods.keys().copied(),
            ) {
                Some(s) => msg!("unknown-contract-folder-suggest", suggestion = s),
                None => msg!("unknown-contract-folder-help"),
            };
            d.push(
                Diagnostic::error(
                    Code::UnknownNeighbourhood,
                    file_span,
                    msg!(
                        "unknown-contract-folder",
                        folder = &source.neighbourhood.value
                    ),
                )
                .with_help(help),
            );
            None
        }
    };
    let file_year = match source.year.parse::<i32>() {
        Ok(y) if source.year.len() == 4 => Some(y),
        _ => {
            d.push(
                Diagnostic::error(
                    Code::InvalidFileName,
                    file_span,
                    msg!("invalid-contract-name", stem = &source.year),
                )
                .with_help(msg!("invalid-contract-name-help")),
            );
            None
        }
    };
    let root = source.yaml.root.as_deref()?;
    let mut f = Fields::of(root, "item-contract", d)?;
    let period = f.get("period").and_then(|n| period(n, d));
    let signed = f.get("signed").and_then(|n| read::date(n, "signed", d));
    let signatories = f.get("signatories").and_then(|n| signatories(n, t, d));
    let publish_from = f
        .get("publish_from")
        .and_then(|n| read::datetime(n, "publish_from", d));
    let draft = f
        .get("draft")
        .and_then(|n| read::boolean(n, "draft", d))
        .unwrap_or(false);
    let collected_via: Vec<Channel> = f
        .get("collected_via")
        .and_then(|n| read::list(n, "collected_via", d))
        .unwrap_or_default()
        .iter()
        .filter_map(|n| read::keyword::<Channel>(n, "channel", Code::UnknownChannel, d))
        .map(|c| c.value)
        .collect();
    let question_nodes = f
        .get("questions")
        .and_then(|n| read::list(n, "questions", d));
    if f.is_missing("period") {
        f.missing(Code::MissingField, "period", msg!("missing-period-help"), d);
    }
    if f.is_missing("signatories") {
        f.missing(
            Code::MissingField,
            "signatories",
            msg!("missing-signatories-help"),
            d,
        );
    }
    match question_nodes {
        None if f.key_span("questions").is_none() => {
            f.missing(Code::NoQuestions, "questions", msg!("no-questions-help"), d);
        }
        Some([]) | None => d.push(
            Diagnostic::error(
                Code::NoQuestions,
                f.key_span("questions").unwrap_or(f.span),
                msg!("no-questions"),
            )
            .with_help(msg!("no-questions-empty-help")),
        ),
        Some(_) => {}
    }
    let contract_span = f.span;
    f.finish(d);

    if let (Some(year), Some(p)) = (file_year, &period)
        && p.value.0.year() != year
    {
        d.push(
            Diagnostic::error(
                Code::YearMismatch,
                p.span,
                msg!(
                    "year-mismatch",
                    file = year.to_string(),
                    start = p.value.0.year().to_string()
                ),
            )
            .with_help(msg!(
                "year-mismatch-help",
                start = p.value.0.year().to_string()
            )),
        );
    }

    let today = t.as_of.date();
    let mut questions = Vec::new();
    // Ids are compared as written, so that a duplicate is reported even when
    // one of the two questions has other errors as well.
    let nodes = question_nodes.unwrap_or_default();
    let raw_ids: Vec<Option<(u32, Span)>> = nodes.iter().map(raw_id).collect();
    let next_free = raw_ids
        .iter()
        .flatten()
        .map(|(id, _)| *id)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let mut ids: HashMap<u32, Span> = HashMap::new();
    for (node, raw) in nodes.iter().zip(raw_ids) {
        let q = question(node, period.as_ref().map(|p| p.value), today, t, d);
        if let Some((id, span)) = raw {
            if let Some(first) = ids.get(&id) {
                d.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        span,
                        msg!("duplicate-id", id = id.to_string()),
                    )
                    .with_related(*first, msg!("duplicate-id-first"))
                    .with_help(msg!("duplicate-id-help", next = next_free.to_string())),
                );
                continue;
            }
            ids.insert(id, span);
        }
        questions.extend(q);
    }
    Some(Contract {
        neighbourhood: neighbourhood?,
        year: file_year?,
        period: period?.value,
        signed: signed.map(|s| s.value),
        signatories: signatories?,
        publish_from: publish_from.map(|p| p.value),
        draft,
        collected_via,
        questions,
        narrative: markdown,
        span: contract_span,
    })
}

fn period(node: &Node, d: &mut Diagnostics) -> Option<At<(NaiveDate, NaiveDate)>> {
    let mut f = Fields::of(node, "item-period", d)?;
    let from = f.get("from").and_then(|n| read::date(n, "from", d));
    let to = f.get("to").and_then(|n| read::date(n, "to", d));
    for key in ["from", "to"] {
        if f.is_missing(key) {
            f.missing(Code::MissingField, key, msg!("missing-period-help"), d);
        }
    }
    f.finish(d);
    let (from, to) = (from?, to?);
    if to.value < from.value {
        d.push(
            Diagnostic::error(Code::PeriodOrder, to.span, msg!("period-order"))
                .with_related(from.span, msg!("period-order-start"))
                .with_help(msg!("period-order-help")),
        );
        return None;
    }
    Some(At::new((from.value, to.value), node.span))
}

fn signatories(node: &Node, t: &Tables, d: &mut Diagnostics) -> Option<Vec<Signatory>> {
    let items = read::list(node, "signatories", d)?;
    let mut out = Vec::new();
    for item in items {
        let Some(s) = read::text(item, "signatory", d) else {
            continue;
        };
        if s.value == COUNCIL_SIGNATORY || s.value == t.council_word {
            out.push(Signatory::Council);
        } else if let Some(p) = t.partner(&s, d) {
            out.push(Signatory::Partner(p));
        }
    }
    Some(out)
}

/// Keys that belong to some outcomes only.
const OUTCOME_FIELDS: &[(&str, &[OutcomeKind])] = &[
    ("when", &[OutcomeKind::Honoured, OutcomeKind::Scheduled]),
    ("planning_adjusted", &[OutcomeKind::Scheduled]),
    ("reason", &[OutcomeKind::Declined, OutcomeKind::Scheduled]),
    ("ground", &[OutcomeKind::Declined]),
    ("report_by", &[OutcomeKind::Prioritised]),
    ("decision", &[OutcomeKind::Prioritised]),
    (
        "rescheduled",
        &[
            OutcomeKind::Honoured,
            OutcomeKind::Scheduled,
            OutcomeKind::Prioritised,
        ],
    ),
];

fn question(
    node: &Node,
    period: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
    t: &Tables,
    d: &mut Diagnostics,
) -> Option<Question> {
    use crate::model::Keyword;
    let mut f = Fields::of(node, "item-question", d)?;
    let id = f.get("id").and_then(|n| read::positive_int(n, "id", d));
    let title = f.get("title").and_then(|n| read::text(n, "title", d));
    let kind = f
        .get("kind")
        .and_then(|n| read::keyword::<QuestionKind>(n, "kind", Code::InvalidValue, d));
    let needs_volunteers = f
        .get("needs_volunteers")
        .and_then(|n| read::boolean(n, "needs_volunteers", d));
    let scale = f
        .get("scale")
        .and_then(|n| read::keyword::<Scale>(n, "scale", Code::InvalidValue, d));
    let channel = f
        .get("channel")
        .and_then(|n| read::keyword::<Channel>(n, "channel", Code::UnknownChannel, d));
    let topic = f
        .get("topic")
        .and_then(|n| read::slug(n, "topic", d))
        .and_then(|s| t.topic(&s, d));
    let location = f.get("location").and_then(|n| read::text(n, "location", d));
    let asked = f.get("asked").and_then(|n| read::text(n, "asked", d));
    let partner = f
        .get("partner")
        .and_then(|n| read::slug(n, "partner", d))
        .and_then(|s| t.partner(&s, d));
    let outcome_kind = f
        .get("outcome")
        .and_then(|n| read::keyword::<OutcomeKind>(n, "outcome", Code::InvalidValue, d));
    let answer = f.get("answer").and_then(|n| read::text(n, "answer", d));
    let progress = f
        .get("progress")
        .map(|n| progress(n, today, d))
        .unwrap_or_default();
    let follows = f.get("follows").and_then(|n| follows(n, d));
    let disputed = f.get("disputed").and_then(|n| disputed(n, today, d));
    let when = f.get("when").and_then(|n| read::when(n, "when", d));
    let planning_adjusted = f
        .get("planning_adjusted")
        .and_then(|n| read::boolean(n, "planning_adjusted", d));
    let reason = f.get("reason").and_then(|n| read::text(n, "reason", d));
    let ground = f
        .get("ground")
        .and_then(|n| read::keyword::<Ground>(n, "ground", Code::InvalidValue, d));
    let report_by = f
        .get("report_by")
        .and_then(|n| read::when(n, "report_by", d));
    let decision = f.get("decision").and_then(|n| decision(n, today, d));
    let rescheduled_node = f.get("rescheduled");
    let rescheduled_key = f.key_span("rescheduled");
    let revised_node = f.get("revised");
    let en = f.get("en").and_then(|n| english(n, d));

    let required = [
        ("id", msg!("missing-id-help")),
        ("title", msg!("missing-title-help")),
        ("asked", msg!("missing-asked-help")),
        ("topic", msg!("missing-topic-help")),
        ("partner", msg!("missing-partner-help")),
        ("outcome", msg!("missing-outcome-help")),
    ];
    for (key, help) in required {
        if f.is_missing(key) {
            f.missing(Code::MissingField, key, help, d);
        }
    }
    let span = f.key_span("id").unwrap_or(f.span);
    if needs_volunteers == Some(true)
        && kind
            .as_ref()
            .is_none_or(|k| k.value != QuestionKind::Initiative)
        && let Some(at) = f.key_span("needs_volunteers")
    {
        d.push(volunteers_not_applicable(at, kind.as_ref().map(|k| k.span)));
    }

    let Some(outcome_kind) = outcome_kind else {
        f.finish(d);
        return None;
    };
    let ok = outcome_kind.value;
    for (key, allowed) in OUTCOME_FIELDS {
        if let Some(key_span) = f.key_span(key)
            && !allowed.contains(&ok)
        {
            let owners: Vec<&str> = allowed.iter().map(|k| k.key()).collect();
            d.push(
                Diagnostic::error(
                    Code::FieldNotApplicable,
                    key_span,
                    msg!(
                        "field-not-applicable",
                        field = *key,
                        outcome = ok.key(),
                        label = outcome_label(ok)
                    ),
                )
                .with_related(outcome_kind.span, msg!("field-not-applicable-outcome"))
                .with_help(match owners.split_last() {
                    Some((last, rest)) if !rest.is_empty() => msg!(
                        "field-not-applicable-help-many",
                        field = *key,
                        owners = rest.join(", "),
                        last = *last
                    ),
                    _ => msg!(
                        "field-not-applicable-help",
                        field = *key,
                        owners = owners.join("")
                    ),
                }),
            );
        }
    }
    f.finish(d);

    let outcome_at = outcome_kind.span;
    let promise_spans = PromiseSpans {
        outcome: outcome_at,
        deadline: match ok {
            OutcomeKind::Prioritised => report_by.as_ref().map(|r| r.span),
            _ => when.as_ref().map(|w| w.span),
        },
        rescheduled: rescheduled_key,
    };
    let need = |code: Code, field: &str, help: Msg, d: &mut Diagnostics| {
        d.push(
            Diagnostic::error(
                code,
                outcome_at,
                msg!(
                    "outcome-needs",
                    outcome = ok.key(),
                    label = outcome_label(ok),
                    field = field
                ),
            )
            .with_label(msg!("outcome-needs-label", field = field))
            .with_help(help),
        );
    };
    let check_range = |w: &At<When>, field: &str, d: &mut Diagnostics| -> bool {
        let Some((from, _)) = period else { return true };
        let (lo, hi) = (from.year() - 1, from.year() + 20);
        if (lo..=hi).contains(&w.value.year()) {
            return true;
        }
        d.push(
            Diagnostic::error(
                Code::WhenOutOfRange,
                w.span,
                msg!(
                    "when-out-of-range",
                    field = field,
                    value = w.value.to_string()
                ),
            )
            .with_help(msg!(
                "when-out-of-range-help",
                low = lo.to_string(),
                high = hi.to_string()
            )),
        );
        false
    };

    let outcome = match ok {
        OutcomeKind::Resolved => Some(Outcome::Resolved),
        OutcomeKind::Honoured => match when {
            None => {
                if !has_value(node, "when") {
                    need(
                        Code::MissingWhen,
                        "when",
                        msg!("missing-when-honoured-help"),
                        d,
                    );
                }
                None
            }
            Some(w) => {
                if check_range(&w, "when", d)
                    && let Some((from, to)) = period
                    && !w.value.overlaps(from, to)
                {
                    d.push(
                        Diagnostic::error(
                            Code::WhenOutsidePeriod,
                            w.span,
                            msg!(
                                "when-outside-period",
                                value = w.value.to_string(),
                                from = from.to_string(),
                                to = to.to_string()
                            ),
                        )
                        .with_help(msg!("when-outside-period-help")),
                    );
                }
                Some(Outcome::Honoured { when: w.value })
            }
        },
        OutcomeKind::Scheduled => {
            if when.is_none() && !has_value(node, "when") {
                need(
                    Code::MissingWhen,
                    "when",
                    msg!("missing-when-scheduled-help"),
                    d,
                );
            }
            if let Some(w) = &when {
                check_range(w, "when", d);
            }
            let planning = match planning_adjusted {
                None => {
                    if !has_value(node, "planning_adjusted") {
                        need(
                            Code::MissingPlanningAdjusted,
                            "planning_adjusted",
                            msg!("missing-planning-adjusted-help"),
                            d,
                        );
                    }
                    None
                }
                Some(true) => Some(Planning::Adjusted {
                    note: reason.map(|r| Markdown(r.value)),
                }),
                Some(false) => {
                    match reason {
                        Some(r) => Some(Planning::NotAdjusted {
                            reason: Markdown(r.value),
                        }),
                        // A reason that could not be read is reported already.
                        None if has_value(node, "reason") => None,
                        None => {
                            let at = planning_adjusted_span(node).unwrap_or(outcome_at);
                            d.push(
                                Diagnostic::error(
                                    Code::MissingReason,
                                    at,
                                    msg!("missing-reason-planning"),
                                )
                                .with_help(msg!("missing-reason-planning-help")),
                            );
                            None
                        }
                    }
                }
            };
            match (when, planning) {
                (Some(w), Some(planning)) => Some(Outcome::Scheduled {
                    when: w.value,
                    planning,
                }),
                _ => None,
            }
        }
        OutcomeKind::Prioritised => match report_by {
            None => {
                if !has_value(node, "report_by") {
                    need(
                        Code::MissingReportBy,
                        "report_by",
                        msg!("missing-report-by-help"),
                        d,
                    );
                }
                None
            }
            Some(r) => {
                check_range(&r, "report_by", d);
                Some(Outcome::Prioritised {
                    report_by: r.value,
                    decision,
                })
            }
        },
        OutcomeKind::Declined => {
            if reason.is_none() && !has_value(node, "reason") {
                need(
                    Code::MissingReason,
                    "reason",
                    msg!("missing-reason-help"),
                    d,
                );
            }
            if ground.is_none() && !has_value(node, "ground") {
                need(
                    Code::MissingGround,
                    "ground",
                    msg!("missing-ground-help"),
                    d,
                );
            }
            match (ground, reason) {
                (Some(g), Some(r)) => Some(Outcome::Declined {
                    ground: g.value,
                    reason: Markdown(r.value),
                }),
                _ => None,
            }
        }
    };

    let promised = match &outcome {
        Some(Outcome::Honoured { when } | Outcome::Scheduled { when, .. }) => Some(*when),
        Some(Outcome::Prioritised { report_by, .. }) => Some(*report_by),
        _ => None,
    };
    let rescheduled = match rescheduled_node {
        // A move of a deadline the outcome does not have is reported above.
        Some(n) if promised.is_some() => {
            history::rescheduled(n, ok, promised, today, &check_range, d)
        }
        _ => Vec::new(),
    };
    let revised = revised_node
        .map(|n| history::revised(n, &outcome_kind, today, d))
        .unwrap_or_default();

    Some(Question {
        id: id?,
        title: title?.value,
        kind: kind.map_or(QuestionKind::Question, |k| k.value),
        needs_volunteers: needs_volunteers.unwrap_or(false),
        scale: scale.map_or(Scale::Neighbourhood, |s| s.value),
        channel: channel.map(|c| c.value),
        topic: topic?,
        location: location.map(|l| l.value),
        asked: Markdown(asked?.value),
        partner: partner?,
        outcome: outcome?,
        answer: answer.map(|a| Markdown(a.value)),
        progress,
        follows,
        disputed,
        rescheduled,
        revised,
        en,
        promise_spans,
        span,
    })
}

/// The Dutch label of an outcome ("binnen de looptijd"), beside its key in messages.
fn outcome_label(kind: OutcomeKind) -> &'static str {
    use crate::model::Written;
    kind.dutch().first().copied().unwrap_or("")
}

/// `en: { title, asked, answer, reason }`: the English version of a question's texts.
fn english(node: &Node, d: &mut Diagnostics) -> Option<English> {
    let mut f = Fields::of(node, "the English version (`en:`)", d)?;
    let mut text = |key: &'static str| {
        f.get(key)
            .and_then(|n| read::text(n, key, d))
            .map(|t| t.value)
    };
    let title = text("title");
    let asked = text("asked").map(Markdown);
    let answer = text("answer").map(Markdown);
    let reason = text("reason").map(Markdown);
    f.finish(d);
    Some(English {
        title,
        asked,
        answer,
        reason,
    })
}

/// `needs_volunteers: true` on a plain question: only an initiative, carried
/// out by residents, can wait for enough of them to join.
fn volunteers_not_applicable(at: Span, kind: Option<Span>) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(
        Code::FieldNotApplicable,
        at,
        msg!("volunteers-not-applicable"),
    )
    .with_help(msg!("volunteers-not-applicable-help"));
    if let Some(kind) = kind {
        diagnostic = diagnostic.with_related(kind, msg!("volunteers-not-applicable-kind"));
    }
    diagnostic
}

/// A question's `id` as written, with the span of its key, if it is a valid id.
fn raw_id(node: &Node) -> Option<(u32, Span)> {
    let crate::load::Value::Map(entries) = &node.value else {
        return None;
    };
    entries.iter().find_map(|(k, v)| match v.value {
        crate::load::Value::Int(i) if k.value == "id" => u32::try_from(i)
            .ok()
            .filter(|&i| i > 0)
            .map(|i| (i, k.span)),
        _ => None,
    })
}

/// Whether an item has `key` with a value (`key:` alone counts as absent).
/// A value that could not be read has been reported already, so the rules
/// that require the key stay silent about it.
fn has_value(node: &Node, key: &str) -> bool {
    matches!(&node.value, crate::load::Value::Map(entries)
        if entries.iter().any(|(k, v)| k.value == key && !matches!(v.value, crate::load::Value::Null)))
}

fn planning_adjusted_span(node: &Node) -> Option<Span> {
    match &node.value {
        crate::load::Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.value == "planning_adjusted")
            .map(|(k, _)| k.span),
        _ => None,
    }
}

fn progress(node: &Node, today: NaiveDate, d: &mut Diagnostics) -> Vec<Progress> {
    let mut out: Vec<(Progress, Span)> = Vec::new();
    for item in read::list(node, "progress", d).unwrap_or_default() {
        let Some(mut f) = Fields::of(item, "item-progress", d) else {
            continue;
        };
        let date = f.get("date").and_then(|n| read::date(n, "date", d));
        let state = f
            .get("state")
            .and_then(|n| read::keyword::<ProgressState>(n, "state", Code::InvalidValue, d));
        let note = f.get("note").and_then(|n| read::text(n, "note", d));
        for key in ["date", "state"] {
            if f.is_missing(key) {
                f.missing(Code::MissingField, key, msg!("missing-progress-help"), d);
            }
        }
        f.finish(d);
        let (Some(date), Some(state)) = (date, state) else {
            continue;
        };
        if date.value > today {
            d.push(future_date(&date, today));
        }
        if let Some((prev, prev_span)) = out.last()
            && date.value < prev.date
        {
            d.push(
                Diagnostic::error(
                    Code::ProgressOrder,
                    date.span,
                    msg!(
                        "progress-out-of-order",
                        date = date.value.to_string(),
                        previous = prev.date.to_string()
                    ),
                )
                .with_related(*prev_span, msg!("progress-out-of-order-above"))
                .with_help(msg!("progress-out-of-order-help")),
            );
        }
        out.push((
            Progress {
                date: date.value,
                state: state.value,
                note: note.map(|n| n.value),
            },
            date.span,
        ));
    }
    out.into_iter().map(|(p, _)| p).collect()
}

pub(super) fn future_date(date: &At<NaiveDate>, today: NaiveDate) -> Diagnostic {
    Diagnostic::error(
        Code::DateInFuture,
        date.span,
        msg!(
            "date-in-future",
            date = date.value.to_string(),
            today = today.to_string()
        ),
    )
    .with_help(msg!("date-in-future-help"))
}

fn decision(node: &Node, today: NaiveDate, d: &mut Diagnostics) -> Option<Decision> {
    let mut f = Fields::of(node, "item-decision", d)?;
    let date = f.get("date").and_then(|n| read::date(n, "date", d));
    let included = f
        .get("included")
        .and_then(|n| read::boolean(n, "included", d));
    let note = f.get("note").and_then(|n| read::text(n, "note", d));
    for key in ["date", "included"] {
        if f.is_missing(key) {
            f.missing(Code::MissingField, key, msg!("missing-decision-help"), d);
        }
    }
    f.finish(d);
    let date = date?;
    if date.value > today {
        d.push(future_date(&date, today));
    }
    Some(Decision {
        date: date.value,
        included: included?,
        note: note.map(|n| n.value),
    })
}

fn disputed(node: &Node, today: NaiveDate, d: &mut Diagnostics) -> Option<Dispute> {
    let mut f = Fields::of(node, "item-dispute", d)?;
    let date = f.get("date").and_then(|n| read::date(n, "date", d));
    let note = f.get("note").and_then(|n| read::text(n, "note", d));
    for key in ["date", "note"] {
        if f.is_missing(key) {
            f.missing(Code::MissingField, key, msg!("missing-dispute-help"), d);
        }
    }
    f.finish(d);
    let date = date?;
    if date.value > today {
        d.push(future_date(&date, today));
    }
    Some(Dispute {
        date: date.value,
        note: note?.value,
    })
}

fn follows(node: &Node, d: &mut Diagnostics) -> Option<At<QuestionRef>> {
    question_ref(node, "follows", d)
}

pub fn question_ref(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<QuestionRef>> {
    let text = read::text(node, field, d)?;
    let r = QuestionRef::parse(&text.value).map(|r| At::new(r, node.span));
    if r.is_none() {
        d.push(
            Diagnostic::error(
                Code::InvalidValue,
                node.span,
                msg!("invalid-question-ref", field = field, value = &text.value),
            )
            .with_help(msg!("invalid-question-ref-help")),
        );
    }
    r
}
