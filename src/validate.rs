//! Validation: an identified return's sheets + the plan → typed [`Inputs`] and findings.
//!
//! Sheets are found by name, columns by header text, indicator rows by 指标编码 and budget
//! rows by 项目名称, so inserted columns, reordered or blank rows and resaves read the same.
//! The plan, not the return, is the source of weights, targets and budgets: a locked cell that
//! differs is a 警告 showing both values, and the plan's value is used. Nothing that cannot be
//! read becomes a silent zero: it is a finding naming the cell and the form expected.

use crate::collect::ReadReturn;
use crate::collect::identify::{lookup, normalize_date};
use crate::domain::{CellRef, Code, Date, Finding, Location, Money, fmt_plain, fmt2};
use crate::layout::template::{
    BUDGET_TOTAL_LABELS, BudgetCol, IndicatorCol, InfoItem, SHEET_BUDGET, SHEET_INDICATORS,
    SHEET_INFO, TOTAL_LABEL,
};
use crate::plan::{BudgetLine, Department, ExpenseKind, Indicator, Plan, Settings};
use crate::sheet::{Header, RawRow, RawSheet};
use crate::text::{Value, normalize_text, parse_value};
use rust_decimal::Decimal;

/// What a department reported, typed, with the cells it came from.
#[derive(Debug, Clone)]
pub struct Inputs<'p> {
    /// The department.
    pub dept: &'p Department,
    /// The file as users see it.
    pub file: String,
    /// The file's modification time (报送时间 when 填报日期 is missing).
    pub modified: Option<std::time::SystemTime>,
    /// The message it came with, when it came by mail.
    pub mail: Option<crate::collect::mail::MailInfo>,
    /// 基本信息.
    pub info: Info,
    /// One entry per plan indicator, in plan order.
    pub indicators: Vec<IndicatorInput<'p>>,
    /// Plan budget lines (in template order) followed by projects added by the department.
    pub budget: Vec<BudgetInput<'p>>,
    /// Totals of the budget sheet.
    pub budget_summary: BudgetSummary,
    /// Days after 报送截止日期 the return was sent (mail Date, else 填报日期), when late.
    pub late_days: Option<i64>,
    /// Findings so far (identification and validation).
    pub findings: Vec<Finding>,
}

impl Inputs<'_> {
    /// Whether every budget line's 执行数 was read: only then is the 执行率 a fact.
    pub fn spent_read(&self) -> bool {
        self.budget.iter().all(|l| l.spent.is_some())
    }

    /// 执行率 in percent, only when every 执行数 was read.
    pub fn execution_rate(&self) -> Option<Decimal> {
        self.spent_read()
            .then(|| self.budget_summary.rate())
            .flatten()
    }
}

/// 基本信息 as reported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    /// 填报人.
    pub filler: String,
    /// 联系电话.
    pub phone: String,
    /// 填报日期, when readable.
    pub filled: Option<Date>,
    /// 填报日期 as typed.
    pub filled_text: String,
    /// 编制人数.
    pub staff_quota: String,
    /// 实有人数.
    pub staff_actual: String,
}

/// One indicator as reported.
#[derive(Debug, Clone)]
pub struct IndicatorInput<'p> {
    /// The plan's indicator (weights, targets and rules come from here).
    pub indicator: &'p Indicator,
    /// Where the row is; `None` when the row is missing.
    pub row: Option<u32>,
    /// 实际完成值 as typed.
    pub actual: String,
    /// 自评得分, when readable.
    pub self_score: Option<Decimal>,
    /// 偏差原因及改进措施; emptied by [`crate::evaluate::evaluate()`] once it is checked (no
    /// output shows it).
    pub reason: String,
    /// 佐证材料; emptied like `reason`.
    pub evidence: String,
    /// The bureau changed this indicator's weight after the template was issued: the
    /// 自评得分 was given against the old weight, and is not held against the department.
    pub weight_changed: bool,
    /// Cells of 实际完成值, 自评得分 and 偏差原因 (for findings).
    pub cells: InputCells,
}

