//! Server-rendered pages for people booking a slot: they work without
//! JavaScript, on a phone, with a screen reader.

use super::context::RequestContext;
use super::error::AppError;
use super::i18n::{age_band_label, field_message, profession_label, texts, topic_label, Texts};
use super::FormBody;
use crate::domain::time::{format_date, format_datetime, format_time, to_jst};
use crate::domain::token::Token;
use crate::domain::{AgeBand, BookingInput, FieldErrors, Lang, Profession, Topic};
use crate::service::booking::{book_slot, BookError};
use crate::state::AppState;
use crate::store::SlotView;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

/// What every page frame shows: language, switch link, office, contacts.
pub struct Chrome {
    pub t: &'static Texts,
    pub en: bool,
    pub lang_switch: String,
    pub request_id: String,
    pub office_name: String,
    pub office_phone: String,
    pub office_hours: String,
    pub contacts: Vec<crate::mail::templates::ContactLine>,
}

impl Chrome {
    pub fn new(state: Option<&AppState>, ctx: &RequestContext) -> Chrome {
        let t = texts(ctx.lang);
        let en = ctx.lang == Lang::En;
        let settings = state
            .map(|s| s.settings.clone())
            .unwrap_or_else(|| std::sync::Arc::new(crate::config::Settings::built_in()));
        let pick = |ja: &str, english: &str| {
            if en {
                english.to_string()
            } else {
                ja.to_string()
            }
        };
        Chrome {
            t,
            en,
            lang_switch: switch_url(&ctx.path, t.other_lang),
            request_id: ctx.request_id.clone(),
            office_name: pick(&settings.office.name, &settings.office.name_en),
            office_phone: settings.office.phone.clone(),
            office_hours: pick(&settings.office.hours, &settings.office.hours_en),
            contacts: settings
                .crisis_contacts
                .iter()
                .map(|c| crate::mail::templates::ContactLine {
                    name: pick(&c.name, &c.name_en),
                    phone: c.phone.clone(),
                    hours: pick(&c.hours, &c.hours_en),
                })
                .collect(),
        }
    }
}

/// The current address with `lang` set to the other language.
fn switch_url(path_and_query: &str, lang: &str) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()).filter(|(k, _)| k != "lang") {
        out.append_pair(&k, &v);
    }
    out.append_pair("lang", lang);
    format!("{path}?{}", out.finish())
}

/// `18:30〜19:20` in Japanese, `18:30–19:20` in English.
fn between(from: String, to: String, lang: Lang) -> String {
    format!("{from}{}{to}", texts(lang).to)
}

fn page(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => AppError::Internal(e.into()).into_response(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    c: Chrome,
    message: &'a str,
    show_request_id: bool,
}

/// The friendly page every HTML error is shown with.
pub fn render_error_page(status: StatusCode, message: &str, ctx: &RequestContext) -> Response {
    let c = Chrome::new(None, ctx);
    let template = ErrorPage {
        c,
        message,
        show_request_id: status.is_server_error(),
    };
    match template.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(_) => (status, message.to_string()).into_response(),
    }
}

struct SlotLine {
    id: i64,
    time_range: String,
    available: bool,
}

struct ProfessionGroup {
    label: &'static str,
    free: usize,
    total: usize,
    slots: Vec<SlotLine>,
}

struct SessionCard {
    id: i64,
    date: String,
    time_range: String,
    venue: String,
    groups: Vec<ProfessionGroup>,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    c: Chrome,
    title: String,
    sessions: Vec<SessionCard>,
}

fn venue_text(state: &AppState, lang: Lang, stored: &str) -> String {
    match lang {
        Lang::En => state.settings.evening.venue_en.clone(),
        Lang::Ja => stored.to_string(),
    }
}

