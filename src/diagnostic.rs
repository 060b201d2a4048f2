//! Content diagnostics: expected, plural, always located. They are collected
//! for a whole run and rendered together, for people (rustc style) or as JSON.

mod shorten;
pub use shorten::shorten;

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::source::{SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $name:literal: $doc:literal,)*) => {
        /// Stable diagnostic codes. Their kebab-case names are a public interface
        /// (`check --format json`), documented in `docs/diagnostics.md` (Dutch) and `docs/diagnostics.en.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $(#[doc = $doc] $variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    // Files
    MissingFile = "missing-file": "A required file (site.toml, districts.yaml, partners.yaml, topics.yaml) is absent.",
    EmptyFile = "empty-file": "A YAML file or front-matter block holds nothing.",
    NotUtf8 = "not-utf8": "A file is not valid UTF-8 text.",
    FileTooLarge = "file-too-large": "A file is larger than the limit for one content file.",
    UnreadableFile = "unreadable-file": "A file could not be read, or points outside the site.",
    UnexpectedFile = "unexpected-file": "A file in content/ that afspraak does not use.",
    InvalidFileName = "invalid-file-name": "A file name does not follow the pattern for its folder.",
    // Syntax
    YamlSyntax = "yaml-syntax": "The YAML is malformed: bad indentation, a tab, an unclosed bracket.",
    TomlSyntax = "toml-syntax": "site.toml is malformed or has a value of the wrong kind.",
    DuplicateKey = "duplicate-key": "The same key appears twice in one mapping.",
    TooComplex = "yaml-too-complex": "Nesting or aliases exceed the safety limits.",
    FrontMatter = "front-matter": "A Markdown file's front matter is not closed by a `---` line.",
    // Shape
    UnknownKey = "unknown-key": "A key that the format does not define (often a typo).",
    WrongType = "wrong-type": "A value of the wrong kind: text where a list belongs, and so on.",
    MissingField = "missing-field": "A required field is absent.",
    FieldNotApplicable = "field-not-applicable": "A field that has no meaning for this outcome or kind.",
    InvalidValue = "invalid-value": "A value outside its allowed set (outcome, state, ground, kind, channel).",
    InvalidDate = "invalid-date": "A date that does not exist or is not written as a date.",
    InvalidSlug = "invalid-slug": "A slug that is not lowercase letters, digits and hyphens.",
    // References
    DuplicateSlug = "duplicate-slug": "Two districts, neighbourhoods, partners or topics share a slug.",
    DuplicateId = "duplicate-id": "Two questions in one contract share an id.",
    UnknownPartner = "unknown-partner": "A partner slug that partners.yaml does not define.",
    UnknownTopic = "unknown-topic": "A topic slug that topics.yaml does not define.",
    UnknownChannel = "unknown-channel": "A channel that is not one of the seven collection channels.",
    UnknownNeighbourhood = "unknown-neighbourhood": "A neighbourhood slug that districts.yaml does not define.",
    UnknownDistrict = "unknown-district": "A district slug that districts.yaml does not define.",
    UnknownQuestion = "unknown-question": "A `follows` or update reference to a question that does not exist.",
    HiddenReference = "hidden-reference": "A public item refers to a question in a draft or embargoed contract.",
    // Outcome rules
    MissingReason = "missing-reason": "A declined answer, or a schedule that was not brought forward, without its reason.",
    MissingGround = "missing-ground": "A declined answer without its ground (legal, policy, financial).",
    MissingWhen = "missing-when": "An honoured or scheduled answer without `when`.",
    MissingPlanningAdjusted = "missing-planning-adjusted": "A scheduled answer that does not say whether the planning was adjusted.",
    MissingReportBy = "missing-report-by": "A prioritised answer without `report_by`.",
    WhenOutsidePeriod = "when-outside-period": "An honoured answer's `when` lies outside the contract period.",
    WhenOutOfRange = "when-out-of-range": "A date far outside any sensible range for this contract.",
    ProgressOrder = "progress-out-of-order": "A progress history that is not in date order.",
    HistoryOrder = "history-out-of-order": "A `rescheduled` or `revised` list that is not in date order.",
    MoveUnchanged = "move-unchanged": "A `rescheduled` entry that keeps the deadline it already had.",
    RevisionUnchanged = "revision-unchanged": "A `revised` entry whose `from` is the same answer as the one that replaced it.",
    DateInFuture = "date-in-future": "A progress, decision or dispute date after the build's `as_of`.",
    YearMismatch = "year-mismatch": "A contract whose file-name year does not match its period.",
    PeriodOrder = "period-order": "A contract period that ends before it starts.",
    NoQuestions = "no-questions": "A contract without questions.",
    // Text
    PersonalData = "personal-data": "Personal data in public text: an e-mail address, phone number, postcode with house number, citizen service number or IBAN, as the reader sees it (after Markdown and entities); site.toml's title, description and notice included.",
    DateMismatch = "date-mismatch": "An update whose file-name date differs from its `date`.",
    // Permanence
    DroppedUrl = "dropped-url": "A build would drop a URL that the previous build published, without a redirect.",
    IdReused = "id-reused": "A published question id now holds a completely different question.",
    PromiseChanged = "promise-changed": "A published promise (outcome, `when`, `report_by`) was changed in place instead of recorded with `rescheduled` or `revised`.",
    RecordInvalid = "record-invalid": "A line of the record of what was published (published.txt) cannot be read, such as a merge-conflict marker.",
    RedirectConflict = "redirect-conflict": "A redirect's old address is still a page, its target does not exist or is not public, or redirects go round in a circle.",
    // Hosting
    BaseUrlInvalid = "base-url-invalid": "site.toml's `base_url` is not the web address of the site: `https://` and a host name, optionally a path.",
    ExampleAddress = "example-address": "`build` with `base_url` still an example or local address: every canonical link, feed, sitemap entry and open-data link would point there.",
    // Starter kit
    PlaceholderText = "placeholder-text": "A contract, page or news item that is not a draft still holds example text from `afspraak new contract` or `afspraak init`, such as \"Korte titel van de vraag\" or \"[vul de datum in]\".",
    // The map
    MapInvalid = "map-invalid": "content/map.geojson is not valid GeoJSON, not a FeatureCollection of Polygon and MultiPolygon features each with a `slug`, names a neighbourhood twice, or has too many points.",
    MapMissingShape = "map-missing-shape": "A neighbourhood of districts.yaml has no shape in content/map.geojson.",
}

