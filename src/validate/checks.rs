//! Checks across sheets: a plan changed after issue (one note for the bureau), the execution
//! rate against the warning line and against a reported 预算执行率. (Whether a return came
//! on time is the round's to say: [`crate::round`].)

use super::*;

/// One 提示 for a template issued under an earlier version of the plan, naming the cells
/// that differ: the bureau changed the plan, the department did nothing wrong.
pub(super) fn report_plan_change(ctx: &mut Ctx) {
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
pub(super) fn locked_differs(ctx: &mut Ctx, key: &str, index: usize, got: &str) -> bool {
    let Some(issued) = &ctx.older_plan else {
        return false;
    };
    match issued.get(key).and_then(|v| v.get(index)) {
        Some(v) => *v == normalize_text(got),
        None => issued.is_empty(),
    }
}

/// The budget execution rate against the warning line, and against any indicator that
/// reports a 预算执行率.
pub(super) fn check_rates(
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
