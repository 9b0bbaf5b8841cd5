//! Staff screens (事務局): sign-in, the month's roster (`roster`), each
//! evening's day sheet with attendance (`day_sheet`), the CSV export
//! (`export`), the schedule's changes (`schedule`), professionals and
//! accounts (`people`), phone bookings (`phone`) and the audit log (`audit`).
//! Without a sign-in every page redirects to `/staff/login` and shows
//! nothing; forms carry a CSRF token.

mod audit;
mod day_sheet;
mod export;
mod people;
mod phone;
mod roster;
mod schedule;

pub use audit::audit;
pub use day_sheet::{attendance, sheet};
pub use export::export;
pub use people::{
    account_active, accounts, add_account, add_professional, professional_active, professionals,
};
pub use phone::{phone_book, phone_form};
pub use roster::roster;
pub use schedule::{add_session, assign, cancel_session, generate, move_session, set_series};

use super::page;
use crate::service::staff as accounts_service;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::staff_api::role_label;
use crate::web::{FormBody, StaffCaller, STAFF_COOKIE};
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime};

const LOGIN_CSRF: &str = "tsunagu_login_csrf";

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())?
        .split(';')
        .find_map(|kv| kv.trim().strip_prefix(name)?.strip_prefix('='))
}

fn secure(state: &AppState) -> &'static str {
    if state.settings.public_url().starts_with("https://") {
        "; Secure"
    } else {
        ""
    }
}

fn set_cookie(response: &mut Response, value: String) {
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

pub(super) fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// A state-changing staff form must carry the sign-in's CSRF token.
pub(super) fn check_csrf(caller: &StaffCaller, pairs: &[(String, String)]) -> Result<(), AppError> {
    match &caller.csrf {
        Some(expected) if *expected == field(pairs, "csrf") => Ok(()),
        Some(_) => Err(AppError::Forbidden),
        // Bearer tokens are not sent by browsers on their own: no CSRF to fear.
        None => Ok(()),
    }
}

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    who: Option<String>,
    csrf: String,
    email: String,
    failed: bool,
}

fn login_page(state: &AppState, email: &str, failed: bool, status: StatusCode) -> Response {
    let csrf = crate::domain::token::Token::generate().as_str().to_string();
    let mut response = page(
        &LoginPage {
            who: None,
            csrf: csrf.clone(),
            email: email.to_string(),
            failed,
        },
        status,
    );
    set_cookie(
        &mut response,
        format!(
            "{LOGIN_CSRF}={csrf}; Path=/staff; HttpOnly; SameSite=Strict{}",
            secure(state)
        ),
    );
    response
}

/// `GET /staff/login`
pub async fn login_form(State(state): State<AppState>) -> Response {
    login_page(&state, "", false, StatusCode::OK)
}

/// `POST /staff/login`: email and password; a wrong pair is slowed down and logged.
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let expected = cookie_value(&headers, LOGIN_CSRF).unwrap_or("");
    if expected.is_empty() || expected != field(&pairs, "csrf") {
        return Ok(login_page(&state, "", false, StatusCode::FORBIDDEN));
    }
    let email = field(&pairs, "email");
    match accounts_service::sign_in(&state, &email, &field(&pairs, "password")).await? {
        Some(signed_in) => {
            let mut response = Redirect::to("/staff").into_response();
            let age = accounts_service::SESSION_HOURS * 3600;
            set_cookie(
                &mut response,
                format!(
                    "{STAFF_COOKIE}={}; Path=/; Max-Age={age}; HttpOnly; SameSite=Strict{}",
                    signed_in.cookie,
                    secure(&state)
                ),
            );
            Ok(response)
        }
        None => Ok(login_page(&state, &email, true, StatusCode::UNAUTHORIZED)),
    }
}

/// `POST /staff/logout`
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    caller: StaffCaller,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    if let Some(token) =
        cookie_value(&headers, STAFF_COOKIE).and_then(crate::domain::token::Token::parse)
    {
        state.store.end_staff_session(&token.hash()).await?;
    }
    let mut response = Redirect::to("/staff/login").into_response();
    set_cookie(
        &mut response,
        format!("{STAFF_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"),
    );
    Ok(response)
}

pub(super) fn who(caller: &StaffCaller) -> Option<String> {
    Some(format!(
        "{}（{}）",
        caller.name,
        role_label(caller.member.role)
    ))
}

fn back_to(session: i64) -> Response {
    Redirect::to(&format!("/staff/sessions/{session}")).into_response()
}

fn form_date(pairs: &[(String, String)]) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(field(pairs, "date").trim(), "%Y-%m-%d")
        .map_err(|_| crate::web::error::invalid("date", crate::domain::FieldError::Choice))
}

fn form_time(pairs: &[(String, String)]) -> Result<Option<NaiveTime>, AppError> {
    match field(pairs, "start").trim() {
        "" => Ok(None),
        t => NaiveTime::parse_from_str(t, "%H:%M")
            .map(Some)
            .map_err(|_| crate::web::error::invalid("start", crate::domain::FieldError::Choice)),
    }
}
