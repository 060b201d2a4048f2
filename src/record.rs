//! The record of what was published: `published.txt` at the site root, written
//! by `build` and committed with the content, so that a fresh clone or a CI
//! build still knows every URL and every promise the site published.
//!
//! One line per URL, sorted, so that branches that add questions to different
//! contracts merge cleanly. A question page's line also carries its promise,
//! in tab-separated `key=value` fields: the outcome, the deadline chain (as
//! signed, then each move) and the title. A contract's or question's line
//! ends with its short link's code (`k=`, see [`crate::shortlinks`]); a
//! short link whose URL left the site keeps a line of its own (`was=`).
//!
//! ```text
//! /k/ABCDE/ ⇥ was=/wijken/oud/2020/3/
//! /wijken/meerwijk/2026/7/ ⇥ outcome=honoured ⇥ when=2026-Q3>2027-Q1 ⇥ title=Betere verlichting ⇥ k=K7MQ2
//! ```
//!
//! (⇥ a tab).
//!
//! Here only the text: reading it (lines point into the file, which stays in
//! the source map) and writing it. `permanence` compares the URLs with a
//! build, `validate::promises` the promises with the content.

use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Keyword, OutcomeKind, When};
use crate::shortlinks::ShortCode;
use crate::source::{FileId, SourceFile, Span};

/// The record's file name, at the site root beside site.toml.
pub const FILE: &str = "published.txt";
/// Where versions before the record kept the URLs: in the output folder.
pub const LEGACY: &str = ".afspraak-urls.txt";

const HEADER: &str = "\
# Wat deze site publiceerde: elke openbare URL, en bij elke vraag de toezegging
# (uitkomst, termijn met elke verschuiving, titel). Geschreven door `afspraak build`:
# commit dit bestand met de inhoud en wijzig het niet met de hand. Bij een
# merge-conflict: houd de regels van beide kanten en haal de markeringen weg.
#
# What this site published: every public URL and, for each question, its promise
# (outcome, deadline with each move, title). Written by `afspraak build`: commit it
# with your content and do not edit it by hand. On a merge conflict: keep the lines
# of both sides and remove the markers.
";

/// A record as read: its lines point into the text of `file`.
#[derive(Debug, Clone)]
pub struct Record {
    pub file: FileId,
    /// Read from an earlier version's `.afspraak-urls.txt`: URLs and titles only.
    pub legacy: bool,
    pub lines: Vec<Line>,
}

/// One published URL. Kept small: a large site's record has a line for
/// every page, held while the site is checked.
#[derive(Debug, Clone)]
pub struct Line {
    /// Where the line is in the text, without its line ending.
    start: u32,
    len: u32,
    url_len: u32,
    /// Where the title starts, from the line's start (0: none); it runs to the next tab.
    title_at: u32,
    /// Where a retired short link's former URL starts (`was=`), as `title_at`.
    was_at: u32,
    pub promise: Option<Promise>,
    /// The short link of the URL (`k=`).
    pub code: Option<ShortCode>,
}

/// A question's promise as it was published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    pub outcome: OutcomeKind,
    /// The deadline as signed, then each move; empty for an outcome without one.
    pub chain: Box<[When]>,
}

impl Line {
    /// The whole line in `file`, the record's file.
    pub fn span(&self, file: FileId) -> Span {
        let start = self.start as usize;
        Span::new(file, start..start + self.len as usize)
    }

    /// The URL, as a span in `file`.
    pub fn url_span(&self, file: FileId) -> Span {
        let start = self.start as usize;
        Span::new(file, start..start + self.url_len as usize)
    }

    pub fn url<'t>(&self, text: &'t str) -> &'t str {
        let start = self.start as usize;
        &text[start..start + self.url_len as usize]
    }

    /// The field that starts `at` from the line's start, up to the next tab.
    fn field<'t>(&self, text: &'t str, at: u32) -> Option<&'t str> {
        if at == 0 {
            return None;
        }
        let line = &text[self.start as usize..(self.start + self.len) as usize];
        line[at as usize..].split('\t').next()
    }

    /// The question's title, unescaped.
    pub fn title(&self, text: &str, legacy: bool) -> Option<String> {
        if self.title_at == 0 {
            return None;
        }
        let line = &text[self.start as usize..(self.start + self.len) as usize];
        let raw = &line[self.title_at as usize..];
        let raw = raw.split('\t').next().unwrap_or(raw);
        Some(if legacy {
            raw.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        } else {
            unescape(raw)
        })
    }
}

