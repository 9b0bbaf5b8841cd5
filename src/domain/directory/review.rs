//! The monthly review of the directory (相談先の内容確認): once a month the
//! coordinators get the list of entries not confirmed with their
//! organisation lately. A month's review is due from its first business
//! day (平日で、祝日と年末年始を除く) at 09:00 JST; a review missed while no
//! server ran is sent when one runs again, during the day.

use super::{year_end, ServiceEntry};
use crate::domain::holidays::is_holiday;
use crate::domain::quiet::QuietHours;
use crate::domain::time::{jst_instant, jst_today, to_jst};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveTime, Utc, Weekday};

/// The review of one month: `2026-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewMonth {
    pub year: i32,
    pub month: u32,
}

impl ReviewMonth {
    /// `YYYY-MM`, the key that makes each month's review happen once.
    pub fn key(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month's first day")
    }

    /// When it is due: the month's first business day, 09:00 JST.
    pub fn due_at(&self) -> DateTime<Utc> {
        let mut day = self.first_day();
        while !business_day(day) {
            day += Duration::days(1);
        }
        jst_instant(day, NaiveTime::from_hms_opt(9, 0, 0).expect("valid time"))
    }

    fn previous(&self) -> ReviewMonth {
        let d = self.first_day() - Months::new(1);
        ReviewMonth {
            year: d.year(),
            month: d.month(),
        }
    }
}

/// A weekday that is neither a 祝日 nor in 年末年始 (12/29–1/3).
pub fn business_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(date) && !year_end(date)
}

/// The latest review due at `now` (this month's once it is due, else the
/// last month's), or `None` while `now` is in the quiet hours: the mail
/// waits for the morning.
pub fn review_due(now: DateTime<Utc>, quiet: Option<&QuietHours>) -> Option<ReviewMonth> {
    if quiet.is_some_and(|q| q.contains(now)) {
        return None;
    }
    let today = to_jst(now).date_naive();
    let this = ReviewMonth {
        year: today.year(),
        month: today.month(),
    };
    Some(if now >= this.due_at() {
        this
    } else {
        this.previous()
    })
}

/// The day before which a confirmation counts as old: `days` before today (JST).
pub fn stale_since(now: DateTime<Utc>, days: u32) -> NaiveDate {
    jst_today(now) - Duration::days(i64::from(days))
}

/// The entries to confirm again, the never-confirmed and the oldest first
/// (retired ones need no confirming).
pub fn to_review(entries: &[ServiceEntry], since: NaiveDate) -> Vec<&ServiceEntry> {
    let mut out: Vec<&ServiceEntry> = entries
        .iter()
        .filter(|e| e.status != super::Status::Defunct && e.stale(since))
        .collect();
    out.sort_by_key(|e| (e.confirmed.as_ref().map(|c| c.on), e.rank, e.name.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn jst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Tokyo
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_months_review_is_due_on_its_first_business_day_at_nine() {
        // 2026-11-01 is a Sunday, 11-02 a Monday.
        let nov = ReviewMonth {
            year: 2026,
            month: 11,
        };
        assert_eq!(nov.due_at(), jst(2026, 11, 2, 9, 0));
        // January: 1/1–1/3 are 年末年始, 2027-01-04 is a Monday.
        let jan = ReviewMonth {
            year: 2027,
            month: 1,
        };
        assert_eq!(jan.due_at(), jst(2027, 1, 4, 9, 0));
        // 2027-02-01 is a Monday and no holiday.
        let feb = ReviewMonth {
            year: 2027,
            month: 2,
        };
        assert_eq!(feb.due_at(), jst(2027, 2, 1, 9, 0));
    }

    #[test]
    fn before_it_is_due_the_last_months_review_is_the_latest() {
        let night = QuietHours::night();
        let due = |at| review_due(at, Some(&night)).map(|m| m.key());
        assert_eq!(due(jst(2027, 1, 4, 8, 59)).as_deref(), Some("2026-12"));
        assert_eq!(due(jst(2027, 1, 4, 9, 0)).as_deref(), Some("2027-01"));
        assert_eq!(due(jst(2027, 1, 20, 15, 0)).as_deref(), Some("2027-01"));
        // At night nothing is due: the mail waits for the morning.
        assert_eq!(due(jst(2027, 1, 4, 21, 30)), None);
        assert_eq!(due(jst(2027, 1, 5, 7, 59)), None);
        // Without quiet hours, the night is like the day.
        assert_eq!(
            review_due(jst(2027, 1, 4, 23, 0), None).map(|m| m.key()),
            Some("2027-01".to_string())
        );
    }

    #[test]
    fn the_stale_entries_are_listed_oldest_first_and_retired_ones_left_out() {
        use crate::domain::directory::tests::entry;
        use crate::domain::directory::Need;
        use crate::domain::directory::{Confirmation, Status};
        let mut entries: Vec<ServiceEntry> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| entry(id, &[Need::Debt]))
            .collect();
        for e in &mut entries {
            e.confirmed = None;
            e.status = Status::Active;
        }
        let since = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        entries[0].confirmed = Some(Confirmation {
            on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            by: "佐藤".into(),
        });
        entries[1].confirmed = Some(Confirmation {
            on: NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            by: "佐藤".into(),
        });
        entries[2].status = Status::Defunct;
        let listed = to_review(&entries, since);
        assert!(!listed.iter().any(|e| e.id == entries[0].id), "fresh");
        assert!(!listed.iter().any(|e| e.id == entries[2].id), "retired");
        assert_eq!(listed.len(), entries.len() - 2);
        // Never confirmed first, then the oldest confirmation.
        assert_eq!(listed.last().unwrap().id, entries[1].id);
        assert!(listed[0].confirmed.is_none());
        assert_eq!(
            stale_since(jst(2026, 12, 3, 10, 0), 183),
            since + Duration::days(2)
        );
    }
}
