//! Earlier years: the `summary.json` jixiao wrote for a previous year → a [`PreviousYear`]
//! (each department's total, rank, grade, execution rate and every indicator's actual and
//! score), for the comparison columns and the 历年得分 sheet.
//!
//! A file that jixiao did not write, or that is of the same or a later year than the one
//! evaluated, is refused with a [`HistoryError`] that says which; nothing is guessed.

pub mod roll;

use crate::domain::{DeptCode, IndicatorCode};
use crate::plan::{Indicator, Rule};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One department's results of an earlier year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousDept {
    /// Its name that year.
    pub name: String,
    /// 审核状态 that year (通过, 有警告, 退回, 未报送).
    pub status: String,
    /// Total of an accepted return.
    pub total: Option<Decimal>,
    /// Rank among the accepted returns.
    pub rank: Option<u32>,
    /// Grade.
    pub grade: Option<String>,
    /// 预算执行率 (percent).
    pub rate: Option<Decimal>,
    /// Each indicator's actual as understood and its score.
    pub indicators: BTreeMap<IndicatorCode, (String, Option<Decimal>)>,
}

/// An earlier year's results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousYear {
    /// 评价年度.
    pub year: i32,
    /// The file read.
    pub file: PathBuf,
    /// Departments by code.
    pub depts: BTreeMap<DeptCode, PreviousDept>,
}

impl PreviousYear {
    /// A department's results, if it was evaluated that year.
    pub fn dept(&self, code: &DeptCode) -> Option<&PreviousDept> {
        self.depts.get(code)
    }

    /// The city's average total over the accepted returns.
    pub fn average(&self) -> Option<Decimal> {
        let totals: Vec<Decimal> = self.depts.values().filter_map(|d| d.total).collect();
        (!totals.is_empty()).then(|| {
            crate::domain::round2(
                totals.iter().copied().sum::<Decimal>() / Decimal::from(totals.len()),
            )
        })
    }
}

/// Last year's results of one department: shown in its template, and the 基准值 of a 趋势
/// indicator the plan left blank.
#[derive(Debug, Clone, Copy)]
pub struct LastYear<'a> {
    /// The year.
    pub year: i32,
    /// The department's results that year, if it was evaluated.
    pub dept: Option<&'a PreviousDept>,
}

impl<'a> LastYear<'a> {
    /// Department `code`'s results in `year`'s results.
    pub fn of(year: &'a PreviousYear, code: &DeptCode) -> Self {
        LastYear {
            year: year.year,
            dept: year.dept(code),
        }
    }

    /// The actual reported for indicator `code`, as understood that year.
    pub fn actual(&self, code: &IndicatorCode) -> Option<&'a str> {
        self.dept
            .and_then(|d| d.indicators.get(code))
            .map(|(a, _)| a.as_str())
    }

    /// Last year's numeric actual of a 趋势 indicator whose plan 基准值 is another figure:
    /// the plan's is the one scored, and the bureau should know before issue.
    pub fn other_baseline(&self, ind: &Indicator) -> Option<Decimal> {
        let plan = ind
            .baseline
            .filter(|_| matches!(*ind.rule, Rule::Trend(_)))?;
        match crate::text::parse_value(self.actual(&ind.code)?) {
            crate::text::Value::Number { value, .. } if value != plan => Some(value),
            _ => None,
        }
    }

    /// `ind` with last year's actual as its 基准值, when it is a 趋势 indicator whose 基准值 the
    /// plan left blank and the department's return was accepted last year with a number for
    /// it. A return sent back may hold anything, and a word (下降) is no baseline.
    pub fn with_baseline(&self, ind: &Indicator) -> Option<Indicator> {
        if !matches!(*ind.rule, Rule::Trend(_)) || ind.baseline.is_some() {
            return None;
        }
        let dept = self.dept.filter(|d| d.total.is_some())?;
        let (actual, _) = dept.indicators.get(&ind.code)?;
        match crate::text::parse_value(actual) {
            crate::text::Value::Number { value, .. } => {
                let mut with = ind.clone();
                with.baseline = Some(value);
                with.baseline_from = Some(self.year);
                Some(with)
            }
            _ => None,
        }
    }
}

