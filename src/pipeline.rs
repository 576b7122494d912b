//! The assessment pipeline shared by `check` and `collect`:
//! INPUT paths → [`collect`] (read + identify) → [`validate`] → [`evaluate`] → an
//! [`Assessment`].
//!
//! Guarantees: one bad file never stops the batch; evaluations are in department-code order
//! and unmatched files in name order, whatever the thread timing; every plan department is
//! either evaluated or listed as missing.

use crate::collect::{self, ReadReturn, Superseded};
use crate::evaluate::{self, Evaluation, Status};
use crate::plan::{Department, Plan};
use crate::validate;
use rayon::prelude::*;
use std::path::PathBuf;

/// Everything known after reading the returns.
#[derive(Debug)]
pub struct Assessment<'p> {
    /// One evaluation per department that returned, by department code.
    pub evaluations: Vec<Evaluation<'p>>,
    /// Files that are not a usable return of a plan department.
    pub unmatched: Vec<ReadReturn>,
    /// Returns replaced by a newer one.
    pub superseded: Vec<Superseded>,
    /// Departments with no return, by code.
    pub missing: Vec<&'p Department>,
    /// How many files were looked at.
    pub files_read: usize,
}

impl Assessment<'_> {
    /// Counts of 通过, 有警告, 退回, 未报送.
    pub fn counts(&self) -> [usize; 4] {
        let n = |s: Status| self.evaluations.iter().filter(|e| e.status == s).count();
        [
            n(Status::Passed),
            n(Status::Warnings),
            n(Status::Rejected),
            self.missing.len(),
        ]
    }

    /// Whether any 错误 was found (a rejected return or an unusable file).
    pub fn has_errors(&self) -> bool {
        self.evaluations
            .iter()
            .any(|e| e.status == Status::Rejected)
            || self.unmatched.iter().any(|u| {
                u.findings
                    .iter()
                    .any(|f| f.level == crate::domain::Level::Error)
            })
    }
}

/// Runs the pipeline over the inputs; `start(n)` is told how many files there are and
/// `tick()` is called once per file read.
///
/// Each file is read, identified, validated and scored in one parallel pass and its sheets
/// are dropped at once, so memory holds evaluations, not workbooks.
pub fn assess<'p>(
    plan: &'p Plan,
    inputs: &[PathBuf],
    skip: &[PathBuf],
    start: &dyn Fn(usize),
    tick: &(dyn Fn() + Sync),
) -> Assessment<'p> {
    let (files, problems) = collect::discover(inputs, skip);
    start(files.len());
    let per_file: Vec<Vec<(ReadReturn, Option<Evaluation<'p>>)>> = files
        .par_iter()
        .map(|input| {
            let evaluated = collect::read_isolated(plan, input)
                .into_iter()
                .map(|mut r| {
                    let eval = match (&r.dept, &r.sheets) {
                        (Some(code), Some(_)) => plan
                            .department(code)
                            .map(|d| evaluate::evaluate(plan, validate::validate(plan, d, &r))),
                        _ => None,
                    };
                    r.sheets = None;
                    (r, eval)
                })
                .collect();
            tick();
            evaluated
        })
        .collect();
    let files_read = files.len() + problems.len();
    let mut candidates: Vec<(ReadReturn, Option<Evaluation<'p>>)> =
        per_file.into_iter().flatten().collect();
    candidates.extend(problems.into_iter().map(|p| (p, None)));

    // One return per department: the newest wins, the others are listed as superseded.
    let (mut identified, unmatched): (Vec<_>, Vec<_>) =
        candidates.into_iter().partition(|(_, e)| e.is_some());
    identified.sort_by(|(a, _), (b, _)| {
        a.dept
            .cmp(&b.dept)
            .then_with(|| collect::newest_first(a, b))
    });
    let mut evaluations: Vec<Evaluation<'p>> = Vec::new();
    let mut winners: Vec<ReadReturn> = Vec::new();
    let mut superseded = Vec::new();
    for (r, eval) in identified {
        let Some(mut eval) = eval else { continue };
        match winners.last() {
            Some(w) if w.dept == r.dept => {
                if let Some(e) = evaluations.last_mut() {
                    e.findings.push(collect::duplicate_finding(
                        &w.source.display,
                        &r.source.display,
                    ));
                    evaluate::sort_findings(&mut e.findings);
                }
                superseded.push(Superseded {
                    file: r.source.display.clone(),
                    dept: r
                        .dept
                        .clone()
                        .unwrap_or_else(|| crate::domain::DeptCode::new("")),
                    by: w.source.display.clone(),
                });
            }
            _ => {
                evaluate::sort_findings(&mut eval.findings);
                evaluations.push(eval);
                winners.push(r);
            }
        }
    }
    let mut unmatched: Vec<ReadReturn> = unmatched.into_iter().map(|(r, _)| r).collect();
    unmatched.sort_by(|a, b| a.source.display.cmp(&b.source.display));
    let missing = plan
        .departments
        .iter()
        .filter(|d| {
            evaluations
                .binary_search_by(|e| e.dept().code.cmp(&d.code))
                .is_err()
        })
        .collect();
    Assessment {
        evaluations,
        unmatched,
        superseded,
        missing,
        files_read,
    }
}
