//! Evaluation: a validated return ([`Inputs`]) → every indicator's score, the totals, the
//! self-assessed total and the findings that only scoring can see (unreadable values, a
//! self-score far from the computed one, a missing 偏差原因).
//!
//! Scores that depend on other departments (相对, 排名) are scored alone here and again by
//! [`apply_peers`] once every return is read; the findings that depend on a score come with
//! the final one.
//!
//! In a large run an evaluation's indicator results can leave memory for the run's [`Spill`]
//! ([`Evaluation::spill`]); [`Evaluation::indicators`] reads them back either way, and
//! [`Evaluation::update_indicators`] is the one way to change them.

mod computed;
mod peers;
mod spill;

pub use peers::{apply_peers, peer_indicators};
pub use spill::{Slot, Spill, error_reason as spill_error_reason, error_text as spill_error_text};

use crate::domain::{CellRef, Code, Finding, Level, Location, Score, fmt_plain, fmt2};
use crate::history::LastYear;
use crate::layout::template::{NO_PREVIOUS, SHEET_INDICATORS};
use crate::plan::{Department, Indicator, Plan};
use crate::score::{AnswerKind, Caution, ScoreError, Scored, Totals, score_indicator, totals};
use crate::text::{Value, normalize_text, parse_value};
use crate::validate::{IndicatorInput, Inputs};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::sync::Arc;

/// 审核状态 of a department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// 通过: no findings above 提示.
    Passed,
    /// 有警告.
    Warnings,
    /// 退回: at least one 错误.
    Rejected,
    /// 未报送.
    Missing,
}

impl Status {
    /// The Chinese word.
    pub fn label(self) -> &'static str {
        match self {
            Status::Passed => "通过",
            Status::Warnings => "有警告",
            Status::Rejected => "退回",
            Status::Missing => "未报送",
        }
    }

    /// The status a set of findings gives.
    pub fn of(findings: &[Finding]) -> Self {
        if findings.iter().any(|f| f.level == Level::Error) {
            Status::Rejected
        } else if findings.iter().any(|f| f.level == Level::Warning) {
            Status::Warnings
        } else {
            Status::Passed
        }
    }
}

/// One indicator's input and score.
#[derive(Debug, Clone)]
pub struct IndicatorResult<'p> {
    /// What was reported.
    pub input: IndicatorInput<'p>,
    /// The score, when the value could be read.
    pub scored: Option<Scored>,
    /// Whether a 偏差原因 was given (the text itself is not held).
    pub reason_given: bool,
    /// The bureau's 复核 decision, when one applies: it replaces the score in the totals.
    pub review: Option<Box<Review>>,
}

/// A 复核 decision applied to one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// 复核得分, 0..weight.
    pub score: Score,
    /// 复核意见.
    pub opinion: String,
    /// 复核人.
    pub reviewer: String,
    /// 复核日期 as read.
    pub date: String,
    /// The review workbook's cell of 复核得分.
    pub at: Location,
}

impl IndicatorResult<'_> {
    /// The score that counts: the reviewed one, else the computed one.
    pub fn final_score(&self) -> Option<Score> {
        self.review
            .as_ref()
            .map(|r| r.score)
            .or_else(|| self.scored.as_ref().map(|s| s.score))
    }
}

impl IndicatorResult<'_> {
    /// The reported value as understood (`80%` for 0.8 in a percent cell), or as typed when
    /// it could not be scored.
    pub fn shown_actual(&self) -> &str {
        self.scored
            .as_ref()
            .map(|s| s.actual.as_str())
            .unwrap_or(self.input.actual.as_str())
    }

    /// 计分说明, or why there is no score; a 复核 decision first, with the computed score.
    pub fn explanation(&self) -> String {
        let computed = self
            .scored
            .as_ref()
            .map(|s| s.explanation.clone())
            .unwrap_or_else(|| "未能计分（见「审核问题」）".into());
        match &self.review {
            Some(r) => format!(
                "复核得分 {}（系统得分 {}），复核意见：{}；{}",
                r.score,
                self.scored
                    .as_ref()
                    .map(|s| s.score.to_string())
                    .unwrap_or_else(|| "—".into()),
                r.opinion,
                computed
            ),
            None => computed,
        }
    }
}

