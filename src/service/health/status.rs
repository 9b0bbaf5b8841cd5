//! A request's status page (申込状況) and what the business does there:
//! new contact details, withdrawing, accepting the proposed date or asking
//! for another.

use super::*;

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

pub(super) async fn view(
    state: &AppState,
    request: HealthRequestRecord,
) -> Result<RequestView, HealthError> {
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
    pub(super) fn parse(&self) -> Result<Preferences, HealthError> {
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
pub(super) async fn answer_request(
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
