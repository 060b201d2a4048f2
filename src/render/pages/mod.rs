//! One function per page kind: each prepares the view for a template.
//! Here the context every page is built in, with the layout and links they
//! share; the pages themselves are in the submodules, by family.

use serde::Serialize;
use tera::Context;

use super::i18n::Translations;
use super::views::*;
use super::{PageJob, Published, Theme, urls};
use crate::config::Language;
use crate::model::*;

mod answer;
mod content;
mod contracts;
mod english;
mod figures;
mod items;
mod listings;
mod map;
mod overviews;
mod places;
mod share;

pub use share::SITE_IMAGE;
mod print;

pub(super) use figures::Memberships;
use figures::{Scope, figure_list};

use content::{news_item, page};
use contracts::{contract, question};
use listings::{data, home, neighbourhoods, news, not_found, search};
use places::{district, neighbourhood, partner, topic};

pub struct PageContext<'a, 's> {
    pub published: &'a Published<'s>,
    pub t: &'a Translations,
    pub lang: Language,
    pub theme: &'a Theme,
}

impl<'a, 's> PageContext<'a, 's> {
    fn site(&self) -> &'s Site {
        self.published.site
    }

    /// Interface text with the council's own name: `{council}` → "wijkplatform",
    /// `{the_council}` → "het wijkplatform", `{The_council}` → "Het wijkplatform".
    fn tr(&self, key: &str) -> String {
        self.fill(self.t.get(key))
    }

    fn fill(&self, text: &str) -> String {
        // Most texts have no placeholder; this runs for every label of every page.
        if !text.contains("{council}") && !text.contains("_council}") {
            return text.to_string();
        }
        let council = &self.site().config.council;
        let the = council.with_article();
        text.replace("{council}", &council.singular)
            .replace("{the_council}", &the)
            .replace("{The_council}", &capitalise(&the))
    }

    fn layout(
        &self,
        url: &str,
        title: String,
        section: &str,
        breadcrumbs: Vec<Link>,
    ) -> Layout<'a> {
        let site = self.site();
        let lang = self.lang;
        let nav = [
            ("home", "nav_home", urls::home(lang)),
            ("wijken", "nav_neighbourhoods", urls::neighbourhoods(lang)),
            ("cijfers", "nav_figures", urls::figures(lang)),
            ("nieuws", "nav_news", urls::news(lang)),
            ("zoeken", "nav_search", urls::search(lang)),
        ]
        .into_iter()
        // The map only when the site has one: no link leads nowhere.
        .chain(
            site.map
                .is_some()
                .then(|| ("kaart", "nav_map", urls::map(lang))),
        )
        .map(|(key, label, url)| NavItem {
            label: self.tr(label),
            url,
            current: key == section,
        })
        .collect();
        let languages = site
            .config
            .languages
            .iter()
            .map(|&other| LanguageLink {
                code: other.code(),
                label: self
                    .theme
                    .translations
                    .get(&other)
                    .map_or(other.code(), |t| t.get("lang_name"))
                    .to_string(),
                url: urls::switch_language(url, lang, other),
                absolute: self.absolute(&urls::switch_language(url, lang, other)),
                current: other == lang,
            })
            .collect();
        let mut footer: Vec<TextLink> = self
            .published
            .site
            .public_pages()
            .map(|p| {
                let (label, lang_mark) = self.translated_title(&p.title, p.en.as_ref());
                TextLink {
                    label: label.to_string(),
                    url: urls::page(lang, &p.slug),
                    lang: lang_mark,
                }
            })
            .collect();
        footer.extend(self.overview_links().into_iter().map(|l| TextLink {
            label: l.label,
            url: l.url,
            lang: None,
        }));
        let mut crumbs = vec![Link {
            label: self.tr("nav_home"),
            url: urls::home(lang),
        }];
        crumbs.extend(breadcrumbs);
        let full_title = if section == "home" {
            site.config.title.clone()
        } else {
            format!("{title} · {}", site.config.title)
        };
        // Pages with text of their own replace this with it.
        let description = match (section, lang) {
            ("home", Language::Nl) => site.config.description.clone(),
            ("home", _) => self.tr("meta_about"),
            _ => share::describe(&format!("{title}. {}", self.tr("meta_about"))),
        };
        Layout {
            lang: lang.code(),
            site_title: &site.config.title,
            site_description: &site.config.description,
            title: full_title,
            url: url.to_string(),
            canonical: format!("{}{url}", site.config.base_url),
            home_url: urls::home(lang),
            data_url: urls::data(lang),
            figures_url: urls::figures(lang),
            nav,
            breadcrumbs: if section == "home" {
                Vec::new()
            } else {
                crumbs
            },
            languages,
            footer,
            stylesheet: self
                .theme
                .asset_urls
                .get("style.css")
                .cloned()
                .unwrap_or_else(|| urls::stylesheet().to_string()),
            feeds: match section {
                "home" | "nieuws" => vec![self.site_feed()],
                _ => Vec::new(),
            },
            description,
            image: self.image_url(SITE_IMAGE),
            image_alt: site.config.title.clone(),
            og_locale: match lang {
                Language::Nl => "nl_NL",
                Language::En => "en_GB",
            },
            x_default: self.absolute(&urls::switch_language(url, lang, site.config.language)),
            icon: urls::icon(),
            touch_icon: urls::touch_icon(),
        }
    }

    /// A description from content written in Dutch: on other languages'
    /// pages it says so, and so differs from the Dutch page's.
    fn dutch_description(&self, text: &str) -> String {
        match self.lang {
            Language::Nl => share::describe(text),
            _ => share::describe(&format!("{} {text}", self.tr("label_in_dutch"))),
        }
    }

    /// `url` (from the site root) with the site's address before it.
    fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.site().config.base_url.trim_end_matches('/'))
    }

    /// The whole site's feed.
    fn site_feed(&self) -> FeedLink {
        FeedLink {
            label: crate::feeds::site_feed_title(self.site()),
            url: crate::feeds::SITE_FEED.into(),
            subscribe: self.tr("label_subscribe"),
        }
    }

    /// A neighbourhood's feed: its news, contracts and the progress of its agreements.
    fn neighbourhood_feed(&self, id: NeighbourhoodId) -> FeedLink {
        let n = self.site().neighbourhood(id);
        FeedLink {
            label: crate::feeds::neighbourhood_feed_title(self.site(), n),
            url: crate::feeds::neighbourhood_feed(&n.slug),
            subscribe: self
                .tr("label_subscribe_neighbourhood")
                .replace("{name}", &n.name),
        }
    }

    fn job<P: Serialize>(
        &self,
        url: String,
        template: &'static str,
        layout: Layout,
        page: &P,
    ) -> PageJob {
        let mut context = Context::new();
        context.insert("layout", &layout);
        context.insert("page", page);
        context.insert("notice", &self.site().config.notice);
        PageJob {
            lang: self.lang,
            url,
            template,
            context,
        }
    }

    fn neighbourhood_link(&self, id: NeighbourhoodId) -> Link {
        let n = self.site().neighbourhood(id);
        Link {
            label: n.name.clone(),
            url: urls::neighbourhood(self.lang, &n.slug),
        }
    }

    fn contract_link(&self, c: &Contract) -> Link {
        let n = self.site().neighbourhood(c.neighbourhood);
        Link {
            label: self
                .tr("label_contract")
                .replace("{year}", &c.year.to_string()),
            url: urls::contract(self.lang, &n.slug, c.year),
        }
    }

    fn period(&self, c: &Contract) -> String {
        format!("{} – {}", self.t.day(c.period.0), self.t.day(c.period.1))
    }

    fn outcome_badge(&self, k: OutcomeKind) -> Badge {
        Badge {
            key: k.key(),
            label: self.tr(&format!("outcome_{}", k.key())),
        }
    }

    /// The outcome's badge for a question; in grey, not the outcome's colour,
    /// where the state says the answer did not hold (late, dropped, not
    /// included), so that no green "Binnen de looptijd" stands beside "Te laat".
    fn answer_badge(&self, q: &Question, delivery: Option<Delivery>) -> Badge {
        let mut badge = self.outcome_badge(q.outcome.kind());
        if matches!(
            delivery,
            Some(Delivery::Overdue | Delivery::Dropped | Delivery::NotIncluded)
        ) {
            badge.key = "muted";
        }
        badge
    }

    fn delivery_badge(&self, d: Delivery) -> Badge {
        Badge {
            key: d.key(),
            label: self.tr(&format!("delivery_{}", d.key().replace('-', "_"))),
        }
    }

    /// A figure's label: "Nagekomen", "Te laat", "Afgewezen: wettelijk".
    fn figure_label(&self, f: Figure) -> String {
        self.tr(&format!("figure_{}", f.key().replace('-', "_")))
    }

    /// The current deadline in words, when it differs from the promise as signed.
    fn moved_deadline(&self, q: &Question) -> Option<String> {
        (!q.rescheduled.is_empty())
            .then(|| q.deadline())
            .flatten()
            .map(|w| self.t.when(&w))
    }
}

