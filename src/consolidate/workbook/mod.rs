//! The consolidated workbook: [`Report`] → bytes of `{年度}年度部门整体绩效评价汇总.xlsx`.
//!
//! One file per sheet, in workbook order: `ranking` 汇总排名, `budget` 预算执行汇总,
//! `projects` 项目明细, `details` 指标得分明细, `department` one sheet per department in the
//! layout of the reference appendix, `findings` 审核问题, `conflicts` 身份冲突, `missing`
//! 未报送, `about` 说明. This file holds the furniture they share (formats, header rows,
//! print setup, status colours). Money as `#,##0.00`, scores as `0.00`, rates as `0.00%`; text
//! from returns is always written as text, never as a formula.

use super::{Report, Row, sheet_name};
use crate::domain::{Level, Money, Score};
use crate::evaluate::State;
use crate::layout::consolidated::{
    ABOUT_HEADERS, BUDGET_HEADERS, CONFLICT_HEADERS, DEPARTMENT_HEADERS, DETAIL_HEADERS,
    FINDING_HEADERS, MISSING_HEADERS, PROJECT_HEADERS, RANKING_LEAD, RANKING_TAIL, SHEET_ABOUT,
    SHEET_BUDGET, SHEET_CONFLICTS, SHEET_FINDINGS, SHEET_MISSING, SHEET_PROJECTS, SHEET_RANKING,
};
use crate::validate::{BudgetInput, rate};
use crate::xlsx;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatFormula, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

mod budget;
mod projects;
mod ranking;
pub use projects::project_status;
mod about;
mod conflicts;
mod department;
mod details;
mod findings;
mod history;
mod missing;
mod reviews;

/// Up to this many evaluated departments, each gets a sheet in the consolidated workbook;
/// past it, each gets a file of its own in [`DEPARTMENT_DIR`] (written in parallel), so the
/// workbook stays quick to open and the run stays within memory.
pub const DEPARTMENT_SHEET_LIMIT: usize = 200;
pub use crate::layout::consolidated::{DEPARTMENT_DIR, SHEETS};

/// Whether per-department score sheets go to files of their own.
pub fn separate_department_files(report: &Report) -> bool {
    report.assessment.evaluations.len() > DEPARTMENT_SHEET_LIMIT
}

/// A department's score sheet as a workbook of its own: file name and bytes.
pub fn department_file(report: &Report, row: &Row) -> Result<(String, Vec<u8>), XlsxError> {
    let f = Formats::new();
    let mut wb = xlsx::workbook(&xlsx::properties(&format!(
        "{} {}",
        row.dept.name, report.plan.settings.name
    )));
    let name = sheet_name(&format!("{} {}", row.dept.code, row.dept.name));
    department::department(wb.add_worksheet(), report, row, &name, &f)?;
    let file = crate::layout::consolidated::department_file(row.dept.code.as_str(), &row.dept.name);
    Ok((file, wb.save_to_buffer()?))
}

/// The consolidated workbook's file name.
pub fn file_name(year: i32) -> String {
    crate::layout::consolidated::workbook(year)
}

fn num(d: Decimal) -> f64 {
    xlsx::decimal_f64(d)
}

/// A percent value (95.3) as the fraction Excel formats with `0.00%`.
fn frac(pct: Decimal) -> f64 {
    num(pct / Decimal::ONE_HUNDRED)
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    center: Format,
    right: Format,
    left_number: Format,
    money: Format,
    score: Format,
    percent: Format,
    title: Format,
    total_text: Format,
    total_wrap: Format,
    total_money: Format,
    total_score: Format,
    total_percent: Format,
    good: Format,
    warn: Format,
    bad: Format,
    muted: Format,
    /// A table cell (bordered, wrapped) in the colours of `good` and `bad`.
    good_cell: Format,
    bad_cell: Format,
    /// Column formats of the long data tables: no borders (the grid is one conditional
    /// format, see [`plain_grid`]).
    plain_text: Format,
    plain_wrap: Format,
    plain_center: Format,
    plain_number: Format,
    plain_money: Format,
    plain_percent: Format,
    grid: Format,
}

