//! One function per page kind: each prepares the view for a template.

use serde::Serialize;
use tera::Context;

use super::i18n::Translations;
use super::markdown::{self, Trust};
use super::views::*;
use super::{PageJob, Published, Theme, urls};
use crate::config::Language;
use crate::model::*;

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
            ("nieuws", "nav_news", urls::news(lang)),
            ("zoeken", "nav_search", urls::search(lang)),
        ]
        .into_iter()
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
                current: other == lang,
            })
            .collect();
        let footer = self
            .published
            .site
            .public_pages()
            .map(|p| Link {
                label: p.title.clone(),
                url: urls::page(lang, &p.slug),
            })
            .collect();
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
        Layout {
            lang: lang.code(),
            site_title: &site.config.title,
            site_description: &site.config.description,
            title: full_title,
            canonical: format!("{}{url}", site.config.base_url),
            home_url: urls::home(lang),
            data_url: urls::data(lang),
            nav,
            breadcrumbs: if section == "home" {
                Vec::new()
            } else {
                crumbs
            },
            languages,
            footer,
            stylesheet: urls::stylesheet(),
            feeds: match section {
                "home" | "nieuws" => vec![Link {
                    label: site.config.title.clone(),
                    url: "/atom.xml".into(),
                }],
                _ => Vec::new(),
            },
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

    fn delivery_badge(&self, d: Delivery) -> Badge {
        let key = match d {
            Delivery::Pending | Delivery::Overdue => format!("delivery_{}", d.key()),
            _ => format!("state_{}", d.key()),
        };
        Badge {
            key: d.key(),
            label: self.tr(&key),
        }
    }

    pub fn question_item(&self, c: &Contract, q: &Question) -> QuestionItem {
        let site = self.site();
        let lang = self.lang;
        let n = site.neighbourhood(c.neighbourhood);
        let partner = site.partner(q.partner);
        let topic = site.topic(q.topic);
        let (mut when, mut report_by, mut decision, mut ground, mut reason_html, mut planning) =
            (None, None, None, None, None, None);
        match &q.outcome {
            Outcome::Resolved => {}
            Outcome::Honoured { when: w } => when = Some(self.t.when(w)),
            Outcome::Scheduled {
                when: w,
                planning: p,
            } => {
                when = Some(self.t.when(w));
                match p {
                    Planning::Adjusted { .. } => {
                        planning = Some(self.tr("planning_adjusted"));
                        reason_html = self.published.html(c, q).reason.clone();
                    }
                    Planning::NotAdjusted { .. } => {
                        planning = Some(self.tr("planning_not_adjusted"));
                        reason_html = self.published.html(c, q).reason.clone();
                    }
                }
            }
            Outcome::Prioritised {
                report_by: r,
                decision: d,
            } => {
                report_by = Some(self.t.when(r));
                decision = Some(match d {
                    None => self.tr("decision_pending"),
                    Some(d) => {
                        let label = self.tr(if d.included {
                            "decision_included"
                        } else {
                            "decision_not_included"
                        });
                        let mut s = format!("{label} ({})", self.t.day(d.date));
                        if let Some(note) = &d.note {
                            s.push_str(": ");
                            s.push_str(note);
                        }
                        s
                    }
                });
            }
            Outcome::Declined { ground: g, .. } => {
                ground = Some(self.tr(&format!("ground_{}", g.key())));
                reason_html = self.published.html(c, q).reason.clone();
            }
        }
        QuestionItem {
            id: q.id,
            title: q.title.clone(),
            url: urls::question(lang, &n.slug, c.year, q.id),
            kind: self.tr(&format!("kind_{}", q.kind.key())),
            outcome: self.outcome_badge(q.outcome.kind()),
            delivery: q.delivery(site.today()).map(|d| self.delivery_badge(d)),
            when,
            report_by,
            decision,
            ground,
            reason_html,
            planning,
            partner: Link {
                label: partner.name.clone(),
                url: urls::partner(lang, &partner.slug),
            },
            topic: Link {
                label: topic.name.clone(),
                url: urls::topic(lang, &topic.slug),
            },
            neighbourhood: Link {
                label: n.name.clone(),
                url: urls::neighbourhood(lang, &n.slug),
            },
            contract: self.contract_link(c),
            location: q.location.clone(),
            disputed: q.disputed.as_ref().map(|d| Disputed {
                label: self.tr("label_disputed"),
                date: self.t.day(d.date),
                note: d.note.clone(),
            }),
        }
    }

    fn groups(&self, items: &[(&Contract, &Question)]) -> Vec<OutcomeGroup> {
        OutcomeKind::ALL
            .iter()
            .filter_map(|&k| {
                let questions: Vec<QuestionItem> = items
                    .iter()
                    .filter(|(_, q)| q.outcome.kind() == k)
                    .map(|(c, q)| self.question_item(c, q))
                    .collect();
                (!questions.is_empty()).then(|| OutcomeGroup {
                    key: k.key(),
                    label: self.tr(&format!("outcome_{}", k.key())),
                    help: self.tr(&format!("outcome_{}_help", k.key())),
                    questions,
                })
            })
            .collect()
    }

    pub fn totals<'q>(&self, questions: impl IntoIterator<Item = &'q Question>) -> Totals {
        let today = self.site().today();
        let mut counts = [0usize; 5];
        let mut grounds = [0usize; 3];
        let (mut agreements, mut kept, mut overdue) = (0, 0, 0);
        for q in questions {
            let k = q.outcome.kind();
            counts[OutcomeKind::ALL.iter().position(|x| *x == k).unwrap_or(0)] += 1;
            if let Outcome::Declined { ground, .. } = q.outcome {
                grounds[Ground::ALL.iter().position(|x| *x == ground).unwrap_or(0)] += 1;
            }
            if q.is_agreement() && q.is_due(today) {
                agreements += 1;
                if q.kept_on_time() {
                    kept += 1;
                }
            }
            if q.delivery(today) == Some(Delivery::Overdue) {
                overdue += 1;
            }
        }
        let total: usize = counts.iter().sum();
        let mut x = 0.0;
        let rows = OutcomeKind::ALL
            .iter()
            .zip(counts)
            .map(|(k, count)| {
                let width = if total == 0 {
                    0.0
                } else {
                    count as f64 * 100.0 / total as f64
                };
                let row = TotalRow {
                    key: k.key(),
                    label: self.tr(&format!("outcome_{}", k.key())),
                    count,
                    percent: width.round() as u32,
                    x: (x * 100.0_f64).round() / 100.0,
                    width: (width * 100.0).round() / 100.0,
                };
                x += width;
                row
            })
            .collect::<Vec<_>>();
        let summary = rows
            .iter()
            .filter(|r| r.count > 0)
            .map(|r| format!("{}: {}", r.label, r.count))
            .collect::<Vec<_>>()
            .join(", ");
        Totals {
            total,
            agreements,
            kept,
            overdue,
            on_time_label: self
                .tr("label_on_time")
                .replace("{kept}", &kept.to_string())
                .replace("{total}", &agreements.to_string()),
            declined_by_ground: Ground::ALL
                .iter()
                .zip(grounds)
                .filter(|(_, n)| *n > 0)
                .map(|(g, count)| GroundRow {
                    label: self.tr(&format!("ground_{}", g.key())),
                    count,
                })
                .collect(),
            rows,
            summary,
        }
    }

    fn contract_item(&self, c: &Contract) -> ContractItem {
        let link = self.contract_link(c);
        ContractItem {
            year: c.year,
            label: link.label,
            url: link.url,
            period: self.period(c),
            totals: self.totals(&c.questions),
        }
    }

    fn update_item(&self, u: &Update) -> UpdateItem {
        UpdateItem {
            title: u.title.clone(),
            url: urls::news_item(self.lang, &u.slug),
            date: self.t.day(u.date),
            date_iso: u.date.format("%Y-%m-%d").to_string(),
            summary: u.summary.clone(),
        }
    }

    fn latest_contract(&self, id: NeighbourhoodId) -> Option<&'s Contract> {
        self.published
            .contracts
            .iter()
            .rev()
            .find(|c| c.neighbourhood == id)
            .copied()
    }

    fn neighbourhood_item(&self, id: NeighbourhoodId) -> NeighbourhoodItem {
        let n = self.site().neighbourhood(id);
        NeighbourhoodItem {
            name: n.name.clone(),
            url: urls::neighbourhood(self.lang, &n.slug),
            focus: n.focus,
            latest: self.latest_contract(id).map(|c| self.contract_item(c)),
        }
    }

    fn district_items(&self) -> Vec<DistrictItem> {
        self.site()
            .districts
            .iter()
            .map(|d| DistrictItem {
                name: d.name.clone(),
                url: urls::district(self.lang, &d.slug),
                neighbourhoods: d
                    .neighbourhoods
                    .iter()
                    .map(|&n| self.neighbourhood_item(n))
                    .collect(),
            })
            .collect()
    }

    fn all_questions(&self) -> impl Iterator<Item = (&'s Contract, &'s Question)> + '_ {
        self.published
            .contracts
            .iter()
            .flat_map(|c| c.questions.iter().map(move |q| (*c, q)))
    }
}

