//! HTTP: routes, pages, the JSON API and the one place errors become responses.

pub mod api;
pub mod context;
pub mod error;
pub mod i18n;
pub mod pages;

use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use error::AppError;
use tower_http::catch_panic::CatchPanicLayer;

pub fn router(state: AppState) -> Router {
    let max_body = state.settings.server.max_body_bytes;
    Router::new()
        .route("/", get(pages::index))
        .route(
            "/book/{slot_id}",
            get(pages::book_form).post(pages::book_submit),
        )
        .route("/manage/{token}", get(pages::manage))
        .route("/static/style.css", get(pages::stylesheet))
        .route("/healthz", get(api::healthz))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/evening-sessions", get(api::evening_sessions))
        .route(
            "/api/v1/evening-bookings",
            post(api::create_evening_booking),
        )
        .route("/api/v1/manage/{token}", get(api::managed_booking))
        .fallback(not_found)
        .layer(middleware::from_fn(remember_language))
        .layer(middleware::from_fn(context::request_context))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

async fn not_found() -> AppError {
    AppError::NotFound
}

/// `?lang=en` (or `ja`) is remembered in a cookie for the next pages.
async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = request.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| crate::domain::Lang::parse(&v).ok())
    });
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    let headers = response.headers_mut();
    headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    response
}

/// A request body within the size limit, or an [`AppError`].
async fn body_bytes<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, AppError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::BadRequest(rejection.body_text())
            }
        })
}

/// A JSON body as a value; the handler checks each field itself so that
/// every bad field gets its own message.
pub struct JsonBody(pub serde_json::Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("application/json")
            });
        if !is_json {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = body_bytes(request, state).await?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|e| AppError::BadRequest(format!("malformed JSON: {e}")))
    }
}

/// An `application/x-www-form-urlencoded` body as name/value pairs.
pub struct FormBody(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body_bytes(request, state).await?;
        Ok(FormBody(
            url::form_urlencoded::parse(&bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        ))
    }
}
