//! Every documented form of every rule kind scores its worked example as the explanation
//! sheet shows it (the catalogue is `plan::rule::kind`).

use super::*;
use crate::domain::DeptCode;
use crate::plan::{Example, Kind};

/// The score of one example: the department's own answer, compared with the others' when
/// the rule needs peers.
fn example_score(rule: &str, e: &Example) -> String {
    let mut i = ind(e.target, e.weight, rule);
    if !e.baseline.is_empty() {
        i.baseline = Some(d(e.baseline));
    }
    let own_score = (!e.self_score.is_empty()).then(|| d(e.self_score));
    let scored = score_indicator(&i, e.answer, own_score)
        .unwrap_or_else(|err| panic!("{rule} with {}: {err}", e.answer));
    if !i.rule.needs_peers() {
        return scored.score.to_string();
    }
    let value = |answer: &str| {
        score_indicator(&i, answer, None)
            .ok()
            .and_then(|s| s.peer_value)
            .unwrap_or_else(|| panic!("{rule}: {answer} has no value to compare"))
    };
    let own = DeptCode::new("001");
    let mut peers = vec![Peer {
        dept: own.clone(),
        name: "本部门".into(),
        value: value(e.answer),
    }];
    for (k, other) in e.others.iter().enumerate() {
        peers.push(Peer {
            dept: DeptCode::new(format!("{:03}", k + 2)),
            name: format!("部门{}", k + 2),
            value: value(other),
        });
    }
    score_with_peers(&i, &own, value(e.answer), &peers)
        .score
        .to_string()
}

#[test]
fn every_documented_example_scores_as_shown() {
    for (kind, form) in Kind::all_forms() {
        for e in form.examples {
            let got = example_score(form.rule, e);
            assert_eq!(got, e.score, "{kind:?} {}: {}", form.rule, form.shown);
            // The sheet shows the same score: as 0.00, as N 分 for whole points, or as 满分.
            let whole = e.score.strip_suffix(".00").map(|w| format!("{w} 分"));
            let shown = form.shown.contains(e.score)
                || whole.is_some_and(|w| form.shown.contains(&w))
                || (form.shown.contains("满分") && e.score == fmt2(d(e.weight)))
                || kind == Kind::Review;
            assert!(
                shown,
                "{}: the sheet's example 「{}」 does not show {}",
                form.rule, form.shown, e.score
            );
        }
    }
}