/// Every page of one language.
pub fn all(cx: &PageContext) -> Vec<PageJob> {
    let mut jobs = vec![
        home(cx),
        neighbourhoods(cx),
        news(cx),
        not_found(cx),
        data(cx),
        search(cx),
    ];
    let site = cx.site();
    for (i, _) in site.neighbourhoods.iter().enumerate() {
        jobs.push(neighbourhood(cx, NeighbourhoodId(i as u32)));
    }
    for c in &cx.published.contracts {
        jobs.push(contract(cx, c));
        for q in &c.questions {
            jobs.push(question(cx, c, q));
        }
    }
    for d in &site.districts {
        jobs.push(district(cx, d));
    }
    for (i, _) in site.partners.iter().enumerate() {
        jobs.push(partner(cx, PartnerId(i as u32)));
    }
    for (i, _) in site.topics.iter().enumerate() {
        jobs.push(topic(cx, TopicId(i as u32)));
    }
    for u in &cx.published.updates {
        jobs.push(news_item(cx, u));
    }
    for p in site.public_pages() {
        jobs.push(page(cx, p));
    }
    jobs
}

fn home(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct Home {
        title: Option<String>,
        intro_html: String,
        totals: Totals,
        districts: Vec<DistrictItem>,
        updates: Vec<UpdateItem>,
        news_url: String,
        as_of: String,
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
        totals: cx.totals(cx.all_questions().map(|(_, q)| q)),
        districts: cx.district_items(),
        updates: cx
            .published
            .updates
            .iter()
            .take(5)
            .map(|u| cx.update_item(u))
            .collect(),
        news_url: urls::news(cx.lang),
        as_of: cx
            .tr("label_as_of")
            .replace("{date}", &cx.t.day(site.today())),
    };
    let layout = cx.layout(&url, site.config.title.clone(), "home", vec![]);
    cx.job(url, "home.html", layout, &page)
}

