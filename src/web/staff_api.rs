//! The staff API: roster, day sheets, attendance, professionals and
//! assignments, and the audit log. Who may do what is in the extractors
//! (`StaffCaller`, `Manager`, `Admin`); every view of a person's data and
//! every change is written to the audit log.

use super::api_doc::schemas::ErrorBody;
use super::api_doc::staff::*;
use super::error::{invalid, AppError};
use super::field::{Field, Number};
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
/// consultation needs (name, フリガナ, topic, note, first visit, the note
/// a previous professional left for a follow-up), not contact details.
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
            // 継続相談: the previous professional's note, with consent.
            "follow_up_note": l.follow_up_note(),
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
#[utoipa::path(get, path = "/api/v1/staff/roster", tag = "staff",
    params(("month" = String, Query, pattern = "^[0-9]{4}-[0-9]{2}$", example = "2027-01")),
    responses(
        (status = 200, description = "The month's evenings", body = RosterJson),
        (status = 422, description = "`month` is not YYYY-MM", body = ErrorBody)))]
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
#[utoipa::path(get, path = "/api/v1/staff/sessions/{id}", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "An evening")),
    responses((status = 200, description = "The evening with its day-sheet lines", body = Object)))]
pub async fn day_sheet(
    State(state): State<AppState>,
    staff: StaffCaller,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (session, lines) = office::day_sheet(&state, &staff.member, parse_id(&id)?).await?;
    Ok(Json(session_json(&staff.member, &session, &lines)))
}

/// `POST /api/v1/staff/bookings/{id}/attendance` with `{status, note}`.
#[utoipa::path(post, path = "/api/v1/staff/bookings/{id}/attendance", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "A booking")),
    request_body = AttendanceBody,
    responses(
        (status = 200, description = "Recorded", body = AttendanceJson),
        (status = 409, description = "`attendance_too_early`: the slot has not started", body = ErrorBody)))]
pub async fn attendance(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<AttendanceBody>,
) -> Result<Json<AttendanceJson>, AppError> {
    let id = parse_id(&id)?;
    let (status, note) = (body.status.text_or("status")?, body.note.text_or("note")?);
    let status = office::record_attendance(&state, &staff.member, id, &status, &note).await?;
    Ok(Json(AttendanceJson {
        id,
        attendance: status.code(),
    }))
}

/// `POST /api/v1/staff/professionals` with `{name, profession, organisation, contact}`.
#[utoipa::path(post, path = "/api/v1/staff/professionals", tag = "staff",
    request_body = ProfessionalBody,
    responses((status = 201, description = "Added", body = IdJson)))]
pub async fn add_professional(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<ProfessionalBody>,
) -> Result<(StatusCode, Json<IdJson>), AppError> {
    let id = office::add_professional(
        &state,
        &staff.member,
        &body.name.text_or("name")?,
        &body.profession.text_or("profession")?,
        &body.organisation.text_or("organisation")?,
        &body.contact.text_or("contact")?,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(IdJson { id })))
}

/// `POST /api/v1/staff/sessions/{id}/assignments` with `{profession, professional_id}`.
#[utoipa::path(post, path = "/api/v1/staff/sessions/{id}/assignments", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "An evening")),
    request_body = AssignBody,
    responses(
        (status = 200, description = "Assigned", body = AssignedJson),
        (status = 409, description = "The professional is inactive, of another profession, or the evening is not scheduled", body = ErrorBody)))]
pub async fn assign(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<AssignBody>,
) -> Result<Json<AssignedJson>, AppError> {
    let session = parse_id(&id)?;
    let profession = Profession::parse(&body.profession.text_or("profession")?)
        .map_err(|e| invalid("profession", e))?;
    let Some(Number(professional)) = body.professional_id.get("professional_id")? else {
        return Err(invalid("professional_id", FieldError::NotANumber));
    };
    office::assign(
        &state,
        &staff.member,
        session,
        professional,
        Some(profession),
    )
    .await?;
    Ok(Json(AssignedJson {
        session_id: session,
        profession,
        professional_id: professional,
    }))
}

/// `GET /api/v1/staff/audit?q=…`: the newest matching lines (admin only).
/// `q` is looked for in the actor, action and subject as it is written
/// (`%` and `_` are not wildcards).
#[utoipa::path(get, path = "/api/v1/staff/audit", tag = "staff",
    params(("q" = Option<String>, Query, description = "Text to look for (the first 100 characters count)")),
    responses((status = 200, description = "The newest 200 matching lines", body = Vec<AuditJson>)))]
