//! The pages of places and of who answers: a neighbourhood, a district, a
//! partner, a topic.

use serde::Serialize;

use super::PageContext;
use crate::model::*;
use crate::render::markdown::{self, Trust};
use crate::render::views::*;
use crate::render::{PageJob, urls};

pub(super) fn neighbourhood(cx: &PageContext, id: NeighbourhoodId) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        intro_html: Option<String>,
        council: Option<String>,
        focus: bool,
        district: Link,
        contracts: Vec<ContractItem>,
        /// The council's choice to have no contract, and its note.
        opted_out: Option<OptedOutView>,
        updates: Vec<UpdateItem>,
        /// The `<iframe>` that embeds the press card, to copy.
        card_snippet: Option<String>,
        card_url: String,
        /// The small map with this neighbourhood highlighted, when the map has its shape.
        map: Option<super::map::SmallMap>,
    }
    #[derive(Serialize)]
    struct OptedOutView {
        sentence: String,
        note: String,
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
    let card_url = urls::card(cx.lang, &n.slug);
    let card_snippet = (!contracts.is_empty()).then(|| {
        format!(
            "<iframe src=\"{}{card_url}\" title=\"{}\" width=\"400\" height=\"820\" style=\"border:0;max-width:100%\"></iframe>",
            site.config.base_url,
            cx.tr("card_iframe_title").replace("{name}", &n.name)
        )
    });
    let page = View {
        map: cx.small_map(Some(id)),
        card_snippet,
        card_url,
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
        opted_out: n.opted_out.as_ref().map(|o| OptedOutView {
            sentence: cx
                .tr("label_opted_out_notice")
                .replace("{name}", &n.name)
                .replace("{since}", &o.since.to_string()),
            note: o.note.clone(),
        }),
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
    layout.feeds = vec![cx.neighbourhood_feed(id)];
    layout.image = cx.neighbourhood_image_url(id);
    layout.image_alt = n.name.clone();
    let intro = n.intro.as_ref().map(|m| markdown::plain_text(&m.0));
    layout.description = match intro {
        Some(text) if !text.trim().is_empty() => {
            cx.dutch_description(&format!("{}: {text}", n.name))
        }
        _ => cx.tr("meta_neighbourhood").replace("{name}", &n.name),
    };
    cx.job(url, "neighbourhood.html", layout, &page)
}

pub(super) fn district(cx: &PageContext, d: &District) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        description: Option<String>,
        totals: Totals,
        neighbourhoods: Vec<NeighbourhoodItem>,
        /// Questions of its neighbourhoods taken up for the district or city.
        larger_scale: Vec<QuestionItem>,
    }
    let url = urls::district(cx.lang, &d.slug);
    let page = View {
        name: d.name.clone(),
        description: d.description.clone(),
        totals: cx.scope_totals(super::Scope::of_district(cx.site(), d)),
        larger_scale: cx
            .published
            .contracts
            .iter()
            .filter(|c| d.neighbourhoods.contains(&c.neighbourhood))
            .flat_map(|c| {
                c.questions
                    .iter()
                    .filter(|q| q.scale.is_larger())
                    .map(move |q| cx.question_item(c, q))
            })
            .collect(),
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

pub(super) fn partner(cx: &PageContext, id: PartnerId, number: usize) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        kind: String,
        url: Option<String>,
        description: Option<String>,
        /// On the first page only.
        totals: Option<Totals>,
        listing: Listing,
    }
    let p = cx.site().partner(id);
    let first = urls::partner(cx.lang, &p.slug);
    let items = &cx.published.by_partner[id.index()];
    let listing = cx.listing(items, &first, number);
    let title = page_title(&p.name, &listing);
    let page = View {
        name: title.clone(),
        kind: cx.tr(&format!("partner_{}", p.kind.key())),
        url: p.url.clone(),
        description: p.description.clone(),
        totals: (number == 1).then(|| cx.scope_totals(super::Scope::Partner(id))),
        listing,
    };
    let crumbs = crumbs_to_first(&p.name, &first, number);
    let layout = cx.layout(&urls::nth_page(&first, number), title, "wijken", crumbs);
    cx.job(
        urls::nth_page(&first, number),
        "partner.html",
        layout,
        &page,
    )
}

pub(super) fn topic(cx: &PageContext, id: TopicId, number: usize) -> PageJob {
    #[derive(Serialize)]
    struct View {
        name: String,
        description: Option<String>,
        totals: Option<Totals>,
        listing: Listing,
    }
    let t = cx.site().topic(id);
    let first = urls::topic(cx.lang, &t.slug);
    let items = &cx.published.by_topic[id.index()];
    let listing = cx.listing(items, &first, number);
    let title = page_title(cx.topic_name(t), &listing);
    let page = View {
        name: title.clone(),
        description: cx.topic_description(t),
        totals: (number == 1).then(|| cx.scope_totals(super::Scope::Topic(id))),
        listing,
    };
    let crumbs = crumbs_to_first(cx.topic_name(t), &first, number);
    let layout = cx.layout(&urls::nth_page(&first, number), title, "wijken", crumbs);
    cx.job(urls::nth_page(&first, number), "topic.html", layout, &page)
}

/// "Gemeente Haarlem", or on a later page "Gemeente Haarlem (pagina 2 van 7)",
/// so that every page has its own title.
fn page_title(name: &str, listing: &Listing) -> String {
    match &listing.pagination {
        Some(p) if p.previous.is_some() => format!("{name} ({})", p.label.to_lowercase()),
        _ => name.to_string(),
    }
}

/// A later page's way back to the first.
fn crumbs_to_first(name: &str, first: &str, number: usize) -> Vec<Link> {
    if number > 1 {
        vec![Link {
            label: name.to_string(),
            url: first.to_string(),
        }]
    } else {
        Vec::new()
    }
}
