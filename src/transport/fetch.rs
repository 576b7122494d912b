//! Fetching returns from a mailbox: an IMAP folder → every message that carries an
//! attachment saved whole as `.eml` in a folder, for `collect` (which reads its Date, From
//! and Subject as for any saved message).
//!
//! Guarantees: read-only (the folder is opened with EXAMINE and bodies are fetched with
//! BODY.PEEK: nothing is deleted, moved or flagged); incremental (the folder's
//! [`layout::mail::FETCH_JOURNAL`](crate::layout::mail::FETCH_JOURNAL) records UIDVALIDITY and
//! every UID looked at, and a message whose content was saved before is not saved again, even
//! after the server renumbered its messages, while another message reusing a Message-ID is);
//! each `.eml` is written to a temporary name and renamed, then journalled, so a lost
//! connection leaves nothing half-written and the next run goes on where this one stopped; a
//! message declared over [`MAX_MESSAGE_BYTES`](crate::collect::mail::MAX_MESSAGE_BYTES) is not
//! downloaded and is reported. The server is not trusted: every command is [`Metered`] — a
//! message may bring no more than the limit whatever it declared, and must arrive within a
//! deadline set by its size, however slowly the server trickles it; one that breaks either,
//! or comes without a body, is skipped, journalled and reported, and the run goes on (over a
//! new connection when the old one was cut).

use super::account::Account;
use super::journal::Journal;
use super::metered::{Meter, Metered, Tripped};
use crate::collect::mail::MAX_MESSAGE_BYTES;
use crate::domain::Date;
use crate::layout::mail::{
    FETCH_BROKEN, FETCH_JOURNAL, FETCH_JOURNAL_HEADER, FETCH_NO_ATTACHMENT, FETCH_SAVED,
    FETCH_TOO_BIG,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;
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
    /// (UID, why) of messages that could not be fetched and were skipped.
    pub skipped: Vec<(u32, String)>,
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
    /// The journal is not as this program wrote it: nothing was fetched.
    #[error(
        "收取记录 {0} 无法按原样读取：{1}。为免重复收取或漏收，本次没有收取任何邮件。请恢复 jixiao 写下的原文件（不要在 Excel 中修改后保存）；或把它移到别处再运行（移走后会重新查看文件夹中的每封邮件，内容相同的邮件以同名文件保存，不会多出副本）"
    )]
    Journal(String, String),
    /// The server kept breaking the connection on messages it could not deliver.
    #[error(
        "IMAP 服务器 {0} 连续 {1} 次在传送邮件时超出限制，已停止收取；已收取的邮件均已保存。请联系邮件管理员检查服务器"
    )]
    Unreliable(String, usize),
}

type Session = imap::Session<Metered>;

/// Bytes any command but a message's body may bring (folder list, search results, sizes).
const COMMAND_BYTES: u64 = 16 << 20;
/// Connections a run may open again after a message broke one.
const MAX_RECONNECTS: usize = 5;

/// How long a command other than a body may take.
fn command_time() -> Duration {
    super::timeout() * 3
}

/// How long a message of `size` bytes may take to arrive: the timeout, plus a second for
/// every 256 KB (a slow link still brings 64 MB in under five minutes).
fn message_time(size: u64) -> Duration {
    super::timeout() + Duration::from_secs(size / (256 * 1024))
}

/// Whether a fetch pass ended or must go on over a new connection.
enum Pass {
    Done,
    Reconnect,
}

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
    let shown = journal_path.display().to_string();
    let mut journal = Journal::open(&journal_path, &FETCH_JOURNAL_HEADER).map_err(|e| match e {
        super::journal::JournalError::Changed(why) => FetchError::Journal(shown.clone(), why),
        other => FetchError::Folder(shown.clone(), other.to_string()),
    })?;
    let server = account.server();
    let mut out = Fetched::default();
    let mut first = true;
    for _ in 0..=MAX_RECONNECTS {
        let meter = Meter::new(COMMAND_BYTES, command_time());
        let mut session = login(account, user, password, &server, &meter)?;
        let pass = fetch_in(
            &mut session,
            &meter,
            account,
            &server,
            dir,
            since,
            &mut journal,
            &mut out,
            &mut first,
            start,
            tick,
        );
        if meter.tripped().is_none() {
            let _ = session.logout();
        }
        match pass? {
            Pass::Done => return Ok(out),
            Pass::Reconnect => continue,
        }
    }
    Err(FetchError::Unreliable(server, MAX_RECONNECTS + 1))
}

