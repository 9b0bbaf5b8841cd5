//! Per-request context (request id, language, HTML or JSON) and the
//! middleware that sets it and writes one log line per request. The line
//! names the route pattern, never the path: paths may carry tokens.

use crate::config::Settings;
use crate::domain::staff::Role;
use crate::domain::Lang;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

#[derive(Clone, Debug)]
pub struct RequestContext {
    pub request_id: String,
    pub lang: Lang,
    /// A page for people rather than JSON for programs.
    pub wants_html: bool,
    /// The path and query of the route answered (`/` when none matched),
    /// for the language switch of the pages.
    pub path: String,
    /// The settings in force, so that every page (error pages too) shows
    /// the configured office and crisis contacts.
    pub settings: Arc<Settings>,
    /// The staff member signed in, once a staff extractor has found them,
    /// so that a staff error page keeps the frame with their name.
    pub signed_in: Arc<OnceLock<SignedIn>>,
    /// The channel a link carried (`?src=leaflet-2027-01`), from the query
    /// or the `src` cookie it left: recorded with a booking, a waitlist
    /// place, a health request or a subscription, never with a visitor.
    pub channel: Option<String>,
}

/// Who is signed in, for the frame of the staff screens.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub name: String,
    pub role: Role,
    /// The sign-in's CSRF token (for the sign-out button).
    pub csrf: String,
}

/// The cause of a 500, left on the response for this logging middleware
/// (never shown to the person).
#[derive(Clone, Debug)]
pub struct InternalCause(pub String);

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
                settings: Arc::new(Settings::built_in()),
                signed_in: Arc::default(),
                channel: None,
            })
    }
}

fn next_request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{:08x}-{:06}", rand::random::<u32>(), n % 1_000_000)
}

pub async fn request_context(
    State(settings): State<Arc<Settings>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method: Method = request.method().clone();
    let matched = request.extensions().get::<MatchedPath>().is_some();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".into());
    let path = request.uri().path().to_string();
    // Links of the page (the language switch) come from a route of this
    // site; a path that matched none (`//evil.example`) gives the home page.
    let own_path = if matched {
        request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| path.clone())
    } else {
        match request.uri().query() {
            Some(q) => format!("/?{q}"),
            None => "/".into(),
        }
    };
    let ctx = RequestContext {
        request_id: next_request_id(),
        lang: lang_from_request(
            request.uri().query(),
            request.headers(),
            &settings.offered_languages(),
        ),
        wants_html: !(path.starts_with("/api/") || path == "/healthz"),
        path: own_path,
        channel: channel_from_request(request.uri().query(), request.headers()),
        settings,
        signed_in: Arc::default(),
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

/// The channel code of `?src=`, else of the `src` cookie a link left.
pub fn channel_from_request(query: Option<&str>, headers: &HeaderMap) -> Option<String> {
    let from_query = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "src")
            .and_then(|(_, v)| crate::domain::outreach::channel(&v))
    });
    from_query.or_else(|| {
        headers
            .get("cookie")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .split(';')
            .find_map(|kv| {
                let (k, v) = kv.trim().split_once('=')?;
                (k == "src")
                    .then(|| crate::domain::outreach::channel(v))
                    .flatten()
            })
    })
}

/// The page's language: `?lang=`, then the `lang` cookie, then an English
/// `Accept-Language`; Japanese otherwise. Only an offered language is taken.
pub fn lang_from_request(query: Option<&str>, headers: &HeaderMap, offered: &[Lang]) -> Lang {
    let offered_code = |code: &str| Lang::parse(code).ok().filter(|l| offered.contains(l));
    let from_query = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| offered_code(&v))
    });
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let from_cookie = header("cookie").split(';').find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == "lang").then(|| offered_code(v)).flatten()
    });
    let from_accept = header("accept-language")
        .split(',')
        .next()
        .map(|first| first.trim().to_ascii_lowercase())
        .filter(|first| first.starts_with("en"))
        .and_then(|_| offered_code("en"));
    from_query
        .or(from_cookie)
        .or(from_accept)
        .unwrap_or(Lang::Ja)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderValue};

    #[test]
    fn language_is_chosen_query_then_cookie_then_header() {
        let mut h = HeaderMap::new();
        assert_eq!(lang_from_request(None, &h, Lang::ALL), Lang::Ja);
        h.insert(
            "accept-language",
            HeaderValue::from_static("en-GB,en;q=0.9"),
        );
        assert_eq!(lang_from_request(None, &h, Lang::ALL), Lang::En);
        h.insert("cookie", HeaderValue::from_static("a=b; lang=ja"));
        assert_eq!(lang_from_request(None, &h, Lang::ALL), Lang::Ja);
        assert_eq!(
            lang_from_request(Some("x=1&lang=en"), &h, Lang::ALL),
            Lang::En
        );
        assert_eq!(lang_from_request(Some("lang=xx"), &h, Lang::ALL), Lang::Ja);
    }
}
