//! Validation: positioned YAML and Markdown become the typed [`Site`], and
//! every problem on the way becomes a diagnostic. Nothing stops at the first
//! error: each file is read to its end, and each rule runs on what could be read.

mod catalog;
mod content;
mod contract;
mod history;
pub mod hosting;
mod map;
mod open_data;
mod placeholder;
mod privacy;
mod promises;
pub mod read;
pub mod suggest;
mod translations;
mod visible;

/// The personal-data scan on its own, for the fuzz targets.
#[doc(hidden)]
pub use privacy::find as find_personal_data;

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use chrono::NaiveDateTime;
use rayon::prelude::*;

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Node, Sources, Value};
use crate::model::{DistrictId, Markdown, NeighbourhoodId, PartnerId, Site, TopicId};
use crate::msg;
use crate::source::{At, SourceFile, Span};
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
        Some(s) => crate::msg!("unknown-slug-suggest", suggestion = s),
        None => {
            let mut known: Vec<&str> = table.keys().copied().collect();
            known.sort_unstable();
            if known.is_empty() {
                crate::msg!("unknown-slug-none", file = file)
            } else if known.len() <= 12 {
                crate::msg!("unknown-slug-known", file = file, known = known.join(", "))
            } else {
                crate::msg!("unknown-slug-many", file = file)
            }
        }
    };
    d.push(
        Diagnostic::error(
            code,
            slug.span,
            crate::msg!("unknown-slug", what = what, slug = &slug.value),
        )
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
    sources: &mut Sources,
    as_of: Option<NaiveDateTime>,
    d: &mut Diagnostics,
) -> Option<Site> {
    validate_cached(sources, as_of, d, None)
}

/// Validated contracts of an earlier run, for `serve`.
#[derive(Default)]
pub struct ContractCache {
    entries: HashMap<String, CachedContract>,
}

struct CachedContract {
    source: std::sync::Arc<crate::source::SourceFile>,
    narrative: Option<std::sync::Arc<crate::source::SourceFile>>,
    file: crate::source::FileId,
    fingerprint: u64,
    contract: Option<std::sync::Arc<crate::model::Contract>>,
    diagnostics: Diagnostics,
    facts: FileFacts,
}

/// Reads again the contract files that were read during validation and let
/// go, where a check across files found something to show in them.
fn restore_texts(sources: &mut Sources, d: &Diagnostics) {
    let shown: HashSet<crate::source::FileId> = d
        .iter()
        .flat_map(|x| std::iter::once(x.span.file).chain(x.related.iter().map(|(s, _)| s.file)))
        .collect();
    for c in &sources.contracts {
        let id = c.yaml.file;
        if let Some(on_disk) = &c.read_later
            && shown.contains(&id)
            && sources.map.get(id).text.is_empty()
        {
            let rel = sources.map.get(id).path.clone();
            if let crate::load::Read::Text(text, _) =
                crate::load::read_one(&sources.root, on_disk, &rel, &HashMap::new())
            {
                sources.map.replace(id, text);
            }
        }
    }
}

/// One contract, validated.
#[derive(Default)]
struct ContractResult {
    contract: Option<std::sync::Arc<crate::model::Contract>>,
    diagnostics: Diagnostics,
    facts: FileFacts,
    /// What `serve` keeps for the next run.
    cache: Option<CachedContract>,
    /// The text of a file read during validation, kept for its messages.
    text: Option<std::sync::Arc<SourceFile>>,
}

/// What the checks across files need from a contract file's tree, so that
/// the tree itself can be dropped once its contract is validated.
#[derive(Clone, Default)]
struct FileFacts {
    /// The file parsed into a mapping.
    readable: bool,
    /// Every question id written in the file, valid or not.
    ids: Vec<i64>,
}

impl FileFacts {
    fn of(root: Option<&Node>) -> FileFacts {
        let Some(Value::Map(entries)) = root.map(|n| &n.value) else {
            return FileFacts::default();
        };
        let mut ids = Vec::new();
        if let Some((_, questions)) = entries.iter().find(|(k, _)| k.value == "questions")
            && let Value::Seq(items) = &questions.value
        {
            for item in items {
                if let Value::Map(fields) = &item.value
                    && let Some((
                        _,
                        Node {
                            value: Value::Int(id),
                            ..
                        },
                    )) = fields.iter().find(|(k, _)| k.value == "id")
                {
                    ids.push(*id);
                }
            }
        }
        FileFacts {
            readable: true,
            ids,
        }
    }
}

