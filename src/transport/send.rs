//! Sending a folder of ready messages: `发件箱/*.eml` (or `审核意见/*.eml`) → each message
//! handed to an SMTP server, one by one, in file-name order.
//!
//! Guarantees: one SMTP session for the run; a message is recorded in the folder's
//! [`layout::mail::SEND_JOURNAL`](crate::layout::mail::SEND_JOURNAL) before it is handed to
//! the server and again the moment the server answers, and a message whose file and
//! Message-ID (or, without one, file name) are recorded as sent is never sent again; one
//! whose answer never came (the connection broke off) is sent again only when `confirm`
//! says so; a second file with a Message-ID already used is not sent; a journal that cannot
//! be read exactly stops the run before anything is sent; `Bcc` goes into the envelope and
//! never into the message; a message the server refuses is reported and the others still
//! go; a refused login, a server that does not answer or a certificate that does not verify
//! stops the run before anything is sent; `dry_run` connects to nothing.

use super::account::{Account, Scheme};
use super::journal::Journal;
use crate::layout::mail::{SEND_JOURNAL, SEND_JOURNAL_HEADER, SEND_PENDING, SEND_REFUSED};
use lettre::address::{Address, Envelope};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One message of the folder, as read from its file.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The file name.
    pub file: String,
    /// Its path.
    pub path: PathBuf,
    /// The sender's address (`From`).
    pub from: String,
    /// Every recipient (`To`, `Cc`, `Bcc`).
    pub to: Vec<String>,
    /// `Subject`.
    pub subject: String,
    /// `Message-ID`, when it has one.
    pub message_id: Option<String>,
}

impl Outgoing {
    /// What the journal knows it by.
    fn key(&self) -> &str {
        self.message_id.as_deref().unwrap_or(&self.file)
    }
}

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted by the server now (its answer).
    Sent(String),
    /// Recorded as sent by an earlier run (when).
    AlreadySent(String),
    /// Would be sent (`--dry-run`).
    WouldSend,
    /// Handed to the server by an earlier run (when) whose answer never came: it may have
    /// arrived, and was not sent again.
    MaybeSent(String),
    /// Not sent: another file (named) holds the same Message-ID, sent or sending.
    Duplicate(String),
    /// Not sendable as it stands, or refused by the server (why).
    Refused(String),
}

/// What a run did, message by message, in file-name order.
#[derive(Debug, Default)]
pub struct Sent {
    /// Each readable message and its outcome.
    pub messages: Vec<(Outgoing, Outcome)>,
    /// Files that are not readable messages, and why.
    pub unreadable: Unreadable,
}

impl Sent {
    /// How many of the outcomes are of this kind.
    pub fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.messages.iter().filter(|(_, o)| f(o)).count()
    }
}

/// A run-level failure: nothing more can be sent.
#[derive(Debug, Error)]
pub enum SendError {
    /// The folder cannot be read, or the journal cannot be written.
    #[error("{0}：{1}")]
    Folder(String, String),
    /// No connection.
    #[error(transparent)]
    Connect(#[from] super::tls::ConnectError),
    /// The SMTP conversation failed before anything was sent.
    #[error("SMTP 服务器 {0} 无法使用：{1}")]
    Server(String, String),
    /// The login was refused.
    #[error("SMTP 服务器 {0} 拒绝登录：{1}")]
    Login(String, String),
    /// A user was given but the server offers no login method this program speaks.
    #[error(
        "SMTP 服务器 {0} 不提供可用的登录方式（不支持 AUTH PLAIN 或 LOGIN）：如该服务器允许不登录发送，请在地址中省略用户名（如 smtp://{0}）；否则请改用 smtps:// 加密端口，或联系邮件管理员"
    )]
    NoLogin(String),
    /// The journal is not as this program wrote it: nothing was sent.
    #[error(
        "发送记录 {0} 无法按原样读取：{1}。为免重复发送，本次没有发送任何邮件。请恢复 jixiao 写下的原文件（不要在 Excel 中修改后保存）；或确认哪些信已经发出后，把它移到别处再运行（移走后，文件夹里的每封信都会再发送一次）"
    )]
    Journal(String, String),
    /// The connection broke off mid-run; what was sent is recorded.
    #[error("与 SMTP 服务器 {0} 的连接中断：{1}；已发送的邮件已记录，再次运行会接着发送")]
    Lost(String, String),
}

/// Files that are not readable messages: (file name, why).
pub type Unreadable = Vec<(String, String)>;

