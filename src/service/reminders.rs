//! The reminder sweep: for every confirmed booking starting soon, queue each
//! reminder that has come due and was not queued yet. Idempotent and safe in
//! several instances: a unique key per (booking, offset, start) decides.

use crate::domain::health::reminder_wanted;
use crate::domain::reminders::ReminderOffset;
use crate::domain::token::Token;
use crate::domain::Lang;
use crate::mail::health::{HealthMail, MailInterview, HEALTH_REMINDER};
use crate::mail::templates::{EveningMail, MailSlot, REMINDER};
use crate::state::AppState;
use crate::store::request_number;
use std::collections::HashSet;

/// Queues the reminders due now; returns how many were queued.
pub async fn sweep(state: &AppState) -> anyhow::Result<usize> {
    let offsets = state.settings.reminders.offsets()?;
    let Some(lead) = offsets.iter().map(ReminderOffset::lead).max() else {
        return Ok(0);
    };
    let now = state.clock.now();
    let (candidates, done) = state.store.reminder_candidates(now, now + lead).await?;
    let done: HashSet<(i64, String, i64)> = done
        .into_iter()
        .map(|(id, key, at)| (id, key, at.timestamp()))
        .collect();
    let mut queued = 0;
    for c in &candidates {
        for offset in offsets.iter().filter(|o| o.is_due(now, c.starts_at)) {
            let key = offset.key();
            if done.contains(&(c.booking_id, key.clone(), c.starts_at.timestamp())) {
                continue;
            }
            let token = Token::generate();
            let mail = EveningMail {
                lang: c.lang(),
                name: c.name.clone(),
                slots: vec![MailSlot {
                    profession: c.profession(),
                    starts_at: c.starts_at,
                    ends_at: c.ends_at,
                }],
                venue: c.venue.clone(),
                token: Some(token.as_str().to_string()),
                while_booked: Some((c.booking_id, c.starts_at)),
                ..Default::default()
            }
            .queue(REMINDER, &c.email, &state.settings);
            if state
                .store
                .queue_reminder(c, &key, &token.hash(), &mail, now)
                .await?
            {
                queued += 1;
            }
        }
    }
    queued += sweep_interviews(state, &offsets, lead).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}

/// The same for the health centre's interviews, once the business has
/// accepted the date (see [`reminder_wanted`]: none right after that), with
/// a fresh link to its status page.
async fn sweep_interviews(
    state: &AppState,
    offsets: &[ReminderOffset],
    lead: chrono::Duration,
) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let (candidates, done) = state
        .store
        .health_reminder_candidates(now, now + lead)
        .await?;
    let done: HashSet<(i64, String, i64)> = done
        .into_iter()
        .map(|(id, key, at)| (id, key, at.timestamp()))
        .collect();
    let mut queued = 0;
    for i in &candidates {
        for offset in offsets.iter().filter(|o| {
            o.is_due(now, i.starts_at) && reminder_wanted(o.due_at(i.starts_at), i.accepted_at)
        }) {
            let key = offset.key();
            if done.contains(&(i.id, key.clone(), i.starts_at.timestamp())) {
                continue;
            }
            let link = Token::generate();
            let mail = HealthMail {
                lang: Lang::parse(&i.lang).unwrap_or(Lang::Ja),
                business_name: i.business_name.clone(),
                contact_name: i.contact_name.clone(),
                number: request_number(i.received_on, i.request_id),
                token: Some(link.as_str().to_string()),
                interview: Some(MailInterview {
                    id: i.id,
                    starts_at: i.starts_at,
                    ends_at: i.ends_at,
                    visit: i.visit,
                    doctor: i.doctor_name.clone(),
                    proposed: false,
                }),
                while_interview: Some((i.id, i.starts_at)),
                ..Default::default()
            }
            .queue(HEALTH_REMINDER, &i.email, &state.settings);
            if state
                .store
                .queue_health_reminder(i, &key, Some(&link.hash()), &mail, now)
                .await?
            {
                queued += 1;
            }
        }
    }
    Ok(queued)
}
