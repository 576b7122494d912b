//! 复核记录: every 复核 decision applied (computed, self, reviewed, change, opinion, reviewer,
//! date, review file and cell), then every review row refused with its reason.

use super::*;
use crate::layout::review::{REVIEWS_HEADERS, SHEET_REVIEWS};

const WIDTHS: [f64; 13] = [
    8.0, 14.0, 8.0, 18.0, 8.0, 8.0, 8.0, 7.0, 30.0, 9.0, 11.0, 34.0, 36.0,
];

pub(super) fn reviews(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_REVIEWS)?;
    headers(ws, 0, &REVIEWS_HEADERS, f)?;
    let log = &report.reviews;
    let name = |code: &str| {
        report
            .plan
            .department(&crate::domain::DeptCode::new(code))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let level3 = |code: &str| {
        report
            .plan
            .indicators
            .iter()
            .find(|i| i.code.as_str() == code)
            .map(|i| i.level3.to_string())
            .unwrap_or_default()
    };
    let mut r = 1;
    for a in &log.applied {
        let d = &a.decision;
        let texts = [
            d.dept.as_str().to_string(),
            name(d.dept.as_str()),
            d.indicator.as_str().to_string(),
            level3(d.indicator.as_str()),
        ];
        for (c, t) in texts.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, t, &f.wrap)?;
        }
        opt_score(ws, r, 4, a.computed, f)?;
        opt_score(ws, r, 5, a.own.map(Score), f)?;
        opt_score(ws, r, 6, Some(d.score), f)?;
        opt_score(ws, r, 7, Some(a.change()), f)?;
        ws.write_string_with_format(r, 8, &d.opinion, &f.wrap)?;
        ws.write_string_with_format(r, 9, &d.reviewer, &f.text)?;
        ws.write_string_with_format(r, 10, &d.date, &f.center)?;
        ws.write_string_with_format(r, 11, d.at.to_string(), &f.wrap)?;
        ws.write_string_with_format(r, 12, "已采用", &f.good_cell)?;
        ws.set_row_height(r, xlsx::wrapped_height(&[(&d.opinion, WIDTHS[8])]))?;
        r += 1;
    }
    for x in &log.refused {
        let texts = [
            x.dept.clone(),
            name(&x.dept),
            x.indicator.clone(),
            level3(&x.indicator),
        ];
        for (c, t) in texts.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, t, &f.wrap)?;
        }
        // The cells a refused row leaves empty keep the table's borders.
        for c in 4..=10 {
            ws.write_blank(r, c, &f.text)?;
        }
        // What the reviewer entered, as entered.
        match &x.decision {
            Some(d) => opt_score(ws, r, 6, Some(d.score), f)?,
            None => {
                ws.write_string_with_format(r, 6, &x.entered.score, &f.center)?;
            }
        }
        ws.write_string_with_format(r, 8, &x.entered.opinion, &f.wrap)?;
        ws.write_string_with_format(r, 9, &x.entered.reviewer, &f.text)?;
        ws.write_string_with_format(r, 10, &x.entered.date, &f.center)?;
        ws.write_string_with_format(r, 11, x.at.to_string(), &f.wrap)?;
        let why = format!("未采用：{}", x.why.text());
        ws.write_string_with_format(r, 12, &why, &f.bad_cell)?;
        ws.set_row_height(r, xlsx::wrapped_height(&[(&why, WIDTHS[12])]))?;
        r += 1;
    }
    widths(ws, &WIDTHS)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, r.saturating_sub(1).max(1), (WIDTHS.len() - 1) as u16)?;
    print(ws, 0, SHEET_REVIEWS)?;
    Ok(())
}
