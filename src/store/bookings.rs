//! Bookings (予約) and the claims that hold their slots.

use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Backend, SlotView, Store, StoreResult};
use crate::domain::{BookingDetails, Lang, Profession};
use chrono::{DateTime, Utc};

/// A booking about to be written.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub slot_id: i64,
    pub session_id: i64,
    pub profession: Profession,
    /// The slot's times the booking rules were checked against: the insert
    /// writes nothing unless the slot still has them and its session is
    /// scheduled (a session moved or cancelled meanwhile gives `NotFound`).
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub details: BookingDetails,
    pub token_hash: String,
    pub lang: Lang,
    /// The staff member acting on the caller's behalf, if any.
    pub acted_by: Option<String>,
    /// 「何で知りましたか」 and the link's channel, if given.
    pub source: crate::domain::outreach::Source,
}

/// A booking as its holder sees it through the manage link.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookingRecord {
    pub id: i64,
    pub status: String,
    pub slot_id: i64,
    pub session_id: i64,
    #[sqlx(try_from = "String")]
    pub profession: ProfessionCode,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub created_at: DateTime<Utc>,
    pub token_hash: String,
    /// The staff member who last acted on the caller's behalf.
    pub acted_by: Option<String>,
}

/// A profession read back from a column whose CHECK admits only known codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfessionCode(pub Profession);

impl TryFrom<String> for ProfessionCode {
    type Error = crate::domain::FieldError;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        Profession::parse(&code).map(ProfessionCode)
    }
}

impl BookingRecord {
    pub fn profession(&self) -> Profession {
        self.profession.0
    }
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or(Lang::Ja)
    }
}

/// What a booking records about the person.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookingPerson {
    pub name: String,
    pub name_kana: String,
    pub phone: String,
    pub email: String,
    pub age_band: String,
    pub topic: String,
    pub note: String,
}

pub(super) const INSERT_BOOKING: &str =
    "INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email,
                           age_band, topic, note, lang, created_at, updated_at,
                           session_id, profession, phone_digits, acted_by, heard_from, channel)
     SELECT s.id, 'confirmed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, s.session_id, s.profession, $14, $15,
            $18, $19
     FROM slots s JOIN evening_sessions e ON e.id = s.session_id
     WHERE s.id = $1 AND s.session_id = $12 AND s.profession = $13 AND s.starts_at = $16 AND s.ends_at = $17
       AND e.status = 'scheduled'
     RETURNING id";

/// Binds `$1`–`$19` of [`INSERT_BOOKING`].
macro_rules! bind_booking {
    ($query:expr, $booking:expr, $now:expr) => {{
        let b: &NewBooking = $booking;
        let d = &b.details;
        $query
            .bind(b.slot_id)
            .bind(b.token_hash.as_str())
            .bind(d.name.as_str())
            .bind(d.name_kana.as_str())
            .bind(d.phone.as_str())
            .bind(d.email.as_ref().map_or("", |e| e.as_str()))
            .bind(d.age_band.code())
            .bind(d.topic.code())
            .bind(d.note.as_str())
            .bind(b.lang.code())
            .bind($now)
            .bind(b.session_id)
            .bind(b.profession.code())
            .bind(d.phone.digits())
            .bind(b.acted_by.as_deref())
            .bind(b.starts_at)
            .bind(b.ends_at)
            .bind(b.source.heard_from.as_deref())
            .bind(b.source.channel.as_deref())
    }};
}
pub(super) use bind_booking;

const RECORD: &str =
    "SELECT b.id, b.status, b.slot_id, s.session_id, s.profession, s.starts_at, s.ends_at,
        e.venue, b.name, b.email, b.lang, b.created_at, b.token_hash, b.acted_by
    FROM bookings b JOIN slots s ON s.id = b.slot_id
    JOIN evening_sessions e ON e.id = s.session_id";

impl Store {
    /// [`Store::create_booking`] in a transaction of its own.
    pub(super) async fn insert_booking(
        &self,
        booking: &NewBooking,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        if let (Backend::Postgres(pool), Some(mail)) = (&self.backend, mail) {
            let sql = format!(
                "WITH b AS ({INSERT_BOOKING})
                 INSERT INTO outbox (kind, booking_id, message_id, recipient, payload,
                                     next_attempt_at, created_at)
                 SELECT $20, b.id, $21, $22, $23, $11, $11 FROM b
                 RETURNING booking_id"
            );
            let id: i64 = bind_booking!(sqlx::query_scalar(&sql), booking, now)
                .bind(mail.kind)
                .bind(mail.message_id.as_str())
                .bind(mail.recipient.as_str())
                .bind(mail.payload.as_str())
                .fetch_one(pool)
                .await?;
            return Ok(id);
        }
        let ids = self
            .create_bookings(std::slice::from_ref(booking), mail, now)
            .await?;
        Ok(ids[0])
    }

