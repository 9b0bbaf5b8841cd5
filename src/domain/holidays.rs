//! Japanese national holidays (国民の祝日), computed from the rules of the
//! 国民の祝日に関する法律 (祝日法) rather than fetched or tabulated.
//!
//! - Art. 2: the named days, with their history (Happy Monday days since
//!   2000/2003, 昭和の日 and みどりの日 from 2007, 山の日 from 2016,
//!   天皇誕生日 moving from 12/23 to 2/23, スポーツの日 from 2020).
//! - Special laws: 2019's 即位の日 and 即位礼正殿の儀, and the Olympic
//!   moves of 海の日, スポーツの日 and 山の日 in 2020 and 2021.
//! - Art. 3-2: 振替休日, the next day that is not a holiday after a holiday
//!   falling on a Sunday (from 2007 on; the day after, before that).
//! - Art. 3-3: 国民の休日, a day between two national holidays.
//!
//! The equinox days use the usual approximation of the 国立天文台 almanac,
//! valid for 1980–2099; outside 2000–2099 this module answers `None`.

use chrono::{Datelike, NaiveDate, Weekday};

/// First and last year the rules here are written for.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// The name of the holiday on `date`, if it is one (祝日, 振替休日 or 国民の休日).
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    if !SUPPORTED_YEARS.contains(&date.year()) {
        return None;
    }
    if let Some(name) = named_holiday(date) {
        return Some(name);
    }
    if is_substitute_holiday(date) {
        return Some("振替休日");
    }
    if is_citizens_holiday(date) {
        return Some("国民の休日");
    }
    None
}

/// Whether `date` is a national holiday of any kind.
pub fn is_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

/// All holidays of a year, in date order.
pub fn holidays_of_year(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let Some(mut day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while day.year() == year {
        if let Some(name) = holiday_name(day) {
            out.push((day, name));
        }
        day = day.succ_opt().expect("date in range");
    }
    out
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> u32 {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
        .expect("every month has a fifth-or-earlier weekday")
        .day()
}

/// 春分日 (vernal equinox day), 1980–2099.
fn vernal_equinox_day(year: i32) -> u32 {
    let y = f64::from(year - 1980);
    (20.8431 + 0.242194 * y - (y / 4.0).floor()).floor() as u32
}

/// 秋分日 (autumnal equinox day), 1980–2099.
fn autumnal_equinox_day(year: i32) -> u32 {
    let y = f64::from(year - 1980);
    (23.2488 + 0.242194 * y - (y / 4.0).floor()).floor() as u32
}

/// The holidays named in art. 2 of the law and in the special laws.
fn named_holiday(date: NaiveDate) -> Option<&'static str> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let name = match (m, d) {
        (1, 1) => "元日",
        (1, _) if d == nth_weekday(y, 1, Weekday::Mon, 2) => "成人の日",
        (2, 11) => "建国記念の日",
        (2, 23) if y >= 2020 => "天皇誕生日",
        (3, _) if d == vernal_equinox_day(y) => "春分の日",
        (4, 29) if y >= 2007 => "昭和の日",
        (4, 29) => "みどりの日",
        (5, 1) if y == 2019 => "即位の日",
        (5, 3) => "憲法記念日",
        (5, 4) if y >= 2007 => "みどりの日",
        (5, 5) => "こどもの日",
        (7, _) if d == marine_day(y) => "海の日",
        (7, 24) if y == 2020 => "スポーツの日",
        (7, 23) if y == 2021 => "スポーツの日",
        (8, _) if y >= 2016 && d == mountain_day(y) => "山の日",
        (9, _) if d == nth_weekday(y, 9, Weekday::Mon, 3) => "敬老の日",
        (9, _) if d == autumnal_equinox_day(y) => "秋分の日",
        (10, _) if y != 2020 && y != 2021 && d == nth_weekday(y, 10, Weekday::Mon, 2) => {
            if y >= 2020 {
                "スポーツの日"
            } else {
                "体育の日"
            }
        }
        (10, 22) if y == 2019 => "即位礼正殿の儀の行われる日",
        (11, 3) => "文化の日",
        (11, 23) => "勤労感謝の日",
        (12, 23) if (1989..=2018).contains(&y) => "天皇誕生日",
        _ => return None,
    };
    Some(name)
}

fn marine_day(year: i32) -> u32 {
    match year {
        2020 => 23,
        2021 => 22,
        y if y >= 2003 => nth_weekday(y, 7, Weekday::Mon, 3),
        _ => 20,
    }
}

