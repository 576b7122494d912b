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

/// A calendar date (no time, no zone): deadlines, 填报日期, the run's day.
///
/// Prints as `2022-05-20`; ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31.
    pub day: u32,
}

impl Date {
    /// A date, when it exists in the calendar (2022-02-30 does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let d = Self { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && Self::from_days(d.days()) == d).then_some(d)
    }

    /// `2022-05-10`, `2022/5/10`, `2022.5.10`, `2022年5月10日`, optionally followed by a time
    /// (`2022-05-10 14:30:00`): ASCII digits only (normalise full-width digits first).
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.split_whitespace().next()?;
        let t = t.replace(['年', '月', '/', '.'], "-").replace('日', "");
        let mut it = t.split('-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: u32 = it.next()?.parse().ok()?;
        let d: u32 = it.next()?.parse().ok()?;
        if it.next().is_some() || !(1900..=2200).contains(&y) {
            return None;
        }
        Self::new(y, m, d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self {
            year: y as i32,
            month: m as u32,
            day: d as u32,
        }
    }

    /// This date plus `n` days.
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.days() + n)
    }

    /// The Beijing (UTC+8) date of a Unix time.
    pub fn of_unix_beijing(unix_secs: i64) -> Self {
        Self::from_days((unix_secs + 8 * 3600).div_euclid(86_400))
    }

    /// The same day one year later (29 February becomes 28 February).
    pub fn next_year(self) -> Self {
        Self::new(self.year + 1, self.month, self.day).unwrap_or(Self {
            year: self.year + 1,
            month: self.month,
            day: 28,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Seconds since the Unix epoch as Beijing time (UTC+8), `YYYY-MM-DD HH:MM`: the clock
/// every user of a Chinese city's finance bureau reads.
pub fn beijing_time(unix_secs: i64) -> String {
    let secs = unix_secs + 8 * 3600;
    let rem = secs.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}",
        Date::of_unix_beijing(unix_secs),
        rem / 3600,
        rem % 3600 / 60
    )
}

/// A file time as Beijing time.
pub fn beijing_file_time(t: std::time::SystemTime) -> String {
    beijing_time(unix_secs(t))
}

static FIXED_CLOCK: std::sync::OnceLock<i64> = std::sync::OnceLock::new();

/// Fixes the run's clock (Unix seconds) for reproducible outputs; the command line sets it
/// from `SOURCE_DATE_EPOCH` (the only place the environment is read). Later calls are ignored.
pub fn fix_clock(unix_secs: i64) {
    let _ = FIXED_CLOCK.set(unix_secs);
}

/// The fixed clock, when one was set.
pub fn fixed_clock() -> Option<i64> {
    FIXED_CLOCK.get().copied()
}

/// The run's clock in Unix seconds: the fixed clock when set, else now.
pub fn run_secs() -> i64 {
    fixed_clock().unwrap_or_else(|| unix_secs(std::time::SystemTime::now()))
}

/// A system time in Unix seconds (negative before 1970).
pub fn unix_secs(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// The run's clock as Beijing time (see [`run_secs`]).
pub fn run_time() -> String {
    beijing_time(run_secs())
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
        K::TimedOut => "操作超时",
        K::OutOfMemory => "内存不足",
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

macro_rules! codes {
    ($($variant:ident = $code:literal, $level:ident, $title:literal;)*) => {
        /// Stable finding codes: the table users and other programs can rely on
        /// (`docs/findings.md` lists them with what to do).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = $title]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable code text, e.g. `V02`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            /// The level a finding of this code has.
            pub fn level(self) -> Level {
                match self { $(Code::$variant => Level::$level),* }
            }

            /// A short Chinese title.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title),* }
            }
        }
    };
}

codes! {
    FileEmpty = "F01", Error, "文件为空";
    NotSpreadsheet = "F02", Error, "不是电子表格文件";
    HtmlAsSpreadsheet = "F03", Error, "网页文件改了扩展名";
    TextAsSpreadsheet = "F04", Error, "文本/CSV 文件改了扩展名";
    Encrypted = "F05", Error, "文件已加密";
    Unreadable = "F06", Error, "文件损坏，无法读取";
    NotReturn = "F07", Error, "不是部门整体绩效自评表";
    NotRegularFile = "F08", Error, "不是普通文件";
    TooLarge = "F09", Error, "文件过大";
    InternalError = "F10", Error, "读取时发生内部错误";
    OfficeLockFile = "F11", Info, "Office 临时文件，已忽略";
    OtherAttachment = "F12", Info, "非自评表附件（佐证材料等）";
    UnsupportedArchive = "F13", Error, "不支持的压缩格式";
    Oversized = "F14", Error, "文件结构超出安全范围";
    OwnOutput = "F15", Info, "本程序写出的汇总结果，已跳过";
    IdentifiedByInfo = "I01", Info, "按基本信息识别部门";
    IdentifiedByFileName = "I02", Info, "按文件名识别部门";
    IdentifiedBySender = "I03", Info, "按发件人识别部门";
    UnknownDepartment = "I04", Error, "无法识别报送部门";
    DepartmentNotInPlan = "I05", Error, "部门不在评价方案中";
    WrongYear = "I06", Error, "模板年度不符";
    WrongPlan = "I07", Error, "模板与评价方案不符";
    Superseded = "I08", Info, "已被替代";
    IdentityMismatch = "I09", Warning, "基本信息与模板标识不一致";
    PlanChangedAfterIssue = "I10", Info, "模板下发后方案有修改";
    IdentityConflict = "I11", Error, "身份冲突";
    MissingSheet = "S01", Error, "缺少工作表";
    MissingColumn = "S02", Error, "缺少列";
    MissingIndicator = "S03", Error, "指标行缺失";
    ExtraIndicator = "S04", Warning, "方案中没有的指标";
    DuplicateIndicator = "S05", Warning, "指标重复填报";
    SheetRenamed = "S07", Info, "工作表按表头识别";
    MissingBudgetLine = "S06", Error, "预算项目行缺失";
    LockedCellChanged = "L01", Warning, "锁定单元格被修改";
    RequiredEmpty = "V01", Error, "必填项为空";
    ValueUnreadable = "V02", Error, "值无法识别";
    ValueOutOfRange = "V03", Error, "值超出范围";
    SelfScoreAboveWeight = "V04", Error, "自评得分超过权重";
    SelfScoreDiffers = "V05", Warning, "自评得分与计算得分不一致";
    SelfScoreEmpty = "V06", Warning, "自评得分为空";
    SelfScoreUnreadable = "V07", Error, "自评得分无法识别";
    ReasonMissing = "V08", Warning, "缺少偏差原因";
    InfoEmpty = "V09", Warning, "基本信息未填写";
    FilledBeforeYearEnd = "V12", Warning, "填报日期早于评价年度结束";
    NeedsReview = "V10", Info, "评议类指标待复核";
    PercentAmbiguous = "V11", Warning, "百分数有两种读法";
    RateAbove100 = "V13", Info, "率超过 100%";
    SpentMissing = "B01", Error, "执行数为空";
    SpentNegative = "B02", Error, "执行数为负数";
    SpentUnreadable = "B03", Error, "执行数无法识别";
    OverBudget = "B04", Warning, "执行数超过调整后预算";
    LowExecution = "B05", Warning, "预算执行率低于预警线";
    AddedProjectUnnamed = "B06", Error, "追加项目缺少名称";
    RateMismatch = "B07", Warning, "预算执行率与指标填报不一致";
    AddedProjectNoBudget = "B08", Warning, "追加项目缺少调整后预算";
    DuplicateReturn = "D01", Info, "同一部门多次报送";
    Late = "D02", Warning, "逾期报送";
    NotReturned = "N01", Error, "未报送";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem found in a user's file: stable code, level, where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `V02`.
    pub code: Code,
    /// Severity.
    pub level: Level,
    /// The file, sheet and cell.
    pub location: Location,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What to do about it, in Chinese.
    pub hint: String,
    /// A library's own words about the problem (often English): shown only by `check
    /// --verbose`, never in a workbook, letter or summary.json.
    #[serde(skip)]
    pub detail: Option<String>,
}

impl Finding {
    /// A finding whose level is the code's.
    pub fn new(
        code: Code,
        location: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self {
            code,
            level: code.level(),
            location,
            message: message.into(),
            hint: hint.into(),
            detail: None,
        }
    }

    /// The same finding with a library's own words kept for `--verbose`.
    pub fn with_detail(self, detail: impl Into<String>) -> Self {
        Self {
            detail: Some(detail.into()),
            ..self
        }
    }
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
        let doc = include_str!("../docs/findings.md");
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
