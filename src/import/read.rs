//! Reading the spreadsheet: a CSV (any of `;`, `,` or tab) or the first
//! sheet of an XLSX workbook becomes a header and rows of cells, as text.

use std::io::Read as _;
use std::path::Path;

use anyhow::{Context, anyhow};

use crate::model::when::parse_day;

// Limits on what import reads, so that any file ends quickly and in bounded
// memory: a spreadsheet of a city's questions fits well within them.
/// The largest spreadsheet file read.
const MAX_FILE_BYTES: u64 = 32 << 20;
/// The most one part of an XLSX file (a sheet, the shared strings) may unpack to.
const MAX_PART_BYTES: u64 = 32 << 20;
/// The most all parts of an XLSX file together may unpack to.
const MAX_UNPACKED_BYTES: u64 = 64 << 20;
/// How many times larger than packed a part over [`RATIO_FROM`] may unpack:
/// sheets pack 5 to 30 times; a zip bomb packs a thousand times and more.
const MAX_RATIO: u64 = 100;
const RATIO_FROM: u64 = 1 << 20;
/// Rows and columns read, counting the header.
const MAX_ROWS: usize = 100_000;
const MAX_COLUMNS: usize = 100;
/// Cells held, counting the empty ones before a row's last value.
const MAX_CELLS: usize = 2_000_000;
/// The longest cell: far more than any question's text.
pub(super) const MAX_CELL_BYTES: usize = 64 * 1024;

/// A spreadsheet that import cannot or will not read: damaged, too large, too
/// many rows or columns, a cell too long. A content error (exit status 1), at
/// a row and column when it has one.
#[derive(Debug)]
pub(super) struct BadFile {
    /// The spreadsheet row (from 1), or 0 for the file as a whole.
    pub(super) row: usize,
    /// The column's letter, or empty.
    pub(super) column: String,
    pub(super) message: String,
}

impl std::fmt::Display for BadFile {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BadFile {}

fn too_large(row: usize, column: usize, message: String) -> anyhow::Error {
    BadFile {
        row,
        column: if row == 0 {
            String::new()
        } else {
            column_letter(column)
        },
        message,
    }
    .into()
}

/// `A`, `B`, … `Z`, `AA`, … for a column counted from 0.
fn column_letter(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Counts the cells and checks the size of one more row.
struct Budget {
    cells: usize,
}

impl Budget {
    /// `row` counted from 1, `width` its cells up to the last one with a value.
    fn row(&mut self, row: usize, width: usize) -> anyhow::Result<()> {
        if row > MAX_ROWS {
            return Err(too_large(
                row,
                0,
                crate::tr!("import-too-many-rows", max = MAX_ROWS),
            ));
        }
        if width > MAX_COLUMNS {
            return Err(too_large(
                row,
                width - 1,
                crate::tr!(
                    "import-too-many-columns",
                    column = column_letter(width - 1),
                    number = width,
                    max = MAX_COLUMNS
                ),
            ));
        }
        self.cells += width;
        if self.cells > MAX_CELLS {
            return Err(too_large(
                row,
                0,
                crate::tr!("import-too-many-cells-total", max = MAX_CELLS),
            ));
        }
        Ok(())
    }

    fn cell(&self, row: usize, column: usize, text: &str) -> anyhow::Result<()> {
        if text.len() > MAX_CELL_BYTES {
            return Err(too_large(
                row,
                column,
                crate::tr!(
                    "import-cell-too-long",
                    chars = text.chars().count(),
                    max = MAX_CELL_BYTES
                ),
            ));
        }
        Ok(())
    }
}

/// What went wrong reading the file's content, as a content error.
fn as_content(file: &Path, e: anyhow::Error) -> anyhow::Error {
    match e.downcast::<BadFile>() {
        Ok(bad) => bad.into(),
        Err(e) => too_large(
            0,
            0,
            crate::tr!(
                "cannot-read-file",
                file = file.display().to_string(),
                error = format!("{e:#}")
            ),
        ),
    }
}

fn check_file_size(file: &Path) -> anyhow::Result<()> {
    let len = std::fs::metadata(file)
        .with_context(|| crate::tr!("cannot-read-spreadsheet", file = file.display().to_string()))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(
            0,
            0,
            crate::tr!(
                "import-file-too-large",
                file = file.display().to_string(),
                size = len >> 20,
                max = MAX_FILE_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// The cells of a spreadsheet, as text, with their row numbers.
pub(super) struct Table {
    pub(super) header_row: usize,
    pub(super) header: Vec<String>,
    pub(super) rows: Vec<(usize, Vec<Cell>)>,
}

/// A cell's text, or what is wrong with it (a spreadsheet error such as #N/A).
pub(super) type Cell = Result<String, String>;

pub(super) fn read_table(file: &Path) -> anyhow::Result<Table> {
    check_file_size(file)?;
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(file).with_context(|| {
                crate::tr!("cannot-read-spreadsheet", file = file.display().to_string())
            })?;
            if let Some(bad) = not_utf8_row(&bytes) {
                return Err(bad.into());
            }
            read_csv(&bytes).map_err(|e| as_content(file, e))
        }
        "xlsx" | "xlsm" => read_xlsx(file).map_err(|e| as_content(file, e)),
        _ => Err(anyhow!(crate::tr!(
            "import-not-a-spreadsheet",
            file = file.display().to_string()
        ))),
    }
}

/// The first row of a CSV file that is not UTF-8 text (an export in the
/// Windows code page, typically), as a content error: the editor fixes the
/// file, not the command.
fn not_utf8_row(bytes: &[u8]) -> Option<BadFile> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let bad = std::str::from_utf8(bytes).err()?.valid_up_to();
    // Rows as the spreadsheet counts them: the record that holds the bad byte.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut row = 1;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        if reader.position().byte() as usize > bad {
            break;
        }
        row += 1;
    }
    Some(BadFile {
        row,
        column: String::new(),
        message: crate::tr!("import-not-utf8"),
    })
}