fn neighbourhoods(cx: &PageContext) -> PageJob {
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

fn neighbourhood(cx: &PageContext, id: NeighbourhoodId) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        intro_html: Option<String>,
        council: Option<String>,
        focus: bool,
        district: Link,
        contracts: Vec<ContractItem>,
        updates: Vec<UpdateItem>,
    }
    let site = cx.site();
    let n = site.neighbourhood(id);
    let d = site.district(n.district);
    let url = urls::neighbourhood(cx.lang, &n.slug);
    let mut contracts: Vec<ContractItem> = cx
        .published
        .contracts
        .iter()
        .filter(|c| c.neighbourhood == id)
        .map(|c| cx.contract_item(c))
        .collect();
    contracts.reverse();
    let page = View {
        name: n.name.clone(),
        intro_html: n
            .intro
            .as_ref()
            .map(|m| markdown::render(&m.0, Trust::Editor, "intro-")),
        council: n.council.clone(),
        focus: n.focus,
        district: Link {
            label: d.name.clone(),
            url: urls::district(cx.lang, &d.slug),
        },
        contracts,
        updates: cx
            .published
            .updates
            .iter()
            .filter(|u| u.neighbourhoods.contains(&id))
            .take(5)
            .map(|u| cx.update_item(u))
            .collect(),
    };
    let crumbs = vec![Link {
        label: cx.tr("label_neighbourhoods"),
        url: urls::neighbourhoods(cx.lang),
    }];
    let mut layout = cx.layout(&url, n.name.clone(), "wijken", crumbs);
    layout.feeds = vec![Link {
        label: format!("{} · {}", n.name, site.config.title),
        url: crate::feeds::neighbourhood_feed(&n.slug),
    }];
    cx.job(url, "neighbourhood.html", layout, &page)
}

