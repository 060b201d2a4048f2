//! The editors' own pages: a news item, and a page such as "about".

use serde::Serialize;

use super::PageContext;
use crate::model::*;
use crate::render::markdown::{self, Trust};
use crate::render::views::*;
use crate::render::{PageJob, urls};

pub(super) fn news_item(cx: &PageContext, u: &Update) -> PageJob {
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
    let mut layout = cx.layout(&url, u.title.clone(), "nieuws", crumbs);
    layout.description = cx.dutch_description(
        &u.summary
            .clone()
            .unwrap_or_else(|| format!("{}: {}", u.title, markdown::plain_text(&u.body.0))),
    );
    cx.job(url, "news_item.html", layout, &page)
}

pub(super) fn page(cx: &PageContext, p: &Page) -> PageJob {
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
    let mut layout = cx.layout(&url, p.title.clone(), "page", vec![]);
    layout.description = cx.dutch_description(
        &p.summary
            .clone()
            .unwrap_or_else(|| format!("{}: {}", p.title, markdown::plain_text(&p.body.0))),
    );
    cx.job(url, "page.html", layout, &view)
}
