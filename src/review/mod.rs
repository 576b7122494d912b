//! 复核 and 抽查: the bureau's filled review workbooks + the run's evaluations → the
//! evaluations with the reviewed scores in their totals, and a [`ReviewLog`] of every decision
//! applied or refused, for the outputs and for the next 复核表.
//!
//! - [`read`] reads a 复核表 (whatever program saved it) into [`ReviewFile`]s, refusing rows
//!   that cannot be a decision (no number, above the weight, no 复核意见, unknown codes);
//! - [`apply`] applies the rest, refusing a decision whose department's return changed since
//!   the review (a resubmission: it comes back as 需重新复核);
//! - [`draw`] picks the departments for 抽查 from a seed, the same seed and departments giving
//!   the same draw.
//!
//! A review file is only read, never written.

pub mod draw;
pub mod read;

pub use draw::Draw;
pub use read::{ReviewFile, ReviewFileError, read_review_file};

use crate::domain::{DeptCode, Fnv, IndicatorCode, Location, Score, fmt_plain};
use crate::evaluate::{Evaluation, Review, Status, totals_of};
use crate::plan::Plan;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One decision as a reviewer wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The department.
    pub dept: DeptCode,
    /// The indicator.
    pub indicator: IndicatorCode,
    /// 复核得分.
    pub score: Score,
    /// 复核意见.
    pub opinion: String,
    /// 复核人.
    pub reviewer: String,
    /// 复核日期.
    pub date: String,
    /// The cell of 复核得分.
    pub at: Location,
    /// The fingerprint of the return the reviewer saw (from the file's `_review`).
    pub seen: String,
}

/// A decision applied: what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The decision.
    pub decision: Decision,
    /// The score computed by the rules.
    pub computed: Option<Score>,
    /// The department's 自评得分.
    pub own: Option<Decimal>,
}

impl Applied {
    /// 复核得分 − computed.
    pub fn change(&self) -> Score {
        self.decision.score - self.computed.unwrap_or(Score::ZERO)
    }
}

/// Why a review row was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The row cannot be a decision (its reason in Chinese).
    Invalid(String),
    /// The department resubmitted after the review: the reviewer sees it again.
    ReturnChanged,
    /// The department has no scored return in this run.
    NoReturn,
    /// A later 复核表 decided the same indicator otherwise (its name).
    Replaced(String),
}

impl Refusal {
    /// The reason as 复核记录 shows it.
    pub fn text(&self) -> String {
        match self {
            Refusal::Invalid(why) => why.clone(),
            Refusal::ReturnChanged => {
                "复核后该部门重新报送，报送内容已变化：未采用，请在新的复核表中重新复核".into()
            }
            Refusal::NoReturn => "本次汇总中该部门没有可计分的报送：未采用".into(),
            Refusal::Replaced(by) => {
                format!("同一指标在较新的复核表 {by} 中另有复核，以较新的为准")
            }
        }
    }
}

/// What a reviewer typed in a row's four columns, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entered {
    /// 复核得分.
    pub score: String,
    /// 复核意见.
    pub opinion: String,
    /// 复核人.
    pub reviewer: String,
    /// 复核日期.
    pub date: String,
}

impl Entered {
    /// What a decision says, as text.
    pub fn of(d: &Decision) -> Self {
        Entered {
            score: d.score.to_string(),
            opinion: d.opinion.clone(),
            reviewer: d.reviewer.clone(),
            date: d.date.clone(),
        }
    }
}

/// A review row not applied, with where it is and what it said: the reviewer's work is kept,
/// shown in 复核记录 and written back into the next 复核表 until it is corrected or cleared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The cell the reason is about.
    pub at: Location,
    /// 部门编码 as written.
    pub dept: String,
    /// 指标编码 as written.
    pub indicator: String,
    /// The decision, when the row held a readable one.
    pub decision: Option<Decision>,
    /// What the row held, as typed.
    pub entered: Entered,
    /// Why.
    pub why: Refusal,
}

/// Every review file used, every decision applied or refused, and the 抽查 draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewLog {
    /// (file as the user named it, fingerprint of its bytes), in the order read.
    pub files: Vec<(String, String)>,
    /// Decisions applied, in department and plan order.
    pub applied: Vec<Applied>,
    /// Rows refused, in file and row order.
    pub refused: Vec<Refused>,
    /// The 抽查 draw, if any.
    pub draw: Option<Draw>,
}

impl ReviewLog {
    /// The decision applied to an indicator, if any.
    pub fn applied_to(&self, dept: &DeptCode, ind: &IndicatorCode) -> Option<&Applied> {
        self.applied
            .iter()
            .find(|a| a.decision.dept == *dept && a.decision.indicator == *ind)
    }

    /// A decision refused because the return changed: shown again with the old decision.
    pub fn to_review_again(&self, dept: &DeptCode, ind: &IndicatorCode) -> Option<&Decision> {
        self.refused
            .iter()
            .find_map(|r| match (&r.why, &r.decision) {
                (Refusal::ReturnChanged, Some(d)) if d.dept == *dept && d.indicator == *ind => {
                    Some(d)
                }
                _ => None,
            })
    }

