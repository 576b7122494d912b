//! 预算执行: the plan's budget lines (locked but for 执行数 and 备注), spare rows for projects
//! added during the year, subtotals and total as formulas with their results.

use super::*;
use crate::layout::template::BudgetCol as B;

/// Column letters of a budget column, for formulas.
fn letter(c: B) -> String {
    crate::domain::CellRef::col_name(u32::from(c.col()))
}

pub(super) fn write_budget(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    lines: &[&BudgetLine],
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_BUDGET)?;
    let last_col = (BudgetCol::HEADERS.len() - 1) as u16;
    ws.merge_range(
        0,
        0,
        0,
        last_col,
        &format!(
            "{} {} 年度预算执行情况（单位：万元）",
            dept.name, plan.settings.year
        ),
        &f.title,
    )?;
    ws.set_row_height(0, 28)?;
    let header_row = HEADER_ROW;
    for (c, h) in BudgetCol::HEADERS.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &f.header)?;
    }
    let first = header_row + 1;
    let spent_dv = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_title("执行数（万元）")?
        .set_input_message("填写本项目全年实际支出，单位万元，保留两位小数；未支出填 0")?
        .set_error_message("执行数应为不小于 0 的数字（单位：万元）")?;
    for (i, b) in lines.iter().enumerate() {
        let r = first + i as u32;
        ws.write_number(r, B::No.col(), (i + 1) as f64)?;
        ws.write_string(r, B::Name.col(), &b.name)?;
        ws.write_string(r, B::Nature.col(), &b.nature)?;
        ws.write_string(r, B::Kind.col(), b.kind.label())?;
        ws.write_number(r, B::Initial.col(), money_f64(b.initial))?;
        ws.write_number(r, B::Adjusted.col(), money_f64(b.adjusted))?;
        rate_formula(ws, r)?;
    }
    let spare_first = first + lines.len() as u32;
    format_columns(
        ws,
        first,
        spare_first.saturating_sub(1),
        &[
            (B::No.col(), &f.locked_center),
            (B::Name.col(), &f.locked_wrap),
            (B::Nature.col(), &f.locked),
            (B::Kind.col(), &f.locked),
            (B::Initial.col(), &f.locked_money),
            (B::Adjusted.col(), &f.locked_money),
            (B::Spent.col(), &f.input_money),
            (B::Rate.col(), &f.locked_rate),
            (B::Note.col(), &f.input_wrap),
        ],
    )?;
    let spare_last = spare_first + SPARE_BUDGET_ROWS - 1;
    for r in spare_first..=spare_last {
        rate_formula(ws, r)?;
    }
    format_columns(
        ws,
        spare_first,
        spare_last,
        &[
            (B::No.col(), &f.locked_center),
            (B::Name.col(), &f.input_wrap),
            (B::Nature.col(), &f.input),
            (B::Kind.col(), &f.input),
            (B::Initial.col(), &f.locked_money),
            (B::Adjusted.col(), &f.input_money),
            (B::Spent.col(), &f.input_money),
            (B::Rate.col(), &f.locked_rate),
            (B::Note.col(), &f.input_wrap),
        ],
    )?;
    if lines.is_empty() && SPARE_BUDGET_ROWS == 0 {
        return Ok(());
    }
    ws.add_data_validation(first, B::Spent.col(), spare_last, B::Spent.col(), &spent_dv)?;
    let name_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title("年中追加项目")?
        .set_input_message(
            "方案中没有的项目在此填写项目名称，并填写支出类型、调整后预算和执行数",
        )?;
    ws.add_data_validation(
        spare_first,
        B::Name.col(),
        spare_last,
        B::Name.col(),
        &name_dv,
    )?;
    let kind_dv = DataValidation::new()
        .allow_list_strings(&["基本支出", "项目支出"])?
        .set_input_title(BudgetCol::Kind.header())?
        .set_input_message("从下拉列表选择")?
        .set_error_message("支出类型只能是「基本支出」或「项目支出」")?;
    ws.add_data_validation(
        spare_first,
        B::Kind.col(),
        spare_last,
        B::Kind.col(),
        &kind_dv,
    )?;
    let nature_dv = DataValidation::new()
        .allow_list_strings(&["经常性项目", "一次性项目"])?
        .set_error_style(DataValidationErrorStyle::Information)
        .set_input_title(BudgetCol::Nature.header())?
        .set_input_message("可从下拉列表选择")?;
    ws.add_data_validation(
        spare_first,
        B::Nature.col(),
        spare_last,
        B::Nature.col(),
        &nature_dv,
    )?;
    let adjusted_dv = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_title("调整后预算（万元）")?
        .set_input_message("年中追加项目的预算金额，单位万元")?
        .set_error_message("调整后预算应为不小于 0 的数字（单位：万元）")?;
    ws.add_data_validation(
        spare_first,
        B::Adjusted.col(),
        spare_last,
        B::Adjusted.col(),
        &adjusted_dv,
    )?;

    // Subtotals and total, with results stored for programs that do not calculate.
    let (a, z) = (first + 1, spare_last + 1); // 1-based rows for formulas
    let kind = letter(B::Kind);
    let sum_kind = |kind: ExpenseKind, pick: fn(&BudgetLine) -> Money| -> Money {
        lines
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| pick(b))
            .sum()
    };
    let totals_row = totals_row(lines.len());
    debug_assert_eq!(totals_row, spare_last + 1);
    for (k, label) in BUDGET_TOTAL_LABELS.iter().enumerate() {
        let r = totals_row + k as u32;
        ws.write_string_with_format(r, B::No.col(), "", &f.total_label)?;
        ws.write_string_with_format(r, B::Name.col(), *label, &f.total_label)?;
        ws.write_blank(r, B::Nature.col(), &f.total_label)?;
        ws.write_blank(r, B::Kind.col(), &f.total_label)?;
        for (c, pick) in [
            (
                B::Initial,
                (|b: &BudgetLine| b.initial) as fn(&BudgetLine) -> Money,
            ),
            (B::Adjusted, |b: &BudgetLine| b.adjusted),
            (B::Spent, |_: &BudgetLine| Money::ZERO),
        ] {
            let col = letter(c);
            let (formula, result) = match k {
                0 => (
                    format!("=SUMIF(${kind}${a}:${kind}${z},\"基本支出\",{col}{a}:{col}{z})"),
                    sum_kind(ExpenseKind::Basic, pick),
                ),
                1 => (
                    format!("=SUMIF(${kind}${a}:${kind}${z},\"项目支出\",{col}{a}:{col}{z})"),
                    sum_kind(ExpenseKind::Project, pick),
                ),
                _ => (
                    format!("={col}{}+{col}{}", totals_row + 1, totals_row + 2),
                    sum_kind(ExpenseKind::Basic, pick) + sum_kind(ExpenseKind::Project, pick),
                ),
            };
            ws.write_formula_with_format(
                r,
                c.col(),
                Formula::new(formula).set_result(fmt_plain(result.value())),
                &f.total_money,
            )?;
        }
        rate_formula(ws, r)?;
        ws.set_range_format(r, B::Rate.col(), r, B::Rate.col(), &f.total_rate)?;
        ws.write_blank(r, B::Note.col(), &f.total_label)?;
    }

    let widths: [f64; 9] = [
        6.0,
        xlsx::fit_width(
            lines
                .iter()
                .map(|b| b.name.as_str())
                .chain(["省市级专项经费（追加）"]),
            16.0,
            30.0,
        ),
        12.0,
        11.0,
        12.0,
        12.0,
        12.0,
        10.0,
        24.0,
    ];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_row_height(header_row, 24)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    print_setup(ws, dept, Some(header_row))?;
    protect(ws);
    Ok(())
}

