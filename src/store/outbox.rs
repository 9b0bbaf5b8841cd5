//! The mail outbox: every mail is written in the transaction of the change
//! it tells about, then claimed, sent and marked by the dispatcher.
//!
//! A claim is a lease (`locked_until`): while it runs no other dispatcher,
//! in this process or another, takes the row; if the process dies the
//! lease runs out and the mail is sent again.

use super::{on_db, Backend, Store, StoreResult};
use chrono::{DateTime, Utc};

/// A mail to be queued: its kind (the template) and what to fill it with.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub kind: &'static str,
    pub message_id: String,
    pub recipient: String,
    /// JSON for the template.
    pub payload: String,
}

/// A queued mail claimed for sending.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub kind: String,
    pub message_id: String,
    pub recipient: String,
    pub payload: String,
    pub attempts: i32,
}

/// A mail's state, as staff and tests see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailState {
    pub id: i64,
    pub kind: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// The outbox as monitoring sees it (read at scrape time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxFigures {
    /// Mails waiting to be sent, due or not.
    pub queued: i64,
    /// Since when the longest-waiting of them has been due: its first
    /// attempt's time if not tried yet (a mail held for the morning is not
    /// late), else when it was queued. `None`: nothing waits.
    pub oldest_due: Option<DateTime<Utc>>,
}

/// Queues a mail inside the caller's transaction (a macro rather than a
/// generic function, so that the future stays `Send` for both drivers).
macro_rules! insert_mail {
    ($tx:expr, $mail:expr, $booking_id:expr, $now:expr) => {
        insert_mail!($tx, $mail, $booking_id, $now, $now)
    };
    // A mail that is not to go out before `$send_at` (the morning, after quiet hours).
    ($tx:expr, $mail:expr, $booking_id:expr, $now:expr, $send_at:expr) => {{
        let mail: &$crate::store::OutgoingMail = $mail;
        sqlx::query(
            "INSERT INTO outbox (kind, booking_id, message_id, recipient, payload, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $7, $6)",
        )
        .bind(mail.kind)
        .bind($booking_id)
        .bind(mail.message_id.as_str())
        .bind(mail.recipient.as_str())
        .bind(mail.payload.as_str())
        .bind($now)
        .bind($send_at)
        .execute($tx)
        .await
    }};
}
pub(crate) use insert_mail;

const DUE: &str =
    "status = 'queued' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)";

impl Store {
    /// Takes up to `limit` due mails and leases them until `lease_until`.
    ///
    /// PostgreSQL: `FOR UPDATE SKIP LOCKED`, so several instances take
    /// different rows without waiting on each other. SQLite: one statement
    /// on the single writer connection is already exclusive; a read first
    /// spares the writer when nothing is due.
    #[tracing::instrument(skip_all)]
    pub async fn claim_due_mail(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<OutboxMessage>> {
        if let Backend::Sqlite { read, .. } = &self.backend {
            let any_due: Option<i64> =
                sqlx::query_scalar(&format!("SELECT id FROM outbox WHERE {DUE} LIMIT 1"))
                    .bind(now)
                    .fetch_optional(read)
                    .await?;
            if any_due.is_none() {
                return Ok(Vec::new());
            }
        }
        let lock = match self.backend {
            Backend::Postgres(_) => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite { .. } => "",
        };
        let sql = format!(
            "UPDATE outbox SET locked_until = $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox WHERE {DUE} ORDER BY next_attempt_at, id LIMIT $3 {lock})
             RETURNING id, kind, message_id, recipient, payload, attempts"
        );
        let mut claimed: Vec<OutboxMessage> = on_db!(self, pool => {
            sqlx::query_as(&sql).bind(now).bind(lease_until).bind(limit).fetch_all(pool).await?
        });
        claimed.sort_by_key(|m| m.id);
        Ok(claimed)
    }

    /// Marks a mail sent and forgets its payload: it carries the manage
    /// link, whose token is otherwise kept only as a hash.
    ///
    /// This bookkeeping does not wait for the disk. On SQLite
    /// (`synchronous=NORMAL` for this one statement) a kill of the process
    /// loses nothing, a power cut may lose the mark, and then the mail is
    /// sent once more; the next booking's commit flushes it anyway. It
    /// halves the disk flushes of a booking.
    pub async fn mark_mail_sent(&self, id: i64, now: DateTime<Utc>) -> StoreResult<()> {
        if let Backend::Sqlite { write, .. } = &self.backend {
            // Only an integer and a timestamp of our own are written into the text.
            let at = now.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false);
            let sql = format!(
                "PRAGMA synchronous = NORMAL;
                 UPDATE outbox SET status = 'sent', sent_at = '{at}', locked_until = NULL,
                                   last_error = NULL, payload = '{{}}'
                 WHERE id = {id};
                 PRAGMA synchronous = FULL;"
            );
            let result = sqlx::raw_sql(&sql).execute(write).await;
            if result.is_err() {
                sqlx::raw_sql("PRAGMA synchronous = FULL")
                    .execute(write)
                    .await?;
            }
            result?;
            return Ok(());
        }
        if let Backend::Postgres(pool) = &self.backend {
            // On PostgreSQL the statement's own transaction commits without
            // waiting for its WAL flush (`synchronous_commit` off for this
            // transaction only): only a crash of the database server can
            // lose the mark. Still one round trip.
            sqlx::query(
                "UPDATE outbox SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL,
                                   payload = '{}'
                 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush
                 WHERE outbox.id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await?;
        }
        Ok(())
    }

    /// Leaves a mail unsent because what it says is no longer true.
    pub async fn mark_mail_skipped(&self, id: i64) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query("UPDATE outbox SET status = 'skipped', locked_until = NULL, payload = '{}' WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Puts a mail back in the queue after a passing failure.
    pub async fn mark_mail_retry(
        &self,
        id: i64,
        next_attempt_at: DateTime<Utc>,
        error: &str,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET next_attempt_at = $2, locked_until = NULL, last_error = $3
                 WHERE id = $1 AND status = 'queued'",
            )
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Gives up on a mail: the server refused it for good, or retries ran out.
    pub async fn mark_mail_failed(&self, id: i64, error: &str) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query("UPDATE outbox SET status = 'failed', locked_until = NULL, last_error = $2 WHERE id = $1")
                .bind(id)
                .bind(error)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The mails of one booking, oldest first.
    pub async fn mail_for_booking(&self, booking_id: i64) -> StoreResult<Vec<MailState>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT id, kind, status, attempts, last_error, sent_at FROM outbox
                 WHERE booking_id = $1 ORDER BY id",
            )
            .bind(booking_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// How many mails wait to be sent (due or not).
    pub async fn queued_mail_count(&self) -> StoreResult<i64> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'queued'")
                .fetch_one(pool)
                .await?
        }))
    }

    /// How many mails wait and since when the oldest has been due. The
    /// age is left to the caller's clock: no date arithmetic in SQL, where
    /// the dialects differ (and `COUNT` is read as the 64-bit integer both give).
    #[tracing::instrument(skip_all)]
    pub async fn outbox_figures(&self) -> StoreResult<OutboxFigures> {
        let (queued, oldest_due): (i64, Option<DateTime<Utc>>) = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT COUNT(*),
                        MIN(CASE WHEN attempts = 0 THEN next_attempt_at ELSE created_at END)
                 FROM outbox WHERE status = 'queued'",
            )
            .fetch_one(pool)
            .await?
        });
        Ok(OutboxFigures { queued, oldest_due })
    }
}
