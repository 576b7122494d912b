//! Year over year: last year's results beside this year's, found in the year-folder layout
//! (`../2021/汇总/` when evaluating 2022) or given with `--previous`; files that cannot be
//! last year's refused with the reason.

use super::*;
use jixiao::demo::fill::{Typing, fill, info, to_bytes};

/// `jixiao new {year}` in `parent`, templates issued, and full-marks returns of `codes`
/// (filled through umya-spreadsheet) in its 回收/.
fn year_folder(parent: &Path, year: i32, codes: &[&str]) -> std::path::PathBuf {
    year_folder_with(parent, year, codes, |_| {})
}

/// As [`year_folder`], with the plan changed by `edit` (through umya-spreadsheet) before the
/// templates are issued.
fn year_folder_with(
    parent: &Path,
    year: i32,
    codes: &[&str],
    edit: impl FnOnce(&mut umya_spreadsheet::Workbook),
) -> std::path::PathBuf {
    stdout_of(
        jixiao()
            .arg("new")
            .arg(year.to_string())
            .arg("--in")
            .arg(parent),
    );
    let root = parent.join(year.to_string());
    let plan_path = root.join("评价方案.xlsx");
    let mut book = umya_spreadsheet::reader::xlsx::read(&plan_path).unwrap();
    edit(&mut book);
    umya_spreadsheet::writer::xlsx::write(&book, &plan_path).unwrap();
    issue_into(&plan_path, &root.join("模板"));
    let plan = jixiao::plan::read(&plan_path).unwrap();
    for code in codes {
        let d = plan
            .department(&jixiao::domain::DeptCode::new(*code))
            .unwrap();
        let mut a = jixiao::demo::full_marks(&plan, d);
        a.info = info("经办人", &d.phone, &format!("{}-05-10", year + 1));
        let name = jixiao::template::file_name(&plan, d);
        let book = fill(
            &std::fs::read(root.join("模板").join(&name)).unwrap(),
            &a,
            Typing::AsExcel,
        )
        .unwrap();
        std::fs::write(root.join("回收").join(&name), to_bytes(&book).unwrap()).unwrap();
    }
    root
}

fn collect_year(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut cmd = jixiao();
    cmd.env("SOURCE_DATE_EPOCH", "1652400000")
        .current_dir(root)
        .arg("collect");
    for a in extra {
        cmd.arg(a);
    }
    cmd.output().unwrap()
}

