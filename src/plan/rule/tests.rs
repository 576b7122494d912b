use super::*;
use crate::plan::target::parse_target;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn parses_every_rule_of_the_spec() {
    assert_eq!(parse_rule("达标").unwrap(), Rule::Pass);
    assert_eq!(parse_rule("比例").unwrap(), Rule::Proportional);
    assert_eq!(parse_rule("反向比例").unwrap(), Rule::Inverse);
    assert_eq!(parse_rule("等级").unwrap(), Rule::Level);
    assert_eq!(parse_rule("评议").unwrap(), Rule::Review);
    assert_eq!(
        parse_rule("档次:高=100%,中=90%,低=80%").unwrap(),
        Rule::TierShares(vec![
            ("高".into(), d("1")),
            ("中".into(), d("0.9")),
            ("低".into(), d("0.8"))
        ])
    );
    assert_eq!(
        parse_rule("档次：一等奖，二等奖，三等奖；每档1").unwrap(),
        Rule::TierSteps {
            labels: vec!["一等奖".into(), "二等奖".into(), "三等奖".into()],
            step: d("1")
        }
    );
    assert_eq!(
        parse_rule("扣分:每次0.5").unwrap(),
        Rule::Deduct { step: d("0.5") }
    );
    assert_eq!(
        parse_rule("趋势:下降").unwrap(),
        Rule::Trend(Direction::Down)
    );
    assert_eq!(
        parse_rule("趋势：上升").unwrap(),
        Rule::Trend(Direction::Up)
    );
}

#[test]
fn rejects_malformed_rules() {
    assert!(matches!(parse_rule("按比例"), Err(RuleError::Unknown(_))));
    assert!(matches!(parse_rule("档次:高"), Err(RuleError::BadTiers(_))));
    assert!(matches!(
        parse_rule("档次:高=120%,低=0%"),
        Err(RuleError::BadTiers(_))
    ));
    assert!(matches!(
        parse_rule("档次:高,中;每档x"),
        Err(RuleError::BadTiers(_))
    ));
    assert!(matches!(
        parse_rule("扣分:每次"),
        Err(RuleError::BadDeduct(_))
    ));
    assert!(matches!(
        parse_rule("趋势:持平"),
        Err(RuleError::BadTrend(_))
    ));
}

#[test]
fn infers_rule_from_target() {
    let infer = |t: &str| infer_rule(&parse_target(t).unwrap());
    assert_eq!(infer("完成"), Rule::Pass);
    assert_eq!(infer("有"), Rule::Pass);
    assert_eq!(infer("=1次"), Rule::Pass);
    assert_eq!(infer("0"), Rule::Pass);
    assert_eq!(infer("≥2次"), Rule::Proportional);
    assert_eq!(infer("100%"), Rule::Proportional);
    assert_eq!(infer("≤5"), Rule::Inverse);
    assert_eq!(infer("4级"), Rule::Level);
    assert_eq!(infer("下降"), Rule::Trend(Direction::Down));
    assert_eq!(infer("群众满意"), Rule::Review);
}

#[test]
fn refuses_rules_that_cannot_score_their_target() {
    let t = parse_target("≤5").unwrap();
    assert!(check_compatible(&Rule::Proportional, &t, "≤5").is_err());
    let t = parse_target("完成").unwrap();
    assert!(check_compatible(&Rule::Level, &t, "完成").is_err());
    assert!(check_compatible(&Rule::Inverse, &t, "完成").is_err());
    assert!(check_compatible(&Rule::Proportional, &t, "完成").is_ok());
}

fn check(rule: &str, target: &str, weight: &str) -> Result<(), RuleError> {
    let r = parse_rule(rule)?;
    check_rule(&r, &parse_target(target).unwrap(), target, d(weight))
}

#[test]
fn parses_the_kinds_of_other_frameworks() {
    assert!(matches!(
        parse_rule("分段：≥90%得5；≥80%得4；其他得0").unwrap(),
        Rule::Segments(t) if t.len() == 3 && t[2].when.is_none() && t[0].points == Points::Fixed(d("5"))
    ));
    assert_eq!(
        parse_rule("差额扣分:每满1%扣0.5").unwrap(),
        Rule::GapDeduct {
            unit: d("1"),
            per: "%".into(),
            step: d("0.5"),
            whole: true
        }
    );
    assert_eq!(
        parse_rule("差额扣分：每1个百分点扣0.5分").unwrap(),
        Rule::GapDeduct {
            unit: d("1"),
            per: "%".into(),
            step: d("0.5"),
            whole: false
        }
    );
    assert_eq!(
        parse_rule("清单:3项，每项1").unwrap(),
        Rule::Checklist {
            items: 3,
            step: d("1")
        }
    );
    assert_eq!(
        parse_rule("定性").unwrap(),
        Rule::Qualitative(default_bands())
    );
    assert!(matches!(
        parse_rule("定性:好=90%～100%;差=0～90%").unwrap(),
        Rule::Qualitative(b) if b.len() == 2 && b[0].low == d("90")
    ));
    assert_eq!(
        parse_rule("反向比例:目标/实际").unwrap(),
        Rule::InverseRatio
    );
    assert_eq!(
        parse_rule("相对:最高值").unwrap(),
        Rule::Relative(Best::Highest)
    );
    assert_eq!(
        parse_rule("相对：最低值").unwrap(),
        Rule::Relative(Best::Lowest)
    );
    assert!(matches!(
        parse_rule("排名:第1名得5;第2-3名得4;其他得3").unwrap(),
        Rule::Ranked(p) if p[1].ranks == Some((2, 3))
    ));
    for bad in [
        "分段:≥90%",
        "分段:好得5",
        "差额扣分:1%扣0.5",
        "差额扣分:每1%扣",
        "清单:3项",
        "清单:0项,每项1",
        "定性:好=90%",
        "定性:好=90%~80%;差=0~90%",
        "相对:平均值",
        "排名:第0名得5",
        "排名:第3-2名得5",
        "反向比例:实际/目标",
    ] {
        assert!(parse_rule(bad).is_err(), "{bad}");
    }
    // The message shows the right form.
    let e = parse_rule("分段:≥90%").unwrap_err().to_string();
    assert!(e.contains("应如「分段:≥90%得5;"), "{e}");
}

