//! Reading the spreadsheet: a CSV (any of `;`, `,` or tab) or the first
//! sheet of an XLSX workbook becomes a header and rows of cells, as text.

use std::path::Path;

use anyhow::{Context, anyhow};

use crate::model::when::parse_day;

/// The cells of a spreadsheet, as text, with their row numbers.
pub(super) struct Table {
    pub(super) header_row: usize,
    pub(super) header: Vec<String>,
    pub(super) rows: Vec<(usize, Vec<Cell>)>,
}

/// A cell's text, or what is wrong with it (a spreadsheet error such as #N/A).
pub(super) type Cell = Result<String, String>;

pub(super) fn read_table(file: &Path) -> Result<Table, super::ImportError> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes =
                std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            if let Some(error) = not_utf8_row(&bytes) {
                return Err(super::ImportError::Rows(vec![error]));
            }
            Ok(read_csv(&bytes).with_context(|| format!("cannot read {}", file.display()))?)
        }
        "xlsx" | "xlsm" => {
            Ok(read_xlsx(file).with_context(|| format!("cannot read {}", file.display()))?)
        }
        _ => Err(super::ImportError::Other(anyhow!(
            "{} is not a .csv or .xlsx file; save the spreadsheet as CSV (UTF-8) or as an Excel workbook (.xlsx)",
            file.display()
        ))),
    }
}

/// The first row of a CSV file that is not UTF-8 text (an export in the
/// Windows code page, typically), as a content error: the editor fixes the
/// file, not the command.
fn not_utf8_row(bytes: &[u8]) -> Option<super::RowError> {
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
    Some(super::RowError {
        row,
        column: String::new(),
        message: crate::tr!("import-not-utf8"),
    })
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
    // A formula whose result was never calculated (a file written by a
    // program, not saved by Excel) reads as an empty cell: say so.
    let formulas = match workbook.sheet_names().first() {
        Some(name) => workbook.worksheet_formula(&name.clone()).ok(),
        None => None,
    };
    let start_col = range.start().map_or(0, |(_, c)| c);
    let cell = |r: usize, c: usize, data: &calamine::Data| -> Cell {
        let at = (first_row + r as u32, start_col + c as u32);
        match formulas.as_ref().and_then(|f| f.get_value(at)) {
            Some(formula) if !formula.is_empty() && matches!(data, calamine::Data::Empty) => {
                Err(crate::tr!("import-formula-no-value", formula = formula))
            }
            _ => xlsx_cell(data),
        }
    };
    Ok(Table {
        header_row,
        header,
        rows: rows
            .enumerate()
            .map(|(i, cells)| {
                let cells = cells.iter().enumerate().map(|(c, d)| cell(i + 1, c, d));
                (header_row + 1 + i, cells.collect())
            })
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
