//! The audit log (監査ログ): who did or saw what, and when.

use super::{on_db, StaffMember, Store, StoreResult};
use chrono::{DateTime, Utc};

/// One line of the audit log.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

impl Store {
    /// Writes one line of the audit log.
    pub async fn audit(
        &self,
        who: &StaffMember,
        action: &str,
        subject: &str,
        detail: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO audit_log (at, staff_id, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(now)
            .bind(who.id)
            .bind(&who.name)
            .bind(action)
            .bind(subject)
            .bind(detail)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The newest audit lines whose actor, action or subject contains `q`.
    pub async fn audit_search(&self, q: &str, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        // `%` and `_` are looked for as they are, not as wildcards.
        let escaped = q
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let like = format!("%{escaped}%");
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT id, at, actor, action, subject, detail FROM audit_log
                 WHERE actor LIKE $1 ESCAPE '\\' OR action LIKE $1 ESCAPE '\\'
                    OR subject LIKE $1 ESCAPE '\\'
                 ORDER BY id DESC LIMIT $2",
            )
            .bind(like)
            .bind(limit)
            .fetch_all(pool)
            .await?
        }))
    }
}
