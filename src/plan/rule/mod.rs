//! 计分方式 parser: the plan's rule text → a typed [`Rule`], inferred from 目标值 when blank.
//!
//! Accepted texts (full-width `：，；＝～` too): `达标`, `比例`, `反向比例`, `反向比例:目标/实际`,
//! `档次:高=100%,中=90%,低=80%`, `档次:高,中,低;每档0.2`, `扣分:每次0.5`, `趋势:下降`,
//! `趋势:上升`, `等级`, `评议`, `分段:≥90%得5;≥80%得4;其他得0`, `差额扣分:每1%扣0.5`,
//! `差额扣分:每满1%扣0.5`, `清单:3项,每项1`, `定性` / `定性:达成=80%~100%;…`, `相对:最高值`,
//! `相对:最低值`, `排名:第1名得5;第2-3名得4;其他得3`, `区间:80%~90%`. Each kind, its forms and
//! a worked example are listed once in [`Kind`].
//!
//! [`check_rule`] refuses a rule that cannot score its target or its weight (比例 against an
//! upper bound, points above the weight, a tier that can never be reached, 清单 items that do
//! not add up to the weight, 定性 bands with a gap …) so that a plan error, not a wrong score,
//! is what the finance bureau sees.

mod kind;
mod parts;

pub use kind::{Example, Form, Kind};
pub use parts::{Band, Condition, Place, Points, Tier, default_bands};

use super::target::{Cmp, Direction, Target};
use crate::domain::fmt_plain;
use crate::text::{normalize_text, parse_plain_number, split_number};
use rust_decimal::Decimal;
use thiserror::Error;

/// Which department a 相对 indicator compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Best {
    /// 最高值: higher is better; score = weight × actual / highest.
    Highest,
    /// 最低值: lower is better; score = weight × lowest / actual.
    Lowest,
}

impl Best {
    /// 最高 or 最低.
    pub fn label(self) -> &'static str {
        match self {
            Best::Highest => "最高",
            Best::Lowest => "最低",
        }
    }
}

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
    /// 分段: the first tier whose condition holds, top to bottom; none matching gives 0.
    Segments(Vec<Tier>),
    /// 差额扣分: the gap beyond the target in the direction it forbids, per `unit`, times
    /// `step`, taken from the weight.
    GapDeduct {
        /// The size of one unit of gap (`1` in `每1%`), in the target's units.
        unit: Decimal,
        /// The unit written after it: `%` (also for `个百分点`), another unit, or `""`.
        per: String,
        /// Points per unit.
        step: Decimal,
        /// `每满`: whole units only.
        whole: bool,
    },
    /// 清单: items met × step.
    Checklist {
        /// How many items the list has.
        items: u32,
        /// Points per item.
        step: Decimal,
    },
    /// 定性: a band chosen by the department and a 自评得分 inside it, marked for review.
    Qualitative(Vec<Band>),
    /// 反向比例:目标/实际: full when actual ≤ target, else weight × target / actual.
    InverseRatio,
    /// 相对: in proportion to the best department's value.
    Relative(Best),
    /// 排名: points by rank among the departments (higher is better, ties share a rank).
    Ranked(Vec<Place>),
    /// 区间: full marks when the actual lies between `lo` and `hi` (both included), else 0.
    Range {
        /// The lower bound, in the target's units (`80` for `80%`).
        lo: Decimal,
        /// The upper bound.
        hi: Decimal,
        /// `%` when written with a percent sign, else the unit written or `""`.
        unit: String,
    },
}

impl Rule {
    /// Whether the score depends on other departments' values (相对, 排名).
    pub fn needs_peers(&self) -> bool {
        self.kind().needs_peers()
    }

    /// Whether the score is the department's own, for the bureau to review (评议, 定性).
    pub fn is_reviewed(&self) -> bool {
        self.kind().is_reviewed()
    }

