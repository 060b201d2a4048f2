//! Loading: a sorted walk of the site folder, each file read once into the
//! [`SourceMap`], classified by its place in `content/`, and YAML parsed into
//! positioned [`Node`] trees. Nothing here judges the content; `validate` does.

pub mod front_matter;
pub mod mistakes;
pub mod yaml;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Code, Diagnostic, Diagnostics, Text};
use crate::msg;
use crate::source::{At, FileId, SourceMap, Span};
pub use yaml::{Node, Value};

/// The largest content file we read; larger ones are reported, not parsed.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A YAML file, parsed (or not, when it was malformed: the diagnostic is already reported).
#[derive(Debug, Clone)]
pub struct YamlDoc {
    pub file: FileId,
    /// Shared, so that `serve` can reuse the parse of a file that did not change.
    pub root: Option<Arc<Node>>,
}

/// A Markdown file with optional front matter.
#[derive(Debug, Clone)]
pub struct MarkdownDoc {
    pub file: FileId,
    /// The file name without extension, such as `2011-10-21-lantaarnpalen`.
    pub stem: String,
    pub front: Option<Arc<Node>>,
    /// Whether a front-matter block was present but could not be parsed.
    pub front_failed: bool,
    pub body_start: usize,
}

#[derive(Debug, Clone)]
pub struct ContractSource {
    /// The folder name: the neighbourhood slug.
    pub neighbourhood: At<String>,
    /// The file-name stem: the year.
    pub year: String,
    pub yaml: YamlDoc,
    pub narrative: Option<MarkdownDoc>,
    /// Where the file is on disk, when it is read and parsed as the contract
    /// is validated, not here: then the texts and trees of a large site never
    /// all exist at once ([`ParseCache::deferring`]).
    pub read_later: Option<PathBuf>,
}

/// Everything read from a site folder.
#[derive(Debug, Default)]
pub struct Sources {
    /// The site folder, resolved.
    pub root: PathBuf,
    pub map: SourceMap,
    pub config: Option<FileId>,
    pub index: Option<MarkdownDoc>,
    pub districts: Option<YamlDoc>,
    pub partners: Option<YamlDoc>,
    pub topics: Option<YamlDoc>,
    pub redirects: Option<YamlDoc>,
    pub neighbourhood_intros: Vec<MarkdownDoc>,
    pub contracts: Vec<ContractSource>,
    pub updates: Vec<MarkdownDoc>,
    pub pages: Vec<MarkdownDoc>,
    /// `updates/<name>.en.md` and `pages/<name>.en.md`: English versions, each
    /// with the stem of the Dutch file it translates (without `.en`).
    pub update_translations: Vec<MarkdownDoc>,
    pub page_translations: Vec<MarkdownDoc>,
    /// The record of what was published (`published.txt`), when the site has one.
    pub record: Option<crate::record::Record>,
    /// `content/map.geojson`, the neighbourhoods' shapes, when the site has one.
    pub geojson: Option<FileId>,
}

impl Sources {
    pub fn body<'a>(&'a self, doc: &MarkdownDoc) -> &'a str {
        &self.map.get(doc.file).text[doc.body_start..]
    }
}

/// What kind of file a path in `content/` is.
enum Kind {
    Index,
    Districts,
    Partners,
    Topics,
    Redirects,
    NeighbourhoodIntro,
    Contract { neighbourhood: String, year: String },
    Narrative { neighbourhood: String, year: String },
    Update,
    Page,
    UpdateTranslation,
    PageTranslation,
}

