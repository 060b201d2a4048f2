//! Reading typed values out of positioned YAML nodes. Every problem becomes a
//! diagnostic and reading goes on, so one run reports all of a file's errors.

use chrono::{NaiveDate, NaiveDateTime};

use super::suggest::did_you_mean;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::i18n::Msg;
use crate::load::{Node, Value};
use crate::model::{When, Written, is_valid_slug, suggest_slug, when::WhenError};
use crate::msg;
use crate::source::{At, Span};

/// The keys of one YAML mapping, consumed one by one; what is left at the end
/// is an unknown key.
pub struct Fields<'n> {
    entries: &'n [(At<String>, Node)],
    used: Vec<bool>,
    known: Vec<&'static str>,
    pub span: Span,
    what: &'static str,
}

impl<'n> Fields<'n> {
    /// `what` names the item in messages: the id of a catalogue message
    /// such as `item-question` ("a question").
    pub fn of(node: &'n Node, what: &'static str, d: &mut Diagnostics) -> Option<Self> {
        match &node.value {
            Value::Map(entries) => Some(Fields {
                entries,
                used: vec![false; entries.len()],
                known: Vec::new(),
                span: node.span,
                what,
            }),
            other => {
                d.push(
                    Diagnostic::error(
                        Code::WrongType,
                        node.span,
                        msg!(
                            "wrong-type-mapping",
                            what = Msg::new(what),
                            kind = other.kind()
                        ),
                    )
                    .with_help(msg!("wrong-type-mapping-help")),
                );
                None
            }
        }
    }

    pub fn get(&mut self, key: &'static str) -> Option<&'n Node> {
        self.known.push(key);
        let i = self.entries.iter().position(|(k, _)| k.value == key)?;
        self.used[i] = true;
        let node = &self.entries[i].1;
        // `key:` with nothing after it counts as absent, reported by the caller if required.
        (!matches!(node.value, Value::Null)).then_some(node)
    }

    /// The span of a key, if present (for messages about a field as a whole).
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(k, _)| k.span)
    }

    /// Whether a required key is absent, or present with nothing after it
    /// (`key:`), which [`Fields::get`] also treats as absent.
    pub fn is_missing(&self, key: &str) -> bool {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .is_none_or(|(_, v)| matches!(v.value, Value::Null))
    }

    /// Reports a missing required field, pointing at the item (or at the key,
    /// when it is there without a value).
    pub fn missing(
        &self,
        code: Code,
        key: &str,
        help: impl Into<crate::diagnostic::Text>,
        d: &mut Diagnostics,
    ) {
        let diagnostic = match self.entries.iter().find(|(k, _)| k.value == key) {
            Some((k, _)) => Diagnostic::error(code, k.span, msg!("field-empty", field = key))
                .with_label(msg!(
                    "field-empty-label",
                    field = key,
                    what = Msg::new(self.what)
                )),
            None => {
                let span = self.entries.first().map_or(self.span, |(k, _)| k.span);
                Diagnostic::error(
                    code,
                    span,
                    msg!("field-missing", field = key, what = Msg::new(self.what)),
                )
                .with_label(msg!("field-missing-label", field = key))
            }
        };
        d.push(diagnostic.with_help(help));
    }

    /// Reports every key that no `get` asked for.
    pub fn finish(self, d: &mut Diagnostics) {
        for ((key, _), used) in self.entries.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let help = match did_you_mean(&key.value, self.known.iter().copied()) {
                Some(s) => msg!("unknown-key-suggest", suggestion = s),
                None => msg!(
                    "unknown-key-known",
                    what = Msg::new(self.what),
                    known = self.known.join(", ")
                ),
            };
            d.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    key.span,
                    msg!(
                        "unknown-key",
                        key = crate::diagnostic::shorten(&key.value),
                        what = Msg::new(self.what)
                    ),
                )
                .with_help(help),
            );
        }
    }
}

/// `expected` names what belongs there (`text`, `list`, …), as in the
/// `wrong-type` message; the help has the id `wrong-type-{expected}-help`.
fn wrong_type(node: &Node, field: &str, expected: &'static str, help: Msg, d: &mut Diagnostics) {
    d.push(
        Diagnostic::error(
            Code::WrongType,
            node.span,
            msg!(
                "wrong-type",
                field = field,
                expected = expected,
                kind = node.value.kind()
            ),
        )
        .with_help(help),
    );
}

/// Text; numbers are taken as their digits (a title may be "2011").
pub fn text(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<String>> {
    match &node.value {
        Value::Str(s) if s.trim().is_empty() => {
            d.push(
                Diagnostic::error(
                    Code::MissingField,
                    node.span,
                    msg!("field-empty", field = field),
                )
                .with_help(msg!("field-empty-text-help")),
            );
            None
        }
        Value::Str(s) => Some(At::new(s.clone(), node.span)),
        Value::Int(i) => Some(At::new(i.to_string(), node.span)),
        Value::Float(f) => Some(At::new(f.to_string(), node.span)),
        _ => {
            wrong_type(node, field, "text", msg!("wrong-type-text-help"), d);
            None
        }
    }
}

pub fn boolean(node: &Node, field: &str, d: &mut Diagnostics) -> Option<bool> {
    match node.value {
        Value::Bool(b) => Some(b),
        _ => {
            wrong_type(node, field, "bool", msg!("wrong-type-bool-help"), d);
            None
        }
    }
}

pub fn positive_int(node: &Node, field: &str, d: &mut Diagnostics) -> Option<u32> {
    match node.value {
        Value::Int(i) if i > 0 && i <= i64::from(u32::MAX) => Some(i as u32),
        Value::Int(_) => {
            d.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    node.span,
                    msg!("invalid-value-positive", field = field),
                )
                .with_help(msg!("invalid-value-positive-help")),
            );
            None
        }
        _ => {
            wrong_type(node, field, "int", msg!("wrong-type-int-help"), d);
            None
        }
    }
}

