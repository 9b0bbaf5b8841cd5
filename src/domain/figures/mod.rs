//! 年度の実績 (the figures the council's report is made of): the fiscal
//! year and its era name, the evening consultation's tallies (`evening`),
//! and small numbers hidden in what leaves the office (`small`). Pure: plain
//! records in, counts out.

pub mod capacity;
pub mod evening;
pub mod small;

#[cfg(test)]
mod tests;

use super::time::jst_instant;
use super::Lang;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};

/// 年度: April 1 of `year` to March 31 of `year + 1`, in JST.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

/// The eras, newest first: (first day, name, name in Latin letters).
const ERAS: [((i32, u32, u32), &str, &str); 3] = [
    ((2019, 5, 1), "令和", "Reiwa"),
    ((1989, 1, 8), "平成", "Heisei"),
    ((1926, 12, 25), "昭和", "Showa"),
];

impl FiscalYear {
    /// The fiscal year `date` (JST) is in.
    pub fn of(date: NaiveDate) -> FiscalYear {
        FiscalYear(if date.month() >= 4 {
            date.year()
        } else {
            date.year() - 1
        })
    }

    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).unwrap_or_default()
    }

    pub fn last_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or_default()
    }

    /// Its first instant (April 1, 0:00 JST).
    pub fn start(&self) -> DateTime<Utc> {
        jst_instant(self.first_day(), NaiveTime::MIN)
    }

    /// The first instant after it.
    pub fn end(&self) -> DateTime<Utc> {
        FiscalYear(self.0 + 1).start()
    }

    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.start() <= at && at < self.end()
    }

    /// Its months, April first: (year, month).
    pub fn months(&self) -> Vec<(i32, u32)> {
        (0..12)
            .map(|i| {
                let m = 4 + i;
                if m > 12 {
                    (self.0 + 1, m - 12)
                } else {
                    (self.0, m)
                }
            })
            .collect()
    }

    /// The era and its year, as the fiscal year is named: the era in force
    /// at the end of the calendar year it begins in (FY2019 is 令和元年度,
    /// FY1988 昭和63年度).
    pub fn era(&self) -> (&'static str, &'static str, i32) {
        let dec31 = NaiveDate::from_ymd_opt(self.0, 12, 31).unwrap_or_default();
        for ((y, m, d), name, latin) in ERAS {
            let first = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
            if dec31 >= first {
                return (name, latin, self.0 - y + 1);
            }
        }
        ("", "", self.0)
    }

    /// The fiscal year's measure in the trend table (`people`,
    /// `consultations`, `lawyer`, `psychologist`).
    pub const TREND: [&'static str; 4] = ["people", "consultations", "lawyer", "psychologist"];

    /// 「令和8年度」「令和元年度」; in English 「FY2026 (Reiwa 8)」.
    pub fn label(&self, lang: Lang) -> String {
        let (name, latin, n) = self.era();
        match lang {
            Lang::En => format!("FY{} ({latin} {n})", self.0),
            _ if n == 1 => format!("{name}元年度"),
            _ => format!("{name}{n}年度"),
        }
    }
}

/// A date in the era calendar, as a council document is dated:
/// 「令和8年12月3日」 (元年 for the first year); in English `3 December 2026`.
pub fn era_date(date: NaiveDate, lang: Lang) -> String {
    if lang == Lang::En {
        return date.format("%-d %B %Y").to_string();
    }
    for ((y, m, d), name, _) in ERAS {
        let first = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        if date >= first {
            let n = date.year() - y + 1;
            let year = if n == 1 {
                "元".to_string()
            } else {
                n.to_string()
            };
            return format!("{name}{year}年{}月{}日", date.month(), date.day());
        }
    }
    date.to_string()
}

/// One year of the trend table: counted from the records, or entered by
/// hand for a year before Tsunagu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendYear {
    pub fy: FiscalYear,
    pub people: Option<u64>,
    pub consultations: Option<u64>,
    pub lawyer: Option<u64>,
    pub psychologist: Option<u64>,
    pub by_hand: bool,
}
