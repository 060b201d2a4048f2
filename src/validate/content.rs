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
use crate::msg;
use crate::source::Span;

fn body(sources: &Sources, doc: &MarkdownDoc) -> Markdown {
    Markdown(sources.body(doc).to_string())
}

pub fn home(sources: &Sources, d: &mut Diagnostics) -> Option<HomeIntro> {
    let doc = sources.index.as_ref()?;
    let mut title = None;
    if let Some(front) = &doc.front
        && let Some(mut f) = Fields::of(front, "item-home-front-matter", d)
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
                    msg!("intro-front-matter"),
                )
                .with_help(msg!("intro-front-matter-help")),
            );
        }
        match t.neighbourhoods.get(doc.stem.as_str()) {
            Some(id) => out.push((*id, body(sources, doc))),
            None if !t.districts_read => {}
            None => {
                let help =
                    match super::suggest::did_you_mean(&doc.stem, t.neighbourhoods.keys().copied())
                    {
                        Some(s) => msg!("unknown-intro-suggest", suggestion = s),
                        None => msg!("unknown-intro-help"),
                    };
                d.push(
                    Diagnostic::error(
                        Code::UnknownNeighbourhood,
                        Span::file_start(doc.file),
                        msg!("unknown-intro", stem = &doc.stem),
                    )
                    .with_help(help),
                );
            }
        }
    }
    out
}

pub fn updates(sources: &Sources, t: &Tables, d: &mut Diagnostics) -> Vec<Update> {
    let mut english = super::translations::read(
        sources,
        &sources.update_translations,
        &sources.updates,
        "updates",
        d,
    );
    let mut out = Vec::new();
    for doc in &sources.updates {
        if let Some(mut u) = update(sources, doc, t, d) {
            u.en = english.remove(&doc.stem);
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
                    msg!("duplicate-update", slug = &u.slug),
                )
                .with_related(first, msg!("duplicate-update-other"))
                .with_help(msg!("duplicate-update-help")),
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
                Diagnostic::error(
                    Code::InvalidFileName,
                    file_start,
                    msg!("invalid-update-name", stem = &doc.stem),
                )
                .with_help(msg!("invalid-update-name-help")),
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
                    msg!("update-no-front-matter"),
                )
                .with_help(msg!("update-no-front-matter-help")),
            );
        }
        return None;
    };
    let mut f = Fields::of(front, "item-update", d)?;
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
    if !draft {
        super::placeholder::check(&sources.map.get(doc.file).text, doc.file, d);
    }
    for (key, help) in [
        ("title", msg!("missing-update-title-help")),
        ("date", msg!("missing-update-date-help")),
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
            Diagnostic::warning(
                Code::DateMismatch,
                date.span,
                msg!(
                    "date-mismatch",
                    file = fd.to_string(),
                    date = date.value.to_string()
                ),
            )
            .with_help(msg!("date-mismatch-help")),
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
        en: None,
    })
}

/// `2011-10-21-lantaarnpalen` → (2011-10-21, `lantaarnpalen`).
fn split_dated_name(stem: &str) -> Option<(chrono::NaiveDate, String)> {
    let (date, slug) = (stem.get(..10)?, stem.get(11..)?);
    (stem.as_bytes().get(10) == Some(&b'-') && is_valid_slug(slug)).then_some(())?;
    Some((parse_day(date).ok()?, slug.to_string()))
}

pub fn pages(sources: &Sources, d: &mut Diagnostics) -> Vec<Page> {
    let mut english = super::translations::read(
        sources,
        &sources.page_translations,
        &sources.pages,
        "pages",
        d,
    );
    let mut out = Vec::new();
    for doc in &sources.pages {
        let file_start = Span::file_start(doc.file);
        if !is_valid_slug(&doc.stem) {
            d.push(
                Diagnostic::error(
                    Code::InvalidSlug,
                    file_start,
                    msg!("invalid-page-name", stem = &doc.stem),
                )
                .with_help(msg!(
                    "invalid-page-name-help",
                    suggestion = suggest_slug(&doc.stem)
                )),
            );
            continue;
        }
        if crate::model::RESERVED_PAGE_SLUGS.contains(&doc.stem.as_str()) {
            d.push(
                Diagnostic::error(
                    Code::InvalidFileName,
                    file_start,
                    msg!("reserved-page-name", stem = &doc.stem),
                )
                .with_help(msg!("reserved-page-name-help", stem = &doc.stem)),
            );
            continue;
        }
        let Some(front) = &doc.front else {
            if !doc.front_failed {
                d.push(
                    Diagnostic::error(Code::MissingField, file_start, msg!("page-no-front-matter"))
                        .with_help(msg!("page-no-front-matter-help")),
                );
            }
            continue;
        };
        let Some(mut f) = Fields::of(front, "item-page", d) else {
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
                msg!("missing-page-title-help"),
                d,
            );
        }
        if !draft {
            super::placeholder::check(&sources.map.get(doc.file).text, doc.file, d);
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
            en: english.remove(&doc.stem),
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
        let Some(mut f) = Fields::of(node, "item-redirect", d) else {
            continue;
        };
        let from = f.get("from").and_then(|n| read::text(n, "from", d));
        let to = f.get("to").and_then(|n| read::text(n, "to", d));
        for key in ["from", "to"] {
            if f.is_missing(key) {
                f.missing(Code::MissingField, key, msg!("missing-redirect-help"), d);
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
                        msg!(
                            "invalid-value-path",
                            value = crate::diagnostic::shorten(&p.value)
                        ),
                    )
                    .with_help(msg!("invalid-value-path-help")),
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
