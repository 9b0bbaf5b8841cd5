//! The figures over HTTP: `GET /metrics` on a listener of its own
//! (`metrics.bind`), which serves nothing else; the public listener does
//! not serve `/metrics`. And the layer that counts and times the public
//! listener's requests by route template (`/manage/{token}`, never the
//! path itself: a token in a URL must not become a label).

use crate::metrics::{Metrics, CONTENT_TYPE, UNMATCHED};
use crate::service::monitoring;
use crate::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;
use std::time::Instant;

/// The router of the metrics listener: `/metrics` and nothing else.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .with_state(state)
}

/// The public router with every request counted and timed. A layer over
/// the whole router, not a change to any route.
pub fn measured(app: Router, metrics: Arc<Metrics>) -> Router {
    app.layer(middleware::from_fn_with_state(metrics, track))
}

/// `GET /metrics`: Prometheus text; 503 if the database does not answer
/// (the figures read from it would be wrong, and a failed scrape says so).
async fn scrape(State(state): State<AppState>) -> Response {
    match monitoring::database_figures(&state).await {
        Ok(figures) => (
            [(header::CONTENT_TYPE, CONTENT_TYPE)],
            state.metrics.encode(figures),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "metrics: the database did not answer");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| UNMATCHED.to_string());
    let response = next.run(request).await;
    metrics.http_request(
        method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// The method as a label: the standard ones, and `other` for anything a
/// client may invent.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}