/// A department's evaluated return.
#[derive(Debug, Clone)]
pub struct Evaluation<'p> {
    /// The validated inputs (budget, info, file); the indicator inputs have moved into
    /// `indicators`.
    pub inputs: Inputs<'p>,
    /// Every plan indicator, in plan order: see [`Evaluation::indicators`].
    indicators: Results<'p>,
    /// Scores per 评价维度, total and grade (unreadable values count 0).
    pub totals: Totals,
    /// Sum of the department's own 自评得分, when any was given.
    pub self_total: Option<Score>,
    /// Every finding of this return.
    pub findings: Vec<Finding>,
    /// 审核状态.
    pub status: Status,
    /// The template came back unfilled.
    pub blank: bool,
    /// The total before 复核 changed any score (`None` when no review applied).
    pub computed_total: Option<Score>,
    /// Whether the department returned on time ([`crate::round`] decides, once every return
    /// is known).
    pub timeliness: crate::domain::Timeliness,
    /// When the return in use counts as received (set by the round).
    pub receipt: Option<crate::domain::Receipt>,
}

/// A department's indicator results: held in memory, or spilled to the run's [`Spill`].
#[derive(Clone)]
enum Results<'p> {
    Held(Vec<IndicatorResult<'p>>),
    Spilled {
        spill: Arc<Spill>,
        slot: Slot,
        plan: &'p Plan,
        count: usize,
    },
}

impl std::fmt::Debug for Results<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Results::Held(v) => v.fmt(f),
            Results::Spilled { slot, count, .. } => f
                .debug_struct("Spilled")
                .field("slot", slot)
                .field("count", count)
                .finish(),
        }
    }
}

/// What a department's total means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Accepted: total, grade and rank stand.
    Scored,
    /// Sent back (退回): the total is provisional (暂计), there is no grade and no rank.
    Provisional,
    /// Sent back unfilled: there is no total at all (未填写).
    Blank,
}

