//! A department's scores → [`Totals`] per 评价维度, total and grade; totals of many
//! departments → shared competition ranks (1, 2, 2, 4).

use super::*;

/// Scores per 评价维度, total and grade of one department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Per 评价维度, in order of first appearance.
    pub dimensions: Vec<DimensionTotal>,
    /// Sum of all indicator scores.
    pub total: Score,
    /// Sum of weights (100 for a valid plan).
    pub weight: Score,
    /// Grade from 等级划分.
    pub grade: String,
    /// Indicators answered 不适用 dropped out: how the total was rescaled.
    pub rescale: Option<Rescale>,
}

/// The arithmetic of a total rescaled after 不适用 indicators dropped out:
/// total = raw × weight / (weight − dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rescale {
    /// Sum of the scores of the indicators that apply.
    pub raw: Score,
    /// Sum of the weights dropped.
    pub dropped: Score,
    /// Sum of all weights (100 for a valid plan).
    pub weight: Score,
}

impl Rescale {
    /// `原始得分 85.00 × 100 /（100 − 5）= 89.47`.
    pub fn explain(&self, total: Score) -> String {
        format!(
            "不适用指标权重 {} 不计入，总分按适用指标折算：{} × {} /（{} − {}）= {}",
            fmt_plain(self.dropped.value()),
            self.raw,
            fmt_plain(self.weight.value()),
            fmt_plain(self.weight.value()),
            fmt_plain(self.dropped.value()),
            total
        )
    }
}

/// One 评价维度's weight and score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionTotal {
    /// 部门管理, 部门绩效 …
    pub name: String,
    /// Sum of weights.
    pub weight: Score,
    /// Sum of scores.
    pub score: Score,
}

/// Adds up indicator scores per 评价维度 and overall, and grades the total. Each item is an
/// indicator, its score and whether it was answered 不适用: a dropped indicator's weight
/// leaves its 评价维度, and the total is rescaled to the full weight ([`Rescale`]).
pub fn totals<'a>(
    scored: impl IntoIterator<Item = (&'a Indicator, Score, bool)>,
    grades: &GradeScale,
) -> Totals {
    let mut dims: Vec<DimensionTotal> = Vec::new();
    let mut dropped = Score::ZERO;
    let mut weight = Score::ZERO;
    for (ind, s, not_applicable) in scored {
        weight = weight + ind.weight;
        let (w, s) = if not_applicable {
            dropped = dropped + ind.weight;
            (Score::ZERO, Score::ZERO)
        } else {
            (ind.weight, s)
        };
        match dims.iter_mut().find(|d| *d.name == *ind.dimension) {
            Some(d) => {
                d.weight = d.weight + w;
                d.score = d.score + s;
            }
            None => dims.push(DimensionTotal {
                name: ind.dimension.to_string(),
                weight: w,
                score: s,
            }),
        }
    }
    let raw: Score = dims.iter().map(|d| d.score).sum::<Score>().rounded();
    let (total, rescale) = if dropped > Score::ZERO && dropped < weight {
        let t = Score(round2(
            raw.value() * weight.value() / (weight.value() - dropped.value()),
        ));
        (
            t,
            Some(Rescale {
                raw,
                dropped,
                weight,
            }),
        )
    } else {
        (raw, None)
    };
    Totals {
        grade: grades.grade(total).to_string(),
        dimensions: dims,
        total,
        weight,
        rescale,
    }
}

/// Competition ranks (1, 2, 2, 4): each score's rank is 1 + how many scores are higher.
pub fn competition_ranks(scores: &[Score]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].cmp(&scores[a]));
    let mut ranks = vec![0; scores.len()];
    for (pos, &i) in order.iter().enumerate() {
        ranks[i] = match pos {
            0 => 1,
            _ if scores[order[pos - 1]] == scores[i] => ranks[order[pos - 1]],
            _ => pos as u32 + 1,
        };
    }
    ranks
}
