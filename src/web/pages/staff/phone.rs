//! `/staff/book/{slot_id}`: bookings taken by phone.

use super::check_csrf;
use crate::domain::Lang;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::{FormBody, Manager};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// `GET /staff/book/{slot_id}`: the booking form, for a booking taken by phone.
pub async fn phone_form(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(slot_id): Path<String>,
) -> Result<Response, AppError> {
    let slot = crate::web::pages::booking::bookable_slot(&state, &slot_id).await?;
    crate::service::booking::check_bookable(&state, &slot, state.clock.now())?;
    let pair = crate::web::pages::booking::pair_slots(&state, &slot).await?;
    let mut form = crate::web::pages::booking::book_page(
        &state,
        &slot,
        &pair,
        None,
        &Default::default(),
        &Default::default(),
    );
    form.action = format!("/staff/book/{}", slot.id);
    form.csrf = caller.csrf.clone();
    Ok(page(&form, StatusCode::OK))
}

/// `POST /staff/book/{slot_id}`: books on the caller's behalf, recording who did.
pub async fn phone_book(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(slot_id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let slot = crate::web::pages::booking::bookable_slot(&state, &slot_id).await?;
    let (input, also) = crate::web::pages::booking::form_input(&pairs);
    let request = crate::service::booking::BookRequest {
        slot_ids: std::iter::once(slot.id).chain(also).collect(),
        input: &input,
        errors: Default::default(),
        lang: Lang::Ja,
        acted_by: Some(caller.name.clone()),
    };
    match crate::service::booking::book(&state, request).await {
        Ok(booked) => {
            let subject = format!("booking {}", booked.ids[0]);
            state
                .audit(&caller.member, "book_for_caller", &subject, "")
                .await?;
            Ok(super::back_to(slot.session_id, "booked"))
        }
        Err(crate::service::booking::BookError::Invalid(errors)) => {
            let pair = crate::web::pages::booking::pair_slots(&state, &slot).await?;
            let mut form =
                crate::web::pages::booking::book_page(&state, &slot, &pair, also, &input, &errors);
            form.action = format!("/staff/book/{}", slot.id);
            form.csrf = caller.csrf.clone();
            Ok(page(&form, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(other) => Err(other.into()),
    }
}
