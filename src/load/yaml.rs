//! The one place that speaks YAML. Text becomes a [`Node`] tree in which every
//! key and value knows its byte range in the file, so that later rules can
//! point at the exact place. Duplicate keys, alias bombs and deep nesting are
//! stopped here by the parser's budgets.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, SnippetMode, Spanned};

use super::mistakes::{Mistake, quoted};
use crate::diagnostic::{Code, Diagnostic};
use crate::msg;
use crate::source::{At, FileId, SourceFile, Span};

/// The deepest nesting a content file may have.
pub const MAX_DEPTH: usize = 20;

/// A YAML value with its position.
#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(At<String>, Node)>),
}

impl Value {
    /// How a value is named in a message: "text", "a list", …
    /// What kind of value this is, in words (`value-kind` in the catalogues).
    pub fn kind(&self) -> crate::i18n::Msg {
        let kind = match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "text",
            Value::Seq(_) => "list",
            Value::Map(_) => "map",
        };
        crate::msg!("value-kind", kind = kind)
    }
}

/// What the parser's words are about, for a plain explanation in Dutch
/// (`yaml-syntax` selects on it; the English keeps the parser's words).
pub(crate) fn syntax_kind(detail: &str) -> &'static str {
    let d = detail.to_ascii_lowercase();
    if d.contains("quote") || d.contains("quoted") {
        "quote"
    } else if d.contains(']') || d.contains('}') || d.contains("flow") {
        "bracket"
    } else if d.contains("indent") {
        "indent"
    } else {
        "other"
    }
}

/// Parses YAML that starts at byte `base` of `file` (non-zero for front matter).
pub fn parse(
    file_id: FileId,
    file: &SourceFile,
    base: usize,
    yaml: &str,
) -> Result<Node, Diagnostic> {
    let line_offset = file.line_col(base).0 - 1;
    // A node's place: from the parser's byte offsets where it has them (text
    // parsed from a string), else from its line and column, `chars` long.
    let at = |loc: &Location, chars: usize| -> Span {
        let span = loc.span();
        if let (Some(offset), Some(bytes)) = (span.byte_offset(), span.byte_len())
            && let start = base + offset as usize
            && let Some(rest) = file.text.get(start..)
        {
            let len = if bytes > 0 {
                bytes as usize
            } else {
                rest.chars().next().map_or(0, char::len_utf8)
            };
            if rest.is_char_boundary(len.min(rest.len())) {
                return Span::new(file_id, start..start + len.min(rest.len()));
            }
        }
        let line = loc.line() as usize + line_offset;
        Span::new(
            file_id,
            file.range_at(line, loc.column().max(1) as usize, chars),
        )
    };
    if yaml.trim().is_empty() {
        return Err(Diagnostic::error(
            Code::EmptyFile,
            Span::new(file_id, base..base),
            msg!("empty-file"),
        )
        .with_help(msg!("empty-file-help")));
    }
    // Content files nest at most six levels (contract → questions → question →
    // progress → entry → value). A low depth limit keeps the deserialiser's
    // recursion far from the stack's end, even in debug builds on 2 MB threads.
    // Aliases have no use in content files; a few are harmless, a bomb is cut off early.
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! { max_depth: MAX_DEPTH },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_replay_stack_depth: 8,
        },
    };
    match serde_saphyr::from_str_with_options::<Spanned<RawNode>>(yaml, options) {
        Ok(root) => Ok(convert(root, &at)),
        Err(err) => {
            let d = yaml_error(&err, &at, file_id, base);
            if d.code == Code::YamlSyntax && d.help.as_deref() == Some(TAB_HELP_EN) {
                return Err(point_at_tab(d, file, base + yaml.len()));
            }
            // A common mistake on or before the line the parser stopped at
            // is what went wrong: say so, there.
            let until = err.location().map(|l| l.line() as usize).filter(|l| *l > 0);
            if d.code == Code::YamlSyntax
                && let Some((range, mistake)) = super::mistakes::find(yaml, until)
            {
                let span = Span::new(file_id, base + range.start..base + range.end);
                return Err(mistake_diagnostic(span, mistake));
            }
            Err(d)
        }
    }
}

