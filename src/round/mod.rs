//! The round: this run's evaluated returns and the record of earlier runs ([`Ledger`], the
//! output's 报送记录.tsv) → one return per department, which counts as received when, who
//! was on time, which returns are held as 身份存疑, and the deadline each letter names.
//!
//! - [`receipt`]: when a return counts as received (the bureau's server, then the mail's
//!   Date unless it lies in the future, then 填报日期 or the file's time);
//! - [`senders`]: a return from an address the department never used is held when it would
//!   replace one from a known address;
//! - [`timeliness`]: the one lateness rule the ranking, letters, reports and summary.json use;
//! - [`ledger`]: the record itself. A 退回 letter's deadline, and a reminder's, are fixed when
//!   first named and kept in the record, so the same letter reads the same in every later run
//!   (and `send` does not send it again).

pub mod ledger;
pub mod receipt;
pub mod senders;
pub mod timeliness;

pub use ledger::{Decision, Entry, Kind, Ledger, LedgerError};

use crate::collect::{Identified, Superseded};
use crate::domain::{Code, Date, DeptCode, Finding, Location, Receipt, Timeliness, beijing_time};
use crate::evaluate::{Evaluation, Status};
use crate::plan::Plan;
use std::collections::BTreeMap;
use timeliness::Returned;

/// What a run knows of the round before it starts.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The record of earlier runs.
    pub ledger: Ledger,
    /// Held files the bureau accepts (`collect --accept`), by the name shown or the file's.
    pub accept: Vec<String>,
    /// The run's clock (Unix seconds).
    pub now: i64,
}

impl Context {
    /// A first run's context at the run's clock: no record, nothing accepted.
    pub fn first_run() -> Self {
        Context {
            now: crate::domain::run_secs(),
            ..Context::default()
        }
    }
}

/// A return held as 身份存疑: not used, listed for the bureau.
#[derive(Debug, Clone)]
pub struct Held {
    /// The file as users see it.
    pub file: String,
    /// The department whose template it is.
    pub dept: DeptCode,
    /// Why it is held (and its other findings).
    pub findings: Vec<Finding>,
    /// The address it came from.
    pub sender: String,
}

/// The round settled for this run.
#[derive(Debug)]
pub struct Settled<'p> {
    /// One evaluation per department that returned, in code order.
    pub evaluations: Vec<Evaluation<'p>>,
    /// Returns replaced by a newer one.
    pub superseded: Vec<Superseded>,
    /// Returns held as 身份存疑.
    pub held: Vec<Held>,
    /// Held files used this run because the bureau accepted them (now or before).
    pub accepted: Vec<String>,
    /// Names given to `--accept` that name no return of this run.
    pub unmatched_accept: Vec<String>,
    /// The record with this run's returns and letters added.
    pub ledger: Ledger,
    /// The date each department's letter asks for: a resubmission (退回) or a first return
    /// (催报).
    pub asks: BTreeMap<DeptCode, Date>,
}

/// The date a department is asked to (re)submit by, asked today: 退回重报期限 days from the
/// run's date, or the plan's deadline when that is later. Never a date that has passed.
pub fn resubmit_by(plan: &Plan, now: i64) -> Date {
    let from_run = Date::of_unix_beijing(now).add_days(i64::from(plan.settings.resubmit_days));
    match plan.settings.deadline {
        Some(d) if d > from_run => d,
        _ => from_run,
    }
}

/// One return of this run with what the round needs of it.
struct Present<'p> {
    id: Identified,
    eval: Evaluation<'p>,
    /// When it counts as received: the most trusted receipt of this content.
    receipt: Option<Receipt>,
    /// Whether that receipt is this file's own (not a copy's).
    own_receipt: bool,
    held: bool,
}

fn wrong_template(id: &Identified) -> bool {
    id.findings
        .iter()
        .any(|f| matches!(f.code, Code::WrongYear | Code::WrongPlan))
}

/// Whether `accept` names this file: its name as shown, or the message (or file) it is in —
/// by the name shown, by its file name when that is all that was given, or by a path that
/// ends with it. An attachment's own name alone is not enough (every department's may be
/// 自评表.xlsx).
fn names(accept: &[String], display: &str) -> bool {
    accept.iter().any(|a| accept_matches(a, display))
}

fn accept_matches(given: &str, display: &str) -> bool {
    let given = given.trim().replace('\\', "/");
    if given.is_empty() {
        return false;
    }
    if display == given {
        return true;
    }
    // The file part of the name shown: `5月/张华/b.eml` of `5月/张华/b.eml ▸ 自评表.xlsx`.
    let file = display
        .split(crate::collect::mail::ATTACHED)
        .next()
        .unwrap_or(display);
    let file = file.split('#').next().unwrap_or(file);
    let base = file.rsplit('/').next().unwrap_or(file);
    file == given || given.ends_with(&format!("/{file}")) || (!given.contains('/') && base == given)
}

