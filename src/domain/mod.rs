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

mod date;
mod finding;
mod receipt;
mod written;

pub use date::*;
pub use finding::*;
pub use receipt::*;
pub use written::*;
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

/// Formats a measured value for an explanation: at most 4 decimals (rounded half away from
/// zero), without trailing zeros. Only the display rounds: a computed 94.99994% is scored as
/// it is and shown as 94.9999%.
pub fn fmt_shown(d: Decimal) -> String {
    fmt_plain(d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
}

/// An operating-system error in the words a user reads: Chinese, without the OS's English
/// text (`No such file or directory (os error 2)` never reaches a user).
pub fn io_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // Windows: ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33) mean another program
    // (Excel, WPS) holds the file open.
    if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) {
        return "文件正被其他程序占用（可能在 Excel 或 WPS 中打开），请关闭后重试".into();
    }
    let text = match e.kind() {
        K::NotFound => "文件或目录不存在",
        K::PermissionDenied => "没有访问权限",
        K::AlreadyExists => "同名文件已存在",
        K::StorageFull => "磁盘空间不足",
        K::ReadOnlyFilesystem => "磁盘只读，无法写入",
        K::IsADirectory => "这是一个目录，不是文件",
        K::NotADirectory => "路径中有一段是文件而不是目录",
        K::DirectoryNotEmpty => "目录不为空",
        K::InvalidFilename => "文件名无效（过长或含有不允许的字符）",
        K::ResourceBusy => "文件正被其他程序占用，请关闭后重试",
        K::FileTooLarge => "文件过大",
        K::CrossesDevices => "不能跨磁盘移动文件",
        K::Interrupted => "操作被中断",
        K::UnexpectedEof => "文件意外结束（可能不完整）",
        K::InvalidData => "文件内容无效",
        K::TimedOut | K::WouldBlock => "等待超时，对方没有应答",
        K::OutOfMemory => "内存不足",
        K::ConnectionRefused => "连接被拒绝（该地址的端口上没有服务在运行，请核对地址和端口）",
        K::ConnectionReset | K::ConnectionAborted => "连接被对方中断",
        K::NotConnected | K::BrokenPipe => "连接已断开",
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown => {
            "网络不通，无法到达服务器（请检查网络或防火墙）"
        }
        K::AddrNotAvailable => "本机没有可用的网络地址",
        _ => "",
    };
    match (text, e.raw_os_error()) {
        ("", Some(code)) => format!("系统错误（代码 {code}）"),
        ("", None) => "系统错误".into(),
        (t, _) => t.into(),
    }
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

/// A cell position, 0-based internally, printed as Excel's `H12`. The default is `A1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
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

/// The content digest of a file or an attachment: the first 16 hex digits of its SHA-256.
/// Two returns with the same digest are the same return, whatever their names.
pub fn content_digest(bytes: &[u8]) -> String {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(bytes);
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// FNV-1a 64 over text fields (each ended by a unit separator): stable fingerprints of plans
/// and returns, to notice a change, not to resist tampering.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    /// The empty hash.
    pub fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    /// Adds one field.
    pub fn field(&mut self, s: &str) {
        for b in s.bytes().chain(std::iter::once(0x1f)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Adds raw bytes (a whole file).
    pub fn bytes(&mut self, b: &[u8]) {
        for x in b {
            self.0 ^= u64::from(*x);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// 16 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Self::new()
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
    fn finding_codes_are_unique_and_stable() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate {}", c.as_str());
            assert_eq!(c.as_str().len(), 3);
        }
        assert_eq!(Code::ValueUnreadable.as_str(), "V02");
        assert_eq!(Code::ValueUnreadable.level(), Level::Error);
    }

    #[test]
    fn the_findings_table_lists_every_code() {
        let doc = include_str!("../../docs/findings.md");
        for c in Code::ALL {
            let row = format!("| {} | {} | {} |", c.as_str(), c.level(), c.title());
            assert!(doc.contains(&row), "docs/findings.md lacks «{row}»");
        }
    }

    #[test]
    fn beijing_time_is_utc_plus_8() {
        assert_eq!(beijing_time(0), "1970-01-01 08:00");
        assert_eq!(beijing_time(1_650_000_000), "2022-04-15 13:20");
        assert_eq!(beijing_time(951_782_400), "2000-02-29 08:00");
    }

    #[test]
    fn dates_parse_check_the_calendar_and_count_days() {
        let d = Date::parse("2022年5月10日").unwrap();
        assert_eq!(d.to_string(), "2022-05-10");
        assert_eq!(Date::parse("2022/5/1").unwrap().to_string(), "2022-05-01");
        assert_eq!(
            Date::parse("2022-05-10 14:30:00").unwrap().to_string(),
            "2022-05-10"
        );
        assert_eq!(Date::parse("2022-02-30"), None);
        assert_eq!(Date::parse("2022-13-01"), None);
        assert_eq!(Date::parse("下个月"), None);
        assert_eq!(d.add_days(7).to_string(), "2022-05-17");
        assert_eq!(d.add_days(-10).to_string(), "2022-04-30");
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::parse("2024-02-29").unwrap().next_year().to_string(),
            "2025-02-28"
        );
        assert_eq!(
            Date::of_unix_beijing(1_650_000_000).to_string(),
            "2022-04-15"
        );
        assert!(Date::parse("2021-12-31").unwrap() < d);
    }

    #[test]
    fn os_errors_read_in_chinese() {
        let e = std::fs::read("/definitely/not/here").unwrap_err();
        assert_eq!(io_text(&e), "文件或目录不存在");
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_text(&e), "没有访问权限");
        assert!(!io_text(&std::io::Error::from_raw_os_error(28)).contains("space"));
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
