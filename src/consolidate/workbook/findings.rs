//! 审核问题: every finding with its file, sheet and cell; rows fit their wrapped text.

use super::*;

/// Column widths of 审核问题.
pub(super) const FINDING_WIDTHS: [f64; 9] = [9.0, 16.0, 30.0, 10.0, 7.0, 6.0, 6.0, 60.0, 40.0];

pub(super) fn findings(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_FINDINGS)?;
    headers(ws, 0, &FINDING_HEADERS, f)?;
    let mut r = 1;
    let mut put = |ws: &mut Worksheet, cells: [&str; 9]| -> Result<(), XlsxError> {
        for (c, v) in cells.iter().enumerate() {
            let fmt = match c {
                2 | 7 | 8 => &f.wrap,
                4..=6 => &f.center,
                _ => &f.text,
            };
            ws.write_string_with_format(r, c as u16, *v, fmt)?;
        }
        let wrapped = [2, 7, 8].map(|c| (cells[c], FINDING_WIDTHS[c]));
        ws.set_row_height(r, xlsx::wrapped_height(&wrapped))?;
        r += 1;
        Ok(())
    };
    // Findings of evaluated returns (with their department), then of unusable files.
    let evaluated = report.evaluations().flat_map(|e| {
        let d = e.inputs.dept;
        e.findings
            .iter()
            .map(move |x| (d.code.as_str(), d.name.as_str(), x))
    });
    let unusable = report
        .assessment
        .unmatched
        .iter()
        .flat_map(|u| u.findings.iter().map(move |x| ("", "", x)));
    for (code, name, x) in evaluated.chain(unusable) {
        let cell = x.location.cell.map(|c| c.to_string()).unwrap_or_default();
        put(
            ws,
            [
                code,
                name,
                &x.location.file,
                x.location.sheet.as_deref().unwrap_or(""),
                &cell,
                x.level.label(),
                x.code.as_str(),
                &x.message,
                &x.hint,
            ],
        )?;
    }
    for s in &report.assessment.superseded {
        let name = report
            .plan
            .department(&s.dept)
            .map(|d| d.name.as_str())
            .unwrap_or("");
        let code = crate::domain::Code::Superseded;
        put(
            ws,
            [
                s.dept.as_str(),
                name,
                &s.file,
                "",
                "",
                code.level().label(),
                code.as_str(),
                &format!("已被 {} 替代，未参与汇总", s.by),
                "无需处理",
            ],
        )?;
    }
    for d in &report.assessment.missing {
        let code = crate::domain::Code::NotReturned;
        put(
            ws,
            [
                d.code.as_str(),
                &d.name,
                "",
                "",
                "",
                code.level().label(),
                code.as_str(),
                "未报送部门整体绩效自评表",
                "请尽快填写财政局下发的模板并报送",
            ],
        )?;
    }
    let last = r.saturating_sub(1).max(1);
    widths(ws, &FINDING_WIDTHS)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last, 8)?;
    for (level, fmt) in [
        (Level::Error, &f.bad),
        (Level::Warning, &f.warn),
        (Level::Info, &f.muted),
    ] {
        let cf = ConditionalFormatFormula::new()
            .set_rule(format!("=$F2=\"{}\"", level.label()).as_str())
            .set_format(fmt);
        ws.add_conditional_format(1, 5, last, 5, &cf)?;
    }
    print(ws, 0, SHEET_FINDINGS)?;
    Ok(())
}
