//! A scripted IMAP server on 127.0.0.1 that lies (issue 33): sizes it declares and does not
//! keep, bodies trickled a few bytes a second or never sent, folder names that carry terminal
//! escapes, Message-IDs reused. `fetch` skips and reports each such message, goes on with the
//! others, and tells messages apart by their content.
//!
//! The server answers the commands `fetch` sends (LOGIN, LIST, EXAMINE, UID SEARCH, UID
//! FETCH, LOGOUT), one thread per connection; every read it makes is bounded.

use super::*;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// The greeting of a server that is ready.
const READY: &str = "* OK [CAPABILITY IMAP4rev1] scripted ready\r\n";

/// What the server sends for one message's body.
#[derive(Clone)]
enum Body {
    /// These bytes, declared at their size.
    Honest(Vec<u8>),
    /// Declared at 1,000 bytes; sends this many zero bytes.
    Lying(usize),
    /// Declared at 1,000 bytes; sends ten bytes, then ten more each half second.
    Trickle,
    /// A FETCH answer without the body.
    Missing,
}

struct Mailbox {
    /// The first line the server sends.
    greeting: &'static str,
    validity: u32,
    /// Folder names LIST returns, as raw bytes (sent as literals).
    folders: Vec<Vec<u8>>,
    messages: Vec<(u32, Body)>,
}

/// Set once a trickled body has begun, for a test that acts while a fetch is under way.
type Began = Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>;

fn start(mailbox: Mailbox) -> String {
    start_watched(mailbox).0
}

/// [`start`], and what tells that a trickled body has begun.
fn start_watched(mailbox: Mailbox) -> (String, Began) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mailbox = Arc::new(mailbox);
    let began: Began = Arc::default();
    let signal = Arc::clone(&began);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (m, signal) = (Arc::clone(&mailbox), Arc::clone(&signal));
            std::thread::spawn(move || {
                let _ = serve(stream, &m, &signal);
            });
        }
    });
    (format!("imap://jxc@127.0.0.1:{port}/INBOX"), began)
}

fn declared(body: &Body) -> usize {
    match body {
        Body::Honest(b) => b.len(),
        _ => 1000,
    }
}

fn serve(stream: TcpStream, m: &Mailbox, began: &Began) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    out.write_all(m.greeting.as_bytes())?;
    if m.greeting.starts_with("* BYE") {
        return Ok(());
    }
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let (tag, rest) = line.trim_end().split_once(' ').unwrap_or(("*", ""));
        let upper = rest.to_ascii_uppercase();
        let ok = format!("{tag} OK done\r\n");
        if upper.starts_with("LOGIN") || upper.starts_with("CAPABILITY") {
            out.write_all(ok.as_bytes())?;
        } else if upper.starts_with("LIST") {
            for f in &m.folders {
                out.write_all(format!("* LIST () \"/\" {{{}}}\r\n", f.len()).as_bytes())?;
                out.write_all(f)?;
                out.write_all(b"\r\n")?;
            }
            out.write_all(ok.as_bytes())?;
        } else if upper.starts_with("EXAMINE") || upper.starts_with("SELECT") {
            out.write_all(
                format!(
                    "* {} EXISTS\r\n* OK [UIDVALIDITY {}] ok\r\n{tag} OK [READ-ONLY] done\r\n",
                    m.messages.len(),
                    m.validity
                )
                .as_bytes(),
            )?;
        } else if upper.starts_with("UID SEARCH") {
            let uids: Vec<String> = m.messages.iter().map(|(u, _)| u.to_string()).collect();
            out.write_all(format!("* SEARCH {}\r\n{ok}", uids.join(" ")).as_bytes())?;
        } else if upper.starts_with("UID FETCH") {
            let uid: u32 = upper
                .split(' ')
                .nth(2)
                .and_then(|u| u.parse().ok())
                .unwrap_or(0);
            let Some((seq, (_, body))) =
                m.messages.iter().enumerate().find(|(_, (u, _))| *u == uid)
            else {
                out.write_all(ok.as_bytes())?;
                continue;
            };
            let seq = seq + 1;
            if upper.contains("RFC822.SIZE") {
                out.write_all(
                    format!(
                        "* {seq} FETCH (UID {uid} RFC822.SIZE {})\r\n{ok}",
                        declared(body)
                    )
                    .as_bytes(),
                )?;
                continue;
            }
            let head =
                format!("* {seq} FETCH (UID {uid} INTERNALDATE \"10-May-2022 09:30:00 +0800\"");
            match body {
                Body::Honest(b) => {
                    out.write_all(format!("{head} BODY[] {{{}}}\r\n", b.len()).as_bytes())?;
                    out.write_all(b)?;
                    out.write_all(format!(")\r\n{ok}").as_bytes())?;
                }
                Body::Missing => out.write_all(format!("{head})\r\n{ok}").as_bytes())?,
                Body::Lying(n) => {
                    out.write_all(format!("{head} BODY[] {{{n}}}\r\n").as_bytes())?;
                    let chunk = vec![0u8; 1 << 20];
                    for _ in 0..n / chunk.len() {
                        out.write_all(&chunk)?;
                    }
                    return Ok(());
                }
                Body::Trickle => {
                    out.write_all(format!("{head} BODY[] {{100000}}\r\n").as_bytes())?;
                    if let Ok(mut b) = began.0.lock() {
                        *b = true;
                        began.1.notify_all();
                    }
                    // Ten bytes every half second: the hostile peer's pace, between reads of the
                    // socket that end the moment the client hangs up (its deadline passed).
                    lines
                        .get_ref()
                        .set_read_timeout(Some(Duration::from_millis(500)))?;
                    let mut probe = [0u8; 1];
                    for _ in 0..10_000 {
                        out.write_all(b"0123456789")?;
                        out.flush()?;
                        match std::io::Read::read(&mut lines, &mut probe) {
                            Ok(0) => return Ok(()),
                            Ok(_) => {}
                            Err(e)
                                if matches!(
                                    e.kind(),
                                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                                ) => {}
                            Err(_) => return Ok(()),
                        }
                    }
                    return Ok(());
                }
            }
        } else if upper.starts_with("LOGOUT") {
            out.write_all(format!("* BYE bye\r\n{ok}").as_bytes())?;
            return Ok(());
        } else {
            out.write_all(ok.as_bytes())?;
        }
    }
}

