//! The kinds of official frameworks beyond 连云港's: 分段, 差额扣分, 清单, 定性, 区间 and
//! 反向比例:目标/实际 — an indicator and a reported value → a [`Scored`] with its 计分说明.
//! (相对 and 排名 depend on other departments: see [`super::peers`].)

use super::*;
use crate::plan::{Band, Points, Tier};

/// 分段: the first tier whose condition holds; none gives 0.
pub(super) fn segments(
    ind: &Indicator,
    tiers: &[Tier],
    v: &Value,
    raw: &str,
) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let a = segment_quantity(ind, tiers, v, raw)?;
    let shown = segment_shown(ind, tiers, a);
    let hit = tiers
        .iter()
        .find(|t| t.when.as_ref().is_none_or(|c| c.holds(a)));
    Ok(match hit {
        Some(t) => {
            let s = t.points.of(w);
            let how = match t.points {
                Points::Fixed(_) => format!("得 {} 分", fmt2(s)),
                Points::Share(share) => format!(
                    "{}×{}% = {}",
                    fmt_plain(w),
                    fmt_plain(share * Decimal::ONE_HUNDRED),
                    fmt2(s)
                ),
            };
            finish(
                w,
                s,
                format!("实际 {shown}，分段「{}」，{how}", t.text),
                false,
            )
        }
        None => finish(
            w,
            Decimal::ZERO,
            format!("实际 {shown}，未达到任何分段，得 0 分"),
            false,
        ),
    })
}

/// Whether a 分段 compares percentages: its target is one, or a tier is written with `%`.
pub(super) fn segment_is_percent(ind: &Indicator, tiers: &[Tier]) -> bool {
    ind.target.is_percent()
        || tiers
            .iter()
            .filter_map(|t| t.when.as_ref())
            .any(|c| c.unit == "%")
}

pub(super) fn segment_quantity(
    ind: &Indicator,
    tiers: &[Tier],
    v: &Value,
    raw: &str,
) -> Result<Decimal, ScoreError> {
    if segment_is_percent(ind, tiers) {
        signed_percent(ind, v, raw)
    } else {
        signed_quantity(ind, v, raw)
    }
}

pub(super) fn segment_shown(ind: &Indicator, tiers: &[Tier], a: Decimal) -> String {
    if segment_is_percent(ind, tiers) {
        format!("{}%", fmt_shown(a))
    } else {
        show_number(ind, a)
    }
}

/// 区间: full marks when the actual lies between the bounds (both included), else 0.
pub(super) fn range(
    ind: &Indicator,
    (lo, hi, unit): (Decimal, Decimal, &str),
    v: &Value,
    raw: &str,
) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let a = range_quantity(ind, unit, v, raw)?;
    let shown = range_shown(ind, unit, a);
    let bounds = format!(
        "{}～{}",
        range_shown(ind, unit, lo),
        range_shown(ind, unit, hi)
    );
    Ok(if lo <= a && a <= hi {
        finish(
            w,
            w,
            format!("实际 {shown}，在区间 {bounds} 内，得满分 {}", fmt_plain(w)),
            false,
        )
    } else {
        finish(
            w,
            Decimal::ZERO,
            format!("实际 {shown}，不在区间 {bounds} 内，得 0 分"),
            false,
        )
    })
}

/// Whether a 区间 compares percentages: its target is one, or its bounds are written with `%`.
pub(super) fn range_is_percent(ind: &Indicator, unit: &str) -> bool {
    ind.target.is_percent() || unit == "%"
}

pub(super) fn range_quantity(
    ind: &Indicator,
    unit: &str,
    v: &Value,
    raw: &str,
) -> Result<Decimal, ScoreError> {
    if range_is_percent(ind, unit) {
        signed_percent(ind, v, raw)
    } else {
        signed_quantity(ind, v, raw)
    }
}

pub(super) fn range_shown(ind: &Indicator, unit: &str, a: Decimal) -> String {
    if range_is_percent(ind, unit) {
        format!("{}%", fmt_shown(a))
    } else {
        show_number(ind, a)
    }
}

/// 差额扣分: the gap beyond the target in the direction it forbids, per unit, times the step.
pub(super) fn gap_deduct(
    ind: &Indicator,
    (unit, step, whole): (Decimal, Decimal, bool),
    v: &Value,
    raw: &str,
) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let a = signed_quantity(ind, v, raw)?;
    let Target::Compare {
        cmp, value: target, ..
    } = &*ind.target
    else {
        return Err(ScoreError::NotNumber(raw.into()));
    };
    let gap = match cmp {
        Cmp::Le | Cmp::Lt => (a - target).max(Decimal::ZERO),
        Cmp::Ge | Cmp::Gt => (target - a).max(Decimal::ZERO),
        Cmp::Eq => (a - target).abs(),
    };
    let what = format!("实际 {}，目标 {}", show_number(ind, a), ind.target_text);
    if gap.is_zero() {
        return Ok(finish(
            w,
            w,
            format!("{what}，没有差额，得满分 {}", fmt_plain(w)),
            false,
        ));
    }
    let word = match cmp {
        Cmp::Le | Cmp::Lt => "超出",
        Cmp::Ge | Cmp::Gt => "低于目标",
        Cmp::Eq => "偏离目标",
    };
    let gap_text = if ind.target.is_percent() {
        format!("{} 个百分点", fmt_plain(gap))
    } else {
        show_number(ind, gap)
    };
    let unit_text = show_number(ind, unit);
    let units = gap / unit;
    let (counted, how) = if whole {
        let n = units.floor();
        (
            n,
            format!(
                "每满 {unit_text} 扣 {}（计 {} 个）",
                fmt_plain(step),
                fmt_plain(n)
            ),
        )
    } else {
        (units, format!("每 {unit_text} 扣 {}", fmt_plain(step)))
    };
    let s = w - counted * step;
    Ok(finish(
        w,
        s,
        format!(
            "{what}，{word} {gap_text}，{how}，{}−{}×{} = {}",
            fmt_plain(w),
            fmt_plain(counted.normalize()),
            fmt_plain(step),
            fmt2(s.max(Decimal::ZERO))
        ),
        false,
    ))
}

