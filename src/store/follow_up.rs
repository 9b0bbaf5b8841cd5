//! 継続相談: follow-up holds. A hold is a booking 'held' on a free slot of
//! a later evening, with the referral that made it and an offer link that
//! runs out when the evening opens to the public; the database refuses a
//! second open hold for one person on one evening
//! (`bookings_one_follow_up_hold`) and holds beyond the evening's share
//! (`follow_up_holds`, `held <= allowed`).

use super::outbox::insert_mail;
use super::referrals::insert_referral;
use super::{on_db, NewReferral, OutgoingMail, SlotView, Store, StoreError, StoreResult};
use crate::domain::rules::OfferTimes;
use chrono::{DateTime, Utc};

/// A follow-up hold about to be written.
#[derive(Debug, Clone)]
pub struct NewHold<'a> {
    pub referral: &'a NewReferral,
    /// The booking the person came to, whose details the hold copies.
    pub from_booking: i64,
    pub slot: &'a SlotView,
    pub offer_token_hash: String,
    pub times: OfferTimes,
    /// The evening's share for follow-ups.
    pub allowed: i64,
}

impl Store {
    /// The free slots of `profession` in evening `session_id`, earliest first.
    pub async fn free_slots(&self, session_id: i64, profession: &str) -> StoreResult<Vec<i64>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar(
                "SELECT s.id FROM slots s JOIN evening_sessions e ON e.id = s.session_id
                  WHERE s.session_id = $1 AND s.profession = $2 AND e.status = 'scheduled'
                    AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = s.id
                                     AND b.status IN ('confirmed', 'held'))
                  ORDER BY s.starts_at",
            )
            .bind(session_id)
            .bind(profession)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Writes the referral, the hold (the person's details copied from
    /// their booking), the evening's count of holds and the offer mail, in
    /// one transaction: the referral's id and the hold's. `Conflict` with
    /// the guard that refused it: the slot taken meanwhile
    /// (`bookings_one_per_slot`), a hold already open for the person that
    /// evening (`bookings_one_follow_up_hold`), or the share used up
    /// (`follow_up_holds`).
    pub async fn create_hold(
        &self,
        hold: &NewHold<'_>,
        mails: impl Fn(i64) -> Vec<OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<(i64, i64)> {
        let r = hold.referral;
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let counted = sqlx::query(
                "INSERT INTO follow_up_holds (session_id, allowed, held) VALUES ($1, $2, 1)
                 ON CONFLICT (session_id) DO UPDATE SET held = follow_up_holds.held + 1
                 WHERE follow_up_holds.held < follow_up_holds.allowed",
            )
            .bind(hold.slot.session_id)
            .bind(hold.allowed)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if counted == 0 || hold.allowed < 1 {
                return Err(StoreError::Conflict("follow_up_holds"));
            }
            let profession = hold.slot.profession.code();
            let referral = insert_referral!(tx, r, Some((hold.slot.session_id, profession)), now);
            let booking: i64 = sqlx::query_scalar(
                "INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email, age_band, topic,
                                       note, lang, created_at, updated_at, session_id, profession, phone_digits,
                                       offer_token_hash, offer_expires_at, referral_id)
                 SELECT $1, 'held', $2, name, name_kana, phone, email, age_band, topic, '', lang, $3, $3,
                        $4, $5, phone_digits, $2, $6, $7
                 FROM bookings WHERE id = $8
                 RETURNING id",
            )
            .bind(hold.slot.id)
            .bind(&hold.offer_token_hash)
            .bind(now)
            .bind(hold.slot.session_id)
            .bind(hold.slot.profession.code())
            .bind(hold.times.expires_at)
            .bind(referral)
            .bind(hold.from_booking)
            .fetch_one(&mut *tx)
            .await?;
            for mail in &mails(referral) {
                insert_mail!(&mut *tx, mail, Some(booking), now, hold.times.send_at)?;
            }
            tx.commit().await?;
            Ok((referral, booking))
        })
    }
}