fn classify(rel: &[&str]) -> Option<Kind> {
    let ext = |name: &str, want: &str| {
        name.strip_suffix(want)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    Some(match rel {
        ["_index.md"] => Kind::Index,
        ["districts.yaml"] => Kind::Districts,
        ["partners.yaml"] => Kind::Partners,
        ["topics.yaml"] => Kind::Topics,
        ["redirects.yaml"] => Kind::Redirects,
        ["neighbourhoods", name] if name.ends_with(".md") => Kind::NeighbourhoodIntro,
        ["contracts", nb, name] => match (ext(name, ".yaml"), ext(name, ".md")) {
            (Some(year), _) => Kind::Contract {
                neighbourhood: nb.to_string(),
                year,
            },
            (_, Some(year)) => Kind::Narrative {
                neighbourhood: nb.to_string(),
                year,
            },
            _ => return None,
        },
        ["updates", name] if ext(name, ".en.md").is_some() => Kind::UpdateTranslation,
        ["pages", name] if ext(name, ".en.md").is_some() => Kind::PageTranslation,
        ["updates", name] if name.ends_with(".md") => Kind::Update,
        ["pages", name] if name.ends_with(".md") => Kind::Page,
        _ => return None,
    })
}

/// Reads a whole site. Problems with files go into `diagnostics`; only a
/// site folder that cannot be read at all is an `Err`.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> anyhow::Result<Sources> {
    load_cached(root, diagnostics, &mut ParseCache::default())
}

/// Parsed files of an earlier load, reused while a file's text and place stay
/// the same, so that `serve` re-parses only what an edit changed.
#[derive(Default)]
pub struct ParseCache {
    entries: HashMap<String, CacheEntry>,
    defer_contracts: bool,
    /// Texts that stand in for files (by path from the site root), on disk or
    /// not yet: a change is checked as a whole site before it is written.
    overlay: HashMap<String, String>,
}

impl ParseCache {
    /// For a single run: contract files are left for validation to parse,
    /// one at a time per thread, and nothing is kept for a next run.
    pub fn deferring() -> Self {
        ParseCache {
            defer_contracts: true,
            ..ParseCache::default()
        }
    }

    /// For a single run that reads `files` (path from the site root, text)
    /// instead of what is on disk, and files not on disk yet as if they were.
    pub fn with_overlay(files: impl IntoIterator<Item = (String, String)>) -> Self {
        ParseCache {
            overlay: files.into_iter().collect(),
            ..ParseCache::default()
        }
    }
}

#[derive(Clone)]
pub(crate) struct CacheEntry {
    hash: u64,
    /// The text as read, with its size and modification time when it was read.
    source: Arc<crate::source::SourceFile>,
    stamp: Stamp,
    file: FileId,
    parsed: Parsed,
    diagnostics: Vec<Diagnostic>,
}

/// A file's size and modification time when it was read.
type Stamp = Option<(u64, std::time::SystemTime)>;

