//! `site.toml`: the site's settings. Unknown keys are rejected so that a typo
//! is reported rather than silently ignored.

use chrono::NaiveDateTime;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{At, FileId, SourceFile, Span};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Nl,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// Without a trailing slash: `https://www.haarlem.nl/wijkcontracten`.
    pub base_url: String,
    /// The path part of `base_url`, where the site lives on its host:
    /// `/wijkcontracten`, or empty at the root of a domain.
    pub base_path: String,
    /// Write a `.gz` and a `.br` copy beside every text file (`precompress = true`).
    pub precompress: bool,
    pub language: Language,
    pub languages: Vec<Language>,
    pub theme: String,
    pub output_dir: String,
    pub council: CouncilName,
    pub as_of: Option<NaiveDateTime>,
    pub privacy_allow: Vec<String>,
    pub notice: String,
    /// `[open_data]`; `check` requires it (see `validate::open_data`).
    pub open_data: Option<OpenData>,
}

/// `[open_data]`: who publishes the open data, who made it and whom to ask
/// about it, for the DCAT catalogue. Values keep their place in site.toml
/// so that `check` can point at them.
#[derive(Debug, Clone)]
pub struct OpenData {
    /// The `[open_data]` header or inline table.
    pub span: Span,
    pub publisher: Option<Agent>,
    /// Defaults to the publisher.
    pub creator: Option<Agent>,
    pub contact: Option<Contact>,
}

impl OpenData {
    pub fn creator(&self) -> Option<&Agent> {
        self.creator.as_ref().or(self.publisher.as_ref())
    }
}

/// An organisation: its name and, best, its identifier (a TOOI URI).
#[derive(Debug, Clone)]
pub struct Agent {
    pub span: Span,
    pub name: At<String>,
    pub uri: Option<At<String>>,
}

/// Where readers of the open data ask their questions: a name and an e-mail
/// address or a web address (a contact form), or both.
#[derive(Debug, Clone)]
pub struct Contact {
    pub span: Span,
    pub name: At<String>,
    pub email: Option<At<String>>,
    pub url: Option<At<String>>,
}

/// What the neighbourhood body is called: *wijkraad* or *wijkplatform*.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouncilName {
    pub singular: String,
    pub plural: String,
    /// The Dutch article: "de" wijkraad, "het" wijkplatform. Guessed when absent.
    #[serde(default)]
    pub article: Option<String>,
}

impl CouncilName {
    /// "de wijkraad", "het wijkplatform".
    pub fn with_article(&self) -> String {
        let article = self.article.clone().unwrap_or_else(|| {
            let neuter = ["platform", "overleg", "panel", "comité", "bestuur"];
            if neuter.iter().any(|w| self.singular.ends_with(w)) {
                "het".into()
            } else {
                "de".into()
            }
        });
        format!("{article} {}", self.singular)
    }
}

impl Default for CouncilName {
    fn default() -> Self {
        CouncilName {
            singular: "wijkraad".into(),
            plural: "wijkraden".into(),
            article: None,
        }
    }
}

