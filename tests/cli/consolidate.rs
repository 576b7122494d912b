//! `demo` and `collect`: the consolidated workbook, summary.json and feedback read back.

use super::*;

const WORKBOOK: &str = "汇总/2021年度部门整体绩效评价汇总.xlsx";

#[test]
fn the_demo_runs_the_whole_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let out = demo_in(dir.path());
    assert!(out.contains("演示完成"), "{out}");
    for sub in [
        "评价方案.xlsx",
        "模板",
        "回收",
        "汇总/summary.json",
        "汇总/审核意见",
        WORKBOOK,
    ] {
        assert!(dir.path().join(sub).exists(), "{sub}");
    }
    let path = dir.path().join(WORKBOOK);
    let wb = open_workbook_auto(&path).unwrap();
    let names = wb.sheet_names();
    let want_first = ["汇总排名", "预算执行汇总", "项目明细", "指标得分明细"];
    assert_eq!(&names[..4], want_first);
    assert_eq!(
        &names[names.len() - 4..],
        ["审核问题", "身份冲突", "未报送", "说明"]
    );
    let dept_sheets: Vec<&String> = names[4..names.len() - 4].iter().collect();
    assert_eq!(dept_sheets.len(), 5, "{dept_sheets:?}");
    assert!(dept_sheets.iter().any(|s| s.as_str() == "001 市应急管理局"));
}

/// The long data tables take their cells' formats from their columns and draw their grid
/// with one conditional format; the department sheets write values first and format runs
/// of cells afterwards. Every table cell must still show its border and number format.
#[test]
fn every_table_cell_is_formatted() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let path = dir.path().join(WORKBOOK);
    let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
    let bordered = |ws: &umya_spreadsheet::Worksheet, cell: &str| {
        ws.style(cell)
            .borders()
            .is_some_and(|b| b.left_border().style() == &umya_spreadsheet::BorderStyleValues::Thin)
    };
    let numeric = |ws: &umya_spreadsheet::Worksheet, cell: &str| {
        ws.cell(cell)
            .is_some_and(|c| c.value().parse::<f64>().is_ok())
    };
    let cols = |n: u8| (b'A'..b'A' + n).map(|c| (c as char).to_string());
    // The grid's conditional format: thin borders on every side.
    let styles = zip_part(&path, "xl/styles.xml");
    let dxfs = &styles[styles.find("<dxfs").unwrap()..];
    let grid = dxfs
        .split("<dxf>")
        .position(|d| {
            d.contains(r#"<left style="thin">"#) && d.contains(r#"<bottom style="thin">"#)
        })
        .expect("a border dxf")
        - 1;

    let money = "#,##0.00";
    for (sheet, file, header, last_col, checks) in [
        (
            "项目明细",
            "xl/worksheets/sheet3.xml",
            2,
            'K',
            &[("F", money), ("G", money), ("H", money), ("I", "0.00%")][..],
        ),
        (
            "指标得分明细",
            "xl/worksheets/sheet4.xml",
            1,
            'O',
            &[("J", "0.00"), ("K", "0.00"), ("L", "0.00%"), ("M", "0.00")][..],
        ),
    ] {
        let ws = book.sheet_by_name(sheet).unwrap();
        let last = ws.highest_row();
        assert!(last > 20, "{sheet}: {last} rows");
        let xml = zip_part(&path, file);
        let rule = format!(
            r#"<conditionalFormatting sqref="A{}:{last_col}{last}"><cfRule type="expression" dxfId="{grid}" priority="1"><formula>TRUE</formula>"#,
            header + 1
        );
        assert!(xml.contains(&rule), "{sheet}: no grid over the table");
        for c in cols(last_col as u8 - b'A' + 1) {
            assert!(
                bordered(ws, &format!("{c}{header}")),
                "{sheet}!{c}{header} header"
            );
        }
        for r in header + 1..=last {
            for (c, want) in checks {
                let cell = format!("{c}{r}");
                if numeric(ws, &cell) {
                    assert_eq!(number_format(ws, &cell), *want, "{sheet}!{cell}");
                }
            }
        }
    }

    let dept = book.sheet_by_name("001 市应急管理局").unwrap();
    for r in 4..4 + 82 {
        for c in cols(9) {
            assert!(bordered(dept, &format!("{c}{r}")), "001!{c}{r}");
        }
        assert_eq!(number_format(dept, &format!("F{r}")), "0.00", "F{r}");
        assert_eq!(number_format(dept, &format!("G{r}")), "0.00", "G{r}");
        assert_eq!(number_format(dept, &format!("H{r}")), "0.00%", "H{r}");
        let wraps = dept
            .style(format!("I{r}").as_str())
            .alignment()
            .is_some_and(|a| a.wrap_text());
        assert!(wraps, "I{r} wraps");
    }
}

