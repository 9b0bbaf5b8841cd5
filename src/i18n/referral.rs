//! A referral's codes in words (`staff-referral.ftl`).

use super::texts;
use crate::domain::referral::ReferralStatus;
use crate::domain::Lang;

pub fn status_label(status: ReferralStatus, lang: Lang) -> &'static str {
    let t = texts(lang);
    match status {
        ReferralStatus::Sent => t.referral_status_sent,
        ReferralStatus::Contacted => t.referral_status_contacted,
        ReferralStatus::Connected => t.referral_status_connected,
        ReferralStatus::Unreachable => t.referral_status_unreachable,
        ReferralStatus::NotEligible => t.referral_status_not_eligible,
        ReferralStatus::NoCapacity => t.referral_status_no_capacity,
        ReferralStatus::Declined => t.referral_status_declined,
        ReferralStatus::Withdrawn => t.referral_status_withdrawn,
        ReferralStatus::Closed => t.referral_status_closed,
    }
}

/// Who took a step: `service`, `person` or `office`.
pub fn actor_label(actor: &str, lang: Lang) -> &'static str {
    let t = texts(lang);
    match actor {
        "service" => t.referral_actor_service,
        "person" => t.referral_actor_person,
        _ => t.referral_actor_office,
    }
}
