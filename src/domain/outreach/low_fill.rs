//! The coordinators' alert for an evening still filling (空き枠のお知らせ):
//! `low_fill_days` before it, if it still has free slots, once per evening
//! and threshold, in the day.

use crate::domain::quiet::QuietHours;
use chrono::{DateTime, Duration, Utc};

/// The alert's key: once per evening and threshold (`12:10`).
pub fn alert_key(session_id: i64, days: u32) -> String {
    format!("{session_id}:{days}")
}

/// Whether the alert for an evening starting at `starts_at` with `free`
/// slots is due at `now`: from `days` before it until it starts, while
/// slots are free, never in the quiet hours.
pub fn due(
    starts_at: DateTime<Utc>,
    free: usize,
    now: DateTime<Utc>,
    days: u32,
    quiet: Option<&QuietHours>,
) -> bool {
    free > 0
        && now < starts_at
        && now >= starts_at - Duration::days(i64::from(days))
        && !quiet.is_some_and(|q| q.contains(now))
}
