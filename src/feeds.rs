//! Atom feeds, the sitemap and robots.txt — built from the model, not from
//! rendered HTML. Entry ids are the entries' permanent URLs, so they are stable
//! across builds; times carry Europe/Amsterdam offsets.

use chrono::{NaiveDateTime, SecondsFormat, TimeZone};
use serde::Serialize;
use tera::Context;

use crate::config::Language;
use crate::model::{Contract, NeighbourhoodId, Update};
use crate::render::markdown::{self, Trust};
use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::output::Sink;
use crate::render::{Published, Theme, urls};

/// RFC 3339 with the Amsterdam offset of that moment (+01:00 or +02:00).
pub fn amsterdam_rfc3339(t: NaiveDateTime) -> String {
    let tz = chrono_tz::Europe::Amsterdam;
    // In the autumn hour that occurs twice, take the first; in the spring gap, the moment after.
    let local = tz
        .from_local_datetime(&t)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(t + chrono::Duration::hours(1)))
                .earliest()
        })
        .expect("a moment an hour after a gap exists");
    local.to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[derive(Serialize)]
struct Entry {
    id: String,
    title: String,
    url: String,
    updated: String,
    /// Sorts entries; not shown.
    #[serde(skip)]
    sort: NaiveDateTime,
    summary: Option<String>,
    content_html: String,
}

#[derive(Serialize)]
struct Feed {
    id: String,
    title: String,
    subtitle: String,
    self_url: String,
    url: String,
    updated: String,
    entries: Vec<Entry>,
}

fn absolute(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

fn update_entry(p: &Published, u: &Update) -> Entry {
    let base = &p.site.config.base_url;
    let url = absolute(base, &urls::news_item(Language::Nl, &u.slug));
    let sort = u
        .publish_from
        .unwrap_or_else(|| u.date.and_hms_opt(0, 0, 0).expect("midnight"));
    Entry {
        id: url.clone(),
        title: u.title.clone(),
        updated: amsterdam_rfc3339(sort),
        sort,
        summary: u.summary.clone(),
        content_html: markdown::render(&u.body.0, Trust::Editor, ""),
        url,
    }
}

fn contract_entry(p: &Published, c: &Contract) -> Entry {
    let site = p.site;
    let n = site.neighbourhood(c.neighbourhood);
    let base = &site.config.base_url;
    let url = absolute(base, &urls::contract(Language::Nl, &n.slug, c.year));
    let sort = c
        .publish_from
        .or_else(|| c.signed.and_then(|d| d.and_hms_opt(0, 0, 0)))
        .unwrap_or_else(|| c.period.0.and_hms_opt(0, 0, 0).expect("midnight"));
    let summary = format!(
        "Het wijkcontract {} van {} met {} vragen en de antwoorden van de partners.",
        c.year,
        n.name,
        c.questions.len()
    );
    Entry {
        id: url.clone(),
        title: format!("Wijkcontract {} {}", n.name, c.year),
        updated: amsterdam_rfc3339(sort),
        sort,
        content_html: format!("<p>{}</p>", escape(&summary)),
        summary: Some(summary),
        url,
    }
}

/// Drops the characters XML 1.0 does not allow (C0 controls other than tab,
/// line feed and carriage return, and U+FFFE/U+FFFF), which strict feed
/// readers reject.
pub fn xml_chars(s: &str) -> String {
    s.chars()
        .filter(|&c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn feed(
    p: &Published,
    theme: &Theme,
    path: &str,
    page_url: &str,
    title: String,
    mut entries: Vec<Entry>,
) -> anyhow::Result<(String, Vec<u8>)> {
    let config = &p.site.config;
    entries.sort_by(|a, b| b.sort.cmp(&a.sort).then_with(|| a.id.cmp(&b.id)));
    for e in &mut entries {
        for text in [&mut e.title, &mut e.content_html] {
            *text = xml_chars(text);
        }
        e.summary = e.summary.as_deref().map(xml_chars);
    }
    // The feed changes when its newest entry does; never with the build clock.
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| {
            amsterdam_rfc3339(p.site.as_of.date().and_hms_opt(0, 0, 0).expect("midnight"))
        });
    let feed = Feed {
        id: absolute(&config.base_url, path),
        title: xml_chars(&title),
        subtitle: xml_chars(&config.description),
        self_url: absolute(&config.base_url, path),
        url: absolute(&config.base_url, page_url),
        updated,
        entries,
    };
    let mut context = Context::new();
    context.insert("feed", &feed);
    let xml = theme
        .tera
        .render("atom.xml", &context)
        .map_err(|e| anyhow::anyhow!("rendering {path}:\n{e}"))?;
    Ok((path.trim_start_matches('/').to_string(), xml.into_bytes()))
}

/// `/atom.xml` and one feed per neighbourhood.
pub fn render(p: &Published, theme: &Theme, out: &dyn Sink) -> anyhow::Result<()> {
    let site = p.site;
    let all: Vec<Entry> = p
        .updates
        .iter()
        .map(|u| update_entry(p, u))
        .chain(p.contracts.iter().map(|c| contract_entry(p, c)))
        .collect();
    let (path, bytes) = feed(p, theme, "/atom.xml", "/", site.config.title.clone(), all)?;
    out.put(path, bytes)?;
    site.neighbourhoods
        .par_iter()
        .enumerate()
        .try_for_each(|(i, n)| {
            let id = NeighbourhoodId(i as u32);
            let entries: Vec<Entry> = p
                .updates
                .iter()
                .filter(|u| u.neighbourhoods.contains(&id))
                .map(|u| update_entry(p, u))
                .chain(
                    p.contracts
                        .iter()
                        .filter(|c| c.neighbourhood == id)
                        .map(|c| contract_entry(p, c)),
                )
                .collect();
            let path = neighbourhood_feed(&n.slug);
            let (path, bytes) = feed(
                p,
                theme,
                &path,
                &urls::neighbourhood(Language::Nl, &n.slug),
                format!("{} · {}", n.name, site.config.title),
                entries,
            )?;
            out.put(path, bytes)
        })
}

pub fn neighbourhood_feed(slug: &str) -> String {
    format!("/wijken/{slug}/atom.xml")
}

/// `sitemap.xml` lists every public HTML page; `robots.txt` points to it.
pub fn sitemap(p: &Published, paths: &BTreeSet<String>, out: &dyn Sink) -> anyhow::Result<()> {
    let base = &p.site.config.base_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        let Some(dir) = path.strip_suffix("index.html") else {
            continue;
        };
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&format!("{base}/{dir}"))
        ));
    }
    xml.push_str("</urlset>\n");
    out.put("sitemap.xml".into(), xml.into_bytes())?;
    out.put(
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n").into_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amsterdam_offsets_follow_summer_time() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(
            amsterdam_rfc3339(t("2026-03-02T10:00")),
            "2026-03-02T10:00:00+01:00"
        );
        assert_eq!(
            amsterdam_rfc3339(t("2026-07-01T10:00")),
            "2026-07-01T10:00:00+02:00"
        );
        // 02:30 on the last Sunday of March does not exist in Amsterdam.
        assert_eq!(
            amsterdam_rfc3339(t("2026-03-29T02:30")),
            "2026-03-29T03:30:00+02:00"
        );
    }
}
