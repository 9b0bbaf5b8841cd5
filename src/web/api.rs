//! The JSON API (`/api/v1/…`), routed and described in `api_doc`: the
//! evenings, bookings and their manage links, the waitlist and its offers;
//! the staff's side of the evening bookings is in [`staff`].

use super::api_doc::evening::*;
use super::api_doc::schemas::ErrorBody;
use super::error::invalid;
use super::error::AppError;
use super::field::{Field, Number};
use super::{parse_id, JsonBody, Manager, MaybeJson};
use crate::domain::booking::keep;
use crate::domain::time::rfc3339_jst;
use crate::domain::{BookingInput, FieldError, FieldErrors, Lang};
use crate::service::booking::{book, BookRequest};
use crate::service::manage::{self, Managed};
use crate::service::{offers, office, waitlist};
use crate::state::AppState;
use crate::store::{BookingRecord, StaffMember};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::Value;

/// `{"status": "ok"}`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    status: &'static str,
}

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses(
    (status = 200, description = "The database answers", body = Health),
    (status = 503, description = "The database does not answer", body = ErrorBody)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    state
        .store
        .ping()
        .await
        .map_err(|e| AppError::Unavailable(e.to_string()))?;
    Ok(Json(Health { status: "ok" }))
}

/// `GET /api/v1/evening-sessions`: the sessions to come, with their slots.
#[utoipa::path(get, path = "/api/v1/evening-sessions", tag = "evening",
    responses((status = 200, description = "The evenings to come", body = Vec<SessionJson>)))]
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

/// An id of `slot_ids`, or of `slot_id`.
fn id_of(value: Field<Number>) -> Result<i64, FieldError> {
    match value {
        Field::Given(Number(id)) => Ok(id),
        Field::Absent => Err(FieldError::Required),
        Field::Wrong(e) => Err(e),
    }
}

/// `slot_id`, or `slot_ids` (one of each profession on one evening).
fn slot_ids(
    slot_id: Field<Number>,
    slot_ids: Field<Vec<Value>>,
    errors: &mut FieldErrors,
) -> Vec<i64> {
    match slot_ids {
        Field::Absent => keep(errors, "slot_id", id_of(slot_id))
            .into_iter()
            .collect(),
        Field::Given(items) if (1..=2).contains(&items.len()) => {
            let ids: Result<Vec<i64>, FieldError> = items
                .into_iter()
                .map(|v| id_of(Field::deserialize(v).unwrap_or(Field::Absent)))
                .collect();
            keep(errors, "slot_ids", ids).unwrap_or_default()
        }
        _ => {
            errors.insert("slot_ids", FieldError::Choice);
            Vec::new()
        }
    }
}

/// The language of the mails: `lang`, or the request's.
pub(super) fn lang_of(lang: Field<String>, errors: &mut FieldErrors) -> Lang {
    match lang.take(errors, "lang") {
        Some(code) => Lang::parse(&code).unwrap_or_else(|e| {
            errors.insert("lang", e);
            Lang::Ja
        }),
        None => super::context::RequestContext::current().lang,
    }
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

/// A booking from the JSON body: by the person, or taken by phone by `staff`.
async fn create_booking(
    state: &AppState,
    (slot_id, ids, person, email): (Field<Number>, Field<Vec<Value>>, PersonBody, Field<String>),
    source: Option<SourceBody>,
    staff: Option<&StaffMember>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let mut errors = FieldErrors::new();
    let source = source.map(|s| s.input(&mut errors)).unwrap_or_default();
    let slot_ids = slot_ids(slot_id, ids, &mut errors);
    let input = BookingInput {
        name: person.name.text(&mut errors, "name"),
        name_kana: person.name_kana.text(&mut errors, "name_kana"),
        phone: person.phone.text(&mut errors, "phone"),
        email: email.text(&mut errors, "email"),
        age_band: person.age_band.text(&mut errors, "age_band"),
        topic: person.topic.text(&mut errors, "topic"),
        note: person.note.text(&mut errors, "note"),
        consent: person.consent.yes(&mut errors, "consent"),
    };
    let lang = lang_of(person.lang, &mut errors);
    let type_errors = errors.clone();
    let request = BookRequest {
        slot_ids,
        input: &input,
        errors,
        lang,
        acted_by: None,
        source,
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
#[utoipa::path(post, path = "/api/v1/evening-bookings", tag = "evening",
    request_body = BookingBody,
    responses(
        (status = 201, description = "Booked; the manage link is also mailed", body = Created),
        (status = 404, description = "No such slot", body = ErrorBody),
        (status = 409, description = "`slot_taken`, `slot_closed`, `booking_not_open`, `booking_closed`", body = ErrorBody)))]
pub async fn create_evening_booking(
    State(state): State<AppState>,
    JsonBody(b): JsonBody<BookingBody>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    create_booking(
        &state,
        (b.slot_id, b.slot_ids, b.person, b.email),
        Some(b.source),
        None,
    )
    .await
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
#[utoipa::path(get, path = "/api/v1/manage/{token}", tag = "evening",
    params(("token" = String, Path, description = "The token of the manage link")),
    responses((status = 200, description = "The booking or the place on the waitlist", body = ManagedJson)))]