/// Connects, reads the greeting and logs in, every read under `meter`.
fn login(
    account: &Account,
    user: &str,
    password: &str,
    server: &str,
    meter: &Meter,
) -> Result<Session, FetchError> {
    let stream = super::tls::connect(&account.host, account.port, account.scheme.tls())?;
    let mut client = imap::Client::new(Metered::new(stream, meter.clone()));
    let greeting = client.read_greeting().map_err(|e| match e {
        imap::Error::Io(_) | imap::Error::ConnectionLost => FetchError::Connect(
            super::tls::ConnectError::Refused(server.to_string(), super::tls::silent()),
        ),
        other => lost_or(server, other, FetchError::Server),
    })?;
    // `* BYE …` instead of `* OK`: the server turns the connection away (busy, or this
    // address not allowed).
    let greeting = String::from_utf8_lossy(&greeting);
    if let Some(why) = greeting.strip_prefix("* BYE") {
        return Err(FetchError::Server(
            server.to_string(),
            format!(
                "服务器拒绝了连接（服务器答复：{}）；请稍后再试，或联系邮件管理员",
                clean_said(why)
            ),
        ));
    }
    client.login(user, password).map_err(|(e, _)| match e {
        imap::Error::No(no) => FetchError::Login(server.to_string(), no.information),
        imap::Error::Validate(_) => FetchError::BadCredentials,
        other => lost_or(server, other, FetchError::Server),
    })
}

#[allow(clippy::too_many_arguments)]
fn fetch_in(
    session: &mut Session,
    meter: &Meter,
    account: &Account,
    server: &str,
    dir: &Path,
    since: Option<Date>,
    journal: &mut Journal,
    out: &mut Fetched,
    first: &mut bool,
    start: &dyn Fn(usize),
    tick: &dyn Fn(),
) -> Result<Pass, FetchError> {
    let folder = &account.mailbox;
    meter.arm(COMMAND_BYTES, command_time());
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
            crate::domain::for_terminal(&names.join("、")).into_owned(),
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
    // What tells a message saved before: its content's digest; a line from before digests
    // were journalled, its Message-ID.
    let mut saved_digests: BTreeSet<String> = journal
        .rows()
        .iter()
        .filter(|r| r[5] == FETCH_SAVED && !r[8].is_empty())
        .map(|r| r[8].clone())
        .collect();
    let saved_ids: BTreeSet<String> = journal
        .rows()
        .iter()
        .filter(|r| r[5] == FETCH_SAVED && r[8].is_empty() && !r[4].is_empty())
        .map(|r| r[4].clone())
        .collect();
    let query = match since {
        Some(d) => format!("SINCE {}", imap_date(d)),
        None => "ALL".to_string(),
    };
    let all = session
        .uid_search(&query)
        .map_err(|e| lost_or(server, e, FetchError::Server))?;
    let in_folder = all.len();
    let mut new: Vec<u32> = all.into_iter().filter(|u| !known.contains(u)).collect();
    new.sort_unstable();
    if std::mem::take(first) {
        out.in_folder = in_folder;
        out.known = in_folder - new.len();
        start(new.len());
    }
    let journal_path = journal.path().to_path_buf();
    let journal_error = |e: std::io::Error| folder_error(&journal_path, &e);
    for uid in new {
        meter.arm(COMMAND_BYTES, command_time());
        let size = message_size(session, server, uid)?;
        // (Message-ID, what was done, file saved, digest)
        let (message_id, done, file, digest) = if size > MAX_MESSAGE_BYTES as u64 {
            out.too_big.push((uid, size));
            (
                String::new(),
                FETCH_TOO_BIG.to_string(),
                String::new(),
                String::new(),
            )
        } else {
            meter.arm(MAX_MESSAGE_BYTES as u64 + 64 * 1024, message_time(size));
            let body = match message_body(session, server, uid) {
                Ok(Some(body)) => body,
                Ok(None) => {
                    let why = "服务器没有返回这封邮件的内容".to_string();
                    skip(journal, out, [&who, folder, &validity], uid, &why)?;
                    tick();
                    continue;
                }
                Err(e) => {
                    let why = match meter.tripped() {
                        Some(Tripped::Bytes(n)) => format!(
                            "邮件实际内容超过 {} MB 上限（服务器声明为 {size} 字节，大小不实）",
                            n / 1_048_576
                        ),
                        Some(Tripped::Time(t)) => format!(
                            "服务器传送过慢，{} 秒内未传完（声明大小 {size} 字节）",
                            t.as_secs()
                        ),
                        None => return Err(e),
                    };
                    skip(journal, out, [&who, folder, &validity], uid, &why)?;
                    tick();
                    return Ok(Pass::Reconnect);
                }
            };
            let parsed = mail_parser::MessageParser::default().parse(&body);
            let message_id = parsed
                .as_ref()
                .and_then(|m| m.message_id())
                .map(|m| format!("<{m}>"))
                .unwrap_or_default();
            // The digest of what the server holds, before the Received line jixiao adds.
            let digest = crate::domain::content_digest(without_received(&body));
            let has_attachment = parsed.as_ref().is_some_and(|m| m.attachment_count() > 0);
            if !has_attachment {
                out.without_attachment += 1;
                (
                    message_id,
                    FETCH_NO_ATTACHMENT.to_string(),
                    String::new(),
                    digest,
                )
            } else if saved_digests.contains(&digest)
                || (!message_id.is_empty() && saved_ids.contains(&message_id))
            {
                out.duplicates += 1;
                (
                    message_id,
                    FETCH_SAVED.to_string(),
                    String::new(),
                    String::new(),
                )
            } else {
                let name = file_name(dir, &validity, uid, parsed.as_ref(), &body);
                crate::output::write_atomic(&dir.join(&name), &body)
                    .map_err(|e| FetchError::Folder(name.clone(), e.to_string()))?;
                out.saved.push(name.clone());
                (message_id, FETCH_SAVED.to_string(), name, digest)
            }
        };
        journal
            .append(&[
                &who,
                folder,
                &validity,
                &uid.to_string(),
                &message_id,
                &done,
                &file,
                &super::journal::now_text(),
                &digest,
            ])
            .map_err(journal_error)?;
        if done == FETCH_SAVED && !digest.is_empty() {
            saved_digests.insert(digest);
        }
        tick();
    }
    Ok(Pass::Done)
}

