//! Pages behind the links people receive: their booking (see, move,
//! cancel with a confirmation step) and their place on the waitlist.

use super::{between, page, venue_text, Chrome};
use crate::domain::rules::{overlaps, RuleBroken};
use crate::domain::time::{format_time, to_jst};
use crate::domain::Lang;
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{profession_label, rule_message, texts, Texts};
use crate::service::evening::BookError;
use crate::service::manage::{self, Managed};
use crate::state::AppState;
use crate::store::BookingRecord;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
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
    id: i64,
    status: &'static str,
    when: String,
    profession: &'static str,
    venue: String,
    /// Free slots it could move to: (slot id, words).
    moves: Vec<(i64, String)>,
    /// One of two confirmed bookings: it can be cancelled alone.
    cancel_alone: bool,
}

#[derive(Template)]
#[template(path = "manage.html")]
struct ManagePage {
    c: Chrome,
    token: String,
    notice: Option<Notice>,
    /// Why the last change was refused.
    refused: Option<String>,
    bookings: Vec<BookingCard>,
    bring: String,
    can_cancel: bool,
    /// Just booked: other services for the trouble named (つなぐ).
    doors: Vec<super::directory::Card>,
    /// The services the person was referred to.
    referrals: Vec<super::manage_referrals::ReferralCard>,
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
pub(super) struct MessagePage {
    pub(super) c: Chrome,
    pub(super) heading: String,
    pub(super) lines: Vec<String>,
}

pub(super) fn no_store(mut response: Response) -> Response {
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
    } else if query.contains_key("withdrawn") {
        n(
            t.referral_withdrawn_heading,
            vec![t.referral_withdrawn_note.to_string()],
        )
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

/// Free slots a booking could move to, in words: of its profession, open
/// for booking, and not meeting the person's other booking (one room at a time).
async fn move_choices(
    state: &AppState,
    booking: &BookingRecord,
    group: &[BookingRecord],
    lang: Lang,
) -> Result<Vec<(i64, String)>, AppError> {
    let others: Vec<_> = group
        .iter()
        .filter(|b| b.id != booking.id && b.status == "confirmed")
        .map(|b| (b.starts_at, b.ends_at))
        .collect();
    let now = state.clock.now();
    let sessions = state.store.upcoming_sessions(now).await?;
    Ok(sessions
        .iter()
        .filter(|s| state.rules.check_window(now, s.starts_at).is_ok())
        .flat_map(|s| s.slots.iter())
        .filter(|slot| {
            slot.available
                && slot.profession == booking.profession()
                && slot.id != booking.slot_id
                && !others
                    .iter()
                    .any(|o| overlaps(*o, (slot.starts_at, slot.ends_at)))
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
            let notice = notice_for(&query, t, &bookings[0].email, &from);
            let doors = if query.contains_key("booked") {
                let topic = state.store.booking_topic(bookings[0].id).await?;
                match topic.as_deref().map(crate::domain::Topic::parse) {
                    Some(Ok(topic)) => super::directory::topic_doors(&state, topic, lang).await?,
                    _ => Vec::new(),
                }
            } else {
                Vec::new()
            };
            bookings_page(&state, token, &bookings, notice, None, doors).await?
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

/// The bookings behind a link, with what can be done to them; `refused`
/// says why the last change was not made (422/409, nothing changed).
async fn bookings_page(
    state: &AppState,
    token: String,
    bookings: &[BookingRecord],
    notice: Option<Notice>,
    refused: Option<(StatusCode, String)>,
    doors: Vec<super::directory::Card>,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let (lang, t) = (ctx.lang, texts(ctx.lang));
    let confirmed = bookings.iter().filter(|b| b.status == "confirmed").count();
    let mut cards = Vec::new();
    for b in bookings {
        let active = b.status == "confirmed";
        cards.push(BookingCard {
            id: b.id,
            status: if active {
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
            venue: venue_text(state, lang, &b.venue),
            moves: if active {
                move_choices(state, b, bookings, lang).await?
            } else {
                Vec::new()
            },
            cancel_alone: active && confirmed > 1,
        });
    }
    let evening = &state.settings.evening;
    let (status, refused) = match refused {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    Ok(page(
        &ManagePage {
            notice,
            refused,
            can_cancel: confirmed > 0,
            bookings: cards,
            bring: crate::i18n::configured(lang, &evening.bring, &evening.bring_en).to_string(),
            doors,
            referrals: super::manage_referrals::cards(state, &token, lang).await?,
            token,
            c: Chrome::new(Some(state), &ctx),
        },
        status,
    ))
}

#[derive(Template)]
#[template(path = "cancel_confirm.html")]
struct CancelConfirmPage {
    c: Chrome,
    token: String,
    /// The bookings that will be cancelled, in words: (when, profession).
    chosen: Vec<(String, &'static str)>,
    /// `all` or one booking's id, sent back with `confirm=yes`.
    booking_id: String,
}

/// `POST /manage/{token}/cancel`: without `confirm=yes`, shows what would be
/// cancelled and changes nothing; with it, cancels (all, or the one booking
/// `booking_id` names) or leaves the waitlist.
pub async fn manage_cancel(
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
    let bookings = match manage::lookup(&state, &token).await? {
        Managed::Bookings(bookings) => bookings,
        Managed::Waiting(entry, _) => {
            state
                .store
                .withdraw_waitlist(entry.id, state.clock.now())
                .await?;
            return Ok(Redirect::to(&format!("/manage/{token}?withdrawn=1")).into_response());
        }
    };
    let chosen: Vec<BookingRecord> = match field("booking_id") {
        "" | "all" => bookings
            .iter()
            .filter(|b| b.status == "confirmed")
            .cloned()
            .collect(),
        id => bookings
            .iter()
            .filter(|b| b.status == "confirmed" && id.parse() == Ok(b.id))
            .cloned()
            .collect(),
    };
    if chosen.is_empty() {
        let ctx = RequestContext::current();
        let message = rule_message(&RuleBroken::BookingCancelled, ctx.lang);
        let refused = Some((StatusCode::CONFLICT, message));
        return bookings_page(&state, token, &bookings, None, refused, Vec::new()).await;
    }
    if field("confirm") != "yes" {
        let ctx = RequestContext::current();
        let lang = ctx.lang;
        let template = CancelConfirmPage {
            chosen: chosen
                .iter()
                .map(|b| {
                    (
                        between(
                            format_datetime(b.starts_at, lang),
                            format_time(b.ends_at),
                            lang,
                        ),
                        profession_label(b.profession(), lang),
                    )
                })
                .collect(),
            booking_id: match field("booking_id") {
                "" => "all".to_string(),
                id => id.to_string(),
            },
            token,
            c: Chrome::new(Some(&state), &ctx),
        };
        return Ok(no_store(page(&template, StatusCode::OK)));
    }
    manage::cancel(&state, &chosen, None).await?;
    Ok(Redirect::to(&format!("/manage/{token}?cancelled=1")).into_response())
}

/// `POST /manage/{token}/move`: moves the booking to the chosen slot; a
/// refusal (nothing chosen, slot gone, times that meet) shows the booking
/// again with the reason.
pub async fn manage_move(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let Managed::Bookings(bookings) = manage::lookup(&state, &token).await? else {
        return Err(AppError::NotFound);
    };
    let ctx = RequestContext::current();
    let to = pairs
        .iter()
        .find(|(k, _)| k == "slot_id")
        .and_then(|(_, v)| v.parse::<i64>().ok());
    let Some(to) = to else {
        let message = texts(ctx.lang).move_choose.to_string();
        let refused = Some((StatusCode::UNPROCESSABLE_ENTITY, message));
        return bookings_page(&state, token, &bookings, None, refused, Vec::new()).await;
    };
    match manage::move_to(&state, &bookings, to, None).await {
        Ok(_) => Ok(Redirect::to(&format!("/manage/{token}?moved=1")).into_response()),
        Err(refused @ (BookError::SlotTaken | BookError::SlotClosed | BookError::Rule(_))) => {
            let refused = AppError::from(refused);
            let refused = Some((refused.status(), refused.message(&ctx)));
            bookings_page(&state, token, &bookings, None, refused, Vec::new()).await
        }
        Err(other) => Err(other.into()),
    }
}