impl Formats {
    fn new() -> Self {
        let total = xlsx::base().set_bold().set_background_color(0xF2F2F2);
        Self {
            header: xlsx::header(),
            text: xlsx::base(),
            wrap: xlsx::wrap(),
            center: xlsx::base().set_align(FormatAlign::Center),
            right: xlsx::base().set_align(FormatAlign::Right),
            left_number: xlsx::base().set_align(FormatAlign::Left),
            money: xlsx::money(),
            score: xlsx::score(),
            percent: xlsx::percent(),
            title: xlsx::title().set_align(FormatAlign::Left),
            total_text: total.clone(),
            total_wrap: total.clone().set_text_wrap(),
            total_money: total.clone().set_num_format(xlsx::MONEY_FORMAT),
            total_score: total.clone().set_num_format("0.00"),
            total_percent: total.set_num_format("0.00%"),
            good: Format::new()
                .set_background_color(0xC6EFCE)
                .set_font_color(0x006100),
            warn: Format::new()
                .set_background_color(0xFFEB9C)
                .set_font_color(0x9C5700),
            bad: Format::new()
                .set_background_color(0xFFC7CE)
                .set_font_color(0x9C0006),
            muted: Format::new()
                .set_background_color(0xEDEDED)
                .set_font_color(0x595959),
            good_cell: xlsx::wrap()
                .set_background_color(0xC6EFCE)
                .set_font_color(0x006100),
            bad_cell: xlsx::wrap()
                .set_background_color(0xFFC7CE)
                .set_font_color(0x9C0006),
            plain_text: xlsx::plain(),
            plain_wrap: xlsx::plain().set_text_wrap(),
            plain_center: xlsx::plain().set_align(FormatAlign::Center),
            plain_number: xlsx::plain().set_num_format("0.00"),
            plain_money: xlsx::plain().set_num_format(xlsx::MONEY_FORMAT),
            plain_percent: xlsx::plain().set_num_format("0.00%"),
            grid: Format::new().set_border(FormatBorder::Thin),
        }
    }
}

/// Builds the workbook, ready to be saved (long sheets already streamed to temporary files
/// in `tempdir`).
pub fn build(report: &Report, tempdir: &std::path::Path) -> Result<Workbook, XlsxError> {
    let f = Formats::new();
    let mut wb = xlsx::workbook(&xlsx::properties(&report.plan.settings.name));
    wb.set_tempdir(tempdir)?;
    ranking::ranking(wb.add_worksheet(), report, &f)?;
    if report.previous.len() >= 2 {
        history::history(wb.add_worksheet(), report, &f)?;
    }
    budget::budget_summary(wb.add_worksheet(), report, &f)?;
    // The long tables stream their rows to temporary files instead of holding every cell in
    // memory (rows are written in order; widths and panes are set before the first row).
    projects::projects(wb.add_worksheet_with_constant_memory()?, report, &f)?;
    details::indicator_details(&mut wb, report, &f)?;
    let mut used: Vec<String> = SHEETS.iter().map(|s| s.to_string()).collect();
    let mut by_code: Vec<&Row> = report.rows.iter().filter(|r| r.eval.is_some()).collect();
    by_code.sort_by(|a, b| a.dept.code.cmp(&b.dept.code));
    if separate_department_files(report) {
        by_code.clear();
    }
    for row in by_code {
        let mut name = sheet_name(&format!("{} {}", row.dept.code, row.dept.name));
        let mut n = 2;
        while used.contains(&name) {
            name = sheet_name(&format!("{} {}", row.dept.code, n));
            n += 1;
        }
        used.push(name.clone());
        department::department(wb.add_worksheet(), report, row, &name, &f)?;
    }
    findings::findings(wb.add_worksheet(), report, &f)?;
    if report.has_reviews() {
        reviews::reviews(wb.add_worksheet(), report, &f)?;
    }
    conflicts::conflicts(wb.add_worksheet(), report, &f)?;
    missing::missing(wb.add_worksheet(), report, &f)?;
    about::about(wb.add_worksheet(), report, &f)?;
    Ok(wb)
}

fn headers(ws: &mut Worksheet, row: u32, names: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, h) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &f.header)?;
    }
    ws.set_row_height(row, 30)?;
    Ok(())
}

fn widths(ws: &mut Worksheet, w: &[f64]) -> Result<(), XlsxError> {
    for (c, width) in w.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    Ok(())
}

/// Sets a long data table's column formats (cells are then written unformatted and take
/// their column's alignment and number format when the sheet is saved).
fn plain_columns(ws: &mut Worksheet, formats: &[&Format]) -> Result<(), XlsxError> {
    for (c, fmt) in formats.iter().enumerate() {
        ws.set_column_format(c as u16, fmt)?;
    }
    Ok(())
}

