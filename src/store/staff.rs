//! Staff accounts (職員), their sign-ins, API tokens and sessions, and the
//! slowing down of repeated failed sign-ins.

use super::{on_db, Store, StoreResult};
use crate::domain::staff::Role;
use chrono::{DateTime, Utc};

/// A signed-in (or token-bearing) staff member.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: Option<i64>,
    pub name: String,
    pub role: Role,
    pub professional_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    name: String,
    role: String,
    professional_id: Option<i64>,
}

impl From<StaffRow> for StaffMember {
    fn from(r: StaffRow) -> StaffMember {
        StaffMember {
            id: Some(r.id),
            name: r.name,
            // The CHECK constraint admits only known roles; unknown reads as the least.
            role: Role::parse(&r.role).unwrap_or(Role::Professional),
            professional_id: r.professional_id,
        }
    }
}

/// An account with its password hash, for signing in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffAccount {
    pub id: i64,
    pub name: String,
    pub password_hash: String,
    pub active: bool,
}

/// A staff account as the admin sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffListing {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub active: bool,
}

impl Store {
    pub async fn create_staff(
        &self,
        email: &str,
        name: &str,
        role: Role,
        professional_id: Option<i64>,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(on_db!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO staff (email, name, role, professional_id, password_hash, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(email)
            .bind(name)
            .bind(role.code())
            .bind(professional_id)
            .bind(password_hash)
            .bind(now)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Sets a new password hash (the demo's accounts get new passwords at each start).
    pub async fn set_staff_password(&self, email: &str, password_hash: &str) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query("UPDATE staff SET password_hash = $2 WHERE email = $1")
                .bind(email)
                .bind(password_hash)
                .execute(pool)
                .await?
                .rows_affected()
                > 0
        }))
    }

    pub async fn staff_account(&self, email: &str) -> StoreResult<Option<StaffAccount>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as("SELECT id, name, password_hash, active FROM staff WHERE email = $1")
                .bind(email)
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn add_staff_token(
        &self,
        staff_id: i64,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query("INSERT INTO staff_tokens (token_hash, staff_id, created_at) VALUES ($1, $2, $3)")
                .bind(token_hash)
                .bind(staff_id)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The active staff member an API token belongs to.
    pub async fn staff_by_token(&self, token_hash: &str) -> StoreResult<Option<StaffMember>> {
        let row: Option<StaffRow> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT s.id, s.name, s.role, s.professional_id FROM staff_tokens t JOIN staff s ON s.id = t.staff_id
                 WHERE t.token_hash = $1 AND s.active",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(StaffMember::from))
    }

    pub async fn create_staff_session(
        &self,
        token_hash: &str,
        staff_id: i64,
        csrf: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, expires_at, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(staff_id)
            .bind(csrf)
            .bind(expires_at)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The member behind a sign-in cookie, with the session's CSRF token.
    pub async fn staff_by_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<(StaffMember, String)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            name: String,
            role: String,
            professional_id: Option<i64>,
            csrf_token: String,
        }
        let row: Option<Row> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT s.id, s.name, s.role, s.professional_id, x.csrf_token
                 FROM staff_sessions x JOIN staff s ON s.id = x.staff_id
                 WHERE x.token_hash = $1 AND x.expires_at > $2 AND s.active",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|r| {
            let member = StaffMember::from(StaffRow {
                id: r.id,
                name: r.name,
                role: r.role,
                professional_id: r.professional_id,
            });
            (member, r.csrf_token)
        }))
    }

    pub async fn end_staff_session(&self, token_hash: &str) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn record_sign_in_failure(&self, email: &str, now: DateTime<Utc>) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query("INSERT INTO sign_in_failures (email, at) VALUES ($1, $2)")
                .bind(email)
                .bind(now)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    pub async fn sign_in_failures_since(
        &self,
        email: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_failures WHERE email = $1 AND at > $2")
                .bind(email)
                .bind(since)
                .fetch_one(pool)
                .await?
        }))
    }

    pub async fn staff_listing(&self) -> StoreResult<Vec<StaffListing>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as("SELECT id, email, name, role, active FROM staff ORDER BY role, name, id")
                .fetch_all(pool)
                .await?
        }))
    }

    /// Opens or closes an account; a closed one signs in no more, and its
    /// tokens and sessions stop working at once.
    pub async fn set_staff_active(&self, id: i64, active: bool) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query("UPDATE staff SET active = $2 WHERE id = $1")
                .bind(id)
                .bind(active)
                .execute(pool)
                .await?
                .rows_affected()
                > 0
        }))
    }
}
