//! The staff's side of the evening bookings' API: a booking or a place on
//! the waitlist taken by phone, a booking cancelled or moved for its
//! person, and the state of its mails. The office's rules and audit lines
//! are in `service::office`.

use super::*;

/// `POST /api/v1/staff/evening-bookings`: a booking taken by phone.
pub async fn staff_create_booking(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Created>), AppError> {
    create_booking(&state, body, Some(&staff.member)).await
}

/// `POST /api/v1/staff/evening-waitlist`
pub async fn staff_join_waitlist(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    join_waitlist(&state, body, Some(staff.name)).await
}

/// `POST /api/v1/staff/bookings/{id}/cancel`
pub async fn staff_cancel(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    office::cancel_booking(&state, &staff.member, parse_id(&id)?).await?;
    Ok(Json(json!({ "status": "cancelled" })))
}

/// `POST /api/v1/staff/bookings/{id}/move` with `{slot_id}`
pub async fn staff_move(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<BookingJson>, AppError> {
    let booking = office::booking(&state, parse_id(&id)?).await?;
    let to = id_value(object(body)?.get("slot_id")).map_err(|e| invalid("slot_id", e))?;
    let moved = office::move_booking(&state, &staff.member, booking, to).await?;
    Ok(Json(BookingJson::from(&moved)))
}

/// `GET /api/v1/staff/bookings/{id}/mail`: each mail of a booking and its
/// state (queued, sent, retrying, failed with the SMTP reason, skipped).
pub async fn staff_booking_mail(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let mails = office::mail_states(&state, &staff.member, parse_id(&id)?).await?;
    Ok(Json(json!(mails
        .iter()
        .map(|m| json!({
            "id": m.id,
            "kind": m.kind,
            "state": match (m.status.as_str(), m.attempts) {
                ("queued", n) if n > 0 => "retrying",
                (status, _) => status,
            },
            "attempts": m.attempts,
            "last_error": m.last_error,
            "sent_at": m.sent_at.map(rfc3339_jst),
        }))
        .collect::<Vec<_>>())))
}
