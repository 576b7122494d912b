//! Validation: an identified return's sheets + the plan → typed [`Inputs`] and findings.
//!
//! Sheets are found by name, columns by header text, indicator rows by 指标编码 and budget
//! rows by 项目名称, so inserted columns, reordered or blank rows and resaves read the same.
//! The plan, not the return, is the source of weights, targets and budgets: a locked cell that
//! differs is a 警告 showing both values, and the plan's value is used. Nothing that cannot be
//! read becomes a silent zero: it is a finding naming the cell and the form expected.

use crate::collect::Identified;
use crate::collect::identify::{lookup, normalize_date};
use crate::domain::{CellRef, Code, Date, Finding, Location, Money, fmt_plain, fmt2};
use crate::layout::template::{
    BUDGET_TOTAL_LABELS, BudgetCol, IndicatorCol, InfoItem, PREVIOUS_ACTUAL, SHEET_BUDGET,
    SHEET_INDICATORS, SHEET_INFO, TOTAL_LABEL,
};
use crate::plan::{BudgetLine, Department, ExpenseKind, Indicator, Plan, Settings};
use crate::sheet::{Header, RawRow, RawSheet};
use crate::text::{Value, normalize_text, parse_value};
use rust_decimal::Decimal;

mod budget;
mod checks;
mod indicators;
mod info;
mod inputs;

use budget::*;
use checks::*;
use indicators::*;
use info::*;
pub use inputs::*;

struct Ctx<'a> {
    file: &'a str,
    findings: Vec<Finding>,
    /// The template was issued under an earlier version of the plan; with the locked values
    /// as issued (from `_meta`), when the template carries them.
    older_plan: Option<Issued>,
    /// Cells that differ because the plan changed after issue (reported once, to the bureau).
    plan_changes: Vec<String>,
    /// The visible sheets of the file, for a missing sheet's finding.
    sheet_names: Vec<String>,
}

/// Locked values as issued, by `_meta` key (`指标:GX01` → 三级指标, 目标值, 权重).
type Issued = std::collections::HashMap<String, Vec<String>>;

fn issued_values(meta: Option<&RawSheet>) -> Issued {
    use crate::template::{ISSUED_BUDGET, ISSUED_INDICATOR};
    let mut out = Issued::new();
    for row in meta.map(|m| m.rows.as_slice()).unwrap_or(&[]) {
        let key = row.get(0);
        if key.starts_with(ISSUED_INDICATOR) || key.starts_with(ISSUED_BUDGET) {
            out.insert(
                key.to_string(),
                row.cells().skip(1).map(normalize_text).collect(),
            );
        }
    }
    out
}

impl Ctx<'_> {
    fn at(&self, sheet: &str, cell: CellRef) -> Location {
        Location::cell(self.file, sheet, cell)
    }
    fn push(&mut self, code: Code, loc: Location, msg: impl Into<String>, hint: impl Into<String>) {
        self.findings.push(Finding::new(code, loc, msg, hint));
    }
}

/// Validates an identified return of `dept`.
pub fn validate<'p>(plan: &'p Plan, dept: &'p Department, read: &Identified) -> Inputs<'p> {
    let file = read.source.display.as_str();
    let sheets = &read.sheets;
    let mut ctx = Ctx {
        file,
        findings: read.findings.clone(),
        older_plan: read
            .older_plan
            .then(|| issued_values(sheets.get(crate::template::SHEET_META))),
        plan_changes: Vec::new(),
        sheet_names: sheets
            .names
            .iter()
            .filter(|n| n.as_str() != crate::template::SHEET_META)
            .cloned()
            .collect(),
    };
    let info = read_info(&mut ctx, &plan.settings, sheets.get(SHEET_INFO));
    let (indicators, repeated_previous) =
        read_indicators(&mut ctx, plan, dept, sheets.get(SHEET_INDICATORS));
    let (budget, total_row) = read_budget(&mut ctx, plan, dept, sheets.get(SHEET_BUDGET));
    let budget_summary = BudgetSummary::of(&budget);
    if ctx.older_plan.is_some() {
        report_plan_change(&mut ctx);
    }
    // A rate computed with a 执行数 that could not be read would count it as 0: no finding
    // is derived from it.
    let all_spent_read = budget.iter().all(|l| l.spent.is_some());
    check_rates(
        &mut ctx,
        plan,
        &indicators,
        &budget_summary,
        total_row,
        sheets.get(SHEET_BUDGET).is_some() && all_spent_read,
    );
    Inputs {
        dept,
        file: file.to_string(),
        modified: read.source.modified,
        mail: read.source.mail.clone(),
        digest: read.source.digest.clone(),
        info,
        indicators,
        repeated_previous,
        budget,
        budget_summary,
        findings: ctx.findings,
    }
}

fn missing_sheet(ctx: &mut Ctx, name: &str) {
    let present = if ctx.sheet_names.is_empty() {
        String::new()
    } else {
        format!("（文件中的工作表：{}）", ctx.sheet_names.join("、"))
    };
    ctx.push(
        Code::MissingSheet,
        Location::sheet(ctx.file, name),
        format!("缺少工作表「{name}」{present}"),
        "请使用财政局下发的模板，不要删除或重命名工作表",
    );
}

/// Column lookup for a located header.
struct Cols<'a> {
    header: &'a Header,
}

impl Cols<'_> {
    fn col(&self, name: &str) -> Option<u32> {
        self.header.col(name)
    }
    fn text<'r>(&self, row: &'r RawRow, name: &str) -> &'r str {
        self.col(name).map(|c| row.get(c).trim()).unwrap_or("")
    }
    fn cell(&self, row: &RawRow, name: &str) -> Option<CellRef> {
        self.col(name).map(|c| CellRef::new(row.row, c))
    }
}

fn missing_columns(ctx: &mut Ctx, sheet: &str, header: &Header, required: &[&str]) -> bool {
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| header.col(c).is_none())
        .collect();
    if missing.is_empty() {
        return false;
    }
    ctx.push(
        Code::MissingColumn,
        ctx.at(sheet, header.cell()),
        format!("工作表「{sheet}」缺少列：{}", missing.join("、")),
        "请使用财政局下发的模板，不要删除或修改表头",
    );
    true
}
