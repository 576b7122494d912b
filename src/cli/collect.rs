//! `jixiao collect`: plan + INPUTs → the consolidated workbook, 审核意见 and summary.json in
//! the output folder, and a short summary on the terminal.
//!
//! Every output is written to a temporary name and renamed; an unwritable output is a run
//! failure (exit 1) naming the path. Inputs are only read.

use super::Outcome;
use super::previous::PreviousSource;
pub use super::review::ReviewSource;
use crate::consolidate::{self, Report, RunInfo};
use crate::layout::review::REVIEW_FILE;
use crate::output;
use crate::review::draw::SampleSize;
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
    /// Where the 复核 decisions come from.
    pub reviews: ReviewSource,
    /// 抽查: how many departments to draw, and the seed.
    pub sample: Option<(SampleSize, Option<u64>)>,
    /// Earlier years' results to compare with.
    pub previous: PreviousSource,
    /// Also write the Word report drafts.
    pub report: bool,
    /// Held files (身份存疑) the bureau accepts.
    pub accept: Vec<String>,
    /// The templates' folder, which the results must never be written over.
    pub templates: Option<PathBuf>,
}

/// Reads `--sample` and `--seed`.
fn sample_of(
    sample: Option<String>,
    seed: Option<u64>,
) -> Result<Option<(SampleSize, Option<u64>)>> {
    match (sample, seed) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(super::UsageError(
            "--seed 需要与 --sample 一起使用，如 --sample 5 --seed 2024".into(),
        )
        .into()),
        (Some(s), seed) => match SampleSize::parse(&s) {
            Some(size) => Ok(Some((size, seed))),
            None => Err(super::UsageError(format!(
                "--sample「{s}」无效：应为部门数（如 5）或比例（如 20%）"
            ))
            .into()),
        },
    }
}

impl Config {
    /// Fills what the command line left out from the year folder (`回收/` → `汇总/`) and checks
    /// that every input exists.
    pub fn from_args(a: super::args::CollectArgs) -> Result<Self> {
        let (plan, year) = super::YearFolder::for_plan(a.plan.as_deref())?;
        let inputs = default_inputs(a.inputs, &year)?;
        super::year::check_inputs(&inputs)?;
        let output = a.output.unwrap_or_else(|| year.results());
        let reviews = if a.reviews.is_empty() {
            ReviewSource::of_year(&year, &output)
        } else {
            for r in &a.reviews {
                if !r.is_file() {
                    return Err(super::UsageError(format!(
                        "找不到复核表 {}：文件不存在",
                        r.display()
                    ))
                    .into());
                }
            }
            ReviewSource::Given(a.reviews)
        };
        let previous = PreviousSource::of_args(a.previous, &year)?;
        Ok(Self {
            plan,
            report: a.report,
            previous,
            sample: sample_of(a.sample, a.seed)?,
            output,
            inputs,
            strict: a.strict,
            reviews,
            accept: a.accept,
            templates: Some(year.templates()),
        })
    }

