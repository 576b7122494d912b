//! Scoring engine: an indicator of the plan + what the department reported → a [`Scored`]
//! figure with its one-line 计分说明; a department's scores → [`Totals`] per 评价维度, total
//! and grade; totals of many departments → shared ranks.
//!
//! Guarantees: every score lies between 0 and the indicator's weight, has 2 decimals rounded
//! half away from zero, and a met target gets full marks. A value that cannot be read is a
//! [`ScoreError`] naming what was expected, never a silent zero.
//!
//! - Targets and rules are the plan's vocabulary ([`crate::plan::Target`], [`crate::plan::Rule`]);
//!   cell text is read by [`crate::text`].
//! - [`AnswerKind`] says what a department must type for an indicator; templates use it for
//!   data validation and findings use it for hints.

mod answer;
mod kinds;
mod peers;
mod plausible;
mod totals;

pub use crate::plan::{Cmp, Direction, Rule, Target};
pub use answer::{AnswerKind, negate};
pub use peers::{Peer, score_with_peers};
pub use plausible::{Implausible, PercentRange, accepts_negative, implausible};
pub use totals::{DimensionTotal, Rescale, Totals, competition_ranks, totals};

/// The answer that drops an indicator marked 可不适用.
pub const NOT_APPLICABLE: &str = "不适用";

use crate::domain::{Score, fmt_plain, fmt_shown, fmt2, round2};
use crate::plan::{GradeScale, Indicator};
use crate::text::{Value, normalize_text, parse_value};
use rust_decimal::Decimal;
use thiserror::Error;
/// One indicator's score. Held for every indicator of every return until the outputs are
/// written, so what few scores have (an ambiguity, a caution) is boxed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// Between 0 and the weight, 2 decimals.
    pub score: Score,
    /// 计分说明: inputs and rule, e.g. `实际 80%，目标 100%，按比例 1×80% = 0.80`.
    pub explanation: String,
    /// 待复核: the score is the department's own (评议).
    pub review: bool,
    /// The reported value as it was understood (`0.8` in a % cell shows as `80%`).
    pub actual: String,
    /// A bare number that reads two ways against a percent target (`0.4`: 40% or 0.4%), the
    /// reading used and the other: the caller reports it, never silently.
    pub ambiguous: Option<Box<Ambiguity>>,
    /// Something the department or the bureau should know about how the score came about.
    pub caution: Option<Box<Caution>>,
    /// 相对/排名: the value compared with the other departments'.
    pub peer_value: Option<Decimal>,
    /// 不适用: the indicator drops out and the total is rescaled.
    pub not_applicable: bool,
}

/// How a score departs from the plain reading of the rule; the caller reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caution {
    /// 定性: the 自评得分 lay outside the band chosen; the nearest bound was used.
    OutsideBand {
        /// The 自评得分.
        own: Decimal,
        /// The score used.
        used: Decimal,
        /// The band chosen.
        label: String,
        /// `60%～80%`.
        range: String,
    },
    /// 相对/排名: no other accepted department has a value to compare with.
    Alone,
}

/// The two readings of a bare number typed for a percent target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    /// What was typed.
    pub typed: String,
    /// The reading scored (percent).
    pub used: Decimal,
    /// The other reading (percent).
    pub other: Decimal,
}