#[test]
fn ranking_reproduces_the_reference_and_shares_ranks() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let ranking = sheet_rows(&dir.path().join(WORKBOOK), "汇总排名");
    let header = &ranking[1];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let find = |code: &str| ranking.iter().find(|r| r[1] == code).unwrap().clone();
    let r001 = find("001");
    assert_eq!(r001[col("部门管理")], "36.7");
    assert_eq!(r001[col("部门绩效")], "48.6");
    assert_eq!(r001[col("部门影响力")], "10");
    assert_eq!(r001[col("总分")], "95.3");
    assert_eq!(r001[col("等级")], "优");
    assert_eq!(r001[col("排名")], "4");
    // 004 and 005 tie at 97 and share rank 2; the next rank is 4.
    assert_eq!(find("003")[col("排名")], "1");
    assert_eq!(find("004")[col("排名")], "2");
    assert_eq!(find("005")[col("排名")], "2");
    assert_eq!(find("004")[col("总分")], "97");
    // Rejected and missing come after the ranked, without a rank.
    let order: Vec<&str> = ranking[2..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(order, ["003", "004", "005", "001", "002", "006"]);
    assert_eq!(find("002")[col("排名")], "—");
    assert_eq!(find("002")[col("审核状态")], "退回");
    assert_eq!(find("006")[col("审核状态")], "未报送");
    assert!(find("003")[col("报送文件")].contains("更正"));

    // 计分说明: the reference department's rows carry the text scoring gives, and every
    // scored row has one.
    let details = sheet_rows(&dir.path().join(WORKBOOK), "指标得分明细");
    let head = &details[0];
    let at = |name: &str| head.iter().position(|h| h == name).unwrap();
    let plan = jixiao::plan::read(&dir.path().join("评价方案.xlsx")).unwrap();
    let outcomes = jixiao::sample::reference_outcomes();
    let mut checked = 0;
    for r in details
        .iter()
        .skip(1)
        .filter(|r| r[at("部门编码")] == "001")
    {
        let o = outcomes
            .iter()
            .find(|o| o.code == r[at("指标编码")])
            .unwrap();
        let ind = plan
            .indicators
            .iter()
            .find(|i| i.code.as_str() == o.code)
            .unwrap();
        let own = o.self_score.parse().ok();
        let want = jixiao::score::score_indicator(ind, &o.actual, own).unwrap();
        assert_eq!(r[at("计分说明")], want.explanation, "{}", o.code);
        checked += 1;
    }
    assert_eq!(checked, 82);
    assert!(
        details
            .iter()
            .skip(1)
            .filter(|r| !r[at("得分")].is_empty())
            .all(|r| !r[at("计分说明")].is_empty())
    );

    let dept = sheet_rows(&dir.path().join(WORKBOOK), "001 市应急管理局");
    let total = dept.iter().find(|r| r[0] == "合计").unwrap();
    assert_eq!((total[5].as_str(), total[6].as_str()), ("100", "95.3"));
    let grade = dept.iter().find(|r| r[0] == "等级").unwrap();
    assert_eq!(grade[5], "优");
    let sub = dept.iter().find(|r| r[0] == "部门管理 小计").unwrap();
    assert_eq!(sub[6], "36.7");
}

