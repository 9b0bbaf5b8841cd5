//! What the office (事務局) does to the schedule, the professionals and the
//! bookings, each step with its line in the audit log. The staff API and
//! the staff pages both call these; they only read requests and render.

use super::booking::BookError;
use super::schedule;
use crate::domain::staff::Attendance;
use crate::domain::values::{normalize_text, Note, PersonName};
use crate::domain::{FieldError, FieldErrors, Profession};
use crate::state::AppState;
use crate::store::StaffMember;
use chrono::{NaiveDate, NaiveTime};

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
    let (organisation, contact) = (normalize_text(organisation), normalize_text(contact));
    if organisation.chars().count() > 100 {
        return Err(invalid("organisation", FieldError::TooLong { max: 100 }));
    }
    if contact.chars().count() > 200 {
        return Err(invalid("contact", FieldError::TooLong { max: 200 }));
    }
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

/// A one-off evening; `None` if that time has passed.
pub async fn add_session(
    state: &AppState,
    who: &StaffMember,
    date: NaiveDate,
    start: Option<NaiveTime>,
) -> Result<Option<i64>, BookError> {
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
/// `None` if it is not scheduled or the new time has passed.
pub async fn move_session(
    state: &AppState,
    who: &StaffMember,
    session: i64,
    date: NaiveDate,
    start: Option<NaiveTime>,
) -> Result<Option<usize>, BookError> {
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
