//! Mail intake: saved messages (.eml), mailboxes (.mbox) and ZIP archives → the spreadsheet
//! attachments in them, read in memory, each carrying where it came from.
//!
//! Attachment names are decoded from RFC 2047 and RFC 2231 in GBK, GB2312, GB18030 and
//! UTF-8 (mail-parser with `full_encoding`); ZIP entry names that are not UTF-8 are read as
//! GB18030 (what Windows' Chinese "send to compressed folder" writes). Every decompression is
//! bounded ([`super::guard`]); nesting (a ZIP in a message in a mailbox) stops at
//! [`MAX_DEPTH`]. Supporting documents (PDF, Word, images) are 提示; RAR and 7z ask for a ZIP.

use super::sniff::{self, Kind};
use super::{ReadReturn, guard, read_bytes_in};
use crate::domain::{Code, Finding, Location};
use mail_parser::{Message, MessageParser, MimeHeaders};

/// Between a message and an attachment's name in what users see (`x.eml ▸ 自评表.xlsx`).
pub const ATTACHED: &str = " ▸ ";

/// How deep archives and attached messages are followed.
pub const MAX_DEPTH: usize = 4;
/// Largest single message in a mailbox.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// Where an attachment came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailInfo {
    /// The message's Date as Unix seconds: what the sender's program wrote.
    pub date: Option<i64>,
    /// When the bureau's server received it, as Unix seconds: the date of the top-most
    /// `Received:` line (the last hop; `fetch` writes one from the server's INTERNALDATE).
    pub received: Option<i64>,
    /// From: the sender's address.
    pub from: String,
    /// From: the sender's display name.
    pub from_name: String,
    /// Subject.
    pub subject: String,
    /// The attachment's file name.
    pub attachment: String,
    /// Message-ID, without angle brackets, to reply to.
    pub message_id: Option<String>,
}

/// Whether a file name looks like mail: `.eml` or `.mbox` (and Thunderbird's extensionless
/// mailbox files are recognised by content in [`looks_like_mbox`]).
pub fn is_mail_name(lower: &str) -> bool {
    lower.ends_with(".eml") || lower.ends_with(".mbox") || lower.ends_with(".mbx")
}

/// An mbox starts with a `From ` line.
pub fn looks_like_mbox(bytes: &[u8]) -> bool {
    bytes.starts_with(b"From ")
}

fn info_of(msg: &Message, attachment: &str) -> MailInfo {
    let sender = msg.from().and_then(|a| a.first());
    MailInfo {
        date: msg.date().map(|d| d.to_timestamp()),
        // The top-most line: the last hop, the bureau's own server (lines further down were
        // written on the way, and can be anything the sender chose).
        received: msg
            .received_all()
            .next()
            .and_then(|r| r.date())
            .map(|d| d.to_timestamp()),
        from: sender.and_then(|a| a.address()).unwrap_or("").to_string(),
        from_name: sender
            .and_then(|a| a.name())
            .unwrap_or("")
            .trim()
            .to_string(),
        subject: msg.subject().unwrap_or("").to_string(),
        attachment: attachment.to_string(),
        message_id: msg.message_id().map(str::to_string),
    }
}

fn note(display: &str, code: Code, msg: impl Into<String>, hint: &str) -> ReadReturn {
    let mut r = ReadReturn::empty(display);
    r.findings
        .push(Finding::new(code, Location::file(display), msg, hint));
    r
}

/// Whether bytes are a saved message, by content: the first lines are header fields and at
/// least two are ones every message has (From, Date, Subject, Message-ID, MIME-Version,
/// Received, Return-Path, Content-Type). How an .eml attached as
/// `application/octet-stream`, or lying in a ZIP under another name, is known.
pub fn looks_like_message(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let text = String::from_utf8_lossy(head);
    let mut known = 0;
    for line in text.lines() {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        let name = name.to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "from"
                | "date"
                | "subject"
                | "message-id"
                | "mime-version"
                | "received"
                | "return-path"
                | "content-type"
        ) {
            known += 1;
        }
    }
    known >= 2
}

