//! Command line: arguments ([`args`], clap derive) → a checked config per subcommand → the
//! library.
//!
//! One module per subcommand; each turns its `Args` into a `Config` once (paths resolved
//! against the year folder, inputs checked) and exposes `run(config) -> anyhow::Result<Outcome>`.
//! Run-level failures (bad plan, missing input, unwritable output) are `anyhow` errors whose
//! context names the path; `main` prints them and exits 1. A command line that cannot be run
//! is a [`UsageError`] (exit 2), as clap's own errors are.

pub mod args;
mod check;
mod collect;
mod demo;
mod fetch;
mod font;
mod init;
mod issue;
mod new;
mod previous;
mod review;
mod secret;
mod send;
mod year;

pub use args::{Cli, Command, Exit};
pub use collect::{Written, collect};
pub use issue::{Issued, issue};
pub use year::YearFolder;

use std::path::PathBuf;

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

/// A command line that parses but cannot be run (no plan given and none in the folder, a
/// folder that does not exist): exit 2, like clap's own errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Reads the plan with a spinner on a terminal (a province's plan takes seconds).
fn read_plan(path: &std::path::Path) -> anyhow::Result<crate::plan::Plan> {
    let spinner = crate::terminal::Progress::spinner("读取评价方案");
    let plan = crate::plan::read(path);
    spinner.finish();
    Ok(plan?)
}

/// Reads the plan (with its spinner) while the first returns are read on the cores the plan
/// read leaves idle (shared by `check` and `collect`); `skip` are folders jixiao wrote, never
/// read as returns.
fn read_plan_and_returns(
    path: &std::path::Path,
    inputs: &[PathBuf],
    skip: &[PathBuf],
) -> anyhow::Result<(crate::plan::Plan, crate::pipeline::Reading)> {
    let (plan, reading) = crate::pipeline::Reading::during(inputs, skip, || read_plan(path));
    Ok((plan?, reading))
}

/// From how many plan departments indicator results are spilled to a temporary file:
/// [`crate::pipeline::SPILL_FROM`], or the number in `JIXIAO_SPILL_FROM` (for tests and
/// benchmarks; `0` spills every run).
fn spill_from() -> usize {
    std::env::var("JIXIAO_SPILL_FROM")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(crate::pipeline::SPILL_FROM)
}

/// The note for results that could not be spilled: they stay in memory.
fn unspilled_note(departments: usize, why: &str) -> String {
    format!(
        "提示：{departments} 个部门的指标结果未能暂存（{why}），已保留在内存中；结果不受影响，只是占用内存更多"
    )
}

