//! Issue 30: one answer, whatever program saved it and however it was typed.
//!
//! A county's plan with every rule kind; six departments' returns carry the canonical answers
//! (2.6%, −7.5%, 0.4%, 0%, 95, 95%, 0.95, 1.025 and 94.8 in a percent cell, "95%" as text,
//! full-width ９５％, 1,234.50 and 185.61万元, 不适用, each 档次 word, a phrase that is not a
//! choice) and each rule kind at its boundary and just beside it. Each return is written into
//! its issued template twice — by umya-spreadsheet and by openpyxl — and each copy saved again
//! by LibreOffice and by Gnumeric as .xlsx, .xls and .ods. Every copy must give the
//! original's reading, score and findings; the original's are checked against the rules by
//! hand.

use super::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub const SETTINGS: &str = "项目\t值
评价年度\t2025
评价名称\t青山县2025年度部门整体支出绩效自评价
组织单位\t青山县财政局
报送截止日期\t2026-03-31
";

pub const DEPARTMENTS: &str = "部门编码\t部门名称\t指标组\t联系人\t联系电话\t邮箱
201\t青山县水利局\t县直\t甲\t1\ta@example.com
202\t青山县教育局\t县直\t乙\t2\tb@example.com
203\t青山县卫生健康局\t县直\t丙\t3\tc@example.com
204\t青山县交通运输局\t县直\t丁\t4\td@example.com
205\t青山县民政局\t县直\t戊\t5\te@example.com
206\t青山县文化广电旅游局\t县直\t己\t6\tf@example.com
";

pub const INDICATORS: &str = "指标编码\t指标组\t一级指标\t二级指标\t三级指标\t目标值\t权重\t计分方式\t基准值\t可不适用\t实际值来源
R01\t县直\t部门管理\t资金管理\t资金使用合规性\t合规\t5\t\t\t\t
R02\t县直\t部门绩效\t产出\t重点任务完成率\t≥95%\t8\t比例\t\t\t
R03\t县直\t部门管理\t资金管理\t结转结余率\t≤5%\t5\t\t\t\t
R04\t县直\t部门管理\t制度管理\t制度执行情况\t好\t5\t档次:好=100%,中=80%,差=50%\t\t\t
R05\t县直\t部门管理\t制度管理\t年终考评等次\t一等奖\t3\t档次:一等奖,二等奖,三等奖;每档1\t\t\t
R06\t县直\t部门管理\t制度管理\t违规问题\t合规\t3\t扣分:每次0.5\t\t\t
R07\t县直\t部门绩效\t效果\t安全事故起数\t下降\t4\t\t50\t\t
R08\t县直\t部门管理\t制度管理\t档案管理等级\t4级\t4\t\t\t\t
R09\t县直\t部门影响力\t社会\t服务对象评价\t良好\t4\t\t\t\t
R10\t县直\t部门绩效\t产出\t项目验收合格率\t≥90%\t8\t分段:≥90%得8;≥80%得6;其他得0\t\t\t
R11\t县直\t部门管理\t资金管理\t三公经费变动率\t≤0\t6\t差额扣分:每满1%扣0.5\t\t\t
R12\t县直\t部门管理\t制度管理\t内控制度健全性\t健全\t6\t清单:3项,每项2\t\t\t
R13\t县直\t部门影响力\t社会\t社会满意度\t满意\t5\t定性\t\t\t
R14\t县直\t部门绩效\t成本\t单位运行成本\t≤200万元\t6\t反向比例:目标/实际\t\t\t
R15\t县直\t部门绩效\t产出\t绩效目标完成率\t≥90%\t6\t相对:最高值\t\t\t
R16\t县直\t部门影响力\t社会\t投诉率\t≤10%\t4\t相对:最低值\t\t\t
R17\t县直\t部门绩效\t效果\t群众办事满意率\t≥90%\t4\t排名:第1名得4;第2-3名得3;其他得2\t\t\t
R18\t县直\t部门绩效\t产出\t专项任务\t完成\t4\t\t\t是\t
R19\t县直\t部门管理\t资金管理\t预算执行率\t≥95%\t6\t分段:≥95%得6;≥90%得4;其他得0\t\t\t预算执行率
R20\t县直\t部门绩效\t产出\t培训人数\t≥1000人\t4\t\t\t\t
";

