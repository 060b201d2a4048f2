//! Published URLs are permanent. Every build records the URLs it published
//! in a manifest inside the output folder; the next build compares against it
//! and refuses to drop a URL unless content/redirects.yaml says where it went.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::config::Language;
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::output::Sink;
use crate::render::{Published, urls};
use crate::source::{SourceMap, Span};

/// The manifest's name in the output folder.
pub const MANIFEST: &str = ".afspraak-urls.txt";
const HEADER: &str = "# The public URLs of this site, one per line (URL, tab, question title). Written by afspraak build.\n";

/// The URLs a build publishes: pages, feeds and open data (not theme assets,
/// index shards, or the later pages of a long list, which shift as it grows).
pub fn published_urls(paths: &BTreeSet<String>) -> BTreeSet<String> {
    paths
        .iter()
        .filter(|p| {
            !p.starts_with("static/")
                && !p.starts_with("zoeken/index/")
                && !p.contains("/pagina/")
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

/// Each question page's URL with the question's title.
fn question_titles<'s>(p: &Published<'s>) -> BTreeMap<String, &'s str> {
    p.questions
        .iter()
        .map(|(r, (_, q))| {
            (
                urls::question(Language::Nl, &r.neighbourhood, r.year, r.id),
                q.title.as_str(),
            )
        })
        .collect()
}

/// The manifest text: every URL, with the title of question pages.
pub fn manifest(p: &Published, paths: &BTreeSet<String>) -> String {
    let titles = question_titles(p);
    let mut text = String::from(HEADER);
    for url in published_urls(paths) {
        text.push_str(&url);
        if let Some(t) = titles.get(&url) {
            text.push('\t');
            text.push_str(&manifest_title(t));
        }
        text.push('\n');
    }
    text
}

/// Compares the previous manifest in `out_dir` with this build. Dropped URLs
/// are errors (warnings when `allow_dropped`); a question whose title changed
/// completely under the same id is a warning: ids are never reused.
pub fn compare(
    out_dir: &Path,
    paths: &BTreeSet<String>,
    p: &Published,
    allow_dropped: bool,
    sources: &mut SourceMap,
    d: &mut Diagnostics,
) {
    let Ok(previous) = std::fs::read_to_string(out_dir.join(MANIFEST)) else {
        return;
    };
    let rel = format!(
        "{}/{MANIFEST}",
        out_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let file = sources.add(rel, previous);
    let text = &sources.get(file).text;
    let now = published_urls(paths);
    let redirected: BTreeSet<&str> = p.site.redirects.iter().map(|r| r.from.as_str()).collect();
    let titles = question_titles(p);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (url, old_title) = line
            .split_once('\t')
            .map_or((line, None), |(u, t)| (u, Some(t)));
        let span = Span::new(file, start..start + url.len());
        if !now.contains(url) && !redirected.contains(url) {
            let mut diag = Diagnostic::error(Code::DroppedUrl, span, format!("this build would drop {url}, which the previous build published"))
                .with_help(format!(
                    "{} Add `- {{ from: {url}, to: <the new address> }}` to content/redirects.yaml, or build with --allow-dropped-urls if it must go",
                    likely_cause(url, p)
                ));
            if allow_dropped {
                diag.severity = Severity::Warning;
            }
            d.push(diag);
        } else if let (Some(old), Some(new)) =
            (old_title, titles.get(url).map(|t| manifest_title(t)))
            && strsim::normalized_levenshtein(&old.to_lowercase(), &new.to_lowercase()) < 0.4
        {
            d.push(
                Diagnostic::warning(Code::IdReused, span, format!("the question at {url} was \"{old}\" and is now \"{new}\""))
                    .with_help("question ids are permanent: if this is another question, give it a new id and restore the old one"),
            );
        }
    }
}

/// A title as the manifest stores it: one line, and no markup even though
/// the manifest is never served as HTML.
fn manifest_title(t: &str) -> String {
    t.replace(['\t', '\n', '\r'], " ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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

/// A page at each redirect's old address that forwards the reader.
pub fn redirect_pages(
    p: &Published,
    theme: &crate::render::Theme,
    out: &dyn Sink,
) -> anyhow::Result<()> {
    for r in &p.site.redirects {
        let mut context = tera::Context::new();
        context.insert("from", &r.from);
        context.insert("to", &r.to);
        context.insert("canonical", &format!("{}{}", p.site.config.base_url, r.to));
        context.insert("site_title", &p.site.config.title);
        let html = theme
            .tera
            .render("redirect.html", &context)
            .map_err(|e| anyhow::anyhow!("rendering the redirect from {}:\n{e}", r.from))?;
        out.put(urls::output_path(&r.from), html.into_bytes())?;
    }
    Ok(())
}
