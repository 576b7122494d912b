//! The plan parser: the four sheets as text rows → a checked [`Plan`] or every
//! [`PlanError`] at once. [`Parser`] is a state machine over the sheets, fed row by row (as
//! [`super::read`] streams them) or whole ([`parse`]).

use super::model::*;
use super::rule::{check_compatible, infer_rule, parse_rule};
use super::target::parse_target;

use crate::domain::{CellRef, DeptCode, IndicatorCode, Location, Money, Score};
use crate::sheet::{HEADER_SEARCH_ROWS, Header, RawRow, RawSheet};
use crate::text::{normalize_text, parse_plain_number, split_number};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

use crate::layout::plan::{
    BudgetCol, DepartmentCol, IndicatorCol, SHEET_BUDGET, SHEET_DEPARTMENTS, SHEET_INDICATORS,
    SHEET_SETTINGS, SettingKey, SettingsCol,
};

/// One problem in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    /// Where.
    pub location: Location,
    /// What, in Chinese.
    pub message: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Every problem found in a plan.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct PlanErrors(pub Vec<PlanError>);

impl fmt::Display for PlanErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "评价方案有 {} 处问题，请修改后重新运行：", self.0.len())?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

/// Why a plan workbook could not be used.
#[derive(Debug, Error)]
pub enum PlanReadError {
    /// The file could not be opened as a spreadsheet.
    #[error("无法打开评价方案 {}：{reason}", path.display())]
    Open {
        /// The plan path.
        path: PathBuf,
        /// Why, in Chinese (see [`open_reason`]).
        reason: String,
    },
    /// The plan was read but is not valid.
    #[error(transparent)]
    Invalid(#[from] PlanErrors),
}

/// Why calamine could not open or read a workbook, in Chinese: the OS error for a file that
/// cannot be read, else that it is not a readable workbook. calamine's own English text is
/// not shown.
pub fn open_reason(e: &calamine::Error) -> String {
    match e {
        calamine::Error::Io(io) => crate::domain::io_text(io),
        calamine::Error::Xlsx(calamine::XlsxError::Io(io))
        | calamine::Error::Ods(calamine::OdsError::Io(io))
        | calamine::Error::Xls(calamine::XlsError::Io(io)) => crate::domain::io_text(io),
        _ => {
            "不是可以读取的 Excel/WPS 工作簿，或文件已损坏（请用 Excel 或 WPS 打开后另存为 .xlsx）"
                .into()
        }
    }
}

/// Collects errors with their locations.
struct Errors<'a> {
    file: &'a str,
    list: Vec<PlanError>,
}

impl Errors<'_> {
    fn at(&mut self, sheet: &str, cell: CellRef, message: String) {
        self.list.push(PlanError {
            location: Location::cell(self.file, sheet, cell),
            message,
        });
    }

    fn sheet(&mut self, sheet: &str, message: String) {
        self.list.push(PlanError {
            location: Location::sheet(self.file, sheet),
            message,
        });
    }
}

/// The four sheets of a plan, in the order they are read and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SheetKind {
    /// 方案.
    Settings,
    /// 部门.
    Departments,
    /// 指标.
    Indicators,
    /// 预算.
    Budget,
}

impl SheetKind {
    /// Every sheet, in reading order (budget lines are checked against the departments).
    pub(crate) const ALL: [SheetKind; 4] = [
        SheetKind::Settings,
        SheetKind::Departments,
        SheetKind::Indicators,
        SheetKind::Budget,
    ];

    /// The sheet's name in the workbook.
    pub(crate) fn name(self) -> &'static str {
        match self {
            SheetKind::Settings => SHEET_SETTINGS,
            SheetKind::Departments => SHEET_DEPARTMENTS,
            SheetKind::Indicators => SHEET_INDICATORS,
            SheetKind::Budget => SHEET_BUDGET,
        }
    }
}

/// A sheet's located header with its required columns checked.
struct Table {
    header_row: u32,
    cols: HashMap<&'static str, u32>,
}

