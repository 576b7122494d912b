//! Past `DEPARTMENT_SHEET_LIMIT` returns, score sheets leave the consolidated workbook for a
//! file each, written alongside it.

use super::*;
use jixiao::consolidate::workbook::{DEPARTMENT_DIR, DEPARTMENT_SHEET_LIMIT, SHEETS};
use jixiao::plan::{SHEET_BUDGET, SHEET_DEPARTMENTS};
use jixiao::sheet::{RawRow, cell_text};

/// The sample plan with `extra` more departments shaped like 001 (its 指标组 and budget).
/// A full-marks return of every department of the plan, written into `dir` by the fast
/// filler (fast enough for hundreds).
fn full_returns(plan: &jixiao::plan::Plan, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for d in &plan.departments {
        let answers = jixiao::demo::full_marks(plan, d);
        let template = jixiao::template::build(plan, d).unwrap();
        let bytes = jixiao::demo::stamp::stamp(&template, &answers).unwrap();
        std::fs::write(dir.join(jixiao::template::file_name(plan, d)), bytes).unwrap();
    }
}

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
    full_returns(&plan, &returns);
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

#[test]
fn kills_before_during_and_after_the_department_files_leave_the_previous_result() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = plan_with(dir.path(), DEPARTMENT_SHEET_LIMIT);
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let returns = dir.path().join("回收");
    full_returns(&plan, &returns);
    let out = dir.path().join("汇总");
    let started = std::time::Instant::now();
    stdout_of(collect_cmd(&plan_path, &out).arg(&returns));
    let whole = started.elapsed();
    // The previous result is a run without the last ten returns.
    let fewer = dir.path().join("少十份");
    std::fs::create_dir_all(&fewer).unwrap();
    for d in plan.departments.iter().take(plan.departments.len() - 10) {
        let name = jixiao::template::file_name(&plan, d);
        std::fs::copy(returns.join(&name), fewer.join(&name)).unwrap();
    }
    let started = std::time::Instant::now();
    stdout_of(collect_cmd(&plan_path, &out).arg(&fewer));
    // The quicker of two runs: kills spread over it land while a run is still going even when
    // the machine was busier during one of them.
    let whole = whole.min(started.elapsed());
    let previous = snapshot(&out);
    let n = plan.departments.len();

    let (mut before, mut during, mut after, mut mixed) = (0, 0, 0, 0);
    for k in 1..=10u32 {
        let mut child = spawn_collect(&plan_path, &out, &returns, false);
        // Spread over the first two thirds of a run: under load a run may take much less
        // than the quicker of the two timed ones, and a kill after the end lands nowhere.
        std::thread::sleep(whole * k / 16);
        let staged = dir
            .path()
            .join(format!(".汇总.jixiao-new-{}", child.id()))
            .join(DEPARTMENT_DIR);
        let done = std::fs::read_dir(&staged).map(|d| d.count()).unwrap_or(0);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let _ = child.wait();
        if finished {
            continue;
        }
        match done {
            0 => before += 1,
            d if d < n => during += 1,
            _ => after += 1,
        }
        if out.exists() && snapshot(&out) != previous {
            mixed += 1;
        }
    }
    eprintln!(
        "kills: {before} before, {during} during, {after} after the department files; {mixed} mixed folders"
    );
    assert_eq!(mixed, 0);
    assert!(before + during + after >= 4, "too few kills landed");
    // Where the kills land depends on this machine's load; the moments are printed above.
}
