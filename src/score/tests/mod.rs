use super::*;
use crate::domain::{IndicatorCode, Score};
use crate::plan::{self, Indicator, Plan, infer_rule, parse_rule, parse_target};
use crate::sample;
use proptest::prelude::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn sample_plan() -> Plan {
    plan::parse(sample::PLAN_FILE, &sample::plan_sheets()).expect("sample plan is valid")
}

/// An indicator with this target, weight and rule text (blank = inferred).
fn ind(target: &str, weight: &str, rule: &str) -> Indicator {
    let t = parse_target(target).unwrap();
    let r = if rule.is_empty() {
        infer_rule(&t)
    } else {
        parse_rule(rule).unwrap()
    };
    Indicator {
        code: IndicatorCode::new("T01"),
        group: "共性".into(),
        dimension: "部门管理".into(),
        level1: "内部管理".into(),
        level2: "测试".into(),
        level3: "测试指标".into(),
        target_text: target.into(),
        target: t.into(),
        weight: Score(d(weight)),
        rule_text: rule.into(),
        rule: r.into(),
        criteria: "".into(),
        target_source: "".into(),
        baseline: None,
        baseline_from: None,
        may_not_apply: false,
        computed: None,
        row: 1,
    }
}

fn score_of(i: &Indicator, actual: &str) -> String {
    score_indicator(i, actual, None).unwrap().score.to_string()
}

/// The 82 reference outcomes score exactly as the report's appendix says.
#[test]
fn reference_outcomes_reproduce_the_report() {
    let plan = sample_plan();
    let dept = plan
        .department(&crate::domain::DeptCode::new(sample::REFERENCE_DEPT))
        .unwrap();
    let indicators = plan.indicators_for(dept);
    assert_eq!(indicators.len(), 82);
    assert_eq!(
        indicators.iter().filter(|i| &*i.group == "共性").count(),
        27
    );

    let seed = include_str!("../../../tests/fixtures/reference/seed-indicators.tsv");
    let expected: Vec<(String, String)> = seed
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[2].to_string(), c[5].to_string())
        })
        .collect();
    assert_eq!(expected.len(), 82);

    let outcomes = sample::reference_outcomes();
    let mut scored = Vec::new();
    for ((ind, (name, want)), outcome) in indicators.iter().zip(&expected).zip(&outcomes) {
        assert_eq!(&*ind.level3, name, "indicator order follows the appendix");
        assert_eq!(ind.code.as_str(), outcome.code);
        let got = score_indicator(ind, &outcome.actual, None)
            .unwrap_or_else(|e| panic!("{} {}: {e}", ind.code, ind.level3));
        assert_eq!(
            got.score.value(),
            d(want),
            "{} {}: {}",
            ind.code,
            ind.level3,
            got.explanation
        );
        assert!(!got.review);
        scored.push((*ind, got.score));
    }
    assert_eq!(scored.len(), 82);

    let t = totals(
        scored.iter().map(|(i, s)| (*i, *s, false)),
        &plan.settings.grades,
    );
    let dims: Vec<(String, String, String)> = t
        .dimensions
        .iter()
        .map(|x| (x.name.clone(), x.weight.to_string(), x.score.to_string()))
        .collect();
    assert_eq!(
        dims,
        vec![
            ("部门管理".into(), "40.00".into(), "36.70".into()),
            ("部门绩效".into(), "50.00".into(), "48.60".into()),
            ("部门影响力".into(), "10.00".into(), "10.00".into()),
        ]
    );
    assert_eq!(t.total.to_string(), "95.30");
    assert_eq!(t.weight.to_string(), "100.00");
    assert_eq!(t.grade, "优");
}

#[test]
fn explanations_show_inputs_and_rule() {
    let i = ind("100%", "1", "");
    assert_eq!(
        score_indicator(&i, "80%", None).unwrap().explanation,
        "实际 80%，目标 100%，按比例 1×80% = 0.80"
    );
    let i = ind("≥2次", "1", "");
    assert_eq!(
        score_indicator(&i, "1次", None).unwrap().explanation,
        "实际 1次，目标 ≥2次，按比例 1×1/2 = 0.50"
    );
    let i = ind("明确", "2", "档次:高,中,低;每档0.2");
    assert_eq!(
        score_indicator(&i, "中", None).unwrap().explanation,
        "实际 中，档次 高/中/低 每档 0.2，2−0.2×1 = 1.80"
    );
    let i = ind("完成", "2", "");
    assert_eq!(
        score_indicator(&i, "未完成", None).unwrap().explanation,
        "实际 未完成，目标 完成，未达标，得 0 分"
    );
}

