//! The plan parser: the four sheets as text rows → a checked [`Plan`] or every
//! [`PlanError`] at once. [`Parser`] is a state machine over the sheets, fed row by row (as
//! [`super::read`] streams them) or whole ([`parse`]).

use super::model::*;
use super::rule::{check_rule, infer_rule, parse_rule, unit_for_zero};
use super::target::Target;
use super::target::parse_target;

use crate::domain::{CellRef, DeptCode, IndicatorCode, Location, Money, Score};
use crate::sheet::{HEADER_SEARCH_ROWS, Header, RawRow, RawSheet};
use crate::text::{normalize_text, parse_plain_number, split_number};
use foldhash::{HashMap, HashMapExt, HashSet};
use rust_decimal::Decimal;
use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

use crate::layout::plan::{
    BudgetCol, DepartmentCol, IndicatorCol, SHEET_BUDGET, SHEET_DEPARTMENTS, SHEET_INDICATORS,
    SHEET_SETTINGS, SettingKey, SettingsCol,
};

mod budget;
mod departments;
mod indicators;
mod settings;

use budget::*;
pub use departments::same_but_zeros;
use departments::*;
use indicators::*;
pub use settings::parse_percent;
use settings::*;

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
#[path = "../tests.rs"]
mod tests;
