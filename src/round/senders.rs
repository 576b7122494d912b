//! Who may replace a department's return: its returns (and the record) → the returns held as
//! 身份存疑.
//!
//! A department's known senders are its 邮箱 in the plan and every address a return of it
//! came from before (the record, except returns held as doubtful). A return by mail from an
//! unknown address is held — not used, listed for the bureau — when it would replace a
//! return from a known address (or one the bureau put in the folder itself), until the
//! bureau accepts it (`collect --accept`). A department writing for the first time from a
//! personal address is not held: nothing it would replace is known.

use super::ledger::Ledger;
use crate::collect::Source;
use crate::plan::Department;

/// Whether `sender` is known for `dept`: its registered 邮箱, or the address of a return of
/// it that was used (a return replaced in the run it came in, or held, makes nobody known).
pub fn known(dept: &Department, ledger: &Ledger, sender: &str) -> bool {
    let s = sender.trim();
    (!dept.email.trim().is_empty() && dept.email.trim().eq_ignore_ascii_case(s))
        || ledger
            .returns(&dept.code)
            .any(|e| e.decision.used() && !e.sender.is_empty() && e.sender.eq_ignore_ascii_case(s))
}

/// The sender of a return, when it came by mail.
pub fn sender(source: &Source) -> Option<&str> {
    source
        .mail
        .as_ref()
        .map(|m| m.from.trim())
        .filter(|s| !s.is_empty())
}

/// Whether a return is trusted as the department's: from a folder (the bureau put it there),
/// or by mail from a known sender.
pub fn trusted(dept: &Department, ledger: &Ledger, source: &Source) -> bool {
    sender(source).is_none_or(|s| known(dept, ledger, s))
}

/// Which of a department's returns (their sources and receipt times, in any order) are held:
/// from an unknown sender, received after a trusted return (here, or one the record knows
/// was used, even if its file is gone), and not accepted.
pub fn held(
    dept: &Department,
    ledger: &Ledger,
    returns: &[(&Source, Option<i64>)],
    accepted: &dyn Fn(&Source) -> bool,
) -> Vec<bool> {
    let here: Vec<&str> = returns.iter().map(|(s, _)| s.digest.as_str()).collect();
    let mut trusted_times: Vec<Option<i64>> = returns
        .iter()
        .filter(|(s, _)| trusted(dept, ledger, s) || accepted(s))
        .map(|(_, t)| *t)
        .collect();
    trusted_times.extend(
        ledger
            .returns(&dept.code)
            .filter(|e| e.decision.used() && !here.contains(&e.digest.as_str()))
            .filter(|e| e.sender.is_empty() || known(dept, ledger, &e.sender))
            .map(|e| e.receipt.map(|r| r.at)),
    );
    returns
        .iter()
        .map(|(s, t)| {
            if trusted(dept, ledger, s) || accepted(s) {
                return false;
            }
            // It would replace a trusted return: one received before it (or of unknown time).
            trusted_times.iter().any(|k| {
                matches!((k, t), (Some(k), Some(t)) if k <= t) || k.is_none() || t.is_none()
            })
        })
        .collect()
}