fn read_csv(bytes: &[u8]) -> anyhow::Result<Table> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        anyhow!(crate::tr!(
            "import-file-not-utf8",
            byte = e.valid_up_to() + 1
        ))
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
    let mut budget = Budget { cells: 0 };
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| too_large(i + 1, 0, e.to_string()))?;
        // Trailing empty cells (`;;;;`) are not held: they would cost memory for nothing.
        let width = (0..record.len())
            .rev()
            .find(|&c| !record[c].is_empty())
            .map_or(0, |w| w + 1);
        budget.row(i + 1, width)?;
        for (column, cell) in record.iter().take(width).enumerate() {
            budget.cell(i + 1, column, cell)?;
        }
        records.push(
            record
                .iter()
                .take(width)
                .map(str::to_string)
                .collect::<Vec<_>>(),
        );
    }
    let mut records = records.into_iter();
    let header = records
        .next()
        .ok_or_else(|| anyhow!(crate::tr!("import-file-empty")))?;
    Ok(Table {
        header_row: 1,
        header,
        rows: records
            .enumerate()
            .map(|(i, cells)| (i + 2, cells.into_iter().map(Ok).collect()))
            .collect(),
    })
}

/// Checks that no part of the XLSX file (a zip archive) unpacks to more than
/// the limits, by unpacking each and counting, before the workbook is opened:
/// the sizes an archive declares may lie.
fn check_xlsx_parts(file: &Path) -> anyhow::Result<()> {
    let archive = std::fs::File::open(file)?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(archive))
        .map_err(|e| anyhow!(crate::tr!("import-not-xlsx", error = e.to_string())))?;
    let mut total = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| anyhow!(crate::tr!("import-damaged", error = e.to_string())))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let packed = part.compressed_size().max(1);
        let mut unpacked = 0u64;
        loop {
            let n = match part.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n as u64,
                Err(e) => {
                    return Err(anyhow!(crate::tr!(
                        "import-damaged",
                        error = format!("{name}: {e}")
                    )));
                }
            };
            unpacked += n;
            total += n;
            // `what` selects the words in `import-zip-part`.
            let refuse = |what: &str, limit: u64| {
                Err(too_large(
                    0,
                    0,
                    crate::tr!(
                        "import-zip-part",
                        part = name.as_str(),
                        what = what,
                        limit = limit
                    ),
                ))
            };
            if unpacked > MAX_PART_BYTES {
                return refuse("part", MAX_PART_BYTES >> 20);
            }
            if total > MAX_UNPACKED_BYTES {
                return refuse("total", MAX_UNPACKED_BYTES >> 20);
            }
            if unpacked > RATIO_FROM && unpacked / packed > MAX_RATIO {
                return refuse("ratio", MAX_RATIO);
            }
        }
    }
    Ok(())
}

