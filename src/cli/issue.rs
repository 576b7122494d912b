//! `jixiao issue`: plan → one template per department in the output folder.
//!
//! Templates are built in parallel (rayon), each written to a temporary name and renamed;
//! other files in the folder are left alone. A progress bar runs on a terminal; one line per
//! department is printed in department-code order.

use super::Outcome;
use crate::terminal::Progress;
use crate::{output, template};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// Checked arguments of `issue`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The plan workbook.
    pub plan: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// Last year's results, shown in each template.
    pub previous: super::previous::PreviousSource,
    /// Where to write a ready notice per department (`--mail`).
    pub outbox: Option<PathBuf>,
    /// Folders the templates must never be written over: the year's returns and results.
    pub keep_off: Vec<(&'static str, PathBuf)>,
}

impl Config {
    /// Fills what the command line left out from the year folder (`评价方案.xlsx` → `模板/`).
    pub fn from_args(a: super::args::IssueArgs) -> Result<Self, super::UsageError> {
        let (plan, year) = super::YearFolder::for_plan(a.plan.as_deref())?;
        Ok(Self {
            plan,
            output: a.output.unwrap_or_else(|| year.templates()),
            previous: super::previous::PreviousSource::of_args(a.previous, &year)?,
            outbox: a
                .mail
                .then(|| year.root.join(crate::layout::consolidated::OUTBOX_DIR)),
            keep_off: vec![("报送目录", year.returns()), ("汇总目录", year.results())],
        })
    }
}

/// What `issue` wrote.
#[derive(Debug, Clone)]
pub struct Issued {
    /// Paths of the templates, in department-code order.
    pub files: Vec<PathBuf>,
}

/// Writes every department's template.
pub fn run(config: &Config) -> Result<Outcome> {
    issue(config)?;
    Ok(Outcome::Done)
}

/// Writes every department's template and says where.
pub fn issue(config: &Config) -> Result<Issued> {
    let keep_off: Vec<(&str, &std::path::Path)> = config
        .keep_off
        .iter()
        .map(|(what, p)| (*what, p.as_path()))
        .collect();
    output::refuse_overlap(&config.output, &keep_off)?;
    let staging = output::Staging::begin(&config.output, &super::holder(), output::Writer::Issue)?;
    super::pause_point("locked");
    for note in &staging.notes {
        eprintln!("提示：{note}");
    }
    // The notices too: a notice an officer edited before sending is kept.
    let outbox = match &config.outbox {
        Some(o) => Some(output::Staging::begin(
            o,
            &super::holder(),
            output::Writer::Issue,
        )?),
        None => None,
    };
    for note in outbox.iter().flat_map(|o| o.notes.iter()) {
        eprintln!("提示：{note}");
    }
    let started = Instant::now();
    let timer = super::timer();
    let plan = super::read_plan(&config.plan)?;
    timer.lap("读取评价方案");
    // Only last year's results are shown; the latest comes first.
    let previous = config.previous.read(plan.settings.year, 1)?;
    let last = previous.iter().max_by_key(|p| p.year);
    if let Some(p) = last {
        eprintln!(
            "提示：模板中显示 {} 年度的实际完成值：{}",
            p.year,
            p.file.display()
        );
        super::previous::say_baseline_differences(&plan, p);
    }
    let out = staging.dir().to_path_buf();
    let outbox_dir = outbox.as_ref().map(|o| o.dir().to_path_buf());
    if outbox_dir.is_some() {
        let without: Vec<String> = plan
            .departments
            .iter()
            .filter(|d| d.email.trim().is_empty())
            .map(|d| format!("{}（{}）", d.name, d.code))
            .collect();
        if !without.is_empty() {
            eprintln!(
                "提示：以下 {} 个部门在「部门」工作表中没有邮箱，未生成通知邮件：{}",
                without.len(),
                without.join("、")
            );
        }
    }
    let progress = Progress::new(plan.departments.len() as u64, "生成模板");
    let results: Vec<Result<(PathBuf, String)>> = plan
        .departments
        .par_iter()
        .map(|dept| {
            let name = template::file_name(&plan, dept);
            let path = out.join(&name);
            let bytes = template::build_with(
                &plan,
                dept,
                last.map(|p| template::LastYear::of(p, &dept.code)),
            )
            .with_context(|| format!("生成 {name} 失败"))?;
            output::write_atomic(&path, &bytes)?;
            if let Some(outbox) = &outbox_dir
                && let Some(eml) = crate::consolidate::messages::notice(
                    &plan,
                    dept,
                    &name,
                    &bytes,
                    crate::domain::run_secs(),
                )
            {
                let file = outbox.join(crate::layout::consolidated::message_file(
                    dept.code.as_str(),
                    &dept.name,
                ));
                output::write_atomic(&file, &eml)
                    .with_context(|| format!("无法写入 {}", file.display()))?;
            }
            progress.tick();
            let line = format!(
                "已生成 {name}（{} 个指标，{} 条预算）",
                plan.indicators_for(dept).len(),
                plan.budget_for(&dept.code).count()
            );
            Ok((path, line))
        })
        .collect();
    progress.finish();
    timer.lap("生成模板");
    let results: Vec<Result<(PathBuf, String)>> = match results
        .into_iter()
        .collect::<Result<Vec<_>>>()
    {
        Ok(done) => {
            for kept in staging.commit(&[])? {
                eprintln!("提示：{kept}");
            }
            if let Some(o) = outbox {
                for kept in o.commit(&[])? {
                    eprintln!("提示：{kept}");
                }
            }
            done.into_iter()
                .map(|(p, line)| Ok((config.output.join(p.file_name().unwrap_or_default()), line)))
                .collect()
        }
        Err(e) => return Err(e),
    };
    // Lines in department-code order, whatever the thread timing.
    let mut files = Vec::with_capacity(results.len());
    for r in results {
        let (path, line) = r?;
        println!("{line}");
        files.push(path);
    }
    println!(
        "共生成 {} 个部门的自评表模板，位于 {}（用时 {:.1} 秒）",
        files.len(),
        config.output.display(),
        started.elapsed().as_secs_f64()
    );
    if let Some(dir) = &config.outbox {
        println!(
            "通知邮件：{}（{} 封，用 jixiao send {} --smtp … 发送）",
            dir.display(),
            count_eml(dir),
            dir.display()
        );
    }
    Ok(Issued { files })
}

/// How many `.eml` files `dir` holds.
fn count_eml(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .count()
        })
        .unwrap_or(0)
}
