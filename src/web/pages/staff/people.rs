//! Professionals (相談員) and staff accounts.

use super::{confirmed, done_at, done_notice, field, ConfirmPage, StaffFrame};
use crate::domain::Profession;
use crate::i18n::{profession_label, role_label};
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::{parse_id, Admin, Manager, StaffCaller, StaffForm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "staff/professionals.html")]
struct ProfessionalsPage {
    c: StaffFrame,
    notice: Option<&'static str>,
    list: Vec<crate::store::ProfessionalRecord>,
}

/// `GET /staff/professionals`: the list of professionals.
pub async fn professionals(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(&caller);
    let mut list = state.store.professionals().await?;
    for p in &mut list {
        // A doctor (産業医) is the health centre's, not a profession of the evenings.
        p.profession = Profession::parse(&p.profession)
            .map(|kind| profession_label(kind, c.lang))
            .unwrap_or(c.t.staff_profession_doctor)
            .to_string();
    }
    Ok(page(
        &ProfessionalsPage {
            notice: done_notice(&q, c.t),
            list,
            c,
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/professionals` (form): adds one.
pub async fn add_professional(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let text = |k: &str| field(&pairs, k);
    office::add_professional(
        &state,
        &caller.member,
        &text("name"),
        &text("profession"),
        &text("organisation"),
        &text("contact"),
    )
    .await?;
    Ok(done_at("/staff/professionals", "professional_added"))
}

/// `POST /staff/professionals/{id}/active` (form): rests or restores one.
pub async fn professional_active(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let active = field(&pairs, "active") == "yes";
    office::set_professional_active(&state, &caller.member, id, active).await?;
    let done = if active {
        "professional_restored"
    } else {
        "professional_rested"
    };
    Ok(done_at("/staff/professionals", done))
}

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct AccountsPage {
    c: StaffFrame,
    notice: Option<&'static str>,
    error: Option<String>,
    accounts: Vec<crate::store::StaffListing>,
    professionals: Vec<(i64, String)>,
}

async fn accounts_page(
    state: &AppState,
    caller: &StaffCaller,
    notice: Option<&'static str>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(caller);
    let mut accounts = state.store.staff_listing().await?;
    for a in &mut accounts {
        a.role = role_label(
            crate::domain::staff::Role::parse(&a.role)
                .unwrap_or(crate::domain::staff::Role::Professional),
            c.lang,
        )
        .to_string();
    }
    let professionals = state
        .store
        .professionals()
        .await?
        .into_iter()
        .filter(|p| p.active)
        .map(|p| (p.id, p.name))
        .collect();
    Ok(page(
        &AccountsPage {
            accounts,
            professionals,
            notice,
            error,
            c,
        },
        status,
    ))
}

/// `GET /staff/accounts` (admin).
pub async fn accounts(
    State(state): State<AppState>,
    Admin(caller): Admin,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let t = StaffFrame::new(&caller).t;
    accounts_page(&state, &caller, done_notice(&q, t), None, StatusCode::OK).await
}

/// `POST /staff/accounts` (admin, form): a new account.
pub async fn add_account(
    State(state): State<AppState>,
    StaffForm(Admin(caller), pairs): StaffForm<Admin>,
) -> Result<Response, AppError> {
    let text = |k: &str| field(&pairs, k);
    let account = office::NewAccount {
        email: &text("email"),
        name: &text("name"),
        role: &text("role"),
        professional: text("professional").parse::<i64>().ok(),
        password: &text("password"),
    };
    match office::add_account(&state, &caller.member, account).await? {
        Ok(_) => Ok(done_at("/staff/accounts", "account_added")),
        Err(e) => {
            let message = StaffFrame::new(&caller)
                .t
                .staff_account_refused(e.to_string());
            accounts_page(
                &state,
                &caller,
                None,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /staff/accounts/{id}/active` (admin, form): reopens an account,
/// or closes one once confirmed (`confirm=yes`; without it the page says
/// what closing does and nothing changes).
pub async fn account_active(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Admin(caller), pairs): StaffForm<Admin>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let active = field(&pairs, "active") == "yes";
    if !active && !confirmed(&pairs) {
        let account = office::account_to_close(&state, &caller.member, id).await?;
        let mut confirm = ConfirmPage::new(
            &caller,
            format!("/staff/accounts/{id}/active"),
            "/staff/accounts".into(),
        );
        let t = confirm.c.t;
        confirm.heading = t.staff_close_account_heading.into();
        confirm.lines = vec![
            t.staff_close_account_line(&account.email, &account.name),
            t.staff_close_account_effect.into(),
        ];
        confirm.fields = vec![("active", "no".into())];
        confirm.button = t.staff_close_account_go;
        return Ok(confirm.render());
    }
    office::set_account_active(&state, &caller.member, id, active).await?;
    let done = if active {
        "account_reopened"
    } else {
        "account_closed"
    };
    Ok(done_at("/staff/accounts", done))
}
