//! Bookings that arrive together are written together (group commit).
//!
//! A single booking with its mail is handed to a few writer tasks. Each
//! takes what is waiting (up to [`MAX_BATCH`]) and writes it in one
//! transaction, so that one commit, and one flush of the disk, serves every
//! booking of the batch. Nobody waits for a batch to fill: a booking that
//! finds the writers idle is written at once, alone. Each caller still gets
//! its answer only after the commit that holds its booking, and the same
//! guards decide: the partial unique indexes, and the slot's times and
//! evening's status in the insert.
//!
//! - PostgreSQL: one statement for the batch (`unnest` of arrays; `ON
//!   CONFLICT DO NOTHING`). A booking that statement did not write (its
//!   slot taken, by another booking of the same batch or of another
//!   transaction; the person already booked; the slot moved) is written
//!   again alone, which gives its exact answer. If the statement fails as a
//!   whole (a deadlock between two batches, say), every booking is written
//!   alone.
//! - SQLite: one transaction on the single writer connection, a savepoint
//!   per booking, so that a refused booking leaves the others of its batch.

use super::bookings::{bind_booking, INSERT_BOOKING};
use super::outbox::{insert_mail, OutgoingMail};
use super::{Backend, NewBooking, Store, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, Mutex};

/// At most this many bookings share a commit.
const MAX_BATCH: usize = 32;

/// A booking with its confirmation mail, to be written.
#[derive(Debug, Clone)]
pub struct BookingWrite {
    pub booking: NewBooking,
    pub mail: OutgoingMail,
    pub now: DateTime<Utc>,
}

struct Pending {
    write: BookingWrite,
    reply: oneshot::Sender<StoreResult<i64>>,
}

/// The queue in front of the writer tasks.
#[derive(Debug, Clone)]
pub(super) struct BookingWriter {
    queue: mpsc::Sender<Pending>,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pending")
    }
}

impl BookingWriter {
    /// Starts `writers` tasks writing through `store` (a store without a
    /// writer of its own, so that the tasks end when the last store that
    /// queues to them is dropped).
    pub(super) fn start(store: Store, writers: usize) -> Self {
        let (queue, receiver) = mpsc::channel::<Pending>(1024);
        let receiver = Arc::new(Mutex::new(receiver));
        for _ in 0..writers.max(1) {
            let (store, receiver) = (store.clone(), receiver.clone());
            tokio::spawn(async move {
                while let Some(batch) = next_batch(&receiver).await {
                    let (writes, replies): (Vec<BookingWrite>, Vec<_>) =
                        batch.into_iter().map(|p| (p.write, p.reply)).unzip();
                    let results = store.write_booking_batch(&writes).await;
                    for (reply, result) in replies.into_iter().zip(results) {
                        // The caller may have gone (a dropped request): its booking stands.
                        let _ = reply.send(result);
                    }
                }
            });
        }
        Self { queue }
    }

    /// Queues one booking and waits for the commit that writes it. If the
    /// writers are gone (the runtime shutting down), writes it directly.
    pub(super) async fn write(&self, store: &Store, write: BookingWrite) -> StoreResult<i64> {
        let (reply, answer) = oneshot::channel();
        let pending = Pending { write, reply };
        if let Err(mpsc::error::SendError(pending)) = self.queue.send(pending).await {
            return store.write_one(&pending.write).await;
        }
        match answer.await {
            Ok(result) => result,
            Err(_) => Err(StoreError::Database(sqlx::Error::WorkerCrashed)),
        }
    }
}

/// Waits for one booking, then takes whatever else is already waiting.
async fn next_batch(receiver: &Mutex<mpsc::Receiver<Pending>>) -> Option<Vec<Pending>> {
    let mut receiver = receiver.lock().await;
    let first = receiver.recv().await?;
    let mut batch = vec![first];
    while batch.len() < MAX_BATCH {
        match receiver.try_recv() {
            Ok(pending) => batch.push(pending),
            Err(_) => break,
        }
    }
    Some(batch)
}

