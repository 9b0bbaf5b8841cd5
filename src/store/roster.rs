//! The evenings as the office runs them: professionals and their
//! assignments, the month's roster, each evening's day sheet (当日名簿) with
//! attendance, and the export of bookings.

use super::{on_db, Store, StoreResult};
use crate::domain::staff::Attendance;
use crate::domain::Profession;
use chrono::{DateTime, Utc};

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
    /// 継続相談: what the previous professional passed on with the
    /// person's consent (the referral's `shared`, JSON), unless withdrawn.
    pub follow_up_shared: Option<String>,
}

impl SheetLine {
    /// The note the previous professional left for this one, with the
    /// person's consent (継続相談).
    pub fn follow_up_note(&self) -> Option<String> {
        let shared: crate::domain::referral::Shared =
            serde_json::from_str(self.follow_up_shared.as_deref()?).ok()?;
        shared.note.filter(|n| !n.is_empty())
    }

    /// A booked caller reached only by phone (電話連絡: no email address),
    /// to be called instead of mailed.
    pub fn phone_only(&self) -> bool {
        self.booking_id.is_some() && self.email.as_deref() == Some("")
    }
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
                        ) END AS first_visit,
                        (SELECT r.shared FROM referrals r
                          WHERE r.id = b.referral_id AND r.status <> 'withdrawn') AS follow_up_shared
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
