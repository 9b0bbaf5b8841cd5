//! What the office (事務局) does to the schedule, the professionals and the
//! bookings, each step with its line in the audit log. The staff API and
//! the staff pages both call these; they only read requests and render.

use super::evening::BookError;
use super::schedule;
use crate::domain::series::unusual_day;
use crate::domain::staff::Attendance;
use crate::domain::values::{normalize_text, optional_text, Note, PersonName};
use crate::domain::{FieldError, FieldErrors, Profession};
use crate::state::AppState;
use crate::store::{BookingRecord, StaffMember};
use chrono::{NaiveDate, NaiveTime};

/// How the consent of a caller booked by phone is recorded (in the audit
/// line of the booking): staff read the privacy text to them and asked.
pub const ORAL_CONSENT: &str = "電話で口頭により同意を得た";

/// The audit detail of a booking taken by phone: the consent, and whether
/// the caller is reached only by phone (no email: no mail, a call list).
pub fn phone_booking_detail(phone_only: bool) -> String {
    if phone_only {
        format!("同意: {ORAL_CONSENT} / 電話連絡（メールなし）")
    } else {
        format!("同意: {ORAL_CONSENT}")
    }
}

fn invalid(field: &'static str, e: FieldError) -> BookError {
    BookError::Invalid(FieldErrors::from([(field, e)]))
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
    let status = Attendance::parse(status).map_err(|e| invalid("status", e))?;
    let note = Note::parse(note).map_err(|e| invalid("note", e))?;
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

/// Adds a professional to the list.
pub async fn add_professional(
    state: &AppState,
    who: &StaffMember,
    name: &str,
    profession: &str,
    organisation: &str,
    contact: &str,
) -> Result<i64, BookError> {
    let name = PersonName::parse(name).map_err(|e| invalid("name", e))?;
    let profession = normalize_text(profession);
    if !["lawyer", "psychologist", "doctor"].contains(&profession.as_str()) {
        return Err(invalid("profession", FieldError::Choice));
    }
    let organisation = optional_text(organisation, 100).map_err(|e| invalid("organisation", e))?;
    let contact = optional_text(contact, 200).map_err(|e| invalid("contact", e))?;
    let id = state
        .store
        .create_professional(
            name.as_str(),
            &profession,
            &organisation,
            &contact,
            state.clock.now(),
        )
        .await?;
    state
        .audit(
            who,
            "add_professional",
            &format!("professional {id}"),
            &profession,
        )
        .await?;
    Ok(id)
}

/// Rests or restores a professional.
pub async fn set_professional_active(
    state: &AppState,
    who: &StaffMember,
    id: i64,
    active: bool,
) -> Result<(), BookError> {
    if !state.store.set_professional_active(id, active).await? {
        return Err(BookError::NotFound);
    }
    state
        .audit(
            who,
            "professional_active",
            &format!("professional {id}"),
            &active.to_string(),
        )
        .await?;
    Ok(())
}

/// Assigns an active professional to an evening, as the profession they
/// practise (which must be `expected`, when the caller names one).
pub async fn assign(
    state: &AppState,
    who: &StaffMember,
    session: i64,
    professional: i64,
    expected: Option<Profession>,
) -> Result<Profession, BookError> {
    state
        .store
        .roster_session(session)
        .await?
        .ok_or(BookError::NotFound)?;
    let profession = state
        .store
        .professional_profession(professional)
        .await?
        .and_then(|p| Profession::parse(&p).ok())
        .filter(|p| expected.is_none_or(|e| e == *p))
        .ok_or(invalid("professional_id", FieldError::Choice))?;
    state
        .store
        .assign(session, profession, professional)
        .await?;
    state
        .audit(
            who,
            "assign",
            &format!("session {session}"),
            &format!("{} {professional}", profession.code()),
        )
        .await?;
    Ok(profession)
}

/// Refuses a weekend, holiday or closure day unless staff have confirmed it.
async fn check_day(state: &AppState, date: NaiveDate, confirmed: bool) -> Result<(), BookError> {
    // A day gone by is refused as such, further on.
    if confirmed || date < crate::domain::time::jst_today(state.clock.now()) {
        return Ok(());
    }
    let closures = schedule::series(state).await?.closures;
    let why = unusual_day(date, &closures);
    if why.is_empty() {
        Ok(())
    } else {
        Err(BookError::UnusualDay(why))
    }
}

/// A one-off evening; `None` if that time has passed. On a weekend, a
/// holiday or a closure day only when `confirmed` (it goes public at once).
pub async fn add_session(
    state: &AppState,
    who: &StaffMember,
    date: NaiveDate,
    start: Option<NaiveTime>,
    confirmed: bool,
) -> Result<Option<i64>, BookError> {
    check_day(state, date, confirmed).await?;
    let Some(id) = schedule::add_one_off(state, date, start).await? else {
        return Ok(None);
    };
    state
        .audit(
            who,
            "add_session",
            &format!("session {id}"),
            &date.to_string(),
        )
        .await?;
    Ok(Some(id))
}

/// Moves an evening (the series' start time unless `start` is given);
/// `None` if it is not scheduled or the new time has passed. To a weekend,
/// a holiday or a closure day only when `confirmed`.
pub async fn move_session(
    state: &AppState,
    who: &StaffMember,
    session: i64,
    date: NaiveDate,
    start: Option<NaiveTime>,
    confirmed: bool,
) -> Result<Option<usize>, BookError> {
    check_day(state, date, confirmed).await?;
    let start = match start {
        Some(t) => t,
        None => schedule::series(state).await?.start,
    };
    let Some(n) = schedule::move_session(state, session, date, start).await? else {
        return Ok(None);
    };
    state
        .audit(
            who,
            "move_session",
            &format!("session {session}"),
            &format!("to {date} {start}"),
        )
        .await?;
    Ok(Some(n))
}

/// Cancels an evening; `None` if it is not scheduled.
pub async fn cancel_session(
    state: &AppState,
    who: &StaffMember,
    session: i64,
) -> Result<Option<usize>, BookError> {
    let Some(n) = schedule::cancel_session(state, session, &who.name).await? else {
        return Ok(None);
    };
    state
        .audit(
            who,
            "cancel_session",
            &format!("session {session}"),
            &format!("{n} bookings"),
        )
        .await?;
    Ok(Some(n))
}

/// Takes back the cancellation of an evening that has not started and
/// overlaps no other scheduled evening: it is bookable again; the bookings
/// cancelled with it stay cancelled (their people were told).
pub async fn restore_session(
    state: &AppState,
    who: &StaffMember,
    session: i64,
) -> Result<(), BookError> {
    if !state
        .store
        .restore_session(session, state.clock.now())
        .await?
    {
        return Err(BookError::Conflict("session_not_restorable"));
    }
    state
        .audit(who, "restore_session", &format!("session {session}"), "")
        .await?;
    Ok(())
}

/// A booking staff may cancel: confirmed (not an offer held for someone).
pub async fn booking_to_cancel(state: &AppState, booking: i64) -> Result<BookingRecord, BookError> {
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
    let record = booking_to_cancel(state, booking).await?;
    let session = record.session_id;
    super::manage::cancel(state, &[record], Some(&who.name)).await?;
    state
        .audit(who, "cancel_for_caller", &format!("booking {booking}"), "")
        .await?;
    Ok(session)
}

/// Creates the series' evenings of the next `months` (1 to 24) months.
pub async fn generate(
    state: &AppState,
    who: &StaffMember,
    months: u32,
) -> Result<schedule::Generated, BookError> {
    if !(1..=24).contains(&months) {
        return Err(invalid("months", FieldError::NotANumber));
    }
    let done = schedule::generate(state, months).await?;
    state
        .audit(
            who,
            "generate",
            "schedule",
            &format!("{} created", done.created.len()),
        )
        .await?;
    Ok(done)
}
