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

    /// Prints a line above the bar (or plainly when there is no bar) and advances by one.
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