/// `collect` in the year folder, which must succeed; gives what it said on standard error.
fn collected(root: &Path) -> String {
    let out = collect_year(root, &[]);
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn last_year_stands_beside_this_year() {
    let dir = tempfile::tempdir().unwrap();
    // 2021: the demo (001 95.30, 004 and 005 97.00 tied, 006 never returned).
    demo_in(&dir.path().join("2021"));
    let y2022 = year_folder(dir.path(), 2022, &["001", "004", "006"]);
    let said = collected(&y2022);
    assert!(said.contains("与 2021 年度比较"), "{said}");
    let json = summary(&y2022.join("汇总"));
    let p = &util::dept(&json, "001")["previous"];
    assert_eq!(p["year"], 2021);
    assert_eq!(p["total"], "95.30");
    assert_eq!(p["change"], "4.70");
    // 001 was 4th of 4 in 2021; 1st (shared) of 3 in 2022.
    assert_eq!(p["rank"], 4);
    assert_eq!(p["rank_change"], 3);
    // 006 did not return in 2021: no total to compare.
    assert!(util::dept(&json, "006")["previous"]["total"].is_null());
    // Per indicator: last year's actual and score sit beside this year's.
    use calamine::Reader;
    let book = y2022.join("汇总/2022年度部门整体绩效评价汇总.xlsx");
    let mut wb = calamine::open_workbook_auto(&book).unwrap();
    let ranking = wb.worksheet_range("汇总排名").unwrap();
    let rows: Vec<Vec<String>> = ranking
        .rows()
        .map(|r| r.iter().map(jixiao::sheet::cell_text).collect())
        .collect();
    let header = &rows[1];
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row001 = rows.iter().find(|r| r[1] == "001").unwrap();
    assert_eq!(row001[at("上年总分")], "95.3");
    assert_eq!(row001[at("变化")], "4.7");
    assert_eq!(row001[at("名次变化")], "↑3");
    // 006 did not return in 2021: said, not left blank.
    let row006 = rows.iter().find(|r| r[1] == "006").unwrap();
    assert_eq!(row006[at("上年总分")], "未报送");
    assert_eq!(util::dept(&json, "006")["previous"]["status"], "未报送");
    let details = wb.worksheet_range("指标得分明细").unwrap();
    let d: Vec<Vec<String>> = details
        .rows()
        .map(|r| r.iter().map(jixiao::sheet::cell_text).collect())
        .collect();
    let h = &d[0];
    let (pa, ps) = (
        h.iter().position(|x| x == "上年实际完成值").unwrap(),
        h.iter().position(|x| x == "上年得分").unwrap(),
    );
    let gx10 = d.iter().find(|r| r[0] == "001" && r[2] == "GX10").unwrap();
    assert_eq!((gx10[pa].as_str(), gx10[ps].as_str()), ("100%", "1"));

    // The department's sheet and 预算执行汇总 show last year too.
    let sheet = sheet_rows(&book, "001 市应急管理局");
    let head = sheet.iter().find(|r| r[0] == "一级指标").unwrap();
    assert_eq!(head[9..11], ["上年实际完成值", "上年得分"]);
    assert!(
        sheet
            .iter()
            .flatten()
            .any(|c| c == "上年（2021 年度）总分 95.30"),
        "{sheet:?}"
    );
    let budget = sheet_rows(&book, "预算执行汇总");
    assert_eq!(budget[1].last().unwrap(), "上年执行率");
    // Templates issued in 2022's folder show 2021's actuals, locked, after the inputs.
    let template = y2022.join("模板/2022_001_市应急管理局_部门整体绩效自评表.xlsx");
    let rows = sheet_rows(&template, "绩效指标");
    let h = rows.iter().find(|r| r[0] == "指标编码").unwrap();
    let col = h.iter().position(|x| x == "上年实际完成值").unwrap();
    let gx10 = rows.iter().find(|r| r[0] == "GX10").unwrap();
    assert_eq!(gx10[col], "100%");
    let guide = sheet_rows(&template, "填报说明");
    assert!(
        guide
            .iter()
            .flatten()
            .any(|t| t.contains("2021 年度报送的数值"))
    );

    // A third year: 历年得分 with every year.
    let y2023 = year_folder(dir.path(), 2023, &["001"]);
    let said = collected(&y2023);
    assert!(
        said.contains("与 2022 年度比较") && said.contains("与 2021 年度比较"),
        "{said}"
    );
    let mut wb =
        calamine::open_workbook_auto(y2023.join("汇总/2023年度部门整体绩效评价汇总.xlsx")).unwrap();
    let history = wb.worksheet_range("历年得分").unwrap();
    let rows: Vec<Vec<String>> = history
        .rows()
        .map(|r| r.iter().map(jixiao::sheet::cell_text).collect())
        .collect();
    assert_eq!(
        rows[1][..8],
        [
            "部门编码",
            "部门名称",
            "2021 年总分",
            "2021 年等级",
            "2022 年总分",
            "2022 年等级",
            "2023 年总分",
            "2023 年等级"
        ]
    );
    let r001 = rows.iter().find(|r| r[0] == "001").unwrap();
    assert_eq!(r001[2..8], ["95.3", "优", "100", "优", "100", "优"]);
}

/// Sets column `col` (1-based) of the row whose column A is `key` in `sheet`.
fn set_plan_cell(book: &mut umya_spreadsheet::Workbook, sheet: &str, key: &str, col: u32, v: &str) {
    let ws = book.sheet_by_name_mut(sheet).unwrap();
    let row = jixiao::demo::fill::find_row(ws, "A", key).unwrap();
    ws.cell_mut((col, row)).set_value(v);
}

#[test]
fn renamed_departments_and_changed_indicators_are_matched_by_code() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(&dir.path().join("2021"));
    // 机构改革: 004 is renamed; 001's YJ46 is replaced by YJ99.
    let root = year_folder_with(dir.path(), 2022, &["001", "004"], |book| {
        set_plan_cell(book, "部门", "004", 2, "市交通运输和港口局");
        set_plan_cell(book, "指标", "YJ46", 1, "YJ99");
    });
    collected(&root);
    let book = root.join("汇总/2022年度部门整体绩效评价汇总.xlsx");
    let ranking = sheet_rows(&book, "汇总排名");
    let r004 = ranking.iter().find(|r| r[1] == "004").unwrap();
    assert_eq!(r004[2], "市交通运输和港口局（上年：市交通运输局）");
    let details = sheet_rows(&book, "指标得分明细");
    let pa = details[0]
        .iter()
        .position(|x| x == "上年实际完成值")
        .unwrap();
    let yj99 = details
        .iter()
        .find(|r| r[0] == "001" && r[2] == "YJ99")
        .unwrap();
    assert_eq!(yj99[pa], "新增");
    assert!(!details.iter().any(|r| r[2] == "YJ46"));
    let sheet = sheet_rows(&book, "001 市应急管理局");
    assert!(
        sheet
            .iter()
            .flatten()
            .any(|c| c.contains("已取消的上年指标：YJ46")),
        "{sheet:?}"
    );
}

