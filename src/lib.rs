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
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod search;
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
}

/// Loads and validates the site in `root`, judged at `as_of` (default: the
/// site's `as_of`, else now in Europe/Amsterdam). Only a site folder that
/// cannot be opened is an `Err`; content problems are diagnostics.
pub fn check(root: &Path, as_of: Option<NaiveDateTime>) -> anyhow::Result<Checked> {
    let mut diagnostics = Diagnostics::default();
    let sources = load::load(root, &mut diagnostics)?;
    let site = validate::validate(&sources, as_of, &mut diagnostics);
    let map = sources.map;
    diagnostics.sort(&map);
    Ok(Checked {
        site,
        diagnostics,
        sources: map,
    })
}

/// Parses a `--as-of` value: `2011-12-31`, `2011-12-31T12:00` or with seconds,
/// read as Europe/Amsterdam local time.
pub fn parse_as_of(text: &str) -> Option<NaiveDateTime> {
    validate::read::parse_datetime(text).ok()
}

/// What a build produced.
pub struct Built {
    pub checked: Checked,
    /// Files written, when the build succeeded.
    pub files: usize,
}

/// Checks, renders and writes the site. When `check` finds errors nothing is
/// written; the diagnostics are in the result.
pub fn build(
    root: &Path,
    output: Option<&Path>,
    as_of: Option<NaiveDateTime>,
) -> anyhow::Result<Built> {
    let checked = check(root, as_of)?;
    let Some(site) = &checked.site else {
        return Ok(Built { checked, files: 0 });
    };
    let out_dir = match output {
        Some(o) => o.to_path_buf(),
        None => root.join(&site.config.output_dir),
    };
    output::check_output_dir(root, &out_dir)?;
    let files = generate(root, site)?;
    output::write_atomically(&out_dir, &files)?;
    Ok(Built {
        files: files.len(),
        checked,
    })
}

/// Renders a validated site into memory.
pub fn generate(root: &Path, site: &Site) -> anyhow::Result<render::SiteOutput> {
    let theme = render::Theme::load(root, &site.config.theme)?;
    let published = render::Published::new(site);
    let mut out = render::render_pages(&published, &theme)?;
    out.extend(feeds::render(&published, &theme)?);
    out.extend(export::render(&published)?);
    out.extend(search::render(&published)?);
    let sitemap = feeds::sitemap(&published, &out);
    out.extend(sitemap);
    Ok(out)
}