fn contract(cx: &PageContext, c: &Contract) -> PageJob {
    #[derive(Serialize)]
    struct View {
        title: String,
        neighbourhood: Link,
        period: String,
        signed: Option<String>,
        signatories: Vec<Link>,
        collected_via: Vec<String>,
        narrative_html: Option<String>,
        totals: Totals,
        groups: Vec<OutcomeGroup>,
    }
    let site = cx.site();
    let n = site.neighbourhood(c.neighbourhood);
    let link = cx.contract_link(c);
    let signatories = c
        .signatories
        .iter()
        .map(|s| match s {
            Signatory::Council => Link {
                label: n.council.clone().unwrap_or_else(|| {
                    format!("{} {}", capitalise(&site.config.council.singular), n.name)
                }),
                url: urls::neighbourhood(cx.lang, &n.slug),
            },
            Signatory::Partner(p) => {
                let p = site.partner(*p);
                Link {
                    label: p.name.clone(),
                    url: urls::partner(cx.lang, &p.slug),
                }
            }
        })
        .collect();
    let items: Vec<(&Contract, &Question)> = c.questions.iter().map(|q| (c, q)).collect();
    let page = View {
        title: format!("{} · {}", link.label, n.name),
        neighbourhood: cx.neighbourhood_link(c.neighbourhood),
        period: cx.period(c),
        signed: c.signed.map(|d| cx.t.day(d)),
        signatories,
        collected_via: c
            .collected_via
            .iter()
            .map(|ch| cx.tr(&format!("channel_{}", ch.key().replace('-', "_"))))
            .collect(),
        narrative_html: c
            .narrative
            .as_ref()
            .map(|m| markdown::render(&m.0, Trust::Editor, "narrative-")),
        totals: cx.totals(&c.questions),
        groups: cx.groups(&items),
    };
    let crumbs = vec![
        Link {
            label: cx.tr("label_neighbourhoods"),
            url: urls::neighbourhoods(cx.lang),
        },
        cx.neighbourhood_link(c.neighbourhood),
    ];
    let layout = cx.layout(&link.url, page.title.clone(), "wijken", crumbs);
    cx.job(link.url, "contract.html", layout, &page)
}

