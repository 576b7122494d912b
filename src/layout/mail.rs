//! Mail folders' own files: the journals `send` and `fetch` keep beside the messages.

/// The journal of a folder sent with `jixiao send`: one line per message the server accepted.
pub const SEND_JOURNAL: &str = "发送记录.tsv";
/// Its columns.
pub const SEND_JOURNAL_HEADER: [&str; 5] =
    ["文件", "Message-ID", "收件人", "发送时间", "服务器答复"];
/// 服务器答复 of a message handed to the server whose answer has not come (yet): written
/// before the message goes, replaced by a later line with the answer. Left as the last line
/// of a message, it means the connection broke off and the message may have arrived.
pub const SEND_PENDING: &str = "（已交给服务器，尚未收到答复）";
/// What 服务器答复 starts with when the message was not sent (the server refused it, or it
/// could not be handed over): it is sent again on the next run.
pub const SEND_REFUSED: &str = "未发送：";

/// The journal of a folder filled by `jixiao fetch`: one line per message looked at. Its
/// name starts with a dot, so that `collect` over the folder does not take it for a return.
pub const FETCH_JOURNAL: &str = ".jixiao-收取记录.tsv";
/// Its columns: the account and folder, UIDVALIDITY, UID, the message's Message-ID, what was
/// done, the file saved, when, and the digest of the message's content (what tells two
/// messages apart: a Message-ID may be reused or missing). A journal of eight columns (before
/// the digest) is rewritten with nine.
pub const FETCH_JOURNAL_HEADER: [&str; 9] = [
    "账户",
    "文件夹",
    "UIDVALIDITY",
    "UID",
    "Message-ID",
    "处理",
    "文件",
    "收取时间",
    "内容摘要",
];

/// 处理 of a message saved.
pub const FETCH_SAVED: &str = "已保存";
/// 处理 of a message without an attachment (not saved, not looked at again).
pub const FETCH_NO_ATTACHMENT: &str = "无附件";
/// 处理 of a message over the size limit (not saved; looked at again next run).
pub const FETCH_TOO_BIG: &str = "过大";
/// What 处理 starts with for a message that could not be fetched (sent without a body, larger
/// than declared, too slow): not saved, not looked at again; why follows.
pub const FETCH_BROKEN: &str = "无法收取：";
