//! 报送记录: the round's record as a TSV file → [`Ledger`] and back.
//!
//! One line per return received (its content digest, when it counts as received, who sent
//! it, what was decided) and per reminder sent (催报, with the deadline it named). UTF-8 with
//! a byte-order mark and CRLF, so Notepad and Excel open it; written whole into each run's
//! output. A record that cannot be read exactly is refused with the line and column named,
//! never half used.

use crate::domain::{Date, DeptCode, Receipt, ReceiptSource};
use crate::layout::consolidated::LEDGER_HEADER;
use thiserror::Error;

/// What a line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A return received.
    Return,
    /// A reminder (催报) asking for a return by a date.
    Reminder,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Return => "报送",
            Kind::Reminder => "催报",
        }
    }
}

/// What was decided about a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// 通过.
    Passed,
    /// 有警告.
    Warnings,
    /// 退回 (sent back, with a deadline to resubmit).
    Rejected,
    /// 身份存疑: held for the bureau, not used.
    Doubtful,
    /// 确认采用: a held return the bureau accepted.
    Accepted,
    /// 已被替代: replaced by a newer return in the run it arrived in (never used).
    Superseded,
    /// A reminder has no decision.
    None,
}

impl Decision {
    /// Whether the return was used (scored for its department) when it was recorded: only a
    /// used return makes its sender known.
    pub fn used(self) -> bool {
        matches!(
            self,
            Decision::Passed | Decision::Warnings | Decision::Rejected | Decision::Accepted
        )
    }

    /// The Chinese word.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Passed => "通过",
            Decision::Warnings => "有警告",
            Decision::Rejected => "退回",
            Decision::Doubtful => "身份存疑",
            Decision::Accepted => "确认采用",
            Decision::Superseded => "已被替代",
            Decision::None => "",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            Decision::Passed,
            Decision::Warnings,
            Decision::Rejected,
            Decision::Doubtful,
            Decision::Accepted,
            Decision::Superseded,
            Decision::None,
        ]
        .into_iter()
        .find(|d| d.label() == s)
    }
}

/// One line of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The department.
    pub dept: DeptCode,
    /// Its name when recorded.
    pub name: String,
    /// A return, or a reminder.
    pub kind: Kind,
    /// The return as users see it (empty for a reminder).
    pub file: String,
    /// Its content digest (empty for a reminder).
    pub digest: String,
    /// When it counts as received.
    pub receipt: Option<Receipt>,
    /// Who sent it (the mail's address), when it came by mail.
    pub sender: String,
    /// What was decided.
    pub decision: Decision,
    /// The deadline the letter named: to resubmit (退回), or to return (催报).
    pub deadline: Option<Date>,
    /// When the line was first written (Beijing time).
    pub recorded: String,
}

/// The whole record, oldest line first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    /// The lines.
    pub entries: Vec<Entry>,
}

/// A record that cannot be read exactly.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LedgerError {
    /// The header is not the record's.
    #[error("第 1 行的表头不是报送记录的表头（应为「{}」）", LEDGER_HEADER.join("」「"))]
    Header,
    /// A line has another number of columns.
    #[error("第 {0} 行有 {1} 列，应为 {2} 列")]
    Columns(usize, usize, usize),
    /// A field cannot be read.
    #[error("第 {line} 行「{column}」列的「{value}」无法识别")]
    Field {
        /// 1-based line.
        line: usize,
        /// Column header.
        column: &'static str,
        /// What it holds.
        value: String,
    },
    /// Not UTF-8 text (saved as another encoding).
    #[error("不是 UTF-8 文本（可能被另存为其他编码）")]
    Encoding,
}

impl Ledger {
    /// Reads a record's bytes.
    pub fn read(bytes: &[u8]) -> Result<Self, LedgerError> {
        let text = std::str::from_utf8(bytes).map_err(|_| LedgerError::Encoding)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        if header.trim_end_matches('\r').split('\t').ne(LEDGER_HEADER) {
            return Err(LedgerError::Header);
        }
        let mut entries = Vec::new();
        for (k, line) in lines.enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            entries.push(entry(k + 2, line)?);
        }
        Ok(Ledger { entries })
    }

    /// The record as a file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = format!("\u{feff}{}\r\n", LEDGER_HEADER.join("\t"));
        for e in &self.entries {
            let receipt = e.receipt.map(|r| seconds_text(r.at)).unwrap_or_default();
            let source = e.receipt.map(|r| r.source.label()).unwrap_or_default();
            let deadline = e.deadline.map(|d| d.to_string()).unwrap_or_default();
            let fields = [
                e.dept.as_str(),
                &e.name,
                e.kind.label(),
                &e.file,
                &e.digest,
                &receipt,
                source,
                &e.sender,
                e.decision.label(),
                &deadline,
                &e.recorded,
            ];
            let row: Vec<String> = fields.iter().map(|f| crate::domain::tsv_field(f)).collect();
            out.push_str(&row.join("\t"));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }

    /// The returns recorded for `dept`.
    pub fn returns<'a>(&'a self, dept: &'a DeptCode) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |e| e.kind == Kind::Return && e.dept == *dept)
    }

    /// The entry of a return by its digest.
    pub fn by_digest(&self, digest: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.kind == Kind::Return && !digest.is_empty() && e.digest == digest)
    }

    /// The last reminder sent to `dept`.
    pub fn last_reminder(&self, dept: &DeptCode) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.kind == Kind::Reminder && e.dept == *dept)
    }
}

