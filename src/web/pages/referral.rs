//! The receiving service's page (`/referrals/{token}`, from its mail; no
//! account): the referral with only what was consented to, its history,
//! and a form to record what happened. A refused form comes back with its
//! message and the note as typed.

use super::manage::no_store;
use super::{page, Chrome};
use crate::domain::referral::ReferralStatus;
use crate::domain::time::jst_today;
use crate::domain::FieldErrors;
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::messages::field_message;
use crate::i18n::referral::{actor_label, shared_lines, status_label};
use crate::service::evening::BookError;
use crate::service::referral::link::{self, ServiceView};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::FormBody;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

pub struct Line {
    pub label: &'static str,
    pub value: String,
}

pub struct Step {
    pub at: String,
    pub who: &'static str,
    pub status: &'static str,
    pub note: String,
}

pub struct Choice {
    pub code: &'static str,
    pub label: &'static str,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "referral.html")]
struct ReferralPage {
    c: Chrome,
    token: String,
    title: String,
    status: &'static str,
    withdrawn: bool,
    shared: Vec<Line>,
    history: Vec<Step>,
    choices: Vec<Choice>,
    note: String,
    status_error: Option<String>,
    note_error: Option<String>,
    notice: Option<&'static str>,
    expires: String,
}

fn render(
    state: &AppState,
    token: String,
    v: ServiceView,
    typed: (&str, &str),
    errors: &FieldErrors,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Response {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let c = Chrome::new(Some(state), &ctx);
    let t = c.t;
    let shared = shared_lines(&v.shared, lang)
        .into_iter()
        .map(|(label, value)| Line { label, value })
        .collect();
    let history = v
        .updates
        .iter()
        .map(|u| Step {
            at: format_datetime(u.at, lang),
            who: actor_label(&u.actor, lang),
            status: ReferralStatus::parse(&u.status)
                .map(|s| status_label(s, lang))
                .unwrap_or(""),
            note: u.note.clone(),
        })
        .collect();
    let choices = v
        .next
        .iter()
        .map(|s| Choice {
            code: s.code(),
            label: status_label(*s, lang),
            checked: typed.0 == s.code(),
        })
        .collect();
    let message = |field: &str| errors.get(field).map(|e| field_message(field, e, lang));
    let template = ReferralPage {
        title: t.referral_page_title(v.number.as_str()),
        status: status_label(v.status, lang),
        withdrawn: v.status == ReferralStatus::Withdrawn,
        shared,
        history,
        choices,
        note: typed.1.to_string(),
        status_error: message("status"),
        note_error: message("note"),
        notice,
        expires: v
            .record
            .token_expires_at
            .map(|at| t.referral_page_expires(format_date(jst_today(at), lang)))
            .unwrap_or_default(),
        token,
        c,
    };
    no_store(page(&template, status))
}

/// `GET /referrals/{token}` (`?recorded=1` after a step).
pub async fn referral(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let v = link::view(&state, &token).await?;
    let t = crate::i18n::texts(RequestContext::current().lang);
    let notice = query
        .contains_key("recorded")
        .then_some(t.referral_page_recorded);
    Ok(render(
        &state,
        token,
        v,
        ("", ""),
        &FieldErrors::new(),
        notice,
        StatusCode::OK,
    ))
}

/// `POST /referrals/{token}` with `status` and `note`.
pub async fn referral_record(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let (status, note) = (field("status"), field("note"));
    match link::record(&state, &token, status, note).await {
        Ok(_) => Ok(Redirect::to(&format!("/referrals/{token}?recorded=1")).into_response()),
        Err(BookError::Invalid(errors)) => {
            let v = link::view(&state, &token).await?;
            Ok(render(
                &state,
                token,
                v,
                (status, note),
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(BookError::Conflict(_)) => {
            let v = link::view(&state, &token).await?;
            let t = crate::i18n::texts(RequestContext::current().lang);
            Ok(render(
                &state,
                token,
                v,
                (status, note),
                &FieldErrors::new(),
                Some(t.referral_page_conflict),
                StatusCode::CONFLICT,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
