//! End-to-end tests: init.

use super::*;

#[test]
fn writes_the_sample_plan_that_reads_back_identically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("评价方案.xlsx");
    let out = stdout_of(jixiao().arg("init").arg("-o").arg(&path));
    assert!(out.contains("6 个部门"), "{out}");
    assert!(out.contains("示例数据"), "{out}");

    let read = jixiao::plan::read(&path).unwrap();
    let built_in = jixiao::plan::parse("评价方案.xlsx", &jixiao::sample::plan_sheets()).unwrap();
    assert_eq!(read, built_in);
    assert_eq!(read.indicators.len(), 82 + 5 * 13);
}

#[test]
fn stores_numbers_as_numbers_and_codes_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    stdout_of(jixiao().arg("init").arg("-o").arg(&path));
    let mut wb = open_workbook_auto(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["方案", "部门", "指标", "预算", "计分方式说明"]
    );
    let depts = wb.worksheet_range("部门").unwrap();
    assert_eq!(depts.get((1, 0)), Some(&Data::String("001".into())));
    let ind = wb.worksheet_range("指标").unwrap();
    assert_eq!(ind.get((0, 7)), Some(&Data::String("权重".into())));
    assert_eq!(ind.get((1, 7)), Some(&Data::Float(2.0)));
    let budget = wb.worksheet_range("预算").unwrap();
    assert_eq!(budget.get((1, 4)), Some(&Data::Float(2078.17)));
    let settings = wb.worksheet_range("方案").unwrap();
    assert!(matches!(settings.get((4, 1)), Some(Data::DateTime(_))));
}

#[test]
fn has_frozen_headers_and_a_rule_dropdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    stdout_of(jixiao().arg("init").arg("-o").arg(&path));
    let indicators = zip_part(&path, "xl/worksheets/sheet3.xml");
    assert!(indicators.contains(r#"state="frozen""#));
    assert!(indicators.contains("<dataValidation "), "rule dropdown");
    assert!(indicators.contains("计分方式说明"));
    assert!(indicators.contains("<autoFilter "));
    let budget = zip_part(&path, "xl/worksheets/sheet4.xml");
    assert!(budget.contains("基本支出,项目支出"));
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("评价方案.xlsx");
    std::fs::write(&path, b"edited plan").unwrap();
    let out = jixiao().arg("init").arg("-o").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("已存在") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"edited plan");

    stdout_of(jixiao().arg("init").arg("--force").arg("-o").arg(&path));
    assert!(jixiao::plan::read(&path).is_ok());
}

#[test]
fn same_bytes_with_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.xlsx");
    let b = dir.path().join("b.xlsx");
    for p in [&a, &b] {
        stdout_of(
            jixiao()
                .env("SOURCE_DATE_EPOCH", "1650000000")
                .arg("init")
                .arg("-o")
                .arg(p),
        );
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}
