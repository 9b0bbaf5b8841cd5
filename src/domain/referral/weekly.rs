//! The coordinators' weekly list of overdue referrals (連絡のないつなぎ),
//! so that nobody is dropped silently: a week's list is due from its first
//! business day at 09:00 JST; a week missed while no server ran is sent when
//! one runs again, during the day.

use crate::domain::directory::review::business_day;
use crate::domain::quiet::QuietHours;
use crate::domain::time::{jst_instant, to_jst};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

/// One week (ISO 8601, Monday first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListWeek {
    pub monday: NaiveDate,
}

impl ListWeek {
    /// The week `date` is in.
    pub fn of(date: NaiveDate) -> ListWeek {
        let back = date.weekday().num_days_from_monday();
        ListWeek {
            monday: date - Duration::days(back.into()),
        }
    }

    /// `2026-W49`, the key that makes each week's list happen once.
    pub fn key(&self) -> String {
        let w = self.monday.iso_week();
        format!("{:04}-W{:02}", w.year(), w.week())
    }

    /// When it is due: the week's first business day, 09:00 JST (a week
    /// of holidays has none: its list waits for the next week's).
    pub fn due_at(&self) -> Option<DateTime<Utc>> {
        (0..5)
            .map(|d| self.monday + Duration::days(d))
            .find(|d| business_day(*d))
            .map(|d| jst_instant(d, NaiveTime::from_hms_opt(9, 0, 0).expect("valid time")))
    }

    fn previous(&self) -> ListWeek {
        ListWeek {
            monday: self.monday - Duration::days(7),
        }
    }
}

/// The latest week whose list is due at `now`, or `None` in the quiet
/// hours (the mail waits for the morning).
pub fn list_due(now: DateTime<Utc>, quiet: Option<&QuietHours>) -> Option<ListWeek> {
    if quiet.is_some_and(|q| q.contains(now)) {
        return None;
    }
    let mut week = ListWeek::of(to_jst(now).date_naive());
    // At most a fortnight back: a week of holidays (年末年始) has no due day.
    for _ in 0..3 {
        if week.due_at().is_some_and(|due| now >= due) {
            return Some(week);
        }
        week = week.previous();
    }
    None
}

/// Whether `date` is a Monday (for tests and the words of the mail).
pub fn is_monday(date: NaiveDate) -> bool {
    date.weekday() == Weekday::Mon
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jst(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        jst_instant(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
        )
    }

    #[test]
    fn a_week_is_due_from_its_first_business_day_at_nine() {
        // 2026-12-07 is a Monday.
        let week = ListWeek::of(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap());
        assert!(is_monday(week.monday));
        assert_eq!(week.key(), "2026-W50");
        assert_eq!(list_due(jst(2026, 12, 7, 9), None), Some(week));
        // Before nine on Monday, last week's is the latest due.
        assert_eq!(list_due(jst(2026, 12, 7, 8), None), Some(week.previous()));
    }

    #[test]
    fn a_holiday_monday_moves_it_to_tuesday_and_the_new_year_to_the_next_week() {
        // 2027-01-11 is 成人の日 (the second Monday of January).
        let week = ListWeek::of(NaiveDate::from_ymd_opt(2027, 1, 11).unwrap());
        assert_eq!(week.due_at(), Some(jst(2027, 1, 12, 9)));
        assert_eq!(list_due(jst(2027, 1, 11, 12), None), Some(week.previous()));
        // The week of 2026-12-28: 28 is a business day, 29–31 are 年末年始.
        let year_end = ListWeek::of(NaiveDate::from_ymd_opt(2026, 12, 30).unwrap());
        assert_eq!(year_end.due_at(), Some(jst(2026, 12, 28, 9)));
    }

    #[test]
    fn nothing_is_due_in_the_quiet_hours() {
        let quiet = QuietHours::night();
        assert_eq!(list_due(jst(2026, 12, 8, 22), Some(&quiet)), None);
        assert!(list_due(jst(2026, 12, 8, 10), Some(&quiet)).is_some());
    }
}
