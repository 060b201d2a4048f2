//! The static search index: one small shard per neighbourhood, so that a
//! visitor who filters on a neighbourhood downloads only that shard, and a
//! manifest that names the shards. Built from the model; only public questions.

use serde::Serialize;

use crate::config::Language;
use crate::model::{Keyword, NeighbourhoodId, Outcome, Planning};
use crate::render::markdown::plain_text;
use rayon::prelude::*;

use crate::output::Sink;
use crate::render::{Published, urls};

#[derive(Serialize)]
struct Manifest {
    version: u32,
    shards: Vec<ShardInfo>,
}

#[derive(Serialize)]
struct ShardInfo {
    slug: String,
    name: String,
    file: String,
    count: usize,
    years: Vec<i32>,
}

/// One question in the index: short keys keep the shards small.
#[derive(Serialize)]
struct Doc {
    /// Path of the question page without the language prefix.
    u: String,
    /// Title.
    t: String,
    /// Outcome key.
    o: &'static str,
    /// Year.
    y: i32,
    /// Partner and topic names, for display and matching.
    p: String,
    h: String,
    /// Searchable text: question, answer, reasons, location.
    x: String,
}

pub fn render(p: &Published, out: &dyn Sink) -> anyhow::Result<()> {
    let site = p.site;
    let shards: Vec<Option<ShardInfo>> = site
        .neighbourhoods
        .par_iter()
        .enumerate()
        .map(|(i, n)| -> anyhow::Result<Option<ShardInfo>> {
            let id = NeighbourhoodId(i as u32);
            let mut docs = Vec::new();
            let mut years = Vec::new();
            for c in p.contracts.iter().filter(|c| c.neighbourhood == id) {
                years.push(c.year);
                for q in &c.questions {
                    let mut text = vec![plain_text(&q.asked.0)];
                    text.extend(q.answer.as_ref().map(|a| plain_text(&a.0)));
                    text.extend(q.location.clone());
                    match &q.outcome {
                        Outcome::Declined { reason, .. } => text.push(plain_text(&reason.0)),
                        Outcome::Scheduled {
                            planning: Planning::NotAdjusted { reason },
                            ..
                        } => text.push(plain_text(&reason.0)),
                        Outcome::Scheduled {
                            planning: Planning::Adjusted { note: Some(note) },
                            ..
                        } => text.push(plain_text(&note.0)),
                        Outcome::Prioritised {
                            decision: Some(d), ..
                        } => text.extend(d.note.clone()),
                        _ => {}
                    }
                    docs.push(Doc {
                        u: urls::question(Language::Nl, &n.slug, c.year, q.id),
                        t: q.title.clone(),
                        o: q.outcome.kind().key(),
                        y: c.year,
                        p: site.partner(q.partner).name.clone(),
                        h: site.topic(q.topic).name.clone(),
                        x: text.join(" "),
                    });
                }
            }
            if docs.is_empty() {
                return Ok(None);
            }
            let file = format!("zoeken/index/{}.json", n.slug);
            let info = ShardInfo {
                slug: n.slug.clone(),
                name: n.name.clone(),
                file: format!("/{file}"),
                count: docs.len(),
                years,
            };
            out.put(file, serde_json::to_vec(&docs)?)?;
            Ok(Some(info))
        })
        .collect::<anyhow::Result<_>>()?;
    let manifest = Manifest {
        version: 1,
        shards: shards.into_iter().flatten().collect(),
    };
    out.put(
        "zoeken/index/manifest.json".into(),
        serde_json::to_vec(&manifest)?,
    )
}

/// The years and outcomes the search page offers as filters.
pub fn filter_years(p: &Published) -> Vec<i32> {
    let mut years: Vec<i32> = p.contracts.iter().map(|c| c.year).collect();
    years.sort_unstable();
    years.dedup();
    years.reverse();
    years
}