/// The header row of 预算执行 (0-based).
const HEADER_ROW: u32 = 1;

/// The first of the three total rows (基本支出小计, 项目支出小计, 合计) of a sheet with `lines`
/// plan lines, 0-based.
pub(super) fn totals_row(lines: usize) -> u32 {
    HEADER_ROW + 1 + lines as u32 + SPARE_BUDGET_ROWS
}

/// The formula of an execution rate read from the total rows: `source` picks the row.
pub(super) fn rate_of_totals(lines: usize, source: crate::plan::ActualSource) -> String {
    use crate::plan::ActualSource as A;
    let k = match source {
        A::Basic => 0,
        A::Project => 1,
        A::Total => 2,
    };
    let n = totals_row(lines) + k + 1;
    let (g, f) = (letter(B::Spent), letter(B::Adjusted));
    let sheet = format!("'{SHEET_BUDGET}'!");
    format!("=IF(N({sheet}{f}{n})>0,{sheet}{g}{n}/{sheet}{f}{n},\"\")")
}

/// 执行率 = 执行数 / 调整后预算, blank until 执行数 is filled; the stored result is blank.
/// Written unformatted: the caller formats the column.
pub(super) fn rate_formula(ws: &mut Worksheet, r: u32) -> Result<(), XlsxError> {
    let n = r + 1;
    let (g, f) = (letter(B::Spent), letter(B::Adjusted));
    ws.write_formula(
        r,
        B::Rate.col(),
        Formula::new(format!(
            "=IF(AND(ISNUMBER({g}{n}),N({f}{n})>0),{g}{n}/{f}{n},\"\")"
        ))
        .set_result(""),
    )?;
    Ok(())
}
