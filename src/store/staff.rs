//! Staff accounts, sign-ins, API tokens, professionals and assignments,
//! attendance, and the audit log.

use super::{on_db, Store, StoreResult};
use crate::domain::staff::{Attendance, Role};
use crate::domain::Profession;
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

/// One booked slot on a day sheet.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SheetLine {
    pub slot_id: i64,
    pub profession: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub booking_id: Option<i64>,
    pub name: Option<String>,
    pub name_kana: Option<String>,
    pub phone: Option<String>,
    /// Empty for a caller reached only by phone (電話連絡).
    pub email: Option<String>,
    pub topic: Option<String>,
    pub note: Option<String>,
    pub attendance: Option<String>,
    pub attendance_note: Option<String>,
    /// No booking by the same phone number on an earlier evening (the
    /// other professional's slot on the same evening is the same visit).
    pub first_visit: Option<bool>,
}

/// A session of the roster with who is assigned.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct RosterSession {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    pub status: String,
    pub lawyer: Option<String>,
    pub lawyer_id: Option<i64>,
    pub psychologist: Option<String>,
    pub psychologist_id: Option<i64>,
    pub lawyers_booked: i64,
    pub psychologists_booked: i64,
    pub lawyer_slots: i64,
    pub psychologist_slots: i64,
    pub waiting: i64,
    pub attended: i64,
    pub no_shows: i64,
    /// Confirmed bookings of callers without an email address (電話連絡).
    pub phone_only: i64,
}

const ROSTER: &str = "SELECT e.id, e.starts_at, e.ends_at, e.venue, e.status,
                        pl.name AS lawyer, pl.id AS lawyer_id, pp.name AS psychologist, pp.id AS psychologist_id,
                        (SELECT COUNT(*) FROM bookings b WHERE b.session_id = e.id AND b.profession = 'lawyer' AND b.status = 'confirmed') AS lawyers_booked,
                        (SELECT COUNT(*) FROM bookings b WHERE b.session_id = e.id AND b.profession = 'psychologist' AND b.status = 'confirmed') AS psychologists_booked,
                        (SELECT COUNT(*) FROM slots s WHERE s.session_id = e.id AND s.profession = 'lawyer') AS lawyer_slots,
                        (SELECT COUNT(*) FROM slots s WHERE s.session_id = e.id AND s.profession = 'psychologist') AS psychologist_slots,
                        (SELECT COUNT(*) FROM waitlist_entries w WHERE w.session_id = e.id AND w.status = 'waiting') AS waiting,
                        (SELECT COUNT(*) FROM bookings b WHERE b.session_id = e.id AND b.attendance = 'attended') AS attended,
                        (SELECT COUNT(*) FROM bookings b WHERE b.session_id = e.id AND b.attendance IN ('no_show', 'late_cancel')) AS no_shows,
                        (SELECT COUNT(*) FROM bookings b WHERE b.session_id = e.id AND b.status = 'confirmed' AND b.email = '') AS phone_only
                 FROM evening_sessions e
                 LEFT JOIN session_assignments al ON al.session_id = e.id AND al.profession = 'lawyer'
                 LEFT JOIN professionals pl ON pl.id = al.professional_id
                 LEFT JOIN session_assignments ap ON ap.session_id = e.id AND ap.profession = 'psychologist'
                 LEFT JOIN professionals pp ON pp.id = ap.professional_id";

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

    pub async fn create_professional(
        &self,
        name: &str,
        profession: &str,
        organisation: &str,
        contact: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(on_db!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO professionals (name, profession, organisation, contact, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(name)
            .bind(profession)
            .bind(organisation)
            .bind(contact)
            .bind(now)
            .fetch_one(pool)
            .await?
        }))
    }

    /// The profession of a professional, if they exist and are active.
    pub async fn professional_profession(&self, id: i64) -> StoreResult<Option<String>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT profession FROM professionals WHERE id = $1 AND active")
                .bind(id)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Assigns a professional to a session (replacing whoever was).
    pub async fn assign(
        &self,
        session_id: i64,
        profession: Profession,
        professional_id: i64,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO session_assignments (session_id, profession, professional_id) VALUES ($1, $2, $3)
                 ON CONFLICT (session_id, profession) DO UPDATE SET professional_id = excluded.professional_id",
            )
            .bind(session_id)
            .bind(profession.code())
            .bind(professional_id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The sessions starting in `[from, to)` with who is assigned and how full they are.
    pub async fn roster(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<RosterSession>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                &format!("{ROSTER} WHERE e.starts_at >= $1 AND e.starts_at < $2 ORDER BY e.starts_at"),
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn roster_session(&self, id: i64) -> StoreResult<Option<RosterSession>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{ROSTER} WHERE e.id = $1")).bind(id).fetch_optional(pool).await?
        }))
    }

    /// The day sheet (当日名簿) of a session: every slot, and its booking if any.
    pub async fn day_sheet(&self, session_id: i64) -> StoreResult<Vec<SheetLine>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT s.id AS slot_id, s.profession, s.starts_at, s.ends_at, b.id AS booking_id, b.name, b.name_kana,
                        b.phone, b.email, b.topic, b.note, b.attendance, b.attendance_note,
                        CASE WHEN b.id IS NULL THEN NULL ELSE NOT EXISTS (
                            SELECT 1 FROM bookings p JOIN slots ps ON ps.id = p.slot_id
                            WHERE p.phone_digits = b.phone_digits AND p.status = 'confirmed'
                              AND ps.session_id <> s.session_id AND ps.starts_at < s.starts_at
                        ) END AS first_visit
                 FROM slots s
                 LEFT JOIN bookings b ON b.slot_id = s.id AND b.status = 'confirmed'
                 WHERE s.session_id = $1
                 ORDER BY s.profession, s.starts_at",
            )
            .bind(session_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Records attendance of a confirmed booking. `false` if there is none.
    pub async fn set_attendance(
        &self,
        booking_id: i64,
        attendance: Attendance,
        note: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query(
                "UPDATE bookings SET attendance = $2, attendance_note = $3, updated_at = $4
                 WHERE id = $1 AND status = 'confirmed'",
            )
            .bind(booking_id)
            .bind(attendance.code())
            .bind(note)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
                > 0
        }))
    }
}

