//! `import`: questions from a spreadsheet (CSV or XLSX) into one contract
//! file. Every row is checked first; one bad row and nothing is written.
//! The contract file is edited as text: only the fields that change are
//! rewritten, so comments, other questions, progress histories and the
//! editor's formatting stay exactly as they were.
//!
//! The open-data export `data/vragen.csv` imports as it is: its derived
//! columns are ignored and rows of other contracts (`wijk`, `jaar`) skipped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use chrono::{Datelike, NaiveDate};

use crate::load::{Node, Value};
use crate::model::{
    Channel, Ground, Keyword, OutcomeKind, QuestionKind, QuestionRef, When, is_valid_slug,
    when::{WhenError, parse_day},
};
use crate::source::SourceMap;
use crate::validate::suggest::did_you_mean;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The contract file, under the site root.
    pub path: PathBuf,
    /// Whether the contract file was new.
    pub created: bool,
    /// Ids of the questions appended.
    pub added: Vec<u32>,
    /// Ids of the existing questions with at least one changed field.
    pub updated: Vec<u32>,
    /// Ids of the existing questions the spreadsheet left as they were.
    pub unchanged: Vec<u32>,
    /// Spreadsheet rows skipped because their `wijk`/`jaar` name another
    /// contract (rows of the open-data export).
    pub skipped: Vec<usize>,
}

/// One problem in the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The spreadsheet row, counted from 1; the header is row 1.
    pub row: usize,
    /// The column as its header names it.
    pub column: String,
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.column.is_empty() {
            write!(f, "row {}: {}", self.row, self.message)
        } else {
            write!(
                f,
                "row {}, column {}: {}",
                self.row, self.column, self.message
            )
        }
    }
}

#[derive(Debug)]
pub enum ImportError {
    /// Rows with problems; nothing was written.
    Rows(Vec<RowError>),
    /// The file, the site or the contract could not be read or written.
    Other(anyhow::Error),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ImportError::Rows(errors) => {
                writeln!(
                    f,
                    "{} {} in the spreadsheet; nothing was written:",
                    errors.len(),
                    if errors.len() == 1 {
                        "problem"
                    } else {
                        "problems"
                    }
                )?;
                for e in errors {
                    writeln!(f, "  {e}")?;
                }
                Ok(())
            }
            ImportError::Other(e) => write!(f, "{e:#}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<anyhow::Error> for ImportError {
    fn from(e: anyhow::Error) -> Self {
        ImportError::Other(e)
    }
}

// ---------------------------------------------------------------------------
// Columns

/// A question field that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Field {
    Id,
    Title,
    Kind,
    Channel,
    Topic,
    Location,
    Follows,
    Asked,
    Partner,
    Outcome,
    When,
    PlanningAdjusted,
    ReportBy,
    Ground,
    Reason,
    Answer,
}

/// Every field in the order a new question is written, with its YAML key and
/// its Dutch column name (as in `data/vragen.csv`).
const FIELDS: &[(Field, &str, &str)] = &[
    (Field::Id, "id", "nr"),
    (Field::Title, "title", "titel"),
    (Field::Kind, "kind", "soort"),
    (Field::Channel, "channel", "kanaal"),
    (Field::Topic, "topic", "thema"),
    (Field::Location, "location", "plek"),
    (Field::Follows, "follows", "vervolg_op"),
    (Field::Asked, "asked", "vraag"),
    (Field::Partner, "partner", "partner"),
    (Field::Outcome, "outcome", "uitkomst"),
    (Field::When, "when", "wanneer"),
    (
        Field::PlanningAdjusted,
        "planning_adjusted",
        "planning_aangepast",
    ),
    (Field::ReportBy, "report_by", "uitslag_uiterlijk"),
    (Field::Ground, "ground", "grond"),
    (Field::Reason, "reason", "reden"),
    (Field::Answer, "answer", "antwoord"),
];

/// Further Dutch names a column may have.
const ALIASES: &[(&str, Field)] = &[("locatie", Field::Location)];

/// The column names accepted, `(YAML key, Dutch name)`, for the documentation.
pub fn column_names() -> Vec<(&'static str, &'static str)> {
    let mut names: Vec<_> = FIELDS.iter().map(|(_, k, nl)| (*k, *nl)).collect();
    names.push(("location", "locatie"));
    names
}

/// Columns of the open-data export that are derived, and ignored on import.
pub const IGNORED_COLUMNS: &[&str] = &[
    "wijk_naam",
    "stadsdeel",
    "permalink",
    "besluit_datum",
    "besluit_opgenomen",
    "stand_van_zaken",
    "laatste_update",
    "betwist",
];

impl Field {
    fn key(self) -> &'static str {
        FIELDS.iter().find(|f| f.0 == self).map_or("", |f| f.1)
    }
    fn dutch(self) -> &'static str {
        FIELDS.iter().find(|f| f.0 == self).map_or("", |f| f.2)
    }
    fn from_key(key: &str) -> Option<Field> {
        FIELDS.iter().find(|f| f.1 == key).map(|f| f.0)
    }
    /// Markdown text, written as a block scalar.
    fn is_markdown(self) -> bool {
        matches!(self, Field::Asked | Field::Answer | Field::Reason)
    }
    /// One line of free text, quoted when YAML would misread it.
    fn is_line(self) -> bool {
        matches!(self, Field::Title | Field::Location)
    }
}

/// Which outcomes a field belongs to (the others have it for every outcome).
fn outcomes_of(key: &str) -> Option<&'static [OutcomeKind]> {
    use OutcomeKind::*;
    Some(match key {
        "when" => &[Honoured, Scheduled],
        "planning_adjusted" => &[Scheduled],
        "reason" => &[Declined, Scheduled],
        "ground" => &[Declined],
        "report_by" | "decision" => &[Prioritised],
        _ => return None,
    })
}

