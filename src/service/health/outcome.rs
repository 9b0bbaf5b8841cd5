//! What the centre's staff (事務局) do around and after an interview: the
//! doctors' roster, answers taken by phone, attendance, the follow-up of a
//! no-show (back in the queue or closed) and the figures. Each step writes
//! its audit line.

use super::*;

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
    state
        .audit(who, "view_health_roster", &format!("month {month}"), "")
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

/// The business answered by phone: staff accept the proposed date for it,
/// or release it (the request keeps its place) with the weekdays and times
/// the business said would suit, when asked. Audited.
pub async fn answer_for(
    state: &AppState,
    who: &StaffMember,
    request_id: i64,
    accept: bool,
    preferences: Option<&PreferencesInput>,
) -> Result<(), HealthError> {
    let preferences = match preferences.filter(|_| !accept) {
        Some(p) => Some(p.parse()?),
        None => None,
    };
    let request = state.store.health_request(request_id).await?;
    let current = view(state, request).await?;
    answer_request(state, current, accept, preferences.as_ref()).await?;
    state
        .audit(
            who,
            if accept {
                "health_accept_for"
            } else {
                "health_decline_for"
            },
            &format!("health_request {request_id}"),
            "",
        )
        .await?;
    Ok(())
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
    state
        .audit(
            who,
            "health_attendance",
            &format!("interview {interview_id}"),
            if attended { "attended" } else { "no_show" },
        )
        .await?;
    Ok(())
}

/// What staff decide after an interview that did not take place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterNoShow {
    /// Back in the queue at its original place (its due date kept).
    Requeue,
    /// Closed, with a reason told to the business.
    Close,
}

impl AfterNoShow {
    pub fn parse(raw: &str) -> Result<AfterNoShow, FieldError> {
        match normalize_text(raw).as_str() {
            "requeue" => Ok(AfterNoShow::Requeue),
            "close" => Ok(AfterNoShow::Close),
            "" => Err(FieldError::Required),
            _ => Err(FieldError::Choice),
        }
    }
}

/// After a no-show (recorded with [`record_attendance`]), staff put the
/// request back in the queue at its place or close it with a reason; the
/// business is mailed either way, and the step is audited. Conflict
/// `no_show_not_recorded` unless the request's accepted interview is
/// recorded as not having taken place.
pub async fn after_no_show(
    state: &AppState,
    who: &StaffMember,
    request_id: i64,
    outcome: &str,
    reason: &str,
) -> Result<AfterNoShow, HealthError> {
    let mut errors = FieldErrors::new();
    let outcome = keep(&mut errors, "outcome", AfterNoShow::parse(outcome));
    let reason = match outcome {
        Some(AfterNoShow::Close) => keep(&mut errors, "reason", bounded(reason, 200)),
        _ if normalize_text(reason).chars().count() > 200 => {
            errors.insert("reason", FieldError::TooLong { max: 200 });
            None
        }
        _ => Some(normalize_text(reason)),
    };
    let (Some(outcome), Some(reason)) = (outcome, reason) else {
        return Err(HealthError::Invalid(errors));
    };
    let request = state.store.health_request(request_id).await?;
    let Some(missed) = state
        .store
        .live_interview(request_id)
        .await?
        .filter(|i| i.status == "accepted" && i.attended == Some(false))
    else {
        return Err(HealthError::Conflict("no_show_not_recorded"));
    };
    let requeue = outcome == AfterNoShow::Requeue;
    let link = Token::generate();
    let mut mail = mail_of(&request, requeue.then_some(&link), None);
    mail.missed = Some(missed.starts_at);
    if !requeue {
        mail.closed_reason = Some(reason.clone());
    }
    let kind = if requeue {
        HEALTH_REQUEUED
    } else {
        HEALTH_CLOSED
    };
    let mail = mail.queue(kind, &request.email, &state.settings);
    if !state
        .store
        .after_no_show(
            request_id,
            requeue,
            &reason,
            requeue.then(|| link.hash()).as_deref(),
            &mail,
            state.clock.now(),
        )
        .await?
    {
        return Err(HealthError::Conflict("no_show_not_recorded"));
    }
    state.mail_wakeup.notify_one();
    state
        .audit(
            who,
            if requeue {
                "health_requeue"
            } else {
                "health_close"
            },
            &format!("health_request {request_id}"),
            &format!("after no-show of interview {}: {reason}", missed.id),
        )
        .await?;
    Ok(outcome)
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
