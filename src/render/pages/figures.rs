//! Every figure is a link to the list it counts. Here: which questions each
//! figure counts, found once per scope with [`Figure::of`] and used for both
//! the number and its list, and the list pages themselves:
//! `/cijfers/<figure>/`, `/te-laat/`, and `…/cijfers/<figure>/` under a
//! district, a partner or a topic.

use serde::Serialize;

use super::PageContext;
use crate::model::*;
use crate::render::views::*;
use crate::render::{PageJob, Published, urls};

/// The questions each figure counts, as positions in a list of questions.
pub struct Lists {
    by_figure: Vec<Vec<u32>>,
}

impl Lists {
    fn empty() -> Self {
        Lists {
            by_figure: vec![Vec::new(); Figure::ALL.len()],
        }
    }

    /// One pass over `questions`: each counts where [`Figure::of`] says.
    pub fn of<'q>(
        questions: impl IntoIterator<Item = &'q Question>,
        today: chrono::NaiveDate,
    ) -> Self {
        let mut lists = Lists::empty();
        for (i, q) in questions.into_iter().enumerate() {
            for f in Figure::of(q, today) {
                lists.by_figure[f.index()].push(i as u32);
            }
        }
        lists
    }

    pub fn get(&self, f: Figure) -> &[u32] {
        &self.by_figure[f.index()]
    }

    pub fn count(&self, f: Figure) -> usize {
        self.get(f).len()
    }
}

/// What a figure is counted over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    City,
    District(DistrictId),
    Partner(PartnerId),
    Topic(TopicId),
}

impl Scope {
    pub fn of_district(site: &Site, d: &District) -> Scope {
        let i = site.districts.iter().position(|x| std::ptr::eq(x, d));
        Scope::District(DistrictId(i.unwrap_or(0) as u32))
    }
}

/// The scope of a figure list's address: `stadsdelen/noord`, `partners/gemeente`.
pub(super) fn scope_at(site: &Site, section: &str, slug: &str) -> Option<Scope> {
    fn at<'a>(mut slugs: impl Iterator<Item = &'a str>, slug: &str) -> Option<u32> {
        slugs.position(|s| s == slug).map(|i| i as u32)
    }
    Some(match section {
        "stadsdelen" => Scope::District(DistrictId(at(
            site.districts.iter().map(|d| d.slug.as_str()),
            slug,
        )?)),
        "partners" => Scope::Partner(PartnerId(at(
            site.partners.iter().map(|p| p.slug.as_str()),
            slug,
        )?)),
        "themas" => Scope::Topic(TopicId(at(
            site.topics.iter().map(|t| t.slug.as_str()),
            slug,
        )?)),
        _ => return None,
    })
}

/// The lists of one scope: over all contract years, and per year.
struct ScopeLists {
    all: Lists,
    /// One per [`Memberships::years`], in that order.
    by_year: Vec<Lists>,
}

impl ScopeLists {
    fn new(years: usize) -> Self {
        ScopeLists {
            all: Lists::empty(),
            by_year: (0..years).map(|_| Lists::empty()).collect(),
        }
    }

    fn add(&mut self, f: Figure, year: usize, i: u32) {
        self.all.by_figure[f.index()].push(i);
        self.by_year[year].by_figure[f.index()].push(i);
    }
}

/// Every public question and, per scope, the questions each figure counts,
/// over all contract years and per year.
pub struct Memberships<'s> {
    /// In the order lists show them: by neighbourhood (as districts.yaml
    /// lists them), then year, then as the contract lists them.
    pub all: Vec<(&'s Contract, &'s Question)>,
    /// The years of the published contracts, oldest first.
    pub years: Vec<i32>,
    city: ScopeLists,
    districts: Vec<ScopeLists>,
    partners: Vec<ScopeLists>,
    topics: Vec<ScopeLists>,
}

