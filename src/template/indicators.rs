//! 绩效指标: one row per indicator, 一级/二级 merged, four validated input columns with input
//! messages saying what to type.

use super::*;

pub(super) fn write_indicators(
    ws: &mut Worksheet,
    plan: &Plan,
    dept: &Department,
    indicators: &[&Indicator],
    budget_lines: usize,
    last: Option<super::LastYear<'_>>,
    f: &Formats,
) -> Result<(), XlsxError> {
    use IndicatorCol as C;
    // A 趋势 indicator without a 基准值 compares with last year's figure when there is one:
    // the department then types a number, not a direction.
    let with_baseline: Vec<Option<Indicator>> = indicators
        .iter()
        .map(|i| last.and_then(|l| l.with_baseline(i)))
        .collect();
    let indicators: Vec<&Indicator> = indicators
        .iter()
        .zip(&with_baseline)
        .map(|(i, own)| own.as_ref().unwrap_or(i))
        .collect();
    let indicators = indicators.as_slice();
    ws.set_name(SHEET_INDICATORS)?;
    let previous_col = IndicatorCol::HEADERS.len() as u16;
    let last_col = if last.is_some() {
        previous_col
    } else {
        previous_col - 1
    };
    ws.merge_range(
        0,
        0,
        0,
        last_col,
        &format!(
            "{} {} 年度部门整体绩效自评表",
            dept.name, plan.settings.year
        ),
        &f.title,
    )?;
    ws.set_row_height(0, 28)?;
    let header_row = 1;
    for (c, h) in IndicatorCol::HEADERS.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &f.header)?;
    }
    if last.is_some() {
        ws.write_string_with_format(header_row, previous_col, PREVIOUS_ACTUAL, &f.header)?;
    }
    let first = header_row + 1;
    let widths = indicator_widths(indicators);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    if last.is_some() {
        ws.set_column_width(previous_col, 14)?;
    }

    let reason_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title(IndicatorCol::Reason.header())?
        .set_input_message("未得满分的指标必须填写：未完成的原因和下一步改进措施")?;
    let evidence_dv = DataValidation::new()
        .allow_any_value()
        .set_input_title(IndicatorCol::Evidence.header())?
        .set_input_message("列出可供核查的材料名称，如 年度工作总结、会议纪要、验收报告")?;
    let n = indicators.len() as u32;
    if n > 0 {
        ws.add_data_validation(
            first,
            C::Reason.col(),
            first + n - 1,
            C::Reason.col(),
            &reason_dv,
        )?;
        ws.add_data_validation(
            first,
            C::Evidence.col(),
            first + n - 1,
            C::Evidence.col(),
            &evidence_dv,
        )?;
    }

    // Validations are grouped: one per distinct answer form, spread over its rows, so a
    // template carries a handful of rules rather than one per cell.
    let mut actual_groups: Vec<((AnswerKind, bool), Vec<u32>)> = Vec::new();
    for (i, ind) in indicators.iter().enumerate() {
        let r = first + i as u32;
        ws.write_string(r, C::Code.col(), ind.code.as_str())?;
        ws.write_string(r, C::Level3.col(), &*ind.level3)?;
        ws.write_string(r, C::Target.col(), &*ind.target_text)?;
        ws.write_number(r, C::Weight.col(), xlsx::decimal_f64(ind.weight.value()))?;
        ws.write_string(r, C::Criteria.col(), &*criteria(ind))?;
        if let Some(l) = last {
            let before = l.actual(&ind.code).unwrap_or(NO_PREVIOUS);
            ws.write_string_with_format(r, previous_col, before, &f.locked_wrap)?;
        }
        if let Some(source) = ind.computed {
            // Computed from 预算执行, locked: the reader recomputes it anyway.
            let formula = super::budget::rate_of_totals(budget_lines, source);
            ws.write_formula(r, C::Actual.col(), Formula::new(formula).set_result(""))?;
        } else {
            let key = (AnswerKind::of(ind), ind.may_not_apply);
            match actual_groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, rows)) => rows.push(r),
                None => actual_groups.push((key, vec![r])),
            }
        }
        ws.set_row_height(r, row_height(ind, &widths))?;
    }
    format_columns(
        ws,
        first,
        (first + n).saturating_sub(1),
        &[
            (C::Code.col(), &f.locked_center),
            (C::Level3.col(), &f.locked_wrap),
            (C::Target.col(), &f.locked_center),
            (C::Weight.col(), &f.locked_center),
            (C::Criteria.col(), &f.locked_wrap),
            (C::SelfScore.col(), &f.input),
            (C::Reason.col(), &f.input_wrap),
            (C::Evidence.col(), &f.input_wrap),
        ],
    )?;
    // 实际完成值: a percent cell where the answer is a percentage, a locked percent where it
    // is computed, in runs of equal form.
    let form = |ind: &Indicator| match AnswerKind::of(ind) {
        AnswerKind::Computed => 2,
        AnswerKind::Percent(_) => 1,
        _ => 0,
    };
    let mut i = 0;
    while i < indicators.len() {
        let kind = form(indicators[i]);
        let mut j = i + 1;
        while j < indicators.len() && form(indicators[j]) == kind {
            j += 1;
        }
        let fmt = match kind {
            2 => &f.locked_rate,
            1 => &f.input_percent,
            _ => &f.input,
        };
        format_columns(
            ws,
            first + i as u32,
            first + j as u32 - 1,
            &[(C::Actual.col(), fmt)],
        )?;
        i = j;
    }
    for ((kind, may_not_apply), rows) in &actual_groups {
        let dv = actual_validation(kind, *may_not_apply, rows[0])?
            .set_multi_range(ranges(C::Actual.col().into(), rows));
        ws.add_data_validation(rows[0], C::Actual.col(), rows[0], C::Actual.col(), &dv)?;
    }
    if n > 0 {
        ws.add_data_validation(
            first,
            C::SelfScore.col(),
            first + n - 1,
            C::SelfScore.col(),
            &self_score_validation(first)?,
        )?;
    }
    merge_levels(ws, indicators, first, f)?;

    // Total row: weights and self-scores, results stored.
    let total = first + n;
    let weight_sum: Decimal = indicators.iter().map(|i| i.weight.value()).sum();
    ws.write_string_with_format(total, 0, "", &f.total_label)?;
    ws.merge_range(
        total,
        C::Level1.col(),
        total,
        C::Target.col(),
        crate::layout::template::TOTAL_LABEL,
        &f.total_label,
    )?;
    let (a, z) = (first + 1, first + n.max(1));
    let sum = |c: C| {
        let l = crate::domain::CellRef::col_name(u32::from(c.col()));
        format!("=SUM({l}{a}:{l}{z})")
    };
    ws.write_formula_with_format(
        total,
        C::Weight.col(),
        Formula::new(sum(C::Weight)).set_result(fmt_plain(weight_sum)),
        &f.total_money,
    )?;
    ws.write_blank(total, C::Criteria.col(), &f.total_label)?;
    ws.write_blank(total, C::Actual.col(), &f.total_label)?;
    ws.write_formula_with_format(
        total,
        C::SelfScore.col(),
        Formula::new(sum(C::SelfScore)).set_result("0"),
        &f.total_money,
    )?;
    ws.write_blank(total, C::Reason.col(), &f.total_label)?;
    ws.write_blank(total, C::Evidence.col(), &f.total_label)?;
    if last.is_some() {
        ws.write_blank(total, previous_col, &f.total_label)?;
    }

    ws.set_row_height(header_row, 30)?;
    ws.set_freeze_panes(header_row + 1, 5)?;
    print_setup(ws, dept, Some(header_row))?;
    protect(ws);
    Ok(())
}

