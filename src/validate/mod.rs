//! Validation: positioned YAML and Markdown become the typed [`Site`], and
//! every problem on the way becomes a diagnostic. Nothing stops at the first
//! error: each file is read to its end, and each rule runs on what could be read.

mod catalog;
mod content;
mod contract;
mod privacy;
pub mod read;
pub mod suggest;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Node, Sources, Value};
use crate::model::{DistrictId, Markdown, NeighbourhoodId, PartnerId, Site, TopicId};
use crate::source::{At, Span};
use suggest::did_you_mean;

/// Slug lookups shared by the rules, and the moment the build is judged at.
pub struct Tables<'a> {
    pub neighbourhoods: HashMap<&'a str, NeighbourhoodId>,
    pub districts: HashMap<&'a str, DistrictId>,
    pub partners: HashMap<&'a str, PartnerId>,
    pub topics: HashMap<&'a str, TopicId>,
    pub as_of: NaiveDateTime,
    /// The council's name as a signatory (`wijkraad`, or `wijkplatform`).
    pub council_word: String,
    /// Whether districts.yaml, partners.yaml and topics.yaml could be read as
    /// lists. References into one that could not are not judged: its own
    /// error says what is wrong, and every slug would otherwise be "unknown".
    pub districts_read: bool,
    pub partners_read: bool,
    pub topics_read: bool,
}

fn lookup<T: Copy>(
    table: &HashMap<&str, T>,
    read: bool,
    slug: &At<String>,
    code: Code,
    what: &str,
    file: &str,
    d: &mut Diagnostics,
) -> Option<T> {
    if let Some(id) = table.get(slug.value.as_str()) {
        return Some(*id);
    }
    if !read {
        return None;
    }
    let help = match did_you_mean(&slug.value, table.keys().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let mut known: Vec<&str> = table.keys().copied().collect();
            known.sort_unstable();
            if known.is_empty() {
                format!("{file} defines none yet; add it there")
            } else if known.len() <= 12 {
                format!("{file} defines: {}", known.join(", "))
            } else {
                format!("add it to {file}, or use one of the slugs defined there")
            }
        }
    };
    d.push(
        Diagnostic::error(code, slug.span, format!("unknown {what} `{}`", slug.value))
            .with_help(help),
    );
    None
}

impl Tables<'_> {
    pub fn partner(&self, slug: &At<String>, d: &mut Diagnostics) -> Option<PartnerId> {
        lookup(
            &self.partners,
            self.partners_read,
            slug,
            Code::UnknownPartner,
            "partner",
            "partners.yaml",
            d,
        )
    }
    pub fn topic(&self, slug: &At<String>, d: &mut Diagnostics) -> Option<TopicId> {
        lookup(
            &self.topics,
            self.topics_read,
            slug,
            Code::UnknownTopic,
            "topic",
            "topics.yaml",
            d,
        )
    }
    pub fn neighbourhood(&self, slug: &At<String>, d: &mut Diagnostics) -> Option<NeighbourhoodId> {
        lookup(
            &self.neighbourhoods,
            self.districts_read,
            slug,
            Code::UnknownNeighbourhood,
            "neighbourhood",
            "districts.yaml",
            d,
        )
    }
    pub fn district(&self, slug: &At<String>, d: &mut Diagnostics) -> Option<DistrictId> {
        lookup(
            &self.districts,
            self.districts_read,
            slug,
            Code::UnknownDistrict,
            "district",
            "districts.yaml",
            d,
        )
    }
}

/// The current time in Europe/Amsterdam, the default `as_of`.
pub fn now_in_amsterdam() -> NaiveDateTime {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .naive_local()
}