/// A message from 张华 with `attachment` attached (its bytes `data`).
fn message(id: Option<&str>, attachment: &str, data: &[u8]) -> Vec<u8> {
    let mut b = mail_builder::MessageBuilder::new()
        .from(("张华", "yjglj@example.com"))
        .to(("财政局", "jxc@czj.example.com"))
        .subject("自评表")
        .date(1_652_146_200i64)
        .text_body("附件是自评表。")
        .attachment("application/octet-stream", attachment, data.to_vec());
    if let Some(id) = id {
        b = b.message_id(id);
    }
    b.write_to_vec().unwrap()
}

fn fetch(url: &str, into: &Path) -> std::process::Output {
    fetch_with(url, into, "secret")
}

fn fetch_with(url: &str, into: &Path, password: &str) -> std::process::Output {
    jixiao()
        .args(["fetch", "--imap", url, "-o"])
        .arg(into)
        .env("JIXIAO_IMAP_PASSWORD", password)
        .env("JIXIAO_MAIL_TIMEOUT", "2")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

fn emls(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".eml")
        })
        .count()
}

#[test]
fn messages_that_lie_trickle_or_come_empty_are_skipped_and_the_rest_is_saved() {
    let url = start(Mailbox {
        greeting: READY,
        validity: 7,
        folders: vec![b"INBOX".to_vec()],
        messages: vec![
            (1, Body::Honest(message(Some("<1@x>"), "一.xlsx", b"one"))),
            (2, Body::Lying(80 << 20)),
            (3, Body::Trickle),
            (4, Body::Missing),
            (5, Body::Honest(message(Some("<5@x>"), "五.xlsx", b"five"))),
        ],
    });
    let dir = tempfile::tempdir().unwrap();
    let out = fetch(&url, dir.path());
    let said = text(&out);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert_eq!(emls(dir.path()), 2, "{said}");
    assert!(
        said.contains("UID 2：邮件实际内容超过 64 MB 上限（服务器声明为 1000 字节，大小不实）"),
        "{said}"
    );
    assert!(said.contains("UID 3：服务器传送过慢"), "{said}");
    assert!(
        said.contains("UID 4：服务器没有返回这封邮件的内容"),
        "{said}"
    );
    // Skipped for good: the next run does not stop at them again.
    let again = fetch(&url, dir.path());
    let said = text(&again);
    assert_eq!(again.status.code(), Some(0), "{said}");
    assert!(said.contains("之前已收取 5 封"), "{said}");
}

