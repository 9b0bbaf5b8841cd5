//! The evening series (仕事とこころの相談会（夜間）): which weekday of the
//! month, at what time, how many slots per profession, and which days the
//! office is closed (祝日, 年末年始, configured dates).

use super::booking::Profession;
use super::holidays;
use super::time::jst_instant;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveTime, Utc, Weekday};

/// What to do when the rule lands on a holiday or closure day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayPolicy {
    /// Move to the next open weekday (the default).
    NextWeekday,
    /// Move to the previous open weekday.
    PreviousWeekday,
    /// No session that month.
    Skip,
}

/// Days the office is closed besides national holidays.
#[derive(Debug, Clone, Default)]
pub struct Closures {
    /// Every year, as (month, day): 年末年始 is 12/29–1/3.
    pub yearly: Vec<(u32, u32)>,
    /// One-off dates.
    pub dates: Vec<NaiveDate>,
}

impl Closures {
    pub fn is_closed(&self, date: NaiveDate) -> bool {
        self.yearly.contains(&(date.month(), date.day())) || self.dates.contains(&date)
    }
}

/// Whether the office is open on `date`: a weekday, not a holiday, not closed.
pub fn is_open_day(date: NaiveDate, closures: &Closures) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !holidays::is_holiday(date)
        && !closures.is_closed(date)
}

/// Why a day is not one the office is open on (an evening there is possible,
/// but only when staff confirm it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnusualDay {
    /// 土曜日 or 日曜日.
    Weekend(Weekday),
    /// 国民の祝日 or 振替休日, with its name.
    Holiday(&'static str),
    /// A closure day of the configuration (年末年始, one-off dates).
    Closure,
}

impl UnusualDay {
    pub fn code(&self) -> &'static str {
        match self {
            UnusualDay::Weekend(_) => "weekend",
            UnusualDay::Holiday(_) => "holiday",
            UnusualDay::Closure => "closure",
        }
    }
}

/// Everything that makes `date` unusual for an evening; empty on an open weekday.
pub fn unusual_day(date: NaiveDate, closures: &Closures) -> Vec<UnusualDay> {
    let mut why = Vec::new();
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        why.push(UnusualDay::Weekend(date.weekday()));
    }
    if let Some(name) = holidays::holiday_name(date) {
        why.push(UnusualDay::Holiday(name));
    }
    if closures.is_closed(date) {
        why.push(UnusualDay::Closure);
    }
    why
}

/// The rule of the monthly evening.
#[derive(Debug, Clone)]
pub struct EveningSeries {
    pub weekday: Weekday,
    /// 1 to 4: the n-th such weekday of the month (第2水曜日 = 2).
    pub week_of_month: u8,
    pub start: NaiveTime,
    pub slot_minutes: u32,
    pub break_minutes: u32,
    pub slots_per_profession: u32,
    /// Months without a session (e.g. April, the start of the fiscal year).
    pub skip_months: Vec<u32>,
    pub on_holiday: HolidayPolicy,
    pub closures: Closures,
}

/// One slot of a planned session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotPlan {
    pub profession: Profession,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// A session the rule asks for, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPlan {
    /// `YYYY-MM`: one session of the series per month, whatever its day.
    pub occurrence: String,
    pub date: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub slots: Vec<SlotPlan>,
}

impl EveningSeries {
    /// The day of the month's session, after moving it off closed days.
    pub fn date_in(&self, year: i32, month: u32) -> Option<NaiveDate> {
        if self.skip_months.contains(&month) {
            return None;
        }
        let nominal =
            NaiveDate::from_weekday_of_month_opt(year, month, self.weekday, self.week_of_month)?;
        if is_open_day(nominal, &self.closures) {
            return Some(nominal);
        }
        let step = match self.on_holiday {
            HolidayPolicy::Skip => return None,
            HolidayPolicy::NextWeekday => Duration::days(1),
            HolidayPolicy::PreviousWeekday => Duration::days(-1),
        };
        let mut day = nominal + step;
        while day.month() == month {
            if is_open_day(day, &self.closures) {
                return Some(day);
            }
            day += step;
        }
        None
    }

    /// The slots of a session on `date`: the same times for each profession,
    /// one room each.
    pub fn slots_on(&self, date: NaiveDate) -> Vec<SlotPlan> {
        let first = jst_instant(date, self.start);
        let length = Duration::minutes(i64::from(self.slot_minutes));
        let pitch = length + Duration::minutes(i64::from(self.break_minutes));
        let mut slots = Vec::new();
        for profession in Profession::ALL {
            for n in 0..self.slots_per_profession {
                let starts_at = first + pitch * n as i32;
                slots.push(SlotPlan {
                    profession: *profession,
                    starts_at,
                    ends_at: starts_at + length,
                });
            }
        }
        slots
    }

    pub fn plan_on(&self, date: NaiveDate, occurrence: String) -> SessionPlan {
        let slots = self.slots_on(date);
        let starts_at = jst_instant(date, self.start);
        let ends_at = slots.iter().map(|s| s.ends_at).max().unwrap_or(starts_at);
        SessionPlan {
            occurrence,
            date,
            starts_at,
            ends_at,
            slots,
        }
    }

