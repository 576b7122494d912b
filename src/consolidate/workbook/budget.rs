//! 预算执行汇总: departments whose 执行数 were read and their city total (with the rate
//! chart), then, apart, the budgets of the others.

use super::*;

/// Whether a department's 执行数 were all read: only those enter the city total and the chart.
pub(super) fn spent_read(row: &Row) -> bool {
    row.eval.is_some_and(|e| e.inputs.spent_read())
}

/// The budget of a department whose 执行数 were not read: the plan's (or the return's) lines,
/// no spending.
pub(super) fn budget_only(report: &Report, row: &Row) -> crate::validate::BudgetSummary {
    if let Some(e) = row.eval {
        let mut s = e.inputs.budget_summary;
        s.spent = Money::ZERO;
        s.basic[2] = Money::ZERO;
        s.project[2] = Money::ZERO;
        return s;
    }
    let mut s = crate::validate::BudgetSummary::default();
    for b in report.plan.budget_for(&row.dept.code) {
        s.initial = s.initial + b.initial;
        s.adjusted = s.adjusted + b.adjusted;
        let part = match b.kind {
            crate::plan::ExpenseKind::Basic => &mut s.basic,
            crate::plan::ExpenseKind::Project => &mut s.project,
        };
        part[0] = part[0] + b.initial;
        part[1] = part[1] + b.adjusted;
    }
    s
}

/// One 预算执行汇总 line: 年初, 调整后, 执行数, 执行率 for all, 基本 and 项目 (执行数 and rates
/// only when `spent`); returns the nine sums for the totals.
pub(super) fn budget_line(
    ws: &mut Worksheet,
    r: u32,
    s: &crate::validate::BudgetSummary,
    spent: bool,
    (money, pct, blank): (&Format, &Format, &Format),
) -> Result<[Money; 9], XlsxError> {
    let groups = [[s.initial, s.adjusted, s.spent], s.basic, s.project];
    let mut sums = [Money::ZERO; 9];
    for (g, vals) in groups.iter().enumerate() {
        let c0 = 2 + 4 * g as u16;
        ws.write_number_with_format(r, c0, num(vals[0].value()), money)?;
        ws.write_number_with_format(r, c0 + 1, num(vals[1].value()), money)?;
        if spent {
            ws.write_number_with_format(r, c0 + 2, num(vals[2].value()), money)?;
        } else {
            ws.write_blank(r, c0 + 2, money)?;
        }
        let rate = if spent { rate(vals[2], vals[1]) } else { None };
        opt_rate(ws, r, c0 + 3, rate, pct, blank)?;
        sums[3 * g..3 * g + 3].copy_from_slice(vals);
    }
    Ok(sums)
}

pub(super) fn add9(a: &mut [Money; 9], b: [Money; 9]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x = *x + y;
    }
}

