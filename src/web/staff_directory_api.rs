//! The staff's directory API (coordinators and admins; each change audited):
//! `POST /api/v1/staff/directory/services`, `PATCH …/{id}`, `POST …/{id}/confirm`.

use super::api_doc::directory::ServiceBody;
use super::directory_api::{service_json, ServiceJson};
use super::error::AppError;
use super::{JsonBody, Manager};
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
    let input = body.input().map_err(AppError::Invalid)?;
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
    let input = body.input().map_err(AppError::Invalid)?;
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