/// A reported value that cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScoreError {
    /// Nothing entered.
    #[error("实际完成值为空")]
    Empty,
    /// Not a number where one is needed.
    #[error("「{0}」不是数值")]
    NotNumber(String),
    /// A number with a unit other than the target's.
    #[error("「{value}」的单位与目标值「{target}」不一致")]
    UnitMismatch {
        /// What was entered.
        value: String,
        /// The target text.
        target: String,
    },
    /// A word that is not one of the template's choices.
    #[error("「{value}」不是可选的填法，应为{choices}")]
    NotAChoice {
        /// What was entered.
        value: String,
        /// The choices, quoted and joined (`「合规」或「不合规」`).
        choices: String,
    },
    /// Not one of the tier labels.
    #[error("「{0}」不是可选的档次")]
    UnknownLabel(String),
    /// Not a level.
    #[error("「{0}」不是有效的等级")]
    NotLevel(String),
    /// Not a trend word.
    #[error("「{0}」不是有效的趋势")]
    NotTrend(String),
    /// Not a whole non-negative count.
    #[error("「{0}」不是有效的次数")]
    BadCount(String),
    /// A number below zero where only non-negative makes sense.
    #[error("「{0}」为负数")]
    Negative(String),
    /// 评议 needs a self-score.
    #[error("评议类指标须填写自评得分")]
    MissingSelfScore,
    /// 清单: neither a count nor item numbers within the list.
    #[error(
        "「{value}」不是有效的清单填法：应填达到的项数（0～{items}），或达到的项目序号，如 ①③ 或 1、3"
    )]
    BadChecklist {
        /// What was entered.
        value: String,
        /// Items in the list.
        items: u32,
    },
    /// 不适用 where the plan does not allow it.
    #[error("本指标不可填「不适用」（评价方案未标记为可不适用）")]
    NotApplicableRefused,
    /// Self-score outside 0..weight.
    #[error("自评得分 {value} 超出 0～{weight} 分")]
    SelfScoreOutOfRange {
        /// The self-score.
        value: String,
        /// The weight.
        weight: String,
    },
}

/// Scores one indicator from the 实际完成值 text and the 自评得分 (needed for 评议 only).
pub fn score_indicator(
    ind: &Indicator,
    actual: &str,
    self_score: Option<Decimal>,
) -> Result<Scored, ScoreError> {
    if normalize_text(actual) == NOT_APPLICABLE {
        if !ind.may_not_apply {
            return Err(ScoreError::NotApplicableRefused);
        }
        let w = ind.weight.value();
        let mut s = finish(
            w,
            Decimal::ZERO,
            format!(
                "不适用，不计分；权重 {} 不计入，总分按适用指标折算",
                fmt_plain(w)
            ),
            false,
        );
        s.not_applicable = true;
        s.actual = NOT_APPLICABLE.into();
        return Ok(s);
    }
    let mut scored = score_value(ind, actual, self_score)?;
    scored.actual = display_actual(ind, actual);
    scored.ambiguous = ambiguity(ind, actual).map(Box::new);
    Ok(scored)
}

/// The percent value a percent target compares with: its number, or 100 for a word target
/// (完成 means 100%).
fn percent_target(ind: &Indicator) -> Decimal {
    match &*ind.target {
        Target::Compare { value, unit, .. } if unit == "%" => *value,
        _ => Decimal::ONE_HUNDRED,
    }
}

/// The two readings of a bare number between 0 and 1 (`0.4`): as a fraction (40%, the way
/// Excel stores a percent cell) and as a percent typed without its sign (0.4%). Gives
/// (fraction reading, percent reading) when both exist.
fn two_readings(v: &Value) -> Option<(Decimal, Decimal)> {
    match v {
        Value::Number {
            value,
            percent: false,
            unit,
        } if unit.is_empty() && *value > Decimal::ZERO && *value <= Decimal::ONE => {
            Some((*value * Decimal::ONE_HUNDRED, *value))
        }
        _ => None,
    }
}

/// The reading of a bare number for a percent target: of its two readings, the one nearer the
/// target (`0.95` for ≥95% is 95%; `0.4` for ≤0.5% is 0.4%).
fn nearer_reading(ind: &Indicator, v: &Value) -> Option<Decimal> {
    let (fraction, percent) = two_readings(v)?;
    let t = percent_target(ind);
    Some(if (percent - t).abs() < (fraction - t).abs() {
        percent
    } else {
        fraction
    })
}

