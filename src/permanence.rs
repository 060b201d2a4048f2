//! Published URLs are permanent. Every build compares its URLs with the
//! record of what was published (`published.txt`, see [`crate::record`]) and
//! refuses to drop one unless content/redirects.yaml says where it went; then
//! it makes the record anew from what it published.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::config::Language;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::output::Sink;
use crate::record::{self, Record};
use crate::render::{Published, urls};
use crate::source::SourceMap;

/// The URLs a build publishes: pages, feeds and open data (not theme assets,
/// index shards, or the later pages of a long list, which shift as it grows).
pub fn published_urls(paths: &BTreeSet<String>) -> BTreeSet<String> {
    paths
        .iter()
        .filter(|p| {
            !p.starts_with("static/")
                && !p.starts_with("zoeken/index/")
                && !p.contains("/pagina/")
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
            let mut diag = Diagnostic::error(Code::DroppedUrl, span, format!("this build would drop {url}, which the site published before"))
                .with_help(format!(
                    "{} Add `- {{ from: {url}, to: <the new address> }}` to content/redirects.yaml, or build with --allow-dropped-urls if it must go",
                    likely_cause(url, p)
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
                Diagnostic::warning(Code::IdReused, span, format!("the question at {url} was \"{old}\" and is now \"{}\"", q.title))
                    .with_help("question ids are permanent: if this is another question, give it a new id and restore the old one"),
            );
        }
    }
}

fn likely_cause(url: &str, p: &Published) -> String {
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
            format!(
                "The neighbourhood slug `{slug}` no longer exists in districts.yaml: was it renamed?"
            )
        }
        ["wijken", slug, year, id] => {
            let contract = site.contracts.iter().find(|c| {
                site.neighbourhood(c.neighbourhood).slug == *slug && c.year.to_string() == *year
            });
            match contract {
                Some(c) if !c.is_public(site.as_of) => {
                    format!("The contract {slug}/{year} is now a draft or under embargo.")
                }
                Some(_) => format!(
                    "Question {id} was removed from contracts/{slug}/{year}.yaml, or its id changed."
                ),
                None => format!("The contract file contracts/{slug}/{year}.yaml is gone."),
            }
        }
        ["wijken", slug, year] => format!(
            "The contract contracts/{slug}/{year}.yaml was removed, renamed or made a draft."
        ),
        ["partners", slug] => {
            format!("The partner `{slug}` is no longer in partners.yaml: was it renamed?")
        }
        ["themas", slug] => {
            format!("The topic `{slug}` is no longer in topics.yaml: was it renamed?")
        }
        ["stadsdelen", slug] => {
            format!("The district `{slug}` is no longer in districts.yaml: was it renamed?")
        }
        ["nieuws", slug] => {
            format!("The update `{slug}` was removed or renamed in content/updates/.")
        }
        [slug] => format!("The page content/pages/{slug}.md was removed or renamed."),
        _ => "The page that had this address is gone.".into(),
    }
}

/// A redirect may not hide a page that still exists, and should lead somewhere.
pub fn check_redirects(p: &Published, paths: &BTreeSet<String>, d: &mut Diagnostics) {
    for r in &p.site.redirects {
        if paths.contains(&urls::output_path(&r.from)) {
            d.push(
                Diagnostic::error(
                    Code::RedirectConflict,
                    r.span,
                    format!(
                        "{} is still a page of this site; a redirect cannot replace it",
                        r.from
                    ),
                )
                .with_help("remove this redirect, or remove or rename the page it would hide"),
            );
        }
        let target = r.to.split(['#', '?']).next().unwrap_or(&r.to);
        if !paths.contains(&urls::output_path(target))
            && !p.site.redirects.iter().any(|o| o.from == target)
        {
            d.push(
                Diagnostic::warning(
                    Code::RedirectConflict,
                    r.span,
                    format!(
                        "the redirect leads to {}, which this build does not publish",
                        r.to
                    ),
                )
                .with_help("check the new address for a typo"),
            );
        }
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
    for (code, url) in p.short_links().iter() {
        // A short link of a moved page leads straight to where it went.
        let to = targets.get(url).copied().unwrap_or(url);
        let mut context = tera::Context::new();
        context.insert("code", code.as_str());
        context.insert("to", to);
        context.insert("canonical", &format!("{}{to}", p.site.config.base_url));
        context.insert("site_title", &p.site.config.title);
        let html = theme
            .tera
            .render("shortlink.html", &context)
            .map_err(|e| anyhow::anyhow!("rendering the short link {code}:\n{e}"))?;
        let html = crate::render::base_path::rebase(html, base);
        out.put(
            urls::output_path(&crate::shortlinks::url(code)),
            html.into_bytes(),
        )?;
    }
    Ok(())
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
        let html = theme
            .tera
            .render("redirect.html", &context)
            .map_err(|e| anyhow::anyhow!("rendering the redirect from {}:\n{e}", r.from))?;
        let html = crate::render::base_path::rebase(html, base);
        out.put(urls::output_path(&r.from), html.into_bytes())?;
    }
    Ok(())
}
