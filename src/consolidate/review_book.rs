//! 复核表.xlsx: a [`Report`] (with its [`crate::review::ReviewLog`]) → the bytes of the
//! workbook the bureau's reviewers fill.
//!
//! One row per indicator that needs a reviewer: 评议/定性 scores, a 自评得分 away from the
//! computed score beyond the tolerance, a locked cell edited or a 警告 on the indicator's row,
//! every indicator of a department drawn for 抽查, and every indicator already reviewed — a
//! decision still valid comes back prefilled (已复核), one whose return changed comes back
//! empty as 需重新复核 with the old decision in 复核状态. Only the four reviewer columns are
//! unlocked; 复核得分 is validated against the row's weight. A very hidden sheet holds the
//! plan's fingerprint, each department's return fingerprint and the draw.

use super::Report;
use crate::domain::{Level, Score, fmt_plain};
use crate::evaluate::{Evaluation, IndicatorResult, State};
use crate::layout::review::{
    RETURN_PREFIX, REVIEW_KIND, REVIEW_META_HEADERS, ReviewCol, ReviewMeta, SHEET_REVIEW,
    SHEET_REVIEW_META, STATE_AGAIN, STATE_DONE, STATE_PENDING,
};
use crate::layout::template::SHEET_INDICATORS;
use crate::review::return_fingerprint;
use crate::xlsx;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, Formula, ProtectionOptions, Worksheet,
    XlsxError,
};

/// Column widths, in [`ReviewCol`] order.
const WIDTHS: [f64; 15] = [
    8.0, 14.0, 8.0, 18.0, 6.0, 12.0, 7.0, 7.0, 36.0, 24.0, 14.0, 8.0, 30.0, 9.0, 11.0,
];

/// One row of the review workbook.
struct Line<'a> {
    e: &'a Evaluation<'a>,
    r: IndicatorResult<'a>,
    why: Vec<String>,
    state: String,
    prefill: Option<Prefill<'a>>,
}

/// What a row's reviewer columns hold in the next 复核表.
enum Prefill<'a> {
    /// A decision that stands.
    Decided(Score, &'a str, &'a str, &'a str),
    /// What a reviewer entered in a row that was refused, as entered.
    Entered(&'a crate::review::Entered),
}

/// Builds 复核表.xlsx.
pub fn workbook(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let lines = lines(report)?;
    let mut wb = xlsx::workbook(&xlsx::properties(&format!(
        "{} 复核表",
        report.plan.settings.name
    )));
    let ws = wb.add_worksheet();
    write_sheet(ws, report, &lines)?;
    let meta = wb.add_worksheet();
    write_meta(meta, report)?;
    wb.save_to_buffer()
}

/// The indicators that need a reviewer, with why, in department and plan order.
fn lines<'a>(report: &'a Report) -> std::io::Result<Vec<Line<'a>>> {
    let log = &report.reviews;
    let tolerance = report.plan.settings.tolerance.value();
    let mut out = Vec::new();
    for e in report.evaluations() {
        let code = &e.dept().code;
        let scored = e.state() == State::Scored;
        let drawn = log.drawn(code);
        for r in e.indicators()?.iter() {
            let ind = r.input.indicator;
            let applied = log.applied_to(code, &ind.code);
            let again = log.to_review_again(code, &ind.code);
            let refused = log.refused_for(code, &ind.code);
            let mut why: Vec<String> = Vec::new();
            if scored {
                if let Some(s) = &r.scored {
                    if s.review {
                        why.push(format!("{}类指标采用自评得分", ind.rule.kind_label()));
                    }
                    if let Some(own) = r.input.self_score
                        && !s.review
                        && (own - s.score.value()).abs() > tolerance
                    {
                        why.push(format!(
                            "自评 {} 与系统得分 {} 相差超过 {} 分",
                            fmt_plain(own),
                            s.score,
                            fmt_plain(tolerance)
                        ));
                    }
                }
                let on_row = |f: &&crate::domain::Finding| {
                    f.location.sheet.as_deref() == Some(SHEET_INDICATORS)
                        && f.location.cell.map(|c| c.row) == r.input.row
                        && r.input.row.is_some()
                };
                for f in e.findings.iter().filter(on_row) {
                    let text = match f.code {
                        crate::domain::Code::LockedCellChanged => "锁定单元格被修改".to_string(),
                        crate::domain::Code::SelfScoreDiffers => continue,
                        _ if f.level == Level::Warning => format!("警告：{}", f.code.title()),
                        _ => continue,
                    };
                    if !why.contains(&text) {
                        why.push(text);
                    }
                }
                if drawn {
                    why.push("抽查".to_string());
                }
            }
            if why.is_empty() && applied.is_none() && again.is_none() && refused.is_none() {
                continue;
            }
            if why.is_empty() {
                why.push("已有复核记录".to_string());
            }
            let (state, prefill) = match (applied, again, refused) {
                (Some(a), ..) => (
                    STATE_DONE.to_string(),
                    Some(Prefill::Decided(
                        a.decision.score,
                        a.decision.opinion.as_str(),
                        a.decision.reviewer.as_str(),
                        a.decision.date.as_str(),
                    )),
                ),
                (None, Some(d), _) => (
                    format!("{STATE_AGAIN}（原复核得分 {}：{}）", d.score, d.opinion),
                    None,
                ),
                // The reviewer's entries come back, with why they were not applied.
                (None, None, Some(x)) => (
                    format!("未采用：{}（请修改后保存）", x.why.text()),
                    Some(Prefill::Entered(&x.entered)),
                ),
                (None, None, None) => (STATE_PENDING.to_string(), None),
            };
            out.push(Line {
                e,
                r: r.clone(),
                why,
                state,
                prefill,
            });
        }
    }
    Ok(out)
}

