//! Issue 14: what a new user hit (wrong inputs, own outputs read back, English messages, the
//! year folder), each through the real CLI.

use super::*;

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    jixiao().current_dir(dir).args(args).output().unwrap()
}

#[test]
fn a_mistyped_input_is_a_run_error_and_nothing_is_written() {
    let e = issued_env();
    let out_dir = e.dir.path().join("汇总");
    let result = collect_cmd(&e.plan_path, &out_dir)
        .arg(e.dir.path().join("回收typo"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let t = text(&result);
    assert!(
        t.contains("回收typo") && t.contains("文件或目录不存在"),
        "{t}"
    );
    assert!(
        !t.contains("os error") && !t.contains("No such file"),
        "{t}"
    );
    assert!(!out_dir.exists(), "nothing may be written");

    // A folder that holds no spreadsheet, mail or archive at all is a run error too.
    let empty = e.dir.path().join("空目录");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("说明.pdf"), b"%PDF-1.4").unwrap();
    let result = collect_cmd(&e.plan_path, &out_dir)
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result).contains("没有任何电子表格"),
        "{}",
        text(&result)
    );
    assert!(!out_dir.exists());
}

#[test]
fn earlier_outputs_under_an_input_are_skipped_with_one_note() {
    let e = issued_env();
    let out = e.dir.path().join("out");
    let returns = out.join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    std::fs::copy(
        e.templates
            .join(jixiao::template::file_name(&e.plan, &e.plan.departments[0])),
        returns.join("001.xlsx"),
    )
    .unwrap();
    let results = out.join("汇总");
    // An earlier result elsewhere under the input, and this run's own output folder.
    stdout_of(collect_cmd(&e.plan_path, out.join("旧汇总")).arg(&out));
    for _ in 0..2 {
        stdout_of(collect_cmd(&e.plan_path, &results).arg(&out));
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(results.join("summary.json")).unwrap())
            .unwrap();
    let unmatched = summary["unmatched"].as_array().unwrap();
    let skipped: Vec<&str> = unmatched
        .iter()
        .filter(|u| u["findings"][0]["code"] == "F15")
        .map(|u| u["file"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["旧汇总", "汇总"], "{unmatched:#?}");
    assert_eq!(
        unmatched.len(),
        2,
        "nothing inside them is read: {unmatched:#?}"
    );
    assert_eq!(summary["superseded"].as_array().unwrap().len(), 0);
}

#[test]
fn every_line_is_chinese_and_each_help_ends_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let english = [
        "Usage",
        "Options",
        "Print help",
        "[default",
        "error:",
        "tip:",
        "unrecognized",
        "required arguments",
        "os error",
        "No such file",
        "Arguments",
        "Commands",
    ];
    let cases: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["init", "--help"],
        vec!["new", "--help"],
        vec!["issue", "--help"],
        vec!["collect", "--help"],
        vec!["check", "--help"],
        vec!["demo", "--help"],
        vec!["collect", "--frobnicate"],
        vec!["new"],
        vec!["nonsense"],
        vec!["collect"],
        vec!["issue", "--plan", "不存在.xlsx", "-o", "x"],
        vec!["check", "--plan", "不存在.xlsx", "回收"],
    ];
    for args in &cases {
        let out = run_in(dir.path(), args);
        let t = text(&out);
        for word in english {
            assert!(!t.contains(word), "{args:?} shows «{word}»:\n{t}");
        }
        if args.last() == Some(&"--help") {
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            assert!(
                t.trim_end().lines().any(|l| l.starts_with("示例")),
                "{args:?}:\n{t}"
            );
            assert!(
                t.contains("用法：") && t.contains("显示帮助"),
                "{args:?}:\n{t}"
            );
        } else {
            assert_ne!(out.status.code(), Some(0), "{args:?}");
        }
    }
    let out = run_in(dir.path(), &["collect", "--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("不认识的选项「--frobnicate」"));
    let out = run_in(dir.path(), &["issue", "--plan", "不存在.xlsx", "-o", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("文件或目录不存在"), "{}", text(&out));
}

#[test]
fn a_year_folder_needs_no_flags() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["new", "2024"]);
    assert!(out.status.success(), "{}", text(&out));
    let year = dir.path().join("2024");
    let plan = jixiao::plan::read(&year.join("评价方案.xlsx")).unwrap();
    assert_eq!(plan.settings.year, 2024);
    assert_eq!(
        plan.settings.deadline.map(|d| d.to_string()).as_deref(),
        Some("2025-05-20")
    );
    assert!(plan.settings.name.starts_with("2024年度"));
    assert!(year.join("回收").is_dir() && year.join("模板").is_dir());
    // A second `new` never overwrites the plan.
    assert_eq!(run_in(dir.path(), &["new", "2024"]).status.code(), Some(1));

    let out = run_in(&year, &["issue"]);
    assert!(out.status.success(), "{}", text(&out));
    let first = year
        .join("模板")
        .join(jixiao::template::file_name(&plan, &plan.departments[0]));
    assert!(first.is_file());
    std::fs::copy(&first, year.join("回收").join("001.xlsx")).unwrap();
    let out = run_in(&year, &["collect"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        year.join("汇总")
            .join("2024年度部门整体绩效评价汇总.xlsx")
            .is_file()
    );
    assert!(run_in(&year, &["check"]).status.success());

    // The folder alone (dropped onto jixiao.exe) runs collect; with no terminal it does not
    // wait for a key.
    std::fs::remove_dir_all(year.join("汇总")).unwrap();
    let out = run_in(dir.path(), &["2024"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(year.join("汇总").join("summary.json").is_file());

    // Outside a year folder the plan must be named.
    let out = run_in(dir.path(), &["collect"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("未指定评价方案"), "{}", text(&out));
}

/// The sample plan's sheets with `edit` applied, written to `dir/评价方案.xlsx`; templates
/// issued into `dir/模板`.
fn plan_with(dir: &Path, edit: impl FnOnce(&mut [jixiao::sheet::RawSheet])) -> std::path::PathBuf {
    let mut sheets = jixiao::sample::plan_sheets();
    edit(&mut sheets);
    let path = dir.join("评价方案.xlsx");
    std::fs::write(&path, jixiao::plan::write::workbook(&sheets).unwrap()).unwrap();
    path
}

/// Sets column `col` (by header) of the row whose first cell is `key` in sheet `sheet`.
fn set_plan(sheets: &mut [jixiao::sheet::RawSheet], sheet: &str, key: &str, col: &str, v: &str) {
    let s = sheets.iter_mut().find(|s| s.name == sheet).unwrap();
    let c = s.rows[0].cells().position(|h| h == col).unwrap() as u32;
    let row = s.rows.iter_mut().find(|r| r.get(0) == key).unwrap();
    row.set(c, v);
}

fn issue_into(plan: &Path, out: &Path) {
    stdout_of(
        jixiao()
            .arg("issue")
            .arg("--plan")
            .arg(plan)
            .arg("-o")
            .arg(out),
    );
}

/// A filled return of `code` with full marks but for `changes` (指标编码, 实际完成值, 自评得分),
/// written by umya-spreadsheet to `out`.
fn full_return(
    plan: &jixiao::plan::Plan,
    templates: &Path,
    code: &str,
    changes: &[(&str, &str, &str)],
    out: &Path,
) {
    full_return_typed(
        plan,
        templates,
        code,
        changes,
        out,
        jixiao::demo::fill::Typing::AsText,
    );
}

/// [`full_return`] with its values typed as `typing` says.
fn full_return_typed(
    plan: &jixiao::plan::Plan,
    templates: &Path,
    code: &str,
    changes: &[(&str, &str, &str)],
    out: &Path,
    typing: jixiao::demo::fill::Typing,
) {
    let dept = plan
        .department(&jixiao::domain::DeptCode::new(code))
        .unwrap();
    let mut a = jixiao::demo::full_marks(plan, dept);
    a.info = jixiao::demo::fill::info("张华", "0518-85810001", "2022-05-10");
    for (c, actual, own) in changes {
        let o = a.outcomes.iter_mut().find(|o| o.code == *c).unwrap();
        o.actual = actual.to_string();
        o.self_score = own.to_string();
        o.reason = "原因说明".into();
    }
    let template = templates.join(jixiao::template::file_name(plan, dept));
    let book = jixiao::demo::fill::fill(&std::fs::read(template).unwrap(), &a, typing).unwrap();
    umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
}

fn codes_of(d: &serde_json::Value) -> Vec<String> {
    d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f["code"].as_str().unwrap(),
                f["location"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

const DEMO_WORKBOOK: &str = "汇总/2021年度部门整体绩效评价汇总.xlsx";

#[test]
fn city_budget_totals_cover_only_departments_whose_spending_was_read() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let path = dir.path().join(DEMO_WORKBOOK);
    let rows = sheet_rows(&path, "预算执行汇总");
    let num = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    let total = rows
        .iter()
        .position(|r| r[1].starts_with("全市合计"))
        .unwrap();
    // 002 left an 执行数 empty and 006 never returned: neither is above the total.
    let counted: Vec<&Vec<String>> = rows[2..total].iter().collect();
    let codes: Vec<&str> = counted.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        codes,
        ["001", "003", "004", "005"],
        "code order, read ones only"
    );
    assert_eq!(rows[total][1], "全市合计（4 个部门）");
    for col in [3, 4] {
        let sum: f64 = counted.iter().map(|r| num(&r[col])).sum();
        assert!((num(&rows[total][col]) - sum).abs() < 0.005, "col {col}");
    }
    let rate = num(&rows[total][4]) / num(&rows[total][3]);
    assert!((num(&rows[total][5]) - rate).abs() < 1e-6);
    assert!(
        rate > 0.9,
        "the reporting departments executed most of their budget: {rate}"
    );
    let apart = rows
        .iter()
        .position(|r| r[0].contains("未报送或执行数未能读取"))
        .unwrap();
    assert!(
        rows[apart][0].starts_with("以下 2 个部门"),
        "{:?}",
        rows[apart]
    );
    let rest: Vec<&str> = rows[apart + 1..apart + 3]
        .iter()
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(rest, ["002", "006"]);
    assert!(
        rows[apart + 1][4].is_empty() && rows[apart + 1][5].is_empty(),
        "no 执行数, no rate"
    );
    assert!(rows[apart + 3][1].starts_with("未计入合计的预算"));

    // The chart: the four read departments only, from 0%, top to bottom in code order.
    let chart = zip_part(&path, "xl/charts/chart2.xml");
    assert!(chart.contains("预算执行汇总!$F$3:$F$6"), "{chart}");
    assert!(chart.contains(r#"<c:min val="0"/>"#), "{chart}");
    assert!(
        chart.contains(r#"<c:orientation val="maxMin"/>"#),
        "{chart}"
    );
}

#[test]
fn a_bare_number_for_a_percent_target_is_read_nearer_the_target_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = plan_with(dir.path(), |s| {
        set_plan(s, "指标", "MZ13", "三级指标", "游客投诉率");
        set_plan(s, "指标", "MZ13", "目标值", "≤0.5%");
    });
    let templates = dir.path().join("模板");
    issue_into(&plan_path, &templates);
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let returns = dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    full_return(
        &plan,
        &templates,
        "006",
        &[("MZ13", "0.4", "3")],
        &returns.join("006.xlsx"),
    );
    // 95% typed as 0.95 for a 100% target reads as 95%, as Excel stores it, without a warning.
    full_return(
        &plan,
        &templates,
        "005",
        &[("GX11", "0.95", "1.9")],
        &returns.join("005.xlsx"),
    );
    let out = dir.path().join("汇总");
    stdout_of(collect_cmd(&plan_path, &out).arg(&returns));
    let json = summary(&out);
    let d006 = dept(&json, "006");
    assert_eq!(d006["total"], "100.00", "0.4 is 0.4%, within ≤0.5%");
    let f = codes_of(d006);
    let v11: Vec<&String> = f.iter().filter(|x| x.starts_with("V11")).collect();
    assert_eq!(v11.len(), 1, "{f:#?}");
    assert!(
        v11[0].contains("0.4%") && v11[0].contains("40%") && v11[0].contains("≤0.5%"),
        "{}",
        v11[0]
    );
    let d005 = dept(&json, "005");
    assert!(
        !codes_of(d005).iter().any(|x| x.starts_with("V11")),
        "{:#?}",
        codes_of(d005)
    );
    assert_eq!(d005["total"], "99.90");

    // The input message says exactly what to type.
    let t = templates.join(jixiao::template::file_name(&plan, &plan.departments[5]));
    let xml = zip_part(&t, "xl/worksheets/sheet4.xml");
    assert!(
        xml.contains("输入带 % 号的百分数，如 95% 或 0.4%"),
        "input message"
    );
}

#[test]
fn a_return_sent_back_has_no_grade_anywhere_and_an_unfilled_one_says_so() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let path = dir.path().join(DEMO_WORKBOOK);
    let json = summary(&dir.path().join("汇总"));
    let d002 = dept(&json, "002");
    assert_eq!(d002["status"], "退回");
    assert!(d002["grade"].is_null() && d002["total"].is_null() && d002["rank"].is_null());
    assert!(
        d002["provisional_total"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    let ranking = sheet_rows(&path, "汇总排名");
    let header = &ranking[1];
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let row = ranking.iter().find(|r| r[1] == "002").unwrap();
    assert!(row[col("总分")].starts_with("暂计 "), "{row:?}");
    assert_eq!(row[col("等级")], "");
    assert_eq!(row[col("排名")], "—");
    for dim in ["部门管理", "部门绩效", "部门影响力"] {
        assert_eq!(
            row[col(dim)],
            "",
            "no dimension score stands for a return sent back"
        );
    }
    let sheet = sheet_rows(&path, "002 市教育局");
    assert!(
        sheet[1][0].contains("暂计") && sheet[1][0].contains("不评定等级"),
        "{:?}",
        sheet[1]
    );
    let grade_row = sheet.iter().find(|r| r[0] == "等级").unwrap();
    assert_eq!(grade_row[5], "退回，不评定等级", "no grade on the sheet");
    let total_row = sheet.iter().find(|r| r[0].starts_with("合计")).unwrap();
    assert_eq!(total_row[0], "合计（暂计）");
    let letter =
        std::fs::read_to_string(dir.path().join("汇总/审核意见/002_市教育局.txt")).unwrap();
    assert!(!letter.contains("等级"), "{letter}");

    // An unfilled template says 未填写, never 0.00 差.
    let e = issued_env();
    let returns = e.dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    std::fs::copy(
        e.templates
            .join(jixiao::template::file_name(&e.plan, &e.plan.departments[3])),
        returns.join("空白.xlsx"),
    )
    .unwrap();
    let out = e.dir.path().join("汇总");
    stdout_of(collect_cmd(&e.plan_path, &out).arg(&returns));
    let json = summary(&out);
    let d004 = dept(&json, "004");
    assert_eq!(d004["filled"], false);
    assert!(
        d004["total"].is_null() && d004["grade"].is_null() && d004["provisional_total"].is_null()
    );
    let wb = out.join("2021年度部门整体绩效评价汇总.xlsx");
    let ranking = sheet_rows(&wb, "汇总排名");
    let row = ranking.iter().find(|r| r[1] == "004").unwrap();
    assert!(row.iter().any(|c| c == "未填写"), "{row:?}");
    assert!(!row.iter().any(|c| c == "差" || c == "0.00"), "{row:?}");
    let sheet = sheet_rows(&wb, "004 市交通运输局");
    assert!(sheet[1][0].starts_with("未填写"), "{:?}", sheet[1]);
}

#[test]
fn a_template_issued_under_an_earlier_plan_is_the_bureaus_change_not_the_departments() {
    let dir = tempfile::tempdir().unwrap();
    let first = plan_with(dir.path(), |_| {});
    let templates = dir.path().join("模板");
    issue_into(&first, &templates);
    let plan = jixiao::plan::read(&first).unwrap();
    let returns = dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    full_return(&plan, &templates, "001", &[], &returns.join("001.xlsx"));
    // The department also edits a locked cell of its own (YJ04's 目标值).
    let mut book = umya_spreadsheet::reader::xlsx::read(returns.join("001.xlsx")).unwrap();
    let ws = book.sheet_by_name_mut("绩效指标").unwrap();
    let r = jixiao::demo::fill::find_row(ws, "A", "YJ04").unwrap();
    ws.cell_mut(format!("E{r}").as_str())
        .set_value_string("尽快");
    umya_spreadsheet::writer::xlsx::write(&book, returns.join("001.xlsx")).unwrap();

    // The bureau then moves a point from YJ03 to YJ01.
    let later = dir.path().join("新方案");
    std::fs::create_dir_all(&later).unwrap();
    let later = plan_with(&later, |s| {
        set_plan(s, "指标", "YJ01", "权重", "3");
        set_plan(s, "指标", "YJ03", "权重", "1");
    });
    let out = dir.path().join("汇总");
    stdout_of(collect_cmd(&later, &out).arg(&returns));
    let json = summary(&out);
    let d = dept(&json, "001");
    let f = codes_of(d);
    let i10: Vec<&String> = f.iter().filter(|x| x.starts_with("I10")).collect();
    assert_eq!(i10.len(), 1, "{f:#?}");
    assert!(
        i10[0].contains("YJ01") && i10[0].contains("YJ03") && i10[0].contains("权重"),
        "{}",
        i10[0]
    );
    let l01: Vec<&String> = f.iter().filter(|x| x.starts_with("L01")).collect();
    assert_eq!(l01.len(), 1, "only the department's own edit: {f:#?}");
    assert!(
        l01[0].contains("YJ04") && l01[0].contains("目标值"),
        "{}",
        l01[0]
    );
    assert!(
        !f.iter().any(|x| x.starts_with("I07")),
        "not a wrong template"
    );
    assert_eq!(
        d["status"], "有警告",
        "scored on the current plan, not sent back: {f:#?}"
    );
    let letter = std::fs::read_to_string(out.join("审核意见/001_市应急管理局.txt")).unwrap();
    assert!(
        letter.contains("供财政局核对") && letter.contains("部门无需处理"),
        "{letter}"
    );
}

#[test]
fn a_renamed_sheet_is_found_by_its_header_and_a_missing_one_lists_the_sheets() {
    let e = issued_env();
    let returns = e.dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    full_return(&e.plan, &e.templates, "005", &[], &returns.join("005.xlsx"));
    let mut book = umya_spreadsheet::reader::xlsx::read(returns.join("005.xlsx")).unwrap();
    book.sheet_by_name_mut("基本信息")
        .unwrap()
        .set_name("基本情况");
    umya_spreadsheet::writer::xlsx::write(&book, returns.join("005.xlsx")).unwrap();
    full_return(&e.plan, &e.templates, "004", &[], &returns.join("004.xlsx"));
    let mut book = umya_spreadsheet::reader::xlsx::read(returns.join("004.xlsx")).unwrap();
    book.remove_sheet_by_name("预算执行").unwrap();
    umya_spreadsheet::writer::xlsx::write(&book, returns.join("004.xlsx")).unwrap();
    let out = e.dir.path().join("汇总");
    stdout_of(collect_cmd(&e.plan_path, &out).arg(&returns));
    let json = summary(&out);
    let d005 = dept(&json, "005");
    assert_eq!(d005["total"], "100.00");
    let f = codes_of(d005);
    assert!(
        f.iter()
            .any(|x| x.starts_with("S07 005.xlsx!基本情况") && x.contains("作为「基本信息」")),
        "{f:#?}"
    );
    assert!(!f.iter().any(|x| x.starts_with("S01")), "{f:#?}");
    let f = codes_of(dept(&json, "004"));
    let s01 = f.iter().find(|x| x.starts_with("S01")).unwrap();
    assert!(
        s01.contains("文件中的工作表：填报说明、基本信息、绩效指标"),
        "{s01}"
    );
}

#[test]
fn examples_deadlines_and_letters_follow_the_plan_and_the_run_date() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = plan_with(dir.path(), |s| {
        set_plan(s, "方案", "评价年度", "值", "2024");
        set_plan(s, "方案", "报送截止日期", "值", "2025-05-20");
        set_plan(
            s,
            "方案",
            "评价名称",
            "值",
            "2024年度部门整体支出绩效自评价",
        );
    });
    let templates = dir.path().join("模板");
    issue_into(&plan_path, &templates);
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let t = templates.join(jixiao::template::file_name(&plan, &plan.departments[0]));
    let info = zip_part(&t, "xl/worksheets/sheet2.xml");
    assert!(
        info.contains("如 2025-05-10") && !info.contains("2022"),
        "examples from the plan's year"
    );

    let returns = dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    let fill_dated = |code: &str, filled: &str, changes: &[(&str, &str, &str)]| {
        let p = returns.join(format!("{code}.xlsx"));
        full_return(&plan, &templates, code, changes, &p);
        let mut book = umya_spreadsheet::reader::xlsx::read(&p).unwrap();
        let ws = book.sheet_by_name_mut("基本信息").unwrap();
        let r = jixiao::demo::fill::find_row(ws, "A", "填报日期").unwrap();
        ws.cell_mut(format!("B{r}").as_str())
            .set_value_string(filled);
        umya_spreadsheet::writer::xlsx::write(&book, &p).unwrap();
    };
    fill_dated("001", "2025-05-25", &[]); // five days late
    fill_dated("002", "2024-11-30", &[("JY01", "九十五", "6")]); // before year end, sent back
    fill_dated("003", "2025-05-12", &[]); // on time, nothing wrong
    let out = dir.path().join("汇总");
    // The run happens on 2025-06-10 (Beijing): resubmission within 7 days is due 2025-06-17.
    stdout_of(
        collect_cmd(&plan_path, &out)
            .env("SOURCE_DATE_EPOCH", "1749513600")
            .arg(&returns),
    );
    let json = summary(&out);
    let d001 = dept(&json, "001");
    assert_eq!(d001["late_days"], 5);
    assert!(
        codes_of(d001)
            .iter()
            .any(|x| x.starts_with("D02") && x.contains("逾期 5 天"))
    );
    assert_eq!(d001["submitted_at"], "2025-05-25");
    assert_eq!(d001["submitted_at_source"], "填报日期");
    let d002 = dept(&json, "002");
    assert!(
        codes_of(d002)
            .iter()
            .any(|x| x.starts_with("V12") && x.contains("2024-11-30"))
    );
    let wb = out.join("2024年度部门整体绩效评价汇总.xlsx");
    let ranking = sheet_rows(&wb, "汇总排名");
    let header = &ranking[1];
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let r001 = ranking.iter().find(|r| r[1] == "001").unwrap();
    assert_eq!(r001[col("逾期天数")], "5");
    assert_eq!(r001[col("时间来源")], "填报日期");

    let letter = |name: &str| std::fs::read_to_string(out.join("审核意见").join(name)).unwrap();
    let l002 = letter("002_市教育局.txt");
    assert!(l002.contains("于 2025-06-17 前重新报送"), "{l002}");
    assert!(
        !l002.contains("2025-05-20 前"),
        "never a date that has passed: {l002}"
    );
    let l003 = letter("003_市卫生健康委员会.txt");
    assert!(
        l003.contains("已受理") && l003.contains("无需再报送"),
        "{l003}"
    );
    let l006 = letter("006_市民政局.txt");
    assert!(
        l006.contains("报送截止日期 2025-05-20 已过") && l006.contains("2025-06-17 前报送"),
        "{l006}"
    );
}

#[test]
fn the_findings_sheet_splits_location_and_fits_rows_and_about_holds_numbers() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let path = dir.path().join(DEMO_WORKBOOK);
    let rows = sheet_rows(&path, "审核问题");
    assert_eq!(
        rows[0],
        [
            "部门编码",
            "部门名称",
            "文件",
            "工作表",
            "单元格",
            "级别",
            "代码",
            "问题",
            "处理建议"
        ]
    );
    assert!(
        rows.iter()
            .any(|r| r[3] == "绩效指标" && r[4].starts_with('H')),
        "sheet and cell apart"
    );
    // Rows are as tall as their wrapped text: a long message gets more than one line.
    let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
    let ws = book.sheet_by_name("审核问题").unwrap();
    let (k, long) = rows
        .iter()
        .enumerate()
        .max_by_key(|(_, r)| jixiao::xlsx::display_width(&r[7]) as u64)
        .unwrap();
    let height = ws
        .row_dimension(k as u32 + 1)
        .map(|d| d.height())
        .unwrap_or(0.0);
    let lines = (jixiao::xlsx::display_width(&long[7]) / 58.5).ceil();
    assert!(
        lines >= 2.0 && height >= lines * 14.0,
        "row {k}: {height} for {lines} lines"
    );

    let about = book.sheet_by_name("说明").unwrap();
    let row = |key: &str| {
        (1..=about.highest_row())
            .find(|r| about.value((1, *r)) == key)
            .unwrap()
    };
    for key in [
        "评价年度",
        "读取文件数",
        "方案中的部门",
        "通过",
        "退回",
        "未报送",
    ] {
        let cell = about.cell((2, row(key))).unwrap();
        assert!(cell.data_type() == "n", "{key} is a number, not text");
    }
    // Every money column has a thousands separator.
    let budget = book.sheet_by_name("预算执行汇总").unwrap();
    assert_eq!(number_format(budget, "C3"), "#,##0.00");
    let projects = book.sheet_by_name("项目明细").unwrap();
    assert_eq!(projects.value((1, 1)), "项目明细（单位：万元）");
    assert_eq!(number_format(projects, "F3"), "#,##0.00");
}

#[test]
fn merged_labels_start_again_on_every_printed_page() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let path = dir.path().join(DEMO_WORKBOOK);
    let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
    let ws = book.sheet_by_name("001 市应急管理局").unwrap();
    let xml = zip_part(&path, "xl/worksheets/sheet5.xml");
    assert!(
        xml.contains("<rowBreaks"),
        "82 indicators span several pages"
    );
    let breaks: Vec<u32> = xml
        .split("<brk id=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(!breaks.is_empty());
    for b in breaks {
        // The first row of each page has its 一级 and 二级 labels.
        for col in [1, 2] {
            assert!(
                !ws.value((col, b + 1)).is_empty(),
                "row {} col {col} blank at a page top",
                b + 1
            );
        }
    }
}

#[test]
fn plan_checks_name_a_bad_deadline_and_a_code_that_lost_its_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = plan_with(dir.path(), |s| {
        set_plan(s, "方案", "报送截止日期", "值", "下个月");
        let b = s.iter_mut().find(|s| s.name == "预算").unwrap();
        let row = b.rows.iter_mut().find(|r| r.get(0) == "002").unwrap();
        row.set(0, "2");
    });
    let out = jixiao()
        .arg("issue")
        .arg("--plan")
        .arg(&plan_path)
        .arg("-o")
        .arg(dir.path().join("模板"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out);
    assert!(t.contains("报送截止日期「下个月」不是日期"), "{t}");
    assert!(
        t.contains("部门编码「2」不在「部门」工作表中；「部门」工作表中有「002」，只差前导零"),
        "{t}"
    );
    assert!(!dir.path().join("模板").exists());
}

/// 130.6% where the target is 100%: a note (V13) whether typed as text or as Excel stores
/// it (1.306 in a percent cell, which was once read as 1.306%).
fn rate_above_100_is_a_note(typing: jixiao::demo::fill::Typing) {
    let e = issued_env();
    let returns = e.dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    full_return_typed(
        &e.plan,
        &e.templates,
        "005",
        &[("GX11", "130.6%", "2")],
        &returns.join("005.xlsx"),
        typing,
    );
    let out = e.dir.path().join("汇总");
    stdout_of(collect_cmd(&e.plan_path, &out).arg(&returns));
    let f = codes_of(dept(&summary(&out), "005"));
    assert!(
        f.iter()
            .any(|x| x.starts_with("V13") && x.contains("130.6%")),
        "{f:#?}"
    );
}

#[test]
fn a_rate_above_100_where_the_target_is_100_is_a_note() {
    rate_above_100_is_a_note(jixiao::demo::fill::Typing::AsText);
}

/// Regression: Excel stores 102.5% typed into a percent cell as 1.025, which was read as
/// 1.025%. A number in a percent-formatted cell now reads as the cell shows it.
#[test]
fn numbers_above_100_percent_typed_in_excel_read_as_shown() {
    rate_above_100_is_a_note(jixiao::demo::fill::Typing::AsExcel);
}