impl Table {
    /// Maps the columns of a found header; reports the required ones it lacks.
    fn from_header(
        name: &'static str,
        header: &Header,
        required: &[&'static str],
        optional: &[&'static str],
        errors: &mut Errors,
    ) -> Option<Self> {
        let mut cols = HashMap::new();
        let mut missing = Vec::new();
        for &col in required {
            match header.col(col) {
                Some(c) => {
                    cols.insert(col, c);
                }
                None => missing.push(col),
            }
        }
        for &col in optional {
            if let Some(c) = header.col(col) {
                cols.insert(col, c);
            }
        }
        if !missing.is_empty() {
            errors.at(
                name,
                header.cell(),
                format!("工作表「{name}」缺少列：{}", missing.join("、")),
            );
            return None;
        }
        Some(Self {
            header_row: header.row,
            cols,
        })
    }

    /// The trimmed text of a column in a row (`""` when the column is absent).
    fn text(&self, row: &RawRow, col: &str) -> String {
        self.cols
            .get(col)
            .map(|&c| row.get(c).trim().to_string())
            .unwrap_or_default()
    }

    fn cell(&self, row: &RawRow, col: &str) -> CellRef {
        CellRef::new(row.row, self.cols.get(col).copied().unwrap_or(0))
    }
}

/// What one sheet's data rows are turned into, a row at a time.
trait SheetRows {
    /// The sheet.
    const SHEET: &'static str;
    /// Required columns; the first one anchors the header search.
    const REQUIRED: &'static [&'static str];
    /// Columns read when present.
    const OPTIONAL: &'static [&'static str];
    /// Takes one non-blank row below the header.
    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors);
}

/// Where a sheet's header search stands while its rows arrive.
enum Feed {
    /// Not found yet, after this many non-blank rows.
    Searching(usize),
    /// Found and checked: later rows are data.
    Found(Table),
    /// Missing sheet, header or columns (already reported): later rows are ignored.
    Failed,
}

/// One sheet being parsed: its header search and its rows' parser.
struct Sheet<P> {
    feed: Feed,
    rows: P,
}

impl<P: SheetRows + Default> Default for Sheet<P> {
    fn default() -> Self {
        Self {
            feed: Feed::Searching(0),
            rows: P::default(),
        }
    }
}

impl<P: SheetRows> Sheet<P> {
    /// Takes the sheet's next row, in sheet order.
    fn push(&mut self, row: &RawRow, errors: &mut Errors) {
        if row.is_blank() {
            return;
        }
        match &mut self.feed {
            Feed::Found(t) => {
                if row.row > t.header_row {
                    self.rows.row(t, row, errors);
                }
            }
            Feed::Searching(seen) => {
                *seen += 1;
                let seen = *seen;
                if let Some(header) = Header::in_row(row, P::REQUIRED[0]) {
                    self.feed = match Table::from_header(
                        P::SHEET,
                        &header,
                        P::REQUIRED,
                        P::OPTIONAL,
                        errors,
                    ) {
                        Some(t) => Feed::Found(t),
                        None => Feed::Failed,
                    };
                } else if seen >= HEADER_SEARCH_ROWS {
                    self.no_header(errors);
                }
            }
            Feed::Failed => {}
        }
    }

    fn no_header(&mut self, errors: &mut Errors) {
        errors.sheet(
            P::SHEET,
            format!(
                "工作表「{}」找不到表头（应包含列：{}）",
                P::SHEET,
                P::REQUIRED.join("、")
            ),
        );
        self.feed = Feed::Failed;
    }

    /// Ends the sheet (`present` is false when the workbook lacks it); reports a missing
    /// sheet or header and says whether the rows were parsed.
    fn end(&mut self, present: bool, errors: &mut Errors) -> bool {
        if !present {
            errors.sheet(P::SHEET, format!("缺少工作表「{}」", P::SHEET));
            self.feed = Feed::Failed;
        } else if matches!(self.feed, Feed::Searching(_)) {
            self.no_header(errors);
        }
        matches!(self.feed, Feed::Found(_))
    }
}

