//! The pieces several pages list: question items, outcome groups and
//! totals, contracts, news items, neighbourhoods by district.

use super::PageContext;
use crate::model::*;
use crate::render::urls;
use crate::render::views::*;

impl<'s> PageContext<'_, 's> {
    pub fn question_item(&self, c: &Contract, q: &Question) -> QuestionItem {
        let site = self.site();
        let lang = self.lang;
        let n = site.neighbourhood(c.neighbourhood);
        let partner = site.partner(q.partner);
        let topic = site.topic(q.topic);
        let today = site.today();
        let delivery = q.delivery(today);
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
                        reason_html = self.published.reason(c, q);
                    }
                    Planning::NotAdjusted { .. } => {
                        planning = Some(self.tr("planning_not_adjusted"));
                        reason_html = self.published.reason(c, q);
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
                reason_html = self.published.reason(c, q);
            }
        }
        let (title, title_lang) = self.question_title(q);
        // The English reason where the editors wrote one; else the Dutch, marked.
        let english_reason = reason_html.as_ref().and(self.english_html(
            q,
            |e| e.reason.as_ref(),
            &format!("q-{}-{}-{}-r-", n.slug, c.year, q.id),
        ));
        let reason_lang = match &english_reason {
            Some(_) => None,
            None => reason_html.as_ref().and(self.dutch_mark()),
        };
        if english_reason.is_some() {
            reason_html = english_reason;
        }
        QuestionItem {
            id: q.id,
            title: title.to_string(),
            title_lang,
            reason_lang,
            url: urls::question(lang, &n.slug, c.year, q.id),
            kind: self.tr(&format!("kind_{}", q.kind.key())),
            outcome: self.answer_badge(q, delivery),
            delivery: self.standing_badge(q, today),
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
                label: self.topic_name(topic).to_string(),
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
            promised: q.promised().map(|w| self.t.when(&w)),
            deadline: self.moved_deadline(q),
            moves: q
                .rescheduled
                .iter()
                .map(|m| MoveEntry {
                    date: self.t.day(m.date),
                    date_iso: m.date.format("%Y-%m-%d").to_string(),
                    to: self.t.when(&m.to),
                    reason: m.reason.clone(),
                })
                .collect(),
            revisions: q
                .revised
                .iter()
                .map(|r| RevisionEntry {
                    date: self.t.day(r.date),
                    date_iso: r.date.format("%Y-%m-%d").to_string(),
                    from: self.outcome_badge(r.from),
                    reason: r.reason.clone(),
                })
                .collect(),
            late_by: q.days_late().map(|days| self.t.late_by(days)),
            volunteers: self.volunteers(q),
            scale: self.scale(q),
        }
    }

    /// The sentence for an initiative that waits for enough residents.
    fn volunteers(&self, q: &Question) -> Option<String> {
        q.needs_volunteers
            .then(|| self.tr("label_needs_volunteers"))
    }

    /// The sentence for a question taken up beyond its neighbourhood.
    fn scale(&self, q: &Question) -> Option<String> {
        q.scale
            .is_larger()
            .then(|| self.tr(&format!("label_scale_{}", q.scale.key())))
    }

    /// The questions of `items` under their outcome, as [`Figure::Outcome`] counts them.
    pub(super) fn groups(&self, items: &[(&Contract, &Question)]) -> Vec<OutcomeGroup> {
        let today = self.site().today();
        let mut by_outcome: Vec<Vec<QuestionItem>> = vec![Vec::new(); OutcomeKind::ALL.len()];
        for (c, q) in items {
            let outcome = Figure::of(q, today).find_map(|f| match f {
                Figure::Outcome(k) => OutcomeKind::ALL.iter().position(|x| *x == k),
                _ => None,
            });
            if let Some(i) = outcome {
                by_outcome[i].push(self.question_item(c, q));
            }
        }
        OutcomeKind::ALL
            .iter()
            .zip(by_outcome)
            .filter(|(_, questions)| !questions.is_empty())
            .map(|(&k, questions)| OutcomeGroup {
                key: k.key(),
                anchor: urls::contract_anchor(Figure::Outcome(k)).unwrap_or_default(),
                label: self.tr(&format!("outcome_{}", k.key())),
                help: self.tr(&format!("outcome_{}_help", k.key())),
                questions,
            })
            .collect()
    }

    /// Page `number` of the agreements in `items`, whose first page is at `first`.
    pub(super) fn listing(
        &self,
        items: &[(&Contract, &Question)],
        first: &str,
        number: usize,
    ) -> Listing {
        let today = self.site().today();
        let pages = urls::page_count(items.len());
        let rows = items
            .iter()
            .skip((number - 1) * urls::PER_PAGE)
            .take(urls::PER_PAGE)
            .map(|(c, q)| {
                let n = self.site().neighbourhood(c.neighbourhood);
                let when = q.promised().map(|w| self.t.when(&w));
                let delivery = q.delivery(today);
                let (title, title_lang) = self.question_title(q);
                AgreementRow {
                    title: title.to_string(),
                    title_lang,
                    url: urls::question(self.lang, &n.slug, c.year, q.id),
                    contract: Link {
                        label: format!("{} {}", n.name, c.year),
                        url: urls::contract(self.lang, &n.slug, c.year),
                    },
                    outcome: self.answer_badge(q, delivery),
                    when,
                    deadline: self.moved_deadline(q),
                    delivery: self.standing_badge(q, today),
                    disputed: q.disputed.as_ref().map(|_| self.tr("label_disputed")),
                    volunteers: self.volunteers(q),
                    scale: self.scale(q),
                }
            })
            .collect();
        let pagination = self.pagination(first, number, pages);
        Listing {
            count: items.len(),
            rows,
            pagination,
        }
    }

    /// Links between the `pages` pages of a list whose first page is at `first`.
    pub(super) fn pagination(
        &self,
        first: &str,
        number: usize,
        pages: usize,
    ) -> Option<Pagination> {
        (pages > 1).then(|| {
            let link = |k: usize| urls::nth_page(first, k);
            Pagination {
                label: self.page_label(number, pages),
                previous: (number > 1).then(|| link(number - 1)),
                next: (number < pages).then(|| link(number + 1)),
                pages: (1..=pages)
                    .filter(|&k| k == 1 || k == pages || k.abs_diff(number) <= 2)
                    .scan(0, |last, k| {
                        let gap = k > *last + 1;
                        *last = k;
                        let page = PageLink {
                            number: k,
                            url: link(k),
                            current: k == number,
                        };
                        Some(if gap {
                            vec![None, Some(page)]
                        } else {
                            vec![Some(page)]
                        })
                    })
                    .flatten()
                    .collect(),
            }
        })
    }

    /// "Pagina 2 van 7".
    pub(super) fn page_label(&self, number: usize, pages: usize) -> String {
        self.tr("pagination_page")
            .replace("{number}", &number.to_string())
            .replace("{pages}", &pages.to_string())
    }

    /// The totals of a set of questions whose figures `count` gives; each
    /// figure links to `link(figure, count)`, when that gives a list.
    pub(super) fn totals_of(
        &self,
        count: impl Fn(Figure) -> usize,
        link: impl Fn(Figure, usize) -> Option<String>,
    ) -> Totals {
        let total = count(Figure::Questions);
        let mut x = 0.0;
        let rows = OutcomeKind::ALL
            .iter()
            .map(|&k| {
                let f = Figure::Outcome(k);
                let n = count(f);
                let width = if total == 0 {
                    0.0
                } else {
                    n as f64 * 100.0 / total as f64
                };
                let row = TotalRow {
                    key: k.key(),
                    label: self.tr(&format!("outcome_{}", k.key())),
                    count: n,
                    percent: width.round() as u32,
                    x: (x * 100.0_f64).round() / 100.0,
                    width: (width * 100.0).round() / 100.0,
                    url: link(f, n),
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
        let row = |f: Figure| {
            let n = count(f);
            FigureRow {
                key: f.key(),
                label: self.figure_label(f),
                count: n,
                url: link(f, n),
            }
        };
        let overdue = Figure::Delivery(Delivery::Overdue);
        Totals {
            total,
            kept: count(Figure::KEPT),
            overdue: count(overdue),
            moved: count(Figure::Delivery(Delivery::Moved)),
            standings: Figure::STANDINGS
                .iter()
                .map(|&f| row(f))
                .filter(|r| r.count > 0)
                .collect(),
            declined_by_ground: Ground::ALL
                .iter()
                .map(|&g| {
                    let f = Figure::Declined(g);
                    let n = count(f);
                    GroundRow {
                        label: self.tr(&format!("ground_{}", g.key())),
                        count: n,
                        url: link(f, n),
                    }
                })
                .filter(|g| g.count > 0)
                .collect(),
            rows,
            summary,
            total_url: link(Figure::Questions, total),
            kept_url: link(Figure::KEPT, count(Figure::KEPT)),
            overdue_url: link(overdue, count(overdue)),
        }
    }

    /// A contract's totals, each figure a link to where its page lists it.
    pub(super) fn contract_totals(&self, c: &Contract, lists: &super::figures::Lists) -> Totals {
        let url = self.contract_link(c).url;
        self.totals_of(
            |f| lists.count(f),
            |f, n| {
                let anchor = urls::contract_anchor(f)?;
                (n > 0).then(|| format!("{url}#{anchor}"))
            },
        )
    }

    pub(super) fn contract_item(&self, c: &Contract) -> ContractItem {
        let link = self.contract_link(c);
        ContractItem {
            year: c.year,
            label: link.label,
            url: link.url,
            period: self.period(c),
            totals: self.contract_totals(
                c,
                &super::figures::Lists::of(&c.questions, self.site().today()),
            ),
        }
    }

    pub(super) fn update_item(&self, u: &Update) -> UpdateItem {
        let (title, lang) = self.translated_title(&u.title, u.en.as_ref());
        let summary = match self.translation(u.en.as_ref()) {
            Some(t) => t.summary.clone(),
            None => u.summary.clone(),
        };
        UpdateItem {
            title: title.to_string(),
            url: urls::news_item(self.lang, &u.slug),
            date: self.t.day(u.date),
            date_iso: u.date.format("%Y-%m-%d").to_string(),
            summary,
            lang,
        }
    }

    pub(super) fn latest_contract(&self, id: NeighbourhoodId) -> Option<&'s Contract> {
        self.published
            .contracts
            .iter()
            .rev()
            .find(|c| c.neighbourhood == id)
            .copied()
    }

    pub(super) fn neighbourhood_item(&self, id: NeighbourhoodId) -> NeighbourhoodItem {
        let n = self.site().neighbourhood(id);
        NeighbourhoodItem {
            name: n.name.clone(),
            url: urls::neighbourhood(self.lang, &n.slug),
            focus: n.focus,
            latest: self.latest_contract(id).map(|c| self.contract_item(c)),
            opted_out: self.opted_out_label(id),
        }
    }

    /// "Geen wijkcontract (eigen keuze)"; "… meer sinds 2012 …" where the
    /// neighbourhood had contracts before.
    pub(super) fn opted_out_label(&self, id: NeighbourhoodId) -> Option<String> {
        let o = self.site().neighbourhood(id).opted_out.as_ref()?;
        Some(match self.latest_contract(id) {
            None => self.tr("label_opted_out"),
            Some(_) => self
                .tr("label_opted_out_since")
                .replace("{since}", &o.since.to_string()),
        })
    }

    pub(super) fn district_items(&self) -> Vec<DistrictItem> {
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
}