/// Settles this run's evaluated returns against the record: receipts, then each department
/// (held returns, the winner, who was on time, the record's lines), then reminders for the
/// departments that did not return.
pub fn settle<'p>(
    plan: &'p Plan,
    ctx: &Context,
    identified: Vec<(Identified, Evaluation<'p>)>,
) -> Settled<'p> {
    let mut out = Settled {
        evaluations: Vec::new(),
        superseded: Vec::new(),
        held: Vec::new(),
        accepted: Vec::new(),
        unmatched_accept: Vec::new(),
        ledger: ctx.ledger.clone(),
        asks: BTreeMap::new(),
    };
    let shown: Vec<String> = identified
        .iter()
        .map(|(id, _)| id.source.display.clone())
        .collect();
    out.unmatched_accept = ctx
        .accept
        .iter()
        .filter(|a| !shown.iter().any(|d| accept_matches(a, d)))
        .cloned()
        .collect();
    let mut new_entries: Vec<Entry> = Vec::new();
    for (code, returns) in received(identified, ctx.now) {
        if let Some(dept) = plan.department(&code) {
            settle_department(plan, ctx, dept, returns, &mut out, &mut new_entries);
        }
    }
    remind(plan, ctx, &mut out, &mut new_entries);
    out.ledger.entries.extend(new_entries);
    out
}

/// Each return's receipt (a date not believed becomes a finding), grouped by department.
fn received<'p>(
    identified: Vec<(Identified, Evaluation<'p>)>,
    now: i64,
) -> BTreeMap<DeptCode, Vec<Present<'p>>> {
    let mut by_dept: BTreeMap<DeptCode, Vec<Present<'p>>> = BTreeMap::new();
    for (id, mut eval) in identified {
        let (receipt, doubt) = receipt::of(&id.source, id.filled, now);
        if let Some(f) = doubt {
            eval.findings.push(f);
        }
        by_dept.entry(id.dept.clone()).or_default().push(Present {
            id,
            eval,
            receipt,
            own_receipt: true,
            held: false,
        });
    }
    by_dept
}

/// Whether a return is accepted by the bureau: named by `--accept` now, or recorded as
/// accepted before.
fn accepted(ctx: &Context, source: &crate::collect::Source) -> bool {
    names(&ctx.accept, &source.display)
        || ctx
            .ledger
            .by_digest(&source.digest)
            .is_some_and(|e| e.decision == Decision::Accepted)
}

/// Whether a return came from an address the department never used.
fn from_stranger(
    ctx: &Context,
    dept: &crate::plan::Department,
    source: &crate::collect::Source,
) -> bool {
    senders::sender(source).is_some_and(|s| !senders::known(dept, &ctx.ledger, s))
}