#[test]
fn files_that_cannot_be_last_years_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(&dir.path().join("2021"));
    let y2021 = dir.path().join("2021");
    let y2022 = year_folder(dir.path(), 2022, &["001"]);
    collected(&y2022);
    let refused = |root: &Path, previous: &Path| {
        let out = collect_year(root, &["--previous", previous.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let same = refused(&y2021, &y2021.join("汇总"));
    assert!(same.contains("与本次评价年度相同"), "{same}");
    let later = refused(&y2021, &y2022.join("汇总/summary.json"));
    assert!(later.contains("晚于本次评价年度 2021"), "{later}");
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"year": 2020, "generated_by": "另一个程序", "departments": []}"#,
    )
    .unwrap();
    let not_ours = refused(&y2021, &other);
    assert!(not_ours.contains("不是 jixiao 写出的"), "{not_ours}");

    // Last year's summary edited: a total no run writes, a department twice; and one year
    // given twice.
    let summary = std::fs::read_to_string(y2022.join("汇总/summary.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&summary).unwrap();
    let y2023 = year_folder(dir.path(), 2023, &["001"]);
    let edited = dir.path().join("edited.json");
    json["departments"][0]["total"] = "-1000000000000000000000000000".into();
    std::fs::write(&edited, json.to_string()).unwrap();
    let said = refused(&y2023, &edited);
    assert!(
        said.contains(
            "部门 001 的「total」为「-1000000000000000000000000000」，应为 0～100 之间的分数"
        ),
        "{said}"
    );
    let mut json: serde_json::Value = serde_json::from_str(&summary).unwrap();
    let first = json["departments"][0].clone();
    json["departments"].as_array_mut().unwrap().push(first);
    std::fs::write(&edited, json.to_string()).unwrap();
    let said = refused(&y2023, &edited);
    assert!(said.contains("部门编码 001 出现了不止一次"), "{said}");
    let copy = dir.path().join("copy.json");
    std::fs::write(&copy, &summary).unwrap();
    let out = collect_year(
        &y2023,
        &[
            "--previous",
            y2022.join("汇总").to_str().unwrap(),
            "--previous",
            copy.to_str().unwrap(),
        ],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("都是 2022 年度的结果"), "{said}");
}

#[test]
fn next_years_plan_rolls_forward_from_this_years() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(&dir.path().join("2021"));
    let said = stdout_of(
        jixiao()
            .arg("new")
            .arg("2022")
            .arg("--from")
            .arg("2021")
            .arg("--in")
            .arg(dir.path()),
    );
    assert!(
        said.contains("YJ46（市应急管理局）的基准值取上年实际 61"),
        "{said}"
    );
    // 市教育局 was sent back in 2021: its actual is not taken as a baseline.
    assert!(!said.contains("JY12"), "{said}");
    let plan_path = dir.path().join("2022/评价方案.xlsx");
    let sheets = jixiao::plan::read_sheets(&plan_path).unwrap();
    let get = |sheet: &str, key: &str, col: u32| -> String {
        sheets
            .iter()
            .find(|s| s.name == sheet)
            .unwrap()
            .rows
            .iter()
            .find(|r| r.get(0) == key)
            .map(|r| r.get(col).to_string())
            .unwrap_or_default()
    };
    assert_eq!(get("方案", "评价年度", 1), "2022");
    assert_eq!(get("方案", "报送截止日期", 1), "2023-05-20");
    let note = get("方案", "说明", 1);
    assert!(note.starts_with("本方案由 2021 年度的方案生成"), "{note}");
    assert!(
        !note.contains("示例数据"),
        "last year's note is not kept as this year's: {note}"
    );
    assert_eq!(get("指标", "YJ46", 11), "61");
    // Budgets are blank: the plan check lists them, and nothing is issued.
    let templates = dir.path().join("2022/模板");
    let out = issue_cmd(&plan_path, &templates).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("评价方案.xlsx!预算!E2: 年初预算为空，请填写金额"),
        "{said}"
    );
    // Once budgets are typed (in another program), the rolled plan passes its own check.
    let mut book = umya_spreadsheet::reader::xlsx::read(&plan_path).unwrap();
    let ws = book.sheet_by_name_mut("预算").unwrap();
    for r in 2..=ws.highest_row() {
        if ws.cell((1, r)).is_some_and(|c| !c.value().is_empty()) {
            ws.cell_mut((5, r)).set_value_number(10);
            ws.cell_mut((6, r)).set_value_number(12);
        }
    }
    umya_spreadsheet::writer::xlsx::write(&book, &plan_path).unwrap();
    let issued = issue_into(&plan_path, &templates);
    assert!(issued.contains("共生成 6 个部门"), "{issued}");
    // And the second year collects beside the first: one command each.
    let root = dir.path().join("2022");
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let d = plan
        .department(&jixiao::domain::DeptCode::new("001"))
        .unwrap();
    let mut a = jixiao::demo::full_marks(&plan, d);
    a.info = info("经办人", &d.phone, "2023-05-10");
    let name = jixiao::template::file_name(&plan, d);
    let filled = fill(
        &std::fs::read(templates.join(&name)).unwrap(),
        &a,
        Typing::AsExcel,
    )
    .unwrap();
    std::fs::write(root.join("回收").join(&name), to_bytes(&filled).unwrap()).unwrap();
    collected(&root);
    let json = summary(&root.join("汇总"));
    assert_eq!(util::dept(&json, "001")["previous"]["total"], "95.30");
    let details = sheet_rows(
        &root.join("汇总/2022年度部门整体绩效评价汇总.xlsx"),
        "指标得分明细",
    );
    let how = details[0].iter().position(|x| x == "计分说明").unwrap();
    let yj46 = details
        .iter()
        .find(|r| r[0] == "001" && r[2] == "YJ46")
        .unwrap();
    assert!(yj46[how].contains("基准值 61"), "{}", yj46[how]);
}

