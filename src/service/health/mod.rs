//! 産業保健センター: a business's request and its status page; what the
//! centre's staff do with the queue, the doctors' blocks and the scheduling
//! assistant is in [`office`], and the roster, attendance, follow-up and
//! figures in [`outcome`] (each step with its audit line).

use crate::config::Settings;
use crate::domain::booking::keep;
use crate::domain::health::figures::{self, MonthFigures, Seen};
use crate::domain::health::request::{
    parse_count, parse_date, weekday_code, Eligibility, HealthInput, Ineligible, Preferences,
};
use crate::domain::health::{self, DueFlag, Place, Proposal, ServiceKind};
use crate::domain::time::{jst_instant, to_jst};
use crate::domain::token::Token;
use crate::domain::values::{bounded, normalize_text, Email, PersonName, PhoneNumber};
use crate::domain::{FieldError, FieldErrors, Lang};
use crate::mail::calendar::Calendar;
use crate::mail::health::{
    status_url, HealthMail, MailInterview, HEALTH_ACCEPTED, HEALTH_CLOSED, HEALTH_DECLINED,
    HEALTH_PROPOSED, HEALTH_RECEIVED, HEALTH_REQUEUED, HEALTH_WITHDRAWN,
};
use crate::state::AppState;
use crate::store::{
    request_number, BlockRecord, HealthRequestRecord, HealthServiceRecord, InterviewRecord,
    NewBlock, NewHealthRequest, NewInterview, StaffMember, StoreError,
};
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The workplace is not the centre's to serve; where to go instead.
    #[error("not eligible")]
    Ineligible(FieldErrors, Ineligible, Referral),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for HealthError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => HealthError::NotFound,
            StoreError::Conflict(what) => HealthError::Conflict(match what {
                "health_blocks_no_overlap" | "health_interviews_no_overlap" => "doctor_busy",
                "health_interviews_one_per_time"
                | "health_interviews_one_visit"
                | "health_blocks_capacity"
                | "health_blocks_length" => "block_full",
                "health_interviews_one_per_request" => "request_not_waiting",
                other => other,
            }),
            other => HealthError::Internal(other.into()),
        }
    }
}

pub use crate::domain::health::Referral;

fn invalid(field: &'static str, e: FieldError) -> HealthError {
    HealthError::Invalid(FieldErrors::from([(field, e)]))
}

pub fn eligibility(settings: &Settings) -> Eligibility {
    Eligibility {
        area: settings.health.area.clone(),
        area_en: settings.health.area_en.clone(),
        max_workers: settings.health.max_workers,
    }
}

fn today(state: &AppState) -> NaiveDate {
    to_jst(state.clock.now()).date_naive()
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("day 1")
}

/// A request just received.
#[derive(Debug)]
pub struct Submitted {
    pub id: i64,
    pub number: String,
    pub position: usize,
    pub estimated_month: String,
    /// The legal due date (法令上の期限), if the request has one.
    pub due_on: Option<NaiveDate>,
    /// The expected month is later than the due date.
    pub estimate_late: bool,
    pub manage_url: String,
}

/// Workplaces the centre serves in a month: the last three months'
/// average, or the configured figure without history.
async fn per_month(state: &AppState) -> Result<u32, HealthError> {
    let this_month = month_start(today(state));
    let starts: Vec<DateTime<Utc>> = (1..=3)
        .rev()
        .map(|back| this_month - Months::new(back))
        .chain([this_month])
        .map(|d| jst_instant(d, NaiveTime::MIN))
        .collect();
    let served = state.store.health_served_per_month(&starts).await?;
    Ok(figures::throughput(
        &served,
        state.settings.health.per_month,
    ))
}

/// The doctors' blocks of the coming year, as the estimate sees them.
async fn coming_blocks(state: &AppState) -> Result<Vec<health::Block>, HealthError> {
    let today = today(state);
    Ok(state
        .store
        .health_blocks(today, today + Months::new(12))
        .await?
        .iter()
        .map(BlockRecord::free)
        .collect())
}

