//! A text as a reader sees it, for the personal-data check: Markdown
//! rendered (entities and escapes resolved, markup and comments gone),
//! invisible formatting characters removed, fullwidth characters, dashes and
//! spaces folded to their plain forms; each byte remembers where in the
//! source it came from, so that a finding still points at its source.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Bytes that make Markdown change what a reader sees.
pub const MARKDOWN: &[u8] = b"&\\<*_[`~";

/// Between blocks: matches no pattern, so nothing runs across it.
const BREAK: char = '\u{1f}';

#[derive(Default)]
pub struct View<'a> {
    pub text: Cow<'a, str>,
    /// For every byte of `text`, the source range of the character it came
    /// from; empty when `text` is the source itself.
    from: Vec<(u32, u32)>,
}

impl View<'_> {
    /// The source range of `range` in the view.
    pub fn source(&self, range: Range<usize>) -> Range<usize> {
        if self.from.is_empty() {
            return range;
        }
        let start = self.from[range.start].0 as usize;
        let end = self.from[range.end.max(range.start + 1) - 1].1 as usize;
        start..end.max(start)
    }

    fn push(&mut self, c: char, from: (usize, usize)) {
        self.text.to_mut().push(c);
        for _ in 0..c.len_utf8() {
            self.from.push((from.0 as u32, from.1 as u32));
        }
    }

    /// `text` that stands in the source at `offset`, as it is.
    fn push_source(&mut self, text: &str, offset: usize) {
        for (i, c) in text.char_indices() {
            if let Some(f) = fold(c) {
                self.push(f, (offset + i, offset + i + c.len_utf8()));
            }
        }
    }

    /// `text`, which the source spells differently at `range` (an entity, an
    /// escape): mapped character by character when the lengths agree, else
    /// every character to the whole range.
    fn push_decoded(&mut self, text: &str, source: &str, range: Range<usize>) {
        match source.get(range.clone()) {
            Some(s) if s == text => self.push_source(text, range.start),
            Some(s) if let Some(i) = s.find(text) => self.push_source(text, range.start + i),
            _ => {
                for c in text.chars().filter_map(fold) {
                    self.push(c, (range.start, range.end));
                }
            }
        }
    }

    fn push_break(&mut self, at: usize) {
        if !self.text.ends_with(BREAK) {
            self.push(BREAK, (at, at));
        }
    }
}

/// What a character reads as: `None` for one that shows nothing.
fn fold(c: char) -> Option<char> {
    match c {
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}' => None,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => Some('-'),
        '\u{FE6B}' => Some('@'),
        '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Some(' '),
        c => Some(c),
    }
}

/// The text as written, folded.
pub fn plain(text: &str) -> View<'_> {
    // Plain ASCII folds to itself: the common case costs nothing.
    if text.is_ascii() {
        return View {
            text: Cow::Borrowed(text),
            from: Vec::new(),
        };
    }
    let mut view = View {
        text: Cow::Owned(String::with_capacity(text.len())),
        from: Vec::with_capacity(text.len()),
    };
    view.push_source(text, 0);
    view
}

/// The text as Markdown renders it, folded; link targets included, since a
/// `mailto:` link publishes its address.
pub fn markdown(text: &str) -> View<'static> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut view = View::default();
    let mut targets = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => view.push_decoded(&t, text, range),
            Event::Html(h) | Event::InlineHtml(h) => {
                let offset = match text.get(range.clone()) {
                    Some(s) if s == &*h => Some(range.start),
                    _ => None,
                };
                push_html_text(&mut view, &h, offset, range);
            }
            Event::SoftBreak => view.push(' ', (range.start, range.end)),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                targets.push((dest_url, range));
            }
            Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::FootnoteDefinition,
            ) => view.push_break(range.end),
            _ => {}
        }
    }
    // After the text, so that a link does not split the words around it.
    for (url, range) in targets {
        view.push_break(range.start);
        view.push_decoded(&url, text, range);
    }
    view
}

/// The text between the tags of raw HTML, without comments; `offset` is
/// where `html` stands in the source, when it stands there as it is.
fn push_html_text(view: &mut View<'_>, html: &str, offset: Option<usize>, range: Range<usize>) {
    let mut rest = html;
    let mut at = 0;
    while !rest.is_empty() {
        let (skip, end) = if rest.starts_with("<!--") {
            (true, rest.find("-->").map_or(rest.len(), |e| e + 3))
        } else if rest.starts_with('<') {
            (true, rest.find('>').map_or(rest.len(), |e| e + 1))
        } else {
            // Not at a `<`, so the next one is past the first character.
            (false, rest.find('<').unwrap_or(rest.len()))
        };
        if !skip {
            match offset {
                Some(o) => view.push_source(&rest[..end], o + at),
                None => {
                    for c in rest[..end].chars().filter_map(fold) {
                        view.push(c, (range.start, range.end));
                    }
                }
            }
        }
        at += end;
        rest = &rest[end..];
    }
}
