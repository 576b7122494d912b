//! What a department must type as 实际完成值 for an indicator: templates use it for data
//! validation and input messages, findings for their hints.

use super::*;

/// What a department must type as 实际完成值 for an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerKind {
    /// One of these labels (a dropdown).
    Labels(Vec<String>),
    /// A percentage (95%, 0.95 or 95) within a plausible range.
    Percent(PercentRange),
    /// A number, optionally followed by this unit.
    Number {
        /// The target's unit, `""` for none.
        unit: String,
        /// Whether a number below zero means something ([`super::accepts_negative`]).
        signed: bool,
    },
    /// A whole count of occurrences, 0 or more.
    Count,
    /// A level `N级`.
    Level,
    /// Free text; the score is the department's 自评得分.
    SelfScore,
    /// 清单: the number of items met, or their numbers.
    Checklist {
        /// Items in the list.
        items: u32,
    },
    /// Computed from the 预算执行 rows; nothing to type.
    Computed,
}

impl AnswerKind {
    /// What an indicator asks for.
    pub fn of(ind: &Indicator) -> Self {
        if ind.computed.is_some() {
            return AnswerKind::Computed;
        }
        match &*ind.rule {
            Rule::Checklist { items, .. } => AnswerKind::Checklist { items: *items },
            Rule::Segments(tiers) if kinds::segment_is_percent(ind, tiers) => {
                AnswerKind::Percent(PercentRange::of(ind))
            }
            Rule::Range { unit, .. } if kinds::range_is_percent(ind, unit) => {
                AnswerKind::Percent(PercentRange::of(ind))
            }
            Rule::TierShares(_) | Rule::TierSteps { .. } | Rule::Qualitative(_) => {
                AnswerKind::Labels(ind.rule.labels().unwrap_or_default())
            }
            Rule::Deduct { .. } => AnswerKind::Count,
            Rule::Review => AnswerKind::SelfScore,
            Rule::Trend(_) if ind.baseline.is_none() => {
                AnswerKind::Labels(vec!["下降".into(), "持平".into(), "上升".into()])
            }
            Rule::Trend(_) => AnswerKind::Number {
                unit: String::new(),
                signed: true,
            },
            Rule::Pass => match &*ind.target {
                Target::Word(w) => AnswerKind::Labels(vec![w.clone(), negate(w)]),
                _ => Self::by_target(ind, false),
            },
            Rule::Level => Self::by_target(ind, true),
            Rule::Proportional
            | Rule::Inverse
            | Rule::Segments(_)
            | Rule::GapDeduct { .. }
            | Rule::InverseRatio
            | Rule::Relative(_)
            | Rule::Ranked(_)
            | Rule::Range { .. } => Self::by_target(ind, false),
        }
    }

    /// What a rule that scores a value of its target's kind asks for: a percentage for a
    /// percent or word target, a level for a level target (or the 等级 rule), a number in
    /// the target's unit otherwise.
    fn by_target(ind: &Indicator, level_rule: bool) -> Self {
        match &*ind.target {
            Target::Word(_) => AnswerKind::Percent(PercentRange::of(ind)),
            Target::Level(_) => AnswerKind::Level,
            _ if level_rule => AnswerKind::Level,
            t if t.is_percent() => AnswerKind::Percent(PercentRange::of(ind)),
            Target::Compare { unit, .. } => AnswerKind::Number {
                unit: unit.clone(),
                signed: accepts_negative(ind),
            },
            Target::Trend(_) => {
                AnswerKind::Labels(vec!["下降".into(), "持平".into(), "上升".into()])
            }
        }
    }

    /// The Chinese sentence telling a department what to type.
    pub fn describe(&self) -> String {
        match self {
            AnswerKind::Labels(l) => format!("请从下拉列表中选择：{}", l.join("、")),
            AnswerKind::Percent(range) if range.lo < Decimal::ZERO => {
                "对照目标值，输入带 % 号的百分数，如 95%、0.4% 或 -7.5%（不带 % 号时按更接近目标的读法计分，并给出警告）"
                    .into()
            }
            AnswerKind::Percent(_) => {
                "对照目标值，输入带 % 号的百分数，如 95% 或 0.4%（不带 % 号时按更接近目标的读法计分，并给出警告）"
                    .into()
            }
            AnswerKind::Number { unit, .. } if unit.is_empty() => "请填写阿拉伯数字，如 12".into(),
            AnswerKind::Number { unit, .. } => {
                format!("请填写阿拉伯数字，单位为「{unit}」，如 12 或 12{unit}")
            }
            AnswerKind::Count => "请填写发生次数（0 或正整数），没有发生请填 0".into(),
            AnswerKind::Level => "请填写等级数字，如 4 或 4级".into(),
            AnswerKind::SelfScore => "请简述完成情况，并在「自评得分」中填写得分（待复核）".into(),
            AnswerKind::Checklist { items } => format!(
                "填写达到的项数（0～{items}），或达到的项目序号，如 ①③ 或 1、3"
            ),
            AnswerKind::Computed => "由「预算执行」表自动计算，无需填写".into(),
        }
    }
}

/// The negation offered next to a 达标 word: 完成 → 未完成, 有 → 无, 及时 → 不及时.
pub fn negate(word: &str) -> String {
    match word {
        "有" => "无".into(),
        "是" => "否".into(),
        "完成" | "按时" | "达标" | "体现" => format!("未{word}"),
        // 已完成 → 未完成, 已建立 → 未建立.
        _ if word.starts_with('已') && word.chars().count() > 1 => {
            format!("未{}", word.trim_start_matches('已'))
        }
        _ => format!("不{word}"),
    }
}
