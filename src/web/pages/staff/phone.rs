//! `/staff/book/{slot_id}`: bookings taken by phone.

use super::StaffFrame;
use crate::domain::time::{format_time, to_jst};
use crate::domain::Lang;
use crate::i18n::dates::format_date;
use crate::i18n::profession_label;
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::between;
use crate::web::pages::page;
use crate::web::parse_id;
use crate::web::{Manager, StaffForm};
use askama::Template;
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
    crate::service::evening::check_bookable(&state, &slot, state.clock.now())?;
    let pair = crate::web::pages::booking::pair_slots(&state, &slot).await?;
    let mut form = crate::web::pages::booking::book_page(
        &state,
        &slot,
        &pair,
        None,
        &Default::default(),
        &Default::default(),
    );
    form.taken_by_phone(slot.id, caller.csrf.clone());
    Ok(page(&form, StatusCode::OK))
}

/// `POST /staff/book/{slot_id}`: books on the caller's behalf, recording who did.
pub async fn phone_book(
    State(state): State<AppState>,
    Path(slot_id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let slot = crate::web::pages::booking::bookable_slot(&state, &slot_id).await?;
    let (input, also) = crate::web::pages::booking::form_input(&pairs);
    let request = crate::service::booking::BookRequest {
        slot_ids: std::iter::once(slot.id).chain(also).collect(),
        input: &input,
        errors: Default::default(),
        // The caller is answered in Japanese: their mails are in it.
        lang: Lang::Ja,
        acted_by: None,
        source: Default::default(),
    };
    match office::book_for_caller(&state, &caller.member, request).await {
        Ok(_) => {
            let done = if input.email.trim().is_empty() {
                "booked_phone_only"
            } else {
                "booked"
            };
            Ok(super::back_to(slot.session_id, done))
        }
        Err(crate::service::evening::BookError::Invalid(errors)) => {
            let pair = crate::web::pages::booking::pair_slots(&state, &slot).await?;
            let mut form =
                crate::web::pages::booking::book_page(&state, &slot, &pair, also, &input, &errors);
            form.taken_by_phone(slot.id, caller.csrf.clone());
            Ok(page(&form, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(other) => Err(other.into()),
    }
}

struct Call {
    time: String,
    profession: &'static str,
    name: String,
    kana: String,
    phone: String,
}

#[derive(Template)]
#[template(path = "staff/calls.html")]
struct CallsPage {
    c: StaffFrame,
    session_id: i64,
    when: String,
    call_on: String,
    calls: Vec<Call>,
}

/// `GET /staff/sessions/{id}/calls`: the callers of an evening reached only
/// by phone (電話連絡), to call three days before instead of a reminder mail;
/// printable.
pub async fn call_list(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let (session, calls) = office::call_list(&state, &caller.member, id).await?;
    let c = StaffFrame::new(&caller);
    let lang = c.lang;
    let calls: Vec<Call> = calls
        .into_iter()
        .map(|l| Call {
            time: between(format_time(l.starts_at), format_time(l.ends_at), lang),
            profession: crate::domain::Profession::parse(&l.profession)
                .map(|p| profession_label(p, lang))
                .unwrap_or(""),
            name: l.name.unwrap_or_default(),
            kana: l.name_kana.unwrap_or_default(),
            phone: l.phone.unwrap_or_default(),
        })
        .collect();
    let day = to_jst(session.starts_at).date_naive();
    Ok(page(
        &CallsPage {
            session_id: id,
            when: format_date(day, lang),
            call_on: format_date(day - chrono::Duration::days(3), lang),
            calls,
            c,
        },
        StatusCode::OK,
    ))
}
