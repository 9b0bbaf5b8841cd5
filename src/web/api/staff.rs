//! The staff's side of the evening bookings' API: a booking or a place on
//! the waitlist taken by phone, a booking cancelled or moved for its
//! person, and the state of its mails. The office's rules and audit lines
//! are in `service::office`.

use super::*;

/// `POST /api/v1/staff/evening-bookings`: a booking taken by phone.
#[utoipa::path(post, path = "/api/v1/staff/evening-bookings", tag = "staff",
    request_body = PhoneBookingBody,
    responses(
        (status = 201, description = "Booked for the caller", body = Created),
        (status = 404, description = "No such slot", body = ErrorBody),
        (status = 409, description = "`slot_taken`, `slot_closed`, `booking_not_open`, `booking_closed`", body = ErrorBody)))]
pub async fn staff_create_booking(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(b): JsonBody<PhoneBookingBody>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    create_booking(
        &state,
        (b.slot_id, b.slot_ids, b.person, b.email),
        None,
        Some(&staff.member),
    )
    .await
}

/// `POST /api/v1/staff/evening-waitlist`
#[utoipa::path(post, path = "/api/v1/staff/evening-waitlist", tag = "staff",
    request_body = WaitlistBody,
    responses(
        (status = 201, description = "On the waitlist", body = WaitlistJoined),
        (status = 404, description = "No such evening", body = ErrorBody),
        (status = 409, description = "`slots_available`, `already_waiting`, `booking_closed`", body = ErrorBody)))]
pub async fn staff_join_waitlist(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<WaitlistBody>,
) -> Result<(StatusCode, Json<WaitlistJoined>), AppError> {
    join_waitlist(&state, body, Some(staff.name)).await
}

/// `POST /api/v1/staff/bookings/{id}/cancel`
#[utoipa::path(post, path = "/api/v1/staff/bookings/{id}/cancel", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "A booking")),
    responses(
        (status = 200, description = "Cancelled; the person is mailed", body = StatusJson),
        (status = 409, description = "Already cancelled, or the evening has passed", body = ErrorBody)))]
pub async fn staff_cancel(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<StatusJson>, AppError> {
    office::cancel_booking(&state, &staff.member, parse_id(&id)?).await?;
    Ok(Json(StatusJson {
        status: "cancelled",
    }))
}

/// `POST /api/v1/staff/bookings/{id}/move` with `{slot_id}`
#[utoipa::path(post, path = "/api/v1/staff/bookings/{id}/move", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "A booking")),
    request_body = MoveBody,
    responses(
        (status = 200, description = "The booking at its new slot", body = BookingJson),
        (status = 409, description = "The slot is taken, closed or of another profession", body = ErrorBody)))]
pub async fn staff_move(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<MoveBody>,
) -> Result<Json<BookingJson>, AppError> {
    let booking = office::booking(&state, parse_id(&id)?).await?;
    let to = id_of(body.slot_id).map_err(|e| invalid("slot_id", e))?;
    let moved = office::move_booking(&state, &staff.member, booking, to).await?;
    Ok(Json(BookingJson::from(&moved)))
}

/// `GET /api/v1/staff/bookings/{id}/mail`: each mail of a booking and its
/// state (queued, sent, retrying, failed with the SMTP reason, skipped).
#[utoipa::path(get, path = "/api/v1/staff/bookings/{id}/mail", tag = "staff",
    params(("id" = i64, Path, minimum = 1, description = "A booking")),
    responses((status = 200, description = "The booking's mails", body = Vec<MailJson>)))]
pub async fn staff_booking_mail(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<Vec<MailJson>>, AppError> {
    let mails = office::mail_states(&state, &staff.member, parse_id(&id)?).await?;
    Ok(Json(
        mails
            .iter()
            .map(|m| MailJson {
                id: m.id,
                kind: m.kind.clone(),
                state: match (m.status.as_str(), m.attempts) {
                    ("queued", n) if n > 0 => "retrying".into(),
                    (status, _) => status.into(),
                },
                attempts: m.attempts.into(),
                last_error: m.last_error.clone(),
                sent_at: m.sent_at.map(rfc3339_jst),
            })
            .collect(),
    ))
}