#[test]
fn a_reused_message_id_is_saved_and_a_renumbered_copy_is_not() {
    let first = message(Some("<a@x>"), "一.xlsx", b"one");
    let no_id = message(None, "二.xlsx", b"two");
    let dir = tempfile::tempdir().unwrap();
    let url = start(Mailbox {
        greeting: READY,
        validity: 1,
        folders: vec![b"INBOX".to_vec()],
        messages: vec![
            (1, Body::Honest(first.clone())),
            (2, Body::Honest(no_id.clone())),
        ],
    });
    let out = fetch(&url, dir.path());
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(emls(dir.path()), 2);
    // The server renumbers its folder, and a different message reuses <a@x>.
    let url = start(Mailbox {
        greeting: READY,
        validity: 2,
        folders: vec![b"INBOX".to_vec()],
        messages: vec![
            (11, Body::Honest(first)),
            (12, Body::Honest(no_id)),
            (
                13,
                Body::Honest(message(Some("<a@x>"), "三.xlsx", b"three")),
            ),
        ],
    });
    let out = fetch(&url, dir.path());
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("本次保存 1 封"), "{said}");
    assert!(said.contains("2 封此前已保存过"), "{said}");
    assert_eq!(emls(dir.path()), 3);
}

#[test]
fn folder_names_with_terminal_escapes_are_shown_escaped() {
    let url = start(Mailbox {
        greeting: READY,
        validity: 1,
        folders: vec![
            b"\x1b[2J\x1b]0;owned\x07Sent".to_vec(),
            "已发送\u{202E}".into(),
        ],
        messages: vec![],
    });
    let dir = tempfile::tempdir().unwrap();
    let out = fetch(&url, dir.path());
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("没有文件夹「INBOX」"), "{said}");
    assert!(!said.contains('\x1b') && !said.contains('\x07'), "{said:?}");
    assert!(!said.contains('\u{202E}'), "{said:?}");
    assert!(said.contains("\\u{1b}[2J"), "{said}");
}

#[test]
fn what_goes_wrong_with_a_server_is_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let english = [
        "Bye",
        "Response",
        "corrupt",
        "InvalidContentType",
        "Invalid character",
        "代码",
    ];
    let check = |out: std::process::Output, want: &str| {
        let said = text(&out);
        assert_eq!(out.status.code(), Some(1), "{want}: {said}");
        assert!(said.contains(want), "{want}: {said}");
        for e in english {
            assert!(!said.contains(e), "{e} in: {said}");
        }
    };
    // A server that says goodbye instead of hello.
    let bye = start(Mailbox {
        greeting: "* BYE too many connections\r\n",
        validity: 1,
        folders: vec![],
        messages: vec![],
    });
    check(
        fetch(&bye, dir.path()),
        "服务器拒绝了连接（服务器答复：too many connections）",
    );
    // imaps:// to a port that speaks plain IMAP.
    let plain = start(Mailbox {
        greeting: READY,
        validity: 1,
        folders: vec![b"INBOX".to_vec()],
        messages: vec![],
    });
    check(
        fetch(&plain.replace("imap://", "imaps://"), dir.path()),
        "不是加密（SSL/TLS）数据",
    );
    // A line break in the password never goes to the server, and is not called its error.
    let out = fetch_with(&plain, dir.path(), "se\rcret");
    let said = text(&out);
    check(out, "用户名或密码中有不允许的字符");
    assert!(!said.contains("服务器") || !said.contains("出错"), "{said}");
    // Nobody listening on the port.
    let free = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = free.local_addr().unwrap().port();
    drop(free);
    check(
        fetch(&format!("imap://jxc@127.0.0.1:{port}/INBOX"), dir.path()),
        "连接被拒绝",
    );
    // A server that accepts and never says a word.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    check(
        fetch(&format!("imap://jxc@127.0.0.1:{port}/INBOX"), dir.path()),
        "秒内没有应答",
    );
    drop(silent);
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_fetch_says_that_what_was_saved_is_kept() {
    let (url, began) = start_watched(Mailbox {
        greeting: READY,
        validity: 3,
        folders: vec![b"INBOX".to_vec()],
        messages: vec![
            (1, Body::Honest(message(Some("<1@x>"), "一.xlsx", b"one"))),
            (2, Body::Trickle),
        ],
    });
    let dir = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jixiao"))
        .args(["fetch", "--imap", &url, "-o"])
        .arg(dir.path())
        .env("JIXIAO_IMAP_PASSWORD", "secret")
        .env("JIXIAO_MAIL_TIMEOUT", "60")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let guard = began.0.lock().unwrap();
    let (guard, _) = began
        .1
        .wait_timeout_while(guard, Duration::from_secs(60), |b| !*b)
        .unwrap();
    assert!(*guard, "the second message began to arrive");
    drop(guard);
    let sent = std::process::Command::new("kill")
        .arg("-INT")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("已收取的邮件都已保存并记入收取记录"), "{err}");
    assert_eq!(emls(dir.path()), 1, "the first message stays saved");
}
