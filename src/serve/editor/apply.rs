//! Applying a form to the text of a contract file, in place: the changed
//! fields go through `import`'s editor (only they change; comments, layout and
//! the other questions stay), and a new progress entry, a move of the deadline
//! or a dispute is one line added to, or set in, its question.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail};

use crate::import::columns::{Field, outcomes_of};
use crate::import::doc::{Doc, Item, line_end, line_start};
use crate::import::edit::{double_quoted, plain_ok, plan};
use crate::import::rows::Row;
use crate::model::{OutcomeKind, When};

/// A submitted form: field name to value, trimmed, with `\n` line ends.
pub(super) type Values = BTreeMap<String, String>;

/// The question fields the form edits, in the order of the form and file.
pub(super) const QUESTION_FIELDS: &[Field] = &[
    Field::Title,
    Field::Kind,
    Field::NeedsVolunteers,
    Field::Scale,
    Field::Channel,
    Field::Topic,
    Field::Location,
    Field::Asked,
    Field::Partner,
    Field::Outcome,
    Field::When,
    Field::PlanningAdjusted,
    Field::ReportBy,
    Field::Ground,
    Field::Reason,
    Field::Answer,
];

/// Whether the form shows `field` for a question with `outcome`.
pub(super) fn applies(field: Field, outcome: Option<OutcomeKind>) -> bool {
    match outcomes_of(field.key()) {
        None => true,
        Some(list) => outcome.is_some_and(|o| list.contains(&o)),
    }
}

/// Whether a field must have a value (for `outcome`): an emptied one is
/// written as `""`, so that `check` points at it.
fn required(field: Field, outcome: Option<OutcomeKind>) -> bool {
    use OutcomeKind::*;
    match field {
        Field::Title | Field::Asked | Field::Topic | Field::Partner | Field::Outcome => true,
        Field::When => matches!(outcome, Some(Honoured | Scheduled)),
        Field::PlanningAdjusted => outcome == Some(Scheduled),
        Field::ReportBy => outcome == Some(Prioritised),
        Field::Ground | Field::Reason => outcome == Some(Declined),
        _ => false,
    }
}

/// The values of question `id` as the file has them, for the form.
pub(super) fn current(text: &str, id: u32) -> anyhow::Result<Values> {
    let doc = Doc::parse(text.to_string())?;
    let item = doc
        .item(id)
        .ok_or_else(|| anyhow!("de vraag {id} staat niet (meer) in het bestand"))?;
    let mut values = Values::new();
    for f in QUESTION_FIELDS {
        if let Some(v) = item.value(f.key()).filter(|v| !v.starts_with('\u{0}')) {
            values.insert(f.key().to_string(), v.trim_end().to_string());
        }
    }
    Ok(values)
}

/// The highest question id in the file.
pub(super) fn last_id(text: &str) -> anyhow::Result<u32> {
    let doc = Doc::parse(text.to_string())?;
    Ok(doc.items.iter().filter_map(|i| i.id).max().unwrap_or(0))
}