#[test]
fn pass_rule_reads_words_negations_and_numbers() {
    let i = ind("及时", "2", "");
    assert_eq!(score_of(&i, "及时"), "2.00");
    assert_eq!(score_of(&i, "不及时"), "0.00");
    // Only the template's choices: a phrase is never read by its shape.
    for phrase in ["还行", "是", "否", "非常及时", "基本及时", "及时性差"] {
        assert_eq!(
            score_indicator(&i, phrase, None),
            Err(ScoreError::NotAChoice {
                value: phrase.into(),
                choices: "「及时」或「不及时」".into()
            }),
            "{phrase}"
        );
    }
    // A target written with 已 offers its opposite with 未.
    assert_eq!(negate("已完成"), "未完成");
    let i = ind("已完成", "2", "达标");
    assert_eq!(score_of(&i, "未完成"), "0.00");
    assert_eq!(score_of(&i, "已完成"), "2.00");
    let i = ind("合规", "2", "");
    for phrase in ["无违规", "未发现违规", "合规性差", "基本合规"] {
        assert!(score_indicator(&i, phrase, None).is_err(), "{phrase}");
    }
    let i = ind("=1次", "1.5", "");
    assert_eq!(score_of(&i, "1"), "1.50");
    assert_eq!(score_of(&i, "1次"), "1.50");
    assert_eq!(score_of(&i, "2次"), "0.00");
    let i = ind("0", "1", "");
    assert_eq!(score_of(&i, "0"), "1.00");
    assert_eq!(score_of(&i, "无"), "1.00");
    assert_eq!(score_of(&i, "2"), "0.00");
}

#[test]
fn percent_forms_all_read_the_same() {
    let i = ind("100%", "2", "");
    for form in ["95%", "0.95", "95", "９５％", " 95 %", "95\n%"] {
        assert_eq!(score_of(&i, form), "1.90", "{form}");
    }
    assert_eq!(score_of(&i, "1"), "2.00");
    assert_eq!(score_of(&i, "100"), "2.00");
    assert_eq!(score_of(&i, "120%"), "2.00");
    assert!(matches!(
        score_indicator(&i, "九十五", None),
        Err(ScoreError::NotNumber(_))
    ));
    assert!(matches!(
        score_indicator(&i, "95次", None),
        Err(ScoreError::UnitMismatch { .. })
    ));
}

#[test]
fn units_must_match_the_target() {
    let i = ind("≥1000人", "2", "");
    assert_eq!(score_of(&i, "1,000人"), "2.00");
    assert_eq!(score_of(&i, "500"), "1.00");
    assert_eq!(score_of(&i, "500人次"), "1.00");
    assert!(matches!(
        score_indicator(&i, "500万元", None),
        Err(ScoreError::UnitMismatch { .. })
    ));
}

#[test]
fn inverse_rule_goes_to_zero_at_twice_the_target() {
    let i = ind("≤20起", "5", "");
    assert_eq!(score_of(&i, "18"), "5.00");
    assert_eq!(score_of(&i, "25"), "3.75");
    assert_eq!(score_of(&i, "40"), "0.00");
    assert_eq!(score_of(&i, "55"), "0.00");
    let i = ind("≤0", "1", "反向比例");
    assert_eq!(score_of(&i, "0"), "1.00");
    assert_eq!(score_of(&i, "1"), "0.00");
}

#[test]
fn tiers_deductions_levels_and_trends() {
    let i = ind("合规", "2", "档次:合规=100%,基本合规=75%,不合规=0%");
    assert_eq!(score_of(&i, "基本合规"), "1.50");
    assert!(matches!(
        score_indicator(&i, "差", None),
        Err(ScoreError::UnknownLabel(_))
    ));
    let i = ind("一等奖", "3", "档次:一等奖,二等奖,三等奖;每档1");
    assert_eq!(score_of(&i, "三等奖"), "1.00");
    let i = ind("高", "0.3", "档次:高,中,低;每档0.2");
    assert_eq!(score_of(&i, "低"), "0.00", "never below zero");

    let i = ind("合规", "2", "扣分:每次0.5");
    assert_eq!(score_of(&i, "0"), "2.00");
    assert_eq!(score_of(&i, "无"), "2.00");
    assert_eq!(score_of(&i, "3次"), "0.50");
    assert_eq!(score_of(&i, "9"), "0.00");
    assert!(matches!(
        score_indicator(&i, "1.5", None),
        Err(ScoreError::BadCount(_))
    ));

    let i = ind("4级", "2", "");
    assert_eq!(score_of(&i, "4级"), "2.00");
    assert_eq!(score_of(&i, "5"), "2.00");
    assert_eq!(score_of(&i, "三级"), "1.50");
    assert!(matches!(
        score_indicator(&i, "A级", None),
        Err(ScoreError::NotLevel(_))
    ));

    let mut i = ind("下降", "1", "");
    assert_eq!(score_of(&i, "下降"), "1.00");
    assert_eq!(score_of(&i, "持平"), "0.00");
    assert_eq!(score_of(&i, "上升"), "0.00");
    assert!(matches!(
        score_indicator(&i, "61", None),
        Err(ScoreError::NotTrend(_))
    ));
    i.baseline = Some(d("210"));
    assert_eq!(score_of(&i, "61"), "1.00");
    assert_eq!(score_of(&i, "210"), "0.00");
    let mut up = ind("上升", "3", "");
    up.baseline = Some(d("41.2"));
    assert_eq!(score_of(&up, "43.5"), "3.00");
    assert_eq!(score_of(&up, "40"), "0.00");
}

