//! The health centre's JSON API: a business's request and status page
//! (`/api/v1/health-requests…`), and the staff's queue, doctors' blocks,
//! scheduling assistant, roster and figures (`/api/v1/staff/health-…`).

use super::api::{lang_of, object};
use super::error::{invalid, AppError};
use super::{parse_id, JsonBody, Manager, MaybeJson, StaffCaller};
use crate::domain::health::request::{
    weekday_code, weekdays_from_codes, HealthInput, ServiceInput,
};
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

/// `GET /api/v1/staff/health-queue`: open requests in order, each with its due date.
pub async fn queue(
    State(state): State<AppState>,
    Manager(staff): Manager,
) -> Result<Json<Value>, AppError> {
    let lines = service::queue(&state, &staff.member).await?;
    Ok(Json(Value::Array(
        lines
            .iter()
            .map(|v| {
                let mut j = request_json(v);
                j["moved_to"] = json!(v.request.moved_to);
                j["move_reason"] = json!(v.request.move_reason);
                j
            })
            .collect(),
    )))
}

/// `POST /api/v1/staff/health-queue/{id}/move` with `{to, reason}` (`to` empty: back to its own due date).
pub async fn move_request(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    service::move_request(&state, &staff.member, id, &field("to")?, &field("reason")?).await?;
    queue(State(state), Manager(staff)).await
}

pub fn block_json(b: &BlockRecord) -> Value {
    json!({
        "id": b.id,
        "doctor_id": b.doctor_id,
        "doctor": b.doctor_name,
        "date": b.day,
        "starts_at": rfc3339_jst(b.starts_at),
        "ends_at": rfc3339_jst(b.ends_at),
        "place": b.place,
        "capacity": b.capacity,
        "used": b.used_interviews,
        "used_minutes": b.used_minutes,
    })
}

/// `POST /api/v1/staff/health-availability` with `{doctor_id, date, start, end, place, capacity}`.
pub async fn add_block(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    let input = BlockInput {
        doctor_id: field("doctor_id")?,
        date: field("date")?,
        start: field("start")?,
        end: field("end")?,
        place: field("place")?,
        capacity: field("capacity")?,
    };
    let (id, _) = service::add_block(&state, &staff.member, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(block_json(&state.store.health_block(id).await?)),
    ))
}

/// `GET /api/v1/staff/health-availability?from=&to=`: the blocks of a period.
pub async fn blocks(
    State(state): State<AppState>,
    Manager(_): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let (from, to) = service::period(&get("from"), &get("to"))?;
    let blocks = state.store.health_blocks(from, to).await?;
    Ok(Json(Value::Array(blocks.iter().map(block_json).collect())))
}

fn proposal_json(from: chrono::NaiveDate, to: chrono::NaiveDate, v: &ProposalView) -> Value {
    let assignments: Vec<Value> = v
        .proposal
        .assignments
        .iter()
        .map(|a| {
            let r = &v.requests[&a.request_id];
            json!({
                "request_id": a.request_id,
                "number": r.number(),
                "business_name": r.business_name,
                "due_on": r.due_on,
                "place": r.place,
                "block_id": a.block_id,
                "doctor_id": a.doctor_id,
                "doctor": v.blocks.get(&a.block_id).map(|b| b.doctor_name.clone()),
                "date": a.date,
                "start": a.start.format("%H:%M").to_string(),
                "end": a.end.format("%H:%M").to_string(),
                "starts_at": rfc3339_jst(jst_instant(a.date, a.start)),
                "ends_at": rfc3339_jst(jst_instant(a.date, a.end)),
            })
        })
        .collect();
    let unassigned: Vec<Value> = v
        .proposal
        .unassigned
        .iter()
        .map(|id| {
            let r = &v.requests[id];
            json!({"request_id": id, "number": r.number(), "business_name": r.business_name, "due_on": r.due_on, "place": r.place})
        })
        .collect();
    json!({"from": from, "to": to, "assignments": assignments, "unassigned": unassigned})
}

fn period_of(obj: &Map<String, Value>) -> Result<(chrono::NaiveDate, chrono::NaiveDate), AppError> {
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    Ok(service::period(&field("from")?, &field("to")?)?)
}

/// `POST /api/v1/staff/health-schedule/propose` with `{from, to}`: nothing is written.
pub async fn propose(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let (from, to) = period_of(&object(body)?)?;
    let view = service::propose(&state, from, to).await?;
    Ok(Json(proposal_json(from, to, &view)))
}

/// The appointments of a confirm body: `assignments` as proposed (and
/// perhaps adjusted: another block, another start), or, without them,
/// the assistant's proposal for `{from, to}` as it stands.
async fn appointments(
    state: &AppState,
    obj: &Map<String, Value>,
) -> Result<Vec<Appointment>, AppError> {
    let Some(list) = obj.get("assignments").filter(|v| !v.is_null()) else {
        let (from, to) = period_of(obj)?;
        let view = service::propose(state, from, to).await?;
        return Ok(view
            .proposal
            .assignments
            .iter()
            .map(|a| Appointment {
                request_id: a.request_id,
                block_id: a.block_id,
                start: Some(a.start),
            })
            .collect());
    };
    let items = list
        .as_array()
        .ok_or_else(|| invalid("assignments", FieldError::WrongType))?;
    let id = |v: Option<&Value>, field: &'static str| {
        text_of(v)
            .ok()
            .and_then(|t| normalize_text(&t).parse::<i64>().ok())
            .ok_or_else(|| invalid(field, FieldError::NotANumber))
    };
    items
        .iter()
        .map(|item| {
            let start = match text_of(item.get("start")).map(|t| normalize_text(&t)) {
                Ok(t) if t.is_empty() => None,
                Ok(t) => Some(
                    NaiveTime::parse_from_str(&t, "%H:%M")
                        .map_err(|_| invalid("assignments.start", FieldError::Choice))?,
                ),
                Err(e) => return Err(invalid("assignments.start", e)),
            };
            Ok(Appointment {
                request_id: id(item.get("request_id"), "assignments.request_id")?,
                block_id: id(item.get("block_id"), "assignments.block_id")?,
                start,
            })
        })
        .collect()
}