/// The plan check as a state machine: the sheets arrive in [`SheetKind::ALL`] order, each a
/// row at a time, so a province's 指标 sheet is parsed as it is read and never held as text.
pub(crate) struct Parser<'f> {
    errors: Errors<'f>,
    settings: Sheet<SettingsRows>,
    departments: Sheet<DepartmentRows>,
    indicators: Sheet<IndicatorRows>,
    budget: Sheet<BudgetRows>,
    parsed_settings: Option<Settings>,
    /// Which sheets had their rows parsed, in [`SheetKind::ALL`] order.
    found: [bool; 4],
}

impl<'f> Parser<'f> {
    /// A parser whose errors name `file`.
    pub(crate) fn new(file: &'f str) -> Self {
        Self {
            errors: Errors {
                file,
                list: Vec::new(),
            },
            settings: Sheet::default(),
            departments: Sheet::default(),
            indicators: Sheet::default(),
            budget: Sheet::default(),
            parsed_settings: None,
            found: [false; 4],
        }
    }

    /// Takes a sheet's next row.
    pub(crate) fn row(&mut self, kind: SheetKind, row: &RawRow) {
        let errors = &mut self.errors;
        match kind {
            SheetKind::Settings => self.settings.push(row, errors),
            SheetKind::Departments => self.departments.push(row, errors),
            SheetKind::Indicators => self.indicators.push(row, errors),
            SheetKind::Budget => self.budget.push(row, errors),
        }
    }

    /// Ends a sheet; `present` is false when the workbook does not have it.
    pub(crate) fn end(&mut self, kind: SheetKind, present: bool) {
        let errors = &mut self.errors;
        let found = match kind {
            SheetKind::Settings => {
                let found = self.settings.end(present, errors);
                if found {
                    self.parsed_settings = std::mem::take(&mut self.settings.rows).finish(errors);
                }
                found
            }
            SheetKind::Departments => {
                let found = self.departments.end(present, errors);
                if found {
                    self.budget.rows.known = Some(self.departments.rows.finish(errors));
                }
                found
            }
            SheetKind::Indicators => self.indicators.end(present, errors),
            SheetKind::Budget => self.budget.end(present, errors),
        };
        if let Some(i) = SheetKind::ALL.iter().position(|k| *k == kind) {
            self.found[i] = found;
        }
    }

    /// The checked plan, or every error found.
    pub(crate) fn finish(self) -> Result<Plan, PlanErrors> {
        let mut errors = self.errors;
        let [_, has_departments, has_indicators, has_budget] = self.found;
        let departments = has_departments.then_some(self.departments.rows.out);
        let weights = has_indicators.then_some(self.indicators.rows.weights);
        let indicators = has_indicators.then(|| self.indicators.rows.out.into_vec());
        let budget = has_budget.then(|| self.budget.rows.out.into_vec());
        if let (Some(departments), Some(weights)) = (&departments, &weights) {
            check_weights(departments, weights, &mut errors);
        }
        match (self.parsed_settings, departments, indicators, budget) {
            (Some(settings), Some(mut departments), Some(indicators), Some(budget))
                if errors.list.is_empty() =>
            {
                departments.sort_by(|a, b| a.code.cmp(&b.code));
                Ok(Plan::new(
                    errors.file.to_string(),
                    settings,
                    departments,
                    indicators,
                    budget,
                ))
            }
            _ => Err(PlanErrors(errors.list)),
        }
    }
}

/// Checks sheets held in memory and builds a [`Plan`]; `file` is the name used in error
/// locations. Sheets are matched by name; missing ones are reported.
pub fn parse(file: &str, sheets: &[RawSheet]) -> Result<Plan, PlanErrors> {
    let mut parser = Parser::new(file);
    for kind in SheetKind::ALL {
        let sheet = sheets.iter().find(|s| s.name == kind.name());
        for row in sheet.iter().flat_map(|s| &s.rows) {
            parser.row(kind, row);
        }
        parser.end(kind, sheet.is_some());
    }
    parser.finish()
}

/// 方案: each 项目 with its 值 and cell; the first row of a repeated 项目 wins.
#[derive(Default)]
struct SettingsRows {
    values: HashMap<String, (String, CellRef)>,
}