#[test]
fn review_uses_the_self_score_and_flags_it() {
    let i = ind("良好", "3", "");
    assert_eq!(*i.rule, Rule::Review);
    let s = score_indicator(&i, "社会评价总体良好", Some(d("2.5"))).unwrap();
    assert_eq!(s.score.to_string(), "2.50");
    assert!(s.review);
    assert_eq!(
        score_indicator(&i, "良好", None),
        Err(ScoreError::MissingSelfScore)
    );
    assert!(matches!(
        score_indicator(&i, "良好", Some(d("3.5"))),
        Err(ScoreError::SelfScoreOutOfRange { .. })
    ));
}

#[test]
fn empty_actual_is_an_error_not_zero() {
    let i = ind("≥2次", "1", "");
    assert_eq!(score_indicator(&i, "  ", None), Err(ScoreError::Empty));
}

#[test]
fn scores_round_half_away_from_zero() {
    // 1.5 × 1/3 = 0.5; 0.7 × 2/3 = 0.4666… → 0.47; 2.5 × 0.5/2 = 0.625 → 0.63
    let i = ind("≥3次", "0.7", "");
    assert_eq!(score_of(&i, "2"), "0.47");
    let i = ind("≥2", "2.5", "");
    assert_eq!(score_of(&i, "0.5"), "0.63");
}

#[test]
fn grades_and_shared_ranks() {
    let plan = sample_plan();
    let g = &plan.settings.grades;
    assert_eq!(g.grade(Score(d("95.3"))), "优");
    assert_eq!(g.grade(Score(d("90"))), "优");
    assert_eq!(g.grade(Score(d("89.99"))), "良");
    assert_eq!(g.grade(Score(d("60"))), "中");
    assert_eq!(g.grade(Score(d("12"))), "差");
    let s = |x: &str| Score(d(x));
    assert_eq!(
        competition_ranks(&[s("90"), s("95.3"), s("90"), s("80")]),
        vec![2, 1, 2, 4]
    );
    assert_eq!(competition_ranks(&[s("1"), s("1"), s("1")]), vec![1, 1, 1]);
    assert_eq!(competition_ranks(&[]), Vec::<u32>::new());
}

#[test]
fn answer_kinds_describe_what_to_type() {
    assert_eq!(
        AnswerKind::of(&ind("完成", "1", "")),
        AnswerKind::Labels(vec!["完成".into(), "未完成".into()])
    );
    let to = |lo: i64, hi: i64| {
        AnswerKind::Percent(PercentRange {
            lo: Decimal::from(lo),
            hi: Decimal::from(hi),
        })
    };
    assert_eq!(AnswerKind::of(&ind("完成", "1", "比例")), to(0, 1000));
    assert_eq!(AnswerKind::of(&ind("100%", "1", "")), to(0, 1000));
    assert_eq!(AnswerKind::of(&ind("≥300%", "1", "")), to(0, 3000));
    assert_eq!(
        AnswerKind::of(&ind("≤0%", "1", "差额扣分:每1%扣0.5")),
        to(-100, 1000)
    );
    assert_eq!(
        AnswerKind::of(&ind("≥2次", "1", "")),
        AnswerKind::Number {
            unit: "次".into(),
            signed: false
        }
    );
    assert_eq!(
        AnswerKind::of(&ind("合规", "2", "扣分:每次0.5")),
        AnswerKind::Count
    );
    assert_eq!(AnswerKind::of(&ind("4级", "2", "")), AnswerKind::Level);
    assert_eq!(
        AnswerKind::of(&ind("下降", "1", "")),
        AnswerKind::Labels(vec!["下降".into(), "持平".into(), "上升".into()])
    );
    assert_eq!(AnswerKind::of(&ind("良好", "1", "")), AnswerKind::SelfScore);
    assert!(to(0, 1000).describe().contains("95%"));
    assert!(to(-100, 1000).describe().contains("-7.5%"));
}

