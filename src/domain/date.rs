//! Dates and the run's clock: [`Date`] (deadlines, 填报日期), Beijing time, and a clock that
//! `SOURCE_DATE_EPOCH` can fix (set by the command line) for reproducible outputs.

use super::*;

/// A calendar date (no time, no zone): deadlines, 填报日期, the run's day.
///
/// Prints as `2022-05-20`; ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31.
    pub day: u32,
}

impl Date {
    /// A date, when it exists in the calendar (2022-02-30 does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let d = Self { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && Self::from_days(d.days()) == d).then_some(d)
    }

    /// `2022-05-10`, `2022/5/10`, `2022.5.10`, `2022年5月10日`, optionally followed by a time
    /// (`2022-05-10 14:30:00`): ASCII digits only (normalise full-width digits first).
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.split_whitespace().next()?;
        let t = t.replace(['年', '月', '/', '.'], "-").replace('日', "");
        let mut it = t.split('-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: u32 = it.next()?.parse().ok()?;
        let d: u32 = it.next()?.parse().ok()?;
        if it.next().is_some() || !(1900..=2200).contains(&y) {
            return None;
        }
        Self::new(y, m, d)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self {
            year: y as i32,
            month: m as u32,
            day: d as u32,
        }
    }

    /// This date plus `n` days.
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.days() + n)
    }

    /// The Beijing (UTC+8) date of a Unix time.
    pub fn of_unix_beijing(unix_secs: i64) -> Self {
        Self::from_days((unix_secs + 8 * 3600).div_euclid(86_400))
    }

    /// The same day one year later (29 February becomes 28 February).
    pub fn next_year(self) -> Self {
        Self::new(self.year + 1, self.month, self.day).unwrap_or(Self {
            year: self.year + 1,
            month: self.month,
            day: 28,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Seconds since the Unix epoch as Beijing time (UTC+8), `YYYY-MM-DD HH:MM`: the clock
/// every user of a Chinese city's finance bureau reads.
pub fn beijing_time(unix_secs: i64) -> String {
    let secs = unix_secs + 8 * 3600;
    let rem = secs.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}",
        Date::of_unix_beijing(unix_secs),
        rem / 3600,
        rem % 3600 / 60
    )
}

/// A file time as Beijing time.
pub fn beijing_file_time(t: std::time::SystemTime) -> String {
    beijing_time(unix_secs(t))
}

static FIXED_CLOCK: std::sync::OnceLock<i64> = std::sync::OnceLock::new();

/// Fixes the run's clock (Unix seconds) for reproducible outputs; the command line sets it
/// from `SOURCE_DATE_EPOCH` (the only place the environment is read). Later calls are ignored.
pub fn fix_clock(unix_secs: i64) {
    let _ = FIXED_CLOCK.set(unix_secs);
}

/// The fixed clock, when one was set.
pub fn fixed_clock() -> Option<i64> {
    FIXED_CLOCK.get().copied()
}

/// The run's clock in Unix seconds: the fixed clock when set, else now.
pub fn run_secs() -> i64 {
    fixed_clock().unwrap_or_else(|| unix_secs(std::time::SystemTime::now()))
}

/// A system time in Unix seconds (negative before 1970).
pub fn unix_secs(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// The run's clock as Beijing time (see [`run_secs`]).
pub fn run_time() -> String {
    beijing_time(run_secs())
}