#[test]
fn summary_json_missing_superseded_and_feedback() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let text = std::fs::read_to_string(dir.path().join("汇总/summary.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["year"], 2021);
    let d001 = &json["departments"][0];
    assert_eq!(d001["code"], "001");
    assert_eq!(d001["total"], "95.30");
    assert_eq!(d001["grade"], "优");
    assert_eq!(d001["rank"], 4);
    assert_eq!(d001["dimensions"]["部门管理"], "36.70");
    assert_eq!(d001["dimensions"]["部门绩效"], "48.60");
    assert_eq!(d001["dimensions"]["部门影响力"], "10.00");
    assert_eq!(d001["budget"]["initial"], "2881.77");
    assert_eq!(d001["budget"]["spent"], "3762.89");
    let d006 = &json["departments"][5];
    assert_eq!(d006["status"], "未报送");
    assert!(d006["total"].is_null());
    assert_eq!(json["superseded"][0]["department"], "003");
    assert!(
        json["superseded"][0]["file"]
            .as_str()
            .unwrap()
            .contains("初稿")
    );
    assert_eq!(json["unmatched"][0]["findings"][0]["code"], "F12");

    let missing = sheet_rows(&dir.path().join(WORKBOOK), "未报送");
    assert_eq!(missing[1][..2], ["006".to_string(), "市民政局".to_string()]);

    let feedback = dir.path().join("汇总/审核意见");
    let t002 = std::fs::read(feedback.join("002_市教育局.txt")).unwrap();
    assert!(
        t002.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM for Notepad"
    );
    let t002 = String::from_utf8(t002).unwrap();
    assert!(t002.contains("\r\n"));
    assert!(t002.contains("退回"));
    assert!(
        t002.contains("「绩效指标」H") && t002.contains("九十五"),
        "{t002}"
    );
    assert!(
        feedback.join("006_市民政局.txt").exists(),
        "a reminder for the missing"
    );
    let t005 = std::fs::read_to_string(feedback.join("005_市生态环境局.txt")).unwrap();
    assert!(
        t005.contains("已受理") && t005.contains("审核未发现问题"),
        "every department gets a reply, an acceptance too: {t005}"
    );
}

#[test]
fn a_rerun_removes_stale_feedback_for_plan_departments_only() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let feedback = dir.path().join("汇总/审核意见");
    // A text left for 005 by an earlier run is replaced by this run's reply.
    std::fs::write(feedback.join("005_市生态环境局.txt"), "旧的审核意见").unwrap();
    std::fs::write(feedback.join("给处长的备注.txt"), "not ours").unwrap();
    stdout_of(
        collect_cmd(dir.path().join("评价方案.xlsx"), dir.path().join("汇总"))
            .arg(dir.path().join("回收")),
    );
    let t005 = std::fs::read_to_string(feedback.join("005_市生态环境局.txt")).unwrap();
    assert!(!t005.contains("旧的审核意见"), "{t005}");
    assert!(feedback.join("给处长的备注.txt").exists());
    assert!(feedback.join("002_市教育局.txt").exists());
}

#[test]
fn two_runs_agree_and_source_date_epoch_fixes_the_bytes() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let plan = dir.path().join("评价方案.xlsx");
    let inputs = dir.path().join("回收");
    let mut outs = Vec::new();
    for n in ["a", "b"] {
        let out = dir.path().join(n);
        stdout_of(
            collect_cmd(&plan, &out)
                .env("SOURCE_DATE_EPOCH", "1652400000")
                .arg(&inputs),
        );
        outs.push(out);
    }
    let name = "2021年度部门整体绩效评价汇总.xlsx";
    assert_eq!(
        std::fs::read(outs[0].join(name)).unwrap(),
        std::fs::read(outs[1].join(name)).unwrap()
    );
    assert_eq!(
        std::fs::read(outs[0].join("summary.json")).unwrap(),
        std::fs::read(outs[1].join("summary.json")).unwrap()
    );
    // Without a fixed clock, the cell values still agree (only 说明's time differs).
    let c = dir.path().join("c");
    stdout_of(
        collect_cmd(&plan, &c)
            .env_remove("SOURCE_DATE_EPOCH")
            .arg(&inputs),
    );
    for sheet in [
        "汇总排名",
        "预算执行汇总",
        "项目明细",
        "指标得分明细",
        "审核问题",
    ] {
        assert_eq!(
            sheet_rows(&outs[0].join(name), sheet),
            sheet_rows(&c.join(name), sheet),
            "{sheet}"
        );
    }
}

