//! Synthetic data for benchmarks: `cargo run --release --example synth -- --departments N -o DIR`
//! writes `DIR/评价方案.xlsx` with N departments, each with the 27 共性 indicators of the
//! built-in sample plus 33–73 of its own (60–100 in all) and 8–20 budget lines, and
//! `DIR/回收/` with one filled return per department (25–40 KB, Chinese text, a few findings:
//! shortfalls without a reason, an over-claimed self-score, now and then a missing 执行数).
//! Deterministic from `--seed` (default 2021). `--plan-only` skips the returns.

use jixiao::sample;
use jixiao::sheet::{RawRow, RawSheet};
use rayon::prelude::*;
use std::path::PathBuf;

/// xorshift64*: small, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const BUREAUS: [&str; 24] = [
    "发展和改革委员会",
    "工业和信息化局",
    "公安局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "城市管理局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电和旅游局",
    "退役军人事务局",
    "审计局",
    "市场监督管理局",
    "体育局",
    "统计局",
    "医疗保障局",
    "信访局",
    "数据局",
    "机关事务管理局",
    "科学技术局",
    "林业局",
];
const AREAS: [&str; 8] = [
    "重点任务推进",
    "专项资金管理",
    "公共服务供给",
    "监管执法",
    "基础设施建设",
    "民生保障",
    "信息化建设",
    "履职效果",
];
const TOPICS: [&str; 20] = [
    "项目完成",
    "服务覆盖",
    "检查",
    "培训",
    "宣传活动",
    "验收",
    "督查",
    "案件办结",
    "设施建设",
    "数据归集",
    "应急演练",
    "调研",
    "示范点创建",
    "资金拨付",
    "平台运行",
    "投诉处理",
    "标准制定",
    "考核",
    "排查整治",
    "满意度调查",
];
const UNITS: [&str; 8] = ["次", "个", "人次", "项", "场", "家", "公里", "份"];

fn sheet(name: &str, rows: Vec<Vec<String>>) -> RawSheet {
    RawSheet {
        name: name.into(),
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| RawRow::new(i as u32, cells))
            .collect(),
    }
}

