//! Bookings the office handles for their people (電話予約 and after): a
//! booking taken by phone, moved or cancelled on the caller's behalf,
//! attendance, and the state of its mails. Each step, and each look at the
//! mails, writes its audit line, whether it comes from a page or the API.

use crate::domain::staff::Attendance;
use crate::domain::values::Note;
use crate::service::booking::{book, BookRequest, Booked};
use crate::service::evening::BookError;
use crate::service::manage;
use crate::state::AppState;
use crate::store::{BookingRecord, MailState, StaffMember};

/// How the consent of a caller booked by phone is recorded in the audit
/// line of the booking (staff read the privacy text to them and asked): a
/// code, which the audit log shows in the reader's words
/// (`i18n::audit_detail`).
pub const ORAL_CONSENT: &str = "consent=oral";

/// Marks, in the same line, a caller reached only by phone (電話連絡: no
/// email, no mail, a call list).
pub const PHONE_ONLY: &str = "phone_only";

/// The audit detail of a booking taken by phone: the consent, and whether
/// the caller is reached only by phone.
fn phone_booking_detail(phone_only: bool) -> String {
    if phone_only {
        format!("{ORAL_CONSENT} {PHONE_ONLY}")
    } else {
        ORAL_CONSENT.to_string()
    }
}

/// Records attendance of a confirmed booking. `NotFound` if there is none;
/// `attendance_too_early` before its evening has started (the figures count
/// only what happened).
pub async fn record_attendance(
    state: &AppState,
    who: &StaffMember,
    booking: i64,
    status: &str,
    note: &str,
) -> Result<Attendance, BookError> {
    let status = Attendance::parse(status).map_err(|e| BookError::invalid("status", e))?;
    let note = Note::parse(note).map_err(|e| BookError::invalid("note", e))?;
    let record = state
        .store
        .booking_by_id(booking)
        .await?
        .ok_or(BookError::NotFound)?;
    let evening = state
        .store
        .roster_session(record.session_id)
        .await?
        .ok_or(BookError::NotFound)?;
    if state.clock.now() < evening.starts_at {
        return Err(BookError::Conflict("attendance_too_early"));
    }
    if !state
        .store
        .set_attendance(booking, status, note.as_str(), state.clock.now())
        .await?
    {
        return Err(BookError::NotFound);
    }
    state
        .audit(
            who,
            "attendance",
            &format!("booking {booking}"),
            status.code(),
        )
        .await?;
    Ok(status)
}

/// A booking staff may act on for its person: confirmed or cancelled (not
/// an offer held for someone, nor one released).
pub async fn booking(state: &AppState, booking: i64) -> Result<BookingRecord, BookError> {
    state
        .store
        .booking_by_id(booking)
        .await?
        .filter(|b| b.status != "held" && b.status != "released")
        .ok_or(BookError::NotFound)
}

/// Cancels a booking on the person's behalf (they are told by mail when
/// they have an address); returns its evening.
pub async fn cancel_booking(
    state: &AppState,
    who: &StaffMember,
    booking: i64,
) -> Result<i64, BookError> {
    let record = self::booking(state, booking).await?;
    let session = record.session_id;
    manage::cancel(state, &[record], Some(&who.name)).await?;
    state
        .audit(who, "cancel_for_caller", &format!("booking {booking}"), "")
        .await?;
    Ok(session)
}

/// Books a caller who phoned, on their behalf: the booking records who
/// took it, the audit line the consent given orally and whether the caller
/// is reached by phone only (no email address: no mail, a call instead).
pub async fn book_for_caller(
    state: &AppState,
    who: &StaffMember,
    request: BookRequest<'_>,
) -> Result<Booked, BookError> {
    let phone_only = request.input.email.trim().is_empty();
    let booked = book(
        state,
        BookRequest {
            acted_by: Some(who.name.clone()),
            ..request
        },
    )
    .await?;
    let subject = format!("booking {}", booked.ids[0]);
    state
        .audit(
            who,
            "book_for_caller",
            &subject,
            &phone_booking_detail(phone_only),
        )
        .await?;
    Ok(booked)
}

/// Moves a booking to slot `to` on its person's behalf (they are told by
/// mail when they have an address).
pub async fn move_booking(
    state: &AppState,
    who: &StaffMember,
    booking: BookingRecord,
    to: i64,
) -> Result<BookingRecord, BookError> {
    let id = booking.id;
    let moved = manage::move_to(state, &[booking], to, Some(&who.name)).await?;
    state
        .audit(
            who,
            "move_for_caller",
            &format!("booking {id}"),
            &format!("to slot {to}"),
        )
        .await?;
    Ok(moved)
}

/// Each mail of a booking and its state; the look is audited.
pub async fn mail_states(
    state: &AppState,
    who: &StaffMember,
    booking: i64,
) -> Result<Vec<MailState>, BookError> {
    let booking = self::booking(state, booking).await?;
    let mails = state.store.mail_for_booking(booking.id).await?;
    state
        .audit(
            who,
            "view_mail_states",
            &format!("booking {}", booking.id),
            "",
        )
        .await?;
    Ok(mails)
}