/// Cells of one indicator's inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InputCells {
    /// 实际完成值.
    pub actual: Option<CellRef>,
    /// 自评得分.
    pub self_score: Option<CellRef>,
    /// 偏差原因及改进措施.
    pub reason: Option<CellRef>,
}

/// One budget line as reported.
#[derive(Debug, Clone)]
pub struct BudgetInput<'p> {
    /// The plan line, `None` for a project added by the department.
    pub plan: Option<&'p BudgetLine>,
    /// 项目名称.
    pub name: String,
    /// 项目性质.
    pub nature: String,
    /// 支出类型.
    pub kind: ExpenseKind,
    /// 年初预算 (the plan's for plan lines, 0 for added projects).
    pub initial: Money,
    /// 调整后预算 (the plan's for plan lines).
    pub adjusted: Money,
    /// 执行数, when readable.
    pub spent: Option<Money>,
    /// 备注.
    pub note: String,
    /// Sheet row, `None` when the plan line's row is missing.
    pub row: Option<u32>,
}

impl BudgetInput<'_> {
    /// 执行率 in percent, when the budget is positive and 执行数 known.
    pub fn rate(&self) -> Option<Decimal> {
        rate(self.spent?, self.adjusted)
    }
}

/// 执行数 / 调整后预算 × 100.
pub fn rate(spent: Money, adjusted: Money) -> Option<Decimal> {
    (adjusted.value() > Decimal::ZERO)
        .then(|| spent.value() / adjusted.value() * Decimal::ONE_HUNDRED)
}

/// Budget totals of one department.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BudgetSummary {
    /// 年初预算.
    pub initial: Money,
    /// 调整后预算.
    pub adjusted: Money,
    /// 执行数 (unreadable or missing lines count 0).
    pub spent: Money,
    /// 基本支出: initial, adjusted, spent.
    pub basic: [Money; 3],
    /// 项目支出: initial, adjusted, spent.
    pub project: [Money; 3],
}

impl BudgetSummary {
    /// Adds up lines.
    pub fn of(lines: &[BudgetInput<'_>]) -> Self {
        let mut s = Self::default();
        for l in lines {
            let spent = l.spent.unwrap_or(Money::ZERO);
            let part = match l.kind {
                ExpenseKind::Basic => &mut s.basic,
                ExpenseKind::Project => &mut s.project,
            };
            part[0] = part[0] + l.initial;
            part[1] = part[1] + l.adjusted;
            part[2] = part[2] + spent;
            s.initial = s.initial + l.initial;
            s.adjusted = s.adjusted + l.adjusted;
            s.spent = s.spent + spent;
        }
        s
    }

    /// 执行率 in percent.
    pub fn rate(&self) -> Option<Decimal> {
        rate(self.spent, self.adjusted)
    }
}

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
pub fn validate<'p>(plan: &'p Plan, dept: &'p Department, read: &ReadReturn) -> Inputs<'p> {
    let file = read.source.display.as_str();
    let empty = Default::default();
    let sheets = read.sheets.as_ref().unwrap_or(&empty);
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
    let indicators = read_indicators(&mut ctx, plan, dept, sheets.get(SHEET_INDICATORS));
    let (budget, total_row) = read_budget(&mut ctx, plan, dept, sheets.get(SHEET_BUDGET));
    let budget_summary = BudgetSummary::of(&budget);
    let late_days = check_deadline(&mut ctx, &plan.settings, read, &info);
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
        info,
        indicators,
        budget,
        budget_summary,
        late_days,
        findings: ctx.findings,
    }
}

/// A return sent after 报送截止日期 (by the message's Date, else 填报日期) is 逾期: a 警告 and
/// the number of days.
fn check_deadline(
    ctx: &mut Ctx,
    settings: &Settings,
    read: &ReadReturn,
    info: &Info,
) -> Option<i64> {
    let deadline = settings.deadline?;
    let (sent, source) = match read.source.mail.as_ref().and_then(|m| m.date) {
        Some(secs) => (Date::of_unix_beijing(secs), "邮件发送日期"),
        None => (info.filled?, InfoItem::Filled.label()),
    };
    let days = sent.days() - deadline.days();
    if days <= 0 {
        return None;
    }
    let loc = match (source, &read.sheets) {
        (src, Some(sheets)) if src == InfoItem::Filled.label() => sheets
            .get(SHEET_INFO)
            .and_then(|s| lookup(s, InfoItem::Filled.label()))
            .map(|(_, c)| ctx.at(SHEET_INFO, c))
            .unwrap_or_else(|| Location::file(ctx.file)),
        _ => Location::file(ctx.file),
    };
    ctx.push(
        Code::Late,
        loc,
        format!("逾期报送：{source} {sent} 晚于报送截止日期 {deadline}，逾期 {days} 天"),
        "已按时受理计分；逾期情况在汇总表中注明",
    );
    Some(days)
}

