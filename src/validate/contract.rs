//! One contract file: its settings and every question, with the rules of the
//! five outcomes.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::Tables;
use super::history;
use super::read::{self, Fields};
use super::suggest::did_you_mean;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{ContractSource, Node};
use crate::model::English;
use crate::model::{
    Channel, Contract, Decision, Dispute, Ground, Markdown, Outcome, OutcomeKind, Planning,
    Progress, ProgressState, PromiseSpans, Question, QuestionKind, QuestionRef, Scale, Signatory,
    When,
};
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
            let help = match did_you_mean(&source.neighbourhood.value, t.neighbourhoods.keys().copied()) {
                Some(s) => format!("did you mean `{s}`? The folder name under contracts/ is the neighbourhood's slug from districts.yaml"),
                None => "the folder name under contracts/ must be a neighbourhood slug from districts.yaml".into(),
            };
            d.push(
                Diagnostic::error(
                    Code::UnknownNeighbourhood,
                    file_span,
                    format!(
                        "contracts/{}/ names no neighbourhood in districts.yaml",
                        source.neighbourhood.value
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
                    format!("`{}.yaml` is not named after a year", source.year),
                )
                .with_help(
                    "name a contract file after the year its period starts, such as `2011.yaml`",
                ),
            );
            None
        }
    };
    let root = source.yaml.root.as_deref()?;
    let mut f = Fields::of(root, "the contract", d)?;
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
        f.missing(
            Code::MissingField,
            "period",
            "add `period: { from: 2011-04-01, to: 2012-03-31 }`",
            d,
        );
    }
    if f.is_missing("signatories") {
        f.missing(
            Code::MissingField,
            "signatories",
            "add `signatories: [wijkraad, gemeente, …]` with the partners that signed",
            d,
        );
    }
    match question_nodes {
        None if f.key_span("questions").is_none() => {
            f.missing(
                Code::NoQuestions,
                "questions",
                "add `questions:` with at least one question",
                d,
            );
        }
        Some([]) | None => d.push(
            Diagnostic::error(
                Code::NoQuestions,
                f.key_span("questions").unwrap_or(f.span),
                "the contract has no questions",
            )
            .with_help("a contract records at least one question; add it under `questions:`"),
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
                format!(
                    "the file is named {year}.yaml, but the period starts in {}",
                    p.value.0.year()
                ),
            )
            .with_help(format!(
                "rename the file to {}.yaml, or correct the period",
                p.value.0.year()
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
                    Diagnostic::error(Code::DuplicateId, span, format!("question id {id} is used twice in this contract"))
                        .with_related(*first, "first used here")
                        .with_help(format!(
                            "ids are permanent links and are never reused: give this question the next free id, {next_free}"
                        )),
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
    let mut f = Fields::of(node, "the period", d)?;
    let from = f.get("from").and_then(|n| read::date(n, "from", d));
    let to = f.get("to").and_then(|n| read::date(n, "to", d));
    for key in ["from", "to"] {
        if f.is_missing(key) {
            f.missing(
                Code::MissingField,
                key,
                "write `period: { from: 2011-04-01, to: 2012-03-31 }`",
                d,
            );
        }
    }
    f.finish(d);
    let (from, to) = (from?, to?);
    if to.value < from.value {
        d.push(
            Diagnostic::error(
                Code::PeriodOrder,
                to.span,
                "the period ends before it starts",
            )
            .with_related(from.span, "it starts here")
            .with_help("swap `from` and `to`, or correct the year"),
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
    let mut f = Fields::of(node, "a question", d)?;
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
        ("id", "add `id:` with the next free number in this contract"),
        ("title", "add `title:` with a short title"),
        (
            "asked",
            "add `asked:` with the question as residents put it",
        ),
        ("topic", "add `topic:` with a slug from topics.yaml"),
        (
            "partner",
            "add `partner:` with the slug of the responsible partner",
        ),
        (
            "outcome",
            "add `outcome:` — one of resolved, honoured, scheduled, prioritised, declined",
        ),
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
                    format!("`{key}` has no meaning for outcome `{}`", ok.key()),
                )
                .with_related(outcome_kind.span, "the outcome is set here")
                .with_help(format!(
                    "`{key}` belongs to {}; remove it, or change the outcome",
                    match owners.split_last() {
                        Some((last, rest)) if !rest.is_empty() =>
                            format!("{} and {last}", rest.join(", ")),
                        _ => owners.join(""),
                    }
                )),
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
    let need = |code: Code, what: &str, help: &str, d: &mut Diagnostics| {
        d.push(
            Diagnostic::error(
                code,
                outcome_at,
                format!(
                    "{} `{}` answer needs {what}",
                    if ok.key().starts_with(['a', 'e', 'i', 'o', 'u', 'h']) {
                        "an"
                    } else {
                        "a"
                    },
                    ok.key()
                ),
            )
            .with_label(format!("{what} is missing for this outcome"))
            .with_help(help.to_string()),
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
                format!(
                    "`{field}: {}` is far outside this contract's years",
                    w.value
                ),
            )
            .with_help(format!(
                "a date for this contract lies between {lo} and {hi}; check the year for a typo"
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
                        "`when`",
                        "say when it is done: `when: 2011-10` (a year, quarter such as 2011-Q3, month or day)",
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
                            format!("`when: {}` lies outside the contract period ({from} to {to})", w.value),
                        )
                        .with_help("`honoured` means done within the contract year; use `scheduled` for later work, or correct the date"),
                    );
                }
                Some(Outcome::Honoured { when: w.value })
            }
        },
        OutcomeKind::Scheduled => {
            if when.is_none() && !has_value(node, "when") {
                need(
                    Code::MissingWhen,
                    "`when`",
                    "say when the planned work happens: `when: 2013` (a year, quarter, month or day)",
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
                            "`planning_adjusted`",
                            "say whether the planning was brought forward: `planning_adjusted: true` or `false` (with a `reason`)",
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
                            Diagnostic::error(Code::MissingReason, at, "the planning was not brought forward, but no `reason` says why")
                                .with_help("add `reason:` explaining why the work cannot happen sooner"),
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
                        "`report_by`",
                        "say by when the council will hear the outcome: `report_by: 2011-12`",
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
                    "`reason`",
                    "add `reason:` explaining, in plain words, why it cannot be done",
                    d,
                );
            }
            if ground.is_none() && !has_value(node, "ground") {
                need(
                    Code::MissingGround,
                    "`ground`",
                    "add `ground:` — legal, policy or financial",
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
        "`needs_volunteers` has no meaning for a question, only for an initiative",
    )
    .with_help(
        "add `kind: initiative` if residents carry this out themselves and it goes ahead when enough of them join; otherwise remove `needs_volunteers`",
    );
    if let Some(kind) = kind {
        diagnostic = diagnostic.with_related(kind, "the kind is set here");
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
        let Some(mut f) = Fields::of(item, "a progress entry", d) else {
            continue;
        };
        let date = f.get("date").and_then(|n| read::date(n, "date", d));
        let state = f
            .get("state")
            .and_then(|n| read::keyword::<ProgressState>(n, "state", Code::InvalidValue, d));
        let note = f.get("note").and_then(|n| read::text(n, "note", d));
        for key in ["date", "state"] {
            if f.is_missing(key) {
                f.missing(
                    Code::MissingField,
                    key,
                    "write `- { date: 2011-06-01, state: started, note: … }`",
                    d,
                );
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
                    format!(
                        "{} comes before the entry above it ({})",
                        date.value, prev.date
                    ),
                )
                .with_related(*prev_span, "the entry above")
                .with_help("list progress oldest first, and check the dates for a typo"),
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
        format!("{} lies in the future (today is {today})", date.value),
    )
    .with_help("record what has happened only; for a future step, use the answer's `when`")
}

fn decision(node: &Node, today: NaiveDate, d: &mut Diagnostics) -> Option<Decision> {
    let mut f = Fields::of(node, "the decision", d)?;
    let date = f.get("date").and_then(|n| read::date(n, "date", d));
    let included = f
        .get("included")
        .and_then(|n| read::boolean(n, "included", d));
    let note = f.get("note").and_then(|n| read::text(n, "note", d));
    for key in ["date", "included"] {
        if f.is_missing(key) {
            f.missing(
                Code::MissingField,
                key,
                "write `decision: { date: 2011-11-30, included: true, note: … }`",
                d,
            );
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
    let mut f = Fields::of(node, "the dispute", d)?;
    let date = f.get("date").and_then(|n| read::date(n, "date", d));
    let note = f.get("note").and_then(|n| read::text(n, "note", d));
    for key in ["date", "note"] {
        if f.is_missing(key) {
            f.missing(
                Code::MissingField,
                key,
                "write `disputed: { date: 2011-09-01, note: what the council says }`",
                d,
            );
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
                format!("`{field}: {}` is not a question reference", text.value),
            )
            .with_help("write neighbourhood/year/id, such as `delftwijk/2010/4`"),
        );
    }
    r
}
