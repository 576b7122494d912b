//! A plan that uses every kind of rule across departments: issued, filled through a different
//! writer, collected, and every score read back from the consolidated workbook against the
//! arithmetic done by hand here.

use super::*;

use jixiao::demo::fill::{Answers, Typing, fill, info, to_bytes};
use jixiao::sample::{Reported, Spending};
use jixiao::sheet::RawSheet;

const SETTINGS: &str = "项目\t值
评价年度\t2021
评价名称\t2021年度部门整体支出绩效自评价（规则测试）
组织单位\t市财政局
报送截止日期\t2022-05-20
";

const DEPARTMENTS: &str = "部门编码\t部门名称\t指标组\t联系人\t联系电话\t邮箱
101\t甲局\t测试\t甲\t1\ta@example.com
102\t乙局\t测试\t乙\t2\tb@example.com
103\t丙局\t测试\t丙\t3\tc@example.com
104\t丁局\t测试\t丁\t4\td@example.com
";

const INDICATORS: &str = "指标编码\t指标组\t一级指标\t二级指标\t三级指标\t目标值\t权重\t计分方式\t可不适用\t实际值来源
R01\t测试\t部门管理\t资金管理\t财政供养人员控制率\t≤100%\t10\t差额扣分:每1%扣0.5\t\t
R02\t测试\t部门管理\t资金管理\t重点支出安排率\t≥90%\t10\t分段：≥90%得10；≥80%得8；≥70%得6；≥60%得4；其他得0\t\t
R03\t测试\t部门管理\t资金管理\t预算调整率\t=0\t10\t分段:=0得10;≤10%得70%;≤20%得40%;其他得0\t\t
R04\t测试\t部门管理\t制度管理\t管理制度健全性\t健全\t9\t清单:3项,每项3\t\t
R05\t测试\t部门管理\t资金管理\t三公经费变动率\t≤0%\t10\t差额扣分:每满1%扣1\t\t
R06\t测试\t部门绩效\t效果\t社会满意度\t满意\t10\t定性\t\t
R07\t测试\t部门绩效\t成本\t单位成本\t≤100元\t10\t反向比例:目标/实际\t\t
R08\t测试\t部门绩效\t产出\t绩效目标完成率\t≥90%\t10\t相对:最高值\t\t
R09\t测试\t部门绩效\t产出\t信访办结率\t≥90%\t10\t排名:第1名得10;第2名得8;其他得6\t\t
R10\t测试\t部门管理\t资金管理\t项目支出执行率\t≥90%\t5\t\t\t项目支出执行率
R11\t测试\t部门绩效\t专项工作\t专项检查\t完成\t6\t\t是\t
";

const BUDGET: &str = "部门编码\t项目名称\t项目性质\t支出类型\t年初预算\t调整后预算
101\t基本支出\t\t基本支出\t100\t100
101\t项目A\t经常性项目\t项目支出\t200\t200
102\t基本支出\t\t基本支出\t100\t100
102\t项目A\t经常性项目\t项目支出\t200\t200
103\t基本支出\t\t基本支出\t100\t100
103\t项目A\t经常性项目\t项目支出\t200\t200
104\t基本支出\t\t基本支出\t100\t100
104\t项目A\t经常性项目\t项目支出\t200\t200
";

