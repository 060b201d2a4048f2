//! Published URLs are permanent. Every build compares its URLs with the
//! record of what was published (`published.txt`, see [`crate::record`]) and
//! refuses to drop one unless content/redirects.yaml says where it went; then
//! it makes the record anew from what it published.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::config::Language;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::i18n::Msg;
use crate::msg;
use crate::output::Sink;
use crate::record::{self, Record};
use crate::render::{Published, urls};
use crate::source::SourceMap;

/// The URLs a build publishes: pages, feeds and open data (not theme assets,
/// index shards, share images and icons, which follow their pages, or the
/// later pages of a long list, which shift as it grows).
pub fn published_urls(paths: &BTreeSet<String>) -> BTreeSet<String> {
    paths
        .iter()
        .filter(|p| {
            !p.starts_with("static/")
                && !p.starts_with("zoeken/index/")
                && !p.contains("/pagina/")
                && !p.ends_with(".png")
                // Short links are kept by their codes on their URL's line.
                && !p.starts_with("k/")
                && *p != "robots.txt"
                && *p != "404.html"
                && !p.ends_with("/404.html")
        })
        .map(|p| match p.strip_suffix("index.html") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{p}"),
        })
        .collect()
}

/// The language whose question pages carry the promise in the record: Dutch,
/// unless the site has no Dutch pages.
fn record_language(p: &Published) -> Language {
    p.permalink_language()
}

/// The public questions by neighbourhood, year and id.
pub type Questions<'s> = HashMap<(&'s str, i32, u32), &'s crate::model::Question>;

pub fn questions<'s>(p: &'s Published<'s>) -> Questions<'s> {
    p.questions
        .iter()
        .map(|(r, (_, q))| ((r.neighbourhood.as_str(), r.year, r.id), *q))
        .collect()
}

/// The question whose page, in the record's language, is at `url`.
fn question_at<'s>(
    url: &str,
    lang: Language,
    questions: &Questions<'s>,
) -> Option<&'s crate::model::Question> {
    if url.starts_with("/en/") != (lang == Language::En) {
        return None;
    }
    questions.get(&record::question_of(url)?).copied()
}

/// The record of this build: every URL it published (`urls`), and the
/// promise of each public question.
pub fn record_text(p: &Published, urls: &BTreeSet<String>, questions: &Questions) -> String {
    let lang = record_language(p);
    let short = p.short_links();
    // A short link whose URL left the site stays reserved: never given to another URL.
    let retired: Vec<(String, &str)> = short
        .retired()
        .map(|(c, was)| (crate::shortlinks::url(c), was))
        .collect();
    let mut entries: Vec<record::Entry> = urls
        .iter()
        .map(|url| record::Entry {
            url,
            code: short.code(url),
            was: None,
            question: question_at(url, lang, questions).map(|q| {
                let chain = q
                    .promised()
                    .into_iter()
                    .chain(q.rescheduled.iter().map(|m| m.to))
                    .collect();
                let promise = record::Promise {
                    outcome: q.outcome.kind(),
                    chain,
                };
                (promise, q.title.as_str())
            }),
        })
        .collect();
    entries.extend(retired.iter().map(|(url, was)| record::Entry {
        url,
        question: None,
        code: None,
        was: Some(was),
    }));
    record::serialise(entries)
}

/// A site whose last build kept its URLs in the output folder, before the
/// record existed, adopts that list once; the build then writes the record.
pub fn adopt_legacy(
    out_dir: &Path,
    sources: &mut SourceMap,
    d: &mut Diagnostics,
) -> Option<Record> {
    let text = std::fs::read_to_string(out_dir.join(record::LEGACY)).ok()?;
    let folder = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = sources.add(format!("{folder}/{}", record::LEGACY), text);
    Some(record::parse(file, sources.get(file), true, d))
}

