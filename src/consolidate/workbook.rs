//! The consolidated workbook: [`Report`] → bytes of `{年度}年度部门整体绩效评价汇总.xlsx`.
//!
//! Sheets, in order: 汇总排名 (with a column chart of totals), 预算执行汇总 (with a bar chart
//! of 执行率 and a city total), 项目明细, 指标得分明细, one sheet per department in the layout
//! of the reference appendix, 审核问题, 未报送, 说明. Money and scores as `0.00`, rates as
//! `0.00%`; text from returns is always written as text, never as a formula.

use super::{Report, Row, sheet_name};
use crate::domain::{Level, Money, Score};
use crate::evaluate::State;
use crate::layout::consolidated::{
    ABOUT_HEADERS, BUDGET_HEADERS, CONFLICT_HEADERS, DEPARTMENT_HEADERS, DETAIL_HEADERS,
    FINDING_HEADERS, MISSING_HEADERS, PROJECT_HEADERS, RANKING_LEAD, RANKING_TAIL, SHEET_ABOUT,
    SHEET_BUDGET, SHEET_CONFLICTS, SHEET_DETAILS, SHEET_FINDINGS, SHEET_MISSING, SHEET_PROJECTS,
    SHEET_RANKING,
};
use crate::validate::{BudgetInput, rate};
use crate::xlsx;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatFormula, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

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
    department(wb.add_worksheet(), report, row, &name, &f)?;
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
    total_money: Format,
    total_score: Format,
    total_percent: Format,
    good: Format,
    warn: Format,
    bad: Format,
    muted: Format,
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

/// Builds the workbook, ready to be saved (long sheets already streamed to temporary files).
pub fn build(report: &Report) -> Result<Workbook, XlsxError> {
    let f = Formats::new();
    let mut wb = xlsx::workbook(&xlsx::properties(&report.plan.settings.name));
    ranking(wb.add_worksheet(), report, &f)?;
    budget_summary(wb.add_worksheet(), report, &f)?;
    // The long tables stream their rows to temporary files instead of holding every cell in
    // memory (rows are written in order; widths and panes are set before the first row).
    projects(wb.add_worksheet_with_constant_memory()?, report, &f)?;
    indicator_details(wb.add_worksheet_with_constant_memory()?, report, &f)?;
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
        department(wb.add_worksheet(), report, row, &name, &f)?;
    }
    findings(wb.add_worksheet(), report, &f)?;
    conflicts(wb.add_worksheet(), report, &f)?;
    missing(wb.add_worksheet(), report, &f)?;
    about(wb.add_worksheet(), report, &f)?;
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

