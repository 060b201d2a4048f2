//! The theme: templates, static files and translations. The default theme is
//! compiled into the binary; a site's `theme = "name"` overrides it file by
//! file from `themes/<name>/`.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;

use super::i18n::Translations;
use crate::config::Language;
use crate::fingerprint::{START, fnv1a};

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../themes/default/", $path)))),*]
    };
}

/// The default theme's files, by path inside the theme folder.
const DEFAULT_FILES: &[(&str, &str)] = embed!(
    "templates/base.html",
    "templates/partials/totals.html",
    "templates/partials/question_item.html",
    "templates/partials/notice.html",
    "templates/partials/agreements.html",
    "templates/home.html",
    "templates/neighbourhoods.html",
    "templates/neighbourhood.html",
    "templates/contract.html",
    "templates/question.html",
    "templates/district.html",
    "templates/partner.html",
    "templates/topic.html",
    "templates/news.html",
    "templates/news_item.html",
    "templates/page.html",
    "templates/404.html",
    "templates/data.html",
    "templates/search.html",
    "templates/figure_list.html",
    "templates/figures.html",
    "templates/overview.html",
    "templates/partials/pagination.html",
    "templates/partials/comparison.html",
    "templates/partials/year_table.html",
    "static/search.js",
    "templates/atom.xml",
    "templates/redirect.html",
    "templates/shortlink.html",
    "templates/print.html",
    "templates/map.html",
    "templates/partials/small_map.html",
    "templates/card.html",
    "static/style.css",
    "static/favicon.svg",
    "static/print.css",
    "i18n/nl.yaml",
    "i18n/en.yaml",
);

pub struct Theme {
    pub tera: tera::Tera,
    /// The same templates with each language's interface text as the global
    /// `t`, so that no page has to carry the table in its own context.
    pub per_language: BTreeMap<Language, tera::Tera>,
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Each static file's address with its version: `/static/style.css?v=1a2b3c4d`,
    /// in templates as `assets["style.css"]`.
    pub asset_urls: BTreeMap<String, String>,
    pub translations: BTreeMap<Language, Translations>,
}

impl Theme {
    /// Loads the default theme with the overrides of `themes/<name>/` under `root`.
    pub fn load(root: &Path, name: &str) -> anyhow::Result<Theme> {
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULT_FILES
            .iter()
            .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
            .collect();
        if name != "default" || root.join("themes/default").is_dir() {
            let dir = root.join("themes").join(name);
            if !dir.is_dir() && name != "default" {
                anyhow::bail!("{}", crate::tr!("theme-missing", name = name));
            }
            if dir.is_dir() {
                for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                    let entry = entry?;
                    if entry.file_type().is_file() {
                        let rel = entry
                            .path()
                            .strip_prefix(&dir)?
                            .to_string_lossy()
                            .replace('\\', "/");
                        let bytes = std::fs::read(entry.path()).with_context(|| {
                            crate::tr!(
                                "cannot-read-path",
                                path = entry.path().display().to_string()
                            )
                        })?;
                        files.insert(rel, bytes);
                    }
                }
            }
        }
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut templates = Vec::new();
        let mut static_files = BTreeMap::new();
        let mut translations = BTreeMap::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8(bytes)
                    .with_context(|| crate::tr!("theme-not-utf8", path = path.as_str()))?;
                templates.push((name.to_string(), text));
            } else if let Some(name) = path.strip_prefix("static/") {
                static_files.insert(name.to_string(), bytes);
            } else if let Some(lang) = path
                .strip_prefix("i18n/")
                .and_then(|p| p.strip_suffix(".yaml"))
            {
                let lang = match lang {
                    "nl" => Language::Nl,
                    "en" => Language::En,
                    _ => continue,
                };
                let text = String::from_utf8(bytes)
                    .with_context(|| crate::tr!("theme-not-utf8", path = path.as_str()))?;
                let table = crate::load::yaml::parse_string_map(&text).map_err(|e| {
                    anyhow::anyhow!(
                        "{}",
                        crate::tr!(
                            "theme-texts-invalid",
                            path = path.as_str(),
                            error = e.to_string()
                        )
                    )
                })?;
                translations.insert(lang, Translations { lang, table });
            }
        }
        tera.add_raw_templates(templates)
            .map_err(|e| anyhow::anyhow!("{}\n{e}", crate::tr!("theme-templates-invalid")))?;
        let asset_urls = asset_urls(&static_files);
        tera.global_context().insert("assets", &asset_urls);
        let per_language = translations
            .iter()
            .map(|(lang, t)| {
                let mut localised = tera.clone();
                localised.global_context().insert("t", &t.table);
                (*lang, localised)
            })
            .collect();
        Ok(Theme {
            tera,
            per_language,
            static_files,
            asset_urls,
            translations,
        })
    }
}

/// Every static file's address, versioned by its content: a host may cache
/// `/static/` for a year, since a changed file gets a new address.
fn asset_urls(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(name, bytes)| {
            (
                name.clone(),
                format!("/static/{name}?v={:08x}", fnv1a(START, bytes) as u32),
            )
        })
        .collect()
}
