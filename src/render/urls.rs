//! Every public URL is made here and nowhere else. Published URLs are
//! permanent: change nothing here without a redirect.

use crate::config::Language;

/// The path prefix of a language: Dutch at the root, English under /en/.
pub fn prefix(lang: Language) -> &'static str {
    match lang {
        Language::Nl => "",
        Language::En => "/en",
    }
}

pub fn home(lang: Language) -> String {
    format!("{}/", prefix(lang))
}
pub fn neighbourhoods(lang: Language) -> String {
    format!("{}/wijken/", prefix(lang))
}
pub fn neighbourhood(lang: Language, slug: &str) -> String {
    format!("{}/wijken/{slug}/", prefix(lang))
}
pub fn contract(lang: Language, slug: &str, year: i32) -> String {
    format!("{}/wijken/{slug}/{year}/", prefix(lang))
}
pub fn question(lang: Language, slug: &str, year: i32, id: u32) -> String {
    format!("{}/wijken/{slug}/{year}/{id}/", prefix(lang))
}
pub fn district(lang: Language, slug: &str) -> String {
    format!("{}/stadsdelen/{slug}/", prefix(lang))
}
pub fn partner(lang: Language, slug: &str) -> String {
    format!("{}/partners/{slug}/", prefix(lang))
}
pub fn topic(lang: Language, slug: &str) -> String {
    format!("{}/themas/{slug}/", prefix(lang))
}
/// A partner's or topic's agreements are listed this many to a page.
pub const PER_PAGE: usize = 50;

/// How many pages a list of `items` takes (at least one, which may say "none").
pub fn page_count(items: usize) -> usize {
    items.div_ceil(PER_PAGE).max(1)
}

/// Page `number` (from 1) of the list whose first page is at `first`.
/// Later pages are not permanent: they shift as the list grows.
pub fn nth_page(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_string()
    } else {
        format!("{first}pagina/{number}/")
    }
}

pub fn news(lang: Language) -> String {
    format!("{}/nieuws/", prefix(lang))
}
pub fn news_item(lang: Language, slug: &str) -> String {
    format!("{}/nieuws/{slug}/", prefix(lang))
}
pub fn page(lang: Language, slug: &str) -> String {
    format!("{}/{slug}/", prefix(lang))
}
pub fn search(lang: Language) -> String {
    format!("{}/zoeken/", prefix(lang))
}
pub fn data(lang: Language) -> String {
    format!("{}/data/", prefix(lang))
}
pub fn not_found(lang: Language) -> String {
    format!("{}/404.html", prefix(lang))
}
pub fn stylesheet() -> &'static str {
    "/static/style.css"
}

/// The same page in another language.
pub fn switch_language(url: &str, from: Language, to: Language) -> String {
    let rest = url.strip_prefix(prefix(from)).unwrap_or(url);
    format!("{}{rest}", prefix(to))
}

/// The file a URL is written to, relative to the output folder.
pub fn output_path(url: &str) -> String {
    let path = url.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Page slugs that would collide with the site's own sections.
pub const RESERVED: &[&str] = &[
    "wijken",
    "stadsdelen",
    "partners",
    "themas",
    "nieuws",
    "data",
    "zoeken",
    "en",
    "static",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths() {
        assert_eq!(
            question(Language::Nl, "meerwijk", 2011, 7),
            "/wijken/meerwijk/2011/7/"
        );
        assert_eq!(
            question(Language::En, "meerwijk", 2011, 7),
            "/en/wijken/meerwijk/2011/7/"
        );
        assert_eq!(
            output_path("/wijken/meerwijk/"),
            "wijken/meerwijk/index.html"
        );
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/404.html"), "404.html");
        assert_eq!(
            switch_language("/wijken/", Language::Nl, Language::En),
            "/en/wijken/"
        );
        assert_eq!(
            switch_language("/en/wijken/", Language::En, Language::Nl),
            "/wijken/"
        );
    }
}
