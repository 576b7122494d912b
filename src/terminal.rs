//! Terminal output: progress for long work and per-item lines.
//!
//! A progress bar is drawn on stderr only when stderr is a terminal; piped or redirected
//! output gets plain lines and no bar, so logs stay clean.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Progress over a known number of items, safe to use from several threads.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A progress bar of `len` items, shown only on a terminal.
    pub fn new(len: u64, what: &str) -> Self {
        if !std::io::stderr().is_terminal() || len == 0 {
            return Self { bar: None };
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(what.to_string());
        Self { bar: Some(bar) }
    }

    /// A spinner for work of unknown length (reading a large plan), shown only on a
    /// terminal; [`Progress::finish`] removes it.
    pub fn spinner(what: &str) -> Self {
        if !std::io::stderr().is_terminal() {
            return Self { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message(what.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Self { bar: Some(bar) }
    }

    /// Prints a line above the bar (or plainly when there is no bar) and advances by one.
    /// Runs `f` with the bar hidden (to ask something).
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => {
                bar.println(text);
                bar.inc(1);
            }
            None => println!("{text}"),
        }
    }

    /// Advances by one without printing.
    pub fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Phase timings on stderr when `JIXIAO_TIMINGS` is set (for `scripts/bench.sh` and anyone
/// asking where a long run spends its time); silent otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Timer {
    start: Option<std::time::Instant>,
}

impl Timer {
    /// A timer that reports phase times only when `enabled` (the command line enables it
    /// under `JIXIAO_TIMINGS`).
    pub fn new(enabled: bool) -> Self {
        Self {
            start: enabled.then(std::time::Instant::now),
        }
    }

    /// Prints the time since the start, labelled, and the memory in use where the system
    /// tells it (Linux).
    pub fn lap(&self, what: &str) {
        if let Some(start) = self.start {
            let memory = resident_mb()
                .map(|m| format!("，内存 {m} MB"))
                .unwrap_or_default();
            eprintln!(
                "[耗时] {what}：{:.2} s{memory}",
                start.elapsed().as_secs_f64()
            );
        }
    }
}

/// The process's resident memory in MB, from `/proc/self/statm` (Linux only; elsewhere none).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / 1_048_576)
}

/// Asks a yes/no question on the terminal; no (without asking) when input is not a terminal.
pub fn confirm(question: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprint!("{question}[y/N] ");
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line).is_err() {
        return false;
    }
    matches!(line.trim(), "y" | "Y" | "yes" | "是")
}

/// A run-level error as one line: each cause once. Libraries here (calamine, quick-xml, our
/// own `thiserror` enums) often repeat their source in their message, so a cause whose text
/// the line already holds is skipped rather than printed again.
pub fn error_text(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        // An OS error never shows its English text.
        let text = match cause.downcast_ref::<std::io::Error>() {
            Some(io) if io.raw_os_error().is_some() => crate::domain::io_text(io),
            _ => cause.to_string(),
        };
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push('：');
        }
        line.push_str(&text);
    }
    line
}

/// Missing departments named in full on the terminal; past this, the count only (every
/// one of them is listed in the workbook's 未报送 sheet).
pub const MISSING_NAMED: usize = 20;

use crate::domain::{Finding, Level};
use crate::pipeline::Assessment;
use crate::plan::Plan;
use anstyle::{AnsiColor, Style};
use std::fmt::Write as _;

fn level_style(level: Level) -> Style {
    match level {
        Level::Error => AnsiColor::Red.on_default().bold(),
        Level::Warning => AnsiColor::Yellow.on_default(),
        Level::Info => AnsiColor::Cyan.on_default(),
    }
}

/// One finding as a line: `  错误 V02 file!sheet!cell: message（hint）`, level coloured.
pub fn finding_line(f: &Finding) -> String {
    let style = level_style(f.level);
    let mut s = format!(
        "  {style}{} {}{style:#} {}: {}",
        f.level, f.code, f.location, f.message
    );
    if !f.hint.is_empty() {
        let _ = write!(s, "（{}）", f.hint);
    }
    s
}

/// Under `--verbose`, the library's own words about a finding.
fn detail_line(out: &mut String, f: &Finding, verbose: bool) {
    if let (true, Some(d)) = (verbose, &f.detail) {
        let _ = writeln!(out, "      原始错误信息：{d}");
    }
}

