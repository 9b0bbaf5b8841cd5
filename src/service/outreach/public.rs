//! What is published without anyone's data: the next evening with a free
//! slot (`/api/v1/public/next`, `/embed/next`), the calendar of the evenings
//! (`/calendar.ics`) and a poster of one evening.

use crate::domain::Profession;
use crate::i18n::{configured, texts};
use crate::mail::calendar::{feed, FeedEvent};
use crate::state::AppState;
use crate::store::SessionView;
use chrono::{DateTime, Utc};

/// An evening with what is free in it.
#[derive(Debug, Clone)]
pub struct OpenEvening {
    pub session_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    pub free_lawyer: usize,
    pub free_psychologist: usize,
    /// Whether it can be booked now (its window is open).
    pub bookable: bool,
}

impl OpenEvening {
    fn of(state: &AppState, s: &SessionView, now: DateTime<Utc>) -> OpenEvening {
        OpenEvening {
            session_id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            venue: s.venue.clone(),
            free_lawyer: s.free_count(Profession::Lawyer),
            free_psychologist: s.free_count(Profession::Psychologist),
            bookable: state.rules.check_window(now, s.starts_at).is_ok(),
        }
    }

    pub fn free(&self) -> usize {
        self.free_lawyer + self.free_psychologist
    }
}

/// The next evening that can be booked now and has a free slot.
pub async fn next_evening(state: &AppState) -> anyhow::Result<Option<OpenEvening>> {
    let now = state.clock.now();
    Ok(state
        .store
        .upcoming_sessions(now)
        .await?
        .iter()
        .map(|s| OpenEvening::of(state, s, now))
        .find(|e| e.bookable && e.free() > 0))
}

/// One evening to come, for its poster.
pub async fn evening(state: &AppState, session_id: i64) -> anyhow::Result<Option<OpenEvening>> {
    let now = state.clock.now();
    Ok(state
        .store
        .upcoming_sessions(now)
        .await?
        .iter()
        .find(|s| s.id == session_id)
        .map(|s| OpenEvening::of(state, s, now)))
}

/// The public calendar: every evening to come, a cancelled one as
/// cancelled, with its free slots and the booking page (Japanese words).
pub async fn calendar(state: &AppState) -> anyhow::Result<String> {
    let now = state.clock.now();
    let evenings = state.store.calendar_evenings(now).await?;
    let sessions = state.store.upcoming_sessions(now).await?;
    let settings = &state.settings;
    let lang = crate::domain::Lang::Ja;
    let t = texts(lang);
    let site = settings.public_url();
    let host = url::Url::parse(site)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "tsunagu.invalid".into());
    let events: Vec<FeedEvent> = evenings
        .iter()
        .map(|e| {
            let cancelled = e.status == "cancelled";
            let description = match sessions.iter().find(|s| s.id == e.id) {
                Some(s) if !cancelled => format!(
                    "{}\n{}",
                    t.feed_free(
                        s.free_count(Profession::Lawyer),
                        s.free_count(Profession::Psychologist)
                    ),
                    t.feed_book(format!("{site}/"))
                ),
                _ => t.feed_cancelled.to_string(),
            };
            FeedEvent {
                uid: format!("evening-{}@{host}", e.id),
                sequence: i64::from(e.revision),
                starts_at: e.starts_at,
                ends_at: e.ends_at,
                // The summary is seen on a shared calendar: it names no trouble.
                summary: t.feed_summary.to_string(),
                location: e.venue.clone(),
                description: format!(
                    "{}\n{description}",
                    configured(lang, &settings.evening.title, &settings.evening.title_en)
                ),
                url: format!("{site}/"),
                cancelled,
            }
        })
        .collect();
    Ok(feed(&events, &settings.evening.title, now))
}
