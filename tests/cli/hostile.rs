//! Whatever lands in the inbox, `collect` finishes, writes its outputs, names every file in
//! a finding and leaves the inputs as they were.

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
            0xB2, 0xBF, 0xC3, 0xC5, b',', 0xB5, 0xC3, 0xB7, 0xD6, b'\n', b'1', b',', b'2', b'\n',
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
    // Issue 33: an archive three levels deep whose innermost entry lies about its size, and
    // one whose entries are locked or packed with a method not read.
    let bomb = super::lying::lying(
        super::lying::deflated(&[("x.xlsx", &vec![0u8; 4 << 20])]),
        1000,
    );
    let one = super::lying::deflated(&[("一.zip", &bomb)]);
    w(
        "lying-nested.zip",
        &super::lying::deflated(&[("二.zip", &one)]),
    );
    w(
        "locked.zip",
        &super::mail::raw_zip_with(&[
            (b"a.xlsx".to_vec(), b"x", 1, 0),
            (b"b.xlsx".to_vec(), b"x", 0, 12),
        ]),
    );
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
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
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
        "lying-nested.zip/二.zip/一.zip/x.xlsx",
        "locked.zip/a.xlsx",
        "locked.zip/b.xlsx",
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
    // Stopped at the lie while inflating, not read in full (issue 33).
    assert_eq!(code_of("bomb-lying.xlsx"), ["F14"]);
    assert_eq!(code_of("lying-nested.zip/二.zip/一.zip/x.xlsx"), ["F14"]);
    assert_eq!(code_of("locked.zip/a.xlsx"), ["F06"]);
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