/// The text `check` prints: findings grouped by file, then the counts. Styled with ANSI
/// codes; print it through `anstream`, which drops them when output is not a terminal.
pub fn check_text(plan: &Plan, a: &Assessment, verbose: bool) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    for e in &a.evaluations {
        let d = e.dept();
        let _ = writeln!(out, "{bold}{}{bold:#}", e.inputs.file);
        let own = e
            .self_total
            .map(|s| format!("，自评 {s}"))
            .unwrap_or_default();
        let status_style = match e.status {
            crate::evaluate::Status::Rejected => level_style(Level::Error),
            crate::evaluate::Status::Warnings => level_style(Level::Warning),
            _ => AnsiColor::Green.on_default(),
        };
        let verdict = match e.state() {
            crate::evaluate::State::Scored => {
                format!("总分 {}，等级 {}", e.totals.total, e.totals.grade)
            }
            crate::evaluate::State::Provisional => {
                format!("暂计 {} 分（退回，不评定等级）", e.totals.total)
            }
            crate::evaluate::State::Blank => "未填写".to_string(),
        };
        let _ = writeln!(
            out,
            "  {}（{}）：{verdict}{own}，审核状态 {status_style}{}{status_style:#}",
            d.name,
            d.code,
            e.status.label()
        );
        for f in &e.findings {
            let _ = writeln!(out, "{}", finding_line(f));
            detail_line(&mut out, f, verbose);
        }
        out.push('\n');
    }
    for u in &a.unmatched {
        let _ = writeln!(out, "{bold}{}{bold:#}", u.file);
        for f in &u.findings {
            let _ = writeln!(out, "{}", finding_line(f));
            detail_line(&mut out, f, verbose);
        }
        out.push('\n');
    }
    if !a.superseded.is_empty() {
        let _ = writeln!(out, "{bold}已被替代的报送{bold:#}");
        for s in &a.superseded {
            let name = plan
                .department(&s.dept)
                .map(|d| d.name.as_str())
                .unwrap_or("");
            let _ = writeln!(out, "  {}（{name}）：以 {} 为准", s.file, s.by);
        }
        out.push('\n');
    }
    if !a.missing.is_empty() {
        let names: Vec<String> = a
            .missing
            .iter()
            .take(MISSING_NAMED)
            .map(|d| format!("{}（{}）", d.name, d.code))
            .collect();
        let more = match a.missing.len() {
            n if n > MISSING_NAMED => format!(" 等 {n} 个部门"),
            _ => String::new(),
        };
        let _ = writeln!(out, "{bold}未报送{bold:#}：{}{more}\n", names.join("、"));
    }
    let [passed, warned, rejected, missing] = a.counts();
    let _ = writeln!(
        out,
        "共读取 {} 个文件：通过 {passed}，有警告 {warned}，退回 {rejected}，未报送 {missing}，未使用的文件 {}",
        a.files_read,
        a.unmatched.len()
    );
    out
}

/// The terminal summary of `collect`: counts, the top five, then every file and folder it
/// wrote, each `(what, where)` a line.
pub fn collect_text(r: &crate::consolidate::Report, wrote: &[(&str, String)]) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    let a = r.assessment;
    let [passed, warned, rejected, missing] = a.counts();
    let _ = writeln!(
        out,
        "{bold}{}{bold:#}：读取 {} 个文件，{} 个部门中 通过 {passed}，有警告 {warned}，退回 {rejected}，未报送 {missing}；未使用的文件 {}，已被替代 {}。",
        r.plan.settings.name,
        a.files_read,
        r.plan.departments.len(),
        a.unmatched.len(),
        a.superseded.len()
    );
    let top: Vec<String> = r
        .rows
        .iter()
        .filter_map(|row| Some((row.rank?, row.eval?)))
        .take(5)
        .map(|(rank, e)| {
            format!(
                "  {rank}. {}（{}） {} 分 {}",
                e.inputs.dept.name, e.inputs.dept.code, e.totals.total, e.totals.grade
            )
        })
        .collect();
    if !top.is_empty() {
        let _ = writeln!(out, "前五名：");
        for t in top {
            let _ = writeln!(out, "{t}");
        }
    }
    for (what, place) in wrote {
        let _ = writeln!(out, "{what}：{place}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_give_each_cause_once() {
        #[derive(Debug, thiserror::Error)]
        #[error("Xml error: {0}")]
        struct Xml(#[source] std::io::Error);
        let io = || std::io::Error::other("attribute value not closed");
        let e = anyhow::Error::new(Xml(io())).context("无法打开评价方案 方案.xlsx");
        assert_eq!(
            error_text(&e),
            "无法打开评价方案 方案.xlsx：Xml error: attribute value not closed"
        );
        let e = anyhow::anyhow!("无法写入 a.xlsx").context("生成汇总表失败");
        assert_eq!(error_text(&e), "生成汇总表失败：无法写入 a.xlsx");
    }
    use crate::{plan, sample};

    #[test]
    fn a_long_list_of_missing_departments_is_cut_to_a_count() {
        let plan = plan::parse(sample::PLAN_FILE, &sample::plan_sheets()).unwrap();
        let missing = plan.departments.iter().cycle().take(MISSING_NAMED + 5);
        let a = Assessment {
            evaluations: Vec::new(),
            unmatched: Vec::new(),
            superseded: Vec::new(),
            missing: missing.collect(),
            files_read: 0,
            unspilled: None,
            ledger: Default::default(),
            asks: Default::default(),
            accepted: Vec::new(),
            unmatched_accept: Vec::new(),
        };
        let text = check_text(&plan, &a, false);
        let line = text.lines().find(|l| l.contains("未报送")).unwrap();
        assert_eq!(line.matches('、').count(), MISSING_NAMED - 1, "{line}");
        assert!(
            line.ends_with(&format!(" 等 {} 个部门", MISSING_NAMED + 5)),
            "{line}"
        );

        let few = Assessment {
            missing: plan.departments.iter().take(2).collect(),
            ..a
        };
        let text = check_text(&plan, &few, false);
        assert!(!text.contains(" 等 "), "{text}");
    }
}
