//! The baseline for `scripts/bench.sh`: read every cell of every sheet of every workbook in a
//! folder with calamine and rayon, and nothing else.
//!
//! `cargo run --release --example bare_read -- DIR`

use calamine::{Reader, open_workbook_auto};
use rayon::prelude::*;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: bare_read DIR"))?;
    let started = Instant::now();
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let cells: u64 = files
        .par_iter()
        .map(|p| {
            let Ok(mut wb) = open_workbook_auto(p) else {
                return 0;
            };
            let mut n = 0u64;
            for name in wb.sheet_names() {
                if let Ok(range) = wb.worksheet_range(&name) {
                    n += range.used_cells().count() as u64;
                }
            }
            n
        })
        .sum();
    println!(
        "{} files, {cells} cells, {:.3} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