impl SheetRows for SettingsRows {
    const SHEET: &'static str = SHEET_SETTINGS;
    const REQUIRED: &'static [&'static str] =
        &[SettingsCol::Item.header(), SettingsCol::Value.header()];
    const OPTIONAL: &'static [&'static str] = &[];

    fn row(&mut self, t: &Table, row: &RawRow, _: &mut Errors) {
        let key = normalize_text(&t.text(row, SettingsCol::Item.header()));
        self.values.entry(key).or_insert_with(|| {
            (
                t.text(row, SettingsCol::Value.header()),
                t.cell(row, SettingsCol::Value.header()),
            )
        });
    }
}

impl SettingsRows {
    /// The settings, when every value read.
    fn finish(self, errors: &mut Errors) -> Option<Settings> {
        let values = self.values;
        let before = errors.list.len();
        let get = |k: &str| values.get(k).map(|(v, c)| (v.as_str(), *c));

        let year = match get(SettingKey::Year.key()) {
            Some((v, cell)) => match parse_plain_number(v).filter(|y| y.fract().is_zero()) {
                Some(y) if (Decimal::from(2000)..=Decimal::from(2100)).contains(&y) => {
                    y.to_string().parse::<i32>().ok()
                }
                _ => {
                    errors.at(
                        SHEET_SETTINGS,
                        cell,
                        format!("评价年度「{v}」无法识别，应为四位年份，如 2021"),
                    );
                    None
                }
            },
            None => {
                errors.sheet(SHEET_SETTINGS, "缺少「评价年度」一项".into());
                None
            }
        };
        let grades = match get(SettingKey::Grades.key()) {
            Some((v, cell)) if !v.is_empty() => parse_grades(v).unwrap_or_else(|why| {
                errors.at(
                    SHEET_SETTINGS,
                    cell,
                    format!("等级划分「{v}」有误：{why}，应如「优:90,良:80,中:60,差:0」"),
                );
                GradeScale::default()
            }),
            _ => GradeScale::default(),
        };
        let warn_rate = match get(SettingKey::WarnRate.key()) {
            Some((v, cell)) if !v.is_empty() => parse_percent(v).unwrap_or_else(|| {
                errors.at(
                    SHEET_SETTINGS,
                    cell,
                    format!("执行率预警线「{v}」无法识别，应为百分数，如 90%"),
                );
                Decimal::from(90)
            }),
            _ => Decimal::from(90),
        };
        let tolerance = match get(SettingKey::Tolerance.key()) {
            Some((v, cell)) if !v.is_empty() => {
                let n = normalize_text(v);
                let n = n.strip_suffix('分').unwrap_or(&n);
                match parse_plain_number(n).filter(|d| *d >= Decimal::ZERO) {
                    Some(d) => Score(d),
                    None => {
                        errors.at(
                            SHEET_SETTINGS,
                            cell,
                            format!("自评差异容差「{v}」无法识别，应为非负数，如 0.5"),
                        );
                        Score(Decimal::new(5, 1))
                    }
                }
            }
            _ => Score(Decimal::new(5, 1)),
        };
        let deadline = match get(SettingKey::Deadline.key()) {
            Some((v, cell)) if !v.trim().is_empty() => {
                match crate::domain::Date::parse(&normalize_text(v)) {
                    Some(d) => Some(d),
                    None => {
                        errors.at(
                            SHEET_SETTINGS,
                            cell,
                            format!("报送截止日期「{v}」不是日期，应如 2022-05-20"),
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        let resubmit_days = match get(SettingKey::ResubmitDays.key()) {
            Some((v, cell)) if !v.is_empty() => {
                let n = normalize_text(v);
                let n = n.strip_suffix('天').unwrap_or(&n);
                match parse_plain_number(n)
                    .filter(|d| {
                        d.fract().is_zero() && *d >= Decimal::ONE && *d <= Decimal::from(365)
                    })
                    .and_then(|d| d.to_string().parse::<u32>().ok())
                {
                    Some(days) => days,
                    None => {
                        errors.at(
                            SHEET_SETTINGS,
                            cell,
                            format!("退回重报期限「{v}」无法识别，应为 1～365 的天数，如 7"),
                        );
                        7
                    }
                }
            }
            _ => 7,
        };
        let text = |k: &str| get(k).map(|(v, _)| v.to_string()).unwrap_or_default();
        let year = year?;
        let name = match text(SettingKey::Name.key()) {
            n if n.is_empty() => format!("{year}年度部门整体支出绩效自评价"),
            n => n,
        };
        (errors.list.len() == before).then(|| Settings {
            year,
            name,
            organiser: text(SettingKey::Organiser.key()),
            deadline,
            resubmit_days,
            grades,
            warn_rate,
            tolerance,
            note: text(SettingKey::Note.key()),
        })
    }
}

/// Parses `优:90,良:80,中:60,差:0`.
fn parse_grades(v: &str) -> Result<GradeScale, &'static str> {
    let s = normalize_text(v).replace(['，', '、', ';'], ",");
    let mut out: Vec<(String, Decimal)> = Vec::new();
    for item in s.split(',').filter(|x| !x.is_empty()) {
        let (name, min) = item.split_once(':').ok_or("每一档应写成「等级:分数」")?;
        let min = parse_plain_number(min).ok_or("分数不是数值")?;
        if name.is_empty() {
            return Err("等级名称为空");
        }
        if out.last().is_some_and(|(_, prev)| *prev <= min) {
            return Err("分数应从高到低排列");
        }
        out.push((name.to_string(), min));
    }
    match out.last() {
        None => Err("没有任何等级"),
        Some((_, min)) if !min.is_zero() => Err("最低一档应从 0 分起"),
        _ => Ok(GradeScale(out)),
    }
}

/// Reads a percentage in percent units: `90%` → 90, `0.9` → 90, `90` → 90.
pub fn parse_percent(v: &str) -> Option<Decimal> {
    let s = normalize_text(v);
    let (value, rest) = split_number(&s)?;
    let pct = match rest {
        "%" => value,
        "" if value <= Decimal::ONE => value * Decimal::ONE_HUNDRED,
        "" => value,
        _ => return None,
    };
    (pct >= Decimal::ZERO && pct <= Decimal::ONE_HUNDRED).then_some(pct)
}

/// 部门: the departments, and every code the sheet lists (duplicates included), so that
/// budget lines of a department whose row has an error do not cascade into more errors.
#[derive(Default)]
struct DepartmentRows {
    seen: HashMap<DeptCode, u32>,
    out: Vec<Department>,
}

impl SheetRows for DepartmentRows {
    const SHEET: &'static str = SHEET_DEPARTMENTS;
    const REQUIRED: &'static [&'static str] = &[
        DepartmentCol::Code.header(),
        DepartmentCol::Name.header(),
        DepartmentCol::Group.header(),
    ];
    const OPTIONAL: &'static [&'static str] = &[
        DepartmentCol::Contact.header(),
        DepartmentCol::Phone.header(),
        DepartmentCol::Email.header(),
    ];

    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors) {
        const S: &str = SHEET_DEPARTMENTS;
        let code = DeptCode::new(t.text(row, DepartmentCol::Code.header()));
        let name = t.text(row, DepartmentCol::Name.header());
        let group = t.text(row, DepartmentCol::Group.header());
        if code.as_str().is_empty() {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Code.header()),
                "部门编码为空".into(),
            );
            return;
        }
        if let Some(first) = self.seen.get(&code) {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Code.header()),
                format!("部门编码「{code}」重复（第 {} 行已使用）", first + 1),
            );
            return;
        }
        self.seen.insert(code.clone(), row.row);
        if name.is_empty() {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Name.header()),
                format!("部门「{code}」的部门名称为空"),
            );
        }
        if group.is_empty() {
            errors.at(
                S,
                t.cell(row, DepartmentCol::Group.header()),
                format!("部门「{code}」的指标组为空"),
            );
        }
        self.out.push(Department {
            code,
            name,
            group,
            contact: t.text(row, DepartmentCol::Contact.header()),
            phone: t.text(row, DepartmentCol::Phone.header()),
            email: t.text(row, DepartmentCol::Email.header()),
            row: row.row,
        });
    }
}