/// One department's returns: which are held, which one is used (the newest on the right
/// template), whether it was on time, and what the record learns.
fn settle_department<'p>(
    plan: &'p Plan,
    ctx: &Context,
    dept: &crate::plan::Department,
    mut returns: Vec<Present<'p>>,
    out: &mut Settled<'p>,
    new_entries: &mut Vec<Entry>,
) {
    // The same return twice (a mail and a copy saved into the folder): one return, received
    // when its most trusted receipt says (the server's time before a typed 填报日期).
    let best: BTreeMap<String, Receipt> = {
        let mut best: BTreeMap<String, Receipt> = BTreeMap::new();
        for r in &returns {
            if let Some(x) = r.receipt.filter(|_| !r.id.source.digest.is_empty()) {
                let e = best.entry(r.id.source.digest.clone()).or_insert(x);
                if (x.source, x.at) < (e.source, e.at) {
                    *e = x;
                }
            }
        }
        best
    };
    for r in returns.iter_mut() {
        if let Some(x) = best.get(&r.id.source.digest) {
            r.own_receipt = r.receipt == Some(*x);
            r.receipt = Some(*x);
        }
    }
    let sources: Vec<(&crate::collect::Source, Option<i64>)> = returns
        .iter()
        .map(|r| (&r.id.source, r.receipt.map(|x| x.at)))
        .collect();
    let held = senders::held(dept, &ctx.ledger, &sources, &|s| accepted(ctx, s));
    for (r, h) in returns.iter_mut().zip(held) {
        r.held = h;
    }
    // Newest first: not held, on the right template, then by receipt, then by name.
    returns.sort_by(|a, b| {
        a.held
            .cmp(&b.held)
            .then_with(|| wrong_template(&a.id).cmp(&wrong_template(&b.id)))
            .then_with(|| b.receipt.cmp(&a.receipt))
            .then_with(|| b.own_receipt.cmp(&a.own_receipt))
            .then_with(|| b.id.source.display.cmp(&a.id.source.display))
    });
    let winner = returns.iter().position(|r| !r.held);
    let timeliness = timeliness_of(plan, ctx, &dept.code, &returns, winner);
    let mut winning: Option<Evaluation<'p>> = None;
    let mut winner_display = String::new();
    for (k, mut r) in returns.into_iter().enumerate() {
        let is_winner = Some(k) == winner;
        let stranger = from_stranger(ctx, dept, &r.id.source);
        if !r.held && stranger && accepted(ctx, &r.id.source) {
            out.accepted.push(r.id.source.display.clone());
        }
        record(plan, ctx, dept, &r, is_winner, out, new_entries);
        if r.held {
            out.held.push(held_return(dept, r));
        } else if is_winner {
            winner_display = r.id.source.display.clone();
            r.eval.timeliness = timeliness.clone();
            r.eval.receipt = r.receipt;
            if let Some(f) = late_finding(&timeliness, &r.id.source.display) {
                r.eval.findings.push(f);
            }
            winning = Some(r.eval);
        } else {
            if let Some(w) = winning.as_mut() {
                w.findings.push(crate::collect::duplicate_finding(
                    &winner_display,
                    &r.id.source.display,
                ));
                // A date not believed is said where the bureau looks: beside the return that
                // is used.
                w.findings.extend(
                    r.eval
                        .findings
                        .iter()
                        .filter(|f| f.code == Code::MailDateDoubtful)
                        .cloned(),
                );
            }
            out.superseded.push(Superseded {
                file: r.id.source.display.clone(),
                dept: dept.code.clone(),
                by: winner_display.clone(),
            });
        }
    }
    if let Some(mut e) = winning {
        crate::evaluate::sort_findings(&mut e.findings);
        e.status = Status::of(&e.findings);
        out.evaluations.push(e);
    }
}