/// Draws the grid of a long data table, rows `first..=last` and columns `0..=last_col`, as one
/// conditional format: the same thin borders as the other sheets at no per-cell cost (a
/// province's 指标得分明细 has a million rows; a style per cell is most of its writing time).
fn plain_grid(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    last_col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    let all = ConditionalFormatFormula::new()
        .set_rule("=TRUE")
        .set_format(&f.grid);
    ws.add_conditional_format(first, 0, last.max(first), last_col, &all)?;
    Ok(())
}

/// Print setup as for templates: A4 landscape, one page wide, repeated header row.
fn print(ws: &mut Worksheet, header_row: u32, footer: &str) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_footer(format!(
        "&L{}&R第 &P 页，共 &N 页",
        footer.replace('&', "&&")
    ));
    Ok(())
}

/// Colours a column by the text of its cells: 优/通过 green, 有警告/中/良 amber, 退回/差 red.
fn status_colours(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let cell = format!(
        "{}{}",
        crate::domain::CellRef::col_name(col.into()),
        first + 1
    );
    for (words, fmt) in [
        (&["优", "通过"][..], &f.good),
        (&["有警告", "警告"][..], &f.warn),
        (&["退回", "差", "错误"][..], &f.bad),
        (&["未报送"][..], &f.muted),
    ] {
        let cond = words
            .iter()
            .map(|w| format!("{cell}=\"{w}\""))
            .collect::<Vec<_>>()
            .join(",");
        let cf = ConditionalFormatFormula::new()
            .set_rule(format!("=OR({cond})").as_str())
            .set_format(fmt);
        ws.add_conditional_format(first, col, last, col, &cf)?;
    }
    Ok(())
}

fn opt_score(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    s: Option<Score>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match s {
        Some(s) => ws.write_number_with_format(r, c, num(s.value()), &f.score)?,
        None => ws.write_blank(r, c, &f.text)?,
    };
    Ok(())
}

fn opt_rate(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    pct: Option<Decimal>,
    fmt: &Format,
    blank: &Format,
) -> Result<(), XlsxError> {
    match pct {
        Some(p) => ws.write_number_with_format(r, c, frac(p), fmt)?,
        None => ws.write_blank(r, c, blank)?,
    };
    Ok(())
}

/// Writes an optional number unformatted (nothing when absent); gives the cell's format,
/// `blank` when absent. The caller formats the column (see [`xlsx::format_column`]).
fn opt_value<'f>(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    n: Option<f64>,
    fmt: &'f Format,
    blank: &'f Format,
) -> Result<&'f Format, XlsxError> {
    match n {
        Some(n) => {
            ws.write_number(r, c, n)?;
            Ok(fmt)
        }
        None => Ok(blank),
    }
}

/// 权重, 得分 and 得分率 of one indicator in three cells from column `c`, unformatted;
/// gives their formats (得分 and 得分率 are blank text cells when the indicator was not
/// scored; 得分 reads 不适用 for one answered so).
fn score_values<'f>(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    res: &crate::evaluate::IndicatorResult,
    f: &'f Formats,
) -> Result<[&'f Format; 3], XlsxError> {
    let weight = res.input.indicator.weight;
    ws.write_number(r, c, num(weight.value()))?;
    // 不适用 drops out of the total: no score and no 得分率 (a 0 would pull a pivot's averages
    // down).
    if res.review.is_none() && res.scored.as_ref().is_some_and(|s| s.not_applicable) {
        ws.write_string(r, c + 1, crate::score::NOT_APPLICABLE)?;
        return Ok([&f.score, &f.text, &f.text]);
    }
    let s = res.final_score();
    let score = opt_value(ws, r, c + 1, s.map(|s| num(s.value())), &f.score, &f.text)?;
    let rate = s.map(|s| frac(score_rate(s, weight)));
    let rate = opt_value(ws, r, c + 2, rate, &f.percent, &f.text)?;
    Ok([&f.score, score, rate])
}

/// 得分率 in percent.
fn score_rate(score: Score, weight: Score) -> Decimal {
    if weight.value().is_zero() {
        Decimal::ZERO
    } else {
        score.value() / weight.value() * Decimal::ONE_HUNDRED
    }
}
