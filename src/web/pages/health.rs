//! The health centre's public pages: the request form (`/health`) and a
//! request's status page (`/health/manage/{token}`), Japanese first,
//! without JavaScript.

use super::{page, switch_url};
use crate::domain::health::request::weekdays_from_codes;
use crate::domain::health::request::{HealthInput, ServiceInput, WEEKDAYS};
use crate::domain::health::ServiceKind;
use crate::domain::time::{format_date, format_datetime, format_time};
use crate::domain::{FieldErrors, Lang};
use crate::mail::health::{late_notice, month_words};
use crate::service::health::{self as service, HealthError, PreferencesInput, RequestView};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use crate::web::i18n::{health_field_message as field_message, ineligible_reason};
use crate::web::FormBody;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

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
    centre: Centre,
    lang_switch: String,
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
                "address" => (
                    "text",
                    "street-address",
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
        centre: centre(state, en),
        lang_switch: switch_url(&ctx.path, if en { "ja" } else { "en" }),
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
fn weekday_choices(chosen: &[String], en: bool) -> Vec<(&'static str, String, bool)> {
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
fn time_choices(time: &str, en: bool) -> Vec<(&'static str, String, bool)> {
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

#[derive(Template)]
#[template(path = "health/status.html")]
struct StatusPage {
    en: bool,
    centre: Centre,
    lang_switch: String,
    token: String,
    notice: Option<String>,
    created: bool,
    email: String,
    from_address: String,
    number: String,
    business_name: String,
    status_text: String,
    position: Option<usize>,
    estimated_month: Option<String>,
    /// The legal due date in words, if the request has one.
    due: Option<String>,
    /// What the business is told when the estimate is later than the due date.
    late: Option<String>,
    services: Vec<String>,
    /// (when, where, doctor)
    interview: Option<(String, String, String)>,
    proposed: bool,
    open: bool,
    errors: Vec<(String, String)>,
    contact: Vec<HField>,
    /// Asking for another date: which weekdays and times would suit
    /// (the request's own preferences to start with), and what was wrong.
    weekdays: Vec<(&'static str, String, bool)>,
    times: Vec<(&'static str, String, bool)>,
    note: String,
    note_error: Option<String>,
    decline_errors: Vec<(String, String)>,
    /// Closed by the centre after a no-show: the reason.
    closed_reason: Option<String>,
}

fn status_page(
    state: &AppState,
    token: &str,
    view: &RequestView,
    query: &HashMap<String, String>,
    form: Option<(&HashMap<String, String>, &FieldErrors)>,
) -> StatusPage {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let en = lang == Lang::En;
    let pick = |ja: &str, english: &str| if en { english } else { ja }.to_string();
    let r = &view.request;
    let status_text = match r.status.as_str() {
        "waiting" => pick("日程の調整をお待ちいただいています", "Waiting for a date"),
        "proposed" => pick(
            "日程をご提案しています。お返事をお願いします",
            "A date is proposed: please answer",
        ),
        "scheduled" => pick("日程が確定しています", "Your date is confirmed"),
        _ if r.closed_reason.is_some() => {
            pick("センターがお申込みを終了しました", "Closed by the centre")
        }
        _ => pick("取り下げられました", "Withdrawn"),
    };
    let notice = match query.get("done").map(String::as_str) {
        Some("accepted") => Some(pick(
            "日程を了承いただきました。確定のメールをお送りします。",
            "Thank you: the date is confirmed, and we are sending a mail.",
        )),
        Some("declined") => Some(pick(
            "ご提案の日程を取り消しました。順番はそのままで、別の日程をご提案します。",
            "The proposed date is released; you keep your place and we will propose another.",
        )),
        Some("contact") => Some(pick(
            "連絡先を変更しました。",
            "Your contact details are updated.",
        )),
        Some("withdrawn") => Some(pick(
            "お申込みを取り下げました。",
            "Your request is withdrawn.",
        )),
        _ => None,
    };
    let h = &state.settings.health;
    let (values, errors) = match form {
        Some((values, errors)) => (values.clone(), errors.clone()),
        None => (
            HashMap::from([
                ("contact_name".to_string(), r.contact_name.clone()),
                ("phone".to_string(), r.phone.clone()),
                ("email".to_string(), r.email.clone()),
            ]),
            FieldErrors::new(),
        ),
    };
    StatusPage {
        en,
        centre: centre(state, en),
        lang_switch: switch_url(&ctx.path, if en { "ja" } else { "en" }),
        token: token.to_string(),
        notice,
        created: query.contains_key("created"),
        email: r.email.clone(),
        from_address: state.settings.mail.from_address.clone(),
        number: r.number(),
        business_name: r.business_name.clone(),
        status_text,
        position: view.position,
        estimated_month: view.estimated_month.as_deref().map(|m| {
            if en {
                format!("around {}", month_words(m, lang))
            } else {
                format!("{}ごろ", month_words(m, lang))
            }
        }),
        due: r
            .due_on
            .filter(|_| r.status != "withdrawn")
            .map(|d| format_date(d, lang)),
        late: view.late.then(|| late_notice(lang)),
        services: view
            .services
            .iter()
            .map(|s| {
                let n = s.workers;
                if en {
                    let workers = if n == 1 { "worker" } else { "workers" };
                    format!("{} ({n} {workers})", kind_label(s.kind(), en))
                } else {
                    format!("{}（{n}人）", kind_label(s.kind(), en))
                }
            })
            .collect(),
        interview: view.interview.as_ref().map(|i| {
            (
                format!(
                    "{}{}{}",
                    format_datetime(i.starts_at, lang),
                    if en { "–" } else { "〜" },
                    format_time(i.ends_at)
                ),
                if i.visit {
                    pick(
                        "医師が事業場を訪問します",
                        "The doctor visits your workplace",
                    )
                } else {
                    pick(&h.centre_address, &h.centre_address_en)
                },
                i.doctor_name.clone(),
            )
        }),
        proposed: view
            .interview
            .as_ref()
            .is_some_and(|i| i.status == "proposed"),
        open: r.status != "withdrawn",
        errors: errors
            .iter()
            .map(|(k, e)| (k.to_string(), summary_line(k, e, lang)))
            .collect(),
        contact: text_fields(&["contact_name", "phone", "email"], &values, &errors, lang),
        weekdays: weekday_choices(
            &weekdays_from_codes(&r.weekdays)
                .into_iter()
                .map(|d| crate::domain::health::request::weekday_code(d).to_string())
                .collect::<Vec<_>>(),
            en,
        ),
        times: time_choices(&r.time_of_day, en),
        note: r.preferred_note.clone(),
        note_error: None,
        decline_errors: Vec::new(),
        closed_reason: r.closed_reason.clone(),
    }
}

/// `GET /health/manage/{token}`.
pub async fn status(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let view = service::status(&state, &token).await?;
    Ok(page(
        &status_page(&state, &token, &view, &query, None),
        StatusCode::OK,
    ))
}

fn back(token: &str, done: &str) -> Response {
    Redirect::to(&format!("/health/manage/{token}?done={done}")).into_response()
}

/// `POST /health/manage/{token}/accept`.
pub async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    service::answer(&state, &token, true, None).await?;
    Ok(back(&token, "accepted"))
}

/// `POST /health/manage/{token}/decline` (`weekday` repeated, `time`,
/// `note`: what would suit instead; they replace the request's
/// preferences). A bad field shows the page again with its message.
pub async fn decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let asked = pairs.iter().any(|(k, _)| k == "time");
    let preferred = PreferencesInput {
        weekdays: pairs
            .iter()
            .filter(|(k, _)| k == "weekday")
            .map(|(_, v)| v.clone())
            .collect(),
        time: super::staff::field(&pairs, "time"),
        note: super::staff::field(&pairs, "note"),
    };
    match service::answer(&state, &token, false, asked.then_some(&preferred)).await {
        Ok(()) => Ok(back(&token, "declined")),
        Err(HealthError::Invalid(errors)) => {
            let view = service::status(&state, &token).await?;
            let mut p = status_page(&state, &token, &view, &HashMap::new(), None);
            let lang = RequestContext::current().lang;
            p.weekdays = weekday_choices(&preferred.weekdays, p.en);
            p.times = time_choices(&preferred.time, p.en);
            p.note = preferred.note.clone();
            p.note_error = errors
                .get("preferred.note")
                .map(|e| field_message("preferred.note", e, lang));
            p.decline_errors = errors
                .iter()
                .map(|(k, e)| (k.to_string(), summary_line(k, e, lang)))
                .collect();
            Ok(page(&p, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /health/manage/{token}/withdraw` (the confirmation box must be ticked).
pub async fn withdraw(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    if !pairs.iter().any(|(k, v)| k == "confirm" && !v.is_empty()) {
        let view = service::status(&state, &token).await?;
        let mut p = status_page(&state, &token, &view, &HashMap::new(), None);
        p.notice = Some(if p.en {
            "To withdraw, tick the box first.".into()
        } else {
            "取り下げる場合は、確認の欄にチェックを入れてください。".into()
        });
        return Ok(page(&p, StatusCode::UNPROCESSABLE_ENTITY));
    }
    service::withdraw(&state, &token).await?;
    Ok(back(&token, "withdrawn"))
}

/// `POST /health/manage/{token}/contact`.
pub async fn contact(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let values: HashMap<String, String> = pairs.into_iter().collect();
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    match service::update_contact(&state, &token, &v("contact_name"), &v("phone"), &v("email"))
        .await
    {
        Ok(()) => Ok(back(&token, "contact")),
        Err(HealthError::Invalid(errors)) => {
            let view = service::status(&state, &token).await?;
            Ok(page(
                &status_page(
                    &state,
                    &token,
                    &view,
                    &HashMap::new(),
                    Some((&values, &errors)),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(other) => Err(other.into()),
    }
}