impl<'s> Memberships<'s> {
    fn new(p: &Published<'s>) -> Self {
        let site = p.site;
        let today = site.today();
        let all: Vec<(&Contract, &Question)> = p
            .contracts
            .iter()
            .flat_map(|c| c.questions.iter().map(move |q| (*c, q)))
            .collect();
        let mut years: Vec<i32> = p.contracts.iter().map(|c| c.year).collect();
        years.sort_unstable();
        years.dedup();
        let many = |n: usize| (0..n).map(|_| ScopeLists::new(years.len())).collect();
        let mut m = Memberships {
            city: ScopeLists::new(years.len()),
            districts: many(site.districts.len()),
            partners: many(site.partners.len()),
            topics: many(site.topics.len()),
            all: Vec::new(),
            years: Vec::new(),
        };
        for (i, (c, q)) in all.iter().enumerate() {
            let i = i as u32;
            let district = site.neighbourhood(c.neighbourhood).district.index();
            let year = years.binary_search(&c.year).unwrap_or(0);
            for f in Figure::of(q, today) {
                m.city.add(f, year, i);
                m.districts[district].add(f, year, i);
                m.partners[q.partner.index()].add(f, year, i);
                m.topics[q.topic.index()].add(f, year, i);
            }
        }
        m.all = all;
        m.years = years;
        m
    }

    fn scope_lists(&self, scope: Scope) -> &ScopeLists {
        match scope {
            Scope::City => &self.city,
            Scope::District(d) => &self.districts[d.index()],
            Scope::Partner(p) => &self.partners[p.index()],
            Scope::Topic(t) => &self.topics[t.index()],
        }
    }

    /// A scope's lists over all contract years.
    pub fn lists(&self, scope: Scope) -> &Lists {
        &self.scope_lists(scope).all
    }

    /// A scope's lists over all years (`None`) or one contract year; `None`
    /// for a year without published contracts.
    pub fn lists_in(&self, scope: Scope, year: Option<i32>) -> Option<&Lists> {
        let lists = self.scope_lists(scope);
        match year {
            None => Some(&lists.all),
            Some(y) => {
                let k = self.years.binary_search(&y).ok()?;
                Some(&lists.by_year[k])
            }
        }
    }

    /// Every scope, the city first.
    pub fn scopes(&self) -> impl Iterator<Item = Scope> + '_ {
        std::iter::once(Scope::City)
            .chain((0..self.districts.len()).map(|i| Scope::District(DistrictId(i as u32))))
            .chain((0..self.partners.len()).map(|i| Scope::Partner(PartnerId(i as u32))))
            .chain((0..self.topics.len()).map(|i| Scope::Topic(TopicId(i as u32))))
    }

    /// The year lists: every figure of every year table on `/cijfers/`,
    /// even when empty, like every other list, so their addresses stay.
    pub fn year_lists(&self) -> impl Iterator<Item = (Scope, Figure, i32, usize)> + '_ {
        self.scopes()
            .filter(|s| s.has_year_table())
            .flat_map(move |scope| {
                self.years.iter().flat_map(move |&y| {
                    let lists = self.lists_in(scope, Some(y)).expect("a published year");
                    PER_YEAR.iter().map(move |&f| (scope, f, y, lists.count(f)))
                })
            })
    }
}

/// The figures `/cijfers/` gives per year, before the channels.
pub const PER_YEAR: [Figure; 13] = [
    Figure::Questions,
    Figure::Outcome(OutcomeKind::Resolved),
    Figure::Outcome(OutcomeKind::Honoured),
    Figure::Outcome(OutcomeKind::Scheduled),
    Figure::Outcome(OutcomeKind::Prioritised),
    Figure::Outcome(OutcomeKind::Declined),
    Figure::KEPT,
    Figure::Delivery(Delivery::DoneLate),
    Figure::Delivery(Delivery::Overdue),
    Figure::Delivery(Delivery::Moved),
    Figure::Declined(Ground::Legal),
    Figure::Declined(Ground::Policy),
    Figure::Declined(Ground::Financial),
];

