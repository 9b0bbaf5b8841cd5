//! The health centre's public pages: the request form (`/health`) and a
//! request's status page (`/health/manage/{token}`), without JavaScript,
//! in every language of `locales/` (words in `health.ftl`).

use super::{between, page, Chrome};
use crate::domain::health::preferences::{weekdays_from_codes, WEEKDAYS};
use crate::domain::health::request::{service_field, HealthInput, ServiceInput};
use crate::domain::health::ServiceKind;
use crate::domain::time::format_time;
use crate::domain::{FieldErrors, Lang};
use crate::i18n::dates::{format_date, format_datetime, format_month};
use crate::i18n::{
    configured, health_field_message as field_message, ineligible_reason, service_kind_label,
    service_mark, texts, Texts,
};
use crate::service::health::{self as service, HealthError, PreferencesInput, RequestView};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::FormBody;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

pub(super) mod status;
pub use status::{accept, contact, decline, status, withdraw};

/// The centre as the page frame names it.
pub struct Centre {
    pub name: String,
    pub phone: String,
    pub hours: String,
}

pub(super) fn centre(settings: &crate::config::Settings, lang: Lang) -> Centre {
    let h = &settings.health;
    Centre {
        name: configured(lang, &h.centre_name, &h.centre_name_en).to_string(),
        phone: h.centre_phone.clone(),
        hours: configured(lang, &h.centre_hours, &h.centre_hours_en).to_string(),
    }
}

pub struct HField {
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

pub struct ServiceRow {
    code: &'static str,
    label: &'static str,
    checked: bool,
    workers_id: &'static str,
    /// 「④ 対象の人数」: each field's label names its kind.
    workers_label: String,
    workers: String,
    workers_error: Option<String>,
    date_id: Option<&'static str>,
    date_name: &'static str,
    date_label: String,
    date: String,
    date_error: Option<String>,
}

#[derive(Template)]
#[template(path = "health/form.html")]
struct FormPage {
    c: Chrome,
    centre: Centre,
    /// The language's code, sent back with the form.
    lang: &'static str,
    area: String,
    ineligible: Option<String>,
    /// Turned away: where else a workplace can ask (つなぐ).
    doors: Vec<super::directory::Card>,
    errors: Vec<(String, String)>,
    business: Vec<HField>,
    contact: Vec<HField>,
    services: Vec<ServiceRow>,
    services_error: Option<String>,
    places: Vec<(&'static str, &'static str, bool)>,
    place_error: Option<String>,
    weekdays: Vec<(&'static str, &'static str, bool)>,
    times: Vec<(&'static str, &'static str, bool)>,
    note: String,
    note_error: Option<String>,
    consent: bool,
    consent_error: Option<String>,
    /// 「このサービスを何で知りましたか」 and the link's channel.
    heard_from: Option<super::ChoiceField>,
    src: String,
}

/// The name of a field, as its label and the error summary give it.
fn label_of(field: &str, t: &Texts) -> &'static str {
    match field {
        "business_name" => t.health_field_business_name,
        "address" => t.health_field_address,
        "workers" => t.health_field_workers,
        "industry" => t.health_field_industry,
        "contact_name" => t.health_field_contact_name,
        "phone" => t.health_field_phone,
        "email" => t.health_field_email,
        "services" => t.health_field_services,
        "place" => t.health_field_place,
        "preferred.weekdays" => t.health_field_weekdays,
        "preferred.time" => t.health_field_time,
        "preferred.note" => t.health_field_note,
        "consent" => t.health_field_consent,
        "heard_from" => t.health_heard_from_question,
        f if f.ends_with(".workers") => t.health_field_service_workers,
        f if f.ends_with("requested_on") => t.health_field_requested_on,
        f if f.ends_with("checked_on") => t.health_field_checked_on,
        _ => t.health_field_other,
    }
}

