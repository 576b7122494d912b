//! Plausible answers: an indicator (and the department's budget) → the range its answer can
//! reasonably take, so that a slip is an error at its cell naming both readings, never a
//! score, and never the reference value of 相对 or a place in 排名.
//!
//! The slips this catches: 94.8 pasted into a percent cell (shown, and read, as 9480%), and
//! 元 typed where 万元 is asked (1234500 for 123.45). The ranges, documented in the README:
//!
//! - a percentage lies between −100% (where a negative means something: 分段, 差额扣分,
//!   相对:最低值, an upper-bound target such as ≤0%) or 0, and ten times the larger of the
//!   target and 100% (≥95% → 1000%);
//! - an amount in 万元 is at most ten times the larger of the department's 调整后预算 and
//!   the target.
//!
//! The template's data validation uses the same percent range ([`PercentRange::of`]), so a
//! department can type every value the rule can score (−7.5% for a 变动率) and no other.

use super::*;

/// The percentages an indicator's answer can take, in percent (95 for 95%).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PercentRange {
    /// Lowest: −100 where the rule scores negatives, else 0.
    pub lo: Decimal,
    /// Highest: ten times the larger of the target and 100.
    pub hi: Decimal,
}

impl PercentRange {
    /// The range of a percent answer to `ind`.
    pub fn of(ind: &Indicator) -> Self {
        let target = match &*ind.target {
            Target::Compare { value, unit, .. } if unit == "%" => value.abs(),
            _ => Decimal::ONE_HUNDRED,
        };
        PercentRange {
            lo: if accepts_negative(ind) {
                -Decimal::ONE_HUNDRED
            } else {
                Decimal::ZERO
            },
            hi: target.max(Decimal::ONE_HUNDRED) * Decimal::TEN,
        }
    }

    /// Whether `p` (percent) lies in the range.
    pub fn contains(&self, p: Decimal) -> bool {
        self.lo <= p && p <= self.hi
    }

    /// `−100%～1000%`.
    pub fn text(&self) -> String {
        format!("{}%～{}%", fmt_plain(self.lo), fmt_plain(self.hi))
    }
}

/// Whether an answer below zero means something (a 变动率 of −4%): the rule scores signed
/// values (分段, 差额扣分), lower is better (相对:最低值), or the target is an upper bound or
/// itself below zero. A completion rate or a count against a floor (≥95%) is never negative.
pub fn accepts_negative(ind: &Indicator) -> bool {
    let by_rule = match &*ind.rule {
        Rule::Segments(_) | Rule::GapDeduct { .. } => true,
        Rule::Relative(best) => *best == crate::plan::Best::Lowest,
        Rule::Range { lo, .. } => *lo < Decimal::ZERO,
        Rule::Pass
        | Rule::Proportional
        | Rule::Inverse
        | Rule::TierShares(_)
        | Rule::TierSteps { .. }
        | Rule::Deduct { .. }
        | Rule::Trend(_)
        | Rule::Level
        | Rule::Review
        | Rule::Checklist { .. }
        | Rule::Qualitative(_)
        | Rule::InverseRatio
        | Rule::Ranked(_) => false,
    };
    by_rule
        || matches!(
            &*ind.target,
            Target::Compare {
                cmp: Cmp::Le | Cmp::Lt,
                ..
            }
        )
        || matches!(&*ind.target, Target::Compare { value, .. } if *value < Decimal::ZERO)
}

/// An answer outside what its indicator can reasonably take: the reading, the reading that
/// was probably meant, and the bound it passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Implausible {
    /// The value as read (`9480%`).
    pub read: String,
    /// The value probably meant (`94.8%`).
    pub meant: String,
    /// Why it cannot be right, as a clause.
    pub why: String,
}

impl Implausible {
    /// The finding's sentence about indicator `name`.
    pub fn message(&self, name: &str) -> String {
        format!(
            "{name}的实际完成值读作「{}」，{}；可能本意是「{}」",
            self.read, self.why, self.meant
        )
    }

    /// What the department should do.
    pub fn hint(&self) -> String {
        let percent = if self.meant.ends_with('%') {
            "；在百分比格式的单元格中请输入带 % 号的数"
        } else {
            ""
        };
        format!(
            "请核对：如实际是 {}，请改填「{}」后重新报送{percent}",
            self.meant, self.meant
        )
    }
}

/// Whether the answer `actual` to `ind` is implausible; `budget` is the department's
/// 调整后预算 in 万元, when known.
pub fn implausible(ind: &Indicator, actual: &str, budget: Option<Decimal>) -> Option<Implausible> {
    if ind.computed.is_some() || normalize_text(actual) == NOT_APPLICABLE {
        return None;
    }
    let v = parse_value(actual);
    let raw = normalize_text(actual);
    match AnswerKind::of(ind) {
        AnswerKind::Percent(range) => {
            let p = signed_percent(ind, &v, &raw).ok()?;
            // A negative where the rule takes none is the scorer's error (为负数).
            if range.contains(p) || (p < Decimal::ZERO && range.lo.is_zero()) {
                return None;
            }
            Some(Implausible {
                read: format!("{}%", fmt_plain(p)),
                meant: format!("{}%", fmt_plain(p / Decimal::ONE_HUNDRED)),
                why: format!("超出合理范围 {}（目标 {}）", range.text(), ind.target_text),
            })
        }
        AnswerKind::Number { unit, .. } if unit == "万元" => {
            let budget = budget.filter(|b| *b > Decimal::ZERO)?;
            let a = quantity(ind, &v, &raw).ok()?;
            // Ten times the budget, or ten times the target when that is larger (a 带动社会投资
            // of ≥8000万元 is no slip for a department of 500万元).
            let target = match &*ind.target {
                Target::Compare { value, .. } => value.abs(),
                _ => Decimal::ZERO,
            };
            let limit = budget.max(target) * Decimal::TEN;
            (a > limit).then(|| Implausible {
                read: format!("{}万元", fmt_plain(a)),
                meant: format!("{}万元", fmt_plain(a / Decimal::from(10_000))),
                why: format!(
                    "超过本部门调整后预算 {} 万元{}的 10 倍，可能是按「元」填写的",
                    fmt_plain(budget),
                    if target > budget {
                        format!("和目标值 {}", ind.target_text)
                    } else {
                        String::new()
                    }
                ),
            })
        }
        _ => None,
    }
}
