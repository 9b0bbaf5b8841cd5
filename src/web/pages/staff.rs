//! Staff screens (事務局): sign-in, the month's roster, each evening's day
//! sheet with attendance, and the CSV export. Without a sign-in every page
//! redirects to `/staff/login` and shows nothing; forms carry a CSRF token.

use super::page;
use crate::domain::time::{format_date, format_datetime, format_time, jst_instant, to_jst};
use crate::domain::{Lang, Profession};
use crate::service::office;
use crate::service::staff as accounts;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::i18n::{age_band_label, profession_label, topic_label};
use crate::web::staff_api::{may_see, month_bounds, role_label};
use crate::web::{parse_id, FormBody, Manager, StaffCaller, STAFF_COOKIE};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use std::collections::HashMap;

const LOGIN_CSRF: &str = "tsunagu_login_csrf";

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())?
        .split(';')
        .find_map(|kv| kv.trim().strip_prefix(name)?.strip_prefix('='))
}

fn secure(state: &AppState) -> &'static str {
    if state.settings.public_url().starts_with("https://") {
        "; Secure"
    } else {
        ""
    }
}

fn set_cookie(response: &mut Response, value: String) {
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

pub(super) fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// A state-changing staff form must carry the sign-in's CSRF token.
pub(super) fn check_csrf(caller: &StaffCaller, pairs: &[(String, String)]) -> Result<(), AppError> {
    match &caller.csrf {
        Some(expected) if *expected == field(pairs, "csrf") => Ok(()),
        Some(_) => Err(AppError::Forbidden),
        // Bearer tokens are not sent by browsers on their own: no CSRF to fear.
        None => Ok(()),
    }
}

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    who: Option<String>,
    csrf: String,
    email: String,
    failed: bool,
}

fn login_page(state: &AppState, email: &str, failed: bool, status: StatusCode) -> Response {
    let csrf = crate::domain::token::Token::generate().as_str().to_string();
    let mut response = page(
        &LoginPage {
            who: None,
            csrf: csrf.clone(),
            email: email.to_string(),
            failed,
        },
        status,
    );
    set_cookie(
        &mut response,
        format!(
            "{LOGIN_CSRF}={csrf}; Path=/staff; HttpOnly; SameSite=Strict{}",
            secure(state)
        ),
    );
    response
}

/// `GET /staff/login`
pub async fn login_form(State(state): State<AppState>) -> Response {
    login_page(&state, "", false, StatusCode::OK)
}

/// `POST /staff/login`: email and password; a wrong pair is slowed down and logged.
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let expected = cookie_value(&headers, LOGIN_CSRF).unwrap_or("");
    if expected.is_empty() || expected != field(&pairs, "csrf") {
        return Ok(login_page(&state, "", false, StatusCode::FORBIDDEN));
    }
    let email = field(&pairs, "email");
    match accounts::sign_in(&state, &email, &field(&pairs, "password")).await? {
        Some(signed_in) => {
            let mut response = Redirect::to("/staff").into_response();
            let age = accounts::SESSION_HOURS * 3600;
            set_cookie(
                &mut response,
                format!(
                    "{STAFF_COOKIE}={}; Path=/; Max-Age={age}; HttpOnly; SameSite=Strict{}",
                    signed_in.cookie,
                    secure(&state)
                ),
            );
            Ok(response)
        }
        None => Ok(login_page(&state, &email, true, StatusCode::UNAUTHORIZED)),
    }
}

/// `POST /staff/logout`
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    caller: StaffCaller,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    if let Some(token) =
        cookie_value(&headers, STAFF_COOKIE).and_then(crate::domain::token::Token::parse)
    {
        state.store.end_staff_session(&token.hash()).await?;
    }
    let mut response = Redirect::to("/staff/login").into_response();
    set_cookie(
        &mut response,
        format!("{STAFF_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"),
    );
    Ok(response)
}

struct RosterLine {
    id: i64,
    when: String,
    cancelled: bool,
    lawyer: Option<String>,
    psychologist: Option<String>,
    fill: String,
}

