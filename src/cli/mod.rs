//! Command line: arguments (clap derive) → a validated config per subcommand → the library.
//!
//! One module per subcommand; each exposes `run(config) -> anyhow::Result<Outcome>`.
//! Run-level failures (bad plan, unwritable output) are `anyhow` errors whose context names
//! the path; `main` prints them and exits 1. Usage errors exit 2 (clap).

mod check;
mod collect;
mod demo;

pub use collect::{Written, collect};
mod init;
mod issue;

pub use issue::{Issued, issue};

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// 部门整体支出绩效自评价：下发模板、回收、审核、计分、汇总。
#[derive(Debug, Parser)]
#[command(name = "jixiao", version, about, long_about = None)]
pub struct Cli {
    /// 子命令
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of SPEC.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 生成评价方案（内置示例数据），供财政局修改后使用
    Init {
        /// 输出文件
        #[arg(short, long, default_value = "评价方案.xlsx")]
        output: PathBuf,
        /// 输出文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
    /// 按评价方案为每个部门生成自评表模板
    Issue {
        /// 评价方案文件
        #[arg(long)]
        plan: PathBuf,
        /// 模板输出目录
        #[arg(short, long)]
        output: PathBuf,
    },
    /// 读取部门报送的自评表，审核、计分并生成汇总表
    Collect {
        /// 评价方案文件
        #[arg(long)]
        plan: PathBuf,
        /// 汇总输出目录
        #[arg(short, long)]
        output: PathBuf,
        /// 有「错误」级审核问题时以退出码 3 结束
        #[arg(long)]
        strict: bool,
        /// 报送文件或目录（可多个，目录递归读取）
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// 只审核、计分并显示问题，不写任何文件
    Check {
        /// 评价方案文件
        #[arg(long)]
        plan: PathBuf,
        /// 有「错误」级审核问题时以退出码 3 结束
        #[arg(long)]
        strict: bool,
        /// 报送文件或目录（可多个，目录递归读取）
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// 用内置示例完整演示一遍：方案 → 模板 → 回收 → 汇总
    Demo {
        /// 演示输出目录
        #[arg(short, long, default_value = "jixiao-demo")]
        output: PathBuf,
    },
}

/// How a successful run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (findings may exist): exit 0.
    Done,
    /// `--strict` and blocking findings: exit 3.
    Blocked,
}

impl Outcome {
    /// The process exit code.
    pub fn exit_code(self) -> i32 {
        match self {
            Outcome::Done => 0,
            Outcome::Blocked => 3,
        }
    }
}

/// Reads the plan with a spinner on a terminal (a province's plan takes seconds).
fn read_plan(path: &std::path::Path) -> anyhow::Result<crate::plan::Plan> {
    let spinner = crate::report::Progress::spinner("读取评价方案");
    let plan = crate::plan::read(path);
    spinner.finish();
    Ok(plan?)
}

/// Reads the plan's returns with a progress bar on a terminal (shared by `check` and
/// `collect`).
fn assess_with_progress<'p>(
    plan: &'p crate::plan::Plan,
    inputs: &[PathBuf],
) -> crate::pipeline::Assessment<'p> {
    use crate::report::Progress;
    use std::sync::OnceLock;
    let progress: OnceLock<Progress> = OnceLock::new();
    let assessment = crate::pipeline::assess(
        plan,
        inputs,
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
    assessment
}

/// Runs one command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Init { output, force } => init::run(&init::Config { output, force }),
        Command::Issue { plan, output } => issue::run(&issue::Config { plan, output }),
        Command::Collect {
            plan,
            output,
            strict,
            inputs,
        } => collect::run(&collect::Config {
            plan,
            output,
            inputs,
            strict,
        }),
        Command::Check {
            plan,
            strict,
            inputs,
        } => check::run(&check::Config {
            plan,
            inputs,
            strict,
        }),
        Command::Demo { output } => demo::run(&demo::Config { output }),
    }
}
