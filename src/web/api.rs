//! The JSON API (`/api/v1/…`), described in `openapi.json`: the evenings,
//! bookings and their manage links, the waitlist and its offers; the
//! staff's side of the evening bookings is in [`staff`].

use super::error::invalid;
use super::error::AppError;
use super::{parse_id, JsonBody, Manager, MaybeJson};
use crate::domain::booking::keep;
use crate::domain::time::rfc3339_jst;
use crate::domain::{BookingInput, FieldError, FieldErrors};
use crate::service::booking::{book, BookRequest};
use crate::service::manage::{self, Managed};
use crate::service::{offers, office, waitlist};
use crate::state::AppState;
use crate::store::{BookingRecord, StaffMember};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    state
        .store
        .ping()
        .await
        .map_err(|e| AppError::Unavailable(e.to_string()))?;
    Ok(Json(serde_json::json!({ "status": "ok" })))
}

pub async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
}

#[derive(Serialize)]
pub struct SlotJson {
    id: i64,
    profession: crate::domain::Profession,
    starts_at: String,
    ends_at: String,
    available: bool,
}

#[derive(Serialize)]
pub struct SessionJson {
    id: i64,
    starts_at: String,
    ends_at: String,
    venue: String,
    /// When booking opens and closes, by the booking rules.
    booking_opens_at: String,
    booking_closes_at: String,
    slots: Vec<SlotJson>,
}

