//! End-to-end tests: issue.

use super::*;
use calamine::SheetVisible;
use jixiao::plan::Plan;
use jixiao::sheet::cell_text;
use jixiao::template;

fn issued(dir: &Path) -> (Plan, std::path::PathBuf) {
    let plan_path = sample_plan_in(dir);
    let out = dir.join("模板");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("其他文件.txt"), "keep me").unwrap();
    let stdout = stdout_of(
        jixiao()
            .arg("issue")
            .arg("--plan")
            .arg(&plan_path)
            .arg("-o")
            .arg(&out),
    );
    assert!(stdout.contains("共生成 6 个部门的自评表模板"), "{stdout}");
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("已生成")).collect();
    assert_eq!(lines.len(), 6);
    assert!(
        lines[0].contains("2021_001_市应急管理局"),
        "code order: {stdout}"
    );
    assert!(
        lines[5].contains("2021_006_市民政局"),
        "code order: {stdout}"
    );
    (jixiao::plan::read(&plan_path).unwrap(), out)
}

#[test]
fn writes_one_named_template_per_department_and_leaves_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, out) = issued(dir.path());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != jixiao::output::MANIFEST)
        .collect();
    names.sort();
    let mut want: Vec<String> = plan
        .departments
        .iter()
        .map(|d| template::file_name(&plan, d))
        .collect();
    want.push("其他文件.txt".into());
    want.sort();
    assert_eq!(names, want);
    assert_eq!(
        std::fs::read_to_string(out.join("其他文件.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn templates_read_back_equal_to_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, out) = issued(dir.path());
    for dept in &plan.departments {
        let path = out.join(template::file_name(&plan, dept));
        let mut wb = open_workbook_auto(&path).unwrap();
        let sheets: Vec<(String, SheetVisible)> = wb
            .sheets_metadata()
            .iter()
            .map(|s| (s.name.clone(), s.visible))
            .collect();
        assert_eq!(
            sheets,
            vec![
                ("填报说明".to_string(), SheetVisible::Visible),
                ("基本信息".to_string(), SheetVisible::Visible),
                ("预算执行".to_string(), SheetVisible::Visible),
                ("绩效指标".to_string(), SheetVisible::Visible),
                ("_meta".to_string(), SheetVisible::VeryHidden),
            ]
        );

        let meta = wb.worksheet_range("_meta").unwrap();
        let meta: Vec<(String, String)> = meta
            .rows()
            .skip(1)
            .map(|r| (cell_text(&r[0]), cell_text(&r[1])))
            .collect();
        let get = |k: &str| meta.iter().find(|(a, _)| a == k).unwrap().1.clone();
        assert_eq!(get("模板版本"), template::TEMPLATE_VERSION);
        assert_eq!(get("部门编码"), dept.code.as_str());
        assert_eq!(get("评价年度"), "2021");
        assert_eq!(get("方案指纹"), template::fingerprint(&plan, dept));
        let custom = zip_part(&path, "docProps/custom.xml");
        assert!(custom.contains(&template::fingerprint(&plan, dept)));
        assert!(custom.contains("jixiao_dept_code"));

        let info = wb.worksheet_range("基本信息").unwrap();
        assert_eq!(cell_text(&info[(1, 1)]), dept.code.as_str());
        assert_eq!(cell_text(&info[(2, 1)]), dept.name);
        assert_eq!(cell_text(&info[(3, 1)]), "2021");

        let ind = wb.worksheet_range("绩效指标").unwrap();
        let header: Vec<String> = ind.rows().nth(1).unwrap().iter().map(cell_text).collect();
        assert_eq!(header, template::IndicatorCol::HEADERS);
        let rows: Vec<(String, String, String, String)> = ind
            .rows()
            .skip(2)
            .filter(|r| !cell_text(&r[0]).is_empty())
            .map(|r| {
                (
                    cell_text(&r[0]),
                    cell_text(&r[3]),
                    cell_text(&r[4]),
                    cell_text(&r[5]),
                )
            })
            .collect();
        let want: Vec<(String, String, String, String)> = plan
            .indicators_for(dept)
            .iter()
            .map(|i| {
                (
                    i.code.to_string(),
                    i.level3.to_string(),
                    i.target_text.to_string(),
                    i.weight.value().normalize().to_string(),
                )
            })
            .collect();
        assert_eq!(rows, want, "{}", dept.name);

        let budget = wb.worksheet_range("预算执行").unwrap();
        let lines: Vec<(String, String, String)> = budget
            .rows()
            .skip(2)
            .filter(|r| !cell_text(&r[0]).is_empty())
            .map(|r| (cell_text(&r[1]), cell_text(&r[4]), cell_text(&r[5])))
            .collect();
        let want: Vec<(String, String, String)> = template::ordered_budget(&plan, dept)
            .iter()
            .map(|b| {
                (
                    b.name.clone(),
                    b.initial.value().normalize().to_string(),
                    b.adjusted.value().normalize().to_string(),
                )
            })
            .collect();
        assert_eq!(lines, want, "{}", dept.name);
    }
}

#[test]
fn budget_totals_are_formulas_with_stored_results() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, out) = issued(dir.path());
    let dept = &plan.departments[0];
    let path = out.join(template::file_name(&plan, dept));
    let mut wb = open_workbook_auto(&path).unwrap();
    let budget = wb.worksheet_range("预算执行").unwrap();
    let formulas = wb.worksheet_formula("预算执行").unwrap();
    let total_row = budget
        .rows()
        .position(|r| cell_text(&r[1]) == "合计")
        .unwrap();
    let row = &budget.rows().nth(total_row).unwrap();
    assert_eq!(cell_text(&row[4]), "2881.77");
    assert_eq!(cell_text(&row[5]), "3577.98");
    let basic = budget
        .rows()
        .find(|r| cell_text(&r[1]) == "基本支出小计")
        .unwrap();
    assert_eq!(cell_text(&basic[4]), "2078.17");
    let start = formulas.start().unwrap();
    let f = formulas
        .get_value((start.0.max(total_row as u32), 4))
        .cloned()
        .unwrap_or_default();
    assert!(f.contains('+') || f.contains("SUM"), "formula: {f}");
    // Spare rows for added projects: at least 10 blank rows before the subtotals.
    let first_total = budget
        .rows()
        .position(|r| cell_text(&r[1]) == "基本支出小计")
        .unwrap();
    assert!(first_total - 2 - 9 >= 10);
}

