//! The health centre's JSON API: a business's request and status page
//! (`/api/v1/health-requests…`); the staff's queue, doctors' blocks,
//! scheduling assistant, roster, follow-up and figures
//! (`/api/v1/staff/health-…`) are in `staff`.

use super::api::{lang_of, object};
use super::error::{invalid, AppError};
use super::{parse_id, JsonBody, Manager, MaybeJson, StaffCaller};
use crate::domain::health::preferences::{weekday_code, weekdays_from_codes};
use crate::domain::health::request::{HealthInput, ServiceInput};
use crate::domain::health::{DueFlag, ServiceKind};
use crate::domain::time::{jst_instant, rfc3339_jst, to_jst};
use crate::domain::values::normalize_text;
use crate::domain::FieldError;
use crate::service::health::{
    self as service, Appointment, BlockInput, PreferencesInput, ProposalView, RequestView,
};
use crate::state::AppState;
use crate::store::{BlockRecord, InterviewRecord};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::NaiveTime;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

mod staff;
pub use staff::*;

/// A field as text: strings as they are, numbers written out; absent or null is empty.
fn text_of(value: Option<&Value>) -> Result<String, FieldError> {
    match value {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(_) => Err(FieldError::WrongType),
    }
}

/// Reads the request body into the form's terms; fields of the wrong JSON
/// type are refused with their own message.
fn health_input(obj: &Map<String, Value>) -> Result<HealthInput, AppError> {
    let mut wrong = crate::domain::FieldErrors::new();
    let mut text = |field: &'static str| {
        text_of(obj.get(field)).unwrap_or_else(|e| {
            wrong.insert(field, e);
            String::new()
        })
    };
    let mut input = HealthInput {
        business_name: text("business_name"),
        address: text("address"),
        workers: text("workers"),
        industry: text("industry"),
        contact_name: text("contact_name"),
        phone: text("phone"),
        email: text("email"),
        place: text("place"),
        consent: matches!(obj.get("consent"), Some(Value::Bool(true))),
        ..Default::default()
    };
    match obj.get("services") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                let Some(s) = item.as_object() else {
                    wrong.insert("services", FieldError::WrongType);
                    continue;
                };
                let part = |k: &str| text_of(s.get(k)).unwrap_or_default();
                input.services.push(ServiceInput {
                    kind: part("kind"),
                    workers: part("workers"),
                    requested_on: part("requested_on"),
                    checked_on: part("checked_on"),
                });
            }
        }
        Some(_) => {
            wrong.insert("services", FieldError::WrongType);
        }
    }
    // `preferred`: {weekdays: ["mon", …], time: "morning", note: "…"}, or a note as text.
    match obj.get("preferred") {
        None | Some(Value::Null) => {}
        Some(Value::String(note)) => input.preferred_note = note.clone(),
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
    if wrong.is_empty() {
        Ok(input)
    } else {
        Err(AppError::Invalid(wrong))
    }
}

/// `preferred`: `{weekdays: ["mon", …], time: "morning", note: "…"}`.
fn preferred_of(
    p: &Map<String, Value>,
    wrong: &mut crate::domain::FieldErrors,
) -> PreferencesInput {
    let weekdays = match p.get("weekdays") {
        Some(Value::Array(days)) => days
            .iter()
            .map(|d| d.as_str().unwrap_or("?").to_string())
            .collect(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => {
            wrong.insert("preferred.weekdays", FieldError::WrongType);
            Vec::new()
        }
    };
    PreferencesInput {
        weekdays,
        time: text_of(p.get("time")).unwrap_or_else(|_| "?".into()),
        note: text_of(p.get("note")).unwrap_or_default(),
    }
}

/// `POST /api/v1/health-requests`.
pub async fn create_request(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let obj = object(body)?;
    let input = health_input(&obj)?;
    let done = service::submit(&state, &input, lang_of(&obj)).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": done.id,
            "number": done.number,
            "status": "waiting",
            "position": done.position,
            "estimated_month": done.estimated_month,
            "due_on": done.due_on,
            "estimate_after_due": done.estimate_late,
            "manage_url": done.manage_url,
        })),
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
pub async fn managed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    Ok(Json(request_json(&service::status(&state, &token).await?)))
}

/// `POST /api/v1/health-requests/manage/{token}/contact` with `{contact_name, phone, email}`.
pub async fn update_contact(
    State(state): State<AppState>,
    Path(token): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    service::update_contact(
        &state,
        &token,
        &field("contact_name")?,
        &field("phone")?,
        &field("email")?,
    )
    .await?;
    managed(State(state), Path(token)).await
}

/// `POST /api/v1/health-requests/manage/{token}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    service::withdraw(&state, &token).await?;
    managed(State(state), Path(token)).await
}

/// `POST /api/v1/health-requests/manage/{token}/accept`: the proposed date suits.
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
pub async fn decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
    MaybeJson(body): MaybeJson,
) -> Result<Json<Value>, AppError> {
    let preferred = match body {
        Value::Null => None,
        Value::Object(obj) => match obj.get("preferred") {
            None | Some(Value::Null) => None,
            Some(Value::Object(p)) => {
                let mut wrong = crate::domain::FieldErrors::new();
                let p = preferred_of(p, &mut wrong);
                if !wrong.is_empty() {
                    return Err(AppError::Invalid(wrong));
                }
                Some(p)
            }
            Some(_) => return Err(invalid("preferred", FieldError::WrongType)),
        },
        _ => return Err(AppError::BadRequest("expected a JSON object".into())),
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
