//! A queued mail, from its kind and payload, to what the transport sends:
//! the kind says whether it is an evening mail ([`EveningMail`]) or one of
//! the health centre's ([`HealthMail`]), one to staff ([`StaffMail`]) or
//! one of a referral's ([`ReferralMail`]),
//! and which of their mails it is.

use super::health::{self, HealthMail};
use super::message::{Guard, Rendered};
use super::outreach::{self, OutreachMail};
use super::referral::{self, ReferralMail};
use super::staff::{self, StaffMail};
use super::templates::EveningMail;
use crate::config::Settings;
use crate::store::DirectorySnapshot;

/// Every kind of mail: the evening ones, the health centre's, staff's, then
/// the referrals'.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    super::templates::KINDS
        .iter()
        .chain(health::KINDS)
        .chain(staff::KINDS)
        .chain(referral::KINDS)
        .chain(outreach::KINDS)
        .copied()
}

/// What a queued mail depends on, if anything.
pub fn guard(kind: &str, payload: &str) -> Option<Guard> {
    if staff::is_staff(kind) || referral::is_referral(kind) || outreach::is_outreach(kind) {
        None
    } else if health::is_health(kind) {
        serde_json::from_str::<HealthMail>(payload).ok()?.guard()
    } else {
        serde_json::from_str::<EveningMail>(payload).ok()?.guard()
    }
}

/// Renders a queued mail from its kind and payload.
/// `directory` gives the evening mails their crisis lines.
pub fn render(
    kind: &str,
    payload: &str,
    settings: &Settings,
    directory: Option<&DirectorySnapshot>,
) -> Result<Rendered, String> {
    let bad = |e: serde_json::Error| format!("payload of {kind}: {e}");
    if staff::is_staff(kind) {
        serde_json::from_str::<StaffMail>(payload)
            .map_err(bad)?
            .render(kind, settings)
    } else if health::is_health(kind) {
        serde_json::from_str::<HealthMail>(payload)
            .map_err(bad)?
            .render(kind, settings)
    } else if outreach::is_outreach(kind) {
        serde_json::from_str::<OutreachMail>(payload)
            .map_err(bad)?
            .render(kind, settings)
    } else if referral::is_referral(kind) {
        serde_json::from_str::<ReferralMail>(payload)
            .map_err(bad)?
            .render(kind, settings, directory)
    } else {
        serde_json::from_str::<EveningMail>(payload)
            .map_err(bad)?
            .render(kind, settings, directory)
    }
}

#[cfg(test)]
mod tests;