impl Scope {
    /// `/cijfers/` has a year table for the city, every district and every partner.
    pub fn has_year_table(self) -> bool {
        !matches!(self, Scope::Topic(_))
    }
}

impl<'s> Published<'s> {
    /// Computed once, by the first page that needs it.
    pub(in crate::render) fn memberships(&self) -> &Memberships<'s> {
        self.figures.get_or_init(|| Memberships::new(self))
    }
}

impl<'s> PageContext<'_, 's> {
    /// The scope's own page: the home page for the city.
    pub(super) fn scope_link(&self, scope: Scope) -> Link {
        let site = self.site();
        let lang = self.lang;
        match scope {
            Scope::City => Link {
                label: self.tr("figures_city"),
                url: urls::home(lang),
            },
            Scope::District(d) => {
                let d = site.district(d);
                Link {
                    label: d.name.clone(),
                    url: urls::district(lang, &d.slug),
                }
            }
            Scope::Partner(p) => {
                let p = site.partner(p);
                Link {
                    label: p.name.clone(),
                    url: urls::partner(lang, &p.slug),
                }
            }
            Scope::Topic(t) => {
                let t = site.topic(t);
                Link {
                    label: self.topic_name(t).to_string(),
                    url: urls::topic(lang, &t.slug),
                }
            }
        }
    }

    /// The first page of a figure's list in a scope.
    pub(super) fn figure_url(&self, scope: Scope, f: Figure) -> String {
        match scope {
            Scope::City => urls::city_figure(self.lang, f),
            _ => urls::scope_figure(&self.scope_link(scope).url, f),
        }
    }

    /// A scope's totals; every figure links to its list, which exists even
    /// when it is empty.
    pub(super) fn scope_totals(&self, scope: Scope) -> Totals {
        let lists = self.published.memberships().lists(scope);
        self.totals_of(|f| lists.count(f), |f, _| Some(self.figure_url(scope, f)))
    }

    pub(super) fn figure_cell(&self, scope: Scope, f: Figure) -> FigureCell {
        FigureCell {
            count: self.published.memberships().lists(scope).count(f),
            url: self.figure_url(scope, f),
        }
    }

    /// The first page of a figure's list in a scope, over all contract
    /// years or one.
    pub(super) fn figure_url_in(&self, scope: Scope, f: Figure, year: Option<i32>) -> String {
        let all = self.figure_url(scope, f);
        match year {
            None => all,
            Some(y) => urls::figure_year(&all, y),
        }
    }

    /// Breadcrumbs to a scope's page: Stadsdelen › Noord.
    fn scope_crumbs(&self, scope: Scope) -> Vec<Link> {
        let lang = self.lang;
        let index = match scope {
            Scope::City => {
                return vec![Link {
                    label: self.tr("figures_title"),
                    url: urls::figures(lang),
                }];
            }
            Scope::District(_) => (self.tr("label_districts"), urls::districts(lang)),
            Scope::Partner(_) => (self.tr("label_partners"), urls::partners(lang)),
            Scope::Topic(_) => (self.tr("label_topics"), urls::topics(lang)),
        };
        vec![
            Link {
                label: index.0,
                url: index.1,
            },
            self.scope_link(scope),
        ]
    }
}

