//! Real mail servers on 127.0.0.1 for the tests, each in a throwaway folder and stopped when
//! dropped: Debian's dovecot (IMAP, plaintext on loopback, one user) and aiosmtpd (an SMTP
//! sink writing a Maildir). A server that is not installed skips its test with how to
//! install it; under CI (`CI` set) it fails the test instead, since `.ci/run` installs both.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The IMAP user of the test mailbox.
pub const IMAP_USER: &str = "jxk@czj.gov.cn";
/// Its password.
pub const IMAP_PASSWORD: &str = "s3cret-jx";

fn missing<T>(what: &str, package: &str) -> Option<T> {
    super::util::not_installed(what, package);
    None
}

fn program(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| {
        Command::new(p)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    })
}

/// A port nobody listens on (for a moment).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, child: &mut Child, log: &Path) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "server exited ({status}): {}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("server did not listen on {port}");
}

#[cfg(unix)]
fn open_up(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// dovecot serving one user's Maildir.
pub struct Imap {
    child: Child,
    conf: PathBuf,
    /// Held for the server's lifetime: its configuration, mail and logs.
    _dir: tempfile::TempDir,
    /// Plain IMAP.
    pub port: u16,
    /// IMAP over TLS (servers from [`Imap::start_tls`]).
    pub tls_port: u16,
}

impl Imap {
    /// Starts dovecot, or `None` (outside CI) when it is not installed.
    pub fn start() -> Option<Imap> {
        Self::start_with(false)
    }

    /// Starts dovecot with, besides plain IMAP, IMAP over TLS on [`Imap::tls_port`] with a
    /// self-signed certificate for `localhost` (made with openssl).
    pub fn start_tls() -> Option<Imap> {
        Self::start_with(true)
    }

    #[cfg(unix)]
    fn start_with(tls: bool) -> Option<Imap> {
        let Some(dovecot) = program(&["/usr/sbin/dovecot", "dovecot"]) else {
            return missing("dovecot", "dovecot-imapd");
        };
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for sub in ["run", "state", "mail", "home"] {
            std::fs::create_dir(d.join(sub)).unwrap();
        }
        // dovecot logs in as `nobody` and its login processes run as `dovenull`: they must
        // reach the folder and write the mail.
        open_up(d, 0o755);
        open_up(&d.join("mail"), 0o777);
        open_up(&d.join("home"), 0o777);
        std::fs::write(
            d.join("users"),
            format!("{IMAP_USER}:{{PLAIN}}{IMAP_PASSWORD}\n"),
        )
        .unwrap();
        let port = free_port();
        let tls_port = free_port();
        let p = d.display();
        let ssl = if tls {
            let made = Command::new("openssl")
                .args([
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                ])
                .args([
                    "-subj",
                    "/CN=localhost",
                    "-addext",
                    "subjectAltName=DNS:localhost",
                ])
                .args(["-addext", "basicConstraints=critical,CA:FALSE", "-keyout"])
                .arg(d.join("key.pem"))
                .arg("-out")
                .arg(d.join("cert.pem"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if !made.is_ok_and(|s| s.success()) {
                return missing("openssl", "openssl");
            }
            format!("ssl = yes\nssl_cert = <{p}/cert.pem\nssl_key = <{p}/key.pem\n")
        } else {
            "ssl = no\n".to_string()
        };
        let imaps_port = if tls { tls_port } else { 0 };
        let conf = d.join("dovecot.conf");
        std::fs::write(
            &conf,
            format!(
                "protocols = imap\nlisten = 127.0.0.1\nbase_dir = {p}/run\nstate_dir = {p}/state\n\
                 log_path = {p}/dovecot.log\n{ssl}disable_plaintext_auth = no\n\
                 auth_mechanisms = plain login\nmail_location = maildir:{p}/mail/%u\n\
                 default_login_user = dovenull\ndefault_internal_user = dovecot\n\
                 passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {p}/users\n}}\n\
                 userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={p}/home/%u\n}}\n\
                 service imap-login {{\n  chroot =\n  inet_listener imap {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n  inet_listener imaps {{\n    address = 127.0.0.1\n    port = {imaps_port}\n  }}\n}}\n\
                 service anvil {{\n  chroot =\n}}\n"
            ),
        )
        .unwrap();
        let mut child = Command::new(&dovecot)
            .arg("-F")
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_for_port(port, &mut child, &d.join("dovecot.log"));
        if tls {
            wait_for_port(tls_port, &mut child, &d.join("dovecot.log"));
        }
        Some(Imap {
            child,
            conf,
            _dir: dir,
            port,
            tls_port,
        })
    }

    /// Not on this system.
    #[cfg(not(unix))]
    fn start_with(_tls: bool) -> Option<Imap> {
        missing("dovecot", "dovecot-imapd")
    }

    /// The address for `jixiao fetch`.
    pub fn url(&self, folder: &str) -> String {
        format!(
            "imap://{}@127.0.0.1:{}/{folder}",
            IMAP_USER.replace('@', "%40"),
            self.port
        )
    }

    fn session(&self) -> imap::Session<TcpStream> {
        let mut client = imap::Client::new(TcpStream::connect(("127.0.0.1", self.port)).unwrap());
        client.read_greeting().unwrap();
        client
            .login(IMAP_USER, IMAP_PASSWORD)
            .map_err(|(e, _)| e)
            .unwrap()
    }

    /// Puts a message into INBOX, as a department's mail client would have.
    pub fn deliver(&self, message: &[u8]) {
        let mut s = self.session();
        s.append("INBOX", message).finish().unwrap();
        s.logout().unwrap();
    }

    /// The flags of every message in INBOX (read-only look).
    pub fn flags(&self) -> Vec<Vec<String>> {
        let mut s = self.session();
        s.examine("INBOX").unwrap();
        let f = s.fetch("1:*", "FLAGS").unwrap();
        let out = f
            .iter()
            .map(|m| m.flags().iter().map(|x| format!("{x:?}")).collect())
            .collect();
        s.logout().unwrap();
        out
    }

    /// How many messages INBOX holds.
    pub fn count(&self) -> u32 {
        let mut s = self.session();
        let n = s.examine("INBOX").unwrap().exists;
        s.logout().unwrap();
        n
    }
}

impl Drop for Imap {
    fn drop(&mut self) {
        let _ = Command::new("/usr/sbin/dovecot")
            .arg("-c")
            .arg(&self.conf)
            .arg("stop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// aiosmtpd accepting every message into a Maildir.
pub struct SmtpSink {
    child: Child,
    pub dir: tempfile::TempDir,
    pub port: u16,
}

/// The aiosmtpd of [`SmtpSink::start_with_login`]: AUTH PLAIN/LOGIN required, one user.
const SINK_WITH_LOGIN: &str = r#"
import sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword
port, maildir, user, password = sys.argv[1:5]
def check(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
    return AuthResult(success=ok, handled=False)
c = Controller(Mailbox(maildir), hostname="127.0.0.1", port=int(port), authenticator=check,
               auth_require_tls=False, auth_required=True)
c.start()
while True:
    time.sleep(3600)
"#;

const SINK_WITH_TLS: &str = r#"
import sys, ssl, threading
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
port, maildir, cert, key = sys.argv[1:5]
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(cert, key)
c = Controller(Mailbox(maildir), hostname="127.0.0.1", port=int(port), ssl_context=ctx)
c.start()
# Serves until the test kills it.
threading.Event().wait()
"#;

/// How a sink is started.
enum SinkMode<'a> {
    Plain,
    Login(&'a str, &'a str),
    /// Implicit TLS (smtps) with a self-signed certificate for localhost.
    Tls,
}

impl SmtpSink {
    /// Starts the sink, or `None` (outside CI) when aiosmtpd is not installed.
    pub fn start() -> Option<SmtpSink> {
        Self::start_as(SinkMode::Plain)
    }

    /// A sink that requires a login as `user` with `password` (over plain SMTP on loopback).
    pub fn start_with_login(user: &str, password: &str) -> Option<SmtpSink> {
        Self::start_as(SinkMode::Login(user, password))
    }

    /// A sink speaking smtps with a self-signed certificate for `localhost`.
    pub fn start_tls() -> Option<SmtpSink> {
        Self::start_as(SinkMode::Tls)
    }

    fn start_as(mode: SinkMode) -> Option<SmtpSink> {
        let python = ["/usr/bin/python3", "python3"].into_iter().find(|p| {
            Command::new(p)
                .args(["-c", "import aiosmtpd"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
        let Some(python) = python else {
            return missing("aiosmtpd", "python3-aiosmtpd");
        };
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let log = dir.path().join("smtpd.log");
        let mut cmd = Command::new(python);
        match mode {
            SinkMode::Plain => cmd
                .args(["-m", "aiosmtpd", "-n", "-l"])
                .arg(format!("127.0.0.1:{port}"))
                .args(["-c", "aiosmtpd.handlers.Mailbox"])
                .arg(dir.path().join("maildir")),
            SinkMode::Login(user, password) => cmd
                .args(["-c", SINK_WITH_LOGIN, &port.to_string()])
                .arg(dir.path().join("maildir"))
                .args([user, password]),
            SinkMode::Tls => {
                let d = dir.path();
                let made = Command::new("openssl")
                    .args([
                        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    ])
                    .args([
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost",
                    ])
                    .args(["-addext", "basicConstraints=critical,CA:FALSE", "-keyout"])
                    .arg(d.join("key.pem"))
                    .arg("-out")
                    .arg(d.join("cert.pem"))
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status();
                if !made.is_ok_and(|s| s.success()) {
                    return missing("openssl", "openssl");
                }
                cmd.args(["-c", SINK_WITH_TLS, &port.to_string()])
                    .arg(d.join("maildir"))
                    .arg(d.join("cert.pem"))
                    .arg(d.join("key.pem"))
            }
        };
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        wait_for_port(port, &mut child, &log);
        Some(SmtpSink { child, dir, port })
    }

    /// The address for `jixiao send`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received, as the sink stored it (with its X-MailFrom / X-RcptTo).
    pub fn received(&self) -> Vec<Vec<u8>> {
        let new = self.dir.path().join("maildir/new");
        let mut paths: Vec<_> = std::fs::read_dir(&new)
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        paths.sort();
        paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
