//! The office's 「つなぎ」 list: every referral still being followed, with
//! its age and last update; one with no update for
//! `referral.overdue_after_days` is flagged. The view is audited.

use super::number;
use crate::domain::referral::{age_days, overdue, ReferralStatus};
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::{ReferralRecord, StaffMember};
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

/// The referrals still being followed, longest without news first.
pub async fn open(state: &AppState, who: &StaffMember) -> Result<Vec<OpenReferral>, BookError> {
    if !who.role.manages() {
        return Err(BookError::Forbidden);
    }
    let now = state.clock.now();
    let after = Duration::days(state.settings.referral.overdue_after_days.into());
    let directory = state.store.directory_now().await?;
    let list = state
        .store
        .open_referrals()
        .await?
        .into_iter()
        .map(|r: ReferralRecord| {
            let status = ReferralStatus::parse(&r.status).unwrap_or(ReferralStatus::Sent);
            OpenReferral {
                id: r.id,
                number: number(r.id),
                booking_id: r.booking_id,
                status,
                service_name: r
                    .service_id
                    .as_deref()
                    .and_then(|id| directory.get(id))
                    .map(|e| e.name.clone())
                    .unwrap_or_default(),
                service_id: r.service_id,
                made_by: r.made_by,
                created_at: r.created_at,
                last_update: r.updated_at,
                age_days: age_days(r.created_at, now),
                overdue: overdue(status, r.updated_at, now, after),
            }
        })
        .collect();
    state.audit(who, "view_referrals", "open", "").await?;
    Ok(list)
}
