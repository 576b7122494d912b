//! 绩效指标: rows found by 指标编码, locked cells compared with the plan (the bureau's change
//! told apart from the department's), 自评得分 read against the weight.

use super::*;

pub(super) fn read_indicators<'p>(
    ctx: &mut Ctx,
    plan: &'p Plan,
    dept: &'p Department,
    sheet: Option<&RawSheet>,
) -> (Vec<IndicatorInput<'p>>, Vec<RepeatedPrevious>) {
    let mut repeated = Vec::new();
    let inputs = read_rows(ctx, plan, dept, sheet, &mut repeated);
    (inputs, repeated)
}

fn read_rows<'p>(
    ctx: &mut Ctx,
    plan: &'p Plan,
    dept: &'p Department,
    sheet: Option<&RawSheet>,
    repeated: &mut Vec<RepeatedPrevious>,
) -> Vec<IndicatorInput<'p>> {
    let plan_inds = plan.indicators_for(dept);
    let blank = |indicator: &'p Indicator| IndicatorInput {
        indicator,
        row: None,
        actual: String::new(),
        self_score: None,
        reason: String::new(),
        evidence: String::new(),
        weight_changed: false,
        cells: InputCells::default(),
    };
    let Some(sheet) = sheet else {
        missing_sheet(ctx, SHEET_INDICATORS);
        return plan_inds.into_iter().map(blank).collect();
    };
    let Some(header) = sheet.header(IndicatorCol::Code.header()) else {
        ctx.push(
            Code::MissingColumn,
            Location::sheet(ctx.file, SHEET_INDICATORS),
            "工作表「绩效指标」找不到表头（应有「指标编码」「实际完成值」等列）",
            "请使用财政局下发的模板，不要删除或修改表头",
        );
        return plan_inds.into_iter().map(blank).collect();
    };
    if missing_columns(
        ctx,
        SHEET_INDICATORS,
        &header,
        &[
            IndicatorCol::Code.header(),
            IndicatorCol::Actual.header(),
            IndicatorCol::SelfScore.header(),
        ],
    ) {
        return plan_inds.into_iter().map(blank).collect();
    }
    let cols = Cols { header: &header };
    // 指标编码 → first row; duplicates and unknown codes are reported.
    let mut rows: std::collections::HashMap<String, &RawRow> = std::collections::HashMap::new();
    for row in sheet.rows.iter().filter(|r| r.row > header.row) {
        let code = normalize_text(cols.text(row, IndicatorCol::Code.header()));
        if code.is_empty() || code == TOTAL_LABEL {
            continue;
        }
        let cell = cols
            .cell(row, IndicatorCol::Code.header())
            .unwrap_or(CellRef::new(row.row, 0));
        if !plan_inds.iter().any(|i| i.code.as_str() == code) {
            ctx.push(
                Code::ExtraIndicator,
                ctx.at(SHEET_INDICATORS, cell),
                format!("指标编码「{code}」不在本部门的评价方案中，该行未计分"),
                "请不要在模板中增加指标行",
            );
            continue;
        }
        if rows.contains_key(&code) {
            ctx.push(
                Code::DuplicateIndicator,
                ctx.at(SHEET_INDICATORS, cell),
                format!("指标「{code}」重复出现，只采用第一次出现的行"),
                "请删除重复的行",
            );
            continue;
        }
        rows.insert(code, row);
    }
    let mut out = Vec::with_capacity(plan_inds.len());
    for ind in plan_inds {
        let Some(row) = rows.get(ind.code.as_str()).copied() else {
            ctx.push(
                Code::MissingIndicator,
                Location::sheet(ctx.file, SHEET_INDICATORS),
                format!("缺少指标「{}」（{}）所在行", ind.code, ind.level3),
                "请使用财政局下发的模板，不要删除指标行",
            );
            out.push(blank(ind));
            continue;
        };
        let weight_changed = check_locked_indicator(ctx, &cols, row, ind);
        let self_cell = cols.cell(row, IndicatorCol::SelfScore.header());
        let self_text = cols.text(row, IndicatorCol::SelfScore.header());
        let actual = cols.text(row, IndicatorCol::Actual.header());
        // An indicator answered 不适用 (where the plan allows it) has no score to assess.
        let dropped = ind.may_not_apply && normalize_text(actual) == crate::score::NOT_APPLICABLE;
        let self_score = if dropped && self_text.trim().is_empty() {
            None
        } else {
            read_self_score(ctx, ind, self_text, self_cell, weight_changed)
        };
        if let Some(cell) = cols.cell(row, PREVIOUS_ACTUAL) {
            let text = cols.text(row, PREVIOUS_ACTUAL);
            if !text.trim().is_empty() {
                repeated.push(RepeatedPrevious {
                    index: out.len(),
                    text: text.to_string(),
                    cell,
                });
            }
        }
        out.push(IndicatorInput {
            indicator: ind,
            row: Some(row.row),
            actual: actual.to_string(),
            self_score,
            reason: cols.text(row, IndicatorCol::Reason.header()).to_string(),
            evidence: cols.text(row, IndicatorCol::Evidence.header()).to_string(),
            weight_changed,
            cells: InputCells {
                actual: cols.cell(row, IndicatorCol::Actual.header()),
                self_score: self_cell,
                reason: cols.cell(row, IndicatorCol::Reason.header()),
            },
        });
    }
    out
}

