//! 相对 and 排名 across departments: every evaluation of the run → the same evaluations with
//! those indicators scored against the accepted departments' values, their findings added and
//! totals, grades and statuses brought up to date.
//!
//! Guarantees: the peers of an indicator are the departments that have it and whose return
//! was accepted before this step (status not 退回 and not blank; this step only adds 警告 and
//! 提示, so it cannot change who is accepted), taken in code order: the result does not depend
//! on thread timing or file order.

use super::{Evaluation, Status, score_findings, sort_findings, totals_of};
use crate::domain::IndicatorCode;
use crate::plan::{Indicator, Plan};
use crate::score::{Peer, score_with_peers};
use std::collections::HashMap;

/// The plan's indicators whose score depends on other departments, in plan order.
pub fn peer_indicators(plan: &Plan) -> Vec<&Indicator> {
    plan.indicators
        .iter()
        .filter(|i| i.rule.needs_peers())
        .collect()
}

/// Scores every 相对/排名 indicator of `evaluations` against the accepted departments.
/// Spilled evaluations are read back one at a time (the error is the spill's).
pub fn apply_peers(plan: &Plan, evaluations: &mut [Evaluation<'_>]) -> std::io::Result<()> {
    if peer_indicators(plan).is_empty() {
        return Ok(());
    }
    // One read of every department: the accepted ones' values, and who has any to rescore.
    let mut table: HashMap<IndicatorCode, Vec<Peer>> = HashMap::new();
    let mut has_peers = vec![false; evaluations.len()];
    for (e, has) in evaluations.iter().zip(has_peers.iter_mut()) {
        let accepted = e.status != Status::Rejected && !e.blank;
        for r in e.indicators()?.iter() {
            let Some(value) = r.scored.as_ref().and_then(|s| s.peer_value) else {
                continue;
            };
            *has = true;
            if accepted {
                table
                    .entry(r.input.indicator.code.clone())
                    .or_default()
                    .push(Peer {
                        dept: e.dept().code.clone(),
                        name: e.dept().name.clone(),
                        value,
                    });
            }
        }
    }
    for peers in table.values_mut() {
        peers.sort_by(|a, b| a.dept.cmp(&b.dept));
    }
    let tolerance = plan.settings.tolerance.value();
    let rescored = evaluations
        .iter_mut()
        .zip(has_peers)
        .filter(|(_, has)| *has);
    for (e, _) in rescored {
        let own = e.dept().code.clone();
        let file = e.inputs.file.clone();
        let mut added = Vec::new();
        let mut totals = None;
        e.update_indicators(|results| {
            let mut changed = false;
            for r in results.iter_mut() {
                let ind = r.input.indicator;
                let Some(s) = r.scored.as_mut() else { continue };
                let Some(value) = s.peer_value else { continue };
                let peers = table.get(&ind.code).map(Vec::as_slice).unwrap_or(&[]);
                let mut again = score_with_peers(ind, &own, value, peers);
                again.actual = std::mem::take(&mut s.actual);
                again.ambiguous = s.ambiguous.take();
                *s = again;
                changed = true;
                added.extend(score_findings(
                    &file,
                    &r.input,
                    s,
                    r.reason_given,
                    tolerance,
                ));
            }
            if changed {
                totals = Some(totals_of(results, plan));
            }
            changed
        })?;
        let Some(t) = totals else { continue };
        e.findings.extend(added);
        sort_findings(&mut e.findings);
        e.totals = t;
        e.status = Status::of(&e.findings);
    }
    Ok(())
}
