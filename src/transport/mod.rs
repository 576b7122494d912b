//! Mail both ways through real servers: a folder of ready messages → sent over SMTP
//! ([`send`]); a mailbox → its messages with attachments saved as `.eml` ([`fetch`]).
//!
//! - [`account`]: the server address (`smtps://user@host`, `imaps://user@host/文件夹`), checked.
//! - [`tls`]: encrypted connections with the system's certificates, bounded timeouts.
//! - [`journal`]: the append-only record in the folder that makes both commands safe to run
//!   again: nothing is sent twice, nothing fetched twice.
//! - [`send`]: one SMTP session, one message at a time, each journalled as it is accepted.
//! - [`fetch`]: IMAP, read-only (EXAMINE and BODY.PEEK), incremental by UIDVALIDITY and UID.
//!
//! Passwords are parameters here: the command line gets them from the environment or a prompt.

pub mod account;
pub mod fetch;
pub mod journal;
pub mod metered;
pub mod send;
pub mod tls;
mod utf7;

/// The environment variable holding the SMTP password.
pub const SMTP_PASSWORD_VAR: &str = "JIXIAO_SMTP_PASSWORD";
/// The environment variable holding the IMAP password.
pub const IMAP_PASSWORD_VAR: &str = "JIXIAO_IMAP_PASSWORD";

static TIMEOUT_SECS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();

/// Sets how long to wait for a server to answer (the command line reads
/// `JIXIAO_MAIL_TIMEOUT`); later calls are ignored.
pub fn set_timeout(secs: u64) {
    let _ = TIMEOUT_SECS.set(secs.max(1));
}

/// How long to wait for a server to answer before giving up: 20 seconds unless set.
pub fn timeout() -> std::time::Duration {
    std::time::Duration::from_secs(*TIMEOUT_SECS.get().unwrap_or(&20))
}