fn ranking(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_RANKING)?;
    let plan = report.plan;
    ws.write_string_with_format(0, 0, format!("{} 汇总排名", plan.settings.name), &f.title)?;
    ws.set_row_height(0, 26)?;
    let mut names: Vec<&str> = RANKING_LEAD.to_vec();
    names.extend(report.dimensions.iter().map(String::as_str));
    names.extend(RANKING_TAIL);
    headers(ws, 1, &names, f)?;
    let nd = report.dimensions.len() as u16;
    let col = |k: u16| 3 + nd + k; // 0 总分, 1 等级, …
    let mut r = 2;
    for row in &report.rows {
        match row.rank {
            Some(rank) => ws.write_number_with_format(r, 0, rank, &f.center)?,
            None => ws.write_string_with_format(r, 0, "—", &f.center)?,
        };
        ws.write_string_with_format(r, 1, row.dept.code.as_str(), &f.center)?;
        ws.write_string_with_format(r, 2, &row.dept.name, &f.text)?;
        let e = row.eval;
        // Only an accepted return has scores that stand; a return sent back shows its total
        // as 暂计 and no grade, an unfilled one 未填写.
        let scored = e.filter(|e| e.state() == State::Scored);
        for (k, dim) in report.dimensions.iter().enumerate() {
            let s = scored
                .and_then(|e| e.totals.dimensions.iter().find(|d| &d.name == dim))
                .map(|d| d.score);
            opt_score(ws, r, 3 + k as u16, s, f)?;
        }
        match e.map(|e| e.state()) {
            Some(State::Provisional) => {
                let total = e.map(|e| e.totals.total).unwrap_or_default();
                ws.write_string_with_format(r, col(0), format!("暂计 {total}"), &f.right)?;
            }
            Some(State::Blank) => {
                ws.write_string_with_format(r, col(0), "未填写", &f.right)?;
            }
            _ => opt_score(ws, r, col(0), scored.map(|e| e.totals.total), f)?,
        }
        let grade = e.and_then(|e| e.grade());
        ws.write_string_with_format(r, col(1), grade.unwrap_or(""), &f.center)?;
        opt_score(ws, r, col(2), e.and_then(|e| e.self_total), f)?;
        opt_score(
            ws,
            r,
            col(3),
            scored.and_then(|e| e.self_total.map(|s| s - e.totals.total)),
            f,
        )?;
        opt_rate(
            ws,
            r,
            col(4),
            e.and_then(|e| e.inputs.execution_rate()),
            &f.percent,
            &f.text,
        )?;
        ws.write_string_with_format(r, col(5), row.status.label(), &f.center)?;
        match e.and_then(|e| e.inputs.late_days) {
            Some(days) => ws.write_number_with_format(r, col(6), days as f64, &f.center)?,
            None => ws.write_blank(r, col(6), &f.center)?,
        };
        ws.write_string_with_format(
            r,
            col(7),
            e.map(|e| e.inputs.file.as_str()).unwrap_or(""),
            &f.text,
        )?;
        let sent = e.map(Report::submitted_at);
        ws.write_string_with_format(
            r,
            col(8),
            sent.as_ref().map(|s| s.at.as_str()).unwrap_or(""),
            &f.center,
        )?;
        ws.write_string_with_format(
            r,
            col(9),
            sent.map(|s| s.source.label()).unwrap_or(""),
            &f.center,
        )?;
        r += 1;
    }
    let last = r.saturating_sub(1).max(2);
    let mut w: Vec<f64> = vec![
        6.0,
        9.0,
        xlsx::fit_width(report.rows.iter().map(|r| r.dept.name.as_str()), 12.0, 30.0),
    ];
    w.extend(
        report
            .dimensions
            .iter()
            .map(|d| xlsx::fit_width([d.as_str()], 10.0, 16.0)),
    );
    w.extend([11.0, 6.0, 9.0, 8.0, 11.0, 9.0, 7.0]);
    w.push(xlsx::fit_width(
        report.evaluations().map(|e| e.inputs.file.as_str()),
        14.0,
        48.0,
    ));
    w.extend([17.0, 12.0]);
    widths(ws, &w)?;
    ws.set_freeze_panes(2, 3)?;
    ws.autofilter(1, 0, last, col(9))?;
    status_colours(ws, 2, r.saturating_sub(1), col(1), f)?;
    status_colours(ws, 2, r.saturating_sub(1), col(5), f)?;

    let ranked = report.rows.iter().filter(|row| row.rank.is_some()).count() as u32;
    if ranked > 0 {
        let mut chart = Chart::new(ChartType::Column);
        chart.title().set_name("各部门总分");
        chart
            .add_series()
            .set_name("总分")
            .set_categories((SHEET_RANKING, 2, 2, 1 + ranked, 2))
            .set_values((SHEET_RANKING, 2, col(0), 1 + ranked, col(0)));
        chart.legend().set_hidden();
        chart.y_axis().set_min(0).set_max(100);
        ws.insert_chart(r + 2, 2, &chart)?;
    }
    print(ws, 1, &report.plan.settings.name)?;
    Ok(())
}

/// Whether a department's 执行数 were all read: only those enter the city total and the chart.
fn spent_read(row: &Row) -> bool {
    row.eval.is_some_and(|e| e.inputs.spent_read())
}