pub const BUDGET: &str = "部门编码\t项目名称\t项目性质\t支出类型\t年初预算\t调整后预算
201\t基本支出\t\t基本支出\t100\t100
201\t项目A\t经常性项目\t项目支出\t400\t400
202\t基本支出\t\t基本支出\t100\t100
202\t项目A\t经常性项目\t项目支出\t400\t400
203\t基本支出\t\t基本支出\t100\t100
203\t项目A\t经常性项目\t项目支出\t400\t400
204\t基本支出\t\t基本支出\t100\t100
204\t项目A\t经常性项目\t项目支出\t400\t400
205\t基本支出\t\t基本支出\t100\t100
205\t项目A\t经常性项目\t项目支出\t400\t400
206\t基本支出\t\t基本支出\t100\t100
206\t项目A\t经常性项目\t项目支出\t400\t400
";

/// How an answer is typed into its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// A percentage typed into a percent cell: stored as the fraction (2.6 → 0.026).
    Pct(&'static str),
    /// A number stored as it is (94.8 pasted into a percent cell shows 9480%).
    Num(&'static str),
    /// Text.
    Text(&'static str),
    /// A percentage typed into a cell the department gave a number format of its own.
    Styled(&'static str, &'static str),
    /// A date (`2026-03-20`) in a cell with this date format.
    DateIn(&'static str, &'static str),
}

impl Typed {
    /// What a person sees they typed, for the matrix's table.
    pub fn label(self) -> String {
        match self {
            Typed::Pct(p) => format!("{p}%（百分比格）"),
            Typed::Num(n) => format!("{n}（数值）"),
            Typed::Text(t) => format!("\"{t}\"（文本）"),
            Typed::Styled(p, f) => format!("{p}%（格式 {f}）"),
            Typed::DateIn(d, f) => format!("{d}（日期格式 {f}）"),
        }
    }

    /// The number stored, for a number: the nearest double of the decimal, as Excel stores
    /// what is typed (2.6% is 0.026, never 2.6/100 = 0.026000000000000002).
    fn number(self) -> Option<f64> {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        match self {
            Typed::Pct(p) | Typed::Styled(p, _) => {
                let d = Decimal::from_str(p).unwrap() / Decimal::ONE_HUNDRED;
                Some(d.normalize().to_string().parse().unwrap())
            }
            Typed::Num(n) => Some(n.parse().unwrap()),
            Typed::Text(_) => None,
            // Excel's serial: days since 1899-12-30.
            Typed::DateIn(d, _) => {
                let d = jixiao::domain::Date::parse(d).unwrap();
                Some((d.days() + 25_569) as f64)
            }
        }
    }

    /// The cell's own number format, when the answer sets one.
    fn format(self) -> Option<&'static str> {
        match self {
            Typed::Styled(_, f) | Typed::DateIn(_, f) => Some(f),
            _ => None,
        }
    }

    fn text(self) -> &'static str {
        match self {
            Typed::Pct(t) | Typed::Num(t) | Typed::Text(t) => t,
            Typed::Styled(t, _) | Typed::DateIn(t, _) => t,
        }
    }
}

use Typed::{Num, Pct, Styled, Text};

/// One department's return: (指标编码, 实际完成值, 自评得分) and 项目A's 执行数.
pub struct Return {
    pub code: &'static str,
    pub answers: &'static [(&'static str, Typed, &'static str)],
    pub spent: &'static str,
}

