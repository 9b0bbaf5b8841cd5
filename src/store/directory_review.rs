//! Who receives the office's mails (the directory's monthly review, the
//! weekly list of overdue referrals); queuing them once is [`super::once`].

use super::{on_db, Store, StoreResult};

impl Store {
    /// The office's addresses, for the directory's review and the weekly
    /// list of overdue referrals: the active coordinators, or the active
    /// admins where there is no coordinator.
    pub async fn office_recipients(&self) -> StoreResult<Vec<String>> {
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
}
