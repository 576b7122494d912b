//! The assessment pipeline shared by `check` and `collect`:
//! INPUT paths → [`collect`] (read + identify) → [`validate`] → [`evaluate`] → an
//! [`Assessment`].
//!
//! Guarantees: one bad file never stops the batch; evaluations are in department-code order
//! and unmatched files in name order, whatever the thread timing; every plan department is
//! either evaluated or listed as missing.

use crate::collect::identify::{Conflict, ConflictKind};
use crate::collect::{self, Identified, Input, Intake, ReadReturn, Superseded};
use crate::domain::{Finding, Level};
use crate::evaluate::{self, Evaluation, Spill, Status};
use crate::history::{LastYear, PreviousYear};
use crate::plan::{Department, Plan};
use crate::validate;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Everything known after reading the returns.
#[derive(Debug)]
pub struct Assessment<'p> {
    /// One evaluation per department that returned, by department code.
    pub evaluations: Vec<Evaluation<'p>>,
    /// Files that are not a usable return of a plan department.
    pub unmatched: Vec<Unused>,
    /// Returns replaced by a newer one.
    pub superseded: Vec<Superseded>,
    /// Departments with no return, by code.
    pub missing: Vec<&'p Department>,
    /// How many files were looked at.
    pub files_read: usize,
    /// Evaluations whose results were to be spilled but stayed in memory, and why the first
    /// could not be written (the results are the same; only memory grows).
    pub unspilled: Option<(usize, String)>,
    /// The round's record with this run's returns and letters (报送记录.tsv).
    pub ledger: crate::round::Ledger,
    /// The date each department's letter asks for: to resubmit (退回) or to return (催报).
    pub asks: std::collections::BTreeMap<crate::domain::DeptCode, crate::domain::Date>,
    /// Files held as 身份存疑 before and used now, because the bureau accepted them.
    pub accepted: Vec<String>,
    /// Names given to `--accept` that name no return of this run.
    pub unmatched_accept: Vec<String>,
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
            || self
                .unmatched
                .iter()
                .any(|u| u.findings.iter().any(|f| f.level == Level::Error))
    }
}

/// A file no department's result uses: what consolidation needs of it, and nothing of the
/// intake (no sheets, no paths).
#[derive(Debug, Clone)]
pub struct Unused {
    /// The file as users see it.
    pub file: String,
    /// Why it is not used.
    pub findings: Vec<Finding>,
    /// A 身份冲突, held for the bureau.
    pub conflict: Option<Conflict>,
}

impl Unused {
    /// Whether nothing in it is a return: only 提示 (an Office lock file, a PDF, a folder of
    /// jixiao's own results).
    pub fn is_ignorable(&self) -> bool {
        self.findings.iter().all(|f| f.level == Level::Info)
    }
}

/// One read return: evaluated, or not usable.
enum Read<'p> {
    Evaluated(Box<(Identified, Evaluation<'p>)>),
    Unused(Unused),
}

fn unused_of(file: String, findings: Vec<Finding>, conflict: Option<Conflict>) -> Unused {
    Unused {
        file,
        findings,
        conflict,
    }
}

/// At most this many files are read ahead of the plan. Reading ahead only fills the cores the
/// plan read leaves idle, and what it holds waits for the plan: a return's sheets as text,
/// about 100 KB (1,024 files added 110 MB to a 10,000-department run while its plan was read;
/// 512 cover the 1–2 s a 2,000-department plan takes on two cores).
const READ_AHEAD: usize = 512;

/// The inputs found, and the returns among the first of them already read (not yet
/// identified) while the plan was being read.
pub struct Reading {
    files: Vec<Input>,
    problems: Vec<ReadReturn>,
    /// Per file, by index: its returns when read ahead.
    early: Vec<Option<Vec<ReadReturn>>>,
}

impl Reading {
    /// Finds the inputs (`skip`: folders jixiao wrote) and reads none yet.
    pub fn new(inputs: &[PathBuf], skip: &[PathBuf]) -> Self {
        let (files, problems) = collect::discover(inputs, skip);
        Self {
            files,
            problems,
            early: Vec::new(),
        }
    }

    /// Finds the inputs and reads returns, in file order, while `meanwhile` (the plan read)
    /// runs on another thread, until it ends or [`READ_AHEAD`] files are read. Reading needs
    /// no plan; identifying, validating and scoring wait for it in [`assess_read`].
    pub fn during<T: Send>(
        inputs: &[PathBuf],
        skip: &[PathBuf],
        meanwhile: impl FnOnce() -> T + Send,
    ) -> (T, Self) {
        let mut reading = Self::new(inputs, skip);
        let done = AtomicBool::new(false);
        let head = &reading.files[..reading.files.len().min(READ_AHEAD)];
        let (value, early) = rayon::join(
            || {
                let value = meanwhile();
                done.store(true, Ordering::Relaxed);
                value
            },
            || {
                head.par_iter()
                    .map(|input| {
                        (!done.load(Ordering::Relaxed)).then(|| collect::read_unidentified(input))
                    })
                    .collect::<Vec<_>>()
            },
        );
        reading.early = early;
        (value, reading)
    }
}

/// Runs the pipeline over the inputs; `start(n)` is told how many files there are and
/// `tick()` is called once per file read. `last_year` is the year before's results, when
/// known (趋势 baselines the plan left blank, and the 上年 figures returns repeat).
pub fn assess<'p>(
    plan: &'p Plan,
    inputs: &[PathBuf],
    skip: &[PathBuf],
    last_year: Option<&PreviousYear>,
    round: &crate::round::Context,
    start: &dyn Fn(usize),
    tick: &(dyn Fn() + Sync),
) -> std::io::Result<Assessment<'p>> {
    assess_read(
        plan,
        Reading::new(inputs, skip),
        last_year,
        None,
        round,
        start,
        tick,
    )
}