/// Reads the record in `source` (file `file`). A line that cannot be read is
/// a `record-invalid` error and is left out; the rest is still read.
pub fn parse(file: FileId, source: &SourceFile, legacy: bool, d: &mut Diagnostics) -> Record {
    let text = source.text.as_str();
    let mut lines = Vec::with_capacity(source.line_count());
    let mut offset = 0;
    let mut in_conflict = false;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let mut line = raw.trim_end_matches(['\n', '\r']);
        let mut start = start;
        if start == 0 && line.starts_with('\u{feff}') {
            line = &line[3..];
            start = 3;
        }
        let span = |from: usize, len: usize| Span::new(file, start + from..start + from + len);
        if let Some(marker) = conflict_marker(line) {
            match marker {
                "<<<<<<<" => {
                    in_conflict = true;
                    d.push(
                        Diagnostic::error(
                            Code::RecordInvalid,
                            span(0, line.len()),
                            crate::msg!("record-conflict", file = FILE),
                        )
                        .with_label(crate::msg!("record-conflict-label"))
                        .with_help(crate::msg!("record-conflict-help", file = FILE)),
                    );
                }
                ">>>>>>>" if in_conflict => in_conflict = false,
                _ if in_conflict => {}
                _ => d.push(
                    Diagnostic::error(
                        Code::RecordInvalid,
                        span(0, line.len()),
                        crate::msg!("record-conflict-leftover", file = FILE),
                    )
                    .with_help(crate::msg!("record-conflict-leftover-help")),
                ),
            }
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (url, fields) = line.split_once('\t').unwrap_or((line, ""));
        if !url.starts_with('/') || url.contains(char::is_whitespace) {
            d.push(damaged(
                span(0, url.len()),
                crate::msg!("record-no-url", file = FILE),
            ));
            continue;
        }
        let mut entry = Line {
            start: start as u32,
            len: line.len() as u32,
            url_len: url.len() as u32,
            title_at: 0,
            was_at: 0,
            promise: None,
            code: None,
        };
        if legacy {
            if !fields.is_empty() {
                entry.title_at = url.len() as u32 + 1;
            }
            lines.push(entry);
            continue;
        }
        let mut outcome = None;
        let mut chain: Box<[When]> = Box::default();
        let mut ok = true;
        let mut at = url.len() + 1;
        for field in fields.split('\t').filter(|_| !fields.is_empty()) {
            let here = at;
            at += field.len() + 1;
            let Some((key, value)) = field.split_once('=') else {
                d.push(damaged(
                    span(here, field.len()),
                    crate::msg!("record-not-field", field = field),
                ));
                ok = false;
                continue;
            };
            match key {
                "outcome" => match OutcomeKind::from_key(value) {
                    Some(o) => outcome = Some(o),
                    None => {
                        d.push(damaged(
                            span(here, field.len()),
                            crate::msg!(
                                "record-not-outcome",
                                value = crate::diagnostic::shorten(value)
                            ),
                        ));
                        ok = false;
                    }
                },
                "when" | "report_by" => {
                    match value
                        .split('>')
                        .map(When::parse)
                        .collect::<Result<Box<[_]>, _>>()
                    {
                        Ok(c) if !c.is_empty() => chain = c,
                        _ => {
                            d.push(damaged(
                                span(here, field.len()),
                                crate::msg!(
                                    "record-not-deadline",
                                    value = crate::diagnostic::shorten(value)
                                ),
                            ));
                            ok = false;
                        }
                    }
                }
                "title" => entry.title_at = (here + key.len() + 1) as u32,
                "k" => match ShortCode::parse(value) {
                    Some(c) => entry.code = Some(c),
                    None => {
                        d.push(damaged(
                            span(here, field.len()),
                            crate::msg!(
                                "record-not-code",
                                value = crate::diagnostic::shorten(value)
                            ),
                        ));
                        ok = false;
                    }
                },
                "was" if value.starts_with('/') => entry.was_at = (here + key.len() + 1) as u32,
                // A field of a later version: not ours to judge.
                _ => {}
            }
        }
        if !ok {
            continue;
        }
        if let Some(outcome) = outcome {
            entry.promise = Some(Promise { outcome, chain });
        }
        // A retired short link: `/k/<code>/ was=<url>`.
        if entry.was_at != 0 {
            entry.code = url
                .strip_prefix(crate::shortlinks::PREFIX)
                .and_then(|c| c.strip_suffix('/'))
                .and_then(ShortCode::parse);
        }
        lines.push(entry);
    }
    Record {
        file,
        legacy,
        lines,
    }
}

