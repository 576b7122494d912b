//! Shared types: codes, money, scores, cell locations, findings.
//!
//! Input → output: none; these are the vocabulary every stage speaks.
//!
//! - [`DeptCode`], [`IndicatorCode`]: codes as the plan spells them (text, leading zeros kept).
//! - [`Money`] (万元) and [`Score`] (分): `rust_decimal` newtypes that print with 2 decimals,
//!   rounded half away from zero (四舍五入) by [`round2`].
//! - [`CellRef`] and [`Location`]: a cell printed the way a user finds it in Excel,
//!   `2021_001_市应急管理局.xlsx!绩效指标!H12`.
//! - [`Finding`] with its [`Level`]: one problem found in a user's file, never a crash.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::fmt;

/// Rounds to 2 decimals, half away from zero (四舍五入), as every money and score figure is shown.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats a decimal with exactly 2 decimals after rounding half away from zero.
pub fn fmt2(d: Decimal) -> String {
    let mut r = round2(d);
    r.rescale(2);
    r.to_string()
}

/// Formats a decimal without trailing zeros (`1.50` → `1.5`, `2.00` → `2`), for explanations.
pub fn fmt_plain(d: Decimal) -> String {
    d.normalize().to_string()
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a code, trimming surrounding white space.
            pub fn new(s: impl AsRef<str>) -> Self {
                Self(s.as_ref().trim().to_string())
            }
            /// The code as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_newtype!(
    /// A department code (部门编码) such as `001`: text, so leading zeros survive.
    DeptCode
);
text_newtype!(
    /// An indicator code (指标编码) such as `GX01`.
    IndicatorCode
);

macro_rules! decimal_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
        #[serde(into = "String")]
        pub struct $name(pub Decimal);

        impl $name {
            /// Zero.
            pub const ZERO: Self = Self(Decimal::ZERO);
            /// The underlying decimal.
            pub fn value(self) -> Decimal {
                self.0
            }
            /// Rounded to 2 decimals, half away from zero.
            pub fn rounded(self) -> Self {
                Self(round2(self.0))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&fmt2(self.0))
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.to_string()
            }
        }

        impl std::ops::Add for $name {
            type Output = Self;
            fn add(self, rhs: Self) -> Self {
                Self(self.0 + rhs.0)
            }
        }

        impl std::ops::Sub for $name {
            type Output = Self;
            fn sub(self, rhs: Self) -> Self {
                Self(self.0 - rhs.0)
            }
        }

        impl std::iter::Sum for $name {
            fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
                Self(iter.map(|v| v.0).sum())
            }
        }
    };
}

decimal_newtype!(
    /// An amount of money in 万元.
    Money
);
decimal_newtype!(
    /// A score (分): a weight, a computed score, a total.
    Score
);

/// A cell position, 0-based internally, printed as Excel's `H12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
}

impl CellRef {
    /// A cell from 0-based row and column.
    pub fn new(row: u32, col: u32) -> Self {
        Self { row, col }
    }

    /// Column letters for a 0-based column: 0 → `A`, 26 → `AA`.
    pub fn col_name(col: u32) -> String {
        let mut n = col as u64 + 1;
        let mut out = Vec::new();
        while n > 0 {
            let rem = ((n - 1) % 26) as u8;
            out.push(b'A' + rem);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8_lossy(&out).into_owned()
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", Self::col_name(self.col), self.row as u64 + 1)
    }
}

/// Where something is: a file, optionally a sheet, optionally a cell.
///
/// Prints as `file!sheet!cell`, `file!sheet` or `file`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file as the user knows it (a file name, or a path relative to the input).
    pub file: String,
    /// The sheet name, if the finding is inside one.
    pub sheet: Option<String>,
    /// The cell, if the finding is about one.
    pub cell: Option<CellRef>,
}

impl Location {
    /// The whole file.
    pub fn file(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            sheet: None,
            cell: None,
        }
    }

    /// A whole sheet of a file.
    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: None,
        }
    }

    /// One cell of a sheet.
    pub fn cell(file: impl Into<String>, sheet: impl Into<String>, cell: CellRef) -> Self {
        Self {
            file: file.into(),
            sheet: Some(sheet.into()),
            cell: Some(cell),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, "!{sheet}")?;
        }
        if let Some(cell) = &self.cell {
            write!(f, "!{cell}")?;
        }
        Ok(())
    }
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 错误: the return is sent back (退回).
    Error,
    /// 警告: the return is accepted but the department should look.
    Warning,
    /// 提示: for information.
    Info,
}

impl Level {
    /// The Chinese word users see.
    pub fn label(self) -> &'static str {
        match self {
            Level::Error => "错误",
            Level::Warning => "警告",
            Level::Info => "提示",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// One problem found in a user's file: stable code, level, where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `P005` (plan) or `R012` (return).
    pub code: &'static str,
    /// Severity.
    pub level: Level,
    /// The file, sheet and cell.
    pub location: Location,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What to do about it, in Chinese.
    pub hint: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: [{} {}] {}",
            self.location, self.level, self.code, self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "（{}）", self.hint)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn rounds_half_away_from_zero() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(fmt2(d("0.125")), "0.13");
        assert_eq!(fmt2(d("-0.125")), "-0.13");
        assert_eq!(fmt2(d("2.675")), "2.68");
        assert_eq!(fmt2(d("95.3")), "95.30");
        assert_eq!(fmt_plain(d("1.50")), "1.5");
        assert_eq!(Score(d("36.7")).to_string(), "36.70");
    }

    #[test]
    fn cell_names_match_excel() {
        assert_eq!(CellRef::new(11, 7).to_string(), "H12");
        assert_eq!(CellRef::col_name(25), "Z");
        assert_eq!(CellRef::col_name(26), "AA");
        assert_eq!(CellRef::col_name(16383), "XFD");
    }

    #[test]
    fn location_prints_as_excel_reference() {
        let loc = Location::cell(
            "2021_001_市应急管理局.xlsx",
            "绩效指标",
            CellRef::new(11, 7),
        );
        assert_eq!(loc.to_string(), "2021_001_市应急管理局.xlsx!绩效指标!H12");
        assert_eq!(Location::file("a.xlsx").to_string(), "a.xlsx");
    }
}
