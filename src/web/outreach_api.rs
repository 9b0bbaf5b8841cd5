//! The outreach API (周知): subscribing to notices of free slots and
//! unsubscribing in one click (RFC 8058), the next evening with a free slot
//! as JSON, and the staff's figures of where requests came from.

use super::api::lang_of;
use super::api_doc::outreach::{
    FreeJson, NextEveningJson, OutreachFiguresJson, PublicNextJson, SourceRowJson,
    SubscriptionAccepted, SubscriptionBody, UnsubscribedJson,
};
use super::error::{invalid, AppError};
use super::{JsonBody, Manager};
use crate::domain::time::{rfc3339_jst, to_jst};
use crate::domain::{FieldError, FieldErrors};
use crate::i18n::dates::format_date;
use crate::service::outreach::{self, figures, public, OutreachError, SubscribeRequest};
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;

impl From<OutreachError> for AppError {
    fn from(e: OutreachError) -> Self {
        match e {
            OutreachError::Invalid(errors) => AppError::Invalid(errors),
            OutreachError::NotFound => AppError::NotFound,
            OutreachError::Store(e) => e.into(),
        }
    }
}

/// `POST /api/v1/subscriptions`
#[utoipa::path(post, path = "/api/v1/subscriptions", tag = "outreach",
    request_body = SubscriptionBody,
    responses(
        (status = 202, description = "A confirmation mail is on its way: the same answer for any address", body = SubscriptionAccepted)))]
pub async fn subscribe(
    State(state): State<AppState>,
    JsonBody(b): JsonBody<SubscriptionBody>,
) -> Result<(StatusCode, Json<SubscriptionAccepted>), AppError> {
    let mut errors = FieldErrors::new();
    let email = b.email.text(&mut errors, "email");
    let kinds = b.kinds.take(&mut errors, "kinds");
    if kinds.is_none() && !errors.contains_key("kinds") {
        errors.insert("kinds", FieldError::Required);
    }
    let channel = b.src.text(&mut errors, "src");
    let lang = lang_of(b.lang, &mut errors);
    let req = SubscribeRequest {
        email,
        kinds: kinds.unwrap_or_default(),
        lang,
        channel: crate::domain::outreach::channel(&channel),
        errors,
    };
    outreach::subscribe(&state, req).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(SubscriptionAccepted {
            status: "confirmation_sent",
        }),
    ))
}

/// `POST /api/v1/subscriptions/unsubscribe/{token}`: the one-click
/// unsubscribe (RFC 8058) a mail program sends (any body is accepted).
#[utoipa::path(post, path = "/api/v1/subscriptions/unsubscribe/{token}", tag = "outreach",
    params(("token" = String, Path, description = "From the notice's List-Unsubscribe")),
    responses(
        (status = 200, description = "Unsubscribed: the address is deleted (the same answer when it already was)", body = UnsubscribedJson)))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<UnsubscribedJson>, AppError> {
    outreach::unsubscribe(&state, &token).await?;
    Ok(Json(UnsubscribedJson { unsubscribed: true }))
}

/// `GET /api/v1/public/next`
#[utoipa::path(get, path = "/api/v1/public/next", tag = "outreach",
    responses(
        (status = 200, description = "The next evening with a free slot, or `null` (cacheable: ETag, max-age)", body = PublicNextJson),
        (status = 304, description = "Not modified since the ETag given")))]
pub async fn next(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let lang = super::context::RequestContext::current().lang;
    let site = state.settings.public_url();
    let next = public::next_evening(&state)
        .await?
        .map(|e| NextEveningJson {
            session_id: e.session_id,
            starts_at: rfc3339_jst(e.starts_at),
            ends_at: rfc3339_jst(e.ends_at),
            date: format_date(to_jst(e.starts_at).date_naive(), lang),
            venue: crate::i18n::configured(lang, &e.venue, &state.settings.evening.venue_en)
                .to_string(),
            free: FreeJson {
                lawyer: e.free_lawyer,
                psychologist: e.free_psychologist,
            },
            book_url: format!("{site}/#session-{}", e.session_id),
        });
    let body = serde_json::to_string(&PublicNextJson { next }).map_err(anyhow::Error::from)?;
    Ok(super::cache::public(
        &headers,
        body,
        "application/json",
        state.settings.outreach.feed_max_age,
    ))
}

/// `GET /api/v1/staff/outreach/figures?from=YYYY-MM-DD&to=YYYY-MM-DD`
#[utoipa::path(get, path = "/api/v1/staff/outreach/figures", tag = "staff",
    params(
        ("from" = Option<String>, Query, format = Date, description = "First day (default: April 1 of this fiscal year)"),
        ("to" = Option<String>, Query, format = Date, description = "Last day (default: today)")),
    responses(
        (status = 200, description = "Where requests came from", body = OutreachFiguresJson),
        (status = 422, description = "`from` or `to` is not a date, or `to` before `from`", body = super::api_doc::schemas::ErrorBody)))]
pub async fn staff_figures(
    State(state): State<AppState>,
    Manager(staff): Manager,
    RawQuery(raw): RawQuery,
) -> Result<Json<OutreachFiguresJson>, AppError> {
    let (from, to) = period(&state, raw.as_deref(), false)?;
    let f = figures::figures(&state, &staff.member, from, to).await?;
    let row = |r: figures::SourceRow| SourceRowJson {
        code: r.code,
        bookings: r.bookings,
        waitlist: r.waitlist,
        health: r.health,
        subscriptions: r.subscriptions,
    };
    Ok(Json(OutreachFiguresJson {
        from: f.from.to_string(),
        to: f.to.to_string(),
        heard_from: f.heard_from.into_iter().map(row).collect(),
        channels: f.channels.into_iter().map(row).collect(),
        subscribed_now: f.subscribed_now,
    }))
}

/// `from` and `to` of a query (YYYY-MM-DD), this fiscal year by default;
/// a form's empty field is its default (`empty_is_default`), an API's is refused.
pub(super) fn period(
    state: &AppState,
    raw: Option<&str>,
    empty_is_default: bool,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), AppError> {
    let (mut from, mut to) = figures::default_period(state.clock.now());
    for (k, v) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let slot = match k.as_ref() {
            "from" => &mut from,
            "to" => &mut to,
            _ => continue,
        };
        if v.is_empty() && empty_is_default {
            continue;
        }
        *slot = chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
            .map_err(|_| invalid(if k == "from" { "from" } else { "to" }, FieldError::Date))?;
    }
    if to < from {
        return Err(invalid("to", FieldError::Choice));
    }
    Ok((from, to))
}