/// [`validate`], reusing the contracts in `cache` whose inputs did not change.
pub fn validate_cached(
    sources: &mut Sources,
    as_of: Option<NaiveDateTime>,
    d: &mut Diagnostics,
    mut cache: Option<&mut ContractCache>,
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
    if let (Some(c), Some(id)) = (&config, sources.config) {
        open_data::check(c, id, sources.map.get(id), d);
        hosting::check(c, id, sources.map.get(id), d);
    }
    let as_of = as_of
        .or(config.as_ref().and_then(|c| c.as_of))
        .unwrap_or_else(now_in_amsterdam);
    let (districts, mut neighbourhoods) = catalog::districts(&sources.districts, d);
    // A council that chose to have no contract has no contract file for that
    // year or later; the file names suffice, so no contract is read for it.
    catalog::opted_out_contracts(
        &neighbourhoods,
        sources.contracts.iter().filter_map(|c| {
            let year = c.year.parse::<i32>().ok().filter(|_| c.year.len() == 4)?;
            Some((
                c.neighbourhood.value.as_str(),
                year,
                Span::file_start(c.yaml.file),
            ))
        }),
        d,
    );
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

    let allow = config
        .as_ref()
        .map_or_else(|| salvage_allow_list(sources), |c| c.privacy_allow.clone());
    // A contract's result depends on its own files, the tables, the council's
    // name, the privacy allow list and today's date: `serve` reuses it while none changed.
    let fingerprint = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for doc in [&sources.districts, &sources.partners, &sources.topics]
            .into_iter()
            .flatten()
        {
            sources.map.get(doc.file).text.hash(&mut h);
        }
        tables.council_word.hash(&mut h);
        allow.hash(&mut h);
        tables.as_of.date().hash(&mut h);
        h.finish()
    };
    let previous = cache.as_deref();
    // Contracts are independent of one another: check them in parallel.
    let shared: &Sources = sources;
    let results: Vec<ContractResult> = shared
        .contracts
        .par_iter()
        .map(|source| {
            let sources = shared;
            let yaml_file = sources.map.shared(source.yaml.file);
            let narrative_file = source
                .narrative
                .as_ref()
                .map(|n| sources.map.shared(n.file));
            let path = &yaml_file.path;
            if let Some(hit) = previous.and_then(|c| c.entries.get(path)).filter(|e| {
                e.fingerprint == fingerprint
                    && e.file == source.yaml.file
                    && std::sync::Arc::ptr_eq(&e.source, yaml_file)
                    && match (&e.narrative, narrative_file) {
                        (None, None) => true,
                        (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b),
                        _ => false,
                    }
            }) {
                return ContractResult {
                    contract: hit.contract.clone(),
                    diagnostics: hit.diagnostics.clone(),
                    facts: hit.facts.clone(),
                    cache: None,
                    text: None,
                };
            }
            let mut local = Diagnostics::default();
            // A contract read only now: its text and tree live in this thread.
            let parsed;
            let (source, file_text) = match &source.read_later {
                None => (source, yaml_file.clone()),
                Some(on_disk) => {
                    let id = source.yaml.file;
                    let rel = &yaml_file.path;
                    let file =
                        match crate::load::read_one(&sources.root, on_disk, rel, &HashMap::new()) {
                            crate::load::Read::Text(t, _) => {
                                std::sync::Arc::new(SourceFile::new(rel.clone(), t))
                            }
                            crate::load::Read::Kept(f, _) => f,
                            crate::load::Read::Missing => return ContractResult::default(),
                            crate::load::Read::Failed(why) => {
                                let (t, diagnostic) = why.into_parts(id);
                                local.push(diagnostic);
                                return ContractResult {
                                    diagnostics: local,
                                    text: Some(std::sync::Arc::new(SourceFile::new(
                                        rel.clone(),
                                        t,
                                    ))),
                                    ..ContractResult::default()
                                };
                            }
                        };
                    let mut diags = Vec::new();
                    let yaml = crate::load::parse_yaml_source(id, &file, &mut diags);
                    for x in diags {
                        local.push(x);
                    }
                    parsed = crate::load::ContractSource {
                        yaml,
                        ..source.clone()
                    };
                    (&parsed, file)
                }
            };
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
                        msg!("narrative-front-matter"),
                    )
                    .with_help(msg!("narrative-front-matter-help")),
                );
            }
            let c =
                contract::contract(source, narrative, &tables, &mut local).map(std::sync::Arc::new);
            if let Some(root) = source.yaml.root.as_deref() {
                scan_yaml(&file_text.text, root, &allow, &mut local);
            }
            if c.as_ref().is_some_and(|c| !c.draft) {
                placeholder::check(&file_text.text, source.yaml.file, &mut local);
            }
            if let Some(doc) = &source.narrative {
                scan_markdown(sources, doc, &allow, &mut local);
            }
            let facts = FileFacts::of(source.yaml.root.as_deref());
            let read_now = source.read_later.is_some();
            // A single run (`read_later`) keeps nothing for a next one, and the
            // text only where a message must show it.
            let cache = (!read_now).then(|| CachedContract {
                source: yaml_file.clone(),
                narrative: narrative_file.cloned(),
                file: source.yaml.file,
                fingerprint,
                contract: c.clone(),
                diagnostics: local.clone(),
                facts: facts.clone(),
            });
            let text = (read_now && !local.is_empty()).then_some(file_text);
            ContractResult {
                contract: c,
                diagnostics: local,
                facts,
                cache,
                text,
            }
        })
        .collect();
    let mut contracts = Vec::new();
    let mut fresh = HashMap::new();
    let mut facts = Vec::with_capacity(results.len());
    for (result, source) in results.into_iter().zip(&sources.contracts) {
        d.extend(result.diagnostics);
        contracts.extend(result.contract);
        facts.push(result.facts);
        if let Some(text) = result.text {
            sources.map.install(source.yaml.file, text);
        }
        let path = sources.map.get(source.yaml.file).path.clone();
        match result.cache {
            Some(e) => {
                fresh.insert(path, e);
            }
            None => {
                if let Some(old) = cache.as_deref_mut().and_then(|c| c.entries.remove(&path)) {
                    fresh.insert(path, old);
                }
            }
        }
    }
    if let Some(cache) = cache {
        cache.entries = fresh;
    }
    contracts.sort_by_key(|c| (c.neighbourhood, c.year));
    // Every contract, also those `serve` took from its cache.
    if let Some(record) = &sources.record {
        let source = sources.map.get(record.file);
        promises::compare(record, source, &contracts, &neighbourhoods, as_of.date(), d);
    }

    let intros = content::neighbourhood_intros(sources, &tables, d);
    let updates = content::updates(sources, &tables, d);
    let pages = content::pages(sources, d);
    let home = content::home(sources, d);
    let redirects = content::redirects(&sources.redirects, d);
    let site_map = sources
        .geojson
        .and_then(|f| map::read(f, &sources.map, &tables, neighbourhoods.len(), d));
    drop(tables);
    for (id, intro) in intros {
        neighbourhoods[id.index()].intro = Some(intro);
    }
    scan_personal_data(sources, &allow, d);
    if let Some(c) = &config {
        scan_site_toml(sources, c, d);
    }

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
        map: site_map,
    };
    check_references(
        &site,
        &declared_questions(sources, &facts),
        &unreadable_contracts(sources, &facts),
        d,
    );
    restore_texts(sources, d);
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
    let missing = |r: &At<crate::model::QuestionRef>, what: &'static str| {
        let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
        let help = match did_you_mean(&r.value.to_string(), candidates.iter().copied()) {
            Some(s) => msg!("unknown-key-suggest", suggestion = s),
            None => msg!("unknown-question-help"),
        };
        Diagnostic::error(
            Code::UnknownQuestion,
            r.span,
            msg!(
                "unknown-question",
                what = what,
                question = r.value.to_string()
            ),
        )
        .with_help(help)
    };
    for c in &site.contracts {
        for q in &c.questions {
            let Some(f) = &q.follows else { continue };
            match site.find_question(&f.value) {
                // A question with errors of its own is not in the model; those errors suffice.
                None if unjudged(&f.value) => {}
                None => d.push(missing(f, "follows")),
                Some((earlier, _)) if earlier.year >= c.year => d.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        f.span,
                        msg!("follows-not-earlier", question = f.value.to_string()),
                    )
                    .with_help(msg!("follows-not-earlier-help")),
                ),
                Some((earlier, _)) if c.is_public(site.as_of) && !earlier.is_public(site.as_of) => {
                    d.push(
                        Diagnostic::warning(
                            Code::HiddenReference,
                            f.span,
                            msg!("hidden-reference", question = f.value.to_string()),
                        )
                        .with_help(msg!("hidden-reference-follows-help")),
                    )
                }
                Some(_) => {}
            }
        }
    }
    for u in &site.updates {
        for r in &u.questions {
            match site.find_question(&r.value) {
                None if unjudged(&r.value) => {}
                None => d.push(missing(r, "update")),
                Some((c, _)) if u.is_public(site.as_of) && !c.is_public(site.as_of) => d.push(
                    Diagnostic::warning(
                        Code::HiddenReference,
                        r.span,
                        msg!("hidden-reference", question = r.value.to_string()),
                    )
                    .with_help(msg!("hidden-reference-update-help")),
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
fn unreadable_contracts(sources: &Sources, facts: &[FileFacts]) -> HashSet<String> {
    let mut out: HashSet<String> = sources
        .map
        .files()
        .filter_map(|(_, f)| {
            let rest = f.path.strip_prefix("content/contracts/")?;
            let (nb, name) = rest.split_once('/')?;
            Some(format!("{nb}/{}", name.strip_suffix(".yaml")?))
        })
        .collect();
    for (c, f) in sources.contracts.iter().zip(facts) {
        if f.readable {
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
fn declared_questions(sources: &Sources, facts: &[FileFacts]) -> HashSet<String> {
    let mut out = HashSet::new();
    for (c, f) in sources.contracts.iter().zip(facts) {
        for id in &f.ids {
            out.insert(format!("{}/{}/{id}", c.neighbourhood.value, c.year));
        }
    }
    out
}

/// Reports the personal data found in `text`, a value whose source starts at
/// `file_span` in `file_text`. When the source holds the value as it is
/// (`verbatim`), each finding maps straight onto it; else (a block scalar, an
/// escape) each is looked up in the source after the one before, so that
/// every occurrence points at its own place.
fn report_personal_data(
    file_text: &str,
    file_span: Span,
    text: &str,
    verbatim: bool,
    allow: &[String],
    d: &mut Diagnostics,
) {
    let mut cursor = file_span.start as usize;
    for (range, kind) in privacy::find(text, allow) {
        let base = file_span.start as usize;
        let span = if verbatim {
            Span::new(file_span.file, base + range.start..base + range.end)
        } else {
            let needle = &text[range];
            match file_text.get(cursor..).and_then(|rest| rest.find(needle)) {
                Some(i) => {
                    let start = cursor + i;
                    cursor = start + needle.len();
                    Span::new(file_span.file, start..cursor)
                }
                None => file_span,
            }
        };
        d.push(
            Diagnostic::error(
                Code::PersonalData,
                span,
                msg!("personal-data", kind = kind.describe()),
            )
            .with_help(msg!("personal-data-help")),
        );
    }
}

/// Looks for personal data in every text of a YAML tree.
fn scan_yaml(file_text: &str, node: &Node, allow: &[String], d: &mut Diagnostics) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Str(s) => {
                let verbatim =
                    file_text.get(n.span.start as usize..n.span.end as usize) == Some(s.as_str());
                report_personal_data(file_text, n.span, s, verbatim, allow, d);
            }
            Value::Seq(items) => stack.extend(items.iter().rev()),
            Value::Map(entries) => stack.extend(entries.iter().rev().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// Looks for personal data in a Markdown file: its front matter and its body.
fn scan_markdown(
    sources: &Sources,
    doc: &crate::load::MarkdownDoc,
    allow: &[String],
    d: &mut Diagnostics,
) {
    if let Some(front) = &doc.front {
        scan_yaml(&sources.map.get(doc.file).text, front, allow, d);
    }
    let body = sources.body(doc);
    let body_span = Span::new(doc.file, doc.body_start..doc.body_start);
    report_personal_data(
        &sources.map.get(doc.file).text,
        body_span,
        body,
        true,
        allow,
        d,
    );
}

/// Looks for personal data in site.toml's public texts, shown on every page.
fn scan_site_toml(sources: &Sources, config: &crate::config::SiteConfig, d: &mut Diagnostics) {
    let Some(id) = sources.config else {
        return;
    };
    let file_text = &sources.map.get(id).text;
    for (key, value) in [
        ("title", &config.title),
        ("description", &config.description),
        ("text", &config.notice),
    ] {
        // Where the key is written; its value is looked up from there.
        let at = file_text
            .match_indices(key)
            .map(|(i, _)| i)
            .find(|&i| file_text[..i].ends_with('\n') || i == 0 || file_text[..i].ends_with(' '))
            .unwrap_or(0);
        let span = Span::new(id, at..at + key.len());
        report_personal_data(file_text, span, value, false, &config.privacy_allow, d);
    }
}

/// Looks for personal data in every file but the contracts, which are scanned
/// with the rest of their validation.
fn scan_personal_data(sources: &Sources, allow: &[String], d: &mut Diagnostics) {
    for yaml in [&sources.districts, &sources.partners, &sources.topics]
        .into_iter()
        .flatten()
    {
        if let Some(root) = yaml.root.as_deref() {
            scan_yaml(&sources.map.get(yaml.file).text, root, allow, d);
        }
    }
    let docs: Vec<&crate::load::MarkdownDoc> = sources
        .updates
        .iter()
        .chain(&sources.pages)
        .chain(&sources.update_translations)
        .chain(&sources.page_translations)
        .chain(&sources.neighbourhood_intros)
        .chain(sources.index.as_ref())
        .collect();
    let found: Vec<Diagnostics> = docs
        .par_iter()
        .map(|doc| {
            let mut local = Diagnostics::default();
            scan_markdown(sources, doc, allow, &mut local);
            local
        })
        .collect();
    for local in found {
        d.extend(local);
    }
}
