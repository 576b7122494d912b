//! 身份冲突: files on one department's template that name another, held for the bureau.

use super::*;

/// 身份冲突: files whose template belongs to one department while the file names another,
/// used for neither, for the bureau to settle.
pub(super) fn conflicts(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_CONFLICTS)?;
    const W: [f64; 7] = [36.0, 9.0, 16.0, 9.0, 16.0, 48.0, 40.0];
    headers(ws, 0, &CONFLICT_HEADERS, f)?;
    let name = |c: &crate::domain::DeptCode| {
        report
            .plan
            .department(c)
            .map(|d| d.name.as_str())
            .unwrap_or("")
    };
    let mut r = 1;
    for (file, c) in report.conflicts() {
        let evidence = c.evidence.join("；");
        let action = format!(
            "两个部门都未采用该文件。请与{}核实：如确为其报送，请其用本部门模板重新填报",
            name(&c.claimed)
        );
        let cells = [
            file,
            c.template.as_str(),
            name(&c.template),
            c.claimed.as_str(),
            name(&c.claimed),
            &evidence,
            &action,
        ];
        for (k, v) in cells.iter().enumerate() {
            let fmt = if matches!(k, 1 | 3) {
                &f.center
            } else {
                &f.wrap
            };
            ws.write_string_with_format(r, k as u16, *v, fmt)?;
        }
        ws.set_row_height(
            r,
            xlsx::wrapped_height(&[(file, W[0]), (&evidence, W[5]), (&action, W[6])]),
        )?;
        r += 1;
    }
    if r == 1 {
        ws.merge_range(1, 0, 1, 6, "本次没有身份冲突的文件", &f.text)?;
    }
    widths(ws, &W)?;
    ws.set_freeze_panes(1, 0)?;
    print(ws, 0, SHEET_CONFLICTS)?;
    Ok(())
}
