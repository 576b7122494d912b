//! A scripted SMTP server on 127.0.0.1 for what real servers rarely do on demand: offer no
//! login, refuse to relay, find a mailbox full or a message too large. It answers each
//! command from its script, records what it was sent, and stops when the client quits (every
//! read is bounded, so a test never waits on it).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server answers.
#[derive(Debug, Clone)]
pub struct Script {
    /// The EHLO reply's extension lines (`AUTH PLAIN LOGIN` offers a login).
    pub extensions: Vec<&'static str>,
    /// The reply to each RCPT TO.
    pub rcpt: &'static str,
    /// The reply after the message's final dot.
    pub data: &'static str,
    /// Close the connection after the message's final dot instead of replying, on the
    /// first connection only (as a server that crashed mid-answer).
    pub drop_after_data: bool,
    /// Never answer after the message's final dot (the client waits until it is stopped).
    pub hang_after_data: bool,
}

impl Default for Script {
    fn default() -> Self {
        Script {
            extensions: vec!["8BITMIME"],
            rcpt: "250 2.1.5 OK",
            data: "250 2.0.0 queued",
            drop_after_data: false,
            hang_after_data: false,
        }
    }
}

/// A running scripted server.
pub struct Scripted {
    pub port: u16,
    /// Every command line received, in order, across connections.
    pub commands: Arc<Mutex<Vec<String>>>,
    /// Every message's text, as handed over after DATA.
    pub messages: Arc<Mutex<Vec<String>>>,
    /// Signalled each time a message has been handed over.
    pub arrived: Arc<std::sync::Condvar>,
}

impl Scripted {
    /// Starts the server; it serves connections until the test ends.
    pub fn start(script: Script) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let commands = Arc::new(Mutex::new(Vec::new()));
        let messages = Arc::new(Mutex::new(Vec::new()));
        let (seen, kept) = (Arc::clone(&commands), Arc::clone(&messages));
        let arrived = Arc::new(std::sync::Condvar::new());
        let signal = Arc::clone(&arrived);
        std::thread::spawn(move || {
            for (k, stream) in listener.incoming().flatten().enumerate() {
                let script = Script {
                    drop_after_data: script.drop_after_data && k == 0,
                    ..script.clone()
                };
                let _ = serve(stream, &script, &seen, &kept, &signal);
            }
        });
        Scripted {
            port,
            commands,
            messages,
            arrived,
        }
    }

    /// `smtp://[user@]127.0.0.1:PORT`.
    pub fn url(&self, user: Option<&str>) -> String {
        match user {
            Some(u) => format!("smtp://{}@127.0.0.1:{}", u.replace('@', "%40"), self.port),
            None => format!("smtp://127.0.0.1:{}", self.port),
        }
    }

    /// Waits (at most a minute) until `n` messages have been handed over.
    pub fn wait_for_messages(&self, n: usize) -> bool {
        let guard = self.messages.lock().unwrap();
        let (guard, _) = self
            .arrived
            .wait_timeout_while(guard, Duration::from_secs(60), |m| m.len() < n)
            .unwrap();
        guard.len() >= n
    }

    /// How many messages were handed over (DATA completed).
    pub fn commands(&self) -> Vec<String> {
        self.commands.lock().unwrap().clone()
    }
}

fn serve(
    stream: TcpStream,
    script: &Script,
    seen: &Mutex<Vec<String>>,
    kept: &Mutex<Vec<String>>,
    arrived: &std::sync::Condvar,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    out.write_all(b"220 scripted.example ESMTP\r\n")?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_string();
        seen.lock().unwrap().push(cmd.clone());
        let upper = cmd.to_ascii_uppercase();
        let reply = if upper.starts_with("EHLO") {
            let mut r = String::from("250-scripted.example\r\n");
            for (k, e) in script.extensions.iter().enumerate() {
                let sep = if k + 1 == script.extensions.len() {
                    ' '
                } else {
                    '-'
                };
                r.push_str(&format!("250{sep}{e}\r\n"));
            }
            if script.extensions.is_empty() {
                r = "250 scripted.example\r\n".into();
            }
            r
        } else if upper.starts_with("HELO") {
            "250 scripted.example\r\n".into()
        } else if upper.starts_with("AUTH") {
            "235 2.7.0 OK\r\n".into()
        } else if upper.starts_with("MAIL") {
            "250 2.1.0 OK\r\n".into()
        } else if upper.starts_with("RCPT") {
            format!("{}\r\n", script.rcpt)
        } else if upper.starts_with("DATA") {
            out.write_all(b"354 go ahead\r\n")?;
            let mut text = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                text.push_str(&line);
            }
            seen.lock().unwrap().push("<message>".into());
            kept.lock().unwrap().push(text);
            arrived.notify_all();
            if script.hang_after_data {
                // Read until the client goes away, answering nothing.
                while lines.read_line(&mut line).unwrap_or(0) > 0 {}
                return Ok(());
            }
            if script.drop_after_data {
                let _ = out.shutdown(std::net::Shutdown::Both);
                return Ok(());
            }
            format!("{}\r\n", script.data)
        } else if upper.starts_with("RSET") || upper.starts_with("NOOP") {
            "250 OK\r\n".into()
        } else if upper.starts_with("QUIT") {
            out.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            "502 5.5.2 not implemented\r\n".into()
        };
        out.write_all(reply.as_bytes())?;
    }
}

