//! Every public URL is made here and nowhere else. Published URLs are
//! permanent: change nothing here without a redirect.

use crate::config::Language;
use crate::model::{Delivery, Figure};

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
/// A contract laid out for the printed neighbourhood paper.
pub fn print(lang: Language, slug: &str, year: i32) -> String {
    format!("{}/wijken/{slug}/{year}/afdrukken/", prefix(lang))
}
/// A neighbourhood's press card, to embed in an `<iframe>`.
pub fn card(lang: Language, slug: &str) -> String {
    format!("{}/wijken/{slug}/kaart/", prefix(lang))
}
/// Whether an output folder (`wijken/meerwijk/kaart/`, `en/wijken/…`) is a press card.
pub fn is_card(dir: &str) -> bool {
    let dir = dir.strip_prefix("en/").unwrap_or(dir);
    let parts: Vec<&str> = dir.trim_end_matches('/').split('/').collect();
    matches!(parts.as_slice(), ["wijken", _, "kaart"])
}
/// The map of the neighbourhoods, when the site has one.
pub fn map(lang: Language) -> String {
    format!("{}/kaart/", prefix(lang))
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

pub fn districts(lang: Language) -> String {
    format!("{}/stadsdelen/", prefix(lang))
}
pub fn partners(lang: Language) -> String {
    format!("{}/partners/", prefix(lang))
}
pub fn topics(lang: Language) -> String {
    format!("{}/themas/", prefix(lang))
}
/// How every figure is counted, and the figures year by year.
pub fn figures(lang: Language) -> String {
    format!("{}/cijfers/", prefix(lang))
}
/// Every agreement overdue now: the city's list of [`Delivery::Overdue`].
pub fn late(lang: Language) -> String {
    format!("{}/te-laat/", prefix(lang))
}

/// A figure's name in its list's address and in the anchors of a contract page.
pub fn figure_slug(f: Figure) -> &'static str {
    use crate::model::{Ground, OutcomeKind as O};
    match f {
        Figure::Questions => "vragen",
        Figure::Outcome(O::Resolved) => "direct-opgelost",
        Figure::Outcome(O::Honoured) => "binnen-de-looptijd",
        Figure::Outcome(O::Scheduled) => "al-gepland",
        Figure::Outcome(O::Prioritised) => "in-prioritering",
        Figure::Outcome(O::Declined) => "afgewezen",
        Figure::Declined(Ground::Legal) => "afgewezen-wettelijk",
        Figure::Declined(Ground::Policy) => "afgewezen-beleid",
        Figure::Declined(Ground::Financial) => "afgewezen-financieel",
        Figure::Delivery(d) => match d {
            Delivery::Done => "nagekomen",
            Delivery::DoneLate => "later-uitgevoerd",
            Delivery::Overdue => "te-laat",
            Delivery::Moved => "verschoven",
            Delivery::OnTrack => "op-schema",
            Delivery::Dropped => "vervallen",
            Delivery::Awaiting => "besluit-volgt",
            Delivery::Included => "opgenomen",
            Delivery::NotIncluded => "niet-opgenomen",
        },
        Figure::Disputed => "betwist",
    }
}

/// The figure whose list lives at `slug`.
pub fn figure_from_slug(slug: &str) -> Option<Figure> {
    Figure::ALL.into_iter().find(|&f| figure_slug(f) == slug)
}

/// The city's list of a figure: `/cijfers/nagekomen/`; the late list is `/te-laat/`.
pub fn city_figure(lang: Language, f: Figure) -> String {
    if f == Figure::Delivery(Delivery::Overdue) {
        late(lang)
    } else {
        format!("{}{}/", figures(lang), figure_slug(f))
    }
}

/// A district's, partner's or topic's list of a figure, under the scope's
/// own address: `/partners/gemeente/cijfers/te-laat/`.
pub fn scope_figure(scope: &str, f: Figure) -> String {
    format!("{scope}cijfers/{}/", figure_slug(f))
}

/// One contract year's part of a figure list: `/cijfers/vragen/2025/`.
pub fn figure_year(list: &str, year: i32) -> String {
    format!("{list}{year}/")
}

/// Where a contract page lists a figure's questions: the outcome groups,
/// the standings section, or every question. Grounds have no list there.
pub fn contract_anchor(f: Figure) -> Option<String> {
    match f {
        Figure::Questions => Some("vragen".into()),
        Figure::Outcome(_) => Some(format!("uitkomst-{}", figure_slug(f))),
        Figure::Declined(_) => None,
        Figure::Delivery(_) | Figure::Disputed => Some(format!("stand-{}", figure_slug(f))),
    }
}

/// A figure list is this many questions to a page: its rows are short.
pub const FIGURES_PER_PAGE: usize = 200;

/// How many pages a figure list of `items` takes (at least one).
pub fn figure_page_count(items: usize) -> usize {
    items.div_ceil(FIGURES_PER_PAGE).max(1)
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
pub fn icon() -> &'static str {
    "/static/favicon.svg"
}
/// At the site root too, where phones look for it without a link.
pub fn touch_icon() -> &'static str {
    "/apple-touch-icon.png"
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

    #[test]
    fn every_figure_has_its_own_slug_and_list() {
        let slugs: std::collections::BTreeSet<&str> =
            Figure::ALL.iter().map(|&f| figure_slug(f)).collect();
        assert_eq!(slugs.len(), Figure::ALL.len());
        for f in Figure::ALL {
            assert_eq!(figure_from_slug(figure_slug(f)), Some(f));
        }
        assert_eq!(
            city_figure(Language::Nl, Figure::Delivery(Delivery::Overdue)),
            "/te-laat/"
        );
        assert_eq!(
            city_figure(Language::En, Figure::KEPT),
            "/en/cijfers/nagekomen/"
        );
        assert_eq!(
            scope_figure(&partner(Language::Nl, "gemeente"), Figure::Disputed),
            "/partners/gemeente/cijfers/betwist/"
        );
        assert_eq!(contract_anchor(Figure::KEPT).unwrap(), "stand-nagekomen");
    }
}
