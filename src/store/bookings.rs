//! Bookings (予約) and the claims that hold their slots.

use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Store, StoreResult};
use crate::domain::{BookingDetails, Lang, Profession};
use chrono::{DateTime, Utc};

/// A booking about to be written.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub slot_id: i64,
    pub details: BookingDetails,
    pub token_hash: String,
    pub lang: Lang,
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

impl Store {
    /// Writes a confirmed booking, the claim on its slot and its
    /// confirmation mail in one transaction. A slot already claimed gives
    /// [`StoreError::Conflict`](super::StoreError::Conflict): the primary key
    /// of `slot_claims` and the partial unique index on confirmed bookings
    /// are the guards, not a check in code.
    #[tracing::instrument(skip_all)]
    pub async fn create_booking(
        &self,
        booking: &NewBooking,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        let d = &booking.details;
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email,
                                       age_band, topic, note, lang, created_at, updated_at)
                 VALUES ($1, 'confirmed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
                 RETURNING id",
            )
            .bind(booking.slot_id)
            .bind(&booking.token_hash)
            .bind(d.name.as_str())
            .bind(d.name_kana.as_str())
            .bind(d.phone.as_str())
            .bind(d.email.as_str())
            .bind(d.age_band.code())
            .bind(d.topic.code())
            .bind(d.note.as_str())
            .bind(booking.lang.code())
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO slot_claims (slot_id, booking_id, claimed_at) VALUES ($1, $2, $3)")
                .bind(booking.slot_id)
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if let Some(mail) = mail {
                insert_mail!(&mut *tx, mail, Some(id), now)?;
            }
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The booking a manage link's token hash points to.
    #[tracing::instrument(skip_all)]
    pub async fn booking_by_token_hash(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<BookingRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT b.id, b.status, b.slot_id, s.session_id, s.profession, s.starts_at, s.ends_at,
                        e.venue, b.name, b.email, b.lang, b.created_at
                 FROM bookings b JOIN slots s ON s.id = b.slot_id
                 JOIN evening_sessions e ON e.id = s.session_id
                 WHERE b.token_hash = $1",
            )
            .bind(token_hash)
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