/// The six returns. 206 carries the slips (numbers pasted into percent cells, a phrase that
/// is not a choice) and is sent back.
pub const RETURNS: [Return; 6] = [
    Return {
        code: "201",
        answers: &[
            ("R01", Text("合规"), "5"),
            ("R02", Pct("2.6"), "0.22"),
            ("R03", Pct("0.4"), "5"),
            ("R04", Text("好"), "5"),
            ("R05", Text("一等奖"), "3"),
            ("R06", Num("0"), "3"),
            ("R07", Num("49"), "4"),
            ("R08", Num("4"), "4"),
            ("R09", Text("服务对象评价较好"), "3.5"),
            ("R10", Pct("90"), "8"),
            ("R11", Pct("-7.5"), "6"),
            ("R12", Num("3"), "6"),
            ("R13", Text("达成"), "4.5"),
            ("R14", Text("185.61万元"), "6"),
            ("R15", Num("1.025"), "6"),
            ("R16", Pct("0"), "4"),
            ("R17", Pct("98"), "4"),
            ("R18", Text("不适用"), ""),
            ("R20", Text("1,234人"), "4"),
        ],
        // 基本支出 100 + 项目A 375 = 475 of 500: exactly 95%.
        spent: "375",
    },
    Return {
        code: "202",
        answers: &[
            ("R01", Text("不合规"), "0"),
            ("R02", Pct("95"), "8"),
            ("R03", Pct("5"), "5"),
            ("R04", Text("中"), "4"),
            ("R05", Text("二等奖"), "2"),
            ("R06", Num("1"), "2.5"),
            ("R07", Num("50"), "0"),
            ("R08", Num("3"), "3"),
            ("R09", Text("良好"), "4"),
            ("R10", Pct("89.99"), "6"),
            ("R11", Pct("0"), "6"),
            ("R12", Text("①③"), "4"),
            ("R13", Text("部分达成"), "3.5"),
            ("R14", Text("1,234.50"), "0.97"),
            ("R15", Pct("96"), "5.62"),
            ("R16", Pct("2"), "3.2"),
            ("R17", Text("95%"), "3"),
            ("R18", Text("完成"), "4"),
            ("R20", Num("1000"), "4"),
        ],
        // 474.99 of 500: 94.998%, just below the ≥95% tier.
        spent: "374.99",
    },
    Return {
        code: "203",
        answers: &[
            ("R01", Text("合规"), "5"),
            ("R02", Num("0.95"), "8"),
            ("R03", Pct("5.01"), "4.99"),
            ("R04", Text("差"), "2.5"),
            ("R05", Text("三等奖"), "1"),
            ("R06", Num("6"), "0"),
            ("R07", Num("51"), "0"),
            ("R08", Text("四级"), "4"),
            ("R09", Text("一般"), "2"),
            ("R10", Styled("80", "0.0%"), "6"),
            ("R11", Pct("1"), "5.5"),
            ("R12", Num("2"), "4"),
            ("R13", Text("达成"), "5"),
            ("R14", Num("200"), "6"),
            ("R15", Pct("90"), "5.27"),
            ("R16", Pct("5"), "2"),
            ("R17", Text("９５％"), "3"),
            ("R18", Text("未完成"), "0"),
            ("R20", Num("999"), "4"),
        ],
        // 450 of 500: exactly 90%.
        spent: "350",
    },
    Return {
        code: "204",
        answers: &[
            ("R01", Text("合规"), "5"),
            ("R02", Pct("94.99"), "8"),
            ("R03", Text("0.4"), "5"),
            ("R04", Text("好"), "5"),
            ("R05", Text("一等奖"), "3"),
            ("R06", Text("无"), "3"),
            ("R07", Text("下降"), "4"),
            ("R08", Text("4级"), "4"),
            ("R09", Text("良好"), "4"),
            ("R10", Pct("79.99"), "0"),
            ("R11", Pct("0.99"), "6"),
            ("R12", Text("第1、2、3项"), "6"),
            ("R13", Text("达成"), "5"),
            ("R14", Num("200.01"), "6"),
            ("R15", Pct("0"), "0"),
            ("R16", Pct("10"), "0.8"),
            ("R17", Pct("90"), "2"),
            ("R18", Text("完成"), "4"),
            ("R20", Text("1000人"), "4"),
        ],
        // 449.99 of 500: just below 90%.
        spent: "349.99",
    },
    Return {
        code: "205",
        answers: &[
            ("R01", Text("合规"), "5"),
            ("R02", Text("95%"), "8"),
            ("R03", Pct("0"), "5"),
            ("R04", Text("中"), "4"),
            ("R05", Text("二等奖"), "2"),
            ("R06", Num("2"), "2"),
            ("R07", Num("48"), "4"),
            ("R08", Num("5"), "4"),
            ("R09", Text("良好"), "4"),
            ("R10", Pct("100"), "8"),
            ("R11", Styled("3.7", "0.0%;[Red]-0.0%"), "4.5"),
            ("R12", Text("1、3"), "4"),
            ("R13", Text("未达成"), "2"),
            ("R14", Text("150"), "6"),
            ("R15", Pct("80"), "4.68"),
            ("R16", Pct("10.01"), "0"),
            ("R17", Pct("80"), "2"),
            ("R18", Text("完成"), "4"),
            ("R20", Num("1500"), "4"),
        ],
        spent: "400",
    },
    Return {
        code: "206",
        answers: &[
            ("R01", Text("基本合规"), "4"),
            ("R02", Num("95"), "8"),
            ("R03", Pct("1"), "5"),
            ("R04", Text("一般"), "4"),
            ("R05", Text("一等奖"), "3"),
            ("R06", Num("0"), "3"),
            ("R07", Num("40"), "4"),
            ("R08", Num("4"), "4"),
            ("R09", Text("良好"), "4"),
            ("R10", Pct("95"), "8"),
            ("R11", Pct("0"), "6"),
            ("R12", Num("3"), "6"),
            ("R13", Text("达成"), "5"),
            ("R14", Num("1234500"), "6"),
            ("R15", Num("94.8"), "6"),
            ("R16", Pct("3"), "4"),
            ("R17", Pct("99"), "4"),
            ("R18", Text("完成"), "4"),
            ("R20", Num("1200"), "4"),
        ],
        spent: "400",
    },
];

