//! 産業保健センター: doctors' availability blocks and the interviews
//! proposed into them (what follows an interview is in `health_outcome`).
//!
//! Capacity is guarded by the database: a block's `used_interviews` and
//! `used_minutes` cannot pass its capacity and length (checks), a request
//! has one live interview and a visit block one workplace (partial unique
//! indexes), and a doctor's blocks and interviews never overlap (exclusion
//! constraints on PostgreSQL, triggers on SQLite's single writer).

use super::health::{insert_link, release_interview};
use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Store, StoreError, StoreResult};
use crate::domain::health::preferences::Preferences;
use crate::domain::health::{Block, Place};
use crate::domain::time::to_jst;
use chrono::{DateTime, NaiveDate, Utc};

/// A doctor's block, with what is left of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BlockRecord {
    pub id: i64,
    pub doctor_id: i64,
    pub doctor_name: String,
    pub day: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub capacity: i64,
    pub used_interviews: i64,
    pub used_minutes: i64,
    /// The end of the latest live interview in it.
    pub booked_until: Option<DateTime<Utc>>,
}

impl BlockRecord {
    pub fn place(&self) -> Place {
        Place::parse(&self.place).unwrap_or(Place::Centre)
    }
    /// Where the next interview can start.
    pub fn free_from(&self) -> DateTime<Utc> {
        self.booked_until
            .map_or(self.starts_at, |t| t.max(self.starts_at))
    }
    /// The block as the assistant sees it: only its free tail and what
    /// capacity is left (a visit block already used has none).
    pub fn free(&self) -> Block {
        let left = if self.place() == Place::Visit && self.used_interviews > 0 {
            0
        } else {
            (self.capacity - self.used_interviews).max(0) as u32
        };
        Block {
            id: self.id,
            doctor_id: self.doctor_id,
            date: self.day,
            start: to_jst(self.free_from()).time(),
            end: to_jst(self.ends_at).time(),
            place: self.place(),
            capacity: left,
        }
    }
}

/// A new availability block.
#[derive(Debug, Clone)]
pub struct NewBlock {
    pub doctor_id: i64,
    pub day: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: Place,
    pub capacity: u32,
    pub created_by: String,
}

/// An interview to write: a request in a block at a time.
#[derive(Debug, Clone)]
pub struct NewInterview {
    pub request_id: i64,
    pub block_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub interviews: u32,
    pub minutes: u32,
    pub confirmed_by: String,
}

/// An interview with what the roster, the business and the mails show.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InterviewRecord {
    pub id: i64,
    pub request_id: i64,
    pub block_id: i64,
    pub doctor_id: i64,
    pub doctor_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub interviews: i64,
    pub visit: bool,
    pub status: String,
    /// Recorded after the day: seen, or did not take place.
    pub attended: Option<bool>,
    pub business_name: String,
    pub address: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub lang: String,
    pub received_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub token_hash: String,
    /// When the business accepted the date.
    pub accepted_at: Option<DateTime<Utc>>,
    /// The request's status (`scheduled` while an accepted interview stands).
    pub request_status: String,
}

const BLOCK: &str =
    "SELECT b.id, b.doctor_id, p.name AS doctor_name, b.day, b.starts_at, b.ends_at, b.place,
        b.capacity, b.used_interviews, b.used_minutes,
        (SELECT MAX(i.ends_at) FROM health_interviews i
         WHERE i.block_id = b.id AND i.status IN ('proposed', 'accepted')) AS booked_until
    FROM health_blocks b JOIN professionals p ON p.id = b.doctor_id";

pub(super) const INTERVIEW: &str = "SELECT i.id, i.request_id, i.block_id, i.doctor_id, p.name AS doctor_name, i.starts_at,
        i.ends_at, i.interviews, i.visit, i.status, i.attended, r.business_name, r.address, r.contact_name, r.phone,
        r.email, r.lang, r.received_on, r.due_on, r.token_hash, i.accepted_at, r.status AS request_status
    FROM health_interviews i JOIN health_requests r ON r.id = i.request_id
    JOIN professionals p ON p.id = i.doctor_id";

impl Store {
    /// Adds a doctor's block. `Conflict("health_blocks_no_overlap")` if the
    /// doctor already has a block at that time.
    pub async fn add_health_block(&self, b: &NewBlock, now: DateTime<Utc>) -> StoreResult<i64> {
        let minutes = (b.ends_at - b.starts_at).num_minutes();
        Ok(on_db!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO health_blocks (doctor_id, day, starts_at, ends_at, minutes, place, capacity, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(b.doctor_id)
            .bind(b.day)
            .bind(b.starts_at)
            .bind(b.ends_at)
            .bind(minutes)
            .bind(b.place.code())
            .bind(i64::from(b.capacity))
            .bind(&b.created_by)
            .bind(now)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Blocks dated `from..=to`, by date and time.
    pub async fn health_blocks(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<BlockRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{BLOCK} WHERE b.day >= $1 AND b.day <= $2 ORDER BY b.starts_at, b.id"))
                .bind(from)
                .bind(to)
                .fetch_all(pool)
                .await?
        }))
    }

