//! 身份冲突: files on one department's template that name another (身份冲突), and files on a
//! department's own template from an address it never used that would replace its return
//! from a known one (身份存疑), held for the bureau.

use super::*;

/// 身份冲突: files whose template belongs to one department while the file names another,
/// used for neither, for the bureau to settle.
pub(super) fn conflicts(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_CONFLICTS)?;
    const W: [f64; 8] = [36.0, 9.0, 9.0, 16.0, 9.0, 16.0, 48.0, 40.0];
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
        use crate::collect::identify::ConflictKind;
        let evidence = c.evidence.join("；");
        let action = match c.kind {
            ConflictKind::Borrowed => format!(
                "两个部门都未采用该文件。请与{}核实：如确为其报送，请其用本部门模板重新填报",
                name(&c.claimed)
            ),
            ConflictKind::Doubtful => format!(
                "未采用，{}此前的报送继续有效。请与{}核实：如确为其报送，运行 jixiao collect --accept \"{file}\" 采用",
                name(&c.template),
                name(&c.template)
            ),
        };
        let cells = [
            file,
            c.kind.label(),
            c.template.as_str(),
            name(&c.template),
            c.claimed.as_str(),
            name(&c.claimed),
            &evidence,
            &action,
        ];
        for (k, v) in cells.iter().enumerate() {
            let fmt = if matches!(k, 1 | 2 | 4) {
                &f.center
            } else {
                &f.wrap
            };
            ws.write_string_with_format(r, k as u16, *v, fmt)?;
        }
        ws.set_row_height(
            r,
            xlsx::wrapped_height(&[(file, W[0]), (&evidence, W[6]), (&action, W[7])]),
        )?;
        r += 1;
    }
    if r == 1 {
        ws.merge_range(1, 0, 1, 7, "本次没有身份冲突或身份存疑的文件", &f.text)?;
    }
    widths(ws, &W)?;
    ws.set_freeze_panes(1, 0)?;
    print(ws, 0, SHEET_CONFLICTS)?;
    Ok(())
}
