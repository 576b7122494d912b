//! Report drafts: the demo writes a Word draft for every scored department and the city's
//! report; read back from the .docx XML, they hold the reference report's numbers.

use super::*;

/// The `<w:t>` texts of a .docx body, in order, and its tables as rows of cell texts.
pub(super) fn docx(path: &Path) -> (Vec<String>, Vec<Vec<Vec<String>>>) {
    let xml = zip_part(path, "word/document.xml");
    let texts = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = s;
        while let Some(at) = rest.find("<w:t") {
            let after = &rest[at..];
            let (Some(open), Some(close)) = (after.find('>'), after.find("</w:t>")) else {
                break;
            };
            let tag = &after[..open];
            if tag != "<w:t" && !tag.starts_with("<w:t ") {
                rest = &after[open..];
                continue;
            }
            out.push(
                after[open + 1..close]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
            rest = &after[close..];
        }
        out
    };
    let tables = xml
        .split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = t.split("</w:tbl>").next().unwrap_or("");
            t.split("<w:tr>")
                .skip(1)
                .map(|row| {
                    row.split("<w:tc>")
                        .skip(1)
                        .map(|c| texts(c).concat())
                        .collect()
                })
                .collect()
        })
        .collect();
    (texts(&xml), tables)
}

#[test]
fn the_reference_departments_draft_holds_the_reports_numbers() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let reports = dir.path().join("汇总/报告");
    let draft = reports.join("2021年度市应急管理局部门整体支出绩效自评价报告（初稿）.docx");
    let (texts, tables) = docx(&draft);
    let all = texts.concat();
    assert!(all.contains("2021年度市应急管理局"), "{all}");
    // 5.1: the reference's table, exactly.
    let t51 = tables
        .iter()
        .find(|t| t[0] == ["评价维度", "分值", "得分"])
        .expect("the 5.1 table");
    assert_eq!(
        t51[1..],
        [
            ["部门管理", "40", "36.70"],
            ["部门绩效", "50", "48.60"],
            ["部门影响力", "10", "10.00"],
            ["合计", "100", "95.30"],
        ]
    );
    assert!(all.contains("得分 95.30 分，评价等级为「优」"), "{all}");
    // The appendix: every one of the 82 indicators, after its header row.
    let appendix = tables.last().unwrap();
    assert_eq!(appendix[0][..3], ["一级指标", "二级指标", "三级指标"]);
    assert_eq!(appendix.len(), 83);
    // The budget tables of the return.
    assert!(
        tables
            .iter()
            .any(|t| t.iter().any(|r| r[0] == "合计" && r[3] == "3,762.89"))
    );
    // Nothing left to fill but the marked paragraphs.
    for t in texts.iter().filter(|t| t.contains('【')) {
        assert!(t.starts_with("【请补充："), "{t}");
    }
    // 主要职责 as the department typed it in 基本信息; a department that left it blank is
    // asked for it.
    assert!(all.contains("负责核电厂核事故场外应急工作。"), "{all}");
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("【请补充：部门主要职责"))
    );
    let (other, _) =
        docx(&reports.join("2021年度市交通运输局部门整体支出绩效自评价报告（初稿）.docx"));
    assert!(
        other
            .iter()
            .any(|t| t.starts_with("【请补充：部门主要职责"))
    );
    // The header rows repeat on every page.
    assert!(zip_part(&draft, "word/document.xml").contains("<w:tblHeader />"));

    // The city report counts as the workbook does.
    let (city, tables) = docx(&reports.join("2021年度部门整体支出绩效自评价汇总报告.docx"));
    let city = city.concat();
    let json = summary(&dir.path().join("汇总"));
    let statuses: Vec<&str> = json["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    let count = |s: &str| statuses.iter().filter(|x| **x == s).count();
    let want = format!(
        "本次评价方案共 {} 个部门。报送 {} 个，其中审核通过 {} 个（含有警告的 {} 个），退回重报 {} 个，逾期报送 0 个；未报送 {} 个。",
        statuses.len(),
        statuses.len() - count("未报送"),
        count("通过") + count("有警告"),
        count("有警告"),
        count("退回"),
        count("未报送")
    );
    assert!(city.contains(&want), "{want}\n{city}");
    let ranking = tables.iter().find(|t| t[0][0] == "排名").unwrap();
    assert_eq!(ranking.len(), 1 + statuses.len());
}

#[test]
fn a_draft_speaks_of_the_department_s_work_not_of_its_files() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    // 市卫生健康委员会 sent a draft, then a correction: that is the bureau's business.
    let draft = dir
        .path()
        .join("汇总/报告/2021年度市卫生健康委员会部门整体支出绩效自评价报告（初稿）.docx");
    let (texts, _) = docx(&draft);
    let all = texts.concat();
    assert!(!all.contains("本部门还报送了"), "{all}");
    assert!(!all.contains(".xlsx"), "{all}");
    // Headings and captions stay with what follows them.
    let xml = zip_part(&draft, "word/document.xml");
    let keep = xml.matches("<w:keepNext").count();
    assert!(keep >= 10, "{keep}");
    // The bureau's report: the indicators lost on, with how many departments lost there, and
    // the next year's work as a marked placeholder.
    let (texts, tables) = docx(
        &dir.path()
            .join("汇总/报告/2021年度部门整体支出绩效自评价汇总报告.docx"),
    );
    let all = texts.concat();
    assert!(all.contains("表4　失分较多的指标"), "{all}");
    assert!(all.contains("【请补充：下一步工作安排"), "{all}");
    assert!(
        tables.iter().any(|t| t
            .first()
            .is_some_and(|h| h.contains(&"失分部门数".to_string()))),
        "{tables:?}"
    );
}