/// Journals a message that could not be fetched and reports it.
fn skip(
    journal: &mut Journal,
    out: &mut Fetched,
    [who, folder, validity]: [&str; 3],
    uid: u32,
    why: &str,
) -> Result<(), FetchError> {
    let done = format!("{FETCH_BROKEN}{why}");
    journal
        .append(&[
            who,
            folder,
            validity,
            &uid.to_string(),
            "",
            &done,
            "",
            &super::journal::now_text(),
            "",
        ])
        .map_err(|e| folder_error(journal.path(), &e))?;
    out.skipped.push((uid, why.to_string()));
    Ok(())
}

/// A saved message without the `Received:` line [`message_body`] put in front.
fn without_received(body: &[u8]) -> &[u8] {
    if body.starts_with(b"Received: from ")
        && body.windows(13).take(400).any(|w| w == b"by jixiao (IM")
    {
        match body.windows(2).position(|w| w == b"\r\n") {
            Some(p) => &body[p + 2..],
            None => body,
        }
    } else {
        body
    }
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
fn message_body(
    session: &mut Session,
    server: &str,
    uid: u32,
) -> Result<Option<Vec<u8>>, FetchError> {
    let f = session
        .uid_fetch(uid.to_string(), "(UID INTERNALDATE BODY.PEEK[])")
        .map_err(|e| lost_or(server, e, FetchError::Server))?;
    let Some(body) = f.iter().find(|m| m.uid == Some(uid)).and_then(|m| m.body()) else {
        return Ok(None);
    };
    let m = f.iter().find(|m| m.uid == Some(uid));
    let internal = m.and_then(|m| m.internal_date());
    let mut out = Vec::with_capacity(body.len() + 96);
    if let Some(at) = internal {
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
    Ok(Some(out))
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
/// A server's own words, for a message: control characters dropped, at most 200 characters.
fn clean_said(t: &str) -> String {
    let t: String = t.chars().filter(|c| !c.is_control()).take(200).collect();
    t.trim().to_string()
}

fn lost_or(server: &str, e: imap::Error, other: fn(String, String) -> FetchError) -> FetchError {
    let said = |t: &str| {
        let t = clean_said(t);
        if t.is_empty() {
            String::new()
        } else {
            format!("（服务器答复：{t}）")
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
    fn a_saved_message_s_name_holds_no_bidirectional_control() {
        let raw = mail_builder::MessageBuilder::new()
            .from(("张华\u{202E}gpj", "yjglj@example.com"))
            .to("jxc@czj.example.com")
            .subject("自评表")
            .text_body("见附件")
            .attachment(
                "application/octet-stream",
                "自评表\u{202E}xslx.exe",
                b"x".to_vec(),
            )
            .write_to_vec()
            .unwrap();
        let parsed = mail_parser::MessageParser::default().parse(&raw);
        let dir = tempfile::tempdir().unwrap();
        let name = file_name(dir.path(), "1", 7, parsed.as_ref(), &raw);
        assert!(!name.contains('\u{202E}'), "{name}");
        assert!(name.starts_with("7_张华"), "{name}");
        assert!(name.ends_with(".eml"), "{name}");
    }

    #[test]
    fn dates_read_as_imap_wants_them() {
        assert_eq!(imap_date(Date::new(2022, 5, 1).unwrap()), "1-May-2022");
        assert_eq!(imap_date(Date::new(2023, 12, 31).unwrap()), "31-Dec-2023");
    }
}