impl Record {
    /// Every (URL, short-link code) pair the record holds, retired ones included.
    pub fn codes(&self, text: &str) -> Vec<(String, ShortCode)> {
        self.lines
            .iter()
            .filter_map(|l| {
                let code = l.code?;
                let url = l.field(text, l.was_at).unwrap_or_else(|| l.url(text));
                Some((url.to_string(), code))
            })
            .collect()
    }
}

fn conflict_marker(line: &str) -> Option<&'static str> {
    ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
        .into_iter()
        .find(|m| line.starts_with(m))
}

fn damaged(span: Span, message: crate::i18n::Msg) -> Diagnostic {
    Diagnostic::error(Code::RecordInvalid, span, message)
        .with_help(crate::msg!("record-damaged-help", file = FILE))
}

/// One line to write.
pub struct Entry<'a> {
    pub url: &'a str,
    /// For a question page: its promise and title.
    pub question: Option<(Promise, &'a str)>,
    /// Its short link; for a retired short link's own line, the URL it had.
    pub code: Option<ShortCode>,
    pub was: Option<&'a str>,
}

/// The record's text: the header, then every entry sorted by URL.
pub fn serialise(mut entries: Vec<Entry>) -> String {
    entries.sort_unstable_by(|a, b| a.url.cmp(b.url));
    entries.dedup_by(|a, b| a.url == b.url);
    let mut text = String::with_capacity(HEADER.len() + entries.len() * 48);
    text.push_str(HEADER);
    for e in &entries {
        text.push_str(e.url);
        if let Some((promise, title)) = &e.question {
            text.push_str("\toutcome=");
            text.push_str(promise.outcome.key());
            if !promise.chain.is_empty() {
                text.push('\t');
                text.push_str(deadline_key(promise.outcome));
                text.push('=');
                text.push_str(&chain_text(&promise.chain, ">"));
            }
            text.push_str("\ttitle=");
            escape_into(title, &mut text);
        }
        if let Some(was) = e.was {
            text.push_str("\twas=");
            text.push_str(was);
        } else if let Some(code) = e.code {
            text.push_str("\tk=");
            text.push_str(code.as_str());
        }
        text.push('\n');
    }
    text
}

/// The field a deadline is written in: `when`, or `report_by` for a prioritised answer.
pub fn deadline_key(outcome: OutcomeKind) -> &'static str {
    match outcome {
        OutcomeKind::Prioritised => "report_by",
        _ => "when",
    }
}

