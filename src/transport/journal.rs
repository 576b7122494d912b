//! An append-only journal in a folder: a UTF-8 (with BOM) tab-separated text file, one line
//! per thing done, readable in Notepad or Excel.
//!
//! Guarantees: each line is written and flushed to disk before the next thing is done, so
//! an interrupted run leaves every finished step recorded; tabs and line breaks inside a
//! field become spaces, so a line always has its columns; a line that cannot be read (cut
//! short by a crash) is ignored, never fatal.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A journal and the lines it held when opened, plus those appended since.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    columns: usize,
    rows: Vec<Vec<String>>,
}

impl Journal {
    /// Opens the journal at `path` (not there yet: empty) with these column headers.
    pub fn open(path: &Path, header: &[&str]) -> std::io::Result<Self> {
        let rows = match std::fs::read(path) {
            Ok(bytes) => {
                if !bytes.is_empty() && !bytes.ends_with(b"\n") {
                    // A line cut short by a crash: end it, so the next line starts clean.
                    OpenOptions::new()
                        .append(true)
                        .open(path)?
                        .write_all(b"\r\n")?;
                }
                let text = String::from_utf8_lossy(&bytes);
                let text = text.trim_start_matches('\u{feff}');
                text.lines()
                    .skip(1)
                    .map(|l| l.split('\t').map(str::to_string).collect::<Vec<_>>())
                    .filter(|r| r.len() == header.len())
                    .collect()
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        let journal = Journal {
            path: path.to_path_buf(),
            columns: header.len(),
            rows,
        };
        if !path.exists() {
            let mut f = File::create(path)?;
            f.write_all(format!("\u{feff}{}\r\n", header.join("\t")).as_bytes())?;
            f.sync_all()?;
        }
        Ok(journal)
    }

    /// The lines recorded, oldest first.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// The journal's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records one line, on disk before this returns.
    pub fn append(&mut self, fields: &[&str]) -> std::io::Result<()> {
        let row: Vec<String> = (0..self.columns)
            .map(|i| {
                fields
                    .get(i)
                    .map(|f| f.replace(['\t', '\r', '\n'], " "))
                    .unwrap_or_default()
            })
            .collect();
        let mut f = OpenOptions::new().append(true).open(&self.path)?;
        f.write_all(format!("{}\r\n", row.join("\t")).as_bytes())?;
        f.sync_data()?;
        self.rows.push(row);
        Ok(())
    }
}

/// Now, as a journal line records it: Beijing time, from the real clock (a journal records
/// when things happened, not the reproducible clock of the outputs).
pub fn now_text() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    crate::domain::beijing_time(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_survive_reopening_and_broken_lines_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("记录.tsv");
        let mut j = Journal::open(&path, &["文件", "编号"]).unwrap();
        j.append(&["a.eml", "1\t2"]).unwrap();
        // A crash mid-line leaves a line without all its columns.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"b.eml")
            .unwrap();
        let mut j = Journal::open(&path, &["文件", "编号"]).unwrap();
        assert_eq!(j.rows(), [vec!["a.eml".to_string(), "1 2".to_string()]]);
        j.append(&["c.eml", "3"]).unwrap();
        let j = Journal::open(&path, &["文件", "编号"]).unwrap();
        assert_eq!(j.rows()[1], ["c.eml", "3"]);
        assert!(
            std::fs::read(&path)
                .unwrap()
                .starts_with("\u{feff}文件".as_bytes())
        );
    }
}
