//! The built-in demo: the sample plan → the returns departments would send back, filled
//! through a different writer (umya-spreadsheet) than the templates.
//!
//! Scenario (2021, six departments):
//! - 001 市应急管理局 sends the reference outcomes: 95.30, 优;
//! - 002 市教育局 makes typical mistakes (an empty input, 九十五 in a number cell, 自评得分
//!   above the weight, a missing 执行数): sent back;
//! - 003 市卫生健康委员会 sends a broken return, then a corrected one a week later;
//! - 004 市交通运输局 and 005 市生态环境局 tie at 97.00 (shared rank); 004 also attaches a
//!   PDF of supporting material and over-claims one self-score;
//! - 006 市民政局 never returns.

pub mod fill;
pub mod stamp;

use crate::domain::{DeptCode, fmt_plain};
use crate::plan::{Department, Plan};
use crate::sample::{self, Reported, Spending};
use crate::score::{AnswerKind, Direction, Rule};
use fill::{Answers, Typing};
use rust_decimal::Decimal;

/// 市应急管理局's duties as the reference report states them (abridged).
const REFERENCE_DUTIES: &str = "负责应急管理工作，指导全市各级各部门应对安全生产类、自然灾害类等突发事件和综合防灾减灾救灾工作。负责安全生产综合监督管理和工矿商贸行业安全生产监督管理工作。负责核电厂核事故场外应急工作。\n组织编制全市应急体系建设、安全生产和综合防灾减灾规划，组织编制市总体应急预案和安全生产类、自然灾害类专项预案，综合协调应急预案衔接工作，组织开展预案演练。";

/// Outcomes that meet every target, self-scores equal to the weights, every budget line
/// spent in full: what a department with nothing to report would send.
pub fn full_marks(plan: &Plan, dept: &Department) -> Answers {
    let outcomes = plan
        .indicators_for(dept)
        .into_iter()
        .map(|i| {
            let actual = match (&*i.rule, AnswerKind::of(i), i.baseline) {
                (Rule::Trend(d), _, None) => d.label().to_string(),
                (Rule::Trend(Direction::Down), _, Some(b)) => {
                    fmt_plain((b * Decimal::new(9, 1)).round_dp(1))
                }
                (Rule::Trend(Direction::Up), _, Some(b)) => {
                    fmt_plain((b * Decimal::new(102, 2)).round_dp(1))
                }
                (_, AnswerKind::Computed, _) => String::new(),
                (_, AnswerKind::Labels(l), _) => l.first().cloned().unwrap_or_default(),
                (Rule::Deduct { .. }, _, _) => "0".into(),
                (Rule::Checklist { items, .. }, _, _) => items.to_string(),
                (Rule::Review, _, _) => "工作成效得到社会各界普遍认可".into(),
                (Rule::Range { lo, hi, unit }, _, _) => {
                    format!("{}{unit}", fmt_plain((*lo + *hi) / Decimal::TWO))
                }
                (
                    Rule::Pass
                    | Rule::Proportional
                    | Rule::Inverse
                    | Rule::TierShares(_)
                    | Rule::TierSteps { .. }
                    | Rule::Level
                    | Rule::Segments(_)
                    | Rule::GapDeduct { .. }
                    | Rule::Qualitative(_)
                    | Rule::InverseRatio
                    | Rule::Relative(_)
                    | Rule::Ranked(_),
                    _,
                    _,
                ) => i
                    .target_text
                    .trim_start_matches(['≥', '≤', '=', '>', '<'])
                    .to_string(),
            };
            Reported {
                code: i.code.to_string(),
                actual,
                self_score: fmt_plain(i.weight.value()),
                reason: String::new(),
                evidence: "年度工作总结".into(),
            }
        })
        .collect();
    let spending = plan
        .budget_for(&dept.code)
        .map(|b| Spending {
            name: b.name.clone(),
            nature: b.nature.clone(),
            kind: b.kind.label().into(),
            adjusted: b.adjusted.value().to_string(),
            spent: b.adjusted.value().to_string(),
            note: String::new(),
        })
        .collect();
    Answers {
        info: fill::info("经办人", &dept.phone, "2022-05-10"),
        outcomes,
        spending,
    }
}

/// Replaces an indicator's answer: (指标编码, 实际完成值, 自评得分, 偏差原因).
fn change(a: &mut Answers, code: &str, actual: &str, own: &str, reason: &str) {
    if let Some(o) = a.outcomes.iter_mut().find(|o| o.code == code) {
        o.actual = actual.into();
        o.self_score = own.into();
        o.reason = reason.into();
    }
}

/// Replaces a budget line's 执行数 and 备注.
fn spend(a: &mut Answers, name: &str, spent: &str, note: &str) {
    if let Some(s) = a.spending.iter_mut().find(|s| s.name == name) {
        s.spent = spent.into();
        s.note = note.into();
    }
}

