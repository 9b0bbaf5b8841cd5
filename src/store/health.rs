//! 産業保健センター: requests and their services, the queue's order and
//! the business's own changes (contact, withdrawal). Doctors' blocks and
//! interviews are in `health_schedule`.

use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Store, StoreResult};
use crate::domain::health::preferences::weekdays_from_codes;
use crate::domain::health::{self, Pending, Place, Queued, ServiceAsk, ServiceKind, TimeOfDay};
use chrono::{DateTime, NaiveDate, Utc};

/// A request every field of which is valid, ready to store.
#[derive(Debug, Clone)]
pub struct NewHealthRequest {
    pub token_hash: String,
    pub business_name: String,
    pub address: String,
    pub workers: u32,
    pub industry: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub place: Place,
    pub weekdays: String,
    pub time_of_day: TimeOfDay,
    pub preferred_note: String,
    pub lang: String,
    pub received_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub interviews: u32,
    pub minutes: u32,
    pub services: Vec<ServiceAsk>,
    /// 「何で知りましたか」 and the link's channel, if given.
    pub source: crate::domain::outreach::Source,
}

/// A stored request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HealthRequestRecord {
    pub id: i64,
    pub status: String,
    pub business_name: String,
    pub address: String,
    pub workers: i64,
    pub industry: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub place: String,
    pub weekdays: String,
    pub time_of_day: String,
    pub preferred_note: String,
    pub lang: String,
    pub received_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub moved_to: Option<NaiveDate>,
    pub move_reason: Option<String>,
    pub interviews: i64,
    pub minutes: i64,
    pub token_hash: String,
    /// Closed by the centre after an interview did not take place (the
    /// status is then `withdrawn`), with the reason told to the business.
    pub closed_reason: Option<String>,
}

impl HealthRequestRecord {
    /// The number a business quotes on the phone: year received and id.
    pub fn number(&self) -> String {
        request_number(self.received_on, self.id)
    }
    pub fn queued(&self) -> Queued {
        Queued {
            id: self.id,
            seq: self.id,
            due: self.due_on,
            moved_to: self.moved_to,
        }
    }
    pub fn place(&self) -> Place {
        Place::parse(&self.place).unwrap_or(Place::Centre)
    }
    pub fn pending(&self) -> Pending {
        Pending {
            queued: self.queued(),
            place: self.place(),
            weekdays: weekdays_from_codes(&self.weekdays),
            time_of_day: TimeOfDay::parse(&self.time_of_day).unwrap_or(TimeOfDay::Any),
            interviews: self.interviews.max(0) as u32,
            minutes: self.minutes.max(0) as u32,
        }
    }
}

/// `H2026-00012`.
pub fn request_number(received_on: NaiveDate, id: i64) -> String {
    use chrono::Datelike;
    format!("H{}-{id:05}", received_on.year())
}

/// One service of a stored request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HealthServiceRecord {
    pub request_id: i64,
    pub kind: String,
    pub workers: i64,
    pub requested_on: Option<NaiveDate>,
    pub checked_on: Option<NaiveDate>,
}

impl HealthServiceRecord {
    pub fn kind(&self) -> ServiceKind {
        ServiceKind::parse(&self.kind).unwrap_or(ServiceKind::Consultation)
    }
}

/// Sets the live interview of a request to `$status` and gives its room
/// back to the block; evaluates to whether there was one.
macro_rules! release_interview {
    ($tx:expr, $request_id:expr, $status:expr, $now:expr) => {{
        let released: Option<(i64, i64, i64)> = sqlx::query_as(
            "UPDATE health_interviews SET status = $2, updated_at = $3
             WHERE request_id = $1 AND status IN ('proposed', 'accepted')
             RETURNING block_id, interviews, minutes",
        )
        .bind($request_id)
        .bind($status)
        .bind($now)
        .fetch_optional(&mut **$tx)
        .await?;
        if let Some((block_id, interviews, minutes)) = released {
            sqlx::query(
                "UPDATE health_blocks SET used_interviews = used_interviews - $2, used_minutes = used_minutes - $3
                 WHERE id = $1",
            )
            .bind(block_id)
            .bind(interviews)
            .bind(minutes)
            .execute(&mut **$tx)
            .await?;
        }
        released.is_some()
    }};
}

/// Records a further status-page link (its hash) for a request, inside
/// the caller's transaction.
macro_rules! insert_link {
    ($tx:expr, $link:expr, $request_id:expr, $now:expr) => {{
        if let Some(hash) = $link {
            sqlx::query(
                "INSERT INTO health_links (token_hash, request_id, created_at) VALUES ($1, $2, $3)",
            )
            .bind(hash)
            .bind($request_id)
            .bind($now)
            .execute(&mut **$tx)
            .await?;
        }
    }};
}

pub(super) use insert_link;
pub(super) use release_interview;

const REQUEST: &str = "SELECT id, status, business_name, address, workers, industry, contact_name, phone, email,
        place, weekdays, time_of_day, preferred_note, lang, received_on, due_on, moved_to, move_reason,
        interviews, minutes, token_hash, closed_reason FROM health_requests";