fn text_fields(
    names: &[&'static str],
    values: &HashMap<String, String>,
    errors: &FieldErrors,
    lang: Lang,
) -> Vec<HField> {
    let t = texts(lang);
    names
        .iter()
        .map(|&name| {
            let (kind, autocomplete, inputmode, maxlength, hint) = match name {
                "business_name" => ("text", "organization", "", 100, ""),
                // The workplace's address, on one line: `street-address` is
                // for a multi-line control, and a person's own saved
                // address is not the workplace's.
                "address" => ("text", "off", "", 200, t.health_hint_address),
                "workers" => ("text", "off", "numeric", 6, t.health_hint_workers),
                "industry" => ("text", "off", "", 50, t.health_hint_industry),
                "contact_name" => ("text", "name", "", 50, ""),
                "phone" => ("tel", "tel", "tel", 20, t.health_hint_phone),
                "email" => ("email", "email", "email", 254, t.health_hint_email),
                _ => ("text", "off", "", 100, ""),
            };
            HField {
                name,
                label: label_of(name, t),
                hint,
                kind,
                autocomplete,
                inputmode,
                maxlength,
                value: values.get(name).cloned().unwrap_or_default(),
                error: errors.get(name).map(|e| field_message(name, e, lang)),
            }
        })
        .collect()
}

fn form_page(
    state: &AppState,
    values: &HashMap<String, String>,
    weekdays_chosen: &[String],
    errors: &FieldErrors,
    ineligible: Option<String>,
    lang: Lang,
) -> FormPage {
    let t = texts(lang);
    let ctx = RequestContext::current();
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let msg = |k: &str| errors.get(k).map(|e| field_message(k, e, lang));
    let services = ServiceKind::ALL
        .iter()
        .map(|&kind| {
            let code = kind.code();
            let mark = service_mark(kind, lang);
            let (date_id, date_name, date_label) = match kind {
                ServiceKind::LongHours | ServiceKind::HighStress => (
                    Some(service_field(kind, "requested_on")),
                    "requested_on",
                    t.health_service_requested_on(mark),
                ),
                ServiceKind::CheckupOpinion => (
                    Some(service_field(kind, "checked_on")),
                    "checked_on",
                    t.health_service_checked_on(mark),
                ),
                ServiceKind::Consultation => (None, "", String::new()),
            };
            let workers_id = service_field(kind, "workers");
            let date_field = format!("{date_name}_{code}");
            ServiceRow {
                code,
                label: service_kind_label(kind, lang),
                checked: !v(&format!("kind_{code}")).is_empty(),
                workers_id,
                workers_label: t.health_service_workers(mark),
                workers: v(&format!("workers_{code}")),
                workers_error: msg(workers_id),
                date_id,
                date_name: match kind {
                    ServiceKind::LongHours => "requested_on_long_hours",
                    ServiceKind::HighStress => "requested_on_high_stress",
                    ServiceKind::CheckupOpinion => "checked_on_checkup_opinion",
                    ServiceKind::Consultation => "",
                },
                date_label,
                date: v(&date_field),
                date_error: date_id.and_then(msg),
            }
        })
        .collect();
    let place = v("place");
    let time = v("time");
    let mut summary: Vec<(String, String)> = errors
        .iter()
        .map(|(k, e)| (k.to_string(), summary_line(k, e, lang)))
        .collect();
    summary.sort_by_key(|(k, _)| field_order(k));
    let source = super::person_form::form_source(v);
    FormPage {
        heard_from: Some(super::person_form::heard_from_field(
            &state.settings,
            lang,
            t.health_heard_from_question,
            &source.heard_from,
            errors,
        )),
        src: source.channel,
        c: Chrome::new(Some(state), &ctx),
        centre: centre(&state.settings, lang),
        lang: lang.code(),
        area: {
            // The areas are configured in Japanese and English.
            let h = &state.settings.health;
            let names = if lang == Lang::En && h.area_en.len() == h.area.len() {
                &h.area_en
            } else {
                &h.area
            };
            names.join(t.health_area_separator)
        },
        ineligible,
        doors: Vec::new(),
        errors: summary,
        business: text_fields(
            &["business_name", "address", "workers", "industry"],
            values,
            errors,
            lang,
        ),
        contact: text_fields(&["contact_name", "phone", "email"], values, errors, lang),
        services,
        services_error: msg("services"),
        places: vec![
            ("centre", t.health_place_centre, place == "centre"),
            ("visit", t.health_place_visit, place == "visit"),
        ],
        place_error: msg("place"),
        weekdays: weekday_choices(weekdays_chosen, lang),
        times: time_choices(&time, lang),
        note: v("note"),
        note_error: msg("preferred.note"),
        consent: !v("consent").is_empty(),
        consent_error: msg("consent"),
    }
}

/// A line of the error summary: the field's label and its message.
fn summary_line(field: &str, error: &crate::domain::FieldError, lang: Lang) -> String {
    let t = texts(lang);
    format!(
        "{}{}{}",
        label_of(field, t),
        t.colon,
        field_message(field, error, lang)
    )
}

/// The weekdays as the forms offer them, with those chosen ticked.
pub(super) fn weekday_choices(
    chosen: &[String],
    lang: Lang,
) -> Vec<(&'static str, &'static str, bool)> {
    let t = texts(lang);
    let names = [
        t.health_weekday_mon,
        t.health_weekday_tue,
        t.health_weekday_wed,
        t.health_weekday_thu,
        t.health_weekday_fri,
        t.health_weekday_sat,
    ];
    WEEKDAYS
        .iter()
        .zip(names)
        .map(|((_, code), name)| (*code, name, chosen.iter().any(|w| w == code)))
        .collect()
}

/// The times of day as the forms offer them, with the one chosen checked.
pub(super) fn time_choices(time: &str, lang: Lang) -> Vec<(&'static str, &'static str, bool)> {
    let t = texts(lang);
    vec![
        ("any", t.health_time_any, time.is_empty() || time == "any"),
        ("morning", t.health_time_morning, time == "morning"),
        ("afternoon", t.health_time_afternoon, time == "afternoon"),
    ]
}

/// The order fields appear in on the form, for the error summary.
fn field_order(field: &str) -> usize {
    const ORDER: [&str; 12] = [
        "business_name",
        "address",
        "workers",
        "industry",
        "services",
        "place",
        "preferred",
        "contact_name",
        "phone",
        "email",
        "consent",
        "",
    ];
    ORDER
        .iter()
        .position(|f| !f.is_empty() && field.starts_with(f))
        .unwrap_or(ORDER.len())
}

/// `GET /health`: the request form.
pub async fn request_form(State(state): State<AppState>) -> Response {
    let lang = RequestContext::current().lang;
    page(
        &form_page(
            &state,
            &HashMap::new(),
            &[],
            &FieldErrors::new(),
            None,
            lang,
        ),
        StatusCode::OK,
    )
}

/// `POST /health`: the request; then its status page.
pub async fn request_submit(
    State(state): State<AppState>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let weekdays: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "weekday")
        .map(|(_, v)| v.clone())
        .collect();
    let values: HashMap<String, String> =
        pairs.into_iter().filter(|(k, _)| k != "weekday").collect();
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let services = ServiceKind::ALL
        .iter()
        .filter(|k| !v(&format!("kind_{}", k.code())).is_empty())
        .map(|k| ServiceInput {
            kind: k.code().to_string(),
            workers: v(&format!("workers_{}", k.code())),
            requested_on: v(&format!("requested_on_{}", k.code())),
            checked_on: v(&format!("checked_on_{}", k.code())),
        })
        .collect();
    let input = HealthInput {
        business_name: v("business_name"),
        address: v("address"),
        workers: v("workers"),
        industry: v("industry"),
        contact_name: v("contact_name"),
        phone: v("phone"),
        email: v("email"),
        services,
        weekdays: weekdays.clone(),
        time_of_day: v("time"),
        preferred_note: v("note"),
        place: v("place"),
        consent: !v("consent").is_empty(),
    };
    let lang = RequestContext::current().lang;
    let source = super::person_form::form_source(v);
    match service::submit(&state, &input, lang, &source).await {
        Ok(done) => {
            let token = done
                .manage_url
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            Ok(Redirect::to(&format!("/health/manage/{token}?created=1")).into_response())
        }
        Err(HealthError::Invalid(errors)) => Ok(page(
            &form_page(&state, &values, &weekdays, &errors, None, lang),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(HealthError::Ineligible(errors, why, to)) => {
            let mut form = form_page(
                &state,
                &values,
                &weekdays,
                &errors,
                Some(ineligible_reason(why, &to, lang)),
                lang,
            );
            form.doors = super::directory::business_doors(&state, lang).await?;
            Ok(page(&form, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(other) => Err(other.into()),
    }
}