/// A value as the file writes it: a date as it was typed when YAML reads it
/// back so, else in double quotes, so that the file stays readable and
/// `check` names what is wrong with the value.
fn scalar(value: &str) -> String {
    if plain_ok(value) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

/// The question's fields from the form: `(values to write, emptied
/// required fields, emptied optional fields)`.
fn question_row(values: &Values) -> (BTreeMap<Field, String>, Vec<Field>, Vec<Field>) {
    let outcome = values
        .get("outcome")
        .and_then(|o| crate::model::Keyword::from_key(o));
    let mut row = BTreeMap::new();
    let (mut empty, mut gone) = (Vec::new(), Vec::new());
    for &f in QUESTION_FIELDS {
        if !applies(f, outcome) {
            continue;
        }
        let v = values.get(f.key()).map(String::as_str).unwrap_or("");
        let v = match f {
            // An unticked box is not sent.
            Field::NeedsVolunteers if v.is_empty() => "false",
            _ => v,
        };
        if !v.is_empty() {
            let v = if f.is_line() || f.is_markdown() || matches!(v, "true" | "false") {
                v.to_string()
            } else {
                scalar(v)
            };
            row.insert(f, v);
        } else if required(f, outcome) {
            empty.push(f);
        } else {
            gone.push(f);
        }
    }
    (row, empty, gone)
}

/// Question `id` with the form's values.
pub(super) fn question(text: &str, id: u32, values: &Values) -> anyhow::Result<String> {
    let doc = editable(text, id)?;
    let (row, empty, gone) = question_row(values);
    let edited = write_row(&doc, id, row)?;
    let edited = remove_fields(&edited, id, &gone)?;
    mark_empty(&edited, id, &empty)
}

/// The contract `doc` with question `id` set to `row`'s values, by
/// `import`'s in-place planner.
fn write_row(doc: &Doc, id: u32, mut row: BTreeMap<Field, String>) -> anyhow::Result<String> {
    row.insert(Field::Id, id.to_string());
    Ok(plan(
        &[Row {
            row: 0,
            values: row,
        }],
        Some(doc),
        "",
        0,
    )?
    .text)
}

/// A new question at the end of the contract, with the next free id.
pub(super) fn new_question(text: &str, values: &Values) -> anyhow::Result<(String, u32)> {
    let doc = Doc::parse(text.to_string())?;
    let id = doc.items.iter().filter_map(|i| i.id).max().unwrap_or(0) + 1;
    let (row, empty, _) = question_row(values);
    let edited = write_row(&doc, id, row)?;
    Ok((mark_empty(&edited, id, &empty)?, id))
}

fn editable(text: &str, id: u32) -> anyhow::Result<Doc> {
    let doc = Doc::parse(text.to_string())?;
    match doc.item(id) {
        Some(item) if item.editable => Ok(doc),
        Some(_) => bail!(
            "vraag {id} staat op één regel, tussen {{ }}; schrijf haar als de andere vragen, een veld per regel"
        ),
        None => bail!("de vraag {id} staat niet (meer) in het bestand"),
    }
}

fn item(doc: &Doc, id: u32) -> anyhow::Result<&Item> {
    doc.item(id)
        .ok_or_else(|| anyhow!("de vraag {id} staat niet (meer) in het bestand"))
}

/// Applies `(start, end, replacement)` edits; a file with Windows line ends keeps them.
fn splice(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    let crlf = text.contains("\r\n");
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        let new = if crlf { new.replace('\n', "\r\n") } else { new };
        out.replace_range(start..end, &new);
    }
    out
}

/// Removes the fields (the first line of an item stays: it holds the id).
fn remove_fields(text: &str, id: u32, fields: &[Field]) -> anyhow::Result<String> {
    let doc = Doc::parse(text.to_string())?;
    let item = item(&doc, id)?;
    let edits = fields
        .iter()
        .filter_map(|f| item.removal(f.key()))
        .map(|(s, e)| (s, e, String::new()))
        .collect();
    Ok(splice(text, edits))
}

/// Writes each field as `key: ""`: a required field the form left empty.
fn mark_empty(text: &str, id: u32, fields: &[Field]) -> anyhow::Result<String> {
    let mut text = text.to_string();
    for f in fields {
        text = set_field(&text, id, f.key(), "\"\"")?;
    }
    Ok(text)
}

/// Sets `key: value` (value already YAML) in question `id`: in place of
/// the field, or added at the end of the question.
fn set_field(text: &str, id: u32, key: &str, value: &str) -> anyhow::Result<String> {
    let doc = Doc::parse(text.to_string())?;
    let item = item(&doc, id)?;
    let line = format!("{key}: {value}\n");
    let edit = match item.get(key) {
        Some(loc) => (loc.key_start, loc.end, line),
        None => insert_at_end(text, item, format!("{}{line}", " ".repeat(item.col))),
    };
    Ok(splice(text, vec![edit]))
}