/// Validates everything; returns the site when there are no errors.
pub fn validate(
    sources: &Sources,
    as_of: Option<NaiveDateTime>,
    d: &mut Diagnostics,
) -> Option<Site> {
    let config =
        sources
            .config
            .and_then(|id| match crate::config::parse(id, sources.map.get(id)) {
                Ok(c) => Some(c),
                Err(e) => {
                    d.push(e);
                    None
                }
            });
    let as_of = as_of
        .or(config.as_ref().and_then(|c| c.as_of))
        .unwrap_or_else(now_in_amsterdam);
    let (districts, mut neighbourhoods) = catalog::districts(&sources.districts, d);
    let partners = catalog::partners(&sources.partners, d);
    let topics = catalog::topics(&sources.topics, d);

    let tables = Tables {
        neighbourhoods: neighbourhoods
            .iter()
            .enumerate()
            .map(|(i, n)| (n.slug.as_str(), NeighbourhoodId(i as u32)))
            .collect(),
        districts: districts
            .iter()
            .enumerate()
            .map(|(i, x)| (x.slug.as_str(), DistrictId(i as u32)))
            .collect(),
        partners: partners
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.as_str(), PartnerId(i as u32)))
            .collect(),
        topics: topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.as_str(), TopicId(i as u32)))
            .collect(),
        as_of,
        council_word: config.as_ref().map_or_else(
            || "wijkraad".to_string(),
            |c| c.council.singular.to_lowercase(),
        ),
        districts_read: is_list(&sources.districts),
        partners_read: is_list(&sources.partners),
        topics_read: is_list(&sources.topics),
    };

    // Contracts are independent of one another: check them in parallel.
    let results: Vec<(Option<crate::model::Contract>, Diagnostics)> = sources
        .contracts
        .par_iter()
        .map(|source| {
            let mut local = Diagnostics::default();
            let narrative = source
                .narrative
                .as_ref()
                .map(|doc| Markdown(sources.body(doc).to_string()));
            if let Some(doc) = &source.narrative
                && doc.front.is_some()
            {
                local.push(
                    Diagnostic::warning(
                        Code::UnknownKey,
                        Span::new(doc.file, 0..3),
                        "a contract narrative has no front matter; it is ignored",
                    )
                    .with_help(
                        "the contract's settings live in its .yaml file; remove the `---` block",
                    ),
                );
            }
            let c = contract::contract(source, narrative, &tables, &mut local);
            (c, local)
        })
        .collect();
    let mut contracts = Vec::new();
    for (c, local) in results {
        d.extend(local);
        contracts.extend(c);
    }
    contracts.sort_by_key(|c| (c.neighbourhood, c.year));

    let intros = content::neighbourhood_intros(sources, &tables, d);
    let updates = content::updates(sources, &tables, d);
    let pages = content::pages(sources, d);
    let home = content::home(sources, d);
    let redirects = content::redirects(&sources.redirects, d);
    drop(tables);
    for (id, intro) in intros {
        neighbourhoods[id.index()].intro = Some(intro);
    }
    let allow = config
        .as_ref()
        .map_or_else(|| salvage_allow_list(sources), |c| c.privacy_allow.clone());
    scan_personal_data(sources, &allow, d);

    let site = Site {
        config: config?,
        as_of,
        home,
        districts,
        neighbourhoods,
        partners,
        topics,
        contracts,
        updates,
        pages,
        redirects,
    };
    check_references(
        &site,
        &declared_questions(sources),
        &unreadable_contracts(sources),
        d,
    );
    if d.has_errors() { None } else { Some(site) }
}

/// Rules that span files: `follows` and update links point at questions that
/// exist, and public items do not point into hidden contracts.
fn check_references(
    site: &Site,
    declared: &HashSet<String>,
    unreadable: &HashSet<String>,
    d: &mut Diagnostics,
) {
    let known = declared;
    // A reference into a contract file that could not be read cannot be judged.
    let unjudged = |r: &crate::model::QuestionRef| {
        known.contains(&r.to_string())
            || unreadable.contains(&format!("{}/{}", r.neighbourhood, r.year))
    };
    let missing = |r: &At<crate::model::QuestionRef>, what: &str| {
        let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
        let help = match did_you_mean(&r.value.to_string(), candidates.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => {
                "write neighbourhood/year/id of a question that exists, such as `delftwijk/2010/4`"
                    .into()
            }
        };
        Diagnostic::error(
            Code::UnknownQuestion,
            r.span,
            format!("{what} `{}`, which does not exist", r.value),
        )
        .with_help(help)
    };
    for c in &site.contracts {
        for q in &c.questions {
            let Some(f) = &q.follows else { continue };
            match site.find_question(&f.value) {
                // A question with errors of its own is not in the model; those errors suffice.
                None if unjudged(&f.value) => {}
                None => d.push(missing(f, "this question follows")),
                Some((earlier, _)) if earlier.year >= c.year => d.push(
                    Diagnostic::error(Code::InvalidValue, f.span, format!("`follows: {}` points to a contract that is not earlier than this one", f.value))
                        .with_help("`follows` names the question from an earlier year that this one carries over"),
                ),
                Some((earlier, _)) if c.is_public(site.as_of) && !earlier.is_public(site.as_of) => d.push(
                    Diagnostic::warning(Code::HiddenReference, f.span, format!("`{}` is in a draft or embargoed contract; the link is left out until it is public", f.value))
                        .with_help("publish the earlier contract, or remove `follows`"),
                ),
                Some(_) => {}
            }
        }
    }
    for u in &site.updates {
        for r in &u.questions {
            match site.find_question(&r.value) {
                None if unjudged(&r.value) => {}
                None => d.push(missing(r, "this update links to")),
                Some((c, _)) if u.is_public(site.as_of) && !c.is_public(site.as_of) => d.push(
                    Diagnostic::warning(Code::HiddenReference, r.span, format!("`{}` is in a draft or embargoed contract; the link is left out until it is public", r.value))
                        .with_help("give the update the same `publish_from` as the contract, or remove the link"),
                ),
                Some(_) => {}
            }
        }
    }
}

/// Whether a catalog file was read and holds a list (else its error is reported).
fn is_list(doc: &Option<crate::load::YamlDoc>) -> bool {
    matches!(
        doc.as_ref().and_then(|y| y.root.as_deref()),
        Some(Node {
            value: Value::Seq(_),
            ..
        })
    )
}

