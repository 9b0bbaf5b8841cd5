//! What the office and the professionals see of the evenings: the month's
//! roster, an evening's day sheet (当日名簿), the callers to phone and the
//! export. Who may see what is decided here; every view of a person's data
//! writes its audit line, whether a page or the API shows it.

use crate::domain::time::{jst_instant, to_jst};
use crate::domain::values::normalize_text;
use crate::domain::FieldError;
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::{ExportRow, RosterSession, SheetLine, StaffMember};
use chrono::{DateTime, Months, NaiveDate, NaiveTime, Utc};

/// `YYYY-MM` → the instants the month starts and ends (JST); refused as `month`.
pub fn month_bounds(raw: &str) -> Result<(DateTime<Utc>, DateTime<Utc>), BookError> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", normalize_text(raw)), "%Y-%m-%d")
        .map_err(|_| BookError::invalid("month", FieldError::Choice))?;
    let next = first + Months::new(1);
    Ok((
        jst_instant(first, NaiveTime::MIN),
        jst_instant(next, NaiveTime::MIN),
    ))
}

/// Whether `member` may see `session` at all: the office sees every
/// evening, a professional those they are assigned to.
pub fn may_see(member: &StaffMember, session: &RosterSession) -> bool {
    member.role.manages()
        || member
            .professional_id
            .is_some_and(|p| session.lawyer_id == Some(p) || session.psychologist_id == Some(p))
}

/// The professions whose slots `member` sees in `session`: both for the
/// office, a professional's own.
fn visible_professions(member: &StaffMember, session: &RosterSession) -> Vec<&'static str> {
    if member.role.manages() {
        return vec!["lawyer", "psychologist"];
    }
    let mut own = Vec::new();
    if member.professional_id.is_some() && session.lawyer_id == member.professional_id {
        own.push("lawyer");
    }
    if member.professional_id.is_some() && session.psychologist_id == member.professional_id {
        own.push("psychologist");
    }
    own
}

/// The evenings from `from` to `to` that `who` may see. The view is
/// audited (by month).
pub async fn roster(
    state: &AppState,
    who: &StaffMember,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<RosterSession>, BookError> {
    let sessions = state.store.roster(from, to).await?;
    let month = to_jst(from).format("%Y-%m");
    state
        .audit(who, "view_roster", &format!("month {month}"), "")
        .await?;
    Ok(sessions.into_iter().filter(|s| may_see(who, s)).collect())
}

/// The lines of an evening's day sheet that `who` sees (their own
/// profession's, for a professional), for a view that is audited itself.
pub async fn visible_lines(
    state: &AppState,
    who: &StaffMember,
    session: &RosterSession,
) -> Result<Vec<SheetLine>, BookError> {
    let professions = visible_professions(who, session);
    Ok(state
        .store
        .day_sheet(session.id)
        .await?
        .into_iter()
        .filter(|l| professions.contains(&l.profession.as_str()))
        .collect())
}

/// One evening's day sheet as `who` may see it: `Forbidden` for a
/// professional not assigned to it. The view is audited.
pub async fn day_sheet(
    state: &AppState,
    who: &StaffMember,
    session: i64,
) -> Result<(RosterSession, Vec<SheetLine>), BookError> {
    let evening = state
        .store
        .roster_session(session)
        .await?
        .ok_or(BookError::NotFound)?;
    if !may_see(who, &evening) {
        return Err(BookError::Forbidden);
    }
    let lines = visible_lines(state, who, &evening).await?;
    state
        .audit(who, "view_day_sheet", &format!("session {session}"), "")
        .await?;
    Ok((evening, lines))
}

/// The booked callers of an evening reached only by phone (電話連絡: no
/// email address), to call three days before instead of a reminder mail.
/// The view is audited.
pub async fn call_list(
    state: &AppState,
    who: &StaffMember,
    session: i64,
) -> Result<(RosterSession, Vec<SheetLine>), BookError> {
    let evening = state
        .store
        .roster_session(session)
        .await?
        .ok_or(BookError::NotFound)?;
    let calls = state
        .store
        .day_sheet(session)
        .await?
        .into_iter()
        .filter(SheetLine::phone_only)
        .collect();
    state
        .audit(who, "view_call_list", &format!("session {session}"), "")
        .await?;
    Ok((evening, calls))
}

/// Every booking of the evenings from `from` to `to` (excluded), for the
/// export; audited with the number of rows.
pub async fn export(
    state: &AppState,
    who: &StaffMember,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ExportRow>, BookError> {
    let rows = state
        .store
        .export_bookings(
            jst_instant(from, NaiveTime::MIN),
            jst_instant(to, NaiveTime::MIN),
        )
        .await?;
    state
        .audit(
            who,
            "export",
            &format!("bookings {from}..{to}"),
            &format!("{} rows", rows.len()),
        )
        .await?;
    Ok(rows)
}
