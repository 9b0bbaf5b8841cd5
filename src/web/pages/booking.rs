//! The list of evenings and the booking form.

use super::person_form::{
    error_lines, form_source, heard_from_field, person_fields, question_fields,
};
use super::{between, page, venue_text, ChoiceField, Chrome, ErrorLine, TextField};
use crate::domain::outreach::SourceInput;
use crate::domain::rules::{overlaps, RuleBroken};
use crate::domain::time::{format_time, to_jst};
use crate::domain::{BookingInput, FieldErrors, Lang, Profession};
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{field_message, profession_label, texts};
use crate::service::booking::{book, BookRequest};
use crate::service::evening::{check_bookable, BookError};
use crate::state::AppState;
use crate::store::SlotView;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::{parse_id, FormBody};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

struct SlotLine {
    id: i64,
    time_range: String,
    available: bool,
}

struct ProfessionGroup {
    code: &'static str,
    label: &'static str,
    free: usize,
    total: usize,
    slots: Vec<SlotLine>,
}

/// Whether an evening can be booked now.
enum Window {
    Open,
    /// Not yet: 「12月12日(土)から予約できます」.
    NotYet(String),
    /// The cut-off has passed.
    Closed,
}

struct SessionCard {
    id: i64,
    window: Window,
    date: String,
    time_range: String,
    venue: String,
    groups: Vec<ProfessionGroup>,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    c: Chrome,
    /// (code, link text) for "any evening" waitlists.
    professions: Vec<(&'static str, &'static str)>,
    title: String,
    sessions: Vec<SessionCard>,
}

/// `/`: the evenings to come and their free slots.
pub async fn index(State(state): State<AppState>) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let now = state.clock.now();
    let sessions = state.store.upcoming_sessions(now).await?;
    let t = texts(ctx.lang);
    let cards = sessions
        .into_iter()
        .map(|s| SessionCard {
            id: s.id,
            window: match state.rules.check_window(now, s.starts_at) {
                Ok(()) => Window::Open,
                Err(RuleBroken::NotYetOpen { opens_at }) => Window::NotYet(format!(
                    "{}{}{}",
                    t.opens_before,
                    format_date(to_jst(opens_at).date_naive(), ctx.lang),
                    t.opens_from
                )),
                Err(_) => Window::Closed,
            },
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
                        code: p.code(),
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
            professions: Profession::ALL
                .iter()
                .map(|p| (p.code(), profession_label(*p, ctx.lang)))
                .collect(),
            title,
            sessions: cards,
        },
        StatusCode::OK,
    ))
}

struct PairOption {
    id: i64,
    label: String,
    checked: bool,
}

struct SlotSummary {
    when: String,
    profession: &'static str,
    venue: String,
}

#[derive(Template)]
#[template(path = "book.html")]
pub(super) struct BookPage {
    c: Chrome,
    /// Where the form posts: the public form, or the staff's phone booking.
    pub(super) action: String,
    /// The staff sign-in's CSRF token, on the staff's form.
    pub(super) csrf: Option<String>,
    slot: SlotSummary,
    /// Free slots of the other profession that evening ("both" bookings).
    pair_label: &'static str,
    pair_options: Vec<PairOption>,
    pair_none: bool,
    errors: Vec<ErrorLine>,
    text_fields: Vec<TextField>,
    choice_fields: Vec<ChoiceField>,
    note: String,
    note_error: Option<String>,
    consent: bool,
    consent_error: Option<String>,
    /// Why the last submit was refused as a whole (slot taken, window
    /// closed, already booked), shown above the form with what was typed kept.
    pub(super) refusal: Option<String>,
    /// The waitlist for this evening and profession: the next step when a slot is gone.
    waitlist_href: String,
    /// 「何で知りましたか」 (the public's form only) and the link's channel.
    heard_from: Option<ChoiceField>,
    src: String,
}

impl BookPage {
    /// The public's form asks where they heard of the evening, and keeps
    /// the channel of the link that led here.
    pub(super) fn ask_source(
        &mut self,
        state: &AppState,
        source: &SourceInput,
        errors: &FieldErrors,
    ) {
        let lang = RequestContext::current().lang;
        self.heard_from = Some(heard_from_field(
            &state.settings,
            lang,
            texts(lang).heard_from_question,
            &source.heard_from,
            errors,
        ));
        self.src = source.channel.clone();
        if let Some(message) = errors.get("heard_from") {
            self.errors.push(ErrorLine {
                field: "heard_from",
                label: texts(lang).heard_from_question,
                message: field_message("heard_from", message, lang),
            });
        }
    }

    /// The same form on the staff's route for a booking taken by phone,
    /// where a caller without an email address may be booked (電話連絡):
    /// the address is optional there, and only there.
    pub(super) fn taken_by_phone(&mut self, slot_id: i64, csrf: Option<String>) {
        self.action = format!("/staff/book/{slot_id}");
        self.csrf = csrf;
        for field in self.text_fields.iter_mut().filter(|f| f.name == "email") {
            field.optional = true;
            field.hint = self.c.t.staff_phone_email_hint;
        }
    }
}