/// Whether a bare number for a percent indicator reads two plausible ways: the percent reading
/// was chosen (it departs from how Excel stores a percent cell), or the fraction reading was
/// chosen while the other lies within a factor of ten of the target.
fn ambiguity(ind: &Indicator, actual: &str) -> Option<Ambiguity> {
    if !(ind.target.is_percent() || matches!(*ind.target, Target::Word(_))) {
        return None;
    }
    let v = parse_value(actual);
    let (fraction, percent) = two_readings(&v)?;
    if fraction == percent {
        return None;
    }
    let used = nearer_reading(ind, &v)?;
    let t = percent_target(ind);
    let other = if used == fraction { percent } else { fraction };
    let plausible = t.is_zero() || (other * Decimal::TEN >= t && other <= t * Decimal::TEN);
    (used == percent || plausible).then(|| Ambiguity {
        typed: normalize_text(actual),
        used,
        other,
    })
}

/// The reported value as understood by the rule, for tables and explanations.
fn display_actual(ind: &Indicator, actual: &str) -> String {
    let v = parse_value(actual);
    let raw = normalize_text(actual);
    match (&*ind.rule, &v) {
        (Rule::Review, _) => actual.trim().to_string(),
        (Rule::Checklist { .. } | Rule::Qualitative(_), _) => raw,
        (Rule::Range { unit, .. }, Value::Number { .. }) => {
            kinds::range_quantity(ind, unit, &v, &raw)
                .map(|a| kinds::range_shown(ind, unit, a))
                .unwrap_or(raw)
        }
        (Rule::Segments(tiers), Value::Number { .. }) => {
            kinds::segment_quantity(ind, tiers, &v, &raw)
                .map(|a| kinds::segment_shown(ind, tiers, a))
                .unwrap_or(raw)
        }
        (_, Value::Word(_) | Value::Empty) => raw,
        (Rule::Deduct { .. }, Value::Number { value, .. }) => format!("{} 次", fmt_plain(*value)),
        (Rule::Trend(_), Value::Number { value, unit, .. }) => {
            format!("{}{unit}", fmt_plain(*value))
        }
        (Rule::Level, _) => level(&v, &raw)
            .map(|l| format!("{}级", fmt_plain(l)))
            .unwrap_or(raw),
        (
            Rule::Pass
            | Rule::Proportional
            | Rule::Inverse
            | Rule::TierShares(_)
            | Rule::TierSteps { .. }
            | Rule::GapDeduct { .. }
            | Rule::InverseRatio
            | Rule::Relative(_)
            | Rule::Ranked(_),
            _,
        ) => show(ind, &v, &raw),
    }
}