fn insert_at_end(text: &str, item: &Item, mut lines: String) -> (usize, usize, String) {
    let at = item.end();
    if at > 0 && !text[..at].ends_with('\n') {
        lines.insert(0, '\n');
    }
    (at, at, lines)
}

/// A flow mapping `{ date: …, state: …, note: … }`, empty values left out
/// unless `keep` names them.
pub(super) fn flow(pairs: &[(&str, &str)], keep: &[&str]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| !v.is_empty() || keep.contains(k))
        .map(|(k, v)| {
            let safe = plain_ok(v) && !v.contains([',', '[', ']', '{', '}']);
            format!(
                "{k}: {}",
                if safe {
                    v.to_string()
                } else {
                    double_quoted(v)
                }
            )
        })
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// Adds `entry` (a flow mapping) at the end of the list `key` of question
/// `id` (`progress`, `rescheduled`), making the list when there is none.
pub(super) fn append_entry(text: &str, id: u32, key: &str, entry: &str) -> anyhow::Result<String> {
    let doc = editable(text, id)?;
    let item = item(&doc, id)?;
    let edit = match item.get(key) {
        Some(loc) => {
            let first_end = line_end(text, loc.key_start);
            let rest = text[loc.key_start..first_end]
                .split_once(':')
                .map_or("", |(_, v)| v)
                .trim();
            if rest == "[]" {
                // An empty flow list: written out as a block list.
                let pad = " ".repeat(item.col + 2);
                (loc.key_start, loc.end, format!("{key}:\n{pad}- {entry}\n"))
            } else if !rest.is_empty() && !rest.starts_with('#') {
                bail!(
                    "`{key}` van vraag {id} staat op één regel; schrijf elke stap op een eigen regel die begint met `- `"
                );
            } else {
                let indent = text[first_end..loc.end]
                    .lines()
                    .find(|l| l.trim_start().starts_with('-'))
                    .map_or(item.col + 2, |l| l.len() - l.trim_start().len());
                let mut line = format!("{}- {entry}\n", " ".repeat(indent));
                if loc.end > 0 && !text[..loc.end].ends_with('\n') {
                    line.insert(0, '\n');
                }
                (loc.end, loc.end, line)
            }
        }
        None => {
            let pad = " ".repeat(item.col);
            insert_at_end(text, item, format!("{pad}{key}:\n{pad}  - {entry}\n"))
        }
    };
    Ok(splice(text, vec![edit]))
}

/// Sets `disputed` of question `id`.
pub(super) fn set_dispute(text: &str, id: u32, date: &str, note: &str) -> anyhow::Result<String> {
    editable(text, id)?;
    set_field(
        text,
        id,
        "disputed",
        &flow(&[("date", date), ("note", note)], &["date", "note"]),
    )
}

/// The key a move of question `id`'s deadline sets: `when`, or `report_by`
/// for a prioritised answer; `None` when its answer promises no date.
pub(super) fn deadline_key(values: &Values) -> Option<&'static str> {
    match values.get("outcome").map(String::as_str) {
        Some("honoured" | "scheduled") => Some("when"),
        Some("prioritised") => Some("report_by"),
        _ => None,
    }
}

/// A deadline as the file writes it: the canonical form when it reads as one.
pub(super) fn deadline(text: &str) -> String {
    When::parse_written(text).map_or_else(|_| text.to_string(), |w| w.to_string())
}

/// The key of the field of question `id` that holds byte `offset` of
/// `text` (`id` for the question as a whole), to place `check`'s errors
/// beside their fields; `None` outside the question.
pub(super) fn field_at(text: &str, id: u32, offset: usize) -> Option<String> {
    let doc = Doc::parse(text.to_string()).ok()?;
    let item = doc.item(id)?;
    let start = item.fields.iter().map(|f| f.line_start).min()?;
    if offset < start || offset >= item.end().max(start + 1) {
        return None;
    }
    Some(
        item.fields
            .iter()
            .find(|f| f.line_start <= offset && offset < f.end.max(f.line_start + 1))
            .map_or_else(|| "id".to_string(), |f| f.key.clone()),
    )
}