fn mountain_day(year: i32) -> u32 {
    match year {
        2020 => 10,
        2021 => 8,
        _ => 11,
    }
}

/// 振替休日: when a named holiday falls on a Sunday, the nearest following
/// day that is not a named holiday is a holiday.
fn is_substitute_holiday(date: NaiveDate) -> bool {
    if named_holiday(date).is_some() || date.weekday() == Weekday::Sun {
        return false;
    }
    let mut day = date;
    loop {
        let Some(prev) = day.pred_opt() else {
            return false;
        };
        if named_holiday(prev).is_none() {
            return false;
        }
        if prev.weekday() == Weekday::Sun {
            return true;
        }
        if date.year() < 2007 {
            // Before 2007 only the Monday right after the Sunday was substituted.
            return false;
        }
        day = prev;
    }
}

/// 国民の休日: a day that is not a holiday itself, between two named holidays.
fn is_citizens_holiday(date: NaiveDate) -> bool {
    if named_holiday(date).is_some() || date.weekday() == Weekday::Sun {
        return false;
    }
    match (date.pred_opt(), date.succ_opt()) {
        (Some(before), Some(after)) => {
            named_holiday(before).is_some() && named_holiday(after).is_some()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates(year: i32) -> Vec<String> {
        holidays_of_year(year)
            .into_iter()
            .map(|(d, _)| d.format("%m-%d").to_string())
            .collect()
    }

    #[test]
    fn year_2019_with_the_enthronement_days() {
        assert_eq!(
            dates(2019),
            [
                "01-01", "01-14", "02-11", "03-21", "04-29", "04-30", "05-01", "05-02", "05-03",
                "05-04", "05-05", "05-06", "07-15", "08-11", "08-12", "09-16", "09-23", "10-14",
                "10-22", "11-03", "11-04", "11-23"
            ]
        );
        assert_eq!(holiday_name(ymd(2019, 4, 30)), Some("国民の休日"));
        assert_eq!(holiday_name(ymd(2019, 5, 6)), Some("振替休日"));
        assert_eq!(holiday_name(ymd(2019, 12, 23)), None);
    }

    #[test]
    fn year_2020_with_the_olympic_moves() {
        assert_eq!(
            dates(2020),
            [
                "01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03", "05-04",
                "05-05", "05-06", "07-23", "07-24", "08-10", "09-21", "09-22", "11-03", "11-23"
            ]
        );
        assert_eq!(holiday_name(ymd(2020, 7, 24)), Some("スポーツの日"));
        assert_eq!(holiday_name(ymd(2020, 5, 6)), Some("振替休日"));
    }

    #[test]
    fn year_2021_with_the_olympic_moves() {
        assert_eq!(
            dates(2021),
            [
                "01-01", "01-11", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05",
                "07-22", "07-23", "08-08", "08-09", "09-20", "09-23", "11-03", "11-23"
            ]
        );
    }

    #[test]
    fn citizens_holiday_in_september_2026_and_2032() {
        // 敬老の日 9/21 and 秋分の日 9/23 enclose 9/22.
        assert_eq!(holiday_name(ymd(2026, 9, 22)), Some("国民の休日"));
        assert_eq!(holiday_name(ymd(2032, 9, 21)), Some("国民の休日"));
    }

    #[test]
    fn years_2026_and_2027() {
        assert_eq!(
            dates(2026),
            [
                "01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05",
                "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23"
            ]
        );
        assert_eq!(
            dates(2027),
            [
                "01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03", "05-04",
                "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23"
            ]
        );
    }

    #[test]
    fn substitute_holiday_after_a_sunday_run() {
        // 2025-05-04 (みどりの日) was a Sunday: 5/6 is the substitute holiday.
        assert_eq!(holiday_name(ymd(2025, 5, 6)), Some("振替休日"));
        // 2023-01-01 Sunday → 1/2 substitute holiday.
        assert_eq!(holiday_name(ymd(2023, 1, 2)), Some("振替休日"));
    }

    #[test]
    fn equinoxes_match_the_almanac() {
        assert_eq!(vernal_equinox_day(2024), 20);
        assert_eq!(autumnal_equinox_day(2024), 22);
        assert_eq!(vernal_equinox_day(2025), 20);
        assert_eq!(autumnal_equinox_day(2025), 23);
        assert_eq!(vernal_equinox_day(2028), 20);
    }

    #[test]
    fn outside_the_supported_years_nothing_is_claimed() {
        assert_eq!(holiday_name(ymd(1999, 1, 1)), None);
        assert_eq!(holiday_name(ymd(2100, 1, 1)), None);
    }
}
