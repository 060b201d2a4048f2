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
        body_html: markdown::render(
            &cx.translation(u.en.as_ref()).map_or(&u.body, |t| &t.body).0,
            Trust::Editor,
            "",
        ),
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
    let mut layout = cx.layout(&url, page.item.title.clone(), "nieuws", crumbs);
    layout.description = cx.content_description(
        u.en.as_ref(),
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
        /// The language of the texts when it is not the page's.
        lang: Option<&'static str>,
    }
    let url = urls::page(cx.lang, &p.slug);
    let (title, lang) = cx.translated_title(&p.title, p.en.as_ref());
    let en = cx.translation(p.en.as_ref());
    let view = View {
        title: title.to_string(),
        summary: en.map_or(p.summary.clone(), |t| t.summary.clone()),
        body_html: markdown::render(&en.map_or(&p.body, |t| &t.body).0, Trust::Editor, ""),
        lang,
    };
    let mut layout = cx.layout(&url, view.title.clone(), "page", vec![]);
    layout.description = cx.content_description(
        p.en.as_ref(),
        &p.summary
            .clone()
            .unwrap_or_else(|| format!("{}: {}", p.title, markdown::plain_text(&p.body.0))),
    );
    cx.job(url, "page.html", layout, &view)
}
