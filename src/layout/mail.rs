//! Mail folders' own files: the journals `send` and `fetch` keep beside the messages.

/// The journal of a folder sent with `jixiao send`: one line per message the server accepted.
pub const SEND_JOURNAL: &str = "发送记录.tsv";
/// Its columns.
pub const SEND_JOURNAL_HEADER: [&str; 5] =
    ["文件", "Message-ID", "收件人", "发送时间", "服务器答复"];

/// The journal of a folder filled by `jixiao fetch`: one line per message looked at. Its
/// name starts with a dot, so that `collect` over the folder does not take it for a return.
pub const FETCH_JOURNAL: &str = ".jixiao-收取记录.tsv";
/// Its columns: the account and folder, UIDVALIDITY, UID, the message's Message-ID, what was
/// done, the file saved, when.
pub const FETCH_JOURNAL_HEADER: [&str; 8] = [
    "账户",
    "文件夹",
    "UIDVALIDITY",
    "UID",
    "Message-ID",
    "处理",
    "文件",
    "收取时间",
];

/// 处理 of a message saved.
pub const FETCH_SAVED: &str = "已保存";
/// 处理 of a message without an attachment (not saved, not looked at again).
pub const FETCH_NO_ATTACHMENT: &str = "无附件";
/// 处理 of a message over the size limit (not saved; looked at again next run).
pub const FETCH_TOO_BIG: &str = "过大";
