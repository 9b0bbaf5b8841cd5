//! キャンセル待ち (waitlist entries) and the offers of freed slots.

use super::outbox::{insert_mail, OutgoingMail};
use super::sessions::SLOT_COLUMNS;
use super::{on_db, SlotView, Store, StoreResult};
use crate::domain::rules::OfferTimes;
use crate::domain::waitlist::{position, Candidate, Contact};
use crate::domain::{Lang, Profession};
use chrono::{DateTime, Utc};

/// A person joining the waitlist, every field valid.
#[derive(Debug, Clone)]
pub struct NewWaitlistEntry {
    pub session_id: Option<i64>,
    pub profession: Profession,
    pub token_hash: String,
    pub name: String,
    pub name_kana: String,
    pub phone: String,
    pub phone_digits: String,
    pub email: String,
    /// The optional questions: a code, or '' when not answered.
    pub age_band: String,
    pub topic: String,
    pub note: String,
    pub lang: Lang,
    pub acted_by: Option<String>,
    /// 「何で知りましたか」 and the link's channel, if given.
    pub source: crate::domain::outreach::Source,
}

/// A waitlist entry as its holder sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WaitlistRecord {
    pub id: i64,
    pub session_id: Option<i64>,
    pub profession: String,
    pub status: String,
    pub name: String,
    pub email: String,
    pub phone_digits: String,
    pub lang: String,
    pub session_starts_at: Option<DateTime<Utc>>,
}

impl WaitlistRecord {
    pub fn profession(&self) -> Profession {
        Profession::parse(&self.profession).unwrap_or(Profession::Lawyer)
    }
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or(Lang::Ja)
    }
    pub fn candidate(&self) -> Candidate {
        Candidate {
            entry_id: self.id,
            session_id: self.session_id,
            email: self.email.clone(),
            phone_digits: self.phone_digits.clone(),
        }
    }
}

/// A slot held for someone on the waitlist (a booking in state `held`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OfferRecord {
    pub booking_id: i64,
    pub status: String,
    pub slot_id: i64,
    pub session_id: i64,
    pub profession: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    pub offer_expires_at: Option<DateTime<Utc>>,
    /// The waitlist entry it was offered to; `None` for a follow-up hold.
    pub entry_id: Option<i64>,
    /// The referral that made it, for a follow-up hold (継続相談).
    pub referral_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub lang: String,
}

impl OfferRecord {
    pub fn profession(&self) -> Profession {
        Profession::parse(&self.profession).unwrap_or(Profession::Lawyer)
    }
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or(Lang::Ja)
    }
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    id: i64,
    session_id: Option<i64>,
    email: String,
    phone_digits: String,
}

impl From<CandidateRow> for Candidate {
    fn from(r: CandidateRow) -> Candidate {
        Candidate {
            entry_id: r.id,
            session_id: r.session_id,
            email: r.email,
            phone_digits: r.phone_digits,
        }
    }
}

const OFFER: &str = "SELECT b.id AS booking_id, b.status, b.slot_id, s.session_id, s.profession, s.starts_at,
        s.ends_at, e.venue, b.offer_expires_at, b.waitlist_entry_id AS entry_id, b.referral_id,
        b.name, b.email, b.lang
    FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN evening_sessions e ON e.id = s.session_id";

/// For a follow-up hold (継続相談), the referral that made it takes the
/// answer (`connected`, `declined`, `unreachable` when it ran out), with
/// its step, in the transaction `$tx`; nothing for a waitlist offer.
macro_rules! follow_up_answered {
    ($tx:ident, $offer:expr, $status:expr, $now:expr) => {
        if let Some(referral) = $offer.referral_id {
            let moved = sqlx::query(
                "UPDATE referrals SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'sent'",
            )
            .bind(referral)
            .bind($status)
            .bind($now)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if moved > 0 {
                sqlx::query(
                    "INSERT INTO referral_updates (referral_id, at, actor, status) VALUES ($1, $2, 'person', $3)",
                )
                .bind(referral)
                .bind($now)
                .bind($status)
                .execute(&mut *$tx)
                .await?;
            }
        }
    };
}