/// `GET /api/v1/evening-sessions`: the sessions to come, with their slots.
pub async fn evening_sessions(
    State(state): State<AppState>,
) -> Result<Json<Vec<SessionJson>>, AppError> {
    let sessions = state.store.upcoming_sessions(state.clock.now()).await?;
    Ok(Json(
        sessions
            .into_iter()
            .map(|s| SessionJson {
                id: s.id,
                starts_at: rfc3339_jst(s.starts_at),
                ends_at: rfc3339_jst(s.ends_at),
                venue: s.venue,
                booking_opens_at: rfc3339_jst(state.rules.opens_at(s.starts_at)),
                booking_closes_at: rfc3339_jst(state.rules.closes_at(s.starts_at)),
                slots: s
                    .slots
                    .into_iter()
                    .map(|slot| SlotJson {
                        id: slot.id,
                        profession: slot.profession,
                        starts_at: rfc3339_jst(slot.starts_at),
                        ends_at: rfc3339_jst(slot.ends_at),
                        available: slot.available,
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// Reads one text field of a JSON object; absent or null is empty.
fn text(obj: &Map<String, Value>, errors: &mut FieldErrors, field: &'static str) -> String {
    match obj.get(field) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            errors.insert(field, FieldError::WrongType);
            String::new()
        }
    }
}

/// An id given as a number (or a string of digits, as forms send it).
fn id_value(value: Option<&Value>) -> Result<i64, FieldError> {
    match value {
        None | Some(Value::Null) => Err(FieldError::Required),
        Some(Value::Number(n)) => n.as_i64().ok_or(FieldError::NotANumber),
        Some(Value::String(s)) => crate::domain::values::normalize_text(s)
            .parse::<i64>()
            .map_err(|_| FieldError::NotANumber),
        Some(_) => Err(FieldError::NotANumber),
    }
}

/// `slot_id`, or `slot_ids` (one of each profession on one evening).
fn slot_ids(obj: &Map<String, Value>, errors: &mut FieldErrors) -> Vec<i64> {
    if let Some(list) = obj.get("slot_ids").filter(|v| !v.is_null()) {
        let Some(items) = list.as_array().filter(|a| (1..=2).contains(&a.len())) else {
            errors.insert("slot_ids", FieldError::Choice);
            return Vec::new();
        };
        let ids: Result<Vec<i64>, FieldError> = items.iter().map(|v| id_value(Some(v))).collect();
        return keep(errors, "slot_ids", ids).unwrap_or_default();
    }
    keep(errors, "slot_id", id_value(obj.get("slot_id")))
        .into_iter()
        .collect()
}

pub(super) fn object(body: Value) -> Result<Map<String, Value>, AppError> {
    match body {
        Value::Object(obj) => Ok(obj),
        _ => Err(AppError::BadRequest(
            "the body must be a JSON object".into(),
        )),
    }
}

pub(super) fn lang_of(obj: &Map<String, Value>) -> crate::domain::Lang {
    obj.get("lang")
        .and_then(Value::as_str)
        .and_then(|code| crate::domain::Lang::parse(code).ok())
        .unwrap_or_else(|| super::context::RequestContext::current().lang)
}

/// Fields refused while reading keep that reason over later ones.
fn with_type_errors(e: AppError, type_errors: FieldErrors) -> AppError {
    match e {
        AppError::Invalid(mut fields) => {
            fields.extend(type_errors);
            AppError::Invalid(fields)
        }
        other => other,
    }
}

#[derive(Serialize)]
pub struct Created {
    id: i64,
    ids: Vec<i64>,
    status: &'static str,
    manage_url: String,
}

/// A booking from the JSON body: by the person, or taken by phone by `staff`.
async fn create_booking(
    state: &AppState,
    body: Value,
    staff: Option<&StaffMember>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let obj = object(body)?;
    let mut errors = FieldErrors::new();
    let slot_ids = slot_ids(&obj, &mut errors);
    let input = BookingInput {
        name: text(&obj, &mut errors, "name"),
        name_kana: text(&obj, &mut errors, "name_kana"),
        phone: text(&obj, &mut errors, "phone"),
        email: text(&obj, &mut errors, "email"),
        age_band: text(&obj, &mut errors, "age_band"),
        topic: text(&obj, &mut errors, "topic"),
        note: text(&obj, &mut errors, "note"),
        consent: matches!(obj.get("consent"), Some(Value::Bool(true))),
    };
    let type_errors = errors.clone();
    let request = BookRequest {
        slot_ids,
        input: &input,
        errors,
        lang: lang_of(&obj),
        acted_by: None,
    };
    let booked = match staff {
        Some(who) => office::book_for_caller(state, who, request).await,
        None => book(state, request).await,
    }
    .map_err(|e| with_type_errors(e.into(), type_errors))?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id: booked.ids[0],
            ids: booked.ids,
            status: "confirmed",
            manage_url: booked.manage_url,
        }),
    ))
}

/// `POST /api/v1/evening-bookings`: one slot, or `slot_ids` for both professionals.
pub async fn create_evening_booking(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Created>), AppError> {
    create_booking(&state, body, None).await
}

#[derive(Serialize)]
pub struct BookingJson {
    id: i64,
    status: String,
    slot_id: i64,
    session_id: i64,
    profession: crate::domain::Profession,
    starts_at: String,
    ends_at: String,
    venue: String,
}

impl From<&BookingRecord> for BookingJson {
    fn from(b: &BookingRecord) -> BookingJson {
        BookingJson {
            id: b.id,
            status: b.status.clone(),
            slot_id: b.slot_id,
            session_id: b.session_id,
            profession: b.profession(),
            starts_at: rfc3339_jst(b.starts_at),
            ends_at: rfc3339_jst(b.ends_at),
            venue: b.venue.clone(),
        }
    }
}

/// `GET /api/v1/manage/{token}`: the booking (or waitlist place) behind a manage link.
pub async fn managed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    Ok(Json(match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => {
            let first = bookings
                .iter()
                .find(|b| b.status == "confirmed")
                .unwrap_or(&bookings[0]);
            let mut v = serde_json::to_value(BookingJson::from(first)).expect("serialisable");
            v["kind"] = json!("booking");
            v["bookings"] = json!(bookings.iter().map(BookingJson::from).collect::<Vec<_>>());
            v
        }
        Managed::Waiting(entry, position) => json!({
            "kind": "waitlist",
            "id": entry.id,
            "status": entry.status,
            "position": position,
            "session_id": entry.session_id,
            "profession": entry.profession(),
        }),
    }))
}