/// `POST /api/v1/staff/health-schedule/confirm`: writes the appointments
/// and mails each business its proposed date. Each is confirmed or
/// refused on its own, with the reason.
pub async fn confirm(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let obj = object(body)?;
    let list = appointments(&state, &obj).await?;
    let (confirmed, refused) = service::confirm(&state, &staff.member, &list).await?;
    let lang = super::context::RequestContext::current().lang;
    Ok(Json(json!({
        "confirmed": confirmed.iter().map(|c| json!({
            "interview_id": c.interview_id,
            "request_id": c.request_id,
            "block_id": c.block_id,
            "starts_at": rfc3339_jst(c.starts_at),
            "ends_at": rfc3339_jst(c.ends_at),
            "status": "proposed",
        })).collect::<Vec<_>>(),
        "refused": refused.iter().map(|(id, why)| json!({
            "request_id": id,
            "reason": why,
            "message": super::i18n::health_conflict(why, lang),
        })).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/staff/health-roster?month=YYYY-MM`: the doctors' days. A
/// doctor sees only their own interviews and blocks.
pub async fn roster(
    State(state): State<AppState>,
    caller: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let month = q
        .get("month")
        .cloned()
        .unwrap_or_else(|| to_jst(state.clock.now()).format("%Y-%m").to_string());
    let (from, to) = super::staff_api::month_bounds(&month)?;
    let (interviews, blocks) = service::roster(&state, &caller.member, from, to).await?;
    let manages = caller.member.role.manages();
    Ok(Json(json!({
        "month": month,
        "blocks": blocks.iter().map(block_json).collect::<Vec<_>>(),
        "interviews": interviews.iter().map(|i| {
            let mut v = interview_json(i);
            v["request_id"] = json!(i.request_id);
            v["business_name"] = json!(i.business_name);
            v["interviews"] = json!(i.interviews);
            if i.visit || manages {
                v["address"] = json!(i.address);
            }
            if manages {
                v["contact_name"] = json!(i.contact_name);
                v["phone"] = json!(i.phone);
            }
            v
        }).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/staff/health-requests/{id}/accept` (or `…/decline`): the
/// business answered the proposed date by phone.
pub async fn answer_for(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path((id, answer)): Path<(String, String)>,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::NotFound),
    };
    service::answer_for(&state, &staff.member, id, accept).await?;
    let request = state.store.health_request(id).await?;
    Ok(Json(json!({"id": id, "status": request.status})))
}

/// `POST /api/v1/staff/health-requests/{id}/after-no-show` with
/// `{outcome: "requeue" | "close", reason}`: after an interview recorded
/// as not having taken place, the request waits again at its place or is
/// closed with the reason (required then); the business is mailed.
pub async fn after_no_show(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    service::after_no_show(
        &state,
        &staff.member,
        id,
        &field("outcome")?,
        &field("reason")?,
    )
    .await?;
    let request = state.store.health_request(id).await?;
    Ok(Json(json!({
        "id": id,
        "status": status_code(&request),
        "closed_reason": request.closed_reason,
    })))
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

/// `POST /api/v1/staff/health-interviews/{id}/attendance` with `{status:
/// "attended" | "no_show"}`, after the interview's start.
pub async fn attendance(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let obj = object(body)?;
    let status = text_of(obj.get("status")).map_err(|e| invalid("status", e))?;
    service::record_attendance(&state, &staff.member, id, &status).await?;
    Ok(Json(json!({"id": id, "status": normalize_text(&status)})))
}

/// `GET /api/v1/staff/health-figures?from=YYYY-MM&to=YYYY-MM`: per month,
/// workplaces served, workers per kind, median and 90th-percentile wait in
/// days, requests seen after their due date.
pub async fn figures(
    State(state): State<AppState>,
    Manager(_): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let this = to_jst(state.clock.now()).format("%Y-%m").to_string();
    let month = |k: &'static str| {
        let raw = q.get(k).cloned().unwrap_or_else(|| this.clone());
        super::staff_api::month_bounds(&raw)
            .map(|(f, _)| to_jst(f).date_naive())
            .map_err(|_| invalid(k, FieldError::Choice))
    };
    let (from, to) = (month("from")?, month("to")?);
    let rows = service::figures(&state, from, to).await?;
    Ok(Json(Value::Array(
        rows.iter()
            .map(|f| {
                let workers: Map<String, Value> = ServiceKind::ALL
                    .iter()
                    .zip(f.workers)
                    .map(|(k, n)| (k.code().to_string(), json!(n)))
                    .collect();
                json!({
                    "month": f.month,
                    "workplaces": f.workplaces,
                    "workers": workers,
                    "median_wait_days": f.median_wait_days,
                    "p90_wait_days": f.p90_wait_days,
                    "seen_after_due": f.seen_after_due,
                })
            })
            .collect(),
    )))
}
