//! 项目明细: every budget line of every department, with its 执行率 and status (a long table:
//! formats on columns, the grid one conditional format).

use super::*;

/// 项目明细 status of one line.
pub fn project_status(line: &BudgetInput, warn_rate: Decimal) -> &'static str {
    match (line.plan.is_some(), line.spent) {
        (_, None) => "未填报",
        (false, Some(_)) => "年中追加",
        (true, Some(s)) if s.value().is_zero() && line.adjusted.value() > Decimal::ZERO => "未执行",
        (true, Some(s)) if s.value() > line.adjusted.value() => "超预算",
        (true, Some(_)) if line.rate().is_some_and(|r| r < warn_rate) => "执行偏低",
        _ => "正常",
    }
}

pub(super) fn projects(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_PROJECTS)?;
    widths(
        ws,
        &[
            9.0, 16.0, 28.0, 12.0, 10.0, 12.0, 12.0, 12.0, 9.0, 9.0, 30.0,
        ],
    )?;
    let (t, c, m) = (&f.plain_text, &f.plain_center, &f.plain_money);
    plain_columns(
        ws,
        &[c, t, t, t, t, m, m, m, &f.plain_percent, c, &f.plain_wrap],
    )?;
    ws.set_freeze_panes(2, 3)?;
    ws.write_string_with_format(0, 0, "项目明细（单位：万元）", &f.title)?;
    ws.set_row_height(0, 26)?;
    headers(ws, 1, &PROJECT_HEADERS, f)?;
    let mut r = 2;
    let warn = report.plan.settings.warn_rate;
    for e in report.evaluations() {
        for line in &e.inputs.budget {
            ws.write_string(r, 0, e.inputs.dept.code.as_str())?;
            ws.write_string(r, 1, &e.inputs.dept.name)?;
            ws.write_string(r, 2, &line.name)?;
            ws.write_string(r, 3, &line.nature)?;
            ws.write_string(r, 4, line.kind.label())?;
            ws.write_number(r, 5, num(line.initial.value()))?;
            ws.write_number(r, 6, num(line.adjusted.value()))?;
            if let Some(s) = line.spent {
                ws.write_number(r, 7, num(s.value()))?;
            }
            if let Some(rate) = line.rate() {
                ws.write_number(r, 8, frac(rate))?;
            }
            ws.write_string(r, 9, project_status(line, warn))?;
            ws.write_string(r, 10, &line.note)?;
            r += 1;
        }
    }
    let last = r.saturating_sub(1).max(2);
    plain_grid(ws, 2, last, 10, f)?;
    ws.autofilter(1, 0, last, 10)?;
    let cf = |text: &str, fmt: &Format| {
        ConditionalFormatFormula::new()
            .set_rule(format!("=$J3=\"{text}\"").as_str())
            .set_format(fmt)
    };
    for (text, fmt) in [
        ("未执行", &f.bad),
        ("超预算", &f.bad),
        ("未填报", &f.bad),
        ("执行偏低", &f.warn),
        ("年中追加", &f.muted),
    ] {
        ws.add_conditional_format(2, 9, last, 9, &cf(text, fmt))?;
    }
    print(ws, 1, SHEET_PROJECTS)?;
    Ok(())
}
