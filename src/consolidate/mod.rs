//! Consolidation: an [`Assessment`] → the city-wide outputs, each as bytes or text; writing
//! them to disk is the caller's job.
//!
//! - [`Report`] is the one ordered view every output shares: ranked departments (by rank,
//!   then code; ties share a rank), then returns sent back (退回, no rank), then departments
//!   that did not return (未报送).
//! - [`workbook`] builds `{年度}年度部门整体绩效评价汇总.xlsx`;
//! - [`feedback`] writes the 审核意见 text for each department with findings;
//! - [`summary`] writes `summary.json` (decimals as strings).
//!
//! The same assessment always gives the same outputs; with `SOURCE_DATE_EPOCH` set, the same
//! bytes.

pub mod feedback;
pub mod messages;
pub mod report;
pub mod review_book;
pub mod summary;
pub mod workbook;

use crate::evaluate::{Evaluation, Status};
use crate::pipeline::Assessment;
use crate::plan::{Department, Plan};
use crate::score::competition_ranks;

/// Facts about the run shown in 说明 and summary.json.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunInfo {
    /// The plan's file name.
    pub plan_file: String,
    /// The inputs as given on the command line.
    pub inputs: Vec<String>,
    /// When the run happened (Beijing time; fixed by `SOURCE_DATE_EPOCH`).
    pub generated_at: String,
    /// The run's date (Beijing), from which resubmission periods are counted.
    pub date: crate::domain::Date,
    /// `jixiao 0.1.0`.
    pub tool: String,
}

impl RunInfo {
    /// Run facts for this plan file and these inputs, at [`crate::domain::run_time`].
    pub fn new(plan_file: &str, inputs: &[std::path::PathBuf]) -> Self {
        Self {
            plan_file: plan_file.to_string(),
            inputs: inputs.iter().map(|p| p.display().to_string()).collect(),
            generated_at: crate::domain::run_time(),
            date: crate::domain::Date::of_unix_beijing(crate::domain::run_secs()),
            tool: format!("jixiao {}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// One department's line in every output.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a, 'p> {
    /// The department.
    pub dept: &'p Department,
    /// Its evaluation, unless it did not return.
    pub eval: Option<&'a Evaluation<'p>>,
    /// Its rank, when its return was accepted.
    pub rank: Option<u32>,
    /// 审核状态.
    pub status: Status,
}

/// The ordered results every output is made from.
#[derive(Debug)]
pub struct Report<'a, 'p> {
    /// The plan.
    pub plan: &'p Plan,
    /// Everything read.
    pub assessment: &'a Assessment<'p>,
    /// Ranked, then sent back, then not returned.
    pub rows: Vec<Row<'a, 'p>>,
    /// 评价维度 in plan order: one column each in 汇总排名.
    pub dimensions: Vec<String>,
    /// Run facts.
    pub run: RunInfo,
    /// 复核 decisions applied and refused, and the 抽查 draw.
    pub reviews: crate::review::ReviewLog,
    /// Earlier years' results, latest first (the first is last year's).
    pub previous: Vec<crate::history::PreviousYear>,
    /// This year's last run in the same output folder, when there was one.
    pub last_run: Option<crate::history::LastRun>,
}

/// A department whose scores changed since the last run although its return did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// When the last run was.
    pub since: String,
    /// The plan changed since (its fingerprint differs).
    pub plan_changed: bool,
    /// Its total then and now.
    pub total: (Option<rust_decimal::Decimal>, crate::domain::Score),
    /// Each indicator whose score changed: code, score then, score now, and why.
    pub indicators: Vec<(
        crate::domain::IndicatorCode,
        Option<rust_decimal::Decimal>,
        Option<crate::domain::Score>,
        MovedBy,
    )>,
}

/// Why an indicator's score moved while the return did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovedBy {
    /// Other departments' values (相对, 排名).
    Peers,
    /// A 复核 decision.
    Review,
    /// The plan changed (its rule, target or weight).
    Plan,
}

impl MovedBy {
    /// The Chinese clause.
    pub fn text(self) -> &'static str {
        match self {
            MovedBy::Peers => "按其他部门的数值计分",
            MovedBy::Review => "经复核调整",
            MovedBy::Plan => "评价方案有修改",
        }
    }
}