/// Compares the record with this build. Dropped URLs are errors (warnings
/// when `allow_dropped`); a question whose title changed completely under the
/// same id is a warning: ids are never reused.
pub fn compare(
    record: &Record,
    sources: &SourceMap,
    now: &BTreeSet<String>,
    questions: &Questions,
    p: &Published,
    allow_dropped: bool,
    d: &mut Diagnostics,
) {
    let text = &sources.get(record.file).text;
    let redirected: BTreeSet<&str> = p.site.redirects.iter().map(|r| r.from.as_str()).collect();
    let lang = record_language(p);
    for line in &record.lines {
        let url = line.url(text);
        if url.starts_with(crate::shortlinks::PREFIX) {
            // A short link: its code is kept with its URL's line, or reserved on its own.
            continue;
        }
        let span = line.url_span(record.file);
        if !now.contains(url) && !redirected.contains(url) {
            let mut diag =
                Diagnostic::error(Code::DroppedUrl, span, msg!("dropped-url", url = url))
                    .with_help(msg!(
                        "dropped-url-help",
                        cause = likely_cause(url, p),
                        url = url
                    ));
            if allow_dropped {
                diag.severity = Severity::Warning;
            }
            d.push(diag);
        } else if let Some(q) = question_at(url, lang, questions)
            && let Some(old) = line.title(text, record.legacy)
            && strsim::normalized_levenshtein(&old.to_lowercase(), &q.title.to_lowercase()) < 0.4
        {
            d.push(
                Diagnostic::warning(
                    Code::IdReused,
                    span,
                    msg!(
                        "id-reused",
                        url = url,
                        old = crate::diagnostic::shorten(&old),
                        new = crate::diagnostic::shorten(&q.title)
                    ),
                )
                .with_help(msg!("id-reused-help")),
            );
        }
    }
}

fn likely_cause(url: &str, p: &Published) -> Msg {
    let site = p.site;
    let parts: Vec<&str> = url.trim_matches('/').split('/').collect();
    let parts = if parts.first() == Some(&"en") {
        &parts[1..]
    } else {
        &parts[..]
    };
    match parts {
        ["wijken", slug, rest @ ..] if !site.neighbourhoods.iter().any(|n| n.slug == *slug) => {
            let _ = rest;
            msg!("dropped-neighbourhood", slug = *slug)
        }
        ["wijken", slug, year, id] => {
            let contract = site.contracts.iter().find(|c| {
                site.neighbourhood(c.neighbourhood).slug == *slug && c.year.to_string() == *year
            });
            match contract {
                Some(c) if !c.is_public(site.as_of) => {
                    msg!("dropped-contract-hidden", slug = *slug, year = *year)
                }
                Some(_) => msg!("dropped-question", id = *id, slug = *slug, year = *year),
                None => msg!("dropped-contract-file", slug = *slug, year = *year),
            }
        }
        ["wijken", slug, year] => msg!("dropped-contract", slug = *slug, year = *year),
        ["partners", slug] => msg!("dropped-partner", slug = *slug),
        ["themas", slug] => msg!("dropped-topic", slug = *slug),
        ["stadsdelen", slug] => msg!("dropped-district", slug = *slug),
        ["nieuws", slug] => msg!("dropped-update", slug = *slug),
        [slug] => msg!("dropped-page", slug = *slug),
        _ => msg!("dropped-other"),
    }
}

/// A redirect may not hide a page that still exists, should lead somewhere,
/// must not lead to a page that is not public yet, and must not go round in
/// a circle.
pub fn check_redirects(p: &Published, paths: &BTreeSet<String>, d: &mut Diagnostics) {
    let by_from: HashMap<&str, &crate::model::Redirect> = p
        .site
        .redirects
        .iter()
        .map(|r| (r.from.as_str(), r))
        .collect();
    for r in &p.site.redirects {
        if paths.contains(&urls::output_path(&r.from)) {
            d.push(
                Diagnostic::error(
                    Code::RedirectConflict,
                    r.span,
                    msg!(
                        "redirect-hides-page",
                        from = crate::diagnostic::shorten(&r.from)
                    ),
                )
                .with_help(msg!("redirect-hides-page-help")),
            );
        }
        // Follow the chain to its end: a → b → c.
        let mut chain = vec![r.from.as_str()];
        let mut target = without_fragment(&r.to);
        while let Some(next) = by_from.get(target) {
            if chain.contains(&target) {
                break;
            }
            chain.push(target);
            target = without_fragment(&next.to);
        }
        if chain.contains(&target) {
            let circle: Vec<&str> = chain
                .iter()
                .copied()
                .skip_while(|f| *f != target)
                .chain([target])
                .collect();
            let words: Vec<String> = circle
                .iter()
                .map(|f| crate::diagnostic::shorten(f))
                .collect();
            let message = if circle.contains(&r.from.as_str()) {
                // A circle is reported once, at its redirect that comes first in the file.
                let first = circle
                    .iter()
                    .filter_map(|f| by_from.get(f))
                    .min_by_key(|o| o.span.start);
                if !first.is_some_and(|o| std::ptr::eq(*o, r)) {
                    continue;
                }
                msg!("redirect-circle", chain = words.join(" → "))
            } else {
                msg!(
                    "redirect-into-circle",
                    from = crate::diagnostic::shorten(&r.from),
                    chain = words.join(" → ")
                )
            };
            d.push(
                Diagnostic::error(Code::RedirectConflict, r.span, message)
                    .with_help(msg!("redirect-circle-help")),
            );
        } else if is_hidden(p.site, target) {
            // A redirect page would give the hidden page's address away; the
            // message names no address, for logs that others read.
            d.push(
                Diagnostic::error(Code::RedirectConflict, r.span, msg!("redirect-to-hidden"))
                    .with_help(msg!("redirect-to-hidden-help")),
            );
        } else if !paths.contains(&urls::output_path(target)) {
            d.push(
                Diagnostic::warning(
                    Code::RedirectConflict,
                    r.span,
                    msg!(
                        "redirect-to-nowhere",
                        to = crate::diagnostic::shorten(&r.to)
                    ),
                )
                .with_help(msg!("redirect-to-nowhere-help")),
            );
        }
    }
}