/// The budget of a department whose 执行数 were not read: the plan's (or the return's) lines,
/// no spending.
fn budget_only(report: &Report, row: &Row) -> crate::validate::BudgetSummary {
    if let Some(e) = row.eval {
        let mut s = e.inputs.budget_summary;
        s.spent = Money::ZERO;
        s.basic[2] = Money::ZERO;
        s.project[2] = Money::ZERO;
        return s;
    }
    let mut s = crate::validate::BudgetSummary::default();
    for b in report.plan.budget_for(&row.dept.code) {
        s.initial = s.initial + b.initial;
        s.adjusted = s.adjusted + b.adjusted;
        let part = match b.kind {
            crate::plan::ExpenseKind::Basic => &mut s.basic,
            crate::plan::ExpenseKind::Project => &mut s.project,
        };
        part[0] = part[0] + b.initial;
        part[1] = part[1] + b.adjusted;
    }
    s
}

/// One 预算执行汇总 line: 年初, 调整后, 执行数, 执行率 for all, 基本 and 项目 (执行数 and rates
/// only when `spent`); returns the nine sums for the totals.
fn budget_line(
    ws: &mut Worksheet,
    r: u32,
    s: &crate::validate::BudgetSummary,
    spent: bool,
    (money, pct, blank): (&Format, &Format, &Format),
) -> Result<[Money; 9], XlsxError> {
    let groups = [[s.initial, s.adjusted, s.spent], s.basic, s.project];
    let mut sums = [Money::ZERO; 9];
    for (g, vals) in groups.iter().enumerate() {
        let c0 = 2 + 4 * g as u16;
        ws.write_number_with_format(r, c0, num(vals[0].value()), money)?;
        ws.write_number_with_format(r, c0 + 1, num(vals[1].value()), money)?;
        if spent {
            ws.write_number_with_format(r, c0 + 2, num(vals[2].value()), money)?;
        } else {
            ws.write_blank(r, c0 + 2, money)?;
        }
        let rate = if spent { rate(vals[2], vals[1]) } else { None };
        opt_rate(ws, r, c0 + 3, rate, pct, blank)?;
        sums[3 * g..3 * g + 3].copy_from_slice(vals);
    }
    Ok(sums)
}

fn add9(a: &mut [Money; 9], b: [Money; 9]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x = *x + y;
    }
}