/// Every place where a 趋势 indicator's plan 基准值 differs from what the department
/// reported last year, as lines for the bureau: `市应急管理局（001）GX07 方案基准值 50，2025
/// 年报送 55`.
pub fn baseline_differences(plan: &crate::plan::Plan, last: &PreviousYear) -> Vec<String> {
    let mut lines = Vec::new();
    for dept in &plan.departments {
        let l = LastYear::of(last, &dept.code);
        for ind in plan.indicators_for(dept) {
            if let (Some(before), Some(b)) = (l.other_baseline(ind), ind.baseline) {
                lines.push(format!(
                    "{}（{}）{} 方案基准值 {}，{} 年报送 {}",
                    dept.name,
                    dept.code,
                    ind.code,
                    crate::domain::fmt_plain(b),
                    last.year,
                    crate::domain::fmt_plain(before)
                ));
            }
        }
    }
    lines
}

/// A previous year's file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HistoryError {
    /// Not readable.
    #[error("无法读取：{0}")]
    Unreadable(String),
    /// Not a summary.json jixiao wrote.
    #[error("不是 jixiao 写出的 summary.json（{0}）")]
    NotJixiao(String),
    /// The same year as the one evaluated.
    #[error("是 {0} 年度的结果，与本次评价年度相同；上年结果应为 {1} 年度")]
    SameYear(i32, i32),
    /// A later year.
    #[error("是 {0} 年度的结果，晚于本次评价年度 {1}")]
    LaterYear(i32, i32),
    /// A field holds what jixiao never writes (the file was edited).
    #[error(
        "部门 {dept} 的「{field}」为「{value}」，{why}（文件可能被修改过，请使用 jixiao 写出的原文件）"
    )]
    Field {
        /// The department's code.
        dept: String,
        /// The field, as summary.json names it (`total`, `indicators[GX01].score` …).
        field: String,
        /// What it holds.
        value: String,
        /// What it should be, in Chinese.
        why: &'static str,
    },
    /// A department is listed twice.
    #[error("部门编码 {0} 出现了不止一次（文件可能被修改过，请使用 jixiao 写出的原文件）")]
    DuplicateDept(String),
}

/// A decimal that a summary.json field holds: `None` when absent, an error when it holds
/// something else than a number within `lo..=hi`.
fn bounded(
    dept: &str,
    field: impl Fn() -> String,
    value: &Option<String>,
    lo: Decimal,
    hi: Decimal,
    why: &'static str,
) -> Result<Option<Decimal>, HistoryError> {
    let Some(text) = value.as_deref() else {
        return Ok(None);
    };
    match text.trim().parse::<Decimal>() {
        Ok(d) if d >= lo && d <= hi => Ok(Some(d)),
        _ => Err(HistoryError::Field {
            dept: dept.to_string(),
            field: field(),
            value: text.chars().take(40).collect(),
            why,
        }),
    }
}

#[derive(Deserialize)]
struct Summary {
    year: i32,
    generated_by: String,
    #[serde(default)]
    generated_at: String,
    #[serde(default)]
    plan_fingerprint: String,
    departments: Vec<Dept>,
}

#[derive(Deserialize)]
struct Dept {
    code: String,
    name: String,
    #[serde(default)]
    status: String,
    rank: Option<u32>,
    total: Option<String>,
    #[serde(default)]
    provisional_total: Option<String>,
    #[serde(default)]
    digest: Option<String>,
    grade: Option<String>,
    budget: Option<Budget>,
    #[serde(default)]
    indicators: Vec<Ind>,
}

#[derive(Deserialize)]
struct Budget {
    rate: Option<String>,
}

#[derive(Deserialize)]
struct Ind {
    code: String,
    actual: String,
    score: Option<String>,
}

/// The last run of this year, as the output folder's summary.json says: what a department's
/// scores were, so that a change that came from other departments' values (相对, 排名) can be
/// named in its letter and sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LastRun {
    /// When it ran (Beijing time).
    pub generated_at: String,
    /// Its plan's fingerprint (empty when not recorded).
    pub plan_fingerprint: String,
    /// Departments by code.
    pub depts: BTreeMap<DeptCode, LastRunDept>,
}

