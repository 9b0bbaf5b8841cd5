//! `/staff/referrals`: the office's 「つなぎ」 list (coordinators and
//! admins): every referral still being followed, its age and last update,
//! the overdue ones marked; each closed with its outcome. The view and
//! each step are audited by the service.

use super::{done_at, done_notice, field, StaffFrame};
use crate::i18n::dates::format_datetime;
use crate::i18n::messages::field_message;
use crate::i18n::referral::status_label;
use crate::service::evening::BookError;
use crate::service::referral::office::{self, OpenReferral};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::{parse_id, Manager, StaffCaller, StaffForm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

struct Line {
    id: i64,
    number: String,
    booking_id: i64,
    service: String,
    status: &'static str,
    overdue: bool,
    made: String,
    age: String,
    last: String,
    /// The outcome as typed, when a close was refused.
    outcome: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "staff/referrals.html")]
struct ListPage {
    c: StaffFrame,
    notice: Option<&'static str>,
    days: u32,
    lines: Vec<Line>,
}

/// The list; `refused` is a close sent back: (referral, outcome typed, message).
async fn list_page(
    state: &AppState,
    caller: &StaffCaller,
    notice: Option<&'static str>,
    refused: Option<(i64, String, String)>,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(caller);
    let open = office::open(state, &caller.member).await?;
    let line = |r: OpenReferral| {
        let (outcome, error) = match &refused {
            Some((id, typed, message)) if *id == r.id => (typed.clone(), Some(message.clone())),
            _ => (String::new(), None),
        };
        Line {
            id: r.id,
            number: r.number,
            booking_id: r.booking_id,
            service: r.service_name,
            status: status_label(r.status, c.lang),
            overdue: r.overdue,
            made: format!(
                "{}{}{}{}",
                format_datetime(r.created_at, c.lang),
                c.t.lparen,
                r.made_by,
                c.t.rparen
            ),
            age: c.t.staff_referrals_age(r.age_days + 1),
            last: format_datetime(r.last_update, c.lang),
            outcome,
            error,
        }
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let lines = open.into_iter().map(line).collect();
    Ok(page(
        &ListPage {
            notice,
            days: state.settings.referral.overdue_after_days,
            lines,
            c,
        },
        status,
    ))
}

/// `GET /staff/referrals`
pub async fn referrals(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let notice = done_notice(&q, StaffFrame::new(&caller).t);
    list_page(&state, &caller, notice, None).await
}

/// `POST /staff/referrals/{id}/close` (form) with `outcome`.
pub async fn close_referral(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let outcome = field(&pairs, "outcome");
    match office::close(&state, &caller.member, id, &outcome).await {
        Ok(()) => Ok(done_at("/staff/referrals", "referral_closed")),
        Err(BookError::Invalid(errors)) => {
            let lang = StaffFrame::new(&caller).lang;
            let message = errors
                .iter()
                .next()
                .map(|(f, e)| field_message(f, e, lang))
                .unwrap_or_default();
            list_page(&state, &caller, None, Some((id, outcome, message))).await
        }
        Err(e) => Err(e.into()),
    }
}
