//! Any level of government (issue 34): a county's year, end to end, speaks of 全县 and the
//! county by name — no 全市 in any cell, letter or paragraph jixiao writes.

use super::*;
use jixiao::demo::fill::{Typing, fill, info, to_bytes};
use std::io::Read;

/// Every text of an output file: workbook cells, a message's decoded body and headers, a
/// .docx's paragraphs, a text file.
fn texts_of(path: &Path) -> Vec<String> {
    let name = path.to_string_lossy().to_lowercase();
    if name.ends_with(".xlsx") {
        use calamine::Reader;
        let mut wb = calamine::open_workbook_auto(path).unwrap();
        let mut out = Vec::new();
        for sheet in wb.sheet_names() {
            let range = wb.worksheet_range(&sheet).unwrap();
            out.push(sheet.clone());
            out.extend(
                range
                    .rows()
                    .flat_map(|r| r.iter().map(jixiao::sheet::cell_text)),
            );
        }
        out
    } else if name.ends_with(".docx") {
        let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut out = Vec::new();
        for i in 0..z.len() {
            let mut part = z.by_index(i).unwrap();
            if part.name().ends_with(".xml") {
                let mut s = String::new();
                part.read_to_string(&mut s).unwrap();
                out.push(s);
            }
        }
        out
    } else if name.ends_with(".eml") {
        let bytes = std::fs::read(path).unwrap();
        let msg = mail_parser::MessageParser::default().parse(&bytes).unwrap();
        let mut out = vec![msg.subject().unwrap_or_default().to_string()];
        out.extend(
            (0..msg.text_body_count()).filter_map(|k| msg.body_text(k).map(|t| t.into_owned())),
        );
        out
    } else {
        vec![String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()]
    }
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else if !p.file_name().unwrap().to_string_lossy().starts_with('.') {
            out.push(p);
        }
    }
}

#[test]
fn a_county_s_year_says_全县_everywhere_and_never_全市() {
    let dir = tempfile::tempdir().unwrap();
    stdout_of(jixiao().args(["new", "2025", "--in"]).arg(dir.path()));
    let root = dir.path().join("2025");
    let plan_path = root.join("评价方案.xlsx");
    let mut book = umya_spreadsheet::reader::xlsx::read(&plan_path).unwrap();
    {
        let ws = book.sheet_by_name_mut("方案").unwrap();
        for (key, value) in [
            ("组织单位", "青山县财政局预算股（联系电话 0731-88000000）"),
            ("行政区划", "青山县"),
            ("说明", ""),
        ] {
            let row = jixiao::demo::fill::find_row(ws, "A", key).unwrap();
            ws.cell_mut((2, row)).set_value(value);
        }
    }
    // The plan's own words as a county writes them: its departments, and 全县 where the
    // sample's indicators (taken from a city's report) say 全市.
    for k in 0..book.sheet_collection().len() {
        let ws = book.sheet_mut(k).unwrap();
        let (cols, rows) = ws.highest_column_and_row();
        for c in 1..=cols {
            for r in 2..=rows {
                let v = ws.value((c, r));
                let county = match v.strip_prefix('市') {
                    Some(rest) if rest.ends_with(['局', '会']) => format!("县{rest}"),
                    _ => v.replace("全市", "全县"),
                };
                if county != v {
                    ws.cell_mut((c, r)).set_value(county);
                }
            }
        }
    }
    umya_spreadsheet::writer::xlsx::write(&book, &plan_path).unwrap();
    issue_into(&plan_path, &root.join("模板"));
    // The plan `new` wrote carries every column the README documents.
    let headers = &jixiao::plan::read_sheets(&plan_path)
        .unwrap()
        .into_iter()
        .find(|s| s.name == "指标")
        .unwrap()
        .rows[0];
    let headers: Vec<&str> = headers.cells().collect();
    for h in ["基准值", "可不适用", "实际值来源"] {
        assert!(headers.contains(&h), "{h}: {headers:?}");
    }
    let plan = jixiao::plan::read(&plan_path).unwrap();
    assert_eq!(plan.settings.region.whole(), "全县");
    for code in ["001", "002", "003", "004"] {
        let d = plan
            .department(&jixiao::domain::DeptCode::new(code))
            .unwrap();
        let mut a = jixiao::demo::full_marks(&plan, d);
        a.info = info("经办人", &d.phone, "2026-05-10");
        let name = jixiao::template::file_name(&plan, d);
        let filled = fill(
            &std::fs::read(root.join("模板").join(&name)).unwrap(),
            &a,
            Typing::AsExcel,
        )
        .unwrap();
        std::fs::write(root.join("回收").join(&name), to_bytes(&filled).unwrap()).unwrap();
    }
    let out = jixiao()
        .env("SOURCE_DATE_EPOCH", "1778400000")
        .current_dir(&root)
        .args(["collect", "--report"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("全市"), "{}", text(&out));
    // Every folder and file written is named.
    for line in [
        "汇总表：",
        "复核表：",
        "审核意见：",
        "报送记录：",
        "summary.json：",
    ] {
        assert!(text(&out).contains(line), "{line}: {}", text(&out));
    }
    assert!(
        text(&out).contains("报告（4 份部门报告和 1 份汇总报告）"),
        "{}",
        text(&out)
    );

    let results = root.join("汇总");
    assert!(
        results
            .join("报告/青山县2025年度部门整体支出绩效自评价汇总报告.docx")
            .is_file()
    );
    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(files.len() > 20, "{files:?}");
    let mut seen_whole = false;
    for f in &files {
        for t in texts_of(f) {
            assert!(
                !t.contains("全市"),
                "{}: {}",
                f.display(),
                t.chars().take(300).collect::<String>()
            );
            seen_whole |= t.contains("全县合计");
        }
    }
    assert!(seen_whole, "the budget summary's total row says 全县合计");
    // Letters go out under the 组织单位 typed (the plan new wrote leaves 发件人 blank).
    let letter = std::fs::read(results.join("审核意见/001_县应急管理局.eml")).unwrap();
    let msg = mail_parser::MessageParser::default()
        .parse(&letter)
        .unwrap();
    assert_eq!(
        msg.from().and_then(|a| a.first()).and_then(|a| a.name()),
        Some("青山县财政局预算股")
    );
    // Examples show the plan's own years, not the sample's.
    let review = zip_part(&results.join("复核表.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(review.contains("填写复核日期，如 2026-"), "{review}");
    assert!(!review.contains("2022-"));
}