/// `/`: the evenings to come and their free slots.
pub async fn index(State(state): State<AppState>) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let sessions = state.store.upcoming_sessions(state.clock.now()).await?;
    let cards = sessions
        .into_iter()
        .map(|s| SessionCard {
            id: s.id,
            date: format_date(to_jst(s.starts_at).date_naive(), ctx.lang),
            time_range: between(format_time(s.starts_at), format_time(s.ends_at), ctx.lang),
            venue: venue_text(&state, ctx.lang, &s.venue),
            groups: Profession::ALL
                .iter()
                .map(|p| {
                    let slots: Vec<SlotLine> = s
                        .slots
                        .iter()
                        .filter(|slot| slot.profession == *p)
                        .map(|slot| SlotLine {
                            id: slot.id,
                            time_range: between(
                                format_time(slot.starts_at),
                                format_time(slot.ends_at),
                                ctx.lang,
                            ),
                            available: slot.available,
                        })
                        .collect();
                    ProfessionGroup {
                        label: profession_label(*p, ctx.lang),
                        free: s.free_count(*p),
                        total: slots.len(),
                        slots,
                    }
                })
                .collect(),
        })
        .collect();
    let en = ctx.lang == Lang::En;
    let settings = &state.settings;
    let title = if en {
        settings.evening.title_en.clone()
    } else {
        settings.evening.title.clone()
    };
    Ok(page(
        &IndexPage {
            c: Chrome::new(Some(&state), &ctx),
            title,
            sessions: cards,
        },
        StatusCode::OK,
    ))
}

struct SlotSummary {
    id: i64,
    when: String,
    profession: &'static str,
    venue: String,
}

struct TextField {
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    inputmode: &'static str,
    maxlength: usize,
    value: String,
    error: Option<String>,
}

struct ChoiceOption {
    code: &'static str,
    label: &'static str,
    checked: bool,
}

struct ChoiceField {
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    options: Vec<ChoiceOption>,
    error: Option<String>,
}

struct ErrorLine {
    field: &'static str,
    label: &'static str,
    message: String,
}

#[derive(Template)]
#[template(path = "book.html")]
struct BookPage {
    c: Chrome,
    slot: SlotSummary,
    errors: Vec<ErrorLine>,
    text_fields: Vec<TextField>,
    choice_fields: Vec<ChoiceField>,
    note: String,
    note_error: Option<String>,
    consent: bool,
    consent_error: Option<String>,
}

fn field_label(t: &Texts, field: &str) -> &'static str {
    match field {
        "name" => t.name,
        "name_kana" => t.name_kana,
        "phone" => t.phone,
        "email" => t.email,
        "age_band" => t.age_band,
        "topic" => t.topic,
        "note" => t.note,
        "consent" => t.privacy_heading,
        _ => t.form_heading,
    }
}

fn book_page(
    state: &AppState,
    slot: &SlotView,
    input: &BookingInput,
    errors: &FieldErrors,
) -> BookPage {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let t = texts(lang);
    let message = |field: &str| errors.get(field).map(|e| field_message(field, e, lang));
    let text =
        |name, label, hint, kind, autocomplete, inputmode, maxlength, value: &str| TextField {
            name,
            label,
            hint,
            kind,
            autocomplete,
            inputmode,
            maxlength,
            value: value.to_string(),
            error: message(name),
        };
    let order = [
        "name",
        "name_kana",
        "phone",
        "email",
        "age_band",
        "topic",
        "note",
        "consent",
    ];
    BookPage {
        slot: SlotSummary {
            id: slot.id,
            when: between(
                format_datetime(slot.starts_at, lang),
                format_time(slot.ends_at),
                lang,
            ),
            profession: profession_label(slot.profession, lang),
            venue: venue_text(state, lang, &slot.venue),
        },
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
        text_fields: vec![
            text(
                "name",
                t.name,
                t.name_hint,
                "text",
                "name",
                "",
                50,
                &input.name,
            ),
            text(
                "name_kana",
                t.name_kana,
                t.name_kana_hint,
                "text",
                "off",
                "",
                60,
                &input.name_kana,
            ),
            text(
                "phone",
                t.phone,
                t.phone_hint,
                "tel",
                "tel",
                "tel",
                20,
                &input.phone,
            ),
            text(
                "email",
                t.email,
                t.email_hint,
                "email",
                "email",
                "email",
                254,
                &input.email,
            ),
        ],
        choice_fields: vec![
            ChoiceField {
                name: "age_band",
                label: t.age_band,
                hint: "",
                options: AgeBand::ALL
                    .iter()
                    .map(|a| ChoiceOption {
                        code: a.code(),
                        label: age_band_label(*a, lang),
                        checked: input.age_band == a.code(),
                    })
                    .collect(),
                error: message("age_band"),
            },
            ChoiceField {
                name: "topic",
                label: t.topic,
                hint: t.topic_hint,
                options: Topic::ALL
                    .iter()
                    .map(|x| ChoiceOption {
                        code: x.code(),
                        label: topic_label(*x, lang),
                        checked: input.topic == x.code(),
                    })
                    .collect(),
                error: message("topic"),
            },
        ],
        note: input.note.clone(),
        note_error: message("note"),
        consent: input.consent,
        consent_error: message("consent"),
        c: Chrome::new(Some(state), &ctx),
    }
}

