//! `jixiao check`: plan + INPUTs → findings grouped by file on the terminal. Writes nothing.

use super::Outcome;
use crate::report::{self, Progress};
use crate::{pipeline, plan};
use anyhow::Result;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Validated arguments of `check`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The plan workbook.
    pub plan: PathBuf,
    /// Files and folders to read.
    pub inputs: Vec<PathBuf>,
    /// Exit 3 when a return must be sent back.
    pub strict: bool,
}

/// Reads, validates and scores every return and prints what was found.
pub fn run(config: &Config) -> Result<Outcome> {
    let plan = plan::read(&config.plan)?;
    let progress: OnceLock<Progress> = OnceLock::new();
    let assessment = pipeline::assess(
        &plan,
        &config.inputs,
        &|n| {
            let _ = progress.set(Progress::new(n as u64, "读取报送文件"));
        },
        &|| {
            if let Some(p) = progress.get() {
                p.tick();
            }
        },
    );
    if let Some(p) = progress.get() {
        p.finish();
    }
    anstream::print!("{}", report::check_text(&plan, &assessment));
    Ok(if config.strict && assessment.has_errors() {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}