/// The sample's templates issued into `dir`; the first department's, opened with
/// umya-spreadsheet.
fn first_template(dir: &Path) -> (jixiao::plan::Plan, umya_spreadsheet::Workbook) {
    let (plan, out) = issued(dir);
    let path = out.join(template::file_name(&plan, &plan.departments[0]));
    let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
    (plan, book)
}

fn locked(ws: &umya_spreadsheet::Worksheet, cell: &str) -> bool {
    ws.style(cell)
        .protection()
        .map(|p| p.locked())
        .unwrap_or(true)
}

#[test]
fn inputs_unlocked_everything_else_locked_and_sheets_protected() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, book) = first_template(dir.path());
    let dept = &plan.departments[0];

    for name in ["填报说明", "基本信息", "预算执行", "绩效指标", "_meta"] {
        let ws = book.sheet_by_name(name).unwrap();
        let p = ws.sheet_protection().expect("protected");
        assert!(p.sheet(), "{name} protected");
        assert!(p.password_raw().is_empty(), "{name} has no password");
        assert!(p.hash_value().is_empty(), "{name} has no password hash");
    }

    let ind = book.sheet_by_name("绩效指标").unwrap();
    let n = plan.indicators_for(dept).len() as u32;
    for row in 3..3 + n {
        for col in ["A", "B", "C", "D", "E", "F", "G"] {
            assert!(locked(ind, &format!("{col}{row}")), "{col}{row} locked");
        }
        for col in ["H", "I", "J", "K"] {
            assert!(!locked(ind, &format!("{col}{row}")), "{col}{row} unlocked");
        }
    }
    for col in ["A", "H", "K"] {
        assert!(locked(ind, &format!("{col}2")), "header {col}2 locked");
        assert!(locked(ind, &format!("{col}{}", 3 + n)), "total row locked");
    }

    let info = book.sheet_by_name("基本信息").unwrap();
    for r in 2..=4 {
        assert!(locked(info, &format!("B{r}")));
    }
    for r in 5..=9 {
        assert!(!locked(info, &format!("B{r}")), "B{r} is an input");
        assert!(locked(info, &format!("A{r}")));
    }

    let budget = book.sheet_by_name("预算执行").unwrap();
    let lines = plan.budget_for(&dept.code).count() as u32;
    for r in 3..3 + lines {
        for col in ["A", "B", "C", "D", "E", "F", "H"] {
            assert!(locked(budget, &format!("{col}{r}")), "{col}{r} locked");
        }
        assert!(!locked(budget, &format!("G{r}")), "执行数 G{r} unlocked");
        assert!(!locked(budget, &format!("I{r}")), "备注 I{r} unlocked");
    }
    for r in 3 + lines..3 + lines + template::SPARE_BUDGET_ROWS {
        for col in ["B", "C", "D", "F", "G", "I"] {
            assert!(!locked(budget, &format!("{col}{r}")), "spare {col}{r}");
        }
        assert!(locked(budget, &format!("H{r}")), "执行率 H{r} is a formula");
    }
}

