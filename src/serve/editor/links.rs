//! The **Bewerken** links laid over the preview's pages, by the page's place
//! in the site: added as a page is served, never rendered into it.

use std::fmt::Write as _;

use super::PREFIX;
use super::view::escape;
use crate::model::{QuestionRef, Site};

/// The links for the page at output path `key` (`wijken/meerwijk/2011/7/index.html`).
pub(in crate::serve) fn links(key: &str, site: &Site) -> Option<String> {
    let dir = key.strip_suffix("index.html")?;
    let dir = dir.strip_prefix("en/").unwrap_or(dir);
    let parts: Vec<&str> = dir.trim_end_matches('/').split('/').collect();
    let mut out: Vec<(String, String)> = Vec::new();
    match parts.as_slice() {
        ["wijken", nb, year, id] => {
            let r = QuestionRef {
                neighbourhood: nb.to_string(),
                year: year.parse().ok()?,
                id: id.parse().ok()?,
            };
            let (_, question) = site.find_question(&r)?;
            let q = format!("{nb}/{year}/{id}");
            out.push((format!("vraag/{q}"), "Bewerken".into()));
            out.push((format!("stand/{q}"), "Stand van zaken bijwerken".into()));
            if matches!(
                question.outcome,
                crate::model::Outcome::Honoured { .. }
                    | crate::model::Outcome::Scheduled { .. }
                    | crate::model::Outcome::Prioritised { .. }
            ) {
                out.push((format!("termijn/{q}"), "Termijn verschuiven".into()));
            }
            out.push((format!("betwist/{q}"), "Betwisting vastleggen".into()));
        }
        ["wijken", nb, year] if year.len() == 4 => {
            out.push((format!("nieuwe-vraag/{nb}/{year}"), "Nieuwe vraag".into()));
            out.push((
                format!("contract/{nb}/{year}"),
                "Alle vragen bewerken".into(),
            ));
        }
        ["wijken", nb] if site.neighbourhoods.iter().any(|n| n.slug == *nb) => {
            out.push((format!("nieuw-contract/{nb}"), "Nieuw wijkcontract".into()));
            for c in site.contracts.iter() {
                if site.neighbourhood(c.neighbourhood).slug == *nb && !c.is_public(site.as_of) {
                    out.push((
                        format!("contract/{nb}/{}", c.year),
                        format!("Concept {} bewerken", c.year),
                    ));
                }
            }
        }
        ["nieuws"] => out.push(("nieuws".into(), "Nieuw nieuwsbericht".into())),
        ["nieuws", slug] => {
            site.updates.iter().find(|u| u.slug == *slug)?;
            out.push((format!("nieuws/{slug}"), "Bewerken".into()));
        }
        _ => return None,
    }
    let mut html = String::from(
        "<nav class=\"afspraak-bewerken\" aria-label=\"Bewerken in de voorbeeldsite\" lang=\"nl\" style=\"margin:0 0 1rem;padding:.5rem .75rem;border:2px dashed currentColor\"><ul style=\"margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem\">",
    );
    for (path, label) in out {
        let _ = write!(
            html,
            "<li><a href=\"{PREFIX}/{}\">{}</a></li>",
            escape(&path),
            escape(&label)
        );
    }
    html.push_str("</ul></nav>");
    Some(html)
}