impl<'p> Evaluation<'p> {
    /// Every plan indicator's result, in plan order. Read back from the run's [`Spill`] when
    /// the evaluation was spilled; the error is then the temporary file's.
    pub fn indicators(&self) -> std::io::Result<Cow<'_, [IndicatorResult<'p>]>> {
        match &self.indicators {
            Results::Held(v) => Ok(Cow::Borrowed(v)),
            Results::Spilled {
                spill, slot, plan, ..
            } => spill.get(plan, *slot).map(Cow::Owned),
        }
    }

    /// How many indicator results there are (without reading a spill).
    pub fn indicator_count(&self) -> usize {
        match &self.indicators {
            Results::Held(v) => v.len(),
            Results::Spilled { count, .. } => *count,
        }
    }

    /// Changes the indicator results with `change`, which says whether it changed any; a
    /// spilled evaluation's changed results are spilled again.
    pub fn update_indicators(
        &mut self,
        change: impl FnOnce(&mut [IndicatorResult<'p>]) -> bool,
    ) -> std::io::Result<bool> {
        match &mut self.indicators {
            Results::Held(v) => Ok(change(v)),
            Results::Spilled {
                spill, slot, plan, ..
            } => {
                let mut v = spill.get(plan, *slot)?;
                let changed = change(&mut v);
                if changed {
                    *slot = spill.put(plan, &v)?;
                }
                Ok(changed)
            }
        }
    }

    /// Moves the indicator results out of memory into `spill`. When they cannot be written
    /// they stay in memory (the run only uses more of it) and the error is returned.
    pub fn spill(&mut self, spill: &Arc<Spill>, plan: &'p Plan) -> std::io::Result<()> {
        let Results::Held(v) = &self.indicators else {
            return Ok(());
        };
        let slot = spill.put(plan, v)?;
        self.indicators = Results::Spilled {
            spill: Arc::clone(spill),
            slot,
            plan,
            count: v.len(),
        };
        Ok(())
    }

    /// The department.
    pub fn dept(&self) -> &Department {
        self.inputs.dept
    }

    /// Whether the total stands, is provisional, or was never filled in.
    pub fn state(&self) -> State {
        match (self.blank, self.status) {
            (true, _) => State::Blank,
            (false, Status::Rejected) => State::Provisional,
            _ => State::Scored,
        }
    }

    /// The grade, only for an accepted return.
    pub fn grade(&self) -> Option<&str> {
        (self.state() == State::Scored).then_some(self.totals.grade.as_str())
    }
}

/// The input without 佐证材料, and without 偏差原因 unless the indicator lost points (the
/// report drafts quote it there): a province's run should not hold every text its
/// departments typed.
fn without_free_texts(input: IndicatorInput<'_>, lost_points: bool) -> IndicatorInput<'_> {
    IndicatorInput {
        reason: if lost_points {
            input.reason
        } else {
            String::new()
        },
        evidence: String::new(),
        ..input
    }
}

/// Scores a validated return. Each indicator input moves into its result (the return's
/// texts are held once).
///
/// `last` is the department's results of the year before, when known: a 趋势 indicator
/// whose 基准值 the plan left blank compares with last year's actual, and a 上年实际完成值
/// the return repeats is checked against it.
pub fn evaluate<'p>(
    plan: &'p Plan,
    mut inputs: Inputs<'p>,
    last: Option<LastYear<'_>>,
) -> Evaluation<'p> {
    let mut findings = std::mem::take(&mut inputs.findings);
    let file = inputs.file.clone();
    let at = |cell: Option<CellRef>| match cell {
        Some(c) => Location::cell(file.as_str(), SHEET_INDICATORS, c),
        None => Location::sheet(file.as_str(), SHEET_INDICATORS),
    };
    let tolerance = plan.settings.tolerance.value();
    let blank = nothing_entered(&inputs);
    let indicator_inputs = std::mem::take(&mut inputs.indicators);
    let repeated = std::mem::take(&mut inputs.repeated_previous);
    let budget = crate::validate::BudgetSummary::of(&inputs.budget)
        .adjusted
        .value();
    let mut results = Vec::with_capacity(indicator_inputs.len());
    for (index, input) in indicator_inputs.into_iter().enumerate() {
        let ind = input.indicator;
        let reason_given = !input.reason.trim().is_empty();
        if input.row.is_none() {
            results.push(IndicatorResult {
                input,
                scored: None,
                reason_given,
                review: None,
            });
            continue;
        }
        let name = format!("指标「{}」（{}）", ind.code, ind.level3);
        if let Some(l) = last
            && let Some(r) = repeated.iter().find(|r| r.index == index)
            && let Some(f) = previous_differs(&l, ind, &r.text, &name, at(Some(r.cell)))
        {
            findings.push(f);
        }
        let with_baseline = last.and_then(|l| l.with_baseline(ind));
        let rules = with_baseline.as_ref().unwrap_or(ind);
        let expected = AnswerKind::of(rules).describe();
        // A self-score given against a weight the bureau has since lowered counts up to the
        // new weight.
        let own = match input.self_score {
            Some(s) if input.weight_changed => Some(s.min(ind.weight.value())),
            other => other,
        };
        let computed = ind
            .computed
            .map(|source| computed::actual(source, &inputs.budget));
        let exact = match &computed {
            Some(Ok(c)) => c.exact(),
            _ => String::new(),
        };
        let typed = match &computed {
            Some(Ok(_)) => exact.as_str(),
            Some(Err(why)) => {
                findings.push(Finding::new(
                    Code::ValueUnreadable,
                    at(input.cells.actual),
                    format!("{name}的实际值取自「预算执行」，但{why}，无法计算"),
                    "请在「预算执行」表填写每个项目的执行数",
                ));
                results.push(IndicatorResult {
                    input: without_free_texts(input, false),
                    scored: None,
                    reason_given,
                    review: None,
                });
                continue;
            }
            None => input.actual.as_str(),
        };
        if let Some(slip) = crate::score::implausible(rules, typed, Some(budget)) {
            findings.push(Finding::new(
                Code::ValueOutOfRange,
                at(input.cells.actual),
                slip.message(&name),
                slip.hint(),
            ));
            results.push(IndicatorResult {
                input: without_free_texts(input, false),
                scored: None,
                reason_given,
                review: None,
            });
            continue;
        }
        let scored = match score_indicator(rules, typed, own) {
            Ok(mut s) => {
                if let Some(Ok(c)) = &computed {
                    s.actual = c.text.clone();
                    s.explanation = format!("{}；{}", c.explain(), s.explanation);
                    if let Some(f) = c.mismatch(ind, &input.actual, &name, at(input.cells.actual)) {
                        findings.push(f);
                    }
                }
                Some(s)
            }
            Err(e) => {
                let (code, cell) = match &e {
                    ScoreError::Empty => (Code::RequiredEmpty, input.cells.actual),
                    ScoreError::Negative(_) => (Code::ValueOutOfRange, input.cells.actual),
                    ScoreError::MissingSelfScore => (Code::RequiredEmpty, input.cells.self_score),
                    ScoreError::NotApplicableRefused => {
                        (Code::NotApplicableRefused, input.cells.actual)
                    }
                    // Already reported by validation (V04).
                    ScoreError::SelfScoreOutOfRange { .. } => {
                        results.push(IndicatorResult {
                            input: without_free_texts(input, false),
                            scored: None,
                            reason_given,
                            review: None,
                        });
                        continue;
                    }
                    _ => (Code::ValueUnreadable, input.cells.actual),
                };
                let msg = match &e {
                    ScoreError::Empty => format!("{name}未填写实际完成值"),
                    ScoreError::MissingSelfScore => {
                        format!("{name}为{}类指标，须填写自评得分", ind.rule.kind_label())
                    }
                    other => format!("{name}：{other}"),
                };
                findings.push(Finding::new(code, at(cell), msg, expected.clone()));
                None
            }
        };
        if let Some(s) = &scored {
            if let Some(p) = rate_above_full(ind, typed) {
                findings.push(Finding::new(
                    Code::RateAbove100,
                    at(input.cells.actual),
                    format!(
                        "{name}填报 {}%，超过 100%（目标 {}）；已按满分计",
                        fmt_plain(p),
                        ind.target_text
                    ),
                    "请核对：率通常不超过 100%，如确实超过请在偏差原因中说明",
                ));
            }
            if let Some(a) = &s.ambiguous {
                findings.push(Finding::new(
                    Code::PercentAmbiguous,
                    at(input.cells.actual),
                    format!(
                        "{name}填报「{}」，可读作 {}% 或 {}%；按更接近目标「{}」的 {}% 计分",
                        a.typed,
                        fmt_plain(a.used),
                        fmt_plain(a.other),
                        ind.target_text,
                        fmt_plain(a.used)
                    ),
                    format!(
                        "如实际是 {}%，请改填「{}%」（带 % 号）后重新报送",
                        fmt_plain(a.other),
                        fmt_plain(a.other)
                    ),
                ));
            }
            if !ind.rule.needs_peers() {
                findings.extend(score_findings(
                    &inputs.file,
                    &input,
                    s,
                    reason_given,
                    tolerance,
                ));
            }
        }
        let lost = scored
            .as_ref()
            .is_some_and(|s| s.score < ind.weight && !s.not_applicable);
        results.push(IndicatorResult {
            input: without_free_texts(input, lost),
            scored,
            reason_given,
            review: None,
        });
    }
    let t = totals_of(&results, plan);
    let own: Vec<Score> = results
        .iter()
        .filter_map(|r| r.input.self_score.map(Score))
        .collect();
    let self_total = (!own.is_empty()).then(|| own.into_iter().sum::<Score>().rounded());
    if blank {
        collapse_blank(&inputs.file, &mut findings);
    }
    sort_findings(&mut findings);
    let status = Status::of(&findings);
    Evaluation {
        inputs,
        indicators: Results::Held(results),
        totals: t,
        self_total,
        findings,
        status,
        blank,
        computed_total: None,
        timeliness: crate::domain::Timeliness::Unknown,
        receipt: None,
    }
}

