//! `/kaart/`, the map of the neighbourhoods (only with `content/map.geojson`),
//! and `/wijken/<slug>/kaart/`, a neighbourhood's press card for an `<iframe>`.

use serde::Serialize;

use super::PageContext;
use crate::model::*;
use crate::render::views::*;
use crate::render::{PageJob, Published, map, urls};

impl Published<'_> {
    /// The map at both sizes and every neighbourhood's share: projected and
    /// counted once per build, by the first page that shows the map.
    pub(in crate::render) fn maps(&self) -> Option<&map::Maps> {
        self.maps
            .get_or_init(|| {
                let site_map = self.site.map.as_ref()?;
                let mut questions: Vec<Vec<&Question>> =
                    vec![Vec::new(); self.site.neighbourhoods.len()];
                for c in &self.contracts {
                    questions[c.neighbourhood.index()].extend(c.questions.iter());
                }
                let today = self.site.today();
                Some(map::Maps {
                    full: map::project(site_map, map::FULL),
                    small: map::project(site_map, map::SMALL),
                    shares: questions
                        .into_iter()
                        .map(|q| map::kept_share(&Figures::of(q, today)))
                        .collect(),
                })
            })
            .as_ref()
    }
}

#[derive(Serialize)]
struct Area {
    url: String,
    path: String,
    bin: &'static str,
    /// "Meerwijk: 80% nagekomen, 8 van 10 afspraken": the number on the shape first.
    label: String,
    /// The number on the shape: "80%", or "geen"; part of the link's name.
    short: String,
    /// Where the number goes; as text, so that 78.0 is written 78.
    x: String,
    y: String,
    /// The neighbourhood whose page this is: hatched, outlined, drawn last.
    current: bool,
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

impl PageContext<'_, '_> {
    /// "Meerwijk: 80% nagekomen, 8 van 10 afspraken", or "Meerwijk: geen afspraken".
    fn describe_share(&self, key: &str, none_key: &str, name: &str, s: map::Share) -> String {
        match s.percent {
            Some(p) => self
                .tr(key)
                .replace("{name}", name)
                .replace("{kept}", &s.kept.to_string())
                .replace("{all}", &s.all.to_string())
                .replace("{share}", &p.to_string()),
            None => self.tr(none_key).replace("{name}", name),
        }
    }

    /// Every shape of a drawing as a link; `current`'s last, so that its
    /// outline lies on top.
    fn areas(
        &self,
        maps: &map::Maps,
        drawing: &map::Drawing,
        current: Option<NeighbourhoodId>,
    ) -> Vec<Area> {
        let site = self.site();
        let mut areas: Vec<Area> = drawing
            .shapes
            .iter()
            .map(|d| {
                let n = site.neighbourhood(d.neighbourhood);
                let share = maps.shares[d.neighbourhood.index()];
                Area {
                    url: urls::neighbourhood(self.lang, &n.slug),
                    label: self.describe_share("map_area_label", "map_area_none", &n.name, share),
                    path: d.path.clone(),
                    bin: map::bin(share.percent),
                    short: share
                        .percent
                        .map_or_else(|| self.tr("map_short_none"), |p| format!("{p}%")),
                    x: d.label_at.0.to_string(),
                    y: d.label_at.1.to_string(),
                    current: current == Some(d.neighbourhood),
                }
            })
            .collect();
        areas.sort_by_key(|a| a.current);
        areas
    }

    fn legend(&self) -> Vec<Legend> {
        ["b4", "b3", "b2", "b1", "b0", "none"]
            .into_iter()
            .map(|bin| Legend {
                bin,
                label: self.tr(&format!("map_legend_{bin}")),
            })
            .collect()
    }

    /// The small map for the home page (`current` none) and a neighbourhood's
    /// page (that neighbourhood highlighted): none without a map, nor on the
    /// page of a neighbourhood the map has no shape for, nor when the map has
    /// too many shapes to draw on every page.
    pub(super) fn small_map(&self, current: Option<NeighbourhoodId>) -> Option<SmallMap> {
        let maps = self.published.maps()?;
        let drawing = &maps.small;
        if drawing.shapes.len() > map::SMALL_MAX_SHAPES {
            return None;
        }
        let here = match current {
            Some(id) => {
                drawing.shape(id)?;
                let name = &self.site().neighbourhood(id).name;
                Some((
                    name,
                    self.describe_share(
                        "map_small_current",
                        "map_small_current_none",
                        name,
                        maps.shares[id.index()],
                    ),
                ))
            }
            None => None,
        };
        let map_url = urls::map(self.lang);
        Some(SmallMap {
            width: drawing.width.to_string(),
            height: drawing.height.to_string(),
            areas: self.areas(maps, drawing, current),
            legend: self.legend(),
            current_legend: here
                .as_ref()
                .map(|(name, _)| self.tr("map_legend_current").replace("{name}", name)),
            caption: match here {
                Some((_, caption)) => caption,
                None => self.tr("map_caption"),
            },
            list_url: format!("{map_url}#map-list"),
            map_url,
        })
    }
}

/// The small map, as the home page and a neighbourhood's page show it.
#[derive(Serialize)]
pub(super) struct SmallMap {
    width: String,
    height: String,
    areas: Vec<Area>,
    legend: Vec<Legend>,
    /// On a neighbourhood's page: the legend's line for the highlighted shape.
    current_legend: Option<String>,
    /// What the map shows; on a neighbourhood's page it names the highlighted one.
    caption: String,
    map_url: String,
    /// The list of neighbourhoods with their figures: the map's text alternative.
    list_url: String,
}

pub(super) fn map_page(cx: &PageContext) -> Option<PageJob> {
    #[derive(Serialize)]
    struct View {
        title: String,
        width: String,
        height: String,
        areas: Vec<Area>,
        legend: Vec<Legend>,
        rows: Vec<Row>,
        note: Option<String>,
    }
    let site = cx.site();
    let site_map = site.map.as_ref()?;
    let maps = cx.published.maps()?;
    let rows = site
        .neighbourhoods
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let id = NeighbourhoodId(i as u32);
            let share = maps.shares[i];
            Row {
                link: cx.neighbourhood_link(id),
                district: site.district(n.district).name.clone(),
                kept: share.kept,
                all: share.all,
                share: share.percent.map_or("–".into(), |p| format!("{p}%")),
                on_map: site_map.has(id),
            }
        })
        .collect();
    let page = View {
        title: cx.tr("map_title"),
        width: maps.full.width.to_string(),
        height: maps.full.height.to_string(),
        areas: cx.areas(maps, &maps.full, None),
        legend: cx.legend(),
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
