//! The built-in sample: plan sheets and the reference department's outcomes, as reviewable
//! TSV text under `workbook-templates/` and `samples/`, embedded in the binary.
//!
//! Input → output: embedded text → [`RawSheet`]s for the plan and typed outcome rows.
//! The sample plan holds 市应急管理局 with the 82 indicators of the 2021 连云港市应急管理局
//! report and five fictional departments; the outcomes reproduce the report's scores exactly
//! (部门管理 36.7, 部门绩效 48.6, 部门影响力 10, total 95.3, 优).

use crate::plan::{SHEET_BUDGET, SHEET_DEPARTMENTS, SHEET_INDICATORS, SHEET_SETTINGS};
use crate::sheet::RawSheet;

const SETTINGS: &str = include_str!("../workbook-templates/plan-settings.tsv");
const DEPARTMENTS: &str = include_str!("../workbook-templates/plan-departments.tsv");
const INDICATORS: &str = include_str!("../workbook-templates/plan-indicators.tsv");
const BUDGET: &str = include_str!("../workbook-templates/plan-budget.tsv");
const REFERENCE_OUTCOMES: &str = include_str!("../samples/reference-outcomes.tsv");
const REFERENCE_BUDGET: &str = include_str!("../samples/reference-budget.tsv");

/// The department code of the reference department (市应急管理局).
pub const REFERENCE_DEPT: &str = "001";

/// File name the sample plan is written under by `init` and `demo`.
pub const PLAN_FILE: &str = "评价方案.xlsx";

/// The four plan sheets of the sample, in workbook order.
pub fn plan_sheets() -> Vec<RawSheet> {
    vec![
        RawSheet::from_tsv(SHEET_SETTINGS, SETTINGS),
        RawSheet::from_tsv(SHEET_DEPARTMENTS, DEPARTMENTS),
        RawSheet::from_tsv(SHEET_INDICATORS, INDICATORS),
        RawSheet::from_tsv(SHEET_BUDGET, BUDGET),
    ]
}

/// The sample plan moved to another year (`jixiao new`): 评价年度, the year in 评价名称 and
/// the deadline (a year on per year) follow it; 发件人 is left blank, so that mail goes out
/// under the 组织单位 the bureau types (a county never sends as the sample's 市财政局);
/// everything else is the sample's.
pub fn plan_sheets_for_year(year: i32) -> Vec<RawSheet> {
    let mut sheets = plan_sheets();
    crate::plan::roll::move_to_year(&mut sheets, year);
    crate::plan::roll::set_setting(&mut sheets, crate::layout::plan::SettingKey::Sender, "");
    sheets
}

/// One indicator outcome as a department reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    /// 指标编码.
    pub code: String,
    /// 实际完成值.
    pub actual: String,
    /// 自评得分, as typed.
    pub self_score: String,
    /// 偏差原因及改进措施.
    pub reason: String,
    /// 佐证材料.
    pub evidence: String,
}

/// One budget line as a department reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spending {
    /// 项目名称.
    pub name: String,
    /// 项目性质.
    pub nature: String,
    /// 支出类型.
    pub kind: String,
    /// 调整后预算 (filled by the department only for added projects).
    pub adjusted: String,
    /// 执行数.
    pub spent: String,
    /// 备注.
    pub note: String,
}

/// How Excel stores what a user types into a cell: `80%` as the number 0.8, plain numbers as
/// numbers, codes with leading zeros (`001`) and everything else as text. Both writers of
/// filled returns (the prefilled synthetic templates and the umya-spreadsheet filler) follow
/// this one rule.
pub fn excel_number(typed: &str) -> Option<f64> {
    let t = typed.trim();
    // Divided in decimal, as Excel reads what is typed: 2.6% is the double nearest 0.026,
    // not 2.6 / 100 (0.026000000000000002).
    if let Some(p) = t
        .strip_suffix('%')
        .and_then(|n| n.trim().parse::<rust_decimal::Decimal>().ok())
    {
        let fraction = (p / rust_decimal::Decimal::ONE_HUNDRED).normalize();
        return fraction
            .to_string()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite());
    }
    let code_like = t.starts_with('0') && t != "0" && !t.starts_with("0.");
    t.parse::<f64>()
        .ok()
        .filter(|v| !code_like && v.is_finite())
}

/// Everything a department enters in its template.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    /// 基本信息 items: (项目, value).
    pub info: Vec<(String, String)>,
    /// 绩效指标 rows by 指标编码.
    pub outcomes: Vec<Reported>,
    /// 预算执行: plan lines by name; unknown names go into the spare rows.
    pub spending: Vec<Spending>,
}

fn rows(tsv: &str, cols: &[&str]) -> Vec<Vec<String>> {
    let sheet = RawSheet::from_tsv("sample", tsv);
    let Some(header) = sheet.header(cols[0]) else {
        return Vec::new();
    };
    let idx: Vec<Option<u32>> = cols.iter().map(|c| header.col(c)).collect();
    sheet
        .rows
        .iter()
        .filter(|r| r.row > header.row)
        .map(|r| {
            idx.iter()
                .map(|i| i.map(|c| r.get(c).to_string()).unwrap_or_default())
                .collect()
        })
        .collect()
}

/// What 市应急管理局 reported for each of its 82 indicators (the reference outcomes).
pub fn reference_outcomes() -> Vec<Reported> {
    use crate::layout::template::IndicatorCol as C;
    rows(
        REFERENCE_OUTCOMES,
        &[C::Code, C::Actual, C::SelfScore, C::Reason, C::Evidence].map(C::header),
    )
    .into_iter()
    .map(|r| Reported {
        code: r[0].clone(),
        actual: r[1].clone(),
        self_score: r[2].clone(),
        reason: r[3].clone(),
        evidence: r[4].clone(),
    })
    .collect()
}

/// What 市应急管理局 reported on its budget sheet, including the added 省市级专项经费.
pub fn reference_spending() -> Vec<Spending> {
    use crate::layout::template::BudgetCol as B;
    rows(
        REFERENCE_BUDGET,
        &[B::Name, B::Nature, B::Kind, B::Adjusted, B::Spent, B::Note].map(B::header),
    )
    .into_iter()
    .map(|r| Spending {
        name: r[0].clone(),
        nature: r[1].clone(),
        kind: r[2].clone(),
        adjusted: r[3].clone(),
        spent: r[4].clone(),
        note: r[5].clone(),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::excel_number;

    #[test]
    fn typed_values_are_stored_as_excel_stores_them() {
        assert_eq!(excel_number("80%"), Some(0.8));
        assert_eq!(excel_number("62.69"), Some(62.69));
        assert_eq!(excel_number("0"), Some(0.0));
        assert_eq!(excel_number("0.5"), Some(0.5));
        assert_eq!(excel_number("001"), None);
        assert_eq!(excel_number("九十五"), None);
        assert_eq!(excel_number("12次"), None);
    }
}
