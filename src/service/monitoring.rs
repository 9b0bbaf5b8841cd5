//! What the figures read from the database at scrape time: the outbox and
//! the open offers. Read there rather than counted in memory, so that
//! every instance sharing the database reports the same, right values.

use crate::metrics::DatabaseFigures;
use crate::state::AppState;
use crate::store::StoreResult;

/// The outbox's depth and the age of its oldest queued mail (by this
/// application's clock), and the waitlist offers open.
pub async fn database_figures(state: &AppState) -> StoreResult<DatabaseFigures> {
    let outbox = state.store.outbox_figures().await?;
    let offers_open = state.store.open_offer_count().await?;
    let now = state.clock.now();
    Ok(DatabaseFigures {
        outbox_queued: outbox.queued,
        oldest_queued_seconds: outbox.oldest_due.map_or(0, |due| seconds_since(due, now)),
        offers_open,
    })
}

/// Whole seconds from `then` to `now`, to the nearest (a timestamp read
/// back from PostgreSQL is rounded to the microsecond, and may then lie a
/// hair after the instant it was written at), never below 0.
fn seconds_since(then: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> i64 {
    ((now - then).num_milliseconds().max(0) + 500) / 1000
}

#[cfg(test)]
mod tests {
    use super::seconds_since;
    use chrono::{Duration, Utc};

    #[test]
    fn an_age_is_whole_seconds_to_the_nearest_and_never_negative() {
        let now = Utc::now();
        assert_eq!(seconds_since(now - Duration::minutes(20), now), 1200);
        let rounded_up = now - Duration::minutes(20) + Duration::nanoseconds(500);
        assert_eq!(seconds_since(rounded_up, now), 1200);
        assert_eq!(seconds_since(now + Duration::seconds(3), now), 0);
    }
}
