//! 未报送: departments with no return, with whom to contact.

use super::*;

pub(super) fn missing(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_MISSING)?;
    headers(ws, 0, &MISSING_HEADERS, f)?;
    for (k, d) in report.assessment.missing.iter().enumerate() {
        let r = k as u32 + 1;
        ws.write_string_with_format(r, 0, d.code.as_str(), &f.center)?;
        ws.write_string_with_format(r, 1, &d.name, &f.text)?;
        ws.write_string_with_format(r, 2, &d.contact, &f.text)?;
        ws.write_string_with_format(r, 3, &d.phone, &f.text)?;
        ws.write_string_with_format(r, 4, &d.email, &f.text)?;
    }
    widths(ws, &[9.0, 20.0, 10.0, 16.0, 28.0])?;
    ws.set_freeze_panes(1, 0)?;
    print(ws, 0, SHEET_MISSING)?;
    Ok(())
}
