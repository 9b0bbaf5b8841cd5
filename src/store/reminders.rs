//! Reminders (リマインダー): which confirmed bookings start soon, and which
//! reminders they already have.

use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Store, StoreResult};
use crate::domain::{Lang, Profession};
use chrono::{DateTime, Utc};

/// A confirmed booking starting within the sweep's window.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReminderCandidate {
    pub booking_id: i64,
    pub token_hash: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub profession: String,
    pub venue: String,
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// A reminder already queued: (booking, offset key, start it was for).
pub type QueuedReminder = (i64, String, DateTime<Utc>);

impl ReminderCandidate {
    pub fn profession(&self) -> Profession {
        Profession::parse(&self.profession).unwrap_or(Profession::Lawyer)
    }
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or(Lang::Ja)
    }
}

impl Store {
    /// Confirmed bookings (with an email) whose slot starts in `(from, to]`,
    /// and the reminders already queued for them, as (booking, offset key, start).
    /// Both queries walk `slots_starts_at`.
    #[tracing::instrument(skip_all)]
    pub async fn reminder_candidates(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<(Vec<ReminderCandidate>, Vec<QueuedReminder>)> {
        Ok(on_db!(read self, pool => {
            let candidates: Vec<ReminderCandidate> = sqlx::query_as(
                "SELECT b.id AS booking_id, b.token_hash, s.starts_at, s.ends_at, s.profession, e.venue,
                        b.name, b.email, b.lang
                 FROM slots s
                 JOIN bookings b ON b.slot_id = s.id AND b.status IN ('confirmed', 'held')
                 JOIN evening_sessions e ON e.id = s.session_id
                 WHERE s.starts_at > $1 AND s.starts_at <= $2 AND b.status = 'confirmed'
                   AND b.email <> '' AND e.status = 'scheduled'",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let done: Vec<QueuedReminder> = sqlx::query_as(
                "SELECT r.booking_id, r.offset_key, r.starts_at FROM slots s
                 JOIN bookings b ON b.slot_id = s.id AND b.status IN ('confirmed', 'held')
                 JOIN reminders r ON r.booking_id = b.id AND r.starts_at = s.starts_at
                 WHERE s.starts_at > $1 AND s.starts_at <= $2",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            (candidates, done)
        }))
    }

    /// Queues one reminder with a fresh manage link, once: a second call
    /// (another instance, a second sweep) finds the row and does nothing.
    #[tracing::instrument(skip_all)]
    pub async fn queue_reminder(
        &self,
        candidate: &ReminderCandidate,
        offset_key: &str,
        link_token_hash: &str,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let fresh = sqlx::query(
                "INSERT INTO reminders (booking_id, offset_key, starts_at, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (booking_id, offset_key, starts_at) DO NOTHING",
            )
            .bind(candidate.booking_id)
            .bind(offset_key)
            .bind(candidate.starts_at)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if fresh == 0 {
                return Ok(false);
            }
            sqlx::query("INSERT INTO manage_tokens (token_hash, group_hash, created_at) VALUES ($1, $2, $3)")
                .bind(link_token_hash)
                .bind(&candidate.token_hash)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            insert_mail!(&mut *tx, mail, Some(candidate.booking_id), now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Whether a booking is still confirmed, at this start time.
    pub async fn booking_unchanged(
        &self,
        booking_id: i64,
        starts_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let found: Option<i64> = on_db!(read self, pool => {
            sqlx::query_scalar(
                "SELECT b.id FROM bookings b JOIN slots s ON s.id = b.slot_id
                 WHERE b.id = $1 AND b.status = 'confirmed' AND s.starts_at = $2",
            )
            .bind(booking_id)
            .bind(starts_at)
            .fetch_optional(pool)
            .await?
        });
        Ok(found.is_some())
    }

    /// The booking group a further manage link (from a reminder) opens.
    pub async fn group_of_link(&self, token_hash: &str) -> StoreResult<Option<String>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT group_hash FROM manage_tokens WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(pool)
                .await?
        }))
    }
}
