//! Staff changes to the schedule: the series rule, and cancelling or moving
//! a whole evening, each in one transaction with the mails it owes to
//! everyone booked.

use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Store, StoreResult};
use chrono::{DateTime, Utc};

/// A slot's new times when its evening moves.
#[derive(Debug, Clone)]
pub struct SlotMove {
    pub slot_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl Store {
    /// Cancels an evening: its confirmed bookings are cancelled (each with
    /// its mail), offers of its slots released, its waitlist closed.
    /// `false` if it was not scheduled.
    #[tracing::instrument(skip_all)]
    pub async fn cancel_session(
        &self,
        session_id: i64,
        mails: &[(i64, OutgoingMail)],
        acted_by: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("UPDATE evening_sessions SET status = 'cancelled', revision = revision + 1 WHERE id = $1 AND status = 'scheduled'")
                .bind(session_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            sqlx::query(
                "UPDATE bookings SET status = CASE status WHEN 'held' THEN 'released' ELSE 'cancelled' END,
                        cancelled_at = $2, updated_at = $2, acted_by = $3
                 WHERE session_id = $1 AND status IN ('confirmed', 'held')",
            )
            .bind(session_id)
            .bind(now)
            .bind(acted_by)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE waitlist_entries SET status = 'withdrawn', updated_at = $2
                 WHERE session_id = $1 AND status IN ('waiting', 'offered')",
            )
            .bind(session_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            for (booking_id, mail) in mails {
                insert_mail!(&mut *tx, mail, Some(*booking_id), now)?;
            }
            tx.commit().await?;
            self.forget_slots();
            Ok(true)
        })
    }

    /// Makes a cancelled evening scheduled again, if it has not started and
    /// no other scheduled evening overlaps it. `false` otherwise.
    #[tracing::instrument(skip_all)]
    pub async fn restore_session(&self, session_id: i64, now: DateTime<Utc>) -> StoreResult<bool> {
        let done = on_db!(self, pool => {
            sqlx::query(
                "UPDATE evening_sessions SET status = 'scheduled', revision = revision + 1
                 WHERE id = $1 AND status = 'cancelled' AND starts_at > $2
                   AND NOT EXISTS (
                       SELECT 1 FROM evening_sessions o
                       WHERE o.id <> evening_sessions.id AND o.status = 'scheduled'
                         AND o.starts_at < evening_sessions.ends_at
                         AND o.ends_at > evening_sessions.starts_at)",
            )
            .bind(session_id)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
        });
        self.forget_slots();
        Ok(done > 0)
    }

    /// Moves an evening and its slots to new times; bookings follow their
    /// slots, and each gets its mail. Slots are moved in an order that never
    /// puts two on one time.
    #[tracing::instrument(skip_all)]
    pub async fn move_session(
        &self,
        session_id: i64,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        slots: &[SlotMove],
        mails: &[(i64, OutgoingMail)],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE evening_sessions SET starts_at = $2, ends_at = $3, revision = revision + 1 WHERE id = $1 AND status = 'scheduled'",
            )
            .bind(session_id)
            .bind(starts_at)
            .bind(ends_at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            for slot in slots {
                sqlx::query("UPDATE slots SET starts_at = $2, ends_at = $3 WHERE id = $1 AND session_id = $4")
                    .bind(slot.slot_id)
                    .bind(slot.starts_at)
                    .bind(slot.ends_at)
                    .bind(session_id)
                    .execute(&mut *tx)
                    .await?;
            }
            for (booking_id, mail) in mails {
                insert_mail!(&mut *tx, mail, Some(*booking_id), now)?;
            }
            tx.commit().await?;
            self.forget_slots();
            Ok(true)
        })
    }
}

/// The series rule staff set on the screens.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SeriesRule {
    pub weekday: String,
    pub week_of_month: i32,
    pub start: String,
}

impl Store {
    pub async fn series_rule(&self) -> StoreResult<Option<SeriesRule>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as("SELECT weekday, week_of_month, start FROM series_rule WHERE id = 1")
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn set_series_rule(
        &self,
        rule: &SeriesRule,
        by: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO series_rule (id, weekday, week_of_month, start, updated_by, updated_at)
                 VALUES (1, $1, $2, $3, $4, $5)
                 ON CONFLICT (id) DO UPDATE SET weekday = excluded.weekday, week_of_month = excluded.week_of_month,
                     start = excluded.start, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            )
            .bind(&rule.weekday)
            .bind(rule.week_of_month)
            .bind(&rule.start)
            .bind(by)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}
