//! 産業保健センター: a business's request and its status page, and what
//! the centre's staff do with the queue, the doctors' blocks and the
//! scheduling assistant. Each staff step writes its audit line.

use crate::config::Settings;
use crate::domain::booking::keep;
use crate::domain::health::figures::{self, MonthFigures, Seen};
use crate::domain::health::request::{
    parse_count, parse_date, weekday_code, Eligibility, HealthInput, Ineligible,
};
use crate::domain::health::{self, DueFlag, Place, Proposal, ServiceKind};
use crate::domain::time::{jst_instant, to_jst};
use crate::domain::token::Token;
use crate::domain::values::{bounded, normalize_text, Email, PersonName, PhoneNumber};
use crate::domain::{FieldError, FieldErrors, Lang};
use crate::mail::health::{
    status_url, HealthMail, MailInterview, HEALTH_ACCEPTED, HEALTH_DECLINED, HEALTH_PROPOSED,
    HEALTH_RECEIVED, HEALTH_WITHDRAWN,
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
                "health_interviews_one_per_time" | "health_interviews_one_visit" => "block_full",
                "health_interviews_one_per_request" => "request_not_waiting",
                other => other,
            }),
            other => HealthError::Internal(other.into()),
        }
    }
}

/// Where a workplace the centre cannot serve is pointed to.
#[derive(Debug, Clone)]
pub struct Referral {
    pub name: String,
    pub name_en: String,
    pub phone: String,
}

fn invalid(field: &'static str, e: FieldError) -> HealthError {
    HealthError::Invalid(FieldErrors::from([(field, e)]))
}