/// Merges 一级指标 runs and, inside them, 二级指标 runs, as in the reference appendix.
pub(super) fn merge_levels(
    ws: &mut Worksheet,
    inds: &[&Indicator],
    first: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut put = |col: u16, start: usize, end: usize, text: &str| -> Result<(), XlsxError> {
        let (r0, r1) = (first + start as u32, first + end as u32);
        if r0 == r1 {
            ws.write_string_with_format(r0, col, text, &f.locked_center)?;
        } else {
            ws.merge_range(r0, col, r1, col, text, &f.locked_center)?;
        }
        Ok(())
    };
    let runs = |same: &dyn Fn(&Indicator, &Indicator) -> bool| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=inds.len() {
            if i == inds.len() || !same(inds[i], inds[start]) {
                out.push((start, i - 1));
                start = i;
            }
        }
        out
    };
    if inds.is_empty() {
        return Ok(());
    }
    for (s, e) in runs(&|a, b| a.level1 == b.level1) {
        put(1, s, e, &inds[s].level1)?;
    }
    for (s, e) in runs(&|a, b| a.level1 == b.level1 && a.level2 == b.level2) {
        put(2, s, e, &inds[s].level2)?;
    }
    Ok(())
}

pub(super) fn indicator_widths(inds: &[&Indicator]) -> [f64; 11] {
    let col = |get: fn(&Indicator) -> &str, min: f64, max: f64| {
        xlsx::fit_width(inds.iter().map(|i| get(i)), min, max)
    };
    let shown: Vec<std::borrow::Cow<'_, str>> = inds.iter().map(|i| criteria(i)).collect();
    [
        8.0,
        col(|i| &i.level1, 8.0, 12.0),
        col(|i| &i.level2, 10.0, 16.0),
        col(|i| &i.level3, 16.0, 28.0),
        col(|i| &i.target_text, 9.0, 14.0),
        6.0,
        xlsx::fit_width(shown.iter().map(|c| &**c), 16.0, 28.0),
        14.0,
        9.0,
        28.0,
        18.0,
    ]
}

