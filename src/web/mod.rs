//! HTTP: routes, pages, the JSON API and the one place errors become responses.

pub mod api;
pub mod api_doc;
pub mod body;
pub mod cache;
pub mod context;
pub mod directory_api;
pub mod error;
pub mod field;
pub mod figures_api;
pub mod health_api;
pub mod metrics;
pub mod outreach_api;
pub mod pages;
pub mod referral_api;
pub mod staff_api;
pub mod staff_auth;
pub mod staff_directory_api;

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
        .route(
            "/manage/{token}/referrals/{id}/withdraw",
            post(pages::withdraw_referral),
        )
        .route(
            "/referrals/{token}",
            get(pages::referral).post(pages::referral_record),
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
        .route("/static/embed.css", get(pages::embed_stylesheet))
        .route(
            "/subscribe",
            get(pages::subscribe_form).post(pages::subscribe),
        )
        .route(
            "/subscriptions/confirm/{token}",
            get(pages::confirm_subscription),
        )
        .route(
            "/subscriptions/unsubscribe/{token}",
            get(pages::unsubscribe_form).post(pages::unsubscribe),
        )
        .route("/calendar.ics", get(pages::calendar))
        .route("/embed/next", get(pages::embed))
        .route("/poster/{session_id}", get(pages::poster))
        .route("/staff/outreach", get(pages::staff::outreach))
        .route("/staff/figures", get(pages::staff::figures))
        .route("/staff/figures/report", get(pages::staff::figures_report))
        .route("/staff/figures/by-hand", post(pages::staff::enter_by_hand))
        .route("/staff/figures.csv", get(pages::staff::figures_csv))
        .route("/staff/figures.xlsx", get(pages::staff::figures_xlsx))
        .route(
            "/staff/outreach/partners/{service_id}",
            post(pages::staff::outreach_partner),
        )
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
        .route(
            "/staff/directory",
            get(pages::staff::directory).post(pages::staff::add_directory_entry),
        )
        .route(
            "/staff/directory/new",
            get(pages::staff::new_directory_entry),
        )
        .route(
            "/staff/directory/{id}",
            get(pages::staff::directory_entry).post(pages::staff::change_directory_entry),
        )
        .route(
            "/staff/directory/{id}/confirm",
            post(pages::staff::confirm_directory_entry),
        )
        .route(
            "/staff/bookings/{id}/refer",
            get(pages::staff::refer_form).post(pages::staff::refer),
        )
        .route("/staff/referrals", get(pages::staff::referrals))
        .route(
            "/staff/referrals/{id}/close",
            post(pages::staff::close_referral),
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
        .route("/directory/leaflet", get(pages::leaflet))
        .merge(api_doc::router())
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            pages::error_pages,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            pages::fresh_directory,
        ))
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
    // A link's channel (`?src=`) is remembered for the day's pages, so
    // that the form reached from it records it.
    let channel = request.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "src")
            .and_then(|(_, v)| crate::domain::outreach::channel(&v))
    });
    let mut response = next.run(request).await;
    if let Some(code) = channel {
        let cookie = format!("src={code}; Path=/; Max-Age=86400; SameSite=Lax; HttpOnly");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
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
    // No page may be framed, but the embed for partners, which says by its
    // own policy which sites may frame it.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        );
        headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    }
    response
}