/// (指标编码, 实际完成值, 自评得分) of one department, and its 项目A 执行数.
type Return = (
    &'static str,
    [(&'static str, &'static str, &'static str); 11],
    &'static str,
);

const RETURNS: [Return; 4] = [
    (
        "101",
        [
            ("R01", "102.5%", "8.75"),
            ("R02", "85%", "8"),
            ("R03", "5%", "7"),
            ("R04", "①③", "6"),
            ("R05", "2.5%", "8"),
            ("R06", "部分达成", "7"),
            ("R07", "125", "8"),
            ("R08", "95%", "9.69"),
            ("R09", "95%", "8"),
            ("R10", "", "5"),
            ("R11", "不适用", ""),
        ],
        "180",
    ),
    (
        "102",
        [
            ("R01", "100%", "10"),
            ("R02", "90%", "10"),
            ("R03", "0", "10"),
            ("R04", "3", "9"),
            ("R05", "-1%", "10"),
            ("R06", "达成", "10"),
            ("R07", "100", "10"),
            ("R08", "98%", "10"),
            ("R09", "98%", "10"),
            ("R10", "", "5"),
            ("R11", "完成", "6"),
        ],
        "200",
    ),
    (
        "103",
        [
            ("R01", "110%", "5"),
            ("R02", "59%", "0"),
            ("R03", "25%", "0"),
            ("R04", "1,2", "6"),
            ("R05", "0%", "10"),
            ("R06", "达成", "7"),
            ("R07", "80", "10"),
            ("R08", "90%", "9.18"),
            ("R09", "90%", "6"),
            ("R10", "", "2.78"),
            ("R11", "未完成", "0"),
        ],
        "100",
    ),
    // Sent back (不适用 where the plan does not allow it): its 99% is nobody's best.
    (
        "104",
        [
            ("R01", "100%", "10"),
            ("R02", "不适用", "10"),
            ("R03", "0", "10"),
            ("R04", "第1、2、3项", "9"),
            ("R05", "0%", "10"),
            ("R06", "达成", "10"),
            ("R07", "100", "10"),
            ("R08", "99%", "10"),
            ("R09", "99%", "10"),
            ("R10", "", "5"),
            ("R11", "完成", "6"),
        ],
        "200",
    ),
];

/// One department's return: its code, (指标编码, 实际完成值, 自评得分) typed, its 项目A 执行数.
type Filled = (
    &'static str,
    Vec<(&'static str, &'static str, &'static str)>,
    &'static str,
);

/// Writes a plan of these indicators (with this file's settings, departments and budget) into
/// `dir`, issues its templates, and fills each department's through umya-spreadsheet (a
/// different writer) into `回收/`. Returns the plan's path and the returns' folder.
fn issue_and_fill(
    dir: &Path,
    indicators: &str,
    returned: &[Filled],
) -> (std::path::PathBuf, std::path::PathBuf) {
    let sheets = [
        ("方案", SETTINGS),
        ("部门", DEPARTMENTS),
        ("指标", indicators),
        ("预算", BUDGET),
    ]
    .map(|(name, tsv)| RawSheet::from_tsv(name, tsv));
    let plan_path = dir.join("评价方案.xlsx");
    std::fs::write(&plan_path, jixiao::plan::write::workbook(&sheets).unwrap()).unwrap();
    let templates = dir.join("模板");
    issue_into(&plan_path, &templates);
    let plan = jixiao::plan::read(&plan_path).unwrap();
    let returns = dir.join("回收");
    std::fs::create_dir_all(&returns).unwrap();
    for (code, outcomes, spent) in returned {
        let d = plan
            .department(&jixiao::domain::DeptCode::new(code))
            .unwrap();
        let file = jixiao::template::file_name(&plan, d);
        let answers = Answers {
            info: info("经办人", "1", "2022-05-10"),
            outcomes: outcomes
                .iter()
                .map(|(c, actual, own)| Reported {
                    code: c.to_string(),
                    actual: actual.to_string(),
                    self_score: own.to_string(),
                    reason: "原因".into(),
                    evidence: String::new(),
                })
                .collect(),
            spending: [("基本支出", "100"), ("项目A", spent)]
                .map(|(name, spent)| Spending {
                    name: name.into(),
                    spent: spent.to_string(),
                    ..Spending::default()
                })
                .to_vec(),
        };
        let template = std::fs::read(templates.join(&file)).unwrap();
        let book = fill(&template, &answers, Typing::AsExcel).unwrap();
        std::fs::write(returns.join(&file), to_bytes(&book).unwrap()).unwrap();
    }
    (plan_path, returns)
}

#[test]
fn every_kind_of_rule_scores_as_the_table_says() {
    let dir = tempfile::tempdir().unwrap();
    let returned: Vec<Filled> = RETURNS
        .iter()
        .map(|(code, outcomes, spent)| {
            // R10 is computed from 预算执行: nothing to type.
            let typed = outcomes.iter().filter(|(c, ..)| *c != "R10").copied();
            (*code, typed.collect(), *spent)
        })
        .collect();
    let (plan_path, returns) = issue_and_fill(dir.path(), INDICATORS, &returned);
    let out = dir.path().join("汇总");
    let log = stdout_of(collect_cmd(&plan_path, &out).arg(&returns).arg("--report"));
    assert!(log.contains("乙局"), "{log}");

    let book = out.join("2021年度部门整体绩效评价汇总.xlsx");
    let details = sheet_rows(&book, "指标得分明细");
    let header = &details[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (dc, ic, sc, ec) = (
        col("部门编码"),
        col("指标编码"),
        col("得分"),
        col("计分说明"),
    );
    let row = |dept: &str, ind: &str| {
        details
            .iter()
            .find(|r| r[dc] == dept && r[ic] == ind)
            .unwrap_or_else(|| panic!("{dept} {ind}"))
    };
    // 不适用 drops out: its 得分 reads 不适用 (counted here as the 0 it adds to the total).
    let score = |dept: &str, ind: &str| match row(dept, ind)[sc].as_str() {
        "不适用" => "0".to_string(),
        s => s.to_string(),
    };
    // Worked by hand from the table of rules.
    let expected: [(&str, [&str; 11]); 3] = [
        (
            "101",
            ["8.75", "8", "7", "6", "8", "7", "8", "9.69", "8", "5", "0"],
        ),
        (
            "102",
            [
                "10", "10", "10", "9", "10", "10", "10", "10", "10", "5", "6",
            ],
        ),
        (
            "103",
            [
                "5", "0", "0", "6", "10", "8", "10", "9.18", "6", "2.78", "0",
            ],
        ),
    ];
    for (dept, scores) in expected {
        for (k, want) in scores.iter().enumerate() {
            let code = format!("R{:02}", k + 1);
            assert_eq!(
                score(dept, &code).parse::<f64>().unwrap(),
                want.parse::<f64>().unwrap(),
                "{dept} {code}: {:?}",
                row(dept, &code)
            );
        }
    }
    let why = |dept: &str, ind: &str| row(dept, ind)[ec].clone();
    assert_eq!(
        why("101", "R01"),
        "实际 102.5%，目标 ≤100%，超出 2.5 个百分点，每 1% 扣 0.5，10−2.5×0.5 = 8.75"
    );
    assert_eq!(why("101", "R02"), "实际 85%，分段「≥80%得8」，得 8.00 分");
    assert_eq!(
        why("101", "R03"),
        "实际 5%，分段「≤10%得70%」，10×70% = 7.00"
    );
    assert_eq!(
        why("101", "R04"),
        "达到第 1、3 项（共 3 项中的 2 项），每项 3，2×3 = 6.00"
    );
    assert_eq!(
        why("101", "R05"),
        "实际 2.5%，目标 ≤0%，超出 2.5 个百分点，每满 1% 扣 1（计 2 个），10−2×1 = 8.00"
    );
    assert_eq!(
        why("101", "R06"),
        "评定「部分达成」（权重的 60%～80%，即 6～8 分），采用自评得分 7.00，待复核"
    );
    assert_eq!(
        why("101", "R07"),
        "实际 125元，目标 ≤100元，反向比例 10×100/125 = 8.00"
    );
    // 丁局 (99%) was sent back: the best is 乙局's 98%.
    assert_eq!(
        why("101", "R08"),
        "实际 95%，参评部门最高 98%（乙局），按比例 10×95/98 = 9.69"
    );
    assert_eq!(
        why("101", "R09"),
        "实际 95%，在 3 个部门中排第 2 名，「第2名得8」，得 8.00 分"
    );
    assert_eq!(
        why("103", "R10"),
        "实际值取自预算执行（项目支出执行率）：执行数 100.00 / 调整后预算 200.00 = 50%；实际 50%，目标 ≥90%，按比例 5×50/90 = 2.78"
    );
    assert_eq!(
        why("101", "R11"),
        "不适用，不计分；权重 6 不计入，总分按适用指标折算"
    );
    assert_eq!(
        why("103", "R06"),
        "评定「达成」（权重的 80%～100%，即 8～10 分），自评得分 7 不在此范围，按 8.00 计，待复核"
    );

    // Totals: 甲局's 75.44 of the 94 that apply, rescaled to 100.
    let json = summary(&out);
    assert_eq!(util::dept(&json, "101")["total"], "80.26");
    assert_eq!(util::dept(&json, "101")["grade"], "良");
    assert_eq!(util::dept(&json, "102")["total"], "100.00");
    assert_eq!(util::dept(&json, "103")["total"], "56.96");
    assert_eq!(util::dept(&json, "104")["status"], "退回");
    let codes = |d: &str| -> Vec<String> {
        util::dept(&json, d)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        codes("103").contains(&"V14".to_string()),
        "{:?}",
        codes("103")
    );
    assert!(
        codes("104").contains(&"V15".to_string()),
        "{:?}",
        codes("104")
    );
    assert!(!codes("101").contains(&"V16".to_string()));

    // The department's sheet shows the rescaling arithmetic.
    let sheet = sheet_rows(&book, "101 甲局");
    assert!(
        sheet
            .iter()
            .flatten()
            .any(|c| c
                == "不适用指标权重 6 不计入，总分按适用指标折算：75.44 × 100 /（100 − 6）= 80.26"),
        "{sheet:?}"
    );
    // 说明 names the indicators that depend on other departments.
    let about = sheet_rows(&book, "说明");
    let peers = about
        .iter()
        .find(|r| r[0] == "相对与排名指标")
        .expect("说明 lists the relative indicators");
    assert!(
        peers[1].contains("R08 绩效目标完成率（相对:最高值）"),
        "{peers:?}"
    );
    assert!(peers[1].contains("R09 信访办结率"), "{peers:?}");

    // 甲局's draft: a group whose only indicator is 不适用 says so, and table 3 adds up as
    // printed, its rescaling explained with the arithmetic.
    let draft = out.join("报告/2021年度甲局部门整体支出绩效自评价报告（初稿）.docx");
    let (texts, tables) = super::reports::docx(&draft);
    let all = texts.concat();
    assert!(
        all.contains("专项工作：「专项检查」（分值 6 分）不适用本部门，不计分。"),
        "{all}"
    );
    assert!(!all.contains("专项工作：分值"), "{all}");
    assert!(
        all.contains(
            "适用指标分值 94 分、得分 75.44 分，按总分 100 分折算：75.44 × 100 ÷ 94 = 80.26 分"
        ),
        "{all}"
    );
    let t3 = tables
        .iter()
        .find(|t| {
            t.iter()
                .any(|r| r.first().is_some_and(|c| c == "折算为总分"))
        })
        .expect("table 3");
    let n = |s: &str| s.parse::<f64>().unwrap();
    let sub = t3.iter().position(|r| r[0] == "小计（适用指标）").unwrap();
    let (w, s): (f64, f64) = t3[1..sub]
        .iter()
        .fold((0.0, 0.0), |(w, s), r| (w + n(&r[1]), s + n(&r[2])));
    assert!((w - n(&t3[sub][1])).abs() < 0.005, "{t3:?}");
    assert!((s - n(&t3[sub][2])).abs() < 0.006, "{t3:?}");
    assert_eq!(t3[sub + 1][1..], ["100".to_string(), "80.26".to_string()]);
    assert!(all.contains("「R06」（社会满意度）为定性类指标，采用自评得分 7.00，待财政局复核"));
    // Once the bureau has reviewed R06, the draft no longer says it waits for review.
    let filled = dir.path().join("复核表_已填.xlsx");
    let mut review = umya_spreadsheet::reader::xlsx::read(out.join("复核表.xlsx")).unwrap();
    let ws = review.sheet_by_name_mut("复核表").unwrap();
    let r = (3..=ws.highest_row())
        .find(|r| ws.value((1, *r)) == "101" && ws.value((3, *r)) == "R06")
        .unwrap();
    ws.cell_mut((12, r)).set_value_number(7.5);
    ws.cell_mut((13, r)).set_value_string("佐证材料充分");
    umya_spreadsheet::writer::xlsx::write(&review, &filled).unwrap();
    let reviewed = dir.path().join("汇总-复核后");
    stdout_of(
        collect_cmd(&plan_path, &reviewed)
            .arg(&returns)
            .arg("--report")
            .arg("--review")
            .arg(&filled),
    );
    let (after, _) = super::reports::docx(
        &reviewed.join("报告/2021年度甲局部门整体支出绩效自评价报告（初稿）.docx"),
    );
    let after = after.concat();
    assert!(
        !after.contains("「R06」（社会满意度）为定性类指标"),
        "{after}"
    );
    // The appendix reads 不适用 where the indicator dropped out, not a score of 0.
    let appendix = tables.last().unwrap();
    let r11 = appendix
        .iter()
        .find(|r| r.contains(&"专项检查".to_string()))
        .unwrap();
    assert_eq!(r11.last().unwrap(), "不适用", "{r11:?}");

    // Spilled to a temporary file, the 相对/排名 results are scored again and written back:
    // the outputs are the same bytes.
    let written = spilled_run_writes_the_same(
        &plan_path,
        &dir.path().join("对照"),
        &[returns.as_os_str(), "--report".as_ref()],
    );
    assert!(written >= 6, "{written}");
}

#[test]
fn plan_checks_show_the_cell_and_the_right_form() {
    let dir = tempfile::tempdir().unwrap();
    let bad = INDICATORS
        .replace(
            "分段：≥90%得10；≥80%得8；≥70%得6；≥60%得4；其他得0",
            "分段:≥80%得8;≥90%得10;其他得0",
        )
        .replace("清单:3项,每项3", "清单:3项,每项2")
        .replace("\t定性\t", "\t定性:好=80%~100%;差=0~60%\t")
        .replace("\t项目支出执行率\n", "\t执行率\n")
        .replace("相对:最高值", "相对:平均值");
    let sheets = [
        ("方案", SETTINGS),
        ("部门", DEPARTMENTS),
        ("指标", bad.as_str()),
        ("预算", BUDGET),
    ]
    .map(|(name, tsv)| RawSheet::from_tsv(name, tsv));
    let plan_path = dir.path().join("评价方案.xlsx");
    std::fs::write(&plan_path, jixiao::plan::write::workbook(&sheets).unwrap()).unwrap();
    let templates = dir.path().join("模板");
    let out = issue_cmd(&plan_path, &templates).output().unwrap();
    assert!(!out.status.success());
    assert!(
        !templates.exists(),
        "nothing is issued from a plan with errors"
    );
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    for want in [
        "评价方案.xlsx!指标!H3: 指标「R02」「≥90%得10」永远用不到：排在前面的「≥80%得8」已包含它",
        "评价方案.xlsx!指标!H5: 指标「R04」清单 3 项 × 每项 2 = 6，与权重 9 不等，应如「清单:3项,每项3」",
        "评价方案.xlsx!指标!H7: 指标「R06」定性档次没有覆盖 60%～80%",
        "评价方案.xlsx!指标!J11: 指标「R10」的实际值来源「执行率」无法识别，应为「预算执行率」「基本支出执行率」「项目支出执行率」之一",
        "评价方案.xlsx!指标!H9: 指标「R08」相对写法有误「相对:平均值」，应为「相对:最高值」或「相对:最低值」",
    ] {
        assert!(text.contains(want), "missing «{want}» in:\n{text}");
    }
}

/// 区间, added as one kind (issue 35): issued with a percent validation, filled through
/// another writer, scored inside and outside its bounds, and explained.
#[test]
fn a_range_rule_is_issued_filled_and_scored_end_to_end() {
    const RANGE_INDICATORS: &str =
        "指标编码\t指标组\t一级指标\t二级指标\t三级指标\t目标值\t权重\t计分方式
Q01\t测试\t部门管理\t资金管理\t年末结余率\t≥80%\t40\t区间:80%~90%
Q02\t测试\t部门管理\t资金管理\t专项检查次数\t≥3次\t60\t区间：3～5次
";
    let dir = tempfile::tempdir().unwrap();
    let returned: Vec<Filled> = [
        ("101", "85%", "4"),
        ("102", "95%", "3次"),
        ("103", "90%", "6"),
    ]
    .into_iter()
    .map(|(code, rate, checks)| (code, vec![("Q01", rate, ""), ("Q02", checks, "")], "200"))
    .collect();
    let (plan_path, returns) = issue_and_fill(dir.path(), RANGE_INDICATORS, &returned);
    let out = dir.path().join("汇总");
    stdout_of(collect_cmd(&plan_path, &out).arg(&returns));
    let details = sheet_rows(
        &out.join("2021年度部门整体绩效评价汇总.xlsx"),
        "指标得分明细",
    );
    let col = |name: &str| details[0].iter().position(|h| h == name).unwrap();
    let (dc, ic, sc, ec) = (
        col("部门编码"),
        col("指标编码"),
        col("得分"),
        col("计分说明"),
    );
    let row = |dept: &str, ind: &str| {
        details
            .iter()
            .find(|r| r[dc] == dept && r[ic] == ind)
            .unwrap_or_else(|| panic!("{dept} {ind}: {details:?}"))
            .clone()
    };
    let expected = [
        (
            "101",
            "Q01",
            "40",
            "实际 85%，在区间 80%～90% 内，得满分 40",
        ),
        (
            "101",
            "Q02",
            "60",
            "实际 4次，在区间 3次～5次 内，得满分 60",
        ),
        ("102", "Q01", "0", "实际 95%，不在区间 80%～90% 内，得 0 分"),
        (
            "102",
            "Q02",
            "60",
            "实际 3次，在区间 3次～5次 内，得满分 60",
        ),
        (
            "103",
            "Q01",
            "40",
            "实际 90%，在区间 80%～90% 内，得满分 40",
        ),
        ("103", "Q02", "0", "实际 6次，不在区间 3次～5次 内，得 0 分"),
    ];
    for (dept, ind, score, why) in expected {
        let r = row(dept, ind);
        assert_eq!(
            r[sc].parse::<f64>().unwrap(),
            score.parse::<f64>().unwrap(),
            "{dept} {ind}: {r:?}"
        );
        assert_eq!(r[ec], why, "{dept} {ind}");
    }
}
