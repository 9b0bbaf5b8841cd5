//! The monthly review of the directory: who receives it, and queuing a
//! month's mails once (the month's row in `directory_reviews` decides,
//! in the same transaction as the mails).

use super::outbox::insert_mail;
use super::{on_db, OutgoingMail, Store, StoreResult};
use chrono::{DateTime, Utc};

impl Store {
    /// The addresses the review goes to: the active coordinators, or the
    /// active admins where there is no coordinator.
    pub async fn review_recipients(&self) -> StoreResult<Vec<String>> {
        let rows: Vec<(String, String)> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT email, role FROM staff WHERE active AND role IN ('coordinator', 'admin') ORDER BY id",
            )
            .fetch_all(pool)
            .await?
        });
        let coordinators: Vec<String> = rows
            .iter()
            .filter(|(_, role)| role == "coordinator")
            .map(|(email, _)| email.clone())
            .collect();
        Ok(if coordinators.is_empty() {
            rows.into_iter().map(|(email, _)| email).collect()
        } else {
            coordinators
        })
    }

    /// Queues `mails` as the review of `month`, unless that month's review
    /// was queued already (by this instance or another): whether this call
    /// queued it. A month with nothing to review is recorded all the same.
    pub async fn queue_directory_review(
        &self,
        month: &str,
        entries: usize,
        mails: &[OutgoingMail],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let entries = i64::try_from(entries).unwrap_or(i64::MAX);
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let fresh = sqlx::query(
                "INSERT INTO directory_reviews (month, entries, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (month) DO NOTHING",
            )
            .bind(month)
            .bind(entries)
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
