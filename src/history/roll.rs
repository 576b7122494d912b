//! Next year's plan from this year's: the plan's sheets + this year's results → the sheets of
//! the next year's 评价方案.
//!
//! 评价年度 + 1 and 报送截止日期 a year on; departments, indicators, weights and rules kept; a
//! 趋势 indicator's 基准值 filled from this year's actual where the plan can hold it (the
//! indicator belongs to one department only, whose return was accepted); the 预算 sheet keeps every project's name with
//! its amounts blank, so that nothing of this year's budget is taken for next year's by
//! accident (the plan check lists the lines still to fill).

use super::PreviousYear;
use crate::domain::fmt_plain;
use crate::layout::plan::{BudgetCol, IndicatorCol, SHEET_BUDGET, SHEET_INDICATORS};
use crate::plan::{Plan, Rule};
use crate::sheet::RawSheet;
use crate::text::{Value, parse_value};

/// What rolling forward did, for the terminal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rolled {
    /// (指标编码, department, 基准值 taken) for each baseline filled.
    pub baselines: Vec<(String, String, String)>,
    /// 趋势 indicators shared by several departments: no single 基准值 fits them all.
    pub shared_trends: Vec<String>,
    /// Budget lines whose amounts were cleared.
    pub budget_lines: usize,
}

/// Rolls `sheets` (this year's plan, parsed as `plan`) forward to `year`, with this year's
/// results when known.
pub fn roll_forward(
    sheets: &mut [RawSheet],
    plan: &Plan,
    year: i32,
    results: Option<&PreviousYear>,
) -> Rolled {
    crate::plan::roll::move_to_year(sheets, year);
    // Last year's 说明 spoke of last year: it is replaced by what was done, to be rewritten.
    crate::plan::roll::set_setting(
        sheets,
        crate::layout::plan::SettingKey::Note,
        &format!(
            "本方案由 {} 年度的方案生成（jixiao new --from）：评价年度、评价名称、报送截止日期已改为 {year} 年度，基准值留空的趋势指标取上年实际，预算留空待填。请核对后改写本说明。",
            plan.settings.year
        ),
    );
    let mut rolled = Rolled::default();
    if let Some(ind) = sheets.iter_mut().find(|s| s.name == SHEET_INDICATORS) {
        let header = ind.header(IndicatorCol::Code.header());
        let cols = header.as_ref().map(|h| {
            (
                h.col(IndicatorCol::Code.header()),
                h.col(IndicatorCol::Baseline.header()),
            )
        });
        if let (Some(h), Some((Some(code_col), Some(base_col)))) = (header.as_ref(), cols) {
            for row in ind.rows.iter_mut().filter(|r| r.row > h.row) {
                let code = row.get(code_col).trim().to_string();
                let Some(i) = plan.indicators.iter().find(|i| i.code.as_str() == code) else {
                    continue;
                };
                if !matches!(*i.rule, Rule::Trend(_)) {
                    continue;
                }
                let owners: Vec<_> = plan
                    .departments
                    .iter()
                    .filter(|d| plan.indicators_for(d).iter().any(|x| x.code == i.code))
                    .collect();
                let [owner] = owners.as_slice() else {
                    rolled.shared_trends.push(code);
                    continue;
                };
                // Only an accepted return's actual: a return sent back may hold anything.
                let actual = results
                    .and_then(|r| r.dept(&owner.code))
                    .filter(|d| d.total.is_some())
                    .and_then(|d| d.indicators.get(&i.code))
                    .map(|(a, _)| a.clone());
                if let Some(Value::Number { value, .. }) = actual.as_deref().map(parse_value) {
                    row.set(base_col, &fmt_plain(value));
                    rolled
                        .baselines
                        .push((code, owner.name.clone(), fmt_plain(value)));
                }
            }
        }
    }
    if let Some(b) = sheets.iter_mut().find(|s| s.name == SHEET_BUDGET)
        && let Some(h) = b.header(BudgetCol::Dept.header())
    {
        let amounts: Vec<u32> = [BudgetCol::Initial, BudgetCol::Adjusted]
            .iter()
            .filter_map(|c| h.col(c.header()))
            .collect();
        for row in b.rows.iter_mut().filter(|r| r.row > h.row) {
            if row.get(0).trim().is_empty() {
                continue;
            }
            for c in &amounts {
                row.set(*c, "");
            }
            rolled.budget_lines += 1;
        }
    }
    rolled
}