pub async fn managed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<ManagedJson>, AppError> {
    Ok(Json(match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => {
            let first = bookings
                .iter()
                .find(|b| b.status == "confirmed")
                .unwrap_or(&bookings[0]);
            ManagedJson::Booking {
                booking: BookingJson::from(first),
                bookings: bookings.iter().map(BookingJson::from).collect(),
                referrals: crate::service::referral::person::referrals(&state, &token)
                    .await?
                    .into_iter()
                    .map(super::referral_api::person_json)
                    .collect(),
            }
        }
        Managed::Waiting(entry, position) => ManagedJson::Waitlist {
            id: entry.id,
            status: entry.status.clone(),
            position: position.map(|p| p as i64),
            session_id: entry.session_id,
            profession: entry.profession(),
        },
    }))
}

/// `POST /api/v1/manage/{token}/cancel`: cancels the booking (both, for a
/// two-professional booking, unless `booking_id` names one), or leaves the waitlist.
#[utoipa::path(post, path = "/api/v1/manage/{token}/cancel", tag = "evening",
    params(("token" = String, Path, description = "The token of the manage link")),
    request_body(content = CancelBody, description = "Optional", content_type = "application/json"),
    responses(
        (status = 200, description = "`{status: cancelled, cancelled: n}` or `{status: withdrawn}`", body = CancelledJson),
        (status = 409, description = "Nothing left to cancel, or the place was already left", body = ErrorBody),
        (status = 422, description = "`booking_id` is not a booking of this link", body = ErrorBody)))]
pub async fn manage_cancel(
    State(state): State<AppState>,
    Path(token): Path<String>,
    MaybeJson(body): MaybeJson<CancelBody>,
) -> Result<Json<CancelledJson>, AppError> {
    let only = body.booking_id.get("booking_id")?.map(|Number(id)| id);
    match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => {
            let chosen: Vec<BookingRecord> = bookings
                .into_iter()
                .filter(|b| only.is_none_or(|id| b.id == id))
                .collect();
            if chosen.is_empty() {
                return Err(invalid("booking_id", FieldError::Choice));
            }
            let cancelled = manage::cancel(&state, &chosen, None).await?;
            Ok(Json(CancelledJson {
                status: "cancelled",
                cancelled: Some(cancelled),
            }))
        }
        Managed::Waiting(entry, _) => {
            if !state
                .store
                .withdraw_waitlist(entry.id, state.clock.now())
                .await?
            {
                return Err(AppError::Rule(crate::domain::rules::RuleBroken::OfferGone));
            }
            Ok(Json(CancelledJson {
                status: "withdrawn",
                cancelled: None,
            }))
        }
    }
}

/// `POST /api/v1/manage/{token}/move` with `{slot_id}`.
#[utoipa::path(post, path = "/api/v1/manage/{token}/move", tag = "evening",
    params(("token" = String, Path, description = "The token of the manage link")),
    request_body = MoveBody,
    responses(
        (status = 200, description = "The booking at its new slot", body = BookingJson),
        (status = 409, description = "The slot is taken, closed, of another profession, or the booking is cancelled", body = ErrorBody)))]
pub async fn manage_move(
    State(state): State<AppState>,
    Path(token): Path<String>,
    JsonBody(body): JsonBody<MoveBody>,
) -> Result<Json<BookingJson>, AppError> {
    let to = id_of(body.slot_id).map_err(|e| invalid("slot_id", e))?;
    let Managed::Bookings(bookings) = manage::lookup(&state, &token).await? else {
        return Err(AppError::NotFound);
    };
    let moved = manage::move_to(&state, &bookings, to, None).await?;
    Ok(Json(BookingJson::from(&moved)))
}

