//! The health centre's public pages: the request form (`/health`) and a
//! request's status page (`/health/manage/{token}`), Japanese first,
//! without JavaScript.

use super::{page, Chrome};
use crate::domain::health::preferences::{weekdays_from_codes, WEEKDAYS};
use crate::domain::health::request::{HealthInput, ServiceInput};
use crate::domain::health::ServiceKind;
use crate::domain::time::format_time;
use crate::domain::{FieldErrors, Lang};
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{health_field_message as field_message, ineligible_reason};
use crate::mail::health::{late_notice, month_words};
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

fn centre(state: &AppState, en: bool) -> Centre {
    let h = &state.settings.health;
    let pick = |ja: &str, english: &str| if en { english } else { ja }.to_string();
    Centre {
        name: pick(&h.centre_name, &h.centre_name_en),
        phone: h.centre_phone.clone(),
        hours: pick(&h.centre_hours, &h.centre_hours_en),
    }
}

pub struct HField {
    name: &'static str,
    label: String,
    hint: String,
    kind: &'static str,
    autocomplete: &'static str,
    inputmode: &'static str,
    maxlength: usize,
    value: String,
    error: Option<String>,
}

pub struct ServiceRow {
    code: &'static str,
    /// ①–④ (1.–4. in English), so that each field's label names its kind.
    mark: &'static str,
    label: String,
    checked: bool,
    workers_id: &'static str,
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
    en: bool,
    c: Chrome,
    centre: Centre,
    area: String,
    ineligible: Option<String>,
    errors: Vec<(String, String)>,
    business: Vec<HField>,
    contact: Vec<HField>,
    services: Vec<ServiceRow>,
    services_error: Option<String>,
    places: Vec<(&'static str, String, bool)>,
    place_error: Option<String>,
    weekdays: Vec<(&'static str, String, bool)>,
    times: Vec<(&'static str, String, bool)>,
    note: String,
    note_error: Option<String>,
    consent: bool,
    consent_error: Option<String>,
}

/// The four kinds in words (①–④).
pub fn kind_label(kind: ServiceKind, en: bool) -> &'static str {
    match (kind, en) {
        (ServiceKind::Consultation, false) => {
            "① 労働者の健康管理（メンタルヘルスを含む）に係る相談"
        }
        (ServiceKind::CheckupOpinion, false) => "② 健康診断の結果についての医師からの意見聴取",
        (ServiceKind::LongHours, false) => "③ 長時間労働者に対する面接指導",
        (ServiceKind::HighStress, false) => "④ 高ストレス者に対する面接指導",
        (ServiceKind::Consultation, true) => {
            "1. Health consultation for workers (including mental health)"
        }
        (ServiceKind::CheckupOpinion, true) => "2. A doctor's opinion on health-check results",
        (ServiceKind::LongHours, true) => "3. Interview for workers with long working hours",
        (ServiceKind::HighStress, true) => {
            "4. Interview for high-stress workers (after the stress check)"
        }
    }
}

fn label_of(field: &str, en: bool) -> String {
    let (ja, english) = match field {
        "business_name" => ("事業場名", "Workplace name"),
        "address" => ("所在地", "Address"),
        "workers" => ("労働者数", "Number of workers"),
        "industry" => ("業種", "Industry"),
        "contact_name" => ("ご担当者名", "Person in charge"),
        "phone" => ("電話番号", "Phone"),
        "email" => ("メールアドレス", "Email"),
        "services" => ("ご希望のサービス", "Services"),
        "place" => ("実施場所", "Where"),
        "preferred.weekdays" => ("ご希望の曜日", "Preferred weekdays"),
        "preferred.time" => ("ご希望の時間帯", "Preferred time of day"),
        "preferred.note" => ("その他のご希望", "Other wishes"),
        "consent" => ("個人情報の取扱い", "Personal information"),
        f if f.ends_with(".workers") => ("対象の人数", "Number of workers"),
        f if f.ends_with("requested_on") => ("労働者が申し出た日", "The day the worker asked"),
        f if f.ends_with("checked_on") => ("健康診断の実施日", "The day of the health check"),
        _ => ("入力内容", "Input"),
    };
    if en { english } else { ja }.to_string()
}

fn text_fields(
    names: &[&'static str],
    values: &HashMap<String, String>,
    errors: &FieldErrors,
    lang: Lang,
) -> Vec<HField> {
    let en = lang == Lang::En;
    names
        .iter()
        .map(|&name| {
            let (kind, autocomplete, inputmode, maxlength, hint_ja, hint_en) = match name {
                "business_name" => ("text", "organization", "", 100, "", ""),
                // The workplace's address, on one line: `street-address` is
                // for a multi-line control, and a person's own saved
                // address is not the workplace's.
                "address" => (
                    "text",
                    "off",
                    "",
                    200,
                    "市町村名から入力してください。例：仙台市青葉区国分町3-7-1",
                    "Including the city, e.g. 3-7-1 Kokubuncho, Aoba-ku, Sendai (仙台市)",
                ),
                "workers" => (
                    "text",
                    "off",
                    "numeric",
                    6,
                    "パート・アルバイト、派遣の方を含めた、常時使用する労働者の数",
                    "All workers regularly employed, part-time and dispatched included",
                ),
                "industry" => (
                    "text",
                    "off",
                    "",
                    50,
                    "例：製造業、建設業、小売業",
                    "e.g. manufacturing, construction, retail",
                ),
                "contact_name" => ("text", "name", "", 50, "", ""),
                "phone" => (
                    "tel",
                    "tel",
                    "tel",
                    20,
                    "日中につながる番号。例：022-221-6870",
                    "A number we can reach in the daytime, e.g. 022-221-6870",
                ),
                "email" => (
                    "email",
                    "email",
                    "email",
                    254,
                    "日程のご提案をこのアドレスにお送りします。",
                    "We send the proposed date to this address.",
                ),
                _ => ("text", "off", "", 100, "", ""),
            };
            HField {
                name,
                label: label_of(name, en),
                hint: if en { hint_en } else { hint_ja }.to_string(),
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
    let en = lang == Lang::En;
    let ctx = RequestContext::current();
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let msg = |k: &str| errors.get(k).map(|e| field_message(k, e, lang));
    let services = ServiceKind::ALL
        .iter()
        .map(|&kind| {
            let code = kind.code();
            let (date_id, date_name, date_ja, date_en) = match kind {
                ServiceKind::LongHours | ServiceKind::HighStress => (
                    Some(crate::domain::health::request::service_field(
                        kind,
                        "requested_on",
                    )),
                    "requested_on",
                    "労働者が面接指導を申し出た日",
                    "The day the worker asked for the interview",
                ),
                ServiceKind::CheckupOpinion => (
                    Some(crate::domain::health::request::service_field(
                        kind,
                        "checked_on",
                    )),
                    "checked_on",
                    "健康診断の実施日",
                    "The day of the health check",
                ),
                ServiceKind::Consultation => (None, "", "", ""),
            };
            let workers_id = crate::domain::health::request::service_field(kind, "workers");
            let date_field = format!("{date_name}_{code}");
            ServiceRow {
                code,
                mark: {
                    let i = ServiceKind::ALL
                        .iter()
                        .position(|k| *k == kind)
                        .unwrap_or(0);
                    if en {
                        ["1.", "2.", "3.", "4."][i]
                    } else {
                        ["①", "②", "③", "④"][i]
                    }
                },
                label: kind_label(kind, en).to_string(),
                checked: !v(&format!("kind_{code}")).is_empty(),
                workers_id,
                workers: v(&format!("workers_{code}")),
                workers_error: msg(workers_id),
                date_id,
                date_name: match kind {
                    ServiceKind::LongHours => "requested_on_long_hours",
                    ServiceKind::HighStress => "requested_on_high_stress",
                    ServiceKind::CheckupOpinion => "checked_on_checkup_opinion",
                    ServiceKind::Consultation => "",
                },
                date_label: if en { date_en } else { date_ja }.to_string(),
                date: v(&date_field),
                date_error: date_id.and_then(msg),
            }
        })
        .collect();
    let place = v("place");
    let time = v("time");
    let pick = |ja: &str, english: &str| if en { english } else { ja }.to_string();
    let mut summary: Vec<(String, String)> = errors
        .iter()
        .map(|(k, e)| (k.to_string(), summary_line(k, e, lang)))
        .collect();
    summary.sort_by_key(|(k, _)| field_order(k));
    FormPage {
        en,
        c: Chrome::new(Some(state), &ctx),
        centre: centre(state, en),
        area: {
            let h = &state.settings.health;
            if en && h.area_en.len() == h.area.len() {
                h.area_en.join(" and ")
            } else {
                h.area.join(if en { " and " } else { "・" })
            }
        },
        ineligible,
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
            (
                "centre",
                pick(
                    "センターに来所する（仙台市医師会館）",
                    "At the centre (Sendai City Medical Association Hall)",
                ),
                place == "centre",
            ),
            (
                "visit",
                pick("医師が事業場を訪問する", "The doctor visits the workplace"),
                place == "visit",
            ),
        ],
        place_error: msg("place"),
        weekdays: weekday_choices(weekdays_chosen, en),
        times: time_choices(&time, en),
        note: v("note"),
        note_error: msg("preferred.note"),
        consent: !v("consent").is_empty(),
        consent_error: msg("consent"),
    }
}

/// A line of the error summary: the field's label and its message.
fn summary_line(field: &str, error: &crate::domain::FieldError, lang: Lang) -> String {
    let en = lang == Lang::En;
    let sep = if en { ": " } else { "：" };
    format!(
        "{}{sep}{}",
        label_of(field, en),
        field_message(field, error, lang)
    )
}

/// The weekdays as the forms offer them, with those chosen ticked.
pub(super) fn weekday_choices(chosen: &[String], en: bool) -> Vec<(&'static str, String, bool)> {
    let names = if en {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
        ]
    } else {
        ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"]
    };
    WEEKDAYS
        .iter()
        .zip(names)
        .map(|((_, code), name)| (*code, name.to_string(), chosen.iter().any(|w| w == code)))
        .collect()
}

/// The times of day as the forms offer them, with the one chosen checked.
pub(super) fn time_choices(time: &str, en: bool) -> Vec<(&'static str, String, bool)> {
    let pick = |ja: &str, english: &str| if en { english } else { ja }.to_string();
    vec![
        (
            "any",
            pick("いつでもよい", "Any time"),
            time.is_empty() || time == "any",
        ),
        ("morning", pick("午前", "Morning"), time == "morning"),
        ("afternoon", pick("午後", "Afternoon"), time == "afternoon"),
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
    match service::submit(&state, &input, lang).await {
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
        Err(HealthError::Ineligible(errors, why, to)) => Ok(page(
            &form_page(
                &state,
                &values,
                &weekdays,
                &errors,
                Some(ineligible_reason(why, &to, lang)),
                lang,
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(other) => Err(other.into()),
    }
}
