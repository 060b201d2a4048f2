//! What the site knows: its neighbourhoods, partners and topics, and every
//! question id in the contract files, to read slugs and `follows` against.

use std::collections::HashSet;
use std::path::Path;

use super::doc::{map_get, map_text};
use crate::load::{Node, Value};
use crate::model::QuestionRef;
use crate::validate::suggest::did_you_mean;

#[derive(Default)]
pub(super) struct SiteInfo {
    pub(super) neighbourhoods: Vec<(String, String)>,
    pub(super) partners: Vec<(String, String)>,
    pub(super) topics: Vec<(String, String)>,
    /// Every question id in every contract file, for `follows`.
    pub(super) questions: HashSet<QuestionRef>,
}

impl SiteInfo {
    pub(super) fn load(root: &Path) -> anyhow::Result<SiteInfo> {
        let mut d = crate::diagnostic::Diagnostics::default();
        let sources = crate::load::load(root, &mut d)?;
        let mut info = SiteInfo::default();
        let slugs = |doc: &Option<crate::load::YamlDoc>| -> Vec<(String, String)> {
            let mut out = Vec::new();
            if let Some(Node {
                value: Value::Seq(items),
                ..
            }) = doc.as_ref().and_then(|d| d.root.as_deref())
            {
                for item in items {
                    if let (Some(slug), name) = (map_text(item, "slug"), map_text(item, "name")) {
                        out.push((slug.clone(), name.unwrap_or(slug)));
                    }
                }
            }
            out
        };
        info.partners = slugs(&sources.partners);
        info.topics = slugs(&sources.topics);
        if let Some(Node {
            value: Value::Seq(districts),
            ..
        }) = sources.districts.as_ref().and_then(|d| d.root.as_deref())
        {
            for district in districts {
                if let Some(Node {
                    value: Value::Seq(nbs),
                    ..
                }) = map_get(district, "neighbourhoods")
                {
                    for nb in nbs {
                        if let Some(slug) = map_text(nb, "slug") {
                            let name = map_text(nb, "name").unwrap_or_else(|| slug.clone());
                            info.neighbourhoods.push((slug, name));
                        }
                    }
                }
            }
        }
        for c in &sources.contracts {
            let Ok(year) = c.year.parse::<i32>() else {
                continue;
            };
            if let Some(Node {
                value: Value::Seq(items),
                ..
            }) = c.yaml.root.as_deref().and_then(|r| map_get(r, "questions"))
            {
                for item in items {
                    if let Some(Value::Int(id)) = map_get(item, "id").map(|n| &n.value)
                        && let Ok(id) = u32::try_from(*id)
                    {
                        info.questions.insert(QuestionRef {
                            neighbourhood: c.neighbourhood.value.clone(),
                            year,
                            id,
                        });
                    }
                }
            }
        }
        Ok(info)
    }
}

/// A slug from a table, matched on slug or name, ignoring case.
pub(super) fn find_slug<'a>(input: &str, table: &'a [(String, String)]) -> Option<&'a str> {
    let lower = input.to_lowercase();
    table
        .iter()
        .find(|(slug, name)| *slug == lower || name.to_lowercase() == lower)
        .map(|(slug, _)| slug.as_str())
}

pub(super) fn unknown_slug(
    input: &str,
    table: &[(String, String)],
    what: &'static str,
    file: &str,
) -> crate::diagnostic::Text {
    use crate::msg;
    let slugs: Vec<&str> = table.iter().map(|(s, _)| s.as_str()).collect();
    let slug = msg!("unknown-slug", what = what, slug = input);
    let hint = match did_you_mean(input, slugs.iter().copied()) {
        Some(s) => msg!("unknown-slug-suggest", suggestion = s),
        None if slugs.is_empty() => msg!("unknown-slug-none", file = file),
        None => msg!("unknown-slug-known", file = file, known = slugs.join(", ")),
    };
    msg!("import-and", first = slug, then = hint).into()
}