/// `2027-02`.
fn month_code((y, m): (i32, u32)) -> String {
    format!("{y:04}-{m:02}")
}

/// The month request `subject` can expect its turn, among the waiting
/// requests `pending` (see [`health::forecast`]: the doctors' blocks
/// already entered, then the recent throughput).
pub async fn estimate(
    state: &AppState,
    subject: i64,
    pending: &[health::Pending],
) -> Result<(i32, u32), HealthError> {
    let blocks = coming_blocks(state).await?;
    Ok(health::forecast(
        subject,
        pending,
        &blocks,
        today(state),
        per_month(state).await?,
    ))
}

/// The estimate of every waiting request at once.
async fn estimates(
    state: &AppState,
    pending: &[health::Pending],
) -> Result<HashMap<i64, (i32, u32)>, HealthError> {
    let blocks = coming_blocks(state).await?;
    Ok(health::forecast_all(
        pending,
        &blocks,
        today(state),
        per_month(state).await?,
    ))
}

/// The waiting requests as the assistant sees them.
async fn waiting_pending(state: &AppState) -> Result<Vec<health::Pending>, HealthError> {
    Ok(state
        .store
        .health_requests_open()
        .await?
        .iter()
        .filter(|r| r.status == "waiting")
        .map(HealthRequestRecord::pending)
        .collect())
}

/// A business's request: checked, given its due date, position and
/// estimate, stored with its mail.
pub async fn submit(
    state: &AppState,
    input: &HealthInput,
    lang: Lang,
) -> Result<Submitted, HealthError> {
    let today = today(state);
    let details = input
        .validate(&eligibility(&state.settings), today)
        .map_err(|r| match r.ineligible {
            Some(why) => {
                let h = &state.settings.health;
                let to = Referral {
                    name: h.refer_name.clone(),
                    name_en: h.refer_name_en.clone(),
                    phone: h.refer_phone.clone(),
                };
                HealthError::Ineligible(r.fields, why, to)
            }
            None => HealthError::Invalid(r.fields),
        })?;
    let rules = state.settings.health.rules();
    let (interviews, minutes) = rules.workload(&details.services);
    let token = Token::generate();
    let request = NewHealthRequest {
        token_hash: token.hash(),
        business_name: details.business_name.clone(),
        address: details.address.clone(),
        workers: details.workers,
        industry: details.industry.clone(),
        contact_name: details.contact_name.as_str().to_string(),
        phone: details.phone.as_str().to_string(),
        email: details.email.as_str().to_string(),
        place: details.place,
        weekdays: details
            .weekdays
            .iter()
            .map(|d| weekday_code(*d))
            .collect::<Vec<_>>()
            .join(","),
        time_of_day: details.time_of_day,
        preferred_note: details.preferred_note.clone(),
        lang: lang.code().to_string(),
        received_on: today,
        due_on: rules.request_due(&details.services, today),
        interviews,
        minutes,
        services: details.services.clone(),
    };
    // The estimate for the place the request is about to take (the exact
    // place is decided inside the store's transaction).
    let mut pending = waiting_pending(state).await?;
    let (weekdays, time_of_day) = (details.weekdays.clone(), details.time_of_day);
    pending.push(health::Pending {
        queued: health::Queued {
            id: i64::MAX,
            seq: i64::MAX,
            due: request.due_on,
            moved_to: None,
        },
        place: details.place,
        weekdays,
        time_of_day,
        interviews,
        minutes,
    });
    let expected = estimate(state, i64::MAX, &pending).await?;
    let estimate_late = health::estimate_after_due(expected, request.due_on);
    let estimated_month = month_code(expected);
    let settings = state.settings.clone();
    let month = estimated_month.clone();
    let mail = |id: i64, position: usize| {
        HealthMail {
            lang,
            business_name: request.business_name.clone(),
            contact_name: request.contact_name.clone(),
            number: request_number(today, id),
            token: Some(token.as_str().to_string()),
            position: Some(position),
            estimated_month: Some(month),
            due_on: request.due_on,
            estimate_late,
            ..Default::default()
        }
        .queue(HEALTH_RECEIVED, &request.email, &settings)
    };
    let (id, position) = state
        .store
        .create_health_request(&request, mail, state.clock.now())
        .await?;
    state.mail_wakeup.notify_one();
    Ok(Submitted {
        id,
        number: request_number(today, id),
        position,
        estimated_month,
        due_on: request.due_on,
        estimate_late,
        manage_url: status_url(&state.settings, token.as_str()),
    })
}

