//! The person's side of a referral, through their booking's manage link:
//! where they were referred, the service's phones and hours, what was
//! passed on; and withdrawing their consent at any time (what was passed on
//! is emptied at once, and the service is told).

use super::{number, reach};
use crate::domain::referral::{Actor, ReferralStatus, Shared};
use crate::mail::referral::{ReferralMail, REFERRAL_WITHDRAWN};
use crate::service::evening::BookError;
use crate::service::manage::{lookup, Managed};
use crate::state::AppState;
use crate::store::{ReferralRecord, ReferralStep};

/// One referral as the person sees it.
#[derive(Debug, Clone)]
pub struct PersonView {
    pub id: i64,
    pub number: String,
    pub status: ReferralStatus,
    pub service_name: String,
    pub service_phones: Vec<String>,
    pub service_hours: String,
    pub shared: Shared,
    /// Consent may still be withdrawn.
    pub may_withdraw: bool,
}

async fn records(state: &AppState, token: &str) -> Result<Vec<ReferralRecord>, BookError> {
    let Managed::Bookings(bookings) = lookup(state, token).await? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for b in &bookings {
        out.extend(state.store.referrals_of_booking(b.id).await?);
    }
    Ok(out)
}

/// The referrals of the bookings behind a manage link (none for a place
/// on the waitlist), in the language of the booking.
pub async fn referrals(state: &AppState, token: &str) -> Result<Vec<PersonView>, BookError> {
    let records = records(state, token).await?;
    let lang = match lookup(state, token).await? {
        Managed::Bookings(b) => b.first().map(|b| b.lang()).unwrap_or_default(),
        Managed::Waiting(..) => return Ok(Vec::new()),
    };
    let directory = state.store.directory_now().await?;
    Ok(records
        .into_iter()
        .map(|r| {
            let status = r.status();
            let entry = r.service_id.as_deref().and_then(|id| directory.get(id));
            let (service_phones, service_hours) = entry.map(|e| reach(e, lang)).unwrap_or_default();
            PersonView {
                id: r.id,
                number: number(r.id),
                status,
                service_name: match entry {
                    Some(e) => crate::i18n::configured(lang, &e.name, &e.name_en).to_string(),
                    None => crate::i18n::texts(lang).referral_follow_up_name.to_string(),
                },
                service_phones,
                service_hours,
                shared: serde_json::from_str(&r.shared).unwrap_or_default(),
                may_withdraw: status
                    .step(ReferralStatus::Withdrawn, Actor::Person)
                    .is_ok(),
            }
        })
        .collect())
}

/// The person withdraws their consent to referral `id`: `NotFound` unless
/// it is one of their link's, `Conflict("referral_step")` once it is
/// withdrawn or closed. The service is told, with its number only.
pub async fn withdraw(state: &AppState, token: &str, id: i64) -> Result<PersonView, BookError> {
    let record = records(state, token)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(BookError::NotFound)?;
    let from = record.status();
    if from.step(ReferralStatus::Withdrawn, Actor::Person).is_err() {
        return Err(BookError::Conflict("referral_step"));
    }
    let directory = state.store.directory_now().await?;
    let service = record
        .service_id
        .as_deref()
        .and_then(|id| directory.get(id));
    let mut mails = Vec::new();
    if let Some(s) = service.filter(|s| !s.email.is_empty()) {
        let told = ReferralMail {
            number: number(id),
            service_name: s.name.clone(),
            ..ReferralMail::default()
        };
        mails.push(told.queue(REFERRAL_WITHDRAWN, &s.email, &state.settings));
    }
    let step = ReferralStep {
        id,
        from: from.code(),
        status: ReferralStatus::Withdrawn.code(),
        actor: "person",
        note: "",
        outcome: None,
        forget_shared: true,
        send_at: super::in_the_day(state, state.clock.now()),
    };
    if !state
        .store
        .step_referral(&step, &mails, state.clock.now())
        .await?
    {
        return Err(BookError::Conflict("referral_step"));
    }
    referrals(state, token)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(BookError::NotFound)
}
