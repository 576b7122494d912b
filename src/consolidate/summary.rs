//! `summary.json`: the same results for other programs, decimals as strings, departments in
//! code order (schema in SPEC).

use super::{Report, Row};
use crate::domain::Finding;
use crate::evaluate::{IndicatorResult, State};
use serde::Serialize;

#[derive(Serialize)]
struct Summary<'a> {
    year: i32,
    plan: &'a str,
    /// The plan's fingerprint (the same plan gives the same text).
    plan_fingerprint: String,
    generated_by: &'a str,
    generated_at: &'a str,
    departments: Departments<'a, 'a, 'a>,
    unmatched: Vec<Unmatched<'a>>,
    /// Files held for the bureau: the template of one department, the file naming another
    /// (身份冲突), or a stranger's address replacing a known one (身份存疑).
    conflicts: Vec<Conflicted<'a>>,
    /// Files held as 身份存疑 before that this run used, because the bureau accepted them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    accepted: Vec<&'a str>,
    superseded: Vec<Replaced<'a>>,
    /// 复核表 used: file and fingerprint.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    review_files: Vec<ReviewFileUsed<'a>>,
    /// Review rows not applied.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    refused_reviews: Vec<RefusedReview<'a>>,
    /// The 抽查 draw.
    #[serde(skip_serializing_if = "Option::is_none")]
    sample: Option<Sample<'a>>,
}

#[derive(Serialize)]
struct Conflicted<'a> {
    file: &'a str,
    kind: &'static str,
    template_department: &'a str,
    claimed_department: &'a str,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct Dept<'a> {
    code: &'a str,
    name: &'a str,
    status: &'a str,
    rank: Option<u32>,
    /// The total of an accepted return; `null` for one sent back (see `provisional_total`).
    total: Option<String>,
    /// 暂计: the total of a return sent back, which has no grade and no rank.
    #[serde(skip_serializing_if = "Option::is_none")]
    provisional_total: Option<String>,
    /// `false` for a template sent back unfilled (未填写).
    #[serde(skip_serializing_if = "Option::is_none")]
    filled: Option<bool>,
    grade: Option<&'a str>,
    dimensions: serde_json::Map<String, serde_json::Value>,
    self_total: Option<String>,
    file: Option<&'a str>,
    /// The content digest of the return used (the same return, whatever its name).
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<&'a str>,
    submitted_at: Option<String>,
    /// Where 报送时间 came from: 邮件发送时间, 填报日期 or 文件修改时间.
    submitted_at_source: Option<&'static str>,
    /// Days past 报送截止日期 (or a 退回 letter's deadline), when late.
    #[serde(skip_serializing_if = "Option::is_none")]
    late_days: Option<i64>,
    /// Whether it returned on time, by the round's rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    timeliness: Option<TimelinessOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    budget: Option<Budget>,
    /// Every indicator's actual as understood and its final score, for next year's comparison.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    indicators: Vec<IndicatorOut<'a>>,
    /// Last year's results of this department.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<PreviousOut<'a>>,
    /// The total before 复核 changed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    computed_total: Option<String>,
    /// 复核 decisions applied to this department.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reviews: Vec<ReviewApplied<'a>>,
    findings: Vec<&'a Finding>,
}

/// A department's timeliness in summary.json.
#[derive(Serialize)]
struct TimelinessOut {
    /// `on_time`, `corrected`, `resubmitted` or `late`.
    state: &'static str,
    /// 按时, 按时（更正于 2026-04-25）, 逾期 25 天 …
    label: String,
    /// When the first return counts as received, and what says so.
    first_received: String,
    first_received_source: &'static str,
    /// The return in use came later: when.
    #[serde(skip_serializing_if = "Option::is_none")]
    corrected_at: Option<String>,
    /// The deadline missed (late) or kept by a resubmission (a 退回 letter's).
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<String>,
}

impl TimelinessOut {
    fn of(t: &crate::domain::Timeliness) -> Option<Self> {
        use crate::domain::Timeliness as T;
        let first = t.first()?;
        let (state, corrected_at, deadline) = match t {
            T::Unknown => return None,
            T::OnTime { .. } => ("on_time", None, None),
            T::Corrected { on, .. } => ("corrected", Some(on.to_string()), None),
            T::Resubmitted { on, by, .. } => {
                ("resubmitted", Some(on.to_string()), Some(by.to_string()))
            }
            T::Late { deadline, .. } => ("late", None, Some(deadline.to_string())),
        };
        Some(TimelinessOut {
            state,
            label: t.label(),
            first_received: first.text(),
            first_received_source: first.source.label(),
            corrected_at,
            deadline,
        })
    }
}