/// One 提示 for a template issued under an earlier version of the plan, naming the cells
/// that differ: the bureau changed the plan, the department did nothing wrong.
fn report_plan_change(ctx: &mut Ctx) {
    let cells = if ctx.plan_changes.is_empty() {
        "模板中的锁定单元格与现行方案相同（修改的是计分方式、基准值等模板中不显示的内容）"
            .to_string()
    } else {
        format!(
            "与现行方案不同的单元格：{}",
            std::mem::take(&mut ctx.plan_changes).join("；")
        )
    };
    let loc = Location::sheet(ctx.file, crate::template::SHEET_META);
    ctx.push(
        Code::PlanChangedAfterIssue,
        loc,
        format!("（供财政局核对）本模板下发后评价方案有修改，已按现行方案计分。{cells}"),
        "部门无需处理；如需部门按新方案填报，请重新下发模板",
    );
}

/// A locked cell that differs from the plan: the bureau's change when the template was issued
/// under an earlier plan and the cell still holds the issued value (or the template does not
/// carry the issued values), else the department's edit (L01).
fn locked_differs(ctx: &mut Ctx, key: &str, index: usize, got: &str) -> bool {
    let Some(issued) = &ctx.older_plan else {
        return false;
    };
    match issued.get(key).and_then(|v| v.get(index)) {
        Some(v) => *v == normalize_text(got),
        None => issued.is_empty(),
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

fn read_info(ctx: &mut Ctx, settings: &Settings, sheet: Option<&RawSheet>) -> Info {
    let Some(sheet) = sheet else {
        missing_sheet(ctx, SHEET_INFO);
        return Info::default();
    };
    let get = |ctx: &mut Ctx, key: &str, required: bool| -> String {
        match lookup(sheet, key) {
            Some((v, cell)) => {
                if v.is_empty() && required {
                    ctx.push(
                        Code::InfoEmpty,
                        ctx.at(SHEET_INFO, cell),
                        format!("基本信息「{key}」未填写"),
                        format!("请在「基本信息」中填写{key}"),
                    );
                }
                v
            }
            None => String::new(),
        }
    };
    let filler = get(ctx, InfoItem::Filler.label(), true);
    let phone = get(ctx, InfoItem::Phone.label(), true);
    let filled_text = get(ctx, InfoItem::Filled.label(), true);
    let mut filled = None;
    if !filled_text.is_empty() {
        let cell = lookup(sheet, InfoItem::Filled.label())
            .map(|(_, c)| c)
            .unwrap_or_default();
        match normalize_date(&filled_text) {
            Some(d) => {
                filled = Some(d);
                let year_end = Date::new(settings.year, 12, 31);
                if year_end.is_some_and(|end| d < end) {
                    ctx.push(
                        Code::FilledBeforeYearEnd,
                        ctx.at(SHEET_INFO, cell),
                        format!(
                            "填报日期 {d} 早于评价年度 {} 年结束（{}-12-31），自评应在年度结束后进行",
                            settings.year, settings.year
                        ),
                        format!("请核对填报日期，如 {}", settings.example_date()),
                    );
                }
            }
            None => ctx.push(
                Code::InfoEmpty,
                ctx.at(SHEET_INFO, cell),
                format!("填报日期「{filled_text}」无法识别"),
                format!("请填写日期，如 {}", settings.example_date()),
            ),
        }
    }
    Info {
        filler,
        phone,
        filled,
        filled_text,
        staff_quota: get(ctx, InfoItem::StaffQuota.label(), false),
        staff_actual: get(ctx, InfoItem::StaffActual.label(), false),
    }
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

fn read_indicators<'p>(
    ctx: &mut Ctx,
    plan: &'p Plan,
    dept: &'p Department,
    sheet: Option<&RawSheet>,
) -> Vec<IndicatorInput<'p>> {
    let plan_inds = plan.indicators_for(dept);
    let blank = |indicator: &'p Indicator| IndicatorInput {
        indicator,
        row: None,
        actual: String::new(),
        self_score: None,
        reason: String::new(),
        evidence: String::new(),
        weight_changed: false,
        cells: InputCells::default(),
    };
    let Some(sheet) = sheet else {
        missing_sheet(ctx, SHEET_INDICATORS);
        return plan_inds.into_iter().map(blank).collect();
    };
    let Some(header) = sheet.header(IndicatorCol::Code.header()) else {
        ctx.push(
            Code::MissingColumn,
            Location::sheet(ctx.file, SHEET_INDICATORS),
            "工作表「绩效指标」找不到表头（应有「指标编码」「实际完成值」等列）",
            "请使用财政局下发的模板，不要删除或修改表头",
        );
        return plan_inds.into_iter().map(blank).collect();
    };
    if missing_columns(
        ctx,
        SHEET_INDICATORS,
        &header,
        &[
            IndicatorCol::Code.header(),
            IndicatorCol::Actual.header(),
            IndicatorCol::SelfScore.header(),
        ],
    ) {
        return plan_inds.into_iter().map(blank).collect();
    }
    let cols = Cols { header: &header };
    // 指标编码 → first row; duplicates and unknown codes are reported.
    let mut rows: std::collections::HashMap<String, &RawRow> = std::collections::HashMap::new();
    for row in sheet.rows.iter().filter(|r| r.row > header.row) {
        let code = normalize_text(cols.text(row, IndicatorCol::Code.header()));
        if code.is_empty() || code == TOTAL_LABEL {
            continue;
        }
        let cell = cols
            .cell(row, IndicatorCol::Code.header())
            .unwrap_or(CellRef::new(row.row, 0));
        if !plan_inds.iter().any(|i| i.code.as_str() == code) {
            ctx.push(
                Code::ExtraIndicator,
                ctx.at(SHEET_INDICATORS, cell),
                format!("指标编码「{code}」不在本部门的评价方案中，该行未计分"),
                "请不要在模板中增加指标行",
            );
            continue;
        }
        if rows.contains_key(&code) {
            ctx.push(
                Code::DuplicateIndicator,
                ctx.at(SHEET_INDICATORS, cell),
                format!("指标「{code}」重复出现，只采用第一次出现的行"),
                "请删除重复的行",
            );
            continue;
        }
        rows.insert(code, row);
    }
    let mut out = Vec::with_capacity(plan_inds.len());
    for ind in plan_inds {
        let Some(row) = rows.get(ind.code.as_str()).copied() else {
            ctx.push(
                Code::MissingIndicator,
                Location::sheet(ctx.file, SHEET_INDICATORS),
                format!("缺少指标「{}」（{}）所在行", ind.code, ind.level3),
                "请使用财政局下发的模板，不要删除指标行",
            );
            out.push(blank(ind));
            continue;
        };
        let weight_changed = check_locked_indicator(ctx, &cols, row, ind);
        let self_cell = cols.cell(row, IndicatorCol::SelfScore.header());
        let self_text = cols.text(row, IndicatorCol::SelfScore.header());
        let self_score = read_self_score(ctx, ind, self_text, self_cell, weight_changed);
        out.push(IndicatorInput {
            indicator: ind,
            row: Some(row.row),
            actual: cols.text(row, IndicatorCol::Actual.header()).to_string(),
            self_score,
            reason: cols.text(row, IndicatorCol::Reason.header()).to_string(),
            evidence: cols.text(row, IndicatorCol::Evidence.header()).to_string(),
            weight_changed,
            cells: InputCells {
                actual: cols.cell(row, IndicatorCol::Actual.header()),
                self_score: self_cell,
                reason: cols.cell(row, IndicatorCol::Reason.header()),
            },
        });
    }
    out
}

