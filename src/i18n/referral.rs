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

/// What was passed on, a (label, value) line for each part given, in the
/// order the mails and pages show them.
pub fn shared_lines(
    shared: &crate::domain::referral::Shared,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    use crate::domain::referral::ContactBy;
    let t = texts(lang);
    let contact = shared.contact_by.map(|c| {
        match c {
            ContactBy::Phone => t.referral_contact_phone,
            ContactBy::Email => t.referral_contact_email,
            ContactBy::None => t.referral_contact_none,
        }
        .to_string()
    });
    let topic = shared
        .topic
        .map(|x| super::messages::topic_label(x, lang).to_string());
    [
        (t.referral_mail_name, shared.name.clone()),
        (t.referral_mail_contact_by, contact),
        (t.referral_mail_phone, shared.phone.clone()),
        (t.referral_mail_email, shared.email.clone()),
        (t.referral_mail_topic, topic),
        (t.referral_mail_note, shared.note.clone()),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((label, value.filter(|v| !v.is_empty())?)))
    .collect()
}