/// `neighbourhood/year` of every contract file that could not be read or
/// parsed into a mapping (not UTF-8, too large, malformed YAML).
fn unreadable_contracts(sources: &Sources) -> HashSet<String> {
    let mut out: HashSet<String> = sources
        .map
        .files()
        .filter_map(|(_, f)| {
            let rest = f.path.strip_prefix("content/contracts/")?;
            let (nb, name) = rest.split_once('/')?;
            Some(format!("{nb}/{}", name.strip_suffix(".yaml")?))
        })
        .collect();
    for c in &sources.contracts {
        if matches!(
            c.yaml.root.as_deref().map(|n| &n.value),
            Some(Value::Map(_))
        ) {
            out.remove(&format!("{}/{}", c.neighbourhood.value, c.year));
        }
    }
    out
}

/// The `[privacy] allow` list of a site.toml that has errors elsewhere, so
/// that its allowed contact details are not reported as well.
fn salvage_allow_list(sources: &Sources) -> Vec<String> {
    let Some(id) = sources.config else {
        return Vec::new();
    };
    let Ok(table) = toml::from_str::<toml::Table>(&sources.map.get(id).text) else {
        return Vec::new();
    };
    table
        .get("privacy")
        .and_then(|p| p.get("allow"))
        .and_then(|a| a.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Every `neighbourhood/year/id` written in a contract file, valid or not.
fn declared_questions(sources: &Sources) -> HashSet<String> {
    let mut out = HashSet::new();
    for c in &sources.contracts {
        let Some(Value::Map(entries)) = c.yaml.root.as_deref().map(|n| &n.value) else {
            continue;
        };
        let Some((_, questions)) = entries.iter().find(|(k, _)| k.value == "questions") else {
            continue;
        };
        let Value::Seq(items) = &questions.value else {
            continue;
        };
        for item in items {
            let Value::Map(fields) = &item.value else {
                continue;
            };
            if let Some((
                _,
                Node {
                    value: Value::Int(id),
                    ..
                },
            )) = fields.iter().find(|(k, _)| k.value == "id")
            {
                out.insert(format!("{}/{}/{id}", c.neighbourhood.value, c.year));
            }
        }
    }
    out
}

/// Looks for personal data in every text of the content: YAML values and Markdown bodies.
fn scan_personal_data(sources: &Sources, allow: &[String], d: &mut Diagnostics) {
    let report = |file_span: Span,
                  text: &str,
                  range: std::ops::Range<usize>,
                  kind: privacy::PersonalData,
                  d: &mut Diagnostics| {
        // Point at the match itself where the file holds it verbatim.
        let file_text = &sources.map.get(file_span.file).text;
        let needle = &text[range];
        let span = file_text
            .get(file_span.start as usize..)
            .and_then(|rest| rest.find(needle))
            .map_or(file_span, |i| {
                let start = file_span.start as usize + i;
                Span::new(file_span.file, start..start + needle.len())
            });
        d.push(
            Diagnostic::error(Code::PersonalData, span, format!("this looks like {}, which must not be published", kind.describe()))
                .with_help("remove it or make it general (\"een bewoner\", \"de straat\"); if it is a public contact detail, add it to `[privacy] allow` in site.toml"),
        );
    };
    let scan_node = |node: &Node, d: &mut Diagnostics| {
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &n.value {
                Value::Str(s) => {
                    for (range, kind) in privacy::find(s, allow) {
                        report(n.span, s, range, kind, d);
                    }
                }
                Value::Seq(items) => stack.extend(items.iter().rev()),
                Value::Map(entries) => stack.extend(entries.iter().rev().map(|(_, v)| v)),
                _ => {}
            }
        }
    };
    // Files are independent: scan them in parallel, then report in a fixed order.
    enum Item<'a> {
        Yaml(&'a Node),
        Doc(&'a crate::load::MarkdownDoc),
    }
    let mut items: Vec<Item> = sources
        .contracts
        .iter()
        .map(|c| &c.yaml)
        .chain(
            [&sources.districts, &sources.partners, &sources.topics]
                .into_iter()
                .flatten(),
        )
        .filter_map(|y| y.root.as_deref())
        .map(Item::Yaml)
        .collect();
    items.extend(
        sources
            .updates
            .iter()
            .chain(&sources.pages)
            .chain(&sources.neighbourhood_intros)
            .chain(sources.index.as_ref())
            .chain(
                sources
                    .contracts
                    .iter()
                    .filter_map(|c| c.narrative.as_ref()),
            )
            .map(Item::Doc),
    );
    let found: Vec<Diagnostics> = items
        .par_iter()
        .map(|item| {
            let mut local = Diagnostics::default();
            match item {
                Item::Yaml(root) => scan_node(root, &mut local),
                Item::Doc(doc) => {
                    if let Some(front) = &doc.front {
                        scan_node(front, &mut local);
                    }
                    let body = sources.body(doc);
                    let body_span = Span::new(doc.file, doc.body_start..doc.body_start);
                    for (range, kind) in privacy::find(body, allow) {
                        report(body_span, body, range, kind, &mut local);
                    }
                }
            }
            local
        })
        .collect();
    for local in found {
        d.extend(local);
    }
}