/// Compares an indicator row's locked cells with the plan; gives whether the weight differs
/// because the plan changed after issue.
fn check_locked_indicator(ctx: &mut Ctx, cols: &Cols, row: &RawRow, ind: &Indicator) -> bool {
    let key = format!("{}{}", crate::template::ISSUED_INDICATOR, ind.code);
    let mut weight_changed = false;
    let mut differ = |col: &str, plan_value: &str, same: bool| {
        if let Some(cell) = cols.cell(row, col)
            && !same
        {
            let got = cols.text(row, col);
            // The order of the issued values in `_meta`: 三级指标, 目标值, 权重.
            let index = [IndicatorCol::Level3, IndicatorCol::Target]
                .iter()
                .position(|c| c.header() == col)
                .unwrap_or(2);
            if locked_differs(ctx, &key, index, got) {
                ctx.plan_changes.push(format!(
                    "{}!{cell} 指标「{}」{col}：下发时「{got}」，现为「{plan_value}」",
                    SHEET_INDICATORS, ind.code
                ));
                weight_changed |= index == 2;
                return;
            }
            ctx.push(
                Code::LockedCellChanged,
                ctx.at(SHEET_INDICATORS, cell),
                format!(
                    "指标「{}」的{col}被修改：方案为「{plan_value}」，报送为「{got}」；按方案计分",
                    ind.code
                ),
                "锁定单元格以财政局方案为准，请不要修改",
            );
        }
    };
    if cols.col(IndicatorCol::Level3.header()).is_some() {
        let got = normalize_text(cols.text(row, IndicatorCol::Level3.header()));
        differ(
            IndicatorCol::Level3.header(),
            &ind.level3,
            got == normalize_text(&ind.level3),
        );
    }
    if cols.col(IndicatorCol::Target.header()).is_some() {
        let got = normalize_text(cols.text(row, IndicatorCol::Target.header()));
        differ(
            IndicatorCol::Target.header(),
            &ind.target_text,
            got == normalize_text(&ind.target_text),
        );
    }
    if cols.col(IndicatorCol::Weight.header()).is_some() {
        let same = match parse_value(cols.text(row, IndicatorCol::Weight.header())) {
            Value::Number {
                value,
                unit,
                percent: false,
            } if unit.is_empty() => value == ind.weight.value(),
            _ => false,
        };
        differ(
            IndicatorCol::Weight.header(),
            &fmt_plain(ind.weight.value()),
            same,
        );
    }
    weight_changed
}

