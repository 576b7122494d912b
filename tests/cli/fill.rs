//! Fills templates the way a department's spreadsheet program would: through a different
//! writer (umya-spreadsheet, via the library's demo filler) than the one that made them.

use jixiao::demo::fill::{Answers, info};
pub use jixiao::demo::fill::{Typing, find_row};
use jixiao::sample::{Reported, Spending};
use std::path::Path;

/// A filled copy of `template`, in memory, for tests that then break it.
pub fn fill_book(
    template: &Path,
    outcomes: &[Reported],
    spending: &[Spending],
    filled: &str,
    typing: Typing,
) -> umya_spreadsheet::Workbook {
    let answers = Answers {
        info: info("张华", "0518-85810001", filled),
        outcomes: outcomes.to_vec(),
        spending: spending.to_vec(),
    };
    jixiao::demo::fill::fill(&std::fs::read(template).unwrap(), &answers, typing).unwrap()
}

/// Writes a filled copy of `template` to `out`.
pub fn fill(
    template: &Path,
    out: &Path,
    outcomes: &[Reported],
    spending: &[Spending],
    filled: &str,
    typing: Typing,
) {
    let book = fill_book(template, outcomes, spending, filled, typing);
    umya_spreadsheet::writer::xlsx::write(&book, out).unwrap();
}

/// Outcomes of a department that meet every target, self-scores equal to the weights.
pub fn full_marks(plan: &jixiao::plan::Plan, code: &str) -> (Vec<Reported>, Vec<Spending>) {
    let dept = plan
        .department(&jixiao::domain::DeptCode::new(code))
        .unwrap();
    let a = jixiao::demo::full_marks(plan, dept);
    (a.outcomes, a.spending)
}
