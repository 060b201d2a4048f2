//! The contract file, as text with positions: where each question item and
//! each of its fields starts and ends, so that edits can touch only those.

use std::collections::HashSet;

use anyhow::anyhow;
use chrono::NaiveDate;

use crate::load::{Node, Value};
use crate::model::when::parse_day;
use crate::source::SourceMap;

/// One field of a question item in the file.
pub(crate) struct FieldLoc {
    pub(crate) key: String,
    /// Where the key starts (the line may start with `- `).
    pub(crate) key_start: usize,
    /// Where the key's line starts.
    pub(crate) line_start: usize,
    /// The end of the field's lines, after its last newline; trailing blank
    /// and comment lines are not part of it.
    pub(crate) end: usize,
    /// The value as text; `None` for `key:` alone.
    pub(crate) value: Option<String>,
}

pub(crate) struct Item {
    pub(crate) id: Option<u32>,
    /// The column of the item's keys.
    pub(crate) col: usize,
    pub(crate) fields: Vec<FieldLoc>,
    /// Whether the item is a block mapping that can be edited line by line.
    pub(crate) editable: bool,
}

impl Item {
    pub(crate) fn end(&self) -> usize {
        self.fields.iter().map(|f| f.end).max().unwrap_or(0)
    }
    pub(crate) fn get(&self, key: &str) -> Option<&FieldLoc> {
        self.fields.iter().find(|f| f.key == key)
    }
    /// The lines to delete to remove a field, unless it is on the item's
    /// first line (after the `- `), which cannot go without rewriting the item.
    pub(crate) fn removal(&self, key: &str) -> Option<(usize, usize)> {
        let loc = self.get(key)?;
        let first = self.fields.iter().map(|f| f.key_start).min()?;
        (loc.key_start != first).then_some((loc.line_start, loc.end))
    }
    pub(crate) fn value(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(|f| f.value.as_deref())
    }
}

pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

pub(crate) fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether the value on a key's line starts a block scalar (`|`, `>-`, …).
pub(crate) fn starts_block_scalar(text: &str, key_start: usize) -> bool {
    let line = &text[key_start..line_end(text, key_start)];
    let after = line.split_once(':').map_or("", |(_, v)| v).trim_start();
    after.starts_with('|') || after.starts_with('>')
}

/// The fields of a block mapping, with the lines each one covers.
fn field_locs(
    text: &str,
    entries: &[(crate::source::At<String>, Node)],
) -> (Vec<FieldLoc>, bool, usize) {
    let mut keys: Vec<(usize, &str, &Node)> = entries
        .iter()
        .map(|(k, v)| (k.span.start as usize, k.value.as_str(), v))
        .collect();
    keys.sort_by_key(|k| k.0);
    let col = keys.first().map_or(0, |(s, _, _)| s - line_start(text, *s));
    let mut editable = true;
    let mut lines_seen = HashSet::new();
    for (s, _, _) in &keys {
        let ls = line_start(text, *s);
        if s - ls != col || !lines_seen.insert(ls) || text[ls..*s].contains(['{', '[']) {
            editable = false;
        }
    }
    let mut out = Vec::new();
    for (i, (start, key, value)) in keys.iter().enumerate() {
        let limit = keys
            .get(i + 1)
            .map_or(text.len(), |(next, _, _)| line_start(text, *next));
        let mut pos = line_end(text, *start).min(limit.max(line_end(text, *start)));
        let first_end = pos;
        while pos < limit {
            let next = line_end(text, pos);
            let line = text[pos..next].trim_end_matches(['\n', '\r']);
            let indent = indent_of(line);
            let rest = &line[indent..];
            if line.trim().is_empty()
                || indent > col
                || (indent == col && (rest == "-" || rest.starts_with("- ")))
            {
                pos = next;
            } else {
                break;
            }
        }
        // Trailing blank lines, and comment lines after a value that is not a
        // block scalar, belong to what follows.
        let block = starts_block_scalar(text, *start);
        let mut end = pos;
        while end > first_end {
            let ls = line_start(text, end - 1);
            let line = text[ls..end].trim();
            if line.is_empty() || (!block && line.starts_with('#')) {
                end = ls;
            } else {
                break;
            }
        }
        out.push(FieldLoc {
            key: key.to_string(),
            key_start: *start,
            line_start: line_start(text, *start),
            end,
            value: scalar_text(value),
        });
    }
    (out, editable, col)
}