/// Formats are applied to whole column ranges after the values are written: every cell
/// must still get its own number format and fill.
#[test]
fn number_formats_and_input_fills_sit_on_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, book) = first_template(dir.path());
    let dept = &plan.departments[0];
    let filled = |ws: &umya_spreadsheet::Worksheet, cell: &str| {
        ws.style(cell)
            .background_color()
            .map(|c| c.argb_str().to_string())
            .unwrap_or_default()
            .ends_with("FFF2CC")
    };

    let ind = book.sheet_by_name("绩效指标").unwrap();
    let indicators = plan.indicators_for(dept);
    let mut percent_rows = 0;
    for (i, indicator) in indicators.iter().enumerate() {
        let r = 3 + i;
        let percent = matches!(
            jixiao::score::AnswerKind::of(indicator),
            jixiao::score::AnswerKind::Percent(_)
        );
        percent_rows += usize::from(percent);
        let want = if percent { "0.00%" } else { "General" };
        assert_eq!(
            number_format(ind, &format!("H{r}")),
            want,
            "H{r} {}",
            indicator.code
        );
        for col in ["H", "I", "J", "K"] {
            assert!(filled(ind, &format!("{col}{r}")), "{col}{r} is an input");
        }
        for col in ["A", "D", "E", "F", "G"] {
            assert!(
                !filled(ind, &format!("{col}{r}")),
                "{col}{r} is not an input"
            );
        }
    }
    assert!(percent_rows > 0 && percent_rows < indicators.len());
    let total = 3 + indicators.len();
    assert!(
        !filled(ind, &format!("H{total}")),
        "the total row is not an input"
    );

    let budget = book.sheet_by_name("预算执行").unwrap();
    let lines = plan.budget_for(&dept.code).count() as u32;
    for r in 3..3 + lines + template::SPARE_BUDGET_ROWS {
        assert_eq!(
            number_format(budget, &format!("G{r}")),
            "#,##0.00",
            "执行数 G{r}"
        );
        assert_eq!(
            number_format(budget, &format!("H{r}")),
            "0.00%",
            "执行率 H{r}"
        );
        assert!(filled(budget, &format!("G{r}")), "G{r}");
        assert!(!filled(budget, &format!("H{r}")), "H{r}");
    }
    for r in 3..3 + lines {
        assert_eq!(
            number_format(budget, &format!("E{r}")),
            "#,##0.00",
            "年初预算 E{r}"
        );
        assert!(
            !filled(budget, &format!("B{r}")),
            "plan line B{r} is locked text"
        );
    }
    for r in 3 + lines..3 + lines + template::SPARE_BUDGET_ROWS {
        assert!(filled(budget, &format!("B{r}")), "spare B{r} is an input");
    }
}

