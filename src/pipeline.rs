//! The assessment pipeline shared by `check` and `collect`:
//! INPUT paths → [`collect`] (read + identify) → [`validate`] → [`score`] → an [`Assessment`].
//!
//! Guarantees: one bad file never stops the batch; evaluations are in department-code order
//! and unmatched files in name order, whatever the thread timing; every plan department is
//! either evaluated or listed as missing.

use crate::collect::{self, ReadReturn, Superseded};
use crate::plan::{Department, Plan};
use crate::score::{self, Evaluation, Status};
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
pub fn assess<'p>(
    plan: &'p Plan,
    inputs: &[PathBuf],
    start: &dyn Fn(usize),
    tick: &(dyn Fn() + Sync),
) -> Assessment<'p> {
    let (files, problems) = collect::discover(inputs);
    start(files.len());
    let mut read = collect::read_all(plan, &files, tick);
    let files_read = read.len() + problems.len();
    read.extend(problems);
    let collected = collect::resolve(read);
    let evaluations: Vec<Evaluation<'p>> = collected
        .returns
        .par_iter()
        .filter_map(|r| {
            let dept = plan.department(r.dept.as_ref()?)?;
            Some(score::evaluate(plan, validate::validate(plan, dept, r)))
        })
        .collect();
    let missing = plan
        .departments
        .iter()
        .filter(|d| !evaluations.iter().any(|e| e.dept().code == d.code))
        .collect();
    Assessment {
        evaluations,
        unmatched: collected.unmatched,
        superseded: collected.superseded,
        missing,
        files_read,
    }
}
