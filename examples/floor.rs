//! The floor for `scripts/bench.sh`: what any design that reads these returns and writes these
//! outputs must at least do. It reads every cell of every sheet of every return (as
//! `bare_read` does) and then writes the same outputs as a `collect` run wrote for them — the
//! same files, sheets and number of cells, each column with its kind (number or text) and
//! typical text length — values only, no formats, with rust_xlsxwriter; other files (summary
//! .json, letters) are written with their sizes.
//!
//! Two steps, so that learning the outputs' shape is not timed:
//!
//! ```text
//! floor shape COLLECT_OUTPUT SHAPE_FILE      # once, from a collect run
//! floor run RETURNS SHAPE_FILE DEST          # timed
//! ```
//!
//! It is kept fast the way `collect` is: reads on every core (rayon), workbooks written on every
//! core, each in constant-memory mode straight into its file, strings inline; nothing is
//! formatted, validated, merged or charted.

use calamine::{Data, Reader, open_workbook_auto};
use rayon::prelude::*;
use rust_xlsxwriter::Workbook;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One column of one sheet: how many cells, how many of them numbers, the mean text length.
struct Column {
    col: u16,
    cells: u32,
    numbers: u32,
    text_len: u32,
}

struct Sheet {
    name: String,
    columns: Vec<Column>,
}

enum Output {
    Workbook(String, Vec<Sheet>),
    Plain(String, u64),
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("shape") if args.len() == 4 => shape(Path::new(&args[2]), Path::new(&args[3])),
        Some("run") if args.len() == 5 => run(
            Path::new(&args[2]),
            Path::new(&args[3]),
            Path::new(&args[4]),
        ),
        _ => anyhow::bail!(
            "usage: floor shape COLLECT_OUTPUT SHAPE_FILE | floor run RETURNS SHAPE_FILE DEST"
        ),
    }
}

fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Learns the shape of a collect output and writes it as a small text file.
fn shape(output: &Path, shape_file: &Path) -> anyhow::Result<()> {
    let outputs: Vec<Output> = files_under(output)
        .par_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(output)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\t', " ");
            let is_xlsx = p.extension().is_some_and(|e| e == "xlsx");
            match open_workbook_auto(p) {
                Ok(mut wb) if is_xlsx => {
                    let sheets = wb
                        .sheet_names()
                        .into_iter()
                        .filter_map(|name| {
                            let range = wb.worksheet_range(&name).ok()?;
                            let mut cols: std::collections::BTreeMap<u16, (u32, u32, u64)> =
                                Default::default();
                            for (_, c, v) in range.used_cells() {
                                let e = cols.entry(c as u16).or_default();
                                e.0 += 1;
                                match v {
                                    Data::Float(_) | Data::Int(_) => e.1 += 1,
                                    other => e.2 += other.to_string().chars().count() as u64,
                                }
                            }
                            let columns = cols
                                .into_iter()
                                .map(|(col, (cells, numbers, len))| Column {
                                    col,
                                    cells,
                                    numbers,
                                    text_len: (len / u64::from((cells - numbers).max(1))) as u32,
                                })
                                .collect();
                            Some(Sheet { name, columns })
                        })
                        .collect();
                    Output::Workbook(rel, sheets)
                }
                _ => Output::Plain(rel, std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)),
            }
        })
        .collect();
    let mut text = String::new();
    for o in &outputs {
        match o {
            Output::Plain(rel, size) => text.push_str(&format!("F\t{rel}\t{size}\n")),
            Output::Workbook(rel, sheets) => {
                text.push_str(&format!("X\t{rel}\n"));
                for s in sheets {
                    text.push_str(&format!("S\t{}\n", s.name));
                    for c in &s.columns {
                        text.push_str(&format!(
                            "C\t{}\t{}\t{}\t{}\n",
                            c.col, c.cells, c.numbers, c.text_len
                        ));
                    }
                }
            }
        }
    }
    std::fs::write(shape_file, text)?;
    println!("{} output files", outputs.len());
    Ok(())
}

fn read_shape(shape_file: &Path) -> anyhow::Result<Vec<Output>> {
    let text = std::fs::read_to_string(shape_file)?;
    let mut out: Vec<Output> = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match (f.first().copied(), out.last_mut()) {
            (Some("F"), _) => out.push(Output::Plain(f[1].into(), f[2].parse()?)),
            (Some("X"), _) => out.push(Output::Workbook(f[1].into(), Vec::new())),
            (Some("S"), Some(Output::Workbook(_, sheets))) => sheets.push(Sheet {
                name: f[1].into(),
                columns: Vec::new(),
            }),
            (Some("C"), Some(Output::Workbook(_, sheets))) => {
                if let Some(s) = sheets.last_mut() {
                    s.columns.push(Column {
                        col: f[1].parse()?,
                        cells: f[2].parse()?,
                        numbers: f[3].parse()?,
                        text_len: f[4].parse()?,
                    });
                }
            }
            _ => anyhow::bail!("bad shape line: {line}"),
        }
    }
    Ok(out)
}

/// Reads every return, then writes the outputs of the shape into `dest`.
fn run(returns: &Path, shape_file: &Path, dest: &Path) -> anyhow::Result<()> {
    let outputs = read_shape(shape_file)?;
    let started = Instant::now();
    let files: Vec<PathBuf> = files_under(returns)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    let read: u64 = files
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
    let read_secs = started.elapsed().as_secs_f64();
    let written: u64 = outputs
        .par_iter()
        .map(|o| write_output(o, dest))
        .collect::<anyhow::Result<Vec<u64>>>()?
        .into_iter()
        .sum();
    println!(
        "{} returns, {read} cells read in {read_secs:.3} s; {} files, {written} cells written; {:.3} s",
        files.len(),
        outputs.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn write_output(o: &Output, dest: &Path) -> anyhow::Result<u64> {
    match o {
        Output::Plain(rel, size) => {
            let path = dest.join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)?;
            }
            let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
            let line = [b'x'; 4096];
            let mut left = *size;
            while left > 0 {
                let n = left.min(line.len() as u64) as usize;
                f.write_all(&line[..n])?;
                left -= n as u64;
            }
            f.flush()?;
            Ok(0)
        }
        Output::Workbook(rel, sheets) => {
            let path = dest.join(rel);
            if let Some(p) = path.parent() {
                std::fs::create_dir_all(p)?;
            }
            let mut wb = Workbook::new();
            let mut cells = 0u64;
            for s in sheets {
                let ws = wb.add_worksheet_with_constant_memory()?;
                ws.set_name(&s.name)?;
                let rows = s.columns.iter().map(|c| c.cells).max().unwrap_or(0);
                let texts: Vec<String> = s
                    .columns
                    .iter()
                    .map(|c| "文".repeat(c.text_len as usize))
                    .collect();
                // Row by row, as constant-memory mode requires; column c holds its first
                // `cells` rows, the first `numbers` of them numbers.
                for r in 0..rows {
                    for (c, text) in s.columns.iter().zip(&texts) {
                        if r >= c.cells {
                            continue;
                        }
                        if r < c.numbers {
                            ws.write_number(r, c.col, f64::from(r) + 0.5)?;
                        } else {
                            ws.write_string(r, c.col, text)?;
                        }
                        cells += 1;
                    }
                }
            }
            wb.save(path)?;
            Ok(cells)
        }
    }
}
