//! What the referrals' figures count: each referral made in a span, with
//! whether its follow-up hold became a booking and that booking was
//! attended.

use super::{on_db, Store, StoreResult};
use crate::domain::referral::figures::Counted;
use crate::domain::referral::ReferralStatus;
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct Row {
    service_id: Option<String>,
    status: String,
    booked: bool,
    attended: bool,
}

impl Store {
    /// The referrals made from `from` (included) to `to` (excluded).
    pub async fn referral_counts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<Counted>> {
        let rows: Vec<Row> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT r.service_id, r.status,
                        EXISTS (SELECT 1 FROM bookings b WHERE b.referral_id = r.id
                                 AND b.status = 'confirmed') AS booked,
                        EXISTS (SELECT 1 FROM bookings b WHERE b.referral_id = r.id
                                 AND b.status = 'confirmed' AND b.attendance = 'attended') AS attended
                   FROM referrals r WHERE r.created_at >= $1 AND r.created_at < $2
                  ORDER BY r.id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| Counted {
                service_id: r.service_id,
                status: ReferralStatus::parse(&r.status).unwrap_or(ReferralStatus::Sent),
                booked: r.booked,
                attended: r.attended,
            })
            .collect())
    }
}
