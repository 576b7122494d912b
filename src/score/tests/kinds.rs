//! Every kind of official frameworks at its boundaries: tier edges, a zero target, whole
//! versus linear units, 清单 written four ways, 定性 band edges, one department alone for
//! 相对, ties for 排名, 不适用.

use super::*;
use crate::domain::DeptCode;

fn explained(i: &Indicator, actual: &str) -> (String, String) {
    let s = score_indicator(i, actual, None).unwrap();
    (s.score.to_string(), s.explanation)
}

#[test]
fn segments_take_the_first_tier_that_holds() {
    let i = ind("≥90%", "5", "分段:≥90%得5;≥80%得4;≥70%得3;≥60%得2;其他得0");
    assert_eq!(score_of(&i, "90%"), "5.00");
    assert_eq!(score_of(&i, "89.99%"), "4.00");
    assert_eq!(score_of(&i, "80%"), "4.00");
    assert_eq!(score_of(&i, "60%"), "2.00");
    assert_eq!(score_of(&i, "59.9%"), "0.00");
    let (_, why) = explained(&i, "85%");
    assert_eq!(why, "实际 85%，分段「≥80%得4」，得 4.00 分");
    // Shares of the weight, full-width separators, no 其他: nothing matching gives 0.
    let i = ind("=0", "3", "分段：=0得100%；≤10%得2；≤20%得1");
    assert_eq!(score_of(&i, "0"), "3.00");
    assert_eq!(score_of(&i, "10%"), "2.00");
    assert_eq!(score_of(&i, "10.5%"), "1.00");
    let (s, why) = explained(&i, "25%");
    assert_eq!(
        (s.as_str(), why.as_str()),
        ("0.00", "实际 25%，未达到任何分段，得 0 分")
    );
    let (_, why) = explained(&i, "0");
    assert_eq!(why, "实际 0%，分段「=0得100%」，3×100% = 3.00");
}

#[test]
fn gap_deductions_are_linear_or_count_whole_units() {
    let linear = ind("≤100%", "5", "差额扣分:每1%扣0.5");
    assert_eq!(score_of(&linear, "100%"), "5.00");
    assert_eq!(score_of(&linear, "102.5%"), "3.75");
    assert_eq!(score_of(&linear, "120%"), "0.00"); // never below 0
    let (_, why) = explained(&linear, "102.5%");
    assert_eq!(
        why,
        "实际 102.5%，目标 ≤100%，超出 2.5 个百分点，每 1% 扣 0.5，5−2.5×0.5 = 3.75"
    );
    let whole = ind("≤100%", "5", "差额扣分:每满1%扣0.5");
    assert_eq!(score_of(&whole, "102.5%"), "4.00");
    assert_eq!(score_of(&whole, "100.99%"), "5.00");
    assert_eq!(score_of(&whole, "101%"), "4.50");
    // ≥: below the target costs; above it is free.
    let ge = ind("≥90%", "4", "差额扣分:每1%扣1");
    assert_eq!(score_of(&ge, "95%"), "4.00");
    assert_eq!(score_of(&ge, "88%"), "2.00");
    // A zero target with =: either way costs.
    let eq = ind("=0", "3", "差额扣分:每1扣0.5");
    assert_eq!(score_of(&eq, "0"), "3.00");
    assert_eq!(score_of(&eq, "2"), "2.00");
    assert_eq!(score_of(&eq, "-2"), "2.00");
    // 三公经费变动率 ≤0: a rise of 3 points costs 1.5.
    let sangong = ind("≤0%", "5", "差额扣分:每1个百分点扣0.5分");
    assert_eq!(score_of(&sangong, "-4%"), "5.00");
    assert_eq!(score_of(&sangong, "3%"), "3.50");
}

#[test]
fn checklists_read_counts_and_item_numbers_four_ways() {
    let i = ind("健全", "3", "清单:3项,每项1");
    for typed in ["2", "①③", "1、3", "1,3", "第1、3项", "③①①"] {
        assert_eq!(score_of(&i, typed), "2.00", "{typed}");
    }
    assert_eq!(score_of(&i, "3"), "3.00");
    assert_eq!(score_of(&i, "0"), "0.00");
    assert_eq!(score_of(&i, "无"), "0.00");
    let (_, why) = explained(&i, "1、3");
    assert_eq!(
        why,
        "达到第 1、3 项（共 3 项中的 2 项），每项 1，2×1 = 2.00"
    );
    for bad in ["4", "④", "1、4", "2.5", "部分"] {
        assert!(
            matches!(
                score_indicator(&i, bad, None),
                Err(ScoreError::BadChecklist { .. })
            ),
            "{bad}"
        );
    }
}