/// `POST /api/v1/manage/{token}/cancel`: cancels the booking (both, for a
/// two-professional booking, unless `booking_id` names one), or leaves the waitlist.
pub async fn manage_cancel(
    State(state): State<AppState>,
    Path(token): Path<String>,
    MaybeJson(body): MaybeJson,
) -> Result<Json<Value>, AppError> {
    match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => {
            let only = body.get("booking_id").and_then(Value::as_i64);
            let chosen: Vec<BookingRecord> = bookings
                .into_iter()
                .filter(|b| only.is_none_or(|id| b.id == id))
                .collect();
            if chosen.is_empty() {
                return Err(invalid("booking_id", FieldError::Choice));
            }
            let cancelled = manage::cancel(&state, &chosen, None).await?;
            Ok(Json(
                json!({ "status": "cancelled", "cancelled": cancelled }),
            ))
        }
        Managed::Waiting(entry, _) => {
            if !state
                .store
                .withdraw_waitlist(entry.id, state.clock.now())
                .await?
            {
                return Err(AppError::Rule(crate::domain::rules::RuleBroken::OfferGone));
            }
            Ok(Json(json!({ "status": "withdrawn" })))
        }
    }
}

/// `POST /api/v1/manage/{token}/move` with `{slot_id}`.
pub async fn manage_move(
    State(state): State<AppState>,
    Path(token): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<BookingJson>, AppError> {
    let obj = object(body)?;
    let to = id_value(obj.get("slot_id")).map_err(|e| invalid("slot_id", e))?;
    let Managed::Bookings(bookings) = manage::lookup(&state, &token).await? else {
        return Err(AppError::NotFound);
    };
    let moved = manage::move_to(&state, &bookings, to, None).await?;
    Ok(Json(BookingJson::from(&moved)))
}

async fn join_waitlist(
    state: &AppState,
    body: Value,
    acted_by: Option<String>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let obj = object(body)?;
    let mut errors = FieldErrors::new();
    let session_id = match obj.get("session_id") {
        Some(Value::String(s)) if s == "next" => None,
        other => keep(&mut errors, "session_id", id_value(other)),
    };
    let input = waitlist::WaitlistInput {
        session_id,
        profession: text(&obj, &mut errors, "profession"),
        name: text(&obj, &mut errors, "name"),
        name_kana: text(&obj, &mut errors, "name_kana"),
        phone: text(&obj, &mut errors, "phone"),
        email: text(&obj, &mut errors, "email"),
        age_band: text(&obj, &mut errors, "age_band"),
        topic: text(&obj, &mut errors, "topic"),
        note: text(&obj, &mut errors, "note"),
        consent: matches!(obj.get("consent"), Some(Value::Bool(true))),
    };
    let type_errors = errors.clone();
    let joined = waitlist::join(state, &input, errors, lang_of(&obj), acted_by)
        .await
        .map_err(|e| with_type_errors(e.into(), type_errors))?;
    Ok((
        StatusCode::CREATED,
        Json(
            json!({ "id": joined.id, "position": joined.position, "manage_url": joined.manage_url }),
        ),
    ))
}

/// `POST /api/v1/evening-waitlist`
pub async fn create_waitlist_entry(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    join_waitlist(&state, body, None).await
}

/// `GET /api/v1/offers/{token}`
pub async fn offer(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    let o = offers::open_offer(&state, &token).await?;
    Ok(Json(json!({
        "status": "open",
        "slot_id": o.slot_id,
        "session_id": o.session_id,
        "profession": o.profession(),
        "starts_at": rfc3339_jst(o.starts_at),
        "ends_at": rfc3339_jst(o.ends_at),
        "venue": o.venue,
        "expires_at": o.offer_expires_at.map(rfc3339_jst),
    })))
}

/// `POST /api/v1/offers/{token}/accept` → 201 with the booking.
pub async fn offer_accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let (o, manage_url) = offers::accept(&state, &token).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": o.booking_id,
            "status": "confirmed",
            "manage_url": manage_url,
            "slot_id": o.slot_id,
            "session_id": o.session_id,
            "profession": o.profession(),
            "starts_at": rfc3339_jst(o.starts_at),
            "ends_at": rfc3339_jst(o.ends_at),
        })),
    ))
}

/// `POST /api/v1/offers/{token}/decline` → 200.
pub async fn offer_decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, AppError> {
    offers::decline(&state, &token).await?;
    Ok(Json(json!({ "status": "declined" })))
}

mod staff;
pub use staff::*;