pub async fn audit_log(
    State(state): State<AppState>,
    Admin(_admin): Admin,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Vec<AuditJson>>, AppError> {
    let query = q
        .get("q")
        .map(|s| s.chars().take(100).collect::<String>())
        .unwrap_or_default();
    let entries = state.store.audit_search(&query, 200).await?;
    let lang = super::context::RequestContext::current().lang;
    Ok(Json(
        entries
            .iter()
            .map(|e| AuditJson {
                at: rfc3339_jst(e.at),
                actor: e.actor.clone(),
                action: e.action.clone(),
                action_label: crate::i18n::audit_action_label(&e.action, lang).to_string(),
                subject: e.subject.clone(),
                detail: e.detail.clone(),
            })
            .collect(),
    ))
}

fn date_field(date: Field<String>) -> Result<NaiveDate, AppError> {
    let raw = normalize_text(&date.text_or("date")?);
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d").map_err(|_| invalid("date", FieldError::Choice))
}

fn time_field(start: Field<String>) -> Result<Option<NaiveTime>, AppError> {
    match start.get("start")?.map(|t| normalize_text(&t)) {
        None => Ok(None),
        Some(t) if t.is_empty() => Ok(None),
        Some(t) => NaiveTime::parse_from_str(&t, "%H:%M")
            .map(Some)
            .map_err(|_| invalid("start", FieldError::Choice)),
    }
}

/// `date`, `start` and `confirm_unusual_day` of a session body.
fn session_fields(body: SessionBody) -> Result<(NaiveDate, Option<NaiveTime>, bool), AppError> {
    let (date, start) = (date_field(body.date)?, time_field(body.start)?);
    let unusual = body.confirm_unusual_day.get("confirm_unusual_day")?;
    Ok((date, start, unusual == Some(true)))
}

/// `POST /api/v1/staff/sessions` with `{date: YYYY-MM-DD, start?: HH:MM,
/// confirm_unusual_day?: bool}`: a one-off evening.
#[utoipa::path(post, path = "/api/v1/staff/sessions", tag = "staff",
    request_body = SessionBody,
    responses(
        (status = 201, description = "Added", body = IdJson),
        (status = 409, description = "`unusual_day` (with `reasons`), or an evening at that time already", body = ErrorBody)))]
pub async fn add_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<SessionBody>,
) -> Result<(StatusCode, Json<IdJson>), AppError> {
    let (date, start, unusual) = session_fields(body)?;
    let id = office::add_session(&state, &staff.member, date, start, unusual)
        .await?
        .ok_or(invalid("date", FieldError::Choice))?;
    Ok((StatusCode::CREATED, Json(IdJson { id })))
}

/// `POST /api/v1/staff/sessions/{id}/cancel`: everyone booked is told.
#[utoipa::path(post, path = "/api/v1/staff/sessions/{id}/cancel", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "An evening")),
    responses(
        (status = 200, description = "Cancelled", body = SessionCancelled),
        (status = 409, description = "`session_not_scheduled`", body = ErrorBody)))]
pub async fn cancel_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<SessionCancelled>, AppError> {
    let id = parse_id(&id)?;
    let n = office::cancel_session(&state, &staff.member, id)
        .await?
        .ok_or(AppError::Conflict("session_not_scheduled"))?;
    Ok(Json(SessionCancelled {
        id,
        status: "cancelled",
        bookings_cancelled: n as i64,
    }))
}

/// `POST /api/v1/staff/sessions/{id}/restore`: takes back a cancellation
/// (409 `session_not_restorable` once it has started or if another evening
/// is at its time); the cancelled bookings stay cancelled.
#[utoipa::path(post, path = "/api/v1/staff/sessions/{id}/restore", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "An evening")),
    responses(
        (status = 200, description = "Scheduled again", body = SessionRestored),
        (status = 409, description = "`session_not_restorable`", body = ErrorBody)))]
pub async fn restore_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<SessionRestored>, AppError> {
    let id = parse_id(&id)?;
    office::restore_session(&state, &staff.member, id).await?;
    Ok(Json(SessionRestored {
        id,
        status: "scheduled",
    }))
}

/// `POST /api/v1/staff/sessions/{id}/move` with `{date, start?,
/// confirm_unusual_day?}`: bookings follow.
#[utoipa::path(post, path = "/api/v1/staff/sessions/{id}/move", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "An evening")),
    request_body = SessionBody,
    responses(
        (status = 200, description = "Moved, with its bookings", body = SessionMoved),
        (status = 409, description = "`session_not_movable`, `unusual_day`", body = ErrorBody)))]
pub async fn move_session(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<SessionBody>,
) -> Result<Json<SessionMoved>, AppError> {
    let id = parse_id(&id)?;
    let (date, start, unusual) = session_fields(body)?;
    let n = office::move_session(&state, &staff.member, id, date, start, unusual)
        .await?
        .ok_or(AppError::Conflict("session_not_movable"))?;
    let session = state
        .store
        .roster_session(id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(SessionMoved {
        id,
        starts_at: rfc3339_jst(session.starts_at),
        bookings_moved: n as i64,
    }))
}

/// `POST /api/v1/staff/schedule/generate` with `{months}`.
#[utoipa::path(post, path = "/api/v1/staff/schedule/generate", tag = "staff",
    request_body = GenerateBody,
    responses((status = 200, description = "The evenings of the months to come", body = Generated)))]
pub async fn generate(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<GenerateBody>,
) -> Result<Json<Generated>, AppError> {
    let months = body.months.get("months")?.unwrap_or(0);
    let done = office::generate(&state, &staff.member, u32::try_from(months).unwrap_or(0)).await?;
    Ok(Json(Generated {
        created: done.created.iter().map(|d| d.to_string()).collect(),
        existing: done.existing.iter().map(|d| d.to_string()).collect(),
    }))
}
