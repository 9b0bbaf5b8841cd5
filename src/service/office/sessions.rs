//! The office's changes to the evenings (相談会): who is assigned, one-off
//! evenings, moves, cancellations and their taking back, the series rule
//! and the evenings made from it. Each step writes its audit line.

use crate::domain::series::unusual_day;
use crate::domain::{FieldError, Profession};
use crate::service::evening::BookError;
use crate::service::schedule;
use crate::state::AppState;
use crate::store::StaffMember;
use chrono::{NaiveDate, NaiveTime};

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
        .ok_or(BookError::invalid("professional_id", FieldError::Choice))?;
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

/// Creates the series' evenings of the next `months` (1 to 24) months.
pub async fn generate(
    state: &AppState,
    who: &StaffMember,
    months: u32,
) -> Result<schedule::Generated, BookError> {
    if !(1..=24).contains(&months) {
        return Err(BookError::invalid("months", FieldError::NotANumber));
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

/// The series rule for the evenings made from now on: the `week`-th
/// `weekday` of each month at `start` (a weekday or time that cannot be
/// read is refused as `weekday`). The audit line has them as sent.
pub async fn set_series(
    state: &AppState,
    who: &StaffMember,
    weekday: &str,
    week: u8,
    start: &str,
) -> Result<(), BookError> {
    schedule::set_series(state, weekday.trim(), week, start.trim(), &who.name)
        .await
        .map_err(|_| BookError::invalid("weekday", FieldError::Choice))?;
    let detail = format!("week {week} {weekday} {start}");
    state.audit(who, "set_series", "schedule", &detail).await?;
    Ok(())
}
