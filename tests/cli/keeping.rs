//! Issue 32: nothing a person wrote is lost. Files an officer edited in the output (a report
//! draft, a letter) survive every later run; an output folder that holds other people's
//! files, the returns or the templates deletes nothing; every filled 复核表 is applied and a
//! refused row comes back with its value; folder loops are read once.

use super::*;

/// The demo's year folder in `dir/y`.
fn year(dir: &Path) -> std::path::PathBuf {
    let y = dir.join("y");
    demo_in(&y);
    y
}

/// `jixiao collect` in the year folder `y`, with further arguments.
fn collect_in(y: &Path, extra: &[&str]) -> std::process::Output {
    jixiao()
        .env("SOURCE_DATE_EPOCH", "1652400000")
        .current_dir(y)
        .arg("collect")
        .args(extra)
        .output()
        .unwrap()
}

/// Rewrites a .docx as Word would after an officer typed into its first 【请补充…】.
fn fill_in_draft(path: &Path, words: &str) {
    use std::io::{Read, Write};
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut parts = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        parts.push((f.name().to_string(), bytes));
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let bytes = if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let start = xml.find("【请补充").expect("the draft asks for nothing");
            let end = start + xml[start..].find('】').unwrap() + '】'.len_utf8();
            format!("{}{words}{}", &xml[..start], &xml[end..]).into_bytes()
        } else {
            bytes
        };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

const DRAFT: &str = "汇总/报告/2021年度市应急管理局部门整体支出绩效自评价报告（初稿）.docx";
const EDITED_DRAFT: &str =
    "汇总/报告/已编辑/2021年度市应急管理局部门整体支出绩效自评价报告（初稿）.docx";
const LETTER: &str = "汇总/审核意见/002_市教育局.txt";
const EDITED_LETTER: &str = "汇总/审核意见/已编辑/002_市教育局.txt";