pub fn eligibility(settings: &Settings) -> Eligibility {
    Eligibility {
        area: settings.health.area.clone(),
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

/// The month (`YYYY-MM`) request `subject` can expect its turn, among the
/// waiting requests `pending` (see [`health::forecast`]: the doctors'
/// blocks already entered, then the recent throughput).
pub async fn estimate(
    state: &AppState,
    subject: i64,
    pending: &[health::Pending],
) -> Result<String, HealthError> {
    let today = today(state);
    let blocks: Vec<health::Block> = state
        .store
        .health_blocks(today, today + Months::new(12))
        .await?
        .iter()
        .map(BlockRecord::free)
        .collect();
    let (y, m) = health::forecast(subject, pending, &blocks, today, per_month(state).await?);
    Ok(format!("{y:04}-{m:02}"))
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
    let estimated_month = estimate(state, i64::MAX, &pending).await?;
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
    pub interview: Option<InterviewRecord>,
    pub flag: DueFlag,
}

async fn view(state: &AppState, request: HealthRequestRecord) -> Result<RequestView, HealthError> {
    let services = state.store.health_services(Some(request.id)).await?;
    let interview = state.store.live_interview(request.id).await?;
    let (position, estimated_month) = if request.status == "waiting" {
        let pending = waiting_pending(state).await?;
        let rows: Vec<_> = pending
            .iter()
            .map(|p| (p.queued.id, p.queued.due, p.queued.moved_to))
            .collect();
        let p = crate::store::queue_position(&rows, request.id);
        (Some(p), Some(estimate(state, request.id, &pending).await?))
    } else {
        (None, None)
    };
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
    let mail = mail_of(r, None, None).queue(HEALTH_WITHDRAWN, &r.email, &state.settings);
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

/// The business accepts the proposed date, or asks for another (keeping its place).
pub async fn answer(state: &AppState, token: &str, accept: bool) -> Result<(), HealthError> {
    let current = status(state, token).await?;
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
    let mail = mail_of(r, Some(&link), shown).queue(kind, &r.email, &state.settings);
    if !state
        .store
        .answer_interview(r.id, accept, Some(&link.hash()), &mail, state.clock.now())
        .await?
    {
        return Err(HealthError::Conflict("no_proposal"));
    }
    state.mail_wakeup.notify_one();
    Ok(())
}

/// The queue as staff see it: open requests in order (waiting ones numbered).
/// The view is written to the audit log.
pub async fn queue(state: &AppState, who: &StaffMember) -> Result<Vec<RequestView>, HealthError> {
    audit(state, who, "view_health_queue", "health_queue", "").await?;
    let open = state.store.health_requests_open().await?;
    let services = state.store.health_services(None).await?;
    let mut by_request: HashMap<i64, Vec<HealthServiceRecord>> = HashMap::new();
    for s in services {
        by_request.entry(s.request_id).or_default().push(s);
    }
    let mut queued: Vec<health::Queued> = open.iter().map(HealthRequestRecord::queued).collect();
    health::order(&mut queued);
    let rank: HashMap<i64, usize> = queued.iter().enumerate().map(|(i, q)| (q.id, i)).collect();
    let mut open = open;
    open.sort_by_key(|r| {
        (
            r.status != "waiting",
            rank.get(&r.id).copied().unwrap_or(usize::MAX),
        )
    });
    let rules = state.settings.health.rules();
    let today = today(state);
    let mut position = 0;
    Ok(open
        .into_iter()
        .map(|request| {
            let waiting = request.status == "waiting";
            if waiting {
                position += 1;
            }
            RequestView {
                services: by_request.remove(&request.id).unwrap_or_default(),
                position: waiting.then_some(position),
                estimated_month: None,
                interview: None,
                flag: if request.status == "scheduled" {
                    DueFlag::None
                } else {
                    rules.flag(request.due_on, today)
                },
                request,
            }
        })
        .collect())
}

async fn audit(
    state: &AppState,
    who: &StaffMember,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<(), HealthError> {
    state
        .store
        .audit(who, action, subject, detail, state.clock.now())
        .await?;
    Ok(())
}

/// Staff move a request in the queue (it then sorts as if due `to`; empty
/// puts it back by its own due date), with a reason.
pub async fn move_request(
    state: &AppState,
    who: &StaffMember,
    id: i64,
    to: &str,
    reason: &str,
) -> Result<(), HealthError> {
    let mut errors = FieldErrors::new();
    let to = keep(&mut errors, "to", parse_date(to));
    let reason = keep(&mut errors, "reason", bounded(reason, 200));
    let (Some(to), Some(reason)) = (to, reason) else {
        return Err(HealthError::Invalid(errors));
    };
    if !state
        .store
        .move_health_request(id, to, &reason, state.clock.now())
        .await?
    {
        return Err(HealthError::NotFound);
    }
    let to_text = to.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    audit(
        state,
        who,
        "health_move",
        &format!("health_request {id}"),
        &format!("to {to_text}: {reason}"),
    )
    .await
}

/// A doctor's availability block as staff enter it.
#[derive(Debug, Clone, Default)]
pub struct BlockInput {
    pub doctor_id: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: String,
}

fn parse_time(raw: &str) -> Result<NaiveTime, FieldError> {
    let text = normalize_text(raw);
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| FieldError::Choice)
}

/// Adds a doctor's block. Conflict `health_blocks_no_overlap` when the
/// doctor already has a block at that time.
pub async fn add_block(
    state: &AppState,
    who: &StaffMember,
    input: &BlockInput,
) -> Result<i64, HealthError> {
    let mut errors = FieldErrors::new();
    let doctor_id = keep(
        &mut errors,
        "doctor_id",
        normalize_text(&input.doctor_id)
            .parse::<i64>()
            .map_err(|_| FieldError::NotANumber),
    );
    let date = keep(
        &mut errors,
        "date",
        parse_date(&input.date).and_then(|d| d.ok_or(FieldError::Required)),
    );
    let start = keep(&mut errors, "start", parse_time(&input.start));
    let end = keep(&mut errors, "end", parse_time(&input.end));
    let place = keep(&mut errors, "place", Place::parse(&input.place));
    let capacity = keep(&mut errors, "capacity", parse_count(&input.capacity, 1, 50));
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            errors.insert("end", FieldError::Choice);
        }
    }
    if let Some(d) = date {
        if d < today(state) {
            errors.insert("date", FieldError::Date);
        }
    }
    if let Some(id) = doctor_id {
        let doctors = state.store.professionals().await?;
        if !doctors
            .iter()
            .any(|p| p.id == id && p.profession == "doctor" && p.active)
        {
            errors.insert("doctor_id", FieldError::Choice);
        }
    }
    let (Some(doctor_id), Some(date), Some(start), Some(end), Some(place), Some(capacity), true) = (
        doctor_id,
        date,
        start,
        end,
        place,
        capacity,
        errors.is_empty(),
    ) else {
        return Err(HealthError::Invalid(errors));
    };
    let block = NewBlock {
        doctor_id,
        day: date,
        starts_at: jst_instant(date, start),
        ends_at: jst_instant(date, end),
        place,
        capacity,
        created_by: who.name.clone(),
    };
    let id = state
        .store
        .add_health_block(&block, state.clock.now())
        .await?;
    audit(
        state,
        who,
        "health_block",
        &format!("health_block {id}"),
        &format!("doctor {doctor_id} {date} {start}-{end}"),
    )
    .await?;
    Ok(id)
}

/// A period `from..=to` from text.
pub fn period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), HealthError> {
    let mut errors = FieldErrors::new();
    let from = keep(
        &mut errors,
        "from",
        parse_date(from).and_then(|d| d.ok_or(FieldError::Required)),
    );
    let to = keep(
        &mut errors,
        "to",
        parse_date(to).and_then(|d| d.ok_or(FieldError::Required)),
    );
    match (from, to) {
        (Some(f), Some(t)) if t < f => Err(invalid("to", FieldError::Date)),
        (Some(f), Some(t)) if (t - f).num_days() > 366 => {
            Err(invalid("to", FieldError::Range { min: 1, max: 366 }))
        }
        (Some(f), Some(t)) => Ok((f, t)),
        _ => Err(HealthError::Invalid(errors)),
    }
}

