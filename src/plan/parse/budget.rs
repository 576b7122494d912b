//! 预算: every budget line of a known department, its money non-negative.

use super::*;

/// 预算: the valid budget lines; `known` is every code of the 部门 sheet, when it was read.
#[derive(Default)]
pub(super) struct BudgetRows {
    pub(super) known: Option<HashSet<DeptCode>>,
    pub(super) out: Blocks<BudgetLine>,
}

impl SheetRows for BudgetRows {
    const SHEET: &'static str = SHEET_BUDGET;
    const REQUIRED: &'static [&'static str] = &[
        BudgetCol::Dept.header(),
        BudgetCol::Name.header(),
        BudgetCol::Kind.header(),
        BudgetCol::Initial.header(),
        BudgetCol::Adjusted.header(),
    ];
    const OPTIONAL: &'static [&'static str] = &[BudgetCol::Nature.header()];

    fn row(&mut self, t: &Table, row: &RawRow, errors: &mut Errors) {
        const S: &str = SHEET_BUDGET;
        let dept = DeptCode::new(t.text(row, BudgetCol::Dept.header()));
        let name = t.text(row, BudgetCol::Name.header());
        let mut ok = true;
        if let Some(known) = &self.known
            && !known.contains(&dept)
        {
            let hint = match same_but_zeros(&dept, known.iter()) {
                Some(k) => format!(
                    "；「部门」工作表中有「{k}」，只差前导零（单元格为数字格式时 Excel 会去掉前导零），请把该列设为文本格式后填写「{k}」"
                ),
                None => String::new(),
            };
            errors.at(
                S,
                t.cell(row, BudgetCol::Dept.header()),
                format!("部门编码「{dept}」不在「部门」工作表中{hint}"),
            );
            ok = false;
        }
        if name.is_empty() {
            errors.at(
                S,
                t.cell(row, BudgetCol::Name.header()),
                "项目名称为空".into(),
            );
            ok = false;
        }
        let kind_text = t.text(row, BudgetCol::Kind.header());
        let kind = ExpenseKind::parse(&kind_text);
        if kind.is_none() {
            errors.at(
                S,
                t.cell(row, BudgetCol::Kind.header()),
                format!("支出类型「{kind_text}」无法识别，应为「基本支出」或「项目支出」"),
            );
        }
        let money = |col: &str, errors: &mut Errors| -> Option<Money> {
            let v = t.text(row, col);
            match parse_plain_number(&v) {
                Some(d) if d >= Decimal::ZERO => Some(Money(d)),
                Some(_) => {
                    errors.at(S, t.cell(row, col), format!("{col}「{v}」为负数"));
                    None
                }
                None if v.trim().is_empty() => {
                    errors.at(
                        S,
                        t.cell(row, col),
                        format!("{col}为空，请填写金额（单位：万元）"),
                    );
                    None
                }
                None => {
                    errors.at(
                        S,
                        t.cell(row, col),
                        format!("{col}「{v}」不是数值（单位：万元）"),
                    );
                    None
                }
            }
        };
        let initial = money(BudgetCol::Initial.header(), errors);
        let adjusted = if t.text(row, BudgetCol::Adjusted.header()).is_empty() {
            initial
        } else {
            money(BudgetCol::Adjusted.header(), errors)
        };
        if let (Some(kind), Some(initial), Some(adjusted), true) = (kind, initial, adjusted, ok) {
            self.out.push(BudgetLine {
                dept,
                name,
                nature: t.text(row, BudgetCol::Nature.header()),
                kind,
                initial,
                adjusted,
                row: row.row,
            });
        }
    }
}
