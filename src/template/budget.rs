//! 预算执行: the plan's budget lines (locked but for 执行数 and 备注), spare rows for projects
//! added during the year, subtotals and total as formulas with their results.

use super::*;

pub(super) fn write_budget(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    lines: &[&BudgetLine],
    f: &Formats,
    answers: Option<&Answers>,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_BUDGET)?;
    let spending = answers.map(|a| a.spending.as_slice()).unwrap_or(&[]);
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
    let header_row = 1;
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
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &b.name)?;
        ws.write_string(r, 2, &b.nature)?;
        ws.write_string(r, 3, b.kind.label())?;
        ws.write_number(r, 4, money_f64(b.initial))?;
        ws.write_number(r, 5, money_f64(b.adjusted))?;
        let given = spending.iter().find(|s| s.name == b.name);
        put_value(ws, r, 6, given.map(|s| s.spent.as_str()).unwrap_or(""))?;
        rate_formula(ws, r)?;
        put_value(ws, r, 8, given.map(|s| s.note.as_str()).unwrap_or(""))?;
    }
    let spare_first = first + lines.len() as u32;
    format_columns(
        ws,
        first,
        spare_first.saturating_sub(1),
        &[
            (0, &f.locked_center),
            (1, &f.locked_wrap),
            (2, &f.locked),
            (3, &f.locked),
            (4, &f.locked_money),
            (5, &f.locked_money),
            (6, &f.input_money),
            (7, &f.locked_rate),
            (8, &f.input_wrap),
        ],
    )?;
    let added: Vec<&crate::sample::Spending> = spending
        .iter()
        .filter(|s| !lines.iter().any(|b| b.name == s.name))
        .collect();
    let spare_last = spare_first + SPARE_BUDGET_ROWS - 1;
    for r in spare_first..=spare_last {
        let a = added.get((r - spare_first) as usize);
        let v = |pick: fn(&crate::sample::Spending) -> &str| a.map(|s| pick(s)).unwrap_or("");
        put_value(ws, r, 1, v(|s| &s.name))?;
        put_value(ws, r, 2, v(|s| &s.nature))?;
        put_value(ws, r, 3, v(|s| &s.kind))?;
        put_value(ws, r, 5, v(|s| &s.adjusted))?;
        put_value(ws, r, 6, v(|s| &s.spent))?;
        rate_formula(ws, r)?;
        put_value(ws, r, 8, v(|s| &s.note))?;
    }
    format_columns(
        ws,
        spare_first,
        spare_last,
        &[
            (0, &f.locked_center),
            (1, &f.input_wrap),
            (2, &f.input),
            (3, &f.input),
            (4, &f.locked_money),
            (5, &f.input_money),
            (6, &f.input_money),
            (7, &f.locked_rate),
            (8, &f.input_wrap),
        ],
    )?;
    if lines.is_empty() && SPARE_BUDGET_ROWS == 0 {
        return Ok(());
    }
    ws.add_data_validation(first, 6, spare_last, 6, &spent_dv)?;
    let name_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title("年中追加项目")?
        .set_input_message(
            "方案中没有的项目在此填写项目名称，并填写支出类型、调整后预算和执行数",
        )?;
    ws.add_data_validation(spare_first, 1, spare_last, 1, &name_dv)?;
    let kind_dv = DataValidation::new()
        .allow_list_strings(&["基本支出", "项目支出"])?
        .set_input_title(BudgetCol::Kind.header())?
        .set_input_message("从下拉列表选择")?
        .set_error_message("支出类型只能是「基本支出」或「项目支出」")?;
    ws.add_data_validation(spare_first, 3, spare_last, 3, &kind_dv)?;
    let nature_dv = DataValidation::new()
        .allow_list_strings(&["经常性项目", "一次性项目"])?
        .set_error_style(DataValidationErrorStyle::Information)
        .set_input_title(BudgetCol::Nature.header())?
        .set_input_message("可从下拉列表选择")?;
    ws.add_data_validation(spare_first, 2, spare_last, 2, &nature_dv)?;
    let adjusted_dv = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_title("调整后预算（万元）")?
        .set_input_message("年中追加项目的预算金额，单位万元")?
        .set_error_message("调整后预算应为不小于 0 的数字（单位：万元）")?;
    ws.add_data_validation(spare_first, 5, spare_last, 5, &adjusted_dv)?;

    // Subtotals and total, with results stored for programs that do not calculate.
    let (a, z) = (first + 1, spare_last + 1); // 1-based rows for formulas
    let sum_kind = |kind: ExpenseKind, pick: fn(&BudgetLine) -> Money| -> Money {
        lines
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| pick(b))
            .sum()
    };
    let totals_row = spare_last + 1;
    for (k, label) in BUDGET_TOTAL_LABELS.iter().enumerate() {
        let r = totals_row + k as u32;
        ws.write_string_with_format(r, 0, "", &f.total_label)?;
        ws.write_string_with_format(r, 1, *label, &f.total_label)?;
        ws.write_blank(r, 2, &f.total_label)?;
        ws.write_blank(r, 3, &f.total_label)?;
        for (c, col, pick) in [
            (
                4u16,
                'E',
                (|b: &BudgetLine| b.initial) as fn(&BudgetLine) -> Money,
            ),
            (5, 'F', |b: &BudgetLine| b.adjusted),
            (6, 'G', |_: &BudgetLine| Money::ZERO),
        ] {
            let (formula, result) = match k {
                0 => (
                    format!("=SUMIF($D${a}:$D${z},\"基本支出\",{col}{a}:{col}{z})"),
                    sum_kind(ExpenseKind::Basic, pick),
                ),
                1 => (
                    format!("=SUMIF($D${a}:$D${z},\"项目支出\",{col}{a}:{col}{z})"),
                    sum_kind(ExpenseKind::Project, pick),
                ),
                _ => (
                    format!("={col}{}+{col}{}", totals_row + 1, totals_row + 2),
                    sum_kind(ExpenseKind::Basic, pick) + sum_kind(ExpenseKind::Project, pick),
                ),
            };
            ws.write_formula_with_format(
                r,
                c,
                Formula::new(formula).set_result(fmt_plain(result.value())),
                &f.total_money,
            )?;
        }
        rate_formula(ws, r)?;
        ws.set_range_format(r, 7, r, 7, &f.total_rate)?;
        ws.write_blank(r, 8, &f.total_label)?;
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

/// 执行率 = 执行数 / 调整后预算, blank until 执行数 is filled; the stored result is blank.
/// Written unformatted: the caller formats column H.
pub(super) fn rate_formula(ws: &mut Worksheet, r: u32) -> Result<(), XlsxError> {
    let n = r + 1;
    ws.write_formula(
        r,
        7,
        Formula::new(format!("=IF(AND(ISNUMBER(G{n}),N(F{n})>0),G{n}/F{n},\"\")")).set_result(""),
    )?;
    Ok(())
}