/// The batch statement on PostgreSQL: the bookings as arrays, the rows
/// `unnest` makes of them joined to their slots as in [`INSERT_BOOKING`].
const INSERT_BATCH: &str = "
WITH input AS (
    SELECT * FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[],
                         $12::int8[], $13::text[], $14::text[], $15::text[], $16::timestamptz[],
                         $17::timestamptz[], $18::text[], $19::text[], $20::text[], $21::text[],
                         $22::text[], $23::text[])
        AS i (slot_id, token_hash, name, name_kana, phone, email, age_band, topic, note, lang, at,
              session_id, profession, phone_digits, acted_by, starts_at, ends_at,
              kind, message_id, recipient, payload, heard_from, channel)
),
b AS (
    INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email,
                          age_band, topic, note, lang, created_at, updated_at,
                          session_id, profession, phone_digits, acted_by, heard_from, channel)
    SELECT s.id, 'confirmed', i.token_hash, i.name, i.name_kana, i.phone, i.email, i.age_band,
           i.topic, i.note, i.lang, i.at, i.at, s.session_id, s.profession, i.phone_digits, i.acted_by,
           i.heard_from, i.channel
    FROM input i
    JOIN slots s ON s.id = i.slot_id AND s.session_id = i.session_id AND s.profession = i.profession
                AND s.starts_at = i.starts_at AND s.ends_at = i.ends_at
    JOIN evening_sessions e ON e.id = s.session_id AND e.status = 'scheduled'
    ORDER BY s.id
    ON CONFLICT DO NOTHING
    RETURNING id, token_hash
),
mail AS (
    INSERT INTO outbox (kind, booking_id, message_id, recipient, payload, next_attempt_at, created_at)
    SELECT i.kind, b.id, i.message_id, i.recipient, i.payload, i.at, i.at
    FROM b JOIN input i ON i.token_hash = b.token_hash
)
SELECT id, token_hash FROM b";

impl Store {
    /// Writes a confirmed booking and its confirmation mail atomically. A
    /// slot already booked or held gives
    /// [`StoreError::Conflict`](super::StoreError::Conflict): the partial
    /// unique index `bookings_one_per_slot` is the guard, not a check in code.
    ///
    /// On PostgreSQL both rows are written by one statement (one round trip,
    /// its own transaction); SQLite, in process, runs the two inserts in a
    /// transaction on its single writer.
    ///
    /// A booking with a mail joins the bookings being written at the same
    /// moment, to share their commit (see this module).
    #[tracing::instrument(skip_all)]
    pub async fn create_booking(
        &self,
        booking: &NewBooking,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        if let (Some(writer), Some(mail)) = (&self.writer, mail) {
            let write = BookingWrite {
                booking: booking.clone(),
                mail: mail.clone(),
                now,
            };
            return writer.write(self, write).await;
        }
        self.insert_booking(booking, mail, now).await
    }

    /// Writes bookings with their mails, one commit for all; the answer of
    /// each, in order, as if each had been written alone.
    pub async fn write_booking_batch(&self, writes: &[BookingWrite]) -> Vec<StoreResult<i64>> {
        let distinct: HashSet<&str> = writes
            .iter()
            .map(|w| w.booking.token_hash.as_str())
            .collect();
        // A batch of one, or one whose rows could not be told apart, goes one by one.
        let mut written = vec![None; writes.len()];
        if writes.len() > 1 && distinct.len() == writes.len() {
            match self.write_batch_once(writes).await {
                Ok(ids) => written = ids,
                Err(e) => {
                    tracing::warn!(error = %e, size = writes.len(), "booking batch failed; writing one by one")
                }
            }
        }
        let mut answers = Vec::with_capacity(writes.len());
        for (write, id) in writes.iter().zip(written) {
            answers.push(match id {
                Some(id) => Ok(id),
                None => self.write_one(write).await,
            });
        }
        answers
    }

    /// The batch in one commit, without second tries: the id of each
    /// booking written, `None` for each one refused or stale.
    pub async fn write_batch_once(&self, writes: &[BookingWrite]) -> StoreResult<Vec<Option<i64>>> {
        match &self.backend {
            Backend::Postgres(pool) => postgres_batch(pool, writes).await,
            Backend::Sqlite { write, .. } => sqlite_batch(write, writes).await,
        }
    }

