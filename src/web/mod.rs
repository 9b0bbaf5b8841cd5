//! HTTP: routes, pages, the JSON API and the one place errors become responses.

pub mod api;
pub mod body;
pub mod context;
pub mod directory_api;
pub mod error;
pub mod health_api;
pub mod pages;
pub mod staff_api;
pub mod staff_auth;

pub use body::{FormBody, JsonBody, MaybeJson};
pub use staff_auth::{Admin, Manager, StaffCaller, StaffForm, STAFF_COOKIE};

use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use error::AppError;
use tower_http::catch_panic::CatchPanicLayer;

pub fn router(state: AppState) -> Router {
    let max_body = state.settings.server.max_body_bytes;
    let settings = state.settings.clone();
    Router::new()
        .route("/", get(pages::index))
        .route(
            "/book/{slot_id}",
            get(pages::book_form).post(pages::book_submit),
        )
        .route("/manage/{token}", get(pages::manage))
        .route("/manage/{token}/cancel", post(pages::manage_cancel))
        .route("/manage/{token}/move", post(pages::manage_move))
        .route(
            "/waitlist",
            get(pages::waitlist_form).post(pages::waitlist_submit),
        )
        .route("/offers/{token}", get(pages::offer))
        .route("/offers/{token}/accept", post(pages::offer_accept))
        .route("/offers/{token}/decline", post(pages::offer_decline))
        .route(
            "/health",
            get(pages::health::request_form).post(pages::health::request_submit),
        )
        .route("/health/manage/{token}", get(pages::health::status))
        .route("/health/manage/{token}/accept", post(pages::health::accept))
        .route(
            "/health/manage/{token}/decline",
            post(pages::health::decline),
        )
        .route(
            "/health/manage/{token}/withdraw",
            post(pages::health::withdraw),
        )
        .route(
            "/health/manage/{token}/contact",
            post(pages::health::contact),
        )
        .route("/staff/health", get(pages::staff_health::queue))
        .route(
            "/staff/health/requests/{id}/move",
            post(pages::staff_health::move_request),
        )
        .route(
            "/staff/health/blocks",
            get(pages::staff_health::blocks).post(pages::staff_health::add_block),
        )
        .route("/staff/health/schedule", get(pages::staff_health::schedule))
        .route(
            "/staff/health/schedule/confirm",
            post(pages::staff_health::confirm),
        )
        .route("/staff/health/roster", get(pages::staff_health::roster))
        .route("/staff/health/figures", get(pages::staff_health::figures))
        .route(
            "/staff/health/interviews/{id}/attendance",
            post(pages::staff_health::attendance),
        )
        .route(
            "/staff/health/requests/{id}/answer",
            post(pages::staff_health::answer_for),
        )
        .route(
            "/staff/health/requests/{id}/after-no-show",
            post(pages::staff_health::after_no_show),
        )
        .route("/static/style.css", get(pages::stylesheet))
        .route("/staff", get(pages::staff::roster))
        .route(
            "/staff/login",
            get(pages::staff::login_form).post(pages::staff::login),
        )
        .route("/staff/logout", post(pages::staff::logout))
        .route("/staff/sessions/{id}", get(pages::staff::sheet))
        .route(
            "/staff/bookings/{id}/attendance",
            post(pages::staff::attendance),
        )
        .route("/staff/export.csv", get(pages::staff::export))
        .route("/staff/audit", get(pages::staff::audit))
        .route("/staff/series", post(pages::staff::set_series))
        .route(
            "/staff/accounts",
            get(pages::staff::accounts).post(pages::staff::add_account),
        )
        .route(
            "/staff/accounts/{id}/active",
            post(pages::staff::account_active),
        )
        .route(
            "/staff/book/{slot_id}",
            get(pages::staff::phone_form).post(pages::staff::phone_book),
        )
        .route("/staff/sessions", post(pages::staff::add_session))
        .route("/staff/sessions/{id}/assign", post(pages::staff::assign))
        .route(
            "/staff/sessions/{id}/move",
            post(pages::staff::move_session),
        )
        .route(
            "/staff/sessions/{id}/cancel",
            post(pages::staff::cancel_session),
        )
        .route("/staff/sessions/{id}/calls", get(pages::staff::call_list))
        .route(
            "/staff/sessions/{id}/restore",
            post(pages::staff::restore_session),
        )
        .route(
            "/staff/bookings/{id}/cancel",
            post(pages::staff::cancel_booking),
        )
        .route("/staff/schedule/generate", post(pages::staff::generate))
        .route(
            "/staff/professionals",
            get(pages::staff::professionals).post(pages::staff::add_professional),
        )
        .route(
            "/staff/professionals/{id}/active",
            post(pages::staff::professional_active),
        )
        .route("/directory", get(pages::directory::directory))
        .route("/healthz", get(api::healthz))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/evening-sessions", get(api::evening_sessions))
        .route("/api/v1/directory/needs", get(directory_api::needs))
        .route("/api/v1/directory/services", get(directory_api::services))
        .route(
            "/api/v1/directory/services/{id}",
            get(directory_api::service),
        )
        .route(
            "/api/v1/evening-bookings",
            post(api::create_evening_booking),
        )
        .route("/api/v1/manage/{token}", get(api::managed))
        .route("/api/v1/manage/{token}/cancel", post(api::manage_cancel))
        .route("/api/v1/manage/{token}/move", post(api::manage_move))
        .route("/api/v1/evening-waitlist", post(api::create_waitlist_entry))
        .route("/api/v1/offers/{token}", get(api::offer))
        .route("/api/v1/offers/{token}/accept", post(api::offer_accept))
        .route("/api/v1/offers/{token}/decline", post(api::offer_decline))
        .route(
            "/api/v1/staff/evening-bookings",
            post(api::staff_create_booking),
        )
        .route(
            "/api/v1/staff/evening-waitlist",
            post(api::staff_join_waitlist),
        )
        .route(
            "/api/v1/staff/bookings/{id}/cancel",
            post(api::staff_cancel),
        )
        .route("/api/v1/staff/bookings/{id}/move", post(api::staff_move))
        .route(
            "/api/v1/staff/bookings/{id}/mail",
            get(api::staff_booking_mail),
        )
        .route(
            "/api/v1/staff/bookings/{id}/attendance",
            post(staff_api::attendance),
        )
        .route("/api/v1/staff/roster", get(staff_api::roster))
        .route("/api/v1/staff/sessions/{id}", get(staff_api::day_sheet))
        .route(
            "/api/v1/staff/sessions/{id}/assignments",
            post(staff_api::assign),
        )
        .route(
            "/api/v1/staff/professionals",
            post(staff_api::add_professional),
        )
        .route("/api/v1/staff/audit", get(staff_api::audit_log))
        .route("/api/v1/staff/sessions", post(staff_api::add_session))
        .route(
            "/api/v1/staff/sessions/{id}/cancel",
            post(staff_api::cancel_session),
        )
        .route(
            "/api/v1/staff/sessions/{id}/move",
            post(staff_api::move_session),
        )
        .route(
            "/api/v1/staff/sessions/{id}/restore",
            post(staff_api::restore_session),
        )
        .route("/api/v1/staff/schedule/generate", post(staff_api::generate))
        .route("/api/v1/health-requests", post(health_api::create_request))
        .route(
            "/api/v1/health-requests/manage/{token}",
            get(health_api::managed),
        )
        .route(
            "/api/v1/health-requests/manage/{token}/contact",
            post(health_api::update_contact),
        )
        .route(
            "/api/v1/health-requests/manage/{token}/withdraw",
            post(health_api::withdraw),
        )
        .route(
            "/api/v1/health-requests/manage/{token}/accept",
            post(health_api::accept),
        )
        .route(
            "/api/v1/health-requests/manage/{token}/decline",
            post(health_api::decline),
        )
        .route("/api/v1/staff/health-queue", get(health_api::queue))
        .route(
            "/api/v1/staff/health-queue/{id}/move",
            post(health_api::move_request),
        )
        .route(
            "/api/v1/staff/health-availability",
            get(health_api::blocks).post(health_api::add_block),
        )
        .route(
            "/api/v1/staff/health-schedule/propose",
            post(health_api::propose),
        )
        .route(
            "/api/v1/staff/health-schedule/confirm",
            post(health_api::confirm),
        )
        .route("/api/v1/staff/health-roster", get(health_api::roster))
        .route("/api/v1/staff/health-figures", get(health_api::figures))
        .route(
            "/api/v1/staff/health-interviews/{id}/attendance",
            post(health_api::attendance),
        )
        .route(
            "/api/v1/staff/health-requests/{id}/after-no-show",
            post(health_api::after_no_show),
        )
        .route(
            "/api/v1/staff/health-requests/{id}/{answer}",
            post(health_api::answer_for),
        )
        .fallback(not_found)
        .layer(middleware::from_fn(pages::error_pages))
        .layer(middleware::from_fn(remember_language))
        .layer(middleware::from_fn_with_state(
            settings,
            context::request_context,
        ))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

/// A record's id from the path: anything but a number is a page that does not exist.
pub(crate) fn parse_id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
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
