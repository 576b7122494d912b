//! Workbook reader: a return's bytes → the text of the sheets a return needs.
//!
//! Only `基本信息`, `预算执行`, `绩效指标` and `_meta` are read. .xlsx is streamed cell by cell
//! (calamine's cell reader), never expanded into a dense range, and reading stops at bounds
//! no real return comes near; .xls and .ods go through calamine's ranges.

use super::sniff::Kind;
use crate::sheet::{Limits, RawSheet, stream_xlsx};
use crate::template::{SHEET_BUDGET, SHEET_INDICATORS, SHEET_INFO, SHEET_META};
use calamine::{Ods, Reader, Xls, Xlsx, open_workbook_from_rs};
use std::io::Cursor;

/// Sheets a return is read from.
pub const WANTED: [&str; 4] = [SHEET_INFO, SHEET_BUDGET, SHEET_INDICATORS, SHEET_META];
/// Cells beyond this row or column are ignored (a return has a few hundred rows, 11 columns).
pub const MAX_ROW: u32 = 20_000;
/// See [`MAX_ROW`].
pub const MAX_COL: u32 = 255;
/// Reading a sheet stops after this many cells.
pub const MAX_CELLS: usize = 400_000;

/// The sheets read from one workbook.
#[derive(Debug, Clone, Default)]
pub struct ReturnSheets {
    /// Every sheet name in the workbook, in order.
    pub names: Vec<String>,
    /// The wanted sheets that exist, under their canonical names.
    pub sheets: Vec<RawSheet>,
    /// Which program wrote it: `xlsx`, `xls` or `ods`.
    pub format: &'static str,
}

impl ReturnSheets {
    /// A sheet by canonical name.
    pub fn get(&self, name: &str) -> Option<&RawSheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Password protected.
    Encrypted,
    /// Damaged or not what it claims; the reader's own words.
    Corrupt(String),
}

/// Reads the wanted sheets of a spreadsheet already sniffed as `kind`.
pub fn read_sheets(bytes: &[u8], kind: Kind) -> Result<ReturnSheets, OpenError> {
    match kind {
        Kind::Xlsx => read_xlsx(bytes),
        Kind::Ods => {
            let wb: Ods<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| classify(&e))?;
            read_ranges(wb, "ods")
        }
        _ => {
            let wb: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| classify(&e))?;
            read_ranges(wb, "xls")
        }
    }
}

fn classify(e: &dyn std::fmt::Display) -> OpenError {
    let text = e.to_string();
    if text.contains("password") || text.contains("Password") || text.contains("encrypt") {
        OpenError::Encrypted
    } else {
        OpenError::Corrupt(text)
    }
}

/// The wanted sheets of a workbook: (name in the file, canonical name), first match of each.
fn wanted_sheets(names: &[String]) -> Vec<(&str, &'static str)> {
    let mut out: Vec<(&str, &'static str)> = Vec::new();
    for name in names {
        if let Some(canonical) = WANTED.iter().copied().find(|w| *w == name.trim())
            && !out.iter().any(|(_, c)| *c == canonical)
        {
            out.push((name.as_str(), canonical));
        }
    }
    out
}

fn read_xlsx(bytes: &[u8]) -> Result<ReturnSheets, OpenError> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| classify(&e))?;
    let names = wb.sheet_names();
    let limits = Limits {
        max_row: MAX_ROW,
        max_col: MAX_COL,
        max_cells: MAX_CELLS,
    };
    let mut sheets = Vec::new();
    for (name, canonical) in wanted_sheets(&names) {
        sheets.push(stream_xlsx(&mut wb, name, canonical, limits).map_err(|e| classify(&e))?);
    }
    Ok(ReturnSheets {
        names,
        sheets,
        format: "xlsx",
    })
}

fn read_ranges<RS, R>(mut wb: R, format: &'static str) -> Result<ReturnSheets, OpenError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = wb.sheet_names();
    let mut sheets = Vec::new();
    for (name, canonical) in wanted_sheets(&names) {
        let range = wb.worksheet_range(name).map_err(|e| classify(&e))?;
        let mut sheet = RawSheet::from_range(canonical, &range);
        sheet.rows.retain(|r| r.row <= MAX_ROW);
        for r in &mut sheet.rows {
            r.truncate(MAX_COL as usize + 1);
        }
        sheets.push(sheet);
    }
    Ok(ReturnSheets {
        names,
        sheets,
        format,
    })
}