fn write_sheet(ws: &mut Worksheet, report: &Report, lines: &[Line]) -> Result<(), XlsxError> {
    use ReviewCol as C;
    ws.set_name(SHEET_REVIEW)?;
    let border = |f: Format| f.set_border(rust_xlsxwriter::FormatBorder::Thin);
    let header = xlsx::header();
    let locked = border(xlsx::base());
    let locked_wrap = border(xlsx::wrap());
    let locked_num = border(xlsx::base().set_num_format("0.00"));
    let input = border(xlsx::base())
        .set_unlocked()
        .set_background_color(0xFFF2CC);
    let input_wrap = input.clone().set_text_wrap();
    let input_num = input.clone().set_num_format("0.00");
    let input_date = input.clone().set_num_format("yyyy-mm-dd");
    let title = xlsx::title().set_align(FormatAlign::Left);
    ws.merge_range(
        0,
        0,
        0,
        (ReviewCol::HEADERS.len() - 1) as u16,
        &format!(
            "{} 复核表（请填写黄色的 复核得分、复核意见、复核人、复核日期；未填写的行不调整）",
            report.plan.settings.name
        ),
        &title,
    )?;
    ws.set_row_height(0, 24)?;
    for (c, h) in ReviewCol::HEADERS.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &header)?;
    }
    ws.set_row_height(1, 30)?;
    let first = 2u32;
    for (k, l) in lines.iter().enumerate() {
        let r = first + k as u32;
        let ind = l.r.input.indicator;
        let d = l.e.dept();
        let computed = l.r.scored.as_ref();
        ws.write_string_with_format(r, C::Dept.col(), d.code.as_str(), &locked)?;
        ws.write_string_with_format(r, C::Name.col(), &d.name, &locked_wrap)?;
        ws.write_string_with_format(r, C::Indicator.col(), ind.code.as_str(), &locked)?;
        ws.write_string_with_format(r, C::Level3.col(), &*ind.level3, &locked_wrap)?;
        ws.write_number_with_format(
            r,
            C::Weight.col(),
            xlsx::decimal_f64(ind.weight.value()),
            &locked_num,
        )?;
        ws.write_string_with_format(r, C::Actual.col(), l.r.shown_actual(), &locked_wrap)?;
        match l.r.input.self_score {
            Some(s) => ws.write_number_with_format(
                r,
                C::SelfScore.col(),
                xlsx::decimal_f64(s),
                &locked_num,
            )?,
            None => ws.write_blank(r, C::SelfScore.col(), &locked)?,
        };
        match computed {
            Some(s) => ws.write_number_with_format(
                r,
                C::Computed.col(),
                xlsx::decimal_f64(s.score.value()),
                &locked_num,
            )?,
            None => ws.write_blank(r, C::Computed.col(), &locked)?,
        };
        // The computed score's explanation: the decision is in the reviewer's columns.
        let explanation = match &l.r.scored {
            Some(s) => s.explanation.clone(),
            None => l.r.explanation(),
        };
        ws.write_string_with_format(r, C::Explanation.col(), &explanation, &locked_wrap)?;
        let why = l.why.join("；");
        ws.write_string_with_format(r, C::Why.col(), &why, &locked_wrap)?;
        ws.write_string_with_format(r, C::State.col(), &l.state, &locked_wrap)?;
        match l.prefill {
            Some(Prefill::Entered(x)) => {
                ws.write_string_with_format(r, C::Reviewed.col(), &x.score, &input_num)?;
                ws.write_string_with_format(r, C::Opinion.col(), &x.opinion, &input_wrap)?;
                ws.write_string_with_format(r, C::Reviewer.col(), &x.reviewer, &input)?;
                ws.write_string_with_format(r, C::Date.col(), &x.date, &input_date)?;
            }
            Some(Prefill::Decided(score, opinion, reviewer, date)) => {
                ws.write_number_with_format(
                    r,
                    C::Reviewed.col(),
                    xlsx::decimal_f64(score.value()),
                    &input_num,
                )?;
                ws.write_string_with_format(r, C::Opinion.col(), opinion, &input_wrap)?;
                ws.write_string_with_format(r, C::Reviewer.col(), reviewer, &input)?;
                match xlsx::parse_ymd(date) {
                    Some(dt) => {
                        ws.write_datetime_with_format(r, C::Date.col(), &dt, &input_date)?
                    }
                    None => ws.write_string_with_format(r, C::Date.col(), date, &input_date)?,
                };
            }
            None => {
                ws.write_blank(r, C::Reviewed.col(), &input_num)?;
                ws.write_blank(r, C::Opinion.col(), &input_wrap)?;
                ws.write_blank(r, C::Reviewer.col(), &input)?;
                ws.write_blank(r, C::Date.col(), &input_date)?;
            }
        }
        ws.set_row_height(
            r,
            xlsx::wrapped_height(&[
                (&explanation, WIDTHS[C::Explanation.col() as usize]),
                (&why, WIDTHS[C::Why.col() as usize]),
                (&l.state, WIDTHS[C::State.col() as usize]),
            ]),
        )?;
    }
    if !lines.is_empty() {
        let last = first + lines.len() as u32 - 1;
        let weight = crate::domain::CellRef::new(first, u32::from(C::Weight.col()));
        let score_dv = DataValidation::new()
            .allow_decimal_number_formula(DataValidationRule::Between(
                Formula::new("0"),
                Formula::new(format!("${}", weight)),
            ))
            .set_input_title(C::Reviewed.header())?
            .set_input_message("填写复核后的得分（0 到本行权重之间）；不调整的行留空")?
            .set_error_message("复核得分应在 0 与本行「权重」之间")?;
        // `$E3` is relative in its row: each cell is checked against its own row's weight.
        ws.add_data_validation(first, C::Reviewed.col(), last, C::Reviewed.col(), &score_dv)?;
        let opinion_dv = DataValidation::new()
            .allow_any_value()
            .set_input_title(C::Opinion.header())?
            .set_input_message("填写了复核得分的行必须写明复核意见（调整理由）")?;
        ws.add_data_validation(first, C::Opinion.col(), last, C::Opinion.col(), &opinion_dv)?;
        let date_dv = DataValidation::new()
            .allow_date(DataValidationRule::Between(
                rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?,
                rust_xlsxwriter::ExcelDateTime::from_ymd(2100, 12, 31)?,
            ))
            .set_input_title(C::Date.header())?
            .set_input_message(format!("填写复核日期，如 {}", review_example(report)))?;
        ws.add_data_validation(first, C::Date.col(), last, C::Date.col(), &date_dv)?;
        ws.autofilter(1, 0, last, (ReviewCol::HEADERS.len() - 1) as u16)?;
    }
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(2, 3)?;
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(1, 1)?;
    ws.set_footer("&L复核表&R第 &P 页，共 &N 页");
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}

