//! Rows: each spreadsheet row becomes the values of one question, in the
//! text the contract file holds, and is checked as a whole: required
//! fields, duplicates, `follows`, and the rules of each outcome.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::RowError;
use super::columns::{
    FIELDS, Field, Header, outcome_label, outcomes_of, parse_bool, parse_channel, parse_ground,
    parse_kind, parse_outcome, parse_scale,
};
use super::doc::Doc;
use super::read::{Cell, Table, clean};
use super::site::{SiteInfo, find_slug, unknown_slug};
use crate::diagnostic::Text;
use crate::model::{
    Channel, Keyword, OutcomeKind, QuestionKind, QuestionRef, When, Written, when::WhenError,
};
use crate::msg;
use crate::validate::suggest::did_you_mean;

/// One spreadsheet row, read: its row number and its non-empty values.
pub(crate) struct Row {
    pub(crate) row: usize,
    pub(crate) values: BTreeMap<Field, String>,
}

/// The rows of the spreadsheet that belong to contract `nb`/`year`, their
/// cells read into values; and the row numbers of the rows skipped because
/// their `wijk`/`jaar` name another contract.
pub(super) fn table_rows(
    table: &Table,
    header: &Header,
    site: &SiteInfo,
    (nb, year): (&str, i32),
    errors: &mut Vec<RowError>,
) -> (Vec<Row>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    let cell = |cells: &[Cell], i: usize| -> Cell {
        cells
            .get(i)
            .cloned()
            .unwrap_or(Ok(String::new()))
            .map(|c| clean(&c))
    };
    for (row_no, cells) in &table.rows {
        let texts: Vec<String> = cells
            .iter()
            .map(|c| c.clone().map(|c| clean(&c)).unwrap_or_else(|_| "!".into()))
            .collect();
        if texts.iter().all(String::is_empty) {
            continue;
        }
        let wijk = header.wijk.map(|i| cell(cells, i).unwrap_or_default());
        let jaar = header.jaar.map(|i| cell(cells, i).unwrap_or_default());
        if wijk.as_deref().is_some_and(|w| !w.is_empty() && w != nb)
            || jaar
                .as_deref()
                .is_some_and(|j| !j.is_empty() && j != year.to_string())
        {
            skipped.push(*row_no);
            continue;
        }
        for &b in &header.blanks {
            if !texts.get(b).is_none_or(String::is_empty) {
                errors.push(RowError {
                    row: *row_no,
                    column: column_letter(b),
                    message: msg!("import-blank-column").into(),
                });
            }
        }
        if cells.len() > table.header.len()
            && texts[table.header.len()..].iter().any(|t| !t.is_empty())
        {
            errors.push(RowError {
                row: *row_no,
                column: String::new(),
                message: msg!("import-too-many-cells", names = table.header.len()).into(),
            });
        }
        let mut values = BTreeMap::new();
        for &(i, f) in &header.columns {
            match cell(cells, i) {
                // Already in the words of this run (see `read`).
                Err(message) => errors.push(RowError {
                    row: *row_no,
                    column: header.name(f),
                    message: Text::verbatim(message),
                }),
                Ok(text) if text.is_empty() => {}
                Ok(text) => match parse_value(f, &text, site) {
                    Ok(v) => {
                        values.insert(f, v);
                    }
                    Err(message) => errors.push(RowError {
                        row: *row_no,
                        column: header.name(f),
                        // The message quotes the cell, which may be long.
                        message: message
                            .map(|m| m.replace(&text, &crate::diagnostic::shorten(&text))),
                    }),
                },
            }
        }
        rows.push(Row {
            row: *row_no,
            values,
        });
    }
    (rows, skipped)
}