fn read_self_score(
    ctx: &mut Ctx,
    ind: &Indicator,
    text: &str,
    cell: Option<CellRef>,
    weight_changed: bool,
) -> Option<Decimal> {
    let loc = ctx.at(SHEET_INDICATORS, cell.unwrap_or_default());
    let w = ind.weight.value();
    if text.is_empty() {
        ctx.push(
            Code::SelfScoreEmpty,
            loc,
            format!("指标「{}」（{}）未填写自评得分", ind.code, ind.level3),
            format!("请按评分标准自评，填写 0～{} 分", fmt_plain(w)),
        );
        return None;
    }
    let n = normalize_text(text);
    let value = match parse_value(n.strip_suffix('分').unwrap_or(&n)) {
        Value::Number {
            value,
            unit,
            percent: false,
        } if unit.is_empty() => value,
        _ => {
            ctx.push(
                Code::SelfScoreUnreadable,
                loc,
                format!("指标「{}」的自评得分「{text}」不是数值", ind.code),
                format!("请填写 0～{} 之间的阿拉伯数字", fmt_plain(w)),
            );
            return None;
        }
    };
    if value < Decimal::ZERO {
        ctx.push(
            Code::ValueOutOfRange,
            loc,
            format!("指标「{}」的自评得分 {} 为负数", ind.code, fmt_plain(value)),
            format!("请填写 0～{} 之间的分数", fmt_plain(w)),
        );
        return None;
    }
    if value > w && weight_changed {
        // Given against the weight as issued; the bureau lowered it since.
        return Some(value);
    }
    if value > w {
        ctx.push(
            Code::SelfScoreAboveWeight,
            loc,
            format!(
                "指标「{}」（{}）的自评得分 {} 超过权重 {}",
                ind.code,
                ind.level3,
                fmt_plain(value),
                fmt_plain(w)
            ),
            format!(
                "自评得分不能超过该指标的权重，请填写 0～{} 分",
                fmt_plain(w)
            ),
        );
    }
    Some(value)
}