/// A 上年实际完成值 the return repeats that is not what the department reported last year
/// (the template was issued before last year's results were final, or the column was
/// changed): a 警告 with both values; last year's result stands.
fn previous_differs(
    last: &LastYear<'_>,
    ind: &crate::plan::Indicator,
    typed: &str,
    name: &str,
    at: Location,
) -> Option<Finding> {
    let typed = normalize_text(typed);
    if typed.is_empty() || typed == NO_PREVIOUS {
        return None;
    }
    let recorded = last.actual(&ind.code);
    let same = recorded.is_some_and(|r| {
        let r = normalize_text(r);
        r == typed
            || matches!(
                (parse_value(&r), parse_value(&typed)),
                (Value::Number { value: a, percent: p, .. }, Value::Number { value: b, percent: q, .. })
                    if a == b && p == q
            )
    });
    if same {
        return None;
    }
    let year = last.year;
    let msg = match recorded {
        Some(r) => format!(
            "{name}的上年实际完成值为「{typed}」，与 {year} 年汇总结果「{r}」不一致；以 {year} 年汇总结果为准"
        ),
        None => format!(
            "{name}的上年实际完成值为「{typed}」，但 {year} 年汇总结果中没有本部门该指标的数值"
        ),
    };
    Some(Finding::new(
        Code::PreviousDiffers,
        at,
        msg,
        "请核对上年数值；如上年结果有误，请与财政局联系",
    ))
}