/// A folder with the county plan and its issued templates.
pub struct County {
    pub dir: tempfile::TempDir,
    pub plan: PathBuf,
    pub templates: PathBuf,
}

/// The county plan (with `indicators` for 指标) and its templates.
pub fn county_with(indicators: &str) -> County {
    let dir = tempfile::tempdir().unwrap();
    let sheets = [
        ("方案", SETTINGS),
        ("部门", DEPARTMENTS),
        ("指标", indicators),
        ("预算", BUDGET),
    ]
    .map(|(name, tsv)| jixiao::sheet::RawSheet::from_tsv(name, tsv));
    let plan = dir.path().join("评价方案.xlsx");
    std::fs::write(&plan, jixiao::plan::write::workbook(&sheets).unwrap()).unwrap();
    let templates = dir.path().join("模板");
    issue_into(&plan, &templates);
    County {
        dir,
        plan,
        templates,
    }
}

/// The county plan and its templates.
pub fn county() -> County {
    county_with(INDICATORS)
}

impl County {
    /// The template issued to department `code`.
    pub fn template(&self, code: &str) -> PathBuf {
        let prefix = format!("2025_{code}_");
        std::fs::read_dir(&self.templates)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&prefix)
            })
            .unwrap()
    }
}

/// Every cell a return fills: (sheet, key column, key, column, value).
fn cells(
    r: &Return,
) -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Typed,
)> {
    let mut out = vec![
        ("基本信息", "A", "填报人", "B", Text("经办人")),
        ("基本信息", "A", "联系电话", "B", Text("0731-1234567")),
        (
            "基本信息",
            "A",
            "填报日期",
            "B",
            Typed::DateIn("2026-03-20", "yyyy/m/d"),
        ),
        ("预算执行", "B", "基本支出", "G", Num("100")),
        ("预算执行", "B", "项目A", "G", Num(r.spent)),
    ];
    for (code, actual, own) in r.answers {
        out.push(("绩效指标", "A", code, "H", *actual));
        if !own.is_empty() {
            out.push(("绩效指标", "A", code, "I", Num(own)));
        }
        out.push(("绩效指标", "A", code, "J", Text("已说明原因")));
    }
    out
}

/// Fills a template through umya-spreadsheet.
pub fn fill_umya(template: &Path, r: &Return, out: &Path) {
    let mut book = umya_spreadsheet::reader::xlsx::read(template).unwrap();
    for (sheet, key_col, key, col, value) in cells(r) {
        let ws = book.sheet_by_name_mut(sheet).unwrap();
        let row = jixiao::demo::fill::find_row(ws, key_col, key)
            .unwrap_or_else(|| panic!("{sheet} {key}"));
        let at = format!("{col}{row}");
        let c = ws.cell_mut(at.as_str());
        match value.number() {
            Some(n) => c.set_value_number(n),
            None => c.set_value_string(value.text()),
        };
        if let Some(f) = value.format() {
            ws.style_mut(at.as_str())
                .number_format_mut()
                .set_format_code(f);
        }
    }
    umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
}

