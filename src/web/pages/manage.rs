//! Pages behind the links people receive: their booking (see, move,
//! cancel), their place on the waitlist, and an offer of a freed slot.

use super::{
    between, field_label, page, venue_text, ChoiceField, ChoiceOption, Chrome, ErrorLine, TextField,
};
use crate::domain::time::{format_date, format_datetime, format_time, to_jst};
use crate::domain::{FieldErrors, Lang, Profession};
use crate::service::booking::BookError;
use crate::service::manage::{self, Managed};
use crate::service::{offers, waitlist};
use crate::state::AppState;
use crate::store::BookingRecord;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::i18n::{field_message, profession_label, texts, Texts};
use crate::web::FormBody;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

/// A banner at the top of a page, after something was done.
struct Notice {
    heading: String,
    lines: Vec<String>,
}

struct BookingCard {
    status: &'static str,
    when: String,
    profession: &'static str,
    venue: String,
    /// Free slots it could move to: (slot id, words).
    moves: Vec<(i64, String)>,
}

#[derive(Template)]
#[template(path = "manage.html")]
struct ManagePage {
    c: Chrome,
    token: String,
    notice: Option<Notice>,
    bookings: Vec<BookingCard>,
    bring: String,
    can_cancel: bool,
}

#[derive(Template)]
#[template(path = "waiting.html")]
struct WaitingPage {
    c: Chrome,
    token: String,
    notice: Option<Notice>,
    status: &'static str,
    profession: &'static str,
    evening: String,
    position: Option<usize>,
    can_withdraw: bool,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    c: Chrome,
    heading: String,
    lines: Vec<String>,
}

fn no_store(mut response: Response) -> Response {
    // Pages behind a secret link: never cached.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        "no-store".parse().expect("static header"),
    );
    response
}

fn notice_for(
    query: &HashMap<String, String>,
    t: &Texts,
    email: &str,
    from: &str,
) -> Option<Notice> {
    let n = |heading: &str, lines: Vec<String>| {
        Some(Notice {
            heading: heading.to_string(),
            lines,
        })
    };
    if query.contains_key("booked") {
        n(
            t.booked_heading,
            vec![
                format!("{} {email}", t.booked_mail_sent),
                format!("{} {from}", t.allow_sender),
            ],
        )
    } else if query.contains_key("cancelled") {
        n(t.cancelled_heading, vec![t.cancelled_body.to_string()])
    } else if query.contains_key("moved") {
        n(t.moved_heading, vec![t.moved_body.to_string()])
    } else if query.contains_key("joined") {
        n(
            t.joined_heading,
            vec![
                t.joined_body.to_string(),
                format!("{} {from}", t.allow_sender),
            ],
        )
    } else if query.contains_key("withdrawn") {
        n(t.withdrawn_heading, Vec::new())
    } else {
        None
    }
}

/// Free slots a booking of `profession` could move to, in words.
async fn move_choices(
    state: &AppState,
    booking: &BookingRecord,
    lang: Lang,
) -> Result<Vec<(i64, String)>, AppError> {
    let now = state.clock.now();
    let sessions = state.store.upcoming_sessions(now).await?;
    Ok(sessions
        .iter()
        .filter(|s| state.rules.check_window(now, s.starts_at).is_ok())
        .flat_map(|s| s.slots.iter())
        .filter(|slot| {
            slot.available && slot.profession == booking.profession() && slot.id != booking.slot_id
        })
        .map(|slot| {
            (
                slot.id,
                between(
                    format_datetime(slot.starts_at, lang),
                    format_time(slot.ends_at),
                    lang,
                ),
            )
        })
        .collect())
}

