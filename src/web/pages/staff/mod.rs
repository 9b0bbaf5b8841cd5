//! Staff screens (事務局): sign-in, the month's roster (`roster`), each
//! evening's day sheet with attendance (`day_sheet`), the CSV export
//! (`export`), the schedule's changes (`schedule`), professionals and
//! accounts (`people`), phone bookings (`phone`), the directory
//! (`directory`, its form in `directory_form`), referring a booking
//! (`refer`), the referrals being followed (`referrals`), outreach
//! (`outreach`: where requests came from, the services that pass notices on)
//! and the audit log (`audit`),
//! each in the frame every staff screen shares (`frame`: the staff's
//! language, its chooser, who is signed in).
//! Without a sign-in every page redirects to `/staff/login` and shows
//! nothing; forms carry a CSRF token.

mod audit;
mod chart;
mod day_sheet;
mod directory;
mod directory_form;
mod export;
mod figures;
mod figures_report;
mod frame;
mod outreach;
mod people;
mod phone;
mod refer;
mod referrals;
mod roster;
mod schedule;

pub use audit::audit;
pub use day_sheet::{attendance, cancel_booking, sheet};
pub use directory::{
    add as add_directory_entry, change as change_directory_entry,
    confirm as confirm_directory_entry, edit_form as directory_entry, list as directory,
    new_form as new_directory_entry,
};
pub use export::export;
pub use figures::{enter_by_hand, figures, figures_csv, figures_xlsx};
pub use figures_report::figures_report;
pub(crate) use frame::StaffFrame;
pub use outreach::{outreach, outreach_partner};
pub use people::{
    account_active, accounts, add_account, add_professional, professional_active, professionals,
};
pub use phone::{call_list, phone_book, phone_form};
pub use refer::{refer, refer_form};
pub use referrals::{close_referral, referrals};
pub use roster::roster;
pub use schedule::{
    add_session, assign, cancel_session, generate, move_session, restore_session, set_series,
};

use super::page;
use crate::i18n::Texts;
use crate::service::staff as accounts_service;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::{FormBody, StaffCaller, StaffForm, STAFF_COOKIE};
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime};
use std::collections::HashMap;

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

pub(super) use super::form_field as field;

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    c: StaffFrame,
    /// The sign-in form's own token (nobody is signed in yet).
    csrf: String,
    email: String,
    failed: bool,
}