fn main() -> anyhow::Result<()> {
    let mut n = 100usize;
    let mut out = PathBuf::from("synth");
    let mut seed = 2021u64;
    let mut plan_only = false;
    // With --groups G, department d takes the own indicators of group d mod G, so that a plan
    // of 50,000 departments stays within Excel's 1,048,576 rows.
    let mut groups = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--departments" | "-n" => n = args.next().unwrap_or_default().parse()?,
            "-o" | "--output" => out = PathBuf::from(args.next().unwrap_or_default()),
            "--seed" => seed = args.next().unwrap_or_default().parse()?,
            "--plan-only" => plan_only = true,
            "--groups" => groups = args.next().unwrap_or_default().parse()?,
            other => anyhow::bail!(
                "unknown argument {other}; usage: synth --departments N -o DIR [--seed S] [--groups G]"
            ),
        }
    }
    let mut rng = Rng(seed.max(1));
    let base = sample::plan_sheets();
    let settings = base[0].clone();
    let common: Vec<RawRow> = base[2]
        .rows
        .iter()
        .filter(|r| r.row == 0 || r.get(1) == "共性")
        .cloned()
        .collect();
    let ind_header: Vec<String> = common[0].cells().map(String::from).collect();

    let mut depts = vec![
        [
            "部门编码",
            "部门名称",
            "指标组",
            "联系人",
            "联系电话",
            "邮箱",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let mut inds = vec![ind_header];
    inds.extend(
        common
            .iter()
            .skip(1)
            .map(|r| r.cells().map(String::from).collect()),
    );
    let mut budget = vec![
        [
            "部门编码",
            "项目名称",
            "项目性质",
            "支出类型",
            "年初预算",
            "调整后预算",
        ]
        .map(String::from)
        .to_vec(),
    ];

    for d in 0..n {
        let code = format!("{:04}", d + 1);
        let name = format!(
            "市{}{}",
            BUREAUS[d % BUREAUS.len()],
            if d < BUREAUS.len() {
                String::new()
            } else {
                format!("第{}分局", d / BUREAUS.len())
            }
        );
        let gcode = if groups > 0 {
            format!("G{:05}", d % groups + 1)
        } else {
            code.clone()
        };
        let group = format!("组{gcode}");
        depts.push(vec![
            code.clone(),
            name,
            group.clone(),
            "联系人".into(),
            format!("0518-8{:07}", d),
            format!("d{code}@example.com"),
        ]);
        // A department of a group already written shares its indicators.
        let k = if groups > 0 && d >= groups {
            0
        } else {
            33 + rng.below(41) as usize // 33..=73 own indicators
        };
        // Weights in tenths summing to 600 (= 60 points).
        let mut tenths = vec![600 / k.max(1) as u64; k];
        let rest = 600 - tenths.iter().sum::<u64>();
        for t in tenths.iter_mut().take(rest as usize) {
            *t += 1;
        }
        for (i, w) in tenths.iter().enumerate() {
            let area = if i + 3 >= k {
                "履职效果"
            } else {
                AREAS[rng.below(7) as usize]
            };
            let dim = if area == "履职效果" {
                "部门影响力"
            } else {
                "部门绩效"
            };
            let topic = rng.pick(&TOPICS);
            let (target, rule, base) = match rng.below(6) {
                0 => (
                    format!("≥{}{}", 1 + rng.below(500), rng.pick(&UNITS)),
                    String::new(),
                    String::new(),
                ),
                1 => (
                    format!("{}%", 80 + rng.below(21)),
                    String::new(),
                    String::new(),
                ),
                2 => ("完成".to_string(), String::new(), String::new()),
                3 => (
                    format!("≤{}", 1 + rng.below(30)),
                    String::new(),
                    String::new(),
                ),
                4 => (
                    "下降".to_string(),
                    String::new(),
                    (10 + rng.below(200)).to_string(),
                ),
                _ => (
                    "高".to_string(),
                    "档次:高=100%,中=90%,低=80%".to_string(),
                    String::new(),
                ),
            };
            inds.push(vec![
                format!("{gcode}-{:02}", i + 1),
                group.clone(),
                dim.into(),
                "部门履职".into(),
                area.into(),
                format!("{area}{topic}{}", i + 1),
                target,
                format!("{}", *w as f64 / 10.0),
                rule,
                "达到目标值得满分，未达到按规则计分".into(),
                "年度工作计划".into(),
                base,
            ]);
        }
        let lines = 8 + rng.below(13) as usize; // 8..=20
        for l in 0..lines {
            let (name, kind, nature) = if l == 0 {
                ("基本支出".to_string(), "基本支出", "")
            } else {
                (
                    format!("{}专项{}", rng.pick(&TOPICS), l),
                    "项目支出",
                    if rng.below(3) == 0 {
                        "一次性项目"
                    } else {
                        "经常性项目"
                    },
                )
            };
            let initial = 10 + rng.below(50_000);
            let adjusted = initial + rng.below(2000);
            budget.push(vec![
                code.clone(),
                name,
                nature.into(),
                kind.into(),
                format!("{}.{:02}", initial / 100, initial % 100),
                format!("{}.{:02}", adjusted / 100, adjusted % 100),
            ]);
        }
    }
    let sheets = vec![
        settings,
        sheet("部门", depts),
        sheet("指标", inds),
        sheet("预算", budget),
    ];
    // Check before writing: a synthetic plan must be a valid plan.
    let plan = jixiao::plan::parse("评价方案.xlsx", &sheets).map_err(|e| anyhow::anyhow!("{e}"))?;
    std::fs::create_dir_all(&out)?;
    let bytes = jixiao::plan::write::workbook(&sheets)?;
    let path = out.join("评价方案.xlsx");
    jixiao::output::write_atomic(&path, &bytes)?;
    println!(
        "{}: {} departments, {} indicators, {} budget lines",
        path.display(),
        plan.departments.len(),
        plan.indicators.len(),
        plan.budget.len()
    );
    if plan_only {
        return Ok(());
    }
    let returns = out.join("回收");
    std::fs::create_dir_all(&returns)?;
    let results: Vec<anyhow::Result<u64>> = plan
        .departments
        .par_iter()
        .enumerate()
        .map(|(k, dept)| {
            let answers = answers(&plan, dept, seed ^ (k as u64 + 1).wrapping_mul(0x9E37_79B9));
            let template = jixiao::template::build(&plan, dept)?;
            let bytes =
                jixiao::demo::stamp::stamp(&template, &answers).map_err(anyhow::Error::msg)?;
            let path = returns.join(jixiao::template::file_name(&plan, dept));
            jixiao::output::write_atomic(&path, &bytes)?;
            Ok(bytes.len() as u64)
        })
        .collect();
    let mut total = 0;
    for r in results {
        total += r?;
    }
    println!(
        "{}: {} returns, {:.1} KB on average",
        returns.display(),
        plan.departments.len(),
        total as f64 / plan.departments.len().max(1) as f64 / 1024.0
    );
    Ok(())
}

const REASONS: [&str; 6] = [
    "受项目实施周期影响，部分工作结转下年度，已制定整改计划并明确责任处室和完成时限。",
    "年内政策调整导致任务量变化，已与主管部门沟通，下一年度将加强过程监控和绩效跟踪。",
    "资金拨付进度偏慢，影响了项目推进，将优化审批流程，按月通报执行情况。",
    "外部因素影响超出预期，部分指标未达到目标值，已分析原因并纳入下年度重点工作。",
    "基层单位配合不够紧密，数据报送滞后，将建立定期调度机制，确保按时完成。",
    "设备采购周期较长，验收推迟至年底，相关工作已于次年一季度全部完成。",
];
const EVIDENCE: [&str; 5] = [
    "年度工作总结、专项检查报告、会议纪要",
    "项目验收报告、资金拨付凭证",
    "统计年报、业务台账、第三方评估报告",
    "培训签到表、通知文件、现场照片",
    "政府采购合同、绩效监控表",
];

/// A plausible return: targets mostly met, a few shortfalls with (or without) a reason and now
/// and then an over-claimed self-score, and in one return of twenty a 执行数 left empty.
fn answers(
    plan: &jixiao::plan::Plan,
    dept: &jixiao::plan::Department,
    seed: u64,
) -> jixiao::sample::Answers {
    let mut rng = Rng(seed.max(1));
    let mut a = jixiao::demo::full_marks(plan, dept);
    let own = plan.indicators_for(dept);
    a.info = jixiao::demo::fill::info(
        "经办人",
        &dept.phone,
        &format!("2022-05-{:02}", 1 + rng.below(20)),
    );
    for o in a.outcomes.iter_mut() {
        o.evidence = rng.pick(&EVIDENCE).to_string();
        if let Some(ind) = own.iter().find(|i| i.code.as_str() == o.code)
            && rng.below(8) == 0
            && let jixiao::score::Target::Compare {
                value,
                unit,
                cmp: jixiao::score::Cmp::Ge,
            } = &*ind.target
        {
            let short = (*value * rust_decimal::Decimal::new(9, 1)).round_dp(1);
            o.actual = format!("{}{}", short.normalize(), unit);
            // Most departments score themselves fairly; one in four claims full marks.
            if rng.below(4) != 0 {
                let own = (ind.weight.value() * rust_decimal::Decimal::new(9, 1)).round_dp(2);
                o.self_score = own.normalize().to_string();
            }
            if rng.below(3) != 0 {
                o.reason = rng.pick(&REASONS).to_string();
            }
        }
    }
    for s in a.spending.iter_mut() {
        s.note = if rng.below(4) == 0 {
            rng.pick(&REASONS).to_string()
        } else {
            String::new()
        };
    }
    if rng.below(20) == 0
        && let Some(s) = a.spending.get_mut(1)
    {
        s.spent.clear();
    }
    a
}