/// The line number (from 1) of byte `offset` of `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text[..line_start(text, offset.min(text.len()))]
        .matches('\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Wijkcontract Meerwijk\nperiod: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad]\nquestions:\n  - id: 7                 # vast nummer\n    title: Betere verlichting\n    topic: veilig\n    asked: |\n      Het is donker.\n    partner: gemeente\n    outcome: honoured     # zoals getekend\n    when: 2011-10\n    progress:\n      - { date: 2011-06-01, state: started, note: Opdracht verleend. }\n    # nog een opmerking\n\n  - id: 8\n    title: Speeltuin\n";

    fn values(pairs: &[(&str, &str)]) -> Values {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_changed_title_changes_only_its_line() {
        let mut v = current(FILE, 7).unwrap();
        v.insert("title".into(), "Meer licht: vier palen".into());
        let out = question(FILE, 7, &v).unwrap();
        assert_eq!(
            out,
            FILE.replace(
                "title: Betere verlichting",
                "title: \"Meer licht: vier palen\""
            )
        );
    }

    #[test]
    fn an_emptied_title_is_written_empty_and_an_emptied_option_goes() {
        let mut v = current(FILE, 7).unwrap();
        v.insert("title".into(), String::new());
        v.insert("location".into(), String::new());
        let out = question(FILE, 7, &v).unwrap();
        assert!(out.contains("    title: \"\"\n"), "{out}");
        let mut v = current(FILE, 7).unwrap();
        v.insert("location".into(), "Parkpad".into());
        let with = question(FILE, 7, &v).unwrap();
        v.insert("location".into(), String::new());
        assert_eq!(question(&with, 7, &v).unwrap(), FILE);
    }

    #[test]
    fn a_progress_entry_joins_the_list_and_comments_stay() {
        let entry = flow(
            &[
                ("date", "2011-10-20"),
                ("state", "done"),
                ("note", "Klaar, eindelijk"),
            ],
            &[],
        );
        let out = append_entry(FILE, 7, "progress", &entry).unwrap();
        assert!(out.contains(
            "note: Opdracht verleend. }\n      - { date: 2011-10-20, state: done, note: \"Klaar, eindelijk\" }\n    # nog een opmerking\n"
        ), "{out}");
        let out = append_entry(FILE, 8, "progress", &entry).unwrap();
        assert!(out.ends_with("    title: Speeltuin\n    progress:\n      - { date: 2011-10-20, state: done, note: \"Klaar, eindelijk\" }\n"), "{out}");
    }

    #[test]
    fn a_dispute_is_set_and_replaced() {
        let out = set_dispute(FILE, 8, "2011-11-01", "Niet opgelost").unwrap();
        assert!(out.ends_with("    disputed: { date: 2011-11-01, note: Niet opgelost }\n"));
        let again = set_dispute(&out, 8, "2011-11-02", "Nog steeds niet").unwrap();
        assert!(again.ends_with("    disputed: { date: 2011-11-02, note: Nog steeds niet }\n"));
    }

    #[test]
    fn a_new_question_gets_the_next_id() {
        let v = values(&[
            ("title", "Nieuwe bankjes"),
            ("topic", "veilig"),
            ("asked", "Waar kan ik zitten?"),
            ("partner", "gemeente"),
            ("outcome", "resolved"),
        ]);
        let (out, id) = new_question(FILE, &v).unwrap();
        assert_eq!(id, 9);
        assert!(out.starts_with(FILE), "{out}");
        assert!(
            out.contains("  - id: 9\n    title: Nieuwe bankjes\n"),
            "{out}"
        );
    }

    #[test]
    fn errors_are_placed_at_their_field() {
        let at = FILE.find("title: Betere").unwrap() + 3;
        assert_eq!(field_at(FILE, 7, at).as_deref(), Some("title"));
        let at = FILE.find("state: started").unwrap();
        assert_eq!(field_at(FILE, 7, at).as_deref(), Some("progress"));
        assert_eq!(field_at(FILE, 7, 2), None);
    }
}
