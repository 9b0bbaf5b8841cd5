//! Per-request context (request id, language, HTML or JSON) and the
//! middleware that sets it and writes one log line per request. The line
//! names the route pattern, never the path: paths may carry tokens.

use super::error::InternalCause;
use super::i18n::lang_from_request;
use crate::domain::Lang;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

#[derive(Clone, Debug)]
pub struct RequestContext {
    pub request_id: String,
    pub lang: Lang,
    /// A page for people rather than JSON for programs.
    pub wants_html: bool,
    /// The path and query, for the language switch of the pages.
    pub path: String,
}

tokio::task_local! {
    static CURRENT: RequestContext;
}

impl RequestContext {
    /// The context of the request being handled (defaults outside one).
    pub fn current() -> RequestContext {
        CURRENT
            .try_with(Clone::clone)
            .unwrap_or_else(|_| RequestContext {
                request_id: "-".into(),
                lang: Lang::Ja,
                wants_html: true,
                path: "/".into(),
            })
    }
}

fn next_request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{:08x}-{:06}", rand::random::<u32>(), n % 1_000_000)
}

pub async fn request_context(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method: Method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".into());
    let path = request.uri().path().to_string();
    let ctx = RequestContext {
        request_id: next_request_id(),
        lang: lang_from_request(request.uri().query(), request.headers()),
        wants_html: !(path.starts_with("/api/") || path == "/healthz"),
        path: request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or(path),
    };
    let request_id = ctx.request_id.clone();
    let mut response = CURRENT.scope(ctx, next.run(request)).await;
    let status = response.status().as_u16();
    let ms = (started.elapsed().as_secs_f64() * 10_000.0).round() / 10.0;
    match response.extensions().get::<InternalCause>() {
        Some(InternalCause(cause)) => {
            tracing::error!(%request_id, %method, %route, status, ms, %cause, "request failed")
        }
        None if status >= 500 => {
            tracing::error!(%request_id, %method, %route, status, ms, "request")
        }
        None => tracing::info!(%request_id, %method, %route, status, ms, "request"),
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