impl DepartmentRows {
    /// Reports a sheet without departments; gives every code listed.
    fn finish(&mut self, errors: &mut Errors) -> HashSet<DeptCode> {
        if self.out.is_empty() && self.seen.is_empty() {
            errors.sheet(SHEET_DEPARTMENTS, "工作表「部门」没有任何部门".into());
        }
        std::mem::take(&mut self.seen).into_keys().collect()
    }
}

/// A list that grows in fixed blocks and is joined once into an exactly sized `Vec`: a
/// doubling `Vec` of a province's half a million indicators (~300 bytes each) would hold the
/// old and the new buffer together while it grows, twice the plan itself.
struct Blocks<T> {
    full: Vec<Vec<T>>,
    current: Vec<T>,
}

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Self {
            full: Vec::new(),
            current: Vec::new(),
        }
    }
}

impl<T> Blocks<T> {
    const BLOCK: usize = 4096;

    fn push(&mut self, item: T) {
        if self.current.len() == Self::BLOCK {
            let full = std::mem::replace(&mut self.current, Vec::with_capacity(Self::BLOCK));
            self.full.push(full);
        } else if self.current.capacity() == 0 {
            self.current.reserve_exact(Self::BLOCK);
        }
        self.current.push(item);
    }

    /// Every item in order; each block is freed as soon as it is moved.
    fn into_vec(self) -> Vec<T> {
        let len = self.full.len() * Self::BLOCK + self.current.len();
        let mut all = Vec::with_capacity(len);
        for block in self.full {
            all.extend(block);
        }
        all.extend(self.current);
        all
    }
}

