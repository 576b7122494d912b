//! Issue 30, item by item: how an answer is read and scored, on the county of `matrix.rs`
//! (returns written by umya-spreadsheet), each case end to end through `collect`.

use super::matrix::{County, INDICATORS, Read, collect_read, county, county_with, umya_returns};
use super::*;
use std::collections::BTreeMap;

/// The county collected: what summary.json says per department, and every 计分说明 by
/// (department, indicator) from 指标得分明细.
struct Collected {
    read: BTreeMap<String, Read>,
    why: BTreeMap<(String, String), String>,
    json: serde_json::Value,
    _county: County,
}

fn collected_with(indicators: &str) -> Collected {
    let c = county_with(indicators);
    let returns = c.dir.path().join("回收");
    umya_returns(&c, &returns);
    let out = c.dir.path().join("汇总");
    let read = collect_read(&c.plan, &returns, &out);
    let rows = sheet_rows(
        &out.join("2025年度部门整体绩效评价汇总.xlsx"),
        "指标得分明细",
    );
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let (d, i, e) = (col("部门编码"), col("指标编码"), col("计分说明"));
    let why = rows[1..]
        .iter()
        .map(|r| ((r[d].clone(), r[i].clone()), r[e].clone()))
        .collect();
    Collected {
        read,
        why,
        json: summary(&out),
        _county: c,
    }
}

fn collected() -> Collected {
    collected_with(INDICATORS)
}

impl Collected {
    fn why(&self, dept: &str, ind: &str) -> &str {
        &self.why[&(dept.to_string(), ind.to_string())]
    }

    fn score(&self, dept: &str, ind: &str) -> &str {
        &self.read[dept].indicators[ind].1
    }

    /// The messages of a department's findings of `code`.
    fn messages(&self, dept: &str, code: &str) -> Vec<String> {
        util::dept(&self.json, dept)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == code)
            .map(|f| format!("{} {} {}", f["location"], f["message"], f["hint"]))
            .collect()
    }
}

#[test]
fn a_number_pasted_into_a_percent_cell_is_an_error_naming_both_readings_and_never_the_best() {
    let c = collected();
    // 206 pasted 94.8 into the percent cell of 相对:最高值 R15: it shows, and reads, 9480%.
    let v03 = c.messages("206", "V03");
    assert!(
        v03.iter().any(|m| m.contains("绩效指标!H17")
            && m.contains("「9480%」")
            && m.contains("「94.8%」")
            && m.contains("0%～1000%")),
        "{v03:?}"
    );
    // 元 for 万元: 1234500 against a budget of 500 万元.
    assert!(
        v03.iter()
            .any(|m| m.contains("绩效指标!H16") && m.contains("「123.45万元」")),
        "{v03:?}"
    );
    assert_eq!(c.read["206"].status, "退回");
    assert_eq!(c.score("206", "R15"), "—");
    // The best is 201's 102.5%, not the slip: nobody else is scored against 9480%.
    assert_eq!(
        c.why("202", "R15"),
        "实际 96%，参评部门最高 102.5%（青山县水利局），按比例 6×96/102.5 = 5.62"
    );
    assert!(
        c.messages("202", "V05").is_empty(),
        "{:?}",
        c.messages("202", "V05")
    );
}

#[test]
fn a_best_value_of_zero_scores_by_distance_and_says_so() {
    let c = collected();
    // 相对:最低值 with 201 at 0%: 4 × 2 / 0 would be nothing; by distance from the worst.
    assert_eq!(c.score("201", "R16"), "4.00");
    assert_eq!(c.score("202", "R16"), "3.20");
    assert_eq!(
        c.why("202", "R16"),
        "实际 2%，参评部门最低 0%（青山县水利局）；最低值不大于 0，不能按比例计分，改按与最差值 10.01% 的距离计分：4×|2%−10.01%|/|0%−10.01%| = 3.20"
    );
    assert_eq!(c.score("205", "R16"), "0.00");
}

