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

/// `jixiao collect --plan PLAN -o OUT`, for the caller to add inputs (and environment).
fn collect_cmd(plan: impl AsRef<std::ffi::OsStr>, out: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = jixiao();
    cmd.arg("collect")
        .arg("--plan")
        .arg(plan)
        .arg("-o")
        .arg(out);
    cmd
}

/// The XML of one part of an .xlsx package.
/// The number format of a cell as umya-spreadsheet reads it (`General` when none is set).
fn number_format(ws: &umya_spreadsheet::Worksheet, cell: &str) -> String {
    ws.style(cell)
        .number_format()
        .map(|f| f.format_code().to_string())
        .unwrap_or_default()
}

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

/// A temporary folder with the sample plan and its templates.
struct IssuedEnv {
    dir: tempfile::TempDir,
    plan_path: std::path::PathBuf,
    plan: jixiao::plan::Plan,
    templates: std::path::PathBuf,
}

fn issued_env() -> IssuedEnv {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = sample_plan_in(dir.path());
    let templates = dir.path().join("模板");
    stdout_of(
        jixiao()
            .arg("issue")
            .arg("--plan")
            .arg(&plan_path)
            .arg("-o")
            .arg(&templates),
    );
    IssuedEnv {
        plan: jixiao::plan::read(&plan_path).unwrap(),
        dir,
        plan_path,
        templates,
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
            let percent =
                jixiao::score::AnswerKind::of(indicator) == jixiao::score::AnswerKind::Percent;
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
}

/// Fills templates the way a department's spreadsheet program would: through a different
/// writer (umya-spreadsheet, via the library's demo filler) than the one that made them.
mod fill {
    use jixiao::demo::fill::{Answers, info};
    pub use jixiao::demo::fill::{Typing, find_row};
    use jixiao::sample::{Outcome, Spending};
    use std::path::Path;

    /// A filled copy of `template`, in memory, for tests that then break it.
    pub fn fill_book(
        template: &Path,
        outcomes: &[Outcome],
        spending: &[Spending],
        filled: &str,
        typing: Typing,
    ) -> umya_spreadsheet::Workbook {
        let answers = Answers {
            info: info("张华", "0518-85810001", filled),
            outcomes: outcomes.to_vec(),
            spending: spending.to_vec(),
        };
        jixiao::demo::fill::fill(&std::fs::read(template).unwrap(), &answers, typing).unwrap()
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
        let book = fill_book(template, outcomes, spending, filled, typing);
        umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
    }

    /// Outcomes of a department that meet every target, self-scores equal to the weights.
    pub fn full_marks(plan: &jixiao::plan::Plan, code: &str) -> (Vec<Outcome>, Vec<Spending>) {
        let dept = plan
            .department(&jixiao::domain::DeptCode::new(code))
            .unwrap();
        let a = jixiao::demo::full_marks(plan, dept);
        (a.outcomes, a.spending)
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
        let e = issued_env();
        let (dir, plan, templates) = (e.dir, e.plan_path, e.templates);
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
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("错误 V01") && text.contains("自评表尚未填写"),
            "{text}"
        );
        assert!(
            !text.contains("V06") && !text.contains("B05"),
            "one finding for a blank template: {text}"
        );
        let _ = &s.dir;
    }
}

/// Every finding code, each provoked by a return broken the way departments break them, with
/// the cell it names. Returns are filled and broken through umya-spreadsheet.
mod findings {
    use super::fill::{Typing, fill_book, find_row, full_marks};
    use super::*;
    use jixiao::domain::Finding;
    use jixiao::sample;
    use umya_spreadsheet::Workbook;

    struct Env {
        dir: tempfile::TempDir,
        plan: jixiao::plan::Plan,
        templates: std::path::PathBuf,
    }

    fn env() -> Env {
        let e = issued_env();
        Env {
            plan: e.plan,
            dir: e.dir,
            templates: e.templates,
        }
    }

    fn template(env: &Env, code: &str) -> std::path::PathBuf {
        let d = env
            .plan
            .department(&jixiao::domain::DeptCode::new(code))
            .unwrap();
        env.templates
            .join(jixiao::template::file_name(&env.plan, d))
    }

    /// The reference return of 001, in memory.
    fn reference(env: &Env) -> Workbook {
        fill_book(
            &template(env, "001"),
            &sample::reference_outcomes(),
            &sample::reference_spending(),
            "2022-05-10",
            Typing::AsExcel,
        )
    }

    /// A full-marks return of another department, in memory.
    fn full(env: &Env, code: &str) -> Workbook {
        let (o, s) = full_marks(&env.plan, code);
        fill_book(&template(env, code), &o, &s, "2022-05-10", Typing::AsExcel)
    }

    fn set(book: &mut Workbook, sheet: &str, cell: &str, text: &str) {
        let ws = book.sheet_by_name_mut(sheet).unwrap();
        // Codes such as 099 stay text, as Excel keeps them in a text cell.
        let number = text
            .parse::<f64>()
            .ok()
            .filter(|_| !text.starts_with('0') || text == "0");
        match number.ok_or(()) {
            Ok(n) => {
                ws.cell_mut(cell).set_value_number(n);
            }
            Err(_) => {
                ws.cell_mut(cell).set_value_string(text);
            }
        }
    }

    fn row_of(book: &Workbook, sheet: &str, col: &str, text: &str) -> u32 {
        find_row(book.sheet_by_name(sheet).unwrap(), col, text)
            .unwrap_or_else(|| panic!("{text} not in {sheet}!{col}"))
    }

    fn save(env: &Env, book: &Workbook, name: &str) -> std::path::PathBuf {
        let p = env.dir.path().join(name);
        umya_spreadsheet::writer::xlsx::write(book, &p).unwrap();
        p
    }

    /// Every finding of a run over `inputs`, as `level code location: message`.
    fn run(env: &Env, inputs: &[std::path::PathBuf]) -> (Vec<String>, jixiao::domain::Score) {
        let a = jixiao::pipeline::assess(&env.plan, inputs, &[], &|_| {}, &|| {});
        let all: Vec<&Finding> = a
            .evaluations
            .iter()
            .flat_map(|e| e.findings.iter())
            .chain(a.unmatched.iter().flat_map(|u| u.findings.iter()))
            .collect();
        let total = a
            .evaluations
            .first()
            .map(|e| e.totals.total)
            .unwrap_or_default();
        (
            all.iter()
                .map(|f| format!("{} {} {}: {}", f.level, f.code, f.location, f.message))
                .collect(),
            total,
        )
    }

