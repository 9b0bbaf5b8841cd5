//! Staff pages of the health centre (事務局): the queue with due dates,
//! moves and answers taken by phone, the doctors' roster with attendance and
//! the follow-up of a no-show, and the figures; the blocks and the
//! scheduling assistant are in `planning`. Forms carry the sign-in's CSRF
//! token; roles are decided by the extractors.

use super::staff::{field, StaffFrame};
use super::{between, page};
use crate::domain::health::DueFlag;
use crate::domain::time::{format_time, to_jst};
use crate::domain::Lang;
use crate::i18n::dates::{format_date, format_datetime, format_month};
use crate::i18n::{field_message, health_conflict, service_kind_short};
use crate::service::health::{self as service, Appointment, BlockInput, HealthError};
use crate::service::office::month_bounds;
use crate::state::AppState;
use crate::store::StaffMember;
use crate::web::error::AppError;
use crate::web::{parse_id, Manager, StaffCaller, StaffForm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};
use std::collections::HashMap;

mod planning;
pub use planning::{add_block, blocks, confirm, schedule};

/// A month `YYYY-MM` in words (「2027年1月」); as it is if it does not read.
fn month_words(month: &str, lang: Lang) -> String {
    month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)))
        .map(|(y, m)| format_month(y, m, lang))
        .unwrap_or_else(|| month.to_string())
}

fn this_month(state: &AppState) -> String {
    to_jst(state.clock.now()).format("%Y-%m").to_string()
}

/// The doctors' interview days of a month, as the roster shows them: every
/// doctor's for the office, a doctor's own for a doctor.
pub async fn doctor_days(
    state: &AppState,
    member: &StaffMember,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    lang: Lang,
) -> Result<Vec<(String, String, usize)>, AppError> {
    if !member.role.manages() && member.professional_id.is_none() {
        return Ok(Vec::new());
    }
    let (interviews, _) = service::roster(state, member, from, to).await?;
    let mut days: Vec<(NaiveDate, String, usize)> = Vec::new();
    for i in &interviews {
        let day = to_jst(i.starts_at).date_naive();
        match days
            .iter_mut()
            .find(|(d, n, _)| *d == day && *n == i.doctor_name)
        {
            Some(entry) => entry.2 += 1,
            None => days.push((day, i.doctor_name.clone(), 1)),
        }
    }
    Ok(days
        .into_iter()
        .map(|(d, n, c)| (format_date(d, lang), n, c))
        .collect())
}

struct QueueRow {
    id: i64,
    /// A date is proposed: staff may take the business's answer by phone.
    proposed: bool,
    number: String,
    business: String,
    services: String,
    place: &'static str,
    received: String,
    due: String,
    flag: &'static str,
    status: &'static str,
    position: String,
    moved: String,
    /// The month the business was told to expect (while waiting).
    expected: String,
    /// That month is later than the due date: shown at the top of the queue.
    late: bool,
    contact: String,
    phone: String,
}

#[derive(Template)]
#[template(path = "staff/health_queue.html")]
struct QueuePage {
    c: StaffFrame,
    rows: Vec<QueueRow>,
    /// The choices of 「電話で別日程の希望を受けた」: (code, label, chosen).
    weekdays: Vec<(&'static str, &'static str, bool)>,
    times: Vec<(&'static str, &'static str, bool)>,
}

impl QueuePage {
    /// The requests whose estimate is later than their due date, in queue order.
    fn late(&self) -> Vec<&QueueRow> {
        self.rows.iter().filter(|r| r.late).collect()
    }
}