impl Store {
    /// Stores a request with its services and queues its mail, all in one
    /// transaction. Requests take the queue's lock row in turn, so each
    /// position counts every request before it. Returns (id, position).
    #[tracing::instrument(skip_all)]
    pub async fn create_health_request(
        &self,
        r: &NewHealthRequest,
        mail: impl FnOnce(i64, usize) -> OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<(i64, usize)> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO health_queue_lock (id, joins) VALUES (1, 1)
                 ON CONFLICT (id) DO UPDATE SET joins = health_queue_lock.joins + 1",
            )
            .execute(&mut *tx)
            .await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO health_requests (token_hash, status, business_name, address, workers, industry,
                     contact_name, phone, email, place, weekdays, time_of_day, preferred_note, lang,
                     received_on, due_on, interviews, minutes, created_at, updated_at, heard_from, channel)
                 VALUES ($1, 'waiting', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18,
                         $19, $20)
                 RETURNING id",
            )
            .bind(&r.token_hash)
            .bind(&r.business_name)
            .bind(&r.address)
            .bind(i64::from(r.workers))
            .bind(&r.industry)
            .bind(&r.contact_name)
            .bind(&r.phone)
            .bind(&r.email)
            .bind(r.place.code())
            .bind(&r.weekdays)
            .bind(r.time_of_day.code())
            .bind(&r.preferred_note)
            .bind(&r.lang)
            .bind(r.received_on)
            .bind(r.due_on)
            .bind(i64::from(r.interviews))
            .bind(i64::from(r.minutes))
            .bind(now)
            .bind(r.source.heard_from.as_deref())
            .bind(r.source.channel.as_deref())
            .fetch_one(&mut *tx)
            .await?;
            for s in &r.services {
                sqlx::query(
                    "INSERT INTO health_services (request_id, kind, workers, requested_on, checked_on)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(s.kind.code())
                .bind(i64::from(s.workers))
                .bind(s.requested_on)
                .bind(s.checked_on)
                .execute(&mut *tx)
                .await?;
            }
            let waiting: Vec<(i64, Option<NaiveDate>, Option<NaiveDate>)> = sqlx::query_as(
                "SELECT id, due_on, moved_to FROM health_requests WHERE status = 'waiting'",
            )
            .fetch_all(&mut *tx)
            .await?;
            let queue = waiting
                .into_iter()
                .map(|(id, due, moved_to)| Queued { id, seq: id, due, moved_to })
                .collect();
            let position = health::position(queue, id);
            insert_mail!(&mut *tx, &mail(id, position), None::<i64>, now)?;
            tx.commit().await?;
            Ok((id, position))
        })
    }

    /// Requests still to be seen (waiting or with an interview proposed or
    /// accepted), unordered.
    pub async fn health_requests_open(&self) -> StoreResult<Vec<HealthRequestRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{REQUEST} WHERE status IN ('waiting', 'proposed', 'scheduled')"))
                .fetch_all(pool)
                .await?
        }))
    }

    pub async fn health_request(&self, id: i64) -> StoreResult<HealthRequestRecord> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{REQUEST} WHERE id = $1"))
                .bind(id)
                .fetch_one(pool)
                .await?
        }))
    }

    /// The request a status-page token opens: the one given at request
    /// time, or one carried by a later mail.
    pub async fn health_request_by_token(
        &self,
        token_hash: &str,
    ) -> StoreResult<HealthRequestRecord> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!(
                "{REQUEST} WHERE token_hash = $1
                 OR id = (SELECT request_id FROM health_links WHERE token_hash = $1)"
            ))
                .bind(token_hash)
                .fetch_one(pool)
                .await?
        }))
    }

    /// The services of the requests given (all open requests when `None`).
    pub async fn health_services(
        &self,
        request_id: Option<i64>,
    ) -> StoreResult<Vec<HealthServiceRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT s.request_id, s.kind, s.workers, s.requested_on, s.checked_on
                 FROM health_services s JOIN health_requests r ON r.id = s.request_id
                 WHERE ($1 IS NULL AND r.status IN ('waiting', 'proposed', 'scheduled')) OR s.request_id = $1
                 ORDER BY s.request_id, s.kind",
            )
            .bind(request_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// New contact details. False if the request is withdrawn or unknown.
    pub async fn update_health_contact(
        &self,
        id: i64,
        contact_name: &str,
        phone: &str,
        email: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query(
                "UPDATE health_requests SET contact_name = $2, phone = $3, email = $4, updated_at = $5
                 WHERE id = $1 AND status <> 'withdrawn'",
            )
            .bind(id)
            .bind(contact_name)
            .bind(phone)
            .bind(email)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
                == 1
        }))
    }

    /// Staff move a request in the queue: it sorts as if due `moved_to`.
    pub async fn move_health_request(
        &self,
        id: i64,
        moved_to: Option<NaiveDate>,
        reason: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query(
                "UPDATE health_requests SET moved_to = $2, move_reason = $3, updated_at = $4
                 WHERE id = $1 AND status IN ('waiting', 'proposed')",
            )
            .bind(id)
            .bind(moved_to)
            .bind(reason)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
                == 1
        }))
    }

    /// Withdraws a request; a live interview is cancelled and its room in
    /// the block given back. False if it was already withdrawn.
    pub async fn withdraw_health_request(
        &self,
        id: i64,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE health_requests SET status = 'withdrawn', updated_at = $2
                 WHERE id = $1 AND status <> 'withdrawn'",
            )
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            let _ = release_interview!(&mut tx, id, "cancelled", now);
            insert_mail!(&mut *tx, mail, None::<i64>, now)?;
            tx.commit().await?;
            Ok(true)
        })
    }
}