fn write_meta(ws: &mut Worksheet, report: &Report) -> Result<(), XlsxError> {
    ws.set_name(SHEET_REVIEW_META)?;
    for (c, h) in REVIEW_META_HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let mut rows: Vec<(String, String)> = vec![
        (ReviewMeta::Kind.key().into(), REVIEW_KIND.into()),
        (
            ReviewMeta::Year.key().into(),
            report.plan.settings.year.to_string(),
        ),
        (ReviewMeta::Plan.key().into(), plan_fingerprint(report)),
    ];
    if let Some(d) = &report.reviews.draw {
        rows.push((ReviewMeta::Seed.key().into(), d.seed.to_string()));
        rows.push((
            ReviewMeta::Drawn.key().into(),
            d.depts
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(","),
        ));
        rows.push((
            ReviewMeta::DrawnFrom.key().into(),
            d.from
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    for e in report.evaluations() {
        rows.push((
            format!("{RETURN_PREFIX}{}", e.dept().code),
            return_fingerprint(e)?,
        ));
    }
    for (k, (key, value)) in rows.iter().enumerate() {
        ws.write_string(k as u32 + 1, 0, key)?;
        ws.write_string(k as u32 + 1, 1, value)?;
    }
    ws.set_very_hidden(true);
    Ok(())
}

/// The plan's fingerprint: every department's template fingerprint, combined.
/// A review date to show as an example: a month after the plan's deadline (else 15 June of
/// the year after the one evaluated).
fn review_example(report: &Report) -> crate::domain::Date {
    let s = &report.plan.settings;
    s.deadline
        .map(|d| d.add_days(26))
        .or_else(|| crate::domain::Date::new(s.year + 1, 6, 15))
        .unwrap_or(s.example_date())
}

pub fn plan_fingerprint(report: &Report) -> String {
    crate::template::plan_fingerprint(report.plan)
}