/// A request as its status page and the staff queue show it.
#[derive(Debug, Clone)]
pub struct RequestView {
    pub request: HealthRequestRecord,
    pub services: Vec<HealthServiceRecord>,
    /// Place in the queue, while waiting.
    pub position: Option<usize>,
    pub estimated_month: Option<String>,
    /// The expected month (while waiting) or the interview (once proposed)
    /// is later than the legal due date: the business is told so, and
    /// staff see the request at the top of the queue.
    pub late: bool,
    pub interview: Option<InterviewRecord>,
    pub flag: DueFlag,
}

async fn view(state: &AppState, request: HealthRequestRecord) -> Result<RequestView, HealthError> {
    let services = state.store.health_services(Some(request.id)).await?;
    let interview = state.store.live_interview(request.id).await?;
    let (position, expected) = if request.status == "waiting" {
        let pending = waiting_pending(state).await?;
        let queue = pending.iter().map(|p| p.queued.clone()).collect();
        let p = health::position(queue, request.id);
        (Some(p), Some(estimate(state, request.id, &pending).await?))
    } else {
        (None, None)
    };
    let late = match (&expected, &interview) {
        (Some(month), _) => health::estimate_after_due(*month, request.due_on),
        (None, Some(i)) if request.status != "withdrawn" => request
            .due_on
            .is_some_and(|d| to_jst(i.starts_at).date_naive() > d),
        _ => false,
    };
    let estimated_month = expected.map(month_code);
    let flag = if matches!(request.status.as_str(), "waiting" | "proposed") {
        state
            .settings
            .health
            .rules()
            .flag(request.due_on, today(state))
    } else {
        DueFlag::None
    };
    Ok(RequestView {
        request,
        services,
        position,
        estimated_month,
        late,
        interview,
        flag,
    })
}

/// The request a status-page token opens.
pub async fn status(state: &AppState, token: &str) -> Result<RequestView, HealthError> {
    let token = Token::parse(token).ok_or(HealthError::NotFound)?;
    let request = state.store.health_request_by_token(&token.hash()).await?;
    view(state, request).await
}

fn mail_of(
    r: &HealthRequestRecord,
    link: Option<&Token>,
    interview: Option<MailInterview>,
) -> HealthMail {
    HealthMail {
        lang: Lang::parse(&r.lang).unwrap_or(Lang::Ja),
        business_name: r.business_name.clone(),
        contact_name: r.contact_name.clone(),
        number: r.number(),
        token: link.map(|t| t.as_str().to_string()),
        interview,
        ..Default::default()
    }
}

/// The calendar UID of an interview: from the request's token hash and the
/// interview's id, stable and meaningless to anyone else.
fn interview_uid(state: &AppState, r: &HealthRequestRecord, i: &InterviewRecord) -> String {
    let domain = state
        .settings
        .mail
        .from_address
        .rsplit_once('@')
        .map_or("tsunagu.invalid", |(_, d)| d);
    crate::mail::calendar::uid(&r.token_hash, i.id as usize, domain)
}

fn mail_interview(i: &InterviewRecord, proposed: bool) -> MailInterview {
    MailInterview {
        id: i.id,
        starts_at: i.starts_at,
        ends_at: i.ends_at,
        visit: i.visit,
        doctor: i.doctor_name.clone(),
        proposed,
    }
}