fn text_hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// [`load`], reusing and then refreshing `cache`.
pub fn load_cached(
    root: &Path,
    diagnostics: &mut Diagnostics,
    cache: &mut ParseCache,
) -> anyhow::Result<Sources> {
    let mut sources = Sources::default();
    let root = root.canonicalize().map_err(|e| {
        anyhow::anyhow!(
            "{}",
            crate::tr!(
                "serve-cannot-open",
                dir = root.display().to_string(),
                error = e.to_string()
            )
        )
    })?;
    sources.root = root.clone();
    let mut read_later = Vec::new();
    let config_path = root.join("site.toml");
    if let Some((id, _)) = read_file(
        &root,
        &config_path,
        &mut sources.map,
        diagnostics,
        &HashMap::new(),
        &cache.overlay,
    ) {
        sources.config = Some(id);
    } else if !config_path.exists() {
        let id = sources.map.add("site.toml".into(), String::new());
        diagnostics.push(
            Diagnostic::error(
                Code::MissingFile,
                Span::file_start(id),
                msg!("missing-site-toml"),
            )
            .with_help(msg!("missing-site-toml-help")),
        );
    }

    sources.record = read_record(&root, &mut sources.map, diagnostics);

    let content = root.join("content");
    let mut pending = Vec::new();
    let mut narratives = Vec::new();
    let walk = WalkDir::new(&content)
        .sort_by_file_name()
        .follow_links(false);
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(&root, p))
                    .unwrap_or_else(|| "content".into());
                let id = sources.map.add(path, String::new());
                diagnostics.push(Diagnostic::error(
                    Code::UnreadableFile,
                    Span::file_start(id),
                    msg!("cannot-read", error = e.to_string()),
                ));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel_in_content = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        let Some(parts) = rel_in_content
            .iter()
            .map(|p| p.to_str())
            .collect::<Option<Vec<&str>>>()
        else {
            let id = sources
                .map
                .add(relative(&root, entry.path()), String::new());
            diagnostics.push(
                Diagnostic::warning(
                    Code::InvalidFileName,
                    Span::file_start(id),
                    msg!("path-not-utf8"),
                )
                .with_help(msg!("path-not-utf8-help")),
            );
            continue;
        };
        if parts.iter().any(|p| p.starts_with('.')) {
            continue; // editor and OS droppings such as .DS_Store or .swp files
        }
        if parts == ["map.geojson"] {
            // Read as text here; `validate::map` parses and checks it.
            if let Some((id, _)) = read_file(
                &root,
                entry.path(),
                &mut sources.map,
                diagnostics,
                &cache.entries,
                &cache.overlay,
            ) {
                sources.geojson = Some(id);
            }
            continue;
        }
        let Some(kind) = classify(&parts) else {
            let id = sources
                .map
                .add(relative(&root, entry.path()), String::new());
            diagnostics.push(
                Diagnostic::warning(
                    Code::UnexpectedFile,
                    Span::file_start(id),
                    msg!("unexpected-file"),
                )
                .with_help(unexpected_file_help(&parts)),
            );
            continue;
        };
        if let Kind::Contract {
            neighbourhood,
            year,
        } = &kind
            && cache.defer_contracts
        {
            // Only a place in the map for now: validation reads the file.
            let id = sources
                .map
                .add(relative(&root, entry.path()), String::new());
            read_later.push(ContractSource {
                neighbourhood: At::new(neighbourhood.clone(), Span::file_start(id)),
                year: year.clone(),
                yaml: YamlDoc {
                    file: id,
                    root: None,
                },
                narrative: None,
                read_later: Some(entry.path().to_path_buf()),
            });
            continue;
        }
        let Some((id, stamp)) = read_file(
            &root,
            entry.path(),
            &mut sources.map,
            diagnostics,
            &cache.entries,
            &cache.overlay,
        ) else {
            continue;
        };
        pending.push((kind, id, stem(entry.path()), stamp));
    }
    // Files of the overlay that are not on disk yet: a new contract or update.
    for (rel, text) in &cache.overlay {
        let Some(in_content) = rel.strip_prefix("content/") else {
            continue;
        };
        if sources.map.files().any(|(_, f)| f.path == *rel) {
            continue;
        }
        let parts: Vec<&str> = in_content.split('/').collect();
        if let Some(kind) = classify(&parts) {
            let id = sources.map.add(rel.clone(), text.clone());
            pending.push((kind, id, stem(Path::new(rel)), None));
        }
    }

    // Parse in parallel: the files are independent.
    let map = &sources.map;
    let previous = &cache.entries;

    let parsed: Vec<(Kind, CacheEntry)> = pending
        .into_par_iter()
        .map(|(kind, id, stem, stamp)| {
            let file = map.get(id);
            let source = map.shared(id).clone();
            // The same text at the same place: reuse the parse (its spans stay right).
            if let Some(hit) = previous
                .get(&file.path)
                .filter(|e| e.file == id && Arc::ptr_eq(&e.source, &source))
            {
                return (kind, hit.clone());
            }
            let hash = text_hash(&file.text);
            if let Some(hit) = previous
                .get(&file.path)
                .filter(|e| e.hash == hash && e.file == id)
            {
                return (
                    kind,
                    CacheEntry {
                        source,
                        stamp,
                        ..hit.clone()
                    },
                );
            }
            let mut diags = Vec::new();
            let parsed = match kind {
                Kind::Contract { .. }
                | Kind::Districts
                | Kind::Partners
                | Kind::Topics
                | Kind::Redirects => Parsed::Yaml(parse_yaml_file(map, id, &mut diags)),
                _ => Parsed::Markdown(parse_markdown_file(map, id, stem, &mut diags)),
            };
            (
                kind,
                CacheEntry {
                    hash,
                    source,
                    stamp,
                    file: id,
                    parsed,
                    diagnostics: diags,
                },
            )
        })
        .collect();

    let mut entries = HashMap::with_capacity(parsed.len());
    for (kind, entry) in parsed {
        for d in &entry.diagnostics {
            diagnostics.push(d.clone());
        }
        let parsed = entry.parsed.clone();
        entries.insert(sources.map.get(entry.file).path.clone(), entry);
        match (kind, parsed) {
            (Kind::Districts, Parsed::Yaml(y)) => sources.districts = Some(y),
            (Kind::Partners, Parsed::Yaml(y)) => sources.partners = Some(y),
            (Kind::Topics, Parsed::Yaml(y)) => sources.topics = Some(y),
            (Kind::Redirects, Parsed::Yaml(y)) => sources.redirects = Some(y),
            (
                Kind::Contract {
                    neighbourhood,
                    year,
                },
                Parsed::Yaml(y),
            ) => {
                // The folder name is not inside the file: point at the file's start.
                let span = Span::file_start(y.file);
                sources.contracts.push(ContractSource {
                    neighbourhood: At::new(neighbourhood, span),
                    year,
                    yaml: y,
                    narrative: None,
                    read_later: None,
                });
            }
            (
                Kind::Narrative {
                    neighbourhood,
                    year,
                },
                Parsed::Markdown(m),
            ) => narratives.push((neighbourhood, year, m)),
            (Kind::Index, Parsed::Markdown(m)) => sources.index = Some(m),
            (Kind::NeighbourhoodIntro, Parsed::Markdown(m)) => sources.neighbourhood_intros.push(m),
            (Kind::Update, Parsed::Markdown(m)) => sources.updates.push(m),
            (Kind::Page, Parsed::Markdown(m)) => sources.pages.push(m),
            (Kind::UpdateTranslation, Parsed::Markdown(m)) => {
                sources.update_translations.push(translated(m))
            }
            (Kind::PageTranslation, Parsed::Markdown(m)) => {
                sources.page_translations.push(translated(m))
            }
            _ => unreachable!("parsed as the kind demands"),
        }
    }
    sources.contracts.extend(read_later);
    for (neighbourhood, year, doc) in narratives {
        match sources
            .contracts
            .iter_mut()
            .find(|c| c.neighbourhood.value == neighbourhood && c.year == year)
        {
            Some(contract) => contract.narrative = Some(doc),
            None => diagnostics.push(
                Diagnostic::warning(
                    Code::UnexpectedFile,
                    Span::file_start(doc.file),
                    msg!(
                        "narrative-without-contract",
                        neighbourhood = &neighbourhood,
                        year = year.to_string()
                    ),
                )
                .with_help(msg!("narrative-without-contract-help")),
            ),
        }
    }
    for (name, doc) in [
        ("districts.yaml", &sources.districts),
        ("partners.yaml", &sources.partners),
        ("topics.yaml", &sources.topics),
    ] {
        if doc.is_none()
            && !sources
                .map
                .files()
                .any(|(_, f)| f.path == format!("content/{name}"))
        {
            let id = sources.map.add(format!("content/{name}"), String::new());
            diagnostics.push(
                Diagnostic::error(
                    Code::MissingFile,
                    Span::file_start(id),
                    msg!("missing-file", file = name),
                )
                .with_help(msg!("missing-file-help")),
            );
        }
    }
    cache.entries = entries;
    Ok(sources)
}