/// Page `number` of the questions figure `f` counts in `scope`, over all
/// contract years or only `year`'s.
pub(super) fn figure_list(
    cx: &PageContext,
    scope: Scope,
    f: Figure,
    year: Option<i32>,
    number: usize,
) -> PageJob {
    #[derive(Serialize)]
    struct View {
        title: String,
        figure: String,
        /// The way back to the scope's page.
        back: Link,
        count: usize,
        /// For one contract year's list: which year, and the way to all years.
        year: Option<YearOfList>,
        definition: String,
        how_url: String,
        as_of: String,
        groups: Vec<FigureListGroup>,
        pagination: Option<Pagination>,
    }
    let site = cx.site();
    let today = site.today();
    let m = cx.published.memberships();
    let list = m.lists_in(scope, year).map_or(&[][..], |l| l.get(f));
    let first = cx.figure_url_in(scope, f, year);
    let pages = urls::figure_page_count(list.len());
    let start = ((number - 1) * urls::FIGURES_PER_PAGE).min(list.len());
    let end = (start + urls::FIGURES_PER_PAGE).min(list.len());
    // Labels once a page, not once a row.
    let labels: Vec<String> = match f {
        Figure::Questions => OutcomeKind::ALL
            .iter()
            .map(|k| cx.tr(&format!("outcome_{}", k.key())))
            .collect(),
        Figure::Outcome(_) => Figure::ALL.iter().map(|&s| cx.figure_label(s)).collect(),
        _ => Vec::new(),
    };
    let deadline = cx.tr("figure_row_deadline");
    let note = |q: &Question| -> Option<String> {
        match f {
            Figure::Questions => {
                let k = q.outcome.kind();
                OutcomeKind::ALL
                    .iter()
                    .position(|x| *x == k)
                    .map(|i| labels[i].clone())
            }
            Figure::Outcome(_) => Figure::of(q, today)
                .find(|s| matches!(s, Figure::Delivery(_) | Figure::Disputed))
                .map(|s| labels[s.index()].clone()),
            Figure::Delivery(
                Delivery::Overdue | Delivery::Moved | Delivery::OnTrack | Delivery::Awaiting,
            ) => q
                .deadline()
                .map(|w| deadline.replace("{when}", &cx.t.when(&w))),
            Figure::Delivery(Delivery::DoneLate) => q.days_late().map(|d| cx.t.late_by(d)),
            _ => None,
        }
    };
    let mut groups: Vec<FigureListGroup> = Vec::new();
    let mut current = None;
    for &i in &list[start..end] {
        let (c, q) = m.all[i as usize];
        let n = site.neighbourhood(c.neighbourhood);
        if current != Some(c.neighbourhood) {
            current = Some(c.neighbourhood);
            groups.push(FigureListGroup {
                id: format!("wijk-{}", n.slug),
                neighbourhood: Link {
                    label: n.name.clone(),
                    url: urls::neighbourhood(cx.lang, &n.slug),
                },
                rows_html: String::new(),
            });
        }
        if let Some(g) = groups.last_mut() {
            let url = urls::question(cx.lang, &n.slug, c.year, q.id);
            let (title, lang) = cx.question_title(q);
            row_html(
                &mut g.rows_html,
                &url,
                (title, lang),
                c.year,
                note(q).as_deref(),
            );
        }
    }
    let scope_link = cx.scope_link(scope);
    let figure = cx.figure_label(f);
    let name = match year {
        None => format!("{figure} · {}", scope_link.label),
        Some(y) => format!("{figure} · {} · {y}", scope_link.label),
    };
    let pagination = cx.pagination(&first, number, pages);
    let title = match &pagination {
        Some(p) if number > 1 => format!("{name} ({})", p.label.to_lowercase()),
        _ => name,
    };
    let page = View {
        title: title.clone(),
        figure,
        count: list.len(),
        year: year.map(|y| YearOfList {
            only: cx.tr("figure_list_year").replace("{year}", &y.to_string()),
            all_years: Link {
                label: cx.tr("figure_list_all_years"),
                url: cx.figure_url(scope, f),
            },
        }),
        definition: cx.tr(&definition_key(f)),
        how_url: format!("{}#{}", urls::figures(cx.lang), definition_id(f)),
        as_of: cx.tr("label_as_of").replace("{date}", &cx.t.day(today)),
        back: Link {
            label: match scope {
                Scope::City => cx.tr("figure_list_back_home"),
                _ => cx
                    .tr("figure_list_back")
                    .replace("{name}", &scope_link.label),
            },
            url: scope_link.url,
        },
        groups,
        pagination,
    };
    let url = urls::nth_page(&first, number);
    let mut crumbs = cx.scope_crumbs(scope);
    if year.is_some() {
        crumbs.push(Link {
            label: page.figure.clone(),
            url: cx.figure_url(scope, f),
        });
    }
    if number > 1 {
        crumbs.push(Link {
            label: match year {
                Some(y) => y.to_string(),
                None => page.figure.clone(),
            },
            url: first.clone(),
        });
    }
    let layout = cx.layout(&url, title, "cijfers", crumbs);
    cx.job(url, "figure_list.html", layout, &page)
}