/// One file in 回收/.
#[derive(Debug, Clone)]
pub struct DemoReturn {
    /// File name.
    pub name: String,
    /// The department whose template it starts from (`None` for a non-spreadsheet file).
    pub dept: Option<DeptCode>,
    /// What was entered.
    pub answers: Answers,
    /// Raw bytes for files that are not filled templates.
    pub raw: Option<Vec<u8>>,
}

/// The demo's returns, in the order a mailbox would receive them.
pub fn scenario(plan: &Plan) -> Vec<DemoReturn> {
    let dept = |code: &str| plan.department(&DeptCode::new(code));
    let mut out = Vec::new();
    let mut add = |code: &str, name: String, answers: Answers| {
        out.push(DemoReturn {
            name,
            dept: Some(DeptCode::new(code)),
            answers,
            raw: None,
        });
    };
    let file = |d: &Department, suffix: &str| {
        format!(
            "{}_{}_{}_部门整体绩效自评表{suffix}.xlsx",
            plan.settings.year, d.code, d.name
        )
    };

    if let Some(d) = dept("001") {
        let mut info = fill::info("张华", &d.phone, "2022-05-10");
        // As the reference report states them (its 一、主要职责, abridged).
        info.push((
            crate::layout::template::InfoItem::Duties
                .label()
                .to_string(),
            REFERENCE_DUTIES.to_string(),
        ));
        let answers = Answers {
            info,
            outcomes: sample::reference_outcomes(),
            spending: sample::reference_spending(),
        };
        add("001", file(d, ""), answers);
    }
    if let Some(d) = dept("002") {
        let mut a = full_marks(plan, d);
        a.info = fill::info("李明", &d.phone, "2022-05-09");
        change(&mut a, "JY05", "", "5", "");
        change(&mut a, "JY01", "九十五", "6", "");
        change(&mut a, "JY03", "8所", "8", "");
        spend(&mut a, "学生资助经费", "", "");
        add("002", file(d, ""), a);
    }
    if let Some(d) = dept("003") {
        let mut fixed = full_marks(plan, d);
        fixed.info = fill::info("王芳", &d.phone, "2022-05-15");
        change(
            &mut fixed,
            "WJ08",
            "22起",
            "4.5",
            "医疗纠纷较上年有所增加，已建立第三方调解机制。",
        );
        change(
            &mut fixed,
            "WJ10",
            "3次",
            "3",
            "受疫情影响一次演练延期，将于下年一季度补齐。",
        );
        spend(
            &mut fixed,
            "疫情防控专项",
            "5150",
            "部分防控物资采购结转下年",
        );
        let mut broken = fixed.clone();
        broken.info = fill::info("王芳", &d.phone, "2022-05-08");
        change(&mut broken, "WJ05", "很多", "5", "");
        spend(&mut broken, "基本公共卫生服务", "", "");
        add("003", file(d, "（初稿）"), broken);
        add("003", file(d, "（更正）"), fixed);
    }
    if let Some(d) = dept("004") {
        let mut a = full_marks(plan, d);
        a.info = fill::info("赵强", &d.phone, "2022-05-12");
        change(
            &mut a,
            "JT08",
            "1",
            "5",
            "发生一起一般运输安全事故，已完成整改问责。",
        );
        change(&mut a, "JT03", "72%", "4.5", "部分线路新能源车辆交付推迟。");
        change(
            &mut a,
            "JT12",
            "76.5%",
            "2.7",
            "高峰时段公交满载率偏高，将优化线网。",
        );
        change(&mut a, "JT10", "80.75", "3.8", "部分国道路段大修未完工。");
        spend(&mut a, "交通运输执法", "340", "执法装备采购节约");
        add("004", file(d, ""), a);
    }
    if let Some(d) = dept("005") {
        let mut a = full_marks(plan, d);
        a.info = fill::info("陈静", &d.phone, "2022-05-11");
        change(
            &mut a,
            "ST13",
            "持平",
            "0",
            "受气象条件影响，环境质量与上年持平，将加大治理力度。",
        );
        add("005", file(d, ""), a);
    }
    out.push(DemoReturn {
        name: "2021_004_市交通运输局_佐证材料.pdf".into(),
        dept: None,
        answers: Answers::default(),
        raw: Some(b"%PDF-1.4\n% jixiao demo: supporting material\n%%EOF\n".to_vec()),
    });
    out
}

/// The bytes of one demo return, filled from `template` (the department's template bytes).
pub fn build(r: &DemoReturn, template: Option<&[u8]>) -> Result<Vec<u8>, String> {
    if let Some(raw) = &r.raw {
        return Ok(raw.clone());
    }
    let template = template.ok_or_else(|| format!("{}: 缺少模板", r.name))?;
    let book = fill::fill(template, &r.answers, Typing::AsExcel)?;
    fill::to_bytes(&book)
}
