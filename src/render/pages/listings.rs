//! The listing pages: home, neighbourhoods, news, open data, search and
//! the 404 page.

use serde::Serialize;

use super::PageContext;
use crate::config::Language;
use crate::model::*;
use crate::render::markdown::{self, Trust};
use crate::render::views::*;
use crate::render::{PageJob, urls};

/// Up to this many neighbourhoods, the home page's picker shows them all at once.
const PICKER_OPEN_UP_TO: usize = 30;

pub(super) fn home(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct Home {
        title: Option<String>,
        intro_html: String,
        totals: Totals,
        districts: Vec<DistrictItem>,
        updates: Vec<UpdateItem>,
        news_url: String,
        as_of: String,
        /// The neighbourhood picker starts open where the list is short.
        picker_open: bool,
        /// The small map, when the site has one.
        map: Option<super::map::SmallMap>,
    }
    let site = cx.site();
    let url = urls::home(cx.lang);
    let page = Home {
        title: site.home.as_ref().and_then(|h| h.title.clone()),
        intro_html: site
            .home
            .as_ref()
            .map(|h| markdown::render(&h.body.0, Trust::Editor, "intro-"))
            .unwrap_or_default(),
        totals: cx.scope_totals(super::Scope::City),
        districts: cx.district_items(),
        updates: cx
            .published
            .updates
            .iter()
            .take(5)
            .map(|u| cx.update_item(u))
            .collect(),
        news_url: urls::news(cx.lang),
        picker_open: site.neighbourhoods.len() <= PICKER_OPEN_UP_TO,
        map: cx.small_map(None),
        as_of: cx
            .tr("label_as_of")
            .replace("{date}", &cx.t.day(site.today())),
    };
    let layout = cx.layout(&url, site.config.title.clone(), "home", vec![]);
    cx.job(url, "home.html", layout, &page)
}

pub(super) fn neighbourhoods(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct List {
        districts: Vec<DistrictItem>,
    }
    let url = urls::neighbourhoods(cx.lang);
    let layout = cx.layout(&url, cx.tr("label_neighbourhoods"), "wijken", vec![]);
    cx.job(
        url,
        "neighbourhoods.html",
        layout,
        &List {
            districts: cx.district_items(),
        },
    )
}

pub(super) fn news(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct View {
        updates: Vec<UpdateItem>,
    }
    let url = urls::news(cx.lang);
    let page = View {
        updates: cx
            .published
            .updates
            .iter()
            .map(|u| cx.update_item(u))
            .collect(),
    };
    let layout = cx.layout(&url, cx.tr("nav_news"), "nieuws", vec![]);
    cx.job(url, "news.html", layout, &page)
}

pub(super) fn not_found(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct View {
        districts: Vec<DistrictItem>,
    }
    let url = urls::not_found(cx.lang);
    let layout = cx.layout(&url, cx.tr("not_found_title"), "404", vec![]);
    cx.job(
        url,
        "404.html",
        layout,
        &View {
            districts: cx.district_items(),
        },
    )
}

pub(super) fn data(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct FieldView {
        name: &'static str,
        kind: &'static str,
        meaning: String,
    }
    #[derive(Serialize)]
    struct View {
        fields: Vec<FieldView>,
        licence: &'static str,
        schema_version: u32,
    }
    let url = urls::data(cx.lang);
    let page = View {
        fields: crate::export::QUESTION_FIELDS
            .iter()
            .map(|f| FieldView {
                name: f.name,
                kind: f.kind,
                meaning: cx.fill(if cx.lang == Language::En { f.en } else { f.nl }),
            })
            .collect(),
        licence: crate::export::LICENCE,
        schema_version: crate::export::SCHEMA_VERSION,
    };
    let layout = cx.layout(&url, cx.tr("data_title"), "data", vec![]);
    cx.job(url, "data.html", layout, &page)
}

pub(super) fn search(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct Option_ {
        slug: String,
        name: String,
    }
    #[derive(Serialize)]
    struct View {
        neighbourhoods: Vec<Option_>,
        outcomes: Vec<Badge>,
        states: Vec<Badge>,
        years: Vec<i32>,
        neighbourhoods_url: String,
        topics_url: String,
        partners_url: String,
        districts: Vec<Link>,
        topics: Vec<Link>,
        partners: Vec<Link>,
    }
    let site = cx.site();
    let url = urls::search(cx.lang);
    let with_questions: std::collections::BTreeSet<NeighbourhoodId> = cx
        .published
        .contracts
        .iter()
        .map(|c| c.neighbourhood)
        .collect();
    let page = View {
        neighbourhoods: with_questions
            .iter()
            .map(|&id| {
                let n = site.neighbourhood(id);
                Option_ {
                    slug: n.slug.clone(),
                    name: n.name.clone(),
                }
            })
            .collect(),
        outcomes: OutcomeKind::ALL
            .iter()
            .map(|&k| cx.outcome_badge(k))
            .collect(),
        states: Delivery::ALL
            .iter()
            .map(|&d| cx.delivery_badge(d))
            .collect(),
        years: crate::search::filter_years(cx.published),
        neighbourhoods_url: urls::neighbourhoods(cx.lang),
        topics_url: urls::topics(cx.lang),
        partners_url: urls::partners(cx.lang),
        districts: site
            .districts
            .iter()
            .map(|d| Link {
                label: d.name.clone(),
                url: urls::district(cx.lang, &d.slug),
            })
            .collect(),
        topics: site
            .topics
            .iter()
            .map(|t| Link {
                label: cx.topic_name(t).to_string(),
                url: urls::topic(cx.lang, &t.slug),
            })
            .collect(),
        partners: site
            .partners
            .iter()
            .map(|p| Link {
                label: p.name.clone(),
                url: urls::partner(cx.lang, &p.slug),
            })
            .collect(),
    };
    let layout = cx.layout(&url, cx.tr("search_title"), "zoeken", vec![]);
    cx.job(url, "search.html", layout, &page)
}
