//! Creating the sessions of the series (`tsunagu schedule generate`).

use crate::domain::time::jst_today;
use crate::state::AppState;

/// What generation did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Generated {
    pub created: Vec<chrono::NaiveDate>,
    pub existing: Vec<chrono::NaiveDate>,
}

/// Creates the sessions of the next `months` months; running it again
/// creates nothing new (one session of the series per month, by a unique key).
pub async fn generate(state: &AppState, months: u32) -> anyhow::Result<Generated> {
    let series = state.settings.series.to_series()?;
    let now = state.clock.now();
    let mut out = Generated::default();
    for plan in series.plan(jst_today(now), months) {
        if plan.starts_at <= now {
            continue;
        }
        if state
            .store
            .insert_session(&plan, &state.settings.evening.venue, now)
            .await?
        {
            out.created.push(plan.date);
        } else {
            out.existing.push(plan.date);
        }
    }
    Ok(out)
}
