//! Reads a built site (path → bytes) the way a journalist checks it: every
//! figure that is a link (`<a class="fig" href="…">12 …</a>`) must lead to a
//! list with exactly that many questions, and the same link must show the
//! same number on every page.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;
use std::sync::LazyLock;

static FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<a class="fig" href="([^"]+)">(?:<strong>)?(\d+)"#).unwrap());
static QUESTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"href="((?:/en)?/wijken/[^/"]+/\d{4}/\d+/)""#).unwrap());
static NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<a href="([^"]+)" rel="next">"#).unwrap());
static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"class="figure-count[^"]*">[^<]*<strong>(\d+)</strong>"#).unwrap()
});

pub type Files = BTreeMap<String, Vec<u8>>;

/// One figure as a page shows it.
#[derive(Debug)]
pub struct Shown {
    pub page: String,
    pub count: usize,
}

fn text<'f>(files: &'f Files, path: &str) -> Option<&'f str> {
    files
        .get(path)
        .map(|b| std::str::from_utf8(b).expect("utf-8 page"))
}

/// The file a site URL is written to.
pub fn file_of(url: &str) -> String {
    afspraak::render::urls::output_path(url)
}

/// Every figure link of every HTML page: href → where it appears, with its number.
pub fn figure_links(files: &Files) -> BTreeMap<String, Vec<Shown>> {
    let mut out: BTreeMap<String, Vec<Shown>> = BTreeMap::new();
    for (path, bytes) in files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = std::str::from_utf8(bytes).unwrap();
        for c in FIGURE.captures_iter(html) {
            out.entry(c[1].to_string()).or_default().push(Shown {
                page: path.clone(),
                count: c[2].parse().unwrap(),
            });
        }
    }
    out
}

/// The distinct question pages linked from `html`.
pub fn question_links(html: &str) -> BTreeSet<String> {
    QUESTION
        .captures_iter(html)
        .map(|c| c[1].to_string())
        .collect()
}

fn main_part(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a </main> end tag");
    &html[start..end]
}

/// The element with this id, from its start tag to its matching end tag.
pub fn element_by_id<'h>(html: &'h str, id: &str) -> Option<&'h str> {
    let at = html.find(&format!(" id=\"{id}\""))?;
    let start = html[..at].rfind('<')?;
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0;
    let mut i = start;
    loop {
        let next_open = html[i + 1..].find(&open).map(|k| k + i + 1);
        let next_close = html[i..].find(&close).map(|k| k + i)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ => {
                if depth == 0 {
                    return Some(&html[start..next_close + close.len()]);
                }
                depth -= 1;
                i = next_close + 1;
            }
        }
    }
}

/// The questions of the list at `url`: an anchor on a page, or a list page
/// with the pages that follow it. `None` when the list is not there.
pub fn list_at(files: &Files, url: &str) -> Option<BTreeSet<String>> {
    if let Some((page, id)) = url.split_once('#') {
        let html = text(files, &file_of(page))?;
        return Some(question_links(element_by_id(html, id)?));
    }
    let mut all = BTreeSet::new();
    let mut at = url.to_string();
    let mut pages = 0;
    loop {
        let html = text(files, &file_of(&at))?;
        let main = main_part(html);
        let on_page = question_links(main);
        assert!(
            on_page.is_disjoint(&all),
            "{at} repeats a question of an earlier page"
        );
        all.extend(on_page);
        pages += 1;
        assert!(pages < 10_000, "the pages of {url} go round in circles");
        match NEXT.captures(main) {
            Some(c) => at = c[1].to_string(),
            None => break,
        }
    }
    Some(all)
}

/// The count a list page states at its top: `Aantal: <strong>12</strong>`.
pub fn stated_count(files: &Files, url: &str) -> Option<usize> {
    let html = text(files, &file_of(url))?;
    STATED.captures(html).map(|c| c[1].parse().unwrap())
}

/// Checks every figure link of the site; returns how many distinct links
/// it checked, or what is wrong.
pub fn check_site(files: &Files) -> Result<usize, String> {
    let links = figure_links(files);
    for (href, shown) in &links {
        let counts: BTreeSet<usize> = shown.iter().map(|s| s.count).collect();
        if counts.len() != 1 {
            return Err(format!("{href} is shown as {shown:?}"));
        }
        let count = shown[0].count;
        let Some(list) = list_at(files, href) else {
            return Err(format!(
                "{href} (shown as {count} on {}) leads nowhere",
                shown[0].page
            ));
        };
        if list.len() != count {
            return Err(format!(
                "{href} is shown as {count} on {}, but lists {} questions: {list:?}",
                shown[0].page,
                list.len()
            ));
        }
        if !href.contains('#') && stated_count(files, href) != Some(count) {
            return Err(format!("{href} does not state its count {count}"));
        }
    }
    Ok(links.len())
}