const OPENPYXL: &str = r#"
import json, sys
import openpyxl
job = json.load(sys.stdin)
for one in job:
    wb = openpyxl.load_workbook(one["template"])
    for sheet, key_col, key, col, kind, value, fmt in one["cells"]:
        ws = wb[sheet]
        row = next(r for r in range(1, ws.max_row + 1)
                   if str(ws[f"{key_col}{r}"].value or "").strip() == key)
        cell = ws[f"{col}{row}"]
        cell.value = float(value) if kind == "n" else value
        if fmt:
            cell.number_format = fmt
    wb.save(one["out"])
"#;

/// Fills templates through openpyxl (Debian's python3-openpyxl): (template, return, output).
pub fn fill_openpyxl(jobs: &[(PathBuf, &Return, PathBuf)]) -> bool {
    let python = "/usr/bin/python3";
    let have = std::process::Command::new(python)
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        return missing("openpyxl", "python3-openpyxl");
    }
    let job: Vec<serde_json::Value> = jobs
        .iter()
        .map(|(template, r, out)| {
            let cells: Vec<serde_json::Value> = cells(r)
                .into_iter()
                .map(|(sheet, key_col, key, col, v)| {
                    let (kind, value) = match v.number() {
                        Some(n) => ("n", format!("{n:?}")),
                        None => ("s", v.text().to_string()),
                    };
                    serde_json::json!([sheet, key_col, key, col, kind, value, v.format()])
                })
                .collect();
            serde_json::json!({"template": template, "out": out, "cells": cells})
        })
        .collect();
    let mut child = std::process::Command::new(python)
        .args(["-c", OPENPYXL])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        serde_json::to_string(&job).unwrap().as_bytes(),
    )
    .unwrap();
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success(), "openpyxl failed");
    true
}

/// A program that is not installed ([`not_installed`]): false, the copy is not made.
fn missing(what: &str, package: &str) -> bool {
    not_installed(what, package);
    false
}

/// Every program and format a return is saved again with.
pub const SAVERS: [(&str, &str); 6] = [
    ("LibreOffice", "xlsx"),
    ("LibreOffice", "xls"),
    ("LibreOffice", "ods"),
    ("Gnumeric", "xlsx"),
    ("Gnumeric", "xls"),
    ("Gnumeric", "ods"),
];

/// Saves every file of `from` with `program` as `format` into `to`; false when the program is
/// not installed (outside CI).
pub fn resave(program: &str, format: &str, from: &Path, to: &Path) -> bool {
    std::fs::create_dir_all(to).unwrap();
    let files: Vec<PathBuf> = std::fs::read_dir(from)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    match program {
        "LibreOffice" => {
            // A profile of its own, so that other tests' LibreOffice runs do not meet it.
            let profile = to.with_extension("profile");
            let mut cmd = std::process::Command::new("soffice");
            cmd.arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                format,
                "--outdir",
            ])
            .arg(to)
            .args(&files);
            match cmd.output() {
                Ok(o) => assert!(o.status.success(), "{}", text(&o)),
                Err(_) => return missing("LibreOffice", "libreoffice-calc-nogui"),
            }
        }
        _ => {
            for f in &files {
                let target = to.join(f.with_extension(format).file_name().unwrap());
                match std::process::Command::new("ssconvert")
                    .arg(f)
                    .arg(&target)
                    .output()
                {
                    Ok(o) => assert!(o.status.success(), "{}", text(&o)),
                    Err(_) => return missing("Gnumeric", "gnumeric"),
                }
            }
        }
    }
    let saved = std::fs::read_dir(to).unwrap().count();
    assert_eq!(saved, files.len(), "{program} → {format}");
    true
}

/// What a run read of one department: per indicator (reading, score), and its findings as
/// (code, sheet!cell) whatever the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub status: String,
    pub indicators: BTreeMap<String, (String, String)>,
    pub findings: Vec<(String, String)>,
}