/// `GET /manage/{token}`: the booking (or waitlist place) behind a manage link.
pub async fn manage(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let (lang, t) = (ctx.lang, texts(ctx.lang));
    let from = state.settings.mail.from_address.clone();
    let response = match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => {
            let mut cards = Vec::new();
            for b in &bookings {
                let confirmed = b.status == "confirmed";
                cards.push(BookingCard {
                    status: if confirmed {
                        t.status_confirmed
                    } else {
                        t.status_cancelled
                    },
                    when: between(
                        format_datetime(b.starts_at, lang),
                        format_time(b.ends_at),
                        lang,
                    ),
                    profession: profession_label(b.profession(), lang),
                    venue: venue_text(&state, lang, &b.venue),
                    moves: if confirmed {
                        move_choices(&state, b, lang).await?
                    } else {
                        Vec::new()
                    },
                });
            }
            let evening = &state.settings.evening;
            page(
                &ManagePage {
                    notice: notice_for(&query, t, &bookings[0].email, &from),
                    can_cancel: bookings.iter().any(|b| b.status == "confirmed"),
                    bookings: cards,
                    bring: if lang == Lang::En {
                        evening.bring_en.clone()
                    } else {
                        evening.bring.clone()
                    },
                    token,
                    c: Chrome::new(Some(&state), &ctx),
                },
                StatusCode::OK,
            )
        }
        Managed::Waiting(entry, position) => {
            let status = match entry.status.as_str() {
                "waiting" => t.status_waiting,
                "offered" => t.status_offered,
                "booked" => t.status_booked,
                _ => t.status_closed,
            };
            let evening = match entry.session_starts_at {
                Some(at) => format_date(to_jst(at).date_naive(), lang),
                None => t.evening_any.to_string(),
            };
            page(
                &WaitingPage {
                    notice: notice_for(&query, t, &entry.email, &from),
                    status,
                    profession: profession_label(entry.profession(), lang),
                    evening,
                    position,
                    can_withdraw: entry.status == "waiting",
                    token,
                    c: Chrome::new(Some(&state), &ctx),
                },
                StatusCode::OK,
            )
        }
    };
    Ok(no_store(response))
}

/// `POST /manage/{token}/cancel`: cancels the booking, or leaves the waitlist.
pub async fn manage_cancel(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let done = match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => {
            manage::cancel(&state, &bookings, None).await?;
            "cancelled"
        }
        Managed::Waiting(entry, _) => {
            state
                .store
                .withdraw_waitlist(entry.id, state.clock.now())
                .await?;
            "withdrawn"
        }
    };
    Ok(Redirect::to(&format!("/manage/{token}?{done}=1")).into_response())
}

/// `POST /manage/{token}/move`: moves the booking to the chosen slot.
pub async fn manage_move(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let Managed::Bookings(bookings) = manage::lookup(&state, &token).await? else {
        return Err(AppError::NotFound);
    };
    let to = pairs
        .iter()
        .find(|(k, _)| k == "slot_id")
        .and_then(|(_, v)| v.parse::<i64>().ok());
    let Some(to) = to else {
        return Ok(Redirect::to(&format!("/manage/{token}")).into_response());
    };
    manage::move_to(&state, &bookings, to, None).await?;
    Ok(Redirect::to(&format!("/manage/{token}?moved=1")).into_response())
}

#[derive(Template)]
#[template(path = "waitlist.html")]
struct WaitlistPage {
    c: Chrome,
    errors: Vec<ErrorLine>,
    choice_fields: Vec<ChoiceField>,
    text_fields: Vec<TextField>,
    consent: bool,
    consent_error: Option<String>,
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
    let text =
        |name: &'static str, label, hint, kind, autocomplete, inputmode, maxlength| TextField {
            name,
            label,
            hint,
            kind,
            autocomplete,
            inputmode,
            maxlength,
            value: value(name),
            error: message(name),
        };
    let order = [
        "profession",
        "session_id",
        "name",
        "name_kana",
        "phone",
        "email",
        "consent",
    ];
    Ok(WaitlistPage {
        errors: order
            .iter()
            .filter_map(|f| {
                errors.get(f).map(|e| ErrorLine {
                    field: f,
                    label: field_label(t, f),
                    message: field_message(f, e, lang),
                })
            })
            .collect(),
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
        text_fields: vec![
            text("name", t.name, t.name_hint, "text", "name", "", 50),
            text(
                "name_kana",
                t.name_kana,
                t.name_kana_hint,
                "text",
                "off",
                "",
                60,
            ),
            text("phone", t.phone, t.phone_hint, "tel", "tel", "tel", 20),
            text(
                "email",
                t.email,
                t.email_hint,
                "email",
                "email",
                "email",
                254,
            ),
        ],
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
        consent: !value("consent").is_empty(),
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
}

/// `GET /offers/{token}`: the offer, with accept and decline.
pub async fn offer(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let o = offers::open_offer(&state, &token).await?;
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