fn login_page(state: &AppState, email: &str, failed: bool, status: StatusCode) -> Response {
    let csrf = crate::domain::token::Token::generate().as_str().to_string();
    let mut response = page(
        &LoginPage {
            c: StaffFrame::signed_out(),
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
            let session = crate::domain::token::Token::parse(&signed_in.cookie)
                .map(|t| t.hash())
                .unwrap_or_default();
            let start = match state
                .store
                .staff_by_session(&session, state.clock.now())
                .await?
            {
                Some((member, _)) => start_page(&state, &member).await?,
                None => "/staff",
            };
            let mut response = Redirect::to(start).into_response();
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

/// `POST /staff/logout`: by anyone signed in, with the sign-in's CSRF token.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    _: StaffForm<StaffCaller>,
) -> Result<Response, AppError> {
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

/// Back to the day sheet, with the message of the step just done.
fn back_to(session: i64, done: &str) -> Response {
    done_at(&format!("/staff/sessions/{session}"), done)
}

/// A redirect to `path` carrying the code of the step just done (`?done=…`),
/// which the page turns into its message.
fn done_at(path: &str, done: &str) -> Response {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}done={done}")).into_response()
}

/// The message that follows a staff step, from the `done` code of the
/// redirect (only the codes below: nothing typed is ever shown back).
fn done_notice(q: &HashMap<String, String>, t: &'static Texts) -> Option<&'static str> {
    Some(match q.get("done")?.as_str() {
        "attendance" => t.staff_done_attendance,
        "assigned" => t.staff_done_assigned,
        "moved" => t.staff_done_moved,
        "cancelled" => t.staff_done_cancelled,
        "restored" => t.staff_done_restored,
        "added" => t.staff_done_added,
        "booking_cancelled" => t.staff_done_booking_cancelled,
        "booked" => t.staff_done_booked,
        "booked_phone_only" => t.staff_done_booked_phone_only,
        "generated" => t.staff_done_generated,
        "series" => t.staff_done_series,
        "professional_added" => t.staff_done_professional_added,
        "professional_rested" => t.staff_done_professional_rested,
        "professional_restored" => t.staff_done_professional_restored,
        "account_added" => t.staff_done_account_added,
        "account_closed" => t.staff_done_account_closed,
        "account_reopened" => t.staff_done_account_reopened,
        "directory_added" => t.staff_done_directory_added,
        "directory_changed" => t.staff_done_directory_changed,
        "directory_confirmed" => t.staff_done_directory_confirmed,
        "referral_closed" => t.staff_done_referral_closed,
        "referred" => t.staff_done_referred,
        "partner_changed" => t.staff_done_partner_changed,
        "by_hand" => t.staff_done_by_hand,
        _ => return None,
    })
}

/// What a destructive step will do, asked before it is done: the form
/// posts again with `confirm=yes`. Without it nothing changes.
#[derive(Template)]
#[template(path = "staff/confirm.html")]
struct ConfirmPage {
    c: StaffFrame,
    heading: String,
    lines: Vec<String>,
    action: String,
    /// The form's other fields, sent again as they came.
    fields: Vec<(&'static str, String)>,
    button: &'static str,
    back: String,
}

impl ConfirmPage {
    /// The page for `action`, leading back to `back`; the caller writes
    /// its heading and lines in the words of `c`.
    fn new(caller: &StaffCaller, action: String, back: String) -> ConfirmPage {
        let c = StaffFrame::new(caller);
        ConfirmPage {
            button: c.t.staff_confirm_go,
            c,
            heading: String::new(),
            lines: Vec::new(),
            action,
            fields: Vec::new(),
            back,
        }
    }

    fn render(self) -> Response {
        page(&self, StatusCode::OK)
    }
}

/// Whether the form says the step was confirmed.
fn confirmed(pairs: &[(String, String)]) -> bool {
    field(pairs, "confirm") == "yes"
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

/// Whether a request's path (with its query) is one of the staff screens.
pub(super) fn is_staff_path(path_and_query: &str) -> bool {
    let path = path_and_query.split('?').next().unwrap_or("");
    path == "/staff" || path.starts_with("/staff/")
}

#[derive(Template)]
#[template(path = "staff/error.html")]
struct StaffErrorPage<'a> {
    c: StaffFrame,
    message: &'a str,
    forbidden: bool,
}

/// An error on a staff screen, in the staff's frame with the member signed
/// in (a 403 says the role does not allow it and leads back to the staff's
/// own start page).
pub(super) fn error_page(
    status: StatusCode,
    message: &str,
    ctx: &RequestContext,
) -> askama::Result<String> {
    StaffErrorPage {
        c: StaffFrame::of_request(ctx),
        message,
        forbidden: status == StatusCode::FORBIDDEN,
    }
    .render()
}

/// Where a member starts after signing in: a doctor (産業医) on the health
/// centre's roster, everyone else on the evenings.
async fn start_page(
    state: &AppState,
    member: &crate::store::StaffMember,
) -> Result<&'static str, AppError> {
    Ok(if is_doctor(state, member).await? {
        "/staff/health/roster"
    } else {
        "/staff"
    })
}

/// Whether the member is a professional whose entry is a doctor's.
async fn is_doctor(state: &AppState, member: &crate::store::StaffMember) -> Result<bool, AppError> {
    Ok(match member.professional_id {
        Some(id) if !member.role.manages() => {
            state.store.professional_profession(id).await?.as_deref() == Some("doctor")
        }
        _ => false,
    })
}
