//! Template writer: the plan + one department → the bytes of that department's protected
//! self-evaluation workbook (部门整体绩效自评表).
//!
//! Guarantees: everything the department must not change is locked, the inputs are unlocked,
//! shaded and validated (a dropdown for label answers, a number range for numbers, 0..权重 for
//! 自评得分) with an input message saying what to type; sheets are protected without a
//! password; identity lives in a very hidden `_meta` sheet and in the custom document
//! properties, with a [`fingerprint`] of this department's part of the plan. Plan text is
//! always written as text, never as a formula. Formulas carry their results so that programs
//! that do not calculate still read numbers. Nothing here touches disk.
//!
//! One file per sheet (`guide`, `info`, `budget`, `indicators`, `meta`) and the furniture they
//! share; sheet names, columns and `_meta` keys come from [`crate::layout::template`], which the
//! return reader uses too.

use crate::domain::{Money, fmt_plain};
use crate::plan::{BudgetLine, Department, ExpenseKind, Indicator, Plan};
use crate::score::AnswerKind;
use crate::xlsx;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, Format,
    FormatAlign, Formula, ProtectionOptions, Worksheet, XlsxError,
};

pub use crate::layout::files::safe_file_name;
pub use crate::layout::template::{
    BUDGET_TOTAL_LABELS, BudgetCol, ISSUED_BUDGET, ISSUED_INDICATOR, IndicatorCol, InfoCol,
    InfoItem, MetaKey, NO_PREVIOUS, PREVIOUS_ACTUAL, SHEET_BUDGET, SHEET_GUIDE, SHEET_INDICATORS,
    SHEET_INFO, SHEET_META, SPARE_BUDGET_ROWS, TEMPLATE_VERSION,
};

mod budget;
mod furniture;
mod guide;
mod indicators;
mod info;
mod meta;
use budget::*;
use furniture::*;
use guide::*;
use indicators::*;
use info::*;
use meta::*;

/// The file name of a department's template: `{年度}_{部门编码}_{部门名称}_部门整体绩效自评表.xlsx`,
/// with characters Windows forbids in names replaced.
pub fn file_name(plan: &Plan, dept: &Department) -> String {
    crate::layout::files::template(plan.settings.year, dept.code.as_str(), &dept.name)
}

/// A stable fingerprint of the whole plan: every department's [`fingerprint`], in order. What
/// summary.json and the 复核表 record, to notice that the plan changed since.
pub fn plan_fingerprint(plan: &Plan) -> String {
    let mut h = crate::domain::Fnv::new();
    for d in &plan.departments {
        h.field(&fingerprint(plan, d));
    }
    h.hex()
}

/// A stable fingerprint of this department's part of the plan: year, identity, every
/// indicator's text, target, weight and rule, every budget line. 16 hex digits (FNV-1a 64);
/// it detects a template issued from another version of the plan, not tampering.
pub fn fingerprint(plan: &Plan, dept: &Department) -> String {
    let mut h = crate::domain::Fnv::new();
    h.field(&plan.settings.year.to_string());
    h.field(dept.code.as_str());
    h.field(&dept.name);
    for i in plan.indicators_for(dept) {
        for f in [
            i.code.as_str(),
            &i.level1,
            &i.level2,
            &i.level3,
            &i.target_text,
            &fmt_plain(i.weight.value()),
            &i.rule_text,
            &i.dimension,
        ] {
            h.field(f);
        }
        h.field(&i.baseline.map(fmt_plain).unwrap_or_default());
    }
    for b in plan.budget_for(&dept.code) {
        for f in [
            b.name.as_str(),
            b.kind.label(),
            &fmt_plain(b.initial.value()),
            &fmt_plain(b.adjusted.value()),
        ] {
            h.field(f);
        }
    }
    h.hex()
}

pub use crate::history::LastYear;

/// Builds one department's template.
pub fn build(plan: &Plan, dept: &Department) -> Result<Vec<u8>, XlsxError> {
    build_with(plan, dept, None)
}