/// Every page of one language.
/// One page to render, named cheaply: its context is built only when the page
/// is rendered, so a large site never holds every context at once.
#[derive(Clone, Copy)]
pub enum Spec<'s> {
    Home,
    Neighbourhoods,
    News,
    NotFound,
    Data,
    Search,
    Neighbourhood(NeighbourhoodId),
    Contract(&'s Contract),
    /// The contract for the printed neighbourhood paper.
    Print(&'s Contract),
    /// `/kaart/`, when the site has a map.
    Map,
    /// A neighbourhood's press card.
    Card(NeighbourhoodId),
    Question(&'s Contract, &'s Question),
    District(&'s District),
    /// A partner's page, and which page of its list (from 1).
    Partner(PartnerId, usize),
    Topic(TopicId, usize),
    NewsItem(&'s Update),
    Page(&'s Page),
    /// `/cijfers/`: how each figure is counted, and the figures per year.
    Figures,
    Districts,
    Partners,
    Topics,
    /// Page `n` of the list of what a figure counts in a scope, over all
    /// contract years or one.
    FigureList(Scope, Figure, Option<i32>, usize),
}

/// Every page of one language.
pub fn specs<'s>(published: &super::Published<'s>) -> Vec<Spec<'s>> {
    let site = published.site;
    let mut specs = vec![
        Spec::Home,
        Spec::Neighbourhoods,
        Spec::News,
        Spec::NotFound,
        Spec::Data,
        Spec::Search,
    ];
    specs.extend(
        (0..site.neighbourhoods.len()).map(|i| Spec::Neighbourhood(NeighbourhoodId(i as u32))),
    );
    specs.extend((0..site.neighbourhoods.len()).map(|i| Spec::Card(NeighbourhoodId(i as u32))));
    if site.map.is_some() {
        specs.push(Spec::Map);
    }
    for c in &published.contracts {
        specs.push(Spec::Contract(c));
        specs.push(Spec::Print(c));
        specs.extend(c.questions.iter().map(|q| Spec::Question(c, q)));
    }
    specs.extend(site.districts.iter().map(Spec::District));
    for (i, items) in published.by_partner.iter().enumerate() {
        let pages = urls::page_count(items.len());
        specs.extend((1..=pages).map(|n| Spec::Partner(PartnerId(i as u32), n)));
    }
    for (i, items) in published.by_topic.iter().enumerate() {
        let pages = urls::page_count(items.len());
        specs.extend((1..=pages).map(|n| Spec::Topic(TopicId(i as u32), n)));
    }
    specs.extend(published.updates.iter().map(|u| Spec::NewsItem(u)));
    specs.extend(site.public_pages().map(Spec::Page));
    specs.extend([Spec::Figures, Spec::Districts, Spec::Partners, Spec::Topics]);
    // Every figure's list in every scope, even when empty: their addresses stay.
    let m = published.memberships();
    for scope in m.scopes() {
        for f in Figure::ALL {
            let pages = urls::figure_page_count(m.lists(scope).count(f));
            specs.extend((1..=pages).map(|n| Spec::FigureList(scope, f, None, n)));
        }
    }
    // The lists the year tables on /cijfers/ link to.
    for (scope, f, year, count) in m.year_lists() {
        let pages = urls::figure_page_count(count);
        specs.extend((1..=pages).map(|n| Spec::FigureList(scope, f, Some(year), n)));
    }
    specs
}

/// The template and context of one page.
pub fn job(cx: &PageContext, spec: Spec) -> PageJob {
    match spec {
        Spec::Home => home(cx),
        Spec::Neighbourhoods => neighbourhoods(cx),
        Spec::News => news(cx),
        Spec::NotFound => not_found(cx),
        Spec::Data => data(cx),
        Spec::Search => search(cx),
        Spec::Neighbourhood(id) => neighbourhood(cx, id),
        Spec::Contract(c) => contract(cx, c),
        Spec::Print(c) => print::print(cx, c),
        Spec::Map => map::map_page(cx).expect("a map page only with a map"),
        Spec::Card(id) => map::card(cx, id),
        Spec::Question(c, q) => question(cx, c, q),
        Spec::District(d) => district(cx, d),
        Spec::Partner(id, n) => partner(cx, id, n),
        Spec::Topic(id, n) => topic(cx, id, n),
        Spec::NewsItem(u) => news_item(cx, u),
        Spec::Page(p) => page(cx, p),
        Spec::Figures => overviews::figures(cx),
        Spec::Districts => overviews::districts(cx),
        Spec::Partners => overviews::partners(cx),
        Spec::Topics => overviews::topics(cx),
        Spec::FigureList(scope, f, year, n) => figure_list(cx, scope, f, year, n),
    }
}

/// The page number in what follows a list's address: nothing (page 1) or
/// `pagina/N`, for a page the list of `items` has.
fn page_number(rest: &[&str], items: usize) -> Option<usize> {
    page_number_of(rest, urls::page_count(items))
}

/// The page number in `rest`, if the list has that page of its `pages`.
fn page_number_of(rest: &[&str], pages: usize) -> Option<usize> {
    let n = match rest {
        [] => 1,
        ["pagina", n] => n.parse().ok().filter(|&n| n > 1)?,
        _ => return None,
    };
    (n <= pages).then_some(n)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The one page at `path` (relative, without the language prefix, such as
/// `wijken/meerwijk/2011/7/`), for `serve`, which renders pages on request.
pub fn job_for(cx: &PageContext, path: &str) -> Option<PageJob> {
    if path == "404.html" {
        return Some(not_found(cx));
    }
    if !path.is_empty() && !path.ends_with('/') {
        return None;
    }
    let site = cx.site();
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let find_neighbourhood = |slug: &str| {
        site.neighbourhoods
            .iter()
            .position(|n| n.slug == slug)
            .map(|i| NeighbourhoodId(i as u32))
    };
    let contract = |slug: &str, year: &str| {
        let id = find_neighbourhood(slug)?;
        cx.published
            .contracts
            .iter()
            .find(|c| c.neighbourhood == id && c.year.to_string() == year)
            .copied()
    };
    match parts.as_slice() {
        [] => Some(home(cx)),
        ["wijken"] => Some(neighbourhoods(cx)),
        ["wijken", slug] => find_neighbourhood(slug).map(|id| neighbourhood(cx, id)),
        ["wijken", slug, "kaart"] => find_neighbourhood(slug).map(|id| map::card(cx, id)),
        ["kaart"] => map::map_page(cx),
        ["wijken", slug, year] => contract(slug, year).map(|c| self::contract(cx, c)),
        ["wijken", slug, year, "afdrukken"] => contract(slug, year).map(|c| print::print(cx, c)),
        ["wijken", slug, year, id] => {
            let c = contract(slug, year)?;
            let q = c.questions.iter().find(|q| q.id.to_string() == *id)?;
            Some(question(cx, c, q))
        }
        ["stadsdelen", slug] => site
            .districts
            .iter()
            .find(|d| d.slug == *slug)
            .map(|d| district(cx, d)),
        ["cijfers"] => Some(overviews::figures(cx)),
        ["stadsdelen"] => Some(overviews::districts(cx)),
        ["partners"] => Some(overviews::partners(cx)),
        ["themas"] => Some(overviews::topics(cx)),
        ["te-laat", rest @ ..] => {
            figures::route_list(cx, Scope::City, Figure::Delivery(Delivery::Overdue), rest)
        }
        ["cijfers", figure, rest @ ..] => figures::route(cx, Scope::City, figure, rest),
        [section, slug, "cijfers", figure, rest @ ..] => {
            let scope = figures::scope_at(site, section, slug)?;
            figures::route(cx, scope, figure, rest)
        }
        ["partners", slug, rest @ ..] => {
            let i = site.partners.iter().position(|p| p.slug == *slug)?;
            let n = page_number(rest, cx.published.by_partner[i].len())?;
            Some(partner(cx, PartnerId(i as u32), n))
        }
        ["themas", slug, rest @ ..] => {
            let i = site.topics.iter().position(|t| t.slug == *slug)?;
            let n = page_number(rest, cx.published.by_topic[i].len())?;
            Some(topic(cx, TopicId(i as u32), n))
        }
        ["nieuws"] => Some(news(cx)),
        ["nieuws", slug] => cx
            .published
            .updates
            .iter()
            .find(|u| u.slug == *slug)
            .map(|u| news_item(cx, u)),
        ["data"] => Some(data(cx)),
        ["zoeken"] => Some(search(cx)),
        [slug] => site
            .public_pages()
            .find(|p| p.slug == *slug)
            .map(|p| page(cx, p)),
        _ => None,
    }
}
