//! `jixiao check`: plan + INPUTs → findings grouped by file on the terminal. Writes nothing.

use super::Outcome;
use crate::terminal;
use anyhow::Result;
use std::path::PathBuf;

/// Checked arguments of `check`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The plan workbook.
    pub plan: PathBuf,
    /// Files and folders to read (each exists).
    pub inputs: Vec<PathBuf>,
    /// Exit 3 when a return must be sent back.
    pub strict: bool,
    /// Show the libraries' own words under each finding.
    pub verbose: bool,
}

impl Config {
    /// Fills what the command line left out from the year folder (`回收/`).
    pub fn from_args(a: super::args::CheckArgs) -> Result<Self> {
        let (plan, year) = super::YearFolder::for_plan(a.plan.as_deref())?;
        let inputs = super::collect::default_inputs(a.inputs, &year)?;
        super::year::check_inputs(&inputs)?;
        Ok(Self {
            plan,
            inputs,
            strict: a.strict,
            verbose: a.verbose,
        })
    }
}

/// Reads, validates and scores every return and prints what was found.
pub fn run(config: &Config) -> Result<Outcome> {
    let plan = super::read_plan(&config.plan)?;
    let assessment = super::assess_with_progress(&plan, &config.inputs, &[]);
    super::collect::refuse_empty(&assessment, &config.inputs)?;
    anstream::print!(
        "{}",
        terminal::check_text(&plan, &assessment, config.verbose)
    );
    Ok(if config.strict && assessment.has_errors() {
        Outcome::Blocked
    } else {
        Outcome::Done
    })
}
