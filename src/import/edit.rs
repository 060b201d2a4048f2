//! Editing the contract file as text: changed fields are replaced in place,
//! missing ones added to their item, new questions appended (or a new file
//! written), with values written as YAML block scalars, plain or quoted.

use anyhow::anyhow;

use super::columns::{Field, OUTCOME_KEYS, outcomes_of};
use super::doc::{Doc, line_end, line_start, parse_yaml, starts_block_scalar};
use super::rows::{Row, same};
use crate::load::{Node, Value};
use crate::model::{OutcomeKind, Written};

pub(crate) struct Plan {
    pub(crate) text: String,
    pub(crate) added: Vec<u32>,
    pub(crate) updated: Vec<u32>,
    pub(crate) unchanged: Vec<u32>,
}

/// The new text of the contract file: edits to the old text, or a new file.
pub(crate) fn plan(rows: &[Row], doc: Option<&Doc>, name: &str, year: i32) -> anyhow::Result<Plan> {
    let mut plan = Plan {
        text: String::new(),
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
    };
    // (start, end, replacement); inserts have start == end.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut new_items = Vec::new();
    let (dash, col) = doc
        .and_then(|d| d.dash_col)
        .or_else(|| {
            doc.and_then(|d| d.questions_key).map(|(k, _)| {
                let c = k - line_start(doc.map_or("", |d| d.text.as_str()), k);
                (c + 2, c + 4)
            })
        })
        .unwrap_or((2, 4));
    for row in rows {
        let id: u32 = row.values[&Field::Id].parse()?;
        match doc.and_then(|d| d.item(id)) {
            Some(item) => {
                let text = &doc.expect("an item has a file").text;
                let mut changed = false;
                let mut inserts = String::new();
                for (&f, value) in &row.values {
                    if f == Field::Id {
                        continue;
                    }
                    match item.get(f.key()) {
                        Some(loc)
                            if loc.value.as_deref().is_some_and(|old| same(f, old, value)) => {}
                        // `kind: question`, `scale: neighbourhood`, `needs_volunteers: false`
                        // are what an absent field means already.
                        None if f.is_default(value) => {}
                        Some(loc) => {
                            changed = true;
                            let mut new = render_field(f, value, item.col);
                            let key_line_end = line_end(text, loc.key_start);
                            let single = loc.end <= key_line_end
                                && !starts_block_scalar(text, loc.key_start);
                            if single && new.matches('\n').count() == 1 {
                                let ls = line_start(text, loc.key_start);
                                let line = text[ls..key_line_end].trim_end_matches(['\n', '\r']);
                                if let Some((at, comment)) =
                                    trailing_comment(&line[loc.key_start - ls..])
                                {
                                    let body = new.trim_end_matches('\n');
                                    let width = body.chars().count();
                                    let pad = if at > width { at - width } else { 1 };
                                    new = format!("{body}{}{comment}\n", " ".repeat(pad));
                                }
                            }
                            // A last line without a newline keeps none.
                            let end = loc.end;
                            if end == text.len() && !text.ends_with('\n') {
                                new.pop();
                            }
                            edits.push((loc.key_start, end, new));
                        }
                        None => {
                            changed = true;
                            inserts.push_str(&" ".repeat(item.col));
                            inserts.push_str(&render_field(f, value, item.col));
                        }
                    }
                }
                // A row that gives the outcome states the whole answer: the
                // fields of an outcome it replaces go.
                if let Some(outcome) = row
                    .values
                    .get(&Field::Outcome)
                    .and_then(|o| OutcomeKind::from_written(o))
                {
                    for key in OUTCOME_KEYS {
                        let stale = outcomes_of(key).is_some_and(|o| !o.contains(&outcome))
                            && !Field::from_key(key).is_some_and(|f| row.values.contains_key(&f));
                        if let Some((start, end)) = item.removal(key).filter(|_| stale) {
                            changed = true;
                            edits.push((start, end, String::new()));
                        }
                    }
                }
                if !inserts.is_empty() {
                    let at = item.end();
                    if at > 0 && !text[..at].ends_with('\n') {
                        inserts.insert(0, '\n');
                    }
                    edits.push((at, at, inserts));
                }
                if changed {
                    plan.updated.push(id);
                } else {
                    plan.unchanged.push(id);
                }
            }
            None => {
                plan.added.push(id);
                new_items.push(render_item(row, dash, col));
            }
        }
    }
    match doc {
        Some(doc) => {
            let text = &doc.text;
            if !new_items.is_empty() {
                let sep = if doc.blank_between { "\n" } else { "" };
                match doc.items.last() {
                    Some(last) => {
                        let at = last.end();
                        let mut s = String::new();
                        if !text[..at].ends_with('\n') {
                            s.push('\n');
                        }
                        for item in &new_items {
                            s.push_str(sep);
                            s.push_str(item);
                        }
                        edits.push((at, at, s));
                    }
                    None => {
                        let body: String = new_items.join(sep);
                        match doc.questions_key {
                            Some((start, end)) => {
                                edits.push((start, end, format!("questions:\n{body}")))
                            }
                            None => {
                                let nl = if text.is_empty() || text.ends_with('\n') {
                                    ""
                                } else {
                                    "\n"
                                };
                                edits.push((
                                    text.len(),
                                    text.len(),
                                    format!("{nl}questions:\n{body}"),
                                ))
                            }
                        }
                    }
                }
            }
            edits.sort_by_key(|e| e.0);
            let mut out = String::with_capacity(text.len() + 256);
            let mut cursor = 0;
            // A file saved with Windows line ends keeps them.
            let crlf = text.contains("\r\n");
            for (start, end, repl) in edits {
                let repl = if crlf {
                    repl.replace('\n', "\r\n")
                } else {
                    repl
                };
                if start < cursor {
                    return Err(anyhow!(
                        "internal error: overlapping edits in the contract file"
                    ));
                }
                out.push_str(&text[cursor..start]);
                out.push_str(&repl);
                cursor = end;
            }
            out.push_str(&text[cursor..]);
            plan.text = out;
        }
        None => {
            plan.text = format!(
                "# Wijkcontract {name} {year}, aangemaakt met `afspraak import`.\n\
                 # Vul de rest nog aan: `signed` (de datum van ondertekening), de partners die\n\
                 # tekenden bij `signatories`, en `collected_via`. Haal `draft: true` weg om te publiceren.\n\
                 period: {{ from: {year}-04-01, to: {}-03-31 }}\n\
                 signatories: [wijkraad]\n\
                 draft: true\n\
                 questions:\n{}",
                year + 1,
                new_items.join("\n")
            );
        }
    }
    Ok(plan)
}

