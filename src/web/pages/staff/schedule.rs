//! The schedule's changes: assign, move, cancel, one-off evenings, the series.

use super::{back_to, check_csrf, field, form_date, form_time};
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::{parse_id, FormBody, Manager};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

/// `POST /staff/sessions/{id}/assign` (form): one professional to the evening.
pub async fn assign(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    let professional: i64 = field(&pairs, "professional").parse().map_err(|_| {
        crate::web::error::invalid("professional", crate::domain::FieldError::Choice)
    })?;
    office::assign(&state, &caller.member, id, professional, None).await?;
    Ok(back_to(id))
}

/// `POST /staff/sessions/{id}/move` (form): everyone booked is told.
pub async fn move_session(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::move_session(
        &state,
        &caller.member,
        id,
        form_date(&pairs)?,
        form_time(&pairs)?,
    )
    .await?
    .ok_or(AppError::Conflict("session_not_movable"))?;
    Ok(back_to(id))
}

/// `POST /staff/sessions/{id}/cancel` (form): everyone booked is told.
pub async fn cancel_session(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::cancel_session(&state, &caller.member, id)
        .await?
        .ok_or(AppError::Conflict("session_not_scheduled"))?;
    Ok(back_to(id))
}

/// `POST /staff/sessions` (form): a one-off evening.
pub async fn add_session(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = office::add_session(
        &state,
        &caller.member,
        form_date(&pairs)?,
        form_time(&pairs)?,
    )
    .await?
    .ok_or(crate::web::error::invalid(
        "date",
        crate::domain::FieldError::Choice,
    ))?;
    Ok(back_to(id))
}

/// `POST /staff/schedule/generate` (form).
pub async fn generate(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let months = field(&pairs, "months").trim().parse().unwrap_or(0);
    office::generate(&state, &caller.member, months).await?;
    Ok(Redirect::to("/staff").into_response())
}

/// `POST /staff/series` (form): the series rule for evenings created from now on.
pub async fn set_series(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let week: u8 = field(&pairs, "week_of_month").trim().parse().map_err(|_| {
        crate::web::error::invalid("week_of_month", crate::domain::FieldError::Choice)
    })?;
    let (weekday, start) = (field(&pairs, "weekday"), field(&pairs, "start"));
    crate::service::schedule::set_series(&state, weekday.trim(), week, start.trim(), &caller.name)
        .await
        .map_err(|_| crate::web::error::invalid("weekday", crate::domain::FieldError::Choice))?;
    let detail = format!("week {week} {weekday} {start}");
    state
        .audit(&caller.member, "set_series", "schedule", &detail)
        .await?;
    Ok(Redirect::to("/staff").into_response())
}
