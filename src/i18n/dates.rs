//! Dates and times in words, as each language's `labels.ftl` writes them:
//! 「2027年1月13日(水) 18:30」, "Wed 13 January 2027, 18:30".

use super::texts;
use crate::domain::time::to_jst;
use crate::domain::Lang;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

fn weekday(lang: Lang, date: NaiveDate) -> &'static str {
    let t = texts(lang);
    [
        t.weekday_1,
        t.weekday_2,
        t.weekday_3,
        t.weekday_4,
        t.weekday_5,
        t.weekday_6,
        t.weekday_7,
    ][date.weekday().num_days_from_monday() as usize]
}

/// The name of month `month` (1–12): 「1月」, "January".
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let t = texts(lang);
    [
        t.month_1, t.month_2, t.month_3, t.month_4, t.month_5, t.month_6, t.month_7, t.month_8,
        t.month_9, t.month_10, t.month_11, t.month_12,
    ][(month.clamp(1, 12) - 1) as usize]
}

/// 「2027年1月13日(水)」, "Wed 13 January 2027".
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    texts(lang).date(
        date.day().to_string(),
        month_name(date.month(), lang),
        weekday(lang, date),
        date.year().to_string(),
    )
}

/// 「2027年1月13日(水) 18:30」, "Wed 13 January 2027, 18:30".
pub fn format_datetime(at: DateTime<Utc>, lang: Lang) -> String {
    let local = to_jst(at);
    texts(lang).date_time(
        format_date(local.date_naive(), lang),
        local.format("%H:%M").to_string(),
    )
}

/// 「2027年1月」, "January 2027".
pub fn format_month(year: i32, month: u32, lang: Lang) -> String {
    texts(lang).year_month(month_name(month, lang), year.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::jst_instant;
    use chrono::NaiveTime;

    #[test]
    fn formats_as_a_city_office_writes() {
        let at = jst_instant(
            NaiveDate::from_ymd_opt(2027, 1, 13).unwrap(),
            NaiveTime::from_hms_opt(18, 30, 0).unwrap(),
        );
        assert_eq!(format_datetime(at, Lang::Ja), "2027年1月13日(水) 18:30");
        assert_eq!(format_datetime(at, Lang::En), "Wed 13 January 2027, 18:30");
        assert_eq!(
            format_datetime(at, Lang::Easy),
            "2027｜年《ねん》1｜月《がつ》13｜日《にち》（｜水曜日《すいようび》） 18:30"
        );
        assert_eq!(format_month(2027, 1, Lang::Ja), "2027年1月");
    }
}
