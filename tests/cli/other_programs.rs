//! Issue 23: files that other programs wrote (Gnumeric, WPS, Excel's binary format, odd
//! packages) read, or are named precisely, in Chinese.

use super::*;
use std::io::Write;

const FIXTURES: &str = "tests/fixtures/other-programs";

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURES)
        .join(name)
}

fn check_one(e: &IssuedEnv, path: &Path) -> String {
    let out = jixiao()
        .arg("check")
        .arg("--plan")
        .arg(&e.plan_path)
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A zip rebuilt with each entry's name passed through `rename` and `extra` entries added.
fn rezip(bytes: &[u8], rename: impl Fn(&str) -> String, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.start_file(rename(f.name()), opts).unwrap();
        out.write_all(&data).unwrap();
    }
    for (name, data) in extra {
        out.start_file(*name, opts).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn gnumeric_saves_score_as_the_original() {
    let e = issued_env();
    // calamine alone refuses Gnumeric's content.xml: the reason the reader tightens it.
    let raw = calamine::open_workbook_auto(fixture("gnumeric-ref.ods"))
        .and_then(|mut wb| wb.worksheet_range("绩效指标").map(|_| ()));
    assert!(raw.is_err(), "calamine now reads Gnumeric's ODS itself");
    for name in [
        "reference-source.xlsx",
        "gnumeric-ref.ods",
        "gnumeric-ref.xlsx",
        "gnumeric-ref.xls",
    ] {
        let out = check_one(&e, &fixture(name));
        assert!(out.contains("总分 95.30，等级 优"), "{name}:\n{out}");
        assert!(!out.contains("F06"), "{name}:\n{out}");
    }
}

#[test]
fn a_picture_in_a_cell_reads_as_a_picture_never_as_formula_text() {
    let e = issued_env();
    let dir = e.dir.path();
    // WPS's 嵌入单元格图片: the cell holds =DISPIMG("ID_…",1), the picture sits in
    // xl/cellimages.xml. Here in 实际完成值 of a yes/no indicator and in 偏差原因.
    let mut book = umya_spreadsheet::reader::xlsx::read(fixture("reference-source.xlsx")).unwrap();
    let ws = book.sheet_by_name_mut("绩效指标").unwrap();
    let r = jixiao::demo::fill::find_row(ws, "A", "GX01").unwrap();
    ws.cell_mut(format!("H{r}").as_str())
        .set_value_string("=DISPIMG(\"ID_0B1C2D3E4F\",1)");
    let below = jixiao::demo::fill::find_row(ws, "A", "YJ05").unwrap();
    ws.cell_mut(format!("J{below}").as_str())
        .set_value_string("=DISPIMG(\"ID_5A6B7C8D9E\",1)");
    let p = dir.join("plain.xlsx");
    umya_spreadsheet::writer::xlsx::write(&book, &p).unwrap();
    let cellimages = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_0B1C2D3E4F"/></xdr:nvPicPr></xdr:pic></etc:cellImage></etc:cellImages>"#;
    let wps = rezip(
        &std::fs::read(&p).unwrap(),
        |n| n.to_string(),
        &[("xl/cellimages.xml", cellimages)],
    );
    let path = dir.join("wps-图片.xlsx");
    std::fs::write(&path, wps).unwrap();
    let out = check_one(&e, &path);
    assert!(!out.contains("DISPIMG"), "{out}");
    assert!(
        out.contains("「图片」"),
        "the picture is named as a picture: {out}"
    );
}

#[test]
fn wps_et_files_read_when_they_are_workbooks_and_are_named_otherwise() {
    let e = issued_env();
    let dir = e.dir.path().join("回收");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returns/reference.xls"),
        dir.join("应急局自评表.et"),
    )
    .unwrap();
    let out = check_one(&e, &dir.join("应急局自评表.et"));
    assert!(out.contains("总分 95.30，等级 优"), "{out}");
    std::fs::write(dir.join("WPS私有.et"), b"\x00WPS-ET\x01\x02private").unwrap();
    let out = check_one(&e, &dir.join("WPS私有.et"));
    assert!(
        out.contains("WPS 表格自有格式") && out.contains("另存为"),
        "{out}"
    );
}

#[test]
fn binary_encrypted_backslashed_and_odd_packages_are_read_or_named_in_chinese() {
    let e = issued_env();
    let dir = e.dir.path();
    // Part names with backslashes, as some programs zip them: mended and read.
    let source = std::fs::read(fixture("reference-source.xlsx")).unwrap();
    let back = dir.join("反斜杠.xlsx");
    std::fs::write(&back, rezip(&source, |n| n.replace('/', "\\"), &[])).unwrap();
    let out = check_one(&e, &back);
    assert!(out.contains("总分 95.30"), "{out}");
    // A package whose workbook is not at xl/workbook.xml.
    let odd = dir.join("非标准.xlsx");
    std::fs::write(&odd, rezip(&source, |n| n.replace("xl/", "excel/"), &[])).unwrap();
    let out = check_one(&e, &odd);
    assert!(out.contains("内部结构不标准"), "{out}");

    let xlsb = check_one(&e, &fixture("calamine-issues.xlsb"));
    assert!(
        xlsb.contains("F07") && xlsb.contains("工作表：datatypes"),
        "read, not 已损坏: {xlsb}"
    );
    for f in [
        "calamine-pass_protected.ods",
        "calamine-pass_protected.xlsb",
    ] {
        let out = check_one(&e, &fixture(f));
        assert!(
            out.contains("F05") && out.contains("文件已加密"),
            "{f}: {out}"
        );
    }

    // No finding carries a library's English words; --verbose shows them.
    let damaged = dir.join("损坏.xlsx");
    // The directory intact, the parts' compressed data scrambled.
    let mut broken = source.clone();
    let (from, to) = (broken.len() / 5, broken.len() * 3 / 5);
    for b in &mut broken[from..to] {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    std::fs::write(&damaged, &broken).unwrap();
    let out = check_one(&e, &damaged);
    assert!(out.contains("F06"), "{out}");
    for english in [
        "error",
        "Error",
        "invalid",
        "Invalid",
        "cannot",
        "Expecting",
    ] {
        assert!(!out.contains(english), "«{english}» in {out}");
    }
    let verbose = jixiao()
        .arg("check")
        .arg("--verbose")
        .arg("--plan")
        .arg(&e.plan_path)
        .arg(&damaged)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&verbose.stdout).contains("原始错误信息："));
}