    #[track_caller]
    fn expect(found: &[String], want: &str) {
        assert!(
            found.iter().any(|f| f.starts_with(want)),
            "expected a finding starting «{want}» among:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn file_level_findings() {
        let env = env();
        let dir = env.dir.path().join("收件");
        std::fs::create_dir_all(&dir).unwrap();
        let good = std::fs::read(template(&env, "001")).unwrap();
        let files: Vec<(&str, Vec<u8>)> = vec![
            ("空文件.xlsx", vec![]),
            ("乱码.xlsx", (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect()),
            ("网页.xls", b"<html><head><meta charset=utf-8></head><body><table><tr><td>1</td></tr></table></body></html>".to_vec()),
            // GBK text: 部门编码,实际完成值
            ("表格.xls", vec![0xB2, 0xBF, 0xC3, 0xC5, 0xB1, 0xE0, 0xC2, 0xEB, b',', b'1', b'\r', b'\n']),
            ("截断.xlsx", good[..good.len() * 2 / 3].to_vec()),
            ("~$正在编辑.xlsx", vec![1, 2, 3]),
            ("佐证材料.pdf", b"%PDF-1.4".to_vec()),
            ("压缩包.rar", b"Rar!\x1a\x07\x00".to_vec()),
        ];
        for (name, bytes) in &files {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        encrypted.extend(vec![0; 512]);
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(dir.join("加密.xlsx"), encrypted).unwrap();
        let mut other = rust_xlsxwriter::Workbook::new();
        other.add_worksheet().write_string(0, 0, "工资表").unwrap();
        other.save(dir.join("无关.xlsx")).unwrap();
        let big = std::fs::File::create(dir.join("巨大.xlsx")).unwrap();
        big.set_len(jixiao::collect::MAX_FILE_BYTES + 1).unwrap();
        drop(big);

        let (found, _) = run(&env, &[dir.clone(), env.dir.path().join("不存在.xlsx")]);
        expect(&found, "错误 F01 空文件.xlsx: ");
        expect(&found, "错误 F02 乱码.xlsx: ");
        expect(&found, "错误 F03 网页.xls: ");
        expect(&found, "错误 F04 表格.xls: ");
        expect(
            &found,
            "错误 F05 加密.xlsx: 文件已加密，请取消密码后重新报送",
        );
        expect(&found, "错误 F06 截断.xlsx: ");
        expect(
            &found,
            "错误 F07 无关.xlsx: 这个工作簿不是部门整体绩效自评表（工作表：Sheet1）",
        );
        expect(&found, "错误 F09 巨大.xlsx: ");
        expect(&found, "提示 F11 ~$正在编辑.xlsx: ");
        expect(&found, "提示 F12 佐证材料.pdf: ");
        expect(&found, "错误 F13 压缩包.rar: ");
        expect(&found, "错误 F06 不存在.xlsx: 找不到或无法访问");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_skipped_with_a_finding() {
        let env = env();
        let dir = env.dir.path().join("收件");
        std::fs::create_dir_all(&dir).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(dir.join("管道.xlsx"))
            .status()
            .unwrap();
        assert!(status.success());
        let (found, _) = run(&env, &[dir]);
        expect(&found, "错误 F08 管道.xlsx: ");
    }

    #[test]
    fn identification_findings() {
        let env = env();
        let mut cases = Vec::new();

        let mut b = reference(&env);
        b.remove_sheet_by_name("_meta").unwrap();
        cases.push((save(&env, &b, "无标识.xlsx"), "提示 I01 无标识.xlsx!基本信息!B2: 文件中没有模板标识，按基本信息识别为「市应急管理局」（001）"));

        let mut b = full(&env, "003");
        b.remove_sheet_by_name("_meta").unwrap();
        set(&mut b, "基本信息", "B2", "");
        set(&mut b, "基本信息", "B3", "");
        cases.push((save(&env, &b, "2021_003_自评表.xlsx"), "提示 I02 2021_003_自评表.xlsx: 文件中没有模板标识和部门编码，按文件名识别为「市卫生健康委员会」（003）"));

        let mut b = full(&env, "003");
        b.remove_sheet_by_name("_meta").unwrap();
        set(&mut b, "基本信息", "B2", "");
        set(&mut b, "基本信息", "B3", "");
        cases.push((
            save(&env, &b, "自评表.xlsx"),
            "错误 I04 自评表.xlsx: 无法识别报送部门",
        ));

        let mut b = reference(&env);
        set(&mut b, "_meta", "B3", "099");
        cases.push((
            save(&env, &b, "编码不符.xlsx"),
            "错误 I05 编码不符.xlsx!_meta!B3: 模板中的部门编码「099」不在本年度评价方案中",
        ));

        let mut b = reference(&env);
        set(&mut b, "_meta", "B5", "2020");
        cases.push((
            save(&env, &b, "去年.xlsx"),
            "错误 I06 去年.xlsx!_meta!B5: 模板年度为 2020，本次评价年度为 2021",
        ));

        let mut b = reference(&env);
        set(&mut b, "_meta", "B6", "0000000000000000");
        cases.push((
            save(&env, &b, "旧方案.xlsx"),
            "提示 I10 旧方案.xlsx!_meta: （供财政局核对）本模板下发后评价方案有修改",
        ));

        let mut b = reference(&env);
        set(&mut b, "_meta", "B2", "other-template-3");
        cases.push((
            save(&env, &b, "他处模板.xlsx"),
            "错误 I07 他处模板.xlsx!_meta!B2: 模板版本「other-template-3」",
        ));

        let mut b = reference(&env);
        set(&mut b, "基本信息", "B2", "099");
        cases.push((
            save(&env, &b, "改了编码.xlsx"),
            "警告 I09 改了编码.xlsx!基本信息!B2: ",
        ));

        let mut b = reference(&env);
        set(&mut b, "基本信息", "B2", "002");
        cases.push((
            save(&env, &b, "借用模板.xlsx"),
            "错误 I11 借用模板.xlsx: 身份冲突：模板标识为「市应急管理局」（001），而基本信息!B2 部门编码「002」指向「市教育局」（002）",
        ));

        for (path, want) in cases {
            let (found, _) = run(&env, &[path]);
            expect(&found, want);
        }
    }

    #[test]
    fn a_resubmission_supersedes_the_earlier_return() {
        let env = env();
        let dir = env.dir.path().join("收件");
        std::fs::create_dir_all(&dir).unwrap();
        let mut first = full(&env, "002");
        let r = row_of(&first, "绩效指标", "A", "JY01");
        set(&mut first, "绩效指标", &format!("H{r}"), "九十五");
        set(&mut first, "基本信息", "B7", "2022-05-01");
        umya_spreadsheet::writer::xlsx::write(&first, dir.join("教育局-第一次.xlsx")).unwrap();
        let mut second = full(&env, "002");
        set(&mut second, "基本信息", "B7", "2022-05-09");
        umya_spreadsheet::writer::xlsx::write(&second, dir.join("教育局-更正.xlsx")).unwrap();

        let a = jixiao::pipeline::assess(&env.plan, &[dir], &[], &|_| {}, &|| {});
        assert_eq!(a.evaluations.len(), 1);
        assert_eq!(a.evaluations[0].inputs.file, "教育局-更正.xlsx");
        assert_eq!(a.evaluations[0].totals.total.to_string(), "100.00");
        assert_eq!(
            a.superseded,
            vec![jixiao::collect::Superseded {
                file: "教育局-第一次.xlsx".into(),
                dept: jixiao::domain::DeptCode::new("002"),
                by: "教育局-更正.xlsx".into(),
            }]
        );
        let found: Vec<String> = a.evaluations[0]
            .findings
            .iter()
            .map(|f| format!("{} {} {}: {}", f.level, f.code, f.location, f.message))
            .collect();
        expect(
            &found,
            "提示 D01 教育局-更正.xlsx: 本部门还报送了 教育局-第一次.xlsx",
        );
    }

    #[test]
    fn structure_and_value_findings_name_their_cells() {
        let env = env();
        let mut b = reference(&env);
        let r = |b: &Workbook, code: &str| row_of(b, "绩效指标", "A", code);
        // L01: a locked target changed.
        let gx01 = r(&b, "GX01");
        set(&mut b, "绩效指标", &format!("E{gx01}"), "基本明确");
        // V01: an empty input.
        let yj05 = r(&b, "YJ05");
        b.sheet_by_name_mut("绩效指标")
            .unwrap()
            .cell_mut(format!("H{yj05}").as_str())
            .set_value_string("");
        // V02: 九十五 in a number cell.
        let gx14 = r(&b, "GX14");
        set(&mut b, "绩效指标", &format!("H{gx14}"), "九十五");
        // V04: self-score above the weight; V03: negative; V07: unreadable; V06: empty.
        let gx02 = r(&b, "GX02");
        set(&mut b, "绩效指标", &format!("I{gx02}"), "5");
        let gx07 = r(&b, "GX07");
        set(&mut b, "绩效指标", &format!("I{gx07}"), "-1");
        let gx08 = r(&b, "GX08");
        set(&mut b, "绩效指标", &format!("I{gx08}"), "满分");
        let gx09 = r(&b, "GX09");
        b.sheet_by_name_mut("绩效指标")
            .unwrap()
            .cell_mut(format!("I{gx09}").as_str())
            .set_value_string("");
        // V05: self-score far from the computed one.
        let gx11 = r(&b, "GX11");
        set(&mut b, "绩效指标", &format!("H{gx11}"), "50%");
        // V08: below full marks without a reason.
        let gx13 = r(&b, "GX13");
        b.sheet_by_name_mut("绩效指标")
            .unwrap()
            .cell_mut(format!("J{gx13}").as_str())
            .set_value_string("");
        // S04 + S03: a code changed; S05 + S03: a duplicated code.
        let gx20 = r(&b, "GX20");
        set(&mut b, "绩效指标", &format!("A{gx20}"), "XX99");
        let gx22 = r(&b, "GX22");
        set(&mut b, "绩效指标", &format!("A{gx22}"), "GX21");
        // V09: 填报人 empty.
        b.sheet_by_name_mut("基本信息")
            .unwrap()
            .cell_mut("B5")
            .set_value_string("");
        // Budget: B01 empty, B02 negative, B03 unreadable, B04 over budget, L01 budget changed,
        // B06 a spare row without a name, B08 an added project without budget.
        let rows = |b: &Workbook, name: &str| row_of(b, "预算执行", "B", name);
        let p1 = rows(&b, "宣教中心（警示馆经费）");
        b.sheet_by_name_mut("预算执行")
            .unwrap()
            .cell_mut(format!("G{p1}").as_str())
            .set_value_string("");
        let p2 = rows(&b, "长期聘用人员工作");
        set(&mut b, "预算执行", &format!("G{p2}"), "-5");
        let p3 = rows(&b, "政府采购");
        set(&mut b, "预算执行", &format!("G{p3}"), "六十二万");
        let p4 = rows(&b, "督导经费");
        set(&mut b, "预算执行", &format!("G{p4}"), "95");
        set(&mut b, "预算执行", &format!("E{p4}"), "85");
        let added = rows(&b, "省市级专项经费");
        set(&mut b, "预算执行", &format!("F{}", added + 1), "10");
        set(
            &mut b,
            "预算执行",
            &format!("B{}", added + 2),
            "追加培训经费",
        );
        set(&mut b, "预算执行", &format!("G{}", added + 2), "3");
        let path = save(&env, &b, "问题.xlsx");
        let (found, _) = run(&env, &[path]);

        let f = "问题.xlsx";
        expect(
            &found,
            &format!(
                "警告 L01 {f}!绩效指标!E{gx01}: 指标「GX01」的目标值被修改：方案为「明确」，报送为「基本明确」"
            ),
        );
        expect(
            &found,
            &format!("错误 V01 {f}!绩效指标!H{yj05}: 指标「YJ05」（应急演练）未填写实际完成值"),
        );
        expect(
            &found,
            &format!(
                "错误 V02 {f}!绩效指标!H{gx14}: 指标「GX14」（固定资产利用率）：「九十五」不是数值"
            ),
        );
        expect(
            &found,
            &format!(
                "错误 V04 {f}!绩效指标!I{gx02}: 指标「GX02」（年度工作计划）的自评得分 5 超过权重 2"
            ),
        );
        expect(&found, &format!("错误 V03 {f}!绩效指标!I{gx07}: "));
        expect(
            &found,
            &format!("错误 V07 {f}!绩效指标!I{gx08}: 指标「GX08」的自评得分「满分」不是数值"),
        );
        expect(&found, &format!("警告 V06 {f}!绩效指标!I{gx09}: "));
        expect(
            &found,
            &format!(
                "警告 V05 {f}!绩效指标!I{gx11}: 指标「GX11」（专款专用率）自评得分 2，按评分规则计算为 1.00"
            ),
        );
        expect(&found, &format!("警告 V08 {f}!绩效指标!J{gx13}: "));
        expect(
            &found,
            &format!("警告 S04 {f}!绩效指标!A{gx20}: 指标编码「XX99」不在本部门的评价方案中"),
        );
        expect(&found, &format!("错误 S03 {f}!绩效指标: 缺少指标「GX20」"));
        expect(
            &found,
            &format!("警告 S05 {f}!绩效指标!A{gx22}: 指标「GX21」重复出现"),
        );
        expect(&found, &format!("错误 S03 {f}!绩效指标: 缺少指标「GX22」"));
        expect(
            &found,
            &format!("警告 V09 {f}!基本信息!B5: 基本信息「填报人」未填写"),
        );
        expect(
            &found,
            &format!("错误 B01 {f}!预算执行!G{p1}: 项目「宣教中心（警示馆经费）」未填写执行数"),
        );
        expect(&found, &format!("错误 B02 {f}!预算执行!G{p2}: "));
        expect(
            &found,
            &format!(
                "错误 B03 {f}!预算执行!G{p3}: 项目「政府采购」的执行数「六十二万」不是有效金额"
            ),
        );
        expect(
            &found,
            &format!(
                "警告 B04 {f}!预算执行!G{p4}: 项目「督导经费」执行数 95.00 万元超过调整后预算 80.00 万元"
            ),
        );
        expect(
            &found,
            &format!(
                "警告 L01 {f}!预算执行!E{p4}: 项目「督导经费」的年初预算被修改：方案为 80.00，报送为「85」"
            ),
        );
        expect(&found, &format!("错误 B06 {f}!预算执行!B{}: ", added + 1));
        expect(
            &found,
            &format!(
                "警告 B08 {f}!预算执行!F{}: 年中追加项目「追加培训经费」未填写调整后预算",
                added + 2
            ),
        );
        // 执行数 that could not be read (B01, B03) give no rate finding computed from a 0.
        for derived in ["B05", "B07"] {
            assert!(
                !found.iter().any(|x| x.contains(&format!(" {derived} "))),
                "{derived} derived from unread 执行数:\n{}",
                found.join("\n")
            );
        }
    }

    #[test]
    fn missing_sheets_columns_and_budget_rows() {
        let env = env();
        let mut b = reference(&env);
        b.remove_sheet_by_name("预算执行").unwrap();
        let (found, _) = run(&env, &[save(&env, &b, "缺表.xlsx")]);
        expect(
            &found,
            "错误 S01 缺表.xlsx!预算执行: 缺少工作表「预算执行」",
        );

        let mut b = reference(&env);
        set(&mut b, "绩效指标", "H2", "完成情况");
        let (found, _) = run(&env, &[save(&env, &b, "缺列.xlsx")]);
        expect(
            &found,
            "错误 S02 缺列.xlsx!绩效指标!A2: 工作表「绩效指标」缺少列：实际完成值",
        );

        let mut b = reference(&env);
        let r = row_of(&b, "预算执行", "B", "督导经费");
        set(&mut b, "预算执行", &format!("B{r}"), "督导费");
        let (found, _) = run(&env, &[save(&env, &b, "改名.xlsx")]);
        expect(
            &found,
            "错误 S06 改名.xlsx!预算执行: 缺少预算项目「督导经费」所在行",
        );
    }

    #[test]
    fn review_and_low_execution_findings() {
        let env = env();
        let mut b = full(&env, "002");
        // Spend a tenth of every line: far below the 90% warning line.
        for name in [
            "基本支出",
            "义务教育薄弱环节改善",
            "学生资助经费",
            "教师培训经费",
            "教育信息化建设",
        ] {
            let r = row_of(&b, "预算执行", "B", name);
            set(&mut b, "预算执行", &format!("G{r}"), "1");
        }
        let (found, total) = run(&env, &[save(&env, &b, "教育局.xlsx")]);
        let jy13 = row_of(&b, "绩效指标", "A", "JY13");
        expect(
            &found,
            &format!(
                "提示 V10 教育局.xlsx!绩效指标!I{jy13}: 指标「JY13」（社会评价）为评议类指标，采用自评得分 3.00"
            ),
        );
        expect(&found, "警告 B05 教育局.xlsx!预算执行!H");
        assert_eq!(total.to_string(), "100.00");
    }
}

/// The same return, however it was saved or rearranged, scores the same.
mod tolerance {
    use super::fill::{Typing, fill_book, find_row};
    use super::*;
    use jixiao::sample;

    struct Env {
        dir: tempfile::TempDir,
        plan: jixiao::plan::Plan,
        template: std::path::PathBuf,
    }

    fn env() -> Env {
        let e = issued_env();
        Env {
            plan: e.plan,
            template: e
                .templates
                .join("2021_001_市应急管理局_部门整体绩效自评表.xlsx"),
            dir: e.dir,
        }
    }

    /// Per-indicator scores, totals and the non-identity findings' codes of one file.
    fn scores(env: &Env, path: &Path) -> (Vec<String>, String, Vec<String>) {
        let a = jixiao::pipeline::assess(&env.plan, &[path.to_path_buf()], &[], &|_| {}, &|| {});
        assert!(a.unmatched.is_empty(), "{:?}", a.unmatched[0].findings);
        let e = &a.evaluations[0];
        let per: Vec<String> = e
            .indicators
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r.input.indicator.code,
                    r.scored
                        .as_ref()
                        .map(|s| s.score.to_string())
                        .unwrap_or("-".into())
                )
            })
            .collect();
        let total = format!(
            "{} {} {}",
            e.totals.total,
            e.totals.grade,
            e.self_total.map(|s| s.to_string()).unwrap_or_default()
        );
        let codes = e.findings.iter().map(|f| f.code.to_string()).collect();
        (per, total, codes)
    }

    fn clean(env: &Env) -> std::path::PathBuf {
        let p = env.dir.path().join("clean.xlsx");
        let b = fill_book(
            &env.template,
            &sample::reference_outcomes(),
            &sample::reference_spending(),
            "2022-05-10",
            Typing::AsExcel,
        );
        umya_spreadsheet::writer::xlsx::write(&b, &p).unwrap();
        p
    }

    #[test]
    fn libreoffice_resaves_as_xlsx_xls_and_ods_score_the_same() {
        let env = env();
        let base = scores(&env, &clean(&env));
        assert_eq!(base.1, "95.30 优 95.30");
        assert_eq!(
            base.2,
            vec!["B07"],
            "only the reference's own inconsistency"
        );
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returns");
        for name in [
            "reference.xls",
            "reference.ods",
            "reference-libreoffice.xlsx",
        ] {
            let got = scores(&env, &fixtures.join(name));
            assert_eq!(got, base, "{name}");
        }
    }

    #[test]
    fn an_xlsx_named_xls_and_an_xls_named_xlsx_read_the_same() {
        let env = env();
        let base = scores(&env, &clean(&env));
        let renamed = env.dir.path().join("reference.xls");
        std::fs::copy(clean(&env), &renamed).unwrap();
        assert_eq!(scores(&env, &renamed), base);
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returns");
        let xls_as_xlsx = env.dir.path().join("reference2.xlsx");
        std::fs::copy(fixtures.join("reference.xls"), &xls_as_xlsx).unwrap();
        assert_eq!(scores(&env, &xls_as_xlsx), base);
    }

    #[test]
    fn reordered_rows_and_an_inserted_column_score_the_same() {
        let env = env();
        let base = scores(&env, &clean(&env));
        let mut b = fill_book(
            &env.template,
            &sample::reference_outcomes(),
            &sample::reference_spending(),
            "2022-05-10",
            Typing::AsExcel,
        );
        {
            let ws = b.sheet_by_name_mut("绩效指标").unwrap();
            // Swap two indicator rows cell by cell (GX03 and YJ40), as a sort would.
            let r1 = find_row(ws, "A", "GX03").unwrap();
            let r2 = find_row(ws, "A", "YJ40").unwrap();
            for col in ["A", "D", "E", "F", "G", "H", "I", "J", "K"] {
                let a = ws
                    .cell(format!("{col}{r1}").as_str())
                    .map(|c| c.value().to_string())
                    .unwrap_or_default();
                let z = ws
                    .cell(format!("{col}{r2}").as_str())
                    .map(|c| c.value().to_string())
                    .unwrap_or_default();
                for (r, v) in [(r1, &z), (r2, &a)] {
                    let cell = ws.cell_mut(format!("{col}{r}").as_str());
                    match v.parse::<f64>() {
                        Ok(n) => {
                            cell.set_value_number(n);
                        }
                        Err(_) => {
                            cell.set_value_string(v.as_str());
                        }
                    }
                }
            }
            // A column inserted before 实际完成值, and blank rows after the header.
            ws.insert_new_column("H", 1);
            ws.cell_mut("H2").set_value_string("备注（部门自加）");
            ws.insert_new_row(3, 2);
        }
        {
            let ws = b.sheet_by_name_mut("预算执行").unwrap();
            ws.insert_new_column("B", 1);
            ws.insert_new_row(5, 1);
        }
        let p = env.dir.path().join("rearranged.xlsx");
        umya_spreadsheet::writer::xlsx::write(&b, &p).unwrap();
        let got = scores(&env, &p);
        assert_eq!(got, base);
    }

    #[test]
    fn values_in_every_tolerated_form_score_the_same() {
        let env = env();
        let base = scores(&env, &clean(&env));
        let full_width = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' | '%' | '.' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                    c => c,
                })
                .collect()
        };
        let outcomes: Vec<sample::Outcome> = sample::reference_outcomes()
            .into_iter()
            .enumerate()
            .map(|(i, mut o)| {
                o.actual = match i % 4 {
                    0 => full_width(&o.actual),
                    1 => format!("  {}\n", o.actual),
                    2 if o.actual == "11230人" => "11,230 人".into(),
                    _ => o.actual,
                };
                o
            })
            .collect();
        let b = fill_book(
            &env.template,
            &outcomes,
            &sample::reference_spending(),
            "2022年5月10日",
            Typing::AsText,
        );
        let p = env.dir.path().join("forms.xlsx");
        umya_spreadsheet::writer::xlsx::write(&b, &p).unwrap();
        assert_eq!(scores(&env, &p), base);
    }
}

