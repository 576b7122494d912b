//! 计分方式 parser: the plan's rule text → a typed [`Rule`], inferred from 目标值 when blank.
//!
//! Accepted texts (full-width `：，；＝` too): `达标`, `比例`, `反向比例`,
//! `档次:高=100%,中=90%,低=80%`, `档次:高,中,低;每档0.2`, `扣分:每次0.5`, `趋势:下降`,
//! `趋势:上升`, `等级`, `评议`. [`check_compatible`] refuses a rule that cannot score its target
//! (比例 against an upper bound, 等级 without `N级` …) so that a plan error, not a wrong score,
//! is what the finance bureau sees.

use super::target::{Cmp, Direction, Target};
use crate::text::{normalize_text, parse_plain_number, split_number};
use rust_decimal::Decimal;
use thiserror::Error;

/// How an indicator is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// 达标: met → full, else 0.
    Pass,
    /// 比例: met → full, else weight × actual / target.
    Proportional,
    /// 反向比例: met → full, else weight × (1 − (actual − target) / target), at least 0.
    Inverse,
    /// 档次 with a share of the weight per label.
    TierShares(Vec<(String, Decimal)>),
    /// 档次 with labels best first and a fixed deduction per step down.
    TierSteps {
        /// Labels, best first.
        labels: Vec<String>,
        /// Points deducted per step.
        step: Decimal,
    },
    /// 扣分: weight − count × step, at least 0.
    Deduct {
        /// Points per occurrence.
        step: Decimal,
    },
    /// 趋势: met when the actual moves the right way from the baseline.
    Trend(Direction),
    /// 等级: level ≥ target → full, else proportional.
    Level,
    /// 评议: the department's self-score, marked for review.
    Review,
}

/// The 计分方式 words offered in dropdowns, in the order a plan author thinks of them.
pub const RULE_CHOICES: [&str; 9] = [
    "达标",
    "比例",
    "反向比例",
    "档次:高=100%,中=90%,低=80%",
    "档次:高,中,低;每档0.2",
    "扣分:每次0.5",
    "趋势:下降",
    "趋势:上升",
    "等级",
];

impl Rule {
    /// The rule's short Chinese name.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Rule::Pass => "达标",
            Rule::Proportional => "比例",
            Rule::Inverse => "反向比例",
            Rule::TierShares(_) | Rule::TierSteps { .. } => "档次",
            Rule::Deduct { .. } => "扣分",
            Rule::Trend(_) => "趋势",
            Rule::Level => "等级",
            Rule::Review => "评议",
        }
    }

    /// The labels a department chooses from, if the answer is a label.
    pub fn labels(&self) -> Option<Vec<String>> {
        match self {
            Rule::TierShares(items) => Some(items.iter().map(|(l, _)| l.clone()).collect()),
            Rule::TierSteps { labels, .. } => Some(labels.clone()),
            _ => None,
        }
    }
}

/// A 计分方式 that cannot be read, or cannot score its 目标值.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    /// Not one of the known rule names.
    #[error("无法识别的计分方式「{0}」")]
    Unknown(String),
    /// 档次 without labels or with a malformed item.
    #[error("档次写法有误「{0}」，应如「档次:高=100%,中=90%,低=80%」或「档次:高,中,低;每档0.2」")]
    BadTiers(String),
    /// 扣分 without a step.
    #[error("扣分写法有误「{0}」，应如「扣分:每次0.5」")]
    BadDeduct(String),
    /// 趋势 without a direction.
    #[error("趋势写法有误「{0}」，应为「趋势:下降」或「趋势:上升」")]
    BadTrend(String),
    /// The rule cannot score this target.
    #[error("计分方式「{rule}」不能用于目标值「{target}」：{why}")]
    Incompatible {
        /// The rule's name.
        rule: &'static str,
        /// The target text.
        target: String,
        /// Why not, in Chinese.
        why: &'static str,
    },
}

/// Words that make a qualitative target a 达标 (met / not met) indicator.
pub const PASS_WORDS: [&str; 12] = [
    "完成", "及时", "合规", "明确", "完备", "体现", "健全", "达标", "规范", "正常", "按时", "有",
];

/// Infers the rule from the target when 计分方式 is blank.
pub fn infer_rule(target: &Target) -> Rule {
    match target {
        Target::Compare { cmp: Cmp::Eq, .. } => Rule::Pass,
        Target::Compare {
            cmp: Cmp::Le | Cmp::Lt,
            ..
        } => Rule::Inverse,
        Target::Compare { .. } => Rule::Proportional,
        Target::Level(_) => Rule::Level,
        Target::Trend(d) => Rule::Trend(*d),
        Target::Word(w) if PASS_WORDS.contains(&w.as_str()) => Rule::Pass,
        Target::Word(_) => Rule::Review,
    }
}

