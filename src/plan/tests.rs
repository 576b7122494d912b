use super::*;
use crate::layout::plan::BudgetCol;
use crate::sample;

const FILE: &str = "评价方案.xlsx";

fn sheets() -> Vec<RawSheet> {
    sample::plan_sheets()
}

/// Sets the cell of `sheet` at sheet row `row` (0-based) under header `col`.
fn set(sheets: &mut [RawSheet], sheet: &str, row: u32, col: &str, value: &str) {
    let s = sheets.iter_mut().find(|s| s.name == sheet).unwrap();
    let c = s.rows[0].cells().position(|h| h == col).unwrap();
    let r = s.rows.iter_mut().find(|r| r.row == row).unwrap();
    r.set(c as u32, value);
}

fn errors(sheets: &[RawSheet]) -> Vec<String> {
    parse(FILE, sheets)
        .unwrap_err()
        .0
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn assert_has(errs: &[String], want: &str) {
    assert!(
        errs.iter().any(|e| e == want),
        "expected «{want}» among:\n{}",
        errs.join("\n")
    );
}

#[test]
fn sample_plan_is_valid_and_complete() {
    let plan = parse(FILE, &sheets()).unwrap();
    assert_eq!(plan.settings.year, 2021);
    assert_eq!(
        plan.settings.deadline.map(|d| d.to_string()).as_deref(),
        Some("2022-05-20")
    );
    assert_eq!(plan.settings.resubmit_days, 7);
    assert_eq!(plan.settings.warn_rate, Decimal::from(90));
    assert_eq!(plan.settings.tolerance.to_string(), "0.50");
    assert!(plan.settings.note.contains("示例"));
    assert_eq!(plan.departments.len(), 6);
    assert_eq!(plan.departments[0].name, "市应急管理局");
    for d in &plan.departments {
        let sum: Score = plan.indicators_for(d).iter().map(|i| i.weight).sum();
        assert_eq!(sum.to_string(), "100.00", "{}", d.name);
        assert!(plan.budget_for(&d.code).count() >= 5, "{}", d.name);
    }
    let dept = plan.department(&DeptCode::new("001")).unwrap();
    let budget: Vec<&BudgetLine> = plan.budget_for(&dept.code).collect();
    let initial: Money = budget.iter().map(|b| b.initial).sum();
    assert_eq!(initial.to_string(), "2881.77");
    let basic: Money = budget
        .iter()
        .filter(|b| b.kind == ExpenseKind::Basic)
        .map(|b| b.initial)
        .sum();
    assert_eq!(basic.to_string(), "2078.17");
    assert!(!budget.iter().any(|b| b.name == "省市级专项经费"));
}

#[test]
fn columns_in_any_order_and_extra_columns_read_the_same() {
    let plain = parse(FILE, &sheets()).unwrap();
    let mut shuffled = sheets();
    for s in &mut shuffled {
        for r in &mut s.rows {
            let mut cells: Vec<&str> = r.cells().collect();
            cells.reverse();
            cells.push(if r.row == 0 { "备注" } else { "随便写" });
            *r = RawRow::new(r.row, cells);
        }
    }
    let mut again = parse(FILE, &shuffled).unwrap();
    // Row numbers are the same; only columns moved.
    again.file = plain.file.clone();
    assert_eq!(again, plain);
}

#[test]
fn header_with_units_and_a_title_row_above_reads() {
    let mut s = sheets();
    let budget = s.iter_mut().find(|x| x.name == SHEET_BUDGET).unwrap();
    for r in &mut budget.rows {
        r.row += 1;
    }
    budget.rows[0].set(4, "年初预算（万元）");
    budget.rows.insert(0, RawRow::new(0, ["2021年度部门预算"]));
    let plan = parse(FILE, &s).unwrap();
    assert_eq!(plan.budget.len(), 34);
}

#[test]
fn missing_sheet_is_named() {
    let s: Vec<RawSheet> = sheets()
        .into_iter()
        .filter(|s| s.name != SHEET_BUDGET)
        .collect();
    assert_has(&errors(&s), "评价方案.xlsx!预算: 缺少工作表「预算」");
}

#[test]
fn missing_columns_are_named_at_the_header() {
    let mut s = sheets();
    set(&mut s, SHEET_INDICATORS, 0, "权重", "分值");
    set(&mut s, SHEET_INDICATORS, 0, "目标值", "");
    assert_has(
        &errors(&s),
        "评价方案.xlsx!指标!A1: 工作表「指标」缺少列：目标值、权重",
    );
}

#[test]
fn duplicate_codes_name_both_rows() {
    let mut s = sheets();
    set(&mut s, SHEET_DEPARTMENTS, 2, "部门编码", "001");
    set(&mut s, SHEET_INDICATORS, 5, "指标编码", "GX01");
    let errs = errors(&s);
    assert_has(
        &errs,
        "评价方案.xlsx!部门!A3: 部门编码「001」重复（第 2 行已使用）",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!指标!A6: 指标编码「GX01」重复（第 2 行已使用）",
    );
}

#[test]
fn department_group_without_indicators() {
    let mut s = sheets();
    set(&mut s, SHEET_DEPARTMENTS, 2, "指标组", "教育卫生");
    assert_has(
        &errors(&s),
        "评价方案.xlsx!部门!A3: 部门「市教育局」（002）的指标组「教育卫生」在「指标」工作表中没有任何指标",
    );
}

#[test]
fn weights_not_totalling_100_name_department_and_sum() {
    let mut s = sheets();
    // GX01 is 共性: every department's total changes.
    set(&mut s, SHEET_INDICATORS, 1, "权重", "1.5");
    let errs = errors(&s);
    assert_has(
        &errs,
        "评价方案.xlsx!部门!A2: 部门「市应急管理局」（001）的指标权重合计为 99.5，应为 100（共性指标 + 指标组「应急管理」）",
    );
    assert_eq!(errs.len(), 6, "one error per department");
}

#[test]
fn unreadable_target_rule_weight_and_baseline() {
    let mut s = sheets();
    set(&mut s, SHEET_INDICATORS, 13, "目标值", "≥很多");
    set(&mut s, SHEET_INDICATORS, 4, "计分方式", "按感觉");
    set(&mut s, SHEET_INDICATORS, 3, "计分方式", "档次:高");
    set(&mut s, SHEET_INDICATORS, 6, "权重", "两分");
    set(&mut s, SHEET_INDICATORS, 7, "基准值", "去年");
    set(&mut s, SHEET_INDICATORS, 20, "计分方式", "比例");
    set(&mut s, SHEET_INDICATORS, 20, "目标值", "≤1");
    let errs = errors(&s);
    assert_has(
        &errs,
        "评价方案.xlsx!指标!G14: 指标「GX13」目标值「≥很多」的比较符号后没有数值",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!指标!I5: 指标「GX04」无法识别的计分方式「按感觉」",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!指标!I4: 指标「GX03」档次写法有误「档次:高」，应如「档次:高=100%,中=90%,低=80%」或「档次:高,中,低;每档0.2」",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!指标!H7: 指标「GX06」的权重「两分」无效，应为大于 0 的数值",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!指标!L8: 指标「GX07」的基准值「去年」不是数值",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!指标!I21: 指标「GX20」计分方式「比例」不能用于目标值「≤1」：目标值是上限，请改用「反向比例」",
    );
}

#[test]
fn bad_budget_rows() {
    let mut s = sheets();
    set(&mut s, SHEET_BUDGET, 2, "年初预算", "-60");
    set(
        &mut s,
        SHEET_BUDGET,
        3,
        BudgetCol::Adjusted.header(),
        "三十万",
    );
    set(&mut s, SHEET_BUDGET, 4, "支出类型", "专项支出");
    set(&mut s, SHEET_BUDGET, 5, "部门编码", "099");
    set(&mut s, SHEET_BUDGET, 6, "项目名称", "");
    let errs = errors(&s);
    assert_has(&errs, "评价方案.xlsx!预算!E3: 年初预算「-60」为负数");
    assert_has(
        &errs,
        "评价方案.xlsx!预算!F4: 调整后预算「三十万」不是数值（单位：万元）",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!预算!D5: 支出类型「专项支出」无法识别，应为「基本支出」或「项目支出」",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!预算!A6: 部门编码「099」不在「部门」工作表中",
    );
    assert_has(&errs, "评价方案.xlsx!预算!B7: 项目名称为空");
    assert_eq!(errs.len(), 5);
}

#[test]
fn blank_adjusted_budget_means_initial() {
    let mut s = sheets();
    set(&mut s, SHEET_BUDGET, 2, BudgetCol::Adjusted.header(), "");
    let plan = parse(FILE, &s).unwrap();
    let line = plan.budget.iter().find(|b| b.row == 2).unwrap();
    assert_eq!(line.adjusted, line.initial);
}

#[test]
fn bad_settings() {
    let mut s = sheets();
    set(&mut s, SHEET_SETTINGS, 1, "值", "二〇二一");
    set(&mut s, SHEET_SETTINGS, 5, "值", "优:90,良:95");
    set(&mut s, SHEET_SETTINGS, 6, "值", "很高");
    let errs = errors(&s);
    assert_has(
        &errs,
        "评价方案.xlsx!方案!B2: 评价年度「二〇二一」无法识别，应为四位年份，如 2021",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!方案!B6: 等级划分「优:90,良:95」有误：分数应从高到低排列，应如「优:90,良:80,中:60,差:0」",
    );
    assert_has(
        &errs,
        "评价方案.xlsx!方案!B7: 执行率预警线「很高」无法识别，应为百分数，如 90%",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut s = sheets();
    let depts = s.iter_mut().find(|x| x.name == SHEET_DEPARTMENTS).unwrap();
    depts
        .rows
        .push(RawRow::new(7, ["001", "市应急管理局（重复）", "应急管理"]));
    set(&mut s, SHEET_INDICATORS, 13, "目标值", "≥");
    set(&mut s, SHEET_BUDGET, 2, "年初预算", "-1");
    let e = parse(FILE, &s).unwrap_err();
    assert_eq!(e.0.len(), 3, "{e}");
    let text = e.to_string();
    assert!(
        text.starts_with("评价方案有 3 处问题，请修改后重新运行："),
        "{text}"
    );
}

#[test]
fn percent_settings_accept_every_form() {
    assert_eq!(parse_percent("90%"), Some(Decimal::from(90)));
    assert_eq!(parse_percent("０.９"), Some(Decimal::new(900, 1)));
    assert_eq!(parse_percent("85"), Some(Decimal::from(85)));
    assert_eq!(parse_percent("150%"), None);
}

#[test]
fn blocks_keep_order_across_blocks() {
    let mut b = Blocks::default();
    for i in 0..10_000 {
        b.push(i);
    }
    let v = b.into_vec();
    assert_eq!(v.len(), 10_000);
    assert_eq!(v.capacity(), 10_000);
    assert!(v.iter().copied().eq(0..10_000));
    assert!(Blocks::<u8>::default().into_vec().is_empty());
}
