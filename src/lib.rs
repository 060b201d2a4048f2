//! afspraak: neighbourhood contracts (*wijkcontracten*) from Markdown and YAML
//! to a public website.
//!
//! The pipeline reads top to bottom: [`load`] the files (with positions),
//! [`validate`] them into the typed [`model`], then render and write.
//! `check` is the same pipeline without writing.

pub mod config;
pub mod diagnostic;
pub mod export;
pub mod feeds;
pub mod fingerprint;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod permanence;
pub mod progress;
pub mod record;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod shortlinks;
pub mod source;
pub mod validate;

use std::path::Path;

use chrono::NaiveDateTime;

use diagnostic::Diagnostics;
use model::Site;
use source::SourceMap;

/// The outcome of reading and validating a site.
pub struct Checked {
    /// The validated site, when there were no errors.
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    pub sources: SourceMap,
    /// The record of what was published (`published.txt`), when the site has one.
    pub record: Option<record::Record>,
    /// How long each stage took, in order: load, validate (and, for a build, render, write).
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Loads and validates the site in `root`, judged at `as_of` (default: the
/// site's `as_of`, else now in Europe/Amsterdam). Only a site folder that
/// cannot be opened is an `Err`; content problems are diagnostics.
pub fn check(root: &Path, as_of: Option<NaiveDateTime>) -> anyhow::Result<Checked> {
    check_with(root, as_of, None)
}

/// What one check keeps for the next, so that `serve` redoes only what an edit changed.
#[derive(Default)]
pub struct Cache {
    parses: load::ParseCache,
    contracts: validate::ContractCache,
}

/// [`check`], re-parsing and re-validating only what changed since `cache` was filled.
pub fn check_cached(
    root: &Path,
    as_of: Option<NaiveDateTime>,
    cache: &mut Cache,
) -> anyhow::Result<Checked> {
    check_with(root, as_of, Some(cache))
}

/// [`check`] of the site as it would be with `files` (path from the site
/// root, text) in place of what is on disk: a change is checked before it
/// is written.
pub fn check_with_overlay(
    root: &Path,
    files: impl IntoIterator<Item = (String, String)>,
) -> anyhow::Result<Checked> {
    let mut cache = Cache {
        parses: load::ParseCache::with_overlay(files),
        contracts: validate::ContractCache::default(),
    };
    check_with(root, None, Some(&mut cache))
}

fn check_with(
    root: &Path,
    as_of: Option<NaiveDateTime>,
    cache: Option<&mut Cache>,
) -> anyhow::Result<Checked> {
    let mut diagnostics = Diagnostics::default();
    let started = std::time::Instant::now();
    let mut fresh = load::ParseCache::deferring();
    let (parses, contracts) = match cache {
        Some(c) => (&mut c.parses, Some(&mut c.contracts)),
        None => (&mut fresh, None),
    };
    let mut sources = load::load_cached(root, &mut diagnostics, parses)?;
    let loaded = started.elapsed();
    let site = validate::validate_cached(&mut sources, as_of, &mut diagnostics, contracts);
    let record = sources.record.take();
    let map = sources.map;
    diagnostics.sort(&map);
    Ok(Checked {
        site,
        diagnostics,
        sources: map,
        record,
        timings: vec![("load", loaded), ("validate", started.elapsed() - loaded)],
    })
}

/// Parses a `--as-of` value: `2011-12-31`, `2011-12-31T12:00` or with seconds,
/// read as Europe/Amsterdam local time.
pub fn parse_as_of(text: &str) -> Option<NaiveDateTime> {
    validate::read::parse_datetime(text).ok()
}

/// A request afspraak refuses because of how it was asked (exit status 2),
/// such as `init` into a folder that is not empty.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// Returns early with a [`Refused`] error.
#[macro_export]
macro_rules! refuse {
    ($($arg:tt)*) => { return Err($crate::Refused(format!($($arg)*)).into()) };
}

/// What a build produced.
pub struct Built {
    pub checked: Checked,
    /// Files in the built site; 0 when the build failed.
    pub files: usize,
    /// Of those, the files whose bytes did not change: kept from the previous site.
    pub unchanged: usize,
}

impl Built {
    pub fn succeeded(&self) -> bool {
        self.files > 0
    }
}

/// How to build.
#[derive(Debug, Default, Clone)]
pub struct BuildOptions {
    /// Where to write; default: `output_dir` from site.toml, relative to the root.
    pub output: Option<std::path::PathBuf>,
    pub as_of: Option<NaiveDateTime>,
    /// Let the build drop URLs that the site published before; they leave the record.
    pub allow_dropped_urls: bool,
    /// A preview of another moment (`--as-of`): the record of what was
    /// published is left as it is, since this is not what is published now.
    pub preview: bool,
}

/// Checks, renders and writes the site. When `check` finds errors nothing is
/// written; the diagnostics are in the result. With `as_of` it is a preview:
/// the record of what was published is not written.
pub fn build(
    root: &Path,
    output: Option<&Path>,
    as_of: Option<NaiveDateTime>,
) -> anyhow::Result<Built> {
    build_with(
        root,
        &BuildOptions {
            output: output.map(Path::to_path_buf),
            as_of,
            allow_dropped_urls: false,
            preview: as_of.is_some(),
        },
    )
}

pub fn build_with(root: &Path, options: &BuildOptions) -> anyhow::Result<Built> {
    build_with_progress(root, options, &progress::Quiet)
}

/// [`build_with`], reporting progress.
pub fn build_with_progress(
    root: &Path,
    options: &BuildOptions,
    progress: &dyn progress::Progress,
) -> anyhow::Result<Built> {
    progress.stage(&tr!("progress-validate"), &root.display().to_string());
    let mut checked = check(root, options.as_of)?;
    let Some(site) = &checked.site else {
        return Ok(Built {
            checked,
            files: 0,
            unchanged: 0,
        });
    };
    // A warning only a build gives: a preview may run at any address.
    if let Some((id, file)) = checked.sources.files().find(|(_, f)| f.path == "site.toml")
        && let Some(w) = validate::hosting::example_address(&site.config, id, file)
    {
        checked.diagnostics.push(w);
    }
    let out_dir = match &options.output {
        Some(o) => o.clone(),
        None => root.join(&site.config.output_dir),
    };
    output::check_output_dir(root, &out_dir)?;
    // Held until the record is written: one build at a time into this output.
    let lock = output::OutputLock::acquire(&out_dir)?;
    output::recover(&out_dir)?;
    // A large site's record is large, and not needed while rendering: it is
    // read again for the URL check (nothing in this run points into it yet).
    let record = checked.record.take();
    let codes = record
        .as_ref()
        .map(|r| r.codes(&checked.sources.get(r.file).text))
        .unwrap_or_default();
    let record_file = record.map(|r| r.file);
    if let Some(file) = record_file {
        checked.sources.replace(file, String::new());
    }
    let theme = render::Theme::load(root, &site.config.theme)?;
    let published = render::Published::new(site).with_recorded_codes(codes.into());
    progress.stage(
        &tr!("progress-render"),
        &tr!(
            "progress-render-detail",
            contracts = published.contracts.len(),
            languages = site.config.languages.len(),
            out = out_dir.display().to_string()
        ),
    );
    let rendering = std::time::Instant::now();
    // Each file goes to the staging folder as soon as it is rendered; dropped on
    // an error below, the staging folder goes and the previous site stays.
    let staging = output::Staging::create(&out_dir, &lock)?;

    let compressing = site
        .config
        .precompress
        .then(|| output::Precompressing::new(&staging));
    let sink: &dyn output::Sink = match &compressing {
        Some(c) => c,
        None => &staging,
    };
    render_all(&published, &theme, progress, sink)?;
    let paths = sink.paths();
    permanence::check_redirects(&published, &paths, &mut checked.diagnostics);
    permanence::redirect_pages(&published, &theme, sink)?;
    permanence::short_link_pages(&published, &theme, sink)?;
    // The site's own files; compressed copies are not pages of their own.
    let paths = sink.paths();
    drop(compressing);
    // The record in the site, or else once the list an earlier version kept in the output.
    let previous = match record_file {
        Some(file) => {
            let text = std::fs::read_to_string(root.join(record::FILE)).unwrap_or_default();
            checked.sources.replace(file, text);
            let source = checked.sources.get(file);
            Some(record::parse(file, source, false, &mut checked.diagnostics))
        }
        None => permanence::adopt_legacy(&out_dir, &mut checked.sources, &mut checked.diagnostics),
    };
    let urls = permanence::published_urls(&paths);
    let questions = permanence::questions(&published);
    if let Some(record) = &previous {
        permanence::compare(
            record,
            &checked.sources,
            &urls,
            &questions,
            &published,
            options.allow_dropped_urls,
            &mut checked.diagnostics,
        );
    }
    if checked.diagnostics.has_errors() {
        checked.diagnostics.sort(&checked.sources);
        return Ok(Built {
            checked,
            files: 0,
            unchanged: 0,
        });
    }
    drop(previous);
    let record = (!options.preview).then(|| permanence::record_text(&published, &urls, &questions));
    drop((urls, questions));
    checked.timings.push(("render", rendering.elapsed()));
    // Every file written, compressed copies included, as `unchanged` counts them.
    let files = output::Sink::paths(&staging).len();
    progress.stage(
        &tr!("progress-write"),
        &tr!(
            "progress-write-detail",
            files = files,
            out = out_dir.display().to_string()
        ),
    );
    let swapping = std::time::Instant::now();
    let writing = staging.writing_time();
    let unchanged = staging.reused();
    staging.commit()?;
    // Only what is now published is recorded: after the swap.
    if let Some(text) = record {
        record::write(root, &text)?;
    }
    drop(lock);
    checked
        .timings
        .push(("write", writing + swapping.elapsed()));
    progress.finish();
    checked.diagnostics.sort(&checked.sources);
    Ok(Built {
        files,
        unchanged,
        checked,
    })
}

/// Renders a validated site into memory.
pub fn generate(root: &Path, site: &Site) -> anyhow::Result<render::SiteOutput> {
    let theme = render::Theme::load(root, &site.config.theme)?;
    let published = render::Published::new(site);
    let out = output::Memory::default();
    render_all(&published, &theme, &progress::Quiet, &out)?;
    permanence::redirect_pages(&published, &theme, &out)?;
    permanence::short_link_pages(&published, &theme, &out)?;
    Ok(out.into_inner())
}

fn render_all(
    published: &render::Published,
    theme: &render::Theme,
    progress: &dyn progress::Progress,
    out: &dyn output::Sink,
) -> anyhow::Result<()> {
    let (pages, (feeds, (data, search))) = rayon::join(
        || render::render_pages(published, theme, progress, out),
        || {
            rayon::join(
                || feeds::render(published, theme, out),
                || {
                    rayon::join(
                        || export::render(published, out),
                        || search::render(published, out),
                    )
                },
            )
        },
    );
    pages?;
    feeds?;
    data?;
    search?;
    feeds::sitemap(published, &out.paths(), out)
}