/// A deadline chain as text, its steps joined by `sep`.
pub fn chain_text(chain: &[When], sep: &str) -> String {
    chain
        .iter()
        .map(When::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Writes `text` as the record of `root`, unless the file already holds
/// exactly it: through a temporary file beside it, so that the record is at
/// every moment the old one or the new one. Returns whether it wrote.
pub fn write(root: &Path, text: &str) -> anyhow::Result<bool> {
    let path = root.join(FILE);
    if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    let failed = || crate::tr!("cannot-write", path = path.display().to_string());
    let mut tmp = tempfile::Builder::new()
        .prefix(".published.txt.")
        .tempfile_in(root)
        .with_context(failed)?;
    tmp.write_all(text.as_bytes()).with_context(failed)?;
    tmp.as_file().sync_all().with_context(failed)?;
    // A temporary file is private; the record is as readable as the content.
    let mode = std::fs::metadata(&path).map(|m| m.permissions());
    #[cfg(unix)]
    let mode = mode.or_else(|_| -> std::io::Result<_> {
        use std::os::unix::fs::PermissionsExt;
        Ok(std::fs::Permissions::from_mode(0o644))
    });
    if let Ok(mode) = mode {
        tmp.as_file().set_permissions(mode).with_context(failed)?;
    }
    tmp.persist(&path).with_context(failed)?;
    Ok(true)
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The question a page URL belongs to: `/wijken/<slug>/<year>/<id>/`, in any
/// language.
pub fn question_of(url: &str) -> Option<(&str, i32, u32)> {
    let rest = url.strip_prefix("/en").unwrap_or(url);
    let rest = rest.strip_prefix("/wijken/")?.strip_suffix('/')?;
    let mut parts = rest.split('/');
    let (slug, year, id) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((slug, year.parse().ok()?, id.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Record, Diagnostics, SourceFile) {
        let source = SourceFile::new(FILE.into(), text.into());
        let mut d = Diagnostics::default();
        let record = parse(FileId(0), &source, false, &mut d);
        (record, d, source)
    }

    #[test]
    fn written_text_reads_back() {
        let title = "Tab\there, a\nnewline and a \\ backslash";
        let text = serialise(vec![
            Entry {
                url: "/wijken/meerwijk/2026/7/",
                question: Some((
                    Promise {
                        outcome: OutcomeKind::Honoured,
                        chain: Box::new([When::Quarter(2026, 3), When::Quarter(2027, 1)]),
                    },
                    title,
                )),
                code: ShortCode::parse("K7MQ2"),
                was: None,
            },
            Entry {
                url: "/",
                question: None,
                code: None,
                was: None,
            },
            Entry {
                url: "/k/ABCDE/",
                question: None,
                code: None,
                was: Some("/wijken/oud/2020/"),
            },
            Entry {
                url: "/wijken/meerwijk/2026/8/",
                question: Some((
                    Promise {
                        outcome: OutcomeKind::Prioritised,
                        chain: Box::new([When::Month(2026, 12)]),
                    },
                    "x",
                )),
                code: None,
                was: None,
            },
        ]);
        assert!(text.starts_with("# "), "a header first");
        assert!(text.ends_with(
            "/\n/k/ABCDE/\twas=/wijken/oud/2020/\n/wijken/meerwijk/2026/7/\toutcome=honoured\twhen=2026-Q3>2027-Q1\ttitle=Tab\\there, a\\nnewline and a \\\\ backslash\tk=K7MQ2\n\
             /wijken/meerwijk/2026/8/\toutcome=prioritised\treport_by=2026-12\ttitle=x\n"
        ), "{text}");
        let (record, d, source) = read(&text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(record.lines.len(), 4);
        assert_eq!(
            record.codes(&source.text),
            [
                (
                    "/wijken/oud/2020/".to_string(),
                    ShortCode::parse("ABCDE").unwrap()
                ),
                (
                    "/wijken/meerwijk/2026/7/".to_string(),
                    ShortCode::parse("K7MQ2").unwrap()
                )
            ]
        );
        let q = &record.lines[2];
        assert_eq!(q.url(&source.text), "/wijken/meerwijk/2026/7/");
        assert_eq!(q.title(&source.text, false).as_deref(), Some(title));
        assert_eq!(
            &*q.promise.as_ref().unwrap().chain,
            [When::Quarter(2026, 3), When::Quarter(2027, 1)]
        );
    }

    #[test]
    fn a_merge_conflict_is_reported_once_and_both_sides_are_kept() {
        let text = "# kop\n/a/\n<<<<<<< HEAD\n/b/\n=======\n/c/\n>>>>>>> other\n/d/\n";
        let (record, d, source) = read(text);
        let errors: Vec<_> = d.iter().collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, Code::RecordInvalid);
        assert_eq!(source.line_col(errors[0].span.start as usize), (3, 1));
        let urls: Vec<&str> = record.lines.iter().map(|l| l.url(text)).collect();
        assert_eq!(urls, ["/a/", "/b/", "/c/", "/d/"]);
    }

    #[test]
    fn damaged_lines_are_errors_at_their_place() {
        let text = "/a/\toutcome=kept\n/b/\twhen=2026-Q5\toutcome=honoured\nnot a url\n/c/\tgarbage\n/d/\tfuture=1\toutcome=resolved\n";
        let (record, d, source) = read(text);
        let places: Vec<(usize, usize)> = d
            .iter()
            .map(|x| source.line_col(x.span.start as usize))
            .collect();
        assert_eq!(places, [(1, 5), (2, 5), (3, 1), (4, 5)]);
        let urls: Vec<&str> = record.lines.iter().map(|l| l.url(text)).collect();
        assert_eq!(urls, ["/d/"], "unknown fields are a later version's");
    }

    #[test]
    fn question_urls_in_both_languages() {
        assert_eq!(
            question_of("/wijken/meerwijk/2026/7/"),
            Some(("meerwijk", 2026, 7))
        );
        assert_eq!(
            question_of("/en/wijken/meerwijk/2026/7/"),
            Some(("meerwijk", 2026, 7))
        );
        assert_eq!(question_of("/wijken/meerwijk/2026/"), None);
        assert_eq!(question_of("/wijken/meerwijk/2026/afdrukken/"), None);
    }
}