fn question(cx: &PageContext, c: &Contract, q: &Question) -> PageJob {
    #[derive(Serialize)]
    struct View {
        item: QuestionItem,
        number: String,
        asked_html: String,
        answer_html: Option<String>,
        channel: Option<String>,
        progress: Vec<ProgressEntry>,
        follows: Option<Link>,
        followed_by: Vec<Link>,
        updates: Vec<UpdateItem>,
        permalink: String,
    }
    let site = cx.site();
    let item = cx.question_item(c, q);
    let r = site.question_ref(c, q);
    let link_to = |r: &QuestionRef| {
        cx.published.questions.get(r).map(|(c2, q2)| Link {
            label: format!(
                "{} ({} {})",
                q2.title,
                site.neighbourhood(c2.neighbourhood).name,
                c2.year
            ),
            url: urls::question(cx.lang, &r.neighbourhood, r.year, r.id),
        })
    };
    let page = View {
        number: cx
            .tr("label_question_number")
            .replace("{id}", &q.id.to_string()),
        asked_html: cx.published.html(c, q).asked.clone(),
        answer_html: cx.published.html(c, q).answer.clone(),
        channel: q
            .channel
            .map(|ch| cx.tr(&format!("channel_{}", ch.key().replace('-', "_")))),
        progress: q
            .progress
            .iter()
            .map(|p| ProgressEntry {
                date: cx.t.day(p.date),
                date_iso: p.date.format("%Y-%m-%d").to_string(),
                state: Badge {
                    key: p.state.key(),
                    label: cx.tr(&format!("state_{}", p.state.key())),
                },
                note: p.note.clone(),
            })
            .collect(),
        follows: q.follows.as_ref().and_then(|f| link_to(&f.value)),
        followed_by: cx
            .published
            .followers
            .get(&r)
            .map(|v| v.iter().filter_map(link_to).collect())
            .unwrap_or_default(),
        updates: cx
            .published
            .updates_by_question
            .get(&r)
            .map(|v| v.iter().map(|u| cx.update_item(u)).collect())
            .unwrap_or_default(),
        permalink: format!("{}{}", site.config.base_url, item.url),
        item,
    };
    let crumbs = vec![
        Link {
            label: cx.tr("label_neighbourhoods"),
            url: urls::neighbourhoods(cx.lang),
        },
        cx.neighbourhood_link(c.neighbourhood),
        cx.contract_link(c),
    ];
    let url = page.item.url.clone();
    let layout = cx.layout(&url, page.item.title.clone(), "wijken", crumbs);
    cx.job(url, "question.html", layout, &page)
}

fn district(cx: &PageContext, d: &District) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        description: Option<String>,
        totals: Totals,
        neighbourhoods: Vec<NeighbourhoodItem>,
    }
    let url = urls::district(cx.lang, &d.slug);
    let questions = cx
        .all_questions()
        .filter(|(c, _)| d.neighbourhoods.contains(&c.neighbourhood))
        .map(|(_, q)| q);
    let page = View {
        name: d.name.clone(),
        description: d.description.clone(),
        totals: cx.totals(questions),
        neighbourhoods: d
            .neighbourhoods
            .iter()
            .map(|&n| cx.neighbourhood_item(n))
            .collect(),
    };
    let crumbs = vec![Link {
        label: cx.tr("label_neighbourhoods"),
        url: urls::neighbourhoods(cx.lang),
    }];
    let layout = cx.layout(&url, d.name.clone(), "wijken", crumbs);
    cx.job(url, "district.html", layout, &page)
}

fn partner(cx: &PageContext, id: PartnerId) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        kind: String,
        url: Option<String>,
        description: Option<String>,
        totals: Totals,
        groups: Vec<OutcomeGroup>,
    }
    let p = cx.site().partner(id);
    let url = urls::partner(cx.lang, &p.slug);
    let items: Vec<(&Contract, &Question)> = cx
        .all_questions()
        .filter(|(_, q)| q.partner == id)
        .collect();
    let page = View {
        name: p.name.clone(),
        kind: cx.tr(&format!("partner_{}", p.kind.key())),
        url: p.url.clone(),
        description: p.description.clone(),
        totals: cx.totals(items.iter().map(|(_, q)| *q)),
        groups: cx.groups(&items),
    };
    let layout = cx.layout(&url, p.name.clone(), "wijken", vec![]);
    cx.job(url, "partner.html", layout, &page)
}

