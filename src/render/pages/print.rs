//! `/wijken/<slug>/<year>/afdrukken/`: a contract for the printed
//! neighbourhood paper. A4, black and white: every state is in words, and
//! each question carries a QR code and a short link to its page.

use serde::Serialize;

use super::PageContext;
use crate::model::*;
use crate::render::markdown::plain_text;
use crate::render::views::*;
use crate::render::{PageJob, qr, urls};

#[derive(Serialize)]
struct PrintQuestion {
    id: u32,
    title: String,
    /// "Binnen de looptijd · Op schema · derde kwartaal 2026".
    standing: String,
    partner: String,
    summary: Option<String>,
    /// The short link as printed, without the scheme: `example.nl/k/K7MQ2`.
    short: String,
    qr: String,
}

#[derive(Serialize)]
struct View {
    title: String,
    neighbourhood: String,
    year: i32,
    period: String,
    signatories: Vec<String>,
    as_of: String,
    questions: Vec<PrintQuestion>,
    contract: Link,
    contract_short: String,
    contract_qr: String,
}

/// The printed link: without `https://`, as people type it. The slash stays:
/// not every host forwards `/k/K7MQ2` to `/k/K7MQ2/`.
fn printed(absolute: &str) -> String {
    absolute
        .strip_prefix("https://")
        .or_else(|| absolute.strip_prefix("http://"))
        .unwrap_or(absolute)
        .to_string()
}

/// The answer in at most two sentences: the answer's text, else the reason.
pub(super) fn summary(q: &Question) -> Option<String> {
    let source = q.answer.as_ref().or(match &q.outcome {
        Outcome::Declined { reason, .. }
        | Outcome::Scheduled {
            planning: Planning::NotAdjusted { reason },
            ..
        } => Some(reason),
        Outcome::Scheduled {
            planning: Planning::Adjusted { note },
            ..
        } => note.as_ref(),
        _ => None,
    })?;
    let text = plain_text(&source.0);
    let mut ends = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ') {
            ends += 1;
            if ends == 2 {
                return Some(format!("{} …", &text[..=i]));
            }
        }
    }
    (!text.is_empty()).then_some(text)
}

impl PageContext<'_, '_> {
    /// A permalink's short link as printed or read out: `example.nl/k/K7MQ2/`.
    pub(super) fn short_link_text(&self, permalink: &str) -> Option<String> {
        let short = self.published.short_link(permalink)?;
        Some(printed(&format!("{}{short}", self.site().config.base_url)))
    }

    /// A question's standing in words: the answer, its state as of the
    /// build (from the model), and the deadline that holds now.
    pub(super) fn standing_words(&self, item: &QuestionItem) -> String {
        let mut parts = vec![item.outcome.label.clone()];
        if let Some(d) = &item.delivery {
            parts.push(d.label.clone());
        }
        if let Some(deadline) = item.deadline.as_ref().or(item.when.as_ref()) {
            parts.push(deadline.clone());
        }
        if let Some(r) = &item.report_by
            && item.delivery.as_ref().is_some_and(|d| d.key == "awaiting")
        {
            parts.push(format!("{} {r}", self.tr("label_report_by").to_lowercase()));
        }
        if let Some(g) = &item.ground {
            parts.push(g.clone());
        }
        parts.join(" · ")
    }
}

/// The QR codes of a contract: the same in every language, and its
/// languages are rendered one after the other on one thread.
type Codes = std::rc::Rc<Vec<String>>;

thread_local! {
    static LAST_CODES: std::cell::RefCell<Option<((u64, usize), Codes)>> =
        const { std::cell::RefCell::new(None) };
}

fn codes_of(cx: &PageContext, c: &Contract, make: impl FnOnce() -> Vec<String>) -> Codes {
    let key = (cx.published.instance, std::ptr::from_ref(c) as usize);
    LAST_CODES.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((k, codes)) = &*last
            && *k == key
        {
            return codes.clone();
        }
        let codes = std::rc::Rc::new(make());
        *last = Some((key, codes.clone()));
        codes
    })
}

pub(super) fn print(cx: &PageContext, c: &Contract) -> PageJob {
    let site = cx.site();
    let n = site.neighbourhood(c.neighbourhood);
    let base = &site.config.base_url;
    let permalink_lang = cx.published.permalink_language();
    let short_of = |permalink: String| {
        let short = cx.published.short_link(&permalink).unwrap_or(permalink);
        format!("{base}{short}")
    };
    let shorts: Vec<String> = c
        .questions
        .iter()
        .map(|q| short_of(urls::question(permalink_lang, &n.slug, c.year, q.id)))
        .collect();
    let contract_short = short_of(urls::contract(permalink_lang, &n.slug, c.year));
    // The codes without their accessible names, which differ by language.
    let codes = codes_of(cx, c, || {
        shorts
            .iter()
            .chain([&contract_short])
            .map(|s| qr::svg(s, "\u{1}"))
            .collect()
    });
    let named = |svg: &str, label: &str| svg.replacen("\u{1}", &qr::escape(label), 1);
    let questions = c
        .questions
        .iter()
        .zip(&shorts)
        .zip(codes.iter())
        .map(|((q, short), svg)| {
            let item = cx.question_item(c, q);
            let label = cx
                .tr("print_qr_question")
                .replace("{id}", &q.id.to_string());
            PrintQuestion {
                id: q.id,
                standing: cx.standing_words(&item),
                partner: item.partner.label.clone(),
                title: item.title,
                summary: summary(q),
                qr: named(svg, &label),
                short: printed(short),
            }
        })
        .collect();
    let link = cx.contract_link(c);
    let signatories = c
        .signatories
        .iter()
        .map(|s| match s {
            Signatory::Council => n.council.clone().unwrap_or_else(|| {
                format!(
                    "{} {}",
                    super::capitalise(&site.config.council.singular),
                    n.name
                )
            }),
            Signatory::Partner(p) => site.partner(*p).name.clone(),
        })
        .collect();
    let page = View {
        title: format!("{} · {}", link.label, n.name),
        neighbourhood: n.name.clone(),
        year: c.year,
        period: cx.period(c),
        signatories,
        as_of: cx
            .tr("print_as_of")
            .replace("{date}", &cx.t.day(site.today())),
        questions,
        contract_qr: named(
            codes.last().map_or("", String::as_str),
            &cx.tr("print_qr_contract"),
        ),
        contract_short: printed(&contract_short),
        contract: link,
    };
    let url = urls::print(cx.lang, &n.slug, c.year);
    let layout = cx.layout(&url, page.title.clone(), "wijken", Vec::new());
    cx.job(url, "print.html", layout, &page)
}

#[cfg(test)]
mod tests {
    #[test]
    fn printed_links_drop_the_scheme() {
        assert_eq!(
            super::printed("https://www.haarlem.nl/wijkcontracten/k/K7MQ2/"),
            "www.haarlem.nl/wijkcontracten/k/K7MQ2/"
        );
    }
}