    /// The labels a department chooses from, if the answer is a label.
    pub fn labels(&self) -> Option<Vec<String>> {
        match self {
            Rule::TierShares(items) => Some(items.iter().map(|(l, _)| l.clone()).collect()),
            Rule::TierSteps { labels, .. } => Some(labels.clone()),
            Rule::Qualitative(bands) => Some(bands.iter().map(|b| b.label.clone()).collect()),
            Rule::Pass
            | Rule::Proportional
            | Rule::Inverse
            | Rule::Deduct { .. }
            | Rule::Trend(_)
            | Rule::Level
            | Rule::Review
            | Rule::Segments(_)
            | Rule::GapDeduct { .. }
            | Rule::Checklist { .. }
            | Rule::InverseRatio
            | Rule::Relative(_)
            | Rule::Ranked(_)
            | Rule::Range { .. } => None,
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
    /// 分段 malformed.
    #[error(
        "分段写法有误「{0}」，应如「分段:≥90%得5;≥80%得4;≥60%得2;其他得0」（得N为分值，得N%为权重的百分比）"
    )]
    BadSegments(String),
    /// 差额扣分 malformed.
    #[error(
        "差额扣分写法有误「{0}」，应如「差额扣分:每1%扣0.5」（按差额比例扣）或「差额扣分:每满1%扣0.5」（只计整数个单位）"
    )]
    BadGap(String),
    /// 清单 malformed.
    #[error("清单写法有误「{0}」，应如「清单:3项,每项1」")]
    BadChecklist(String),
    /// 定性 malformed.
    #[error(
        "定性写法有误「{0}」，应为「定性」或如「定性:达成=80%~100%;部分达成=60%~80%;未达成=0~60%」"
    )]
    BadBands(String),
    /// 相对 malformed.
    #[error("相对写法有误「{0}」，应为「相对:最高值」或「相对:最低值」")]
    BadRelative(String),
    /// 排名 malformed.
    #[error("排名写法有误「{0}」，应如「排名:第1名得5;第2-3名得4;其他得3」")]
    BadRanks(String),
    /// 区间 malformed.
    #[error("区间写法有误「{0}」，应如「区间:80%~90%」（下限~上限，实际值在两数之间得满分）")]
    BadRange(String),
    /// 反向比例 with an unknown formula.
    #[error("反向比例写法有误「{0}」，应为「反向比例」或「反向比例:目标/实际」")]
    BadInverse(String),
    /// A tier, place or item gives more than the weight.
    #[error("「{item}」的分值 {points} 超过权重 {weight}")]
    PointsAboveWeight {
        /// The tier as written.
        item: String,
        /// Its points.
        points: String,
        /// The weight.
        weight: String,
    },
    /// A 分段 tier or 排名 place that an earlier one already takes.
    #[error(
        "「{later}」永远用不到：排在前面的「{earlier}」已包含它，请从严到宽排列（如 ≥90% 在 ≥80% 之前）"
    )]
    Unreachable {
        /// The tier that cannot be reached.
        later: String,
        /// The tier that takes its values.
        earlier: String,
    },
    /// 清单 items × step ≠ weight.
    #[error(
        "清单 {items} 项 × 每项 {step} = {total}，与权重 {weight} 不等，应如「清单:{items}项,每项{expected}」"
    )]
    ChecklistTotal {
        /// Items.
        items: u32,
        /// Step.
        step: String,
        /// Items × step.
        total: String,
        /// The weight.
        weight: String,
        /// The step that would add up.
        expected: String,
    },
    /// 定性 bands that overlap or leave a gap.
    #[error("{0}，应如「定性:达成=80%~100%;部分达成=60%~80%;未达成=0~60%」")]
    Bands(String),
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
        .replace('＝', "=")
        .replace(['～', '〜'], "~");
    let bad = |e: fn(String) -> RuleError| e(raw.trim().into());
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
        ("档次", Some(b)) => parse_tiers(b).ok_or_else(|| bad(RuleError::BadTiers)),
        ("反向比例", Some("目标/实际")) => Ok(Rule::InverseRatio),
        ("反向比例", Some(_)) => Err(bad(RuleError::BadInverse)),
        ("分段", b) => b
            .and_then(parts::parse_segments)
            .map(Rule::Segments)
            .ok_or_else(|| bad(RuleError::BadSegments)),
        ("差额扣分", b) => b.and_then(parse_gap).ok_or_else(|| bad(RuleError::BadGap)),
        ("清单", b) => b
            .and_then(parse_checklist)
            .ok_or_else(|| bad(RuleError::BadChecklist)),
        ("定性", None) => Ok(Rule::Qualitative(default_bands())),
        ("定性", Some(b)) => parts::parse_bands(b)
            .map(Rule::Qualitative)
            .ok_or_else(|| bad(RuleError::BadBands)),
        ("相对", Some("最高值" | "最高")) => Ok(Rule::Relative(Best::Highest)),
        ("相对", Some("最低值" | "最低")) => Ok(Rule::Relative(Best::Lowest)),
        ("相对", _) => Err(bad(RuleError::BadRelative)),
        ("排名", b) => b
            .and_then(parts::parse_places)
            .map(Rule::Ranked)
            .ok_or_else(|| bad(RuleError::BadRanks)),
        ("区间", b) => b
            .and_then(parse_range)
            .ok_or_else(|| bad(RuleError::BadRange)),
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