/// Parses a non-blank 计分方式 text. Blank text is the caller's business (see [`infer_rule`]).
pub fn parse_rule(raw: &str) -> Result<Rule, RuleError> {
    let s = normalize_text(raw)
        .replace('：', ":")
        .replace(['，', '、'], ",")
        .replace('；', ";")
        .replace('＝', "=");
    let (head, body) = match s.split_once(':') {
        Some((h, b)) => (h, Some(b)),
        None => (s.as_str(), None),
    };
    match (head, body) {
        ("达标", None) => Ok(Rule::Pass),
        ("比例", None) => Ok(Rule::Proportional),
        ("反向比例", None) => Ok(Rule::Inverse),
        ("等级", None) => Ok(Rule::Level),
        ("评议", None) => Ok(Rule::Review),
        ("档次", Some(b)) => parse_tiers(b).ok_or_else(|| RuleError::BadTiers(raw.trim().into())),
        ("扣分", Some(b)) => {
            let step = b.strip_prefix("每次").unwrap_or(b);
            let step = step.strip_suffix('分').unwrap_or(step);
            match parse_plain_number(step) {
                Some(v) if v > Decimal::ZERO => Ok(Rule::Deduct { step: v }),
                _ => Err(RuleError::BadDeduct(raw.trim().into())),
            }
        }
        ("趋势", Some("下降")) => Ok(Rule::Trend(Direction::Down)),
        ("趋势", Some("上升")) => Ok(Rule::Trend(Direction::Up)),
        ("趋势", _) => Err(RuleError::BadTrend(raw.trim().into())),
        ("档次", None) => Err(RuleError::BadTiers(raw.trim().into())),
        ("扣分", None) => Err(RuleError::BadDeduct(raw.trim().into())),
        _ => Err(RuleError::Unknown(raw.trim().into())),
    }
}

fn parse_tiers(body: &str) -> Option<Rule> {
    let (list, step) = match body.split_once(';') {
        Some((l, st)) => (l, Some(st)),
        None => (body, None),
    };
    let items: Vec<&str> = list.split(',').filter(|x| !x.is_empty()).collect();
    if items.len() < 2 {
        return None;
    }
    if let Some(st) = step {
        let st = st.strip_prefix("每档").unwrap_or(st);
        let st = st.strip_suffix('分').unwrap_or(st);
        let step = parse_plain_number(st).filter(|v| *v > Decimal::ZERO)?;
        let labels: Vec<String> = items.iter().map(|x| x.to_string()).collect();
        if labels.iter().any(|l| l.contains('=')) || has_duplicates(&labels) {
            return None;
        }
        return Some(Rule::TierSteps { labels, step });
    }
    let mut shares = Vec::new();
    for item in items {
        let (label, share) = item.split_once('=')?;
        let (value, rest) = split_number(share)?;
        let share = match rest {
            "%" => value / Decimal::ONE_HUNDRED,
            "" if value <= Decimal::ONE => value,
            _ => return None,
        };
        if label.is_empty() || share < Decimal::ZERO || share > Decimal::ONE {
            return None;
        }
        shares.push((label.to_string(), share));
    }
    let labels: Vec<String> = shares.iter().map(|(l, _)| l.clone()).collect();
    if has_duplicates(&labels) {
        return None;
    }
    Some(Rule::TierShares(shares))
}

fn has_duplicates(labels: &[String]) -> bool {
    labels
        .iter()
        .enumerate()
        .any(|(i, l)| labels[..i].contains(l))
}

/// Refuses a rule that cannot score its target.
pub fn check_compatible(rule: &Rule, target: &Target, target_text: &str) -> Result<(), RuleError> {
    let bad = |why| {
        Err(RuleError::Incompatible {
            rule: rule.kind_label(),
            target: target_text.trim().to_string(),
            why,
        })
    };
    match (rule, target) {
        (
            Rule::Proportional,
            Target::Compare {
                cmp: Cmp::Le | Cmp::Lt,
                ..
            },
        ) => bad("目标值是上限，请改用「反向比例」"),
        (Rule::Proportional, Target::Trend(_)) => bad("趋势目标请用「趋势:下降」或「趋势:上升」"),
        (
            Rule::Inverse,
            Target::Compare {
                cmp: Cmp::Le | Cmp::Lt | Cmp::Eq,
                ..
            },
        ) => Ok(()),
        (Rule::Inverse, _) => bad("反向比例需要「≤N」形式的目标值"),
        (Rule::Level, Target::Level(_)) => Ok(()),
        (Rule::Level, _) => bad("等级需要「N级」形式的目标值"),
        (Rule::Pass, Target::Trend(_)) => bad("趋势目标请用「趋势:下降」或「趋势:上升」"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::target::parse_target;
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
}