fn topic(cx: &PageContext, id: TopicId) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        description: Option<String>,
        totals: Totals,
        groups: Vec<OutcomeGroup>,
    }
    let t = cx.site().topic(id);
    let url = urls::topic(cx.lang, &t.slug);
    let items: Vec<(&Contract, &Question)> =
        cx.all_questions().filter(|(_, q)| q.topic == id).collect();
    let page = View {
        name: t.name.clone(),
        description: t.description.clone(),
        totals: cx.totals(items.iter().map(|(_, q)| *q)),
        groups: cx.groups(&items),
    };
    let layout = cx.layout(&url, t.name.clone(), "wijken", vec![]);
    cx.job(url, "topic.html", layout, &page)
}

fn news(cx: &PageContext) -> PageJob {
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

fn news_item(cx: &PageContext, u: &Update) -> PageJob {
    #[derive(Serialize)]
    struct View {
        item: UpdateItem,
        body_html: String,
        neighbourhoods: Vec<Link>,
        questions: Vec<Link>,
    }
    let site = cx.site();
    let item = cx.update_item(u);
    let url = item.url.clone();
    let page = View {
        body_html: markdown::render(&u.body.0, Trust::Editor, ""),
        neighbourhoods: u
            .neighbourhoods
            .iter()
            .map(|&n| cx.neighbourhood_link(n))
            .collect(),
        questions: u
            .questions
            .iter()
            .filter_map(|r| {
                cx.published.questions.get(&r.value).map(|(c, q)| Link {
                    label: format!(
                        "{} ({} {})",
                        q.title,
                        site.neighbourhood(c.neighbourhood).name,
                        c.year
                    ),
                    url: urls::question(cx.lang, &r.value.neighbourhood, r.value.year, r.value.id),
                })
            })
            .collect(),
        item,
    };
    let crumbs = vec![Link {
        label: cx.tr("nav_news"),
        url: urls::news(cx.lang),
    }];
    let layout = cx.layout(&url, u.title.clone(), "nieuws", crumbs);
    cx.job(url, "news_item.html", layout, &page)
}

fn page(cx: &PageContext, p: &Page) -> PageJob {
    #[derive(Serialize)]
    struct View {
        title: String,
        summary: Option<String>,
        body_html: String,
    }
    let url = urls::page(cx.lang, &p.slug);
    let view = View {
        title: p.title.clone(),
        summary: p.summary.clone(),
        body_html: markdown::render(&p.body.0, Trust::Editor, ""),
    };
    let layout = cx.layout(&url, p.title.clone(), "page", vec![]);
    cx.job(url, "page.html", layout, &view)
}

fn not_found(cx: &PageContext) -> PageJob {
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn data(cx: &PageContext) -> PageJob {
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

fn search(cx: &PageContext) -> PageJob {
    #[derive(Serialize)]
    struct Option_ {
        slug: String,
        name: String,
    }
    #[derive(Serialize)]
    struct View {
        neighbourhoods: Vec<Option_>,
        outcomes: Vec<Badge>,
        years: Vec<i32>,
        neighbourhoods_url: String,
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
        years: crate::search::filter_years(cx.published),
        neighbourhoods_url: urls::neighbourhoods(cx.lang),
        topics: site
            .topics
            .iter()
            .map(|t| Link {
                label: t.name.clone(),
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
        ["wijken", slug, year] => contract(slug, year).map(|c| self::contract(cx, c)),
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
        ["partners", slug] => site
            .partners
            .iter()
            .position(|p| p.slug == *slug)
            .map(|i| partner(cx, PartnerId(i as u32))),
        ["themas", slug] => site
            .topics
            .iter()
            .position(|t| t.slug == *slug)
            .map(|i| topic(cx, TopicId(i as u32))),
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