/// Reads money in 万元: `62.69`, `62.69万元`, `1,234.5`. `Err` carries nothing: the caller
/// reports the cell.
fn read_money(text: &str) -> Result<Option<Decimal>, ()> {
    match parse_value(text) {
        Value::Empty => Ok(None),
        Value::Number {
            value,
            unit,
            percent: false,
        } if unit.is_empty() || unit == "万元" || unit == "万" => Ok(Some(value)),
        _ => Err(()),
    }
}

fn read_budget<'p>(
    ctx: &mut Ctx,
    plan: &'p Plan,
    dept: &'p Department,
    sheet: Option<&RawSheet>,
) -> (Vec<BudgetInput<'p>>, Option<u32>) {
    let plan_lines = crate::template::ordered_budget(plan, dept);
    let missing_line = |b: &'p BudgetLine| BudgetInput {
        plan: Some(b),
        name: b.name.clone(),
        nature: b.nature.clone(),
        kind: b.kind,
        initial: b.initial,
        adjusted: b.adjusted,
        spent: None,
        note: String::new(),
        row: None,
    };
    let Some(sheet) = sheet else {
        missing_sheet(ctx, SHEET_BUDGET);
        return (plan_lines.into_iter().map(missing_line).collect(), None);
    };
    let header = match sheet.header(BudgetCol::Name.header()) {
        Some(h)
            if !missing_columns(
                ctx,
                SHEET_BUDGET,
                &h,
                &[BudgetCol::Name.header(), BudgetCol::Spent.header()],
            ) =>
        {
            h
        }
        Some(_) => return (plan_lines.into_iter().map(missing_line).collect(), None),
        None => {
            ctx.push(
                Code::MissingColumn,
                Location::sheet(ctx.file, SHEET_BUDGET),
                "工作表「预算执行」找不到表头（应有「项目名称」「执行数」等列）",
                "请使用财政局下发的模板，不要删除或修改表头",
            );
            return (plan_lines.into_iter().map(missing_line).collect(), None);
        }
    };
    let cols = Cols { header: &header };
    let mut matched: Vec<Option<BudgetInput<'p>>> = vec![None; plan_lines.len()];
    let mut added = Vec::new();
    let mut total_row = None;
    for row in sheet.rows.iter().filter(|r| r.row > header.row) {
        let name = cols.text(row, BudgetCol::Name.header()).to_string();
        let key = normalize_text(&name);
        if BUDGET_TOTAL_LABELS.contains(&key.as_str()) {
            if key == TOTAL_LABEL {
                total_row = Some(row.row);
                break;
            }
            continue;
        }
        let spent_cell = cols
            .cell(row, BudgetCol::Spent.header())
            .unwrap_or_default();
        let spent = read_spent(
            ctx,
            &name,
            cols.text(row, BudgetCol::Spent.header()),
            spent_cell,
        );
        let note = cols.text(row, BudgetCol::Note.header()).to_string();
        if let Some(i) = plan_lines
            .iter()
            .enumerate()
            .position(|(i, b)| matched[i].is_none() && normalize_text(&b.name) == key)
        {
            let b = plan_lines[i];
            check_locked_money(ctx, &cols, row, b);
            matched[i] = Some(BudgetInput {
                plan: Some(b),
                name: b.name.clone(),
                nature: b.nature.clone(),
                kind: b.kind,
                initial: b.initial,
                adjusted: b.adjusted,
                spent,
                note,
                row: Some(row.row),
            });
            continue;
        }
        let adjusted_text = cols.text(row, BudgetCol::Adjusted.header());
        let kind_text = cols.text(row, BudgetCol::Kind.header());
        let nature = cols.text(row, BudgetCol::Nature.header()).to_string();
        let has_data = !adjusted_text.is_empty()
            || !cols.text(row, BudgetCol::Spent.header()).is_empty()
            || !nature.is_empty()
            || !note.is_empty();
        if key.is_empty() {
            if has_data {
                ctx.push(
                    Code::AddedProjectUnnamed,
                    ctx.at(
                        SHEET_BUDGET,
                        cols.cell(row, BudgetCol::Name.header()).unwrap_or_default(),
                    ),
                    format!("第 {} 行填写了金额或说明，但没有项目名称", row.row + 1),
                    "请填写年中追加项目的名称，或清空该行",
                );
            }
            continue;
        }
        let kind = if kind_text.is_empty() {
            ExpenseKind::Project
        } else {
            ExpenseKind::parse(kind_text).unwrap_or_else(|| {
                ctx.push(
                    Code::ValueUnreadable,
                    ctx.at(
                        SHEET_BUDGET,
                        cols.cell(row, BudgetCol::Kind.header()).unwrap_or_default(),
                    ),
                    format!("项目「{name}」的支出类型「{kind_text}」无法识别，按项目支出统计"),
                    "请从下拉列表选择「基本支出」或「项目支出」",
                );
                ExpenseKind::Project
            })
        };
        let adjusted_cell = cols
            .cell(row, BudgetCol::Adjusted.header())
            .unwrap_or_default();
        let adjusted = match read_money(adjusted_text) {
            Ok(Some(v)) if v >= Decimal::ZERO => v,
            Ok(None) => {
                ctx.push(
                    Code::AddedProjectNoBudget,
                    ctx.at(SHEET_BUDGET, adjusted_cell),
                    format!("年中追加项目「{name}」未填写调整后预算，按 0 统计"),
                    "请填写该项目的预算金额（万元）",
                );
                Decimal::ZERO
            }
            _ => {
                ctx.push(
                    Code::ValueUnreadable,
                    ctx.at(SHEET_BUDGET, adjusted_cell),
                    format!("项目「{name}」的调整后预算「{adjusted_text}」不是有效金额，按 0 统计"),
                    "请填写不小于 0 的数字，单位万元",
                );
                Decimal::ZERO
            }
        };
        added.push(BudgetInput {
            plan: None,
            name,
            nature,
            kind,
            initial: Money::ZERO,
            adjusted: Money(adjusted),
            spent,
            note,
            row: Some(row.row),
        });
    }
    let mut out = Vec::with_capacity(plan_lines.len() + added.len());
    for (b, m) in plan_lines.iter().zip(matched) {
        match m {
            Some(input) => out.push(input),
            None => {
                ctx.push(
                    Code::MissingBudgetLine,
                    Location::sheet(ctx.file, SHEET_BUDGET),
                    format!("缺少预算项目「{}」所在行", b.name),
                    "请使用财政局下发的模板，不要删除或修改预算项目行",
                );
                out.push(missing_line(b));
            }
        }
    }
    out.extend(added);
    for line in &out {
        if let (Some(spent), Some(row)) = (line.spent, line.row)
            && spent.value() > line.adjusted.value()
            && (line.plan.is_some() || line.adjusted.value() > Decimal::ZERO)
        {
            ctx.push(
                Code::OverBudget,
                ctx.at(
                    SHEET_BUDGET,
                    CellRef::new(row, header.col(BudgetCol::Spent.header()).unwrap_or(0)),
                ),
                format!(
                    "项目「{}」执行数 {} 万元超过调整后预算 {} 万元",
                    line.name,
                    fmt2(spent.value()),
                    fmt2(line.adjusted.value())
                ),
                "请核实执行数；确有超支的，请在备注中说明原因和资金来源",
            );
        }
    }
    (out, total_row)
}