#[test]
fn libreoffice_opens_both_reports() {
    let Ok(out) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        return not_installed("LibreOffice", "libreoffice-writer-nogui");
    };
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let reports = dir.path().join("汇总/报告");
    let pdf = dir.path().join("pdf");
    let status = std::process::Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo").display()
        ))
        .arg("--convert-to")
        .arg("pdf")
        .arg("--outdir")
        .arg(&pdf)
        .arg(reports.join("2021年度市应急管理局部门整体支出绩效自评价报告（初稿）.docx"))
        .arg(reports.join("2021年度部门整体支出绩效自评价汇总报告.docx"))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    for name in [
        "2021年度市应急管理局部门整体支出绩效自评价报告（初稿）.pdf",
        "2021年度部门整体支出绩效自评价汇总报告.pdf",
    ] {
        let bytes = std::fs::read(pdf.join(name)).unwrap();
        assert!(bytes.starts_with(b"%PDF") && bytes.len() > 10_000, "{name}");
    }
}

/// Every part of a ZIP package (`.docx`, `.xlsx`) that ends in `.xml` parses as XML 1.0.
fn well_formed(path: &Path) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    for i in 0..z.len() {
        let mut part = z.by_index(i).unwrap();
        if !part.name().ends_with(".xml") && !part.name().ends_with(".rels") {
            continue;
        }
        let name = part.name().to_string();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}')),
            "{}: {name} holds a character XML forbids",
            path.display()
        );
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{}: {name}: {e}", path.display()),
            }
        }
    }
}

#[test]
fn a_vertical_tab_pasted_from_word_leaves_every_output_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let file = std::fs::read_dir(dir.path().join("回收"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("001_市应急管理局_部门整体"))
        .unwrap();
    // Every 偏差原因 gets a line break as Excel stores one pasted from Word: `_x000B_`.
    let mut book = umya_spreadsheet::reader::xlsx::read(&file).unwrap();
    let ws = book.sheet_by_name_mut("绩效指标").unwrap();
    let (cols, rows) = ws.highest_column_and_row();
    let (column, header) = (1..=cols)
        .flat_map(|c| (1..=5).map(move |r| (c, r)))
        .find(|&(c, r)| ws.value((c, r)).contains("偏差原因"))
        .expect("a 偏差原因 column");
    let mut marked = 0;
    for r in header + 1..=rows {
        let v = ws.value((column, r));
        if !v.trim().is_empty() {
            ws.cell_mut((column, r))
                .set_value_string(format!("{v}MARKVT下一行"));
            marked += 1;
        }
    }
    assert!(marked > 0, "the reference return explains its lost points");
    let bytes = jixiao::demo::fill::to_bytes(&book).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let mut part = z.by_index(i).unwrap();
        let name = part.name().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        let data = String::from_utf8(data.clone())
            .map(|t| t.replace("MARKVT", "_x000B_").into_bytes())
            .unwrap_or(data);
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    std::fs::write(&file, out.finish().unwrap().into_inner()).unwrap();

    let result = dir.path().join("汇总-vt");
    stdout_of(
        collect_cmd(dir.path().join("评价方案.xlsx"), &result)
            .arg(dir.path().join("回收"))
            .arg("--report"),
    );
    let draft = result.join("报告/2021年度市应急管理局部门整体支出绩效自评价报告（初稿）.docx");
    well_formed(&draft);
    let (texts, _) = docx(&draft);
    let around: Vec<&String> = texts.iter().filter(|t| t.contains("下一行")).collect();
    assert!(!around.is_empty(), "the reasons are in the draft");
    assert!(
        around.iter().all(|t| t.contains(" 下一行")),
        "the break became a space: {around:?}"
    );
    well_formed(&result.join("报告/2021年度部门整体支出绩效自评价汇总报告.docx"));
    well_formed(&result.join("2021年度部门整体绩效评价汇总.xlsx"));
    for entry in std::fs::read_dir(result.join("审核意见")).unwrap() {
        let p = entry.unwrap().path();
        let bytes = std::fs::read(&p).unwrap();
        assert!(!bytes.contains(&0x0B), "{}", p.display());
    }
    let ledger = std::fs::read(result.join("报送记录.tsv")).unwrap();
    assert!(!ledger.contains(&0x0B));
}

#[test]
fn the_bureau_s_report_carries_its_figures() {
    let font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    if !Path::new(font).exists() {
        return not_installed("中文字体（Noto Sans CJK）", "fonts-noto-cjk");
    }
    let dir = tempfile::tempdir().unwrap();
    demo_in(dir.path());
    let report = dir
        .path()
        .join("汇总/报告/2021年度部门整体支出绩效自评价汇总报告.docx");
    let xml = zip_part(&report, "word/document.xml");
    assert_eq!(xml.matches("<w:drawing>").count(), 2, "two figures");
    let (texts, _) = docx(&report);
    let all = texts.concat();
    assert!(
        all.contains("图1　等级分布") && all.contains("图2　各部门总分"),
        "{all}"
    );
    let mut z = zip::ZipArchive::new(std::fs::File::open(&report).unwrap()).unwrap();
    let pngs: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().to_string())
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .collect();
    assert_eq!(pngs.len(), 2, "{pngs:?}");
    for name in pngs {
        let mut bytes = Vec::new();
        z.by_name(&name).unwrap().read_to_end(&mut bytes).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
        assert!(bytes.len() > 5_000, "{name}: something is drawn");
    }
    // The same run writes the same figures: a second demo gives the same bytes.
    let again = tempfile::tempdir().unwrap();
    demo_in(again.path());
    let second = again
        .path()
        .join("汇总/报告/2021年度部门整体支出绩效自评价汇总报告.docx");
    assert_eq!(
        std::fs::read(&report).unwrap(),
        std::fs::read(&second).unwrap()
    );
}