#[test]
fn blank_trend_baselines_take_last_years_actual_and_repeated_figures_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    // 2021: the demo; 001 reported 61 for YJ46 (安全生产事故亡人数, 下降) and was accepted.
    demo_in(&dir.path().join("2021"));
    // The bureau leaves YJ46's 基准值 blank (typed in another program); no return yet.
    let root = year_folder_with(dir.path(), 2022, &[], |book| {
        set_plan_cell(book, "指标", "YJ46", 12, "");
    });
    let plan_path = root.join("评价方案.xlsx");

    // The template asks for a number, with last year's beside it.
    let name = "2022_001_市应急管理局_部门整体绩效自评表.xlsx";
    let template = root.join("模板").join(name);
    let rows = sheet_rows(&template, "绩效指标");
    let h = rows.iter().find(|r| r[0] == "指标编码").unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let at = rows.iter().position(|r| r[0] == "YJ46").unwrap();
    assert_eq!(rows[at][col("上年实际完成值")], "61");
    // YJ48, blank too but answered 下降 in 2021, keeps the dropdown; YJ46 does not.
    let at48 = rows.iter().position(|r| r[0] == "YJ48").unwrap();
    let dropdown = trend_dropdown_cells(&zip_part(&template, "xl/worksheets/sheet4.xml"));
    let cell = |i: usize| format!("H{}", i + 1);
    assert!(dropdown.contains(&cell(at48)), "{dropdown:?}");
    assert!(!dropdown.contains(&cell(at)), "{dropdown:?}");

    // 001 types 55 deaths (fewer than 61), and its 上年 figure of GX10 reads 90% where 2021's
    // result says 100%.
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let d = plan
        .department(&jixiao::domain::DeptCode::new("001"))
        .unwrap();
    let mut a = jixiao::demo::full_marks(&plan, d);
    a.info = info("经办人", &d.phone, "2023-05-10");
    for o in a.outcomes.iter_mut().filter(|o| o.code == "YJ46") {
        o.actual = "55".into();
    }
    let mut filled = fill(&std::fs::read(&template).unwrap(), &a, Typing::AsExcel).unwrap();
    let ws = filled.sheet_by_name_mut("绩效指标").unwrap();
    let gx10 = jixiao::demo::fill::find_row(ws, "A", "GX10").unwrap();
    ws.cell_mut((col("上年实际完成值") as u32 + 1, gx10))
        .set_value("90%");
    std::fs::write(root.join("回收").join(name), to_bytes(&filled).unwrap()).unwrap();

    collected(&root);
    let book = root.join("汇总/2022年度部门整体绩效评价汇总.xlsx");
    let details = sheet_rows(&book, "指标得分明细");
    let how = details[0].iter().position(|x| x == "计分说明").unwrap();
    let score = details[0].iter().position(|x| x == "得分").unwrap();
    let yj46 = details
        .iter()
        .find(|r| r[0] == "001" && r[2] == "YJ46")
        .unwrap();
    assert!(
        yj46[how].contains("实际 55，基准值取自 2021 年报送 61"),
        "{}",
        yj46[how]
    );
    assert_eq!(yj46[score], "1");
    let json = summary(&root.join("汇总"));
    let findings = util::dept(&json, "001")["findings"].as_array().unwrap();
    let v18 = findings.iter().find(|f| f["code"] == "V18").unwrap();
    assert_eq!(v18["level"], "警告");
    let msg = v18["message"].as_str().unwrap();
    assert!(
        msg.contains("「90%」") && msg.contains("2021 年汇总结果「100%」"),
        "{msg}"
    );
    assert!(
        v18["location"].as_str().unwrap().contains("绩效指标!L"),
        "{v18}"
    );
}