/// 清单: the items met (a count, or their numbers ①③ / 1、3 / 1,3) × the step.
pub(super) fn checklist(
    ind: &Indicator,
    items: u32,
    step: Decimal,
    v: &Value,
    raw: &str,
) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let bad = || ScoreError::BadChecklist {
        value: raw.to_string(),
        items,
    };
    let (met, listed): (u32, Option<Vec<u32>>) = match v {
        Value::Number {
            value,
            percent: false,
            unit,
        } if unit.is_empty() || unit == "项" => {
            if value.fract() != Decimal::ZERO || *value < Decimal::ZERO {
                return Err(bad());
            }
            let n = rust_decimal::prelude::ToPrimitive::to_u32(value).ok_or_else(bad)?;
            (n, None)
        }
        Value::Word(w) if matches!(w.as_str(), "无" | "没有" | "均未达到") => (0, None),
        _ => {
            let list = checklist_items(raw).ok_or_else(bad)?;
            (list.len() as u32, Some(list))
        }
    };
    if met > items
        || listed
            .as_ref()
            .is_some_and(|l| l.iter().any(|i| *i > items))
    {
        return Err(bad());
    }
    let s = step * Decimal::from(met);
    let which = match &listed {
        Some(l) => format!(
            "达到第 {} 项（共 {items} 项中的 {met} 项）",
            l.iter().map(u32::to_string).collect::<Vec<_>>().join("、")
        ),
        None => format!("达到 {met} 项（共 {items} 项）"),
    };
    Ok(finish(
        w,
        s,
        format!(
            "{which}，每项 {}，{met}×{} = {}",
            fmt_plain(step),
            fmt_plain(step),
            fmt2(s)
        ),
        false,
    ))
}

/// Item numbers written as ①②③, `1、3`, `1,3` or `第1、3项`: distinct, ascending, each ≥ 1.
pub(super) fn checklist_items(raw: &str) -> Option<Vec<u32>> {
    let s = raw.strip_prefix('第').unwrap_or(raw);
    let s = s.strip_suffix('项').unwrap_or(s);
    let mut out: Vec<u32> = Vec::new();
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut Vec<u32>| -> Option<()> {
        if !digits.is_empty() {
            out.push(digits.parse().ok().filter(|n| *n >= 1)?);
            digits.clear();
        }
        Some(())
    };
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '①'..='⑳' => {
                flush(&mut digits, &mut out)?;
                out.push(c as u32 - '①' as u32 + 1);
            }
            ',' | '、' | ';' | '，' | '；' | '/' | '.' => flush(&mut digits, &mut out)?,
            _ => return None,
        }
    }
    flush(&mut digits, &mut out)?;
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// 定性: the 自评得分 when it lies in the band chosen; outside it, the nearest bound with a
/// caution; no 自评得分 is an error. Always marked for review.
pub(super) fn qualitative(
    ind: &Indicator,
    bands: &[Band],
    raw: &str,
    self_score: Option<Decimal>,
) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let band = bands
        .iter()
        .find(|b| normalize_text(&b.label) == raw)
        .ok_or_else(|| ScoreError::UnknownLabel(raw.to_string()))?;
    let own = self_score.ok_or(ScoreError::MissingSelfScore)?;
    if own < Decimal::ZERO || own > w {
        return Err(ScoreError::SelfScoreOutOfRange {
            value: fmt_plain(own),
            weight: fmt_plain(w),
        });
    }
    let (lo, hi) = band.points(w);
    let what = format!(
        "评定「{}」（权重的 {}，即 {}～{} 分）",
        band.label,
        band.range_text(),
        fmt_plain(lo.normalize()),
        fmt_plain(hi.normalize())
    );
    if band.contains(own, w) {
        return Ok(finish(
            w,
            own,
            format!("{what}，采用自评得分 {}，待复核", fmt2(own)),
            true,
        ));
    }
    let used = if own < lo { lo } else { hi };
    let mut s = finish(
        w,
        used,
        format!(
            "{what}，自评得分 {} 不在此范围，按 {} 计，待复核",
            fmt_plain(own),
            fmt2(used)
        ),
        true,
    );
    s.caution = Some(Box::new(Caution::OutsideBand {
        own,
        used: s.score.value(),
        label: band.label.clone(),
        range: band.range_text(),
    }));
    Ok(s)
}

/// 反向比例:目标/实际: full when the actual does not exceed the target, else weight × target /
/// actual.
pub(super) fn inverse_ratio(ind: &Indicator, v: &Value, raw: &str) -> Result<Scored, ScoreError> {
    let w = ind.weight.value();
    let a = quantity(ind, v, raw)?;
    let Target::Compare { value: target, .. } = &*ind.target else {
        return Err(ScoreError::NotNumber(raw.into()));
    };
    let what = format!("实际 {}，目标 {}", show_number(ind, a), ind.target_text);
    if a <= *target {
        return Ok(finish(
            w,
            w,
            format!("{what}，达到目标，得满分 {}", fmt_plain(w)),
            false,
        ));
    }
    let s = w * target / a;
    Ok(finish(
        w,
        s,
        format!(
            "{what}，反向比例 {}×{}/{} = {}",
            fmt_plain(w),
            fmt_plain(*target),
            fmt_shown(a),
            fmt2(s)
        ),
        false,
    ))
}