/// The words of a diagnostic: in English, the canonical form that
/// `--format json` and the tests read, and in Dutch when the words come from
/// the message catalogues (a text written in the code has English only).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text(Box<Words>);

/// Boxed so that a diagnostic, which holds several texts, stays small.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Words {
    en: String,
    nl: Option<String>,
}

impl Text {
    fn new(en: String, nl: Option<String>) -> Self {
        Text(Box::new(Words { en, nl }))
    }

    pub fn as_str(&self) -> &str {
        &self.0.en
    }

    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.0.nl) {
            (Lang::Nl, Some(nl)) => nl,
            _ => &self.0.en,
        }
    }

    /// The text in the language of this run.
    pub fn local(&self) -> &str {
        self.get(Lang::current())
    }

    /// Two texts combined language by language.
    pub fn zip(&self, other: &Text, f: impl Fn(&str, &str) -> String) -> Text {
        Text::new(
            f(&self.0.en, &other.0.en),
            Some(f(self.get(Lang::Nl), other.get(Lang::Nl))),
        )
    }

    /// Changes both languages' words alike (such as a prefix).
    pub fn map(self, f: impl Fn(String) -> String) -> Text {
        let words = *self.0;
        Text::new(f(words.en), words.nl.map(f))
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0.en
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl Text {
    /// Words that are the same in every language, such as a file name or a
    /// value quoted from the content.
    pub fn verbatim(words: impl Into<String>) -> Self {
        let words = words.into();
        Text::new(words.clone(), Some(words))
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Self {
        Text::new(m.render(Lang::En), Some(m.render(Lang::Nl)))
    }
}

/// One problem found in the content.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: Text,
    pub span: Span,
    /// Text under the caret; defaults to the message.
    pub label: Option<Text>,
    pub help: Option<Text>,
    /// Secondary places, such as the first of two duplicates.
    pub related: Vec<(Span, Text)>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            span,
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    pub fn warning(code: Code, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<Text>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_related(mut self, span: Span, label: impl Into<Text>) -> Self {
        self.related.push((span, label.into()));
        self
    }
}

/// All diagnostics of a run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file path, then position, then code, so output is stable.
    pub fn sort(&mut self, sources: &SourceMap) {
        self.items.sort_by(|a, b| {
            let pa = &sources.get(a.span.file).path;
            let pb = &sources.get(b.span.file).path;
            (pa, a.span.start, a.code.as_str(), &a.message).cmp(&(
                pb,
                b.span.start,
                b.code.as_str(),
                &b.message,
            ))
        });
        self.items
            .dedup_by(|a, b| a.span == b.span && a.code == b.code && a.message == b.message);
    }
}

/// Where a diagnostic is, resolved to file, line and column.
pub struct Location<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
}

