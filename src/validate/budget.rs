//! 预算执行: rows found by 项目名称, 执行数 read as money, added projects, locked budgets
//! compared with the plan.

use super::*;

/// Reads money in 万元: `62.69`, `62.69万元`, `1,234.5`. `Err` carries nothing: the caller
/// reports the cell.
pub(super) fn read_money(text: &str) -> Result<Option<Decimal>, ()> {
    match parse_value(text) {
        Value::Empty => Ok(None),
        Value::Number {
            value,
            unit,
            percent: false,
        } if unit.is_empty() || unit == "万元" || unit == "万" => Ok(Some(value)),
        _ => Err(()),
    }
}

pub(super) fn read_budget<'p>(
    ctx: &mut Ctx,
    plan: &'p Plan,
    dept: &'p Department,
    sheet: Option<&RawSheet>,
) -> (Vec<BudgetInput<'p>>, Option<u32>) {
    let plan_lines = crate::template::ordered_budget(plan, dept);
    let missing_line = |b: &'p BudgetLine| BudgetInput {
        plan: Some(b),
        name: b.name.clone(),
        nature: b.nature.clone(),
        kind: b.kind,
        initial: b.initial,
        adjusted: b.adjusted,
        spent: None,
        note: String::new(),
        row: None,
    };
    let Some(sheet) = sheet else {
        missing_sheet(ctx, SHEET_BUDGET);
        return (plan_lines.into_iter().map(missing_line).collect(), None);
    };
    let header = match sheet.header(BudgetCol::Name.header()) {
        Some(h)
            if !missing_columns(
                ctx,
                SHEET_BUDGET,
                &h,
                &[BudgetCol::Name.header(), BudgetCol::Spent.header()],
            ) =>
        {
            h
        }
        Some(_) => return (plan_lines.into_iter().map(missing_line).collect(), None),
        None => {
            ctx.push(
                Code::MissingColumn,
                Location::sheet(ctx.file, SHEET_BUDGET),
                "工作表「预算执行」找不到表头（应有「项目名称」「执行数」等列）",
                "请使用财政局下发的模板，不要删除或修改表头",
            );
            return (plan_lines.into_iter().map(missing_line).collect(), None);
        }
    };
    let cols = Cols { header: &header };
    let mut matched: Vec<Option<BudgetInput<'p>>> = vec![None; plan_lines.len()];
    let mut added = Vec::new();
    let mut total_row = None;
    for row in sheet.rows.iter().filter(|r| r.row > header.row) {
        let name = cols.text(row, BudgetCol::Name.header()).to_string();
        let key = normalize_text(&name);
        if BUDGET_TOTAL_LABELS.contains(&key.as_str()) {
            if key == TOTAL_LABEL {
                total_row = Some(row.row);
                break;
            }
            continue;
        }
        let spent_cell = cols
            .cell(row, BudgetCol::Spent.header())
            .unwrap_or_default();
        let spent = read_spent(
            ctx,
            &name,
            cols.text(row, BudgetCol::Spent.header()),
            spent_cell,
        );
        let note = cols.text(row, BudgetCol::Note.header()).to_string();
        if let Some(i) = plan_lines
            .iter()
            .enumerate()
            .position(|(i, b)| matched[i].is_none() && normalize_text(&b.name) == key)
        {
            let b = plan_lines[i];
            check_locked_money(ctx, &cols, row, b);
            matched[i] = Some(BudgetInput {
                spent,
                note,
                row: Some(row.row),
                ..missing_line(b)
            });
            continue;
        }
        let adjusted_text = cols.text(row, BudgetCol::Adjusted.header());
        let kind_text = cols.text(row, BudgetCol::Kind.header());
        let nature = cols.text(row, BudgetCol::Nature.header()).to_string();
        let has_data = !adjusted_text.is_empty()
            || !cols.text(row, BudgetCol::Spent.header()).is_empty()
            || !nature.is_empty()
            || !note.is_empty();
        if key.is_empty() {
            if has_data {
                ctx.push(
                    Code::AddedProjectUnnamed,
                    ctx.at(
                        SHEET_BUDGET,
                        cols.cell(row, BudgetCol::Name.header()).unwrap_or_default(),
                    ),
                    format!("第 {} 行填写了金额或说明，但没有项目名称", row.row + 1),
                    "请填写年中追加项目的名称，或清空该行",
                );
            }
            continue;
        }
        let kind = if kind_text.is_empty() {
            ExpenseKind::Project
        } else {
            ExpenseKind::parse(kind_text).unwrap_or_else(|| {
                ctx.push(
                    Code::ValueUnreadable,
                    ctx.at(
                        SHEET_BUDGET,
                        cols.cell(row, BudgetCol::Kind.header()).unwrap_or_default(),
                    ),
                    format!("项目「{name}」的支出类型「{kind_text}」无法识别，按项目支出统计"),
                    "请从下拉列表选择「基本支出」或「项目支出」",
                );
                ExpenseKind::Project
            })
        };
        let adjusted_cell = cols
            .cell(row, BudgetCol::Adjusted.header())
            .unwrap_or_default();
        let adjusted = match read_money(adjusted_text) {
            Ok(Some(v)) if v >= Decimal::ZERO => v,
            Ok(None) => {
                ctx.push(
                    Code::AddedProjectNoBudget,
                    ctx.at(SHEET_BUDGET, adjusted_cell),
                    format!("年中追加项目「{name}」未填写调整后预算，按 0 统计"),
                    "请填写该项目的预算金额（万元）",
                );
                Decimal::ZERO
            }
            _ => {
                ctx.push(
                    Code::ValueUnreadable,
                    ctx.at(SHEET_BUDGET, adjusted_cell),
                    format!("项目「{name}」的调整后预算「{adjusted_text}」不是有效金额，按 0 统计"),
                    "请填写不小于 0 的数字，单位万元",
                );
                Decimal::ZERO
            }
        };
        added.push(BudgetInput {
            plan: None,
            name,
            nature,
            kind,
            initial: Money::ZERO,
            adjusted: Money(adjusted),
            spent,
            note,
            row: Some(row.row),
        });
    }
    let mut out = Vec::with_capacity(plan_lines.len() + added.len());
    for (b, m) in plan_lines.iter().zip(matched) {
        match m {
            Some(input) => out.push(input),
            None => {
                ctx.push(
                    Code::MissingBudgetLine,
                    Location::sheet(ctx.file, SHEET_BUDGET),
                    format!("缺少预算项目「{}」所在行", b.name),
                    "请使用财政局下发的模板，不要删除或修改预算项目行",
                );
                out.push(missing_line(b));
            }
        }
    }
    out.extend(added);
    for line in &out {
        if let (Some(spent), Some(row)) = (line.spent, line.row)
            && spent.value() > line.adjusted.value()
            && (line.plan.is_some() || line.adjusted.value() > Decimal::ZERO)
        {
            ctx.push(
                Code::OverBudget,
                ctx.at(
                    SHEET_BUDGET,
                    CellRef::new(row, header.col(BudgetCol::Spent.header()).unwrap_or(0)),
                ),
                format!(
                    "项目「{}」执行数 {} 万元超过调整后预算 {} 万元",
                    line.name,
                    fmt2(spent.value()),
                    fmt2(line.adjusted.value())
                ),
                "请核实执行数；确有超支的，请在备注中说明原因和资金来源",
            );
        }
    }
    (out, total_row)
}