/// 预算执行汇总: the departments whose 执行数 were read, in code order, and their city total
/// (the only figures the rate chart shows); then, apart and labelled, the budgets of the
/// departments that did not return or whose 执行数 could not be read, which no total or rate
/// includes.
fn budget_summary(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_BUDGET)?;
    ws.write_string_with_format(0, 0, "预算执行汇总（单位：万元）", &f.title)?;
    ws.set_row_height(0, 26)?;
    headers(ws, 1, &BUDGET_HEADERS, f)?;
    let mut rows: Vec<&Row> = report.rows.iter().collect();
    rows.sort_by(|a, b| a.dept.code.cmp(&b.dept.code));
    let (read, unread): (Vec<&Row>, Vec<&Row>) = rows.into_iter().partition(|r| spent_read(r));
    let cells = (&f.money, &f.percent, &f.text);
    let totals = (&f.total_money, &f.total_percent, &f.total_text);
    let mut r = 2;
    let mut city = [Money::ZERO; 9];
    for row in &read {
        ws.write_string_with_format(r, 0, row.dept.code.as_str(), &f.center)?;
        ws.write_string_with_format(r, 1, &row.dept.name, &f.text)?;
        let s = row
            .eval
            .map(|e| e.inputs.budget_summary)
            .unwrap_or_default();
        add9(&mut city, budget_line(ws, r, &s, true, cells)?);
        ws.write_string_with_format(r, 14, row.status.label(), &f.center)?;
        r += 1;
    }
    let data_last = r.saturating_sub(1);
    ws.write_string_with_format(r, 0, "", &f.total_text)?;
    ws.write_string_with_format(
        r,
        1,
        format!("全市合计（{} 个部门）", read.len()),
        &f.total_text,
    )?;
    let city_summary = crate::validate::BudgetSummary {
        initial: city[0],
        adjusted: city[1],
        spent: city[2],
        basic: [city[3], city[4], city[5]],
        project: [city[6], city[7], city[8]],
    };
    budget_line(ws, r, &city_summary, true, totals)?;
    ws.write_string_with_format(r, 14, "", &f.total_text)?;
    let total_row = r;
    r += 1;
    if !unread.is_empty() {
        r += 1;
        ws.merge_range(
            r,
            0,
            r,
            14,
            &format!(
                "以下 {} 个部门未报送或执行数未能读取，预算不计入上方合计和执行率",
                unread.len()
            ),
            &f.text,
        )?;
        r += 1;
        let mut rest = [Money::ZERO; 9];
        for row in &unread {
            ws.write_string_with_format(r, 0, row.dept.code.as_str(), &f.center)?;
            ws.write_string_with_format(r, 1, &row.dept.name, &f.text)?;
            add9(
                &mut rest,
                budget_line(ws, r, &budget_only(report, row), false, cells)?,
            );
            ws.write_string_with_format(r, 14, row.status.label(), &f.center)?;
            r += 1;
        }
        ws.write_string_with_format(r, 0, "", &f.total_text)?;
        ws.write_string_with_format(
            r,
            1,
            format!("未计入合计的预算（{} 个部门）", unread.len()),
            &f.total_text,
        )?;
        let rest = crate::validate::BudgetSummary {
            initial: rest[0],
            adjusted: rest[1],
            basic: [rest[3], rest[4], Money::ZERO],
            project: [rest[6], rest[7], Money::ZERO],
            ..Default::default()
        };
        budget_line(ws, r, &rest, false, totals)?;
        ws.write_string_with_format(r, 14, "", &f.total_text)?;
        status_colours(ws, total_row + 3, r.saturating_sub(1), 14, f)?;
        r += 1;
    }
    widths(
        ws,
        &[
            9.0,
            xlsx::fit_width(
                report
                    .rows
                    .iter()
                    .map(|r| r.dept.name.as_str())
                    .chain(["未计入合计的预算（000 个部门）"]),
                12.0,
                30.0,
            ),
            12.0,
            12.0,
            12.0,
            9.0,
            12.0,
            12.0,
            12.0,
            9.0,
            12.0,
            12.0,
            12.0,
            9.0,
            9.0,
        ],
    )?;
    ws.set_freeze_panes(2, 2)?;
    ws.autofilter(1, 0, data_last.max(2), 14)?;
    status_colours(ws, 2, data_last, 14, f)?;
    if data_last >= 2 {
        // Departments in code order from the top, bars from 0%; only departments whose
        // 执行数 were read.
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name("各部门预算执行率");
        chart
            .add_series()
            .set_name("执行率")
            .set_categories((SHEET_BUDGET, 2, 1, data_last, 1))
            .set_values((SHEET_BUDGET, 2, 5, data_last, 5));
        chart.legend().set_hidden();
        chart.x_axis().set_num_format("0%").set_min(0);
        chart.y_axis().set_reverse();
        let height = (data_last - 1) * 22 + 120;
        chart.set_height(height.clamp(288, 1600));
        ws.insert_chart(r + 1, 1, &chart)?;
    }
    print(ws, 1, SHEET_BUDGET)?;
    Ok(())
}

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

