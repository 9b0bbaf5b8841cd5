//! The waitlist (キャンセル待ち): joining it, and the offer of a freed slot
//! with its accept and decline.

use super::manage::{no_store, MessagePage};
use super::person_form::{
    error_lines, form_source, heard_from_field, person_fields, question_fields,
};
use super::{between, page, venue_text, ChoiceField, ChoiceOption, Chrome, ErrorLine, TextField};
use crate::domain::time::{format_time, to_jst};
use crate::domain::{FieldErrors, Profession};
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{field_message, profession_label, texts};
use crate::service::evening::BookError;
use crate::service::{offers, waitlist};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::FormBody;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "waitlist.html")]
struct WaitlistPage {
    c: Chrome,
    errors: Vec<ErrorLine>,
    choice_fields: Vec<ChoiceField>,
    text_fields: Vec<TextField>,
    /// The booking form's questions, optional here.
    optional_choices: Vec<ChoiceField>,
    note: String,
    note_error: Option<String>,
    consent: bool,
    consent_error: Option<String>,
    /// 「何で知りましたか」 and the link's channel.
    heard_from: Option<ChoiceField>,
    src: String,
}

async fn waitlist_page(
    state: &AppState,
    values: &HashMap<String, String>,
    errors: &FieldErrors,
) -> Result<WaitlistPage, AppError> {
    let ctx = RequestContext::current();
    let (lang, t) = (ctx.lang, texts(ctx.lang));
    let value = |k: &str| values.get(k).cloned().unwrap_or_default();
    let message = |field: &str| errors.get(field).map(|e| field_message(field, e, lang));
    let sessions = state.store.upcoming_sessions(state.clock.now()).await?;
    let chosen_session = value("session_id");
    let evenings: Vec<ChoiceOption> = std::iter::once(("".to_string(), t.evening_any.to_string()))
        .chain(sessions.iter().map(|s| {
            (
                s.id.to_string(),
                format_date(to_jst(s.starts_at).date_naive(), lang),
            )
        }))
        .map(|(code, label)| ChoiceOption {
            checked: code == chosen_session,
            code,
            label,
        })
        .collect();
    let order = [
        "profession",
        "session_id",
        "name",
        "name_kana",
        "phone",
        "email",
        "age_band",
        "topic",
        "note",
        "heard_from",
        "consent",
    ];
    let source = form_source(value);
    Ok(WaitlistPage {
        heard_from: Some(heard_from_field(
            &state.settings,
            lang,
            t.heard_from_question,
            &source.heard_from,
            errors,
        )),
        src: source.channel,
        errors: error_lines(&order, errors, lang),
        choice_fields: vec![
            ChoiceField {
                name: "profession",
                label: t.waitlist_profession,
                hint: "",
                options: Profession::ALL
                    .iter()
                    .map(|p| ChoiceOption {
                        code: p.code().to_string(),
                        label: profession_label(*p, lang).to_string(),
                        checked: value("profession") == p.code(),
                    })
                    .collect(),
                error: message("profession"),
            },
            ChoiceField {
                name: "session_id",
                label: t.waitlist_evening,
                hint: "",
                options: evenings,
                error: message("session_id"),
            },
        ],
        text_fields: person_fields(lang, value, errors),
        optional_choices: question_fields(lang, &value("age_band"), &value("topic"), errors),
        note: value("note"),
        note_error: message("note"),
        consent: !value("consent").is_empty(),
        consent_error: message("consent"),
        c: Chrome::new(Some(state), &ctx),
    })
}

/// `GET /waitlist?session_id=…&profession=…`: the waitlist form.
pub async fn waitlist_form(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    Ok(page(
        &waitlist_page(&state, &query, &FieldErrors::new()).await?,
        StatusCode::OK,
    ))
}

/// `POST /waitlist`: joins, then shows the place in line.
pub async fn waitlist_submit(
    State(state): State<AppState>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let values: HashMap<String, String> = pairs.into_iter().collect();
    let value = |k: &str| values.get(k).cloned().unwrap_or_default();
    let mut errors = FieldErrors::new();
    let session_id = match value("session_id").trim() {
        "" | "next" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.insert("session_id", crate::domain::FieldError::NoSuchSlot);
                None
            }
        },
    };
    let input = waitlist::WaitlistInput {
        session_id,
        profession: value("profession"),
        name: value("name"),
        name_kana: value("name_kana"),
        phone: value("phone"),
        email: value("email"),
        age_band: value("age_band"),
        topic: value("topic"),
        note: value("note"),
        consent: !value("consent").is_empty(),
        source: form_source(value),
    };
    let lang = RequestContext::current().lang;
    match waitlist::join(&state, &input, errors, lang, None).await {
        Ok(joined) => {
            let token = joined
                .manage_url
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            Ok(Redirect::to(&format!("/manage/{token}?joined=1")).into_response())
        }
        Err(BookError::Invalid(errors)) => Ok(page(
            &waitlist_page(&state, &values, &errors).await?,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "offer.html")]
struct OfferPage {
    c: Chrome,
    token: String,
    when: String,
    profession: &'static str,
    venue: String,
    deadline: String,
    /// Already accepted: the booking it became, without the answers.
    accepted: bool,
    /// A slot held for a follow-up consultation (継続相談), not a waitlist offer.
    follow_up: bool,
}

/// `GET /offers/{token}`: the offer, with accept and decline.
pub async fn offer(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (o, accepted) = offers::seen_offer(&state, &token).await?;
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let template = OfferPage {
        when: between(
            format_datetime(o.starts_at, lang),
            format_time(o.ends_at),
            lang,
        ),
        profession: profession_label(o.profession(), lang),
        venue: venue_text(&state, lang, &o.venue),
        deadline: o
            .offer_expires_at
            .map(|t| format_datetime(t, lang))
            .unwrap_or_default(),
        accepted,
        follow_up: o.referral_id.is_some(),
        token,
        c: Chrome::new(Some(&state), &ctx),
    };
    Ok(no_store(page(&template, StatusCode::OK)))
}

/// `POST /offers/{token}/accept`: books the held slot.
pub async fn offer_accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (_, manage_url) = offers::accept(&state, &token).await?;
    let new_token = manage_url.rsplit('/').next().unwrap_or_default();
    Ok(Redirect::to(&format!("/manage/{new_token}?booked=1")).into_response())
}

/// `POST /offers/{token}/decline`
pub async fn offer_decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    offers::decline(&state, &token).await?;
    let ctx = RequestContext::current();
    let t = texts(ctx.lang);
    let template = MessagePage {
        heading: t.declined_heading.to_string(),
        lines: vec![t.declined_body.to_string()],
        c: Chrome::new(Some(&state), &ctx),
    };
    Ok(page(&template, StatusCode::OK))
}