#[test]
fn a_target_of_zero_takes_its_rule_s_unit_and_an_ambiguous_one_is_the_plan_s_error() {
    let c = collected();
    // ≤0 with 差额扣分:每满1%扣0.5: 3.7% and −7.5% are scored, not sent back.
    assert_eq!(c.score("205", "R11"), "4.50");
    assert_eq!(
        c.why("205", "R11"),
        "实际 3.7%，目标 ≤0，超出 3.7 个百分点，每满 1% 扣 0.5（计 3 个），6−3×0.5 = 4.50"
    );
    assert_eq!(c.score("201", "R11"), "6.00");
    for d in ["201", "205"] {
        assert!(
            c.messages(d, "V02").is_empty(),
            "{:?}",
            c.messages(d, "V02")
        );
    }
    // Two units in the rule and none on 0: the bureau hears it before any template goes out.
    let dir = tempfile::tempdir().unwrap();
    let ambiguous = INDICATORS.replace(
        "≤0\t6\t差额扣分:每满1%扣0.5",
        "≤0\t6\t分段:=0得6;≤5%得3;≤2次得1;其他得0",
    );
    let sheets = [
        ("方案", super::matrix::SETTINGS),
        ("部门", super::matrix::DEPARTMENTS),
        ("指标", ambiguous.as_str()),
        ("预算", super::matrix::BUDGET),
    ]
    .map(|(name, tsv)| jixiao::sheet::RawSheet::from_tsv(name, tsv));
    let plan = dir.path().join("评价方案.xlsx");
    std::fs::write(&plan, jixiao::plan::write::workbook(&sheets).unwrap()).unwrap();
    let out = issue_cmd(&plan, &dir.path().join("模板")).output().unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out).contains("评价方案.xlsx!指标!F12: 指标「R11」计分方式「分段」不能用于目标值「≤0」：目标值 0 没有写单位"),
        "{}",
        text(&out)
    );
    assert!(!dir.path().join("模板").exists());
}

#[test]
fn a_word_answer_must_be_one_of_the_choices() {
    let c = collected();
    let v02 = c.messages("206", "V02");
    assert!(
        v02.iter().any(|m| m.contains("绩效指标!H3")
            && m.contains("「基本合规」不是可选的填法，应为「合规」或「不合规」")),
        "{v02:?}"
    );
    assert!(
        v02.iter()
            .any(|m| m.contains("绩效指标!H6") && m.contains("「一般」不是可选的档次")),
        "{v02:?}"
    );
    assert_eq!(c.score("206", "R01"), "—");
}

/// The county's returns with some answers changed: (department, indicator, answer).
fn returns_with(c: &County, dir: &Path, changes: &[(&str, &str, super::matrix::Typed)]) {
    std::fs::create_dir_all(dir).unwrap();
    for r in &super::matrix::RETURNS {
        let answers: Vec<_> = r
            .answers
            .iter()
            .map(|(ind, typed, own)| {
                let changed = changes
                    .iter()
                    .find(|(d, i, _)| *d == r.code && i == ind)
                    .map(|(_, _, t)| *t);
                (*ind, changed.unwrap_or(*typed), *own)
            })
            .collect();
        let changed = super::matrix::Return {
            code: r.code,
            answers: Box::leak(answers.into_boxed_slice()),
            spent: r.spent,
        };
        let t = c.template(r.code);
        super::matrix::fill_umya(&t, &changed, &dir.join(t.file_name().unwrap()));
    }
}

#[test]
fn a_target_far_above_the_budget_and_a_negative_under_an_upper_bound_are_no_slips() {
    use super::matrix::Typed::{Num, Pct};
    // 带动社会投资 ≥8000万元 for departments of 500万元; 结转结余率 ≤5% may fall below zero.
    let indicators = INDICATORS.replace(
        "单位运行成本\t≤200万元\t6\t反向比例:目标/实际",
        "带动社会投资\t≥8000万元\t6\t比例",
    );
    let c = county_with(&indicators);
    let returns = c.dir.path().join("回收");
    returns_with(
        &c,
        &returns,
        &[("203", "R14", Num("8000")), ("202", "R03", Pct("-2"))],
    );
    let read = collect_read(&c.plan, &returns, &c.dir.path().join("汇总"));
    assert_eq!(
        read["203"].indicators["R14"],
        ("8000万元".into(), "6.00".into())
    );
    assert!(
        !read["203"].findings.iter().any(|(code, _)| code == "V03"),
        "{:?}",
        read["203"].findings
    );
    assert_eq!(read["202"].indicators["R03"], ("-2%".into(), "5.00".into()));
    // 1234500 is still ten times beyond both.
    assert!(
        read["206"]
            .findings
            .contains(&("V03".into(), "绩效指标!H16".into()))
    );
}

