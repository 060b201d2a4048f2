//! `import`: questions from a spreadsheet (CSV or XLSX) into one contract
//! file. Every row is checked first; one bad row and nothing is written.
//! The contract file is edited as text: only the fields that change are
//! rewritten, so comments, other questions, progress histories and the
//! editor's formatting stay exactly as they were.
//!
//! The open-data export `data/vragen.csv` imports as it is: its derived
//! columns are ignored and rows of other contracts (`wijk`, `jaar`) skipped.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::diagnostic::Text;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use chrono::NaiveDate;

use crate::load::{Node, Value};
use crate::model::is_valid_slug;
use crate::validate::suggest::did_you_mean;

pub(crate) mod columns;
pub(crate) mod doc;
pub(crate) mod edit;
mod read;
pub(crate) mod rows;
mod site;

use columns::{FIELDS, Field, Header, read_header};
use doc::{Doc, map_get, map_text, parse_yaml};
use edit::plan;
use read::read_table;
use rows::{Row, check_row, same, table_rows};
use site::SiteInfo;

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
    /// In both languages; it reads as English where a `&str` is asked for.
    pub message: Text,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let text = if self.row == 0 {
            // The file as a whole.
            self.message.local().to_string()
        } else if self.column.is_empty() {
            crate::tr!("import-row", row = self.row, message = self.message.local())
        } else {
            crate::tr!(
                "import-row-column",
                row = self.row,
                column = &self.column,
                message = self.message.local()
            )
        };
        f.write_str(&text)
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
                writeln!(f, "{}", crate::tr!("import-problems", count = errors.len()))?;
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
    // The promise as signed is `wanneer`/`uitslag_uiterlijk`; a move is a
    // `rescheduled` entry, which import does not write.
    "toegezegd",
    "huidige_termijn",
    "stand_van_zaken",
    "laatste_update",
    "betwist",
];