    pub async fn health_block(&self, id: i64) -> StoreResult<BlockRecord> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{BLOCK} WHERE b.id = $1"))
                .bind(id)
                .fetch_one(pool)
                .await?
        }))
    }

    /// Writes one proposed interview and queues the mail that offers it,
    /// in one transaction: the request must be waiting, the block must
    /// have room (its checks), the doctor must be free (exclusion).
    /// Conflicts: `request_not_waiting`, `health_blocks_capacity`, `health_blocks_length`,
    /// `health_interviews_no_overlap`, `health_interviews_one_per_time`,
    /// `health_interviews_one_visit`.
    #[tracing::instrument(skip_all)]
    pub async fn propose_interview(
        &self,
        i: &NewInterview,
        link: Option<&str>,
        mail: impl FnOnce(i64) -> OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let waiting = sqlx::query(
                "UPDATE health_requests SET status = 'proposed', updated_at = $2 WHERE id = $1 AND status = 'waiting'",
            )
            .bind(i.request_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if waiting == 0 {
                return Err(StoreError::Conflict("request_not_waiting"));
            }
            let (doctor_id, visit): (i64, bool) = sqlx::query_as(
                "UPDATE health_blocks SET used_interviews = used_interviews + $2, used_minutes = used_minutes + $3
                 WHERE id = $1 RETURNING doctor_id, place = 'visit'",
            )
            .bind(i.block_id)
            .bind(i64::from(i.interviews))
            .bind(i64::from(i.minutes))
            .fetch_one(&mut *tx)
            .await
            ?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO health_interviews (request_id, block_id, doctor_id, starts_at, ends_at, interviews,
                     minutes, visit, status, confirmed_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'proposed', $9, $10, $10) RETURNING id",
            )
            .bind(i.request_id)
            .bind(i.block_id)
            .bind(doctor_id)
            .bind(i.starts_at)
            .bind(i.ends_at)
            .bind(i64::from(i.interviews))
            .bind(i64::from(i.minutes))
            .bind(visit)
            .bind(&i.confirmed_by)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            insert_link!(&mut tx, link, i.request_id, now);
            insert_mail!(&mut *tx, &mail(id), None::<i64>, now)?;
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The business answers a proposal: accept (the interview stands) or
    /// ask for another date (the room is given back; the request waits
    /// again in its place). False if there was no proposal to answer.
    /// Asking for another date may bring new preferences (weekdays, time
    /// of day, note): they replace the request's, in the same transaction.
    pub async fn answer_interview(
        &self,
        request_id: i64,
        accept: bool,
        preferences: Option<&Preferences>,
        link: Option<&str>,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let (to_request, ok) = if accept {
                let n = sqlx::query(
                    "UPDATE health_interviews SET status = 'accepted', accepted_at = $2, updated_at = $2
                     WHERE request_id = $1 AND status = 'proposed'",
                )
                .bind(request_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                ("scheduled", n == 1)
            } else {
                let released = release_interview!(&mut tx, request_id, "declined", now);
                ("waiting", released)
            };
            if !ok {
                return Ok(false);
            }
            sqlx::query(
                "UPDATE health_requests SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'proposed'",
            )
            .bind(request_id)
            .bind(to_request)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if let Some(p) = preferences.filter(|_| !accept) {
                sqlx::query(
                    "UPDATE health_requests SET weekdays = $2, time_of_day = $3, preferred_note = $4
                     WHERE id = $1",
                )
                .bind(request_id)
                .bind(p.weekday_codes())
                .bind(p.time_of_day.code())
                .bind(&p.note)
                .execute(&mut *tx)
                .await?;
            }
            insert_link!(&mut tx, link, request_id, now);
            insert_mail!(&mut *tx, mail, None::<i64>, now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The live interview of a request, if any.
    pub async fn live_interview(&self, request_id: i64) -> StoreResult<Option<InterviewRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!(
                "{INTERVIEW} WHERE i.request_id = $1 AND i.status IN ('proposed', 'accepted')"
            ))
            .bind(request_id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Live interviews starting in `[from, to)`, by time (all doctors, or
    /// one), and those that did not take place (kept after the follow-up).
    pub async fn health_interviews(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        doctor_id: Option<i64>,
    ) -> StoreResult<Vec<InterviewRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!(
                "{INTERVIEW} WHERE i.starts_at >= $1 AND i.starts_at < $2
                 AND (i.status IN ('proposed', 'accepted') OR i.attended = FALSE)
                 AND ($3 IS NULL OR i.doctor_id = $3) ORDER BY i.starts_at, i.id"
            ))
            .bind(from)
            .bind(to)
            .bind(doctor_id)
            .fetch_all(pool)
            .await?
        }))
    }
}