pub(super) fn read_spent(ctx: &mut Ctx, name: &str, text: &str, cell: CellRef) -> Option<Money> {
    let label = if name.is_empty() {
        "追加项目".to_string()
    } else {
        format!("项目「{name}」")
    };
    match read_money(text) {
        Ok(Some(v)) if v < Decimal::ZERO => {
            ctx.push(
                Code::SpentNegative,
                ctx.at(SHEET_BUDGET, cell),
                format!("{label}的执行数 {} 为负数", fmt_plain(v)),
                "执行数应为全年实际支出，不小于 0",
            );
            None
        }
        Ok(Some(v)) => Some(Money(v)),
        Ok(None) => {
            if !name.is_empty() {
                ctx.push(
                    Code::SpentMissing,
                    ctx.at(SHEET_BUDGET, cell),
                    format!("{label}未填写执行数"),
                    "请填写全年实际支出（万元）；没有支出请填 0",
                );
            }
            None
        }
        Err(()) => {
            ctx.push(
                Code::SpentUnreadable,
                ctx.at(SHEET_BUDGET, cell),
                format!("{label}的执行数「{text}」不是有效金额"),
                "请填写阿拉伯数字，单位万元，如 62.69",
            );
            None
        }
    }
}

pub(super) fn check_locked_money(ctx: &mut Ctx, cols: &Cols, row: &RawRow, b: &BudgetLine) {
    let key = format!("{}{}", crate::template::ISSUED_BUDGET, b.name);
    for (index, (col, plan_value)) in [
        (BudgetCol::Initial.header(), b.initial),
        (BudgetCol::Adjusted.header(), b.adjusted),
    ]
    .into_iter()
    .enumerate()
    {
        let Some(cell) = cols.cell(row, col) else {
            continue;
        };
        let got = cols.text(row, col);
        let same = matches!(read_money(got), Ok(Some(v)) if v == plan_value.value());
        let issued_same = ctx.older_plan.as_ref().is_some_and(|issued| {
            match issued.get(&key).and_then(|v| v.get(index)) {
                Some(v) => read_money(v).ok().flatten() == read_money(got).ok().flatten(),
                None => issued.is_empty(),
            }
        });
        if !same && issued_same {
            ctx.plan_changes.push(format!(
                "{SHEET_BUDGET}!{cell} 项目「{}」{col}：下发时 {got}，现为 {}",
                b.name,
                fmt2(plan_value.value())
            ));
            continue;
        }
        if !same {
            ctx.push(
                Code::LockedCellChanged,
                ctx.at(SHEET_BUDGET, cell),
                format!(
                    "项目「{}」的{col}被修改：方案为 {}，报送为「{got}」；按方案统计",
                    b.name,
                    fmt2(plan_value.value())
                ),
                "锁定单元格以财政局方案为准，请不要修改",
            );
        }
    }
}