#[test]
fn plan_checks_refuse_rules_that_cannot_score_as_written() {
    assert!(check("分段:≥90%得5;≥80%得4;其他得0", "≥90%", "5").is_ok());
    // Points above the weight.
    let e = check("分段:≥90%得6;其他得0", "≥90%", "5").unwrap_err();
    assert!(matches!(e, RuleError::PointsAboveWeight { .. }), "{e}");
    assert!(check("排名:第1名得6;其他得3", "≥90%", "5").is_err());
    // A tier that can never be reached, and one after 其他.
    let e = check("分段:≥80%得4;≥90%得5;其他得0", "≥90%", "5").unwrap_err();
    assert_eq!(
        e.to_string(),
        "「≥90%得5」永远用不到：排在前面的「≥80%得4」已包含它，请从严到宽排列（如 ≥90% 在 ≥80% 之前）"
    );
    assert!(check("分段:其他得0;≥90%得5", "≥90%", "5").is_err());
    assert!(check("分段:≤10%得2;<5%得3;其他得0", "≤10%", "3").is_err());
    assert!(check("分段:<5%得3;≤10%得2;其他得0", "≤10%", "3").is_ok());
    assert!(check("排名:第1-3名得5;第2名得4", "≥1", "5").is_err());
    // 清单 items × step must be the weight.
    let e = check("清单:3项,每项1", "健全", "4").unwrap_err();
    assert_eq!(
        e.to_string(),
        "清单 3 项 × 每项 1 = 3，与权重 4 不等，应如「清单:3项,每项1.3333」"
    );
    assert!(check("清单:4项,每项0.5", "健全", "2").is_ok());
    // 定性 bands with a gap or an overlap.
    let e = check("定性:好=80%~100%;差=0~60%", "满意", "5").unwrap_err();
    assert!(
        e.to_string().starts_with("定性档次没有覆盖 60%～80%"),
        "{e}"
    );
    let e = check("定性:好=70%~100%;差=0~80%", "满意", "5").unwrap_err();
    assert!(e.to_string().contains("重叠"), "{e}");
    assert!(check("定性:好=80%~100%;差=0~90%", "满意", "5").is_err());
    // Units and targets.
    assert!(check("差额扣分:每1%扣0.5", "完成", "5").is_err());
    assert!(check("反向比例:目标/实际", "完成", "5").is_err());
    assert!(check("分段:≥90%得5;其他得0", "≥3次", "5").is_err());
    // 目标/实际 against 0: every answer above 0 would score 0.
    assert!(check("反向比例:目标/实际", "≤0%", "5").is_err());
    assert!(check("反向比例:目标/实际", "≤100元", "5").is_ok());
}

#[test]
fn a_range_is_written_low_then_high_in_one_unit_and_fits_its_target() {
    assert_eq!(
        parse_rule("区间：80%～90%").unwrap(),
        Rule::Range {
            lo: d("80"),
            hi: d("90"),
            unit: "%".into()
        }
    );
    assert_eq!(
        parse_rule("区间:3~5次").unwrap(),
        Rule::Range {
            lo: d("3"),
            hi: d("5"),
            unit: "次".into()
        }
    );
    for bad in [
        "区间",
        "区间:90%~80%",
        "区间:80%",
        "区间:3次~5%",
        "区间:高~低",
    ] {
        assert!(
            matches!(parse_rule(bad), Err(RuleError::BadRange(_))),
            "{bad}: {:?}",
            parse_rule(bad)
        );
    }
    let rule = parse_rule("区间:80%~90%").unwrap();
    let check = |target: &str| {
        check_rule(&rule, &parse_target(target).unwrap(), target, d("2")).map_err(|e| e.to_string())
    };
    assert!(check("≥80%").is_ok());
    assert!(
        check("≥80次")
            .unwrap_err()
            .contains("区间的单位应与目标值一致")
    );
    assert!(
        check("完成")
            .unwrap_err()
            .contains("区间需要数值形式的目标值")
    );
    // A target of 0 without a unit takes the range's.
    let zero = parse_target("=0").unwrap();
    let with_unit = unit_for_zero(&rule, &zero, "=0").unwrap().unwrap();
    assert!(with_unit.is_percent());
}