/// `每1%扣0.5`, `每满1%扣0.5`, `每1个百分点扣0.5分`.
fn parse_gap(body: &str) -> Option<Rule> {
    let (whole, rest) = match body.strip_prefix("每满") {
        Some(r) => (true, r),
        None => (false, body.strip_prefix('每')?),
    };
    let (per, step) = rest.split_once('扣')?;
    let (per, points) = match per.strip_suffix("个百分点") {
        Some(p) => (p, true),
        None => (per, false),
    };
    let (unit, written) = split_number(per).filter(|(v, _)| *v > Decimal::ZERO)?;
    let per = if points { "%" } else { written };
    let step = step.strip_suffix('分').unwrap_or(step);
    let step = parse_plain_number(step).filter(|v| *v > Decimal::ZERO)?;
    Some(Rule::GapDeduct {
        unit,
        per: per.to_string(),
        step,
        whole,
    })
}

/// `80%~90%`, `3~5次`, `-5%~5%`: a lower bound, an upper bound not below it, one unit (the
/// upper bound's when only it carries one).
fn parse_range(body: &str) -> Option<Rule> {
    let (lo, hi) = body.split_once('~')?;
    let (lo, lo_unit) = split_number(lo)?;
    let (hi, hi_unit) = split_number(hi)?;
    let unit = match (lo_unit, hi_unit) {
        (a, b) if a == b => a,
        ("", b) => b,
        _ => return None,
    };
    (lo <= hi).then(|| Rule::Range {
        lo,
        hi,
        unit: unit.to_string(),
    })
}

/// `3项,每项1`.
fn parse_checklist(body: &str) -> Option<Rule> {
    let (items, step) = body.split_once(',').or_else(|| body.split_once(';'))?;
    let items: u32 = items.strip_suffix('项').unwrap_or(items).parse().ok()?;
    let step = step.strip_prefix("每项").unwrap_or(step);
    let step = step.strip_suffix('分').unwrap_or(step);
    let step = parse_plain_number(step).filter(|v| *v > Decimal::ZERO)?;
    (1..=50)
        .contains(&items)
        .then_some(Rule::Checklist { items, step })
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

/// The units a rule counts in (`%` for `差额扣分:每满1%扣0.5` or a 分段 tier `≥10%`), each
/// once, in order; none for a rule that names no unit.
fn rule_units(rule: &Rule) -> Vec<&str> {
    let written: Vec<&str> = match rule {
        Rule::GapDeduct { per, .. } => vec![per.as_str()],
        Rule::Range { unit, .. } => vec![unit.as_str()],
        Rule::Segments(tiers) => tiers
            .iter()
            .filter_map(|t| t.when.as_ref())
            .map(|c| c.unit.as_str())
            .collect(),
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
        | Rule::Relative(_)
        | Rule::Ranked(_) => Vec::new(),
    };
    let mut units: Vec<&str> = Vec::new();
    for u in written {
        if !u.is_empty() && !units.contains(&u) {
            units.push(u);
        }
    }
    units
}

/// A target of 0 written without a unit (`≤0`, `=0`) takes the unit its rule counts in:
/// `≤0` with `差额扣分:每满1%扣0.5` is `≤0%`, so a 变动率 of 3.7% is compared with it. The
/// target as it stands when it has a unit, is not 0, or the rule names none; an error when
/// the rule names two (the plan must say which the department should type).
pub fn unit_for_zero(
    rule: &Rule,
    target: &Target,
    target_text: &str,
) -> Result<Option<Target>, RuleError> {
    let Target::Compare { cmp, value, unit } = target else {
        return Ok(None);
    };
    if !value.is_zero() || !unit.is_empty() {
        return Ok(None);
    }
    match rule_units(rule).as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(Target::Compare {
            cmp: *cmp,
            value: *value,
            unit: (*one).to_string(),
        })),
        _ => Err(RuleError::Incompatible {
            rule: rule.kind_label(),
            target: target_text.trim().to_string(),
            why: "目标值 0 没有写单位，而计分方式中有不止一种单位，无法确定部门应填百分数还是数值，请在目标值中写明单位（如「≤0%」）",
        }),
    }
}

