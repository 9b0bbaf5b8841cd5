//! The referrals' figures for a span of months (by default the fiscal
//! year, April to March): by destination and status, how many arrived,
//! follow-ups made, booked and kept. No personal data; the view is
//! audited all the same.

use crate::domain::referral::figures::{count, Figures};
use crate::domain::time::{jst_instant, to_jst};
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::StaffMember;
use chrono::{Months, NaiveDate, NaiveTime};
use std::collections::HashMap;

/// The fiscal year (年度) `today` is in: its first and last months.
pub fn fiscal_year(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let april = crate::domain::figures::FiscalYear::of(today).first_day();
    (april, april + Months::new(11))
}

/// The figures of referrals made from month `from` to month `to` (first
/// days, both included), with the names of the destinations.
pub async fn figures(
    state: &AppState,
    who: &StaffMember,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(Figures, HashMap<String, String>), BookError> {
    if !who.role.manages() {
        return Err(BookError::Forbidden);
    }
    let start = jst_instant(from, NaiveTime::MIN);
    let end = jst_instant(to + Months::new(1), NaiveTime::MIN);
    let rows = state.store.referral_counts(start, end).await?;
    let directory = state.store.directory_now().await?;
    let names = rows
        .iter()
        .filter_map(|r| r.service_id.as_deref())
        .filter_map(|id| directory.get(id).map(|e| (id.to_string(), e.name.clone())))
        .collect();
    let month = |d: NaiveDate| {
        to_jst(jst_instant(d, NaiveTime::MIN))
            .format("%Y-%m")
            .to_string()
    };
    state
        .audit(
            who,
            "view_referral_figures",
            &format!("{}..{}", month(from), month(to)),
            "",
        )
        .await?;
    Ok((count(&rows), names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fiscal_year_runs_from_april_to_march() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(fiscal_year(d(2026, 12, 3)), (d(2026, 4, 1), d(2027, 3, 1)));
        assert_eq!(fiscal_year(d(2027, 3, 31)), (d(2026, 4, 1), d(2027, 3, 1)));
        assert_eq!(fiscal_year(d(2027, 4, 1)), (d(2027, 4, 1), d(2028, 3, 1)));
    }
}