impl Store {
    /// Adds a person to the waitlist and queues the mail that tells their
    /// place. Joins of one profession take one lock row in turn, so that
    /// each counts every join before it: positions are distinct.
    #[tracing::instrument(skip_all)]
    pub async fn join_waitlist(
        &self,
        entry: &NewWaitlistEntry,
        mail: impl FnOnce(usize) -> OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<(i64, usize)> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO waitlist_locks (profession, joins) VALUES ($1, 1)
                 ON CONFLICT (profession) DO UPDATE SET joins = waitlist_locks.joins + 1",
            )
            .bind(entry.profession.code())
            .execute(&mut *tx)
            .await?;
            let waiting: Vec<CandidateRow> = sqlx::query_as(
                "SELECT id, session_id, email, phone_digits FROM waitlist_entries
                 WHERE profession = $1 AND status = 'waiting'",
            )
            .bind(entry.profession.code())
            .fetch_all(&mut *tx)
            .await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO waitlist_entries (session_id, profession, status, token_hash, name, name_kana,
                                               phone, phone_digits, email, lang, acted_by, created_at, updated_at,
                                               age_band, topic, note, heard_from, channel)
                 VALUES ($1, $2, 'waiting', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16)
                 RETURNING id",
            )
            .bind(entry.session_id)
            .bind(entry.profession.code())
            .bind(&entry.token_hash)
            .bind(&entry.name)
            .bind(&entry.name_kana)
            .bind(&entry.phone)
            .bind(&entry.phone_digits)
            .bind(&entry.email)
            .bind(entry.lang.code())
            .bind(entry.acted_by.as_deref())
            .bind(now)
            .bind(&entry.age_band)
            .bind(&entry.topic)
            .bind(&entry.note)
            .bind(entry.source.heard_from.as_deref())
            .bind(entry.source.channel.as_deref())
            .fetch_one(&mut *tx)
            .await?;
            let me = Candidate {
                entry_id: id,
                session_id: entry.session_id,
                email: entry.email.clone(),
                phone_digits: entry.phone_digits.clone(),
            };
            let waiting: Vec<Candidate> = waiting.into_iter().map(Candidate::from).collect();
            let place = position(&me, &waiting);
            insert_mail!(&mut *tx, &mail(place), None::<i64>, now)?;
            tx.commit().await?;
            Ok((id, place))
        })
    }

    #[tracing::instrument(skip_all)]
    pub async fn waitlist_entry_by_token_hash(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<WaitlistRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT w.id, w.session_id, w.profession, w.status, w.name, w.email, w.phone_digits, w.lang,
                        e.starts_at AS session_starts_at
                 FROM waitlist_entries w LEFT JOIN evening_sessions e ON e.id = w.session_id
                 WHERE w.token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        }))
    }

    pub async fn waitlist_entry_by_id(&self, id: i64) -> StoreResult<Option<WaitlistRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT w.id, w.session_id, w.profession, w.status, w.name, w.email, w.phone_digits, w.lang,
                        e.starts_at AS session_starts_at
                 FROM waitlist_entries w LEFT JOIN evening_sessions e ON e.id = w.session_id
                 WHERE w.id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Everyone waiting for a profession (any evening or a given one).
    pub async fn waiting_candidates(&self, profession: Profession) -> StoreResult<Vec<Candidate>> {
        let rows: Vec<CandidateRow> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT id, session_id, email, phone_digits FROM waitlist_entries
                 WHERE profession = $1 AND status = 'waiting' ORDER BY id",
            )
            .bind(profession.code())
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(Candidate::from).collect())
    }

    /// Those holding a booking or an offer at an evening for a profession.
    pub async fn active_contacts(
        &self,
        session_id: i64,
        profession: Profession,
    ) -> StoreResult<Vec<Contact>> {
        let rows: Vec<(String, Option<String>)> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT email, phone_digits FROM bookings
                 WHERE session_id = $1 AND profession = $2 AND status IN ('confirmed', 'held')",
            )
            .bind(session_id)
            .bind(profession.code())
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(email, phone_digits)| Contact {
                email,
                phone_digits: phone_digits.unwrap_or_default(),
            })
            .collect())
    }

    /// Takes a person off the waitlist. `false` if they were not waiting.
    pub async fn withdraw_waitlist(&self, entry_id: i64, now: DateTime<Utc>) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query("UPDATE waitlist_entries SET status = 'withdrawn', updated_at = $2 WHERE id = $1 AND status = 'waiting'")
                .bind(entry_id)
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected()
                > 0
        }))
    }

    /// Holds `slot` for waitlist entry `entry_id` until `expires_at` and
    /// queues the offer mail. `None` when the entry is no longer waiting
    /// (another slot was offered to it first); a slot already taken or held
    /// gives `Conflict`.
    #[tracing::instrument(skip_all)]
    pub async fn create_offer(
        &self,
        slot: &SlotView,
        entry_id: i64,
        offer_token_hash: &str,
        times: OfferTimes,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<i64>> {
        let expires_at = times.expires_at;
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let taken = sqlx::query(
                "UPDATE waitlist_entries SET status = 'offered', updated_at = $2 WHERE id = $1 AND status = 'waiting'",
            )
            .bind(entry_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if taken == 0 {
                return Ok(None);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email, age_band, topic,
                                       note, lang, created_at, updated_at, session_id, profession, phone_digits,
                                       waitlist_entry_id, offer_token_hash, offer_expires_at)
                 SELECT $1, 'held', $2, name, name_kana, phone, email, age_band, topic, note, lang, $3, $3,
                        $4, $5, phone_digits, id, $2, $6
                 FROM waitlist_entries WHERE id = $7
                 RETURNING id",
            )
            .bind(slot.id)
            .bind(offer_token_hash)
            .bind(now)
            .bind(slot.session_id)
            .bind(slot.profession.code())
            .bind(expires_at)
            .bind(entry_id)
            .fetch_one(&mut *tx)
            .await?;
            insert_mail!(&mut *tx, mail, Some(id), now, times.send_at)?;
            tx.commit().await?;
            Ok(Some(id))
        })
    }

    pub async fn offer_by_token_hash(
        &self,
        offer_token_hash: &str,
    ) -> StoreResult<Option<OfferRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{OFFER} WHERE b.offer_token_hash = $1"))
                .bind(offer_token_hash)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Offers whose hold has run out.
    pub async fn expired_offers(&self, now: DateTime<Utc>) -> StoreResult<Vec<OfferRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{OFFER} WHERE b.status = 'held' AND b.offer_expires_at <= $1 ORDER BY b.id"))
                .bind(now)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Accepts an offer still open at `now`: the held slot becomes a
    /// confirmed booking with its own manage token. `false` if the offer was
    /// answered, or expired, first.
    #[tracing::instrument(skip_all)]
    pub async fn accept_offer(
        &self,
        offer: &OfferRecord,
        token_hash: &str,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE bookings SET status = 'confirmed', token_hash = $2, updated_at = $3
                 WHERE id = $1 AND status = 'held' AND offer_expires_at > $3",
            )
            .bind(offer.booking_id)
            .bind(token_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            sqlx::query("UPDATE waitlist_entries SET status = 'booked', updated_at = $2 WHERE id = $1")
                .bind(offer.entry_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            follow_up_answered!(tx, offer, "connected", now);
            insert_mail!(&mut *tx, mail, Some(offer.booking_id), now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Releases a held slot: the offer was declined, or expired (`entry_status`
    /// says which), with its mail (not sent before the time given). `false`
    /// if it was not held any more.
    #[tracing::instrument(skip_all)]
    pub async fn release_offer(
        &self,
        offer: &OfferRecord,
        entry_status: &str,
        mail: Option<(&OutgoingMail, DateTime<Utc>)>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("UPDATE bookings SET status = 'released', updated_at = $2 WHERE id = $1 AND status = 'held'")
                .bind(offer.booking_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Ok(false);
            }
            sqlx::query("UPDATE waitlist_entries SET status = $2, updated_at = $3 WHERE id = $1")
                .bind(offer.entry_id)
                .bind(entry_status)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if offer.referral_id.is_some() {
                // A follow-up hold released: the evening's share is free again.
                sqlx::query("UPDATE follow_up_holds SET held = held - 1 WHERE session_id = $1 AND held > 0")
                    .bind(offer.session_id)
                    .execute(&mut *tx)
                    .await?;
                let status = if entry_status == "declined" { "declined" } else { "unreachable" };
                follow_up_answered!(tx, offer, status, now);
            }
            if let Some((mail, send_at)) = mail {
                insert_mail!(&mut *tx, mail, Some(offer.booking_id), now, send_at)?;
            }
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Free slots of evenings to come that someone is waiting for.
    pub async fn free_slots_wanted(&self, now: DateTime<Utc>) -> StoreResult<Vec<SlotView>> {
        let rows: Vec<super::sessions::SlotRow> = on_db!(read self, pool => {
            sqlx::query_as(&format!(
                "SELECT {SLOT_COLUMNS}
                 WHERE e.status = 'scheduled' AND s.starts_at > $1
                   AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'held'))
                   AND EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.status = 'waiting' AND w.profession = s.profession
                               AND (w.session_id = s.session_id OR w.session_id IS NULL))
                 ORDER BY s.starts_at, s.id"
            ))
            .bind(now)
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(|r| r.into_view(now)).collect())
    }

    /// Slots held for someone on the waitlist, answer not yet given (an
    /// offer past its hold counts until the sweep releases it).
    #[tracing::instrument(skip_all)]
    pub async fn open_offer_count(&self) -> StoreResult<i64> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE status = 'held'")
                .fetch_one(pool)
                .await?
        }))
    }
}
