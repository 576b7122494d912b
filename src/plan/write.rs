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

/// Every 计分方式 with what it means and an example, for the explanation sheet.
const RULE_HELP: [(&str, &str, &str); 20] = [
    (
        "达标",
        "达到目标得满分，否则 0 分",
        "目标「完成」，实际「完成」得满分",
    ),
    (
        "比例",
        "达到目标得满分，否则 权重×实际/目标",
        "目标 ≥2次，实际 1次，权重 1 → 0.50",
    ),
    (
        "反向比例",
        "不超过目标得满分，否则 权重×(1−(实际−目标)/目标)，两倍目标及以上 0 分",
        "目标 ≤20起，实际 25起，权重 5 → 3.75",
    ),
    (
        "档次:高=100%,中=90%,低=80%",
        "按所选档次取权重的相应比例",
        "实际「中」，权重 2 → 1.80",
    ),
    (
        "档次:高,中,低;每档0.2",
        "第一档满分，每低一档扣固定分值",
        "实际「中」，权重 2 → 1.80",
    ),
    (
        "扣分:每次0.5",
        "每发生一次扣固定分值，扣完为止",
        "发生 1 次，权重 2 → 1.50",
    ),
    (
        "趋势:下降",
        "与基准值（上年数）比较，下降得满分；无基准值时部门选择 下降/持平/上升",
        "基准值 210，实际 61 → 满分",
    ),
    (
        "趋势:上升",
        "与基准值比较，上升得满分",
        "基准值 79.6，实际 79.9 → 满分",
    ),
    (
        "等级",
        "达到目标等级得满分，否则 权重×实际等级/目标等级",
        "目标 4级，实际 3级，权重 2 → 1.50",
    ),
    (
        "评议",
        "采用部门自评得分，汇总时标记待复核",
        "无法量化的定性指标",
    ),
    (
        "分段:≥90%得5;≥80%得4;≥70%得3;≥60%得2;其他得0",
        "自上而下取第一个成立的条件；得N 为分值，得N% 为权重的百分比；其他 匹配任何值；都不成立得 0",
        "实际 85% → 4 分",
    ),
    (
        "差额扣分:每1%扣0.5",
        "按目标不允许的方向算差额（≤：超出；≥：不足；=：偏离），每个单位扣固定分值，按比例计，扣完为止",
        "目标 ≤100%，实际 102.5%，权重 5 → 5−2.5×0.5 = 3.75",
    ),
    (
        "差额扣分:每满1%扣0.5",
        "同上，只计整数个单位",
        "目标 ≤100%，实际 102.5%，权重 5 → 5−2×0.5 = 4.00",
    ),
    (
        "清单:3项,每项1",
        "部门填达到的项数或序号（①③、1、3）；不重复的项数×每项分值；项数×每项分值须等于权重",
        "填「1、3」，权重 3 → 2.00",
    ),
    (
        "定性",
        "部门选 达成/部分达成/未达成 并填自评得分，须在该档（80%～100%、60%～80%、0～60% 的权重）内，否则按最近边界计分；待复核",
        "权重 5，选「部分达成」，自评 3.5 → 3.50",
    ),
    (
        "定性:达成=80%~100%;部分达成=60%~80%;未达成=0~60%",
        "自定义档次及其分数范围（权重的百分比），须不重叠地覆盖 0～100%",
        "权重 5，选「达成」，自评 4.5 → 4.50",
    ),
    (
        "反向比例:目标/实际",
        "不超过目标得满分，否则 权重×目标/实际",
        "目标 ≤100%，实际 120%，权重 5 → 4.17",
    ),
    (
        "相对:最高值",
        "权重×实际/参评部门最高值（有该指标且未被退回的部门）；只有本部门时满分；最高值不大于 0 时按极差计分：权重×(实际−最低值)/(最高值−最低值)",
        "参评部门最高 98%，实际 95%，权重 5 → 4.85",
    ),
    (
        "相对:最低值",
        "权重×参评部门最低值/实际；最低值为 0（或负数）时不能按比例，按极差计分：权重×(最高值−实际)/(最高值−最低值)，最低值得满分、最高值得 0",
        "参评部门最低 1 次，实际 2 次，权重 4 → 2.00；最低 0%、最高 10%，实际 2%，权重 4 → 3.20",
    ),
    (
        "排名:第1名得5;第2-3名得4;其他得3",
        "按实际值从高到低在参评部门中排名，同值同名次，按名次段得分",
        "排第 2 名 → 4 分",
    ),
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
                RULE_HELP.len() + 1
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
    for (i, (rule, meaning, example)) in RULE_HELP.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, *rule, &wrap_fmt)?;
        ws.write_string_with_format(r, 1, *meaning, &wrap_fmt)?;
        ws.write_string_with_format(r, 2, *example, &wrap_fmt)?;
    }
    let note_row = RULE_HELP.len() as u32 + 2;
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

#[cfg(test)]
mod tests {
    use super::RULE_HELP;

    #[test]
    fn every_rule_of_the_explanation_sheet_parses() {
        for (rule, _, _) in RULE_HELP {
            assert!(crate::plan::parse_rule(rule).is_ok(), "{rule}");
        }
    }
}
