//! Fetching returns from a mailbox: an IMAP folder → every message that carries an
//! attachment saved whole as `.eml` in a folder, for `collect` (which reads its Date, From
//! and Subject as for any saved message).
//!
//! Guarantees: read-only (the folder is opened with EXAMINE and bodies are fetched with
//! BODY.PEEK: nothing is deleted, moved or flagged); incremental (the folder's
//! [`layout::mail::FETCH_JOURNAL`](crate::layout::mail::FETCH_JOURNAL) records UIDVALIDITY and
//! every UID looked at, and a message whose Message-ID was saved before is not saved again,
//! even after the server renumbered its messages); each `.eml` is written to a temporary name
//! and renamed, then journalled, so a lost connection leaves nothing half-written and the
//! next run goes on where this one stopped; a message over
//! [`MAX_MESSAGE_BYTES`](crate::collect::mail::MAX_MESSAGE_BYTES) is not downloaded and is
//! reported.

use super::account::Account;
use super::journal::Journal;
use super::tls::Stream;
use crate::collect::mail::MAX_MESSAGE_BYTES;
use crate::domain::Date;
use crate::layout::mail::{
    FETCH_JOURNAL, FETCH_JOURNAL_HEADER, FETCH_NO_ATTACHMENT, FETCH_SAVED, FETCH_TOO_BIG,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// What a run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Messages in the folder (or since the date).
    pub in_folder: usize,
    /// Looked at by an earlier run.
    pub known: usize,
    /// Files saved now, in UID order.
    pub saved: Vec<String>,
    /// New messages without an attachment.
    pub without_attachment: usize,
    /// Saved before under another UID (the server renumbered the folder).
    pub duplicates: usize,
    /// (UID, size in bytes) of messages over the limit.
    pub too_big: Vec<(u32, u64)>,
}

/// A run-level failure. What was saved before it is kept and journalled.
#[derive(Debug, Error)]
pub enum FetchError {
    /// The output folder or the journal.
    #[error("{0}：{1}")]
    Folder(String, String),
    /// No user in the address.
    #[error("IMAP 地址中没有用户名，应为 imaps://用户名@服务器/文件夹")]
    NoUser,
    /// No connection.
    #[error(transparent)]
    Connect(#[from] super::tls::ConnectError),
    /// The login was refused.
    #[error("IMAP 服务器 {0} 拒绝登录：用户名或密码不正确（服务器答复：{1}）")]
    Login(String, String),
    /// The user name or password holds a character IMAP cannot carry (a line break).
    #[error(
        "用户名或密码中有不允许的字符（如回车、换行），未发送给服务器：请检查环境变量 JIXIAO_IMAP_PASSWORD 或重新输入"
    )]
    BadCredentials,
    /// The folder does not exist.
    #[error("IMAP 服务器 {0} 上没有文件夹「{1}」；现有文件夹：{2}")]
    NoFolder(String, String, String),
    /// The server said something else than expected.
    #[error("IMAP 服务器 {0} 出错：{1}")]
    Server(String, String),
    /// The connection broke off.
    #[error("与 IMAP 服务器 {0} 的连接中断：{1}；已收取的邮件均已保存，再次运行会接着收取")]
    Lost(String, String),
}

type Session = imap::Session<Stream>;

/// Fetches the new messages of `account`'s folder into `dir` (created when missing). `since`
/// limits the search to messages dated on or after it; `start(n)` is told how many messages
/// are new, `tick()` is called after each.
pub fn fetch_folder(
    account: &Account,
    password: &str,
    dir: &Path,
    since: Option<Date>,
    start: &dyn Fn(usize),
    tick: &dyn Fn(),
) -> Result<Fetched, FetchError> {
    let user = account.user.as_deref().ok_or(FetchError::NoUser)?;
    std::fs::create_dir_all(dir).map_err(|e| folder_error(dir, &e))?;
    let journal_path = dir.join(FETCH_JOURNAL);
    let mut journal = Journal::open(&journal_path, &FETCH_JOURNAL_HEADER)
        .map_err(|e| folder_error(&journal_path, &e))?;
    let server = account.server();
    let stream = super::tls::connect(&account.host, account.port, account.scheme.tls())?;
    let mut client = imap::Client::new(stream);
    client.read_greeting().map_err(|e| match e {
        imap::Error::Io(_) | imap::Error::ConnectionLost => FetchError::Connect(
            super::tls::ConnectError::Refused(server.clone(), super::tls::silent()),
        ),
        other => lost_or(&server, other, FetchError::Server),
    })?;
    let mut session = client.login(user, password).map_err(|(e, _)| match e {
        imap::Error::No(no) => FetchError::Login(server.clone(), no.information),
        imap::Error::Validate(_) => FetchError::BadCredentials,
        other => lost_or(&server, other, FetchError::Server),
    })?;
    let result = fetch_in(
        &mut session,
        account,
        &server,
        dir,
        since,
        &mut journal,
        start,
        tick,
    );
    let _ = session.logout();
    result
}