fn render_item(row: &Row, dash: usize, col: usize) -> String {
    let mut out = String::new();
    // `kind` is written out on a new question; the rarer fields only when they say something.
    let written = row
        .values
        .iter()
        .filter(|(f, v)| **f == Field::Kind || !f.is_default(v));
    for (i, (&f, value)) in written.enumerate() {
        if i == 0 {
            out.push_str(&" ".repeat(dash));
            out.push_str("- ");
            out.push_str(&" ".repeat(col.saturating_sub(dash + 2)));
        } else {
            out.push_str(&" ".repeat(col));
        }
        out.push_str(&render_field(f, value, col));
    }
    out
}

/// Characters that a YAML scalar cannot hold outside double quotes.
pub(crate) fn needs_escapes(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
    })
}

pub(crate) fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` can stand unquoted and is read back as this very text.
pub(crate) fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim()
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains(['\t', '\n'])
        || needs_escapes(s)
    {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    ) || lower.parse::<f64>().is_ok()
    {
        return false;
    }
    // The parser has the last word.
    matches!(parse_yaml(&format!("k: {s}\n")), Ok(Node { value: Value::Map(e), .. })
        if matches!(&e[0].1.value, Value::Str(v) if v == s))
}

/// `key: value` for a field, the first line unindented, further lines at
/// `col + 2`, ending in a newline.
pub(crate) fn render_field(field: Field, value: &str, col: usize) -> String {
    let key = field.key();
    if field.is_markdown() && !needs_escapes(value) {
        let pad = " ".repeat(col + 2);
        let mut out = format!("{key}: |\n");
        for line in value.split('\n') {
            if line.trim().is_empty() {
                out.push('\n');
            } else {
                out.push_str(&pad);
                out.push_str(line);
                out.push('\n');
            }
        }
        return out;
    }
    let text = if field.is_line() || field.is_markdown() {
        if plain_ok(value) {
            value.to_string()
        } else {
            double_quoted(value)
        }
    } else {
        value.to_string()
    };
    format!("{key}: {text}\n")
}

/// The comment at the end of a key's line, with the column it starts at.
fn trailing_comment(line: &str) -> Option<(usize, &str)> {
    let mut quote = None;
    let mut prev_space = false;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') if line[..i].trim_end().ends_with(':') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev_space => return Some((i, line[i..].trim_end())),
            _ => {}
        }
        prev_space = c == ' ';
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_are_quoted_when_yaml_would_misread_them() {
        for ok in [
            "Betere verlichting",
            "Floris van Adrichempark",
            "3 bankjes erbij",
            "a:b",
        ] {
            assert!(plain_ok(ok), "{ok}");
        }
        for bad in [
            "2011", "true", "No", "null", "- lijst", "# kop", "a: b", "x #y", "'quote", "[x]",
            "{x}", "*ster", "&anker", "!tag", "|", ">", "%", "@", "`", "1.5", ".inf", "~", "",
            " spatie",
        ] {
            assert!(!plain_ok(bad), "{bad}");
        }
        assert_eq!(double_quoted("a \"b\"\\"), r#""a \"b\"\\""#);
    }

    #[test]
    fn trailing_comments() {
        assert_eq!(
            trailing_comment("outcome: x   # uitleg"),
            Some((13, "# uitleg"))
        );
        assert_eq!(trailing_comment("title: 'a # b'"), None);
        assert_eq!(trailing_comment("title: a#b"), None);
    }
}