fn read_spent(ctx: &mut Ctx, name: &str, text: &str, cell: CellRef) -> Option<Money> {
    let label = if name.is_empty() {
        "追加项目".to_string()
    } else {
        format!("项目「{name}」")
    };
    match read_money(text) {
        Ok(Some(v)) if v < Decimal::ZERO => {
            ctx.push(
                Code::SpentNegative,
                ctx.at(SHEET_BUDGET, cell),
                format!("{label}的执行数 {} 为负数", fmt_plain(v)),
                "执行数应为全年实际支出，不小于 0",
            );
            None
        }
        Ok(Some(v)) => Some(Money(v)),
        Ok(None) => {
            if !name.is_empty() {
                ctx.push(
                    Code::SpentMissing,
                    ctx.at(SHEET_BUDGET, cell),
                    format!("{label}未填写执行数"),
                    "请填写全年实际支出（万元）；没有支出请填 0",
                );
            }
            None
        }
        Err(()) => {
            ctx.push(
                Code::SpentUnreadable,
                ctx.at(SHEET_BUDGET, cell),
                format!("{label}的执行数「{text}」不是有效金额"),
                "请填写阿拉伯数字，单位万元，如 62.69",
            );
            None
        }
    }
}

fn check_locked_money(ctx: &mut Ctx, cols: &Cols, row: &RawRow, b: &BudgetLine) {
    let key = format!("{}{}", crate::template::ISSUED_BUDGET, b.name);
    for (index, (col, plan_value)) in [
        (BudgetCol::Initial.header(), b.initial),
        (BudgetCol::Adjusted.header(), b.adjusted),
    ]
    .into_iter()
    .enumerate()
    {
        let Some(cell) = cols.cell(row, col) else {
            continue;
        };
        let got = cols.text(row, col);
        let same = matches!(read_money(got), Ok(Some(v)) if v == plan_value.value());
        let issued_same = ctx.older_plan.as_ref().is_some_and(|issued| {
            match issued.get(&key).and_then(|v| v.get(index)) {
                Some(v) => read_money(v).ok().flatten() == read_money(got).ok().flatten(),
                None => issued.is_empty(),
            }
        });
        if !same && issued_same {
            ctx.plan_changes.push(format!(
                "{SHEET_BUDGET}!{cell} 项目「{}」{col}：下发时 {got}，现为 {}",
                b.name,
                fmt2(plan_value.value())
            ));
            continue;
        }
        if !same {
            ctx.push(
                Code::LockedCellChanged,
                ctx.at(SHEET_BUDGET, cell),
                format!(
                    "项目「{}」的{col}被修改：方案为 {}，报送为「{got}」；按方案统计",
                    b.name,
                    fmt2(plan_value.value())
                ),
                "锁定单元格以财政局方案为准，请不要修改",
            );
        }
    }
}