    /// One booking with its mail, in its own transaction.
    pub(super) async fn write_one(&self, write: &BookingWrite) -> StoreResult<i64> {
        self.insert_booking(&write.booking, Some(&write.mail), write.now)
            .await
    }
}

/// The id of each booking the statement wrote, `None` for the others.
async fn postgres_batch(
    pool: &sqlx::PgPool,
    writes: &[BookingWrite],
) -> StoreResult<Vec<Option<i64>>> {
    let column = |f: fn(&BookingWrite) -> String| writes.iter().map(f).collect::<Vec<String>>();
    let rows: Vec<(i64, String)> = sqlx::query_as(INSERT_BATCH)
        .bind(writes.iter().map(|w| w.booking.slot_id).collect::<Vec<_>>())
        .bind(column(|w| w.booking.token_hash.clone()))
        .bind(column(|w| w.booking.details.name.as_str().to_string()))
        .bind(column(|w| w.booking.details.name_kana.as_str().to_string()))
        .bind(column(|w| w.booking.details.phone.as_str().to_string()))
        .bind(column(|w| {
            w.booking
                .details
                .email
                .as_ref()
                .map_or("", |e| e.as_str())
                .to_string()
        }))
        .bind(column(|w| w.booking.details.age_band.code().to_string()))
        .bind(column(|w| w.booking.details.topic.code().to_string()))
        .bind(column(|w| w.booking.details.note.as_str().to_string()))
        .bind(column(|w| w.booking.lang.code().to_string()))
        .bind(writes.iter().map(|w| w.now).collect::<Vec<_>>())
        .bind(
            writes
                .iter()
                .map(|w| w.booking.session_id)
                .collect::<Vec<_>>(),
        )
        .bind(column(|w| w.booking.profession.code().to_string()))
        .bind(column(|w| w.booking.details.phone.digits()))
        .bind(
            writes
                .iter()
                .map(|w| w.booking.acted_by.clone())
                .collect::<Vec<Option<String>>>(),
        )
        .bind(
            writes
                .iter()
                .map(|w| w.booking.starts_at)
                .collect::<Vec<_>>(),
        )
        .bind(writes.iter().map(|w| w.booking.ends_at).collect::<Vec<_>>())
        .bind(column(|w| w.mail.kind.to_string()))
        .bind(column(|w| w.mail.message_id.clone()))
        .bind(column(|w| w.mail.recipient.clone()))
        .bind(column(|w| w.mail.payload.clone()))
        .bind(
            writes
                .iter()
                .map(|w| w.booking.source.heard_from.clone())
                .collect::<Vec<Option<String>>>(),
        )
        .bind(
            writes
                .iter()
                .map(|w| w.booking.source.channel.clone())
                .collect::<Vec<Option<String>>>(),
        )
        .fetch_all(pool)
        .await?;
    Ok(writes
        .iter()
        .map(|w| {
            rows.iter()
                .find(|(_, token)| *token == w.booking.token_hash)
                .map(|(id, _)| *id)
        })
        .collect())
}

/// One transaction, a savepoint per booking: a refused booking is rolled
/// back alone and left to be written again alone (`None`).
async fn sqlite_batch(
    pool: &sqlx::SqlitePool,
    writes: &[BookingWrite],
) -> StoreResult<Vec<Option<i64>>> {
    let mut tx = pool.begin().await?;
    let mut ids = Vec::with_capacity(writes.len());
    for w in writes {
        sqlx::query("SAVEPOINT booking").execute(&mut *tx).await?;
        let id: Option<i64> = bind_booking!(sqlx::query_scalar(INSERT_BOOKING), &w.booking, w.now)
            .fetch_optional(&mut *tx)
            .await
            .ok()
            .flatten();
        let written = match id {
            Some(id) => insert_mail!(&mut *tx, &w.mail, Some(id), w.now)
                .ok()
                .map(|_| id),
            None => None,
        };
        if written.is_none() {
            sqlx::query("ROLLBACK TO booking").execute(&mut *tx).await?;
        }
        sqlx::query("RELEASE booking").execute(&mut *tx).await?;
        ids.push(written);
    }
    tx.commit().await?;
    Ok(ids)
}
