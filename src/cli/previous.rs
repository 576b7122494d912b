//! Earlier years' results for `collect` and `issue`: `--previous` paths, or the year-folder
//! layout's `../{year−1}/汇总/` and earlier → the [`PreviousYear`]s read, said on the terminal.

use crate::history::PreviousYear;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Where earlier years' results come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviousSource {
    /// `--previous`, each an output folder or its summary.json.
    Given(Vec<PathBuf>),
    /// The year folder convention: `../{year−1}/汇总/`, `../{year−2}/汇总/` … as far back as
    /// they exist.
    Beside(PathBuf),
}

impl PreviousSource {
    /// The earlier years' results for a plan of `year` (in the year-folder layout, as far back
    /// as `years` years).
    pub fn read(&self, year: i32, years: i32) -> Result<Vec<PreviousYear>> {
        let paths: Vec<PathBuf> = match self {
            PreviousSource::Given(p) => p.clone(),
            PreviousSource::Beside(root) => {
                let parent = root
                    .canonicalize()
                    .ok()
                    .and_then(|r| r.parent().map(Path::to_path_buf));
                let Some(parent) = parent else {
                    return Ok(Vec::new());
                };
                (1..=years)
                    .map(|k| {
                        parent
                            .join((year - k).to_string())
                            .join(super::year::RESULTS_DIR)
                    })
                    .take_while(|p| crate::history::summary_path(p).is_file())
                    .collect()
            }
        };
        let mut out = Vec::new();
        for p in paths {
            let prev = crate::history::read_previous(&p, year).with_context(|| {
                format!(
                    "往年结果 {} 无法使用",
                    crate::history::summary_path(&p).display()
                )
            })?;
            if let Some(same) = out.iter().find(|o: &&PreviousYear| o.year == prev.year) {
                anyhow::bail!(
                    "往年结果 {} 与 {} 都是 {} 年度的结果：每个年度只能给一份，请去掉其中一个 --previous",
                    same.file.display(),
                    prev.file.display(),
                    prev.year
                );
            }
            out.push(prev);
        }
        Ok(out)
    }
}

impl PreviousSource {
    /// `--previous` as given (each must be an output folder or a summary.json), else the year
    /// folder's neighbours.
    pub fn of_args(
        given: Vec<PathBuf>,
        year: &super::YearFolder,
    ) -> Result<Self, super::UsageError> {
        if given.is_empty() {
            return Ok(PreviousSource::Beside(year.root.clone()));
        }
        for p in &given {
            if !crate::history::summary_path(p).is_file() {
                return Err(super::UsageError(format!(
                    "找不到往年结果 {}：应为往年的汇总目录或其中的 summary.json",
                    p.display()
                )));
            }
        }
        Ok(PreviousSource::Given(given))
    }
}

/// Of the earlier years read, the year just before `year`, when among them: the one whose
/// figures a return repeats and whose actuals serve as blank 趋势 baselines.
pub fn last_year(previous: &[PreviousYear], year: i32) -> Option<&PreviousYear> {
    previous.iter().find(|p| p.year == year - 1)
}

/// Tells the bureau where a 趋势 indicator's plan 基准值 is not what the department
/// reported last year (the template shows, and scoring uses, the plan's), at most ten lines.
pub fn say_baseline_differences(plan: &crate::plan::Plan, last: &PreviousYear) {
    let lines = crate::history::baseline_differences(plan, last);
    if lines.is_empty() {
        return;
    }
    eprintln!(
        "提示：{} 处趋势指标的方案基准值与 {} 年报送的实际完成值不同；模板显示、计分使用的都是方案基准值，如应以上年数为准，请改方案后再下发：",
        lines.len(),
        last.year
    );
    for line in lines.iter().take(10) {
        eprintln!("  {line}");
    }
    if lines.len() > 10 {
        eprintln!("  ……另有 {} 处", lines.len() - 10);
    }
}