fn yaml_error(
    err: &serde_saphyr::Error,
    at: &dyn Fn(&Location, usize) -> Span,
    file_id: FileId,
    base: usize,
) -> Diagnostic {
    let plain = err
        .without_snippet()
        .render_with_options(serde_saphyr::render_options! {
            snippets: SnippetMode::Off,
        });
    // The plain rendering ends with its own position, which we show separately.
    let message = plain
        .split(" at line ")
        .next()
        .unwrap_or(&plain)
        .trim()
        .to_string();
    let span = err
        .location()
        .filter(|l| l.line() > 0)
        .map_or(Span::new(file_id, base..base), |l| at(&l, 1));
    let (code, help) = if message.starts_with("duplicate mapping key") {
        (
            Code::DuplicateKey,
            "each key may appear once per item; remove or rename one of them",
        )
    } else if message.contains("budget")
        || message.contains("recursion limit")
        || message.contains("alias")
    {
        (
            Code::TooComplex,
            "content files need no deep nesting or repeated aliases (`*name`); write the values out",
        )
    } else if message.contains("tab") {
        (Code::YamlSyntax, TAB_HELP_EN)
    } else {
        (Code::YamlSyntax, "")
    };
    let message = match code {
        Code::DuplicateKey => message
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(&message)
            .to_string(),
        // The parser's own words ("budget breached: Nodes { nodes: 250001 }") mean nothing to an editor.
        Code::TooComplex => {
            "this YAML nests too deeply or repeats aliases too often to be read safely".to_string()
        }
        _ => message,
    };
    match code {
        Code::YamlSyntax if help == TAB_HELP_EN => {
            Diagnostic::error(code, span, msg!("yaml-syntax-tab"))
                .with_help(msg!("yaml-syntax-tab-help"))
        }
        // The parser's words, with a plain explanation of what to look for.
        Code::YamlSyntax => Diagnostic::error(
            code,
            span,
            msg!(
                "yaml-syntax",
                detail = &message,
                kind = syntax_kind(&message)
            ),
        )
        .with_help(msg!("yaml-syntax-help")),
        Code::DuplicateKey => {
            let key = message
                .rsplit_once(": ")
                .map_or("", |(_, k)| k.trim().trim_matches(['`', '"', '\'']));
            let words = if key.is_empty() {
                msg!("duplicate-key", detail = &message)
            } else {
                msg!("duplicate-key-named", detail = &message, key = key)
            };
            Diagnostic::error(code, span, words).with_help(msg!("duplicate-key-help"))
        }
        // Too many values is not too deep: say which limit the file met.
        _ if ["Nodes {", "Events {", "ScalarBytes {"]
            .iter()
            .any(|b| plain.contains(b)) =>
        {
            Diagnostic::error(code, span, msg!("yaml-too-large", limit = YAML_MAX_VALUES))
                .with_help(msg!("yaml-too-large-help"))
        }
        _ => Diagnostic::error(code, span, msg!("yaml-too-complex"))
            .with_help(msg!("yaml-too-complex-help")),
    }
}

/// The parser's limit on the values (lists, maps and scalars) of one file:
/// serde-saphyr's default `max_nodes`.
const YAML_MAX_VALUES: usize = 250_000;

/// The English help of a tab, by which [`parse`] knows to point at the tab.
const TAB_HELP_EN: &str = "YAML is indented with spaces, never tabs; replace the tab with spaces";

fn mistake_diagnostic(span: Span, mistake: Mistake) -> Diagnostic {
    let (message, label, help) = match mistake {
        Mistake::NoSpaceAfterColon { key } => (
            msg!("yaml-no-space-after-colon", key = &key),
            msg!("yaml-no-space-after-colon-label"),
            msg!("yaml-no-space-after-colon-help", key = &key),
        ),
        Mistake::ColonInValue { key, value } => (
            msg!("yaml-colon-in-value", key = &key),
            msg!("yaml-colon-in-value-label"),
            msg!(
                "yaml-colon-in-value-help",
                key = &key,
                quoted = quoted(&value)
            ),
        ),
        Mistake::Apostrophe { key, value } => (
            msg!("yaml-apostrophe", key = &key),
            msg!("yaml-apostrophe-label"),
            msg!("yaml-apostrophe-help", key = &key, quoted = quoted(&value)),
        ),
    };
    Diagnostic::error(Code::YamlSyntax, span, message)
        .with_label(label)
        .with_help(help)
}

