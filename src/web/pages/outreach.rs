//! 周知's public pages: 「空きのお知らせを受け取る」 (the form, the
//! confirmation link's page, the unsubscribe page behind the body's link),
//! the public calendar (`/calendar.ics`), the embed for partners' sites
//! (`/embed/next`, the one page that may be framed) and the poster of one
//! evening (A4, with a QR code to the booking page).

use super::leaflet::qr_svg;
use super::manage::{no_store, MessagePage};
use super::person_form::error_lines;
use super::{between, page, venue_text, Chrome, ErrorLine, TextField};
use crate::domain::time::{format_time, to_jst};
use crate::domain::FieldErrors;
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{configured, field_message, texts};
use crate::service::outreach::{self, public, OutreachError, SubscribeRequest};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::{parse_id, FormBody};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Template)]
#[template(path = "subscribe.html")]
struct SubscribePage {
    c: Chrome,
    errors: Vec<ErrorLine>,
    text_fields: Vec<TextField>,
    /// (code, words, chosen).
    kinds: Vec<(&'static str, String, bool)>,
    kinds_error: Option<String>,
    src: String,
}

fn subscribe_page(
    state: &AppState,
    pairs: &[(String, String)],
    errors: &FieldErrors,
) -> SubscribePage {
    let ctx = RequestContext::current();
    let (lang, t) = (ctx.lang, texts(ctx.lang));
    let given = |name: &str| pairs.iter().any(|(k, v)| k == "kinds" && v == name);
    let fresh = pairs.is_empty();
    let email = pairs
        .iter()
        .find(|(k, _)| k == "email")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    SubscribePage {
        errors: error_lines(&["kinds", "email"], errors, lang),
        text_fields: vec![TextField {
            name: "email",
            label: t.subscribe_email,
            hint: t.subscribe_email_hint,
            kind: "email",
            autocomplete: "email",
            inputmode: "email",
            maxlength: 254,
            value: email,
            error: errors.get("email").map(|e| field_message("email", e, lang)),
            optional: false,
        }],
        kinds: vec![
            (
                "new_month",
                t.subscribe_new_month.to_string(),
                fresh || given("new_month"),
            ),
            (
                "free_slot",
                t.subscribe_free_slot(state.settings.outreach.free_slot_days),
                fresh || given("free_slot"),
            ),
        ],
        kinds_error: errors.get("kinds").map(|e| field_message("kinds", e, lang)),
        src: ctx.channel.clone().unwrap_or_default(),
        c: Chrome::new(Some(state), &ctx),
    }
}

fn message(state: &AppState, heading: &str, lines: Vec<String>) -> MessagePage {
    MessagePage {
        c: Chrome::new(Some(state), &RequestContext::current()),
        heading: heading.to_string(),
        lines,
    }
}

/// `GET /subscribe`: the form.
pub async fn subscribe_form(State(state): State<AppState>) -> Response {
    page(
        &subscribe_page(&state, &[], &FieldErrors::new()),
        StatusCode::OK,
    )
}

/// `POST /subscribe`: asks for the subscription; the same page whether the
/// address was known or not.
pub async fn subscribe(
    State(state): State<AppState>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let field = |name: &str| super::form_field(&pairs, name);
    let src = field("src");
    let req = SubscribeRequest {
        email: field("email"),
        kinds: pairs
            .iter()
            .filter(|(k, _)| k == "kinds")
            .map(|(_, v)| v.clone())
            .collect(),
        lang: ctx.lang,
        channel: crate::domain::outreach::channel(&src).or(ctx.channel.clone()),
        errors: FieldErrors::new(),
    };
    let t = texts(ctx.lang);
    match outreach::subscribe(&state, req).await {
        Ok(()) => Ok(page(
            &message(
                &state,
                t.subscribe_sent_heading,
                vec![t.subscribe_sent_body.to_string()],
            ),
            StatusCode::OK,
        )),
        Err(OutreachError::Invalid(errors)) => Ok(page(
            &subscribe_page(&state, &pairs, &errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(other) => Err(other.into()),
    }
}

/// `GET /subscriptions/confirm/{token}`: the confirmation mail's link.
pub async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let t = texts(RequestContext::current().lang);
    let shown = match outreach::confirm(&state, &token).await {
        Ok(_) => page(
            &message(
                &state,
                t.subscribe_confirmed_heading,
                vec![t.subscribe_confirmed_body.to_string()],
            ),
            StatusCode::OK,
        ),
        Err(OutreachError::NotFound) => page(
            &message(
                &state,
                t.subscribe_heading,
                vec![t.subscribe_link_gone.to_string()],
            ),
            StatusCode::NOT_FOUND,
        ),
        Err(other) => return Err(other.into()),
    };
    Ok(no_store(shown))
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    c: Chrome,
    token: String,
}

/// `GET /subscriptions/unsubscribe/{token}`: a button, so that a link
/// opened by a mail scanner unsubscribes nobody.
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let t = texts(RequestContext::current().lang);
    let shown = match outreach::subscription(&state, &token).await {
        Ok(_) => page(
            &UnsubscribePage {
                c: Chrome::new(Some(&state), &RequestContext::current()),
                token,
            },
            StatusCode::OK,
        ),
        Err(OutreachError::NotFound) => page(
            &message(
                &state,
                t.unsubscribe_done_heading,
                vec![t.unsubscribe_done_body.to_string()],
            ),
            StatusCode::OK,
        ),
        Err(other) => return Err(other.into()),
    };
    Ok(no_store(shown))
}

/// `POST /subscriptions/unsubscribe/{token}`: unsubscribes, deleting the address.
pub async fn unsubscribe(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    outreach::unsubscribe(&state, &token).await?;
    let t = texts(RequestContext::current().lang);
    Ok(no_store(page(
        &message(
            &state,
            t.unsubscribe_done_heading,
            vec![t.unsubscribe_done_body.to_string()],
        ),
        StatusCode::OK,
    )))
}

/// `GET /calendar.ics`: the evenings to come, for a calendar to subscribe to.
pub async fn calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let ics = public::calendar(&state).await?;
    Ok(crate::web::cache::public(
        &headers,
        ics,
        "text/calendar; charset=utf-8",
        state.settings.outreach.feed_max_age,
    ))
}

#[derive(Template)]
#[template(path = "embed.html")]
struct EmbedPage {
    html_lang: &'static str,
    t: &'static crate::i18n::Texts,
    title: String,
    site: String,
    next: Option<EmbedEvening>,
    /// The first place to turn to now (name, phone).
    urgent: Option<(String, String)>,
}

struct EmbedEvening {
    when: String,
    venue: String,
    free: usize,
}

/// `GET /embed/next`: a small page for partners' sites (no script, no
/// stylesheet to fetch), the one page that may be framed, by the configured
/// partners' origins only.
pub async fn embed(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let settings = &state.settings;
    let next = public::next_evening(&state).await?.map(|e| EmbedEvening {
        when: between(
            format_datetime(e.starts_at, lang),
            format_time(e.ends_at),
            lang,
        ),
        venue: venue_text(&state, lang, &e.venue),
        free: e.free(),
    });
    let urgent = Chrome::new(Some(&state), &ctx)
        .contacts
        .into_iter()
        .next()
        .map(|c| (c.name, c.phone));
    let body = EmbedPage {
        html_lang: crate::i18n::html_tag(lang),
        t: texts(lang),
        title: configured(lang, &settings.evening.title, &settings.evening.title_en).to_string(),
        site: settings.public_url().to_string(),
        next,
        urgent,
    }
    .render()
    .map_err(|e| AppError::Internal(e.into()))?;
    let body = crate::i18n::ruby::html(&body).into_owned();
    let mut response = crate::web::cache::public(
        &headers,
        body,
        "text/html; charset=utf-8",
        settings.outreach.feed_max_age,
    );
    let policy = format!(
        "default-src 'none'; style-src 'self'; frame-ancestors {}",
        settings.outreach.frame_ancestors()
    );
    if let Ok(v) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, v);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "poster.html")]
struct PosterPage {
    c: Chrome,
    title: String,
    date: String,
    time: String,
    venue: String,
    book_url: String,
    qr_svg: String,
}

/// `GET /poster/{session_id}`: one evening's poster, A4 from the browser's print.
pub async fn poster(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let e = public::evening(&state, parse_id(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let settings = &state.settings;
    let book_url = format!("{}/?src=poster-{}", settings.public_url(), e.session_id);
    Ok(page(
        &PosterPage {
            title: configured(lang, &settings.evening.title, &settings.evening.title_en)
                .to_string(),
            date: format_date(to_jst(e.starts_at).date_naive(), lang),
            time: between(format_time(e.starts_at), format_time(e.ends_at), lang),
            venue: venue_text(&state, lang, &e.venue),
            qr_svg: qr_svg(&book_url),
            book_url,
            c: Chrome::new(Some(&state), &ctx),
        },
        StatusCode::OK,
    )
    .into_response())
}
