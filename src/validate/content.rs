//! The Markdown content: the home introduction, neighbourhood introductions,
//! updates (the news feed), other pages, and redirects.yaml.

use super::Tables;
use super::contract::question_ref;
use super::read::{self, Fields};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{MarkdownDoc, Sources, YamlDoc};
use crate::model::{
    HomeIntro, Markdown, Page, Redirect, Update, is_valid_slug, suggest_slug, when::parse_day,
};
use crate::source::Span;

fn body(sources: &Sources, doc: &MarkdownDoc) -> Markdown {
    Markdown(sources.body(doc).to_string())
}

pub fn home(sources: &Sources, d: &mut Diagnostics) -> Option<HomeIntro> {
    let doc = sources.index.as_ref()?;
    let mut title = None;
    if let Some(front) = &doc.front
        && let Some(mut f) = Fields::of(front, "the home page's front matter", d)
    {
        title = f
            .get("title")
            .and_then(|n| read::text(n, "title", d))
            .map(|t| t.value);
        f.finish(d);
    }
    Some(HomeIntro {
        title,
        body: body(sources, doc),
    })
}

/// Attaches `neighbourhoods/<slug>.md` to its neighbourhood.
/// Returns each introduction with the neighbourhood it belongs to.
/// Also judges what a neighbourhood says against its contract files.
pub fn neighbourhood_intros(
    sources: &Sources,
    t: &Tables,
    d: &mut Diagnostics,
) -> Vec<(crate::model::NeighbourhoodId, Markdown)> {
    let mut out = Vec::new();
    for doc in &sources.neighbourhood_intros {
        if doc.front.is_some() {
            d.push(
                Diagnostic::warning(
                    Code::UnknownKey,
                    Span::new(doc.file, 0..3),
                    "a neighbourhood introduction has no front matter; it is ignored",
                )
                .with_help(
                    "the name and council are set in districts.yaml; remove the `---` block",
                ),
            );
        }
        match t.neighbourhoods.get(doc.stem.as_str()) {
            Some(id) => out.push((*id, body(sources, doc))),
            None if !t.districts_read => {}
            None => {
                let help =
                    match super::suggest::did_you_mean(&doc.stem, t.neighbourhoods.keys().copied())
                    {
                        Some(s) => format!(
                            "did you mean `{s}.md`? The file name is the neighbourhood's slug"
                        ),
                        None => {
                            "name the file after a neighbourhood slug from districts.yaml".into()
                        }
                    };
                d.push(
                    Diagnostic::error(
                        Code::UnknownNeighbourhood,
                        Span::file_start(doc.file),
                        format!(
                            "neighbourhoods/{}.md names no neighbourhood in districts.yaml",
                            doc.stem
                        ),
                    )
                    .with_help(help),
                );
            }
        }
    }
    out
}

pub fn updates(sources: &Sources, t: &Tables, d: &mut Diagnostics) -> Vec<Update> {
    let mut out = Vec::new();
    for doc in &sources.updates {
        if let Some(u) = update(sources, doc, t, d) {
            out.push(u);
        }
    }
    // Newest first; the slug breaks ties so the order never depends on the file system.
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    let mut seen = std::collections::HashMap::new();
    for u in &out {
        if let Some(first) = seen.insert(u.slug.clone(), u.span) {
            d.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    u.span,
                    format!("two updates share the address /nieuws/{}/", u.slug),
                )
                .with_related(first, "the other update")
                .with_help("give one of the files another name after its date"),
            );
        }
    }
    out
}

fn update(sources: &Sources, doc: &MarkdownDoc, t: &Tables, d: &mut Diagnostics) -> Option<Update> {
    let file_start = Span::file_start(doc.file);
    let (file_date, slug) = match split_dated_name(&doc.stem) {
        Some((date, slug)) => (Some(date), Some(slug)),
        None => {
            d.push(
                Diagnostic::error(Code::InvalidFileName, file_start, format!("`{}.md` is not named <yyyy-mm-dd>-<slug>.md", doc.stem))
                    .with_help("name updates after their date and a short slug, such as `2011-10-21-lantaarnpalen.md`"),
            );
            (None, None)
        }
    };
    let Some(front) = &doc.front else {
        if !doc.front_failed {
            d.push(
                Diagnostic::error(
                    Code::MissingField,
                    file_start,
                    "this update has no front matter",
                )
                .with_help(
                    "start the file with a `---` block holding at least `title:` and `date:`",
                ),
            );
        }
        return None;
    };
    let mut f = Fields::of(front, "an update", d)?;
    let title = f.get("title").and_then(|n| read::text(n, "title", d));
    let date = f.get("date").and_then(|n| read::date(n, "date", d));
    let summary = f.get("summary").and_then(|n| read::text(n, "summary", d));
    let neighbourhoods = f
        .get("neighbourhoods")
        .and_then(|n| read::list(n, "neighbourhoods", d))
        .unwrap_or_default()
        .iter()
        .filter_map(|n| read::slug(n, "neighbourhood", d).and_then(|s| t.neighbourhood(&s, d)))
        .collect();
    let districts = f
        .get("districts")
        .and_then(|n| read::list(n, "districts", d))
        .unwrap_or_default()
        .iter()
        .filter_map(|n| read::slug(n, "district", d).and_then(|s| t.district(&s, d)))
        .collect();
    let questions = f
        .get("questions")
        .and_then(|n| read::list(n, "questions", d))
        .unwrap_or_default()
        .iter()
        .filter_map(|n| question_ref(n, "questions", d))
        .collect();
    let publish_from = f
        .get("publish_from")
        .and_then(|n| read::datetime(n, "publish_from", d));
    let draft = f
        .get("draft")
        .and_then(|n| read::boolean(n, "draft", d))
        .unwrap_or(false);
    for (key, help) in [
        ("title", "add `title:` with the update's headline"),
        ("date", "add `date:` such as `date: 2011-10-21`"),
    ] {
        if f.is_missing(key) {
            f.missing(Code::MissingField, key, help, d);
        }
    }
    let span = f.span;
    f.finish(d);
    if let (Some(fd), Some(date)) = (file_date, &date)
        && fd != date.value
    {
        d.push(
            Diagnostic::warning(Code::DateMismatch, date.span, format!("the file name says {fd}, but `date` is {}", date.value))
                .with_help("rename the file or correct the date, so that the list of files reads in date order"),
        );
    }
    Some(Update {
        slug: slug?,
        date: date?.value,
        title: title?.value,
        summary: summary.map(|s| s.value),
        neighbourhoods,
        districts,
        questions,
        publish_from: publish_from.map(|p| p.value),
        draft,
        body: body(sources, doc),
        span,
    })
}

