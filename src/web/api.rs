//! The JSON API (`/api/v1/…`), described in `openapi.json`.

use super::error::AppError;
use super::JsonBody;
use crate::domain::booking::keep;
use crate::domain::time::rfc3339_jst;
use crate::domain::token::Token;
use crate::domain::{BookingInput, FieldError, FieldErrors};
use crate::service::booking::book_slot;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::Serialize;
use serde_json::{Map, Value};

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

/// A slot id given as a number (or a string of digits, as forms send it).
fn slot_id(obj: &Map<String, Value>, errors: &mut FieldErrors) -> Option<i64> {
    let parsed = match obj.get("slot_id") {
        None | Some(Value::Null) => Err(FieldError::Required),
        Some(Value::Number(n)) => n.as_i64().ok_or(FieldError::NotANumber),
        Some(Value::String(s)) => {
            let folded = crate::domain::values::normalize_text(s);
            folded.parse::<i64>().map_err(|_| FieldError::NotANumber)
        }
        Some(_) => Err(FieldError::NotANumber),
    };
    keep(errors, "slot_id", parsed)
}

#[derive(Serialize)]
pub struct Created {
    id: i64,
    status: &'static str,
    manage_url: String,
}

/// `POST /api/v1/evening-bookings`
pub async fn create_evening_booking(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let Value::Object(obj) = body else {
        return Err(AppError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    };
    let mut errors = FieldErrors::new();
    let slot_id = slot_id(&obj, &mut errors);
    let input = BookingInput {
        name: text(&obj, &mut errors, "name"),
        name_kana: text(&obj, &mut errors, "name_kana"),
        phone: text(&obj, &mut errors, "phone"),
        email: text(&obj, &mut errors, "email"),
        age_band: text(&obj, &mut errors, "age_band"),
        topic: text(&obj, &mut errors, "topic"),
        note: text(&obj, &mut errors, "note"),
        consent: match obj.get("consent") {
            Some(Value::Bool(b)) => *b,
            _ => false,
        },
    };
    let lang = match obj.get("lang").and_then(Value::as_str) {
        Some(code) => crate::domain::Lang::parse(code).unwrap_or(crate::domain::Lang::Ja),
        None => super::context::RequestContext::current().lang,
    };
    // Fields that were of the wrong JSON type keep that reason.
    let type_errors = errors.clone();
    let booked = book_slot(&state, slot_id, &input, errors, lang)
        .await
        .map_err(|e| match AppError::from(e) {
            AppError::Invalid(mut fields) => {
                fields.extend(type_errors);
                AppError::Invalid(fields)
            }
            other => other,
        })?;
    Ok((
        StatusCode::CREATED,
        Json(Created {
            id: booked.id,
            status: "confirmed",
            manage_url: booked.manage_url,
        }),
    ))
}

#[derive(Serialize)]
pub struct ManagedBooking {
    id: i64,
    status: String,
    slot_id: i64,
    session_id: i64,
    profession: crate::domain::Profession,
    starts_at: String,
    ends_at: String,
    venue: String,
}

/// `GET /api/v1/manage/{token}`: the booking behind a manage link.
pub async fn managed_booking(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<ManagedBooking>, AppError> {
    let token = Token::parse(&token).ok_or(AppError::NotFound)?;
    let b = state
        .store
        .booking_by_token_hash(&token.hash())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(ManagedBooking {
        id: b.id,
        profession: b.profession(),
        status: b.status,
        slot_id: b.slot_id,
        session_id: b.session_id,
        starts_at: rfc3339_jst(b.starts_at),
        ends_at: rfc3339_jst(b.ends_at),
        venue: b.venue,
    }))
}
