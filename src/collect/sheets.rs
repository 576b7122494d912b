//! Workbook reader: a return's bytes → the text of the sheets a return needs.
//!
//! Only `基本信息`, `预算执行`, `绩效指标` and `_meta` are read. .xlsx is streamed cell by cell
//! (calamine's cell reader), never expanded into a dense range, and reading stops at bounds
//! no real return comes near; .xls and .ods go through calamine's ranges.

use super::sniff::Kind;
use crate::layout::template::{READ_SHEETS, SHEET_BUDGET, SHEET_INDICATORS, SHEET_INFO};
use crate::sheet::shown::ShownCells;
use crate::sheet::{Limits, RawSheet, stream_xlsx};
use calamine::{Ods, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};
use std::io::Cursor;

/// Sheets a return is read from.
pub const WANTED: [&str; 4] = READ_SHEETS;
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
    /// Wanted sheets found under another name by their header row: (name in the file,
    /// canonical name).
    pub renamed: Vec<(String, &'static str)>,
    /// Why the cells' number formats could not be read, when they could not: numbers in
    /// percent cells then read as stored (0.026, not 2.6%), and the reader says so.
    pub formats_unread: Option<String>,
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
        Kind::Xlsx | Kind::OddXlsx => read_xlsx(bytes),
        Kind::Xlsb => {
            let wb: Xlsb<_> =
                open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| classify(&e))?;
            read_ranges(wb, "xlsb", ShownCells::of_xlsb(bytes))
        }
        Kind::Ods => {
            let open = |b: &[u8]| -> Result<ReturnSheets, OpenError> {
                let wb: Ods<_> = open_workbook_from_rs(Cursor::new(b)).map_err(|e| classify(&e))?;
                read_ranges(wb, "ods", ShownCells::of_ods(b))
            };
            match open(bytes) {
                // Gnumeric writes white space between cells, which calamine's reader does
                // not expect: read it again with content.xml tightened.
                Err(OpenError::Corrupt(_)) => {
                    let tight = super::guard::repack(
                        bytes,
                        |n| n.to_string(),
                        |n, b| (n == "content.xml").then(|| super::guard::tighten_xml(b)),
                    )
                    .map_err(|_| OpenError::Corrupt("ODS 重新打包失败".into()))?;
                    open(&tight)
                }
                other => other,
            }
        }
        _ => {
            let wb: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| classify(&e))?;
            read_ranges(wb, "xls", ShownCells::of_xls(bytes))
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

/// Sheets that may have been renamed: every sheet not matched by name, when a wanted visible
/// sheet is missing (a department renamed 基本信息 to 基本情况).
fn candidates<'n>(names: &'n [String], found: &[(&str, &'static str)]) -> Vec<&'n str> {
    let missing = [SHEET_INFO, SHEET_BUDGET, SHEET_INDICATORS]
        .iter()
        .any(|w| !found.iter().any(|(_, c)| c == w));
    if !missing {
        return Vec::new();
    }
    names
        .iter()
        .map(String::as_str)
        .filter(|n| {
            !found.iter().any(|(f, _)| f == n) && *n != crate::layout::template::SHEET_GUIDE
        })
        .collect()
}

/// Which wanted sheet a sheet is, by its header row: 绩效指标 has 指标编码 and 实际完成值,
/// 预算执行 项目名称 and 执行数, 基本信息 部门编码 and 填报人.
fn by_header(sheet: &RawSheet) -> Option<&'static str> {
    let has = |a: &str, b: &str| sheet.header(a).is_some_and(|h| h.col(b).is_some());
    let cell = |t: &str| {
        sheet
            .rows
            .iter()
            .take(40)
            .any(|r| r.cells().any(|c| c.trim() == t))
    };
    use crate::layout::template::{BudgetCol, IndicatorCol, InfoItem};
    if has(IndicatorCol::Code.header(), IndicatorCol::Actual.header()) {
        Some(SHEET_INDICATORS)
    } else if has(BudgetCol::Name.header(), BudgetCol::Spent.header()) {
        Some(SHEET_BUDGET)
    } else if cell(InfoItem::DeptCode.label()) && cell(InfoItem::Filler.label()) {
        Some(SHEET_INFO)
    } else {
        None
    }
}

/// Adds the renamed sheets among `read` (sheets read under their own names) to `out`.
fn adopt_renamed(out: &mut ReturnSheets, read: Vec<RawSheet>) {
    for mut sheet in read {
        if let Some(canonical) = by_header(&sheet)
            && out.get(canonical).is_none()
        {
            out.renamed.push((sheet.name.clone(), canonical));
            sheet.name = canonical.to_string();
            out.sheets.push(sheet);
        }
    }
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
    let found = wanted_sheets(&names);
    for (name, canonical) in &found {
        sheets.push(stream_xlsx(&mut wb, name, canonical, limits).map_err(|e| classify(&e))?);
    }
    let mut others = Vec::new();
    for name in candidates(&names, &found) {
        others.push(stream_xlsx(&mut wb, name, name, limits).map_err(|e| classify(&e))?);
    }
    let mut out = ReturnSheets {
        names: names.clone(),
        sheets,
        format: "xlsx",
        renamed: Vec::new(),
        formats_unread: None,
    };
    adopt_renamed(&mut out, others);
    Ok(out)
}

/// Reads the wanted sheets through calamine's ranges, numbers read as `shown` says the
/// workbook shows them.
fn read_ranges<RS, R>(
    mut wb: R,
    format: &'static str,
    shown: Result<ShownCells, crate::sheet::shown::FormatError>,
) -> Result<ReturnSheets, OpenError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = wb.sheet_names();
    let (shown, formats_unread) = match shown {
        Ok(s) if s.unread > 0 => {
            let why = format!("{} 个单元格的数字格式记录无法解析", s.unread);
            (s, Some(why))
        }
        Ok(s) => (s, None),
        Err(e) => (ShownCells::default(), Some(e.to_string())),
    };
    let read = |wb: &mut R, name: &str, canonical: &str| -> Result<RawSheet, OpenError> {
        let range = wb.worksheet_range(name).map_err(|e| classify(&e))?;
        let mut sheet =
            RawSheet::from_range_shown(canonical, &range, shown.sheet(name), shown.is_1904);
        sheet.rows.retain(|r| r.row <= MAX_ROW);
        for r in &mut sheet.rows {
            r.truncate(MAX_COL as usize + 1);
        }
        Ok(sheet)
    };
    let mut sheets = Vec::new();
    let found = wanted_sheets(&names);
    for (name, canonical) in &found {
        sheets.push(read(&mut wb, name, canonical)?);
    }
    let mut others = Vec::new();
    for name in candidates(&names, &found) {
        others.push(read(&mut wb, name, name)?);
    }
    let mut out = ReturnSheets {
        names: names.clone(),
        sheets,
        format,
        renamed: Vec::new(),
        formats_unread,
    };
    adopt_renamed(&mut out, others);
    Ok(out)
}
