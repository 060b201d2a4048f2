//! Markdown to HTML, in one place. Content text is untrusted: resident text
//! (questions, answers, reasons, notes) shows raw HTML as text; editor text
//! (pages, updates, introductions) keeps an allow-listed subset. Both pass
//! through ammonia as a second layer, and only http(s), mailto and relative
//! link targets survive.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

/// Who wrote the text, which decides what raw HTML may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Residents' words passed on by staff: raw HTML is shown as text.
    Resident,
    /// Staff-written pages and updates: raw HTML is sanitised to an allow-list.
    Editor,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

fn safe_url(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash, '?' or '#' marks a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Renders Markdown to sanitised HTML. `id_prefix` keeps footnote ids unique
/// when several texts share a page.
pub fn render(text: &str, trust: Trust, id_prefix: &str) -> String {
    let mut footnotes: Vec<String> = Vec::new();
    let number_of = |label: &str, footnotes: &mut Vec<String>| -> usize {
        match footnotes.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                footnotes.push(label.to_string());
                footnotes.len()
            }
        }
    };
    let mut events = Vec::new();
    for event in Parser::new_ext(text, options()) {
        let event = match event {
            Event::Html(h) | Event::InlineHtml(h) if trust == Trust::Resident => Event::Text(h),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !safe_url(&dest_url) => Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::Borrowed("#"),
                title,
                id,
            }),
            Event::Start(Tag::Image { dest_url, .. })
                if !safe_url(&dest_url) || trust == Trust::Resident =>
            {
                // An image in resident text, or with a hostile source, becomes its alt text.
                Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url: CowStr::Borrowed("#"),
                    title: CowStr::Borrowed(""),
                    id: CowStr::Borrowed(""),
                })
            }
            Event::FootnoteReference(label) => {
                let n = number_of(&label, &mut footnotes);
                Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-reference\"><a href=\"#{id_prefix}fn-{n}\" id=\"{id_prefix}fnref-{n}\">{n}</a></sup>"
                )))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = number_of(&label, &mut footnotes);
                Event::Html(CowStr::from(format!(
                    "<div class=\"footnote-definition\" id=\"{id_prefix}fn-{n}\"><span class=\"footnote-definition-label\">{n}</span>"
                )))
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html(CowStr::Borrowed("</div>")),
            Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
            other => other,
        };
        events.push(event);
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    SANITISER.clean(&out).to_string()
}

/// Plain text of Markdown, for summaries, feeds and the search index.
pub fn plain_text(text: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "blockquote",
        "br",
        "code",
        "del",
        "div",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
        "img",
    ]
    .into();
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    attributes.insert("a", ["href", "title", "id"].into());
    attributes.insert("img", ["src", "alt", "title"].into());
    attributes.insert("div", ["id"].into());
    attributes.insert("th", ["align"].into());
    attributes.insert("td", ["align"].into());
    attributes.insert("abbr", ["title"].into());
    let mut classes: HashMap<&str, HashSet<&str>> = HashMap::new();
    classes.insert("sup", ["footnote-reference"].into());
    classes.insert("div", ["footnote-definition"].into());
    classes.insert("span", ["footnote-definition-label"].into());
    let mut b = ammonia::Builder::default();
    b.tags(tags)
        .tag_attributes(attributes)
        .allowed_classes(classes)
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer"))
        // Ids from text may only be our footnote ids, so they cannot clobber the page's own.
        .attribute_filter(|_, attr, value| {
            if attr == "id" && !(value.contains("fn-") || value.contains("fnref-")) {
                None
            } else {
                Some(value.into())
            }
        });
    b
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_html_is_shown_as_text() {
        let html = render(
            "Hallo <script>alert(1)</script> en <b>vet</b>",
            Trust::Resident,
            "",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn editor_html_is_sanitised() {
        let html = render(
            "<b>vet</b> <span onmouseover=\"alert(5)\">x</span><iframe src=x></iframe>",
            Trust::Editor,
            "",
        );
        assert!(
            html.contains("<b>vet</b>") || html.contains("vet"),
            "{html}"
        );
        assert!(!html.contains("onmouseover"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
    }

    #[test]
    fn dangerous_urls_are_neutralised() {
        for text in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "![p](javascript:alert(2))",
            "[x](data:text/html,hi)",
        ] {
            for trust in [Trust::Resident, Trust::Editor] {
                let html = render(text, trust, "");
                assert!(
                    !html.to_lowercase().contains("javascript:"),
                    "{text}: {html}"
                );
                assert!(!html.contains("data:"), "{text}: {html}");
            }
        }
        let ok = render(
            "[site](https://example.nl/x) [rel](/wijken/) [m](mailto:a@b.nl)",
            Trust::Editor,
            "",
        );
        assert!(ok.contains("href=\"https://example.nl/x\""), "{ok}");
        assert!(ok.contains("href=\"/wijken/\""), "{ok}");
    }

    #[test]
    fn tables_footnotes_and_smart_quotes() {
        let html = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nZie noot[^n] en \"dit\".\n\n[^n]: De noot.\n",
            Trust::Editor,
            "p-",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("href=\"#p-fn-1\""), "{html}");
        assert!(html.contains("id=\"p-fn-1\""), "{html}");
        assert!(html.contains('“'), "{html}");
    }

    #[test]
    fn plain_text_strips_markup() {
        assert_eq!(
            plain_text("# Kop\n\nEen **vet** woord\nen meer."),
            "Kop Een vet woord en meer."
        );
    }
}
