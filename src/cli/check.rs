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
    /// Where last year's results come from.
    pub previous: super::previous::PreviousSource,
    /// The year folder's output, whose 报送记录 the round's rules read.
    pub output: PathBuf,
}

impl Config {
    /// Fills what the command line left out from the year folder (`回收/`).
    pub fn from_args(a: super::args::CheckArgs) -> Result<Self> {
        let (plan, year) = super::YearFolder::for_plan(a.plan.as_deref())?;
        let inputs = super::collect::default_inputs(a.inputs, &year)?;
        super::year::check_inputs(&inputs)?;
        let previous = super::previous::PreviousSource::of_args(a.previous, &year)?;
        Ok(Self {
            plan,
            inputs,
            strict: a.strict,
            verbose: a.verbose,
            previous,
            output: a.results.unwrap_or_else(|| year.results()),
        })
    }
}

/// Reads, validates and scores every return and prints what was found.
pub fn run(config: &Config) -> Result<Outcome> {
    let (plan, reading) = super::read_plan_and_returns(&config.plan, &config.inputs, &[])?;
    let previous = config.previous.read(plan.settings.year, 1)?;
    let last = super::previous::last_year(&previous, plan.settings.year);
    if let Some(p) = last {
        eprintln!("提示：上年（{} 年度）结果：{}", p.year, p.file.display());
        super::previous::say_baseline_differences(&plan, p);
    }
    let round = super::round_context(&config.output, Vec::new())?;
    let assessment = super::assess_with_progress(&plan, reading, last, &round)?;
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