/// Every sample indicator's answer form scores: the dropdown labels, the target itself.
#[test]
fn every_sample_indicator_accepts_its_own_target_as_met() {
    let plan = sample_plan();
    for i in &plan.indicators {
        let actual = match (&*i.rule, AnswerKind::of(i)) {
            (Rule::Review, _) => continue,
            (_, AnswerKind::Labels(l)) => {
                if let Rule::Trend(dir) = *i.rule {
                    dir.label().to_string()
                } else {
                    l[0].clone()
                }
            }
            (Rule::Deduct { .. }, _) => "0".into(),
            (Rule::Trend(Direction::Down), _) => "0".into(),
            (Rule::Trend(Direction::Up), _) => "100000".into(),
            _ => i
                .target_text
                .trim_start_matches(['≥', '≤', '='])
                .to_string(),
        };
        let s = score_indicator(i, &actual, None)
            .unwrap_or_else(|e| panic!("{} {} «{actual}»: {e}", i.code, i.level3));
        assert_eq!(
            s.score, i.weight,
            "{} «{actual}»: {}",
            i.code, s.explanation
        );
    }
}

fn arb_weight() -> impl Strategy<Value = Decimal> {
    (1u32..=100).prop_map(|n| Decimal::new(n as i64, 1))
}

fn arb_target_and_rule() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        (
            1u32..500,
            prop::sample::select(vec!["次", "人次", "个", ""])
        )
            .prop_map(|(n, u)| (format!("≥{n}{u}"), String::new())),
        (1u32..=100).prop_map(|n| (format!("{n}%"), String::new())),
        (1u32..500).prop_map(|n| (format!("≤{n}"), String::new())),
        (1u32..500).prop_map(|n| (format!("={n}"), String::new())),
        (1u32..6).prop_map(|n| (format!("{n}级"), String::new())),
        Just(("完成".to_string(), String::new())),
        Just(("完成".to_string(), "比例".to_string())),
        Just(("合规".to_string(), "扣分:每次0.5".to_string())),
        Just(("高".to_string(), "档次:高,中,低;每档0.2".to_string())),
        Just(("高".to_string(), "档次:高=100%,中=90%,低=80%".to_string())),
        Just(("下降".to_string(), String::new())),
    ]
}

fn arb_actual() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..100_000).prop_map(|n| format!("{}", Decimal::new(n as i64, 2))),
        (0u32..1000).prop_map(|n| n.to_string()),
        (0u32..200).prop_map(|n| format!("{n}%")),
        prop::sample::select(vec![
            "完成",
            "未完成",
            "高",
            "中",
            "低",
            "下降",
            "上升",
            "持平",
            "是",
            "否",
            "四级",
            "无",
        ])
        .prop_map(String::from),
        "\\PC{0,6}",
    ]
}

proptest! {
    /// Whatever is typed, a score is between 0 and the weight, or an error: never outside.
    #[test]
    fn score_is_between_zero_and_weight(
        (target, rule) in arb_target_and_rule(),
        w in arb_weight(),
        actual in arb_actual(),
    ) {
        let mut i = ind(&target, "1", &rule);
        i.weight = Score(w);
        if let Ok(s) = score_indicator(&i, &actual, None) {
            prop_assert!(s.score.value() >= Decimal::ZERO);
            prop_assert!(s.score.value() <= w);
            prop_assert_eq!(s.score.value(), round2(s.score.value()));
        }
    }

    /// Meeting a numeric target exactly, or beating it, gets full marks.
    #[test]
    fn met_target_gets_full_marks(n in 1u32..10_000, extra in 0u32..1000, w in arb_weight()) {
        let mut ge = ind(&format!("≥{n}次"), "1", "");
        ge.weight = Score(w);
        let s = score_indicator(&ge, &format!("{}次", n + extra), None).unwrap();
        prop_assert_eq!(s.score.value(), w);
        let mut le = ind(&format!("≤{}", n + extra), "1", "");
        le.weight = Score(w);
        let s = score_indicator(&le, &n.to_string(), None).unwrap();
        prop_assert_eq!(s.score.value(), w);
        let mut pct = ind(&format!("{}%", n % 100 + 1), "1", "");
        pct.weight = Score(w);
        let s = score_indicator(&pct, "100%", None).unwrap();
        prop_assert_eq!(s.score.value(), w);
    }

    /// 比例 never decreases as the actual grows.
    #[test]
    fn proportional_is_monotone(n in 1u32..1000, a in 0u32..2000, b in 0u32..2000, w in arb_weight()) {
        let mut i = ind(&format!("≥{n}"), "1", "");
        i.weight = Score(w);
        let (lo, hi) = (a.min(b), a.max(b));
        let s_lo = score_indicator(&i, &lo.to_string(), None).unwrap().score;
        let s_hi = score_indicator(&i, &hi.to_string(), None).unwrap().score;
        prop_assert!(s_lo <= s_hi);
    }
}

mod catalogue;
mod kinds;
