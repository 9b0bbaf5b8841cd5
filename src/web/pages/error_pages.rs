//! Error pages. An [`AppError`](crate::web::error::AppError) met on the way
//! to a page leaves its status and sentence on the response
//! ([`ErrorMessage`]); this middleware gives it its page: the staff's frame
//! on a staff screen (with the member signed in), the health centre's frame
//! on its pages (`/health…`: the centre's name, phone and a way back to its
//! form), the evening office's frame, with the office and crisis contacts,
//! everywhere else.

use super::staff::{error_page as staff_error_page, is_staff_path};
use super::Chrome;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::ErrorMessage;
use askama::Template;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    c: Chrome,
    message: &'a str,
    show_request_id: bool,
}

#[derive(Template)]
#[template(path = "health/error.html")]
struct HealthErrorPage<'a> {
    c: Chrome,
    centre: super::health::Centre,
    message: &'a str,
    show_request_id: bool,
}

/// A health page's error, in the centre's frame.
fn health_error_page(
    state: &AppState,
    status: StatusCode,
    message: &str,
    ctx: &RequestContext,
) -> askama::Result<String> {
    HealthErrorPage {
        c: Chrome::new(Some(state), ctx),
        centre: super::health::centre(&ctx.settings, ctx.lang),
        message,
        show_request_id: status.is_server_error(),
    }
    .render()
}

/// Whether a path is one of the health centre's public pages.
fn is_health_path(path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    path == "/health" || path.starts_with("/health/")
}

/// The public frame's error page (a 5xx shows the request id to quote).
fn public_error_page(
    state: &AppState,
    status: StatusCode,
    message: &str,
    ctx: &RequestContext,
) -> askama::Result<String> {
    ErrorPage {
        c: Chrome::new(Some(state), ctx),
        message,
        show_request_id: status.is_server_error(),
    }
    .render()
}

/// Keeps this instance's copy of the directory fresh before a page is
/// made, since every page (error pages too) shows its crisis lines: a
/// version check at most every two seconds. A database that does not
/// answer leaves the last copy; the API reads the directory itself.
pub async fn fresh_directory(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if !request.uri().path().starts_with("/api/") {
        let _ = state.store.directory_now().await;
    }
    next.run(request).await
}

/// Turns a response that carries an [`ErrorMessage`] into its page; its
/// status, headers and other extensions stay. Should a page fail to
/// render, the bare sentence is sent.
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let Some(ErrorMessage(message)) = response.extensions().get::<ErrorMessage>().cloned() else {
        return response;
    };
    let ctx = RequestContext::current();
    let status = response.status();
    let rendered = if is_staff_path(&ctx.path) {
        staff_error_page(status, &message, &ctx)
    } else if is_health_path(&ctx.path) {
        health_error_page(&state, status, &message, &ctx)
    } else {
        public_error_page(&state, status, &message, &ctx)
    };
    let Ok(html) = rendered else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    parts.extensions.remove::<ErrorMessage>();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Response::from_parts(
        parts,
        Body::from(crate::i18n::ruby::html(&html).into_owned()),
    )
}