#[test]
fn phrases_are_never_read_by_their_shape() {
    // 无违规 against 合规 was read as 否, 非常及时 against 及时 as 否, 合规性差 as 是.
    let indicators = INDICATORS.replace(
        "R09\t县直\t部门影响力\t社会\t服务对象评价\t良好\t4\t",
        "R09\t县直\t部门影响力\t社会\t报送及时性\t及时\t4\t",
    );
    let c = county_with(&indicators);
    let returns = c.dir.path().join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    let phrases = [
        ("201", "无违规", "非常及时"),
        ("202", "未发现违规", "基本及时"),
        ("203", "合规性差", "及时性差"),
    ];
    for (code, r01, r09) in phrases {
        let r = super::matrix::RETURNS
            .iter()
            .find(|r| r.code == code)
            .unwrap();
        let answers: Vec<_> = r
            .answers
            .iter()
            .map(|(ind, typed, own)| match *ind {
                "R01" => (*ind, super::matrix::Typed::Text(r01), *own),
                "R09" => (*ind, super::matrix::Typed::Text(r09), *own),
                _ => (*ind, *typed, *own),
            })
            .collect();
        let answers: &'static [_] = Box::leak(answers.into_boxed_slice());
        let changed = super::matrix::Return {
            code: r.code,
            answers,
            spent: r.spent,
        };
        let t = c.template(code);
        super::matrix::fill_umya(&t, &changed, &returns.join(t.file_name().unwrap()));
    }
    let read = collect_read(&c.plan, &returns, &c.dir.path().join("汇总"));
    for (code, r01, r09) in phrases {
        assert_eq!(read[code].indicators["R01"].1, "—", "{code} {r01}");
        assert_eq!(read[code].indicators["R09"].1, "—", "{code} {r09}");
        let v02: Vec<&(String, String)> = read[code]
            .findings
            .iter()
            .filter(|(c, _)| c == "V02")
            .collect();
        assert!(
            v02.contains(&&("V02".to_string(), "绩效指标!H3".to_string())),
            "{code}"
        );
        assert!(
            v02.contains(&&("V02".to_string(), "绩效指标!H11".to_string())),
            "{code}"
        );
        assert_eq!(read[code].status, "退回");
    }
}

/// Whether a range such as `H12:H14` (one column) covers `cell` (`H13`).
fn covers(range: &str, cell: &str) -> bool {
    let split = |c: &str| {
        let at = c.find(|ch: char| ch.is_ascii_digit()).unwrap_or(c.len());
        (c[..at].to_string(), c[at..].parse::<u32>().unwrap_or(0))
    };
    let (from, to) = range.split_once(':').unwrap_or((range, range));
    let ((c0, r0), (c1, r1), (c, r)) = (split(from), split(to), split(cell));
    c0 == c && c1 == c && (r0..=r1).contains(&r)
}

#[test]
fn a_negative_change_rate_can_be_typed_where_the_rule_scores_it() {
    let c = county();
    let t = c.template("201");
    let xml = zip_part(&t, "xl/worksheets/sheet4.xml");
    let rules: Vec<&str> = xml.split("<dataValidation ").skip(1).collect();
    let rule_of = |cell: &str| {
        rules
            .iter()
            .find(|r| {
                r.split("sqref=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .is_some_and(|refs| refs.split(' ').any(|x| covers(x, cell)))
            })
            .unwrap_or_else(|| panic!("no validation covers {cell}"))
    };
    // R11 三公经费变动率 (差额扣分, ≤0): −100% to 1000%, so −7.5% is accepted.
    let r11 = rule_of("H13");
    assert!(r11.contains("type=\"decimal\""), "{r11}");
    assert!(r11.contains("<formula1>-1</formula1>"), "{r11}");
    assert!(r11.contains("<formula2>10</formula2>"), "{r11}");
    // R02 (比例, ≥95%): 0% to 1000%.
    let r02 = rule_of("H4");
    assert!(r02.contains("<formula1>0</formula1>"), "{r02}");
    assert!(r02.contains("<formula2>10</formula2>"), "{r02}");
}

#[test]
fn not_applicable_asks_for_no_self_score() {
    let c = collected();
    let v06 = c.messages("201", "V06");
    assert!(
        !v06.iter().any(|m| m.contains("绩效指标!I20")),
        "R18 is 不适用: {v06:?}"
    );
}

#[test]
fn a_computed_rate_takes_its_tier_by_the_exact_value() {
    let c = collected();
    // 474.99 / 500 = 94.998%: shown as 95%, but below the ≥95% tier.
    assert_eq!(
        c.read["202"].indicators["R19"],
        ("95%".into(), "4.00".into())
    );
    assert_eq!(
        c.why("202", "R19"),
        "实际值取自预算执行（预算执行率）：执行数 474.99 / 调整后预算 500.00 = 94.998%；实际 94.998%，分段「≥90%得4」，得 4.00 分"
    );
    assert_eq!(c.score("201", "R19"), "6.00");
}