/// Reads a saved message.
pub fn read_eml(display: &str, bytes: &[u8], budget: &guard::Budget) -> Vec<ReadReturn> {
    match MessageParser::default().parse(bytes) {
        Some(msg) if !msg.headers().is_empty() => message_returns(display, &msg, 0, budget),
        _ => vec![note(
            display,
            Code::Unreadable,
            "无法解析为电子邮件",
            "请在邮件客户端中把邮件另存为 .eml 文件，或直接保存附件",
        )],
    }
}

/// Reads a mailbox, message by message (numbered from 1 as `收件箱.mbox#12`).
pub fn read_mbox<R: std::io::BufRead>(display: &str, reader: R) -> Vec<ReadReturn> {
    let mut out = Vec::new();
    for (n, item) in mail_parser::mailbox::mbox::MessageIterator::new(reader).enumerate() {
        let prefix = format!("{display}#{}", n + 1);
        let raw = match item {
            Ok(m) => m,
            Err(e) => {
                out.push(note(
                    &prefix,
                    Code::Unreadable,
                    format!("邮箱文件读取中断：{}", crate::domain::io_text(&e)),
                    "请重新导出邮箱",
                ));
                break;
            }
        };
        if raw.contents().len() > MAX_MESSAGE_BYTES {
            out.push(note(
                &prefix,
                Code::TooLarge,
                "邮件超过 64 MB，未读取",
                "请单独保存其中的附件",
            ));
            continue;
        }
        if let Some(msg) = MessageParser::default().parse(raw.contents()) {
            // Each message inflates within its own budget.
            out.extend(message_returns(&prefix, &msg, 0, &guard::Budget::default()));
        }
    }
    out
}

/// The returns in one message's attachments.
fn message_returns(
    prefix: &str,
    msg: &Message,
    depth: usize,
    budget: &guard::Budget,
) -> Vec<ReadReturn> {
    let mut out = Vec::new();
    for (k, part) in msg.attachments().enumerate() {
        let name = part
            .attachment_name()
            .map(str::to_string)
            .unwrap_or_else(|| format!("附件{}", k + 1));
        // The attachment's own name inside the mail: `12_水利局_自评表.eml ▸ 自评表.xlsx`.
        let display = format!("{prefix}{ATTACHED}{}", super::clean_name(&name));
        let info = info_of(msg, &name);
        if let Some(inner) = part.message() {
            if depth < MAX_DEPTH {
                out.extend(message_returns(&display, inner, depth + 1, budget));
            } else {
                out.push(too_deep(&display));
            }
            continue;
        }
        out.extend(attachment(
            &display,
            &name,
            part.contents(),
            Some(&info),
            depth,
            budget,
        ));
    }
    out
}

/// One attachment or archive entry: a return, an archive to open, or a note.
pub fn attachment(
    display: &str,
    name: &str,
    bytes: &[u8],
    mail: Option<&MailInfo>,
    depth: usize,
    budget: &guard::Budget,
) -> Vec<ReadReturn> {
    let lower = name.to_lowercase();
    let ext = lower.rsplit('.').next().unwrap_or("");
    let kind = sniff::sniff(bytes);
    let spreadsheet_name = matches!(ext, "xlsx" | "xlsm" | "xls" | "ods");
    let mut returns = match kind {
        Kind::Zip | Kind::DamagedZip if !spreadsheet_name => {
            if depth >= MAX_DEPTH {
                vec![too_deep(display)]
            } else {
                read_zip(display, bytes, mail, depth + 1, budget)
            }
        }
        // A message forwarded as a file (`application/octet-stream`, or an .eml in a ZIP):
        // known by its content, read like any other, its own sender kept.
        _ if !spreadsheet_name && (is_mail_name(&lower) || looks_like_message(bytes)) => {
            match MessageParser::default().parse(bytes) {
                Some(inner) if !inner.headers().is_empty() && depth < MAX_DEPTH => {
                    return message_returns(display, &inner, depth + 1, budget);
                }
                Some(inner) if !inner.headers().is_empty() => vec![too_deep(display)],
                _ => vec![note(
                    display,
                    Code::Unreadable,
                    "无法解析为电子邮件",
                    "请直接把自评表作为附件发送",
                )],
            }
        }
        // A Word document or a PDF is one file (a .docx is a ZIP, never opened as one).
        Kind::Document => vec![note(
            display,
            Code::OtherAttachment,
            format!("附件「{name}」不是自评表，未读取"),
            "佐证材料由部门留存备查，无需处理",
        )],
        Kind::Xlsx | Kind::Ods | Kind::Ole | Kind::EncryptedOoxml | Kind::Rar | Kind::SevenZip => {
            vec![read_bytes_in(display, bytes, false, mail, budget)]
        }
        _ if spreadsheet_name => vec![read_bytes_in(display, bytes, false, mail, budget)],
        _ => vec![note(
            display,
            Code::OtherAttachment,
            format!("附件「{name}」不是自评表，未读取"),
            "佐证材料由部门留存备查，无需处理",
        )],
    };
    for r in &mut returns {
        if r.source.mail.is_none() {
            r.source.mail = mail.cloned();
        }
    }
    returns
}