pub fn locate<'a>(sources: &'a SourceMap, span: Span) -> Location<'a> {
    let file = sources.get(span.file);
    let (line, column) = file.line_col(span.start as usize);
    Location {
        file: &file.path,
        line,
        column,
    }
}

/// Renders every diagnostic in the style of rustc, with a closing summary
/// line, in the language of this run.
pub fn render_human(diagnostics: &Diagnostics, sources: &SourceMap, color: bool) -> String {
    render_human_in(diagnostics, sources, color, Lang::current())
}

/// [`render_human`] in a given language.
pub fn render_human_in(
    diagnostics: &Diagnostics,
    sources: &SourceMap,
    color: bool,
    lang: Lang,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics.iter() {
        out.push_str(&render_one(d, sources, &renderer, lang));
        out.push_str("\n\n");
    }
    // Bidirectional controls in a file name or text would make a terminal show
    // the line reversed (as in "Trojan Source"); show them as escapes instead.
    let mut out = escape_invisible(&out);
    let errors = diagnostics.count(Severity::Error);
    let warnings = diagnostics.count(Severity::Warning);
    let summary = crate::msg!("summary-errors", errors = errors, warnings = warnings);
    let _ = writeln!(out, "{}", summary.render(lang));
    out
}

fn escape_invisible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{61c}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c if c.is_control() && c != '\n' && c != '\t' && c != '\x1b' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