/// Free slots of the other profession on the same evening that do not meet
/// this one (one person, one room), in time order.
pub(super) async fn pair_slots(
    state: &AppState,
    slot: &SlotView,
) -> Result<Vec<SlotView>, AppError> {
    let sessions = state.store.upcoming_sessions(state.clock.now()).await?;
    Ok(sessions
        .into_iter()
        .find(|s| s.id == slot.session_id)
        .map(|s| {
            s.slots
                .into_iter()
                .filter(|x| {
                    x.profession != slot.profession
                        && x.available
                        && !overlaps((x.starts_at, x.ends_at), (slot.starts_at, slot.ends_at))
                })
                .collect()
        })
        .unwrap_or_default())
}

pub(super) fn book_page(
    state: &AppState,
    slot: &SlotView,
    pair: &[SlotView],
    chosen: Option<i64>,
    input: &BookingInput,
    errors: &FieldErrors,
) -> BookPage {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let t = texts(lang);
    let message = |field: &str| errors.get(field).map(|e| field_message(field, e, lang));
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
    let other = match slot.profession {
        Profession::Lawyer => Profession::Psychologist,
        Profession::Psychologist => Profession::Lawyer,
    };
    BookPage {
        action: format!("/book/{}", slot.id),
        csrf: None,
        pair_label: profession_label(other, lang),
        pair_none: !pair.iter().any(|p| chosen == Some(p.id)),
        pair_options: pair
            .iter()
            .map(|p| PairOption {
                id: p.id,
                label: format!(
                    "{}{}",
                    between(format_time(p.starts_at), format_time(p.ends_at), lang),
                    if p.starts_at < slot.starts_at {
                        t.pair_before
                    } else {
                        t.pair_after
                    }
                ),
                checked: chosen == Some(p.id),
            })
            .collect(),
        slot: SlotSummary {
            when: between(
                format_datetime(slot.starts_at, lang),
                format_time(slot.ends_at),
                lang,
            ),
            profession: profession_label(slot.profession, lang),
            venue: venue_text(state, lang, &slot.venue),
        },
        errors: error_lines(&order, errors, lang),
        text_fields: person_fields(
            lang,
            |name| match name {
                "name" => input.name.clone(),
                "name_kana" => input.name_kana.clone(),
                "phone" => input.phone.clone(),
                _ => input.email.clone(),
            },
            errors,
        ),
        choice_fields: question_fields(lang, &input.age_band, &input.topic, errors),
        refusal: None,
        waitlist_href: format!(
            "/waitlist?session_id={}&profession={}",
            slot.session_id,
            slot.profession.code()
        ),
        note: input.note.clone(),
        note_error: message("note"),
        consent: input.consent,
        consent_error: message("consent"),
        heard_from: None,
        src: String::new(),
        c: Chrome::new(Some(state), &ctx),
    }
}

pub(super) async fn bookable_slot(state: &AppState, raw_id: &str) -> Result<SlotView, AppError> {
    let slot = state
        .store
        .slot(parse_id(raw_id)?, state.clock.now())
        .await?;
    slot.ok_or(AppError::NotFound)
}

/// The booking form's fields, and the optional slot with the other professional.
pub(super) fn form_input(pairs: &[(String, String)]) -> (BookingInput, Option<i64>) {
    let field = |name: &str| super::form_field(pairs, name);
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
    (input, field("also_slot_id").parse().ok())
}

/// `GET /book/{slot_id}`: the booking form.
pub async fn book_form(
    State(state): State<AppState>,
    Path(slot_id): Path<String>,
) -> Result<Response, AppError> {
    let slot = bookable_slot(&state, &slot_id).await?;
    check_bookable(&state, &slot, state.clock.now())?;
    let pair = pair_slots(&state, &slot).await?;
    let mut template = book_page(
        &state,
        &slot,
        &pair,
        None,
        &BookingInput::default(),
        &FieldErrors::new(),
    );
    template.ask_source(&state, &form_source(|_| String::new()), &FieldErrors::new());
    Ok(page(&template, StatusCode::OK))
}

/// `POST /book/{slot_id}`: books (with `also_slot_id`, a slot of the other
/// profession too), then shows the booking (303, so that a reload does not
/// send the form again).
pub async fn book_submit(
    State(state): State<AppState>,
    Path(slot_id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let slot = bookable_slot(&state, &slot_id).await?;
    let (input, also) = form_input(&pairs);
    let source = form_source(|name| super::form_field(&pairs, name));
    let lang = RequestContext::current().lang;
    let request = BookRequest {
        slot_ids: std::iter::once(slot.id).chain(also).collect(),
        input: &input,
        errors: FieldErrors::new(),
        lang,
        acted_by: None,
        source: source.clone(),
    };
    match book(&state, request).await {
        Ok(booked) => Ok(
            Redirect::to(&format!("/manage/{}?booked=1", booked.token.as_str())).into_response(),
        ),
        Err(BookError::Invalid(errors)) => {
            let pair = pair_slots(&state, &slot).await?;
            let mut template = book_page(&state, &slot, &pair, also, &input, &errors);
            template.ask_source(&state, &source, &errors);
            Ok(page(&template, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(refused @ (BookError::SlotTaken | BookError::SlotClosed | BookError::Rule(_))) => {
            // The form again, as typed, with the reason and what to do next.
            let refused = AppError::from(refused);
            let pair = pair_slots(&state, &slot).await?;
            let mut template = book_page(&state, &slot, &pair, also, &input, &FieldErrors::new());
            template.ask_source(&state, &source, &FieldErrors::new());
            template.refusal = Some(refused.message(&RequestContext::current()));
            Ok(page(&template, refused.status()))
        }
        Err(other) => Err(other.into()),
    }
}