fn parse_id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

async fn bookable_slot(state: &AppState, raw_id: &str) -> Result<SlotView, AppError> {
    let slot = state
        .store
        .slot(parse_id(raw_id)?, state.clock.now())
        .await?;
    slot.ok_or(AppError::NotFound)
}

/// `GET /book/{slot_id}`: the booking form.
pub async fn book_form(
    State(state): State<AppState>,
    Path(slot_id): Path<String>,
) -> Result<Response, AppError> {
    let slot = bookable_slot(&state, &slot_id).await?;
    if !slot.available {
        return Err(AppError::Conflict(if slot.starts_at <= state.clock.now() {
            "slot_closed"
        } else {
            "slot_taken"
        }));
    }
    Ok(page(
        &book_page(&state, &slot, &BookingInput::default(), &FieldErrors::new()),
        StatusCode::OK,
    ))
}

/// `POST /book/{slot_id}`: books, then shows the booking (303, so that a
/// reload does not send the form again).
pub async fn book_submit(
    State(state): State<AppState>,
    Path(slot_id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let slot = bookable_slot(&state, &slot_id).await?;
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let input = BookingInput {
        name: field("name"),
        name_kana: field("name_kana"),
        phone: field("phone"),
        email: field("email"),
        age_band: field("age_band"),
        topic: field("topic"),
        note: field("note"),
        consent: !field("consent").is_empty(),
    };
    let lang = RequestContext::current().lang;
    match book_slot(&state, Some(slot.id), &input, FieldErrors::new(), lang).await {
        Ok(booked) => Ok(
            Redirect::to(&format!("/manage/{}?booked=1", booked.token.as_str())).into_response(),
        ),
        Err(BookError::Invalid(errors)) => Ok(page(
            &book_page(&state, &slot, &input, &errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "manage.html")]
struct ManagePage {
    c: Chrome,
    just_booked: bool,
    email: String,
    from_address: String,
    status: &'static str,
    when: String,
    profession: &'static str,
    venue: String,
    bring: String,
}

#[derive(serde::Deserialize)]
pub struct ManageQuery {
    booked: Option<String>,
}

/// `GET /manage/{token}`: the booking behind a manage link.
pub async fn manage(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<ManageQuery>,
) -> Result<Response, AppError> {
    let token = Token::parse(&token).ok_or(AppError::NotFound)?;
    let booking = state
        .store
        .booking_by_token_hash(&token.hash())
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = RequestContext::current();
    let (lang, t) = (ctx.lang, texts(ctx.lang));
    let evening = &state.settings.evening;
    let template = ManagePage {
        just_booked: q.booked.is_some() && booking.status == "confirmed",
        email: booking.email.clone(),
        from_address: state.settings.mail.from_address.clone(),
        status: if booking.status == "confirmed" {
            t.status_confirmed
        } else {
            t.status_cancelled
        },
        when: between(
            format_datetime(booking.starts_at, lang),
            format_time(booking.ends_at),
            lang,
        ),
        profession: profession_label(booking.profession(), lang),
        venue: venue_text(&state, lang, &booking.venue),
        bring: if lang == Lang::En {
            evening.bring_en.clone()
        } else {
            evening.bring.clone()
        },
        c: Chrome::new(Some(&state), &ctx),
    };
    let mut response = page(&template, StatusCode::OK);
    // A page behind a secret link: never cached, never sent on as a referrer.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        "no-store".parse().expect("static header"),
    );
    Ok(response)
}

/// `/static/style.css`
pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("static/style.css"),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn switch_url_replaces_only_the_language() {
        assert_eq!(super::switch_url("/", "en"), "/?lang=en");
        assert_eq!(
            super::switch_url("/manage/abc?booked=1&lang=ja", "en"),
            "/manage/abc?booked=1&lang=en"
        );
    }
}
