//! When a return counts as received: its source (and 填报日期) → a [`Receipt`], and a
//! warning when the mail's own date cannot be believed.
//!
//! By mail, the bureau's server's time (the top-most `Received:` line) counts; without one,
//! the message's Date — unless it lies after the run (`Date: 2099` would always win): then
//! the return has no receipt (it is not taken for the newest) and the date is flagged. From a
//! folder, 填报日期, else the file's time.

use crate::collect::Source;
use crate::domain::{
    Code, Date, Finding, Location, Receipt, ReceiptSource, beijing_time, unix_secs,
};

/// A mail time more than this after the run is not believed.
const FUTURE_SLACK: i64 = 24 * 3600;

/// The receipt of a return, and a finding when its mail's date was not believed.
pub fn of(source: &Source, filled: Option<Date>, now: i64) -> (Option<Receipt>, Option<Finding>) {
    let file_time = source.modified.map(|t| Receipt {
        at: unix_secs(t),
        source: ReceiptSource::FileTime,
    });
    let Some(mail) = &source.mail else {
        let filled = filled.map(|d| Receipt::of_date(d, ReceiptSource::Filled));
        return (filled.or(file_time), None);
    };
    let believable = |t: i64| t <= now + FUTURE_SLACK;
    if let Some(at) = mail.received.filter(|t| believable(*t)) {
        return (
            Some(Receipt {
                at,
                source: ReceiptSource::Server,
            }),
            None,
        );
    }
    match mail.date {
        Some(at) if believable(at) => (
            Some(Receipt {
                at,
                source: ReceiptSource::MailDate,
            }),
            None,
        ),
        Some(at) => {
            // Not believed, and not replaced by the file's time either (a file saved today
            // would still beat every return dated before it): this return has no receipt, so
            // any dated return of the department comes first, and it never makes anyone late.
            let f = Finding::new(
                Code::MailDateDoubtful,
                Location::file(source.display.as_str()),
                format!(
                    "邮件的发送时间为 {}，晚于本次运行时间，不可信；不能确定收到时间，不作为较新的报送，也不据此计算逾期",
                    beijing_time(at)
                ),
                "请核对发件人电脑的日期；如需以这一份为准，请删除其他报送后重新汇总",
            );
            (None, Some(f))
        }
        None => (file_time, None),
    }
}