/// `collect` over `returns`, read back from summary.json by department code.
pub fn collect_read(plan: &Path, returns: &Path, out: &Path) -> BTreeMap<String, Read> {
    let done = collect_cmd(plan, out).arg(returns).output().unwrap();
    assert!(matches!(done.status.code(), Some(0 | 3)), "{}", text(&done));
    let json = summary(out);
    json["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let indicators = d["indicators"]
                .as_array()
                .map(|a| a.as_slice())
                .unwrap_or_default()
                .iter()
                .map(|i| {
                    (
                        i["code"].as_str().unwrap().to_string(),
                        (
                            i["actual"].as_str().unwrap_or_default().to_string(),
                            i["score"].as_str().unwrap_or("—").to_string(),
                        ),
                    )
                })
                .collect();
            let mut findings: Vec<(String, String)> = d["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    let at = f["location"].as_str().unwrap();
                    let inside = at.split_once('!').map_or("", |(_, rest)| rest);
                    (f["code"].as_str().unwrap().to_string(), inside.to_string())
                })
                .collect();
            findings.sort();
            (
                d["code"].as_str().unwrap().to_string(),
                Read {
                    status: d["status"].as_str().unwrap().to_string(),
                    indicators,
                    findings,
                },
            )
        })
        .collect()
}

/// The county's returns written by umya-spreadsheet into `dir`.
pub fn umya_returns(c: &County, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for r in &RETURNS {
        let template = c.template(r.code);
        fill_umya(&template, r, &dir.join(template.file_name().unwrap()));
    }
}

/// What the rules give, worked by hand from the README's table: (dept, indicator) →
/// (reading, score). 不适用 and values that cannot be scored have no score (`—`).
const EXPECTED: &[(&str, &str, &str, &str)] = &[
    ("201", "R01", "合规", "5.00"),
    ("201", "R02", "2.6%", "0.22"),
    ("201", "R03", "0.4%", "5.00"),
    ("201", "R10", "90%", "8.00"),
    ("201", "R11", "-7.5%", "6.00"),
    ("201", "R14", "185.61万元", "6.00"),
    ("201", "R15", "102.5%", "6.00"),
    ("201", "R16", "0%", "4.00"),
    ("201", "R18", "不适用", "—"),
    ("201", "R19", "95%", "6.00"),
    ("201", "R20", "1234人", "4.00"),
    ("202", "R01", "不合规", "0.00"),
    ("202", "R02", "95%", "8.00"),
    ("202", "R03", "5%", "5.00"),
    ("202", "R04", "中", "4.00"),
    ("202", "R06", "1 次", "2.50"),
    ("202", "R07", "50", "0.00"),
    ("202", "R08", "3级", "3.00"),
    ("202", "R10", "89.99%", "6.00"),
    ("202", "R11", "0%", "6.00"),
    ("202", "R12", "①③", "4.00"),
    ("202", "R14", "1234.5万元", "0.97"),
    ("202", "R15", "96%", "5.62"),
    // 最低值 0% (201): by distance from the worst, 10% (204): 4×|2−10|/|0−10|.
    ("202", "R16", "2%", "3.20"),
    ("202", "R17", "95%", "3.00"),
    ("202", "R19", "95%", "4.00"),
    ("203", "R02", "95%", "8.00"),
    ("203", "R03", "5.01%", "4.99"),
    ("203", "R04", "差", "2.50"),
    ("203", "R05", "三等奖", "1.00"),
    ("203", "R06", "6 次", "0.00"),
    ("203", "R10", "80%", "6.00"),
    ("203", "R11", "1%", "5.50"),
    ("203", "R14", "200万元", "6.00"),
    ("203", "R15", "90%", "5.27"),
    ("203", "R16", "5%", "2.00"),
    ("203", "R17", "95%", "3.00"),
    ("203", "R18", "未完成", "0.00"),
    ("203", "R19", "90%", "4.00"),
    ("203", "R20", "999人", "4.00"),
    ("204", "R02", "94.99%", "8.00"),
    ("204", "R10", "79.99%", "0.00"),
    ("204", "R11", "0.99%", "6.00"),
    ("204", "R14", "200.01万元", "6.00"),
    ("204", "R15", "0%", "0.00"),
    ("204", "R16", "10%", "0.00"),
    ("204", "R19", "90%", "0.00"),
    ("205", "R11", "3.7%", "4.50"),
    ("205", "R13", "未达成", "2.00"),
    ("205", "R15", "80%", "4.68"),
    ("205", "R16", "10.01%", "0.00"),
    // The slips: read as shown, never scored.
    ("206", "R01", "基本合规", "—"),
    ("206", "R02", "9500%", "—"),
    ("206", "R04", "一般", "—"),
    ("206", "R14", "1234500", "—"),
    ("206", "R15", "9480%", "—"),
];

