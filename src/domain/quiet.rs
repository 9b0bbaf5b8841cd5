//! Quiet hours (夜間): no offer, notice or deadline in the night unless
//! someone asked for it. 21:00–8:00 JST by default (`waitlist.quiet_hours`).

use super::time::{jst_instant, to_jst};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use std::str::FromStr;

/// A nightly span of JST wall-clock time, from `start` to `end` the next morning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl QuietHours {
    /// 21:00–08:00 JST.
    pub fn night() -> Self {
        QuietHours {
            start: NaiveTime::from_hms_opt(21, 0, 0).expect("valid time"),
            end: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
        }
    }

    /// Whether `at` falls in the quiet hours.
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        let time = to_jst(at).time();
        if self.start <= self.end {
            self.start <= time && time < self.end
        } else {
            time >= self.start || time < self.end
        }
    }

    /// `at` itself in the day, else the end of the night it falls in.
    pub fn daytime_from(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        if !self.contains(at) {
            return at;
        }
        let local = to_jst(at);
        let date = if local.time() >= self.end && self.start > self.end {
            local.date_naive() + Duration::days(1)
        } else {
            local.date_naive()
        };
        jst_instant(date, self.end)
    }
}

impl FromStr for QuietHours {
    type Err = String;
    /// `21:00-08:00`; an empty text is not accepted here (the setting's
    /// absence turns quiet hours off).
    fn from_str(raw: &str) -> Result<Self, String> {
        let (a, b) = raw
            .split_once('-')
            .ok_or_else(|| format!("{raw}: write the hours as HH:MM-HH:MM (e.g. 21:00-08:00)"))?;
        let time = |t: &str| {
            NaiveTime::parse_from_str(t.trim(), "%H:%M")
                .map_err(|_| format!("{raw}: write the hours as HH:MM-HH:MM (e.g. 21:00-08:00)"))
        };
        let (start, end) = (time(a)?, time(b)?);
        if start == end {
            return Err(format!(
                "{raw}: the quiet hours must not start and end at one time"
            ));
        }
        Ok(QuietHours { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        jst_instant(
            NaiveDate::from_ymd_opt(2027, 1, d).unwrap(),
            NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        )
    }

    #[test]
    fn the_night_runs_from_nine_to_eight() {
        let q = QuietHours::night();
        assert!(!q.contains(at(12, 20, 59)));
        assert!(q.contains(at(12, 21, 0)));
        assert!(q.contains(at(13, 3, 0)));
        assert!(q.contains(at(13, 7, 59)));
        assert!(!q.contains(at(13, 8, 0)));
    }

    #[test]
    fn the_night_ends_at_eight_the_next_morning() {
        let q = QuietHours::night();
        assert_eq!(q.daytime_from(at(12, 14, 0)), at(12, 14, 0));
        assert_eq!(q.daytime_from(at(12, 22, 30)), at(13, 8, 0));
        assert_eq!(q.daytime_from(at(13, 2, 0)), at(13, 8, 0));
        assert_eq!(q.daytime_from(at(13, 0, 0)), at(13, 8, 0));
    }

    #[test]
    fn hours_are_read_from_settings() {
        assert_eq!("21:00-08:00".parse(), Ok(QuietHours::night()));
        let evening: QuietHours = "20:00-22:00".parse().unwrap();
        assert!(evening.contains(at(12, 21, 0)));
        assert!(!evening.contains(at(12, 23, 0)));
        assert_eq!(evening.daytime_from(at(12, 21, 0)), at(12, 22, 0));
        for bad in ["21:00", "25:00-08:00", "08:00-08:00", "night"] {
            assert!(bad.parse::<QuietHours>().is_err(), "{bad}");
        }
    }
}
