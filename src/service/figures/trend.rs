//! The trend over the years (年度別の推移), as the council's table has it
//! from 平成27年度: each year Tsunagu holds records for counted from them
//! (a year closed for three months counted once and kept), and the years
//! before, as staff entered them by hand, marked so.

use super::evening;
use crate::domain::figures::{FiscalYear, TrendYear};
use crate::domain::time::to_jst;
use crate::domain::FieldError;
use crate::state::AppState;
use crate::store::StaffMember;
use chrono::Duration;

/// The council's table begins with 平成27年度.
pub const FIRST_YEAR: i32 = 2015;

/// A year's records no longer change this long after it ended.
const SETTLED_DAYS: i64 = 90;

/// From [`FIRST_YEAR`] to `through`, oldest first.
pub async fn trend(state: &AppState, through: FiscalYear) -> anyhow::Result<Vec<TrendYear>> {
    let now = state.clock.now();
    let by_hand = state.store.figures_by_hand().await?;
    let closed = state.store.figures_closed().await?;
    let first = state
        .store
        .first_evening()
        .await?
        .map(|at| FiscalYear::of(to_jst(at).date_naive()));
    let mut years = Vec::new();
    for y in FIRST_YEAR..=through.0 {
        let fy = FiscalYear(y);
        if first.is_some_and(|f| y >= f.0) {
            if let Some((_, (people, consultations, lawyer, psychologist))) =
                closed.iter().find(|(c, _)| *c == y)
            {
                let n = |v: &i64| Some(u64::try_from(*v).unwrap_or(0));
                years.push(TrendYear {
                    fy,
                    people: n(people),
                    consultations: n(consultations),
                    lawyer: n(lawyer),
                    psychologist: n(psychologist),
                    by_hand: false,
                });
                continue;
            }
            let f = evening::count(state, fy).await?.figures;
            let row = TrendYear {
                fy,
                people: Some(f.people),
                consultations: Some(f.consultations),
                lawyer: Some(f.lawyer.attended),
                psychologist: Some(f.psychologist.attended),
                by_hand: false,
            };
            if fy.end() + Duration::days(SETTLED_DAYS) < now {
                let i = |v: Option<u64>| i64::try_from(v.unwrap_or(0)).unwrap_or(i64::MAX);
                state
                    .store
                    .keep_figures_closed(
                        y,
                        (
                            i(row.people),
                            i(row.consultations),
                            i(row.lawyer),
                            i(row.psychologist),
                        ),
                        now,
                    )
                    .await?;
            }
            years.push(row);
        } else {
            let entered = |measure: &str| {
                by_hand
                    .iter()
                    .find(|b| b.service == "evening" && b.fiscal_year == y && b.measure == measure)
                    .map(|b| u64::try_from(b.value).unwrap_or(0))
            };
            let row = TrendYear {
                fy,
                people: entered("people"),
                consultations: entered("consultations"),
                lawyer: entered("lawyer"),
                psychologist: entered("psychologist"),
                by_hand: true,
            };
            years.push(TrendYear {
                by_hand: row.people.is_some()
                    || row.consultations.is_some()
                    || row.lawyer.is_some()
                    || row.psychologist.is_some(),
                ..row
            });
        }
    }
    Ok(years)
}

/// Enters an earlier year's total by hand (only for a year before the
/// records begin), audited.
pub async fn enter_by_hand(
    state: &AppState,
    who: &StaffMember,
    year: &str,
    measure: &str,
    value: &str,
) -> Result<(), super::FiguresError> {
    let mut errors = crate::domain::FieldErrors::new();
    let first = state
        .store
        .first_evening()
        .await
        .map_err(super::FiguresError::Store)?
        .map(|at| FiscalYear::of(to_jst(at).date_naive()).0)
        .unwrap_or(i32::MAX);
    let year: Option<i32> = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (FIRST_YEAR..first).contains(y));
    if year.is_none() {
        errors.insert("fiscal_year", FieldError::Choice);
    }
    if !FiscalYear::TREND.contains(&measure) {
        errors.insert("measure", FieldError::Choice);
    }
    let folded = crate::domain::values::normalize_text(value);
    let value: Option<i64> = folded.parse().ok().filter(|v| (0..=100_000).contains(v));
    if value.is_none() {
        errors.insert(
            "value",
            FieldError::Range {
                min: 0,
                max: 100_000,
            },
        );
    }
    let (Some(year), Some(value), true) = (year, value, errors.is_empty()) else {
        return Err(super::FiguresError::Invalid(errors));
    };
    let now = state.clock.now();
    state
        .store
        .enter_by_hand("evening", year, measure, value, &who.name, now)
        .await
        .map_err(super::FiguresError::Store)?;
    state
        .audit(
            who,
            "figures_by_hand",
            &format!("evening {year} {measure}"),
            &value.to_string(),
        )
        .await
        .map_err(super::FiguresError::Store)?;
    Ok(())
}