fn normalise_header(s: &str) -> String {
    s.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// What a header cell means.
enum Column {
    Field(Field),
    Wijk,
    Jaar,
    Ignored,
    Blank,
}

fn classify_header(name: &str) -> Option<Column> {
    let n = normalise_header(name);
    if n.is_empty() {
        return Some(Column::Blank);
    }
    if let Some((f, _, _)) = FIELDS.iter().find(|(_, k, nl)| *k == n || *nl == n) {
        return Some(Column::Field(*f));
    }
    if let Some((_, f)) = ALIASES.iter().find(|(a, _)| *a == n) {
        return Some(Column::Field(*f));
    }
    match n.as_str() {
        "wijk" => Some(Column::Wijk),
        "jaar" => Some(Column::Jaar),
        _ if IGNORED_COLUMNS.contains(&n.as_str()) => Some(Column::Ignored),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Reading the spreadsheet

/// The cells of a spreadsheet, as text, with their row numbers.
struct Table {
    header_row: usize,
    header: Vec<String>,
    rows: Vec<(usize, Vec<Cell>)>,
}

/// A cell's text, or what is wrong with it (a spreadsheet error such as #N/A).
type Cell = Result<String, String>;

fn read_table(file: &Path) -> anyhow::Result<Table> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes =
                std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            read_csv(&bytes).with_context(|| format!("cannot read {}", file.display()))
        }
        "xlsx" | "xlsm" => {
            read_xlsx(file).with_context(|| format!("cannot read {}", file.display()))
        }
        _ => Err(anyhow!(
            "{} is not a .csv or .xlsx file; save the spreadsheet as CSV (UTF-8) or as an Excel workbook (.xlsx)",
            file.display()
        )),
    }
}

fn read_csv(bytes: &[u8]) -> anyhow::Result<Table> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "the file is not UTF-8 text (byte {}); save it as \"CSV UTF-8\"",
            e.valid_up_to() + 1
        )
    })?;
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| {
            // Earlier delimiters win ties (max_by_key keeps the last maximum).
            let n = first_line.bytes().filter(|b| b == d).count();
            (n, usize::from(*d == b';') * 2 + usize::from(*d == b','))
        })
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| anyhow!("row {}: {e}", i + 1))?;
        records.push(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    let mut records = records.into_iter();
    let header = records
        .next()
        .ok_or_else(|| anyhow!("the file is empty; the first row names the columns"))?;
    Ok(Table {
        header_row: 1,
        header,
        rows: records
            .enumerate()
            .map(|(i, cells)| (i + 2, cells.into_iter().map(Ok).collect()))
            .collect(),
    })
}

fn read_xlsx(file: &Path) -> anyhow::Result<Table> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut workbook: Xlsx<_> = open_workbook(file)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| anyhow!("the workbook has no sheets"))??;
    let (first_row, _) = range
        .start()
        .ok_or_else(|| anyhow!("the first sheet is empty; its first row names the columns"))?;
    let mut rows = range.rows();
    let header = rows
        .next()
        .ok_or_else(|| anyhow!("the first sheet is empty"))?
        .iter()
        .map(|c| xlsx_cell(c).unwrap_or_default())
        .collect();
    let header_row = first_row as usize + 1;
    Ok(Table {
        header_row,
        header,
        rows: rows
            .enumerate()
            .map(|(i, cells)| (header_row + 1 + i, cells.iter().map(xlsx_cell).collect()))
            .collect(),
    })
}

fn xlsx_cell(cell: &calamine::Data) -> Cell {
    use calamine::Data;
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) => s
            .get(..10)
            .filter(|d| parse_day(d).is_ok())
            .unwrap_or(s)
            .to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(format!("the cell holds a spreadsheet error ({e})")),
    })
}

/// A cell as the editor meant it: line ends as `\n`, the apostrophe that
/// the export puts before formula-like text removed, trimmed.
fn clean(cell: &str) -> String {
    let text = cell.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    let unquoted = match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    };
    unquoted.trim().to_string()
}

// ---------------------------------------------------------------------------
// What the site knows

#[derive(Default)]
struct SiteInfo {
    neighbourhoods: Vec<(String, String)>,
    partners: Vec<(String, String)>,
    topics: Vec<(String, String)>,
    /// Every question id in every contract file, for `follows`.
    questions: HashSet<QuestionRef>,
}

impl SiteInfo {
    fn load(root: &Path) -> anyhow::Result<SiteInfo> {
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

fn map_get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.value == key).map(|(_, v)| v),
        _ => None,
    }
}

fn map_text(node: &Node, key: &str) -> Option<String> {
    map_get(node, key).and_then(scalar_text)
}

fn scalar_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => None,
        Value::Seq(_) | Value::Map(_) => Some(String::from("\u{0}complex")),
    }
}

/// A slug from a table, matched on slug or name, ignoring case.
fn find_slug<'a>(input: &str, table: &'a [(String, String)]) -> Option<&'a str> {
    let lower = input.to_lowercase();
    table
        .iter()
        .find(|(slug, name)| *slug == lower || name.to_lowercase() == lower)
        .map(|(slug, _)| slug.as_str())
}

fn unknown_slug(input: &str, table: &[(String, String)], what: &str, file: &str) -> String {
    let slugs: Vec<&str> = table.iter().map(|(s, _)| s.as_str()).collect();
    match did_you_mean(input, slugs.iter().copied()) {
        Some(s) => format!("unknown {what} `{input}`; did you mean `{s}`?"),
        None if slugs.is_empty() => format!("unknown {what} `{input}`; {file} defines none yet"),
        None => format!(
            "unknown {what} `{input}`; {file} defines: {}",
            slugs.join(", ")
        ),
    }
}

// ---------------------------------------------------------------------------
// Values

fn lower_words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn parse_outcome(s: &str) -> Option<OutcomeKind> {
    let s = lower_words(s);
    if let Some(k) = OutcomeKind::from_key(&s) {
        return Some(k);
    }
    let compact = s.replace(" / ", "/").replace("/ ", "/").replace(" /", "/");
    Some(match compact.as_str() {
        "direct opgelost" | "opgelost" => OutcomeKind::Resolved,
        "binnen de looptijd" => OutcomeKind::Honoured,
        "al gepland" | "gepland" => OutcomeKind::Scheduled,
        "meegenomen in prioritering" | "meegenomen in de prioritering" | "prioritering" => {
            OutcomeKind::Prioritised
        }
        "kan niet/mag niet" | "kan niet of mag niet" | "kan niet" | "mag niet" => {
            OutcomeKind::Declined
        }
        _ => return None,
    })
}

fn parse_kind(s: &str) -> Option<QuestionKind> {
    let s = lower_words(s);
    QuestionKind::from_key(&s).or(match s.as_str() {
        "vraag" => Some(QuestionKind::Question),
        "initiatief" => Some(QuestionKind::Initiative),
        _ => None,
    })
}

fn parse_ground(s: &str) -> Option<Ground> {
    let s = lower_words(s);
    Ground::from_key(&s).or(match s.as_str() {
        "wettelijk" | "wet" => Some(Ground::Legal),
        "beleid" => Some(Ground::Policy),
        "financieel" | "geld" => Some(Ground::Financial),
        _ => None,
    })
}