#[test]
fn every_input_carries_validation_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, book) = first_template(dir.path());
    let dept = &plan.departments[0];
    let ind = book.sheet_by_name("绩效指标").unwrap();
    let dvs = ind.data_validations().unwrap().data_validation_list();
    let covering = |cell: &str| {
        dvs.iter()
            .find(|dv| {
                dv.sequence_of_references()
                    .get_sqref()
                    .split(' ')
                    .any(|r| range_contains(r, cell))
            })
            .unwrap_or_else(|| panic!("no validation covers {cell}"))
    };
    let indicators = plan.indicators_for(dept);
    for (i, indicator) in indicators.iter().enumerate() {
        let row = 3 + i;
        for col in ["H", "I", "J", "K"] {
            let dv = covering(&format!("{col}{row}"));
            assert!(!dv.prompt().is_empty(), "{col}{row} has an input message");
        }
        let h = covering(&format!("H{row}"));
        match jixiao::score::AnswerKind::of(indicator) {
            jixiao::score::AnswerKind::Labels(labels) => {
                assert_eq!(h.formula1(), format!("\"{}\"", labels.join(",")));
            }
            jixiao::score::AnswerKind::SelfScore => {}
            _ => assert!(!h.formula1().is_empty(), "H{row} has a number range"),
        }
        let s = covering(&format!("I{row}"));
        assert_eq!(s.formula1(), "0");
        assert_eq!(
            s.formula2(),
            "$F3",
            "relative to the first row of the range"
        );
    }
    // The reference department's 档次 indicator offers its labels.
    let gx03 = indicators
        .iter()
        .position(|i| i.code.as_str() == "GX03")
        .unwrap();
    assert_eq!(
        covering(&format!("H{}", 3 + gx03)).formula1(),
        "\"高,中,低\""
    );
}

/// `H3:H7` contains `H5`.
fn range_contains(range: &str, cell: &str) -> bool {
    let split = |c: &str| {
        let i = c.find(|ch: char| ch.is_ascii_digit()).unwrap();
        (c[..i].to_string(), c[i..].parse::<u32>().unwrap())
    };
    let (col, row) = split(cell);
    let (a, b) = range.split_once(':').unwrap_or((range, range));
    let ((ca, ra), (cb, rb)) = (split(a), split(b));
    ca == col && cb == col && (ra..=rb).contains(&row)
}