/// `2011-10-21-lantaarnpalen` → (2011-10-21, `lantaarnpalen`).
fn split_dated_name(stem: &str) -> Option<(chrono::NaiveDate, String)> {
    let (date, slug) = (stem.get(..10)?, stem.get(11..)?);
    (stem.as_bytes().get(10) == Some(&b'-') && is_valid_slug(slug)).then_some(())?;
    Some((parse_day(date).ok()?, slug.to_string()))
}

pub fn pages(sources: &Sources, d: &mut Diagnostics) -> Vec<Page> {
    let mut out = Vec::new();
    for doc in &sources.pages {
        let file_start = Span::file_start(doc.file);
        if !is_valid_slug(&doc.stem) {
            d.push(
                Diagnostic::error(
                    Code::InvalidSlug,
                    file_start,
                    format!("`{}.md` is not a valid page name", doc.stem),
                )
                .with_help(format!(
                    "page file names are slugs (lowercase letters, digits, hyphens): try `{}.md`",
                    suggest_slug(&doc.stem)
                )),
            );
            continue;
        }
        if crate::model::RESERVED_PAGE_SLUGS.contains(&doc.stem.as_str()) {
            d.push(
                Diagnostic::error(
                    Code::InvalidFileName,
                    file_start,
                    format!(
                        "`pages/{}.md` would take the address /{}/, which the site uses for its own pages",
                        doc.stem, doc.stem
                    ),
                )
                .with_help(format!(
                    "give the page another file name, such as `over-{}.md`",
                    doc.stem
                )),
            );
            continue;
        }
        let Some(front) = &doc.front else {
            if !doc.front_failed {
                d.push(
                    Diagnostic::error(
                        Code::MissingField,
                        file_start,
                        "this page has no front matter with a `title`",
                    )
                    .with_help("start the file with:\n---\ntitle: The page's title\n---"),
                );
            }
            continue;
        };
        let Some(mut f) = Fields::of(front, "a page", d) else {
            continue;
        };
        let title = f.get("title").and_then(|n| read::text(n, "title", d));
        let summary = f.get("summary").and_then(|n| read::text(n, "summary", d));
        let draft = f
            .get("draft")
            .and_then(|n| read::boolean(n, "draft", d))
            .unwrap_or(false);
        if f.is_missing("title") {
            f.missing(
                Code::MissingField,
                "title",
                "add `title:` with the page's title",
                d,
            );
        }
        let span = f.span;
        f.finish(d);
        let Some(title) = title else { continue };
        out.push(Page {
            slug: doc.stem.clone(),
            title: title.value,
            summary: summary.map(|s| s.value),
            draft,
            body: body(sources, doc),
            span,
        });
    }
    out
}

pub fn redirects(doc: &Option<YamlDoc>, d: &mut Diagnostics) -> Vec<Redirect> {
    let Some(root) = doc.as_ref().and_then(|y| y.root.as_deref()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for node in read::list(root, "redirects.yaml", d).unwrap_or_default() {
        let Some(mut f) = Fields::of(node, "a redirect", d) else {
            continue;
        };
        let from = f.get("from").and_then(|n| read::text(n, "from", d));
        let to = f.get("to").and_then(|n| read::text(n, "to", d));
        for key in ["from", "to"] {
            if f.is_missing(key) {
                f.missing(
                    Code::MissingField,
                    key,
                    "write `- { from: /wijken/oud/, to: /wijken/nieuw/ }`",
                    d,
                );
            }
        }
        let span = f.span;
        f.finish(d);
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let mut ok = true;
        for p in [&from, &to] {
            if !p.value.starts_with('/')
                || p.value.contains("..")
                || p.value.contains("//")
                || p.value.contains('\\')
            {
                d.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        p.span,
                        format!(
                            "`{}` is not a path on this site",
                            crate::diagnostic::shorten(&p.value)
                        ),
                    )
                    .with_help("write a path that starts with /, such as /wijken/meerwijk/"),
                );
                ok = false;
            }
        }
        if ok {
            out.push(Redirect {
                from: from.value,
                to: to.value,
                span,
            });
        }
    }
    out
}