#[derive(Template)]
#[template(path = "staff/roster.html")]
struct RosterPage {
    who: Option<String>,
    csrf: String,
    month_label: String,
    prev: String,
    next: String,
    from: String,
    to: String,
    manages: bool,
    admin: bool,
    sessions: Vec<RosterLine>,
    rule_weekday: String,
    rule_week: u8,
    rule_start: String,
    weekdays: Vec<(&'static str, &'static str)>,
    month: String,
    /// 産業保健センター: (day, doctor, interviews) of the month.
    doctor_days: Vec<(String, String, usize)>,
}

pub(super) fn who(caller: &StaffCaller) -> Option<String> {
    Some(format!(
        "{}（{}）",
        caller.name,
        role_label(caller.member.role)
    ))
}

/// `GET /staff?month=YYYY-MM`: the month's evenings, who is assigned, how full.
pub async fn roster(
    State(state): State<AppState>,
    caller: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = to_jst(state.clock.now()).date_naive();
    let month = q
        .get("month")
        .cloned()
        .unwrap_or_else(|| today.format("%Y-%m").to_string());
    let (from, to) = month_bounds(&month)?;
    let first = to_jst(from).date_naive();
    let sessions = state.store.roster(from, to).await?;
    let manages = caller.member.role.manages();
    let lines = sessions
        .iter()
        .filter(|s| may_see(&caller.member, s))
        .map(|s| RosterLine {
            id: s.id,
            when: format!(
                "{}〜{}",
                format_datetime(s.starts_at, Lang::Ja),
                format_time(s.ends_at)
            ),
            cancelled: s.status == "cancelled",
            lawyer: s.lawyer.clone(),
            psychologist: s.psychologist.clone(),
            fill: format!(
                "弁護士 {}/{} ・ 心理士 {}/{}、キャンセル待ち {}{}",
                s.lawyers_booked,
                s.lawyer_slots,
                s.psychologists_booked,
                s.psychologist_slots,
                s.waiting,
                if s.attended + s.no_shows > 0 {
                    format!("、来所 {}・欠席 {}", s.attended, s.no_shows)
                } else {
                    String::new()
                }
            ),
        })
        .collect();
    state
        .audit(&caller.member, "view_roster", &format!("month {month}"), "")
        .await?;
    let rule = crate::service::schedule::series(&state).await?;
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    Ok(page(
        &RosterPage {
            month: month.clone(),
            doctor_days: super::staff_health::doctor_days(&state, &caller.member, from, to).await?,
            month_label: format!("{}年{}月", first.year(), first.month()),
            prev: ym(first - Months::new(1)),
            next: ym(first + Months::new(1)),
            from: first.to_string(),
            to: (first + Months::new(1)).to_string(),
            manages,
            admin: caller.member.role == crate::domain::staff::Role::Admin,
            sessions: lines,
            rule_weekday: rule.weekday.to_string().to_lowercase(),
            rule_week: rule.week_of_month,
            rule_start: rule.start.format("%H:%M").to_string(),
            weekdays: vec![
                ("mon", "月曜日"),
                ("tue", "火曜日"),
                ("wed", "水曜日"),
                ("thu", "木曜日"),
                ("fri", "金曜日"),
            ],
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(&caller),
        },
        StatusCode::OK,
    ))
}

struct SheetBooking {
    id: i64,
    name: String,
    kana: String,
    phone: String,
    topic: &'static str,
    note: String,
    first_visit: bool,
    attendance: String,
    attendance_note: String,
}

struct SheetRow {
    slot_id: i64,
    time: String,
    profession: &'static str,
    booking: Option<SheetBooking>,
}

#[derive(Template)]
#[template(path = "staff/sheet.html")]
struct SheetPage {
    who: Option<String>,
    csrf: String,
    session_id: i64,
    when: String,
    month: String,
    venue: String,
    lawyer: String,
    psychologist: String,
    manages: bool,
    lines: Vec<SheetRow>,
    attendance_options: Vec<(&'static str, &'static str)>,
    /// Active lawyers and psychologists: (id, "name（profession）").
    assignable: Vec<(i64, String)>,
    start: String,
}