    /// `collect` over a year folder given alone (dropped onto jixiao.exe).
    pub fn of_year_folder(root: &Path) -> Result<Self> {
        let year = super::YearFolder::at(root)?;
        let inputs = default_inputs(Vec::new(), &year)?;
        super::year::check_inputs(&inputs)?;
        Ok(Self {
            plan: year.plan(),
            reviews: ReviewSource::of_year(&year, &year.results()),
            previous: PreviousSource::Beside(year.root.clone()),
            report: false,
            output: year.results(),
            inputs,
            strict: false,
            sample: None,
            accept: Vec::new(),
            templates: Some(year.templates()),
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
    // One run per output at a time; everything is written into a staging folder beside the
    // output, and only a complete run replaces the output (until then the previous result
    // stays as it was).
    let mut keep_off: Vec<(&str, &Path)> = config
        .inputs
        .iter()
        .map(|p| ("报送目录", p.as_path()))
        .collect();
    if let Some(t) = &config.templates {
        keep_off.push(("模板目录", t.as_path()));
    }
    output::refuse_overlap(&config.output, &keep_off)?;
    let staging =
        output::Staging::begin(&config.output, &super::holder(), output::Writer::Collect)?;
    super::pause_point("locked");
    for note in &staging.notes {
        eprintln!("提示：{note}");
    }
    let timer = super::timer();
    let (plan, reading) = super::read_plan_and_returns(
        &config.plan,
        &config.inputs,
        std::slice::from_ref(&config.output),
    )?;
    timer.lap("读取评价方案");
    let previous = config.previous.read(plan.settings.year, 10)?;
    for p in &previous {
        eprintln!("提示：与 {} 年度比较：{}", p.year, p.file.display());
    }
    let last = super::previous::last_year(&previous, plan.settings.year);
    let round = super::round_context(&config.output, config.accept.clone())?;
    let mut assessment = super::assess_with_progress(&plan, reading, last, &round)?;
    for file in &assessment.accepted {
        eprintln!("提示：采用身份存疑的报送 {file}（财政局确认），已记入报送记录");
    }
    for given in &assessment.unmatched_accept {
        eprintln!(
            "提示：--accept 给出的「{given}」不是本次读取的任何报送（应为汇总表「身份冲突」中列出的文件名或其中的 .eml 文件名），未采用任何文件"
        );
    }
    timer.lap("读取、审核并评分回收表");
    refuse_empty(&assessment, &config.inputs)?;
    let out = staging.dir().to_path_buf();
    let reviews = super::review::apply(
        &plan,
        &mut assessment,
        (&config.reviews, &config.output, config.sample),
        &out,
    )?;
    let last_run = crate::history::read_last_run(&config.output, plan.settings.year);
    let report = Report::new(&plan, &assessment, RunInfo::new(&plan.file, &config.inputs))
        .with_reviews(reviews)
        .with_previous(previous)
        .with_last_run(last_run);

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
            let path = write_workbook(&out, &report);
            timer.lap("汇总表");
            progress.tick();
            path
        },
        || -> Result<(PathBuf, Vec<PathBuf>)> {
            let (files, texts) = rayon::join(
                || -> Result<()> {
                    if separate {
                        write_department_files(
                            &out.join(consolidate::workbook::DEPARTMENT_DIR),
                            &report,
                            &progress,
                        )?;
                    }
                    timer.lap("部门评分表");
                    Ok(())
                },
                || -> Result<(PathBuf, Vec<PathBuf>)> {
                    let review = out.join(REVIEW_FILE);
                    let bytes = consolidate::review_book::workbook(&report)
                        .map_err(crate::xlsx::io_error)
                        .with_context(|| format!("无法生成 {}", review.display()))?;
                    output::write_atomic(&review, &bytes)
                        .with_context(|| format!("无法写入 {}", review.display()))?;
                    let summary = out.join(SUMMARY_FILE);
                    output::write_atomic_with(&summary, |f| {
                        consolidate::summary::write_json(&report, f)
                    })?;
                    let feedback = write_feedback(&out.join(FEEDBACK_DIR), &report)?;
                    keep_send_journal(&config.output, &out)?;
                    let ledger = out.join(crate::layout::consolidated::LEDGER_FILE);
                    output::write_atomic(&ledger, &report.assessment.ledger.to_bytes())
                        .with_context(|| format!("无法写入 {}", ledger.display()))?;
                    timer.lap("复核表、summary.json、审核意见");
                    if config.report {
                        write_reports(&out.join(crate::layout::consolidated::REPORT_DIR), &report)?;
                        timer.lap("报告初稿");
                    }
                    progress.tick();
                    Ok((summary, feedback))
                },
            );
            files?;
            texts
        },
    );
    progress.finish();
    let written = workbook.and_then(|w| rest.map(|r| (w, r)));
    let (workbook, (summary, feedback)) = written.map_err(|e| out_of_space(e, config))?;
    super::pause_point("written");
    // Without --report the drafts an earlier run wrote (and a person may be editing) stay.
    let carried: &[&str] = if config.report {
        &[]
    } else {
        &[crate::layout::consolidated::REPORT_DIR_PREFIX]
    };
    for kept in staging.commit(carried)? {
        eprintln!("提示：{kept}");
    }
    // The files now live in the output folder.
    let moved = |p: PathBuf| match p.strip_prefix(&out) {
        Ok(rel) => config.output.join(rel),
        Err(_) => p,
    };
    let (workbook, summary) = (moved(workbook), moved(summary));
    let feedback: Vec<PathBuf> = feedback.into_iter().map(moved).collect();
    timer.lap("全部输出");

    let at = |rel: &str| config.output.join(rel).display().to_string();
    let mut wrote: Vec<(&str, String)> = vec![("汇总表", workbook.display().to_string())];
    if separate {
        wrote.push((
            "部门评分表",
            format!(
                "{}（{} 份）",
                at(consolidate::workbook::DEPARTMENT_DIR),
                assessment.evaluations.len()
            ),
        ));
    }
    wrote.push(("复核表", at(REVIEW_FILE)));
    wrote.push((
        "审核意见",
        format!("{}（{} 份）", at(FEEDBACK_DIR), feedback.len()),
    ));
    wrote.push(("报送记录", at(crate::layout::consolidated::LEDGER_FILE)));
    if config.report {
        let scored = report
            .evaluations()
            .filter(|e| e.state() == crate::evaluate::State::Scored)
            .count();
        wrote.push((
            "报告初稿",
            format!(
                "{}（{scored} 份部门报告和 1 份汇总报告）",
                at(crate::layout::consolidated::REPORT_DIR)
            ),
        ));
    }
    wrote.push(("summary.json", summary.display().to_string()));
    anstream::print!("{}", terminal::collect_text(&report, &wrote));
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

/// A full disk, said for the output folder with roughly the space a run needs (about what
/// the returns take, as the outputs hold as many cells); other errors as they are.
fn out_of_space(e: anyhow::Error, config: &Config) -> anyhow::Error {
    let full = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::StorageFull)
            || c.downcast_ref::<output::OutputError>()
                .is_some_and(|o| o.is_full())
    });
    if !full {
        return e;
    }
    let (files, _) = crate::collect::discover(&config.inputs, &[]);
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .map(|m| m.len())
        .sum();
    let mb = (bytes as f64 * 1.5 / 1_048_576.0).ceil().max(1.0);
    anyhow::anyhow!(
        "输出目录 {} 所在磁盘空间不足，未写出任何结果（上次的结果保持不变）。本次运行约需 {mb} MB 可用空间，请清理磁盘或换一个目录",
        config.output.display()
    )
}