/// New contact details from the status page.
pub async fn update_contact(
    state: &AppState,
    token: &str,
    contact_name: &str,
    phone: &str,
    email: &str,
) -> Result<(), HealthError> {
    let current = status(state, token).await?;
    let mut errors = FieldErrors::new();
    let name = keep(&mut errors, "contact_name", PersonName::parse(contact_name));
    let phone = keep(&mut errors, "phone", PhoneNumber::parse(phone));
    let email = keep(&mut errors, "email", Email::parse(email));
    let (Some(name), Some(phone), Some(email)) = (name, phone, email) else {
        return Err(HealthError::Invalid(errors));
    };
    if !state
        .store
        .update_health_contact(
            current.request.id,
            name.as_str(),
            phone.as_str(),
            email.as_str(),
            state.clock.now(),
        )
        .await?
    {
        return Err(HealthError::Conflict("withdrawn"));
    }
    Ok(())
}

/// The business withdraws its request.
pub async fn withdraw(state: &AppState, token: &str) -> Result<(), HealthError> {
    let current = status(state, token).await?;
    let r = &current.request;
    let mut mail = mail_of(r, None, None);
    // An accepted date was in the business's calendar: take it out.
    if let Some(i) = current
        .interview
        .as_ref()
        .filter(|i| i.status == "accepted")
    {
        mail.interview = Some(mail_interview(i, false));
        mail.calendar = Some(Calendar::cancel(
            vec![interview_uid(state, r, i)],
            state.clock.now(),
        ));
    }
    let mail = mail.queue(HEALTH_WITHDRAWN, &r.email, &state.settings);
    if !state
        .store
        .withdraw_health_request(r.id, &mail, state.clock.now())
        .await?
    {
        return Err(HealthError::Conflict("withdrawn"));
    }
    state.mail_wakeup.notify_one();
    Ok(())
}

/// What a business sends when it asks for another date: the weekdays,
/// time of day and note that would suit (as typed; `None`: keep the
/// request's preferences).
#[derive(Debug, Clone, Default)]
pub struct PreferencesInput {
    pub weekdays: Vec<String>,
    pub time: String,
    pub note: String,
}

impl PreferencesInput {
    fn parse(&self) -> Result<Preferences, HealthError> {
        let mut errors = FieldErrors::new();
        Preferences::parse(&self.weekdays, &self.time, &self.note, &mut errors)
            .ok_or(HealthError::Invalid(errors))
    }
}

/// The business accepts the proposed date, or asks for another (keeping
/// its place), perhaps saying which weekdays and times would suit: the
/// assistant then follows those.
pub async fn answer(
    state: &AppState,
    token: &str,
    accept: bool,
    preferences: Option<&PreferencesInput>,
) -> Result<(), HealthError> {
    let preferences = match preferences.filter(|_| !accept) {
        Some(p) => Some(p.parse()?),
        None => None,
    };
    let current = status(state, token).await?;
    answer_request(state, current, accept, preferences.as_ref()).await
}

/// Accepts or releases a request's proposed interview, with its mail.
async fn answer_request(
    state: &AppState,
    current: RequestView,
    accept: bool,
    preferences: Option<&Preferences>,
) -> Result<(), HealthError> {
    let r = &current.request;
    let Some(interview) = current.interview.filter(|i| i.status == "proposed") else {
        return Err(HealthError::Conflict("no_proposal"));
    };
    let link = Token::generate();
    let (kind, shown) = if accept {
        (HEALTH_ACCEPTED, Some(mail_interview(&interview, false)))
    } else {
        (HEALTH_DECLINED, None)
    };
    let mut mail = mail_of(r, Some(&link), shown);
    if accept {
        mail.calendar = Some(Calendar::request(
            vec![interview_uid(state, r, &interview)],
            state.clock.now(),
        ));
    }
    let mail = mail.queue(kind, &r.email, &state.settings);
    if !state
        .store
        .answer_interview(
            r.id,
            accept,
            preferences,
            Some(&link.hash()),
            &mail,
            state.clock.now(),
        )
        .await?
    {
        return Err(HealthError::Conflict("no_proposal"));
    }
    state.mail_wakeup.notify_one();
    Ok(())
}

mod office;
mod outcome;
pub use office::*;
pub use outcome::*;