    /// A row refused for this indicator that the next 复核表 shows again with what was
    /// entered (not one replaced by a later file, nor one to review again: those show the
    /// decision that stands).
    pub fn refused_for(&self, dept: &DeptCode, ind: &IndicatorCode) -> Option<&Refused> {
        self.refused.iter().rev().find(|r| {
            r.dept == dept.as_str()
                && r.indicator == ind.as_str()
                && matches!(r.why, Refusal::Invalid(_) | Refusal::NoReturn)
        })
    }

    /// Whether a department was drawn for 抽查.
    pub fn drawn(&self, dept: &DeptCode) -> bool {
        self.draw.as_ref().is_some_and(|d| d.depts.contains(dept))
    }
}

/// A fingerprint of what a department reported: every indicator's 实际完成值 and 自评得分 and
/// every budget line's 执行数. A resave that changes nothing keeps it; a resubmission with a
/// changed value does not.
pub fn return_fingerprint(e: &Evaluation<'_>) -> std::io::Result<String> {
    let mut h = Fnv::new();
    h.field(e.dept().code.as_str());
    for r in e.indicators()?.iter() {
        h.field(r.input.indicator.code.as_str());
        h.field(r.input.actual.trim());
        h.field(&r.input.self_score.map(fmt_plain).unwrap_or_default());
    }
    for b in &e.inputs.budget {
        h.field(&b.name);
        h.field(&b.spent.map(|m| m.to_string()).unwrap_or_default());
    }
    Ok(h.hex())
}

/// Applies the decisions of `files` (later files win for the same indicator) to
/// `evaluations`; decisions for a department whose return changed since, or that has no
/// accepted return, are refused. The error is a spilled evaluation's temporary file's.
pub fn apply(
    plan: &Plan,
    evaluations: &mut [Evaluation<'_>],
    files: Vec<ReviewFile>,
    draw: Option<Draw>,
) -> std::io::Result<ReviewLog> {
    let mut log = ReviewLog {
        draw,
        ..ReviewLog::default()
    };
    let mut chosen: BTreeMap<(DeptCode, IndicatorCode), Decision> = BTreeMap::new();
    for f in files {
        log.files.push((f.display.clone(), f.fingerprint.clone()));
        log.refused.extend(f.refused);
        for d in f.decisions {
            // A later file's decision replaces an earlier one's; the earlier is listed, not
            // dropped (unless both say the same).
            if let Some(before) = chosen.insert((d.dept.clone(), d.indicator.clone()), d.clone())
                && (before.score != d.score || before.opinion != d.opinion)
            {
                log.refused
                    .push(refused(before, Refusal::Replaced(f.display.clone())));
            }
        }
    }
    // One department at a time: its return is fingerprinted once, and its results are read
    // and (when spilled) written back once for all of its decisions.
    let mut by_dept: BTreeMap<DeptCode, Vec<Decision>> = BTreeMap::new();
    for ((dept, _), d) in chosen {
        by_dept.entry(dept).or_default().push(d);
    }
    for (dept, decisions) in by_dept {
        let e = evaluations
            .iter_mut()
            .find(|e| e.dept().code == dept)
            .filter(|e| !e.blank && e.status != Status::Rejected);
        let Some(e) = e else {
            log.refused
                .extend(decisions.into_iter().map(|d| refused(d, Refusal::NoReturn)));
            continue;
        };
        let seen = return_fingerprint(e)?;
        let (fresh, changed): (Vec<Decision>, Vec<Decision>) =
            decisions.into_iter().partition(|d| d.seen == seen);
        log.refused.extend(
            changed
                .into_iter()
                .map(|d| refused(d, Refusal::ReturnChanged)),
        );
        let mut totals = None;
        e.update_indicators(|results| {
            let before = log.applied.len();
            for d in fresh {
                let Some(r) = results
                    .iter_mut()
                    .find(|r| r.input.indicator.code == d.indicator)
                else {
                    continue;
                };
                log.applied.push(Applied {
                    computed: r.scored.as_ref().map(|s| s.score),
                    own: r.input.self_score,
                    decision: d.clone(),
                });
                r.review = Some(Box::new(Review {
                    score: d.score,
                    opinion: d.opinion,
                    reviewer: d.reviewer,
                    date: d.date,
                    at: d.at,
                }));
            }
            // Only this step sets a review: the totals of a reviewed department are redone.
            if log.applied.len() > before {
                totals = Some(totals_of(results, plan));
            }
            totals.is_some()
        })?;
        if let Some(t) = totals {
            e.computed_total = Some(e.totals.total);
            e.totals = t;
        }
    }
    // Applied decisions in department order, then plan order.
    let order = |a: &Applied| {
        let pos = plan
            .indicators
            .iter()
            .position(|i| i.code == a.decision.indicator)
            .unwrap_or(usize::MAX);
        (a.decision.dept.clone(), pos)
    };
    log.applied.sort_by_key(order);
    Ok(log)
}

fn refused(d: Decision, why: Refusal) -> Refused {
    Refused {
        at: d.at.clone(),
        dept: d.dept.to_string(),
        indicator: d.indicator.to_string(),
        entered: Entered::of(&d),
        decision: Some(d),
        why,
    }
}