#[test]
fn an_edited_draft_and_letter_survive_collect_a_killed_run_and_collect_report() {
    let dir = tempfile::tempdir().unwrap();
    let y = year(dir.path());
    fill_in_draft(&y.join(DRAFT), "本局已按整改要求完成全部整改。");
    let draft = std::fs::read(y.join(DRAFT)).unwrap();
    let mut letter = std::fs::read(y.join(LETTER)).unwrap();
    letter.extend_from_slice("\r\n已电话通知王科长，5 月 30 日前重报。\r\n".as_bytes());
    std::fs::write(y.join(LETTER), &letter).unwrap();

    // collect without --report: 报告/ stays as it is; the letter is rewritten, the edited
    // one kept beside it and named.
    let out = collect_in(&y, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(std::fs::read(y.join(DRAFT)).unwrap(), draft);
    assert_eq!(std::fs::read(y.join(EDITED_LETTER)).unwrap(), letter);
    assert_ne!(std::fs::read(y.join(LETTER)).unwrap(), letter);
    assert!(
        text(&out).contains(
            "审核意见/002_市教育局.txt 上次运行后被修改过，已保留为 审核意见/已编辑/002_市教育局.txt"
        ),
        "{}",
        text(&out)
    );
    let before = snapshot(&y.join("汇总"));

    // A run with --report killed after writing everything, before replacing the output:
    // nothing changes.
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"));
    cmd.current_dir(&y)
        .args(["collect", "--report"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut run = Held::start(cmd, "written");
    assert!(run.reached(), "the run ended before writing");
    run.child.kill().unwrap();
    let _ = run.child.wait();
    assert_eq!(snapshot(&y.join("汇总")), before);

    // collect --report: a new draft, the edited one kept in 报告/已编辑/ and named.
    let out = collect_in(&y, &["--report"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(std::fs::read(y.join(EDITED_DRAFT)).unwrap(), draft);
    assert_ne!(std::fs::read(y.join(DRAFT)).unwrap(), draft);
    assert!(
        text(&out).contains("上次运行后被修改过，已保留为 报告/已编辑/2021年度市应急管理局"),
        "{}",
        text(&out)
    );
    // Kept files stay kept, run after run; the unedited ones are simply rewritten.
    let out = collect_in(&y, &["--report"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("已保留"), "{}", text(&out));
    assert_eq!(std::fs::read(y.join(EDITED_DRAFT)).unwrap(), draft);
    assert_eq!(std::fs::read(y.join(EDITED_LETTER)).unwrap(), letter);
}

#[test]
fn outputs_onto_the_year_folder_the_templates_or_the_returns_delete_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let y = year(dir.path());
    std::fs::write(y.join("notes.tmp.txt"), "处长的备注").unwrap();
    std::fs::copy(
        y.join("汇总/2021年度部门整体绩效评价汇总.xlsx"),
        y.join("备份_部门整体绩效自评表.xlsx"),
    )
    .unwrap();
    let everything = snapshot(&y);
    let refused = |out: std::process::Output, says: &[&str]| {
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        for s in says {
            assert!(text(&out).contains(s), "{s}: {}", text(&out));
        }
        assert_eq!(snapshot(&y), everything);
    };
    // collect -o the year folder (the current folder here): it cannot be swapped.
    refused(
        collect_in(&y, &["-o", "."]),
        &[
            "不能把 . 作为输出目录（这是当前目录）",
            "请指定一个新的子目录",
        ],
    );
    // collect -o 模板: the templates' folder.
    refused(collect_in(&y, &["-o", "模板"]), &["模板"]);
    // issue -o 回收: the returns.
    refused(
        jixiao()
            .current_dir(&y)
            .args(["issue", "-o", "回收"])
            .output()
            .unwrap(),
        &["回收", "请指定另一个输出目录"],
    );
    // A folder of someone's own files, no manifest: written into, nothing removed, twice.
    let mine = dir.path().join("我的目录");
    std::fs::create_dir_all(mine.join("审核意见")).unwrap();
    std::fs::write(mine.join("审核意见/草稿.tmp"), "草稿").unwrap();
    std::fs::write(mine.join("summary.json"), "{}").unwrap();
    for _ in 0..2 {
        let out = collect_in(&y, &["-o", mine.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out));
    }
    assert_eq!(
        std::fs::read_to_string(mine.join("审核意见/草稿.tmp")).unwrap(),
        "草稿"
    );
    assert!(mine.join("2021年度部门整体绩效评价汇总.xlsx").is_file());
    assert_eq!(snapshot(&y), everything);
    // An -o that is a link to a folder writes into the folder it names.
    #[cfg(unix)]
    {
        let link = dir.path().join("链接");
        std::os::unix::fs::symlink(&mine, &link).unwrap();
        let out = collect_in(&y, &["-o", link.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out));
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(mine.join("审核意见/草稿.tmp")).unwrap(),
            "草稿"
        );
    }
}

/// Fills the 复核 columns of row (department, indicator) of a 复核表 through
/// umya-spreadsheet, as another program would: score, opinion, reviewer.
fn review_row(book: &mut umya_spreadsheet::Workbook, row: (&str, &str), entered: [&str; 3]) {
    let ws = book.sheet_by_name_mut("复核表").unwrap();
    let header: Vec<String> = (1..=ws.highest_column())
        .map(|c| ws.value((c, 2)))
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap() as u32 + 1;
    let r = (3..=ws.highest_row())
        .find(|&r| {
            ws.value((col("部门编码"), r)) == row.0 && ws.value((col("指标编码"), r)) == row.1
        })
        .unwrap();
    for (name, v) in ["复核得分", "复核意见", "复核人"].iter().zip(entered) {
        ws.cell_mut((col(name), r)).set_value(v);
    }
}

/// The rows of the 复核表 at `path` under its header, by column name.
fn review_rows(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let rows = sheet_rows(path, "复核表");
    let h = rows[1].clone();
    rows[2..]
        .iter()
        .map(|r| h.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

#[test]
fn two_filled_review_files_are_both_applied_and_a_refused_row_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let y = year(dir.path());
    let book = y.join("汇总/复核表.xlsx");
    let results = y.join("汇总/2021年度部门整体绩效评价汇总.xlsx");
    // Reviewer A fills the one in the output; reviewer B a copy in 复核/.
    let mut a = umya_spreadsheet::reader::xlsx::read(&book).unwrap();
    review_row(
        &mut a,
        ("001", "GX10"),
        ["0.5", "A：调整预算口径不符", "甲"],
    );
    let mut b = umya_spreadsheet::reader::xlsx::read(&book).unwrap();
    review_row(&mut b, ("004", "JT08"), ["3", "B：事故 1 次属实", "乙"]);
    umya_spreadsheet::writer::xlsx::write(&a, &book).unwrap();
    std::fs::create_dir_all(y.join("复核")).unwrap();
    umya_spreadsheet::writer::xlsx::write(&b, y.join("复核/乙.xlsx")).unwrap();
    let filled_a = std::fs::read(&book).unwrap();

    let out = collect_in(&y, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let log = sheet_rows(&results, "复核记录").concat().join("|");
    assert!(
        log.contains("A：调整预算口径不符") && log.contains("B：事故 1 次属实"),
        "{log}"
    );
    let json = summary(&y.join("汇总"));
    assert_eq!(util::dept(&json, "001")["total"], "94.80");
    // A's file lay in the output: kept byte for byte in 已用复核表/.
    let kept: Vec<Vec<u8>> = std::fs::read_dir(y.join("汇总/已用复核表"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert!(kept.contains(&filled_a));

    // Reviewer C changes 001's score in the new 复核表 and forgets the opinion: refused.
    let mut c = umya_spreadsheet::reader::xlsx::read(&book).unwrap();
    review_row(&mut c, ("001", "GX10"), ["0.8", "", "丙"]);
    umya_spreadsheet::writer::xlsx::write(&c, &book).unwrap();
    let out = collect_in(&y, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("复核未采用"), "{}", text(&out));
    // 复核记录 lists the refused row with the value entered.
    let log = sheet_rows(&results, "复核记录");
    let refused = log
        .iter()
        .find(|r| r.iter().any(|c| c == "0.8") && r.iter().any(|c| c == "GX10"))
        .unwrap_or_else(|| panic!("{log:?}"));
    assert!(refused.iter().any(|c| c.contains("丙")), "{refused:?}");
    // The next 复核表 holds it again, with the reason, for C to correct.
    let next = review_rows(&book);
    let row = next
        .iter()
        .find(|r| r["部门编码"] == "001" && r["指标编码"] == "GX10")
        .unwrap();
    assert_eq!(row["复核得分"], "0.8");
    assert!(row["复核状态"].contains("未采用"), "{row:?}");
}

#[cfg(unix)]
#[test]
fn folder_loops_and_linked_files_are_read_once_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let y = year(dir.path());
    let returns = y.join("回收");
    std::os::unix::fs::symlink("..", returns.join("上级")).unwrap();
    std::os::unix::fs::symlink(".", returns.join("本级")).unwrap();
    std::os::unix::fs::symlink(".", returns.join("本级2")).unwrap();
    std::os::unix::fs::symlink(
        returns.join("2021_001_市应急管理局_部门整体绩效自评表.xlsx"),
        returns.join("应急局链接.xlsx"),
    )
    .unwrap();
    let plain = tempfile::tempdir().unwrap();
    let out_plain = plain.path().join("汇总");
    stdout_of(
        collect_cmd(y.join("评价方案.xlsx"), &out_plain)
            .env("SOURCE_DATE_EPOCH", "1652400000")
            .arg(y.join("回收")),
    );
    let out = collect_in(&y, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let json = summary(&y.join("汇总"));
    let skipped: Vec<String> = json["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["findings"][0]["code"] == "F16")
        .map(|u| u["file"].as_str().unwrap().to_string())
        .collect();
    assert!(skipped.contains(&"本级".to_string()), "{skipped:?}");
    assert!(
        skipped.contains(&"应急局链接.xlsx".to_string()),
        "{skipped:?}"
    );
    // Nothing was read twice: no false 已被替代, and the same results as without the links.
    assert_eq!(json["superseded"], summary(&out_plain)["superseded"]);
    for code in ["001", "002", "003", "004", "005", "006"] {
        assert_eq!(
            util::dept(&json, code)["total"],
            util::dept(&summary(&out_plain), code)["total"]
        );
    }
}

#[test]
fn a_summary_json_beside_a_return_hides_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let y = year(dir.path());
    // A department sends its return with a summary.json that looks like jixiao's.
    std::fs::write(
        y.join("回收/summary.json"),
        r#"{"generated_by": "jixiao 0.1.0", "year": 2021}"#,
    )
    .unwrap();
    let out = collect_in(&y, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let json = summary(&y.join("汇总"));
    assert_eq!(util::dept(&json, "001")["total"], "95.30");
    assert!(!text(&out).contains("汇总结果目录"), "{}", text(&out));
}
