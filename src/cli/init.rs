//! `jixiao init`: the built-in sample plan → a plan workbook on disk.
//!
//! Refuses to overwrite an existing file unless `--force`, so a plan the finance bureau has
//! edited is never lost to a stray `init`.

use super::Outcome;
use crate::{output, plan, sample};
use anyhow::{Context, bail};
use std::path::PathBuf;

/// Checked arguments of `init`.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to write the plan.
    pub output: PathBuf,
    /// Overwrite an existing file.
    pub force: bool,
}

impl Config {
    /// Nothing to check beyond clap.
    pub fn from_args(a: super::args::InitArgs) -> Self {
        Self {
            output: a.output,
            force: a.force,
        }
    }
}

/// Writes the sample plan.
pub fn run(config: &Config) -> anyhow::Result<Outcome> {
    let path = &config.output;
    if path.exists() && !config.force {
        bail!(
            "{} 已存在，未覆盖。如确需用示例方案覆盖，请加 --force；或用 -o 指定其他文件名",
            path.display()
        );
    }
    let sheets = sample::plan_sheets();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| sample::PLAN_FILE.into());
    let plan = plan::parse(&name, &sheets).context("内置示例方案无效")?;
    let bytes = plan::write::workbook(&sheets)
        .with_context(|| format!("生成评价方案 {} 失败", path.display()))?;
    output::write_atomic(path, &bytes)?;
    println!(
        "已生成评价方案：{}（{}，{} 个部门，{} 个指标，{} 条预算）",
        path.display(),
        plan.settings.name,
        plan.departments.len(),
        plan.indicators.len(),
        plan.budget.len()
    );
    if !plan.settings.note.is_empty() {
        println!("说明：{}", plan.settings.note);
    }
    Ok(Outcome::Done)
}
