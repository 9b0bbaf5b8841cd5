//! A business's request as it arrives: checked, given its due date, its
//! place in the queue and its expected month, stored with its mail.

use super::*;
use crate::domain::outreach::SourceInput;

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

/// A business's request: checked, given its due date, position and
/// estimate, stored with its mail.
pub async fn submit(
    state: &AppState,
    input: &HealthInput,
    lang: Lang,
    source: &SourceInput,
) -> Result<Submitted, HealthError> {
    let today = today(state);
    let choices = state.settings.outreach.heard_from_codes();
    let source = source.read(&choices);
    let details = input
        .validate(&eligibility(&state.settings), today)
        .map_err(|mut r| {
            if let Err(e) = &source {
                r.fields.insert("heard_from", e.clone());
            }
            r
        })
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
    let source = source
        .map_err(|e| HealthError::Invalid(crate::domain::FieldErrors::from([("heard_from", e)])))?;
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
        source,
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