/// One booking in an export.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExportRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub profession: String,
    pub status: String,
    pub name: String,
    pub name_kana: String,
    pub phone: String,
    pub email: String,
    pub age_band: String,
    pub topic: String,
    pub attendance: Option<String>,
    pub acted_by: Option<String>,
}

impl Store {
    /// Confirmed and cancelled bookings of slots starting in `[from, to)`.
    pub async fn export_bookings(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<ExportRow>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT b.id, s.starts_at, s.profession, b.status, b.name, b.name_kana, b.phone, b.email,
                        b.age_band, b.topic, b.attendance, b.acted_by
                 FROM bookings b JOIN slots s ON s.id = b.slot_id
                 WHERE s.starts_at >= $1 AND s.starts_at < $2 AND b.status IN ('confirmed', 'cancelled')
                 ORDER BY s.starts_at, s.profession, b.id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        }))
    }
}

/// An entry of the list of professionals.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ProfessionalRecord {
    pub id: i64,
    pub name: String,
    pub profession: String,
    pub organisation: String,
    pub contact: String,
    pub active: bool,
}

impl Store {
    pub async fn professionals(&self) -> StoreResult<Vec<ProfessionalRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as("SELECT id, name, profession, organisation, contact, active FROM professionals ORDER BY profession, name, id")
                .fetch_all(pool)
                .await?
        }))
    }

    /// Marks a professional active or not (kept for the history of assignments).
    pub async fn set_professional_active(&self, id: i64, active: bool) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query("UPDATE professionals SET active = $2 WHERE id = $1")
                .bind(id)
                .bind(active)
                .execute(pool)
                .await?
                .rows_affected()
                > 0
        }))
    }
}

/// The series rule staff set on the screens.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SeriesRule {
    pub weekday: String,
    pub week_of_month: i32,
    pub start: String,
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
    pub async fn series_rule(&self) -> StoreResult<Option<SeriesRule>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as("SELECT weekday, week_of_month, start FROM series_rule WHERE id = 1")
                .fetch_optional(pool)
                .await?
        }))
    }

    pub async fn set_series_rule(
        &self,
        rule: &SeriesRule,
        by: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO series_rule (id, weekday, week_of_month, start, updated_by, updated_at)
                 VALUES (1, $1, $2, $3, $4, $5)
                 ON CONFLICT (id) DO UPDATE SET weekday = excluded.weekday, week_of_month = excluded.week_of_month,
                     start = excluded.start, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            )
            .bind(&rule.weekday)
            .bind(rule.week_of_month)
            .bind(&rule.start)
            .bind(by)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
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