/// Reads `meerwijk/2026`.
fn parse_contract(contract: &str) -> anyhow::Result<(String, i32)> {
    let bad = || anyhow!(crate::tr!("import-not-a-contract", contract = contract));
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
    let table = read_table(file).map_err(|e| match e.downcast::<read::BadFile>() {
        Ok(t) => ImportError::Rows(vec![RowError {
            row: t.row,
            column: t.column,
            // Already in the words of this run.
            message: Text::verbatim(t.message),
        }]),
        Err(e) => ImportError::Other(e),
    })?;
    let site = SiteInfo::load(root)?;
    if !site.neighbourhoods.iter().any(|(s, _)| *s == nb) {
        let slugs = site.neighbourhoods.iter().map(|(s, _)| s.as_str());
        let hint = match did_you_mean(&nb, slugs) {
            Some(s) => crate::tr!("unknown-slug-suggest", suggestion = s),
            None => crate::tr!("import-use-a-neighbourhood"),
        };
        return Err(anyhow!(crate::tr!(
            "new-unknown-neighbourhood",
            slug = &nb,
            hint = hint
        ))
        .into());
    }
    let rel = PathBuf::from("content")
        .join("contracts")
        .join(&nb)
        .join(format!("{year}.yaml"));
    let path = root.join(&rel);
    let old_text = match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| {
            anyhow!(crate::tr!(
                "import-contract-not-utf8",
                file = rel.display().to_string()
            ))
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(anyhow!(crate::tr!(
                "cannot-read-file",
                file = path.display().to_string(),
                error = e.to_string()
            ))
            .into());
        }
    };
    let doc = old_text.clone().map(Doc::parse).transpose()?;

    let header = read_header(&table).map_err(ImportError::Rows)?;
    let mut errors = Vec::new();
    let (rows, skipped) = table_rows(&table, &header, &site, (&nb, year), &mut errors);
    if rows.is_empty() && errors.is_empty() {
        return Err(anyhow!(crate::tr!(
            "import-no-rows",
            contract = format!("{nb}/{year}"),
            skipped = if skipped.is_empty() { "no" } else { "yes" }
        ))
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
    verify(&plan.text, &rows, &header)?;
    let before = file_errors(root, &rel)?;
    write_atomically(&path, &plan.text)?;
    let after = match file_errors(root, &rel) {
        Ok(a) => a,
        Err(e) => {
            restore(&path, old_text.as_deref())?;
            return Err(e.into());
        }
    };
    let new: Vec<(usize, Text)> = {
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

/// Reads the new text back: every imported value must be there as meant.
/// What does not is a content error at the row (and column) it came from:
/// the file as edited would be too large to read, or a value would not read
/// back as written.
fn verify(text: &str, rows: &[Row], header: &Header) -> Result<(), ImportError> {
    let root = parse_yaml(text).map_err(|(offset, e)| {
        let row = row_at(text, offset, rows).unwrap_or(0);
        ImportError::Rows(vec![RowError {
            row,
            column: String::new(),
            message: crate::msg!("import-unreadable-after", error = e.to_string()).into(),
        }])
    })?;
    let items: Vec<&Node> = match map_get(&root, "questions") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => items.iter().collect(),
        _ => Vec::new(),
    };
    let mut errors = Vec::new();
    for row in rows {
        let id = &row.values[&Field::Id];
        let Some(item) = items
            .iter()
            .find(|i| map_text(i, "id").as_deref() == Some(id.as_str()))
        else {
            errors.push(RowError {
                row: row.row,
                column: header.name(Field::Id),
                message: crate::msg!("import-not-written", id = id).into(),
            });
            continue;
        };
        for (&f, value) in &row.values {
            // An absent field reads as its default.
            let got =
                map_text(item, f.key()).or_else(|| f.is_default(value).then(|| value.clone()));
            if !got.as_deref().is_some_and(|g| same(f, g, value)) {
                errors.push(RowError {
                    row: row.row,
                    column: header.name(f),
                    message: crate::msg!(
                        "import-reads-back",
                        value = crate::diagnostic::shorten(value),
                        got = match got.as_deref() {
                            Some(g) => crate::i18n::Arg::from(format!(
                                "`{}`",
                                crate::diagnostic::shorten(g)
                            )),
                            None => crate::msg!("import-reads-back-nothing").into(),
                        }
                    )
                    .into(),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Rows(errors))
    }
}

/// The spreadsheet row of the question whose text holds byte `offset` of
/// the edited contract file.
fn row_at(text: &str, offset: usize, rows: &[Row]) -> Option<usize> {
    let before = text.get(..offset.min(text.len()))?;
    let id = before
        .rfind("- id: ")
        .map(|i| &before[i + 6..])
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())?;
    rows.iter()
        .find(|r| r.values.get(&Field::Id).map(String::as_str) == Some(id))
        .map(|r| r.row)
}

/// The errors `check` reports in one file: (byte offset, code and message).
fn file_errors(root: &Path, rel: &Path) -> anyhow::Result<Vec<(usize, Text)>> {
    let checked = crate::check(root, None)?;
    let rel = rel.to_string_lossy().replace('\\', "/");
    Ok(checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .filter(|d| checked.sources.get(d.span.file).path == rel)
        .map(|d| {
            let message = match &d.help {
                Some(help) => d.message.zip(help, |m, h| format!("{m} ({h})")),
                None => d.message.clone(),
            };
            (d.span.start as usize, message)
        })
        .collect())
}

/// Errors `check` found in the written file, pointed at rows where possible.
fn diagnostics_as_rows(
    text: &str,
    new: &[(usize, Text)],
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
                // A content error of the file as a whole (exit status 1).
                return ImportError::Rows(vec![RowError {
                    row: 0,
                    column: String::new(),
                    message: crate::msg!(
                        "import-would-not-check",
                        line = line,
                        message = message.local()
                    )
                    .into(),
                }]);
            }
        }
    }
    out.sort_by_key(|e| e.row);
    ImportError::Rows(out)
}

pub(crate) fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow!("internal error: {} has no folder", path.display()))?;
    std::fs::create_dir_all(dir)
        .with_context(|| crate::tr!("cannot-write", path = dir.display().to_string()))?;
    // A new file follows the umask, as any editor's would (0666 before the
    // umask); a rewritten file keeps the mode it had.
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| crate::tr!("cannot-write", path = dir.display().to_string()))?;
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(old.permissions())?;
    }
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| {
        anyhow!(
            "{}: {}",
            crate::tr!("cannot-write", path = path.display().to_string()),
            e.error
        )
    })?;
    Ok(())
}

fn restore(path: &Path, old: Option<&str>) -> anyhow::Result<()> {
    match old {
        Some(text) => write_atomically(path, text),
        None => {
            std::fs::remove_file(path)
                .with_context(|| crate::tr!("cannot-remove", path = path.display().to_string()))?;
            // Leave no empty neighbourhood folder behind.
            if let Some(dir) = path.parent() {
                let _ = std::fs::remove_dir(dir);
            }
            Ok(())
        }
    }
}
