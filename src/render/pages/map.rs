//! `/kaart/`, the map of the neighbourhoods (only with `content/map.geojson`),
//! and `/wijken/<slug>/kaart/`, a neighbourhood's press card for an `<iframe>`.

use serde::Serialize;

use super::PageContext;
use crate::model::*;
use crate::render::views::*;
use crate::render::{PageJob, map, urls};

/// A neighbourhood's kept share over its public contracts.
fn share(cx: &PageContext, id: NeighbourhoodId) -> (usize, usize, Option<u32>) {
    let site = cx.site();
    let questions = cx
        .published
        .contracts
        .iter()
        .filter(|c| c.neighbourhood == id)
        .flat_map(|c| c.questions.iter());
    map::kept_share(&Figures::of(questions, site.today()))
}

#[derive(Serialize)]
struct Area {
    url: String,
    name: String,
    path: String,
    bin: &'static str,
    /// "Meerwijk: 80% nagekomen, 8 van 10 afspraken": the number on the shape first.
    label: String,
    /// The number on the shape: "80%", or "geen"; part of the link's name.
    short: String,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct Row {
    link: Link,
    district: String,
    kept: usize,
    all: usize,
    share: String,
    on_map: bool,
}

#[derive(Serialize)]
struct Legend {
    bin: &'static str,
    label: String,
}

pub(super) fn map_page(cx: &PageContext) -> Option<PageJob> {
    #[derive(Serialize)]
    struct View {
        title: String,
        height: f64,
        areas: Vec<Area>,
        legend: Vec<Legend>,
        rows: Vec<Row>,
        note: Option<String>,
    }
    let site = cx.site();
    let site_map = site.map.as_ref()?;
    let (drawn, height) = map::project(site_map);
    let describe = |name: &str, kept: usize, all: usize, share: Option<u32>| match share {
        Some(p) => cx
            .tr("map_area_label")
            .replace("{name}", name)
            .replace("{kept}", &kept.to_string())
            .replace("{all}", &all.to_string())
            .replace("{share}", &p.to_string()),
        None => cx.tr("map_area_none").replace("{name}", name),
    };
    let areas = drawn
        .into_iter()
        .map(|d| {
            let n = site.neighbourhood(d.neighbourhood);
            let (kept, all, share) = share(cx, d.neighbourhood);
            Area {
                url: urls::neighbourhood(cx.lang, &n.slug),
                label: describe(&n.name, kept, all, share),
                name: n.name.clone(),
                path: d.path,
                bin: map::bin(share),
                short: share.map_or_else(|| cx.tr("map_short_none"), |p| format!("{p}%")),
                x: (d.label_at.0 * 10.0).round() / 10.0,
                y: (d.label_at.1 * 10.0).round() / 10.0,
            }
        })
        .collect();
    let legend = ["b4", "b3", "b2", "b1", "b0", "none"]
        .into_iter()
        .map(|bin| Legend {
            bin,
            label: cx.tr(&format!("map_legend_{bin}")),
        })
        .collect();
    let rows = site
        .neighbourhoods
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let id = NeighbourhoodId(i as u32);
            let (kept, all, share) = share(cx, id);
            Row {
                link: cx.neighbourhood_link(id),
                district: site.district(n.district).name.clone(),
                kept,
                all,
                share: share.map_or("–".into(), |p| format!("{p}%")),
                on_map: site_map.has(id),
            }
        })
        .collect();
    let page = View {
        title: cx.tr("map_title"),
        height,
        areas,
        legend,
        rows,
        note: site_map.note.clone(),
    };
    let url = urls::map(cx.lang);
    let layout = cx.layout(&url, page.title.clone(), "kaart", Vec::new());
    Some(cx.job(url, "map.html", layout, &page))
}

pub(super) fn card(cx: &PageContext, id: NeighbourhoodId) -> PageJob {
    #[derive(Serialize)]
    struct View {
        title: String,
        name: String,
        neighbourhood_url: String,
        contract: Option<Link>,
        totals: Option<Totals>,
    }
    let site = cx.site();
    let n = site.neighbourhood(id);
    // The latest public contract: the contracts are sorted by year.
    let latest = cx
        .published
        .contracts
        .iter()
        .rev()
        .find(|c| c.neighbourhood == id);
    let totals = latest.map(|c| {
        let lists = super::figures::Lists::of(&c.questions, site.today());
        cx.contract_totals(c, &lists)
    });
    let contract = latest.map(|c| cx.contract_link(c));
    let page = View {
        title: match &contract {
            Some(c) => format!("{} · {}", n.name, c.label),
            None => n.name.clone(),
        },
        name: n.name.clone(),
        neighbourhood_url: urls::neighbourhood(cx.lang, &n.slug),
        contract,
        totals,
    };
    let url = urls::card(cx.lang, &n.slug);
    let layout = cx.layout(&url, page.title.clone(), "wijken", Vec::new());
    cx.job(url, "card.html", layout, &page)
}
