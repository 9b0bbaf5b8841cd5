//! Opening hours as HSDS 3 `schedule` rows (RFC 5545 fields): `freq`
//! (`WEEKLY`, `MONTHLY`, `DAILY`), `byday` (`MO,WE,FR`; `2WE` for the second
//! Wednesday; `-1FR` for the last Friday), `opens_at`, `closes_at` and the
//! dates the schedule holds between. Whether a service is open is decided in
//! JST, with national holidays and 年末年始 where the service closes on them.

use super::ServiceEntry;
use crate::domain::holidays::is_holiday;
use crate::domain::time::to_jst;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use std::fmt;

/// RFC 5545 `FREQ`, as far as opening hours need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
}

impl Freq {
    pub fn code(self) -> &'static str {
        match self {
            Freq::Daily => "DAILY",
            Freq::Weekly => "WEEKLY",
            Freq::Monthly => "MONTHLY",
        }
    }

    pub fn parse(raw: &str) -> Result<Freq, String> {
        match raw.trim().to_ascii_uppercase().as_str() {
            "DAILY" => Ok(Freq::Daily),
            "WEEKLY" => Ok(Freq::Weekly),
            "MONTHLY" => Ok(Freq::Monthly),
            other => Err(format!("freq {other:?} is not DAILY, WEEKLY or MONTHLY")),
        }
    }
}

/// One `byday` item: a weekday, in a monthly schedule with its place in the
/// month (`2WE`: the second Wednesday; `-1FR`: the last Friday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByDay {
    pub nth: Option<i8>,
    pub weekday: Weekday,
}

const DAYS: [(&str, Weekday); 7] = [
    ("MO", Weekday::Mon),
    ("TU", Weekday::Tue),
    ("WE", Weekday::Wed),
    ("TH", Weekday::Thu),
    ("FR", Weekday::Fri),
    ("SA", Weekday::Sat),
    ("SU", Weekday::Sun),
];

impl ByDay {
    /// A comma-separated RFC 5545 list (`MO,WE,FR`, `2WE`); empty gives none.
    pub fn parse_list(raw: &str) -> Result<Vec<ByDay>, String> {
        raw.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(ByDay::parse)
            .collect()
    }

    fn parse(item: &str) -> Result<ByDay, String> {
        if !item.is_ascii() {
            return Err(format!("byday {item:?} is not RFC 5545 (MO…SU, 2WE)"));
        }
        let upper = item.to_ascii_uppercase();
        let split = upper.len().saturating_sub(2);
        let (nth, day) = upper.split_at(split);
        let weekday = DAYS
            .iter()
            .find(|(code, _)| *code == day)
            .map(|(_, w)| *w)
            .ok_or_else(|| format!("byday {item:?} does not end in MO…SU"))?;
        let nth = match nth.trim_start_matches('+') {
            "" => None,
            n => match n.parse::<i8>() {
                Ok(n @ (1..=5 | -5..=-1)) => Some(n),
                _ => return Err(format!("byday {item:?}: the week must be 1…5 or -1…-5")),
            },
        };
        Ok(ByDay { nth, weekday })
    }

    fn matches(&self, date: NaiveDate, monthly: bool) -> bool {
        if date.weekday() != self.weekday {
            return false;
        }
        match (monthly, self.nth) {
            (true, Some(n)) if n > 0 => (date.day0() / 7 + 1) as i8 == n,
            (true, Some(n)) => {
                let days_left = last_day_of_month(date) - date.day();
                -((days_left / 7 + 1) as i8) == n
            }
            _ => true,
        }
    }
}

impl fmt::Display for ByDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = DAYS
            .iter()
            .find(|(_, w)| *w == self.weekday)
            .map(|(c, _)| *c)
            .unwrap_or("MO");
        match self.nth {
            Some(n) => write!(f, "{n}{code}"),
            None => f.write_str(code),
        }
    }
}

fn last_day_of_month(date: NaiveDate) -> u32 {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

/// One HSDS schedule row. With neither `opens_at` nor `closes_at` the
/// service is open all day on the days it matches (24時間); a `closes_at`
/// not after `opens_at` runs past midnight into the next day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub freq: Freq,
    pub byday: Vec<ByDay>,
    pub opens_at: Option<NaiveTime>,
    pub closes_at: Option<NaiveTime>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub description: String,
}