/// 预算执行汇总: the departments whose 执行数 were read, in code order, and their city total
/// (the only figures the rate chart shows); then, apart and labelled, the budgets of the
/// departments that did not return or whose 执行数 could not be read, which no total or rate
/// includes.
pub(super) fn budget_summary(
    ws: &mut Worksheet,
    report: &Report,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_BUDGET)?;
    ws.write_string_with_format(0, 0, "预算执行汇总（单位：万元）", &f.title)?;
    ws.set_row_height(0, 26)?;
    let last_year = report.last_year();
    let mut names: Vec<&str> = BUDGET_HEADERS.to_vec();
    if last_year.is_some() {
        names.push(crate::layout::consolidated::BUDGET_PREVIOUS);
    }
    headers(ws, 1, &names, f)?;
    // 上年执行率 after the table's own columns, when last year is known.
    let previous_rate = |ws: &mut Worksheet, r: u32, row: &Row| -> Result<(), XlsxError> {
        if let Some(p) = last_year {
            let rate = p.dept(&row.dept.code).and_then(|d| d.rate);
            opt_rate(ws, r, 15, rate, &f.percent, &f.text)?;
        }
        Ok(())
    };
    let mut rows: Vec<&Row> = report.rows.iter().collect();
    rows.sort_by(|a, b| a.dept.code.cmp(&b.dept.code));
    let (read, unread): (Vec<&Row>, Vec<&Row>) = rows.into_iter().partition(|r| spent_read(r));
    let cells = (&f.money, &f.percent, &f.text);
    let totals = (&f.total_money, &f.total_percent, &f.total_text);
    let mut r = 2;
    let mut city = [Money::ZERO; 9];
    for row in &read {
        ws.write_string_with_format(r, 0, row.dept.code.as_str(), &f.center)?;
        ws.write_string_with_format(r, 1, &row.dept.name, &f.text)?;
        let s = row
            .eval
            .map(|e| e.inputs.budget_summary)
            .unwrap_or_default();
        add9(&mut city, budget_line(ws, r, &s, true, cells)?);
        ws.write_string_with_format(r, 14, row.status.label(), &f.center)?;
        previous_rate(ws, r, row)?;
        r += 1;
    }
    let data_last = r.saturating_sub(1);
    ws.write_string_with_format(r, 0, "", &f.total_text)?;
    ws.write_string_with_format(
        r,
        1,
        format!(
            "{}合计（{} 个部门）",
            report.plan.settings.region.whole(),
            read.len()
        ),
        &f.total_text,
    )?;
    let city_summary = crate::validate::BudgetSummary {
        initial: city[0],
        adjusted: city[1],
        spent: city[2],
        basic: [city[3], city[4], city[5]],
        project: [city[6], city[7], city[8]],
    };
    budget_line(ws, r, &city_summary, true, totals)?;
    ws.write_string_with_format(r, 14, "", &f.total_text)?;
    let total_row = r;
    r += 1;
    if !unread.is_empty() {
        r += 1;
        ws.merge_range(
            r,
            0,
            r,
            14,
            &format!(
                "以下 {} 个部门未报送或执行数未能读取，预算不计入上方合计和执行率",
                unread.len()
            ),
            &f.text,
        )?;
        r += 1;
        let mut rest = [Money::ZERO; 9];
        for row in &unread {
            ws.write_string_with_format(r, 0, row.dept.code.as_str(), &f.center)?;
            ws.write_string_with_format(r, 1, &row.dept.name, &f.text)?;
            add9(
                &mut rest,
                budget_line(ws, r, &budget_only(report, row), false, cells)?,
            );
            ws.write_string_with_format(r, 14, row.status.label(), &f.center)?;
            previous_rate(ws, r, row)?;
            r += 1;
        }
        ws.write_string_with_format(r, 0, "", &f.total_text)?;
        ws.write_string_with_format(
            r,
            1,
            format!("未计入合计的预算（{} 个部门）", unread.len()),
            &f.total_text,
        )?;
        let rest = crate::validate::BudgetSummary {
            initial: rest[0],
            adjusted: rest[1],
            basic: [rest[3], rest[4], Money::ZERO],
            project: [rest[6], rest[7], Money::ZERO],
            ..Default::default()
        };
        budget_line(ws, r, &rest, false, totals)?;
        ws.write_string_with_format(r, 14, "", &f.total_text)?;
        status_colours(ws, total_row + 3, r.saturating_sub(1), 14, f)?;
        r += 1;
    }
    widths(
        ws,
        &[
            9.0,
            xlsx::fit_width(
                report
                    .rows
                    .iter()
                    .map(|r| r.dept.name.as_str())
                    .chain(["未计入合计的预算（000 个部门）"]),
                12.0,
                30.0,
            ),
            12.0,
            12.0,
            12.0,
            9.0,
            12.0,
            12.0,
            12.0,
            9.0,
            12.0,
            12.0,
            12.0,
            9.0,
            9.0,
        ],
    )?;
    ws.set_freeze_panes(2, 2)?;
    ws.autofilter(1, 0, data_last.max(2), 14)?;
    status_colours(ws, 2, data_last, 14, f)?;
    if data_last >= 2 {
        // Departments in code order from the top, bars from 0%; only departments whose
        // 执行数 were read.
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name("各部门预算执行率");
        chart
            .add_series()
            .set_name("执行率")
            .set_categories((SHEET_BUDGET, 2, 1, data_last, 1))
            .set_values((SHEET_BUDGET, 2, 5, data_last, 5));
        chart.legend().set_hidden();
        chart.x_axis().set_num_format("0%").set_min(0);
        chart.y_axis().set_reverse();
        let height = (data_last - 1) * 22 + 120;
        chart.set_height(height.clamp(288, 1600));
        ws.insert_chart(r + 1, 1, &chart)?;
    }
    print(ws, 1, SHEET_BUDGET)?;
    Ok(())
}
