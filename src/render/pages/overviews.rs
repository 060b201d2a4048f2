//! The overviews: `/cijfers/` (how every figure is counted, and the figures
//! per contract year) and the index pages `/stadsdelen/`, `/partners/` and
//! `/themas/`, which set their items side by side. Every number comes from
//! the scope memberships of [`super::figures`].

use serde::Serialize;

use super::PageContext;
use super::figures::Lists;
use super::figures::{PER_YEAR, Scope, definition_id, definition_key};
use crate::model::*;
use crate::render::views::*;
use crate::render::{PageJob, urls};

/// The figures the index pages compare, in their columns' order.
const COMPARED: [Figure; 8] = [
    Figure::Questions,
    Figure::KEPT,
    Figure::Delivery(Delivery::DoneLate),
    Figure::Delivery(Delivery::Overdue),
    Figure::Delivery(Delivery::Moved),
    Figure::Declined(Ground::Legal),
    Figure::Declined(Ground::Policy),
    Figure::Declined(Ground::Financial),
];

impl PageContext<'_, '_> {
    /// The overviews every page links to in its footer.
    pub(super) fn overview_links(&self) -> Vec<Link> {
        let lang = self.lang;
        vec![
            Link {
                label: self.tr("label_districts"),
                url: urls::districts(lang),
            },
            Link {
                label: self.tr("label_partners"),
                url: urls::partners(lang),
            },
            Link {
                label: self.tr("label_topics"),
                url: urls::topics(lang),
            },
        ]
    }

    fn comparison(&self, id: &'static str, caption: &str, scopes: Vec<Scope>) -> Comparison {
        let row = |scope: Scope| ComparisonRow {
            name: self.scope_link(scope),
            cells: COMPARED
                .iter()
                .map(|&f| self.figure_cell(scope, f))
                .collect(),
        };
        let declined = self.tr("compare_declined");
        let labels = COMPARED
            .iter()
            .map(|&f| match f {
                Figure::Declined(_) => format!(
                    "{declined}: {}",
                    self.tr(&format!("figure_{}_short", f.key().replace('-', "_")))
                ),
                _ => self.figure_label(f),
            })
            .collect();
        Comparison {
            id,
            labels,
            caption: self.tr(caption),
            columns: COMPARED
                .iter()
                .filter(|f| !matches!(f, Figure::Declined(_)))
                .map(|&f| self.figure_label(f))
                .collect(),
            declined,
            // Under that heading, a short name per ground.
            grounds: COMPARED
                .iter()
                .filter(|f| matches!(f, Figure::Declined(_)))
                .map(|&f| self.tr(&format!("figure_{}_short", f.key().replace('-', "_"))))
                .collect(),
            rows: scopes.into_iter().map(row).collect(),
            total: row(Scope::City),
        }
    }
}

/// One index page: its title, a sentence, and the comparison.
fn overview(cx: &PageContext, url: String, title: &str, intro: &str, table: Comparison) -> PageJob {
    #[derive(Serialize)]
    struct View {
        title: String,
        intro: String,
        figures: Link,
        comparison: Comparison,
    }
    let page = View {
        title: cx.tr(title),
        intro: cx.tr(intro),
        figures: Link {
            label: cx.tr("figures_how"),
            url: urls::figures(cx.lang),
        },
        comparison: table,
    };
    let layout = cx.layout(&url, page.title.clone(), "cijfers", vec![]);
    cx.job(url, "overview.html", layout, &page)
}

pub(super) fn districts(cx: &PageContext) -> PageJob {
    let scopes = (0..cx.site().districts.len())
        .map(|i| Scope::District(DistrictId(i as u32)))
        .collect();
    let table = cx.comparison("vergelijking", "districts_caption", scopes);
    let url = urls::districts(cx.lang);
    overview(cx, url, "label_districts", "districts_intro", table)
}

pub(super) fn partners(cx: &PageContext) -> PageJob {
    let scopes = (0..cx.site().partners.len())
        .map(|i| Scope::Partner(PartnerId(i as u32)))
        .collect();
    let table = cx.comparison("vergelijking", "partners_caption", scopes);
    let url = urls::partners(cx.lang);
    overview(cx, url, "label_partners", "partners_intro", table)
}