/// The department's timeliness: its returns here (not held) and those the record knows whose
/// files are gone, each with the deadline its 退回 letter named.
fn timeliness_of(
    plan: &Plan,
    ctx: &Context,
    code: &DeptCode,
    returns: &[Present<'_>],
    winner: Option<usize>,
) -> Timeliness {
    let here: Vec<&str> = returns
        .iter()
        .map(|r| r.id.source.digest.as_str())
        .collect();
    // A return line carries a deadline only when a 退回 letter named one (accepted or not);
    // a plan deadline moved later since counts for it too.
    let letter_of = |digest: &str| {
        ctx.ledger
            .by_digest(digest)
            .and_then(|e| e.deadline)
            .map(|d| extended(plan, d))
    };
    let mut history: Vec<Returned> = ctx
        .ledger
        .returns(code)
        .filter(|e| e.decision.used() && !here.contains(&e.digest.as_str()))
        .filter_map(|e| {
            Some(Returned {
                receipt: e.receipt?,
                resubmit_by: e.deadline.map(|d| extended(plan, d)),
            })
        })
        .collect();
    history.extend(returns.iter().filter(|r| !r.held).filter_map(|r| {
        Some(Returned {
            receipt: r.receipt?,
            resubmit_by: letter_of(&r.id.source.digest),
        })
    }));
    let current = winner.and_then(|k| returns[k].receipt);
    timeliness::of(plan.settings.deadline, &history, current)
}

/// A deadline a letter named, or the plan's when that was moved later since.
fn extended(plan: &Plan, d: Date) -> Date {
    match plan.settings.deadline {
        Some(p) if p > d => p,
        _ => d,
    }
}

/// What the record learns of one return: a line for a return not seen before; a held return
/// now accepted; the deadline a 退回 letter names, fixed the first time it is named.
fn record(
    plan: &Plan,
    ctx: &Context,
    dept: &crate::plan::Department,
    r: &Present<'_>,
    is_winner: bool,
    out: &mut Settled<'_>,
    new_entries: &mut Vec<Entry>,
) {
    let status = Status::of(&r.eval.findings);
    let decision = if r.held {
        Decision::Doubtful
    } else if accepted(ctx, &r.id.source) && from_stranger(ctx, dept, &r.id.source) {
        Decision::Accepted
    } else {
        match status {
            Status::Rejected => Decision::Rejected,
            Status::Warnings => Decision::Warnings,
            _ => Decision::Passed,
        }
    };
    let digest = &r.id.source.digest;
    let known = ctx.ledger.by_digest(digest).cloned();
    let mut deadline = known.as_ref().and_then(|e| e.deadline);
    if is_winner && status == Status::Rejected {
        let by = *deadline.get_or_insert_with(|| resubmit_by(plan, ctx.now));
        out.asks.insert(dept.code.clone(), extended(plan, by));
    }
    // A return replaced in the run it came in was never used.
    let decision = match decision {
        Decision::Passed | Decision::Warnings | Decision::Rejected if !is_winner => {
            Decision::Superseded
        }
        d => d,
    };
    if known.is_some() {
        for e in out
            .ledger
            .entries
            .iter_mut()
            .filter(|e| e.kind == Kind::Return && e.digest == *digest)
        {
            if e.decision == Decision::Doubtful && decision == Decision::Accepted {
                e.decision = Decision::Accepted;
            }
            if is_winner && e.deadline.is_none() && deadline.is_some() {
                e.deadline = deadline;
                e.decision = decision;
            }
            // Used now, though replaced in the run it first came in.
            if is_winner && e.decision == Decision::Superseded {
                e.decision = decision;
            }
        }
        return;
    }
    if digest.is_empty() || new_entries.iter().any(|e| e.digest == *digest) {
        return;
    }
    new_entries.push(Entry {
        dept: dept.code.clone(),
        name: dept.name.clone(),
        kind: Kind::Return,
        file: r.id.source.display.clone(),
        digest: digest.clone(),
        receipt: r.receipt,
        sender: senders::sender(&r.id.source)
            .unwrap_or_default()
            .to_string(),
        decision,
        // A return replaced in the run it arrived in had no letter, so no deadline.
        deadline: if is_winner { deadline } else { None },
        recorded: beijing_time(ctx.now),
    });
}

/// A return held as 身份存疑, with the finding that says so.
fn held_return(dept: &crate::plan::Department, mut r: Present<'_>) -> Held {
    let sender = senders::sender(&r.id.source)
        .unwrap_or_default()
        .to_string();
    let mut findings = std::mem::take(&mut r.id.findings);
    findings.push(Finding::new(
        Code::IdentityDoubtful,
        Location::file(r.id.source.display.as_str()),
        format!(
            "身份存疑：这份{}的报送来自 {}，既不是方案登记的邮箱，也不是该部门以前用过的地址，而该部门已有来自登记邮箱的报送；未采用，原报送继续有效，由财政局核实",
            dept.name,
            if sender.is_empty() { "未知地址" } else { &sender }
        ),
        format!(
            "如确系{}报送，可运行 jixiao collect --accept \"{}\" 采用",
            dept.name, r.id.source.display
        ),
    ));
    Held {
        file: r.id.source.display.clone(),
        dept: dept.code.clone(),
        findings,
        sender,
    }
}

/// The deadline each department that did not return is asked for: the last reminder's while
/// it has not passed, else a new one (and a line in the record).
fn remind(plan: &Plan, ctx: &Context, out: &mut Settled<'_>, new_entries: &mut Vec<Entry>) {
    let today = Date::of_unix_beijing(ctx.now);
    for d in &plan.departments {
        if out
            .evaluations
            .binary_search_by(|e| e.dept().code.cmp(&d.code))
            .is_ok()
        {
            continue;
        }
        let by = match ctx.ledger.last_reminder(&d.code).and_then(|e| e.deadline) {
            Some(by) if by >= today => extended(plan, by),
            _ => {
                let by = resubmit_by(plan, ctx.now);
                new_entries.push(Entry {
                    dept: d.code.clone(),
                    name: d.name.clone(),
                    kind: Kind::Reminder,
                    file: String::new(),
                    digest: String::new(),
                    receipt: None,
                    sender: String::new(),
                    decision: Decision::None,
                    deadline: Some(by),
                    recorded: beijing_time(ctx.now),
                });
                by
            }
        };
        out.asks.insert(d.code.clone(), by);
    }
}

/// D02 for a late department, at the return in use.
fn late_finding(t: &Timeliness, file: &str) -> Option<Finding> {
    let Timeliness::Late {
        first,
        days,
        deadline,
        at,
        after_return,
    } = t
    else {
        return None;
    };
    let message = if *after_return {
        format!(
            "逾期报送：退回后重新报送的日期为 {at}，晚于退回通知的重报期限 {deadline}，逾期 {days} 天"
        )
    } else {
        format!(
            "逾期报送：首次报送的日期为 {at}（{}），晚于报送截止日期 {deadline}，逾期 {days} 天",
            first.source.label()
        )
    };
    Some(Finding::new(
        Code::Late,
        Location::file(file),
        message,
        "逾期情况已在汇总表中注明；请在规定期限内报送",
    ))
}
