//! Checks across sheets: the deadline (逾期), a plan changed after issue (one note for the
//! bureau), the execution rate against the warning line and against a reported 预算执行率.

use super::*;

/// A return sent after 报送截止日期 (by the message's Date, else 填报日期) is 逾期: a 警告 and
/// the number of days.
pub(super) fn check_deadline(
    ctx: &mut Ctx,
    settings: &Settings,
    read: &Identified,
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
    let loc = match (source, Some(&read.sheets)) {
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
