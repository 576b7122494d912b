//! 相对 and 排名: an indicator, one department's value and every accepted department's value
//! → a [`Scored`] that names the best value and whose it is.
//!
//! The peers are the departments that have the indicator and whose return is accepted (not
//! 退回), sorted by code, so the result does not depend on the order returns were read in.
//! A department compared only with itself gets full marks and a [`Caution::Alone`].

use super::*;
use crate::domain::DeptCode;
use crate::plan::{Best, Place};

/// One department's value of a 相对/排名 indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    /// The department.
    pub dept: DeptCode,
    /// Its name, for explanations.
    pub name: String,
    /// Its value, in the target's units.
    pub value: Decimal,
}

/// Scores `own`'s value `a` of a 相对/排名 indicator against `peers` (which may include `own`).
pub fn score_with_peers(ind: &Indicator, own: &DeptCode, a: Decimal, peers: &[Peer]) -> Scored {
    let w = ind.weight.value();
    let others: Vec<&Peer> = peers.iter().filter(|p| p.dept != *own).collect();
    let shown = show_number(ind, a);
    let mut scored = match &*ind.rule {
        Rule::Relative(best) => relative(ind, *best, a, &others),
        Rule::Ranked(places) => ranked(ind, places, a, &others),
        // Rules that compare with nobody: the value stands for itself.
        Rule::Pass
        | Rule::Proportional
        | Rule::Inverse
        | Rule::TierShares(_)
        | Rule::TierSteps { .. }
        | Rule::Deduct { .. }
        | Rule::Trend(_)
        | Rule::Level
        | Rule::Review
        | Rule::Segments(_)
        | Rule::GapDeduct { .. }
        | Rule::Checklist { .. }
        | Rule::Qualitative(_)
        | Rule::InverseRatio
        | Rule::Range { .. } => finish(w, w, format!("实际 {shown}"), false),
    };
    if others.is_empty() {
        scored.caution = Some(Box::new(Caution::Alone));
    }
    scored.peer_value = Some(a);
    scored
}

/// 相对: weight × actual / highest (最高值), or weight × lowest / actual (最低值). When the
/// best value is 0 or below, the ratio has no meaning (every other department would score 0,
/// or divide by zero): the score then runs linearly from the best value (full marks) to the
/// worst (0), weight × (actual − worst) / (best − worst), and the 计分说明 says so.
fn relative(ind: &Indicator, best: Best, a: Decimal, others: &[&Peer]) -> Scored {
    let w = ind.weight.value();
    let shown = show_number(ind, a);
    let better = |x: Decimal, y: Decimal| match best {
        Best::Highest => x > y,
        Best::Lowest => x < y,
    };
    let top = others
        .iter()
        .fold(None::<&Peer>, |acc, p| match acc {
            Some(b) if !better(p.value, b.value) => Some(b),
            _ => Some(*p),
        })
        .filter(|b| better(b.value, a));
    let Some(top) = top else {
        let why = if others.is_empty() {
            "没有可比较的部门（其他部门未报送、被退回或没有该指标）".to_string()
        } else {
            format!("参评部门{} {shown}（本部门）", best.label())
        };
        return finish(w, w, format!("{why}，得满分 {}", fmt_plain(w)), false);
    };
    let head = format!(
        "实际 {shown}，参评部门{} {}（{}）",
        best.label(),
        show_number(ind, top.value),
        top.name
    );
    if top.value <= Decimal::ZERO {
        return by_range(ind, best, a, top, others, head);
    }
    let (s, formula) = match best {
        Best::Highest => (
            w * a.max(Decimal::ZERO) / top.value,
            format!("{}×{}/{}", fmt_plain(w), fmt_shown(a), fmt_shown(top.value)),
        ),
        // The best is above 0 here, and `a` is worse, so above it.
        Best::Lowest => (
            w * top.value / a,
            format!("{}×{}/{}", fmt_plain(w), fmt_shown(top.value), fmt_shown(a)),
        ),
    };
    finish(
        w,
        s,
        format!("{head}，按比例 {formula} = {}", fmt2(s)),
        false,
    )
}

/// 相对 when the best value is 0 or below: linear between the best (full marks) and the worst
/// value among the departments (0).
fn by_range(
    ind: &Indicator,
    best: Best,
    a: Decimal,
    top: &Peer,
    others: &[&Peer],
    head: String,
) -> Scored {
    let w = ind.weight.value();
    let worst = others
        .iter()
        .map(|p| p.value)
        .chain([a])
        .fold(a, |x, y| match best {
            Best::Highest => x.min(y),
            Best::Lowest => x.max(y),
        });
    let span = (top.value - worst).abs();
    let s = if span.is_zero() {
        w
    } else {
        w * (a - worst).abs() / span
    };
    let label = match best {
        Best::Highest => "最高值",
        Best::Lowest => "最低值",
    };
    // Values with their unit, a negative one in brackets: 4×|−2%−(−5%)|/|…|.
    let v = |x: Decimal| {
        let t = show_number(ind, x);
        if x < Decimal::ZERO {
            format!("({t})")
        } else {
            t
        }
    };
    let formula = format!(
        "{}×|{}−{}|/|{}−{}|",
        fmt_plain(w),
        v(a),
        v(worst),
        v(top.value),
        v(worst)
    );
    finish(
        w,
        s,
        format!(
            "{head}；{label}不大于 0，不能按比例计分，改按与最差值 {} 的距离计分：{formula} = {}",
            show_number(ind, worst),
            fmt2(s)
        ),
        false,
    )
}

fn ranked(ind: &Indicator, places: &[Place], a: Decimal, others: &[&Peer]) -> Scored {
    let w = ind.weight.value();
    let rank = 1 + others.iter().filter(|p| p.value > a).count() as u32;
    let n = others.len() + 1;
    let tied = others.iter().filter(|p| p.value == a).count();
    let tie = if tied > 0 {
        format!("（与 {tied} 个部门并列）")
    } else {
        String::new()
    };
    let head = format!(
        "实际 {}，在 {n} 个部门中排第 {rank} 名{tie}",
        show_number(ind, a)
    );
    let hit = places
        .iter()
        .find(|p| p.ranks.is_none_or(|(lo, hi)| (lo..=hi).contains(&rank)));
    match hit {
        Some(p) => {
            let s = p.points.of(w);
            finish(
                w,
                s,
                format!("{head}，「{}」，得 {} 分", p.text, fmt2(s)),
                false,
            )
        }
        None => finish(
            w,
            Decimal::ZERO,
            format!("{head}，不在任何名次段内，得 0 分"),
            false,
        ),
    }
}
