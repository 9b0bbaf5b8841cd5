//! The coordinators' weekly mail of overdue referrals: every open referral
//! with no update for `referral.overdue_after_days`, so that nobody is
//! dropped silently. Once a week however many instances run (the week's
//! row decides, in the same transaction as the mails), never in the quiet
//! hours; a week with nothing overdue mails no one.

use super::office::overdue_now;
use crate::domain::referral::weekly::list_due;
use crate::domain::time::jst_today;
use crate::domain::Lang;
use crate::mail::staff::{OverdueLine, StaffMail, STAFF_REFERRALS_OVERDUE};
use crate::state::AppState;
use crate::store::Once;

/// Queues this week's list if it is due and nobody has yet: how many
/// referrals it names, or `None` when nothing was queued. Without anyone
/// to receive it, the week waits until there is someone.
pub async fn sweep(state: &AppState) -> anyhow::Result<Option<usize>> {
    let now = state.clock.now();
    let quiet = state.settings.rules()?.quiet;
    let Some(week) = list_due(now, quiet.as_ref()) else {
        return Ok(None);
    };
    let recipients = state.store.office_recipients().await?;
    if recipients.is_empty() {
        return Ok(None);
    }
    let overdue = overdue_now(state).await?;
    let mail = StaffMail {
        lang: Lang::Ja,
        since: Some(week.monday),
        overdue: overdue
            .iter()
            .map(|r| OverdueLine {
                number: r.number.clone(),
                service: r.service_name.clone(),
                status: r.status.code().to_string(),
                made_on: jst_today(r.created_at),
                last_update: jst_today(r.last_update),
            })
            .collect(),
        ..StaffMail::default()
    };
    let mails: Vec<_> = if overdue.is_empty() {
        Vec::new()
    } else {
        recipients
            .iter()
            .map(|to| mail.queue(STAFF_REFERRALS_OVERDUE, to, &state.settings))
            .collect()
    };
    if !state
        .store
        .queue_once(Once::ReferralWeek, &week.key(), overdue.len(), &mails, now)
        .await?
    {
        return Ok(None);
    }
    if !mails.is_empty() {
        state.mail_wakeup.notify_one();
    }
    Ok(Some(overdue.len()))
}