/// 评分标准 as the plan writes it, or its 计分方式 when the plan leaves it blank, so that a
/// department always sees how it is scored.
/// 评分标准 as the template shows it: the plan's words, and for a 趋势 indicator the figure
/// its answer is compared with (the plan's 基准值, or last year's when the plan has none), so
/// that the department sees everything its cell is scored against.
fn criteria(ind: &Indicator) -> std::borrow::Cow<'_, str> {
    let words: &str = if ind.criteria.is_empty() {
        &ind.rule_text
    } else {
        &ind.criteria
    };
    match ind.baseline_shown() {
        Some(base) => format!("{words}（比较对象：{base}）").into(),
        None => words.into(),
    }
}

/// A row tall enough for its wrapped texts (Excel does not grow rows of generated files).
pub(super) fn row_height(ind: &Indicator, widths: &[f64; 11]) -> f64 {
    let lines =
        |text: &str, width: f64| (xlsx::display_width(text) / (width - 1.5)).ceil().max(1.0);
    let n = [
        lines(&ind.level3, widths[3]),
        lines(&criteria(ind), widths[6]),
        lines(&ind.target_text, widths[4]),
    ]
    .into_iter()
    .fold(1.0, f64::max);
    (n * 14.0 + 6.0).max(20.0)
}

