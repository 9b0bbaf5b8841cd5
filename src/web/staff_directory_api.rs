//! The staff's directory API (coordinators and admins; each change audited):
//! `POST /api/v1/staff/directory/services`, `PATCH …/{id}`, `POST …/{id}/confirm`.

use super::api_doc::directory::ServiceBody;
use super::directory_api::{service_json, ServiceJson};
use super::error::AppError;
use super::{JsonBody, Manager};
use crate::domain::directory::ServiceInput;
use crate::service::directory::staff::{self, DirectoryError};
use crate::service::directory::Listed;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

impl From<DirectoryError> for AppError {
    fn from(e: DirectoryError) -> AppError {
        match e {
            DirectoryError::Invalid(fields) => AppError::Invalid(fields),
            DirectoryError::NotFound => AppError::NotFound,
            DirectoryError::Store(e) => e.into(),
        }
    }
}

fn json(state: &AppState, entry: crate::domain::directory::ServiceEntry) -> Json<ServiceJson> {
    let open_now = entry.open_at(state.clock.now());
    Json(service_json(Listed { entry, open_now }))
}

/// The body as the service's input; with a field of the wrong JSON type,
/// a 422 naming it and every other field the service would refuse.
async fn read(
    state: &AppState,
    id: Option<&str>,
    body: ServiceBody,
) -> Result<ServiceInput, AppError> {
    let (input, mut errors) = body.input();
    if errors.is_empty() {
        return Ok(input);
    }
    for (field, e) in staff::check(state, id, &input).await? {
        errors.entry(field).or_insert(e);
    }
    Err(AppError::Invalid(errors))
}

/// `POST /api/v1/staff/directory/services`: a new service.
#[utoipa::path(post, path = "/api/v1/staff/directory/services", tag = "staff",
    operation_id = "add_directory_service",
    request_body = ServiceBody,
    responses((status = 201, description = "Added", body = ServiceJson)))]
pub async fn add(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<ServiceBody>,
) -> Result<(StatusCode, Json<ServiceJson>), AppError> {
    let input = read(&state, None, body).await?;
    let entry = staff::add(&state, &staff.member, &input).await?;
    Ok((StatusCode::CREATED, json(&state, entry)))
}

/// `PATCH /api/v1/staff/directory/services/{id}`: what changes of a service
/// (`status` suspends it, 一時休止, or retires it).
#[utoipa::path(patch, path = "/api/v1/staff/directory/services/{id}", tag = "staff",
    operation_id = "change_directory_service",
    params(("id" = String, Path, description = "The service's id")),
    request_body = ServiceBody,
    responses((status = 200, description = "Changed", body = ServiceJson)))]
pub async fn change(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<ServiceBody>,
) -> Result<Json<ServiceJson>, AppError> {
    let input = read(&state, Some(&id), body).await?;
    let entry = staff::change(&state, &staff.member, &id, &input).await?;
    Ok(json(&state, entry))
}

/// `POST /api/v1/staff/directory/services/{id}/confirm`: confirmed with the
/// organisation today, by the member calling.
#[utoipa::path(post, path = "/api/v1/staff/directory/services/{id}/confirm", tag = "staff",
    operation_id = "confirm_directory_service",
    params(("id" = String, Path, description = "The service's id")),
    responses((status = 200, description = "Confirmed", body = ServiceJson)))]
pub async fn confirm(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
) -> Result<Json<ServiceJson>, AppError> {
    let entry = staff::confirm(&state, &staff.member, &id).await?;
    Ok(json(&state, entry))
}
