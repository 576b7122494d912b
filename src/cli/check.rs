//! `jixiao check`: plan + INPUTs → findings grouped by file on the terminal. Writes nothing.

use super::Outcome;
use crate::report;
use anyhow::Result;
use std::path::PathBuf;

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
    let plan = super::read_plan(&config.plan)?;
    let assessment = super::assess_with_progress(&plan, &config.inputs);
    anstream::print!("{}", report::check_text(&plan, &assessment));
    Ok(if config.strict && assessment.has_errors() {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}
