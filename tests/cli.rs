//! End-to-end tests: the real `jixiao` binary on real files in a temporary folder.
//! Workbooks are compared by reading them back (calamine, or the XML inside), never by bytes.

use assert_cmd::Command;
use calamine::{Data, Reader, open_workbook_auto};
use std::io::Read;
use std::path::Path;

fn jixiao() -> Command {
    Command::cargo_bin("jixiao").unwrap()
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The XML of one part of an .xlsx package.
fn zip_part(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

mod init {
    use super::*;

    #[test]
    fn writes_the_sample_plan_that_reads_back_identically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("评价方案.xlsx");
        let out = stdout_of(jixiao().arg("init").arg("-o").arg(&path));
        assert!(out.contains("6 个部门"), "{out}");
        assert!(out.contains("示例数据"), "{out}");

        let read = jixiao::plan::read(&path).unwrap();
        let built_in =
            jixiao::plan::parse("评价方案.xlsx", &jixiao::sample::plan_sheets()).unwrap();
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
}

mod usage {
    use super::*;

    #[test]
    fn bad_command_line_exits_2() {
        let out = jixiao().arg("collect").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let out = jixiao().arg("nonsense").output().unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
}

/// Writes the sample plan into `dir` and returns its path.
fn sample_plan_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("评价方案.xlsx");
    stdout_of(jixiao().arg("init").arg("-o").arg(&path));
    path
}

mod issue {
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
            assert_eq!(header, template::INDICATOR_HEADERS);
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
                        i.level3.clone(),
                        i.target_text.clone(),
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

    fn locked(ws: &umya_spreadsheet::Worksheet, cell: &str) -> bool {
        ws.style(cell)
            .protection()
            .map(|p| p.locked())
            .unwrap_or(true)
    }

    #[test]
    fn inputs_unlocked_everything_else_locked_and_sheets_protected() {
        let dir = tempfile::tempdir().unwrap();
        let (plan, out) = issued(dir.path());
        let dept = &plan.departments[0];
        let path = out.join(template::file_name(&plan, dept));
        let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();

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

    #[test]
    fn every_input_carries_validation_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let (plan, out) = issued(dir.path());
        let dept = &plan.departments[0];
        let path = out.join(template::file_name(&plan, dept));
        let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
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
        sheets[2].rows[1].cells[7] = "两分".into();
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
}

/// Fills templates the way a department's spreadsheet program would: through a different
/// writer (umya-spreadsheet) than the one that made them.
mod fill {
    use jixiao::sample::{Outcome, Spending};
    use std::path::Path;
    use umya_spreadsheet::Worksheet;

    /// How values are typed.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub enum Typing {
        /// As Excel stores what a user types: `80%` becomes the number 0.8, `61` a number.
        AsExcel,
        /// Everything as text, as some programs and copy-paste produce.
        AsText,
    }

    /// Finds the row (1-based) whose column `col` holds `text`.
    pub fn find_row(ws: &Worksheet, col: &str, text: &str) -> Option<u32> {
        (1..=ws.highest_row()).find(|r| {
            ws.cell(format!("{col}{r}").as_str())
                .map(|c| c.value().trim() == text)
                .unwrap_or(false)
        })
    }

    fn put(ws: &mut Worksheet, cell: &str, text: &str, typing: Typing) {
        let c = ws.cell_mut(cell);
        if typing == Typing::AsExcel {
            if let Some(p) = text.strip_suffix('%').and_then(|n| n.parse::<f64>().ok()) {
                c.set_value_number(p / 100.0);
                return;
            }
            if let Ok(n) = text.parse::<f64>() {
                c.set_value_number(n);
                return;
            }
        }
        c.set_value_string(text);
    }

    /// Writes a filled copy of `template` to `out`.
    pub fn fill(
        template: &Path,
        out: &Path,
        outcomes: &[Outcome],
        spending: &[Spending],
        filled: &str,
        typing: Typing,
    ) {
        let mut book = umya_spreadsheet::reader::xlsx::read(template).unwrap();
        {
            let info = book.sheet_by_name_mut("基本信息").unwrap();
            for (key, value) in [
                ("填报人", "张华"),
                ("联系电话", "0518-85810001"),
                ("填报日期", filled),
                ("编制人数", "80"),
                ("实有人数", "80"),
            ] {
                let r = find_row(info, "A", key).unwrap();
                put(info, &format!("B{r}"), value, typing);
            }
        }
        {
            let ind = book.sheet_by_name_mut("绩效指标").unwrap();
            for o in outcomes {
                let Some(r) = find_row(ind, "A", &o.code) else {
                    continue;
                };
                put(ind, &format!("H{r}"), &o.actual, typing);
                put(ind, &format!("I{r}"), &o.self_score, typing);
                ind.cell_mut(format!("J{r}").as_str())
                    .set_value_string(&o.reason);
                ind.cell_mut(format!("K{r}").as_str())
                    .set_value_string(&o.evidence);
            }
        }
        {
            let budget = book.sheet_by_name_mut("预算执行").unwrap();
            let mut spare = (1..=budget.highest_row())
                .find(|r| {
                    let a = budget
                        .cell(format!("A{r}").as_str())
                        .map(|c| c.value().to_string());
                    let b = budget
                        .cell(format!("B{r}").as_str())
                        .map(|c| c.value().to_string());
                    *r > 2 && a.unwrap_or_default().is_empty() && b.unwrap_or_default().is_empty()
                })
                .unwrap();
            for s in spending {
                match find_row(budget, "B", &s.name) {
                    Some(r) => {
                        put(budget, &format!("G{r}"), &s.spent, typing);
                        budget
                            .cell_mut(format!("I{r}").as_str())
                            .set_value_string(&s.note);
                    }
                    None => {
                        let r = spare;
                        spare += 1;
                        budget
                            .cell_mut(format!("B{r}").as_str())
                            .set_value_string(&s.name);
                        budget
                            .cell_mut(format!("C{r}").as_str())
                            .set_value_string(&s.nature);
                        budget
                            .cell_mut(format!("D{r}").as_str())
                            .set_value_string(&s.kind);
                        put(budget, &format!("F{r}"), &s.adjusted, typing);
                        put(budget, &format!("G{r}"), &s.spent, typing);
                        budget
                            .cell_mut(format!("I{r}").as_str())
                            .set_value_string(&s.note);
                    }
                }
            }
        }
        umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
    }
}

mod check {
    use super::fill::{Typing, fill};
    use super::*;
    use jixiao::sample;

    /// Plan, templates and a returns folder in a temporary directory.
    struct Setup {
        dir: tempfile::TempDir,
        plan: std::path::PathBuf,
        templates: std::path::PathBuf,
        returns: std::path::PathBuf,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let plan = sample_plan_in(dir.path());
        let templates = dir.path().join("模板");
        stdout_of(
            jixiao()
                .arg("issue")
                .arg("--plan")
                .arg(&plan)
                .arg("-o")
                .arg(&templates),
        );
        let returns = dir.path().join("回收");
        std::fs::create_dir_all(&returns).unwrap();
        Setup {
            dir,
            plan,
            templates,
            returns,
        }
    }

    const REFERENCE_TEMPLATE: &str = "2021_001_市应急管理局_部门整体绩效自评表.xlsx";

    fn reference_return(s: &Setup, typing: Typing) -> std::path::PathBuf {
        let out = s.returns.join(REFERENCE_TEMPLATE);
        fill(
            &s.templates.join(REFERENCE_TEMPLATE),
            &out,
            &sample::reference_outcomes(),
            &sample::reference_spending(),
            "2022-05-10",
            typing,
        );
        out
    }

    fn check(s: &Setup, inputs: &[&Path]) -> (i32, String) {
        let mut cmd = jixiao();
        cmd.arg("check").arg("--plan").arg(&s.plan);
        for i in inputs {
            cmd.arg(i);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    }

    #[test]
    fn the_reference_return_scores_95_3_whichever_way_values_are_typed() {
        let s = setup();
        for typing in [Typing::AsExcel, Typing::AsText] {
            let path = reference_return(&s, typing);
            let (code, out) = check(&s, &[&path]);
            assert_eq!(code, 0, "{out}");
            assert!(
                out.contains("市应急管理局（001）：总分 95.30，等级 优，自评 95.30"),
                "{out}"
            );
            // The reference report says 支出调整预算执行率 100%; its budget tables say less.
            assert!(out.contains("警告 B07"), "{out}");
            assert!(!out.contains("错误"), "{out}");
            assert!(!out.contains('\u{1b}'), "no colour codes when piped: {out}");
        }
    }

    #[test]
    fn strict_exits_3_only_when_a_return_must_be_sent_back() {
        let s = setup();
        let good = reference_return(&s, Typing::AsExcel);
        let out = jixiao()
            .arg("check")
            .arg("--strict")
            .arg("--plan")
            .arg(&s.plan)
            .arg(&good)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let blank = s
            .templates
            .join("2021_002_市教育局_部门整体绩效自评表.xlsx");
        let out = jixiao()
            .arg("check")
            .arg("--strict")
            .arg("--plan")
            .arg(&s.plan)
            .arg(&blank)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
        let _ = &s.dir;
    }
}