pub const DEFAULT_NOTICE: &str = "De wijkcontracten worden uitgevoerd binnen de huidige financiële en personele middelen van de partners. Het wijkcontract leidt niet tot uitbreiding, maar tot verschuiving.";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    base_url: String,
    language: Option<Language>,
    languages: Option<Vec<Language>>,
    theme: Option<String>,
    output_dir: Option<String>,
    precompress: Option<bool>,
    #[serde(default)]
    council: CouncilName,
    as_of: Option<toml::value::Datetime>,
    #[serde(default)]
    privacy: RawPrivacy,
    #[serde(default)]
    notice: RawNotice,
    open_data: Option<Spanned<RawOpenData>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOpenData {
    publisher: Option<Spanned<RawAgent>>,
    creator: Option<Spanned<RawAgent>>,
    contact: Option<Spanned<RawContact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgent {
    name: Spanned<String>,
    uri: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    name: Spanned<String>,
    email: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPrivacy {
    #[serde(default)]
    allow: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawNotice {
    text: Option<String>,
}

pub fn parse(file_id: FileId, file: &SourceFile) -> Result<SiteConfig, Diagnostic> {
    let raw: RawConfig = toml::from_str(&file.text).map_err(|err| {
        let span = err
            .span()
            .map_or(Span::file_start(file_id), |r| Span::new(file_id, r));
        let message = err.message().trim().to_string();
        // The field the parser names between backticks, if it names one.
        let field = message.split('`').nth(1).unwrap_or("").to_string();
        let (code, message, help) = if message.starts_with("unknown field") {
            (
                Code::UnknownKey,
                crate::msg!("toml-unknown-field", field = field),
                crate::msg!("toml-unknown-field-help"),
            )
        } else if message.starts_with("missing field") {
            (
                Code::MissingField,
                crate::msg!("toml-missing-field", field = field),
                crate::msg!("toml-missing-field-help"),
            )
        } else {
            (
                Code::TomlSyntax,
                crate::msg!(
                    "toml-syntax",
                    kind = crate::load::yaml::syntax_kind(&message),
                    detail = message
                ),
                crate::msg!("toml-syntax-help"),
            )
        };
        Diagnostic::error(code, span, message).with_help(help)
    })?;
    let as_of = match raw.as_of {
        None => None,
        Some(dt) => Some(parse_as_of_toml(&dt).ok_or_else(|| {
            let at = file.text.find("as_of").unwrap_or(0);
            Diagnostic::error(
                Code::InvalidDate,
                Span::new(file_id, at..at + 5),
                crate::msg!("invalid-as-of", value = dt.to_string()),
            )
            .with_help(crate::msg!("invalid-as-of-help"))
        })?),
    };
    let language = raw.language.unwrap_or(Language::Nl);
    let mut languages = raw.languages.unwrap_or_else(|| vec![language]);
    if !languages.contains(&language) {
        languages.insert(0, language);
    }
    // The default language comes first; the order of the rest is kept.
    languages.sort_by_key(|l| *l != language);
    languages.dedup();
    Ok(SiteConfig {
        title: raw.title,
        description: raw.description,
        base_path: base_path(&raw.base_url),
        base_url: raw.base_url.trim_end_matches('/').to_string(),
        precompress: raw.precompress.unwrap_or(false),
        language,
        languages,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        output_dir: raw.output_dir.unwrap_or_else(|| "public".into()),
        council: raw.council,
        as_of,
        privacy_allow: raw.privacy.allow,
        notice: raw
            .notice
            .text
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| DEFAULT_NOTICE.into()),
        open_data: raw.open_data.map(|o| open_data(file_id, o)),
    })
}

fn open_data(file: FileId, raw: Spanned<RawOpenData>) -> OpenData {
    let at = |s: Spanned<String>| {
        let span = Span::new(file, s.span());
        At::new(s.into_inner().trim().to_string(), span)
    };
    let agent = |a: Spanned<RawAgent>| {
        let span = Span::new(file, a.span());
        let a = a.into_inner();
        Agent {
            span,
            name: at(a.name),
            uri: a.uri.map(at),
        }
    };
    let span = Span::new(file, raw.span());
    let raw = raw.into_inner();
    OpenData {
        span,
        publisher: raw.publisher.map(agent),
        creator: raw.creator.map(agent),
        contact: raw.contact.map(|c| {
            let span = Span::new(file, c.span());
            let c = c.into_inner();
            Contact {
                span,
                name: at(c.name),
                email: c.email.map(at),
                url: c.url.map(at),
            }
        }),
    }
}

/// The path of a base URL, without its trailing slash:
/// `https://www.haarlem.nl/wijkcontracten/` → `/wijkcontracten`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].trim_end_matches('/').to_string(),
        None => String::new(),
    }
}

fn parse_as_of_toml(dt: &toml::value::Datetime) -> Option<NaiveDateTime> {
    let date = dt.date?;
    let time = dt.time.unwrap_or(toml::value::Time {
        hour: 0,
        minute: 0,
        second: Some(0),
        nanosecond: Some(0),
    });
    chrono::NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?
        .and_hms_opt(
            time.hour.into(),
            time.minute.into(),
            time.second.unwrap_or(0).into(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<SiteConfig, Diagnostic> {
        let file = SourceFile::new("site.toml".into(), text.into());
        parse(FileId(0), &file)
    }

    #[test]
    fn defaults_and_as_of() {
        let c = load("title = \"X\"\nas_of = 2011-12-31T12:00:00\n").unwrap();
        assert_eq!(c.language, Language::Nl);
        assert_eq!(c.languages, vec![Language::Nl]);
        assert_eq!(c.council.singular, "wijkraad");
        assert_eq!(c.council.with_article(), "de wijkraad");
        let p = load("title = \"X\"\ncouncil = { singular = \"wijkplatform\", plural = \"wijkplatforms\" }\n").unwrap();
        assert_eq!(p.council.with_article(), "het wijkplatform");
        assert_eq!(c.as_of.unwrap().to_string(), "2011-12-31 12:00:00");
    }

    #[test]
    fn unknown_key_points_at_it() {
        let err = load("title = \"X\"\ntitel = \"Y\"\n").unwrap_err();
        assert_eq!(err.code, Code::UnknownKey);
        assert_eq!(err.span.start, 12);
    }
}