    /// The sessions from `today` up to the same day `months` months later
    /// (today included, the end excluded), in date order.
    pub fn plan(&self, today: NaiveDate, months: u32) -> Vec<SessionPlan> {
        let Some(end) = today.checked_add_months(Months::new(months)) else {
            return Vec::new();
        };
        let mut plans = Vec::new();
        let mut month_start = today.with_day(1).expect("day 1 exists");
        while month_start < end {
            let (y, m) = (month_start.year(), month_start.month());
            if let Some(date) = self.date_in(y, m) {
                if date >= today && date < end {
                    plans.push(self.plan_on(date, format!("{y:04}-{m:02}")));
                }
            }
            month_start = month_start + Months::new(1);
        }
        plans
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn weekends_holidays_and_closures_are_unusual_days() {
        let closures = Closures {
            yearly: vec![(12, 30)],
            dates: vec![],
        };
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(
            unusual_day(day(2026, 12, 9), &closures).is_empty(),
            "a Wednesday"
        );
        assert_eq!(
            unusual_day(day(2026, 12, 27), &closures),
            [UnusualDay::Weekend(Weekday::Sun)]
        );
        assert_eq!(
            unusual_day(day(2026, 12, 30), &closures),
            [UnusualDay::Closure]
        );
        assert_eq!(
            unusual_day(day(2027, 1, 11), &closures),
            [UnusualDay::Holiday("成人の日")]
        );
    }

    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn series() -> EveningSeries {
        EveningSeries {
            weekday: Weekday::Wed,
            week_of_month: 2,
            start: NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
            slot_minutes: 50,
            break_minutes: 10,
            slots_per_profession: 3,
            skip_months: vec![4],
            on_holiday: HolidayPolicy::NextWeekday,
            closures: Closures {
                yearly: vec![(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)],
                dates: vec![],
            },
        }
    }

    #[test]
    fn second_wednesday_of_january_2027() {
        assert_eq!(series().date_in(2027, 1), Some(ymd(2027, 1, 13)));
    }

    #[test]
    fn a_holiday_moves_the_session_to_the_next_open_weekday() {
        // 2026-09-23 is 秋分の日 and the fourth Wednesday.
        let s = EveningSeries {
            week_of_month: 4,
            ..series()
        };
        assert_eq!(s.date_in(2026, 9), Some(ymd(2026, 9, 24)));
        // 2027-11-03 (文化の日) is the first Wednesday.
        let s = EveningSeries {
            week_of_month: 1,
            ..series()
        };
        assert_eq!(s.date_in(2027, 11), Some(ymd(2027, 11, 4)));
        let back = EveningSeries {
            on_holiday: HolidayPolicy::PreviousWeekday,
            ..s.clone()
        };
        assert_eq!(back.date_in(2027, 11), Some(ymd(2027, 11, 2)));
        let skip = EveningSeries {
            on_holiday: HolidayPolicy::Skip,
            ..s
        };
        assert_eq!(skip.date_in(2027, 11), None);
    }

    #[test]
    fn closures_and_moves_never_leave_the_month() {
        // The fifth Wednesday of December 2027 is 12/29, within 年末年始;
        // the next open weekday would be in January: no session.
        let s = EveningSeries {
            week_of_month: 5,
            ..series()
        };
        assert_eq!(s.date_in(2027, 12), None);
        let mut one_off = series();
        one_off.closures.dates.push(ymd(2027, 2, 10));
        assert_eq!(
            one_off.date_in(2027, 2),
            Some(ymd(2027, 2, 11) + Duration::days(1))
        );
    }

    #[test]
    fn skipped_months_have_no_session() {
        assert_eq!(series().date_in(2027, 4), None);
    }

    #[test]
    fn slots_run_side_by_side_in_tokyo_time() {
        let slots = series().slots_on(ymd(2027, 1, 13));
        assert_eq!(slots.len(), 6);
        let times: Vec<_> = slots
            .iter()
            .map(|s| {
                (
                    s.profession.code(),
                    crate::domain::time::format_time(s.starts_at),
                )
            })
            .collect();
        assert_eq!(times[0], ("lawyer", "18:30".to_string()));
        assert_eq!(times[2], ("lawyer", "20:30".to_string()));
        assert_eq!(times[3], ("psychologist", "18:30".to_string()));
        assert_eq!(crate::domain::time::format_time(slots[2].ends_at), "21:20");
    }

    #[test]
    fn plan_covers_the_next_months_from_today() {
        let plans = series().plan(ymd(2026, 11, 24), 3);
        let dates: Vec<_> = plans.iter().map(|p| p.date).collect();
        assert_eq!(
            dates,
            [ymd(2026, 12, 9), ymd(2027, 1, 13), ymd(2027, 2, 10)]
        );
        assert_eq!(plans[1].occurrence, "2027-01");
        // A session earlier today is still in the plan; one yesterday is not.
        assert_eq!(series().plan(ymd(2026, 12, 9), 1)[0].date, ymd(2026, 12, 9));
        assert!(series().plan(ymd(2026, 12, 10), 1).is_empty());
    }
}
