//! `jixiao new YEAR`: a year folder `YEAR/` with `评价方案.xlsx` (the built-in sample moved to
//! that year: 评价年度, 评价名称 and the deadline follow it), and empty `模板/` and `回收/`.
//!
//! An existing plan in that folder is never overwritten.

use super::Outcome;
use super::year::{RETURNS_DIR, TEMPLATES_DIR, YearFolder};
use crate::{output, plan, sample};
use anyhow::{Context, Result, bail};
use std::path::PathBuf;

/// Checked arguments of `new`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The year.
    pub year: i32,
    /// The folder to create.
    pub folder: YearFolder,
}

impl Config {
    /// Checks the year.
    pub fn from_args(a: super::args::NewArgs) -> Result<Self, super::UsageError> {
        if !(2000..=2100).contains(&a.year) {
            return Err(super::UsageError(format!(
                "年度「{}」无效，应为四位年份，如 2024",
                a.year
            )));
        }
        let parent = a.parent.unwrap_or_else(|| PathBuf::from("."));
        Ok(Self {
            year: a.year,
            folder: YearFolder {
                root: parent.join(a.year.to_string()),
            },
        })
    }
}

/// Creates the year folder.
pub fn run(config: &Config) -> Result<Outcome> {
    let plan_path = config.folder.plan();
    if plan_path.exists() {
        bail!(
            "{} 已存在，未覆盖。该年度文件夹已经建立",
            plan_path.display()
        );
    }
    let sheets = sample::plan_sheets_for_year(config.year);
    let plan = plan::parse(sample::PLAN_FILE, &sheets).context("内置示例方案无效")?;
    let bytes = plan::write::workbook(&sheets).context("生成评价方案失败")?;
    output::write_atomic(&plan_path, &bytes)?;
    for dir in [TEMPLATES_DIR, RETURNS_DIR] {
        let d = config.folder.root.join(dir);
        std::fs::create_dir_all(&d).with_context(|| format!("无法创建目录 {}", d.display()))?;
    }
    println!(
        "已建立 {} 年度文件夹：{}",
        config.year,
        config.folder.root.display()
    );
    println!(
        "  {}（示例方案：{}，{} 个部门；请改成本年度的部门、指标和预算）",
        plan_path.display(),
        plan.settings.name,
        plan.departments.len()
    );
    println!("下一步：");
    println!(
        "  1. 修改 {}，然后在该文件夹中运行 jixiao issue，模板写入 {TEMPLATES_DIR}/",
        sample::PLAN_FILE
    );
    println!("  2. 把部门报送的文件放进 {RETURNS_DIR}/，运行 jixiao collect，结果写入 汇总/");
    Ok(Outcome::Done)
}