fn without_fragment(to: &str) -> &str {
    to.split(['#', '?']).next().unwrap_or(to)
}

/// Whether `url` is the address of a draft or embargoed contract (or a page
/// under it), update or page.
fn is_hidden(site: &crate::model::Site, url: &str) -> bool {
    let parts: Vec<&str> = url.split('/').filter(|s| !s.is_empty()).collect();
    let parts = match parts.split_first() {
        Some((&"en", rest)) => rest,
        _ => &parts[..],
    };
    match parts {
        ["wijken", slug, year, ..] => site.contracts.iter().any(|c| {
            site.neighbourhood(c.neighbourhood).slug == *slug
                && c.year.to_string() == *year
                && !c.is_public(site.as_of)
        }),
        ["nieuws", slug, ..] => site
            .updates
            .iter()
            .any(|u| u.slug == *slug && !u.is_public(site.as_of)),
        [slug] => site.pages.iter().any(|pg| pg.slug == *slug && pg.draft),
        _ => false,
    }
}

/// A page at each short link that forwards the reader to the permanent
/// address and names it. Not in the sitemap: it is not a page of its own.
pub fn short_link_pages(
    p: &Published,
    theme: &crate::render::Theme,
    out: &dyn Sink,
) -> anyhow::Result<()> {
    let base = &p.site.config.base_path;
    let targets: HashMap<&str, &str> = p
        .site
        .redirects
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect();
    // One page per published question: as many as the pages themselves, so in parallel.
    let links: Vec<_> = p.short_links().iter().collect();
    links.into_par_iter().try_for_each(|(code, url)| {
        // A short link of a moved page leads straight to where it went.
        let to = targets.get(url).copied().unwrap_or(url);
        let mut context = tera::Context::new();
        context.insert("code", code.as_str());
        context.insert("to", to);
        context.insert("canonical", &format!("{}{to}", p.site.config.base_url));
        context.insert("site_title", &p.site.config.title);
        let html = theme.tera.render("shortlink.html", &context).map_err(|e| {
            anyhow::anyhow!(
                "{}\n{e}",
                crate::tr!(
                    "render-failed",
                    url = crate::shortlinks::url(code),
                    template = "shortlink.html"
                )
            )
        })?;
        let html = crate::render::base_path::rebase(html, base);
        out.put(
            urls::output_path(&crate::shortlinks::url(code)),
            html.into_bytes(),
        )
    })
}

/// A page at each redirect's old address that forwards the reader.
pub fn redirect_pages(
    p: &Published,
    theme: &crate::render::Theme,
    out: &dyn Sink,
) -> anyhow::Result<()> {
    for r in &p.site.redirects {
        let mut context = tera::Context::new();
        let base = &p.site.config.base_path;
        // Shown as the reader's address bar shows them; `to` is rebased with the page.
        context.insert("from", &crate::render::base_path::on_host(base, &r.from));
        context.insert("to", &r.to);
        context.insert("canonical", &format!("{}{}", p.site.config.base_url, r.to));
        context.insert("site_title", &p.site.config.title);
        let html = theme.tera.render("redirect.html", &context).map_err(|e| {
            anyhow::anyhow!(
                "{}\n{e}",
                crate::tr!(
                    "render-failed",
                    url = r.from.to_string(),
                    template = "redirect.html"
                )
            )
        })?;
        let html = crate::render::base_path::rebase(html, base);
        out.put(urls::output_path(&r.from), html.into_bytes())?;
    }
    Ok(())
}