#[allow(clippy::too_many_arguments)]
fn fetch_in(
    session: &mut Session,
    account: &Account,
    server: &str,
    dir: &Path,
    since: Option<Date>,
    journal: &mut Journal,
    start: &dyn Fn(usize),
    tick: &dyn Fn(),
) -> Result<Fetched, FetchError> {
    let folder = &account.mailbox;
    // The folder is looked up in the list first: a server's NO to EXAMINE may carry the
    // name in UTF-8, which imap-proto 0.16 cannot read (it waits for more, then times out).
    let names: Vec<String> = session
        .list(None, Some("*"))
        .map_err(|e| lost_or(server, e, FetchError::Server))?
        .iter()
        .map(|x| super::utf7::decode(x.name()))
        .collect();
    let exists = names.iter().any(|n| {
        n == folder || (n.eq_ignore_ascii_case("INBOX") && folder.eq_ignore_ascii_case("INBOX"))
    });
    if !exists {
        return Err(FetchError::NoFolder(
            server.to_string(),
            folder.clone(),
            names.join("、"),
        ));
    }
    let mailbox = session
        .examine(super::utf7::encode(folder))
        .map_err(|e| lost_or(server, e, FetchError::Server))?;
    let validity = mailbox.uid_validity.unwrap_or_default().to_string();
    let who = format!("{}@{}", account.user.as_deref().unwrap_or_default(), server);
    let known: BTreeSet<u32> = journal
        .rows()
        .iter()
        .filter(|r| r[0] == who && r[1] == *folder && r[2] == validity && r[5] != FETCH_TOO_BIG)
        .filter_map(|r| r[3].parse().ok())
        .collect();
    let saved_ids: BTreeSet<String> = journal
        .rows()
        .iter()
        .filter(|r| r[5] == FETCH_SAVED && !r[4].is_empty())
        .map(|r| r[4].clone())
        .collect();
    let query = match since {
        Some(d) => format!("SINCE {}", imap_date(d)),
        None => "ALL".to_string(),
    };
    let all = session
        .uid_search(&query)
        .map_err(|e| lost_or(server, e, FetchError::Server))?;
    let mut out = Fetched {
        in_folder: all.len(),
        ..Fetched::default()
    };
    let mut new: Vec<u32> = all.into_iter().filter(|u| !known.contains(u)).collect();
    new.sort_unstable();
    out.known = out.in_folder - new.len();
    start(new.len());
    let journal_path = journal.path().to_path_buf();
    let journal_error = |e: std::io::Error| folder_error(&journal_path, &e);
    for uid in new {
        let size = message_size(session, server, uid)?;
        // (Message-ID, what was done, file saved)
        let (message_id, done, file) = if size > MAX_MESSAGE_BYTES as u64 {
            out.too_big.push((uid, size));
            (String::new(), FETCH_TOO_BIG, String::new())
        } else {
            let body = message_body(session, server, uid)?;
            let parsed = mail_parser::MessageParser::default().parse(&body);
            let message_id = parsed
                .as_ref()
                .and_then(|m| m.message_id())
                .map(|m| format!("<{m}>"))
                .unwrap_or_default();
            let has_attachment = parsed.as_ref().is_some_and(|m| m.attachment_count() > 0);
            if !has_attachment {
                out.without_attachment += 1;
                (message_id, FETCH_NO_ATTACHMENT, String::new())
            } else if !message_id.is_empty() && saved_ids.contains(&message_id) {
                out.duplicates += 1;
                (message_id, FETCH_SAVED, String::new())
            } else {
                let name = file_name(dir, &validity, uid, parsed.as_ref(), &body);
                crate::output::write_atomic(&dir.join(&name), &body)
                    .map_err(|e| FetchError::Folder(name.clone(), e.to_string()))?;
                out.saved.push(name.clone());
                (message_id, FETCH_SAVED, name)
            }
        };
        journal
            .append(&[
                &who,
                folder,
                &validity,
                &uid.to_string(),
                &message_id,
                done,
                &file,
                &super::journal::now_text(),
            ])
            .map_err(journal_error)?;
        tick();
    }
    Ok(out)
}

fn message_size(session: &mut Session, server: &str, uid: u32) -> Result<u64, FetchError> {
    let f = session
        .uid_fetch(uid.to_string(), "(UID RFC822.SIZE)")
        .map_err(|e| lost_or(server, e, FetchError::Server))?;
    Ok(f.iter()
        .find(|m| m.uid == Some(uid))
        .and_then(|m| m.size)
        .map(u64::from)
        .unwrap_or_default())
}