/// Builds one department's template, with last year's actuals in a locked column when known.
pub fn build_with(
    plan: &Plan,
    dept: &Department,
    last: Option<LastYear<'_>>,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let fp = fingerprint(plan, dept);
    let mut wb = crate::xlsx::workbook(&properties(plan, dept, &fp));

    let indicators = plan.indicators_for(dept);
    let budget: Vec<&BudgetLine> = ordered_budget(plan, dept);

    write_guide(wb.add_worksheet(), plan, dept, last.map(|l| l.year), &f)?;
    write_info(wb.add_worksheet(), plan, dept, &f)?;
    write_budget(wb.add_worksheet(), plan, dept, &budget, &f)?;
    write_indicators(
        wb.add_worksheet(),
        plan,
        dept,
        &indicators,
        budget.len(),
        last,
        &f,
    )?;
    write_meta(wb.add_worksheet(), plan, dept, &fp)?;
    wb.save_to_buffer()
}

/// Budget lines in template order: 基本支出 first, then 项目支出, each in plan order.
pub fn ordered_budget<'a>(plan: &'a Plan, dept: &'a Department) -> Vec<&'a BudgetLine> {
    let mut lines: Vec<&BudgetLine> = plan.budget_for(&dept.code).collect();
    lines.sort_by_key(|b| b.kind);
    lines
}

fn properties(plan: &Plan, dept: &Department, fp: &str) -> DocProperties {
    xlsx::properties(&format!("{} {}", dept.name, plan.settings.name))
        .set_subject("部门整体绩效自评表")
        .set_custom_property("jixiao_template_version", TEMPLATE_VERSION)
        .set_custom_property("jixiao_dept_code", dept.code.as_str())
        .set_custom_property("jixiao_dept_name", dept.name.as_str())
        .set_custom_property("jixiao_year", plan.settings.year)
        .set_custom_property("jixiao_fingerprint", fp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan, sample};

    fn sample_plan() -> Plan {
        plan::parse(sample::PLAN_FILE, &sample::plan_sheets()).unwrap()
    }

    #[test]
    fn file_names_are_valid_on_windows() {
        assert_eq!(
            safe_file_name("2021_009_a/b:c*?.xlsx"),
            "2021_009_a_b_c__.xlsx"
        );
        assert_eq!(safe_file_name("名称. "), "名称");
        let p = sample_plan();
        assert_eq!(
            file_name(&p, &p.departments[0]),
            "2021_001_市应急管理局_部门整体绩效自评表.xlsx"
        );
    }

    #[test]
    fn fingerprint_changes_with_the_department_part_of_the_plan_only() {
        let p = sample_plan();
        let d = &p.departments[0];
        let fp = fingerprint(&p, d);
        assert_eq!(fp.len(), 16);
        assert_eq!(fp, fingerprint(&p.clone(), d));
        let mut changed = p.clone();
        let idx = changed
            .indicators
            .iter()
            .position(|i| &*i.group == "应急管理")
            .unwrap();
        changed.indicators[idx].target_text = "≥3次".into();
        assert_ne!(fingerprint(&changed, d), fp);
        // Another department's change leaves 001's fingerprint alone.
        let mut other = p.clone();
        let idx = other
            .indicators
            .iter()
            .position(|i| &*i.group == "教育")
            .unwrap();
        other.indicators[idx].target_text = "≥1所".into();
        assert_eq!(fingerprint(&other, d), fp);
        assert_ne!(fingerprint(&p, &p.departments[1]), fp);
    }

    #[test]
    fn rows_become_excel_ranges() {
        assert_eq!(ranges(7, &[2, 3, 4, 6, 9, 10]), "H3:H5 H7 H10:H11");
        assert_eq!(ranges(7, &[5]), "H6");
    }

    #[test]
    fn every_sample_template_builds() {
        let p = sample_plan();
        for d in &p.departments {
            let bytes = build(&p, d).unwrap();
            assert!(bytes.len() > 10_000, "{}", d.name);
        }
    }
}