fn score_value(
    ind: &Indicator,
    actual: &str,
    self_score: Option<Decimal>,
) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let v = parse_value(actual);
    if v == Value::Empty && *ind.rule != Rule::Review && !matches!(*ind.rule, Rule::Qualitative(_))
    {
        return Err(ScoreError::Empty);
    }
    let raw = normalize_text(actual);
    let t = &ind.target_text;
    let full = |what: String| finish(w, w, format!("{what}，得满分 {}", fmt_plain(w)), false);
    let zero = |what: String| finish(w, Decimal::ZERO, format!("{what}，得 0 分"), false);

    Ok(match &*ind.rule {
        Rule::Segments(tiers) => kinds::segments(ind, tiers, &v, &raw)?,
        Rule::GapDeduct {
            unit, step, whole, ..
        } => kinds::gap_deduct(ind, (*unit, *step, *whole), &v, &raw)?,
        Rule::Checklist { items, step } => kinds::checklist(ind, *items, *step, &v, &raw)?,
        Rule::Qualitative(bands) => {
            if v == Value::Empty {
                return Err(ScoreError::Empty);
            }
            kinds::qualitative(ind, bands, &raw, self_score)?
        }
        Rule::InverseRatio => kinds::inverse_ratio(ind, &v, &raw)?,
        Rule::Range { lo, hi, unit } => kinds::range(ind, (*lo, *hi, unit), &v, &raw)?,
        // Scored alone here; [`score_with_peers`] scores it again once every return is read.
        Rule::Relative(_) | Rule::Ranked(_) => {
            let a = quantity(ind, &v, &raw)?;
            let own = crate::domain::DeptCode::new("");
            score_with_peers(ind, &own, a, &[])
        }
        Rule::Review => {
            let s = self_score.ok_or(ScoreError::MissingSelfScore)?;
            if s < Decimal::ZERO || s > w {
                return Err(ScoreError::SelfScoreOutOfRange {
                    value: fmt_plain(s),
                    weight: fmt_plain(w),
                });
            }
            finish(
                w,
                s,
                format!("评议类指标，采用自评得分 {}，待复核", fmt2(s)),
                true,
            )
        }
        Rule::Pass => {
            let met = pass_met(ind, &v, &raw)?;
            let what = format!("实际 {}，目标 {t}", show(ind, &v, &raw));
            if met {
                full(format!("{what}，达标"))
            } else {
                zero(format!("{what}，未达标"))
            }
        }
        Rule::Proportional => {
            let (a, target) = proportional_inputs(ind, &v, &raw)?;
            let what = format!("实际 {}，目标 {t}", show_number(ind, a));
            if a >= target || (target.is_zero() && a >= Decimal::ZERO) {
                full(format!("{what}，达到目标"))
            } else if a <= Decimal::ZERO {
                zero(what)
            } else {
                let s = w * a / target;
                let formula = if ind.target.is_percent() && target == Decimal::ONE_HUNDRED
                    || matches!(*ind.target, Target::Word(_))
                {
                    format!("{}×{}%", fmt_plain(w), fmt_shown(a))
                } else {
                    format!("{}×{}/{}", fmt_plain(w), fmt_shown(a), fmt_plain(target))
                };
                finish(
                    w,
                    s,
                    format!("{what}，按比例 {formula} = {}", fmt2(s)),
                    false,
                )
            }
        }
        Rule::Inverse => {
            let a = quantity(ind, &v, &raw)?;
            let Target::Compare {
                cmp, value: target, ..
            } = &*ind.target
            else {
                return Err(ScoreError::NotNumber(raw));
            };
            let what = format!("实际 {}，目标 {t}", show_number(ind, a));
            if cmp.holds(a, *target) || a <= *target {
                full(format!("{what}，达到目标"))
            } else if target.is_zero() {
                zero(format!("{what}，超过目标"))
            } else {
                let s = w * (Decimal::ONE - (a - target) / target);
                let formula = format!(
                    "{}×(1−({}−{})/{})",
                    fmt_plain(w),
                    fmt_shown(a),
                    fmt_plain(*target),
                    fmt_plain(*target)
                );
                finish(
                    w,
                    s,
                    format!(
                        "{what}，反向比例 {formula} = {}",
                        fmt2(s.max(Decimal::ZERO))
                    ),
                    false,
                )
            }
        }
        Rule::TierShares(items) => {
            let (label, share) = items
                .iter()
                .find(|(l, _)| normalize_text(l) == raw)
                .ok_or_else(|| ScoreError::UnknownLabel(raw.clone()))?;
            let s = w * share;
            let pct = fmt_plain(share * Decimal::ONE_HUNDRED);
            finish(
                w,
                s,
                format!("实际 {label}，按档次 {}×{pct}% = {}", fmt_plain(w), fmt2(s)),
                false,
            )
        }
        Rule::TierSteps { labels, step } => {
            let pos = labels
                .iter()
                .position(|l| normalize_text(l) == raw)
                .ok_or_else(|| ScoreError::UnknownLabel(raw.clone()))?;
            let s = w - *step * Decimal::from(pos as u64);
            finish(
                w,
                s,
                format!(
                    "实际 {}，档次 {} 每档 {}，{}−{}×{} = {}",
                    labels[pos],
                    labels.join("/"),
                    fmt_plain(*step),
                    fmt_plain(w),
                    fmt_plain(*step),
                    pos,
                    fmt2(s.max(Decimal::ZERO))
                ),
                false,
            )
        }
        Rule::Deduct { step } => {
            let n = count(&v, &raw)?;
            let s = w - *step * n;
            finish(
                w,
                s,
                format!(
                    "发生 {} 次，每次扣 {}，{}−{}×{} = {}",
                    fmt_plain(n),
                    fmt_plain(*step),
                    fmt_plain(w),
                    fmt_plain(*step),
                    fmt_plain(n),
                    fmt2(s.max(Decimal::ZERO))
                ),
                false,
            )
        }
        Rule::Trend(dir) => {
            let (met, what) = trend(ind, *dir, &v, &raw)?;
            if met {
                full(format!("{what}，目标{}，达标", dir.label()))
            } else {
                zero(format!("{what}，目标{}，未达标", dir.label()))
            }
        }
        Rule::Level => {
            let a = level(&v, &raw)?;
            let Target::Level(target) = *ind.target else {
                return Err(ScoreError::NotLevel(raw));
            };
            let what = format!("实际 {}级，目标 {}级", fmt_shown(a), fmt_plain(target));
            if a >= target {
                full(format!("{what}，达到目标"))
            } else {
                let s = w * a / target;
                finish(
                    w,
                    s,
                    format!(
                        "{what}，按比例 {}×{}/{} = {}",
                        fmt_plain(w),
                        fmt_shown(a),
                        fmt_plain(target),
                        fmt2(s)
                    ),
                    false,
                )
            }
        }
    })
}