fn parse_channel(s: &str) -> Option<Channel> {
    let s = lower_words(s);
    Channel::from_key(&s).or(match s.as_str() {
        "vergadering" | "bijeenkomst" | "wijkraadsvergadering" => Some(Channel::Meeting),
        "wijkschouw" | "schouw" | "wandeling" => Some(Channel::Walk),
        "spreekuur" | "inloopspreekuur" => Some(Channel::ConsultationHour),
        "enquête" | "enquete" => Some(Channel::Survey),
        "digitaal panel" => Some(Channel::Panel),
        "bewonersorganisatie" => Some(Channel::ResidentsOrganisation),
        "regulier contact" => Some(Channel::RegularContact),
        _ => None,
    })
}

fn parse_bool(s: &str) -> Option<bool> {
    match lower_words(s).as_str() {
        "ja" | "true" | "waar" | "yes" | "j" => Some(true),
        "nee" | "false" | "onwaar" | "no" | "n" => Some(false),
        _ => None,
    }
}

fn when_error(e: WhenError, s: &str) -> String {
    match e {
        WhenError::DoesNotExist => format!("`{s}` is a date that does not exist"),
        WhenError::Format => format!(
            "`{s}` is not a date; write a year (2012), quarter (2011-Q3), month (2011-10) or day (2011-10-15)"
        ),
    }
}

/// Reads one cell into the text the contract file holds for `field`.
fn parse_value(field: Field, s: &str, site: &SiteInfo) -> Result<String, String> {
    let keys = |k: Vec<&str>| k.join(", ");
    match field {
        Field::Id => s
            .parse::<u32>()
            .ok()
            .filter(|&n| n > 0)
            .map(|n| n.to_string())
            .ok_or_else(|| format!("`{s}` is not a question number; use 1, 2, 3, …")),
        Field::Title | Field::Location => {
            if s.contains('\n') {
                Err("write this on one line".into())
            } else {
                Ok(s.to_string())
            }
        }
        Field::Asked | Field::Answer | Field::Reason => Ok(s.to_string()),
        Field::Kind => parse_kind(s).map(|k| k.key().to_string()).ok_or_else(|| {
            format!(
                "`{s}` is not a kind; write question (vraag) or initiative (initiatief)"
            )
        }),
        Field::Channel => parse_channel(s).map(|k| k.key().to_string()).ok_or_else(|| {
            let mut m = format!("`{s}` is not a channel; one of: {}", keys(Channel::keys()));
            if let Some(h) = did_you_mean(s, Channel::keys()) {
                m = format!("`{s}` is not a channel; did you mean `{h}`? One of: {}", keys(Channel::keys()));
            }
            m
        }),
        Field::Topic => find_slug(s, &site.topics)
            .map(str::to_string)
            .ok_or_else(|| unknown_slug(s, &site.topics, "topic", "topics.yaml")),
        Field::Partner => find_slug(s, &site.partners)
            .map(str::to_string)
            .ok_or_else(|| unknown_slug(s, &site.partners, "partner", "partners.yaml")),
        Field::Outcome => parse_outcome(s).map(|k| k.key().to_string()).ok_or_else(|| {
            format!(
                "`{s}` is not an outcome; one of: resolved (Direct opgelost), honoured (Binnen de looptijd), scheduled (Al gepland), prioritised (Meegenomen in prioritering), declined (Kan niet / mag niet)"
            )
        }),
        Field::When | Field::ReportBy => When::parse(s)
            .map(|w| w.to_string())
            .map_err(|e| when_error(e, s)),
        Field::PlanningAdjusted => parse_bool(s)
            .map(|b| b.to_string())
            .ok_or_else(|| format!("`{s}` is not ja or nee")),
        Field::Ground => parse_ground(s).map(|g| g.key().to_string()).ok_or_else(|| {
            format!(
                "`{s}` is not a ground; one of: legal (wettelijk), policy (beleid), financial (financieel)"
            )
        }),
        Field::Follows => QuestionRef::parse(s)
            .map(|r| r.to_string())
            .ok_or_else(|| {
                format!("`{s}` is not a question reference; write neighbourhood/year/id, such as delftwijk/2010/4")
            }),
    }
}

/// Whether the file's value and the imported one mean the same.
fn same(field: Field, old: &str, new: &str) -> bool {
    let norm = |s: &str| s.replace("\r\n", "\n").trim().to_string();
    match field {
        Field::When | Field::ReportBy => match (When::parse(old), When::parse(new)) {
            (Ok(a), Ok(b)) => a == b,
            _ => norm(old) == norm(new),
        },
        Field::Follows => match (QuestionRef::parse(old), QuestionRef::parse(new)) {
            (Some(a), Some(b)) => a == b,
            _ => norm(old) == norm(new),
        },
        _ => norm(old) == norm(new),
    }
}

// ---------------------------------------------------------------------------
// The contract file, as text with positions

/// One field of a question item in the file.
struct FieldLoc {
    key: String,
    /// Where the key starts (the line may start with `- `).
    key_start: usize,
    /// The end of the field's lines, after its last newline; trailing blank
    /// and comment lines are not part of it.
    end: usize,
    /// The value as text; `None` for `key:` alone.
    value: Option<String>,
}

struct Item {
    id: Option<u32>,
    /// The column of the item's keys.
    col: usize,
    fields: Vec<FieldLoc>,
    /// Whether the item is a block mapping that can be edited line by line.
    editable: bool,
}