/// The parser reports a tab where the enclosing scalar or block starts, which
/// may be lines above it; point at the offending tab itself: the first tab in
/// a line's indentation from the reported line on (else the first tab at all).
fn point_at_tab(mut d: Diagnostic, file: &SourceFile, end: usize) -> Diagnostic {
    let start = file.line_range(file.lines_of(&d.span.range())).start;
    let Some(region) = file.text.get(start..end.min(file.text.len())) else {
        return d;
    };
    let mut offset = start;
    let mut any = None;
    for line in region.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line[..indent].find('\t') {
            d.span = Span::new(d.span.file, offset + i..offset + i + 1);
            return d;
        }
        if any.is_none() {
            any = line.find('\t').map(|i| offset + i);
        }
        offset += line.len();
    }
    if let Some(i) = any {
        d.span = Span::new(d.span.file, i..i + 1);
    }
    d
}

fn convert(node: Spanned<RawNode>, at: &dyn Fn(&Location, usize) -> Span) -> Node {
    let len = node.referenced.span().len() as usize;
    let span = at(&node.referenced, len.max(1));
    let value = match node.value {
        RawNode::Null => Value::Null,
        RawNode::Bool(b) => Value::Bool(b),
        RawNode::Int(i) => Value::Int(i),
        RawNode::Float(f) => Value::Float(f),
        RawNode::Str(s) => Value::Str(s),
        RawNode::Seq(items) => Value::Seq(items.into_iter().map(|n| convert(n, at)).collect()),
        RawNode::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key_span = at(&k.referenced, k.value.chars().count().max(1));
                    (At::new(k.value, key_span), convert(v, at))
                })
                .collect(),
        ),
    };
    Node { value, span }
}

/// What serde-saphyr hands us, before positions are mapped into the file.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<String>, Spanned<RawNode>)>),
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(RawNode::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(RawNode::Map(entries))
    }
}

/// A flat `key: text` table, such as a theme's translations.
pub fn parse_string_map(text: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    serde_saphyr::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceMap;

    fn parse_text(text: &str) -> (SourceMap, Result<Node, Diagnostic>) {
        let mut map = SourceMap::default();
        let id = map.add("t.yaml".into(), text.into());
        let result = parse(id, map.get(id), 0, text);
        (map, result)
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let (map, node) = parse_text("id: 7\ntitle: Één café\n");
        let Value::Map(entries) = node.unwrap().value else {
            panic!()
        };
        let (key, value) = &entries[1];
        assert_eq!(map.snippet(key.span), "title");
        assert_eq!(map.snippet(value.span), "Één café");
    }

    #[test]
    fn the_parser_gives_byte_offsets_for_text() {
        // Positions come from byte offsets, without counting characters per line.
        let root: Spanned<RawNode> = serde_saphyr::from_str("é: x\n").unwrap();
        let RawNode::Map(entries) = root.value else {
            panic!()
        };
        let span = entries[0].1.referenced.span();
        assert_eq!((span.byte_offset(), span.byte_len()), (Some(4), Some(1)));
    }

    #[test]
    fn block_scalars_and_front_matter_offsets_stay_right() {
        let text = "---\ntitle: Één\n---\n";
        let mut map = SourceMap::default();
        let id = map.add("t.md".into(), text.into());
        let node = parse(id, map.get(id), 4, "title: Één\n").unwrap();
        let Value::Map(entries) = node.value else {
            panic!()
        };
        assert_eq!(map.snippet(entries[0].1.span), "Één");
        let (map, node) = parse_text("a: |\n  één\n  twee\nb: 1\n");
        let Value::Map(entries) = node.unwrap().value else {
            panic!()
        };
        assert!(map.snippet(entries[0].1.span).contains("één"));
        assert_eq!(map.snippet(entries[1].1.span), "1");
    }

    #[test]
    fn malformed_yaml_is_a_diagnostic() {
        for (text, code) in [
            ("a: 1\na: 2\n", Code::DuplicateKey),
            ("a:\n\tb: 1\n", Code::YamlSyntax),
            ("a: [1, 2\n", Code::YamlSyntax),
            ("   \n", Code::EmptyFile),
        ] {
            let (_, result) = parse_text(text);
            assert_eq!(result.unwrap_err().code, code, "{text:?}");
        }
    }

    #[test]
    fn bombs_and_deep_nesting_are_refused() {
        let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(",")
            ));
        }
        let deep_block: String = (0..10_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        // Each is refused by a budget (a hang would stop the test from finishing).
        for text in [bomb, "[".repeat(10_000), "{a: ".repeat(10_000), deep_block] {
            let (_, result) = parse_text(&text);
            assert_eq!(result.unwrap_err().code, Code::TooComplex);
        }
    }
}
