//! 实际值来源: a return's 预算执行 rows → the execution rate an indicator's actual is taken
//! from, recomputed here whatever the cell's cached formula result says.

use crate::domain::{Code, Finding, Location, Money, fmt_plain, round2};
use crate::plan::{ActualSource, ExpenseKind, Indicator};
use crate::validate::BudgetInput;
use rust_decimal::Decimal;

/// An execution rate computed from the budget rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Computed {
    /// Which rate.
    pub source: ActualSource,
    /// 执行数.
    pub spent: Money,
    /// 调整后预算.
    pub adjusted: Money,
    /// The rate as shown, 2 decimals: `94.54%`.
    pub text: String,
    /// The rate in percent, exact: tiers, targets and comparisons use this, never the
    /// rounded text (94.9999% does not take a ≥95% tier).
    pub rate: Decimal,
}

impl Computed {
    /// `实际值取自预算执行：执行数 3762.89 / 调整后预算 3980.00 = 94.54%` (4 decimals where 2
    /// would hide which side of a boundary the rate lies: `= 94.9999%`).
    pub fn explain(&self) -> String {
        format!(
            "实际值取自预算执行（{}）：执行数 {} / 调整后预算 {} = {}%",
            self.source.label(),
            self.spent,
            self.adjusted,
            crate::domain::fmt_shown(self.rate)
        )
    }

    /// A 提示 when the cell holds a value (a cached result, or something typed over the
    /// formula) that differs from the recomputed rate.
    pub fn mismatch(
        &self,
        ind: &Indicator,
        cell_text: &str,
        name: &str,
        at: Location,
    ) -> Option<Finding> {
        if cell_text.trim().is_empty() {
            return None;
        }
        let cached = crate::score::as_percent(ind, cell_text);
        let close = cached.is_some_and(|c| (c - self.rate).abs() <= Decimal::new(1, 2));
        (!close).then(|| {
            Finding::new(
                Code::ActualComputed,
                at,
                format!(
                    "{name}单元格中为「{}」，按「预算执行」表重新计算为 {}；按重新计算的结果计分",
                    cell_text.trim(),
                    self.text
                ),
                "该单元格由公式自动计算，请不要改写",
            )
        })
    }
}

/// The rate `source` names over `lines`, or why it cannot be computed.
pub(super) fn actual(source: ActualSource, lines: &[BudgetInput<'_>]) -> Result<Computed, String> {
    let chosen: Vec<&BudgetInput<'_>> = lines
        .iter()
        .filter(|l| match source {
            ActualSource::Total => true,
            ActualSource::Basic => l.kind == ExpenseKind::Basic,
            ActualSource::Project => l.kind == ExpenseKind::Project,
        })
        .collect();
    let unread = chosen.iter().filter(|l| l.spent.is_none()).count();
    if unread > 0 {
        return Err(format!("有 {unread} 个项目的执行数未填写或无法识别"));
    }
    let adjusted: Money = chosen.iter().map(|l| l.adjusted).sum();
    let spent: Money = chosen.iter().filter_map(|l| l.spent).sum();
    if adjusted.value() <= Decimal::ZERO {
        return Err(format!("{}的调整后预算为 0", source.label()));
    }
    let rate = spent.value() * Decimal::ONE_HUNDRED / adjusted.value();
    Ok(Computed {
        source,
        spent,
        adjusted,
        text: format!("{}%", fmt_plain(round2(rate))),
        rate,
    })
}

impl Computed {
    /// The exact rate as text the scorer reads (`94.99994%`).
    pub fn exact(&self) -> String {
        format!("{}%", self.rate.normalize())
    }
}
