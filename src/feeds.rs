//! Atom feeds, the sitemap and robots.txt — built from the model, not from
//! rendered HTML. Entry ids are permanent URLs (and, for the promise record,
//! a fragment naming the event), so they are stable across builds; times
//! carry Europe/Amsterdam offsets. A feed holds its newest [`FEED_LIMIT`]
//! entries: news, contracts, and each step of the promise record.

mod record;

use chrono::{NaiveDateTime, SecondsFormat, TimeZone};
use serde::Serialize;
use tera::Context;

use crate::config::Language;
use crate::model::{Contract, Neighbourhood, Site, Update};
use crate::render::i18n::Translations;
use crate::render::markdown::{self, Trust};
use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::output::Sink;
use crate::render::{Published, Theme, urls};

/// The site's feed.
pub const SITE_FEED: &str = "/atom.xml";

/// How many entries a feed holds, newest first. Feed readers poll: older
/// entries are on the pages, and a long feed costs every reader every poll.
pub const FEED_LIMIT: usize = 50;

pub fn neighbourhood_feed(slug: &str) -> String {
    format!("/wijken/{slug}/atom.xml")
}

pub fn site_feed_title(site: &Site) -> String {
    site.config.title.clone()
}

pub fn neighbourhood_feed_title(site: &Site, n: &Neighbourhood) -> String {
    format!("{} · {}", n.name, site.config.title)
}

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

/// What an entry is made from, named cheaply: only the entries a feed keeps
/// are made.
#[derive(Clone, Copy)]
enum Item<'s> {
    Update(&'s Update),
    Contract(&'s Contract),
    Record(record::Event<'s>),
}

/// An item with the moment it sorts by.
type Dated<'s> = (NaiveDateTime, Item<'s>);

impl Item<'_> {
    fn is_update(&self) -> bool {
        matches!(self, Item::Update(_))
    }
}

pub(crate) fn update_time(u: &Update) -> NaiveDateTime {
    u.publish_from
        .unwrap_or_else(|| u.date.and_hms_opt(0, 0, 0).expect("midnight"))
}

pub(crate) fn contract_time(c: &Contract) -> NaiveDateTime {
    c.publish_from
        .or_else(|| c.signed.and_then(|d| d.and_hms_opt(0, 0, 0)))
        .unwrap_or_else(|| c.period.0.and_hms_opt(0, 0, 0).expect("midnight"))
}