/// Each distinct text once: rows that repeat a name share it.
#[derive(Default)]
struct Interner(std::collections::HashSet<Text>);

impl Interner {
    fn get(&mut self, s: String) -> Text {
        if let Some(t) = self.0.get(s.as_str()) {
            return t.clone();
        }
        let t: Text = s.into();
        self.0.insert(t.clone());
        t
    }
}

/// The weight total of each 指标组 over every indicator row whose weight could be read, so
/// that one bad target does not also make every department's weights look wrong.
type GroupWeights = HashMap<Text, Decimal>;

/// 指标: the valid indicators and the weights of every group.
#[derive(Default)]
struct IndicatorRows {
    seen: HashMap<IndicatorCode, u32>,
    texts: Interner,
    out: Blocks<Indicator>,
    weights: GroupWeights,
}

impl SheetRows for IndicatorRows {
    const SHEET: &'static str = SHEET_INDICATORS;
    const REQUIRED: &'static [&'static str] = &[
        IndicatorCol::Code.header(),
        IndicatorCol::Group.header(),
        IndicatorCol::Level1.header(),
        IndicatorCol::Level2.header(),
        IndicatorCol::Level3.header(),
        IndicatorCol::Target.header(),
        IndicatorCol::Weight.header(),
    ];
    const OPTIONAL: &'static [&'static str] = &[
        IndicatorCol::Dimension.header(),
        IndicatorCol::Rule.header(),
        IndicatorCol::Criteria.header(),
        IndicatorCol::Source.header(),
        IndicatorCol::Baseline.header(),
    ];

    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors) {
        const S: &str = SHEET_INDICATORS;
        let code = IndicatorCode::new(t.text(row, IndicatorCol::Code.header()));
        if code.as_str().is_empty() {
            errors.at(
                S,
                t.cell(row, IndicatorCol::Code.header()),
                "指标编码为空".into(),
            );
            return;
        }
        if let Some(first) = self.seen.get(&code) {
            errors.at(
                S,
                t.cell(row, IndicatorCol::Code.header()),
                format!("指标编码「{code}」重复（第 {} 行已使用）", first + 1),
            );
            return;
        }
        self.seen.insert(code.clone(), row.row);
        let mut ok = true;
        let mut need = |col: &str, errors: &mut Errors| {
            let v = t.text(row, col);
            if v.is_empty() {
                errors.at(S, t.cell(row, col), format!("指标「{code}」的{col}为空"));
                ok = false;
            }
            v
        };
        let group = need(IndicatorCol::Group.header(), errors);
        let level1 = need(IndicatorCol::Level1.header(), errors);
        let level2 = need(IndicatorCol::Level2.header(), errors);
        let level3 = need(IndicatorCol::Level3.header(), errors);
        let target_text = t.text(row, IndicatorCol::Target.header());
        let target = match parse_target(&target_text) {
            Ok(target) => Some(target),
            Err(e) => {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::Target.header()),
                    format!("指标「{code}」{e}"),
                );
                None
            }
        };
        let weight_text = t.text(row, IndicatorCol::Weight.header());
        let weight = match parse_plain_number(&weight_text) {
            Some(w) if w > Decimal::ZERO => Some(Score(w)),
            _ => {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::Weight.header()),
                    format!("指标「{code}」的权重「{weight_text}」无效，应为大于 0 的数值"),
                );
                None
            }
        };
        let group = self.texts.get(group);
        if let Some(w) = weight
            && !group.is_empty()
        {
            *self.weights.entry(group.clone()).or_default() += w.value();
        }
        let rule_text = t.text(row, IndicatorCol::Rule.header());
        let rule = match (&target, rule_text.is_empty()) {
            (Some(target), true) => Some(infer_rule(target)),
            (_, false) => match parse_rule(&rule_text) {
                Ok(rule) => Some(rule),
                Err(e) => {
                    errors.at(
                        S,
                        t.cell(row, IndicatorCol::Rule.header()),
                        format!("指标「{code}」{e}"),
                    );
                    None
                }
            },
            (None, true) => None,
        };
        if let (Some(rule), Some(target)) = (&rule, &target)
            && let Err(e) = check_compatible(rule, target, &target_text)
        {
            errors.at(
                S,
                t.cell(row, IndicatorCol::Rule.header()),
                format!("指标「{code}」{e}"),
            );
        }
        let baseline_text = t.text(row, IndicatorCol::Baseline.header());
        let baseline = if baseline_text.is_empty() {
            None
        } else {
            let b = parse_plain_number(&baseline_text);
            if b.is_none() {
                errors.at(
                    S,
                    t.cell(row, IndicatorCol::Baseline.header()),
                    format!("指标「{code}」的基准值「{baseline_text}」不是数值"),
                );
            }
            b
        };
        let (Some(target), Some(weight), Some(rule), true) = (target, weight, rule, ok) else {
            return;
        };
        let dimension = match t.text(row, IndicatorCol::Dimension.header()) {
            d if d.is_empty() => level1.clone(),
            d => d,
        };
        let texts = &mut self.texts;
        self.out.push(Indicator {
            code,
            group,
            dimension: texts.get(dimension),
            level1: texts.get(level1),
            level2: texts.get(level2),
            level3: texts.get(level3),
            target_text: texts.get(target_text),
            target,
            weight,
            rule_text: texts.get(rule_text),
            rule,
            criteria: texts.get(t.text(row, IndicatorCol::Criteria.header())),
            target_source: texts.get(t.text(row, IndicatorCol::Source.header())),
            baseline,
            row: row.row,
        });
    }
}