fn read_xlsx(file: &Path) -> anyhow::Result<Table> {
    use calamine::{DataRef, Reader, Xlsx, open_workbook};
    check_xlsx_parts(file)?;
    let mut workbook: Xlsx<_> = open_workbook(file)?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| anyhow!(crate::tr!("import-no-sheets")))?;
    // Cell by cell, never the whole sheet at once: a sheet can declare (or
    // hold one cell at) a million rows by sixteen thousand columns.
    let mut cells = workbook.worksheet_cells_reader(&sheet)?;
    let declared = cells.dimensions();
    let (rows, columns) = (
        declared.end.0.saturating_sub(declared.start.0) as usize + 1,
        declared.end.1.saturating_sub(declared.start.1) as usize + 1,
    );
    if rows > MAX_ROWS || columns > MAX_COLUMNS {
        return Err(too_large(
            0,
            0,
            crate::tr!(
                "import-sheet-too-large",
                rows = rows,
                columns = columns,
                cell = format!(
                    "{}{}",
                    column_letter(declared.end.1 as usize),
                    declared.end.0 as u64 + 1
                ),
                max_rows = MAX_ROWS,
                max_columns = MAX_COLUMNS
            ),
        ));
    }
    let mut grid: Vec<Vec<Cell>> = Vec::new();
    let mut budget = Budget { cells: 0 };
    while let Some(cell) = cells.next_cell_with_formula()? {
        let (row, column) = cell.pos;
        let (row, column) = (row as usize, column as usize);
        let value = match cell.formula {
            // A formula whose result was never calculated (a file written by
            // a program, not saved by Excel) reads as empty: say so.
            Some(formula) if !formula.is_empty() && matches!(cell.value, DataRef::Empty) => {
                Err(crate::tr!("import-formula-no-value", formula = &formula))
            }
            _ => xlsx_cell(&calamine::Data::from(cell.value)),
        };
        if matches!(&value, Ok(v) if v.is_empty()) {
            continue;
        }
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            budget.row(row + 1, column + 1)?;
        }
        if let Ok(text) = &value {
            budget.cell(row + 1, column, text)?;
        }
        if grid.len() <= row {
            grid.resize_with(row + 1, Vec::new);
        }
        let line = &mut grid[row];
        if line.len() <= column {
            budget.row(row + 1, column + 1 - line.len())?;
            line.resize_with(column + 1, || Ok(String::new()));
        }
        line[column] = value;
    }
    let Some(first_row) = grid.iter().position(|r| !r.is_empty()) else {
        return Err(anyhow!(crate::tr!("import-sheet-empty")));
    };
    // As a table: from the first row and the first column with a value.
    let first_column = grid
        .iter()
        .filter_map(|r| r.iter().position(|c| !matches!(c, Ok(v) if v.is_empty())))
        .min()
        .unwrap_or(0);
    let mut rows = grid
        .into_iter()
        .enumerate()
        .skip(first_row)
        .map(|(i, mut cells)| {
            cells.drain(..first_column.min(cells.len()));
            (i + 1, cells)
        });
    let (header_row, header) = rows.next().expect("the first row with a value");
    Ok(Table {
        header_row,
        header: header.into_iter().map(Result::unwrap_or_default).collect(),
        rows: rows.collect(),
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
        Data::Error(e) => {
            return Err(crate::tr!("import-cell-error", error = e.to_string()));
        }
    })
}

/// A cell as the editor meant it: line ends as `\n`, the apostrophe that
/// the export puts before formula-like text removed, trimmed.
pub(super) fn clean(cell: &str) -> String {
    let text = cell.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    let unquoted = match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    };
    unquoted.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned() {
        assert_eq!(clean("'- lijst\r\n- twee "), "- lijst\n- twee");
    }
}