fn projects(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
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

fn indicator_details(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
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
    headers(ws, 0, &DETAIL_HEADERS, f)?;
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
    plain_grid(ws, 1, last, 14, f)?;
    ws.autofilter(0, 0, last, 14)?;
    print(ws, 0, SHEET_DETAILS)?;
    Ok(())
}

/// 权重, 得分 and 得分率 of one indicator in three cells from column `c`, unformatted;
/// gives their formats (得分 and 得分率 are blank text cells when the indicator was not
/// scored).
fn score_values<'f>(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    res: &crate::evaluate::IndicatorResult,
    f: &'f Formats,
) -> Result<[&'f Format; 3], XlsxError> {
    let weight = res.input.indicator.weight;
    ws.write_number(r, c, num(weight.value()))?;
    let s = res.scored.as_ref();
    let score = opt_value(
        ws,
        r,
        c + 1,
        s.map(|s| num(s.score.value())),
        &f.score,
        &f.text,
    )?;
    let rate = s.map(|s| frac(score_rate(s.score, weight)));
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

fn department(
    ws: &mut Worksheet,
    report: &Report,
    row: &Row,
    name: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let Some(e) = row.eval else { return Ok(()) };
    let plan = report.plan;
    let d = row.dept;
    ws.merge_range(
        0,
        0,
        0,
        8,
        &format!(
            "{} {}年度部门整体绩效评价指标评分表",
            d.name, plan.settings.year
        ),
        &xlsx::title(),
    )?;
    ws.set_row_height(0, 28)?;
    let rank = row
        .rank
        .map(|r| format!("第 {r} 名"))
        .unwrap_or_else(|| "不参与排名".into());
    let line = format!(
        "{}　{rank}　审核状态 {}　自评总分 {}　报送文件 {}",
        verdict_line(e),
        e.status.label(),
        e.self_total
            .map(|s| s.to_string())
            .unwrap_or_else(|| "—".into()),
        e.inputs.file
    );
    ws.merge_range(1, 0, 1, 8, &line, &f.text)?;
    let hr = 2;
    headers(ws, hr, &DEPARTMENT_HEADERS, f)?;
    let first = hr + 1;
    let n = e.indicators.len() as u32;
    let center_wrap = xlsx::wrap().set_align(FormatAlign::Center);
    // Values first, unformatted; then each column's formats in runs (one lookup per run).
    let mut scored: [Vec<&Format>; 3] = Default::default();
    let mut heights = Vec::with_capacity(e.indicators.len());
    for (k, res) in e.indicators.iter().enumerate() {
        let r = first + k as u32;
        let i = res.input.indicator;
        ws.write_string(r, 2, &*i.level3)?;
        ws.write_string(r, 3, &*i.target_text)?;
        let shown = res.shown_actual();
        ws.write_string(r, 4, shown)?;
        for (col, fmt) in scored.iter_mut().zip(score_values(ws, r, 5, res, f)?) {
            col.push(fmt);
        }
        let why = res.explanation();
        ws.write_string(r, 8, &why)?;
        let lines = [(&*i.level3, 28.0), (why.as_str(), 52.0), (shown, 14.0)]
            .iter()
            .map(|(t, w)| (xlsx::display_width(t) / (w - 1.5)).ceil().max(1.0))
            .fold(1.0, f64::max);
        heights.push(lines * 14.0 + 4.0);
        ws.set_row_height(r, lines * 14.0 + 4.0)?;
    }
    // Manual page breaks where the rows fill a page, so merged labels can be repeated at the
    // top of every page (a spreadsheet program prints a merged cell's text on its first page
    // only).
    let page = xlsx::landscape_page_points(DEPARTMENT_WIDTHS.iter().sum()) - 30.0;
    let starts = xlsx::page_starts(&heights, page - 28.0 - 20.0, page);
    let breaks: Vec<u32> = starts.iter().map(|&s| first + s as u32).collect();
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    let rows = e.indicators.len();
    for (c, fmt) in [(2, &f.wrap), (3, &f.center), (4, &f.wrap), (8, &f.wrap)] {
        xlsx::format_column(ws, c, first, &vec![fmt; rows])?;
    }
    for (c, fmts) in (5..).zip(&scored) {
        xlsx::format_column(ws, c, first, fmts)?;
    }
    // 一级/二级 merged as in the appendix, cut at page starts.
    let level = |j: usize| {
        let i = e.indicators[j].input.indicator;
        (&i.level1, &i.level2)
    };
    let runs = |same: &dyn Fn(usize, usize) -> bool| {
        let mut out = Vec::new();
        let mut start = 0usize;
        for k in 1..=e.indicators.len() {
            if k == e.indicators.len() || !same(k, start) {
                out.push((start, k - 1));
                start = k;
            }
        }
        xlsx::split_at_pages(out, &starts)
    };
    for (s, t) in runs(&|a, b| level(a).0 == level(b).0) {
        let (r0, r1) = (first + s as u32, first + t as u32);
        merge_or_write(ws, r0, r1, 0, level(s).0, &center_wrap)?;
    }
    for (s, t) in runs(&|a, b| level(a) == level(b)) {
        let (r0, r1) = (first + s as u32, first + t as u32);
        merge_or_write(ws, r0, r1, 1, level(s).1, &center_wrap)?;
    }
    // Subtotals per 评价维度, total and grade.
    let mut r = first + n;
    for dim in &e.totals.dimensions {
        ws.merge_range(r, 0, r, 4, &format!("{} 小计", dim.name), &f.total_text)?;
        ws.write_number_with_format(r, 5, num(dim.weight.value()), &f.total_score)?;
        ws.write_number_with_format(r, 6, num(dim.score.value()), &f.total_score)?;
        ws.write_number_with_format(
            r,
            7,
            frac(score_rate(dim.score, dim.weight)),
            &f.total_percent,
        )?;
        ws.write_blank(r, 8, &f.total_text)?;
        r += 1;
    }
    let total_label = match e.state() {
        State::Scored => "合计",
        State::Provisional | State::Blank => "合计（暂计）",
    };
    ws.merge_range(r, 0, r, 4, total_label, &f.total_text)?;
    ws.write_number_with_format(r, 5, num(e.totals.weight.value()), &f.total_score)?;
    if e.state() == State::Blank {
        ws.write_string_with_format(r, 6, "未填写", &f.total_text)?;
        ws.write_blank(r, 7, &f.total_text)?;
    } else {
        ws.write_number_with_format(r, 6, num(e.totals.total.value()), &f.total_score)?;
        ws.write_number_with_format(
            r,
            7,
            frac(score_rate(e.totals.total, e.totals.weight)),
            &f.total_percent,
        )?;
    }
    ws.write_blank(r, 8, &f.total_text)?;
    r += 1;
    ws.merge_range(r, 0, r, 4, "等级", &f.total_text)?;
    ws.merge_range(r, 5, r, 8, grade_text(e), &f.total_text)?;
    widths(ws, &DEPARTMENT_WIDTHS)?;
    ws.set_freeze_panes(hr + 1, 0)?;
    print(ws, hr, &format!("{}（{}）", d.name, d.code))?;
    Ok(())
}

/// Column widths of a department's score sheet.
const DEPARTMENT_WIDTHS: [f64; 9] = [10.0, 16.0, 28.0, 11.0, 14.0, 7.0, 7.0, 8.0, 52.0];

/// The total and grade as a department sheet's header line says them: a return sent back has
/// a provisional total (暂计) and no grade; an unfilled one says 未填写.
fn verdict_line(e: &crate::evaluate::Evaluation) -> String {
    match e.state() {
        State::Scored => format!("总分 {}　等级 {}", e.totals.total, e.totals.grade),
        State::Provisional => format!("暂计 {} 分（退回，不评定等级）", e.totals.total),
        State::Blank => "未填写（退回）".to_string(),
    }
}

/// The grade cell: the grade, or why there is none.
fn grade_text<'e>(e: &'e crate::evaluate::Evaluation<'_>) -> &'e str {
    match e.state() {
        State::Scored => &e.totals.grade,
        State::Provisional => "退回，不评定等级",
        State::Blank => "未填写",
    }
}

fn merge_or_write(
    ws: &mut Worksheet,
    r0: u32,
    r1: u32,
    c: u16,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 {
        ws.write_string_with_format(r0, c, text, fmt)?;
    } else {
        ws.merge_range(r0, c, r1, c, text, fmt)?;
    }
    Ok(())
}

/// Column widths of 审核问题.
const FINDING_WIDTHS: [f64; 9] = [9.0, 16.0, 30.0, 10.0, 7.0, 6.0, 6.0, 60.0, 40.0];

fn findings(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
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

/// 身份冲突: files whose template belongs to one department while the file names another,
/// used for neither, for the bureau to settle.
fn conflicts(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
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

fn missing(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
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

/// A 说明 value: counts and years are numbers, the rest text.
enum About {
    Number(f64),
    Text(String),
}

fn about(ws: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(SHEET_ABOUT)?;
    let s = &report.plan.settings;
    let a = report.assessment;
    let [passed, warned, rejected, missing] = a.counts();
    let grades: Vec<String> = s
        .grades
        .0
        .iter()
        .map(|(g, m)| format!("{g}:{}", m.normalize()))
        .collect();
    let n = |v: usize| About::Number(v as f64);
    let t = About::Text;
    let rows: Vec<(&str, About)> = vec![
        ("评价名称", t(s.name.clone())),
        ("评价年度", About::Number(f64::from(s.year))),
        ("评价方案", t(report.run.plan_file.clone())),
        ("组织单位", t(s.organiser.clone())),
        ("报送截止日期", t(s.deadline_text(""))),
        (
            "退回重报期限",
            t(format!("{} 天（自汇总之日起计算）", s.resubmit_days)),
        ),
        ("读取的输入", t(report.run.inputs.join("；"))),
        ("读取文件数", n(a.files_read)),
        ("方案中的部门", n(report.plan.departments.len())),
        ("通过", n(passed)),
        ("有警告", n(warned)),
        ("退回", n(rejected)),
        ("未报送", n(missing)),
        ("未使用的文件", n(a.unmatched.len())),
        ("已被替代的报送", n(a.superseded.len())),
        ("等级划分", t(grades.join(","))),
        ("执行率预警线", t(format!("{}%", s.warn_rate.normalize()))),
        (
            "自评差异容差",
            t(format!("{} 分", s.tolerance.value().normalize())),
        ),
        ("计分", t("得分由系统按评价方案的计分方式计算，保留两位小数（四舍五入）；评议类指标采用部门自评得分，标记待复核。排名按总分从高到低，同分同名次；退回的报送只有暂计分数，不评定等级，不参与排名。".into())),
        (
            "部门评分表",
            t(if separate_department_files(report) {
                format!(
                    "报送部门超过 {DEPARTMENT_SHEET_LIMIT} 个，各部门评分表另存于「{DEPARTMENT_DIR}」目录，每个部门一个文件"
                )
            } else {
                "见本工作簿中以部门编码命名的工作表".to_string()
            }),
        ),
        ("生成工具", t(report.run.tool.clone())),
        ("生成时间", t(report.run.generated_at.clone())),
    ];
    let rows = if s.note.is_empty() {
        rows
    } else {
        let mut r = rows;
        r.insert(1, ("方案说明", t(s.note.clone())));
        r
    };
    headers(ws, 0, &ABOUT_HEADERS, f)?;
    for (k, (key, value)) in rows.iter().enumerate() {
        let r = k as u32 + 1;
        ws.write_string_with_format(r, 0, *key, &f.text)?;
        match value {
            About::Number(v) => {
                ws.write_number_with_format(r, 1, *v, &f.left_number)?;
            }
            About::Text(v) => {
                ws.write_string_with_format(r, 1, v, &f.wrap)?;
                ws.set_row_height(r, xlsx::wrapped_height(&[(v, 90.0)]))?;
            }
        }
    }
    widths(ws, &[16.0, 90.0])?;
    print(ws, 0, SHEET_ABOUT)?;
    Ok(())
}