#[test]
fn qualitative_scores_inside_the_band_chosen() {
    let i = ind("群众满意", "5", "定性");
    let s = |label: &str, own: &str| score_indicator(&i, label, Some(d(own)));
    // 达成 is 80%–100% of 5: 4 to 5, both ends included.
    assert_eq!(s("达成", "4").unwrap().score.to_string(), "4.00");
    assert_eq!(s("达成", "5").unwrap().score.to_string(), "5.00");
    assert!(s("达成", "4.5").unwrap().review);
    // 部分达成 is 60%–80%: 3 included, 4 excluded.
    assert_eq!(s("部分达成", "3").unwrap().caution, None);
    let edge = s("部分达成", "4").unwrap();
    assert_eq!(edge.score.to_string(), "4.00");
    assert!(matches!(
        edge.caution.as_deref(),
        Some(Caution::OutsideBand { .. })
    ));
    let low = s("部分达成", "2").unwrap();
    assert_eq!(low.score.to_string(), "3.00");
    assert_eq!(
        low.explanation,
        "评定「部分达成」（权重的 60%～80%，即 3～4 分），自评得分 2 不在此范围，按 3.00 计，待复核"
    );
    assert_eq!(s("未达成", "0").unwrap().score.to_string(), "0.00");
    assert!(matches!(
        score_indicator(&i, "达成", None),
        Err(ScoreError::MissingSelfScore)
    ));
    assert!(matches!(s("优秀", "5"), Err(ScoreError::UnknownLabel(_))));
    let custom = ind("规范", "10", "定性:好=90%~100%;中=50%~90%;差=0~50%");
    let c = score_indicator(&custom, "中", Some(d("8.99"))).unwrap();
    assert_eq!(c.score.to_string(), "8.99");
}

#[test]
fn inverse_ratio_divides_target_by_actual() {
    let i = ind("≤100%", "5", "反向比例:目标/实际");
    assert_eq!(score_of(&i, "100%"), "5.00");
    assert_eq!(score_of(&i, "80%"), "5.00");
    let (s, why) = explained(&i, "120%");
    assert_eq!(s, "4.17");
    assert_eq!(why, "实际 120%，目标 ≤100%，反向比例 5×100/120 = 4.17");
    // A zero target: anything above it scores 0 × …, i.e. 0.
    let zero = ind("≤0", "2", "反向比例:目标/实际");
    assert_eq!(score_of(&zero, "0"), "2.00");
    assert_eq!(score_of(&zero, "3"), "0.00");
}

fn peer(code: &str, name: &str, value: &str) -> Peer {
    Peer {
        dept: DeptCode::new(code),
        name: name.into(),
        value: d(value),
    }
}

#[test]
fn relative_compares_with_the_best_accepted_department() {
    let i = ind("≥90%", "5", "相对:最高值");
    let peers = [
        peer("001", "市应急管理局", "95"),
        peer("002", "市教育局", "98"),
        peer("003", "市卫生健康委员会", "98"),
    ];
    let own = DeptCode::new("001");
    let s = score_with_peers(&i, &own, d("95"), &peers);
    assert_eq!(s.score.to_string(), "4.85");
    assert_eq!(
        s.explanation,
        "实际 95%，参评部门最高 98%（市教育局），按比例 5×95/98 = 4.85"
    );
    let best = score_with_peers(&i, &DeptCode::new("002"), d("98"), &peers);
    assert_eq!(best.score.to_string(), "5.00");
    assert_eq!(best.caution, None);
    // Alone: full marks, with a caution.
    let alone = score_with_peers(&i, &own, d("40"), &peers[..1]);
    assert_eq!(alone.score.to_string(), "5.00");
    assert_eq!(alone.caution.as_deref(), Some(&Caution::Alone));
    // Lowest is best: 2 against a best of 1.
    let low = ind("≤3次", "4", "相对:最低值");
    let peers = [peer("001", "甲", "2"), peer("002", "乙", "1")];
    let s = score_with_peers(&low, &own, d("2"), &peers);
    assert_eq!(s.score.to_string(), "2.00");
    assert_eq!(
        s.explanation,
        "实际 2次，参评部门最低 1次（乙），按比例 4×1/2 = 2.00"
    );
    // A zero actual where lower is better is the best there is.
    assert_eq!(
        score_with_peers(&low, &own, d("0"), &peers)
            .score
            .to_string(),
        "4.00"
    );
}

