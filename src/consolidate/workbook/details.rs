//! 指标得分明细: one row per department × indicator, ready for a pivot table.

use super::*;

pub(super) fn indicator_details(
    ws: &mut Worksheet,
    report: &Report,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_DETAILS)?;
    widths(
        ws,
        &[
            9.0, 16.0, 9.0, 11.0, 10.0, 16.0, 28.0, 11.0, 14.0, 7.0, 7.0, 8.0, 8.0, 7.0, 60.0,
        ],
    )?;
    let (t, c, n) = (&f.plain_text, &f.plain_center, &f.plain_number);
    let (p, w) = (&f.plain_percent, &f.plain_wrap);
    plain_columns(ws, &[c, t, c, t, w, w, w, c, w, n, n, p, n, c, w])?;
    ws.set_freeze_panes(1, 3)?;
    let last_year = report.last_year();
    let mut names: Vec<&str> = DETAIL_HEADERS.to_vec();
    if last_year.is_some() {
        names.extend(crate::layout::consolidated::DETAIL_PREVIOUS);
        ws.set_column_width(15, 14.0)?;
        ws.set_column_width(16, 8.0)?;
    }
    headers(ws, 0, &names, f)?;
    let mut r = 1;
    for e in report.evaluations() {
        for res in &e.indicators {
            let i = res.input.indicator;
            ws.write_string(r, 0, e.inputs.dept.code.as_str())?;
            ws.write_string(r, 1, &e.inputs.dept.name)?;
            ws.write_string(r, 2, i.code.as_str())?;
            ws.write_string(r, 3, &*i.dimension)?;
            ws.write_string(r, 4, &*i.level1)?;
            ws.write_string(r, 5, &*i.level2)?;
            ws.write_string(r, 6, &*i.level3)?;
            ws.write_string(r, 7, &*i.target_text)?;
            ws.write_string(r, 8, res.shown_actual())?;
            score_values(ws, r, 9, res, f)?;
            if let Some(s) = res.input.self_score {
                ws.write_number(r, 12, num(s))?;
            }
            if res.scored.as_ref().is_some_and(|s| s.review) {
                ws.write_string(r, 13, "是")?;
            }
            let why = res.explanation();
            ws.write_string(r, 14, &why)?;
            if let Some(p) = last_year {
                match p
                    .dept(&e.inputs.dept.code)
                    .and_then(|d| d.indicators.get(&i.code))
                {
                    Some((actual, score)) => {
                        ws.write_string(r, 15, actual)?;
                        if let Some(s) = score {
                            ws.write_number(r, 16, num(*s))?;
                        }
                    }
                    None => {
                        ws.write_string(r, 15, "新增")?;
                    }
                }
            }
            ws.set_row_height(
                r,
                xlsx::wrapped_height(&[
                    (&i.level1, 10.0),
                    (&i.level2, 16.0),
                    (&i.level3, 28.0),
                    (res.shown_actual(), 14.0),
                    (&why, 60.0),
                ]),
            )?;
            r += 1;
        }
    }
    let last = r.saturating_sub(1).max(1);
    let last_col = (names.len() - 1) as u16;
    plain_grid(ws, 1, last, last_col, f)?;
    ws.autofilter(0, 0, last, last_col)?;
    print(ws, 0, SHEET_DETAILS)?;
    Ok(())
}