/// Archives or messages nested deeper than [`MAX_DEPTH`].
fn too_deep(display: &str) -> ReadReturn {
    note(
        display,
        Code::Oversized,
        format!("压缩包或转发的邮件嵌套超过 {MAX_DEPTH} 层，未读取"),
        "请直接把自评表作为附件发送",
    )
}

/// A ZIP entry name: UTF-8 when it is, else GB18030.
pub fn zip_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(raw).0.into_owned(),
    }
}

/// Reads the entries of a ZIP archive (bounded).
pub fn read_zip(
    display: &str,
    bytes: &[u8],
    mail: Option<&MailInfo>,
    depth: usize,
    budget: &guard::Budget,
) -> Vec<ReadReturn> {
    let refused = |shown: &str, refusal: guard::Refusal| {
        let mut r = ReadReturn::empty(shown);
        r.findings.push(refusal.finding(shown, true));
        r
    };
    let mut archive = match guard::open_zip(bytes) {
        Ok(a) => a,
        Err(refusal) => return vec![refused(display, refusal)],
    };
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let (name, is_dir) = match archive.by_index_raw(i) {
            Ok(raw) => (zip_name(raw.name_raw()), raw.is_dir()),
            Err(e) => {
                out.push(refused(display, guard::entry_refusal(&e)));
                continue;
            }
        };
        if is_dir {
            continue;
        }
        let base = name.rsplit(['/', '\\']).next().unwrap_or(&name).to_string();
        if base.is_empty() || base.starts_with('.') || name.starts_with("__MACOSX") {
            continue;
        }
        let shown = format!("{display}/{}", super::clean_name(&name));
        let mut data = Vec::new();
        let inflated = archive
            .by_index(i)
            .map_err(|e| guard::entry_refusal(&e))
            .and_then(|mut entry| {
                let declared = entry.size();
                guard::inflate_counted(&mut entry, &name, declared, budget, &mut data)
            });
        if let Err(refusal) = inflated {
            out.push(refused(&shown, refusal));
            continue;
        }
        let mut info = mail.cloned().unwrap_or_default();
        if mail.is_some() {
            info.attachment = format!("{} / {base}", info.attachment);
        }
        out.extend(attachment(
            &shown,
            &base,
            &data,
            mail.map(|_| &info),
            depth,
            budget,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// What the `containers` fuzz target checks, bounded: any bytes, read as a message,
        /// an archive and a mailbox, end in returns and findings, never a panic.
        #[test]
        fn any_bytes_read_as_mail_or_archive_end_in_findings(
            head in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"From: a@b\r\nDate: x\r\n\r\n", b"From x\n"]),
            tail in prop::collection::vec(any::<u8>(), 0..4096),
        ) {
            let data: Vec<u8> = head.iter().copied().chain(tail).collect();
            let budget = guard::Budget::default();
            let _ = read_eml("p.eml", &data, &budget);
            let _ = read_zip("p.zip", &data, None, 1, &budget);
            let _ = read_mbox("p.mbox", &data[..]);
        }
    }

    #[test]
    fn gbk_zip_names_decode() {
        let (gbk, _, _) = encoding_rs::GBK.encode("自评表.xlsx");
        assert_eq!(zip_name(&gbk), "自评表.xlsx");
        assert_eq!(zip_name("自评表.xlsx".as_bytes()), "自评表.xlsx");
    }
}
