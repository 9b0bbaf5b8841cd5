//! The receiving service's link (no account): it sees the referral (only
//! what was consented to, and nothing once consent is withdrawn) and
//! records what happened. Every view and every step has its audit line,
//! in the service's name.

use super::number;
use crate::domain::referral::{Actor, ReferralStatus, Shared};
use crate::domain::staff::Role;
use crate::domain::token::Token;
use crate::domain::values::{FieldError, Note};
use crate::domain::FieldErrors;
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::{ReferralRecord, ReferralStep, ReferralUpdate, StaffMember};

/// The referral as its receiving service sees it.
#[derive(Debug, Clone)]
pub struct ServiceView {
    pub record: ReferralRecord,
    pub number: String,
    pub status: ReferralStatus,
    pub service_name: String,
    /// What was passed on; nothing once consent is withdrawn.
    pub shared: Shared,
    pub updates: Vec<ReferralUpdate>,
    /// What the service may record now, in the order of its form.
    pub next: Vec<ReferralStatus>,
}

/// Who the audit log names for a link's step: the service.
fn actor(service_name: &str) -> StaffMember {
    StaffMember {
        id: None,
        name: format!("link: {service_name}"),
        role: Role::Professional,
        professional_id: None,
    }
}

async fn open(state: &AppState, raw: &str) -> Result<(ReferralRecord, String), BookError> {
    let token = Token::parse(raw).ok_or(BookError::NotFound)?;
    let record = state
        .store
        .referral_by_token_hash(&token.hash(), state.clock.now())
        .await?
        .ok_or(BookError::NotFound)?;
    let directory = state.store.directory_now().await?;
    let name = record
        .service_id
        .as_deref()
        .and_then(|id| directory.get(id))
        .map(|e| e.name.clone())
        .unwrap_or_default();
    Ok((record, name))
}

async fn view_of(
    state: &AppState,
    record: ReferralRecord,
    service_name: String,
) -> Result<ServiceView, BookError> {
    let status = record.status();
    let shared = if status == ReferralStatus::Withdrawn {
        Shared::nothing()
    } else {
        serde_json::from_str(&record.shared).unwrap_or_default()
    };
    let updates = state.store.referral_updates(record.id).await?;
    let next = ReferralStatus::BY_SERVICE
        .iter()
        .copied()
        .filter(|n| status.step(*n, Actor::Service).is_ok())
        .collect();
    Ok(ServiceView {
        number: number(record.id),
        status,
        service_name,
        shared,
        updates,
        next,
        record,
    })
}

/// The referral behind a service's link; the view is audited.
pub async fn view(state: &AppState, raw: &str) -> Result<ServiceView, BookError> {
    let (record, name) = open(state, raw).await?;
    state
        .audit(&actor(&name), "referral_viewed", &number(record.id), "")
        .await?;
    view_of(state, record, name).await
}

/// Records what happened (`status`, with an optional note): `Invalid`
/// for a status the service does not record or a bad note,
/// `Conflict("referral_step")` when the referral is past that (withdrawn,
/// closed, connected) or another step came first.
pub async fn record(
    state: &AppState,
    raw: &str,
    status: &str,
    note: &str,
) -> Result<ServiceView, BookError> {
    let mut errors = FieldErrors::new();
    let next = match ReferralStatus::parse(status) {
        Ok(s) if ReferralStatus::BY_SERVICE.contains(&s) => Some(s),
        Ok(_) => {
            errors.insert("status", FieldError::Choice);
            None
        }
        Err(e) => {
            errors.insert("status", e);
            None
        }
    };
    let note = Note::parse(note).map_err(|e| errors.insert("note", e)).ok();
    let (Some(next), Some(note)) = (next, note) else {
        return Err(BookError::Invalid(errors));
    };
    let (record, name) = open(state, raw).await?;
    let from = record.status();
    if from.step(next, Actor::Service).is_err() {
        return Err(BookError::Conflict("referral_step"));
    }
    let step = ReferralStep {
        id: record.id,
        from: from.code(),
        status: next.code(),
        actor: "service",
        note: note.as_str(),
        outcome: None,
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
    state
        .audit(
            &actor(&name),
            "referral_updated",
            &number(record.id),
            next.code(),
        )
        .await?;
    let record = state
        .store
        .referral(record.id)
        .await?
        .ok_or(BookError::NotFound)?;
    view_of(state, record, name).await
}
