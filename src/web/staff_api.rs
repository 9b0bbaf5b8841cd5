//! The staff API: roster, day sheets, attendance, professionals and
//! assignments, and the audit log. Who may do what is in the extractors
//! (`StaffCaller`, `Manager`, `Admin`); every view of a person's data and
//! every change is written to the audit log.

use super::error::{invalid, AppError};
use super::{parse_id, Admin, JsonBody, Manager, StaffCaller};
use crate::domain::time::rfc3339_jst;
use crate::domain::values::normalize_text;
use crate::domain::{FieldError, Profession};
use crate::service::office;
use crate::state::AppState;
use crate::store::{RosterSession, SheetLine, StaffMember};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{NaiveDate, NaiveTime};
use serde_json::{json, Value};
use std::collections::HashMap;

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

/// An evening with the day-sheet lines the member sees.
fn session_json(member: &StaffMember, s: &RosterSession, lines: &[SheetLine]) -> Value {
    let shown: Vec<Value> = lines.iter().map(|l| line_json(member, l)).collect();
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
    v
}

/// `GET /api/v1/staff/roster?month=YYYY-MM`: the month's sessions with
/// assigned professionals, slots and bookings, as the role allows.
pub async fn roster(
    State(state): State<AppState>,
    staff: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let month = q.get("month").cloned().unwrap_or_default();
    let (from, to) = office::month_bounds(&month)?;
    let mut out = Vec::new();
    for s in office::roster(&state, &staff.member, from, to).await? {
        let lines = office::visible_lines(&state, &staff.member, &s).await?;
        out.push(session_json(&staff.member, &s, &lines));
    }
    Ok(Json(json!({ "month": month, "sessions": out })))
}

/// `GET /api/v1/staff/sessions/{id}`: one evening's day sheet; 403 for a
/// professional not assigned to it.
pub async fn day_sheet(
    State(state): State<AppState>,
    staff: StaffCaller,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (session, lines) = office::day_sheet(&state, &staff.member, parse_id(&id)?).await?;
    Ok(Json(session_json(&staff.member, &session, &lines)))
}

/// `POST /api/v1/staff/bookings/{id}/attendance` with `{status, note}`.
pub async fn attendance(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let text = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let status =
        office::record_attendance(&state, &staff.member, id, &text("status"), &text("note"))
            .await?;
    Ok(Json(json!({ "id": id, "attendance": status.code() })))
}

/// `POST /api/v1/staff/professionals` with `{name, profession, organisation, contact}`.
pub async fn add_professional(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let text = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let id = office::add_professional(
        &state,
        &staff.member,
        &text("name"),
        &text("profession"),
        &text("organisation"),
        &text("contact"),
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
    let session = parse_id(&id)?;
    let profession =
        Profession::parse(body.get("profession").and_then(Value::as_str).unwrap_or(""))
            .map_err(|e| invalid("profession", e))?;
    let professional = body
        .get("professional_id")
        .and_then(Value::as_i64)
        .ok_or(invalid("professional_id", FieldError::NotANumber))?;
    office::assign(
        &state,
        &staff.member,
        session,
        professional,
        Some(profession),
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
    let lang = super::context::RequestContext::current().lang;
    Ok(Json(json!(entries
        .iter()
        .map(|e| json!({
            "at": rfc3339_jst(e.at),
            "actor": e.actor,
            "action": e.action,
            "action_label": crate::i18n::audit_action_label(&e.action, lang),
            "subject": e.subject,
            "detail": e.detail,
        }))
        .collect::<Vec<_>>())))
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

/// `confirm_unusual_day: true`: the evening is meant to be on a weekend,
/// holiday or closure day (without it such a day is a 409 `unusual_day`).
fn unusual_ok(body: &Value) -> bool {
    body.get("confirm_unusual_day") == Some(&Value::Bool(true))
}

/// `POST /api/v1/staff/sessions` with `{date: YYYY-MM-DD, start?: HH:MM,
/// confirm_unusual_day?: bool}`: a one-off evening.
pub async fn add_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let (date, start) = (date_field(&body, "date")?, time_field(&body, "start")?);
    let id = office::add_session(&state, &staff.member, date, start, unusual_ok(&body))
        .await?
        .ok_or(invalid("date", FieldError::Choice))?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `POST /api/v1/staff/sessions/{id}/cancel`: everyone booked is told.
pub async fn cancel_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let n = office::cancel_session(&state, &staff.member, id)
        .await?
        .ok_or(AppError::Conflict("session_not_scheduled"))?;
    Ok(Json(
        json!({ "id": id, "status": "cancelled", "bookings_cancelled": n }),
    ))
}

/// `POST /api/v1/staff/sessions/{id}/restore`: takes back a cancellation
/// (409 `session_not_restorable` once it has started or if another evening
/// is at its time); the cancelled bookings stay cancelled.
pub async fn restore_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    office::restore_session(&state, &staff.member, id).await?;
    Ok(Json(json!({ "id": id, "status": "scheduled" })))
}

/// `POST /api/v1/staff/sessions/{id}/move` with `{date, start?,
/// confirm_unusual_day?}`: bookings follow.
pub async fn move_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let (date, start) = (date_field(&body, "date")?, time_field(&body, "start")?);
    let n = office::move_session(&state, &staff.member, id, date, start, unusual_ok(&body))
        .await?
        .ok_or(AppError::Conflict("session_not_movable"))?;
    let session = state
        .store
        .roster_session(id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(
        json!({ "id": id, "starts_at": rfc3339_jst(session.starts_at), "bookings_moved": n }),
    ))
}

/// `POST /api/v1/staff/schedule/generate` with `{months}`.
pub async fn generate(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let months = body.get("months").and_then(Value::as_u64).unwrap_or(0);
    let done = office::generate(&state, &staff.member, u32::try_from(months).unwrap_or(0)).await?;
    Ok(Json(json!({
        "created": done.created.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        "existing": done.existing.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
    })))
}
