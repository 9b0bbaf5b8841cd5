//! The health centre's year: per month of the fiscal year, the workplaces
//! served and the workers seen per kind ①–④ (counted as seen), the wait
//! and those seen after their due date; with 「N件M名（X月末現在）」 for a
//! year in progress.

use crate::domain::figures::FiscalYear;
use crate::domain::health::figures::MonthFigures;
use crate::domain::time::jst_today;
use crate::state::AppState;
use crate::store::StaffMember;
use chrono::{Datelike, NaiveDate};

/// The year, month by month (every month of it, April first).
#[derive(Debug, Clone)]
pub struct HealthYear {
    pub fy: FiscalYear,
    pub months: Vec<MonthFigures>,
    /// Beside each month: requests received, interviews missed, waiting at its end.
    pub counts: Vec<crate::store::HealthMonthCounts>,
    /// The last month ended, for a year in progress (`None`: the year is over).
    pub as_of: Option<(i32, u32)>,
}

impl HealthYear {
    /// Workplaces served and workers seen, in all.
    pub fn totals(&self) -> (u32, u32) {
        self.months.iter().fold((0, 0), |(w, p), m| {
            (w + m.workplaces, p + m.workers.iter().sum::<u32>())
        })
    }
}

/// Counts `fy` (no audit: see [`view`]).
pub async fn count(state: &AppState, fy: FiscalYear) -> anyhow::Result<HealthYear> {
    let first = fy.first_day();
    let last = NaiveDate::from_ymd_opt(fy.0 + 1, 3, 1).unwrap_or(first);
    let seen = crate::service::health::figures(state, first, last)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let months = fy
        .months()
        .into_iter()
        .map(|(y, m)| {
            let key = format!("{y:04}-{m:02}");
            seen.iter()
                .find(|f| f.month == key)
                .cloned()
                .unwrap_or(MonthFigures {
                    month: key,
                    workplaces: 0,
                    workers: [0; 4],
                    median_wait_days: None,
                    p90_wait_days: None,
                    seen_after_due: 0,
                })
        })
        .collect();
    let mut counts = Vec::new();
    for (y, m) in fy.months() {
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        let next = first + chrono::Months::new(1);
        let at = |d: NaiveDate| crate::domain::time::jst_instant(d, chrono::NaiveTime::MIN);
        counts.push(
            state
                .store
                .health_month_counts(first, next, at(first), at(next))
                .await?,
        );
    }
    let today = jst_today(state.clock.now());
    let as_of = (today <= fy.last_day()).then(|| {
        let back = today
            .with_day(1)
            .unwrap_or(today)
            .pred_opt()
            .unwrap_or(today);
        (back.year(), back.month())
    });
    Ok(HealthYear {
        fy,
        months,
        counts,
        as_of,
    })
}

/// The year's figures as `who` views them (audited).
pub async fn view(
    state: &AppState,
    who: &StaffMember,
    fy: FiscalYear,
    what: &str,
) -> anyhow::Result<HealthYear> {
    let year = count(state, fy).await?;
    state
        .audit(who, "view_figures", &format!("health {}", fy.0), what)
        .await?;
    Ok(year)
}