/// 预算: the valid budget lines; `known` is every code of the 部门 sheet, when it was read.
#[derive(Default)]
struct BudgetRows {
    known: Option<HashSet<DeptCode>>,
    out: Blocks<BudgetLine>,
}

impl SheetRows for BudgetRows {
    const SHEET: &'static str = SHEET_BUDGET;
    const REQUIRED: &'static [&'static str] = &[
        BudgetCol::Dept.header(),
        BudgetCol::Name.header(),
        BudgetCol::Kind.header(),
        BudgetCol::Initial.header(),
        BudgetCol::Adjusted.header(),
    ];
    const OPTIONAL: &'static [&'static str] = &[BudgetCol::Nature.header()];

    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors) {
        const S: &str = SHEET_BUDGET;
        let dept = DeptCode::new(t.text(row, BudgetCol::Dept.header()));
        let name = t.text(row, BudgetCol::Name.header());
        let mut ok = true;
        if let Some(known) = &self.known
            && !known.contains(&dept)
        {
            let hint = match same_but_zeros(&dept, known.iter()) {
                Some(k) => format!(
                    "；「部门」工作表中有「{k}」，只差前导零（单元格为数字格式时 Excel 会去掉前导零），请把该列设为文本格式后填写「{k}」"
                ),
                None => String::new(),
            };
            errors.at(
                S,
                t.cell(row, BudgetCol::Dept.header()),
                format!("部门编码「{dept}」不在「部门」工作表中{hint}"),
            );
            ok = false;
        }
        if name.is_empty() {
            errors.at(
                S,
                t.cell(row, BudgetCol::Name.header()),
                "项目名称为空".into(),
            );
            ok = false;
        }
        let kind_text = t.text(row, BudgetCol::Kind.header());
        let kind = ExpenseKind::parse(&kind_text);
        if kind.is_none() {
            errors.at(
                S,
                t.cell(row, BudgetCol::Kind.header()),
                format!("支出类型「{kind_text}」无法识别，应为「基本支出」或「项目支出」"),
            );
        }
        let money = |col: &str, errors: &mut Errors| -> Option<Money> {
            let v = t.text(row, col);
            match parse_plain_number(&v) {
                Some(d) if d >= Decimal::ZERO => Some(Money(d)),
                Some(_) => {
                    errors.at(S, t.cell(row, col), format!("{col}「{v}」为负数"));
                    None
                }
                None => {
                    errors.at(
                        S,
                        t.cell(row, col),
                        format!("{col}「{v}」不是数值（单位：万元）"),
                    );
                    None
                }
            }
        };
        let initial = money(BudgetCol::Initial.header(), errors);
        let adjusted = if t.text(row, BudgetCol::Adjusted.header()).is_empty() {
            initial
        } else {
            money(BudgetCol::Adjusted.header(), errors)
        };
        if let (Some(kind), Some(initial), Some(adjusted), true) = (kind, initial, adjusted, ok) {
            self.out.push(BudgetLine {
                dept,
                name,
                nature: t.text(row, BudgetCol::Nature.header()),
                kind,
                initial,
                adjusted,
                row: row.row,
            });
        }
    }
}