/// `GET /staff/sessions/{id}`: the evening's day sheet, printable on A4.
pub async fn sheet(
    State(state): State<AppState>,
    caller: StaffCaller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let session = state
        .store
        .roster_session(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_see(&caller.member, &session) {
        return Err(AppError::Forbidden);
    }
    let manages = caller.member.role.manages();
    let own: Vec<&str> = match (manages, caller.member.professional_id) {
        (true, _) => vec!["lawyer", "psychologist"],
        (false, Some(p)) => [
            ("lawyer", session.lawyer_id),
            ("psychologist", session.psychologist_id),
        ]
        .into_iter()
        .filter(|(_, who)| *who == Some(p))
        .map(|(x, _)| x)
        .collect(),
        (false, None) => Vec::new(),
    };
    let lines = state
        .store
        .day_sheet(id)
        .await?
        .into_iter()
        .filter(|l| own.contains(&l.profession.as_str()))
        .map(|l| SheetRow {
            slot_id: l.slot_id,
            time: format!("{}〜{}", format_time(l.starts_at), format_time(l.ends_at)),
            profession: Profession::parse(&l.profession)
                .map(|p| profession_label(p, Lang::Ja))
                .unwrap_or(""),
            booking: l.booking_id.map(|bid| SheetBooking {
                id: bid,
                name: l.name.clone().unwrap_or_default(),
                kana: l.name_kana.clone().unwrap_or_default(),
                phone: if manages {
                    l.phone.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                topic: l
                    .topic
                    .as_deref()
                    .and_then(|t| crate::domain::Topic::parse(t).ok())
                    .map(|t| topic_label(t, Lang::Ja))
                    .unwrap_or(""),
                note: l.note.clone().unwrap_or_default(),
                first_visit: l.first_visit.unwrap_or(false),
                attendance: l.attendance.clone().unwrap_or_default(),
                attendance_note: l.attendance_note.clone().unwrap_or_default(),
            }),
        })
        .collect();
    let assignable: Vec<(i64, String)> = if manages {
        state
            .store
            .professionals()
            .await?
            .into_iter()
            .filter_map(|p| {
                let profession = Profession::parse(&p.profession).ok()?;
                p.active.then(|| {
                    (
                        p.id,
                        format!("{}（{}）", p.name, profession_label(profession, Lang::Ja)),
                    )
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    state
        .audit(
            &caller.member,
            "view_day_sheet",
            &format!("session {id}"),
            "",
        )
        .await?;
    Ok(page(
        &SheetPage {
            session_id: id,
            when: format_date(to_jst(session.starts_at).date_naive(), Lang::Ja),
            month: to_jst(session.starts_at).format("%Y-%m").to_string(),
            venue: session.venue.clone(),
            lawyer: session.lawyer.clone().unwrap_or_else(|| "未定".into()),
            psychologist: session
                .psychologist
                .clone()
                .unwrap_or_else(|| "未定".into()),
            manages,
            lines,
            attendance_options: vec![
                ("attended", "来所"),
                ("no_show", "無断欠席"),
                ("late_cancel", "直前キャンセル"),
            ],
            assignable,
            start: format_time(session.starts_at),
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(&caller),
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/bookings/{id}/attendance` (form).
pub async fn attendance(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::record_attendance(
        &state,
        &caller.member,
        id,
        &field(&pairs, "status"),
        &field(&pairs, "note"),
    )
    .await?;
    let session = field(&pairs, "session_id");
    let back = if session.chars().all(|c| c.is_ascii_digit()) && !session.is_empty() {
        format!("/staff/sessions/{session}")
    } else {
        "/staff".into()
    };
    Ok(Redirect::to(&back).into_response())
}

fn csv_cell(text: &str) -> String {
    // Quote every cell; a leading = + - @ is neutralised so that a spreadsheet
    // does not read it as a formula.
    let safe = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

/// `GET /staff/export.csv?from=YYYY-MM-DD&to=YYYY-MM-DD` (to excluded): UTF-8
/// with a BOM, so that Excel opens Japanese correctly.
pub async fn export(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let date = |k: &'static str| {
        q.get(k)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .ok_or(crate::web::error::invalid(
                k,
                crate::domain::FieldError::Choice,
            ))
    };
    let (from, to) = (date("from")?, date("to")?);
    let rows = state
        .store
        .export_bookings(
            jst_instant(from, NaiveTime::MIN),
            jst_instant(to, NaiveTime::MIN),
        )
        .await?;
    let mut out = String::from("\u{feff}");
    out += "予約番号,日時,相談員,状態,出欠,氏名,フリガナ,電話番号,メールアドレス,年代,相談内容,受付者\r\n";
    for r in &rows {
        let cells = [
            r.id.to_string(),
            format_datetime(r.starts_at, Lang::Ja),
            Profession::parse(&r.profession)
                .map(|p| profession_label(p, Lang::Ja))
                .unwrap_or("")
                .to_string(),
            if r.status == "confirmed" {
                "予約"
            } else {
                "キャンセル"
            }
            .to_string(),
            match r.attendance.as_deref() {
                Some("attended") => "来所",
                Some("no_show") => "無断欠席",
                Some("late_cancel") => "直前キャンセル",
                _ => "",
            }
            .to_string(),
            r.name.clone(),
            r.name_kana.clone(),
            r.phone.clone(),
            r.email.clone(),
            crate::domain::AgeBand::parse(&r.age_band)
                .map(|a| age_band_label(a, Lang::Ja))
                .unwrap_or("")
                .to_string(),
            crate::domain::Topic::parse(&r.topic)
                .map(|t| topic_label(t, Lang::Ja))
                .unwrap_or("")
                .to_string(),
            r.acted_by.clone().unwrap_or_default(),
        ];
        out += &cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",");
        out += "\r\n";
    }
    state
        .audit(
            &caller.member,
            "export",
            &format!("bookings {from}..{to}"),
            &format!("{} rows", rows.len()),
        )
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"bookings-{from}-{to}.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        out,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    who: Option<String>,
    csrf: String,
    q: String,
    entries: Vec<(String, String, String, String, String)>,
}

/// `GET /staff/audit?q=…`: search the audit log (admin only).
pub async fn audit(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let query: String = q
        .get("q")
        .map(|s| s.chars().take(100).collect())
        .unwrap_or_default();
    let entries = state
        .store
        .audit_search(&query, 200)
        .await?
        .into_iter()
        .map(|e| {
            (
                format_datetime(e.at, Lang::Ja),
                e.actor,
                e.action,
                e.subject,
                e.detail,
            )
        })
        .collect();
    Ok(page(
        &AuditPage {
            q: query,
            entries,
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(&caller),
        },
        StatusCode::OK,
    ))
}

fn back_to(session: i64) -> Response {
    Redirect::to(&format!("/staff/sessions/{session}")).into_response()
}

/// `POST /staff/sessions/{id}/assign` (form): one professional to the evening.
pub async fn assign(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    let professional: i64 = field(&pairs, "professional").parse().map_err(|_| {
        crate::web::error::invalid("professional", crate::domain::FieldError::Choice)
    })?;
    office::assign(&state, &caller.member, id, professional, None).await?;
    Ok(back_to(id))
}

fn form_date(pairs: &[(String, String)]) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(field(pairs, "date").trim(), "%Y-%m-%d")
        .map_err(|_| crate::web::error::invalid("date", crate::domain::FieldError::Choice))
}

fn form_time(pairs: &[(String, String)]) -> Result<Option<NaiveTime>, AppError> {
    match field(pairs, "start").trim() {
        "" => Ok(None),
        t => NaiveTime::parse_from_str(t, "%H:%M")
            .map(Some)
            .map_err(|_| crate::web::error::invalid("start", crate::domain::FieldError::Choice)),
    }
}

/// `POST /staff/sessions/{id}/move` (form): everyone booked is told.
pub async fn move_session(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::move_session(
        &state,
        &caller.member,
        id,
        form_date(&pairs)?,
        form_time(&pairs)?,
    )
    .await?
    .ok_or(AppError::Conflict("session_not_movable"))?;
    Ok(back_to(id))
}

/// `POST /staff/sessions/{id}/cancel` (form): everyone booked is told.
pub async fn cancel_session(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::cancel_session(&state, &caller.member, id)
        .await?
        .ok_or(AppError::Conflict("session_not_scheduled"))?;
    Ok(back_to(id))
}

/// `POST /staff/sessions` (form): a one-off evening.
pub async fn add_session(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = office::add_session(
        &state,
        &caller.member,
        form_date(&pairs)?,
        form_time(&pairs)?,
    )
    .await?
    .ok_or(crate::web::error::invalid(
        "date",
        crate::domain::FieldError::Choice,
    ))?;
    Ok(back_to(id))
}

/// `POST /staff/schedule/generate` (form).
pub async fn generate(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let months = field(&pairs, "months").trim().parse().unwrap_or(0);
    office::generate(&state, &caller.member, months).await?;
    Ok(Redirect::to("/staff").into_response())
}

#[derive(Template)]
#[template(path = "staff/professionals.html")]
struct ProfessionalsPage {
    who: Option<String>,
    csrf: String,
    list: Vec<crate::store::ProfessionalRecord>,
}

/// `GET /staff/professionals`: the list of professionals.
pub async fn professionals(
    State(state): State<AppState>,
    Manager(caller): Manager,
) -> Result<Response, AppError> {
    let mut list = state.store.professionals().await?;
    for p in &mut list {
        p.profession = match p.profession.as_str() {
            "lawyer" => "弁護士",
            "psychologist" => "臨床心理士",
            _ => "産業医",
        }
        .to_string();
    }
    Ok(page(
        &ProfessionalsPage {
            list,
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(&caller),
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/professionals` (form): adds one.
pub async fn add_professional(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let text = |k: &str| field(&pairs, k);
    office::add_professional(
        &state,
        &caller.member,
        &text("name"),
        &text("profession"),
        &text("organisation"),
        &text("contact"),
    )
    .await?;
    Ok(Redirect::to("/staff/professionals").into_response())
}

/// `POST /staff/professionals/{id}/active` (form): rests or restores one.
pub async fn professional_active(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    office::set_professional_active(&state, &caller.member, id, field(&pairs, "active") == "yes")
        .await?;
    Ok(Redirect::to("/staff/professionals").into_response())
}

/// `GET /staff/book/{slot_id}`: the booking form, for a booking taken by phone.
pub async fn phone_form(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(slot_id): Path<String>,
) -> Result<Response, AppError> {
    let slot = super::booking::bookable_slot(&state, &slot_id).await?;
    crate::service::booking::check_bookable(&state, &slot, state.clock.now())?;
    let pair = super::booking::pair_slots(&state, &slot).await?;
    let mut form = super::booking::book_page(
        &state,
        &slot,
        &pair,
        None,
        &Default::default(),
        &Default::default(),
    );
    form.action = format!("/staff/book/{}", slot.id);
    form.csrf = caller.csrf.clone();
    Ok(page(&form, StatusCode::OK))
}

/// `POST /staff/book/{slot_id}`: books on the caller's behalf, recording who did.
pub async fn phone_book(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(slot_id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let slot = super::booking::bookable_slot(&state, &slot_id).await?;
    let (input, also) = super::booking::form_input(&pairs);
    let request = crate::service::booking::BookRequest {
        slot_ids: std::iter::once(slot.id).chain(also).collect(),
        input: &input,
        errors: Default::default(),
        lang: Lang::Ja,
        acted_by: Some(caller.name.clone()),
    };
    match crate::service::booking::book(&state, request).await {
        Ok(booked) => {
            let subject = format!("booking {}", booked.ids[0]);
            state
                .audit(&caller.member, "book_for_caller", &subject, "")
                .await?;
            Ok(Redirect::to(&format!("/staff/sessions/{}", slot.session_id)).into_response())
        }
        Err(crate::service::booking::BookError::Invalid(errors)) => {
            let pair = super::booking::pair_slots(&state, &slot).await?;
            let mut form = super::booking::book_page(&state, &slot, &pair, also, &input, &errors);
            form.action = format!("/staff/book/{}", slot.id);
            form.csrf = caller.csrf.clone();
            Ok(page(&form, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /staff/series` (form): the series rule for evenings created from now on.
pub async fn set_series(
    State(state): State<AppState>,
    Manager(caller): Manager,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let week: u8 = field(&pairs, "week_of_month").trim().parse().map_err(|_| {
        crate::web::error::invalid("week_of_month", crate::domain::FieldError::Choice)
    })?;
    let (weekday, start) = (field(&pairs, "weekday"), field(&pairs, "start"));
    crate::service::schedule::set_series(&state, weekday.trim(), week, start.trim(), &caller.name)
        .await
        .map_err(|_| crate::web::error::invalid("weekday", crate::domain::FieldError::Choice))?;
    let detail = format!("week {week} {weekday} {start}");
    state
        .audit(&caller.member, "set_series", "schedule", &detail)
        .await?;
    Ok(Redirect::to("/staff").into_response())
}

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct AccountsPage {
    who: Option<String>,
    csrf: String,
    error: Option<String>,
    accounts: Vec<crate::store::StaffListing>,
    professionals: Vec<(i64, String)>,
}

async fn accounts_page(
    state: &AppState,
    caller: &StaffCaller,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut accounts = state.store.staff_listing().await?;
    for a in &mut accounts {
        a.role = role_label(
            crate::domain::staff::Role::parse(&a.role)
                .unwrap_or(crate::domain::staff::Role::Professional),
        )
        .to_string();
    }
    let professionals = state
        .store
        .professionals()
        .await?
        .into_iter()
        .filter(|p| p.active)
        .map(|p| (p.id, p.name))
        .collect();
    Ok(page(
        &AccountsPage {
            accounts,
            professionals,
            error,
            csrf: caller.csrf.clone().unwrap_or_default(),
            who: who(caller),
        },
        status,
    ))
}

/// `GET /staff/accounts` (admin).
pub async fn accounts(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
) -> Result<Response, AppError> {
    accounts_page(&state, &caller, None, StatusCode::OK).await
}

/// `POST /staff/accounts` (admin, form): a new account.
pub async fn add_account(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let role = crate::domain::staff::Role::parse(&field(&pairs, "role"));
    let professional = field(&pairs, "professional").parse::<i64>().ok();
    let result = match role {
        Some(role) => {
            crate::service::staff::add(
                &state,
                &field(&pairs, "email"),
                &field(&pairs, "name"),
                role,
                professional,
                &field(&pairs, "password"),
            )
            .await
        }
        None => Err(anyhow::anyhow!("role")),
    };
    match result {
        Ok(id) => {
            state
                .audit(&caller.member, "add_staff", &format!("staff {id}"), "")
                .await?;
            Ok(Redirect::to("/staff/accounts").into_response())
        }
        Err(e) => {
            let message = format!("アカウントを追加できませんでした（{e}）。メールアドレス、12文字以上のパスワード、相談員の場合は名簿の相談員を確認してください。");
            accounts_page(
                &state,
                &caller,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /staff/accounts/{id}/active` (admin, form).
pub async fn account_active(
    State(state): State<AppState>,
    crate::web::Admin(caller): crate::web::Admin,
    Path(id): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    check_csrf(&caller, &pairs)?;
    let id = parse_id(&id)?;
    let active = field(&pairs, "active") == "yes";
    if caller.member.id == Some(id) && !active {
        return Err(AppError::Conflict("cannot_close_own_account"));
    }
    if !state.store.set_staff_active(id, active).await? {
        return Err(AppError::NotFound);
    }
    state
        .audit(
            &caller.member,
            "staff_active",
            &format!("staff {id}"),
            &active.to_string(),
        )
        .await?;
    Ok(Redirect::to("/staff/accounts").into_response())
}