/// `2026-03-25 10:12:03` (Beijing).
fn seconds_text(unix: i64) -> String {
    let secs = unix + 8 * 3600;
    let rem = secs.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}:{:02}",
        Date::of_unix_beijing(unix),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The Unix time of `2026-03-25 10:12:03` (Beijing).
fn parse_seconds(s: &str) -> Option<i64> {
    let (date, time) = s.split_once(' ')?;
    let d = Date::parse(date)?;
    let mut it = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, sec) = (it.next()??, it.next()??, it.next()??);
    if it.next().is_some()
        || !(0..24).contains(&h)
        || !(0..60).contains(&m)
        || !(0..60).contains(&sec)
    {
        return None;
    }
    Some(d.days() * 86_400 - 8 * 3600 + h * 3600 + m * 60 + sec)
}

fn entry(line: usize, text: &str) -> Result<Entry, LedgerError> {
    let f: Vec<&str> = text.split('\t').collect();
    if f.len() != LEDGER_HEADER.len() {
        return Err(LedgerError::Columns(line, f.len(), LEDGER_HEADER.len()));
    }
    let bad = |i: usize| LedgerError::Field {
        line,
        column: LEDGER_HEADER[i],
        value: f[i].to_string(),
    };
    let unquote = |s: &str| crate::domain::tsv_value(s).to_string();
    let kind = match f[2] {
        "报送" => Kind::Return,
        "催报" => Kind::Reminder,
        _ => return Err(bad(2)),
    };
    let receipt = match (f[5], f[6]) {
        ("", "") => None,
        (at, source) => Some(Receipt {
            at: parse_seconds(at).ok_or_else(|| bad(5))?,
            source: ReceiptSource::from_label(source).ok_or_else(|| bad(6))?,
        }),
    };
    let deadline = match f[9] {
        "" => None,
        d => Some(Date::parse(d).ok_or_else(|| bad(9))?),
    };
    if f[0].trim().is_empty() {
        return Err(bad(0));
    }
    Ok(Entry {
        dept: DeptCode::new(f[0]),
        name: unquote(f[1]),
        kind,
        file: unquote(f[3]),
        digest: f[4].to_string(),
        receipt,
        sender: unquote(f[7]),
        decision: Decision::parse(f[8]).ok_or_else(|| bad(8))?,
        deadline,
        recorded: f[10].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Ledger {
        Ledger {
            entries: vec![
                Entry {
                    dept: DeptCode::new("013"),
                    name: "青山县水利局".into(),
                    kind: Kind::Return,
                    file: "14_甲_自评表.xlsx.eml ▸ 自评表.xlsx".into(),
                    digest: "0123456789abcdef".into(),
                    receipt: Some(Receipt {
                        at: 1_774_404_723,
                        source: ReceiptSource::Server,
                    }),
                    sender: "=cmd|' /C calc'!A0".into(),
                    decision: Decision::Rejected,
                    deadline: Date::new(2026, 4, 1),
                    recorded: "2026-03-25 10:30".into(),
                },
                Entry {
                    dept: DeptCode::new("018"),
                    name: "青山县民政局".into(),
                    kind: Kind::Reminder,
                    file: String::new(),
                    digest: String::new(),
                    receipt: None,
                    sender: String::new(),
                    decision: Decision::None,
                    deadline: Date::new(2026, 4, 7),
                    recorded: "2026-03-31 18:00".into(),
                },
            ],
        }
    }

    #[test]
    fn a_record_reads_back_as_written_and_never_holds_a_formula() {
        let l = sample();
        let bytes = l.to_bytes();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\t'=cmd"), "{text}");
        assert_eq!(Ledger::read(&bytes).unwrap(), l);
    }

    #[test]
    fn an_edited_record_is_refused_with_its_line() {
        let text = String::from_utf8(sample().to_bytes()).unwrap();
        let cut = text.replace("\t退回\t", "\t");
        assert_eq!(
            Ledger::read(cut.as_bytes()),
            Err(LedgerError::Columns(2, 10, 11))
        );
        let bad = text.replace("\t退回\t", "\t不知道\t");
        assert!(matches!(
            Ledger::read(bad.as_bytes()),
            Err(LedgerError::Field {
                line: 2,
                column: "审核结论",
                ..
            })
        ));
        let no_header = text.lines().skip(1).collect::<Vec<_>>().join("\r\n");
        assert_eq!(Ledger::read(no_header.as_bytes()), Err(LedgerError::Header));
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        assert_eq!(Ledger::read(&gbk), Err(LedgerError::Encoding));
    }
}