/// The reported value as a percentage (`95%`, `0.95`, `95` → 95), when it reads as one.
pub fn as_percent(ind: &Indicator, actual: &str) -> Option<Decimal> {
    let raw = normalize_text(actual);
    percent(ind, &parse_value(actual), &raw).ok()
}

/// Clamps to 0..=weight and rounds.
fn finish(weight: Decimal, s: Decimal, explanation: String, review: bool) -> Scored {
    Scored {
        score: Score(round2(s.clamp(Decimal::ZERO, weight))),
        explanation,
        review,
        actual: String::new(),
        ambiguous: None,
        caution: None,
        peer_value: None,
        not_applicable: false,
    }
}

/// Whether a 达标 indicator is met.
fn pass_met(ind: &Indicator, v: &Value, raw: &str) -> Result<bool, ScoreError> {
    match &*ind.target {
        Target::Word(word) => match v {
            Value::Word(w) => word_choice(w, word).ok_or_else(|| ScoreError::NotAChoice {
                value: raw.into(),
                choices: format!("「{word}」或「{}」", negate(word)),
            }),
            _ => Ok(percent(ind, v, raw)? >= Decimal::ONE_HUNDRED),
        },
        Target::Compare { cmp, value, .. } => Ok(cmp.holds(quantity(ind, v, raw)?, *value)),
        Target::Level(target) => Ok(level(v, raw)? >= *target),
        Target::Trend(dir) => Ok(trend(ind, *dir, v, raw)?.0),
    }
}

/// A word answer to a word target: the target word itself (met) or the opposite the template
/// offers beside it ([`negate`]: 未完成, 不及时, 无); any other word is no answer, however
/// it is phrased (基本合规, 无违规 and 非常及时 are neither).
fn word_choice(answer: &str, target: &str) -> Option<bool> {
    let answer = normalize_text(answer);
    if answer == normalize_text(target) {
        Some(true)
    } else if answer == normalize_text(&negate(target)) {
        Some(false)
    } else {
        None
    }
}