fn render_one(d: &Diagnostic, sources: &SourceMap, renderer: &Renderer, lang: Lang) -> String {
    let message = d.message.get(lang);
    // The words before the colon ("error", "help") in the run's language.
    let named =
        |level: Level<'static>, id: &'static str| level.with_name(Msg::new(id).render(lang));
    let level = match d.severity {
        Severity::Error => named(Level::ERROR, "level-error"),
        Severity::Warning => named(Level::WARNING, "level-warning"),
    };
    let help_level = named(Level::HELP, "level-help");
    let note_level = named(Level::NOTE, "level-note");
    let file = sources.get(d.span.file);
    let mut groups = Vec::new();
    if file.text.is_empty() {
        // Nothing to underline: name the file in the title.
        let title = level
            .primary_title(if message.contains(file.path.as_str()) {
                message.to_string()
            } else {
                format!("{message} ({})", file.path)
            })
            .id(d.code.as_str());
        let mut group = Group::with_title(title);
        if let Some(help) = &d.help {
            group = group.element(help_level.clone().message(help.get(lang)));
        }
        groups.push(group);
        return renderer.render(&groups);
    }
    let mut spans = vec![(
        d.span,
        d.label.as_ref().map_or(message, |l| l.get(lang)),
        true,
    )];
    spans.extend(
        d.related
            .iter()
            .filter(|(s, _)| s.file == d.span.file)
            .map(|(s, l)| (*s, l.get(lang), false)),
    );
    let first = spans.iter().map(|(s, _, _)| s.start).min().unwrap_or(0) as usize;
    let last = spans.iter().map(|(s, _, _)| s.end).max().unwrap_or(0) as usize;
    let lines = file.lines_of(&(first..last));
    let window = file.line_range(lines.clone());
    let source = &file.text[window.clone()];
    let mut snippet = Snippet::source(source)
        .line_start(lines.start)
        .path(file.path.as_str())
        .fold(true);
    for (span, label, primary) in spans {
        let start = (span.start as usize).clamp(window.start, window.end) - window.start;
        let end = (span.end as usize).clamp(window.start, window.end) - window.start;
        let kind = if primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        snippet = snippet.annotation(kind.span(start..end).label(label));
    }
    let title = level.primary_title(message).id(d.code.as_str());
    let mut group = title.element(snippet);
    if let Some(help) = &d.help {
        group = group.element(help_level.clone().message(help.get(lang)));
    }
    groups.push(group);
    for (span, label) in d.related.iter().filter(|(s, _)| s.file != d.span.file) {
        let loc = locate(sources, *span);
        groups.push(Group::with_title(note_level.clone().secondary_title(
            format!(
                "{} ({}:{}:{})",
                label.get(lang),
                loc.file,
                loc.line,
                loc.column
            ),
        )));
    }
    renderer.render(&groups)
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

/// The `check --format json` document. Its words stay English whatever the
/// language of the run, so that tools reading it see a stable format.
pub fn render_json(diagnostics: &Diagnostics, sources: &SourceMap) -> String {
    let report = JsonReport {
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let loc = locate(sources, d.span);
                JsonDiagnostic {
                    severity: d.severity,
                    code: d.code.as_str(),
                    file: loc.file,
                    line: loc.line,
                    column: loc.column,
                    message: d.message.as_str(),
                    help: d.help.as_deref(),
                }
            })
            .collect(),
        errors: diagnostics.count(Severity::Error),
        warnings: diagnostics.count(Severity::Warning),
    };
    let mut json = serde_json::to_string_pretty(&report).expect("diagnostics serialise");
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{name} is not kebab-case"
            );
        }
    }

    #[test]
    fn renders_file_line_column_and_help() {
        let mut sources = SourceMap::default();
        let id = sources.add(
            "content/x.yaml".into(),
            "a: 1\npartner: elan-wonnen\nb: 2\n".into(),
        );
        let start = sources.get(id).text.find("elan").unwrap();
        let mut diags = Diagnostics::default();
        diags.push(
            Diagnostic::error(
                Code::UnknownPartner,
                Span::new(id, start..start + 11),
                Text::verbatim("unknown partner `elan-wonnen`"),
            )
            .with_help(Text::verbatim("did you mean `elan-wonen`?")),
        );
        let text = render_human_in(&diags, &sources, false, Lang::En);
        assert!(
            text.contains("error[unknown-partner]: unknown partner `elan-wonnen`"),
            "{text}"
        );
        assert!(text.contains("content/x.yaml:2:10"), "{text}");
        assert!(text.contains("^^^^^^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `elan-wonen`?"), "{text}");
        assert!(text.ends_with("1 error, 0 warnings\n"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&render_json(&diags, &sources)).unwrap();
        assert_eq!(json["errors"], 1);
        assert_eq!(json["diagnostics"][0]["line"], 2);
        assert_eq!(json["diagnostics"][0]["column"], 10);
        assert_eq!(json["diagnostics"][0]["code"], "unknown-partner");
    }
}
