//! When reminders go out before a consultation (リマインダー).

use super::time::{jst_instant, parse_duration, to_jst};
use chrono::{DateTime, Duration, NaiveTime, Utc};

/// One reminder point: a duration before the start (`72h`), or a time of
/// day on the day itself (`09:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderOffset {
    Before(Duration),
    OnTheDayAt(NaiveTime),
}

impl ReminderOffset {
    /// Parses one entry of `TSUNAGU__REMINDERS__OFFSETS`.
    pub fn parse(raw: &str) -> Result<ReminderOffset, String> {
        let text = raw.trim();
        if text.contains(':') {
            return NaiveTime::parse_from_str(text, "%H:%M")
                .map(ReminderOffset::OnTheDayAt)
                .map_err(|_| format!("{raw}: a time of day is HH:MM (e.g. 09:00)"));
        }
        match parse_duration(text)? {
            d if d > Duration::zero() => Ok(ReminderOffset::Before(d)),
            _ => Err(format!("{raw}: must be after zero")),
        }
    }

    /// Parses a comma-separated list (`72h,09:00`).
    pub fn parse_list(raw: &str) -> Result<Vec<ReminderOffset>, String> {
        raw.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(ReminderOffset::parse)
            .collect()
    }

    /// A stable name, recorded with each reminder sent.
    pub fn key(&self) -> String {
        match self {
            ReminderOffset::Before(d) => format!("{}s", d.num_seconds()),
            ReminderOffset::OnTheDayAt(t) => format!("day@{}", t.format("%H:%M")),
        }
    }

    /// When the reminder for a consultation starting at `starts_at` is due.
    pub fn due_at(&self, starts_at: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            ReminderOffset::Before(d) => starts_at - *d,
            ReminderOffset::OnTheDayAt(t) => jst_instant(to_jst(starts_at).date_naive(), *t),
        }
    }

    /// Whether it should go out at `now`: due, and the consultation not begun.
    /// A reminder due while the server was down still goes out at the next start.
    pub fn is_due(&self, now: DateTime<Utc>, starts_at: DateTime<Utc>) -> bool {
        self.due_at(starts_at) <= now && now < starts_at
    }

    /// How far ahead of the start this reminder can be due (for the sweep's window).
    pub fn lead(&self) -> Duration {
        match self {
            ReminderOffset::Before(d) => *d,
            ReminderOffset::OnTheDayAt(_) => Duration::hours(24),
        }
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
    fn offsets_parse_and_come_due() {
        let list = ReminderOffset::parse_list("72h, 09:00").unwrap();
        assert_eq!(list[0], ReminderOffset::Before(Duration::hours(72)));
        let start = at(13, 18, 30);
        assert_eq!(list[0].due_at(start), at(10, 18, 30));
        assert_eq!(list[1].due_at(start), at(13, 9, 0));
        assert!(!list[1].is_due(at(13, 8, 59), start));
        assert!(list[1].is_due(at(13, 9, 0), start));
        assert!(
            list[1].is_due(at(13, 18, 29), start),
            "due while down: still sent before the start"
        );
        assert!(
            !list[1].is_due(at(13, 18, 30), start),
            "not once the consultation has begun"
        );
        assert_eq!(list[0].key(), "259200s");
        assert_eq!(list[1].key(), "day@09:00");
        for bad in ["", "3x", "25:00", "0h"] {
            assert!(ReminderOffset::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(ReminderOffset::parse_list("").unwrap(), vec![]);
    }
}
