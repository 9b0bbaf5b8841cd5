//! The coordinators' alert for an evening still filling: `low_fill_days`
//! before it, if slots are free, a mail with the services that pass notices
//! on, a text to forward and the poster; once per evening and threshold
//! however many instances run (the alert's row is written with the mails),
//! in the day only.

use crate::domain::outreach::low_fill::{alert_key, due};
use crate::domain::{Lang, Profession};
use crate::mail::outreach::{OutreachMail, PartnerLine, OUTREACH_LOW_FILL};
use crate::state::AppState;
use crate::store::Once;

/// The services that pass notices on, as the alert names them.
pub async fn partners(state: &AppState) -> anyhow::Result<Vec<PartnerLine>> {
    let ids = state.store.outreach_partners().await?;
    let directory = state.store.directory_now().await?;
    Ok(directory
        .entries
        .iter()
        .filter(|e| ids.contains(&e.id))
        .map(|e| PartnerLine {
            name: if e.organization.name.is_empty() || e.name.contains(&e.organization.name) {
                e.name.clone()
            } else {
                format!("{}（{}）", e.name, e.organization.name)
            },
            phone: e
                .phones
                .first()
                .map(|p| p.number.clone())
                .unwrap_or_default(),
            email: e.email.clone(),
        })
        .collect())
}

/// One pass: every evening whose alert is due and not yet sent. How many
/// evenings were alerted.
pub async fn sweep(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let days = state.settings.outreach.low_fill_days;
    let quiet = state.rules.quiet;
    let sessions = state.store.upcoming_sessions(now).await?;
    let waiting: Vec<_> = sessions
        .iter()
        .filter(|s| {
            let free = Profession::ALL.iter().map(|&p| s.free_count(p)).sum();
            due(s.starts_at, free, now, days, quiet.as_ref())
        })
        .collect();
    if waiting.is_empty() {
        return Ok(0);
    }
    let recipients = state.store.office_recipients().await?;
    if recipients.is_empty() {
        return Ok(0);
    }
    let partners = partners(state).await?;
    let mut alerted = 0;
    for s in waiting {
        let (lawyer, psychologist) = (
            s.free_count(Profession::Lawyer),
            s.free_count(Profession::Psychologist),
        );
        let mail = OutreachMail {
            lang: Lang::Ja,
            session_id: Some(s.id),
            starts_at: Some(s.starts_at),
            free_lawyer: lawyer,
            free_psychologist: psychologist,
            days,
            partners: partners.clone(),
            ..OutreachMail::default()
        };
        let mails: Vec<_> = recipients
            .iter()
            .map(|to| mail.queue(OUTREACH_LOW_FILL, to, &state.settings))
            .collect();
        if state
            .store
            .queue_once(
                Once::LowFill,
                &alert_key(s.id, days),
                lawyer + psychologist,
                &mails,
                now,
            )
            .await?
        {
            alerted += 1;
        }
    }
    if alerted > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(alerted)
}