/// The 实际完成值 validation of one answer form; `may_not_apply` also lets 不适用 through (in
/// the dropdown for labels, by a formula for numbers). `first_row` is the first row the rule
/// covers, 0-based, for the formula's relative reference.
pub(super) fn actual_validation(
    kind: &AnswerKind,
    may_not_apply: bool,
    first_row: u32,
) -> Result<DataValidation, XlsxError> {
    use crate::score::NOT_APPLICABLE;
    let mut labels_na: Vec<String> = Vec::new();
    if let AnswerKind::Labels(labels) = kind {
        labels_na = labels.clone();
        if may_not_apply {
            labels_na.push(NOT_APPLICABLE.into());
        }
    }
    let numeric = matches!(
        kind,
        AnswerKind::Percent(_) | AnswerKind::Number { .. } | AnswerKind::Count | AnswerKind::Level
    );
    if may_not_apply && numeric {
        let cell = format!(
            "{}{}",
            crate::domain::CellRef::col_name(IndicatorCol::Actual.col().into()),
            first_row + 1
        );
        let message = format!("{}；本指标不适用时填「{NOT_APPLICABLE}」", kind.describe());
        return DataValidation::new()
            .allow_custom(Formula::new(format!(
                "=OR(ISNUMBER({cell}),{cell}=\"{NOT_APPLICABLE}\")"
            )))
            .set_error_message(format!("请填写数值，或填「{NOT_APPLICABLE}」"))?
            .set_input_title(IndicatorCol::Actual.header())?
            .set_input_message(truncate(&message, 250));
    }
    let dv = match kind {
        AnswerKind::Labels(_) if labels_na.iter().map(|l| l.len() + 1).sum::<usize>() < 250 => {
            let labels = &labels_na;
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            DataValidation::new()
                .allow_list_strings(&refs)?
                .set_error_message(truncate(
                    &format!("请从下拉列表中选择：{}", labels.join("、")),
                    250,
                ))?
        }
        AnswerKind::Labels(_)
        | AnswerKind::SelfScore
        | AnswerKind::Checklist { .. }
        | AnswerKind::Computed => DataValidation::new().allow_any_value(),
        // As far as the rule can score: 0%–1000% for a completion rate, −100%–1000% for a
        // 变动率 (the cell stores 2.6% as 0.026).
        AnswerKind::Percent(range) => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(
                xlsx::decimal_f64(range.lo / Decimal::ONE_HUNDRED),
                xlsx::decimal_f64(range.hi / Decimal::ONE_HUNDRED),
            ))
            .set_error_message(format!(
                "请输入 {} 之间、带 % 号的百分数，如 {}",
                range.text(),
                if range.lo < Decimal::ZERO {
                    "95%、0.4% 或 -7.5%"
                } else {
                    "95% 或 0.4%"
                }
            ))?,
        // A 变动率 against ≤0 may be negative; a count against ≥2 may not.
        AnswerKind::Number { unit, signed: true } => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
            .set_error_message(if unit.is_empty() {
                "请填写阿拉伯数字（可为负数）".to_string()
            } else {
                format!("请填写阿拉伯数字（单位：{unit}，不必填写单位，可为负数）")
            })?,
        AnswerKind::Number { unit, .. } => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_error_message(if unit.is_empty() {
                "请填写不小于 0 的阿拉伯数字".to_string()
            } else {
                format!("请填写不小于 0 的阿拉伯数字（单位：{unit}，不必填写单位）")
            })?,
        AnswerKind::Count => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_message("请填写发生次数：0 或正整数")?,
        AnswerKind::Level => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 20))
            .set_error_message("请填写等级数字，如 4")?,
    };
    let message = match kind {
        AnswerKind::Number { unit, .. } if !unit.is_empty() => {
            format!("对照左侧目标值，填写阿拉伯数字，单位为「{unit}」（不必填写单位），如 12")
        }
        AnswerKind::Percent(_) => kind.describe(),
        AnswerKind::Level => "对照左侧目标值，填写等级数字，如 4".to_string(),
        AnswerKind::Labels(_) if may_not_apply => AnswerKind::Labels(labels_na.clone()).describe(),
        other => other.describe(),
    };
    dv.set_input_title(IndicatorCol::Actual.header())?
        .set_input_message(truncate(&message, 250))
}

/// 自评得分 between 0 and the weight in column F of the same row (one rule for the column).
pub(super) fn self_score_validation(first: u32) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_decimal_number_formula(DataValidationRule::Between(
            Formula::new("0"),
            Formula::new(format!("$F{}", first + 1)),
        ))
        .set_input_title(IndicatorCol::SelfScore.header())?
        .set_input_message("按评分标准自评，填写 0 到本行「权重」之间的分数")?
        .set_error_message("自评得分应在 0 与本行「权重」之间")
}