/// `demo` and `collect`: the consolidated workbook, summary.json and feedback read back.
mod consolidate {
    use super::*;
    use jixiao::sheet::cell_text;

    fn demo(dir: &Path) -> String {
        stdout_of(
            jixiao()
                .env("SOURCE_DATE_EPOCH", "1652400000")
                .arg("demo")
                .arg("-o")
                .arg(dir),
        )
    }

    fn rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
        let mut wb = open_workbook_auto(path).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect()
    }

    const WORKBOOK: &str = "汇总/2021年度部门整体绩效评价汇总.xlsx";

    #[test]
    fn the_demo_runs_the_whole_cycle() {
        let dir = tempfile::tempdir().unwrap();
        let out = demo(dir.path());
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
        demo(dir.path());
        let path = dir.path().join(WORKBOOK);
        let book = umya_spreadsheet::reader::xlsx::read(&path).unwrap();
        let bordered = |ws: &umya_spreadsheet::Worksheet, cell: &str| {
            ws.style(cell).borders().is_some_and(|b| {
                b.left_border().style() == &umya_spreadsheet::BorderStyleValues::Thin
            })
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
        demo(dir.path());
        let ranking = rows(&dir.path().join(WORKBOOK), "汇总排名");
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
        let details = rows(&dir.path().join(WORKBOOK), "指标得分明细");
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

        let dept = rows(&dir.path().join(WORKBOOK), "001 市应急管理局");
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
        demo(dir.path());
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

        let missing = rows(&dir.path().join(WORKBOOK), "未报送");
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
        demo(dir.path());
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
        demo(dir.path());
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
                rows(&outs[0].join(name), sheet),
                rows(&c.join(name), sheet),
                "{sheet}"
            );
        }
    }

    #[test]
    fn inputs_are_never_modified() {
        let dir = tempfile::tempdir().unwrap();
        demo(dir.path());
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
        stdout_of(
            collect_cmd(dir.path().join("评价方案.xlsx"), dir.path().join("again")).arg(&inputs),
        );
        assert_eq!(snapshot(&inputs), before);
    }

    #[test]
    fn an_unwritable_output_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        demo(dir.path());
        let out = dir.path().join("占用");
        // The workbook's name is taken by a folder: the rename cannot happen.
        let blocked = out.join("2021年度部门整体绩效评价汇总.xlsx");
        std::fs::create_dir_all(&blocked).unwrap();
        std::fs::write(blocked.join("x"), "x").unwrap();
        let result = collect_cmd(dir.path().join("评价方案.xlsx"), &out)
            .arg(dir.path().join("回收"))
            .output()
            .unwrap();
        assert_eq!(result.status.code(), Some(1));
        let err = String::from_utf8_lossy(&result.stderr);
        assert!(
            err.contains("2021年度部门整体绩效评价汇总.xlsx") && err.contains("无法写入"),
            "{err}"
        );
        let left: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!left.iter().any(|n| n.ends_with(".tmp")), "{left:?}");
    }

    #[test]
    fn text_from_returns_is_written_as_text_not_formulas() {
        use jixiao::demo::fill::{Answers, Typing, fill, info, to_bytes};
        let dir = tempfile::tempdir().unwrap();
        demo(dir.path());
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
        let details = rows(&path, "指标得分明细");
        assert!(
            details
                .iter()
                .any(|r| r.iter().any(|c| c == "=cmd|' /C calc'!A0"))
        );
        let projects = rows(&path, "项目明细");
        assert!(projects.iter().any(|r| r.iter().any(|c| c == "@SUM(1,2)")));
    }
}

