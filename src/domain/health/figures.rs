//! The centre's figures (実績): workplaces served per month, workers seen
//! per kind ①–④, how long requests waited, and how many were seen after
//! their due date. Pure: no I/O.

use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// One workplace's interview that took place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub received_on: NaiveDate,
    pub seen_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    /// Workers per kind, in the order of [`super::ServiceKind::ALL`].
    pub workers: [u32; 4],
}

/// The figures of one month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    pub workplaces: u32,
    pub workers: [u32; 4],
    pub median_wait_days: Option<i64>,
    pub p90_wait_days: Option<i64>,
    pub seen_after_due: u32,
}

/// The `p`-th percentile (0–100) of sorted values, by nearest rank.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p.min(100)) * sorted.len() as u64)
        .div_ceil(100)
        .max(1);
    sorted.get(rank as usize - 1).copied()
}

/// Figures per month of the interview, oldest month first.
pub fn figures(seen: &[Seen]) -> Vec<MonthFigures> {
    let mut months: BTreeMap<(i32, u32), Vec<&Seen>> = BTreeMap::new();
    for s in seen {
        months
            .entry((s.seen_on.year(), s.seen_on.month()))
            .or_default()
            .push(s);
    }
    months
        .into_iter()
        .map(|((y, m), list)| {
            let mut waits: Vec<i64> = list
                .iter()
                .map(|s| (s.seen_on - s.received_on).num_days().max(0))
                .collect();
            waits.sort_unstable();
            let mut workers = [0; 4];
            for s in &list {
                for (total, n) in workers.iter_mut().zip(s.workers) {
                    *total += n;
                }
            }
            MonthFigures {
                month: format!("{y:04}-{m:02}"),
                workplaces: list.len() as u32,
                workers,
                median_wait_days: percentile(&waits, 50),
                p90_wait_days: percentile(&waits, 90),
                seen_after_due: list
                    .iter()
                    .filter(|s| s.due_on.is_some_and(|d| s.seen_on > d))
                    .count() as u32,
            }
        })
        .collect()
}

/// Workplaces the centre serves in a month: the average of the months
/// given (the last three), or `fallback` without history.
pub fn throughput(served_per_month: &[u32], fallback: u32) -> u32 {
    let months: Vec<u32> = served_per_month
        .iter()
        .copied()
        .filter(|n| *n > 0)
        .collect();
    if months.is_empty() {
        return fallback.max(1);
    }
    (months.iter().sum::<u32>() as f64 / months.len() as f64)
        .round()
        .max(1.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 50), Some(5));
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn figures_per_month() {
        let seen = vec![
            Seen {
                received_on: d(1, 10),
                seen_on: d(3, 1),
                due_on: Some(d(2, 10)),
                workers: [0, 0, 1, 0],
            },
            Seen {
                received_on: d(2, 1),
                seen_on: d(3, 2),
                due_on: None,
                workers: [2, 5, 0, 0],
            },
            Seen {
                received_on: d(2, 20),
                seen_on: d(4, 2),
                due_on: Some(d(5, 1)),
                workers: [0, 0, 0, 3],
            },
        ];
        let f = figures(&seen);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].month, "2026-03");
        assert_eq!(f[0].workplaces, 2);
        assert_eq!(f[0].workers, [2, 5, 1, 0]);
        assert_eq!(f[0].median_wait_days, Some(29));
        assert_eq!(f[0].p90_wait_days, Some(50));
        assert_eq!(f[0].seen_after_due, 1);
        assert_eq!(f[1].seen_after_due, 0);
    }

    #[test]
    fn throughput_from_history_or_fallback() {
        assert_eq!(throughput(&[], 55), 55);
        assert_eq!(throughput(&[50, 60, 0], 55), 55);
        assert_eq!(throughput(&[40, 41, 43], 55), 41);
    }
}
