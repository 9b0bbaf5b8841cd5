//! Professionals (相談員) and staff accounts.

use super::{check_csrf, field, who};
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::staff_api::role_label;
use crate::web::{parse_id, FormBody, Manager, StaffCaller};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "staff/professionals.html")]
struct ProfessionalsPage {
    who: Option<String>,
    csrf: String,
    list: Vec<crate::store::ProfessionalRecord>,
}

/// `GET /staff/professionals`: the list of professionals.
pub async fn professionals(
    State(state): State<AppState>,
    Manager(caller): Manager,
) -> Result<Response, AppError> {
    let mut list = state.store.professionals().await?;
    for p in &mut list {
        p.profession = match p.profession.as_str() {
            "lawyer" => "弁護士",
            "psychologist" => "臨床心理士",
            _ => "産業医",
        }
        .to_string();
    }
    Ok(page(
        &ProfessionalsPage {
            list,
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(&caller),
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/professionals` (form): adds one.
pub async fn add_professional(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
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
    Ok(Redirect::to("/staff/professionals").into_response())
}

/// `POST /staff/professionals/{id}/active` (form): rests or restores one.
pub async fn professional_active(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::set_professional_active(&state, &caller.member, id, field(&pairs, "active") == "yes")
        .await?;
    Ok(Redirect::to("/staff/professionals").into_response())
}

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct AccountsPage {
    who: Option<String>,
    csrf: String,
    error: Option<String>,
    accounts: Vec<crate::store::StaffListing>,
    professionals: Vec<(i64, String)>,
}

async fn accounts_page(
    state: &AppState,
    caller: &StaffCaller,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut accounts = state.store.staff_listing().await?;
    for a in &mut accounts {
        a.role = role_label(
            crate::domain::staff::Role::parse(&a.role)
                .unwrap_or(crate::domain::staff::Role::Professional),
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
            error,
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(caller),
        },
        status,
    ))
}

/// `GET /staff/accounts` (admin).
pub async fn accounts(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
) -> Result<Response, AppError> {
    accounts_page(&state, &caller, None, StatusCode::OK).await
}

/// `POST /staff/accounts` (admin, form): a new account.
pub async fn add_account(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let role = crate::domain::staff::Role::parse(&field(&pairs, "role"));
    let professional = field(&pairs, "professional").parse::<i64>().ok();
    let result = match role {
        Some(role) => {
            crate::service::staff::add(
                &state,
                &field(&pairs, "email"),
                &field(&pairs, "name"),
                role,
                professional,
                &field(&pairs, "password"),
            )
            .await
        }
        None => Err(anyhow::anyhow!("role")),
    };
    match result {
        Ok(id) => {
            state
                .audit(&caller.member, "add_staff", &format!("staff {id}"), "")
                .await?;
            Ok(Redirect::to("/staff/accounts").into_response())
        }
        Err(e) => {
            let message = format!("アカウントを追加できませんでした（{e}）。メールアドレス、12文字以上のパスワード、相談員の場合は名簿の相談員を確認してください。");
            accounts_page(
                &state,
                &caller,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /staff/accounts/{id}/active` (admin, form).
pub async fn account_active(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    let active = field(&pairs, "active") == "yes";
    if caller.member.id == Some(id) && !active {
        return Err(AppError::Conflict("cannot_close_own_account"));
    }
    if !state.store.set_staff_active(id, active).await? {
        return Err(AppError::NotFound);
    }
    state
        .audit(
            &caller.member,
            "staff_active",
            &format!("staff {id}"),
            &active.to_string(),
        )
        .await?;
    Ok(Redirect::to("/staff/accounts").into_response())
}