pub fn slug(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<String>> {
    let s = text(node, field, d)?;
    if is_valid_slug(&s.value) {
        Some(s)
    } else {
        let fixed = suggest_slug(&s.value);
        d.push(
            Diagnostic::error(
                Code::InvalidSlug,
                node.span,
                msg!("invalid-slug", slug = crate::diagnostic::shorten(&s.value)),
            )
            .with_help(if fixed.is_empty() {
                msg!("invalid-slug-help")
            } else {
                msg!("invalid-slug-suggest-help", suggestion = fixed)
            }),
        );
        None
    }
}

pub fn list<'n>(node: &'n Node, field: &str, d: &mut Diagnostics) -> Option<&'n [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        _ => {
            wrong_type(node, field, "list", msg!("wrong-type-list-help"), d);
            None
        }
    }
}

/// One of a fixed set of words: its key or a Dutch word for it, with the
/// allowed values (and a likely one) in the help.
pub fn keyword<K: Written + PartialEq>(
    node: &Node,
    field: &str,
    code: Code,
    d: &mut Diagnostics,
) -> Option<At<K>> {
    let s = text(node, field, d)?;
    if let Some(k) = K::from_written(&s.value) {
        return Some(At::new(k, s.span));
    }
    let keys = K::keys().join(", ");
    let dutch = K::ALL
        .iter()
        .filter_map(|k| k.dutch().first().copied())
        .collect::<Vec<_>>()
        .join(", ");
    let words = K::keys()
        .into_iter()
        .chain(K::ALIASES.iter().map(|(w, _)| *w));
    let help = match did_you_mean(&s.value.to_lowercase(), words) {
        Some(m) => msg!(
            "invalid-value-keyword-suggest-help",
            field = field,
            keys = keys,
            dutch = dutch,
            suggestion = m
        ),
        None => msg!(
            "invalid-value-keyword-help",
            field = field,
            keys = keys,
            dutch = dutch
        ),
    };
    d.push(
        Diagnostic::error(
            code,
            node.span,
            msg!("invalid-value-keyword", value = &s.value, field = field),
        )
        .with_help(help),
    );
    None
}

/// A day: `YYYY-MM-DD`, or as written in Dutch (`15-11-2027`).
pub fn date(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<NaiveDate>> {
    let s = date_text(node, field, d)?;
    match crate::model::when::parse_day_written(&s) {
        Ok(day) => Some(At::new(day, node.span)),
        Err(e) => {
            invalid_date(node, field, &s, e, msg!("invalid-date-day"), d);
            None
        }
    }
}

/// A year, quarter, month or day, also as written in Dutch.
pub fn when(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<When>> {
    let s = date_text(node, field, d)?;
    match When::parse_written(&s) {
        Ok(w) => Some(At::new(w, node.span)),
        Err(e) => {
            invalid_date(node, field, &s, e, msg!("invalid-date-when"), d);
            None
        }
    }
}

/// A moment in Europe/Amsterdam local time: `2011-04-14T10:00`, or a day (midnight).
pub fn datetime(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<NaiveDateTime>> {
    let s = date_text(node, field, d)?;
    match parse_datetime(&s) {
        Ok(t) => Some(At::new(t, node.span)),
        Err(e) => {
            invalid_date(node, field, &s, e, msg!("invalid-date-datetime"), d);
            None
        }
    }
}

pub fn parse_datetime(s: &str) -> Result<NaiveDateTime, WhenError> {
    let s = s.trim();
    if let Ok(day) = crate::model::when::parse_day_written(s) {
        return Ok(day.and_hms_opt(0, 0, 0).expect("midnight exists"));
    }
    for format in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Ok(t);
        }
    }
    let looks_like = s.len() >= 16 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    Err(if looks_like {
        WhenError::DoesNotExist
    } else {
        WhenError::Format
    })
}

fn date_text(node: &Node, field: &str, d: &mut Diagnostics) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        _ => {
            wrong_type(node, field, "date", msg!("wrong-type-date-help"), d);
            None
        }
    }
}

fn invalid_date(
    node: &Node,
    field: &str,
    s: &str,
    e: WhenError,
    expected: crate::i18n::Msg,
    d: &mut Diagnostics,
) {
    let (message, help) = match e {
        WhenError::DoesNotExist => (
            msg!("invalid-date-does-not-exist", field = field, value = s),
            expected,
        ),
        // "voorjaar 2027" is no stretch of days a promise can be held to.
        WhenError::Format if crate::model::when::is_vague(s) => (
            msg!("invalid-date-vague", field = field, value = s),
            msg!("invalid-date-vague-help"),
        ),
        WhenError::Format => (
            msg!("invalid-date-format", field = field, value = s),
            expected,
        ),
    };
    d.push(Diagnostic::error(Code::InvalidDate, node.span, message).with_help(help));
}
