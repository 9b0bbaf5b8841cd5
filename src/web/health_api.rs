//! The health centre's JSON API: a business's request and status page
//! (`/api/v1/health-requests…`); the staff's queue, doctors' blocks,
//! scheduling assistant, roster, follow-up and figures
//! (`/api/v1/staff/health-…`) are in `staff`.

use super::api::lang_of;
use super::api_doc::health::*;
use super::api_doc::schemas::ErrorBody;
use super::error::{invalid, AppError};
use super::field::{Field, NumberText};
use super::{parse_id, JsonBody, Manager, MaybeJson, StaffCaller};
use crate::domain::health::preferences::{weekday_code, weekdays_from_codes};
use crate::domain::health::request::{HealthInput, ServiceInput};
use crate::domain::health::{DueFlag, ServiceKind};
use crate::domain::outreach::SourceInput;
use crate::domain::time::{jst_instant, rfc3339_jst, to_jst};
use crate::domain::values::normalize_text;
use crate::domain::{FieldError, FieldErrors, Lang};
use crate::service::health::{
    self as service, Appointment, BlockInput, PreferencesInput, ProposalView, RequestView,
};
use crate::state::AppState;
use crate::store::{BlockRecord, InterviewRecord};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::NaiveTime;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

mod staff;
pub use staff::*;

/// A part of a service or an appointment as text: strings as they are,
/// and for a number (`workers`, ids) a JSON number written out; absent or
/// null is empty.
fn text_of(value: Option<&Value>, number: bool) -> Result<String, FieldError> {
    match value {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) if number => Ok(n.to_string()),
        Some(_) => Err(FieldError::WrongType),
    }
}

/// A count as the domain's text: not given is empty.
fn number_text(field: Field<NumberText>, errors: &mut FieldErrors, name: &'static str) -> String {
    field.take(errors, name).map(|n| n.0).unwrap_or_default()
}

/// Reads the request body into the form's terms; fields of the wrong JSON
/// type are refused with their own message.
fn health_input(b: HealthRequestBody) -> Result<(HealthInput, Lang, SourceInput), AppError> {
    let mut wrong = FieldErrors::new();
    let source = b.source.input(&mut wrong);
    let mut input = HealthInput {
        business_name: b.business_name.text(&mut wrong, "business_name"),
        address: b.address.text(&mut wrong, "address"),
        workers: number_text(b.workers, &mut wrong, "workers"),
        industry: b.industry.text(&mut wrong, "industry"),
        contact_name: b.contact_name.text(&mut wrong, "contact_name"),
        phone: b.phone.text(&mut wrong, "phone"),
        email: b.email.text(&mut wrong, "email"),
        place: b.place.text(&mut wrong, "place"),
        consent: b.consent.yes(&mut wrong, "consent"),
        ..Default::default()
    };
    for item in b.services.take(&mut wrong, "services").unwrap_or_default() {
        let Some(s) = item.as_object() else {
            wrong.insert("services", FieldError::WrongType);
            continue;
        };
        let mut part = |k: &str| {
            text_of(s.get(k), k == "workers").unwrap_or_else(|e| {
                wrong.insert("services", e);
                String::new()
            })
        };
        input.services.push(ServiceInput {
            kind: part("kind"),
            workers: part("workers"),
            requested_on: part("requested_on"),
            checked_on: part("checked_on"),
        });
    }
    // `preferred`: {weekdays: ["mon", …], time: "morning", note: "…"}, or a note as text.
    match b.preferred.take(&mut wrong, "preferred") {
        None => {}
        Some(Value::String(note)) => input.preferred_note = note,
        Some(Value::Object(p)) => {
            let p = preferred_of(p, &mut wrong);
            input.weekdays = p.weekdays;
            input.time_of_day = p.time;
            input.preferred_note = p.note;
        }
        Some(_) => {
            wrong.insert("preferred", FieldError::WrongType);
        }
    }
    let lang = lang_of(b.lang, &mut wrong);
    if wrong.is_empty() {
        Ok((input, lang, source))
    } else {
        Err(AppError::Invalid(wrong))
    }
}

/// `preferred`: `{weekdays: ["mon", …], time: "morning", note: "…"}`.
fn preferred_of(p: Map<String, Value>, wrong: &mut FieldErrors) -> PreferencesInput {
    let p = PreferredBody::deserialize(Value::Object(p)).unwrap_or_default();
    PreferencesInput {
        weekdays: p
            .weekdays
            .take(wrong, "preferred.weekdays")
            .unwrap_or_default(),
        time: match p.time {
            Field::Wrong(_) => "?".into(),
            other => other.take(wrong, "preferred.time").unwrap_or_default(),
        },
        note: p.note.text(wrong, "preferred.note"),
    }
}

/// `POST /api/v1/health-requests`.
#[utoipa::path(post, path = "/api/v1/health-requests", tag = "health",
    request_body = HealthRequestBody,
    responses(
        (status = 201, description = "Received: its place in the queue and the expected month", body = HealthCreated),
        (status = 409, description = "A request of this business is already waiting", body = ErrorBody),
        (status = 422, description = "Refused fields, or `not_eligible` (with `reason`: where to go instead)", body = ErrorBody)))]
pub async fn create_request(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<HealthRequestBody>,
) -> Result<(StatusCode, Json<HealthCreated>), AppError> {
    let (input, lang, source) = health_input(body)?;
    let done = service::submit(&state, &input, lang, &source).await?;
    Ok((
        StatusCode::CREATED,
        Json(HealthCreated {
            id: done.id,
            number: done.number,
            status: "waiting",
            position: done.position as i64,
            estimated_month: done.estimated_month,
            due_on: done.due_on,
            estimate_after_due: done.estimate_late,
            manage_url: done.manage_url,
        }),
    ))
}

