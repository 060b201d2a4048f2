//! The YAML mistakes editors make most, found in the text itself when the
//! parser fails, so that the message can say in plain words what is wrong, at
//! the line where it is (the parser may notice lines later):
//! `title:Verlichting`, `title: Let op: donkere steeg`, `title: 's Avonds`.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// `key:value`
    NoSpaceAfterColon { key: String },
    /// `key: text: more text`
    ColonInValue { key: String, value: String },
    /// `key: 's Avonds …`: an apostrophe opens a quoted text that never closes.
    Apostrophe { key: String, value: String },
}

/// The first common mistake on or before line `until` (1-based, of `yaml`),
/// with the byte range of the part to underline.
pub fn find(yaml: &str, until: Option<usize>) -> Option<(Range<usize>, Mistake)> {
    let mut offset = 0;
    // The indentation of a key whose value is a block scalar (`|`, `>`): the
    // lines below it that are indented deeper are text, not YAML.
    let mut block: Option<usize> = None;
    for (i, line) in yaml.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if until.is_some_and(|u| i + 1 > u) {
            break;
        }
        let line = line.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(b) = block {
            if indent > b {
                continue;
            }
            block = None;
        }
        let mut rest = &line[indent..];
        let mut col = indent;
        while let Some(r) = rest.strip_prefix("- ") {
            let trimmed = r.trim_start_matches(' ');
            col += rest.len() - trimmed.len();
            rest = trimmed;
        }
        if rest.starts_with('#') || rest.starts_with("---") {
            continue;
        }
        let key_len = rest
            .char_indices()
            .find(|(i, c)| !(c.is_ascii_alphanumeric() || *c == '_' || (*i > 0 && *c == '-')))
            .map_or(rest.len(), |(i, _)| i);
        if key_len == 0
            || !rest[..1]
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '_')
        {
            continue;
        }
        let key = &rest[..key_len];
        let Some(after) = rest[key_len..].strip_prefix(':') else {
            continue;
        };
        let at = |from: usize, len: usize| start + col + from..start + col + from + len;
        if !after.is_empty() && !after.starts_with([' ', '\t']) {
            return Some((
                at(key_len, 1),
                Mistake::NoSpaceAfterColon {
                    key: key.to_string(),
                },
            ));
        }
        let value = after.trim_start_matches([' ', '\t']);
        let value_at = key_len + 1 + (after.len() - value.len());
        let value = strip_comment(value).trim_end();
        if value.starts_with(['|', '>']) {
            block = Some(indent);
            continue;
        }
        if value.starts_with(['{', '[', '"', '&', '*', '!']) || value.is_empty() {
            continue;
        }
        if let Some(quoted) = value.strip_prefix('\'') {
            if !closes_cleanly(quoted) {
                return Some((
                    at(value_at, value.len()),
                    Mistake::Apostrophe {
                        key: key.to_string(),
                        value: value.to_string(),
                    },
                ));
            }
            continue;
        }
        if let Some(c) = value
            .find(": ")
            .or_else(|| value.ends_with(':').then(|| value.len() - 1))
        {
            return Some((
                at(value_at + c, 1),
                Mistake::ColonInValue {
                    key: key.to_string(),
                    value: value.to_string(),
                },
            ));
        }
    }
    None
}

/// A plain value's text without a trailing ` # comment`.
fn strip_comment(value: &str) -> &str {
    if value.starts_with('\'') {
        return value;
    }
    value.find(" #").map_or(value, |i| &value[..i])
}

/// Whether a single-quoted text (after its opening `'`) closes on this line
/// with nothing but a comment after it.
fn closes_cleanly(quoted: &str) -> bool {
    let mut chars = quoted.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
                continue;
            }
            let after = quoted[i + 1..].trim_start();
            return after.is_empty() || after.starts_with('#');
        }
    }
    false
}

/// The value written the way YAML reads it as meant: in double quotes.
pub fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(yaml: &str) -> Option<(usize, Mistake)> {
        find(yaml, None).map(|(r, m)| (yaml[..r.start].lines().count().max(1), m))
    }

    #[test]
    fn the_three_mistakes_at_their_line() {
        let (line, m) = kind("id: 1\ntitle:Verlichting\n").unwrap();
        assert_eq!(line, 2);
        assert_eq!(
            m,
            Mistake::NoSpaceAfterColon {
                key: "title".into()
            }
        );
        let (line, m) = kind("- id: 1\n  title: Let op: donkere steeg\n").unwrap();
        assert_eq!(line, 2);
        assert!(matches!(m, Mistake::ColonInValue { .. }));
        let yaml = "questions:\n  - id: 1\n    title: 's Avonds geen licht\n    kind: question\n    asked: |\n      Het is donker.\n";
        let (line, m) = kind(yaml).unwrap();
        assert_eq!(line, 3);
        assert_eq!(
            m,
            Mistake::Apostrophe {
                key: "title".into(),
                value: "'s Avonds geen licht".into()
            }
        );
    }

    #[test]
    fn correct_yaml_is_no_mistake() {
        for ok in [
            "title: \"Let op: donkere steeg\"\n",
            "title: 'Let op: donkere steeg'\n",
            "title: 'It''s fine' # uitleg\n",
            "period: { from: 2026-04-01, to: 2027-03-31 }\n",
            "asked: |\n  Let op: dit is tekst.\n  title:x\n",
            "url: https://example.org\n",
            "# title:x\n",
            "- 2011-10-15\n",
        ] {
            assert_eq!(find(ok, None), None, "{ok}");
        }
    }
}
