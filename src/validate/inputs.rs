//! What a department reported, typed, with the cells it came from: the output of validation
//! and the input of evaluation.

use super::*;

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
    /// The return's content digest.
    pub digest: String,
    /// 基本信息.
    pub info: Info,
    /// One entry per plan indicator, in plan order.
    pub indicators: Vec<IndicatorInput<'p>>,
    /// 上年实际完成值 the return repeats; emptied by evaluation once compared.
    pub repeated_previous: Vec<RepeatedPrevious>,
    /// Plan budget lines (in template order) followed by projects added by the department.
    pub budget: Vec<BudgetInput<'p>>,
    /// Totals of the budget sheet.
    pub budget_summary: BudgetSummary,
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
    /// 主要职责.
    pub duties: String,
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

/// A 上年实际完成值 a return repeats (templates issued with last year's results show it),
/// kept apart from the indicator inputs: few returns have one, and evaluation takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedPrevious {
    /// The indicator's position in [`Inputs::indicators`].
    pub index: usize,
    /// The text in the cell.
    pub text: String,
    /// The cell.
    pub cell: CellRef,
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