/// Whatever lands in the inbox, `collect` finishes, writes its outputs, names every file in
/// a finding and leaves the inputs as they were.
mod hostile {
    use super::*;
    use jixiao::demo::fill::{Answers, Typing, fill, info, to_bytes};

    fn build_inbox(dir: &Path, plan: &jixiao::plan::Plan, templates: &Path) -> std::path::PathBuf {
        let inbox = dir.join("收件箱");
        std::fs::create_dir_all(&inbox).unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for entry in std::fs::read_dir(fixtures.join("hostile")).unwrap() {
            let p = entry.unwrap().path();
            if p.extension()
                .is_some_and(|e| e == "xlsx" || e == "xls" || e == "ods")
            {
                std::fs::copy(&p, inbox.join(p.file_name().unwrap())).unwrap();
            }
        }
        let template = |code: &str| {
            let d = plan
                .department(&jixiao::domain::DeptCode::new(code))
                .unwrap();
            std::fs::read(templates.join(jixiao::template::file_name(plan, d))).unwrap()
        };
        let good = template("002");
        let w = |name: &str, bytes: &[u8]| std::fs::write(inbox.join(name), bytes).unwrap();
        w("empty.xlsx", b"");
        w(
            "random.xlsx",
            &(0..100_000u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect::<Vec<_>>(),
        );
        w("truncated.xlsx", &good[..good.len() / 2]);
        w(
            "page.xls",
            b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>",
        );
        w(
            "gbk.xls",
            &[
                0xB2, 0xBF, 0xC3, 0xC5, b',', 0xB5, 0xC3, 0xB7, 0xD6, b'\n', b'1', b',', b'2',
                b'\n',
            ],
        );
        let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        encrypted.extend(vec![0u8; 1024]);
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        w("password.xlsx", &encrypted);
        w("xlsx-named.xls", &good);
        std::fs::copy(
            fixtures.join("returns/reference.xls"),
            inbox.join("xls-named.xlsx"),
        )
        .unwrap();
        let mut unrelated = rust_xlsxwriter::Workbook::new();
        unrelated
            .add_worksheet()
            .write_string(0, 0, "工资表")
            .unwrap();
        unrelated.save(inbox.join("unrelated.xlsx")).unwrap();
        // 200,000 rows of junk in the sheet a return is read from.
        let mut junk = rust_xlsxwriter::Workbook::new();
        let ws = junk.add_worksheet();
        ws.set_name("绩效指标").unwrap();
        ws.write_string(0, 0, "指标编码").unwrap();
        for r in 1..200_000u32 {
            ws.write_number(r, 0, f64::from(r)).unwrap();
        }
        junk.save(inbox.join("junk-rows.xlsx")).unwrap();
        std::fs::create_dir_all(inbox.join("folder.xlsx")).unwrap();
        // A return full of formula-like text, and formulas without stored results.
        let d = plan
            .department(&jixiao::domain::DeptCode::new("004"))
            .unwrap();
        let mut a: Answers = jixiao::demo::full_marks(plan, d);
        a.info = info(
            "=HYPERLINK(\"http://x\",\"x\")",
            "=cmd|' /C calc'!A0",
            "2022-05-10",
        );
        for o in a.outcomes.iter_mut().take(3) {
            o.reason = "=1+1".into();
        }
        let mut book = fill(&template("004"), &a, Typing::AsText).unwrap();
        let ws = book.sheet_by_name_mut("绩效指标").unwrap();
        ws.remove_cell("H3");
        ws.cell_mut("H3").set_formula("1+1");
        w("formulas.xlsx", &to_bytes(&book).unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let status = std::process::Command::new("mkfifo")
                .arg(inbox.join("fifo.xlsx"))
                .status()
                .unwrap();
            assert!(status.success());
            std::os::unix::fs::symlink("/dev/zero", inbox.join("zero.xlsx")).unwrap();
            let bad = std::ffi::OsStr::from_bytes(b"bad-\xff\xfe.xlsx");
            std::fs::write(inbox.join(bad), b"").unwrap();
        }
        inbox
    }

    #[test]
    fn the_whole_hostile_set_is_collected_in_one_run() {
        let dir = tempfile::tempdir().unwrap();
        stdout_of(jixiao().arg("demo").arg("-o").arg(dir.path()));
        let plan = jixiao::plan::read(&dir.path().join("评价方案.xlsx")).unwrap();
        let inbox = build_inbox(dir.path(), &plan, &dir.path().join("模板"));
        let before: Vec<(std::path::PathBuf, u64)> = std::fs::read_dir(&inbox)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().unwrap().is_file())
            .map(|e| (e.path(), e.metadata().unwrap().len()))
            .collect();

        let out = dir.path().join("汇总-hostile");
        let result = collect_cmd(dir.path().join("评价方案.xlsx"), &out)
            .arg(&inbox)
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        assert_eq!(
            result.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        assert!(out.join("2021年度部门整体绩效评价汇总.xlsx").exists());
        let summary: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap())
                .unwrap();
        let mut named: Vec<String> = Vec::new();
        for d in summary["departments"].as_array().unwrap() {
            if let Some(f) = d["file"].as_str() {
                named.push(f.to_string());
            }
        }
        for u in summary["unmatched"].as_array().unwrap() {
            named.push(u["file"].as_str().unwrap().to_string());
            assert!(!u["findings"].as_array().unwrap().is_empty());
        }
        for s in summary["superseded"].as_array().unwrap() {
            named.push(s["file"].as_str().unwrap().to_string());
        }
        let mut expected = vec![
            "empty.xlsx",
            "random.xlsx",
            "truncated.xlsx",
            "page.xls",
            "gbk.xls",
            "password.xlsx",
            "xlsx-named.xls",
            "xls-named.xlsx",
            "unrelated.xlsx",
            "junk-rows.xlsx",
            "formulas.xlsx",
            "bomb.xlsx",
            "bomb-lying.xlsx",
            "far-cells.xlsx",
            "far-cells.xls",
            "far-cells.ods",
            "repeat.ods",
            "dimension.xlsx",
            "entities.xlsx",
            "external-entity.xlsx",
            "sst-index.xlsx",
            "nested.xlsx",
            "traversal.xlsx",
        ];
        if cfg!(unix) {
            expected.extend(["fifo.xlsx", "zero.xlsx", "bad-\\xFF\\xFE.xlsx"]);
        }
        for name in expected {
            assert!(
                named.iter().any(|n| n == name),
                "{name} is named in no finding: {named:?}"
            );
        }
        let code_of = |file: &str| -> Vec<String> {
            summary["unmatched"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|u| u["file"] == file)
                .flat_map(|u| {
                    u["findings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|f| f["code"].as_str().unwrap().to_string())
                })
                .collect()
        };
        assert_eq!(code_of("bomb.xlsx"), ["F14"]);
        assert_eq!(code_of("bomb-lying.xlsx"), ["F06"]);
        assert_eq!(code_of("far-cells.xls"), ["F14"]);
        // Repeated ODS cells and rows with content, which calamine copies out (8 GB for
        // repeat.ods before the guard).
        assert_eq!(code_of("repeat.ods"), ["F14"]);
        assert_eq!(code_of("far-cells.ods"), ["F14"]);
        assert_eq!(code_of("password.xlsx"), ["F05"]);
        // Found by fuzzing: OLE files that made calamine panic; refused before it reads them.
        assert_eq!(code_of("fuzz-cfb-sector-chain.xls"), ["F06"]);
        assert_eq!(code_of("fuzz-calamine-utils.xls"), ["F06"]);
        // Found by fuzzing: a DIMENSIONS record for which calamine reserved a terabyte.
        assert_eq!(code_of("fuzz-xls-dimensions.xls"), ["F14"]);
        // Found by fuzzing: a BOUNDSHEET offset into the middle of another sheet, whose cells
        // calamine expanded into a 17 GB range.
        assert_eq!(code_of("fuzz-xls-sheet-offset.xls"), ["F14"]);
        if cfg!(unix) {
            assert_eq!(code_of("fifo.xlsx"), ["F08"]);
            assert_eq!(code_of("zero.xlsx"), ["F08"]);
        }
        // The formula-like return was read as text; the formula without a result is empty.
        let d004 = summary["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "004")
            .unwrap();
        assert_eq!(d004["file"], "formulas.xlsx");
        assert!(
            d004["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == "V01")
        );
        // Inputs untouched.
        for (path, len) in before {
            assert_eq!(
                std::fs::metadata(&path).unwrap().len(),
                len,
                "{}",
                path.display()
            );
        }
        assert!(!Path::new("/tmp/jixiao-evil.txt").exists());
    }
}

/// Email intake: returns straight from saved messages, mailboxes and archives.
mod mail {
    use super::*;

    fn base64(data: &[u8]) -> String {
        const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in data.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for k in 0..4 {
                if k <= chunk.len() {
                    out.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    fn wrap76(s: &str) -> String {
        s.as_bytes()
            .chunks(76)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("\r\n")
    }

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    /// How the attachment's name is written in the headers.
    pub(super) enum Name<'a> {
        /// RFC 2047 B-encoding in a charset.
        B(&'a str, &'a str),
        /// RFC 2047 Q-encoding in GB2312.
        QGb2312(&'a str),
        /// RFC 2231 `filename*=` in a charset.
        Rfc2231(&'a str, &'a str),
    }

    fn encoded(name: &Name) -> (String, String) {
        match name {
            Name::B(charset, n) => {
                let bytes = if *charset == "UTF-8" {
                    n.as_bytes().to_vec()
                } else {
                    gbk(n)
                };
                let w = format!("=?{charset}?B?{}?=", base64(&bytes));
                (format!("name=\"{w}\""), format!("filename=\"{w}\""))
            }
            Name::QGb2312(n) => {
                let q: String = gbk(n)
                    .iter()
                    .map(|b| {
                        if b.is_ascii_alphanumeric() || *b == b'.' {
                            (*b as char).to_string()
                        } else {
                            format!("={b:02X}")
                        }
                    })
                    .collect();
                let w = format!("=?GB2312?Q?{q}?=");
                (format!("name=\"{w}\""), format!("filename=\"{w}\""))
            }
            Name::Rfc2231(charset, n) => {
                let bytes = if *charset == "UTF-8" {
                    n.as_bytes().to_vec()
                } else {
                    gbk(n)
                };
                let pct: String = bytes
                    .iter()
                    .map(|b| {
                        if b.is_ascii_alphanumeric() || *b == b'.' {
                            (*b as char).to_string()
                        } else {
                            format!("%{b:02X}")
                        }
                    })
                    .collect();
                (
                    format!("name*={charset}''{pct}"),
                    format!("filename*={charset}''{pct}"),
                )
            }
        }
    }

    pub(super) fn message(
        from: &str,
        date: &str,
        subject: &str,
        attachments: &[(Name, &[u8])],
    ) -> Vec<u8> {
        let mut m = format!(
            "From: {from}\r\nTo: jixiao@czj.example.com\r\nSubject: =?UTF-8?B?{}?=\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n附件是本单位的自评表，请查收。\r\n",
            base64(subject.as_bytes())
        );
        for (name, data) in attachments {
            let (n, f) = encoded(name);
            m.push_str(&format!(
                "--BOUNDARY\r\nContent-Type: application/octet-stream; {n}\r\nContent-Disposition: attachment; {f}\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
                wrap76(&base64(data))
            ));
        }
        m.push_str("--BOUNDARY--\r\n");
        m.into_bytes()
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in data {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A stored ZIP whose entry names are raw bytes with the UTF-8 flag off, as Windows'
    /// "send to compressed folder" writes Chinese names (GBK).
    fn raw_zip(entries: &[(Vec<u8>, &[u8])]) -> Vec<u8> {
        let (mut out, mut cd) = (Vec::new(), Vec::new());
        for (name, data) in entries {
            let off = out.len() as u32;
            let crc = crc32(data);
            let common = |v: &mut Vec<u8>| {
                v.extend(0u16.to_le_bytes()); // flags: UTF-8 off
                v.extend(0u16.to_le_bytes()); // stored
                v.extend(0u32.to_le_bytes()); // time, date
                v.extend(crc.to_le_bytes());
                v.extend((data.len() as u32).to_le_bytes());
                v.extend((data.len() as u32).to_le_bytes());
                v.extend((name.len() as u16).to_le_bytes());
                v.extend(0u16.to_le_bytes());
            };
            out.extend(b"PK\x03\x04");
            out.extend(20u16.to_le_bytes());
            common(&mut out);
            out.extend(name);
            out.extend(*data);
            cd.extend(b"PK\x01\x02");
            cd.extend(20u16.to_le_bytes());
            cd.extend(20u16.to_le_bytes());
            common(&mut cd);
            cd.extend([0u8; 6]);
            cd.extend(0u32.to_le_bytes());
            cd.extend(off.to_le_bytes());
            cd.extend(name);
        }
        let cd_off = out.len() as u32;
        let cd_len = cd.len() as u32;
        out.extend(cd);
        out.extend(b"PK\x05\x06");
        out.extend([0u8; 4]);
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend(cd_len.to_le_bytes());
        out.extend(cd_off.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    struct Env {
        dir: tempfile::TempDir,
        returns: std::path::PathBuf,
    }

    fn env() -> Env {
        let dir = tempfile::tempdir().unwrap();
        stdout_of(jixiao().arg("demo").arg("-o").arg(dir.path()));
        Env {
            returns: dir.path().join("回收"),
            dir,
        }
    }

    fn demo_return(env: &Env, contains: &str) -> Vec<u8> {
        let entry = std::fs::read_dir(&env.returns)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().contains(contains))
            .unwrap();
        std::fs::read(entry).unwrap()
    }

    fn collect(env: &Env, inputs: &[&Path]) -> serde_json::Value {
        let out = env.dir.path().join("邮件汇总");
        let mut cmd = jixiao();
        cmd.arg("collect")
            .arg("--plan")
            .arg(env.dir.path().join("评价方案.xlsx"))
            .arg("-o")
            .arg(&out);
        for i in inputs {
            cmd.arg(i);
        }
        stdout_of(&mut cmd);
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
    }

    fn dept<'a>(json: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
        json["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap()
    }

    #[test]
    fn an_eml_scores_like_the_plain_file_whatever_the_name_encoding() {
        let env = env();
        let reference = demo_return(&env, "_001_");
        let inbox = env.dir.path().join("邮件");
        std::fs::create_dir_all(&inbox).unwrap();
        let names = [
            Name::B("GBK", "应急局自评表.xlsx"),
            Name::QGb2312("应急局自评表.xlsx"),
            Name::Rfc2231("GB18030", "应急局自评表.xlsx"),
            Name::B("UTF-8", "应急局自评表.xlsx"),
        ];
        for (k, name) in names.into_iter().enumerate() {
            let eml = message(
                "张华 <yjglj@example.com>",
                &format!("Tue, 10 May 2022 0{k}:30:00 +0800"),
                "应急管理局2021年度自评表",
                &[(name, &reference)],
            );
            std::fs::write(inbox.join(format!("{k}.eml")), eml).unwrap();
            let json = collect(&env, &[&inbox.join(format!("{k}.eml"))]);
            let d = dept(&json, "001");
            assert_eq!(d["total"], "95.30", "encoding {k}");
            assert_eq!(
                d["file"],
                format!("{k}.eml/应急局自评表.xlsx"),
                "encoding {k}"
            );
            assert_eq!(
                d["submitted_at"],
                format!("2022-05-10 0{k}:30"),
                "the message Date"
            );
            assert_eq!(d["from"], "yjglj@example.com");
            assert_eq!(d["subject"], "应急管理局2021年度自评表");
            let loc = d["findings"][0]["location"].as_str().unwrap();
            assert!(
                loc.starts_with(&format!("{k}.eml/应急局自评表.xlsx!绩效指标!H")),
                "{loc}"
            );
        }
    }

    #[test]
    fn a_mailbox_with_a_broken_then_fixed_return_and_a_zip_inside_a_message() {
        let env = env();
        let broken = demo_return(&env, "初稿");
        let fixed = demo_return(&env, "更正");
        let r005 = demo_return(&env, "_005_");
        let zip = raw_zip(&[
            (gbk("生态环境局/2021年自评表.xlsx"), &r005),
            (gbk("生态环境局/佐证材料.pdf"), b"%PDF-1.4"),
        ]);
        // The fixed return carries the *older* 填报日期 of the two messages' Dates? No: the
        // message Date decides, so send the corrected one later.
        let mbox = [
            (
                "Sun, 8 May 2022 09:00:00 +0800",
                message(
                    "王芳 <wjw@example.com>",
                    "Sun, 8 May 2022 09:00:00 +0800",
                    "卫健委自评表",
                    &[(Name::B("GBK", "卫健委自评表.xlsx"), &broken)],
                ),
            ),
            (
                "Sun, 15 May 2022 16:20:00 +0800",
                message(
                    "王芳 <wjw@example.com>",
                    "Sun, 15 May 2022 16:20:00 +0800",
                    "卫健委自评表（更正）",
                    &[(Name::B("GBK", "卫健委自评表.xlsx"), &fixed)],
                ),
            ),
            (
                "Wed, 11 May 2022 08:00:00 +0800",
                message(
                    "陈静 <sthjj@example.com>",
                    "Wed, 11 May 2022 08:00:00 +0800",
                    "生态环境局材料",
                    &[
                        (Name::Rfc2231("GBK", "材料.zip"), &zip),
                        (Name::B("UTF-8", "附件.rar"), b"Rar!\x1a\x07\x00"),
                    ],
                ),
            ),
        ];
        let mut text = Vec::new();
        for (date, msg) in &mbox {
            text.extend(format!("From jixiao@example.com {date}\n").as_bytes());
            text.extend(msg);
            text.extend(b"\n");
        }
        let path = env.dir.path().join("收件箱.mbox");
        std::fs::write(&path, text).unwrap();
        let json = collect(&env, &[&path]);
        let d003 = dept(&json, "003");
        assert_eq!(d003["file"], "收件箱.mbox#2/卫健委自评表.xlsx");
        assert_eq!(d003["total"], "98.50");
        assert_eq!(
            json["superseded"][0]["file"],
            "收件箱.mbox#1/卫健委自评表.xlsx"
        );
        assert_eq!(
            json["superseded"][0]["by"],
            "收件箱.mbox#2/卫健委自评表.xlsx"
        );
        let d005 = dept(&json, "005");
        assert_eq!(
            d005["file"],
            "收件箱.mbox#3/材料.zip/生态环境局/2021年自评表.xlsx"
        );
        assert_eq!(d005["total"], "97.00");
        let unmatched: Vec<(String, String)> = json["unmatched"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                (
                    u["file"].as_str().unwrap().to_string(),
                    u["findings"][0]["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(
            unmatched.contains(&(
                "收件箱.mbox#3/材料.zip/生态环境局/佐证材料.pdf".into(),
                "F12".into()
            )),
            "{unmatched:?}"
        );
        assert!(
            unmatched.contains(&("收件箱.mbox#3/附件.rar".into(), "F13".into())),
            "{unmatched:?}"
        );
    }

    #[test]
    fn a_zip_on_disk_with_gbk_names_and_the_sender_as_identity() {
        let env = env();
        let reference = demo_return(&env, "_001_");
        let zip = raw_zip(&[(gbk("自评表/应急管理局.xlsx"), &reference)]);
        let zpath = env.dir.path().join("报送.zip");
        std::fs::write(&zpath, &zip).unwrap();
        let json = collect(&env, &[&zpath]);
        assert_eq!(
            dept(&json, "001")["file"],
            "报送.zip/自评表/应急管理局.xlsx"
        );
        assert_eq!(dept(&json, "001")["total"], "95.30");

        // A return that lost its identity: the sender's address names the department.
        let mut book =
            umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(reference), true)
                .unwrap();
        book.remove_sheet_by_name("_meta").unwrap();
        {
            let info = book.sheet_by_name_mut("基本信息").unwrap();
            info.cell_mut("B2").set_value_string("");
            info.cell_mut("B3").set_value_string("");
        }
        let bytes = jixiao::demo::fill::to_bytes(&book).unwrap();
        let eml = message(
            "张华 <YJGLJ@example.com>",
            "Tue, 10 May 2022 10:00:00 +0800",
            "自评表",
            &[(Name::B("UTF-8", "表.xlsx"), &bytes)],
        );
        let epath = env.dir.path().join("无标识.eml");
        std::fs::write(&epath, eml).unwrap();
        let json = collect(&env, &[&epath]);
        let d = dept(&json, "001");
        assert_eq!(d["total"], "95.30");
        assert!(
            d["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == "I03"),
            "{d}"
        );
    }
}

/// Past `DEPARTMENT_SHEET_LIMIT` returns, score sheets leave the consolidated workbook for a
/// file each, written alongside it.
mod many_departments {
    use super::*;
    use jixiao::consolidate::workbook::{DEPARTMENT_DIR, DEPARTMENT_SHEET_LIMIT, SHEETS};
    use jixiao::plan::{SHEET_BUDGET, SHEET_DEPARTMENTS};
    use jixiao::sheet::{RawRow, cell_text};

    /// The sample plan with `extra` more departments shaped like 001 (its 指标组 and budget).
    fn plan_with(dir: &Path, extra: usize) -> std::path::PathBuf {
        let mut sheets = jixiao::sample::plan_sheets();
        let copies = |rows: &[RawRow], next: u32, rename: &dyn Fn(&str, usize) -> String| {
            let own: Vec<&RawRow> = rows.iter().filter(|r| r.get(0) == "001").collect();
            let mut out = Vec::new();
            for n in 0..extra {
                for r in &own {
                    let mut cells: Vec<String> = r.cells().map(String::from).collect();
                    cells[0] = format!("{}", 101 + n);
                    cells[1] = rename(&cells[1], n);
                    out.push(RawRow::new(next + out.len() as u32, cells));
                }
            }
            out
        };
        for (name, rename) in [
            (
                SHEET_DEPARTMENTS,
                &(|_: &str, n: usize| format!("测试局{n}")) as &dyn Fn(&str, usize) -> String,
            ),
            (SHEET_BUDGET, &|project: &str, _| project.to_string()),
        ] {
            let sheet = sheets.iter_mut().find(|s| s.name == name).unwrap();
            let next = sheet.rows.last().unwrap().row + 1;
            let more = copies(&sheet.rows, next, rename);
            sheet.rows.extend(more);
        }
        let path = dir.join("评价方案.xlsx");
        std::fs::write(&path, jixiao::plan::write::workbook(&sheets).unwrap()).unwrap();
        path
    }

    #[test]
    fn past_the_limit_each_department_gets_a_score_file() {
        let dir = tempfile::tempdir().unwrap();
        let plan_path = plan_with(dir.path(), DEPARTMENT_SHEET_LIMIT);
        let plan = jixiao::plan::read(&plan_path).unwrap();
        let returns = dir.path().join("回收");
        std::fs::create_dir_all(&returns).unwrap();
        for d in &plan.departments {
            let answers = jixiao::demo::full_marks(&plan, d);
            let bytes = jixiao::template::build_filled(&plan, d, Some(&answers)).unwrap();
            let name = jixiao::template::file_name(&plan, d);
            std::fs::write(returns.join(name), bytes).unwrap();
        }
        assert!(plan.departments.len() > DEPARTMENT_SHEET_LIMIT);

        let out = dir.path().join("汇总");
        stdout_of(collect_cmd(&plan_path, &out).arg(&returns));

        let book = out.join("2021年度部门整体绩效评价汇总.xlsx");
        let wb = open_workbook_auto(&book).unwrap();
        assert_eq!(wb.sheet_names(), SHEETS.map(String::from).to_vec());

        let mut files: Vec<String> = std::fs::read_dir(out.join(DEPARTMENT_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(files.len(), plan.departments.len(), "{files:?}");
        assert_eq!(files[0], "001_市应急管理局_部门整体绩效评价指标评分表.xlsx");
        assert!(files.iter().all(|f| f.ends_with(".xlsx")), "{files:?}");

        // Each file holds its department's sheet in the appendix layout, total included.
        let last = plan.departments.last().unwrap();
        let path = out.join(DEPARTMENT_DIR).join(format!(
            "{}_{}_部门整体绩效评价指标评分表.xlsx",
            last.code, last.name
        ));
        let mut wb = open_workbook_auto(&path).unwrap();
        let names = wb.sheet_names();
        assert_eq!(names, [format!("{} {}", last.code, last.name)]);
        let range = wb.worksheet_range(&names[0]).unwrap();
        let text: Vec<String> = range.rows().flatten().map(cell_text).collect();
        for i in plan.indicators_for(last) {
            assert!(text.iter().any(|t| *t == *i.level3), "{} missing", i.level3);
        }
        assert!(text.iter().any(|t| t == "合计"), "no 合计 row");
        assert!(
            text.iter().any(|t| t.starts_with("总分 100.00")),
            "no total line"
        );
    }
}
mod identity;
mod other_programs;
mod trust;