/// Builds the consolidated workbook and streams it into its file; returns its path.
fn write_workbook(dir: &Path, report: &Report) -> Result<PathBuf> {
    let name = consolidate::workbook::file_name(report.plan.settings.year);
    let path = dir.join(&name);
    // The long sheets stream into temporary files: in the system's temporary folder, or in
    // the output's own when that one cannot be used (rust_xlsxwriter panics on a full one, so
    // the system's, usually larger, comes first).
    let tempdir = match tempfile::tempfile() {
        Ok(_) => std::env::temp_dir(),
        Err(_) => dir.to_path_buf(),
    };
    // rust_xlsxwriter panics when it cannot write a streamed sheet's temporary file (a full
    // disk): caught here, it is a run-level error like any other.
    let written = crate::collect::catch_quietly(|| -> Result<()> {
        let mut wb = consolidate::workbook::build(report, &tempdir).map_err(|e| {
            let why = crate::domain::io_text(&crate::xlsx::io_error(e));
            anyhow::anyhow!("生成汇总表 {name} 失败：{why}")
        })?;
        output::write_atomic_with(&path, |f| {
            wb.save_to_writer(f).map_err(crate::xlsx::io_error)
        })?;
        Ok(())
    });
    match written {
        Ok(done) => done.map(|()| path),
        Err(what) => {
            // The panic's text is the io::Error's Debug form, whose kind names a full disk.
            let why = if what.contains("StorageFull") {
                "磁盘空间不足".to_string()
            } else {
                format!("程序内部出错（{what}）")
            };
            Err(anyhow::anyhow!(
                "生成汇总表 {name} 失败：写入临时目录 {} 时{why}。请清理该磁盘，或把环境变量 TMP（Windows）/ TMPDIR 指向有空间的目录后重试（上次的结果保持不变）",
                tempdir.display()
            ))
        }
    }
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

/// Writes this run's feedback texts (one per plan department).
/// The Word drafts: one per scored department (in parallel) and the city's.
fn write_reports(dir: &Path, report: &Report) -> Result<()> {
    use crate::consolidate::report::{city, department};
    use rayon::prelude::*;
    if !super::prepare_figures() {
        eprintln!(
            "提示：本机没有找到中文字体，汇总报告中不画图表（可用环境变量 JIXIAO_FONT 指定字体文件）"
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("无法创建目录 {}", dir.display()))?;
    let scored: Vec<_> = report
        .evaluations()
        .filter(|e| e.state() == crate::evaluate::State::Scored)
        .collect();
    scored.par_iter().try_for_each(|e| -> Result<()> {
        let path = dir.join(department::file_name(report, e));
        let bytes = department::build(report, e)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("无法生成 {}", path.display()))?;
        output::write_atomic(&path, &bytes)?;
        Ok(())
    })?;
    let path = dir.join(city::file_name(report));
    let bytes = city::build(report)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("无法生成 {}", path.display()))?;
    output::write_atomic(&path, &bytes)?;
    Ok(())
}