fn column_letter(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

fn when_error(e: WhenError, s: &str) -> Text {
    match e {
        WhenError::DoesNotExist => msg!("import-date-does-not-exist", value = s),
        WhenError::Format => msg!("import-not-a-date", value = s),
    }
    .into()
}

/// Reads one cell into the text the contract file holds for `field`.
fn parse_value(field: Field, s: &str, site: &SiteInfo) -> Result<String, Text> {
    let keys = |k: Vec<&str>| k.join(", ");
    let no = |m: crate::i18n::Msg| -> Text { m.into() };
    match field {
        Field::Id => s
            .parse::<u32>()
            .ok()
            .filter(|&n| n > 0)
            .map(|n| n.to_string())
            .ok_or_else(|| no(msg!("import-not-a-number", value = s))),
        Field::Title | Field::Location => {
            if s.contains('\n') {
                Err(no(msg!("import-one-line")))
            } else {
                Ok(s.to_string())
            }
        }
        Field::Asked | Field::Answer | Field::Reason => Ok(s.to_string()),
        Field::Kind => parse_kind(s)
            .map(|k| k.key().to_string())
            .ok_or_else(|| no(msg!("import-not-a-kind", value = s))),
        Field::Channel => parse_channel(s)
            .map(|k| k.key().to_string())
            .ok_or_else(|| {
                no(match did_you_mean(s, Channel::keys()) {
                    Some(h) => msg!(
                        "import-not-a-channel-suggest",
                        value = s,
                        suggestion = h,
                        keys = keys(Channel::keys())
                    ),
                    None => msg!(
                        "import-not-a-channel",
                        value = s,
                        keys = keys(Channel::keys())
                    ),
                })
            }),
        Field::Topic => find_slug(s, &site.topics)
            .map(str::to_string)
            .ok_or_else(|| unknown_slug(s, &site.topics, "topic", "topics.yaml")),
        Field::Partner => find_slug(s, &site.partners)
            .map(str::to_string)
            .ok_or_else(|| unknown_slug(s, &site.partners, "partner", "partners.yaml")),
        Field::Outcome => parse_outcome(s)
            .map(|k| k.key().to_string())
            .ok_or_else(|| no(msg!("import-not-an-outcome", value = s))),
        Field::When | Field::ReportBy => When::parse_written(s)
            .map(|w| w.to_string())
            .map_err(|e| when_error(e, s)),
        Field::PlanningAdjusted | Field::NeedsVolunteers => parse_bool(s)
            .map(|b| b.to_string())
            .ok_or_else(|| no(msg!("import-not-yes-no", value = s))),
        Field::Scale => parse_scale(s)
            .map(|k| k.key().to_string())
            .ok_or_else(|| no(msg!("import-not-a-scale", value = s))),
        Field::Ground => parse_ground(s)
            .map(|g| g.key().to_string())
            .ok_or_else(|| no(msg!("import-not-a-ground", value = s))),
        Field::Follows => QuestionRef::parse(s)
            .map(|r| r.to_string())
            .ok_or_else(|| no(msg!("import-not-a-reference", value = s))),
    }
}

/// Whether the file's value and the imported one mean the same.
pub(crate) fn same(field: Field, old: &str, new: &str) -> bool {
    let norm = |s: &str| s.replace("\r\n", "\n").trim().to_string();
    match field {
        Field::When | Field::ReportBy => match (When::parse_written(old), When::parse_written(new))
        {
            (Ok(a), Ok(b)) => a == b,
            _ => norm(old) == norm(new),
        },
        Field::Follows => match (QuestionRef::parse(old), QuestionRef::parse(new)) {
            (Some(a), Some(b)) => a == b,
            _ => norm(old) == norm(new),
        },
        _ => norm(old) == norm(new),
    }
}

/// Whether the import can delete a field of an existing question: a row
/// that changes the outcome replaces the old outcome's fields.
fn removable(item: Option<&super::doc::Item>, key: &str) -> bool {
    item.is_some_and(|i| i.removal(key).is_some())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn check_row(
    row: &Row,
    header: &Header,
    doc: Option<&Doc>,
    site: &SiteInfo,
    (nb, year): (&str, i32),
    period: Option<(NaiveDate, NaiveDate)>,
    imported: &HashSet<u32>,
    seen: &mut HashMap<u32, usize>,
    errors: &mut Vec<RowError>,
) {
    let err = |f: Field, message: crate::i18n::Msg| RowError {
        row: row.row,
        column: header.name(f),
        message: message.into(),
    };
    let Some(id) = row
        .values
        .get(&Field::Id)
        .and_then(|i| i.parse::<u32>().ok())
    else {
        if !errors
            .iter()
            .any(|e| e.row == row.row && e.column == header.name(Field::Id))
        {
            errors.push(err(Field::Id, msg!("import-empty-id")));
        }
        return;
    };
    if let Some(first) = seen.insert(id, row.row) {
        errors.push(err(
            Field::Id,
            msg!("import-id-twice", id = id.to_string(), first = first),
        ));
        return;
    }
    let existing = doc.and_then(|d| d.item(id));
    if let Some(item) = existing
        && !item.editable
    {
        errors.push(err(
            Field::Id,
            msg!("import-flow-question", id = id.to_string()),
        ));
        return;
    }
    // The question as it will be: the file's values, overwritten by the row's.
    let merged = |f: Field| -> Option<String> {
        row.values
            .get(&f)
            .cloned()
            .or_else(|| existing.and_then(|i| i.value(f.key()).map(str::to_string)))
    };
    let from_row = |f: Field| row.values.contains_key(&f);
    if existing.is_none() {
        for f in [
            Field::Title,
            Field::Asked,
            Field::Topic,
            Field::Partner,
            Field::Outcome,
        ] {
            if !from_row(f)
                && !errors
                    .iter()
                    .any(|e| e.row == row.row && e.column == header.name(f))
            {
                errors.push(err(
                    f,
                    msg!(
                        "import-new-needs",
                        id = id.to_string(),
                        column = header.name(f),
                        others = [
                            Field::Title,
                            Field::Asked,
                            Field::Topic,
                            Field::Partner,
                            Field::Outcome
                        ]
                        .iter()
                        .filter(|g| **g != f)
                        .map(|g| header.name(*g))
                        .collect::<Vec<_>>()
                        .join(", ")
                    ),
                ));
            }
        }
    }
    if let Some(r) = row
        .values
        .get(&Field::Follows)
        .and_then(|f| QuestionRef::parse(f))
    {
        let here = r.neighbourhood == nb && r.year == year;
        let known = site.questions.contains(&r) || (here && imported.contains(&r.id));
        if !known {
            errors.push(err(
                Field::Follows,
                msg!("import-no-such-question", question = r.to_string()),
            ));
        } else if here && r.id == id {
            errors.push(err(Field::Follows, msg!("import-follows-itself")));
        }
    }
    if merged(Field::NeedsVolunteers).as_deref() == Some("true")
        && merged(Field::Kind).as_deref() != Some(QuestionKind::Initiative.key())
    {
        // Point at the cell the row filled in, or else at the other one.
        let f = if from_row(Field::NeedsVolunteers) {
            Field::NeedsVolunteers
        } else {
            Field::Kind
        };
        errors.push(err(
            f,
            msg!(
                "import-volunteers-not-initiative",
                id = id.to_string(),
                kind = header.name(Field::Kind),
                volunteers = header.name(Field::NeedsVolunteers)
            ),
        ));
    }
    let Some(outcome) = merged(Field::Outcome).and_then(|o| OutcomeKind::from_written(&o)) else {
        return;
    };
    let label = outcome_label(outcome);
    // Fields that do not belong to this outcome.
    for &(f, key, _) in FIELDS {
        let Some(allowed) = outcomes_of(key) else {
            continue;
        };
        if allowed.contains(&outcome) {
            continue;
        }
        let owners: Vec<String> = allowed
            .iter()
            .map(|k| format!("{} ({})", k.key(), outcome_label(*k)))
            .collect();
        if from_row(f) {
            errors.push(err(
                f,
                msg!(
                    "import-not-applicable",
                    column = header.name(f),
                    outcome = outcome.key(),
                    label = label,
                    owners = owners.join(", ")
                ),
            ));
        } else if existing.is_some_and(|i| i.get(key).is_some())
            && !(from_row(Field::Outcome) && removable(existing, key))
        {
            errors.push(err(
                Field::Outcome,
                msg!(
                    "import-leftover-field",
                    id = id.to_string(),
                    outcome = outcome.key(),
                    label = label,
                    key = key,
                    owners = owners.join(", ")
                ),
            ));
        }
    }
    if existing.is_some_and(|i| i.get("decision").is_some())
        && outcome != OutcomeKind::Prioritised
        && !(from_row(Field::Outcome) && removable(existing, "decision"))
    {
        errors.push(err(
            Field::Outcome,
            msg!(
                "import-leftover-decision",
                id = id.to_string(),
                outcome = outcome.key(),
                label = label
            ),
        ));
    }
    // `what` selects the words in `import-needs`.
    let need = |f: Field, what: &'static str, errors: &mut Vec<RowError>| {
        if merged(f).is_none() {
            errors.push(err(
                f,
                msg!(
                    "import-needs",
                    outcome = outcome.key(),
                    label = label,
                    what = what
                ),
            ));
        }
    };
    match outcome {
        OutcomeKind::Resolved => {}
        OutcomeKind::Honoured => need(Field::When, "when-done", errors),
        OutcomeKind::Scheduled => {
            need(Field::When, "when-planned", errors);
            need(Field::PlanningAdjusted, "planning", errors);
            if merged(Field::PlanningAdjusted).as_deref() == Some("false") {
                need(Field::Reason, "reason-planning", errors);
            }
        }
        OutcomeKind::Prioritised => need(Field::ReportBy, "report-by", errors),
        OutcomeKind::Declined => {
            need(Field::Ground, "ground", errors);
            need(Field::Reason, "reason", errors);
        }
    }
    // Dates that the contract check would refuse.
    for f in [Field::When, Field::ReportBy] {
        let Some(w) = row.values.get(&f).and_then(|w| When::parse_written(w).ok()) else {
            continue;
        };
        let Some((from, to)) = period else { continue };
        let (lo, hi) = (from.year() - 1, from.year() + 20);
        if !(lo..=hi).contains(&w.year()) {
            errors.push(err(
                f,
                msg!(
                    "import-out-of-range",
                    value = w.to_string(),
                    low = lo.to_string(),
                    high = hi.to_string()
                ),
            ));
        } else if f == Field::When && outcome == OutcomeKind::Honoured && !w.overlaps(from, to) {
            errors.push(err(
                f,
                msg!(
                    "import-outside-period",
                    value = w.to_string(),
                    from = from.to_string(),
                    to = to.to_string()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(27), "AB");
    }
}