/// The `.eml` files of `folder`, read, in name order.
fn read_folder(folder: &Path) -> Result<(Vec<Outgoing>, Unreadable), SendError> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        SendError::Folder(
            format!("无法读取目录 {}", folder.display()),
            crate::domain::io_text(&e),
        )
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("eml")))
        .collect();
    paths.sort();
    let mut messages = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        let file = crate::collect::show_os(path.file_name().unwrap_or_default());
        match read_message(&path) {
            Ok((from, to, subject, message_id)) => messages.push(Outgoing {
                file,
                path,
                from,
                to,
                subject,
                message_id,
            }),
            Err(why) => unreadable.push((file, why)),
        }
    }
    Ok((messages, unreadable))
}

type Headers = (String, Vec<String>, String, Option<String>);

fn read_message(path: &Path) -> Result<Headers, String> {
    let bytes = std::fs::read(path).map_err(|e| crate::domain::io_text(&e))?;
    let msg = mail_parser::MessageParser::default()
        .parse_headers(&bytes)
        .ok_or_else(|| "不是可识别的邮件".to_string())?;
    let addresses = |a: Option<&mail_parser::Address>| -> Vec<String> {
        a.map(|a| {
            a.iter()
                .filter_map(|x| x.address().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
    };
    let from = addresses(msg.from())
        .into_iter()
        .next()
        .ok_or_else(|| "没有发件人（From）".to_string())?;
    let mut to = addresses(msg.to());
    to.extend(addresses(msg.cc()));
    to.extend(addresses(msg.bcc()));
    if to.is_empty() {
        return Err("没有收件人（To）".into());
    }
    Ok((
        from,
        to,
        msg.subject().unwrap_or_default().to_string(),
        msg.message_id().map(|m| format!("<{m}>")),
    ))
}

/// Sends what `folder` holds and its journal does not, through `account` (`password` when
/// it has a user). `start(n)` is told how many messages the folder holds, `each` every
/// outcome as it happens.
pub fn send_folder(
    account: &Account,
    password: Option<&str>,
    folder: &Path,
    dry_run: bool,
    start: &dyn Fn(usize),
    confirm: &dyn Fn(&Outgoing, &str) -> bool,
    each: &dyn Fn(&Outgoing, &Outcome),
) -> Result<Sent, SendError> {
    let (messages, unreadable) = read_folder(folder)?;
    start(messages.len());
    let journal_path = folder.join(SEND_JOURNAL);
    let shown_path = journal_path.display().to_string();
    let journal_error = |e: std::io::Error| {
        SendError::Folder(
            format!("无法写入发送记录 {shown_path}"),
            crate::domain::io_text(&e),
        )
    };
    let mut journal = if dry_run && !journal_path.exists() {
        None
    } else {
        Some(
            Journal::open(&journal_path, &SEND_JOURNAL_HEADER).map_err(|e| match e {
                super::journal::JournalError::Changed(why) => {
                    SendError::Journal(shown_path.clone(), why)
                }
                other => {
                    SendError::Folder(format!("无法读取发送记录 {shown_path}"), other.to_string())
                }
            })?,
        )
    };
    let mut out = Sent {
        messages: Vec::new(),
        unreadable,
    };
    // Keys used by an earlier file of this run: (key, file).
    let mut used: Vec<(String, String)> = Vec::new();
    // One session, opened when the first message is due; a refusal ends lettre's session,
    // so the next message opens another.
    let mut conn: Option<SmtpConnection> = None;
    for m in &messages {
        let recorded = journal
            .as_ref()
            .map(|j| earlier(j, m))
            .unwrap_or(Earlier::None);
        let twin = used
            .iter()
            .find(|(k, f)| k == m.key() && *f != m.file)
            .map(|(_, f)| f.clone());
        used.push((m.key().to_string(), m.file.clone()));
        let outcome = match (recorded, twin) {
            (_, Some(first)) | (Earlier::Other(first), _) => Outcome::Duplicate(first),
            (Earlier::Sent(when), _) => Outcome::AlreadySent(when),
            (Earlier::Pending(when), _) if dry_run || !confirm(m, &when) => {
                Outcome::MaybeSent(when)
            }
            _ if dry_run => Outcome::WouldSend,
            _ => {
                if conn.as_ref().is_none_or(|c| c.has_broken()) {
                    conn = Some(open(account, password)?);
                }
                let Some(c) = conn.as_mut() else {
                    continue;
                };
                let to = m.to.join(", ");
                if let Some(j) = journal.as_mut() {
                    let when = super::journal::now_text();
                    j.append(&[&m.file, m.key(), &to, &when, SEND_PENDING])
                        .map_err(journal_error)?;
                }
                let o = send_one(c, m, account)?;
                let answer = match &o {
                    Outcome::Sent(answer) => Some(answer.clone()),
                    Outcome::Refused(why) => Some(format!("{SEND_REFUSED}{why}")),
                    _ => None,
                };
                if let (Some(answer), Some(j)) = (answer, journal.as_mut()) {
                    let when = super::journal::now_text();
                    j.append(&[&m.file, m.key(), &to, &when, &answer])
                        .map_err(journal_error)?;
                }
                o
            }
        };
        each(m, &outcome);
        out.messages.push((m.clone(), outcome));
    }
    if let Some(mut c) = conn.filter(|c| !c.has_broken()) {
        let _ = c.quit();
    }
    Ok(out)
}

/// What the journal says of a message already.
enum Earlier {
    /// Nothing: it has not been sent (or the server refused it).
    None,
    /// Accepted by the server (when).
    Sent(String),
    /// Handed to the server, no answer recorded (when).
    Pending(String),
    /// Its Message-ID was sent from another file (named).
    Other(String),
}

/// The journal's last word on `m`: its own lines (same file, same key) decide; a line of
/// another file with its Message-ID makes it a duplicate.
fn earlier(journal: &Journal, m: &Outgoing) -> Earlier {
    let file = Journal::recorded(&m.file);
    let key = Journal::recorded(m.key());
    let mut last = Earlier::None;
    for r in journal.rows().iter().filter(|r| r[1] == key) {
        if r[0] != file {
            if m.message_id.is_some() && !r[4].starts_with(SEND_REFUSED) {
                last = Earlier::Other(r[0].clone());
            }
            continue;
        }
        last = if r[4] == SEND_PENDING {
            Earlier::Pending(r[3].clone())
        } else if r[4].starts_with(SEND_REFUSED) {
            Earlier::None
        } else {
            Earlier::Sent(r[3].clone())
        };
    }
    last
}

/// A message's bytes without its `Bcc` field (header lines and their continuations): blind
/// copies go in the envelope only, never to every recipient.
fn without_bcc(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| p + 2)
        .or_else(|| bytes.windows(2).position(|w| w == b"\n\n").map(|p| p + 1))
        .unwrap_or(bytes.len());
    let head = &bytes[..end];
    let is_bcc = |line: &[u8]| line.len() >= 4 && line[..4].eq_ignore_ascii_case(b"bcc:");
    if !head.split(|b| *b == b'\n').any(is_bcc) {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut skipping = false;
    for line in head.split_inclusive(|b| *b == b'\n') {
        let continued = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if is_bcc(line) {
            skipping = true;
        } else if !continued {
            skipping = false;
        }
        if !skipping {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(&bytes[end..]);
    std::borrow::Cow::Owned(out)
}

/// Connects, greets, and logs in when there is a user.
fn open(account: &Account, password: Option<&str>) -> Result<SmtpConnection, SendError> {
    let server = account.server();
    let tls = match account.scheme {
        Scheme::Smtps => Some(
            TlsParameters::new_rustls(account.host.clone())
                .map_err(|e| SendError::Server(server.clone(), e.to_string()))?,
        ),
        _ => None,
    };
    let mut conn = SmtpConnection::connect(
        (account.host.as_str(), account.port),
        Some(super::timeout()),
        &ClientId::default(),
        tls.as_ref(),
        None,
    )
    .map_err(|e| connect_error(&server, e))?;
    if let Some(user) = &account.user {
        let offered: Vec<Mechanism> = [Mechanism::Plain, Mechanism::Login]
            .into_iter()
            .filter(|m| conn.server_info().supports_auth_mechanism(*m))
            .collect();
        if offered.is_empty() {
            return Err(SendError::NoLogin(server));
        }
        let credentials = Credentials::new(user.clone(), password.unwrap_or_default().into());
        conn.auth(&offered, &credentials)
            .map_err(|e| SendError::Login(server.clone(), reply_text(&e)))?;
    }
    Ok(conn)
}

/// What an SMTP server's answer means, in Chinese, with its code and its own words.
pub fn reply_text(e: &lettre::transport::smtp::Error) -> String {
    let code = e.status().map(|c| c.to_string()).unwrap_or_default();
    let said = e.to_string();
    let said = said.split_once("): ").map_or("", |(_, t)| t).trim();
    let has = |s: &str| said.contains(s);
    let what = match code.as_str() {
        "535" => "用户名或密码不正确，或邮箱未开通 SMTP 服务（有的邮箱要用「授权码」代替密码）",
        "530" => "服务器要求先登录：请在地址中写上用户名（如 smtps://用户名@服务器）",
        "538" | "534" => "服务器要求加密连接后才能登录：请改用 smtps://",
        "550" | "553" | "554" if has("5.7.1") || has("elay") => {
            "服务器不允许向该地址转发（relay denied）：请用本单位邮箱账户登录后发送，或联系邮件管理员"
        }
        "552" | "452" if has("5.2.2") || has("full") || has("quota") => "收件人邮箱已满",
        "552" | "554" if has("5.3.4") || has("size") || has("large") => "邮件过大，服务器不接收",
        "552" => "收件人邮箱已满，或邮件过大",
        "550" | "551" => "收件地址不存在或不被该服务器接受",
        "553" => "邮件地址格式不被服务器接受（或发件人地址未获授权）",
        "554" => "服务器拒绝了这封邮件（可能被判为垃圾邮件）",
        "421" => "服务器暂时不可用，关闭了连接；稍后再运行 send 会接着发送",
        "450" | "451" | "452" => "服务器暂时无法接收（繁忙或邮箱暂不可用）；稍后再运行 send 会重发",
        _ if e.is_transient() => "服务器暂时无法接收；稍后再运行 send 会重发",
        _ if e.is_permanent() => "服务器拒绝",
        _ => "服务器的应答无法识别",
    };
    if code.is_empty() && e.to_string().contains("incomplete") {
        "服务器的应答不完整（连接在应答中途断开）：请核对服务器地址和端口，或稍后再试".into()
    } else if code.is_empty() {
        what.to_string()
    } else if said.is_empty() {
        format!("{what}（应答 {code}）")
    } else {
        format!(
            "{what}（应答 {code}：{}）",
            said.chars().take(200).collect::<String>()
        )
    }
}

/// A failed connection in the words `fetch` uses: no answer, refused, TLS, or the server's.
fn connect_error(server: &str, e: lettre::transport::smtp::Error) -> SendError {
    use super::tls::ConnectError;
    let io = std::error::Error::source(&e).and_then(|s| s.downcast_ref::<std::io::Error>());
    let server = server.to_string();
    SendError::Connect(if e.is_timeout() {
        ConnectError::Refused(server, super::tls::silent())
    } else if let Some(why) = super::tls::tls_reason(&e) {
        ConnectError::Tls(server, why)
    } else if e.is_tls() {
        ConnectError::Tls(server, "加密连接失败，请核对服务器地址和端口".into())
    } else if let Some(io) = io {
        ConnectError::Refused(server, crate::domain::io_text(io))
    } else {
        return SendError::Server(server, reply_text(&e));
    })
}

/// A broken conversation in Chinese: the connection's own error, or an answer that could not
/// be read.
fn lost_text(e: &lettre::transport::smtp::Error) -> String {
    let io = std::error::Error::source(e).and_then(|s| s.downcast_ref::<std::io::Error>());
    match io {
        Some(io) => crate::domain::io_text(io),
        None if e.is_timeout() => super::tls::silent(),
        None => "服务器的应答不完整或无法识别".into(),
    }
}

/// Hands one message over; a refusal of this message is its outcome, a broken connection
/// ends the run.
fn send_one(
    conn: &mut SmtpConnection,
    m: &Outgoing,
    account: &Account,
) -> Result<Outcome, SendError> {
    let parse = |a: &str| {
        a.parse::<Address>()
            .map_err(|_| format!("地址「{a}」格式有误"))
    };
    let envelope = (|| -> Result<Envelope, String> {
        let to =
            m.to.iter()
                .map(|a| parse(a))
                .collect::<Result<Vec<_>, _>>()?;
        Envelope::new(Some(parse(&m.from)?), to).map_err(|e| e.to_string())
    })();
    let envelope = match envelope {
        Ok(e) => e,
        Err(why) => return Ok(Outcome::Refused(why)),
    };
    let bytes = match std::fs::read(&m.path) {
        Ok(b) => b,
        Err(e) => return Ok(Outcome::Refused(crate::domain::io_text(&e))),
    };
    match conn.send(&envelope, &without_bcc(&bytes)) {
        Ok(answer) => Ok(Outcome::Sent(
            answer
                .message()
                .collect::<Vec<_>>()
                .join(" ")
                .trim()
                .to_string(),
        )),
        // The server answered no (550 no such user, 552 too big): this message only.
        Err(e) if e.is_permanent() || e.is_transient() => {
            Ok(Outcome::Refused(format!("服务器拒收：{}", reply_text(&e))))
        }
        Err(e) => Err(SendError::Lost(account.server(), lost_text(&e))),
    }
}
