//! Report drafts: the demo writes a Word draft for every scored department and the city's
//! report; read back from the .docx XML, they hold the reference report's numbers.

use super::*;

/// The `<w:t>` texts of a .docx body, in order, and its tables as rows of cell texts.
fn docx(path: &Path) -> (Vec<String>, Vec<Vec<Vec<String>>>) {
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