#[test]
fn a_trend_template_shows_the_baseline_it_is_scored_against_and_issue_names_a_different_one() {
    let dir = tempfile::tempdir().unwrap();
    // 2021: 001 reported 61 for YJ46; the 2022 plan sets its 基准值 to 50 instead.
    demo_in(&dir.path().join("2021"));
    let root = year_folder_with(dir.path(), 2022, &[], |book| {
        set_plan_cell(book, "指标", "YJ46", 12, "50");
    });
    let plan_path = root.join("评价方案.xlsx");
    let out = issue_cmd(&plan_path, &root.join("模板")).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("趋势指标的方案基准值与 2021 年报送的实际完成值不同")
            && said.contains("市应急管理局（001）YJ46 方案基准值 50，2021 年报送 61"),
        "{said}"
    );
    let template = root
        .join("模板")
        .join("2022_001_市应急管理局_部门整体绩效自评表.xlsx");
    let rows = sheet_rows(&template, "绩效指标");
    let h = rows.iter().find(|r| r[0] == "指标编码").unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let yj46 = rows.iter().find(|r| r[0] == "YJ46").unwrap();
    assert!(
        yj46[col("评分标准")].ends_with("（比较对象：基准值 50）"),
        "{}",
        yj46[col("评分标准")]
    );
    assert_eq!(yj46[col("上年实际完成值")], "61");
    // The plan check says the same before anything is issued.
    let check = jixiao()
        .current_dir(&root)
        .arg("check")
        .arg(dir.path().join("2021/回收"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("YJ46 方案基准值 50，2021 年报送 61"),
        "{}",
        text(&check)
    );
}

/// The cells under the 下降/持平/上升 dropdown of a template's 绩效指标 sheet XML.
fn trend_dropdown_cells(xml: &str) -> Vec<String> {
    let mut cells = Vec::new();
    for v in xml.split("<dataValidation ").skip(1) {
        let v = v.split("</dataValidation>").next().unwrap_or_default();
        if !v.contains("下降,持平,上升") {
            continue;
        }
        let sqref = v
            .split("sqref=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for range in sqref.split(' ') {
            let (a, b) = range.split_once(':').unwrap_or((range, range));
            let row = |c: &str| c.trim_start_matches('H').parse::<u32>().unwrap();
            cells.extend((row(a)..=row(b)).map(|r| format!("H{r}")));
        }
    }
    cells
}

#[test]
fn the_bureau_s_report_sets_this_year_beside_last_year() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(&dir.path().join("2021"));
    let y2022 = year_folder(dir.path(), 2022, &["001", "003", "005"]);
    let out = collect_year(&y2022, &["--report"]);
    assert!(out.status.success(), "{}", text(&out));
    let draft = y2022.join("汇总/报告/2022年度部门整体支出绩效自评价汇总报告.docx");
    let (texts, tables) = super::reports::docx(&draft);
    let all = texts.concat();
    assert!(
        !all.contains("联系电话"),
        "the organiser, not its phone: {all}"
    );
    for part in [
        "表1　等级分布",
        "表3　各部门预算执行情况（单位：万元）",
        "表5　与上年比较",
        "2021 年度全市平均分",
        "、下一步工作",
        "【请补充：下一步工作安排",
        // Three full marks: no highest and lowest at the same score.
        "各部门得分相同（100.00 分）",
    ] {
        assert!(all.contains(part), "{part}: {all}");
    }
    let years = tables
        .iter()
        .find(|t| t.first().is_some_and(|h| h == &["项目", "上年", "本年"]))
        .expect("the table beside last year");
    assert_eq!(years[1][0], "全市平均分");
    let budget = tables
        .iter()
        .find(|t| {
            t.first()
                .is_some_and(|h| h.first().is_some_and(|c| c == "部门"))
        })
        .expect("budget by department");
    assert_eq!(budget.len(), 1 + 3 + 1, "{budget:?}");
    assert_eq!(budget.last().unwrap()[0], "全市合计");
}