use super::*;

/// A folder with one ready message to 张华.
pub(super) fn outbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let eml = mail_builder::MessageBuilder::new()
        .from(("财政局", "jxc@czj.example.com"))
        .to(("张华", "yjglj@example.com"))
        .subject("审核意见")
        .message_id("letter-1@czj.example.com")
        .text_body("审核意见。")
        .write_to_vec()
        .unwrap();
    std::fs::write(dir.path().join("001_市应急管理局.eml"), eml).unwrap();
    dir
}

pub(super) fn send(folder: &Path, url: &str) -> std::process::Output {
    jixiao()
        .arg("send")
        .arg(folder)
        .arg("--smtp")
        .arg(url)
        .env("JIXIAO_SMTP_PASSWORD", "secret")
        .env("JIXIAO_MAIL_TIMEOUT", "10")
        .output()
        .unwrap()
}

#[test]
fn a_server_without_login_is_named_and_sending_without_one_works() {
    let server = Scripted::start(Script::default());
    let dir = outbox();
    let out = send(dir.path(), &server.url(Some("jxk@czj.gov.cn")));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("不提供可用的登录方式"), "{said}");
    assert!(said.contains("请在地址中省略用户名"), "{said}");
    assert!(!said.contains("mechanism"), "{said}");
    assert!(!server.commands().contains(&"<message>".to_string()));
    // Without a user name, no login is tried, and the message goes.
    let out = send(dir.path(), &server.url(None));
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("本次发送 1 封"), "{}", text(&out));
    assert!(!server.commands().iter().any(|c| c.starts_with("AUTH")));
}

#[test]
fn refusals_are_said_in_chinese_with_the_server_s_code() {
    for (script, want) in [
        (
            Script {
                rcpt: "550 5.7.1 Relaying denied",
                ..Script::default()
            },
            "服务器不允许向该地址转发",
        ),
        (
            Script {
                data: "552 5.2.2 Mailbox full",
                ..Script::default()
            },
            "收件人邮箱已满",
        ),
        (
            Script {
                data: "552 5.3.4 Message size exceeds fixed limit",
                ..Script::default()
            },
            "邮件过大",
        ),
        (
            Script {
                rcpt: "451 4.3.0 Try again later",
                ..Script::default()
            },
            "稍后再运行 send 会重发",
        ),
    ] {
        let server = Scripted::start(script);
        let dir = outbox();
        let out = send(dir.path(), &server.url(None));
        let said = text(&out);
        assert_eq!(out.status.code(), Some(3), "{said}");
        assert!(said.contains(want), "{want}: {said}");
        assert!(
            !said.contains("permanent error") && !said.contains("transient error"),
            "{said}"
        );
        // Refused, so journalled as not sent: the next run tries again.
        let journal = std::fs::read_to_string(dir.path().join("发送记录.tsv")).unwrap_or_default();
        let last = journal.lines().last().unwrap_or_default();
        assert!(last.contains("\t未发送："), "{journal}");
        let again = send(dir.path(), &server.url(None));
        assert!(!text(&again).contains("已发送过"), "{}", text(&again));
    }
}

#[test]
fn tls_to_a_plain_port_is_said_in_chinese() {
    let server = Scripted::start(Script::default());
    let dir = outbox();
    let out = send(
        dir.path(),
        &format!("smtps://jxk%40czj.gov.cn@127.0.0.1:{}", server.port),
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("该端口可能不使用 SSL/TLS"), "{said}");
    assert!(
        !said.contains("corrupt") && !said.contains("InvalidContentType"),
        "{said}"
    );
}

#[test]
fn an_incomplete_answer_is_said_in_chinese() {
    // A server that greets, starts its EHLO answer and hangs up in the middle of it.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = (|| -> std::io::Result<()> {
                stream.set_read_timeout(Some(Duration::from_secs(20)))?;
                let mut out = stream.try_clone()?;
                out.write_all(b"220 half.example ESMTP\r\n")?;
                let mut line = String::new();
                BufReader::new(stream).read_line(&mut line)?;
                out.write_all(b"250-half.example\r\n250-SIZE")?;
                Ok(())
            })();
        }
    });
    let dir = outbox();
    let out = send(dir.path(), &format!("smtp://127.0.0.1:{port}"));
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("SMTP 服务器 127.0.0.1"), "{said}");
    assert!(
        !said.contains("incomplete") && !said.contains("response error"),
        "{said}"
    );
    assert!(said.contains("服务器的应答不完整"), "{said}");
}