async fn join_waitlist(
    state: &AppState,
    b: WaitlistBody,
    acted_by: Option<String>,
) -> Result<(StatusCode, Json<WaitlistJoined>), AppError> {
    let mut errors = FieldErrors::new();
    let session_id = match b.session_id {
        Field::Given(Value::String(s)) if s == "next" => None,
        Field::Given(v) => keep(
            &mut errors,
            "session_id",
            id_of(Field::deserialize(v).unwrap_or(Field::Wrong(FieldError::NotANumber))),
        ),
        Field::Absent => keep(&mut errors, "session_id", Err(FieldError::Required)),
        Field::Wrong(e) => keep(&mut errors, "session_id", Err(e)),
    };
    let input = waitlist::WaitlistInput {
        session_id,
        profession: b.profession.text(&mut errors, "profession"),
        name: b.name.text(&mut errors, "name"),
        name_kana: b.name_kana.text(&mut errors, "name_kana"),
        phone: b.phone.text(&mut errors, "phone"),
        email: b.email.text(&mut errors, "email"),
        age_band: b.age_band.text(&mut errors, "age_band"),
        topic: b.topic.text(&mut errors, "topic"),
        note: b.note.text(&mut errors, "note"),
        consent: b.consent.yes(&mut errors, "consent"),
        // A place taken by staff came from a call, not from a link.
        source: match acted_by {
            None => b.source.input(&mut errors),
            Some(_) => Default::default(),
        },
    };
    let lang = lang_of(b.lang, &mut errors);
    let type_errors = errors.clone();
    let joined = waitlist::join(state, &input, errors, lang, acted_by)
        .await
        .map_err(|e| with_type_errors(e.into(), type_errors))?;
    Ok((
        StatusCode::CREATED,
        Json(WaitlistJoined {
            id: joined.id,
            position: joined.position as i64,
            manage_url: joined.manage_url,
        }),
    ))
}

/// `POST /api/v1/evening-waitlist`
#[utoipa::path(post, path = "/api/v1/evening-waitlist", tag = "evening",
    request_body = WaitlistBody,
    responses(
        (status = 201, description = "On the waitlist", body = WaitlistJoined),
        (status = 404, description = "No such evening", body = ErrorBody),
        (status = 409, description = "`slots_available` (book instead), `already_waiting`, `booking_closed`", body = ErrorBody)))]
pub async fn create_waitlist_entry(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<WaitlistBody>,
) -> Result<(StatusCode, Json<WaitlistJoined>), AppError> {
    join_waitlist(&state, body, None).await
}

/// `GET /api/v1/offers/{token}`
#[utoipa::path(get, path = "/api/v1/offers/{token}", tag = "evening",
    params(("token" = String, Path, description = "The token of the offer")),
    responses(
        (status = 200, description = "The open offer of a freed slot", body = OfferJson),
        (status = 409, description = "`offer_gone`: expired or answered", body = ErrorBody)))]
pub async fn offer(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<OfferJson>, AppError> {
    let o = offers::open_offer(&state, &token).await?;
    Ok(Json(OfferJson {
        status: "open",
        slot_id: o.slot_id,
        session_id: o.session_id,
        profession: o.profession(),
        starts_at: rfc3339_jst(o.starts_at),
        ends_at: rfc3339_jst(o.ends_at),
        venue: o.venue.clone(),
        expires_at: o.offer_expires_at.map(rfc3339_jst),
    }))
}

/// `POST /api/v1/offers/{token}/accept` → 201 with the booking.
#[utoipa::path(post, path = "/api/v1/offers/{token}/accept", tag = "evening",
    params(("token" = String, Path, description = "The token of the offer")),
    responses(
        (status = 201, description = "The held slot is a confirmed booking", body = OfferAccepted),
        (status = 409, description = "`offer_gone`", body = ErrorBody)))]
pub async fn offer_accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<(StatusCode, Json<OfferAccepted>), AppError> {
    let (o, manage_url) = offers::accept(&state, &token).await?;
    Ok((
        StatusCode::CREATED,
        Json(OfferAccepted {
            id: Some(o.booking_id),
            status: "confirmed",
            manage_url,
            slot_id: o.slot_id,
            session_id: o.session_id,
            profession: o.profession(),
            starts_at: rfc3339_jst(o.starts_at),
            ends_at: rfc3339_jst(o.ends_at),
        }),
    ))
}

/// `POST /api/v1/offers/{token}/decline` → 200.
#[utoipa::path(post, path = "/api/v1/offers/{token}/decline", tag = "evening",
    params(("token" = String, Path, description = "The token of the offer")),
    responses(
        (status = 200, description = "Declined; the slot goes to the next in line", body = StatusJson),
        (status = 409, description = "`offer_gone`", body = ErrorBody)))]
pub async fn offer_decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<StatusJson>, AppError> {
    offers::decline(&state, &token).await?;
    Ok(Json(StatusJson { status: "declined" }))
}

mod staff;
pub use staff::*;