/// Adds up the results (unreadable values count 0, 不适用 drops out, a 复核 decision replaces
/// the computed score).
pub fn totals_of(results: &[IndicatorResult<'_>], plan: &Plan) -> Totals {
    totals(
        results.iter().map(|r| {
            let s = r.scored.as_ref();
            (
                r.input.indicator,
                r.final_score().unwrap_or(Score::ZERO),
                s.is_some_and(|s| s.not_applicable) && r.review.is_none(),
            )
        }),
        &plan.settings.grades,
    )
}

/// The findings that depend on an indicator's final score: how it came about (outside a 定性
/// band, compared with nobody), 待复核, a self-score far from it, a missing 偏差原因.
fn score_findings(
    file: &str,
    input: &IndicatorInput<'_>,
    s: &Scored,
    reason_given: bool,
    tolerance: Decimal,
) -> Vec<Finding> {
    let ind: &Indicator = input.indicator;
    let name = format!("指标「{}」（{}）", ind.code, ind.level3);
    let at = |cell: Option<CellRef>| match cell {
        Some(c) => Location::cell(file, SHEET_INDICATORS, c),
        None => Location::sheet(file, SHEET_INDICATORS),
    };
    let mut out = Vec::new();
    if s.not_applicable {
        return out;
    }
    match s.caution.as_deref() {
        Some(Caution::OutsideBand {
            own,
            used,
            label,
            range,
        }) => out.push(Finding::new(
            Code::OutsideBand,
            at(input.cells.self_score),
            format!(
                "{name}评定「{label}」（权重的 {range}），自评得分 {} 不在此范围；按 {} 计分",
                fmt_plain(*own),
                fmt2(*used)
            ),
            "请核对所选档次与自评得分是否一致",
        )),
        Some(Caution::Alone) => out.push(Finding::new(
            Code::ComparedAlone,
            at(input.cells.actual),
            format!(
                "{name}按{}计分，但没有其他已通过审核的部门可比较；{}",
                ind.rule.kind_label(),
                s.explanation
            ),
            "其他部门报送或重报后，本指标得分可能变化",
        )),
        None => {}
    }
    if s.review {
        out.push(Finding::new(
            Code::NeedsReview,
            at(input.cells.self_score),
            format!(
                "{name}为{}类指标，采用自评得分 {}，待财政局复核",
                ind.rule.kind_label(),
                s.score
            ),
            "请准备好佐证材料备查",
        ));
    } else if let Some(own) = input.self_score
        && !input.weight_changed
        && own <= ind.weight.value()
        && (own - s.score.value()).abs() > tolerance
    {
        out.push(Finding::new(
            Code::SelfScoreDiffers,
            at(input.cells.self_score),
            format!(
                "{name}自评得分 {}，按评分规则计算为 {}（{}）",
                fmt_plain(own),
                fmt2(s.score.value()),
                s.explanation
            ),
            format!(
                "差异超过 {} 分，请核对实际完成值或自评得分",
                fmt_plain(tolerance)
            ),
        ));
    }
    if s.score < ind.weight && !reason_given && !ind.rule.is_reviewed() {
        out.push(Finding::new(
            Code::ReasonMissing,
            at(input.cells.reason),
            format!(
                "{name}未得满分（{} / {}），但未填写偏差原因及改进措施",
                s.score,
                fmt2(ind.weight.value())
            ),
            "请说明未完成的原因和下一步改进措施",
        ));
    }
    out
}

/// A 率 reported above 100% where the target is 100%: worth a look, never more than full marks.
fn rate_above_full(ind: &crate::plan::Indicator, actual: &str) -> Option<rust_decimal::Decimal> {
    use crate::plan::{Cmp, Target};
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    let full = matches!(&*ind.target,
        Target::Compare { cmp: Cmp::Ge | Cmp::Eq, value, unit } if unit == "%" && *value == hundred);
    if !full || !ind.level3.contains('率') {
        return None;
    }
    crate::score::as_percent(ind, actual).filter(|p| *p > hundred)
}

/// Whether the template came back unfilled (and has indicator rows at all).
fn nothing_entered(inputs: &Inputs<'_>) -> bool {
    inputs
        .indicators
        .iter()
        .all(|i| i.actual.trim().is_empty() && i.self_score.is_none())
        && inputs.budget.iter().all(|b| b.spent.is_none())
        && inputs.indicators.iter().any(|i| i.row.is_some())
}

/// A template sent back unfilled gets one finding, not one per empty cell.
fn collapse_blank(file: &str, findings: &mut Vec<Finding>) {
    findings.retain(|f| {
        !matches!(
            f.code,
            Code::RequiredEmpty
                | Code::SelfScoreEmpty
                | Code::SpentMissing
                | Code::InfoEmpty
                | Code::ReasonMissing
                | Code::LowExecution
        )
    });
    findings.push(Finding::new(
        Code::RequiredEmpty,
        Location::file(file),
        "自评表尚未填写：实际完成值、自评得分和执行数都是空的（可能报送了空白模板）",
        "请填写「基本信息」「预算执行」「绩效指标」中的黄色单元格后重新报送",
    ));
}

/// Errors first, then warnings, then notes; within a level, in the order a reader meets them
/// in the workbook (sheet order of the template, then row, then column).
pub fn sort_findings(findings: &mut [Finding]) {
    use crate::layout::template::{SHEET_BUDGET, SHEET_INDICATORS, SHEET_INFO, SHEET_META};
    let sheet_rank = |s: &Option<String>| match s.as_deref() {
        None => 0,
        Some(SHEET_META) => 1,
        Some(SHEET_INFO) => 2,
        Some(SHEET_BUDGET) => 3,
        Some(SHEET_INDICATORS) => 4,
        Some(_) => 5,
    };
    findings.sort_by(|a, b| {
        a.level
            .cmp(&b.level)
            .then_with(|| sheet_rank(&a.location.sheet).cmp(&sheet_rank(&b.location.sheet)))
            .then_with(|| {
                let key = |f: &Finding| f.location.cell.map(|c| (c.row, c.col));
                key(a).cmp(&key(b))
            })
    });
}
