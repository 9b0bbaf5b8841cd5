//! The office's 「つなぎ」 list: every referral still being followed, with
//! its age and last update; one with no update for
//! `referral.overdue_after_days` is flagged. The view is audited.

use super::number;
use crate::domain::referral::{
    age_days, close as close_with, overdue, ReferralStatus, StepRefused,
};
use crate::domain::values::{optional_text, FieldError};
use crate::domain::FieldErrors;
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::{ReferralRecord, ReferralStep, StaffMember};

/// The longest outcome the office writes.
pub const OUTCOME_MAX: usize = 200;
use chrono::{DateTime, Duration, Utc};

/// One open referral on the office's list (no personal data: the
/// booking's number leads to the person, for those who may see it).
#[derive(Debug, Clone)]
pub struct OpenReferral {
    pub id: i64,
    pub number: String,
    pub booking_id: i64,
    pub status: ReferralStatus,
    pub service_id: Option<String>,
    pub service_name: String,
    pub made_by: String,
    pub created_at: DateTime<Utc>,
    pub last_update: DateTime<Utc>,
    pub age_days: i64,
    pub overdue: bool,
}

/// The referrals still being followed, longest without news first (for
/// the office's views and the weekly mail; no audit line of its own).
async fn list(state: &AppState) -> Result<Vec<OpenReferral>, BookError> {
    let now = state.clock.now();
    let after = Duration::days(state.settings.referral.overdue_after_days.into());
    let directory = state.store.directory_now().await?;
    Ok(state
        .store
        .open_referrals()
        .await?
        .into_iter()
        .map(|r: ReferralRecord| {
            let status = r.status();
            OpenReferral {
                id: r.id,
                number: number(r.id),
                booking_id: r.booking_id,
                status,
                service_name: match r.service_id.as_deref() {
                    Some(id) => directory
                        .get(id)
                        .map(|e| e.name.clone())
                        .unwrap_or_default(),
                    None => crate::i18n::texts(crate::domain::Lang::Ja)
                        .referral_follow_up_name
                        .to_string(),
                },
                service_id: r.service_id,
                made_by: r.made_by,
                created_at: r.created_at,
                last_update: r.updated_at,
                age_days: age_days(r.created_at, now),
                overdue: overdue(status, r.updated_at, now, after),
            }
        })
        .collect())
}

/// The open referrals with no update for `referral.overdue_after_days`.
pub async fn overdue_now(state: &AppState) -> Result<Vec<OpenReferral>, BookError> {
    Ok(list(state)
        .await?
        .into_iter()
        .filter(|r| r.overdue)
        .collect())
}

/// The office's list (coordinators and admins); the view is audited.
pub async fn open(state: &AppState, who: &StaffMember) -> Result<Vec<OpenReferral>, BookError> {
    if !who.role.manages() {
        return Err(BookError::Forbidden);
    }
    let list = list(state).await?;
    state.audit(who, "view_referrals", "open", "").await?;
    Ok(list)
}

/// The office closes a referral with what came of it: `Invalid` without
/// an outcome (or one too long), `Conflict("referral_step")` once closed.
pub async fn close(
    state: &AppState,
    who: &StaffMember,
    id: i64,
    outcome: &str,
) -> Result<(), BookError> {
    if !who.role.manages() {
        return Err(BookError::Forbidden);
    }
    let outcome = optional_text(outcome, OUTCOME_MAX)
        .map_err(|e| BookError::Invalid(FieldErrors::from([("outcome", e)])))?;
    let record = state.store.referral(id).await?.ok_or(BookError::NotFound)?;
    let from = record.status();
    match close_with(from, &outcome) {
        Ok(()) => {}
        Err(StepRefused::OutcomeRequired) => {
            return Err(BookError::Invalid(FieldErrors::from([(
                "outcome",
                FieldError::Required,
            )])))
        }
        Err(_) => return Err(BookError::Conflict("referral_step")),
    }
    let step = ReferralStep {
        id,
        from: from.code(),
        status: ReferralStatus::Closed.code(),
        actor: "office",
        note: &outcome,
        outcome: Some(&outcome),
        forget_shared: false,
        send_at: state.clock.now(),
    };
    if !state
        .store
        .step_referral(&step, &[], state.clock.now())
        .await?
    {
        return Err(BookError::Conflict("referral_step"));
    }
    state.audit(who, "referral_closed", &number(id), "").await?;
    Ok(())
}