/// Whether a unit a rule writes (`%`, `次`, or none) cannot be compared with the target's:
/// a percent against a target that is neither a percentage nor 0, another unit that is not
/// the target's.
fn unit_differs(t: &Target, unit: &str) -> bool {
    if unit == "%" {
        !t.is_percent() && !matches!(t, Target::Compare { value, .. } if value.is_zero())
    } else {
        !unit.is_empty() && !matches!(t, Target::Compare { unit: u, .. } if u == unit)
    }
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
        (Rule::InverseRatio, Target::Compare { value, .. }) if *value <= Decimal::ZERO => bad(
            "目标/实际 需要大于 0 的目标值（目标为 0 时任何超过 0 的实际值都得 0 分），请改用「差额扣分」或「分段」",
        ),
        (Rule::InverseRatio, Target::Compare { .. }) => Ok(()),
        (Rule::InverseRatio, _) => bad("反向比例需要「≤N」形式的目标值"),
        (Rule::GapDeduct { .. }, Target::Compare { .. }) => Ok(()),
        (Rule::GapDeduct { .. }, _) => bad("差额扣分需要「≥N」「≤N」或「=N」形式的目标值"),
        (Rule::Range { unit, .. }, t @ Target::Compare { .. }) => {
            if unit_differs(t, unit) {
                bad("区间的单位应与目标值一致")
            } else {
                Ok(())
            }
        }
        (Rule::Range { .. }, _) => bad("区间需要数值形式的目标值（如「≥80%」）"),
        (Rule::Segments(tiers), t) => {
            let mixed = tiers
                .iter()
                .filter_map(|x| x.when.as_ref())
                .any(|c| unit_differs(t, &c.unit));
            if mixed {
                bad("分段条件的单位应与目标值一致")
            } else {
                Ok(())
            }
        }
        (Rule::Relative(_) | Rule::Ranked(_), Target::Compare { .. } | Target::Word(_)) => Ok(()),
        (Rule::Relative(_) | Rule::Ranked(_), _) => bad("相对和排名需要数值形式的目标值"),
        (
            Rule::Pass
            | Rule::Proportional
            | Rule::TierShares(_)
            | Rule::TierSteps { .. }
            | Rule::Deduct { .. }
            | Rule::Trend(_)
            | Rule::Review
            | Rule::Checklist { .. }
            | Rule::Qualitative(_),
            _,
        ) => Ok(()),
    }
}

/// Refuses a rule that cannot score its target ([`check_compatible`]) or its weight: points
/// above the weight, a tier or place that can never be reached, 清单 items × step ≠ weight,
/// 定性 bands that overlap or leave a gap.
pub fn check_rule(
    rule: &Rule,
    target: &Target,
    target_text: &str,
    weight: Decimal,
) -> Result<(), RuleError> {
    check_compatible(rule, target, target_text)?;
    let above = |item: &str, p: Points| {
        let points = p.of(weight);
        if points > weight {
            Err(RuleError::PointsAboveWeight {
                item: item.to_string(),
                points: fmt_plain(points),
                weight: fmt_plain(weight),
            })
        } else {
            Ok(())
        }
    };
    match rule {
        Rule::Segments(tiers) => {
            for t in tiers {
                above(&t.text, t.points)?;
            }
            if let Some((later, earlier)) = parts::unreachable_tier(tiers) {
                return Err(RuleError::Unreachable {
                    later: later.text.clone(),
                    earlier: earlier.text.clone(),
                });
            }
            Ok(())
        }
        Rule::Ranked(places) => {
            for p in places {
                above(&p.text, p.points)?;
            }
            if let Some((later, earlier)) = parts::overlapping_place(places) {
                return Err(RuleError::Unreachable {
                    later: later.text.clone(),
                    earlier: earlier.text.clone(),
                });
            }
            Ok(())
        }
        Rule::Checklist { items, step } => {
            let total = *step * Decimal::from(*items);
            if total == weight {
                return Ok(());
            }
            Err(RuleError::ChecklistTotal {
                items: *items,
                step: fmt_plain(*step),
                total: fmt_plain(total),
                weight: fmt_plain(weight),
                expected: fmt_plain((weight / Decimal::from(*items)).round_dp(4)),
            })
        }
        Rule::Qualitative(bands) => match parts::bands_problem(bands) {
            Some(p) => Err(RuleError::Bands(p)),
            None => Ok(()),
        },
        Rule::Pass
        | Rule::Proportional
        | Rule::Inverse
        | Rule::TierShares(_)
        | Rule::TierSteps { .. }
        | Rule::Deduct { .. }
        | Rule::Trend(_)
        | Rule::Level
        | Rule::Review
        | Rule::GapDeduct { .. }
        | Rule::InverseRatio
        | Rule::Relative(_)
        | Rule::Range { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests;