impl<'a, 'p> Report<'a, 'p> {
    /// Orders and ranks the assessment.
    pub fn new(plan: &'p Plan, assessment: &'a Assessment<'p>, run: RunInfo) -> Self {
        let ranked: Vec<&Evaluation> = assessment
            .evaluations
            .iter()
            .filter(|e| e.status != Status::Rejected)
            .collect();
        let totals: Vec<_> = ranked.iter().map(|e| e.totals.total).collect();
        let ranks = competition_ranks(&totals);
        let mut rows: Vec<Row> = ranked
            .iter()
            .zip(ranks)
            .map(|(e, rank)| Row {
                dept: e.inputs.dept,
                eval: Some(*e),
                rank: Some(rank),
                status: e.status,
            })
            .collect();
        rows.sort_by(|a, b| {
            a.rank
                .cmp(&b.rank)
                .then_with(|| a.dept.code.cmp(&b.dept.code))
        });
        rows.extend(
            assessment
                .evaluations
                .iter()
                .filter(|e| e.status == Status::Rejected)
                .map(|e| Row {
                    dept: e.inputs.dept,
                    eval: Some(e),
                    rank: None,
                    status: Status::Rejected,
                }),
        );
        rows.extend(assessment.missing.iter().map(|d| Row {
            dept: d,
            eval: None,
            rank: None,
            status: Status::Missing,
        }));
        let mut dimensions: Vec<String> = Vec::new();
        for i in &plan.indicators {
            if !dimensions.iter().any(|d| **d == *i.dimension) {
                dimensions.push(i.dimension.to_string());
            }
        }
        Self {
            plan,
            assessment,
            rows,
            dimensions,
            run,
            reviews: crate::review::ReviewLog::default(),
            previous: Vec::new(),
            last_run: None,
        }
    }

    /// The report with this year's last run in the same output folder.
    pub fn with_last_run(mut self, last: Option<crate::history::LastRun>) -> Self {
        self.last_run = last;
        self
    }

    /// How `e`'s scores moved since the last run, when its return is the same and a score
    /// changed (never for a department that sent a new return: that change is its own).
    pub fn moved_by_others(&self, e: &Evaluation) -> Option<Moved> {
        let last = self.last_run.as_ref()?;
        let before = last.depts.get(&e.dept().code)?;
        if before.digest.is_empty() || before.digest != e.inputs.digest {
            return None;
        }
        let plan_changed = !last.plan_fingerprint.is_empty()
            && last.plan_fingerprint != review_book::plan_fingerprint(self);
        let results = e.indicators().ok()?;
        let indicators: Vec<_> = results
            .iter()
            .filter_map(|r| {
                let code = &r.input.indicator.code;
                let then = before.scores.get(code).copied().flatten();
                let now = r.final_score();
                let by = if r.review.is_some() {
                    MovedBy::Review
                } else if r.input.indicator.rule.needs_peers() && !plan_changed {
                    MovedBy::Peers
                } else {
                    MovedBy::Plan
                };
                (then != now.map(|s| s.value())).then(|| (code.clone(), then, now, by))
            })
            .collect();
        (!indicators.is_empty()).then(|| Moved {
            since: last.generated_at.clone(),
            plan_changed,
            total: (before.total, e.totals.total),
            indicators,
        })
    }

    /// The report with earlier years' results (any order; kept latest first).
    pub fn with_previous(mut self, mut previous: Vec<crate::history::PreviousYear>) -> Self {
        previous.sort_by_key(|p| std::cmp::Reverse(p.year));
        self.previous = previous;
        self
    }

    /// Last year's results, if known.
    pub fn last_year(&self) -> Option<&crate::history::PreviousYear> {
        self.previous.first()
    }

    /// Whether any 复核 decision was applied or refused (the 复核记录 sheet and the 复核调整
    /// column appear only then).
    pub fn has_reviews(&self) -> bool {
        !self.reviews.applied.is_empty() || !self.reviews.refused.is_empty()
    }

    /// The report with the run's 复核 log.
    pub fn with_reviews(mut self, reviews: crate::review::ReviewLog) -> Self {
        self.reviews = reviews;
        self
    }

    /// Files held for the bureau because their template's identity and the file disagree
    /// (身份冲突), with the conflict, in file-name order.
    pub fn conflicts(
        &self,
    ) -> impl Iterator<Item = (&'a str, &'a crate::collect::identify::Conflict)> + '_ {
        self.assessment
            .unmatched
            .iter()
            .filter_map(|u| Some((u.file.as_str(), u.conflict.as_ref()?)))
    }

    /// Departments with a return, in department-code order.
    pub fn evaluations(&self) -> impl Iterator<Item = &'a Evaluation<'p>> + '_ {
        self.assessment.evaluations.iter()
    }

    /// 报送时间 and where it came from: when the department's first return counts as
    /// received (the round's rule: [`crate::round`]), else the return in use.
    pub fn submitted_at(e: &Evaluation) -> Submitted {
        match e.timeliness.first().or(e.receipt.as_ref()) {
            Some(r) => Submitted {
                at: r.text(),
                source: Some(r.source),
            },
            None => Submitted {
                at: String::new(),
                source: None,
            },
        }
    }
}

/// A return's 报送时间.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    /// Beijing time, `YYYY-MM-DD HH:MM`, or a date.
    pub at: String,
    /// Where it came from, when known.
    pub source: Option<crate::domain::ReceiptSource>,
}

impl Submitted {
    /// The label of its source (empty when unknown).
    pub fn source_label(&self) -> &'static str {
        self.source.map(|s| s.label()).unwrap_or("")
    }
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters.
pub fn sheet_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c => c,
        })
        .collect();
    cleaned.trim_matches('\'').chars().take(31).collect()
}
