//! The output's lock: one run per output folder, held as an operating-system lock on a file
//! beside it ([`std::fs::File::try_lock`]).
//!
//! The operating system releases the lock when the process ends, however it ends (killed,
//! crashed, the machine's power cut with the file on a network drive the server holds), so a
//! stale lock is never trusted and never guessed at from process ids. The file keeps saying
//! who holds it (process, machine, start) for the message a second run shows; it is never
//! deleted, so two runs cannot each lock a different file of the same name.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another run holds it; what its file says of it.
    Held(String),
    /// The file could not be opened or locked.
    Io(std::io::Error),
}

impl Lock {
    /// Takes the lock at `path` at once, or says who holds it; `holder` says who this run is.
    pub fn take(path: &Path, holder: &str) -> Result<Lock, LockError> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut said = String::new();
                let _ = file.read_to_string(&mut said);
                return Err(LockError::Held(describe(&said)));
            }
            Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        let started = crate::domain::unix_secs(std::time::SystemTime::now());
        let text = format!("{}\n{started}\n{holder}\n", std::process::id());
        file.set_len(0).map_err(LockError::Io)?;
        file.rewind().map_err(LockError::Io)?;
        file.write_all(text.as_bytes()).map_err(LockError::Io)?;
        file.flush().map_err(LockError::Io)?;
        Ok(Lock { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// `进程 1234，计算机 X，jixiao collect，开始于 …` from a lock file's text.
fn describe(text: &str) -> String {
    let mut lines = text.lines();
    let pid = lines.next().unwrap_or("").trim();
    let since: Option<i64> = lines.next().and_then(|l| l.trim().parse().ok());
    let who = lines.next().unwrap_or("").trim();
    let mut parts = Vec::new();
    if !pid.is_empty() {
        parts.push(format!("进程 {pid}"));
    }
    if !who.is_empty() {
        parts.push(who.to_string());
    }
    if let Some(s) = since {
        parts.push(format!("开始于 {}", crate::domain::beijing_time(s)));
    }
    if parts.is_empty() {
        "另一次运行".into()
    } else {
        parts.join("，")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_refuses_a_second_taker_and_is_free_once_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".x.lock");
        let first = Lock::take(&path, "第一次").unwrap();
        match Lock::take(&path, "第二次") {
            Err(LockError::Held(who)) => assert!(who.contains("第一次"), "{who}"),
            other => panic!("{other:?}"),
        }
        drop(first);
        let _again = Lock::take(&path, "第三次").unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().contains("第三次"));
    }
}
