//! `jixiao collect`: plan + INPUTs → the consolidated workbook, 审核意见 and summary.json in
//! the output folder, and a short summary on the terminal.
//!
//! Every output is written to a temporary name and renamed; an unwritable output is a run
//! failure (exit 1) naming the path. Inputs are only read.

use super::Outcome;
use crate::consolidate::{self, Report, RunInfo};
use crate::output;
use crate::terminal;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Checked arguments of `collect`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The plan workbook.
    pub plan: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// Files and folders to read (each exists).
    pub inputs: Vec<PathBuf>,
    /// Exit 3 when a return must be sent back.
    pub strict: bool,
}

impl Config {
    /// Fills what the command line left out from the year folder (`回收/` → `汇总/`) and checks
    /// that every input exists.
    pub fn from_args(a: super::args::CollectArgs) -> Result<Self> {
        let (plan, year) = super::YearFolder::for_plan(a.plan.as_deref())?;
        let inputs = default_inputs(a.inputs, &year)?;
        super::year::check_inputs(&inputs)?;
        Ok(Self {
            plan,
            output: a.output.unwrap_or_else(|| year.results()),
            inputs,
            strict: a.strict,
        })
    }

    /// `collect` over a year folder given alone (dropped onto jixiao.exe).
    pub fn of_year_folder(root: &Path) -> Result<Self> {
        let year = super::YearFolder::at(root)?;
        let inputs = default_inputs(Vec::new(), &year)?;
        super::year::check_inputs(&inputs)?;
        Ok(Self {
            plan: year.plan(),
            output: year.results(),
            inputs,
            strict: false,
        })
    }
}

/// The inputs given, or the year folder's `回收/`, which must then exist.
pub(super) fn default_inputs(
    given: Vec<PathBuf>,
    year: &super::YearFolder,
) -> Result<Vec<PathBuf>, super::UsageError> {
    if !given.is_empty() {
        return Ok(given);
    }
    let returns = year.returns();
    if returns.is_dir() {
        Ok(vec![returns])
    } else {
        Err(super::UsageError(format!(
            "未指定报送文件或目录，{} 也不存在：请给出报送文件所在的目录，或把报送文件放进年度文件夹的 {}/ 中",
            returns.display(),
            super::year::RETURNS_DIR
        )))
    }
}

/// A run over inputs that hold no spreadsheet, mail or archive at all is a run error: it would
/// report every department as 未报送.
pub(super) fn refuse_empty(a: &crate::pipeline::Assessment, inputs: &[PathBuf]) -> Result<()> {
    if a.evaluations.is_empty() && a.unmatched.iter().all(|u| u.is_ignorable()) {
        let shown: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!(
            "{} 中没有任何电子表格、邮件或压缩包（共 {} 个文件），未生成汇总。请检查是否选错了目录",
            shown.join("、"),
            a.files_read
        );
    }
    Ok(())
}

use crate::layout::consolidated::{FEEDBACK_DIR, SUMMARY_FILE};

/// Where `collect` put its outputs.
#[derive(Debug, Clone)]
pub struct Written {
    /// The consolidated workbook.
    pub workbook: PathBuf,
    /// summary.json.
    pub summary: PathBuf,
    /// The feedback texts.
    pub feedback: Vec<PathBuf>,
}

