//! 复核 and 抽查 end to end: the 复核表 `collect` writes, filled by another program
//! (umya-spreadsheet), read back by the next `collect`; decisions applied or refused with
//! their cells; nothing lost between runs.

use super::*;

/// A demo year folder: 评价方案.xlsx, 回收/, 汇总/ (with its 复核表.xlsx).
fn year() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    dir
}

/// `collect` in the year folder, extra arguments after.
fn collect_in(dir: &Path, extra: &[&str]) -> String {
    let mut cmd = jixiao();
    cmd.env("SOURCE_DATE_EPOCH", "1652400000")
        .arg("collect")
        .arg("--plan")
        .arg(dir.join("评价方案.xlsx"));
    for a in extra {
        cmd.arg(a);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout)
}

/// A decision to type: (部门编码, 指标编码, 复核得分, 复核意见).
type Decision<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Copies `from` to `to`, typing the decisions into the rows of their indicators (a row is
/// added at the end when the indicator has none, as a reviewer would type one in).
fn fill_review(from: &Path, to: &Path, decisions: &[Decision]) {
    let mut book = umya_spreadsheet::reader::xlsx::read(from).unwrap();
    let ws = book.sheet_by_name_mut("复核表").unwrap();
    for (dept, ind, score, opinion) in decisions {
        let found = (3..=ws.highest_row()).find(|r| {
            ws.cell((1, *r)).map(|c| c.value().to_string()) == Some(dept.to_string())
                && ws.cell((3, *r)).map(|c| c.value().to_string()) == Some(ind.to_string())
        });
        let r = found.unwrap_or_else(|| {
            let r = ws.highest_row() + 1;
            ws.cell_mut((1, r)).set_value_string(*dept);
            ws.cell_mut((3, r)).set_value_string(*ind);
            r
        });
        match score.parse::<f64>() {
            Ok(n) => ws.cell_mut((12, r)).set_value_number(n),
            Err(_) => ws.cell_mut((12, r)).set_value_string(*score),
        };
        ws.cell_mut((13, r)).set_value_string(*opinion);
        ws.cell_mut((14, r)).set_value_string("王审核");
        ws.cell_mut((15, r)).set_value_string("2022-06-15");
    }
    umya_spreadsheet::writer::xlsx::write(&book, to).unwrap();
}

/// The 复核表 the demo's collect wrote, filled as 复核表_已填.xlsx with two decisions: 004's
/// JT08 raised to 5, 001's GX10 lowered to 0.5.
fn fill_first_review(year: &Path) -> std::path::PathBuf {
    let filled = year.join("复核表_已填.xlsx");
    fill_review(
        &year.join("汇总/复核表.xlsx"),
        &filled,
        &[
            ("004", "JT08", "5", "经核实为非责任事故，佐证充分"),
            ("001", "GX10", "0.5", "指标填报与预算执行表不一致"),
        ],
    );
    filled
}

fn rank_and_total(json: &serde_json::Value, code: &str) -> (u64, String) {
    let d = util::dept(json, code);
    (
        d["rank"].as_u64().unwrap_or(0),
        d["total"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn reviews_raise_and_lower_scores_and_move_ranks() {
    let dir = year();
    let d = dir.path();
    let before = summary(&d.join("汇总"));
    assert_eq!(
        rank_and_total(&before, "004"),
        rank_and_total(&before, "005")
    );
    let filled = fill_first_review(d);
    let out = d.join("复核后");
    let log = collect_in(
        d,
        &[
            "--review",
            filled.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(log.contains("采用复核表"), "{log}");
    let json = summary(&out);
    assert_eq!(rank_and_total(&json, "004"), (1, "99.00".into()));
    assert_eq!(util::dept(&json, "004")["computed_total"], "97.00");
    assert_eq!(rank_and_total(&json, "001").1, "94.80");
    let reviews = util::dept(&json, "004")["reviews"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(reviews[0]["change"], "2.00");
    assert!(reviews[0]["cell"].as_str().unwrap().contains("复核表!L"));
    // 005 no longer ties with 004.
    assert!(rank_and_total(&json, "005").0 > 1);
    // The workbook: 复核记录 and the ranking's 复核调整.
    let book = out.join("2021年度部门整体绩效评价汇总.xlsx");
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&book).unwrap();
    let record = wb.worksheet_range("复核记录").unwrap();
    let text: Vec<String> = record
        .rows()
        .map(|r| {
            r.iter()
                .map(jixiao::sheet::cell_text)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        text.iter().any(|l| l.starts_with("004|市交通运输局|JT08|")
            && l.contains("|3|5|5|2|经核实为非责任事故")),
        "{text:#?}"
    );
    let ranking = wb.worksheet_range("汇总排名").unwrap();
    let header: Vec<String> = ranking
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(jixiao::sheet::cell_text)
        .collect();
    assert_eq!(header.last().unwrap(), "复核调整");
    // The letter names the change and the reason.
    let letter = std::fs::read_to_string(out.join("审核意见/004_市交通运输局.txt")).unwrap();
    assert!(
        letter.contains("总分由 97.00 分调整为 99.00 分"),
        "{letter}"
    );
    assert!(letter.contains("经核实为非责任事故"), "{letter}");
    // The review file was only read.
    assert!(filled.exists());
}

#[test]
fn rows_that_cannot_be_decisions_are_refused_with_their_cells() {
    let dir = year();
    let d = dir.path();
    let filled = d.join("填.xlsx");
    fill_review(
        &d.join("汇总/复核表.xlsx"),
        &filled,
        &[
            ("004", "JT08", "6", "超过权重"),
            ("001", "GX10", "0.5", ""),
            ("001", "ZZ99", "1", "未知指标"),
        ],
    );
    let out = d.join("o");
    let log = collect_in(
        d,
        &[
            "--review",
            filled.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let json = summary(&out);
    let refused: Vec<String> = json["refused_reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            format!(
                "{} {}",
                x["cell"].as_str().unwrap(),
                x["reason"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(refused.len(), 3, "{refused:#?}");
    let file = filled.display().to_string();
    assert!(
        refused
            .iter()
            .any(|r| r.starts_with(&format!("{file}!复核表!L")) && r.contains("超出 0～5 分")),
        "{refused:#?}"
    );
    assert!(
        refused
            .iter()
            .any(|r| r.starts_with(&format!("{file}!复核表!M")) && r.contains("未填写复核意见")),
        "{refused:#?}"
    );
    assert!(
        refused
            .iter()
            .any(|r| r.starts_with(&format!("{file}!复核表!C")) && r.contains("ZZ99")),
        "{refused:#?}"
    );
    assert!(log.contains("复核未采用"), "{log}");
    // Nothing applied: the totals stand.
    assert_eq!(util::dept(&json, "004")["total"], "97.00");
    assert!(util::dept(&json, "004")["reviews"].is_null());
}

#[test]
fn nothing_is_lost_between_runs() {
    let dir = year();
    let d = dir.path();
    // Review in the year folder's 复核/: the next run finds it without --review.
    std::fs::create_dir_all(d.join("复核")).unwrap();
    fill_review(
        &d.join("汇总/复核表.xlsx"),
        &d.join("复核/第一轮.xlsx"),
        &[
            ("004", "JT08", "5", "非责任事故"),
            ("001", "GX10", "0.5", "不一致"),
        ],
    );
    let log = collect_in(d, &[]);
    assert!(
        log.contains("采用复核表") && log.contains("第一轮.xlsx"),
        "{log}"
    );
    assert_eq!(
        util::dept(&summary(&d.join("汇总")), "004")["total"],
        "99.00"
    );
    // The new 复核表 holds both decisions, prefilled and marked 已复核.
    let rows = sheet_rows(&d.join("汇总/复核表.xlsx"), "复核表");
    let row = |dept: &str, ind: &str| {
        rows.iter()
            .find(|r| r[0] == dept && r[2] == ind)
            .cloned()
            .unwrap_or_else(|| panic!("{dept} {ind} in {rows:#?}"))
    };
    assert_eq!(row("004", "JT08")[10], "已复核");
    assert_eq!(row("004", "JT08")[11], "5");
    assert_eq!(row("004", "JT08")[12], "非责任事故");

    // A second round edits the prefilled 复核表 in 汇总/ itself; it is newer, so it is used,
    // and kept in the new output since the run replaces 汇总/.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = d.join("汇总/复核表.xlsx");
    let tmp = d.join("第二轮.xlsx");
    fill_review(&second, &tmp, &[("001", "GX10", "0.8", "补充材料后调整")]);
    std::fs::copy(&tmp, &second).unwrap();
    let log = collect_in(d, &[]);
    assert!(
        log.contains("汇总/复核表.xlsx") || log.contains("汇总\\复核表.xlsx"),
        "{log}"
    );
    let json = summary(&d.join("汇总"));
    assert_eq!(
        util::dept(&json, "004")["total"],
        "99.00",
        "the first round stays"
    );
    assert_eq!(util::dept(&json, "001")["total"], "95.10");
    let kept: Vec<_> = std::fs::read_dir(d.join("汇总/已用复核表"))
        .unwrap()
        .collect();
    assert_eq!(kept.len(), 1);

    // 004 resubmits with a changed value: its review is not applied and comes back.
    let returns = d.join("回收");
    let file = std::fs::read_dir(&returns)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("004") && p.extension().is_some_and(|x| x == "xlsx"))
        .unwrap();
    let mut book = umya_spreadsheet::reader::xlsx::read(&file).unwrap();
    let ws = book.sheet_by_name_mut("绩效指标").unwrap();
    let r = jixiao::demo::fill::find_row(ws, "A", "JT08").unwrap();
    ws.cell_mut(format!("H{r}").as_str()).set_value_number(0);
    umya_spreadsheet::writer::xlsx::write(&book, &file).unwrap();
    let log = collect_in(d, &[]);
    assert!(log.contains("重新报送"), "{log}");
    let json = summary(&d.join("汇总"));
    assert_eq!(
        util::dept(&json, "004")["total"],
        "99.00",
        "0 次 now scores 5 by the rules"
    );
    assert!(util::dept(&json, "004")["reviews"].is_null());
    let rows = sheet_rows(&d.join("汇总/复核表.xlsx"), "复核表");
    let again = rows
        .iter()
        .find(|r| r[0] == "004" && r[2] == "JT08")
        .expect("the changed return's review comes back");
    assert!(
        again[10].starts_with("需重新复核（原复核得分 5.00：非责任事故）"),
        "{again:?}"
    );
    assert_eq!(again[11], "");
    // 001's review still stands.
    assert_eq!(util::dept(&json, "001")["total"], "95.10");
}

#[test]
fn two_review_files_the_later_wins() {
    let dir = year();
    let d = dir.path();
    let (a, b) = (d.join("a.xlsx"), d.join("b.xlsx"));
    let blank = d.join("汇总/复核表.xlsx");
    fill_review(&blank, &a, &[("001", "GX10", "0.5", "第一位复核人")]);
    fill_review(&blank, &b, &[("001", "GX10", "0.8", "第二位复核人")]);
    let out = d.join("o");
    collect_in(
        d,
        &[
            "--review",
            a.to_str().unwrap(),
            "--review",
            b.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let json = summary(&out);
    assert_eq!(util::dept(&json, "001")["total"], "95.10");
    assert_eq!(json["review_files"].as_array().unwrap().len(), 2);
}

/// 复核 decisions and a 抽查 draw applied to results spilled to a temporary file give the same
/// outputs, 复核表 and reports included, as results held in memory.
#[test]
fn reviews_of_spilled_results_write_the_same_bytes() {
    let dir = year();
    let d = dir.path();
    let filled = fill_first_review(d);
    let args = [
        d.join("回收").into_os_string(),
        "--review".into(),
        filled.into_os_string(),
        "--sample".into(),
        "2".into(),
        "--seed".into(),
        "2024".into(),
        "--report".into(),
    ];
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = d.join("对照");
    let written = spilled_run_writes_the_same(&d.join("评价方案.xlsx"), &out, &args);
    assert!(written >= 20, "{written}");
    let json = summary(&out.join("spilled"));
    assert_eq!(util::dept(&json, "004")["total"], "99.00");
}

#[test]
fn the_same_seed_draws_the_same_departments_and_the_draw_is_kept() {
    let dir = year();
    let d = dir.path();
    let draw = |out: &str| {
        let o = d.join(out);
        let log = collect_in(
            d,
            &["--sample", "2", "--seed", "2024", "-o", o.to_str().unwrap()],
        );
        assert!(log.contains("抽查：种子 2024"), "{log}");
        summary(&o)["sample"].clone()
    };
    let first = draw("一");
    assert_eq!(first, draw("二"));
    let drawn: Vec<String> = first["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect();
    assert_eq!(drawn.len(), 2);
    // Every indicator of a drawn department is in the 复核表, marked 抽查.
    let rows = sheet_rows(&d.join("一/复核表.xlsx"), "复核表");
    let n = rows
        .iter()
        .filter(|r| r[0] == drawn[0] && r[9].contains("抽查"))
        .count();
    assert!(n > 20, "{n}");
    // In the year folder, a later run without --sample keeps the draw its 复核表 holds.
    std::fs::copy(d.join("一/复核表.xlsx"), d.join("汇总/复核表.xlsx")).unwrap();
    collect_in(d, &[]);
    assert_eq!(summary(&d.join("汇总"))["sample"], first);
}

/// With no temporary folder to spill to, the run says so once and writes the same outputs
/// from results held in memory.
#[test]
fn without_a_temporary_folder_results_stay_in_memory_and_the_run_says_so() {
    let dir = year();
    let d = dir.path();
    let run = |out: &str, tmp: Option<&Path>| {
        let mut cmd = jixiao();
        cmd.env("SOURCE_DATE_EPOCH", "1652400000")
            .env("JIXIAO_SPILL_FROM", "0")
            .arg("collect")
            .arg("--plan")
            .arg(d.join("评价方案.xlsx"))
            .arg("-o")
            .arg(d.join(out))
            .arg(d.join("回收"));
        if let Some(t) = tmp {
            cmd.env("TMPDIR", t).env("TMP", t).env("TEMP", t);
        }
        let done = cmd.output().unwrap();
        assert!(matches!(done.status.code(), Some(0 | 3)), "{}", text(&done));
        String::from_utf8_lossy(&done.stderr).into_owned()
    };
    let log = run("无临时目录", Some(&d.join("没有这个目录")));
    assert!(
        log.contains("个部门的指标结果未能暂存（文件或目录不存在），已保留在内存中；结果不受影响"),
        "{log}"
    );
    let normal = run("正常", None);
    assert!(!normal.contains("未能暂存"), "{normal}");
    assert_eq!(snapshot(&d.join("无临时目录")), snapshot(&d.join("正常")));
}

/// `collect --review FILE -o out` in the year folder: (exit code, what it said).
fn collect_review(d: &Path, filled: &Path, out: &Path) -> (Option<i32>, String) {
    let o = jixiao()
        .env("SOURCE_DATE_EPOCH", "1652400000")
        .arg("collect")
        .arg("--plan")
        .arg(d.join("评价方案.xlsx"))
        .arg("--review")
        .arg(filled)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    (o.status.code(), text(&o))
}

fn refused_reasons(out: &Path) -> Vec<String> {
    summary(out)["refused_reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            format!(
                "{} {}",
                x["cell"].as_str().unwrap(),
                x["reason"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_review_file_that_was_edited_is_refused_or_named_at_its_cell() {
    let dir = year();
    let d = dir.path();
    // The same indicator twice with different scores: neither wins.
    let twice = d.join("两次.xlsx");
    fill_review(
        &d.join("汇总/复核表.xlsx"),
        &twice,
        &[("004", "JT08", "5", "经核实为非责任事故")],
    );
    let mut book = umya_spreadsheet::reader::xlsx::read(&twice).unwrap();
    let ws = book.sheet_by_name_mut("复核表").unwrap();
    let r = ws.highest_row() + 1;
    ws.cell_mut((1, r)).set_value_string("004");
    ws.cell_mut((3, r)).set_value_string("JT08");
    ws.cell_mut((12, r)).set_value_number(1);
    ws.cell_mut((13, r)).set_value_string("另一位复核人的意见");
    umya_spreadsheet::writer::xlsx::write(&book, &twice).unwrap();
    let out = d.join("o1");
    let (code, said) = collect_review(d, &twice, &out);
    assert_eq!(code, Some(0), "{said}");
    let refused = refused_reasons(&out);
    assert_eq!(refused.len(), 2, "{refused:#?}");
    assert!(
        refused.iter().all(|r| r.contains("两处都未采用")),
        "{refused:#?}"
    );
    assert_eq!(util::dept(&summary(&out), "004")["total"], "97.00");

    // A formula in 复核得分 whose stored result was never calculated (saved as 0).
    let formula = d.join("公式.xlsx");
    fill_review(
        &d.join("汇总/复核表.xlsx"),
        &formula,
        &[("001", "GX10", "0.5", "核减")],
    );
    let mut book = umya_spreadsheet::reader::xlsx::read(&formula).unwrap();
    let ws = book.sheet_by_name_mut("复核表").unwrap();
    let r = (3..=ws.highest_row())
        .find(|r| ws.value((3, *r)) == "GX10" && ws.value((1, *r)) == "001")
        .unwrap();
    ws.cell_mut((12, r))
        .set_formula("1/2")
        .set_formula_result_default("0");
    umya_spreadsheet::writer::xlsx::write(&book, &formula).unwrap();
    let out = d.join("o2");
    let (code, said) = collect_review(d, &formula, &out);
    assert_eq!(code, Some(0), "{said}");
    let refused = refused_reasons(&out);
    assert!(
        refused
            .iter()
            .any(|x| x.contains("!复核表!L") && x.contains("复核得分是公式")),
        "{refused:#?}"
    );
    assert_eq!(util::dept(&summary(&out), "001")["total"], "95.30");

    // The plan changed after the 复核表 was written: every row refused, kept for the next.
    let changed = d.join("方案改后.xlsx");
    fill_review(
        &d.join("汇总/复核表.xlsx"),
        &changed,
        &[("004", "JT08", "5", "经核实")],
    );
    let plan_copy = d.join("评价方案-改.xlsx");
    let mut plan = umya_spreadsheet::reader::xlsx::read(d.join("评价方案.xlsx")).unwrap();
    let ws = plan.sheet_by_name_mut("部门").unwrap();
    let (cols, rows) = ws.highest_column_and_row();
    let at = (1..=cols)
        .flat_map(|c| (1..=rows).map(move |r| (c, r)))
        .find(|&(c, r)| ws.value((c, r)) == "市交通运输局")
        .unwrap();
    ws.cell_mut(at).set_value_string("市交通运输局（改）");
    umya_spreadsheet::writer::xlsx::write(&plan, &plan_copy).unwrap();
    std::fs::copy(&plan_copy, d.join("评价方案.xlsx")).unwrap();
    let out = d.join("o3");
    let (code, said) = collect_review(d, &changed, &out);
    assert_eq!(code, Some(0), "{said}");
    let refused = refused_reasons(&out);
    assert!(
        refused.iter().any(|x| x.contains("评价方案已修改")),
        "{refused:#?}"
    );

    // A renamed header: a clear stop, never 「0 项复核」.
    let renamed = d.join("改表头.xlsx");
    let mut book = umya_spreadsheet::reader::xlsx::read(&changed).unwrap();
    let ws = book.sheet_by_name_mut("复核表").unwrap();
    let header = (1..=5).find(|r| ws.value((1, *r)) == "部门编码").unwrap();
    ws.cell_mut((1, header)).set_value_string("单位编码");
    umya_spreadsheet::writer::xlsx::write(&book, &renamed).unwrap();
    let (code, said) = collect_review(d, &renamed, &d.join("o4"));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("表头缺少「部门编码」"), "{said}");

    // A damaged file: Chinese, not calamine's words.
    let damaged = d.join("损坏.xlsx");
    let bytes = std::fs::read(&changed).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    let (code, said) = collect_review(d, &damaged, &d.join("o5"));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("文件不完整或已损坏"), "{said}");
    assert!(
        !said.contains("Zip") && !said.contains("Xml error"),
        "{said}"
    );
    // A sound archive whose sheets' XML is broken.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let mut part = z.by_index(i).unwrap();
        let name = part.name().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            data.truncate(data.len() / 2);
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, &data).unwrap();
    }
    std::fs::write(&damaged, w.finish().unwrap().into_inner()).unwrap();
    let (code, said) = collect_review(d, &damaged, &d.join("o6"));
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("已损坏"), "{said}");
    assert!(
        !said.contains("Xml error") && !said.contains("syntax"),
        "{said}"
    );
}
