//! A connection that counts: a [`Stream`] → the same stream, whose reads stop once the
//! current command has brought more bytes than allowed or has run past its deadline.
//!
//! Guarantees: a server cannot make one command cost more than [`Meter::arm`] allowed,
//! whatever it declared beforehand and however slowly it sends (a read timeout alone is
//! reset by every trickled byte); when a limit stops a read, [`Meter::tripped`] says which,
//! and the connection is not used again.

use super::tls::Stream;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What stopped a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tripped {
    /// More bytes than allowed.
    Bytes(u64),
    /// Past the deadline (how long it was allowed).
    Time(Duration),
}

#[derive(Debug)]
struct State {
    left: u64,
    allowed: u64,
    deadline: Instant,
    allowed_time: Duration,
    tripped: Option<Tripped>,
}

/// The limits of the command in progress, shared by the stream and the code that issues
/// commands through it.
#[derive(Debug, Clone)]
pub struct Meter(Arc<Mutex<State>>);

impl Meter {
    /// A meter allowing `bytes` within `time` for what comes first.
    pub fn new(bytes: u64, time: Duration) -> Self {
        Meter(Arc::new(Mutex::new(State {
            left: bytes,
            allowed: bytes,
            deadline: Instant::now() + time,
            allowed_time: time,
            tripped: None,
        })))
    }

    /// Allows the next command `bytes` and `time`, counted from now.
    pub fn arm(&self, bytes: u64, time: Duration) {
        if let Ok(mut s) = self.0.lock() {
            s.left = bytes;
            s.allowed = bytes;
            s.deadline = Instant::now() + time;
            s.allowed_time = time;
        }
    }

    /// What stopped a read, if a limit did.
    pub fn tripped(&self) -> Option<Tripped> {
        self.0.lock().ok().and_then(|s| s.tripped)
    }

    /// Counts a read of `n` bytes; the error to return when a limit is passed.
    fn count(&self, n: usize) -> Option<std::io::Error> {
        let mut s = self.0.lock().ok()?;
        if s.tripped.is_some() {
            return Some(std::io::Error::other("jixiao: limit reached"));
        }
        if Instant::now() > s.deadline {
            s.tripped = Some(Tripped::Time(s.allowed_time));
            return Some(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "jixiao: deadline passed",
            ));
        }
        match s.left.checked_sub(n as u64) {
            Some(left) => {
                s.left = left;
                None
            }
            None => {
                s.tripped = Some(Tripped::Bytes(s.allowed));
                Some(std::io::Error::other("jixiao: too many bytes"))
            }
        }
    }
}

/// A [`Stream`] read under a [`Meter`].
#[derive(Debug)]
pub struct Metered {
    inner: Stream,
    meter: Meter,
}

impl Metered {
    /// `inner`, counted by `meter`.
    pub fn new(inner: Stream, meter: Meter) -> Self {
        Metered { inner, meter }
    }
}

impl Read for Metered {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(e) = self.meter.count(0) {
            return Err(e);
        }
        let n = self.inner.read(buf)?;
        match self.meter.count(n) {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }
}

impl Write for Metered {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