impl Schedule {
    /// Every day, all day (24時間365日).
    pub fn always() -> Schedule {
        Schedule {
            freq: Freq::Daily,
            byday: Vec::new(),
            opens_at: None,
            closes_at: None,
            valid_from: None,
            valid_to: None,
            description: String::new(),
        }
    }

    /// Weekly on `days` (`MO,WE,FR`) from `opens` to `closes` (`13:30`).
    pub fn weekly(days: &str, opens: &str, closes: &str) -> Result<Schedule, String> {
        Ok(Schedule {
            freq: Freq::Weekly,
            byday: ByDay::parse_list(days)?,
            opens_at: Some(parse_time(opens)?),
            closes_at: Some(parse_time(closes)?),
            ..Schedule::always()
        })
    }

    /// The `byday` list as RFC 5545 text.
    pub fn byday_text(&self) -> String {
        let items: Vec<String> = self.byday.iter().map(ToString::to_string).collect();
        items.join(",")
    }

    fn all_day(&self) -> bool {
        self.opens_at.is_none() && self.closes_at.is_none()
    }

    fn overnight(&self) -> bool {
        matches!((self.opens_at, self.closes_at), (Some(o), Some(c)) if c <= o)
    }

    /// Whether the schedule has an opening that starts on `date`.
    fn opens_on(&self, date: NaiveDate) -> bool {
        if self.valid_from.is_some_and(|from| date < from)
            || self.valid_to.is_some_and(|to| date > to)
        {
            return false;
        }
        let monthly = self.freq == Freq::Monthly;
        // A daily or weekly schedule without days holds every day; a monthly
        // one names its days (`2WE`).
        self.byday.is_empty() && !monthly || self.byday.iter().any(|b| b.matches(date, monthly))
    }

    /// Open from the evening (18:00) on, at night (before 8:00), all day, or
    /// on a Saturday or Sunday.
    pub fn outside_office_hours(&self) -> bool {
        let evening = NaiveTime::from_hms_opt(18, 0, 0).expect("valid time");
        let morning = NaiveTime::from_hms_opt(8, 0, 0).expect("valid time");
        let weekend = self.freq == Freq::Daily
            || self
                .byday
                .iter()
                .any(|b| matches!(b.weekday, Weekday::Sat | Weekday::Sun));
        self.all_day()
            || weekend
            || self.overnight()
            || self.closes_at.is_some_and(|c| c > evening)
            || self.opens_at.is_some_and(|o| o < morning)
    }
}

/// `13:30` (or `13:30:00`).
pub fn parse_time(raw: &str) -> Result<NaiveTime, String> {
    let raw = raw.trim();
    NaiveTime::parse_from_str(raw, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(raw, "%H:%M:%S"))
        .map_err(|_| format!("{raw:?} is not a time (HH:MM)"))
}

/// 年末年始: 12/29 to 1/3.
pub fn year_end(date: NaiveDate) -> bool {
    matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
}

/// Whether `entry` is open at `at`, by its schedules; `None` when it has none.
pub(super) fn open_at(entry: &ServiceEntry, at: DateTime<Utc>) -> Option<bool> {
    if entry.schedules.is_empty() {
        return None;
    }
    let local = to_jst(at);
    let today = local.date_naive();
    let time = local.time();
    let closed_day = |date: NaiveDate| {
        entry.closed_on_holidays && is_holiday(date) || entry.closed_year_end && year_end(date)
    };
    let open = entry.schedules.iter().any(|s| {
        if s.all_day() {
            return s.opens_on(today) && !closed_day(today);
        }
        let (Some(opens), closes) = (s.opens_at, s.closes_at) else {
            // Closing time only: open from midnight.
            return s.opens_on(today)
                && !closed_day(today)
                && s.closes_at.is_some_and(|c| time < c);
        };
        match closes {
            Some(c) if c > opens => {
                s.opens_on(today) && !closed_day(today) && opens <= time && time < c
            }
            // Past midnight (or no closing time: until the end of the day).
            _ => {
                let started_today = s.opens_on(today) && !closed_day(today) && time >= opens;
                let yesterday = today - Duration::days(1);
                let from_yesterday = closes.is_some_and(|c| time < c)
                    && s.opens_on(yesterday)
                    && !closed_day(yesterday);
                started_today || from_yesterday
            }
        }
    });
    Some(open)
}
