//! How numbers are shown: a workbook's own format records → the numeric cells calamine's
//! ranges would misread, for the formats whose ranges carry no number formats.
//!
//! A department types 2.6% into a percent cell and every program stores 0.026; only the
//! cell's number format says the department saw (and meant) 2.6%. calamine gives .xlsx cell
//! styles (read in [`super::stream_xlsx`]) but for .xls/.et, .ods and .xlsb only values, and
//! for .xls it also takes formats it does not know for dates (Gnumeric numbers its own formats
//! from 50, which calamine reads as East Asian date formats): the same answer would read
//! 2.6% from one program's file, 0.026 or `1899-12-31` from another's. Here each format's own
//! records are read:
//!
//! - [`biff`]: .xls and .et, the XF and FORMAT records of the globals and each cell record's
//!   XF index (percent, and numbers or dates calamine would read the other way);
//! - [`ods`]: `office:value-type="percentage"`, or a cell (row, column, parent) style whose
//!   data style is a `number:percentage-style` (Gnumeric writes `float` with such a style);
//! - [`xlsb`]: BrtFmt and BrtXF in `xl/styles.bin`, each cell's style index.
//!
//! [`ShownCells`] holds, per sheet name, the 0-based (row, column) of each such cell and how
//! it is shown ([`Shown`]). Reading it never changes a value: the caller turns 0.026 into
//! `2.6%` exactly as it does for .xlsx ([`super::percent_text`]).

mod biff;
mod ods;
mod xlsb;

pub use biff::records as biff_records;

use std::collections::HashMap;
use thiserror::Error;

/// How a numeric cell is shown, where calamine's range would read it otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shown {
    /// As a percentage: 0.026 is `2.6%`.
    Percent,
    /// As a plain number (calamine takes its format for a date).
    Number,
    /// As a date (calamine does not know its format): the number is a date serial.
    Date,
}

/// The cells of each sheet shown otherwise than calamine reads them, and how many numeric
/// cells have a format that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShownCells {
    sheets: HashMap<String, HashMap<(u32, u32), Shown>>,
    /// The workbook counts dates from 1904 (its DATEMODE).
    pub is_1904: bool,
    /// Numeric cells whose number format could not be read: read as stored.
    pub unread: usize,
}

/// Why a workbook's number formats could not be read at all (its values still can be).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormatError {
    /// The container or one of its parts could not be opened.
    #[error("{0}")]
    Container(String),
    /// A record or element is malformed.
    #[error("{0}")]
    Malformed(String),
}

impl ShownCells {
    /// The shown cells of a BIFF workbook (.xls, .et).
    pub fn of_xls(bytes: &[u8]) -> Result<Self, FormatError> {
        biff::shown_cells(bytes)
    }

    /// The shown cells of an OpenDocument spreadsheet.
    pub fn of_ods(bytes: &[u8]) -> Result<Self, FormatError> {
        ods::shown_cells(bytes)
    }

    /// The shown cells of an Excel binary workbook.
    pub fn of_xlsb(bytes: &[u8]) -> Result<Self, FormatError> {
        xlsb::shown_cells(bytes)
    }

    /// The shown cells of sheet `name`.
    pub fn sheet(&self, name: &str) -> Option<&HashMap<(u32, u32), Shown>> {
        self.sheets.get(name)
    }

    /// Records one cell.
    fn add(&mut self, sheet: &str, row: u32, col: u32, shown: Shown) {
        if row <= MAX_ROW && col <= MAX_COL {
            self.sheets
                .entry(sheet.to_string())
                .or_default()
                .insert((row, col), shown);
        }
    }
}

/// Cells beyond these are not recorded (the reader never looks there).
const MAX_ROW: u32 = 1_048_575;
/// See [`MAX_ROW`].
const MAX_COL: u32 = 16_383;

/// The number format code's first section, where it decides how a positive number shows,
/// with quoted text, escaped characters (`\x`), width (`_x`) and fill (`*x`) characters and
/// `[…]` blocks taken out.
fn live_chars(code: &str) -> impl Iterator<Item = char> + '_ {
    let mut quoted = false;
    let mut skip_next = false;
    let mut bracket = false;
    code.chars().filter(move |&ch| {
        if skip_next {
            skip_next = false;
            return false;
        }
        match ch {
            '"' => {
                quoted = !quoted;
                false
            }
            _ if quoted => false,
            '\\' | '_' | '*' => {
                skip_next = true;
                false
            }
            '[' => {
                bracket = true;
                false
            }
            ']' if bracket => {
                bracket = false;
                false
            }
            _ => !bracket,
        }
    })
}

/// Whether a number format code shows numbers as percentages: an unquoted, unescaped `%`
/// (`0.00%`, `0%;[Red]-0%`); a `%` in quotes, after `\`, or as a width or fill character
/// (`_%`, `*%`) is literal.
pub fn is_percent_code(code: &str) -> bool {
    live_chars(code).any(|c| c == '%')
}

/// Whether a number format code shows numbers as dates or times: a `y`, `m`, `d`, `h` or `s`
/// (or `AM/PM`) outside quotes and brackets in its first section. `General` is not.
pub fn is_date_code(code: &str) -> bool {
    let first: String = live_chars(code).take_while(|c| *c != ';').collect();
    let lower = first.to_ascii_lowercase();
    if lower.contains("general") {
        return false;
    }
    lower.contains("am/pm")
        || lower.contains("a/p")
        || lower
            .chars()
            .any(|c| matches!(c, 'y' | 'm' | 'd' | 'h' | 's'))
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
        assert!(!is_percent_code("0.00_%"));
        assert!(!is_percent_code("0.00*%"));
        assert!(!is_percent_code("General"));
        assert!(!is_percent_code("0.00"));
        assert!(!is_percent_code("[$%-804]0.00"));
        assert!(is_percent_builtin(9) && is_percent_builtin(10) && !is_percent_builtin(2));
    }

    #[test]
    fn date_codes_are_told_from_numbers() {
        for d in [
            "yyyy-mm-dd",
            "yyyy\"年\"m\"月\"d\"日\"",
            "[$-804]yyyy/m/d",
            "h:mm AM/PM",
            "mm:ss",
        ] {
            assert!(is_date_code(d), "{d}");
        }
        for n in [
            "0.0",
            "#,##0.00",
            "General",
            "0.00\"days\"",
            "0.0%",
            "[Red]0.0",
            "\\d0",
        ] {
            assert!(!is_date_code(n), "{n}");
        }
    }
}