pub(super) fn topics(cx: &PageContext) -> PageJob {
    let scopes = (0..cx.site().topics.len())
        .map(|i| Scope::Topic(TopicId(i as u32)))
        .collect();
    let table = cx.comparison("vergelijking", "topics_caption", scopes);
    let url = urls::topics(cx.lang);
    overview(cx, url, "label_topics", "topics_intro", table)
}

/// `/cijfers/`: every definition, then the figures per contract year.
pub(super) fn figures(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct Definition {
        id: String,
        label: String,
        text: String,
        city: FigureCell,
    }
    #[derive(Serialize)]
    struct View {
        title: String,
        intro: String,
        as_of: String,
        late: FigureCell,
        overviews: Vec<Link>,
        definitions: Vec<Definition>,
        channels: String,
        city: YearTable,
        districts: Vec<YearTable>,
        partners: Vec<YearTable>,
    }
    let site = cx.site();
    let m = cx.published.memberships();
    let years = &m.years;
    let table = |scope: Scope, id: String| {
        let by_year: Vec<&Lists> = years
            .iter()
            .map(|&y| m.lists_in(scope, Some(y)).expect("a published year"))
            .collect();
        let mut rows: Vec<YearRow> = PER_YEAR
            .iter()
            .map(|&f| YearRow {
                label: cx.figure_label(f),
                cells: years
                    .iter()
                    .zip(&by_year)
                    .map(|(&y, lists)| YearCell {
                        count: lists.count(f),
                        url: Some(cx.figure_url_in(scope, f, Some(y))),
                    })
                    .collect(),
            })
            .collect();
        // Where the questions were collected: a plain attribute, not a figure.
        let unknown = Channel::ALL.len();
        let mut by_channel = vec![vec![0; years.len()]; unknown + 1];
        for (column, lists) in by_year.iter().enumerate() {
            for &i in lists.get(Figure::Questions) {
                let channel = m.all[i as usize]
                    .1
                    .channel
                    .and_then(|ch| Channel::ALL.iter().position(|x| *x == ch))
                    .unwrap_or(unknown);
                by_channel[channel][column] += 1;
            }
        }
        for (k, counts) in by_channel.into_iter().enumerate() {
            if counts.iter().all(|&n| n == 0) {
                continue;
            }
            let name = match Channel::ALL.get(k) {
                Some(ch) => cx.tr(&format!("channel_{}", ch.key().replace('-', "_"))),
                None => cx.tr("channel_unknown"),
            };
            rows.push(YearRow {
                label: format!("{}: {name}", cx.tr("label_channel")),
                cells: counts
                    .into_iter()
                    .map(|count| YearCell { count, url: None })
                    .collect(),
            });
        }
        let heading = cx.scope_link(scope).label;
        YearTable {
            caption: cx.tr("figures_year_caption").replace("{name}", &heading),
            heading,
            id,
            years: years.clone(),
            rows,
        }
    };
    let city_late = cx.figure_cell(Scope::City, Figure::Delivery(Delivery::Overdue));
    let mut overviews = vec![Link {
        label: cx.tr("figures_late_link"),
        url: city_late.url.clone(),
    }];
    overviews.extend(cx.overview_links());
    let page = View {
        title: cx.tr("figures_title"),
        intro: cx.tr("figures_intro"),
        as_of: cx
            .tr("label_as_of")
            .replace("{date}", &cx.t.day(site.today())),
        late: city_late,
        overviews,
        definitions: Figure::ALL
            .iter()
            .map(|&f| Definition {
                id: definition_id(f),
                label: cx.figure_label(f),
                text: cx.tr(&definition_key(f)),
                city: cx.figure_cell(Scope::City, f),
            })
            .collect(),
        channels: cx.tr("figures_channels_definition"),
        city: table(Scope::City, "jaar-stad".into()),
        districts: site
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                table(
                    Scope::District(DistrictId(i as u32)),
                    format!("jaar-stadsdeel-{}", d.slug),
                )
            })
            .collect(),
        partners: site
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| {
                table(
                    Scope::Partner(PartnerId(i as u32)),
                    format!("jaar-partner-{}", p.slug),
                )
            })
            .collect(),
    };
    let url = urls::figures(cx.lang);
    let layout = cx.layout(&url, page.title.clone(), "cijfers", vec![]);
    cx.job(url, "figures.html", layout, &page)
}