/// The record of letters already sent (`jixiao send 汇总/审核意见`) moves into the new output, so
/// that sending again after this run sends only the letters that changed.
fn keep_send_journal(output: &Path, staging: &Path) -> Result<()> {
    use crate::layout::mail::SEND_JOURNAL;
    let old = output.join(FEEDBACK_DIR).join(SEND_JOURNAL);
    if !old.is_file() {
        return Ok(());
    }
    let bytes = std::fs::read(&old).with_context(|| format!("无法读取 {}", old.display()))?;
    let new = staging.join(FEEDBACK_DIR).join(SEND_JOURNAL);
    output::write_atomic(&new, &bytes).with_context(|| format!("无法写入 {}", new.display()))?;
    Ok(())
}

fn write_feedback(dir: &Path, report: &Report) -> Result<Vec<PathBuf>> {
    use rayon::prelude::*;
    let letters = consolidate::feedback::letters(report);
    let written = letters
        .par_iter()
        .map(|l| -> Result<PathBuf> {
            let path = dir.join(&l.name);
            output::write_atomic(&path, l.text.as_bytes())?;
            Ok(path)
        })
        .collect::<Result<Vec<PathBuf>>>()?;
    // Each letter also as a message ready to send, replying to the return's own message.
    report.rows.par_iter().try_for_each(|row| -> Result<()> {
        let txt = consolidate::feedback::file_name(row.dept);
        let Some(letter) = letters.iter().find(|l| l.name == txt) else {
            return Ok(());
        };
        let secs = crate::domain::run_secs();
        if let Some(eml) = consolidate::messages::letter(report, row.dept, letter, secs) {
            let name =
                crate::layout::consolidated::message_file(row.dept.code.as_str(), &row.dept.name);
            output::write_atomic(&dir.join(name), &eml)?;
        }
        Ok(())
    })?;
    Ok(written)
}
