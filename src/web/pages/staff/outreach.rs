//! `/staff/outreach` (coordinators and admins): where bookings, waitlist
//! places, health requests and subscriptions came from, for a period (this
//! fiscal year by default); the services of the directory that pass notices
//! on, chosen here for the low-fill alert; and what is published for
//! partners (the calendar, the JSON, the embed, the posters). No personal
//! data; the view and each change audited by the service.

use super::{done_at, done_notice, StaffFrame};
use crate::i18n::dates::format_datetime;
use crate::service::outreach::figures::{self, SourceRow};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::{Manager, StaffForm};
use askama::Template;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

struct Partner {
    id: String,
    name: String,
    agreed: bool,
}

#[derive(Template)]
#[template(path = "staff/outreach.html")]
struct OutreachPage {
    c: StaffFrame,
    notice: Option<&'static str>,
    from: String,
    to: String,
    heard_from: Vec<(String, SourceRow)>,
    channels: Vec<(String, SourceRow)>,
    subscribed_now: i64,
    days: u32,
    partners: Vec<Partner>,
    site: String,
    /// (poster link, evening).
    posters: Vec<(String, String)>,
}

/// `GET /staff/outreach?from=YYYY-MM-DD&to=YYYY-MM-DD`
pub async fn outreach(
    State(state): State<AppState>,
    Manager(caller): Manager,
    RawQuery(raw): RawQuery,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(&caller);
    let (from, to) = crate::web::outreach_api::period(&state, raw.as_deref(), true)?;
    let f = figures::figures(&state, &caller.member, from, to).await?;
    let labels: HashMap<&str, &str> = state
        .settings
        .outreach
        .heard_from
        .iter()
        .map(|h| (h.code.as_str(), h.name.as_str()))
        .collect();
    let heard_from = f
        .heard_from
        .into_iter()
        .map(|r| {
            let label = match r.code.as_str() {
                "" => c.t.staff_outreach_unanswered.to_string(),
                code => labels.get(code).map_or(code.to_string(), |l| l.to_string()),
            };
            (label, r)
        })
        .collect();
    let channels = f
        .channels
        .into_iter()
        .map(|r| {
            let label = if r.code.is_empty() {
                c.t.staff_outreach_no_channel.to_string()
            } else {
                r.code.clone()
            };
            (label, r)
        })
        .collect();
    let agreed = state.store.outreach_partners().await?;
    let directory = state.store.directory_now().await?;
    let partners = directory
        .entries
        .iter()
        .filter(|e| !e.crisis)
        .map(|e| Partner {
            id: e.id.clone(),
            name: e.name.clone(),
            agreed: agreed.contains(&e.id),
        })
        .collect();
    let now = state.clock.now();
    let posters = state
        .store
        .upcoming_sessions(now)
        .await?
        .iter()
        .map(|s| {
            (
                format!("/poster/{}", s.id),
                format_datetime(s.starts_at, c.lang),
            )
        })
        .collect();
    Ok(page(
        &OutreachPage {
            notice: done_notice(&q, c.t),
            from: from.to_string(),
            to: to.to_string(),
            heard_from,
            channels,
            subscribed_now: f.subscribed_now,
            days: state.settings.outreach.low_fill_days,
            partners,
            site: state.settings.public_url().to_string(),
            posters,
            c,
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/outreach/partners/{service_id}` (form) with `agreed` = `yes` or `no`.
pub async fn outreach_partner(
    State(state): State<AppState>,
    Path(service_id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let agreed = super::field(&pairs, "agreed") == "yes";
    figures::set_partner(&state, &caller.member, &service_id, agreed).await?;
    Ok(done_at("/staff/outreach", "partner_changed"))
}