/// The findings the slips give, at their cells.
const SLIPS: &[(&str, &str)] = &[
    ("V02", "绩效指标!H3"),
    ("V03", "绩效指标!H4"),
    ("V02", "绩效指标!H6"),
    ("V03", "绩效指标!H16"),
    ("V03", "绩效指标!H17"),
];

#[test]
fn every_program_and_format_gives_the_same_reading_and_score() {
    let c = county();

    let base = c.dir.path().join("写入");
    let mut originals = vec![("umya-spreadsheet", base.join("umya"))];
    umya_returns(&c, &originals[0].1);
    let jobs: Vec<(PathBuf, &Return, PathBuf)> = RETURNS
        .iter()
        .map(|r| {
            let t = c.template(r.code);
            let name = t.file_name().unwrap().to_owned();
            (t, r, base.join("openpyxl").join(name))
        })
        .collect();
    std::fs::create_dir_all(base.join("openpyxl")).unwrap();
    if fill_openpyxl(&jobs) {
        originals.push(("openpyxl", base.join("openpyxl")));
    }
    let mut table: Vec<(String, String, Vec<String>)> = Vec::new();
    for (writer, folder) in &originals {
        let want = collect_read(
            &c.plan,
            folder,
            &c.dir.path().join(format!("汇总-{writer}")),
        );
        // The original against the rules.
        for (dept, ind, reading, score) in EXPECTED {
            let got = &want[*dept].indicators[*ind];
            assert_eq!(
                (got.0.as_str(), got.1.as_str()),
                (*reading, *score),
                "{writer}: {dept} {ind}"
            );
        }
        for slip in SLIPS {
            assert!(
                want["206"]
                    .findings
                    .iter()
                    .any(|(code, at)| code == slip.0 && at == slip.1),
                "{writer}: {slip:?} in {:?}",
                want["206"].findings
            );
        }
        assert_eq!(want["206"].status, "退回");
        let mut copies = Vec::new();
        for (program, format) in SAVERS {
            let to = c
                .dir
                .path()
                .join("另存")
                .join(format!("{writer}-{program}-{format}"));
            if !resave(program, format, folder, &to) {
                continue;
            }
            let out = c
                .dir
                .path()
                .join(format!("汇总-{writer}-{program}-{format}"));
            let got = collect_read(&c.plan, &to, &out);
            for (dept, read) in &want {
                let other = &got[dept];
                for (ind, reading) in &read.indicators {
                    assert_eq!(
                        other.indicators.get(ind),
                        Some(reading),
                        "{writer} → {program} .{format}: {dept} {ind}"
                    );
                }
                assert_eq!(
                    other.findings, read.findings,
                    "{writer} → {program} .{format}: {dept}"
                );
                assert_eq!(other.status, read.status);
            }
            copies.push((program, format, got));
        }
        // The table for the note: each canonical answer × program → reading, score.
        for r in &RETURNS {
            for (ind, typed, _) in r.answers {
                let cell = |read: &BTreeMap<String, Read>| {
                    let (reading, score) = &read[r.code].indicators[*ind];
                    format!("{reading} {score}")
                };
                let mut row = vec![cell(&want)];
                row.extend(copies.iter().map(|(_, _, got)| cell(got)));
                table.push((format!("{writer} {} {ind}", r.code), typed.label(), row));
            }
        }
    }
    if std::env::var_os("JIXIAO_MATRIX_TABLE").is_some() {
        let heads: Vec<String> = std::iter::once("原件".to_string())
            .chain(SAVERS.iter().map(|(p, f)| format!("{p} .{f}")))
            .collect();
        println!("| 写入 部门 指标 | 填写 | {} |", heads.join(" | "));
        for (who, typed, row) in &table {
            println!("| {who} | {typed} | {} |", row.join(" | "));
        }
    }
}