/// Compares an indicator row's locked cells with the plan; gives whether the weight differs
/// because the plan changed after issue.
pub(super) fn check_locked_indicator(
    ctx: &mut Ctx,
    cols: &Cols,
    row: &RawRow,
    ind: &Indicator,
) -> bool {
    let key = format!("{}{}", crate::template::ISSUED_INDICATOR, ind.code);
    let mut weight_changed = false;
    let mut differ = |col: &str, plan_value: &str, same: bool| {
        if let Some(cell) = cols.cell(row, col)
            && !same
        {
            let got = cols.text(row, col);
            // The order of the issued values in `_meta`: 三级指标, 目标值, 权重.
            let index = [IndicatorCol::Level3, IndicatorCol::Target]
                .iter()
                .position(|c| c.header() == col)
                .unwrap_or(2);
            if locked_differs(ctx, &key, index, got) {
                ctx.plan_changes.push(format!(
                    "{}!{cell} 指标「{}」{col}：下发时「{got}」，现为「{plan_value}」",
                    SHEET_INDICATORS, ind.code
                ));
                weight_changed |= index == 2;
                return;
            }
            ctx.push(
                Code::LockedCellChanged,
                ctx.at(SHEET_INDICATORS, cell),
                format!(
                    "指标「{}」的{col}被修改：方案为「{plan_value}」，报送为「{got}」；按方案计分",
                    ind.code
                ),
                "锁定单元格以财政局方案为准，请不要修改",
            );
        }
    };
    if cols.col(IndicatorCol::Level3.header()).is_some() {
        let got = normalize_text(cols.text(row, IndicatorCol::Level3.header()));
        differ(
            IndicatorCol::Level3.header(),
            &ind.level3,
            got == normalize_text(&ind.level3),
        );
    }
    if cols.col(IndicatorCol::Target.header()).is_some() {
        let got = normalize_text(cols.text(row, IndicatorCol::Target.header()));
        differ(
            IndicatorCol::Target.header(),
            &ind.target_text,
            got == normalize_text(&ind.target_text),
        );
    }
    if cols.col(IndicatorCol::Weight.header()).is_some() {
        let same = match parse_value(cols.text(row, IndicatorCol::Weight.header())) {
            Value::Number {
                value,
                unit,
                percent: false,
            } if unit.is_empty() => value == ind.weight.value(),
            _ => false,
        };
        differ(
            IndicatorCol::Weight.header(),
            &fmt_plain(ind.weight.value()),
            same,
        );
    }
    weight_changed
}

pub(super) fn read_self_score(
    ctx: &mut Ctx,
    ind: &Indicator,
    text: &str,
    cell: Option<CellRef>,
    weight_changed: bool,
) -> Option<Decimal> {
    let loc = ctx.at(SHEET_INDICATORS, cell.unwrap_or_default());
    let w = ind.weight.value();
    if text.is_empty() {
        ctx.push(
            Code::SelfScoreEmpty,
            loc,
            format!("指标「{}」（{}）未填写自评得分", ind.code, ind.level3),
            format!("请按评分标准自评，填写 0～{} 分", fmt_plain(w)),
        );
        return None;
    }
    let n = normalize_text(text);
    let value = match parse_value(n.strip_suffix('分').unwrap_or(&n)) {
        Value::Number {
            value,
            unit,
            percent: false,
        } if unit.is_empty() => value,
        _ => {
            ctx.push(
                Code::SelfScoreUnreadable,
                loc,
                format!("指标「{}」的自评得分「{text}」不是数值", ind.code),
                format!("请填写 0～{} 之间的阿拉伯数字", fmt_plain(w)),
            );
            return None;
        }
    };
    if value < Decimal::ZERO {
        ctx.push(
            Code::ValueOutOfRange,
            loc,
            format!("指标「{}」的自评得分 {} 为负数", ind.code, fmt_plain(value)),
            format!("请填写 0～{} 之间的分数", fmt_plain(w)),
        );
        return None;
    }
    if value > w && weight_changed {
        // Given against the weight as issued; the bureau lowered it since.
        return Some(value);
    }
    if value > w {
        ctx.push(
            Code::SelfScoreAboveWeight,
            loc,
            format!(
                "指标「{}」（{}）的自评得分 {} 超过权重 {}",
                ind.code,
                ind.level3,
                fmt_plain(value),
                fmt_plain(w)
            ),
            format!(
                "自评得分不能超过该指标的权重，请填写 0～{} 分",
                fmt_plain(w)
            ),
        );
    }
    Some(value)
}