/// One row of a figure list: `<li><a href="…">title</a> <span class="meta">2025 · note</span></li>`.
fn row_html(
    out: &mut String,
    url: &str,
    (title, lang): (&str, Option<&str>),
    year: i32,
    note: Option<&str>,
) {
    use std::fmt::Write as _;
    out.push_str("<li><a href=\"");
    escape_into(out, url);
    out.push('"');
    if let Some(lang) = lang {
        let _ = write!(out, " lang=\"{lang}\"");
    }
    out.push('>');
    escape_into(out, title);
    let _ = write!(out, "</a> <span class=\"meta\">{year}");
    if let Some(note) = note {
        out.push_str(" · ");
        escape_into(out, note);
    }
    out.push_str("</span></li>\n");
}

/// Text or an attribute value made safe for HTML, as Tera escapes it.
fn escape_into(out: &mut String, text: &str) {
    let mut done = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&text[done..]);
}

/// The i18n key of a figure's definition: `figure_kept_definition`.
pub(super) fn definition_key(f: Figure) -> String {
    format!("figure_{}_definition", f.key().replace('-', "_"))
}

/// Where `/cijfers/` explains a figure.
pub(super) fn definition_id(f: Figure) -> String {
    format!("def-{}", urls::figure_slug(f))
}

/// The page of a figure list, from the parts of its address after the
/// scope: `cijfers/<slug>/`, an optional contract year and an optional
/// `pagina/N/`.
pub(super) fn route(cx: &PageContext, scope: Scope, slug: &str, rest: &[&str]) -> Option<PageJob> {
    let f = urls::figure_from_slug(slug)?;
    if scope == Scope::City && f == Figure::Delivery(Delivery::Overdue) {
        // The city's late list lives at /te-laat/ only.
        return None;
    }
    route_list(cx, scope, f, rest)
}

/// A figure's list after its own address: all years, or `<year>/` when the
/// year table on `/cijfers/` links there; then the page number.
pub(super) fn route_list(
    cx: &PageContext,
    scope: Scope,
    f: Figure,
    rest: &[&str],
) -> Option<PageJob> {
    let m = cx.published.memberships();
    let (year, rest) = match rest {
        [y, rest @ ..] if y.bytes().all(|b| b.is_ascii_digit()) => {
            let y: i32 = y.parse().ok()?;
            if !scope.has_year_table() || !PER_YEAR.contains(&f) {
                return None;
            }
            (Some(y), rest)
        }
        _ => (None, rest),
    };
    let count = m.lists_in(scope, year)?.count(f);
    let n = super::page_number_of(rest, urls::figure_page_count(count))?;
    Some(figure_list(cx, scope, f, year, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_escape_what_the_templates_escape() {
        let mut out = String::new();
        row_html(
            &mut out,
            "/w/1/",
            ("<b>\"Tom & Jerry's\"</b>", None),
            2025,
            Some("a < b"),
        );
        assert_eq!(
            out,
            "<li><a href=\"/w/1/\">&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;</a> \
             <span class=\"meta\">2025 · a &lt; b</span></li>\n"
        );
    }
}
