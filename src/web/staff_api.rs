//! The staff API: roster, day sheets, attendance, professionals and
//! assignments, and the audit log. Who may do what is in the extractors
//! (`StaffCaller`, `Manager`, `Admin`); every view of a person's data and
//! every change is written to the audit log.

use super::error::{invalid, AppError};
use super::{Admin, JsonBody, Manager, StaffCaller};
use crate::domain::staff::{Attendance, Role};
use crate::domain::time::{jst_instant, rfc3339_jst};
use crate::domain::values::{normalize_text, Note};
use crate::domain::{FieldError, Profession};
use crate::state::AppState;
use crate::store::{RosterSession, SheetLine, StaffMember};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{Months, NaiveDate, NaiveTime};
use serde_json::{json, Value};
use std::collections::HashMap;

/// `YYYY-MM` → the instants the month starts and ends (JST).
pub fn month_bounds(
    raw: &str,
) -> Result<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>), AppError> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", normalize_text(raw)), "%Y-%m-%d")
        .map_err(|_| invalid("month", FieldError::Choice))?;
    let next = first + Months::new(1);
    Ok((
        jst_instant(first, NaiveTime::MIN),
        jst_instant(next, NaiveTime::MIN),
    ))
}

/// Whether `member` may see `session` at all.
pub fn may_see(member: &StaffMember, session: &RosterSession) -> bool {
    member.role.manages()
        || member
            .professional_id
            .is_some_and(|p| session.lawyer_id == Some(p) || session.psychologist_id == Some(p))
}

/// The professions a professional sees in a session (their own), or all.
fn visible_professions(member: &StaffMember, session: &RosterSession) -> Vec<&'static str> {
    if member.role.manages() {
        return vec!["lawyer", "psychologist"];
    }
    let mut own = Vec::new();
    if member.professional_id.is_some() && session.lawyer_id == member.professional_id {
        own.push("lawyer");
    }
    if member.professional_id.is_some() && session.psychologist_id == member.professional_id {
        own.push("psychologist");
    }
    own
}

/// A day-sheet line as the member may see it: professionals get what the
/// consultation needs (name, フリガナ, topic, note, first visit), not contact details.
fn line_json(member: &StaffMember, l: &SheetLine) -> Value {
    let mut v = json!({
        "slot_id": l.slot_id,
        "profession": l.profession,
        "starts_at": rfc3339_jst(l.starts_at),
        "ends_at": rfc3339_jst(l.ends_at),
        "booking": null,
    });
    if let Some(id) = l.booking_id {
        let mut b = json!({
            "id": id,
            "name": l.name,
            "name_kana": l.name_kana,
            "topic": l.topic,
            "note": l.note,
            "first_visit": l.first_visit,
        });
        if member.role.manages() {
            b["phone"] = json!(l.phone);
            b["attendance"] = json!(l.attendance);
            b["attendance_note"] = json!(l.attendance_note);
        }
        v["booking"] = b;
    }
    v
}

async fn session_json(
    state: &AppState,
    member: &StaffMember,
    s: &RosterSession,
) -> Result<Value, AppError> {
    let professions = visible_professions(member, s);
    let lines = state.store.day_sheet(s.id).await?;
    let shown: Vec<Value> = lines
        .iter()
        .filter(|l| professions.contains(&l.profession.as_str()))
        .map(|l| line_json(member, l))
        .collect();
    let mut v = json!({
        "id": s.id,
        "starts_at": rfc3339_jst(s.starts_at),
        "ends_at": rfc3339_jst(s.ends_at),
        "venue": s.venue,
        "status": s.status,
        "lawyer": s.lawyer,
        "psychologist": s.psychologist,
        "missing_professional": s.lawyer.is_none() || s.psychologist.is_none(),
        "slots": shown,
    });
    if member.role.manages() {
        v["fill"] = json!({
            "lawyer": [s.lawyers_booked, s.lawyer_slots],
            "psychologist": [s.psychologists_booked, s.psychologist_slots],
            "waitlist": s.waiting,
        });
    }
    Ok(v)
}

