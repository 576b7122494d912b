//! An append-only journal in a folder: a UTF-8 (with BOM) tab-separated text file, one line
//! per thing done, readable in Notepad or Excel.
//!
//! Guarantees: each line is written and flushed to disk before the next thing is done, so
//! an interrupted run leaves every finished step recorded; a field is written by
//! [`tsv_field`](crate::domain::tsv_field) (no tab or line break inside, never a formula in
//! Excel) and read back as it was; a last line cut short by a crash is dropped. A journal
//! that cannot be read exactly as written (its header changed or gone, a column deleted,
//! resaved as CSV or UTF-16) is a [`JournalError`], never read as empty: what it recorded
//! decides what is done again. A journal written under an earlier header (a prefix of
//! today's) is rewritten once under today's, its lines kept.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A journal and the lines it held when opened, plus those appended since.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    columns: usize,
    rows: Vec<Vec<String>>,
}

/// Why a journal cannot be used.
#[derive(Debug, Error)]
pub enum JournalError {
    /// Reading or writing it failed.
    #[error("{}", crate::domain::io_text(.0))]
    Io(#[from] std::io::Error),
    /// Writing it afresh failed.
    #[error(transparent)]
    Write(#[from] crate::output::OutputError),
    /// Its text is not what this program writes (why, in Chinese).
    #[error("{0}")]
    Changed(String),
}

impl Journal {
    /// Opens the journal at `path` (not there yet: empty, created with `header`).
    pub fn open(path: &Path, header: &[&str]) -> Result<Self, JournalError> {
        let rows = match std::fs::read(path) {
            Ok(bytes) => {
                let (rows, migrate) = parse(&bytes, header)?;
                if migrate {
                    rewrite(path, header, &rows)?;
                } else if !bytes.ends_with(b"\n") {
                    // A line cut short by a crash: dropped, so the next line starts clean.
                    let kept = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
                    OpenOptions::new()
                        .write(true)
                        .open(path)?
                        .set_len(kept as u64)?;
                }
                rows
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                rewrite(path, header, &[])?;
                Vec::new()
            }
            Err(e) => return Err(e.into()),
        };
        Ok(Journal {
            path: path.to_path_buf(),
            columns: header.len(),
            rows,
        })
    }

    /// The lines recorded, oldest first, each field as it was before writing.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// The journal's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `s` as a line of this journal holds it once written and read back (a tab in a file
    /// name is a space there): what to compare a recorded field with.
    pub fn recorded(s: &str) -> String {
        crate::domain::tsv_value(&crate::domain::tsv_field(s)).to_string()
    }

    /// Records one line, on disk before this returns.
    pub fn append(&mut self, fields: &[&str]) -> std::io::Result<()> {
        let written: Vec<String> = (0..self.columns)
            .map(|i| crate::domain::tsv_field(fields.get(i).copied().unwrap_or_default()))
            .collect();
        let mut f = OpenOptions::new().append(true).open(&self.path)?;
        f.write_all(format!("{}\r\n", written.join("\t")).as_bytes())?;
        f.sync_data()?;
        self.rows.push(
            written
                .iter()
                .map(|w| crate::domain::tsv_value(w).to_string())
                .collect(),
        );
        Ok(())
    }
}

/// The rows of a journal's bytes, and whether its header is an earlier one (a prefix of
/// `header`) that should be rewritten.
fn parse(bytes: &[u8], header: &[&str]) -> Result<(Vec<Vec<String>>, bool), JournalError> {
    let changed = |why: String| JournalError::Changed(why);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(changed(
            "文件被另存成了 UTF-16（Unicode）编码，本程序只写 UTF-8".into(),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| changed("文件不是 UTF-8 编码（可能在 Excel 或记事本中另存过）".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let complete = text.ends_with('\n');
    let mut lines: Vec<&str> = text.split('\n').collect();
    if complete || lines.last() == Some(&"") {
        lines.pop();
    }
    let first = lines
        .first()
        .map(|l| l.trim_end_matches('\r'))
        .unwrap_or("");
    let found: Vec<&str> = first.split('\t').collect();
    let expected = header.join("\t");
    let migrate = if found == header {
        false
    } else if found.len() < header.len() && header.starts_with(&found) && found.len() >= 2 {
        true
    } else {
        return Err(changed(format!(
            "第 1 行（表头）应为「{}」，现在是「{}」（列被删除或改名、表头被删除，或另存成了 CSV）",
            expected.replace('\t', "、"),
            crate::domain::for_terminal(first)
                .chars()
                .take(80)
                .collect::<String>()
        )));
    };
    let columns = found.len();
    let mut rows = Vec::new();
    let last = lines.len().saturating_sub(1);
    for (k, line) in lines.iter().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns {
            if k == last && !complete {
                continue; // cut short by a crash
            }
            return Err(changed(format!(
                "第 {} 行有 {} 列，应为 {columns} 列（列被删除或插入过）",
                k + 1,
                fields.len()
            )));
        }
        let mut row: Vec<String> = fields
            .iter()
            .map(|f| crate::domain::tsv_value(f).to_string())
            .collect();
        row.resize(header.len(), String::new());
        rows.push(row);
    }
    Ok((rows, migrate))
}

/// Writes the journal afresh: `header`, then `rows`, through a temporary name.
fn rewrite(path: &Path, header: &[&str], rows: &[Vec<String>]) -> Result<(), JournalError> {
    let mut text = format!("\u{feff}{}\r\n", header.join("\t"));
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| crate::domain::tsv_field(f)).collect();
        text.push_str(&fields.join("\t"));
        text.push_str("\r\n");
    }
    crate::output::write_atomic(path, text.as_bytes())?;
    let _ = File::open(path).and_then(|f| f.sync_all());
    Ok(())
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

    #[test]
    fn a_journal_edited_by_hand_is_refused_not_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("发送记录.tsv");
        let header = ["文件", "Message-ID", "时间"];
        let mut j = Journal::open(&path, &header).unwrap();
        j.append(&["a.eml", "<1@x>", "2026-12-01 10:00:00"])
            .unwrap();
        let good = std::fs::read_to_string(&path).unwrap();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(good.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("UTF-16", utf16, "UTF-16"),
            (
                "CSV",
                good.replace('\t', ",").into_bytes(),
                "第 1 行（表头）",
            ),
            (
                "header deleted",
                good.lines()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join("\r\n")
                    .into_bytes(),
                "第 1 行（表头）",
            ),
            (
                "column deleted",
                good.replace("\t<1@x>", "").into_bytes(),
                "第 2 行有 2 列",
            ),
            ("GBK", vec![0xB7, 0xA2, 0xCB, 0xCD, b'\n'], "不是 UTF-8"),
        ];
        for (what, bytes, said) in cases {
            std::fs::write(&path, &bytes).unwrap();
            match Journal::open(&path, &header) {
                Err(JournalError::Changed(why)) => assert!(why.contains(said), "{what}: {why}"),
                other => panic!("{what}: {other:?}"),
            }
            assert_eq!(
                std::fs::read(&path).unwrap(),
                bytes,
                "{what}: left as it was"
            );
        }
    }

    #[test]
    fn a_journal_under_an_earlier_header_is_rewritten_with_its_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("记录.tsv");
        std::fs::write(&path, "\u{feff}文件\t编号\r\na.eml\t1\r\n").unwrap();
        let mut j = Journal::open(&path, &["文件", "编号", "摘要"]).unwrap();
        assert_eq!(
            j.rows(),
            [vec!["a.eml".to_string(), "1".into(), String::new()]]
        );
        j.append(&["b.eml", "2", "abc"]).unwrap();
        let j = Journal::open(&path, &["文件", "编号", "摘要"]).unwrap();
        assert_eq!(j.rows().len(), 2);
    }
}
