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

/// Adds up indicator scores per 评价维度 and overall, and grades the total.
pub fn totals<'a>(
    scored: impl IntoIterator<Item = (&'a Indicator, Score)>,
    grades: &GradeScale,
) -> Totals {
    let mut dims: Vec<DimensionTotal> = Vec::new();
    for (ind, s) in scored {
        match dims.iter_mut().find(|d| *d.name == *ind.dimension) {
            Some(d) => {
                d.weight = d.weight + ind.weight;
                d.score = d.score + s;
            }
            None => dims.push(DimensionTotal {
                name: ind.dimension.to_string(),
                weight: ind.weight,
                score: s,
            }),
        }
    }
    let total: Score = dims.iter().map(|d| d.score).sum::<Score>().rounded();
    let weight: Score = dims.iter().map(|d| d.weight).sum();
    Totals {
        grade: grades.grade(total).to_string(),
        dimensions: dims,
        total,
        weight,
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