#[derive(Clone)]
enum Parsed {
    Yaml(YamlDoc),
    Markdown(MarkdownDoc),
}

fn unexpected_file_help(parts: &[&str]) -> crate::i18n::Msg {
    let name = parts.last().copied().unwrap_or_default();
    if name.ends_with(".yml") {
        return msg!("unexpected-file-yml-help");
    }
    msg!("unexpected-file-help")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// A translation has the stem of the file it translates: without its `.en`.
fn translated(mut doc: MarkdownDoc) -> MarkdownDoc {
    if let Some(stem) = doc.stem.strip_suffix(".en") {
        doc.stem = stem.to_string();
    }
    doc
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// What reading one file gave.
pub(crate) enum Read {
    Text(String, Stamp),
    /// Unchanged since the previous load: its text as kept then.
    Kept(Arc<crate::source::SourceFile>, Stamp),
    /// Gone since the folder was listed: nothing to report.
    Missing,
    Failed(Unreadable),
}

/// Why a file cannot be used; a diagnostic once the file has its id.
pub(crate) struct Unreadable {
    code: Code,
    message: Text,
    help: Text,
    /// What is kept of the text (for a file that is not UTF-8, a lossy copy),
    /// and where in it the problem is.
    text: String,
    at: std::ops::Range<usize>,
}

impl Unreadable {
    fn new(code: Code, message: crate::i18n::Msg, help: crate::i18n::Msg) -> Self {
        Unreadable {
            code,
            message: message.into(),
            help: help.into(),
            text: String::new(),
            at: 0..0,
        }
    }

    /// The text to keep, and the diagnostic for the file once it is `id`.
    pub(crate) fn into_parts(self, id: FileId) -> (String, Diagnostic) {
        let d =
            Diagnostic::error(self.code, Span::new(id, self.at), self.message).with_help(self.help);
        (self.text, d)
    }
}

/// Reads the file at `path` (`rel` from the site root): refuses links out of
/// the site, anything but an ordinary file, files over the size limit, and
/// text that is not UTF-8.
pub(crate) fn read_one(
    root: &Path,
    path: &Path,
    rel: &str,
    previous: &HashMap<String, CacheEntry>,
) -> Read {
    read_limited(root, path, rel, previous, MAX_FILE_BYTES)
}

/// The largest record of what was published we read: it grows with the site
/// (about 100 bytes a question), unlike a content file.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads `published.txt` into the map and parses it; its damaged lines are
/// reported, the rest is kept.
fn read_record(
    root: &Path,
    map: &mut SourceMap,
    diagnostics: &mut Diagnostics,
) -> Option<crate::record::Record> {
    let path = root.join(crate::record::FILE);
    path.symlink_metadata().ok()?;
    let id = match read_limited(
        root,
        &path,
        crate::record::FILE,
        &HashMap::new(),
        MAX_RECORD_BYTES,
    ) {
        Read::Text(text, _) => map.add(crate::record::FILE.into(), text),
        Read::Kept(file, _) => map.add_shared(file),
        Read::Missing => return None,
        Read::Failed(why) => {
            let id = map.add(crate::record::FILE.into(), String::new());
            let (text, d) = why.into_parts(id);
            map.replace(id, text);
            diagnostics.push(d);
            return None;
        }
    };
    Some(crate::record::parse(id, map.get(id), false, diagnostics))
}

fn read_limited(
    root: &Path,
    path: &Path,
    rel: &str,
    previous: &HashMap<String, CacheEntry>,
    limit: u64,
) -> Read {
    let resolved: PathBuf = match path.canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_err() => {
            return Read::Missing;
        }
        Err(e) => {
            return Read::Failed(Unreadable::new(
                Code::UnreadableFile,
                msg!("cannot-read-file", file = rel, error = e.to_string()),
                msg!("cannot-read-file-exists-help"),
            ));
        }
    };
    if !resolved.starts_with(root) {
        return Read::Failed(Unreadable::new(
            Code::UnreadableFile,
            msg!(
                "link-outside-site",
                file = rel,
                target = resolved.display().to_string()
            ),
            msg!("link-outside-site-help"),
        ));
    }
    let metadata = resolved.metadata().ok();
    if metadata.as_ref().is_some_and(|m| !m.is_file()) {
        // A FIFO or device would block or never end: never read one.
        return Read::Failed(Unreadable::new(
            Code::UnreadableFile,
            msg!("not-ordinary-file", file = rel),
            msg!("not-ordinary-file-help"),
        ));
    }
    let size = metadata.as_ref().map_or(0, |m| m.len());
    let stamp = metadata
        .as_ref()
        .and_then(|m| Some((m.len(), m.modified().ok()?)));
    if let Some(entry) = previous.get(rel)
        && stamp.is_some()
        && entry.stamp == stamp
    {
        // Unchanged since the last load: keep the text (and its line index).
        return Read::Kept(entry.source.clone(), stamp);
    }
    if size > limit {
        return Read::Failed(Unreadable::new(
            Code::FileTooLarge,
            msg!(
                "file-too-large",
                file = rel,
                size = format!("{:.1}", size as f64 / 1e6),
                limit = (limit / 1024 / 1024).to_string()
            ),
            msg!("file-too-large-help"),
        ));
    }
    let bytes = match std::fs::read(&resolved) {
        Ok(b) => b,
        Err(e) => {
            return Read::Failed(Unreadable::new(
                Code::UnreadableFile,
                msg!("cannot-read-file", file = rel, error = e.to_string()),
                msg!("cannot-read-file-help"),
            ));
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Read::Text(text, stamp),
        Err(e) => {
            // The content is not trusted further.
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).len();
            Read::Failed(Unreadable {
                code: Code::NotUtf8,
                message: msg!("not-utf8", file = rel).into(),
                help: msg!("not-utf8-help").into(),
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                at: prefix..prefix + 3,
            })
        }
    }
}

/// Reads a file into `map`; `None` when there is no usable text.
fn read_file(
    root: &Path,
    path: &Path,
    map: &mut SourceMap,
    diagnostics: &mut Diagnostics,
    previous: &HashMap<String, CacheEntry>,
    overlay: &HashMap<String, String>,
) -> Option<(FileId, Stamp)> {
    let rel = relative(root, path);
    if let Some(text) = overlay.get(&rel) {
        return Some((map.add(rel, text.clone()), None));
    }
    match read_one(root, path, &rel, previous) {
        Read::Text(text, stamp) => Some((map.add(rel, text), stamp)),
        Read::Kept(file, stamp) => Some((map.add_shared(file), stamp)),
        Read::Missing => None,
        Read::Failed(why) => {
            let id = map.add(rel, String::new());
            let (text, d) = why.into_parts(id);
            map.replace(id, text);
            diagnostics.push(d);
            None
        }
    }
}

fn parse_yaml_file(map: &SourceMap, id: FileId, diags: &mut Vec<Diagnostic>) -> YamlDoc {
    parse_yaml_source(id, map.get(id), diags)
}

/// Parses `file`, whose id is `id`, as YAML.
pub(crate) fn parse_yaml_source(
    id: FileId,
    file: &crate::source::SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> YamlDoc {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let base = file.text.len() - text.len();
    match yaml::parse(id, file, base, text) {
        Ok(node) => YamlDoc {
            file: id,
            root: Some(Arc::new(node)),
        },
        Err(d) => {
            diags.push(d);
            YamlDoc {
                file: id,
                root: None,
            }
        }
    }
}

fn parse_markdown_file(
    map: &SourceMap,
    id: FileId,
    stem: String,
    diags: &mut Vec<Diagnostic>,
) -> MarkdownDoc {
    let file = map.get(id);
    match front_matter::split(&file.text) {
        Ok(parts) => {
            let (front, front_failed) = match parts.yaml {
                None => (None, false),
                Some((start, text)) => match yaml::parse(id, file, start, text) {
                    Ok(node) => (Some(Arc::new(node)), false),
                    Err(d) => {
                        diags.push(d);
                        (None, true)
                    }
                },
            };
            MarkdownDoc {
                file: id,
                stem,
                front,
                front_failed,
                body_start: parts.body.0,
            }
        }
        Err(front_matter::Unclosed) => {
            diags.push(
                Diagnostic::error(
                    Code::FrontMatter,
                    Span::new(id, 0..3),
                    msg!("front-matter-unclosed"),
                )
                .with_help(msg!("front-matter-unclosed-help")),
            );
            MarkdownDoc {
                file: id,
                stem,
                front: None,
                front_failed: true,
                body_start: file.text.len(),
            }
        }
    }
}
