//! Percent cells: a workbook's own format records → which numeric cells it shows as
//! percentages, for the formats whose calamine ranges carry no number formats.
//!
//! A department types 2.6% into a percent cell and every program stores 0.026; only the
//! cell's number format says the department saw (and meant) 2.6%. calamine gives .xlsx cell
//! styles (read in [`super::stream_xlsx`]) but for .xls/.et, .ods and .xlsb only values, so
//! the same answer would read 2.6% from one program's file and 0.026 from another's. Here
//! each format's own records are read:
//!
//! - [`biff`]: .xls and .et, the XF and FORMAT records of the globals and each cell record's
//!   XF index;
//! - [`ods`]: `office:value-type="percentage"`, or a cell (row, column) style whose data style
//!   is a `number:percentage-style` (Gnumeric writes `float` with such a style);
//! - [`xlsb`]: BrtFmt and BrtXF in `xl/styles.bin`, each cell's style index.
//!
//! [`PercentCells`] holds, per sheet name, the 0-based (row, column) of every numeric cell
//! shown as a percentage. Reading it never changes a value: the caller turns 0.026 into
//! `2.6%` exactly as it does for .xlsx ([`super::percent_text`]).

mod biff;
mod ods;
mod xlsb;

pub use biff::records as biff_records;

use std::collections::{HashMap, HashSet};
use thiserror::Error;

/// The numeric cells of each sheet that the workbook shows as percentages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PercentCells {
    sheets: HashMap<String, HashSet<(u32, u32)>>,
}

/// Why a workbook's number formats could not be read (its values still can be).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormatError {
    /// The container or one of its parts could not be opened.
    #[error("{0}")]
    Container(String),
    /// A record or element is malformed.
    #[error("{0}")]
    Malformed(String),
}

impl PercentCells {
    /// The percent cells of a BIFF workbook (.xls, .et).
    pub fn of_xls(bytes: &[u8]) -> Result<Self, FormatError> {
        biff::percent_cells(bytes)
    }

    /// The percent cells of an OpenDocument spreadsheet.
    pub fn of_ods(bytes: &[u8]) -> Result<Self, FormatError> {
        ods::percent_cells(bytes)
    }

    /// The percent cells of an Excel binary workbook.
    pub fn of_xlsb(bytes: &[u8]) -> Result<Self, FormatError> {
        xlsb::percent_cells(bytes)
    }

    /// The percent cells of sheet `name`.
    pub fn sheet(&self, name: &str) -> Option<&HashSet<(u32, u32)>> {
        self.sheets.get(name)
    }

    /// Records one percent cell.
    fn add(&mut self, sheet: &str, row: u32, col: u32) {
        if row <= MAX_ROW && col <= MAX_COL {
            self.sheets
                .entry(sheet.to_string())
                .or_default()
                .insert((row, col));
        }
    }
}

/// Percent cells beyond these are not recorded (the reader never looks there).
const MAX_ROW: u32 = 1_048_575;
/// See [`MAX_ROW`].
const MAX_COL: u32 = 16_383;

/// Whether a number format code shows numbers as percentages: an unquoted, unescaped `%` in
/// any section (`0.00%`, `0%;[Red]-0%`); a `%` inside quotes or after a backslash is literal
/// text. Builtin formats 9 and 10 are `0%` and `0.00%`.
pub fn is_percent_code(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    let mut bracket = false;
    for ch in code.chars() {
        match ch {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// Whether a builtin number format id is a percent format (`0%`, `0.00%`).
pub fn is_percent_builtin(id: u16) -> bool {
    matches!(id, 9 | 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_codes_are_told_from_literal_percent_signs() {
        assert!(is_percent_code("0%"));
        assert!(is_percent_code("0.00%"));
        assert!(is_percent_code("0.0%;[Red]-0.0%"));
        assert!(is_percent_code("#,##0.00%"));
        assert!(!is_percent_code("0.00\"%\""));
        assert!(!is_percent_code("0.00\\%"));
        assert!(!is_percent_code("General"));
        assert!(!is_percent_code("0.00"));
        assert!(!is_percent_code("[$%-804]0.00"));
        assert!(is_percent_builtin(9) && is_percent_builtin(10) && !is_percent_builtin(2));
    }
}