fn absolute(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

fn update_entry(p: &Published, u: &Update) -> Entry {
    let base = &p.site.config.base_url;
    let url = absolute(base, &urls::news_item(Language::Nl, &u.slug));
    let sort = update_time(u);
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
    let sort = contract_time(c);
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

fn entry(p: &Published, t: &Translations, (sort, item): Dated) -> Entry {
    match item {
        Item::Update(u) => update_entry(p, u),
        Item::Contract(c) => contract_entry(p, c),
        Item::Record(e) => record::entry(p, t, sort, e),
    }
}

/// A neighbourhood's items: its contracts, every step of their promise
/// record, and the news about it.
fn items<'s>(contracts: &[&'s Contract], updates: &[&'s Update]) -> Vec<Dated<'s>> {
    let mut items: Vec<Dated> = updates
        .iter()
        .map(|u| (update_time(u), Item::Update(u)))
        .collect();
    for c in contracts {
        items.push((contract_time(c), Item::Contract(c)));
        items.extend(record::events(c).map(|(t, e)| (t, Item::Record(e))));
    }
    items
}

/// The newest `limit` items, and any as new as the last of them: which of
/// those the feed keeps is decided by their ids, once they are made.
fn newest(mut items: Vec<Dated>, limit: usize) -> Vec<Dated> {
    if items.len() > limit {
        items.select_nth_unstable_by(limit - 1, |a, b| b.0.cmp(&a.0));
        let cutoff = items[limit - 1].0;
        items.retain(|(t, _)| *t >= cutoff);
    }
    items
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

/// Where a feed goes and what it is called.
struct FeedSpec<'a> {
    path: &'a str,
    page_url: &'a str,
    title: String,
    /// The `<updated>` of a feed without entries, found once for all feeds.
    empty_updated: &'a std::sync::OnceLock<String>,
}

fn feed(
    p: &Published,
    theme: &Theme,
    t: &Translations,
    spec: FeedSpec,
    items: Vec<Dated>,
) -> anyhow::Result<(String, Vec<u8>)> {
    let config = &p.site.config;
    let FeedSpec {
        path,
        page_url,
        title,
        empty_updated,
    } = spec;
    let mut entries: Vec<Entry> = newest(items, FEED_LIMIT)
        .into_iter()
        .map(|item| entry(p, t, item))
        .collect();
    entries.sort_by(|a, b| b.sort.cmp(&a.sort).then_with(|| a.id.cmp(&b.id)));
    entries.truncate(FEED_LIMIT);
    for e in &mut entries {
        // A feed reader resolves a root-relative link against the host's
        // root, not the site's path: links in entries are absolute.
        let html = std::mem::take(&mut e.content_html);
        e.content_html = crate::render::base_path::rebase(html, &p.site.config.base_url);
        for text in [&mut e.title, &mut e.content_html] {
            *text = xml_chars(text);
        }
        e.summary = e.summary.as_deref().map(xml_chars);
    }
    // The feed changes when its newest entry does; never with the build
    // clock. A feed without entries takes the site's latest content.
    let updated = entries
        .first()
        .map(|e| e.updated.clone())
        .unwrap_or_else(|| {
            empty_updated
                .get_or_init(|| amsterdam_rfc3339(crate::export::latest_content(p)))
                .clone()
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
    let xml = theme.tera.render("atom.xml", &context).map_err(|e| {
        anyhow::anyhow!(
            "{}\n{e}",
            crate::tr!(
                "render-failed",
                url = path.to_string(),
                template = "atom.xml"
            )
        )
    })?;
    Ok((path.trim_start_matches('/').to_string(), xml.into_bytes()))
}

/// One feed per neighbourhood, then `/atom.xml`. The feeds are in Dutch, as
/// the pages at the root are.
pub fn render(p: &Published, theme: &Theme, out: &dyn Sink) -> anyhow::Result<()> {
    let site = p.site;
    let t = theme
        .translations
        .get(&Language::Nl)
        .ok_or_else(|| anyhow::anyhow!("{}", crate::tr!("theme-no-language", lang = "nl")))?;
    // Each neighbourhood's contracts and news, gathered in one pass.
    let mut contracts = vec![Vec::new(); site.neighbourhoods.len()];
    for c in &p.contracts {
        contracts[c.neighbourhood.index()].push(*c);
    }
    let mut updates = vec![Vec::new(); site.neighbourhoods.len()];
    for u in &p.updates {
        let mut ids = u.neighbourhoods.clone();
        ids.sort();
        ids.dedup();
        for id in ids {
            updates[id.index()].push(*u);
        }
    }
    let empty_updated = std::sync::OnceLock::new();
    // What each neighbourhood's feed could hold: the site's newest entries
    // are among these (and the news), so the site feed is chosen from them.
    let candidates: Vec<Vec<Dated>> = site
        .neighbourhoods
        .par_iter()
        .enumerate()
        .map(|(i, n)| {
            let kept = newest(items(&contracts[i], &updates[i]), FEED_LIMIT);
            let path = neighbourhood_feed(&n.slug);
            let spec = FeedSpec {
                path: &path,
                page_url: &urls::neighbourhood(Language::Nl, &n.slug),
                title: neighbourhood_feed_title(site, n),
                empty_updated: &empty_updated,
            };
            let (path, bytes) = feed(p, theme, t, spec, kept.clone())?;
            out.put(path, bytes)?;
            Ok(kept.into_iter().filter(|(_, i)| !i.is_update()).collect())
        })
        .collect::<anyhow::Result<_>>()?;
    let all: Vec<Dated> = p
        .updates
        .iter()
        .map(|u| (update_time(u), Item::Update(u)))
        .chain(candidates.into_iter().flatten())
        .collect();
    let spec = FeedSpec {
        path: SITE_FEED,
        page_url: &urls::home(Language::Nl),
        title: site_feed_title(site),
        empty_updated: &empty_updated,
    };
    let (path, bytes) = feed(p, theme, t, spec, all)?;
    out.put(path, bytes)
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
        // A press card is for an <iframe> and says `noindex`.
        if crate::render::urls::is_card(dir) {
            continue;
        }
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