/// A code among `known` that equals `code` once leading zeros are ignored (`1` and `001`):
/// Excel drops leading zeros from a code typed into a number cell.
pub fn same_but_zeros<'a>(
    code: &DeptCode,
    known: impl IntoIterator<Item = &'a DeptCode>,
) -> Option<&'a DeptCode> {
    fn bare(c: &str) -> Option<&str> {
        c.chars()
            .all(|ch| ch.is_ascii_digit())
            .then(|| c.trim_start_matches('0'))
            .filter(|s| !s.is_empty())
    }
    let mine = bare(code.as_str())?;
    known
        .into_iter()
        .find(|k| k.as_str() != code.as_str() && bare(k.as_str()) == Some(mine))
}

fn check_weights(departments: &[Department], sums: &GroupWeights, errors: &mut Errors) {
    let common = sums.get(COMMON_GROUP).copied().unwrap_or_default();
    for dept in departments.iter().filter(|d| !d.group.is_empty()) {
        let own = sums.get(dept.group.as_str()).copied();
        if own.is_none() && dept.group != COMMON_GROUP {
            errors.at(
                SHEET_DEPARTMENTS,
                CellRef::new(dept.row, 0),
                format!(
                    "部门「{}」（{}）的指标组「{}」在「指标」工作表中没有任何指标",
                    dept.name, dept.code, dept.group
                ),
            );
            continue;
        }
        let sum = if dept.group == COMMON_GROUP {
            common
        } else {
            common + own.unwrap_or_default()
        };
        if sum != Decimal::ONE_HUNDRED {
            errors.at(
                SHEET_DEPARTMENTS,
                CellRef::new(dept.row, 0),
                format!(
                    "部门「{}」（{}）的指标权重合计为 {}，应为 100（共性指标 + 指标组「{}」）",
                    dept.name,
                    dept.code,
                    sum.normalize(),
                    dept.group
                ),
            );
        }
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