/// What the assistant proposes, with what staff need to judge it.
#[derive(Debug, Clone)]
pub struct ProposalView {
    pub proposal: Proposal,
    pub requests: HashMap<i64, HealthRequestRecord>,
    pub blocks: HashMap<i64, BlockRecord>,
}

/// The assistant's proposal for the blocks dated `from..=to` (nothing is written).
pub async fn propose(
    state: &AppState,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ProposalView, HealthError> {
    let from = from.max(today(state));
    let waiting: Vec<HealthRequestRecord> = state
        .store
        .health_requests_open()
        .await?
        .into_iter()
        .filter(|r| r.status == "waiting")
        .collect();
    let blocks = state.store.health_blocks(from, to).await?;
    let pending: Vec<health::Pending> = waiting.iter().map(HealthRequestRecord::pending).collect();
    let free: Vec<health::Block> = blocks.iter().map(BlockRecord::free).collect();
    let proposal = health::propose(&pending, &free, from, to);
    Ok(ProposalView {
        proposal,
        requests: waiting.into_iter().map(|r| (r.id, r)).collect(),
        blocks: blocks.into_iter().map(|b| (b.id, b)).collect(),
    })
}

/// One appointment to confirm: a request in a block, at a start (default:
/// the block's first free time).
#[derive(Debug, Clone)]
pub struct Appointment {
    pub request_id: i64,
    pub block_id: i64,
    pub start: Option<NaiveTime>,
}

/// An appointment confirmed (and mailed to the business).
#[derive(Debug, Clone)]
pub struct Confirmed {
    pub interview_id: i64,
    pub request_id: i64,
    pub block_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Confirms appointments one by one: each is written with its mail or
/// refused with the reason (another staff member got there first, the
/// block is full, the doctor is busy then, the place does not match).
pub async fn confirm(
    state: &AppState,
    who: &StaffMember,
    appointments: &[Appointment],
) -> Result<(Vec<Confirmed>, Vec<(i64, &'static str)>), HealthError> {
    let mut confirmed = Vec::new();
    let mut refused = Vec::new();
    for a in appointments {
        match confirm_one(state, who, a).await {
            Ok(c) => confirmed.push(c),
            Err(HealthError::Conflict(why)) => refused.push((a.request_id, why)),
            Err(HealthError::NotFound) => refused.push((a.request_id, "not_found")),
            Err(e) => return Err(e),
        }
    }
    if !confirmed.is_empty() {
        state.mail_wakeup.notify_one();
    }
    Ok((confirmed, refused))
}

/// Confirms one appointment. Without a given start, it takes the block's
/// first free time; if another confirmation took that time meanwhile, it
/// reads the block again and takes the next.
async fn confirm_one(
    state: &AppState,
    who: &StaffMember,
    a: &Appointment,
) -> Result<Confirmed, HealthError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match try_confirm(state, who, a).await {
            Err(HealthError::Conflict("block_full" | "doctor_busy"))
                if a.start.is_none() && attempts < 10 =>
            {
                continue
            }
            Err(HealthError::Conflict("block_full_now")) => {
                return Err(HealthError::Conflict("block_full"))
            }
            other => return other,
        }
    }
}

async fn try_confirm(
    state: &AppState,
    who: &StaffMember,
    a: &Appointment,
) -> Result<Confirmed, HealthError> {
    let request = state.store.health_request(a.request_id).await?;
    if request.status != "waiting" {
        return Err(HealthError::Conflict("request_not_waiting"));
    }
    let block = state.store.health_block(a.block_id).await?;
    if block.place() != request.place() {
        return Err(HealthError::Conflict("place_mismatch"));
    }
    if block.day < today(state) {
        return Err(HealthError::Conflict("block_past"));
    }
    if block.free().capacity < request.interviews.max(1) as u32 {
        return Err(HealthError::Conflict("block_full_now"));
    }
    let starts_at = match a.start {
        Some(t) => jst_instant(block.day, t),
        None => block.free_from(),
    };
    let ends_at = starts_at + chrono::Duration::minutes(request.minutes);
    if starts_at < block.starts_at || ends_at > block.ends_at {
        return Err(HealthError::Conflict("block_full"));
    }
    let interview = NewInterview {
        request_id: request.id,
        block_id: block.id,
        starts_at,
        ends_at,
        interviews: request.interviews.max(1) as u32,
        minutes: request.minutes.max(1) as u32,
        confirmed_by: who.name.clone(),
    };
    let link = Token::generate();
    let settings = state.settings.clone();
    let mail = |id: i64| {
        let shown = MailInterview {
            id,
            starts_at,
            ends_at,
            visit: block.place() == Place::Visit,
            doctor: block.doctor_name.clone(),
            proposed: true,
        };
        mail_of(&request, Some(&link), Some(shown)).queue(
            HEALTH_PROPOSED,
            &request.email,
            &settings,
        )
    };
    let id = state
        .store
        .propose_interview(&interview, Some(&link.hash()), mail, state.clock.now())
        .await?;
    audit(
        state,
        who,
        "health_propose",
        &format!("health_request {}", request.id),
        &format!(
            "interview {id} block {} at {}",
            block.id,
            to_jst(starts_at).format("%Y-%m-%d %H:%M")
        ),
    )
    .await?;
    Ok(Confirmed {
        interview_id: id,
        request_id: request.id,
        block_id: block.id,
        starts_at,
        ends_at,
    })
}

/// The doctors' interviews of `[from, to)`: every doctor's for the office,
/// a doctor's own for a doctor (none for other professionals). The view is
/// written to the audit log.
pub async fn roster(
    state: &AppState,
    who: &StaffMember,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(Vec<InterviewRecord>, Vec<BlockRecord>), HealthError> {
    let doctor = if who.role.manages() {
        None
    } else {
        Some(
            who.professional_id
                .ok_or(HealthError::Conflict("forbidden"))?,
        )
    };
    let month = to_jst(from).format("%Y-%m");
    audit(
        state,
        who,
        "view_health_roster",
        &format!("month {month}"),
        "",
    )
    .await?;
    let interviews = state.store.health_interviews(from, to, doctor).await?;
    let blocks = state
        .store
        .health_blocks(to_jst(from).date_naive(), to_jst(to).date_naive())
        .await?
        .into_iter()
        .filter(|b| b.starts_at < to && doctor.is_none_or(|d| b.doctor_id == d))
        .collect();
    Ok((interviews, blocks))
}

/// Records after the day whether an accepted interview took place
/// (`attended` or `no_show`); a no-show is not counted in the figures.
pub async fn record_attendance(
    state: &AppState,
    who: &StaffMember,
    interview_id: i64,
    status: &str,
) -> Result<(), HealthError> {
    let attended = match normalize_text(status).as_str() {
        "attended" => true,
        "no_show" => false,
        "" => return Err(invalid("status", FieldError::Required)),
        _ => return Err(invalid("status", FieldError::Choice)),
    };
    if !state
        .store
        .set_interview_attended(interview_id, attended, state.clock.now())
        .await?
    {
        return Err(HealthError::NotFound);
    }
    audit(
        state,
        who,
        "health_attendance",
        &format!("interview {interview_id}"),
        if attended { "attended" } else { "no_show" },
    )
    .await
}

/// The figures of the months from `from` to `to` (first days of months).
pub async fn figures(
    state: &AppState,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<MonthFigures>, HealthError> {
    let end = month_start(to) + Months::new(1);
    let now = state.clock.now();
    let until = jst_instant(end, NaiveTime::MIN).min(now);
    let seen = state
        .store
        .health_seen(jst_instant(month_start(from), NaiveTime::MIN), until)
        .await?;
    let list: Vec<Seen> = seen
        .iter()
        .map(|(i, services)| {
            let mut workers = [0; 4];
            for s in services {
                let idx = ServiceKind::ALL
                    .iter()
                    .position(|k| *k == s.kind())
                    .unwrap_or(0);
                workers[idx] += s.workers.max(0) as u32;
            }
            Seen {
                received_on: i.received_on,
                seen_on: to_jst(i.starts_at).date_naive(),
                due_on: i.due_on,
                workers,
            }
        })
        .collect();
    Ok(figures::figures(&list))
}