    /// Writes bookings made together (both professionals in one form) and
    /// their one mail: all of them, or none.
    #[tracing::instrument(skip_all)]
    pub async fn create_bookings(
        &self,
        bookings: &[NewBooking],
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<i64>> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let mut ids = Vec::with_capacity(bookings.len());
            for booking in bookings {
                let id: i64 = bind_booking!(sqlx::query_scalar(INSERT_BOOKING), booking, now)
                    .fetch_one(&mut *tx)
                    .await?;
                ids.push(id);
            }
            if let Some(mail) = mail {
                insert_mail!(&mut *tx, mail, ids.first().copied(), now)?;
            }
            tx.commit().await?;
            Ok(ids)
        })
    }

    /// Cancels a confirmed booking and queues its mail. `false` when it was
    /// not confirmed (already cancelled, or moved away by a racing request).
    #[tracing::instrument(skip_all)]
    pub async fn cancel_booking(
        &self,
        id: i64,
        acted_by: Option<&str>,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE bookings SET status = 'cancelled', cancelled_at = $2, updated_at = $2, acted_by = $3
                 WHERE id = $1 AND status = 'confirmed'",
            )
            .bind(id)
            .bind(now)
            .bind(acted_by)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            if let Some(mail) = mail {
                insert_mail!(&mut *tx, mail, Some(id), now)?;
            }
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Moves a confirmed booking to another slot in one statement: the
    /// booking is never on both slots, never on neither. A slot already
    /// taken gives `Conflict`; `false` when the booking is not confirmed.
    #[tracing::instrument(skip_all)]
    pub async fn move_booking(
        &self,
        id: i64,
        to: &SlotView,
        acted_by: Option<&str>,
        mail: Option<(&OutgoingMail, &str)>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE bookings SET slot_id = $2, session_id = $3, profession = $4, updated_at = $5, acted_by = $6
                 WHERE id = $1 AND status = 'confirmed'",
            )
            .bind(id)
            .bind(to.id)
            .bind(to.session_id)
            .bind(to.profession.code())
            .bind(now)
            .bind(acted_by)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            if let Some((mail, link_token_hash)) = mail {
                // The change mail's own manage link, to the booking's group.
                sqlx::query(
                    "INSERT INTO manage_tokens (token_hash, group_hash, created_at)
                     SELECT $1, token_hash, $2 FROM bookings WHERE id = $3",
                )
                .bind(link_token_hash)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                insert_mail!(&mut *tx, mail, Some(id), now)?;
            }
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The bookings a manage link's token hash points to (two for a
    /// both-professionals booking), earliest slot first.
    #[tracing::instrument(skip_all)]
    pub async fn bookings_by_token_hash(
        &self,
        token_hash: &str,
    ) -> StoreResult<Vec<BookingRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE b.token_hash = $1 AND b.status IN ('confirmed', 'cancelled')
                                     ORDER BY s.starts_at, s.profession"))
                .bind(token_hash)
                .fetch_all(pool)
                .await?
        }))
    }

    /// The confirmed bookings of an evening.
    pub async fn session_bookings(&self, session_id: i64) -> StoreResult<Vec<BookingRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE s.session_id = $1 AND b.status = 'confirmed' ORDER BY s.starts_at, b.id"))
                .bind(session_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// One booking, for staff acting on a caller's behalf.
    pub async fn booking_by_id(&self, id: i64) -> StoreResult<Option<BookingRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE b.id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The person behind a booking. Only for those who need it: staff
    /// views log each read (要配慮個人情報).
    pub async fn booking_person(&self, id: i64) -> StoreResult<Option<BookingPerson>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT name, name_kana, phone, email, age_band, topic, note FROM bookings WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Ids of all bookings, oldest first.
    pub async fn all_booking_ids(&self) -> StoreResult<Vec<i64>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT id FROM bookings ORDER BY id").fetch_all(pool).await?
        }))
    }

    /// How many bookings there are, in any state.
    pub async fn count_bookings(&self) -> StoreResult<i64> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM bookings").fetch_one(pool).await?
        }))
    }
}

impl Store {
    /// 相談内容の分類 of a booking, for the other services its page shows.
    pub async fn booking_topic(&self, id: i64) -> StoreResult<Option<String>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT topic FROM bookings WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }
}