/// Actual and target as numbers on the same scale for 比例.
fn proportional_inputs(
    ind: &Indicator,
    v: &Value,
    raw: &str,
) -> Result<(Decimal, Decimal), ScoreError> {
    match &*ind.target {
        Target::Word(_) => Ok((percent(ind, v, raw)?, Decimal::ONE_HUNDRED)),
        Target::Level(t) => Ok((level(v, raw)?, *t)),
        Target::Compare { value, .. } => Ok((quantity(ind, v, raw)?, *value)),
        Target::Trend(_) => Err(ScoreError::NotNumber(raw.into())),
    }
}

/// A completion percentage: `80%`, `0.8`, `80`; 是/完成 → 100, 否/未完成 → 0. Never negative.
fn percent(ind: &Indicator, v: &Value, raw: &str) -> Result<Decimal, ScoreError> {
    let p = signed_percent(ind, v, raw)?;
    if p < Decimal::ZERO && !accepts_negative(ind) {
        return Err(ScoreError::Negative(raw.into()));
    }
    Ok(p)
}

/// The actual in the target's unit, negative allowed (a 变动率 of −4%).
fn signed_quantity(ind: &Indicator, v: &Value, raw: &str) -> Result<Decimal, ScoreError> {
    if ind.target.is_percent() {
        return signed_percent(ind, v, raw);
    }
    quantity(ind, v, raw)
}

/// A percentage as [`percent`] reads it, negative allowed.
fn signed_percent(ind: &Indicator, v: &Value, raw: &str) -> Result<Decimal, ScoreError> {
    let word = match &*ind.target {
        Target::Word(w) => Some(w.as_str()),
        _ => None,
    };
    let p = match v {
        Value::Number {
            value,
            percent: true,
            unit,
        } if unit.is_empty() => *value,
        Value::Number {
            value,
            percent: false,
            unit,
        } if unit.is_empty() => nearer_reading(ind, v).unwrap_or(*value),
        Value::Number { .. } => {
            return Err(ScoreError::UnitMismatch {
                value: raw.into(),
                target: ind.target_text.to_string(),
            });
        }
        Value::Word(w) if word.is_some() => {
            let target = word.unwrap_or_default();
            match word_choice(w, target) {
                Some(true) => Decimal::ONE_HUNDRED,
                Some(false) => Decimal::ZERO,
                None => {
                    return Err(ScoreError::NotAChoice {
                        value: raw.into(),
                        choices: format!(
                            "完成的百分比（如 80%），或「{target}」「{}」",
                            negate(target)
                        ),
                    });
                }
            }
        }
        _ => return Err(ScoreError::NotNumber(raw.into())),
    };
    Ok(p)
}

/// The actual as a number in the target's unit.
fn quantity(ind: &Indicator, v: &Value, raw: &str) -> Result<Decimal, ScoreError> {
    if ind.target.is_percent() || matches!(*ind.target, Target::Word(_)) {
        return percent(ind, v, raw);
    }
    let target_unit = match &*ind.target {
        Target::Compare { unit, .. } => unit.as_str(),
        _ => "",
    };
    // 0 is 0 in any unit: a target of 0 without one (`≤0` 次 or %) takes a percentage too.
    let zero_without_unit = matches!(&*ind.target,
        Target::Compare { value, unit, .. } if value.is_zero() && unit.is_empty());
    match v {
        Value::Number {
            value,
            unit,
            percent: false,
        } if unit.is_empty() || target_unit.is_empty() || units_match(unit, target_unit) => {
            Ok(*value)
        }
        Value::Number {
            value,
            unit,
            percent: true,
        } if unit.is_empty() && zero_without_unit => Ok(*value),
        Value::Number { .. } => Err(ScoreError::UnitMismatch {
            value: raw.into(),
            target: ind.target_text.to_string(),
        }),
        Value::Word(w) if matches!(w.as_str(), "无" | "没有" | "零") => Ok(Decimal::ZERO),
        _ => Err(ScoreError::NotNumber(raw.into())),
    }
}

