//! Time: stored in UTC, shown in Asia/Tokyo (日本標準時). The clock is
//! injectable so that time-dependent rules can be tested without waiting.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Asia::Tokyo;
use chrono_tz::Tz;
use std::sync::{Arc, Mutex};

pub type Jst = DateTime<Tz>;

/// Where "now" comes from.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until moved; for tests.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(at)))
    }
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock lock") = at;
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.0.lock().expect("clock lock");
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

pub fn to_jst(at: DateTime<Utc>) -> Jst {
    at.with_timezone(&Tokyo)
}

/// The UTC instant of a wall-clock time in Tokyo (which has no DST).
pub fn jst_instant(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    Tokyo
        .from_local_datetime(&date.and_time(time))
        .single()
        .expect("Asia/Tokyo has no gaps or overlaps")
        .with_timezone(&Utc)
}

/// Today's date in Tokyo.
pub fn jst_today(now: DateTime<Utc>) -> NaiveDate {
    to_jst(now).date_naive()
}

/// `18:30`
pub fn format_time(at: DateTime<Utc>) -> String {
    to_jst(at).format("%H:%M").to_string()
}

/// RFC 3339 with the `+09:00` offset, as the API speaks.
pub fn rfc3339_jst(at: DateTime<Utc>) -> String {
    to_jst(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_a_city_office_writes() {
        let at = jst_instant(
            NaiveDate::from_ymd_opt(2027, 1, 13).unwrap(),
            NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
        );
        assert_eq!(at.to_rfc3339(), "2027-01-13T09:30:00+00:00");
        assert_eq!(rfc3339_jst(at), "2027-01-13T18:30:00+09:00");
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = Utc::now();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now(), start);
        clock.advance(chrono::Duration::hours(25));
        assert_eq!(clock.now() - start, chrono::Duration::hours(25));
    }
}

/// Parses a duration as configuration writes it: `24h`, `90m`, `30s`, `2d`,
/// or several together (`1h30m`).
pub fn parse_duration(raw: &str) -> Result<chrono::Duration, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("empty duration".into());
    }
    let mut total = chrono::Duration::zero();
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number
            .parse()
            .map_err(|_| format!("{raw}: a number must come before '{c}'"))?;
        total += match c {
            'd' => chrono::Duration::days(n),
            'h' => chrono::Duration::hours(n),
            'm' => chrono::Duration::minutes(n),
            's' => chrono::Duration::seconds(n),
            _ => return Err(format!("{raw}: use d, h, m or s (e.g. 24h)")),
        };
        number.clear();
    }
    if !number.is_empty() {
        return Err(format!(
            "{raw}: a unit must follow {number} (e.g. {number}h)"
        ));
    }
    Ok(total)
}

#[cfg(test)]
mod duration_tests {
    use super::parse_duration;
    use chrono::Duration;

    #[test]
    fn durations_as_configuration_writes_them() {
        assert_eq!(parse_duration("24h"), Ok(Duration::hours(24)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::minutes(90)));
        assert_eq!(parse_duration(" 2d "), Ok(Duration::days(2)));
        assert_eq!(parse_duration("45s"), Ok(Duration::seconds(45)));
        for bad in ["", "24", "h", "3w", "1.5h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