impl Item {
    fn end(&self) -> usize {
        self.fields.iter().map(|f| f.end).max().unwrap_or(0)
    }
    fn get(&self, key: &str) -> Option<&FieldLoc> {
        self.fields.iter().find(|f| f.key == key)
    }
    fn value(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(|f| f.value.as_deref())
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether the value on a key's line starts a block scalar (`|`, `>-`, …).
fn starts_block_scalar(text: &str, key_start: usize) -> bool {
    let line = &text[key_start..line_end(text, key_start)];
    let after = line.split_once(':').map_or("", |(_, v)| v).trim_start();
    after.starts_with('|') || after.starts_with('>')
}

/// The fields of a block mapping, with the lines each one covers.
fn field_locs(
    text: &str,
    entries: &[(crate::source::At<String>, Node)],
) -> (Vec<FieldLoc>, bool, usize) {
    let mut keys: Vec<(usize, &str, &Node)> = entries
        .iter()
        .map(|(k, v)| (k.span.start as usize, k.value.as_str(), v))
        .collect();
    keys.sort_by_key(|k| k.0);
    let col = keys.first().map_or(0, |(s, _, _)| s - line_start(text, *s));
    let mut editable = true;
    let mut lines_seen = HashSet::new();
    for (s, _, _) in &keys {
        let ls = line_start(text, *s);
        if s - ls != col || !lines_seen.insert(ls) || text[ls..*s].contains(['{', '[']) {
            editable = false;
        }
    }
    let mut out = Vec::new();
    for (i, (start, key, value)) in keys.iter().enumerate() {
        let limit = keys
            .get(i + 1)
            .map_or(text.len(), |(next, _, _)| line_start(text, *next));
        let mut pos = line_end(text, *start).min(limit.max(line_end(text, *start)));
        let first_end = pos;
        while pos < limit {
            let next = line_end(text, pos);
            let line = text[pos..next].trim_end_matches(['\n', '\r']);
            let indent = indent_of(line);
            let rest = &line[indent..];
            if line.trim().is_empty()
                || indent > col
                || (indent == col && (rest == "-" || rest.starts_with("- ")))
            {
                pos = next;
            } else {
                break;
            }
        }
        // Trailing blank lines, and comment lines after a value that is not a
        // block scalar, belong to what follows.
        let block = starts_block_scalar(text, *start);
        let mut end = pos;
        while end > first_end {
            let ls = line_start(text, end - 1);
            let line = text[ls..end].trim();
            if line.is_empty() || (!block && line.starts_with('#')) {
                end = ls;
            } else {
                break;
            }
        }
        out.push(FieldLoc {
            key: key.to_string(),
            key_start: *start,
            end,
            value: scalar_text(value),
        });
    }
    (out, editable, col)
}

struct Doc {
    text: String,
    /// The `questions` key: its start, its end (see [`FieldLoc`]), and whether it has items.
    questions_key: Option<(usize, usize)>,
    items: Vec<Item>,
    /// The column of an item's dash, and of its keys.
    dash_col: Option<(usize, usize)>,
    /// Whether the items are separated by blank lines.
    blank_between: bool,
    period: Option<(NaiveDate, NaiveDate)>,
}

fn parse_yaml(text: &str) -> Result<Node, String> {
    let mut map = SourceMap::default();
    let id = map.add("contract.yaml".into(), text.to_string());
    crate::load::yaml::parse(id, map.get(id), 0, text).map_err(|d| {
        let (line, col) = map.get(id).line_col(d.span.start as usize);
        format!("line {line}, column {col}: {}", d.message)
    })
}

impl Doc {
    fn parse(text: String) -> anyhow::Result<Doc> {
        let root = parse_yaml(&text).map_err(|e| {
            anyhow!(
                "the contract file cannot be read: {e}; fix it first (`afspraak check` says how)"
            )
        })?;
        let Value::Map(entries) = &root.value else {
            return Err(anyhow!(
                "the contract file is not a mapping of `key: value` lines; fix it first (`afspraak check` says how)"
            ));
        };
        let (top, _, _) = field_locs(&text, entries);
        let questions_key = top
            .iter()
            .find(|f| f.key == "questions")
            .map(|f| (f.key_start, f.end));
        let mut items = Vec::new();
        let mut dash_col = None;
        let mut blank_between = true;
        if let Some(Node {
            value: Value::Seq(nodes),
            ..
        }) = map_get(&root, "questions")
        {
            for (n, node) in nodes.iter().enumerate() {
                let Value::Map(entries) = &node.value else {
                    continue;
                };
                if entries.is_empty() {
                    continue;
                }
                let (fields, editable, col) = field_locs(&text, entries);
                let first = fields.first().map_or(0, |f| f.key_start);
                let ls = line_start(&text, first);
                let before = &text[ls..first];
                if dash_col.is_none() && before.trim_end().ends_with('-') && before.trim() == "-" {
                    dash_col = Some((before.find('-').unwrap_or(0), col));
                }
                if n > 0 && ls >= 2 {
                    let prev_line = line_start(&text, ls - 1);
                    blank_between = text[prev_line..ls].trim().is_empty();
                }
                let id = entries.iter().find_map(|(k, v)| match v.value {
                    Value::Int(i) if k.value == "id" => u32::try_from(i).ok(),
                    _ => None,
                });
                items.push(Item {
                    id,
                    col,
                    fields,
                    editable,
                });
            }
        }
        let period = map_get(&root, "period").and_then(|p| {
            let from = map_text(p, "from").and_then(|s| parse_day(&s).ok())?;
            let to = map_text(p, "to").and_then(|s| parse_day(&s).ok())?;
            Some((from, to))
        });
        Ok(Doc {
            text,
            questions_key,
            items,
            dash_col,
            blank_between,
            period,
        })
    }

    fn item(&self, id: u32) -> Option<&Item> {
        self.items.iter().find(|i| i.id == Some(id))
    }
}

// ---------------------------------------------------------------------------
// Writing YAML values

/// Characters that a YAML scalar cannot hold outside double quotes.
fn needs_escapes(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
    })
}

fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` can stand unquoted and is read back as this very text.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim()
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains(['\t', '\n'])
        || needs_escapes(s)
    {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    ) || lower.parse::<f64>().is_ok()
    {
        return false;
    }
    // The parser has the last word.
    matches!(parse_yaml(&format!("k: {s}\n")), Ok(Node { value: Value::Map(e), .. })
        if matches!(&e[0].1.value, Value::Str(v) if v == s))
}

/// `key: value` for a field, the first line unindented, further lines at
/// `col + 2`, ending in a newline.
fn render_field(field: Field, value: &str, col: usize) -> String {
    let key = field.key();
    if field.is_markdown() && !needs_escapes(value) {
        let pad = " ".repeat(col + 2);
        let mut out = format!("{key}: |\n");
        for line in value.split('\n') {
            if line.trim().is_empty() {
                out.push('\n');
            } else {
                out.push_str(&pad);
                out.push_str(line);
                out.push('\n');
            }
        }
        return out;
    }
    let text = if field.is_line() || field.is_markdown() {
        if plain_ok(value) {
            value.to_string()
        } else {
            double_quoted(value)
        }
    } else {
        value.to_string()
    };
    format!("{key}: {text}\n")
}

/// The comment at the end of a key's line, with the column it starts at.
fn trailing_comment(line: &str) -> Option<(usize, &str)> {
    let mut quote = None;
    let mut prev_space = false;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') if line[..i].trim_end().ends_with(':') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev_space => return Some((i, line[i..].trim_end())),
            _ => {}
        }
        prev_space = c == ' ';
    }
    None
}

// ---------------------------------------------------------------------------
// The import

struct Row {
    row: usize,
    values: BTreeMap<Field, String>,
}

struct Header {
    /// Column index → what it holds.
    columns: Vec<(usize, Field)>,
    names: HashMap<Field, String>,
    wijk: Option<usize>,
    jaar: Option<usize>,
    blanks: Vec<usize>,
    dutch: bool,
}

impl Header {
    fn name(&self, f: Field) -> String {
        self.names.get(&f).cloned().unwrap_or_else(|| {
            if self.dutch {
                f.dutch().to_string()
            } else {
                f.key().to_string()
            }
        })
    }
}

fn read_header(table: &Table) -> Result<Header, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut h = Header {
        columns: Vec::new(),
        names: HashMap::new(),
        wijk: None,
        jaar: None,
        blanks: Vec::new(),
        dutch: false,
    };
    let mut dutch = 0;
    let mut english = 0;
    for (i, raw) in table.header.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').trim().to_string();
        match classify_header(raw) {
            Some(Column::Field(f)) => {
                let n = normalise_header(raw);
                if n == f.key() && n != f.dutch() {
                    english += 1;
                } else if n != f.key() {
                    dutch += 1;
                }
                if let Some(first) = h.names.get(&f) {
                    errors.push(RowError {
                        row: table.header_row,
                        column: name.clone(),
                        message: format!(
                            "this column repeats column {first} ({}); keep one of them",
                            f.key()
                        ),
                    });
                    continue;
                }
                h.names.insert(f, name);
                h.columns.push((i, f));
            }
            Some(Column::Wijk) => h.wijk = Some(i),
            Some(Column::Jaar) => h.jaar = Some(i),
            Some(Column::Ignored) => {}
            Some(Column::Blank) => h.blanks.push(i),
            None => {
                let mut known: Vec<&str> = FIELDS.iter().flat_map(|(_, k, nl)| [*k, *nl]).collect();
                known.dedup();
                let mut message = format!("unknown column; known: {}", known.join(", "));
                let mut all = known.clone();
                all.push("locatie");
                if let Some(m) = did_you_mean(&normalise_header(raw), all) {
                    message = format!(
                        "unknown column; did you mean {m}? Known: {}",
                        known.join(", ")
                    );
                }
                errors.push(RowError {
                    row: table.header_row,
                    column: name,
                    message,
                });
            }
        }
    }
    h.dutch = dutch > english;
    if !h.names.contains_key(&Field::Id) && errors.is_empty() {
        errors.push(RowError {
            row: table.header_row,
            column: h.name(Field::Id),
            message: format!(
                "there is no {} column; every row needs the question's number in its contract",
                h.name(Field::Id)
            ),
        });
    }
    if errors.is_empty() {
        Ok(h)
    } else {
        Err(errors)
    }
}

/// Reads `meerwijk/2026`.
fn parse_contract(contract: &str) -> anyhow::Result<(String, i32)> {
    let bad = || {
        anyhow!("`{contract}` is not a contract; write NEIGHBOURHOOD/YEAR, such as meerwijk/2026")
    };
    let (nb, year) = contract
        .trim()
        .trim_matches('/')
        .split_once('/')
        .ok_or_else(bad)?;
    if !is_valid_slug(nb) || year.len() != 4 {
        return Err(bad());
    }
    Ok((nb.to_string(), year.parse().map_err(|_| bad())?))
}

pub fn import(root: &Path, file: &Path, contract: &str) -> Result<ImportReport, ImportError> {
    let (nb, year) = parse_contract(contract)?;
    let table = read_table(file)?;
    let site = SiteInfo::load(root)?;
    if !site.neighbourhoods.iter().any(|(s, _)| *s == nb) {
        let slugs = site.neighbourhoods.iter().map(|(s, _)| s.as_str());
        let hint = match did_you_mean(&nb, slugs) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "use a neighbourhood slug from content/districts.yaml".into(),
        };
        return Err(anyhow!("districts.yaml has no neighbourhood `{nb}`; {hint}").into());
    }
    let rel = PathBuf::from("content")
        .join("contracts")
        .join(&nb)
        .join(format!("{year}.yaml"));
    let path = root.join(&rel);
    let old_text = match std::fs::read(&path) {
        Ok(bytes) => Some(
            String::from_utf8(bytes)
                .map_err(|_| anyhow!("{} is not UTF-8 text; fix it first", rel.display()))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(anyhow!("cannot read {}: {e}", path.display()).into()),
    };
    let doc = old_text.clone().map(Doc::parse).transpose()?;

    let header = read_header(&table).map_err(ImportError::Rows)?;
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    let cell = |cells: &[Cell], i: usize| -> Cell {
        cells
            .get(i)
            .cloned()
            .unwrap_or(Ok(String::new()))
            .map(|c| clean(&c))
    };
    for (row_no, cells) in &table.rows {
        let texts: Vec<String> = cells
            .iter()
            .map(|c| c.clone().map(|c| clean(&c)).unwrap_or_else(|_| "!".into()))
            .collect();
        if texts.iter().all(String::is_empty) {
            continue;
        }
        let wijk = header.wijk.map(|i| cell(cells, i).unwrap_or_default());
        let jaar = header.jaar.map(|i| cell(cells, i).unwrap_or_default());
        if wijk.as_deref().is_some_and(|w| !w.is_empty() && w != nb)
            || jaar
                .as_deref()
                .is_some_and(|j| !j.is_empty() && j != year.to_string())
        {
            skipped.push(*row_no);
            continue;
        }
        for &b in &header.blanks {
            if !texts.get(b).is_none_or(String::is_empty) {
                errors.push(RowError {
                    row: *row_no,
                    column: format!("kolom {}", column_letter(b)),
                    message: "this column has no name in the first row; name it, or empty it"
                        .into(),
                });
            }
        }
        if cells.len() > table.header.len()
            && texts[table.header.len()..].iter().any(|t| !t.is_empty())
        {
            errors.push(RowError {
                row: *row_no,
                column: String::new(),
                message: format!(
                    "this row has more cells than the first row has column names ({})",
                    table.header.len()
                ),
            });
        }
        let mut values = BTreeMap::new();
        for &(i, f) in &header.columns {
            match cell(cells, i) {
                Err(message) => errors.push(RowError {
                    row: *row_no,
                    column: header.name(f),
                    message,
                }),
                Ok(text) if text.is_empty() => {}
                Ok(text) => match parse_value(f, &text, &site) {
                    Ok(v) => {
                        values.insert(f, v);
                    }
                    Err(message) => errors.push(RowError {
                        row: *row_no,
                        column: header.name(f),
                        message,
                    }),
                },
            }
        }
        rows.push(Row {
            row: *row_no,
            values,
        });
    }
    if rows.is_empty() && errors.is_empty() {
        return Err(anyhow!(
            "the spreadsheet has no rows for {nb}/{year}{}",
            if skipped.is_empty() {
                ""
            } else {
                " (rows of other contracts were skipped)"
            }
        )
        .into());
    }

    let period = doc.as_ref().and_then(|d| d.period).or_else(|| {
        Some((
            NaiveDate::from_ymd_opt(year, 4, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 3, 31)?,
        ))
    });
    let mut seen: HashMap<u32, usize> = HashMap::new();
    let imported: HashSet<u32> = rows
        .iter()
        .filter_map(|r| r.values.get(&Field::Id)?.parse().ok())
        .collect();
    for row in &rows {
        check_row(
            row,
            &header,
            doc.as_ref(),
            &site,
            (&nb, year),
            period,
            &imported,
            &mut seen,
            &mut errors,
        );
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        return Err(ImportError::Rows(errors));
    }

    let name = site
        .neighbourhoods
        .iter()
        .find(|(s, _)| *s == nb)
        .map_or(nb.clone(), |(_, n)| n.clone());
    let plan = plan(&rows, doc.as_ref(), &name, year)?;
    let mut report = ImportReport {
        path: path.clone(),
        created: doc.is_none(),
        added: plan.added,
        updated: plan.updated,
        unchanged: plan.unchanged,
        skipped,
    };
    if old_text.as_deref() == Some(plan.text.as_str()) {
        return Ok(report);
    }
    verify(&plan.text, &rows)?;
    let before = file_errors(root, &rel)?;
    write_atomically(&path, &plan.text)?;
    let after = match file_errors(root, &rel) {
        Ok(a) => a,
        Err(e) => {
            restore(&path, old_text.as_deref())?;
            return Err(e.into());
        }
    };
    let new: Vec<(usize, String)> = {
        let mut left = before;
        after
            .into_iter()
            .filter(|(_, key)| match left.iter().position(|k| k.1 == *key) {
                Some(i) => {
                    left.remove(i);
                    false
                }
                None => true,
            })
            .collect()
    };
    if !new.is_empty() {
        restore(&path, old_text.as_deref())?;
        return Err(diagnostics_as_rows(&plan.text, &new, &rows, &header));
    }
    report.path = path;
    Ok(report)
}

fn column_letter(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

#[allow(clippy::too_many_arguments)]
fn check_row(
    row: &Row,
    header: &Header,
    doc: Option<&Doc>,
    site: &SiteInfo,
    (nb, year): (&str, i32),
    period: Option<(NaiveDate, NaiveDate)>,
    imported: &HashSet<u32>,
    seen: &mut HashMap<u32, usize>,
    errors: &mut Vec<RowError>,
) {
    let err = |f: Field, message: String| RowError {
        row: row.row,
        column: header.name(f),
        message,
    };
    let Some(id) = row
        .values
        .get(&Field::Id)
        .and_then(|i| i.parse::<u32>().ok())
    else {
        if !errors
            .iter()
            .any(|e| e.row == row.row && e.column == header.name(Field::Id))
        {
            errors.push(err(
                Field::Id,
                "empty; every row needs the question's number in this contract".into(),
            ));
        }
        return;
    };
    if let Some(first) = seen.insert(id, row.row) {
        errors.push(err(
            Field::Id,
            format!("question {id} is also on row {first}; each question once"),
        ));
        return;
    }
    let existing = doc.and_then(|d| d.item(id));
    if let Some(item) = existing
        && !item.editable
    {
        errors.push(err(
            Field::Id,
            format!(
                "question {id} is written on one line (`{{ … }}`) in the contract file; write it as `key: value` lines to update it"
            ),
        ));
        return;
    }
    // The question as it will be: the file's values, overwritten by the row's.
    let merged = |f: Field| -> Option<String> {
        row.values
            .get(&f)
            .cloned()
            .or_else(|| existing.and_then(|i| i.value(f.key()).map(str::to_string)))
    };
    let from_row = |f: Field| row.values.contains_key(&f);
    if existing.is_none() {
        for f in [
            Field::Title,
            Field::Asked,
            Field::Topic,
            Field::Partner,
            Field::Outcome,
        ] {
            if !from_row(f)
                && !errors
                    .iter()
                    .any(|e| e.row == row.row && e.column == header.name(f))
            {
                errors.push(err(
                    f,
                    format!(
                        "empty; question {id} is new, and a new question needs {} (and {})",
                        header.name(f),
                        [
                            Field::Title,
                            Field::Asked,
                            Field::Topic,
                            Field::Partner,
                            Field::Outcome
                        ]
                        .iter()
                        .filter(|g| **g != f)
                        .map(|g| header.name(*g))
                        .collect::<Vec<_>>()
                        .join(", ")
                    ),
                ));
            }
        }
    }
    if let Some(r) = row
        .values
        .get(&Field::Follows)
        .and_then(|f| QuestionRef::parse(f))
    {
        let here = r.neighbourhood == nb && r.year == year;
        let known = site.questions.contains(&r) || (here && imported.contains(&r.id));
        if !known {
            errors.push(err(
                Field::Follows,
                format!("there is no question {r} in the contract files"),
            ));
        } else if here && r.id == id {
            errors.push(err(
                Field::Follows,
                "a question cannot follow itself".into(),
            ));
        }
    }
    let Some(outcome) = merged(Field::Outcome).and_then(|o| OutcomeKind::from_key(&o)) else {
        return;
    };
    let label = outcome_label(outcome);
    // Fields that do not belong to this outcome.
    for &(f, key, _) in FIELDS {
        let Some(allowed) = outcomes_of(key) else {
            continue;
        };
        if allowed.contains(&outcome) {
            continue;
        }
        let owners: Vec<String> = allowed
            .iter()
            .map(|k| format!("{} ({})", k.key(), outcome_label(*k)))
            .collect();
        if from_row(f) {
            errors.push(err(
                f,
                format!(
                    "{} has no meaning for outcome {} ({label}); it belongs to {}; leave the cell empty or change the outcome",
                    header.name(f),
                    outcome.key(),
                    owners.join(" and ")
                ),
            ));
        } else if existing.is_some_and(|i| i.get(key).is_some()) {
            errors.push(err(
                Field::Outcome,
                format!(
                    "question {id} becomes {} ({label}), but the contract file still has `{key}`, which belongs to {}; the import never deletes: remove `{key}` from the file first",
                    outcome.key(),
                    owners.join(" and ")
                ),
            ));
        }
    }
    if existing.is_some_and(|i| i.get("decision").is_some()) && outcome != OutcomeKind::Prioritised
    {
        errors.push(err(
            Field::Outcome,
            format!(
                "question {id} becomes {} ({label}), but the contract file still has a `decision`, which belongs to prioritised; remove it from the file first",
                outcome.key()
            ),
        ));
    }
    let need = |f: Field, what: &str, errors: &mut Vec<RowError>| {
        if merged(f).is_none() {
            errors.push(err(
                f,
                format!("empty; a {} ({label}) answer needs {what}", outcome.key()),
            ));
        }
    };
    match outcome {
        OutcomeKind::Resolved => {}
        OutcomeKind::Honoured => need(Field::When, "when it is done", errors),
        OutcomeKind::Scheduled => {
            need(Field::When, "when the planned work happens", errors);
            need(
                Field::PlanningAdjusted,
                "whether the planning was brought forward (ja or nee)",
                errors,
            );
            if merged(Field::PlanningAdjusted).as_deref() == Some("false") {
                need(
                    Field::Reason,
                    "a reason why the planning was not brought forward",
                    errors,
                );
            }
        }
        OutcomeKind::Prioritised => need(
            Field::ReportBy,
            "by when the council hears the outcome",
            errors,
        ),
        OutcomeKind::Declined => {
            need(
                Field::Ground,
                "its ground: legal (wettelijk), policy (beleid) or financial (financieel)",
                errors,
            );
            need(Field::Reason, "a reason: say why it cannot be done", errors);
        }
    }
    // Dates that the contract check would refuse.
    for f in [Field::When, Field::ReportBy] {
        let Some(w) = row.values.get(&f).and_then(|w| When::parse(w).ok()) else {
            continue;
        };
        let Some((from, to)) = period else { continue };
        let (lo, hi) = (from.year() - 1, from.year() + 20);
        if !(lo..=hi).contains(&w.year()) {
            errors.push(err(
                f,
                format!(
                    "{w} is far outside this contract's years; a date lies between {lo} and {hi}"
                ),
            ));
        } else if f == Field::When && outcome == OutcomeKind::Honoured && !w.overlaps(from, to) {
            errors.push(err(
                f,
                format!(
                    "{w} lies outside the contract period ({from} to {to}); honoured (Binnen de looptijd) means done within the contract year; use scheduled (Al gepland) for later work"
                ),
            ));
        }
    }
}

fn outcome_label(k: OutcomeKind) -> &'static str {
    match k {
        OutcomeKind::Resolved => "Direct opgelost",
        OutcomeKind::Honoured => "Binnen de looptijd",
        OutcomeKind::Scheduled => "Al gepland",
        OutcomeKind::Prioritised => "Meegenomen in prioritering",
        OutcomeKind::Declined => "Kan niet / mag niet",
    }
}

struct Plan {
    text: String,
    added: Vec<u32>,
    updated: Vec<u32>,
    unchanged: Vec<u32>,
}

/// The new text of the contract file: edits to the old text, or a new file.
fn plan(rows: &[Row], doc: Option<&Doc>, name: &str, year: i32) -> anyhow::Result<Plan> {
    let mut plan = Plan {
        text: String::new(),
        added: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
    };
    // (start, end, replacement); inserts have start == end.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut new_items = Vec::new();
    let (dash, col) = doc
        .and_then(|d| d.dash_col)
        .or_else(|| {
            doc.and_then(|d| d.questions_key).map(|(k, _)| {
                let c = k - line_start(doc.map_or("", |d| d.text.as_str()), k);
                (c + 2, c + 4)
            })
        })
        .unwrap_or((2, 4));
    for row in rows {
        let id: u32 = row.values[&Field::Id].parse()?;
        match doc.and_then(|d| d.item(id)) {
            Some(item) => {
                let text = &doc.expect("an item has a file").text;
                let mut changed = false;
                let mut inserts = String::new();
                for (&f, value) in &row.values {
                    if f == Field::Id {
                        continue;
                    }
                    match item.get(f.key()) {
                        Some(loc)
                            if loc.value.as_deref().is_some_and(|old| same(f, old, value)) => {}
                        // `kind` defaults to question.
                        None if f == Field::Kind && value == QuestionKind::Question.key() => {}
                        Some(loc) => {
                            changed = true;
                            let mut new = render_field(f, value, item.col);
                            let key_line_end = line_end(text, loc.key_start);
                            let single = loc.end <= key_line_end
                                && !starts_block_scalar(text, loc.key_start);
                            if single && new.matches('\n').count() == 1 {
                                let ls = line_start(text, loc.key_start);
                                let line = text[ls..key_line_end].trim_end_matches(['\n', '\r']);
                                if let Some((at, comment)) =
                                    trailing_comment(&line[loc.key_start - ls..])
                                {
                                    let body = new.trim_end_matches('\n');
                                    let width = body.chars().count();
                                    let pad = if at > width { at - width } else { 1 };
                                    new = format!("{body}{}{comment}\n", " ".repeat(pad));
                                }
                            }
                            // A last line without a newline keeps none.
                            let end = loc.end;
                            if end == text.len() && !text.ends_with('\n') {
                                new.pop();
                            }
                            edits.push((loc.key_start, end, new));
                        }
                        None => {
                            changed = true;
                            inserts.push_str(&" ".repeat(item.col));
                            inserts.push_str(&render_field(f, value, item.col));
                        }
                    }
                }
                if !inserts.is_empty() {
                    let at = item.end();
                    if at > 0 && !text[..at].ends_with('\n') {
                        inserts.insert(0, '\n');
                    }
                    edits.push((at, at, inserts));
                }
                if changed {
                    plan.updated.push(id);
                } else {
                    plan.unchanged.push(id);
                }
            }
            None => {
                plan.added.push(id);
                new_items.push(render_item(row, dash, col));
            }
        }
    }
    match doc {
        Some(doc) => {
            let text = &doc.text;
            if !new_items.is_empty() {
                let sep = if doc.blank_between { "\n" } else { "" };
                match doc.items.last() {
                    Some(last) => {
                        let at = last.end();
                        let mut s = String::new();
                        if !text[..at].ends_with('\n') {
                            s.push('\n');
                        }
                        for item in &new_items {
                            s.push_str(sep);
                            s.push_str(item);
                        }
                        edits.push((at, at, s));
                    }
                    None => {
                        let body: String = new_items.join(sep);
                        match doc.questions_key {
                            Some((start, end)) => {
                                edits.push((start, end, format!("questions:\n{body}")))
                            }
                            None => {
                                let nl = if text.is_empty() || text.ends_with('\n') {
                                    ""
                                } else {
                                    "\n"
                                };
                                edits.push((
                                    text.len(),
                                    text.len(),
                                    format!("{nl}questions:\n{body}"),
                                ))
                            }
                        }
                    }
                }
            }
            edits.sort_by_key(|e| e.0);
            let mut out = String::with_capacity(text.len() + 256);
            let mut cursor = 0;
            // A file saved with Windows line ends keeps them.
            let crlf = text.contains("\r\n");
            for (start, end, repl) in edits {
                let repl = if crlf {
                    repl.replace('\n', "\r\n")
                } else {
                    repl
                };
                if start < cursor {
                    return Err(anyhow!(
                        "internal error: overlapping edits in the contract file"
                    ));
                }
                out.push_str(&text[cursor..start]);
                out.push_str(&repl);
                cursor = end;
            }
            out.push_str(&text[cursor..]);
            plan.text = out;
        }
        None => {
            plan.text = format!(
                "# Wijkcontract {name} {year}, aangemaakt met `afspraak import`.\n\
                 # Vul de rest nog aan: `signed` (de datum van ondertekening), de partners die\n\
                 # tekenden bij `signatories`, en `collected_via`. Haal `draft: true` weg om te publiceren.\n\
                 period: {{ from: {year}-04-01, to: {}-03-31 }}\n\
                 signatories: [wijkraad]\n\
                 draft: true\n\
                 questions:\n{}",
                year + 1,
                new_items.join("\n")
            );
        }
    }
    Ok(plan)
}

fn render_item(row: &Row, dash: usize, col: usize) -> String {
    let mut out = String::new();
    for (i, (&f, value)) in row.values.iter().enumerate() {
        if i == 0 {
            out.push_str(&" ".repeat(dash));
            out.push_str("- ");
            out.push_str(&" ".repeat(col.saturating_sub(dash + 2)));
        } else {
            out.push_str(&" ".repeat(col));
        }
        out.push_str(&render_field(f, value, col));
    }
    out
}

/// Reads the new text back: every imported value must be there as meant.
fn verify(text: &str, rows: &[Row]) -> anyhow::Result<()> {
    let root = parse_yaml(text).map_err(|e| anyhow!("internal error: the edited contract file would not be valid YAML ({e}); nothing was written"))?;
    let items: Vec<&Node> = match map_get(&root, "questions") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => items.iter().collect(),
        _ => Vec::new(),
    };
    for row in rows {
        let id = &row.values[&Field::Id];
        let item = items
            .iter()
            .find(|i| map_text(i, "id").as_deref() == Some(id.as_str()))
            .ok_or_else(|| {
                anyhow!(
                    "internal error: question {id} is missing after the edit; nothing was written"
                )
            })?;
        for (&f, value) in &row.values {
            let got = map_text(item, f.key())
                .or_else(|| (f == Field::Kind).then(|| QuestionKind::Question.key().to_string()));
            if !got.as_deref().is_some_and(|g| same(f, g, value)) {
                return Err(anyhow!(
                    "internal error: `{}` of question {id} would read back as {got:?}, not {value:?}; nothing was written",
                    f.key()
                ));
            }
        }
    }
    Ok(())
}

/// The errors `check` reports in one file: (byte offset, code and message).
fn file_errors(root: &Path, rel: &Path) -> anyhow::Result<Vec<(usize, String)>> {
    let checked = crate::check(root, None)?;
    let rel = rel.to_string_lossy().replace('\\', "/");
    Ok(checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .filter(|d| checked.sources.get(d.span.file).path == rel)
        .map(|d| {
            let help = d
                .help
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            (d.span.start as usize, format!("{}{help}", d.message))
        })
        .collect())
}

/// Errors `check` found in the written file, pointed at rows where possible.
fn diagnostics_as_rows(
    text: &str,
    new: &[(usize, String)],
    rows: &[Row],
    header: &Header,
) -> ImportError {
    let doc = Doc::parse(text.to_string()).ok();
    let mut out = Vec::new();
    for (offset, message) in new {
        let place = doc.as_ref().and_then(|doc| {
            let item = doc.items.iter().find(|i| {
                i.fields.first().is_some_and(|f| f.key_start <= *offset) && *offset < i.end()
            })?;
            let row = rows
                .iter()
                .find(|r| r.values[&Field::Id].parse::<u32>().ok() == item.id)?;
            let field = item
                .fields
                .iter()
                .find(|f| f.key_start <= *offset && *offset < f.end)
                .and_then(|f| Field::from_key(&f.key));
            Some((row.row, field.map(|f| header.name(f)).unwrap_or_default()))
        });
        match place {
            Some((row, column)) => out.push(RowError {
                row,
                column,
                message: message.clone(),
            }),
            None => {
                let (line, _) = crate::source::SourceFile::new(String::new(), text.to_string())
                    .line_col(*offset);
                return ImportError::Other(anyhow!(
                    "the imported contract would not pass `afspraak check` (line {line}: {message}); nothing was written"
                ));
            }
        }
    }
    out.sort_by_key(|e| e.row);
    ImportError::Rows(out)
}

fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow!("{} has no folder", path.display()))?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}

fn restore(path: &Path, old: Option<&str>) -> anyhow::Result<()> {
    match old {
        Some(text) => write_atomically(path, text),
        None => {
            std::fs::remove_file(path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
            // Leave no empty neighbourhood folder behind.
            if let Some(dir) = path.parent() {
                let _ = std::fs::remove_dir(dir);
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_are_quoted_when_yaml_would_misread_them() {
        for ok in [
            "Betere verlichting",
            "Floris van Adrichempark",
            "3 bankjes erbij",
            "a:b",
        ] {
            assert!(plain_ok(ok), "{ok}");
        }
        for bad in [
            "2011", "true", "No", "null", "- lijst", "# kop", "a: b", "x #y", "'quote", "[x]",
            "{x}", "*ster", "&anker", "!tag", "|", ">", "%", "@", "`", "1.5", ".inf", "~", "",
            " spatie",
        ] {
            assert!(!plain_ok(bad), "{bad}");
        }
        assert_eq!(double_quoted("a \"b\"\\"), r#""a \"b\"\\""#);
    }

    #[test]
    fn dutch_values() {
        assert_eq!(
            parse_outcome("Kan niet / mag niet"),
            Some(OutcomeKind::Declined)
        );
        assert_eq!(
            parse_outcome("binnen de  looptijd"),
            Some(OutcomeKind::Honoured)
        );
        assert_eq!(parse_outcome("AL GEPLAND"), Some(OutcomeKind::Scheduled));
        assert_eq!(parse_kind("Initiatief"), Some(QuestionKind::Initiative));
        assert_eq!(parse_ground("Financieel"), Some(Ground::Financial));
        assert_eq!(parse_bool("Nee"), Some(false));
        assert_eq!(parse_channel("Wijkschouw"), Some(Channel::Walk));
        assert_eq!(clean("'- lijst\r\n- twee "), "- lijst\n- twee");
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn trailing_comments() {
        assert_eq!(
            trailing_comment("outcome: x   # uitleg"),
            Some((13, "# uitleg"))
        );
        assert_eq!(trailing_comment("title: 'a # b'"), None);
        assert_eq!(trailing_comment("title: a#b"), None);
    }
}