/// The whole message, with a `Received:` line in front recording when the server received it
/// (its INTERNALDATE): the time `collect` counts the return as received, whatever Date the
/// sender's program wrote.
fn message_body(session: &mut Session, server: &str, uid: u32) -> Result<Vec<u8>, FetchError> {
    let f = session
        .uid_fetch(uid.to_string(), "(UID INTERNALDATE BODY.PEEK[])")
        .map_err(|e| lost_or(server, e, FetchError::Server))?;
    let m = f.iter().find(|m| m.uid == Some(uid)).ok_or_else(|| {
        FetchError::Server(server.to_string(), format!("邮件 UID {uid} 没有返回内容"))
    })?;
    let body = m.body().ok_or_else(|| {
        FetchError::Server(server.to_string(), format!("邮件 UID {uid} 没有返回内容"))
    })?;
    let mut out = Vec::with_capacity(body.len() + 96);
    if let Some(at) = m.internal_date() {
        out.extend(
            format!(
                "Received: from {} by jixiao (IMAP UID {uid}); {}\r\n",
                header_safe(server),
                at.to_rfc2822()
            )
            .as_bytes(),
        );
    }
    out.extend_from_slice(body);
    Ok(out)
}

/// A server name fit for a header: printable ASCII without spaces or semicolons.
fn header_safe(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_graphic() && *c != ';')
        .take(200)
        .collect()
}

/// `{UID}_{发件人}_{附件名}.eml`, valid on Windows, so that saved messages can be told apart
/// (a subject such as 「回复：关于报送…的通知」 is every department's); another message
/// already saved under that name (the folder renumbered) gets the UIDVALIDITY too.
fn file_name(
    dir: &Path,
    validity: &str,
    uid: u32,
    parsed: Option<&mail_parser::Message>,
    body: &[u8],
) -> String {
    use mail_parser::MimeHeaders;
    let sender = parsed
        .and_then(|m| m.from())
        .and_then(|a| a.first())
        .map(|a| {
            a.name()
                .filter(|n| !n.trim().is_empty())
                .or(a.address())
                .unwrap_or_default()
                .to_string()
        })
        .unwrap_or_default();
    let attachment = parsed
        .and_then(|m| {
            m.attachments()
                .find_map(|p| p.attachment_name().map(str::to_string))
        })
        .unwrap_or_default();
    let sender: String = sender.chars().take(30).collect();
    // A long attachment name is cut in its stem, keeping its extension.
    let attachment = match attachment.rsplit_once('.') {
        Some((stem, ext)) if attachment.chars().count() > 60 && ext.chars().count() <= 8 => {
            format!("{}.{ext}", stem.chars().take(50).collect::<String>())
        }
        _ => attachment.chars().take(60).collect(),
    };
    let base = crate::layout::files::safe_file_name(&format!("{uid}_{sender}_{attachment}"));
    let plain = format!("{base}.eml");
    let taken = |n: &str| {
        let p: PathBuf = dir.join(n);
        p.exists() && std::fs::read(&p).map(|b| b != body).unwrap_or(true)
    };
    if taken(&plain) {
        format!("{base}_{validity}.eml")
    } else {
        plain
    }
}

/// IMAP's date form: `1-May-2022`.
fn imap_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = MONTHS
        .get(d.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("Jan");
    format!("{}-{m}-{}", d.day, d.year)
}

fn folder_error(path: &Path, e: &std::io::Error) -> FetchError {
    FetchError::Folder(path.display().to_string(), crate::domain::io_text(e))
}

/// A broken connection is [`FetchError::Lost`]; anything else goes to `other`, in Chinese
/// (the server's own words, when it gave any, in brackets).
fn lost_or(server: &str, e: imap::Error, other: fn(String, String) -> FetchError) -> FetchError {
    let said = |t: &str| {
        let t: String = t.chars().filter(|c| !c.is_control()).take(200).collect();
        if t.trim().is_empty() {
            String::new()
        } else {
            format!("（服务器答复：{}）", t.trim())
        }
    };
    match e {
        imap::Error::Io(io) => match super::tls::tls_reason(&io) {
            Some(why) => FetchError::Lost(server.to_string(), why),
            None => FetchError::Lost(server.to_string(), crate::domain::io_text(&io)),
        },
        imap::Error::ConnectionLost => {
            FetchError::Lost(server.to_string(), "服务器关闭了连接".into())
        }
        imap::Error::Bye(bye) => FetchError::Lost(
            server.to_string(),
            format!("服务器结束了会话{}", said(&bye.information)),
        ),
        imap::Error::No(no) => other(
            server.to_string(),
            format!("服务器拒绝了请求{}", said(&no.information)),
        ),
        imap::Error::Bad(bad) => other(
            server.to_string(),
            format!("服务器不接受本程序的命令{}", said(&bad.information)),
        ),
        imap::Error::Validate(_) => other(
            server.to_string(),
            "用户名、密码或文件夹名中有不允许的字符（如回车、换行），请检查后重试".into(),
        ),
        imap::Error::Parse(_) | imap::Error::Unexpected(_) | imap::Error::TagMismatch(_) => other(
            server.to_string(),
            "服务器的应答无法识别（可能不是 IMAP 服务器）".into(),
        ),
        _ => other(server.to_string(), "服务器的应答不符合 IMAP 协议".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_imap_wants_them() {
        assert_eq!(imap_date(Date::new(2022, 5, 1).unwrap()), "1-May-2022");
        assert_eq!(imap_date(Date::new(2023, 12, 31).unwrap()), "31-Dec-2023");
    }
}
