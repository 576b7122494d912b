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
    /// Last year's folder, to roll its plan forward.
    pub from: Option<YearFolder>,
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
        // `--from 2023` names the sibling folder; a path names itself.
        let from = match a.from {
            None => None,
            Some(p) if p.is_dir() => Some(YearFolder::at(&p)?),
            Some(p) if parent.join(&p).is_dir() => Some(YearFolder::at(&parent.join(&p))?),
            Some(p) => {
                return Err(super::UsageError(format!(
                    "找不到上一年度文件夹 {}",
                    p.display()
                )));
            }
        };
        Ok(Self {
            year: a.year,
            folder: YearFolder {
                root: parent.join(a.year.to_string()),
            },
            from,
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
    if let Some(from) = &config.from {
        return roll_forward(config, from);
    }
    let sheets = sample::plan_sheets_for_year(config.year);
    let plan = plan::parse(sample::PLAN_FILE, &sheets).context("内置示例方案无效")?;
    let bytes = plan::write::workbook(&sheets).context("生成评价方案失败")?;
    output::write_atomic(&plan_path, &bytes)?;
    make_dirs(&config.folder)?;
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

/// `new YEAR --from LAST`: last year's plan rolled forward, with last year's results.
fn roll_forward(config: &Config, from: &YearFolder) -> Result<Outcome> {
    let plan_path = config.folder.plan();
    let last_plan = super::read_plan(&from.plan())?;
    if last_plan.settings.year >= config.year {
        bail!(
            "{} 是 {} 年度的方案，不早于 {} 年度，不能作为上一年度",
            from.plan().display(),
            last_plan.settings.year,
            config.year
        );
    }
    let mut sheets = plan::read_sheets(&from.plan())
        .with_context(|| format!("无法读取 {}", from.plan().display()))?;
    let results = from.results();
    let last = if crate::history::summary_path(&results).is_file() {
        Some(
            crate::history::read_previous(&results, config.year)
                .with_context(|| format!("上年结果 {} 无法使用", results.display()))?,
        )
    } else {
        None
    };
    let rolled =
        crate::history::roll::roll_forward(&mut sheets, &last_plan, config.year, last.as_ref());
    let bytes = plan::write::workbook(&sheets).context("生成评价方案失败")?;
    output::write_atomic(&plan_path, &bytes)?;
    make_dirs(&config.folder)?;
    println!(
        "已建立 {} 年度文件夹：{}（方案取自 {}，年度改为 {}，截止日期顺延一年）",
        config.year,
        config.folder.root.display(),
        from.plan().display(),
        config.year
    );
    match &last {
        Some(l) => println!("  上年结果：{}", l.file.display()),
        None => println!(
            "  未找到上年汇总结果（{}），趋势指标的基准值未更新",
            results.display()
        ),
    }
    for (code, dept, value) in &rolled.baselines {
        println!("  趋势指标 {code}（{dept}）的基准值取上年实际 {value}");
    }
    if !rolled.shared_trends.is_empty() {
        println!(
            "  趋势指标 {} 由多个部门共用，方案中只能有一个基准值：请核对后手工填写",
            rolled.shared_trends.join("、")
        );
    }
    println!(
        "  「预算」工作表保留了 {} 个项目的名称，年初预算和调整后预算已清空：请填写本年度预算后再运行 jixiao issue",
        rolled.budget_lines
    );
    Ok(Outcome::Done)
}

/// The year folder's empty 模板/ and 回收/.
fn make_dirs(folder: &YearFolder) -> Result<()> {
    for dir in [TEMPLATES_DIR, RETURNS_DIR] {
        let d = folder.root.join(dir);
        std::fs::create_dir_all(&d).with_context(|| format!("无法创建目录 {}", d.display()))?;
    }
    Ok(())
}