/// One department in the last run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LastRunDept {
    /// The content digest of the return used.
    pub digest: String,
    /// Its total (暂计 for a return sent back).
    pub total: Option<Decimal>,
    /// Each indicator's score.
    pub scores: BTreeMap<IndicatorCode, Option<Decimal>>,
}

/// The last run of year `year` in the output folder `dir`, when its summary.json is jixiao's
/// of that year (anything else: no last run).
pub fn read_last_run(dir: &Path, year: i32) -> Option<LastRun> {
    let text = std::fs::read_to_string(dir.join(crate::layout::consolidated::SUMMARY_FILE)).ok()?;
    let s: Summary = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    if !s.generated_by.starts_with("jixiao") || s.year != year {
        return None;
    }
    let dec = |t: &Option<String>| t.as_deref().and_then(|x| x.parse::<Decimal>().ok());
    Some(LastRun {
        generated_at: s.generated_at,
        plan_fingerprint: s.plan_fingerprint,
        depts: s
            .departments
            .into_iter()
            .map(|d| {
                (
                    DeptCode::new(d.code.as_str()),
                    LastRunDept {
                        digest: d.digest.clone().unwrap_or_default(),
                        total: dec(&d.total).or_else(|| dec(&d.provisional_total)),
                        scores: d
                            .indicators
                            .iter()
                            .map(|i| (IndicatorCode::new(i.code.as_str()), dec(&i.score)))
                            .collect(),
                    },
                )
            })
            .collect(),
    })
}

/// The summary.json of `path` (the file, or the output folder holding it).
pub fn summary_path(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join(crate::layout::consolidated::SUMMARY_FILE)
    } else {
        path.to_path_buf()
    }
}

/// Reads an earlier year's summary.json, for a plan of year `year`.
pub fn read_previous(path: &Path, year: i32) -> Result<PreviousYear, HistoryError> {
    let file = summary_path(path);
    let text = std::fs::read_to_string(&file)
        .map_err(|e| HistoryError::Unreadable(crate::domain::io_text(&e)))?;
    let s: Summary = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| HistoryError::NotJixiao("内容不是 jixiao 汇总结果的格式".into()))?;
    if !s.generated_by.starts_with("jixiao") {
        return Err(HistoryError::NotJixiao(format!(
            "由「{}」生成",
            s.generated_by
        )));
    }
    if s.year == year {
        return Err(HistoryError::SameYear(s.year, year - 1));
    }
    if s.year > year {
        return Err(HistoryError::LaterYear(s.year, year));
    }
    let hundred = Decimal::from(100);
    let score = |d: &str, f: &dyn Fn() -> String, v: &Option<String>| {
        bounded(d, f, v, Decimal::ZERO, hundred, "应为 0～100 之间的分数")
    };
    let mut depts = BTreeMap::new();
    for d in s.departments {
        let code = d.code.clone();
        let total = score(&code, &|| "total".into(), &d.total)?;
        let rate = bounded(
            &code,
            || "budget.rate".into(),
            &d.budget.and_then(|b| b.rate),
            Decimal::ZERO,
            Decimal::from(100_000),
            "应为不小于 0 的百分数",
        )?;
        if d.rank == Some(0) {
            return Err(HistoryError::Field {
                dept: code,
                field: "rank".into(),
                value: "0".into(),
                why: "名次应从 1 开始",
            });
        }
        let mut indicators = BTreeMap::new();
        for i in d.indicators {
            let field = || format!("indicators[{}].score", i.code);
            let value = score(&code, &field, &i.score)?;
            indicators.insert(IndicatorCode::new(i.code.as_str()), (i.actual, value));
        }
        let dept = PreviousDept {
            total,
            status: d.status,
            rank: d.rank,
            grade: d.grade,
            rate,
            indicators,
            name: d.name,
        };
        if depts.insert(DeptCode::new(code.as_str()), dept).is_some() {
            return Err(HistoryError::DuplicateDept(code));
        }
    }
    Ok(PreviousYear {
        year: s.year,
        file,
        depts,
    })
}