#[test]
fn print_setup_is_a4_landscape_one_page_wide_with_titles_and_footer() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, out) = issued(dir.path());
    let path = out.join(template::file_name(&plan, &plan.departments[0]));
    let sheet = zip_part(&path, "xl/worksheets/sheet4.xml");
    assert!(sheet.contains(r#"paperSize="9""#));
    assert!(sheet.contains(r#"orientation="landscape""#));
    assert!(sheet.contains(r#"fitToHeight="0""#));
    assert!(sheet.contains("<oddFooter>") && sheet.contains("市应急管理局"));
    assert!(sheet.contains(r#"state="frozen""#));
    assert!(sheet.contains("<mergeCell "), "一级/二级 merged");
    let workbook = zip_part(&path, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"));
    assert!(workbook.contains(r#"state="veryHidden""#));
}

#[test]
fn a_bad_plan_stops_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("坏方案.xlsx");
    let mut sheets = jixiao::sample::plan_sheets();
    sheets[2].rows[1].set(7, "两分");
    let bytes = jixiao::plan::write::workbook(&sheets).unwrap();
    std::fs::write(&plan_path, bytes).unwrap();
    let out = dir.path().join("模板");
    let result = jixiao()
        .arg("issue")
        .arg("--plan")
        .arg(&plan_path)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(
        err.contains("坏方案.xlsx!指标!H2: 指标「GX01」的权重「两分」无效"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
}

/// A damaged plan stops the run with a Chinese error naming it, whether it is not a
/// workbook at all or its 指标 sheet breaks off while it is being streamed.
#[test]
fn a_damaged_plan_names_the_path_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(sample_plan_in(dir.path())).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&good)).unwrap();
    let mut cut = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut xml = Vec::new();
        entry.read_to_end(&mut xml).unwrap();
        if name == "xl/worksheets/sheet3.xml" {
            // Half the 指标 sheet, cut inside a cell.
            xml.truncate(xml.len() / 2);
            xml.extend_from_slice(b"<c r=\"A9\"><v>");
        }
        cut.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut cut, &xml).unwrap();
    }
    let cut = cut.finish().unwrap().into_inner();
    for (name, bytes) in [
        ("乱码方案.xlsx", b"not a workbook".to_vec()),
        ("断开方案.xlsx", cut),
    ] {
        let plan = dir.path().join(name);
        std::fs::write(&plan, bytes).unwrap();
        let out = dir.path().join(format!("{name}.out"));
        let result = jixiao()
            .arg("issue")
            .arg("--plan")
            .arg(&plan)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(result.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&result.stderr);
        assert!(
            err.contains("无法打开评价方案") && err.contains(name),
            "{err}"
        );
        // Each cause once (calamine repeats its sources in its messages).
        assert!(err.matches("syntax error").count() <= 1, "{err}");
        assert!(!out.exists(), "{name}: nothing written");
    }
}

#[test]
fn a_missing_plan_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let result = jixiao()
        .arg("issue")
        .arg("--plan")
        .arg(dir.path().join("没有这个文件.xlsx"))
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("没有这个文件.xlsx"), "{err}");
}

#[test]
fn a_department_with_a_very_long_name_is_issued_collected_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = sample_plan_in(dir.path());
    let long = format!("市{}管理局", "应急管理与安全生产监督".repeat(7));
    assert!(long.chars().count() >= 70);
    let mut book = umya_spreadsheet::reader::xlsx::read(&plan_path).unwrap();
    let ws = book.sheet_by_name_mut("部门").unwrap();
    let (cols, rows) = ws.highest_column_and_row();
    let at = (1..=cols)
        .flat_map(|c| (1..=rows).map(move |r| (c, r)))
        .find(|&(c, r)| ws.value((c, r)) == "市应急管理局")
        .unwrap();
    ws.cell_mut(at).set_value_string(&long);
    umya_spreadsheet::writer::xlsx::write(&book, &plan_path).unwrap();

    let templates = dir.path().join("模板");
    let out = issue_cmd(&plan_path, &templates).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("jixiao-new"), "{}", text(&out));
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let d = plan
        .department(&jixiao::domain::DeptCode::new("001"))
        .unwrap();
    assert_eq!(d.name, long);
    let name = jixiao::template::file_name(&plan, d);
    assert!(name.len() <= 240 && name.starts_with("2021_001_"), "{name}");
    let template = std::fs::read(templates.join(&name)).unwrap();

    let returns = dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    let answers = jixiao::demo::full_marks(&plan, d);
    let filled =
        jixiao::demo::fill::fill(&template, &answers, jixiao::demo::fill::Typing::AsText).unwrap();
    std::fs::write(
        returns.join(&name),
        jixiao::demo::fill::to_bytes(&filled).unwrap(),
    )
    .unwrap();
    let result = dir.path().join("汇总");
    let out = collect_cmd(&plan_path, &result)
        .arg(&returns)
        .arg("--report")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let drafts: Vec<String> = std::fs::read_dir(result.join("报告"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("应急管理与安全生产"))
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert!(
        drafts[0].ends_with("….docx") && drafts[0].len() <= 240,
        "{drafts:?}"
    );
}

#[test]
fn the_root_the_current_folder_and_its_parent_are_refused_as_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = sample_plan_in(dir.path());
    let here = dir.path().join("工作");
    std::fs::create_dir_all(&here).unwrap();
    for (o, why) in [
        (".", "这是当前目录"),
        ("..", "这是当前目录的上级目录"),
        ("/", "这是磁盘的根目录"),
    ] {
        let out = issue_cmd(&plan_path, Path::new(o))
            .current_dir(&here)
            .output()
            .unwrap();
        let said = text(&out);
        assert_eq!(out.status.code(), Some(1), "{o}: {said}");
        assert!(
            said.contains(&format!("不能把 {o} 作为输出目录（{why}）")),
            "{o}: {said}"
        );
        assert!(!said.contains("占用"), "{o}: {said}");
    }
    assert_eq!(
        std::fs::read_dir(&here).unwrap().count(),
        0,
        "nothing written"
    );
}