pub(crate) struct Doc {
    pub(crate) text: String,
    /// The `questions` key: its start, its end (see [`FieldLoc`]), and whether it has items.
    pub(crate) questions_key: Option<(usize, usize)>,
    pub(crate) items: Vec<Item>,
    /// The column of an item's dash, and of its keys.
    pub(crate) dash_col: Option<(usize, usize)>,
    /// Whether the items are separated by blank lines.
    pub(crate) blank_between: bool,
    pub(crate) period: Option<(NaiveDate, NaiveDate)>,
}

/// The YAML tree of a contract file, or where (a byte offset) and why it
/// cannot be read.
pub(crate) fn parse_yaml(text: &str) -> Result<Node, (usize, String)> {
    let mut map = SourceMap::default();
    let id = map.add("contract.yaml".into(), text.to_string());
    crate::load::yaml::parse(id, map.get(id), 0, text).map_err(|d| {
        let (line, col) = map.get(id).line_col(d.span.start as usize);
        (
            d.span.start as usize,
            crate::tr!(
                "line-column",
                line = line,
                column = col,
                message = d.message.to_string()
            ),
        )
    })
}

impl Doc {
    pub(crate) fn parse(text: String) -> anyhow::Result<Doc> {
        let root = parse_yaml(&text).map_err(|(_, e)| {
            anyhow!(crate::tr!(
                "import-contract-unreadable",
                error = e.to_string()
            ))
        })?;
        let Value::Map(entries) = &root.value else {
            return Err(anyhow!(crate::tr!("import-contract-not-a-mapping")));
        };
        let (top, _, _) = field_locs(&text, entries);
        let questions_key = top
            .iter()
            .find(|f| f.key == "questions")
            .map(|f| (f.key_start, f.end));
        let mut items = Vec::new();
        let mut dash_col = None;
        let mut blank_between = true;
        if let Some(Node {
            value: Value::Seq(nodes),
            ..
        }) = map_get(&root, "questions")
        {
            for (n, node) in nodes.iter().enumerate() {
                let Value::Map(entries) = &node.value else {
                    continue;
                };
                if entries.is_empty() {
                    continue;
                }
                let (fields, editable, col) = field_locs(&text, entries);
                let first = fields.first().map_or(0, |f| f.key_start);
                let ls = line_start(&text, first);
                let before = &text[ls..first];
                if dash_col.is_none() && before.trim_end().ends_with('-') && before.trim() == "-" {
                    dash_col = Some((before.find('-').unwrap_or(0), col));
                }
                if n > 0 && ls >= 2 {
                    let prev_line = line_start(&text, ls - 1);
                    blank_between = text[prev_line..ls].trim().is_empty();
                }
                let id = entries.iter().find_map(|(k, v)| match v.value {
                    Value::Int(i) if k.value == "id" => u32::try_from(i).ok(),
                    _ => None,
                });
                items.push(Item {
                    id,
                    col,
                    fields,
                    editable,
                });
            }
        }
        let period = map_get(&root, "period").and_then(|p| {
            let from = map_text(p, "from").and_then(|s| parse_day(&s).ok())?;
            let to = map_text(p, "to").and_then(|s| parse_day(&s).ok())?;
            Some((from, to))
        });
        Ok(Doc {
            text,
            questions_key,
            items,
            dash_col,
            blank_between,
            period,
        })
    }

    pub(crate) fn item(&self, id: u32) -> Option<&Item> {
        self.items.iter().find(|i| i.id == Some(id))
    }
}

pub(crate) fn map_get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.value == key).map(|(_, v)| v),
        _ => None,
    }
}

pub(crate) fn map_text(node: &Node, key: &str) -> Option<String> {
    map_get(node, key).and_then(scalar_text)
}

pub(crate) fn scalar_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => None,
        Value::Seq(_) | Value::Map(_) => Some(String::from("\u{0}complex")),
    }
}
