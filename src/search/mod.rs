//! The static search index, split by term so that a query downloads only the
//! words it names: built from the model (public questions, news and pages,
//! in both languages), never from the HTML.
//!
//! Files under `zoeken/index/`:
//! - `manifest.json`: the number of documents and the size of a result chunk;
//! - `w/<start>.json`: the words starting with `<start>` (their first two
//!   letters, or more where a shard was split): each index key with its number
//!   of documents and its documents (inline, or in `p/<key>.bin`), and each
//!   word's stem, so that the browser needs no stemmer;
//! - `p/<key>.bin`: the documents of a key, and those with it in the title;
//! - `f/<facet>-<value>.bin`: the documents of a filter value;
//! - `d/<n>.json`: what a result shows, for documents `n*CHUNK..`.
//!
//! An index key is a Dutch (or, for English texts, English) stem, or the end
//! of a compound word ("cafe" in "taalcafe"), so that a query for the stem
//! finds every inflection and a word finds the compounds it ends.

mod index;
mod postings;
mod text;

use serde::Serialize;

use crate::model::{Contract, Keyword, Outcome, Planning, Question, Update};
use crate::output::Sink;
use crate::render::markdown::plain_text;
use crate::render::{Published, urls};

use crate::config::Language;
use crate::model::Page;

/// Documents per result chunk (`d/<n>.json`).
pub const CHUNK: usize = 32;

/// One thing a search can find, in the order of the index: pages, then news
/// (newest first), then questions (newest year first), so that among equal
/// matches the newest come first and a year's documents are one run.
#[derive(Clone, Copy)]
enum Item<'a> {
    Page(&'a Page),
    News(&'a Update),
    Question(&'a Contract, &'a Question),
}

/// What a result shows; short keys keep the chunks small.
#[derive(Serialize, Default)]
struct Shown<'a> {
    /// Address without the language prefix.
    u: String,
    t: &'a str,
    /// English title, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    e: Option<&'a str>,
    /// Kind: `v` question, `n` news, `p` page.
    k: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    o: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<String>,
}

/// A document's texts, by where they count and in which language.
#[derive(Default)]
struct Texts<'a> {
    title: Vec<&'a str>,
    title_en: Vec<&'a str>,
    body: Vec<std::borrow::Cow<'a, str>>,
    body_en: Vec<std::borrow::Cow<'a, str>>,
    /// Filter values: `(facet, value)`.
    filters: Vec<(&'static str, String)>,
}

/// Plain text of Markdown; text without links, HTML or entities is its own
/// plain text for the index (markup characters only separate words), which
/// spares parsing nearly every text.
fn indexable(markdown: &str) -> std::borrow::Cow<'_, str> {
    if markdown
        .bytes()
        .any(|b| matches!(b, b'[' | b'<' | b'&' | b'`'))
    {
        plain_text(markdown).into()
    } else {
        markdown.into()
    }
}

impl<'a> Item<'a> {
    fn shown(self, p: &'a Published) -> Shown<'a> {
        let site = p.site;
        match self {
            Item::Page(page) => Shown {
                u: urls::page(Language::Nl, &page.slug),
                t: &page.title,
                k: "p",
                ..Shown::default()
            },
            Item::News(u) => Shown {
                u: urls::news_item(Language::Nl, &u.slug),
                t: &u.title,
                k: "n",
                d: Some(u.date.to_string()),
                ..Shown::default()
            },
            Item::Question(c, q) => {
                let n = site.neighbourhood(c.neighbourhood);
                Shown {
                    u: urls::question(Language::Nl, &n.slug, c.year, q.id),
                    t: &q.title,
                    e: q.en.as_ref().and_then(|e| e.title.as_deref()),
                    k: "v",
                    n: Some(&n.name),
                    y: Some(c.year),
                    o: Some(q.outcome.kind().key()),
                    s: q.delivery(site.today()).map(|d| d.key()),
                    p: Some(&site.partner(q.partner).name),
                    d: None,
                }
            }
        }
    }

    fn texts(self, p: &'a Published) -> Texts<'a> {
        let site = p.site;
        let mut t = Texts::default();
        match self {
            Item::Page(page) => {
                t.title.push(&page.title);
                t.body.extend(page.summary.as_deref().map(Into::into));
                t.body.push(indexable(&page.body.0));
            }
            Item::News(u) => {
                t.title.push(&u.title);
                t.body.extend(u.summary.as_deref().map(Into::into));
                t.body.push(indexable(&u.body.0));
                for &n in &u.neighbourhoods {
                    t.filters.push(("wijk", site.neighbourhood(n).slug.clone()));
                }
                t.filters
                    .push(("jaar", chrono::Datelike::year(&u.date).to_string()));
            }
            Item::Question(c, q) => {
                let n = site.neighbourhood(c.neighbourhood);
                t.title.push(&q.title);
                t.body.push(indexable(&q.asked.0));
                t.body.extend(q.answer.as_ref().map(|a| indexable(&a.0)));
                t.body.extend(q.location.as_deref().map(Into::into));
                match &q.outcome {
                    Outcome::Declined { reason, .. }
                    | Outcome::Scheduled {
                        planning: Planning::NotAdjusted { reason },
                        ..
                    } => t.body.push(indexable(&reason.0)),
                    Outcome::Scheduled {
                        planning: Planning::Adjusted { note: Some(note) },
                        ..
                    } => t.body.push(indexable(&note.0)),
                    Outcome::Prioritised {
                        decision: Some(d), ..
                    } => t.body.extend(d.note.as_deref().map(Into::into)),
                    _ => {}
                }
                // Where it is and who answers: "meerwijk" or a partner's name finds it too.
                t.body.push(n.name.as_str().into());
                t.body.push(site.partner(q.partner).name.as_str().into());
                t.body.push(site.topic(q.topic).name.as_str().into());
                if let Some(en) = &q.en {
                    t.title_en.extend(en.title.as_deref());
                    for m in [&en.asked, &en.answer, &en.reason].into_iter().flatten() {
                        t.body_en.push(indexable(&m.0));
                    }
                }
                t.filters.push(("wijk", n.slug.clone()));
                t.filters
                    .push(("uitkomst", q.outcome.kind().key().to_string()));
                if let Some(d) = q.delivery(site.today()) {
                    t.filters.push(("stand", d.key().to_string()));
                }
                t.filters.push(("jaar", c.year.to_string()));
            }
        }
        t
    }
}

/// Every public document, in index order.
fn items<'a>(p: &'a Published) -> Vec<Item<'a>> {
    let mut out: Vec<Item> = p.site.public_pages().map(Item::Page).collect();
    out.extend(p.updates.iter().map(|u| Item::News(u)));
    let mut contracts = p.contracts.clone();
    // Stable: within a year, the neighbourhoods keep the order of districts.yaml.
    contracts.sort_by_key(|c| std::cmp::Reverse(c.year));
    for c in contracts {
        out.extend(c.questions.iter().map(|q| Item::Question(c, q)));
    }
    out
}

pub fn render(p: &Published, out: &dyn Sink) -> anyhow::Result<()> {
    index::write(p, &items(p), out)
}

/// The years the search page offers as a filter.
pub fn filter_years(p: &Published) -> Vec<i32> {
    let mut years: Vec<i32> = p.contracts.iter().map(|c| c.year).collect();
    years.extend(p.updates.iter().map(|u| chrono::Datelike::year(&u.date)));
    years.sort_unstable();
    years.dedup();
    years.reverse();
    years
}