/// From this many plan departments, [`spill_for`] gives a spill. Spilling costs no time that
/// can be measured (2,000 and 4,000 returns, alternating runs), but below this size holding
/// every indicator result costs under 100 MB (65 MB at 2,000), so a city's run needs no
/// temporary disk space (see docs/performance.md).
pub const SPILL_FROM: usize = 3_000;

/// A spill for a run over `plan` when it has at least `from` departments, else `None`. The
/// error is the temporary file's: the run can go on without a spill (results stay in memory,
/// which only costs memory).
pub fn spill_for(plan: &Plan, from: usize) -> std::io::Result<Option<Arc<Spill>>> {
    if plan.departments.len() < from {
        return Ok(None);
    }
    Spill::new().map(|s| Some(Arc::new(s)))
}

/// [`assess`] over inputs found (and perhaps partly read) by a [`Reading`].
///
/// Each file is read, identified, validated and scored in one parallel pass and its sheets
/// are dropped at once, so memory holds evaluations, not workbooks. With a `spill`, each
/// evaluation's indicator results go to it as soon as they are scored, so memory holds only
/// totals and findings. The error is the spill's temporary file's.
pub fn assess_read<'p>(
    plan: &'p Plan,
    reading: Reading,
    last_year: Option<&PreviousYear>,
    spill: Option<Arc<Spill>>,
    round: &crate::round::Context,
    start: &dyn Fn(usize),
    tick: &(dyn Fn() + Sync),
) -> std::io::Result<Assessment<'p>> {
    let Reading {
        files,
        problems,
        mut early,
    } = reading;
    start(files.len());
    early.resize_with(files.len(), || None);
    let unspilled = std::sync::Mutex::new(None::<(usize, String)>);
    let per_file: Vec<Vec<Read<'p>>> = files
        .par_iter()
        .zip(early.into_par_iter())
        .map(|(input, early)| {
            let read = match early {
                Some(read) => collect::identify_isolated(plan, input, read),
                None => collect::read_isolated(plan, input),
            };
            let read = read
                .into_iter()
                .map(|r| match r.into_intake() {
                    Intake::Identified(mut id) => match plan.department(&id.dept) {
                        Some(d) => {
                            let last = last_year.map(|y| LastYear::of(y, &d.code));
                            let inputs = validate::validate(plan, d, &id);
                            let mut eval = evaluate::evaluate(plan, inputs, last);
                            if let Some(spill) = &spill
                                && let Err(e) = eval.spill(spill, plan)
                                && let Ok(mut u) = unspilled.lock()
                            {
                                // Unwritten results stay in memory: the same result.
                                let (n, _) =
                                    u.get_or_insert_with(|| (0, evaluate::spill_error_reason(&e)));
                                *n += 1;
                            }
                            // The sheets are not needed any more: memory holds evaluations.
                            id.sheets = Default::default();
                            Read::Evaluated(Box::new((id, eval)))
                        }
                        None => Read::Unused(unused_of(id.source.display, id.findings, None)),
                    },
                    Intake::Unusable(u) => {
                        Read::Unused(unused_of(u.source.display, u.findings, u.conflict))
                    }
                })
                .collect();
            tick();
            read
        })
        .collect();
    let files_read = files.len() + problems.len();
    let mut identified: Vec<(Identified, Evaluation<'p>)> = Vec::new();
    let mut unmatched: Vec<Unused> = problems
        .into_iter()
        .map(|p| unused_of(p.source.display, p.findings, p.conflict))
        .collect();
    for read in per_file.into_iter().flatten() {
        match read {
            Read::Evaluated(both) => identified.push(*both),
            Read::Unused(u) => unmatched.push(u),
        }
    }

    // One return per department: the round decides which, who was on time, and what is held.
    identified.sort_by(|(a, _), (b, _)| a.dept.cmp(&b.dept));
    let settled = crate::round::settle(plan, round, identified);
    let mut evaluations = settled.evaluations;
    let superseded = settled.superseded;
    for h in settled.held {
        let conflict = Conflict {
            kind: ConflictKind::Doubtful,
            template: h.dept.clone(),
            claimed: h.dept.clone(),
            evidence: vec![format!("发件人 {}", h.sender)],
        };
        unmatched.push(unused_of(h.file, h.findings, Some(conflict)));
    }
    // 相对/排名 compare the accepted returns: scored once every department's is known.
    evaluate::apply_peers(plan, &mut evaluations)?;
    unmatched.sort_by(|a, b| a.file.cmp(&b.file));
    let missing = plan
        .departments
        .iter()
        .filter(|d| {
            evaluations
                .binary_search_by(|e| e.dept().code.cmp(&d.code))
                .is_err()
        })
        .collect();
    Ok(Assessment {
        evaluations,
        unmatched,
        superseded,
        missing,
        files_read,
        unspilled: unspilled.into_inner().unwrap_or_default(),
        ledger: settled.ledger,
        asks: settled.asks,
        accepted: settled.accepted,
        unmatched_accept: settled.unmatched_accept,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns read ahead of the plan (unidentified) come to the same assessment as returns
    /// read after it: same departments, totals, findings and unused files.
    #[test]
    fn returns_read_while_the_plan_reads_assess_the_same() {
        let dir = crate::cli::demo_folder();
        let inputs = [dir.path().join("回收")];
        let path = dir.path().join("评价方案.xlsx");
        // Every return read ahead, as when the plan read outlasts them all (made so here
        // rather than by a slow plan read, which would depend on the machine's load).
        let plan = crate::plan::read(&path).unwrap();
        let mut reading = Reading::new(&inputs, &[]);
        reading.early = reading
            .files
            .iter()
            .map(|f| Some(collect::read_unidentified(f)))
            .collect();
        let read_ahead = reading.early.iter().flatten().count();
        assert_eq!(read_ahead, reading.files.len(), "all read ahead");
        assert!(read_ahead >= 5);
        let ahead = assess_read(
            &plan,
            reading,
            None,
            None,
            &crate::round::Context::first_run(),
            &|_| {},
            &|| {},
        )
        .unwrap();
        let after = assess(
            &plan,
            &inputs,
            &[],
            None,
            &crate::round::Context::first_run(),
            &|_| {},
            &|| {},
        )
        .unwrap();
        let view = |a: &Assessment| {
            let evals: Vec<String> = a
                .evaluations
                .iter()
                .map(|e| format!("{} {} {:?}", e.dept().code, e.totals.total, e.findings))
                .collect();
            let unused: Vec<String> = a.unmatched.iter().map(|u| format!("{u:?}")).collect();
            (evals, unused, a.superseded.clone(), a.missing.len())
        };
        assert_eq!(view(&ahead), view(&after));
        assert!(!ahead.evaluations.is_empty());
    }

    /// A run whose results are spilled as they are scored comes to the same assessment,
    /// indicator results included, as one that holds them.
    #[test]
    fn spilled_results_assess_the_same() {
        crate::cli::with_demo_assessment(|plan, held, inputs| {
            let spill = spill_for(plan, 0).unwrap();
            assert!(spill.is_some());
            assert!(
                spill_for(plan, plan.departments.len() + 1)
                    .unwrap()
                    .is_none()
            );
            let reading = Reading::new(inputs, &[]);
            let spilled = assess_read(
                plan,
                reading,
                None,
                spill.clone(),
                &crate::round::Context::first_run(),
                &|_| {},
                &|| {},
            )
            .unwrap();
            let view = |a: &Assessment| {
                a.evaluations
                    .iter()
                    .map(|e| {
                        let results = format!("{:?}", e.indicators().unwrap());
                        let e = format!(
                            "{} {:?} {:?} {:?}",
                            e.dept().code,
                            e.totals,
                            e.findings,
                            e.status
                        );
                        (e, results)
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(view(&spilled), view(held));
            // Every evaluation was spilled (its results are not held), and peers were scored.
            assert!(
                spilled
                    .evaluations
                    .iter()
                    .all(|e| format!("{e:?}").contains("Spilled"))
            );
            assert!(Arc::strong_count(&spill.unwrap()) > spilled.evaluations.len());
        });
    }
}
