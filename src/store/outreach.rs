//! 周知: who waits for which evening (so that a free slot someone waits for
//! is theirs, not news), the evenings as the public calendar shows them,
//! the partners who pass notices on, and where requests came from.

use super::{on_db, Store, StoreResult};
use chrono::{DateTime, Utc};

/// An evening as the public calendar shows it (cancelled ones too, so that
/// a subscribed calendar removes them).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CalendarEvening {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    pub status: String,
    /// Rises with each move, cancellation or restoration.
    pub revision: i32,
}

/// What requests of one kind said of where they came from, counted.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SourceCount {
    pub heard_from: Option<String>,
    pub channel: Option<String>,
    pub count: i64,
}

/// Where requests came from between two instants, per kind of request.
#[derive(Debug, Clone, Default)]
pub struct SourceFigures {
    pub bookings: Vec<SourceCount>,
    pub waitlist: Vec<SourceCount>,
    pub health: Vec<SourceCount>,
}

impl Store {
    /// People waiting, per evening (`None`: the next free one) and profession.
    pub async fn waiting_counts(&self) -> StoreResult<Vec<(Option<i64>, String, i64)>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT session_id, profession, COUNT(*) FROM waitlist_entries WHERE status = 'waiting'
                 GROUP BY session_id, profession",
            )
            .fetch_all(pool)
            .await?
        }))
    }

    /// Evenings that have not started, scheduled or cancelled, in time order.
    pub async fn calendar_evenings(&self, now: DateTime<Utc>) -> StoreResult<Vec<CalendarEvening>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT id, starts_at, ends_at, venue, status, revision FROM evening_sessions
                 WHERE starts_at > $1 ORDER BY starts_at",
            )
            .bind(now)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The directory's services whose organisations pass notices on.
    pub async fn outreach_partners(&self) -> StoreResult<Vec<String>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT service_id FROM outreach_partners ORDER BY service_id")
                .fetch_all(pool)
                .await?
        }))
    }

    /// Marks a service as passing notices on, or no longer: whether that changed anything.
    pub async fn set_outreach_partner(
        &self,
        service_id: &str,
        agreed: bool,
        by: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let changed = on_db!(self, pool => {
            if agreed {
                sqlx::query(
                    "INSERT INTO outreach_partners (service_id, agreed_by, created_at)
                     SELECT id, $2, $3 FROM directory_services WHERE id = $1
                     ON CONFLICT (service_id) DO NOTHING",
                )
                .bind(service_id)
                .bind(by)
                .bind(now)
                .execute(pool)
                .await?
                .rows_affected()
            } else {
                sqlx::query("DELETE FROM outreach_partners WHERE service_id = $1")
                    .bind(service_id)
                    .execute(pool)
                    .await?
                    .rows_affected()
            }
        });
        Ok(changed > 0)
    }

    /// Bookings made (not offers), waitlist joins and health requests
    /// received in `[from, to)`, per answer and channel.
    pub async fn source_figures(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<SourceFigures> {
        Ok(on_db!(read self, pool => {
            let bookings = sqlx::query_as(
                "SELECT heard_from, channel, COUNT(*) AS count FROM bookings
                 WHERE created_at >= $1 AND created_at < $2 AND status IN ('confirmed', 'cancelled')
                   AND waitlist_entry_id IS NULL AND referral_id IS NULL
                 GROUP BY heard_from, channel",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let waitlist = sqlx::query_as(
                "SELECT heard_from, channel, COUNT(*) AS count FROM waitlist_entries
                 WHERE created_at >= $1 AND created_at < $2 GROUP BY heard_from, channel",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let health = sqlx::query_as(
                "SELECT heard_from, channel, COUNT(*) AS count FROM health_requests
                 WHERE created_at >= $1 AND created_at < $2 GROUP BY heard_from, channel",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            SourceFigures { bookings, waitlist, health }
        }))
    }
}