/// `GET /staff/health`: the queue in order, with due dates and flags.
pub async fn queue(
    State(state): State<AppState>,
    Manager(caller): Manager,
) -> Result<Response, AppError> {
    let lines = service::queue(&state, &caller.member).await?;
    let c = StaffFrame::new(&caller);
    let (t, lang) = (c.t, c.lang);
    let rows = lines
        .iter()
        .map(|v| {
            let r = &v.request;
            QueueRow {
                id: r.id,
                proposed: r.status == "proposed",
                number: r.number(),
                business: r.business_name.clone(),
                services: v
                    .services
                    .iter()
                    .map(|s| t.staff_health_service(service_kind_short(s.kind(), lang), s.workers))
                    .collect::<Vec<_>>()
                    .join(t.staff_list_comma),
                place: if r.place == "visit" {
                    t.staff_health_visit
                } else {
                    t.staff_health_comes
                },
                received: format_date(r.received_on, lang),
                due: r
                    .due_on
                    .map(|d| format_date(d, lang))
                    .unwrap_or_else(|| t.staff_health_no_due.into()),
                flag: match v.flag {
                    DueFlag::Overdue => t.staff_health_overdue,
                    DueFlag::DueSoon => t.staff_health_due_soon,
                    DueFlag::None => "",
                },
                status: match r.status.as_str() {
                    "waiting" => t.staff_health_waiting,
                    "proposed" => t.staff_health_proposed,
                    _ => t.staff_health_scheduled,
                },
                position: v.position.map(|p| p.to_string()).unwrap_or_default(),
                expected: v
                    .estimated_month
                    .as_deref()
                    .map(|m| t.staff_health_expected(month_words(m, lang)))
                    .unwrap_or_default(),
                late: v.late,
                contact: r.contact_name.clone(),
                phone: r.phone.clone(),
                moved: match (&r.moved_to, &r.move_reason) {
                    (Some(d), Some(reason)) => t.staff_health_moved(format_date(*d, lang), reason),
                    _ => String::new(),
                },
            }
        })
        .collect();
    Ok(page(
        &QueuePage {
            rows,
            weekdays: crate::web::pages::health::weekday_choices(&[], lang),
            times: crate::web::pages::health::time_choices("", lang),
            c,
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/health/requests/{id}/move`.
pub async fn move_request(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    service::move_request(
        &state,
        &caller.member,
        id,
        &field(&pairs, "to"),
        &field(&pairs, "reason"),
    )
    .await?;
    Ok(Redirect::to("/staff/health").into_response())
}

/// `POST /staff/health/requests/{id}/answer` (`answer`: `accept` or
/// `decline`): the business answered the proposed date by phone.
pub async fn answer_for(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let accept = match field(&pairs, "answer").as_str() {
        "accept" => true,
        "decline" => false,
        _ => {
            return Err(crate::web::error::invalid(
                "answer",
                crate::domain::FieldError::Choice,
            ))
        }
    };
    let (asked, preferred) = crate::web::pages::health::status::preferences_in(&pairs);
    service::answer_for(
        &state,
        &caller.member,
        id,
        accept,
        asked.then_some(&preferred),
    )
    .await?;
    Ok(Redirect::to("/staff/health").into_response())
}

fn month_of(
    state: &AppState,
    q: &HashMap<String, String>,
) -> Result<(String, NaiveDate, DateTime<Utc>, DateTime<Utc>), AppError> {
    let month = q.get("month").cloned().unwrap_or_else(|| this_month(state));
    let (from, to) = month_bounds(&month)?;
    Ok((month, to_jst(from).date_naive(), from, to))
}

struct InterviewRow {
    id: i64,
    request_id: i64,
    /// Recorded as not having taken place, the request still scheduled:
    /// staff put it back in the queue or close it.
    follow_up: bool,
    /// Begun and accepted: staff record whether it took place.
    recordable: bool,
    attended: &'static str,
    when: String,
    doctor: String,
    business: String,
    place: String,
    workers: i64,
    status: &'static str,
    /// The business's contact person and phone: for the office only, never a doctor.
    contact: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "staff/health_roster.html")]
struct RosterPage {
    c: StaffFrame,
    month: String,
    month_label: String,
    prev: String,
    next: String,
    manages: bool,
    rows: Vec<InterviewRow>,
}

/// `GET /staff/health/roster?month=`: the doctors' interviews; a doctor sees their own only.
pub async fn roster(
    State(state): State<AppState>,
    caller: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (month, first, from, to) = month_of(&state, &q)?;
    let manages = caller.member.role.manages();
    let c = StaffFrame::new(&caller);
    let (t, lang) = (c.t, c.lang);
    let rows = if manages || caller.member.professional_id.is_some() {
        let (interviews, _) = service::roster(&state, &caller.member, from, to).await?;
        interviews
            .iter()
            .map(|i| InterviewRow {
                id: i.id,
                request_id: i.request_id,
                follow_up: manages
                    && i.status == "accepted"
                    && i.attended == Some(false)
                    && i.request_status == "scheduled",
                recordable: manages && i.status == "accepted" && i.starts_at <= state.clock.now(),
                attended: match i.attended {
                    Some(true) => t.staff_health_took_place,
                    Some(false) => t.staff_health_did_not_take_place,
                    None => "",
                },
                when: between(
                    format_datetime(i.starts_at, lang),
                    format_time(i.ends_at),
                    lang,
                ),
                doctor: i.doctor_name.clone(),
                business: i.business_name.clone(),
                place: if i.visit {
                    t.staff_health_visit_at(&i.address)
                } else {
                    t.staff_health_centre.into()
                },
                workers: i.interviews,
                contact: manages.then(|| (i.contact_name.clone(), i.phone.clone())),
                status: match (i.status.as_str(), i.request_status.as_str()) {
                    ("accepted", _) => t.staff_health_accepted,
                    ("proposed", _) => t.staff_health_awaiting_answer,
                    (_, "withdrawn") => t.staff_health_request_closed,
                    _ => t.staff_health_requeued,
                },
            })
            .collect()
    } else {
        Vec::new()
    };
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    Ok(page(
        &RosterPage {
            c,
            month,
            month_label: format_month(first.year(), first.month(), lang),
            prev: ym(first - Months::new(1)),
            next: ym(first + Months::new(1)),
            manages,
            rows,
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/health/interviews/{id}/attendance` (`status`, `month` to return to).
pub async fn attendance(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    service::record_attendance(&state, &caller.member, id, &field(&pairs, "status")).await?;
    Ok(back_to_roster(&state, &field(&pairs, "month")))
}

/// `POST /staff/health/requests/{id}/after-no-show` (`outcome`: `requeue`
/// or `close`, `reason`, `month` to return to): after a no-show, the
/// request waits again at its place or is closed; the business is mailed.
pub async fn after_no_show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    service::after_no_show(
        &state,
        &caller.member,
        id,
        &field(&pairs, "outcome"),
        &field(&pairs, "reason"),
    )
    .await?;
    Ok(back_to_roster(&state, &field(&pairs, "month")))
}

/// Back to the roster of a month: the address is built from the parsed
/// month (this month if it does not parse), never from what was sent.
fn back_to_roster(state: &AppState, month: &str) -> Response {
    let month = month_bounds(month)
        .map(|(from, _)| to_jst(from).format("%Y-%m").to_string())
        .unwrap_or_else(|_| this_month(state));
    Redirect::to(&format!("/staff/health/roster?month={month}")).into_response()
}

#[derive(Template)]
#[template(path = "staff/health_figures.html")]
struct FiguresPage {
    c: StaffFrame,
    from: String,
    to: String,
    rows: Vec<crate::domain::health::figures::MonthFigures>,
}

/// `GET /staff/health/figures?from=YYYY-MM&to=YYYY-MM`.
pub async fn figures(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = to_jst(state.clock.now()).date_naive();
    let from = q
        .get("from")
        .cloned()
        .unwrap_or_else(|| (today - Months::new(11)).format("%Y-%m").to_string());
    let to = q
        .get("to")
        .cloned()
        .unwrap_or_else(|| today.format("%Y-%m").to_string());
    let (f, _) = month_bounds(&from)?;
    let (t, _) = month_bounds(&to)?;
    let rows = service::figures(&state, to_jst(f).date_naive(), to_jst(t).date_naive()).await?;
    Ok(page(
        &FiguresPage {
            c: StaffFrame::new(&caller),
            from,
            to,
            rows,
        },
        StatusCode::OK,
    ))
}