/// The round as the output folder's 报送记录 knows it (none yet: the first run), with the
/// files the bureau accepts and the run's clock. A record that cannot be read stops the run:
/// guessing would move deadlines letters have named.
fn round_context(
    output: &std::path::Path,
    accept: Vec<String>,
) -> anyhow::Result<crate::round::Context> {
    use crate::layout::consolidated::LEDGER_FILE;
    let path = output.join(LEDGER_FILE);
    let ledger = match std::fs::read(&path) {
        Ok(bytes) => crate::round::Ledger::read(&bytes).map_err(|e| {
            anyhow::anyhow!(
                "报送记录 {} 无法读取：{e}。请恢复 jixiao 写出的原文件；如删除它，退回和催报的期限将按本次运行重新计算",
                path.display()
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => crate::round::Ledger::default(),
        Err(e) => anyhow::bail!("无法读取报送记录 {}：{}", path.display(), crate::domain::io_text(&e)),
    };
    Ok(crate::round::Context {
        ledger,
        accept,
        now: crate::domain::run_secs(),
    })
}

/// Reads the plan's returns with a progress bar on a terminal (shared by `check` and
/// `collect`).
fn assess_with_progress<'p>(
    plan: &'p crate::plan::Plan,
    reading: crate::pipeline::Reading,
    last_year: Option<&crate::history::PreviousYear>,
    round: &crate::round::Context,
) -> anyhow::Result<crate::pipeline::Assessment<'p>> {
    use crate::terminal::Progress;
    use std::sync::OnceLock;
    let progress: OnceLock<Progress> = OnceLock::new();
    let assessment = crate::pipeline::assess_read(
        plan,
        reading,
        last_year,
        crate::pipeline::spill_for(plan, spill_from()).unwrap_or_else(|e| {
            eprintln!(
                "{}",
                unspilled_note(
                    plan.departments.len(),
                    &crate::evaluate::spill_error_reason(&e)
                )
            );
            None
        }),
        round,
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
    if let Ok(a) = &assessment
        && let Some((n, why)) = &a.unspilled
    {
        eprintln!("{}", unspilled_note(*n, why));
    }
    assessment.map_err(|e| anyhow::anyhow!(crate::evaluate::spill_error_text(&e)))
}

/// Whether the run was a year folder given alone (a folder dropped onto jixiao.exe): the
/// window should then stay open until a key is pressed.
pub fn waits_for_key(cli: &Cli) -> bool {
    cli.command.is_none() && cli.folder.is_some()
}

/// What the environment says, read once here and nowhere else (passwords excepted: [`secret`]
/// reads them only when a command needs one, and keeps them nowhere).
#[derive(Debug, Clone, Default)]
struct Env {
    /// `JIXIAO_TIMINGS`: print phase times.
    timings: bool,
    /// This machine's name (`COMPUTERNAME` on Windows, `HOSTNAME` elsewhere), for the lock
    /// a run puts beside its output.
    host: String,
    /// `JIXIAO_PAUSE=名称`: a test's pause point (see [`pause_point`]).
    pause: Option<String>,
    /// `JIXIAO_FONT`: the Chinese font file for the 汇总报告's figures.
    font: Option<PathBuf>,
}

static ENV: std::sync::OnceLock<Env> = std::sync::OnceLock::new();

/// Reads the environment once: `SOURCE_DATE_EPOCH` fixes the clock of every output,
/// `JIXIAO_TIMINGS` turns on phase times, `JIXIAO_MAIL_TIMEOUT` (seconds) bounds the wait for
/// a mail server, `JIXIAO_FONT` names the font of the report's figures.
fn read_env() -> Env {
    ENV.get_or_init(|| {
        if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
        {
            crate::domain::fix_clock(secs);
        }
        let host = std::env::var("COMPUTERNAME")
            .or_else(|_| std::env::var("HOSTNAME"))
            .ok()
            .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
            .map(|h| h.trim().to_string())
            .unwrap_or_default();
        if let Some(secs) = std::env::var("JIXIAO_MAIL_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
        {
            crate::transport::set_timeout(secs);
        }
        let pause = std::env::var("JIXIAO_PAUSE").ok();
        Env {
            timings: std::env::var_os("JIXIAO_TIMINGS").is_some(),
            host,
            pause,
            font: std::env::var_os("JIXIAO_FONT").map(PathBuf::from),
        }
    })
    .clone()
}

/// Who this run is, as the lock beside its output says: machine and command line.
fn holder() -> String {
    let env = read_env();
    let host = if env.host.is_empty() {
        "本机".to_string()
    } else {
        format!("计算机 {}", env.host)
    };
    format!(
        "{host}，jixiao {}",
        std::env::args().nth(1).unwrap_or_default()
    )
}

/// The line a run held at a pause point writes to standard error.
pub const PAUSE_MARK: &str = "jixiao-pause: ";

/// A named point where a test can hold a run (`JIXIAO_PAUSE=名称`, for tests only): the run
/// writes [`PAUSE_MARK`] and the name as a line to standard error and waits for a line (or the
/// end) on standard input, so that a test acts while the run is exactly there — two runs on
/// one output, a run killed holding its lock — synchronised on the pipes, never on time.
fn pause_point(name: &str) {
    if read_env().pause.as_deref() != Some(name) {
        return;
    }
    eprintln!("{PAUSE_MARK}{name}");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

/// Readies the 汇总报告's figures: the font `JIXIAO_FONT` names, else a system one.
fn prepare_figures() -> bool {
    font::prepare(read_env().font)
}

/// A phase timer, on under `JIXIAO_TIMINGS`.
fn timer() -> crate::terminal::Timer {
    crate::terminal::Timer::new(read_env().timings)
}

/// On Ctrl+C (or a closed console window): the workers stop with the process, the progress
/// bar is cleared, every staging folder is removed, and the previous results stay as they
/// were; exit code 130.
fn on_interrupt() {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[2K");
    }
    let abandoned = crate::output::abandon_all();
    let said = match (INTERRUPTED.get(), abandoned) {
        (Some(said), _) => said,
        (None, crate::output::Abandoned::Nothing) => {
            "已中断：本次运行没有写出任何结果，上次的结果保持不变。"
        }
        (None, crate::output::Abandoned::AfterSwap) => {
            "已中断：本次运行的结果在中断前已经完整写出。"
        }
    };
    eprintln!("{said}");
    std::process::exit(130);
}

/// Whether Ctrl+C is being handled: an error the run meets from then on comes from the
/// interruption removing its staging folder and is not reported; the caller waits for the
/// handler, which says what happened and ends the process.
pub fn interrupted() -> bool {
    crate::output::stopping()
}

/// What Ctrl+C says, for a command whose work is kept step by step rather than swapped in
/// at the end.
static INTERRUPTED: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Runs one command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    read_env();
    // A handler that cannot be installed (another already is) leaves Ctrl+C to the system:
    // the staging folder is then removed by the next run.
    let _ = ctrlc::set_handler(on_interrupt);
    match cli.command {
        Some(Command::Init(a)) => init::run(&init::Config::from_args(a)),
        Some(Command::New(a)) => new::run(&new::Config::from_args(a)?),
        Some(Command::Issue(a)) => issue::run(&issue::Config::from_args(a)?),
        Some(Command::Collect(a)) => collect::run(&collect::Config::from_args(a)?),
        Some(Command::Check(a)) => check::run(&check::Config::from_args(a)?),
        Some(Command::Send(a)) => {
            let _ = INTERRUPTED.set(
                "已中断：已发送的邮件都已记入发送记录，再次运行会接着发送；中断时正在发送的那一封如果没有记下服务器答复，再次运行时会先询问是否重发。",
            );
            send::run(&send::Config::from_args(a)?)
        }
        Some(Command::Fetch(a)) => {
            let _ =
                INTERRUPTED.set("已中断：已收取的邮件都已保存并记入收取记录，再次运行会接着收取。");
            fetch::run(&fetch::Config::from_args(a)?)
        }
        Some(Command::Demo(a)) => demo::run(&demo::Config { output: a.output }),
        None => match cli.folder {
            Some(folder) => collect::run(&collect::Config::of_year_folder(&folder)?),
            None => Err(UsageError(args::help_text()).into()),
        },
    }
}

/// A folder holding what `jixiao demo` writes (评价方案.xlsx, 回收/, 汇总/), for unit tests
/// that need a real plan and real returns.
#[cfg(test)]
pub(crate) fn demo_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = demo::Config {
        output: dir.path().to_path_buf(),
    };
    demo::run(&config).expect("the demo runs");
    dir
}

/// The demo's plan and returns, assessed with every result held, given to `with` together
/// with the inputs (for unit tests that need a real assessment).
#[cfg(test)]
pub(crate) fn with_demo_assessment<T>(
    with: impl for<'p> FnOnce(&'p crate::plan::Plan, &crate::pipeline::Assessment<'p>, &[PathBuf]) -> T,
) -> T {
    let dir = demo_folder();
    let plan = crate::plan::read(&dir.path().join("评价方案.xlsx")).expect("the demo's plan");
    let inputs = [dir.path().join("回收")];
    let round = crate::round::Context::first_run();
    let assessment = crate::pipeline::assess(&plan, &inputs, &[], None, &round, &|_| {}, &|| {})
        .expect("the demo's returns assessed");
    with(&plan, &assessment, &inputs)
}
