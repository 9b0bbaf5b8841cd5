//! `/staff/audit`: the audit log (admin).

use super::StaffFrame;
use crate::i18n::dates::format_datetime;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    c: StaffFrame,
    q: String,
    entries: Vec<(String, String, String, String, String)>,
}

/// `GET /staff/audit?q=…`: search the audit log (admin only).
pub async fn audit(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let query: String = q
        .get("q")
        .map(|s| s.chars().take(100).collect())
        .unwrap_or_default();
    let c = StaffFrame::new(&caller);
    let lang = c.lang;
    let entries = state
        .store
        .audit_search(&query, 200)
        .await?
        .into_iter()
        .map(|e| {
            (
                format_datetime(e.at, lang),
                e.actor,
                crate::i18n::audit_action_label(&e.action, lang),
                e.subject,
                crate::i18n::audit_detail(&e.action, &e.detail, lang),
            )
        })
        .collect();
    Ok(page(
        &AuditPage {
            q: query,
            entries,
            c,
        },
        StatusCode::OK,
    ))
}