/// `GET /api/v1/staff/roster?month=YYYY-MM`: the month's sessions with
/// assigned professionals, slots and bookings, as the role allows.
pub async fn roster(
    State(state): State<AppState>,
    staff: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let (from, to) = month_bounds(q.get("month").map(String::as_str).unwrap_or(""))?;
    let sessions = state.store.roster(from, to).await?;
    let mut out = Vec::new();
    for s in sessions.iter().filter(|s| may_see(&staff.member, s)) {
        out.push(session_json(&state, &staff.member, s).await?);
    }
    let month = q.get("month").cloned().unwrap_or_default();
    state
        .store
        .audit(
            &staff.member,
            "view_roster",
            &format!("month {month}"),
            "",
            state.clock.now(),
        )
        .await?;
    Ok(Json(json!({ "month": month, "sessions": out })))
}

/// `GET /api/v1/staff/sessions/{id}`: one evening's day sheet; 403 for a
/// professional not assigned to it.
pub async fn day_sheet(
    State(state): State<AppState>,
    staff: StaffCaller,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let session = state
        .store
        .roster_session(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_see(&staff.member, &session) {
        return Err(AppError::Forbidden);
    }
    let v = session_json(&state, &staff.member, &session).await?;
    state
        .store
        .audit(
            &staff.member,
            "view_day_sheet",
            &format!("session {id}"),
            "",
            state.clock.now(),
        )
        .await?;
    Ok(Json(v))
}

/// `POST /api/v1/staff/bookings/{id}/attendance` with `{status, note}`.
pub async fn attendance(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let status = Attendance::parse(body.get("status").and_then(Value::as_str).unwrap_or(""))
        .map_err(|e| invalid("status", e))?;
    let note = Note::parse(body.get("note").and_then(Value::as_str).unwrap_or(""))
        .map_err(|e| invalid("note", e))?;
    if !state
        .store
        .set_attendance(id, status, note.as_str(), state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    state
        .store
        .audit(
            &staff.member,
            "attendance",
            &format!("booking {id}"),
            status.code(),
            state.clock.now(),
        )
        .await?;
    Ok(Json(json!({ "id": id, "attendance": status.code() })))
}

/// `POST /api/v1/staff/professionals` with `{name, profession, organisation, contact}`.
pub async fn add_professional(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let text = |k: &str| normalize_text(body.get(k).and_then(Value::as_str).unwrap_or(""));
    let name =
        crate::domain::values::PersonName::parse(&text("name")).map_err(|e| invalid("name", e))?;
    let profession = text("profession");
    if !["lawyer", "psychologist", "doctor"].contains(&profession.as_str()) {
        return Err(invalid("profession", FieldError::Choice));
    }
    let (organisation, contact) = (text("organisation"), text("contact"));
    if organisation.chars().count() > 100 || contact.chars().count() > 200 {
        return Err(invalid("organisation", FieldError::TooLong { max: 100 }));
    }
    let now = state.clock.now();
    let id = state
        .store
        .create_professional(name.as_str(), &profession, &organisation, &contact, now)
        .await?;
    state
        .store
        .audit(
            &staff.member,
            "add_professional",
            &format!("professional {id}"),
            &profession,
            now,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `POST /api/v1/staff/sessions/{id}/assignments` with `{profession, professional_id}`.
pub async fn assign(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let session: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    state
        .store
        .roster_session(session)
        .await?
        .ok_or(AppError::NotFound)?;
    let profession =
        Profession::parse(body.get("profession").and_then(Value::as_str).unwrap_or(""))
            .map_err(|e| invalid("profession", e))?;
    let professional = body
        .get("professional_id")
        .and_then(Value::as_i64)
        .ok_or(invalid("professional_id", FieldError::NotANumber))?;
    match state.store.professional_profession(professional).await? {
        Some(p) if p == profession.code() => {}
        _ => return Err(invalid("professional_id", FieldError::Choice)),
    }
    state
        .store
        .assign(session, profession, professional)
        .await?;
    state
        .store
        .audit(
            &staff.member,
            "assign",
            &format!("session {session}"),
            &format!("{} {professional}", profession.code()),
            state.clock.now(),
        )
        .await?;
    Ok(Json(
        json!({ "session_id": session, "profession": profession, "professional_id": professional }),
    ))
}

/// `GET /api/v1/staff/audit?q=…`: the newest matching lines (admin only).
pub async fn audit_log(
    State(state): State<AppState>,
    Admin(_admin): Admin,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let query = q
        .get("q")
        .map(|s| s.chars().take(100).collect::<String>())
        .unwrap_or_default();
    let entries = state.store.audit_search(&query, 200).await?;
    Ok(Json(json!(entries
        .iter()
        .map(|e| json!({ "at": rfc3339_jst(e.at), "actor": e.actor, "action": e.action, "subject": e.subject, "detail": e.detail }))
        .collect::<Vec<_>>())))
}

/// The role words for the staff pages.
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Admin => "管理者",
        Role::Coordinator => "事務局",
        Role::Professional => "相談員",
    }
}

fn date_field(body: &Value, field: &'static str) -> Result<NaiveDate, AppError> {
    let raw = normalize_text(body.get(field).and_then(Value::as_str).unwrap_or(""));
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d").map_err(|_| invalid(field, FieldError::Choice))
}

fn time_field(body: &Value, field: &'static str) -> Result<Option<NaiveTime>, AppError> {
    match body.get(field).and_then(Value::as_str).map(normalize_text) {
        None => Ok(None),
        Some(t) if t.is_empty() => Ok(None),
        Some(t) => NaiveTime::parse_from_str(&t, "%H:%M")
            .map(Some)
            .map_err(|_| invalid(field, FieldError::Choice)),
    }
}

/// `POST /api/v1/staff/sessions` with `{date: YYYY-MM-DD, start?: HH:MM}`: a one-off evening.
pub async fn add_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let date = date_field(&body, "date")?;
    let start = time_field(&body, "start")?;
    let id = crate::service::schedule::add_one_off(&state, date, start)
        .await?
        .ok_or(invalid("date", FieldError::Choice))?;
    state
        .store
        .audit(
            &staff.member,
            "add_session",
            &format!("session {id}"),
            &date.to_string(),
            state.clock.now(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `POST /api/v1/staff/sessions/{id}/cancel`: everyone booked is told.
pub async fn cancel_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let n = crate::service::schedule::cancel_session(&state, id, &staff.name)
        .await?
        .ok_or(AppError::Conflict("session_not_scheduled"))?;
    state
        .store
        .audit(
            &staff.member,
            "cancel_session",
            &format!("session {id}"),
            &format!("{n} bookings"),
            state.clock.now(),
        )
        .await?;
    Ok(Json(
        json!({ "id": id, "status": "cancelled", "bookings_cancelled": n }),
    ))
}

/// `POST /api/v1/staff/sessions/{id}/move` with `{date, start?}`: bookings follow.
pub async fn move_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let date = date_field(&body, "date")?;
    let start = match time_field(&body, "start")? {
        Some(t) => t,
        None => crate::service::schedule::series(&state).await?.start,
    };
    let n = crate::service::schedule::move_session(&state, id, date, start)
        .await?
        .ok_or(AppError::Conflict("session_not_movable"))?;
    state
        .store
        .audit(
            &staff.member,
            "move_session",
            &format!("session {id}"),
            &format!("to {date} {start}"),
            state.clock.now(),
        )
        .await?;
    Ok(Json(
        json!({ "id": id, "starts_at": rfc3339_jst(jst_instant(date, start)), "bookings_moved": n }),
    ))
}

/// `POST /api/v1/staff/schedule/generate` with `{months}`.
pub async fn generate(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let months = body
        .get("months")
        .and_then(Value::as_u64)
        .filter(|m| (1..=24).contains(m))
        .ok_or(invalid("months", FieldError::NotANumber))?;
    let done = crate::service::schedule::generate(&state, months as u32).await?;
    state
        .store
        .audit(
            &staff.member,
            "generate",
            "schedule",
            &format!("{} created", done.created.len()),
            state.clock.now(),
        )
        .await?;
    Ok(Json(json!({
        "created": done.created.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "existing": done.existing.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
    })))
}