#[derive(Serialize)]
struct Budget {
    initial: String,
    adjusted: String,
    spent: String,
    rate: Option<String>,
}

#[derive(Serialize)]
struct Unmatched<'a> {
    file: &'a str,
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct Replaced<'a> {
    file: &'a str,
    department: &'a str,
    by: &'a str,
}

#[derive(Serialize)]
struct IndicatorOut<'a> {
    code: &'a str,
    actual: &'a str,
    /// `null` for an indicator answered 不适用 (it drops out of the total) or not scored.
    score: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    not_applicable: bool,
}

#[derive(Serialize)]
struct PreviousOut<'a> {
    year: i32,
    name: &'a str,
    /// 审核状态 that year.
    status: &'a str,
    total: Option<String>,
    rank: Option<u32>,
    grade: Option<&'a str>,
    /// This year's total − last year's.
    change: Option<String>,
    /// Last year's rank − this year's (positive: moved up).
    rank_change: Option<i64>,
}

#[derive(Serialize)]
struct ReviewFileUsed<'a> {
    file: &'a str,
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct ReviewApplied<'a> {
    indicator: &'a str,
    computed: Option<String>,
    self_score: Option<String>,
    reviewed: String,
    change: String,
    opinion: &'a str,
    reviewer: &'a str,
    date: &'a str,
    cell: String,
}

#[derive(Serialize)]
struct RefusedReview<'a> {
    department: &'a str,
    indicator: &'a str,
    cell: String,
    reason: String,
    /// What the reviewer entered, as entered.
    score: &'a str,
    opinion: &'a str,
}

#[derive(Serialize)]
struct Sample<'a> {
    seed: u64,
    departments: Vec<&'a str>,
}

/// The JSON text (pretty-printed, UTF-8, no BOM), streamed into `w`: at 10,000 departments it
/// is some 100 MB, never held whole.
pub fn write_json(report: &Report, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let departments = Departments(report);
    let a = report.assessment;
    let summary = Summary {
        year: report.plan.settings.year,
        plan: &report.run.plan_file,
        plan_fingerprint: super::review_book::plan_fingerprint(report),
        generated_by: &report.run.tool,
        generated_at: &report.run.generated_at,
        departments,
        unmatched: a
            .unmatched
            .iter()
            .map(|u| Unmatched {
                file: &u.file,
                findings: &u.findings,
            })
            .collect(),
        conflicts: report
            .conflicts()
            .map(|(file, c)| Conflicted {
                file,
                kind: c.kind.label(),
                template_department: c.template.as_str(),
                claimed_department: c.claimed.as_str(),
                evidence: &c.evidence,
            })
            .collect(),
        accepted: a.accepted.iter().map(String::as_str).collect(),
        superseded: a
            .superseded
            .iter()
            .map(|s| Replaced {
                file: &s.file,
                department: s.dept.as_str(),
                by: &s.by,
            })
            .collect(),
        review_files: report
            .reviews
            .files
            .iter()
            .map(|(file, fingerprint)| ReviewFileUsed { file, fingerprint })
            .collect(),
        refused_reviews: report
            .reviews
            .refused
            .iter()
            .map(|x| RefusedReview {
                department: &x.dept,
                indicator: &x.indicator,
                cell: x.at.to_string(),
                reason: x.why.text(),
                score: &x.entered.score,
                opinion: &x.entered.opinion,
            })
            .collect(),
        sample: report.reviews.draw.as_ref().map(|d| Sample {
            seed: d.seed,
            departments: d.depts.iter().map(|c| c.as_str()).collect(),
        }),
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut w, &summary).map_err(std::io::Error::other)?;
    std::io::Write::write_all(&mut w, b"\n")?;
    std::io::Write::flush(&mut w)
}

/// 各部门, serialized one at a time: a spilled department's indicator results are read back
/// for its entry and dropped after it.
struct Departments<'r, 'a, 'p>(&'r Report<'a, 'p>);

