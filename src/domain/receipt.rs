//! When a return counts as received ([`Receipt`]) and whether a department returned on time
//! ([`Timeliness`]): the one rule the ranking, letters, reports and summary.json share
//! (decided in [`crate::round`]).

use super::*;

/// When a return counts as received, and what says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Receipt {
    /// Unix seconds (a date alone counts from its start, Beijing time).
    pub at: i64,
    /// What gave the time.
    pub source: ReceiptSource,
}

/// What a receipt's time comes from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReceiptSource {
    /// The bureau's mail server: the message's top-most `Received:` line (which `fetch`
    /// writes from the server's INTERNALDATE).
    Server,
    /// The message's Date, written by the sender's program.
    MailDate,
    /// 基本信息's 填报日期, typed by the department (a file put in the folder by hand).
    Filled,
    /// The file's modification time on this machine.
    FileTime,
}

impl ReceiptSource {
    /// The Chinese label shown beside the time.
    pub fn label(self) -> &'static str {
        match self {
            ReceiptSource::Server => "邮件收到时间",
            ReceiptSource::MailDate => "邮件发送时间",
            ReceiptSource::Filled => "填报日期",
            ReceiptSource::FileTime => "文件修改时间",
        }
    }

    /// The source whose label this is.
    pub fn from_label(s: &str) -> Option<Self> {
        [Self::Server, Self::MailDate, Self::Filled, Self::FileTime]
            .into_iter()
            .find(|x| x.label() == s)
    }
}

impl Receipt {
    /// The Beijing date of the receipt.
    pub fn date(&self) -> Date {
        Date::of_unix_beijing(self.at)
    }

    /// As shown: `2026-03-25 10:12` (a 填报日期 as the date alone).
    pub fn text(&self) -> String {
        match self.source {
            ReceiptSource::Filled => self.date().to_string(),
            _ => beijing_time(self.at),
        }
    }

    /// The start of a Beijing day, as a receipt from `source`.
    pub fn of_date(d: Date, source: ReceiptSource) -> Self {
        Receipt {
            at: d.days() * 86_400 - 8 * 3600,
            source,
        }
    }
}

/// Whether a department returned on time, by the rule the README states: the first return
/// received counts, whatever was decided about it; a resubmission a 退回 letter asked for
/// counts by that letter's deadline; a correction of an on-time return keeps it on time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Timeliness {
    /// No deadline to compare with, or no return.
    #[default]
    Unknown,
    /// The first return came by the deadline.
    OnTime {
        /// The first return's receipt.
        first: Receipt,
    },
    /// On time, and corrected later (更正于).
    Corrected {
        /// The first return's receipt.
        first: Receipt,
        /// When the return now used came.
        on: Date,
    },
    /// On time; sent back (退回) and resubmitted by the letter's deadline.
    Resubmitted {
        /// The first return's receipt.
        first: Receipt,
        /// When the resubmission came.
        on: Date,
        /// The deadline the 退回 letter named.
        by: Date,
    },
    /// Late: the first return after 报送截止日期, or a resubmission after its letter's deadline.
    Late {
        /// The first return's receipt.
        first: Receipt,
        /// Days late.
        days: i64,
        /// The deadline missed.
        deadline: Date,
        /// When the late return came.
        at: Date,
        /// The deadline missed was a 退回 letter's, not the plan's.
        after_return: bool,
    },
}

impl Timeliness {
    /// Days late, when late.
    pub fn late_days(&self) -> Option<i64> {
        match self {
            Timeliness::Late { days, .. } => Some(*days),
            _ => None,
        }
    }

    /// The first return's receipt, when known.
    pub fn first(&self) -> Option<&Receipt> {
        match self {
            Timeliness::Unknown => None,
            Timeliness::OnTime { first }
            | Timeliness::Corrected { first, .. }
            | Timeliness::Resubmitted { first, .. }
            | Timeliness::Late { first, .. } => Some(first),
        }
    }

    /// `按时`, `按时（更正于 2026-04-25）`, `逾期 25 天` …, for tables.
    pub fn label(&self) -> String {
        match self {
            Timeliness::Unknown => String::new(),
            Timeliness::OnTime { .. } => "按时".into(),
            Timeliness::Corrected { on, .. } => format!("按时（更正于 {on}）"),
            Timeliness::Resubmitted { on, by, .. } => {
                format!("按时（退回后于 {on} 重报，期限 {by}）")
            }
            Timeliness::Late {
                days,
                after_return: false,
                ..
            } => format!("逾期 {days} 天"),
            Timeliness::Late { days, .. } => format!("退回后逾期重报 {days} 天"),
        }
    }

    /// The sentence a letter or report says about it (empty when nothing is known).
    pub fn sentence(&self) -> String {
        match self {
            Timeliness::Unknown => String::new(),
            Timeliness::OnTime { first } => {
                format!("贵单位于 {} 按时报送。", first.text())
            }
            Timeliness::Corrected { first, on } => format!(
                "贵单位于 {} 按时报送，于 {on} 报送了更正稿，按更正稿审核，仍按按时报送计。",
                first.text()
            ),
            Timeliness::Resubmitted { first, on, by } => format!(
                "贵单位于 {} 按时报送，退回后于 {on} 在重报期限 {by} 前重新报送，按按时报送计。",
                first.text()
            ),
            Timeliness::Late {
                first,
                days,
                deadline,
                at,
                after_return: false,
            } => format!(
                "贵单位于 {}（{}）首次报送，晚于报送截止日期 {deadline}，逾期 {days} 天。",
                at,
                first.source.label()
            ),
            Timeliness::Late {
                days, deadline, at, ..
            } => format!(
                "贵单位的报送被退回后，于 {at} 重新报送，晚于退回通知的重报期限 {deadline}，逾期 {days} 天。"
            ),
        }
    }
}