/// Reads, validates, scores and consolidates.
pub fn run(config: &Config) -> Result<Outcome> {
    let (written, blocked) = collect(config)?;
    let _ = written;
    Ok(if config.strict && blocked {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}

/// Runs the whole collection; returns what was written and whether any return must be sent
/// back.
pub fn collect(config: &Config) -> Result<(Written, bool)> {
    let timer = super::timer();
    let plan = super::read_plan(&config.plan)?;
    timer.lap("读取评价方案");
    let assessment =
        super::assess_with_progress(&plan, &config.inputs, std::slice::from_ref(&config.output));
    timer.lap("读取、审核并评分回收表");
    refuse_empty(&assessment, &config.inputs)?;
    std::fs::create_dir_all(&config.output)
        .with_context(|| format!("无法创建输出目录 {}", config.output.display()))?;
    let report = Report::new(&plan, &assessment, RunInfo::new(&plan.file, &config.inputs));

    // The consolidated workbook is built on one thread while the per-department files,
    // summary.json and the feedback texts are written, in parallel, on the others. The bar counts the
    // workbook, each department file and the texts.
    let separate = consolidate::workbook::separate_department_files(&report);
    let files = if separate {
        assessment.evaluations.len()
    } else {
        0
    };
    let progress = terminal::Progress::new(files as u64 + 2, "写入汇总结果");
    let (workbook, rest) = rayon::join(
        || {
            let path = write_workbook(&config.output, &report);
            timer.lap("汇总表");
            progress.tick();
            path
        },
        || -> Result<(PathBuf, Vec<PathBuf>)> {
            let (files, texts) = rayon::join(
                || -> Result<()> {
                    if separate {
                        write_department_files(
                            &config.output.join(consolidate::workbook::DEPARTMENT_DIR),
                            &report,
                            &progress,
                        )?;
                    }
                    timer.lap("部门评分表");
                    Ok(())
                },
                || -> Result<(PathBuf, Vec<PathBuf>)> {
                    let summary = config.output.join(SUMMARY_FILE);
                    let json = consolidate::summary::json(&report);
                    output::write_atomic(&summary, json.as_bytes())?;
                    let feedback = write_feedback(&config.output.join(FEEDBACK_DIR), &report)?;
                    progress.tick();
                    Ok((summary, feedback))
                },
            );
            files?;
            texts
        },
    );
    progress.finish();
    let (workbook, (summary, feedback)) = (workbook?, rest?);
    timer.lap("全部输出");

    anstream::print!(
        "{}",
        terminal::collect_text(
            &report,
            &workbook,
            &summary,
            &config.output.join(FEEDBACK_DIR),
            feedback.len()
        )
    );
    let blocked = assessment.has_errors();
    Ok((
        Written {
            workbook,
            summary,
            feedback,
        },
        blocked,
    ))
}

/// Builds the consolidated workbook and streams it into its file; returns its path.
fn write_workbook(dir: &Path, report: &Report) -> Result<PathBuf> {
    let path = dir.join(consolidate::workbook::file_name(report.plan.settings.year));
    let mut wb = consolidate::workbook::build(report)
        .with_context(|| format!("生成汇总表 {} 失败", path.display()))?;
    output::write_atomic_with(&path, |f| {
        wb.save_to_writer(f).map_err(std::io::Error::other)
    })?;
    Ok(path)
}

/// Writes one score file per evaluated department, in parallel.
fn write_department_files(
    dir: &Path,
    report: &Report,
    progress: &terminal::Progress,
) -> Result<()> {
    use rayon::prelude::*;
    report
        .rows
        .par_iter()
        .filter(|r| r.eval.is_some())
        .try_for_each(|row| -> Result<()> {
            let (name, bytes) = consolidate::workbook::department_file(report, row)
                .with_context(|| format!("生成 {} 的评分表失败", row.dept.name))?;
            output::write_atomic(&dir.join(name), &bytes)?;
            progress.tick();
            Ok(())
        })
}

/// Writes this run's feedback texts and removes the ones an earlier run left for departments
/// that no longer have findings (only files named after plan departments are touched).
fn write_feedback(dir: &Path, report: &Report) -> Result<Vec<PathBuf>> {
    use rayon::prelude::*;
    let texts = consolidate::feedback::texts(report);
    let written = texts
        .par_iter()
        .map(|(name, text)| -> Result<PathBuf> {
            let path = dir.join(name);
            output::write_atomic(&path, text.as_bytes())?;
            Ok(path)
        })
        .collect::<Result<Vec<PathBuf>>>()?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        use std::collections::HashSet;
        let ours: HashSet<String> = report
            .plan
            .departments
            .iter()
            .map(consolidate::feedback::file_name)
            .collect();
        let current: HashSet<&str> = texts.iter().map(|(n, _)| n.as_str()).collect();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if ours.contains(&name) && !current.contains(name.as_str()) {
                std::fs::remove_file(entry.path()).with_context(|| {
                    format!("无法删除过期的审核意见 {}", entry.path().display())
                })?;
            }
        }
    }
    Ok(written)
}