/// The budget execution rate against the warning line, and against any indicator that
/// reports a 预算执行率.
fn check_rates(
    ctx: &mut Ctx,
    plan: &Plan,
    indicators: &[IndicatorInput<'_>],
    summary: &BudgetSummary,
    total_row: Option<u32>,
    has_sheet: bool,
) {
    let Some(rate) = summary.rate() else { return };
    if !has_sheet {
        return;
    }
    let loc = match total_row {
        Some(r) => ctx.at(SHEET_BUDGET, CellRef::new(r, 7)),
        None => Location::sheet(ctx.file, SHEET_BUDGET),
    };
    if rate < plan.settings.warn_rate {
        ctx.push(
            Code::LowExecution,
            loc,
            format!(
                "预算执行率 {}%，低于预警线 {}%",
                fmt2(rate),
                fmt_plain(plan.settings.warn_rate)
            ),
            "请在相关项目的备注中说明执行偏低的原因",
        );
    }
    for input in indicators
        .iter()
        .filter(|i| i.indicator.level3.contains("预算执行率"))
    {
        let Some(reported) = crate::score::as_percent(input.indicator, &input.actual) else {
            continue;
        };
        let diff = (reported - rate).abs();
        if diff > Decimal::ONE {
            ctx.push(
                Code::RateMismatch,
                ctx.at(SHEET_INDICATORS, input.cells.actual.unwrap_or_default()),
                format!(
                    "指标「{}」填报 {}%，按「预算执行」表计算为 {}%（相差 {} 个百分点）",
                    input.indicator.level3,
                    fmt_plain(reported),
                    fmt2(rate),
                    fmt2(diff)
                ),
                "请核对指标填报值与预算执行表是否一致",
            );
        }
    }
}
