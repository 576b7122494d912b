//! 指标得分明细: one row per department × indicator, ready for a pivot table; past Excel's
//! row limit the rows go on in further sheets of the same layout (指标得分明细（2）…), each
//! with its header, filter and print setup.

use super::*;
use crate::layout::consolidated::{SHEET_MAX_ROWS, details_sheet};

/// Writes the sheets, streamed (constant memory), `max_rows` rows each at most (the header
/// included).
pub(super) fn indicator_details(
    wb: &mut Workbook,
    report: &Report,
    f: &Formats,
) -> Result<(), XlsxError> {
    indicator_details_in(wb, report, f, SHEET_MAX_ROWS)
}

fn indicator_details_in(
    wb: &mut Workbook,
    report: &Report,
    f: &Formats,
    max_rows: u32,
) -> Result<(), XlsxError> {
    let mut sheet = 0;
    let mut ws = start(
        wb.add_worksheet_with_constant_memory()?,
        report,
        f,
        &details_sheet(0),
    )?;
    let columns = ws_columns(report);
    let mut r = 1;
    for e in report.evaluations() {
        for res in e.indicators()?.iter() {
            if r == max_rows {
                finish(ws, r, columns, f, &details_sheet(sheet))?;
                sheet += 1;
                ws = start(
                    wb.add_worksheet_with_constant_memory()?,
                    report,
                    f,
                    &details_sheet(sheet),
                )?;
                r = 1;
            }
            row(ws, r, e, res, report, f)?;
            r += 1;
        }
    }
    finish(ws, r, columns, f, &details_sheet(sheet))
}

/// The number of columns: the headers, and last year's two when known.
fn ws_columns(report: &Report) -> u16 {
    let extra = if report.last_year().is_some() {
        crate::layout::consolidated::DETAIL_PREVIOUS.len()
    } else {
        0
    };
    (DETAIL_HEADERS.len() + extra) as u16
}

/// Names a new sheet, sets widths, column formats, panes and the header row.
fn start<'w>(
    ws: &'w mut Worksheet,
    report: &Report,
    f: &Formats,
    name: &str,
) -> Result<&'w mut Worksheet, XlsxError> {
    ws.set_name(name)?;
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
    Ok(ws)
}

/// One department × indicator row.
fn row(
    ws: &mut Worksheet,
    r: u32,
    e: &crate::evaluate::Evaluation<'_>,
    res: &crate::evaluate::IndicatorResult<'_>,
    report: &Report,
    f: &Formats,
) -> Result<(), XlsxError> {
    let last_year = report.last_year();
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
    Ok(())
}

/// Grid, filter and print setup of a sheet whose next free row is `r`.
fn finish(
    ws: &mut Worksheet,
    r: u32,
    columns: u16,
    f: &Formats,
    name: &str,
) -> Result<(), XlsxError> {
    let last = r.saturating_sub(1).max(1);
    let last_col = columns - 1;
    plain_grid(ws, 1, last, last_col, f)?;
    ws.autofilter(0, 0, last, last_col)?;
    print(ws, 0, name)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Reader;

    /// Past the row limit (here 40 rows a sheet) the rows go on in 指标得分明细（2）…, every
    /// sheet with its header, and no row lost or repeated.
    #[test]
    fn rows_past_the_limit_go_on_in_further_sheets() {
        crate::cli::with_demo_assessment(|plan, a, inputs| {
            let report = Report::new(plan, a, crate::consolidate::RunInfo::new("p", inputs));
            let expected: usize = report.evaluations().map(|e| e.indicator_count()).sum();
            let f = Formats::new();
            let mut wb = Workbook::new();
            indicator_details_in(&mut wb, &report, &f, 40).unwrap();
            let bytes = wb.save_to_buffer().unwrap();
            let mut book: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            let names = book.sheet_names();
            assert_eq!(names.len(), expected.div_ceil(39));
            assert_eq!(names[1], "指标得分明细（2）");
            let mut rows = 0;
            let mut seen = std::collections::BTreeSet::new();
            for n in &names {
                let range = book.worksheet_range(n).unwrap();
                assert_eq!(range.get((0, 0)).unwrap().to_string(), "部门编码");
                assert!(range.height() <= 40);
                for r in range.rows().skip(1) {
                    rows += 1;
                    assert!(seen.insert((r[0].to_string(), r[2].to_string())));
                }
            }
            assert_eq!(rows, expected);
        });
    }
}
