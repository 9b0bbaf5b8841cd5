//! つなぐ: referrals and their steps. A referral is written with its
//! first step and its mails in one transaction; each later step moves the
//! status only from the one it was read in (two steps at once: one wins),
//! with its row in `referral_updates` and its mails.

use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, Store, StoreResult};
use crate::domain::referral::ReferralStatus;
use chrono::{DateTime, Utc};

/// A referral about to be written.
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub booking_id: i64,
    pub service_id: String,
    pub consent_version: String,
    pub consent_text: String,
    pub contact_by: &'static str,
    /// [`crate::domain::referral::Shared`] as JSON.
    pub shared: String,
    pub token_hash: Option<String>,
    pub token_expires_at: Option<DateTime<Utc>>,
    pub made_by: String,
    /// Its mails wait until then (the morning, after the quiet hours).
    pub send_at: DateTime<Utc>,
}

/// A referral as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReferralRecord {
    pub id: i64,
    pub booking_id: i64,
    pub service_id: Option<String>,
    pub status: String,
    pub consent_version: String,
    pub contact_by: String,
    pub shared: String,
    pub token_expires_at: Option<DateTime<Utc>>,
    pub made_by: String,
    pub outcome: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ReferralRecord {
    /// Where it stands (the column's CHECK admits only known codes).
    pub fn status(&self) -> ReferralStatus {
        ReferralStatus::parse(&self.status).unwrap_or(ReferralStatus::Closed)
    }
}

/// One step on a referral.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReferralUpdate {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub status: String,
    pub note: String,
}

/// A step to record: from the status it was read in, to `status`.
#[derive(Debug, Clone)]
pub struct ReferralStep<'a> {
    pub id: i64,
    pub from: &'a str,
    pub status: &'a str,
    pub actor: &'static str,
    pub note: &'a str,
    /// Set when the office closes it.
    pub outcome: Option<&'a str>,
    /// Consent withdrawn: what was shared is emptied at once.
    pub forget_shared: bool,
    /// Its mails wait until then (the morning, after the quiet hours).
    pub send_at: DateTime<Utc>,
}

const RECORD: &str =
    "SELECT id, booking_id, service_id, status, consent_version, contact_by, shared,
        token_expires_at, made_by, outcome, created_at, updated_at FROM referrals";

/// Writes referral `$new` and its first step (`sent`, by the office)
/// inside the transaction `$tx`: to its service, or, with `$follow_up`
/// (evening, profession), to a follow-up consultation. Its id.
macro_rules! insert_referral {
    ($tx:ident, $new:expr, $follow_up:expr, $now:expr) => {{
        let new: &NewReferral = $new;
        let follow_up: Option<(i64, &str)> = $follow_up;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO referrals (booking_id, service_id, follow_up_session_id, follow_up_profession,
                status, consent_version, consent_text, contact_by, shared, token_hash,
                token_expires_at, made_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, 'sent', $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
        )
        .bind(new.booking_id)
        .bind(follow_up.is_none().then_some(new.service_id.as_str()))
        .bind(follow_up.map(|f| f.0))
        .bind(follow_up.map(|f| f.1))
        .bind(&new.consent_version)
        .bind(&new.consent_text)
        .bind(new.contact_by)
        .bind(&new.shared)
        .bind(new.token_hash.as_deref())
        .bind(new.token_expires_at)
        .bind(&new.made_by)
        .bind($now)
        .fetch_one(&mut *$tx)
        .await?;
        sqlx::query(
            "INSERT INTO referral_updates (referral_id, at, actor, status) VALUES ($1, $2, 'office', 'sent')",
        )
        .bind(id)
        .bind($now)
        .execute(&mut *$tx)
        .await?;
        id
    }};
}
pub(super) use insert_referral;

impl Store {
    /// Writes a referral, its first step (`sent`, by the office) and the
    /// mails `mails` makes for its id, in one transaction; its id.
    pub async fn create_referral(
        &self,
        new: &NewReferral,
        mails: impl Fn(i64) -> Vec<OutgoingMail>,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let id = insert_referral!(tx, new, None::<(i64, &str)>, now);
            for mail in &mails(id) {
                insert_mail!(&mut *tx, mail, Some(new.booking_id), now, new.send_at)?;
            }
            tx.commit().await?;
            id
        }))
    }

    /// The referral a receiving service's link points to, while the link
    /// holds.
    pub async fn referral_by_token_hash(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<ReferralRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE token_hash = $1 AND token_expires_at > $2"))
                .bind(token_hash)
                .bind(now)
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn referral(&self, id: i64) -> StoreResult<Option<ReferralRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// The referrals made from one booking, first first.
    pub async fn referrals_of_booking(&self, booking_id: i64) -> StoreResult<Vec<ReferralRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE booking_id = $1 ORDER BY id"))
                .bind(booking_id)
                .fetch_all(pool)
                .await?
        }))
    }

    /// The referrals still being followed (sent, contacted, unreachable),
    /// oldest last update first.
    pub async fn open_referrals(&self) -> StoreResult<Vec<ReferralRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!(
                "{RECORD} WHERE status IN ('sent', 'contacted', 'unreachable') ORDER BY updated_at, id"
            ))
            .fetch_all(pool)
            .await?
        }))
    }

    /// Every step of a referral, first first.
    pub async fn referral_updates(&self, id: i64) -> StoreResult<Vec<ReferralUpdate>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT at, actor, status, note FROM referral_updates WHERE referral_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Records `step` if the referral is still in `step.from`, with its
    /// mails: `false` when another step came first.
    pub async fn step_referral(
        &self,
        step: &ReferralStep<'_>,
        mails: &[OutgoingMail],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let moved = sqlx::query(
                "UPDATE referrals SET status = $3, updated_at = $4,
                    outcome = COALESCE($5, outcome),
                    shared = CASE WHEN $6 THEN '{}' ELSE shared END
                 WHERE id = $1 AND status = $2",
            )
            .bind(step.id)
            .bind(step.from)
            .bind(step.status)
            .bind(now)
            .bind(step.outcome)
            .bind(step.forget_shared)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if moved == 0 {
                tx.rollback().await?;
                false
            } else {
                sqlx::query(
                    "INSERT INTO referral_updates (referral_id, at, actor, status, note) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(step.id)
                .bind(now)
                .bind(step.actor)
                .bind(step.status)
                .bind(step.note)
                .execute(&mut *tx)
                .await?;
                for mail in mails {
                    insert_mail!(&mut *tx, mail, None::<i64>, now, step.send_at)?;
                }
                tx.commit().await?;
                true
            }
        }))
    }
}