/// Units that mean the same count.
fn units_match(a: &str, b: &str) -> bool {
    const SAME: [&[&str]; 3] = [&["人", "人次", "名"], &["个", "家", "所"], &["次", "场"]];
    a == b || SAME.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// A whole count ≥ 0; 无/没有/否 → 0.
fn count(v: &Value, raw: &str) -> Result<Decimal, ScoreError> {
    match v {
        Value::Number {
            value,
            percent: false,
            unit,
        } if matches!(
            unit.as_str(),
            "" | "次" | "处" | "项" | "个" | "起" | "人" | "人次"
        ) =>
        {
            if *value < Decimal::ZERO || !value.fract().is_zero() {
                Err(ScoreError::BadCount(raw.into()))
            } else {
                Ok(*value)
            }
        }
        Value::Word(w) if matches!(w.as_str(), "无" | "没有" | "否" | "零" | "未发生") => {
            Ok(Decimal::ZERO)
        }
        _ => Err(ScoreError::BadCount(raw.into())),
    }
}

/// A level: `4`, `4级`, `四级`, `4星级`.
fn level(v: &Value, raw: &str) -> Result<Decimal, ScoreError> {
    let n = match v {
        Value::Number {
            value,
            percent: false,
            unit,
        } if matches!(unit.as_str(), "" | "级" | "星" | "星级") => *value,
        Value::Word(w) => {
            let head = w
                .strip_suffix("星级")
                .or_else(|| w.strip_suffix('级'))
                .or_else(|| w.strip_suffix('星'))
                .unwrap_or(w);
            let digit = "一二三四五六七八九十"
                .chars()
                .position(|c| head.chars().eq(std::iter::once(c)));
            match digit {
                Some(i) => Decimal::from(i as u64 + 1),
                None => return Err(ScoreError::NotLevel(raw.into())),
            }
        }
        _ => return Err(ScoreError::NotLevel(raw.into())),
    };
    if n < Decimal::ZERO {
        return Err(ScoreError::NotLevel(raw.into()));
    }
    Ok(n)
}

/// Whether a trend is met, and the words that say what was compared.
fn trend(
    ind: &Indicator,
    dir: Direction,
    v: &Value,
    raw: &str,
) -> Result<(bool, String), ScoreError> {
    let word_dir = |w: &str| match w {
        "下降" | "减少" | "降低" => Some(Some(Direction::Down)),
        "上升" | "增加" | "提高" | "增长" => Some(Some(Direction::Up)),
        "持平" | "不变" | "无变化" => Some(None),
        _ => None,
    };
    match (v, ind.baseline) {
        (Value::Number { value, .. }, Some(b)) => {
            let met = match dir {
                Direction::Down => *value < b,
                Direction::Up => *value > b,
            };
            let base = ind
                .baseline_shown()
                .unwrap_or_else(|| format!("基准值 {}", fmt_plain(b)));
            Ok((met, format!("实际 {}，{base}", fmt_plain(*value))))
        }
        (Value::Word(w), _) => match word_dir(w) {
            Some(d) => Ok((d == Some(dir), format!("实际 {w}"))),
            None => Err(ScoreError::NotTrend(raw.into())),
        },
        _ => Err(ScoreError::NotTrend(raw.into())),
    }
}

/// The actual as shown in an explanation.
fn show(ind: &Indicator, v: &Value, raw: &str) -> String {
    match v {
        Value::Number { .. } => match quantity(ind, v, raw) {
            Ok(q) => show_number(ind, q),
            Err(_) => raw.to_string(),
        },
        _ => raw.to_string(),
    }
}

fn show_number(ind: &Indicator, q: Decimal) -> String {
    match &*ind.target {
        Target::Word(_) => format!("{}%", fmt_shown(q)),
        Target::Compare { unit, .. } => format!("{}{unit}", fmt_shown(q)),
        Target::Level(_) => format!("{}级", fmt_shown(q)),
        Target::Trend(_) => fmt_shown(q),
    }
}

#[cfg(test)]
mod tests;