#[test]
fn inputs_are_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let inputs = dir.path().join("回收");
    let snapshot = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot(&inputs);
    stdout_of(collect_cmd(dir.path().join("评价方案.xlsx"), dir.path().join("again")).arg(&inputs));
    assert_eq!(snapshot(&inputs), before);
}

#[test]
fn an_unwritable_output_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    // The output path is a file: one Chinese line naming it, nothing written beside it.
    let out = dir.path().join("占用");
    std::fs::write(&out, "a file").unwrap();
    let before: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let result = collect_cmd(dir.path().join("评价方案.xlsx"), &out)
        .arg(dir.path().join("回收"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("占用") && err.contains("是一个文件"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file");
    let after: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before.len(), after.len(), "no staging folder or lock left");

    // A folder of the user's that clashes with an output name is kept, not lost.
    let out = dir.path().join("汇总二");
    let blocked = out.join("2021年度部门整体绩效评价汇总.xlsx");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("x"), "x").unwrap();
    stdout_of(collect_cmd(dir.path().join("评价方案.xlsx"), &out).arg(dir.path().join("回收")));
    assert!(out.join("2021年度部门整体绩效评价汇总.xlsx").is_file());
    assert_eq!(
        std::fs::read_to_string(out.join("2021年度部门整体绩效评价汇总.xlsx（原有）/x")).unwrap(),
        "x"
    );
}

#[test]
fn text_from_returns_is_written_as_text_not_formulas() {
    use jixiao::demo::fill::{Answers, Typing, fill, info, to_bytes};
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let plan = jixiao::plan::read(&dir.path().join("评价方案.xlsx")).unwrap();
    let dept = plan
        .department(&jixiao::domain::DeptCode::new("002"))
        .unwrap();
    let mut answers: Answers = jixiao::demo::full_marks(&plan, dept);
    answers.info = info("=HYPERLINK(\"http://x\",\"点我\")", "0518", "2022-05-10");
    let jy13 = answers
        .outcomes
        .iter_mut()
        .find(|o| o.code == "JY13")
        .unwrap();
    jy13.actual = "=cmd|' /C calc'!A0".into();
    jy13.reason = "=1+1".into();
    answers.spending[0].note = "@SUM(1,2)".into();
    let template = dir
        .path()
        .join("模板")
        .join(jixiao::template::file_name(&plan, dept));
    let book = fill(&std::fs::read(template).unwrap(), &answers, Typing::AsText).unwrap();
    let input = dir.path().join("公式.xlsx");
    std::fs::write(&input, to_bytes(&book).unwrap()).unwrap();
    let out = dir.path().join("公式汇总");
    stdout_of(collect_cmd(dir.path().join("评价方案.xlsx"), &out).arg(&input));
    let path = out.join("2021年度部门整体绩效评价汇总.xlsx");
    let mut wb = open_workbook_auto(&path).unwrap();
    for sheet in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has formulas"
        );
    }
    let details = sheet_rows(&path, "指标得分明细");
    assert!(
        details
            .iter()
            .any(|r| r.iter().any(|c| c == "=cmd|' /C calc'!A0"))
    );
    let projects = sheet_rows(&path, "项目明细");
    assert!(projects.iter().any(|r| r.iter().any(|c| c == "@SUM(1,2)")));
}

/// Regression: rust_xlsxwriter 0.102's constant-memory mode wrote the last row of a sheet with
/// row heights twice (`<row r="N">…</row><row r="N" ht=…/>`), a duplicate Excel may repair.
/// The vendored patch drops a row's options once it is written; every row number appears once.
#[test]
fn long_sheets_write_each_row_once() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let book = dir.path().join("汇总/2021年度部门整体绩效评价汇总.xlsx");
    let f = std::fs::File::open(&book).unwrap();
    let z = zip::ZipArchive::new(f).unwrap();
    let sheets: Vec<String> = z
        .file_names()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(str::to_string)
        .collect();
    assert!(sheets.len() > 3);
    for name in sheets {
        let xml = zip_part(&book, &name);
        let mut rows: Vec<&str> = xml
            .split("<row r=\"")
            .skip(1)
            .map(|r| r.split('"').next().unwrap())
            .collect();
        let n = rows.len();
        rows.dedup();
        assert_eq!(rows.len(), n, "{name} repeats a row");
    }
}