fn flag_code(flag: DueFlag) -> Value {
    match flag {
        DueFlag::None => Value::Null,
        DueFlag::DueSoon => json!("due_soon"),
        DueFlag::Overdue => json!("overdue"),
    }
}

pub fn interview_json(i: &InterviewRecord) -> Value {
    json!({
        "id": i.id,
        "status": i.status,
        "starts_at": rfc3339_jst(i.starts_at),
        "ends_at": rfc3339_jst(i.ends_at),
        "place": if i.visit { "visit" } else { "centre" },
        "doctor": i.doctor_name,
        "doctor_id": i.doctor_id,
        "block_id": i.block_id,
        "attended": i.attended,
    })
}

/// A request as JSON: what its business sees, and staff too.
fn request_json(v: &RequestView) -> Value {
    let r = &v.request;
    json!({
        "id": r.id,
        "number": r.number(),
        "status": status_code(r),
        "closed_reason": r.closed_reason,
        "position": v.position,
        "estimated_month": v.estimated_month,
        "received_on": r.received_on,
        "due_on": r.due_on,
        "estimate_after_due": v.late,
        "flag": flag_code(v.flag),
        "business_name": r.business_name,
        "address": r.address,
        "workers": r.workers,
        "industry": r.industry,
        "contact_name": r.contact_name,
        "phone": r.phone,
        "email": r.email,
        "place": r.place,
        "preferred": {
            "weekdays": weekdays_from_codes(&r.weekdays).into_iter().map(weekday_code).collect::<Vec<_>>(),
            "time": r.time_of_day,
            "note": r.preferred_note,
        },
        "services": v.services.iter().map(|s| json!({
            "kind": s.kind,
            "workers": s.workers,
            "requested_on": s.requested_on,
            "checked_on": s.checked_on,
        })).collect::<Vec<_>>(),
        "interviews": r.interviews,
        "minutes": r.minutes,
        "interview": v.interview.as_ref().map(interview_json),
    })
}

/// `GET /api/v1/health-requests/manage/{token}`.
#[utoipa::path(get, path = "/api/v1/health-requests/manage/{token}", tag = "health", operation_id = "health_managed",
    params(("token" = String, Path, description = "The token of the request's status page")),
    responses((status = 200, description = "The request, its place and its interview", body = Object)))]
pub async fn managed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    Ok(Json(request_json(&service::status(&state, &token).await?)))
}

/// `POST /api/v1/health-requests/manage/{token}/contact` with `{contact_name, phone, email}`.
#[utoipa::path(post, path = "/api/v1/health-requests/manage/{token}/contact", tag = "health",
    params(("token" = String, Path, description = "The token of the request's status page")),
    request_body = ContactBody,
    responses(
        (status = 200, description = "The request with its new contact", body = Object),
        (status = 409, description = "The request is closed", body = ErrorBody)))]
pub async fn update_contact(
    State(state): State<AppState>,
    Path(token): Path<String>,
    JsonBody(body): JsonBody<ContactBody>,
) -> Result<Json<Value>, AppError> {
    service::update_contact(
        &state,
        &token,
        &body.contact_name.text_or("contact_name")?,
        &body.phone.text_or("phone")?,
        &body.email.text_or("email")?,
    )
    .await?;
    managed(State(state), Path(token)).await
}

/// `POST /api/v1/health-requests/manage/{token}/withdraw`.
#[utoipa::path(post, path = "/api/v1/health-requests/manage/{token}/withdraw", tag = "health",
    params(("token" = String, Path, description = "The token of the request's status page")),
    responses(
        (status = 200, description = "Withdrawn", body = Object),
        (status = 409, description = "Not possible in the request's state", body = ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    service::withdraw(&state, &token).await?;
    managed(State(state), Path(token)).await
}

/// `POST /api/v1/health-requests/manage/{token}/accept`: the proposed date suits.
#[utoipa::path(post, path = "/api/v1/health-requests/manage/{token}/accept", tag = "health",
    params(("token" = String, Path, description = "The token of the request's status page")),
    responses(
        (status = 200, description = "The interview is booked", body = Object),
        (status = 409, description = "Not possible in the request's state", body = ErrorBody)))]
pub async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    service::answer(&state, &token, true, None).await?;
    managed(State(state), Path(token)).await
}

/// `POST /api/v1/health-requests/manage/{token}/decline`: another date,
/// please (the place is kept). An optional body `{"preferred": {weekdays,
/// time, note}}` says what would suit; it replaces the request's
/// preferences and the assistant follows it.
#[utoipa::path(post, path = "/api/v1/health-requests/manage/{token}/decline", tag = "health",
    params(("token" = String, Path, description = "The token of the request's status page")),
    request_body(content = DeclineBody, description = "Optional", content_type = "application/json"),
    responses(
        (status = 200, description = "Waiting for another date, at its place", body = Object),
        (status = 409, description = "No date proposed", body = ErrorBody)))]
pub async fn decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
    MaybeJson(body): MaybeJson<DeclineBody>,
) -> Result<Json<Value>, AppError> {
    let preferred = match body.preferred.get("preferred")? {
        None => None,
        Some(p) => {
            let mut wrong = FieldErrors::new();
            let p = preferred_of(p, &mut wrong);
            if !wrong.is_empty() {
                return Err(AppError::Invalid(wrong));
            }
            Some(p)
        }
    };
    service::answer(&state, &token, false, preferred.as_ref()).await?;
    managed(State(state), Path(token)).await
}

/// A request's status as the API gives it: `closed` for one the centre
/// closed (stored as withdrawn, with its reason).
fn status_code(r: &crate::store::HealthRequestRecord) -> &str {
    if r.status == "withdrawn" && r.closed_reason.is_some() {
        "closed"
    } else {
        &r.status
    }
}
