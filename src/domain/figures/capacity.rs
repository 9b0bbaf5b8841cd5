//! 産業保健センターの受け入れ能力: how the wait would change with more or
//! fewer interviews a month. A year of arrivals (the last twelve months')
//! is replayed against a monthly capacity with the queue's own order (due
//! date first, then first come: [`crate::domain::health::order`]), each
//! month's interviews given on its 15th to the first in line; what comes
//! out is the median and 90th-percentile wait and how many requests with a
//! legal due date (③④ and ②) would pass it. A projection, not a promise:
//! it assumes next year's requests arrive as last year's did.

use crate::domain::health::figures::percentile;
use crate::domain::health::{order, Queued};
use chrono::{Datelike, Months, NaiveDate};

/// A request as the projection sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub received_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
}

/// What a capacity gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Projection {
    /// Workplaces served a month.
    pub per_month: u32,
    pub median_wait_days: Option<i64>,
    pub p90_wait_days: Option<i64>,
    /// Requests with a due date seen after it, or not seen within the
    /// replayed year (counted as late if their due date passed in it).
    pub past_due: usize,
    /// Requests not seen by the end of the replayed year.
    pub still_waiting: usize,
}

/// Replays `arrivals` (and `waiting`, those in line at the start) over the
/// twelve months from `start`, `per_month` served each month.
pub fn project(
    waiting: &[Arrival],
    arrivals: &[Arrival],
    start: NaiveDate,
    per_month: u32,
) -> Projection {
    let start = start.with_day(1).unwrap_or(start);
    let all: Vec<&Arrival> = waiting.iter().chain(arrivals.iter()).collect();
    let mut served: Vec<Option<NaiveDate>> = vec![None; all.len()];
    for m in 0..12 {
        let month = start + Months::new(m);
        let day = month.with_day(15).unwrap_or(month);
        let mut line: Vec<Queued> = all
            .iter()
            .enumerate()
            .filter(|(i, a)| served[*i].is_none() && a.received_on <= day)
            .map(|(i, a)| Queued {
                id: i as i64,
                seq: i as i64,
                due: a.due_on,
                moved_to: None,
            })
            .collect();
        order(&mut line);
        for q in line.iter().take(per_month as usize) {
            served[q.id as usize] = Some(day);
        }
    }
    let end = start + Months::new(12);
    let mut waits: Vec<i64> = all
        .iter()
        .zip(&served)
        .filter_map(|(a, s)| s.map(|d| (d - a.received_on).num_days().max(0)))
        .collect();
    waits.sort_unstable();
    let past_due = all
        .iter()
        .zip(&served)
        .filter(|(a, s)| match (a.due_on, s) {
            (Some(due), Some(seen)) => *seen > due,
            (Some(due), None) => due < end,
            (None, _) => false,
        })
        .count();
    Projection {
        per_month,
        median_wait_days: percentile(&waits, 50),
        p90_wait_days: percentile(&waits, 90),
        past_due,
        still_waiting: served.iter().filter(|s| s.is_none()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Five requests a month, one of them with a due date a month on.
    fn year_of_arrivals() -> Vec<Arrival> {
        (0..12)
            .flat_map(|m| {
                let month = d(2026, 4, 1) + Months::new(m);
                (0..5).map(move |i| Arrival {
                    received_on: month.with_day(1 + i * 5).unwrap(),
                    due_on: (i == 0).then(|| month.with_day(1).unwrap() + Months::new(1)),
                })
            })
            .collect()
    }

    #[test]
    fn more_interviews_a_month_shorten_the_wait_and_keep_due_dates() {
        let arrivals = year_of_arrivals();
        let backlog: Vec<Arrival> = (0..10)
            .map(|i| Arrival {
                received_on: d(2026, 2, 1 + i),
                due_on: None,
            })
            .collect();
        let short = project(&backlog, &arrivals, d(2026, 4, 1), 4);
        let even = project(&backlog, &arrivals, d(2026, 4, 1), 5);
        let more = project(&backlog, &arrivals, d(2026, 4, 1), 8);
        assert!(
            short.median_wait_days > even.median_wait_days,
            "{short:?} {even:?}"
        );
        assert!(
            even.median_wait_days >= more.median_wait_days,
            "{even:?} {more:?}"
        );
        assert!(short.still_waiting > more.still_waiting);
        // Due dates first: with enough a month none passes its due date.
        assert_eq!(more.past_due, 0, "{more:?}");
        // Only the two who came after the year's last interviews (March 16 and 21).
        assert_eq!(more.still_waiting, 2);
        assert_eq!(more.per_month, 8);
    }

    #[test]
    fn the_queue_serves_due_dates_first() {
        // Two in line on the 15th, one a month; the later one has a due date.
        let arrivals = vec![
            Arrival {
                received_on: d(2026, 4, 1),
                due_on: None,
            },
            Arrival {
                received_on: d(2026, 4, 10),
                due_on: Some(d(2026, 5, 10)),
            },
        ];
        let p = project(&[], &arrivals, d(2026, 4, 1), 1);
        // The due one is seen on April 15 (5 days), the other on May 15 (44 days).
        assert_eq!(p.median_wait_days, Some(5));
        assert_eq!(p.p90_wait_days, Some(44));
        assert_eq!(p.past_due, 0);
    }
}