impl Serialize for Departments<'_, '_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let report = self.0;
        let mut rows: Vec<_> = report.rows.iter().collect();
        rows.sort_by(|a, b| a.dept.code.cmp(&b.dept.code));
        let mut seq = serializer.serialize_seq(Some(rows.len()))?;
        for row in rows {
            let results = row
                .eval
                .map(|e| e.indicators())
                .transpose()
                .map_err(|e| S::Error::custom(crate::evaluate::spill_error_text(&e)))?;
            seq.serialize_element(&dept(report, row, results.as_deref()))?;
        }
        seq.end()
    }
}

/// One department's entry.
fn dept<'a>(report: &'a Report, row: &'a Row, results: Option<&'a [IndicatorResult]>) -> Dept<'a> {
    let e = row.eval;
    let state = e.map(|e| e.state());
    let scored = e.filter(|e| e.state() == State::Scored);
    let mut dimensions = serde_json::Map::new();
    if let Some(e) = scored {
        for d in &e.totals.dimensions {
            dimensions.insert(
                d.name.clone(),
                serde_json::Value::String(d.score.to_string()),
            );
        }
    }
    Dept {
        code: row.dept.code.as_str(),
        name: &row.dept.name,
        status: row.status.label(),
        rank: row.rank,
        total: scored.map(|e| e.totals.total.to_string()),
        provisional_total: e
            .filter(|_| state == Some(State::Provisional))
            .map(|e| e.totals.total.to_string()),
        filled: e.map(|e| !e.blank),
        grade: e.and_then(|e| e.grade()),
        dimensions,
        self_total: e.and_then(|e| e.self_total.map(|s| s.to_string())),
        file: e.map(|e| e.inputs.file.as_str()),
        digest: e
            .map(|e| e.inputs.digest.as_str())
            .filter(|d| !d.is_empty()),
        submitted_at: e.map(|e| Report::submitted_at(e).at),
        submitted_at_source: e.map(|e| Report::submitted_at(e).source_label()),
        late_days: e.and_then(|e| e.timeliness.late_days()),
        timeliness: e.and_then(|e| TimelinessOut::of(&e.timeliness)),
        from: e
            .and_then(|e| e.inputs.mail.as_ref())
            .map(|m| m.from.as_str()),
        subject: e
            .and_then(|e| e.inputs.mail.as_ref())
            .map(|m| m.subject.as_str()),
        budget: e.map(|e| {
            let b = e.inputs.budget_summary;
            Budget {
                initial: b.initial.to_string(),
                adjusted: b.adjusted.to_string(),
                spent: b.spent.to_string(),
                rate: e.inputs.execution_rate().map(crate::domain::fmt2),
            }
        }),
        indicators: results
            .unwrap_or_default()
            .iter()
            .map(|r| {
                let not_applicable =
                    r.review.is_none() && r.scored.as_ref().is_some_and(|s| s.not_applicable);
                IndicatorOut {
                    code: r.input.indicator.code.as_str(),
                    actual: r.shown_actual(),
                    score: r
                        .final_score()
                        .filter(|_| !not_applicable)
                        .map(|s| s.to_string()),
                    not_applicable,
                }
            })
            .collect(),
        previous: report.last_year().and_then(|p| {
            let d = p.dept(&row.dept.code)?;
            let now = scored.map(|e| e.totals.total.value());
            Some(PreviousOut {
                year: p.year,
                name: &d.name,
                status: &d.status,
                total: d.total.map(crate::domain::fmt2),
                rank: d.rank,
                grade: d.grade.as_deref(),
                change: now.zip(d.total).map(|(a, b)| crate::domain::fmt2(a - b)),
                rank_change: row
                    .rank
                    .zip(d.rank)
                    .map(|(a, b)| i64::from(b) - i64::from(a)),
            })
        }),
        computed_total: e.and_then(|e| e.computed_total.map(|t| t.to_string())),
        reviews: report
            .reviews
            .applied
            .iter()
            .filter(|a| a.decision.dept == row.dept.code)
            .map(|a| ReviewApplied {
                indicator: a.decision.indicator.as_str(),
                computed: a.computed.map(|s| s.to_string()),
                self_score: a.own.map(crate::domain::fmt_plain),
                reviewed: a.decision.score.to_string(),
                change: a.change().to_string(),
                opinion: &a.decision.opinion,
                reviewer: &a.decision.reviewer,
                date: &a.decision.date,
                cell: a.decision.at.to_string(),
            })
            .collect(),
        findings: e.map(|e| e.findings.iter().collect()).unwrap_or_default(),
    }
}
