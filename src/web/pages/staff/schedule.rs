//! The schedule's changes: assign, move, cancel, one-off evenings, the series.

use super::{back_to, confirmed, done_at, field, form_date, form_time, ConfirmPage};
use crate::domain::time::to_jst;
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::unusual_day_list;
use crate::service::evening::BookError;
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::{parse_id, Manager, StaffCaller, StaffForm};
use axum::extract::{Path, State};
use axum::response::Response;

/// The second confirmation an evening on a weekend, holiday or closure day
/// needs: the form again, with what is unusual about the day.
fn unusual_day_page(
    caller: &StaffCaller,
    pairs: &[(String, String)],
    action: String,
    back: String,
    date: chrono::NaiveDate,
    why: &[crate::domain::series::UnusualDay],
) -> Response {
    let mut confirm = ConfirmPage::new(caller, action, back);
    let (t, lang) = (confirm.c.t, confirm.c.lang);
    let day = format_date(date, lang);
    confirm.heading = t.staff_unusual_heading(&day);
    confirm.lines = vec![
        t.staff_unusual_line(&day, unusual_day_list(why, lang)),
        t.staff_unusual_public.into(),
    ];
    confirm.fields = vec![
        ("date", field(pairs, "date")),
        ("start", field(pairs, "start")),
    ];
    confirm.button = t.staff_unusual_go;
    confirm.render()
}

/// `POST /staff/sessions/{id}/assign` (form): one professional to the evening.
pub async fn assign(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let professional: i64 = field(&pairs, "professional").parse().map_err(|_| {
        crate::web::error::invalid("professional", crate::domain::FieldError::Choice)
    })?;
    office::assign(&state, &caller.member, id, professional, None).await?;
    Ok(back_to(id, "assigned"))
}

/// `POST /staff/sessions/{id}/move` (form): everyone booked is told. To a
/// weekend, holiday or closure day only after a second confirmation.
pub async fn move_session(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let date = form_date(&pairs)?;
    let moved = office::move_session(
        &state,
        &caller.member,
        id,
        date,
        form_time(&pairs)?,
        confirmed(&pairs),
    )
    .await;
    match moved {
        Ok(Some(_)) => Ok(back_to(id, "moved")),
        Ok(None) => Err(AppError::Conflict("session_not_movable")),
        Err(BookError::UnusualDay(why)) => Ok(unusual_day_page(
            &caller,
            &pairs,
            format!("/staff/sessions/{id}/move"),
            format!("/staff/sessions/{id}"),
            date,
            &why,
        )),
        Err(e) => Err(e.into()),
    }
}

/// `POST /staff/sessions/{id}/cancel` (form): without `confirm=yes`, says
/// what cancelling would do and changes nothing; with it, cancels the
/// evening and everyone booked is told.
pub async fn cancel_session(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    if confirmed(&pairs) {
        office::cancel_session(&state, &caller.member, id)
            .await?
            .ok_or(AppError::Conflict("session_not_scheduled"))?;
        return Ok(back_to(id, "cancelled"));
    }
    let session = state
        .store
        .roster_session(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if session.status != "scheduled" {
        return Err(AppError::Conflict("session_not_scheduled"));
    }
    let booked = session.lawyers_booked + session.psychologists_booked;
    let mut confirm = ConfirmPage::new(
        &caller,
        format!("/staff/sessions/{id}/cancel"),
        format!("/staff/sessions/{id}"),
    );
    let (t, lang) = (confirm.c.t, confirm.c.lang);
    confirm.heading =
        t.staff_cancel_evening_heading(format_date(to_jst(session.starts_at).date_naive(), lang));
    confirm.lines = vec![
        t.staff_cancel_evening_line(format_datetime(session.starts_at, lang)),
        if booked > 0 {
            t.staff_cancel_evening_booked(booked)
        } else {
            t.staff_cancel_evening_none_booked.into()
        },
        t.staff_cancel_evening_undo.into(),
    ];
    confirm.button = t.staff_cancel_evening_go;
    Ok(confirm.render())
}

/// `POST /staff/sessions/{id}/restore` (form): takes back a cancellation,
/// while the evening has not started.
pub async fn restore_session(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), _): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    office::restore_session(&state, &caller.member, id).await?;
    Ok(back_to(id, "restored"))
}

/// `POST /staff/sessions` (form): a one-off evening; on a weekend, holiday
/// or closure day only after a second confirmation.
pub async fn add_session(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let date = form_date(&pairs)?;
    let added = office::add_session(
        &state,
        &caller.member,
        date,
        form_time(&pairs)?,
        confirmed(&pairs),
    )
    .await;
    match added {
        Ok(Some(id)) => Ok(back_to(id, "added")),
        Ok(None) => Err(crate::web::error::invalid(
            "date",
            crate::domain::FieldError::Choice,
        )),
        Err(BookError::UnusualDay(why)) => Ok(unusual_day_page(
            &caller,
            &pairs,
            "/staff/sessions".into(),
            "/staff".into(),
            date,
            &why,
        )),
        Err(e) => Err(e.into()),
    }
}

/// `POST /staff/schedule/generate` (form).
pub async fn generate(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let months = field(&pairs, "months").trim().parse().unwrap_or(0);
    office::generate(&state, &caller.member, months).await?;
    Ok(done_at("/staff", "generated"))
}

/// `POST /staff/series` (form): the series rule for evenings created from now on.
pub async fn set_series(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let week: u8 = field(&pairs, "week_of_month").trim().parse().map_err(|_| {
        crate::web::error::invalid("week_of_month", crate::domain::FieldError::Choice)
    })?;
    let (weekday, start) = (field(&pairs, "weekday"), field(&pairs, "start"));
    office::set_series(&state, &caller.member, &weekday, week, &start).await?;
    Ok(done_at("/staff", "series"))
}
