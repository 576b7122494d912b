//! `jixiao demo`: the whole cycle on the built-in sample, in one folder:
//! `评价方案.xlsx` → `模板/` → `回收/` (returns filled through a different writer) → `汇总/`.

use super::Outcome;
use crate::{demo, output, plan, sample, template};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Validated arguments of `demo`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The demo folder.
    pub output: PathBuf,
}

/// Runs the demo.
pub fn run(config: &Config) -> Result<Outcome> {
    let dir = &config.output;
    let plan_path = dir.join(sample::PLAN_FILE);
    let sheets = sample::plan_sheets();
    let bytes = plan::write::workbook(&sheets).context("生成示例评价方案失败")?;
    output::write_atomic(&plan_path, &bytes)?;
    println!("① 评价方案：{}", plan_path.display());

    let templates = dir.join("模板");
    println!("② 下发模板：");
    super::issue::issue(&super::issue::Config {
        plan: plan_path.clone(),
        output: templates.clone(),
        previous: super::previous::PreviousSource::Given(Vec::new()),
        outbox: None,
        keep_off: vec![
            ("报送目录", dir.join("回收")),
            ("汇总目录", dir.join("汇总")),
        ],
    })?;

    let plan = plan::read(&plan_path)?;
    let returns = dir.join("回收");
    println!("③ 部门报送（用另一种程序填写，含常见错误、一次更正、一个部门未报送）：");
    for r in demo::scenario(&plan) {
        let template_bytes = match &r.dept {
            Some(code) => {
                let d = plan
                    .department(code)
                    .with_context(|| format!("示例部门 {code} 不在方案中"))?;
                let path = templates.join(template::file_name(&plan, d));
                Some(
                    std::fs::read(&path)
                        .with_context(|| format!("无法读取模板 {}", path.display()))?,
                )
            }
            None => None,
        };
        let bytes = demo::build(&r, template_bytes.as_deref())
            .map_err(|e| anyhow::anyhow!("填写示例报送 {} 失败：{e}", r.name))?;
        output::write_atomic(&returns.join(&r.name), &bytes)?;
        println!("  {}", r.name);
    }

    println!("④ 回收汇总：");
    let (written, _) = super::collect::collect(&super::collect::Config {
        plan: plan_path,
        output: dir.join("汇总"),
        inputs: vec![returns],
        strict: false,
        reviews: super::collect::ReviewSource::Given(Vec::new()),
        sample: None,
        previous: super::previous::PreviousSource::Given(Vec::new()),
        report: true,
        accept: Vec::new(),
        templates: None,
    })?;
    println!(
        "演示完成。请用 Excel 或 WPS 打开汇总表：{}",
        written.workbook.display()
    );
    Ok(Outcome::Done)
}