#[test]
fn ranks_are_shared_by_ties() {
    let i = ind("≥90%", "5", "排名:第1名得5;第2-3名得4;其他得3");
    let peers = [
        peer("001", "甲", "95"),
        peer("002", "乙", "98"),
        peer("003", "丙", "98"),
        peer("004", "丁", "90"),
        peer("005", "戊", "80"),
    ];
    let at = |code: &str, v: &str| {
        score_with_peers(&i, &DeptCode::new(code), d(v), &peers)
            .score
            .to_string()
    };
    assert_eq!(at("002", "98"), "5.00"); // tied first
    assert_eq!(at("003", "98"), "5.00");
    assert_eq!(at("001", "95"), "4.00"); // third: two are ahead
    assert_eq!(at("004", "90"), "3.00"); // fourth
    let s = score_with_peers(&i, &DeptCode::new("002"), d("98"), &peers);
    assert_eq!(
        s.explanation,
        "实际 98%，在 5 个部门中排第 1 名（与 1 个部门并列），「第1名得5」，得 5.00 分"
    );
    // No 其他: a rank outside every place gives 0.
    let top = ind("≥90%", "5", "排名:第1名得5;第2名得3");
    assert_eq!(
        score_with_peers(&top, &DeptCode::new("005"), d("80"), &peers)
            .score
            .to_string(),
        "0.00"
    );
}

#[test]
fn not_applicable_only_where_the_plan_allows_it() {
    let mut i = ind("≥90%", "5", "");
    assert!(matches!(
        score_indicator(&i, "不适用", None),
        Err(ScoreError::NotApplicableRefused)
    ));
    i.may_not_apply = true;
    let s = score_indicator(&i, " 不适用 ", None).unwrap();
    assert!(s.not_applicable);
    assert_eq!(s.score.to_string(), "0.00");
    // The total is rescaled: 85 of the 95 that apply, out of 100.
    let mut rest = ind("≥1", "95", "");
    rest.dimension = "部门绩效".into();
    let t = totals(
        [(&i, Score::ZERO, true), (&rest, Score(d("85")), false)],
        &sample_plan().settings.grades,
    );
    assert_eq!(t.total.to_string(), "89.47");
    let r = t.rescale.unwrap();
    assert_eq!(
        r.explain(t.total),
        "不适用指标权重 5 不计入，总分按适用指标折算：85.00 × 100 /（100 − 5）= 89.47"
    );
    assert_eq!(t.dimensions[0].weight, Score::ZERO);
}

#[test]
fn a_range_gives_full_marks_inside_and_nothing_outside_both_ends_included() {
    let i = ind("≥80%", "2", "区间:80%~90%");
    assert_eq!(score_of(&i, "80%"), "2.00");
    assert_eq!(score_of(&i, "90%"), "2.00");
    assert_eq!(score_of(&i, "79.99%"), "0.00");
    assert_eq!(score_of(&i, "90.01%"), "0.00");
    let (score, why) = explained(&i, "95%");
    assert_eq!(score, "0.00");
    assert_eq!(why, "实际 95%，不在区间 80%～90% 内，得 0 分");
    assert_eq!(
        explained(&i, "85%").1,
        "实际 85%，在区间 80%～90% 内，得满分 2"
    );
    // A count in the target's unit, and a signed percentage around zero.
    let n = ind("≥3次", "4", "区间:3~5次");
    assert_eq!(score_of(&n, "4次"), "4.00");
    assert_eq!(score_of(&n, "6"), "0.00");
    let signed = ind("≤5%", "3", "区间:-5%~5%");
    assert_eq!(score_of(&signed, "-4.5%"), "3.00");
    assert_eq!(score_of(&signed, "-6%"), "0.00");
    assert!(accepts_negative(&signed));
    assert!(!accepts_negative(&i));
    assert!(matches!(AnswerKind::of(&i), AnswerKind::Percent(_)));
    assert!(matches!(AnswerKind::of(&n), AnswerKind::Number { .. }));
}
