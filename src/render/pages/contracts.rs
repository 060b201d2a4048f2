//! The pages of a contract and of each of its questions.

use serde::Serialize;

use super::PageContext;
use super::capitalise;
use crate::model::*;
use crate::render::markdown::{self, Trust};
use crate::render::views::*;
use crate::render::{PageJob, urls};

pub(super) fn contract(cx: &PageContext, c: &Contract) -> PageJob {
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
        /// Each standing's questions, for the standing figures to link to.
        standings: Vec<StandingList>,
        print_url: String,
        short_link: Option<String>,
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
    let lists = super::figures::Lists::of(&c.questions, site.today());
    let standings = Figure::STANDINGS
        .iter()
        .filter(|&&f| lists.count(f) > 0)
        .filter_map(|&f| {
            Some(StandingList {
                id: urls::contract_anchor(f)?,
                label: cx.figure_label(f),
                questions: lists
                    .get(f)
                    .iter()
                    .map(|&i| {
                        let q = &c.questions[i as usize];
                        Link {
                            label: q.title.clone(),
                            url: urls::question(cx.lang, &n.slug, c.year, q.id),
                        }
                    })
                    .collect(),
            })
        })
        .collect();
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
        totals: cx.contract_totals(c, &lists),
        groups: cx.groups(&items),
        standings,
        print_url: urls::print(cx.lang, &n.slug, c.year),
        short_link: cx.short_link_text(&urls::contract(
            cx.published.permalink_language(),
            &n.slug,
            c.year,
        )),
    };
    let crumbs = vec![
        Link {
            label: cx.tr("label_neighbourhoods"),
            url: urls::neighbourhoods(cx.lang),
        },
        cx.neighbourhood_link(c.neighbourhood),
    ];
    let mut layout = cx.layout(&link.url, page.title.clone(), "wijken", crumbs);
    layout.feeds = vec![cx.neighbourhood_feed(c.neighbourhood)];
    layout.image = cx.contract_image_url(c);
    layout.image_alt = page.title.clone();
    layout.description = format!("{}, {}.", n.name, cx.contract_summary(c, &lists));
    cx.job(link.url, "contract.html", layout, &page)
}

pub(super) fn question(cx: &PageContext, c: &Contract, q: &Question) -> PageJob {
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
        /// Plain sentences at the top: the answer changed, the deadline moved.
        changes: Vec<String>,
        /// The answer and where it stands, in one sentence, under the title.
        answer_line: String,
        /// `nl` on an English page where the text has no English version.
        asked_lang: Option<&'static str>,
        answer_lang: Option<&'static str>,
        /// "Alle stappen (3)": the history's summary, not a second "Wat er gebeurde".
        history_summary: String,
        short_link: Option<String>,
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
    let texts = cx.published.texts(c, q);
    let answer_line = cx.answer_sentence(q, q.delivery(site.today()));
    let prefix = format!("q-{}-{}-{}-", r.neighbourhood, c.year, q.id);
    let (asked_html, asked_lang) =
        match cx.english_html(q, |e| e.asked.as_ref(), &format!("{prefix}a-")) {
            Some(html) => (html, None),
            None => (texts.asked.clone(), cx.dutch_mark()),
        };
    let (answer_html, answer_lang) =
        match cx.english_html(q, |e| e.answer.as_ref(), &format!("{prefix}b-")) {
            Some(html) => (Some(html), None),
            None => (
                texts.answer.clone(),
                texts.answer.as_ref().and(cx.dutch_mark()),
            ),
        };
    let page = View {
        answer_line,
        history_summary: cx
            .tr("label_history_steps")
            .replace("{n}", &q.progress.len().to_string()),
        number: cx
            .tr("label_question_number")
            .replace("{id}", &q.id.to_string()),
        asked_html,
        answer_html,
        asked_lang,
        answer_lang,
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
        changes: change_sentences(cx, &item),
        short_link: cx.short_link_text(&urls::question(
            cx.published.permalink_language(),
            &r.neighbourhood,
            r.year,
            r.id,
        )),
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
    let n = site.neighbourhood(c.neighbourhood);
    // The title names the neighbourhood: a shared link must say where.
    let title = format!("{} · {}", page.item.title, n.name);
    let mut layout = cx.layout(&url, title, "wijken", crumbs);
    layout.feeds = vec![cx.neighbourhood_feed(c.neighbourhood)];
    layout.image = cx.contract_image_url(c);
    layout.image_alt = format!("{} · {}", n.name, page.item.contract.label);
    layout.description = super::share::describe(&format!(
        "{} ({}, {}): {}",
        page.item.title, n.name, c.year, page.answer_line
    ));
    cx.job(url, "question.html", layout, &page)
}

/// "De termijn is verschoven: eerst derde kwartaal 2026, nu eerste kwartaal
/// 2027.", so that a reader sees a change before the details.
fn change_sentences(cx: &PageContext, item: &QuestionItem) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(last) = item.revisions.last() {
        out.push(
            cx.tr("label_revised_notice")
                .replace("{date}", &last.date)
                .replace("{from}", &last.from.label),
        );
    }
    if let (Some(promised), Some(deadline)) = (&item.promised, &item.deadline) {
        out.push(
            cx.tr("label_moved_notice")
                .replace("{promised}", promised)
                .replace("{deadline}", deadline),
        );
    }
    out
}
