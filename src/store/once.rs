//! Work done once however many instances run: a row per period (a month's
//! directory review, a week's list of overdue referrals, an evening's
//! low-fill alert), written in the
//! same transaction as the period's mails, decides which instance does it.

use super::outbox::insert_mail;
use super::{on_db, OutgoingMail, Store, StoreResult};
use chrono::{DateTime, Utc};

/// What is done once per period, and the table that remembers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Once {
    /// `directory_reviews (month, entries)`.
    DirectoryReview,
    /// `referral_weeks (week, referrals)`.
    ReferralWeek,
    /// `low_fill_alerts (alert, free)`: an evening's alert at a threshold.
    LowFill,
}

impl Once {
    fn insert(self) -> &'static str {
        match self {
            Once::DirectoryReview => {
                "INSERT INTO directory_reviews (month, entries, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (month) DO NOTHING"
            }
            Once::ReferralWeek => {
                "INSERT INTO referral_weeks (week, referrals, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (week) DO NOTHING"
            }
            Once::LowFill => {
                "INSERT INTO low_fill_alerts (alert, free, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (alert) DO NOTHING"
            }
        }
    }
}

impl Store {
    /// Queues `mails` as the work of `period` (`2026-12`, `2026-W50`),
    /// unless it was done already (by this instance or another): whether
    /// this call did it. A period with nothing to tell is recorded all the
    /// same, with `count` 0.
    pub async fn queue_once(
        &self,
        once: Once,
        period: &str,
        count: usize,
        mails: &[OutgoingMail],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let fresh = sqlx::query(once.insert())
                .bind(period)
                .bind(count)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if fresh == 0 {
                return Ok(false);
            }
            for mail in mails {
                insert_mail!(&mut *tx, mail, None::<i64>, now)?;
            }
            tx.commit().await?;
            Ok(true)
        })
    }
}
