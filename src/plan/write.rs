//! Plan writer: plan sheets as text → the bytes of a 评价方案.xlsx a finance officer edits.
//!
//! Numbers (权重, budgets, 基准值, 评价年度) are written as numbers, the deadline as a date,
//! codes and everything else as text (so `001` keeps its zeros and nothing becomes a formula).
//! Headers are styled and frozen, widths fit Chinese text, 计分方式 has a dropdown fed by the
//! `计分方式说明` sheet (which also explains every rule), 支出类型 a strict dropdown.
//! Reading the bytes back with [`crate::plan::read`] gives the same plan as the text.

use super::{SHEET_BUDGET, SHEET_INDICATORS, SHEET_SETTINGS};
use crate::sheet::{RawSheet, header_key};
use crate::text::parse_plain_number;
use crate::xlsx;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Formula, Worksheet, XlsxError};

pub use crate::layout::plan::SHEET_RULES;
use crate::layout::plan::{BudgetCol, IndicatorCol, SettingKey, SettingsCol};

/// Columns written as numbers.
const NUMBER_COLUMNS: [&str; 4] = [
    IndicatorCol::Weight.header(),
    BudgetCol::Initial.header(),
    BudgetCol::Adjusted.header(),
    IndicatorCol::Baseline.header(),
];
/// Columns that hold long text and wrap.
const WRAP_COLUMNS: [&str; 6] = [
    IndicatorCol::Level3.header(),
    IndicatorCol::Criteria.header(),
    IndicatorCol::Source.header(),
    SettingKey::Note.key(),
    SettingsCol::Value.header(),
    IndicatorCol::Rule.header(),
];

/// Writes the plan workbook for these sheets.
pub fn workbook(sheets: &[RawSheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = xlsx::workbook(&xlsx::properties("评价方案"));
    for sheet in sheets {
        let ws = wb.add_worksheet();
        write_sheet(ws, sheet)?;
    }
    let ws = wb.add_worksheet();
    write_rules_sheet(ws)?;
    wb.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, sheet: &RawSheet) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let header_fmt = xlsx::header();
    let text_fmt = xlsx::base();
    let wrap_fmt = xlsx::wrap();
    let number_fmt = xlsx::base();
    let money_fmt = xlsx::money();
    let date_fmt = xlsx::base().set_num_format("yyyy-mm-dd");
    let Some(first) = sheet.rows.first() else {
        return Ok(());
    };
    let headers: Vec<String> = first.cells().map(header_key).collect();
    let ncols = headers.len();
    let mut widths: Vec<Vec<&str>> = vec![Vec::new(); ncols];
    let mut last_row = 0;
    for row in &sheet.rows {
        let r = row.row;
        last_row = r;
        for (c, text) in row.cells().enumerate().take(ncols) {
            let col = c as u16;
            let name = headers[c].as_str();
            if row.row == first.row {
                ws.write_string_with_format(r, col, text, &header_fmt)?;
                widths[c].push(text);
                continue;
            }
            widths[c].push(text);
            let number = parse_plain_number(text).filter(|_| !text.trim().is_empty());
            let key = row.get(0);
            match (name, number) {
                (n, Some(d)) if NUMBER_COLUMNS.contains(&n) => {
                    let f = d.to_string().parse::<f64>().unwrap_or_default();
                    let fmt = if n.ends_with("预算") {
                        &money_fmt
                    } else {
                        &number_fmt
                    };
                    ws.write_number_with_format(r, col, f, fmt)?;
                }
                (v, Some(d))
                    if v == SettingsCol::Value.header()
                        && sheet.name == SHEET_SETTINGS
                        && key == SettingKey::Year.key() =>
                {
                    let f = d.to_string().parse::<f64>().unwrap_or_default();
                    ws.write_number_with_format(r, col, f, &number_fmt)?;
                }
                (v, _)
                    if v == SettingsCol::Value.header()
                        && sheet.name == SHEET_SETTINGS
                        && key == SettingKey::Deadline.key() =>
                {
                    match xlsx::parse_ymd(text) {
                        Some(date) => ws.write_datetime_with_format(r, col, &date, &date_fmt)?,
                        None => ws.write_string_with_format(r, col, text, &wrap_fmt)?,
                    };
                }
                (n, _) if WRAP_COLUMNS.contains(&n) => {
                    ws.write_string_with_format(r, col, text, &wrap_fmt)?;
                }
                _ => {
                    ws.write_string_with_format(r, col, text, &text_fmt)?;
                }
            }
        }
    }
    for (c, texts) in widths.iter().enumerate() {
        let max = if WRAP_COLUMNS.contains(&headers[c].as_str()) {
            48.0
        } else {
            30.0
        };
        ws.set_column_width(c as u16, xlsx::fit_width(texts.iter().copied(), 8.0, max))?;
    }
    ws.set_row_height(first.row, 24)?;
    ws.set_freeze_panes(first.row + 1, 0)?;
    if sheet.name != SHEET_SETTINGS && ncols > 0 {
        ws.autofilter(first.row, 0, last_row.max(first.row), (ncols - 1) as u16)?;
    }
    let data_end = (last_row + 500).max(1000);
    if sheet.name == SHEET_INDICATORS
        && let Some(c) = headers
            .iter()
            .position(|h| h == IndicatorCol::Rule.header())
    {
        let dv = DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "='{SHEET_RULES}'!$A$2:$A${}",
                super::Kind::all_forms().count() + 1
            )))
            .set_error_style(DataValidationErrorStyle::Information)
            .set_input_title(IndicatorCol::Rule.header())?
            .set_input_message(
                "可从列表选择，也可按同样写法自定义档次、分值；留空则按目标值自动判断",
            )?;
        ws.add_data_validation(first.row + 1, c as u16, data_end, c as u16, &dv)?;
    }
    if sheet.name == SHEET_BUDGET
        && let Some(c) = headers.iter().position(|h| h == BudgetCol::Kind.header())
    {
        let dv = DataValidation::new()
            .allow_list_strings(&["基本支出", "项目支出"])?
            .set_error_title(BudgetCol::Kind.header())?
            .set_error_message("支出类型只能是「基本支出」或「项目支出」")?;
        ws.add_data_validation(first.row + 1, c as u16, data_end, c as u16, &dv)?;
    }
    Ok(())
}

fn write_rules_sheet(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name(SHEET_RULES)?;
    let header_fmt = xlsx::header();
    let wrap_fmt = xlsx::wrap();
    for (c, h) in ["计分方式", "含义", "示例"].iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header_fmt)?;
    }
    let mut r = 0;
    for (_, form) in super::Kind::all_forms() {
        r += 1;
        ws.write_string_with_format(r, 0, form.rule, &wrap_fmt)?;
        ws.write_string_with_format(r, 1, form.meaning, &wrap_fmt)?;
        ws.write_string_with_format(r, 2, form.shown, &wrap_fmt)?;
    }
    let note_row = r + 2;
    ws.write_string(
        note_row,
        0,
        "计分方式留空时按目标值判断：完成、及时等文字为达标；≥N、N% 为比例；≤N 为反向比例；N级 为等级；下降/上升 为趋势；其他文字为评议。",
    )?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 56)?;
    ws.set_column_width(2, 40)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
