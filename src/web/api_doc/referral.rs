//! The referral API's request and response types (つなぐ).

use super::schemas::{code_schema, Consent as MustBeTrue, ProfessionCode, TopicCode};
use crate::domain::referral::{ContactBy, ReferralStatus};
use crate::web::field::{Field, IdSchema, Lenient, Number};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

code_schema!(
    /// How the person wants the receiving service to reach them
    /// (`none`: the person contacts the service themselves).
    ContactByCode,
    "ContactBy",
    ContactBy::ALL.iter().map(|c| c.code())
);
code_schema!(
    /// Where a referral stands.
    ReferralStatusCode,
    "ReferralStatus",
    ReferralStatus::ALL.iter().map(|s| s.code())
);
code_schema!(
    /// What the receiving service records.
    ServiceStepCode,
    "ReferralServiceStep",
    ReferralStatus::BY_SERVICE.iter().map(|s| s.code())
);

/// The person's consent to the referral, to the consent text of `text_version`.
#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ReferralConsent)]
pub struct ConsentBody {
    #[schema(value_type = MustBeTrue)]
    pub given: Field<bool>,
    /// The version of the consent text shown (`GET /api/v1/staff/referrals/consent`).
    #[schema(value_type = String, min_length = 1, max_length = 20)]
    pub text_version: Field<String>,
}
impl Lenient for ConsentBody {}

/// What may be passed on to the receiving service.
#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ReferralShare)]
pub struct ShareBody {
    #[schema(value_type = Option<bool>)]
    pub name: Field<bool>,
    /// The phone or email of `contact`; required unless `contact` is `none`.
    #[schema(value_type = Option<bool>)]
    pub contact: Field<bool>,
    /// `note_for_service`.
    #[schema(value_type = Option<bool>)]
    pub note: Field<bool>,
    /// The kind of consultation (the booking's topic).
    #[schema(value_type = Option<bool>)]
    pub topic: Field<bool>,
}
impl Lenient for ShareBody {}

/// 継続相談: a later evening, not yet open to the public, and the
/// profession whose slot to hold there.
#[derive(Deserialize, Default, ToSchema)]
#[schema(as = ReferralFollowUp)]
pub struct FollowUpBody {
    #[schema(value_type = IdSchema)]
    pub session_id: Field<Number>,
    #[schema(value_type = ProfessionCode)]
    pub profession: Field<String>,
}
impl Lenient for FollowUpBody {}

/// A referral, with the person's consent: to a service of the directory
/// (`service_id`), or a follow-up consultation (`follow_up`), one of them.
#[derive(Deserialize, Default, ToSchema)]
pub struct ReferralBody {
    /// A listed service of the directory (`GET /api/v1/directory/services`).
    #[schema(value_type = Option<String>, min_length = 1, max_length = 64)]
    pub service_id: Field<String>,
    #[schema(value_type = Option<FollowUpBody>)]
    pub follow_up: Field<FollowUpBody>,
    #[schema(value_type = ConsentBody)]
    pub consent: Field<ConsentBody>,
    #[schema(value_type = ContactByCode)]
    pub contact: Field<String>,
    #[schema(value_type = Option<ShareBody>)]
    pub share: Field<ShareBody>,
    /// Written for the receiving service, in words the person agreed to;
    /// only with `share.note`.
    #[schema(value_type = Option<String>, max_length = 400)]
    pub note_for_service: Field<String>,
}

/// What the receiving service records, with a note.
#[derive(Deserialize, Default, ToSchema)]
pub struct ReferralStepBody {
    #[schema(value_type = ServiceStepCode)]
    pub status: Field<String>,
    #[schema(value_type = Option<String>, max_length = 400)]
    pub note: Field<String>,
}

/// A new referral.
#[derive(Serialize, ToSchema)]
pub struct ReferralMadeJson {
    pub id: i64,
    /// The number the office and the service quote (`R-12`).
    pub number: String,
    #[schema(value_type = ReferralStatusCode)]
    pub status: &'static str,
}

/// What was passed on (each part only if consented to; nothing once
/// consent is withdrawn).
#[derive(Serialize, ToSchema)]
#[schema(as = ReferralShared)]
pub struct SharedJson {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[schema(value_type = Option<TopicCode>)]
    pub topic: Option<&'static str>,
    pub note: Option<String>,
    #[schema(value_type = Option<ContactByCode>)]
    pub contact_by: Option<&'static str>,
}

impl From<&crate::domain::referral::Shared> for SharedJson {
    fn from(s: &crate::domain::referral::Shared) -> SharedJson {
        SharedJson {
            name: s.name.clone(),
            phone: s.phone.clone(),
            email: s.email.clone(),
            topic: s.topic.map(|t| t.code()),
            note: s.note.clone(),
            contact_by: s.contact_by.map(|c| c.code()),
        }
    }
}

/// One step of a referral.
#[derive(Serialize, ToSchema)]
pub struct ReferralUpdateJson {
    pub at: chrono::DateTime<chrono::Utc>,
    /// `service`, `person` or `office`.
    pub actor: String,
    #[schema(value_type = ReferralStatusCode)]
    pub status: String,
    pub note: String,
}

/// A referral as its receiving service sees it through its link.
#[derive(Serialize, ToSchema)]
pub struct ServiceReferralJson {
    pub id: i64,
    pub number: String,
    #[schema(value_type = ReferralStatusCode)]
    pub status: &'static str,
    pub service: ServiceNameJson,
    pub shared: SharedJson,
    /// The person withdrew their consent: nothing is shown.
    pub withdrawn: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub link_expires_at: Option<chrono::DateTime<chrono::Utc>>,
    pub updates: Vec<ReferralUpdateJson>,
    /// What the service may record now.
    #[schema(value_type = Vec<ServiceStepCode>)]
    pub next: Vec<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceNameJson {
    pub id: Option<String>,
    pub name: String,
}

/// A referral as the person sees it (`GET /api/v1/manage/{token}`).
#[derive(Serialize, ToSchema)]
pub struct PersonReferralJson {
    pub id: i64,
    pub number: String,
    #[schema(value_type = ReferralStatusCode)]
    pub status: &'static str,
    pub service: ServiceReachJson,
    pub shared: SharedJson,
    /// Consent may still be withdrawn.
    pub may_withdraw: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceReachJson {
    pub name: String,
    pub phones: Vec<String>,
    pub hours: String,
}

/// One referral on the office's list.
#[derive(Serialize, ToSchema)]
pub struct OpenReferralJson {
    pub id: i64,
    pub number: String,
    pub booking_id: i64,
    #[schema(value_type = ReferralStatusCode)]
    pub status: &'static str,
    pub service: ServiceNameJson,
    pub made_by: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_update: chrono::DateTime<chrono::Utc>,
    pub age_days: i64,
    /// No update for `referral.overdue_after_days`.
    pub overdue: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OpenReferralsJson {
    pub items: Vec<OpenReferralJson>,
}

/// The consent text in use, in each language, with its version.
#[derive(Serialize, ToSchema)]
pub struct ConsentTextJson {
    pub text_version: &'static str,
    pub ja: String,
    pub en: String,
    /// やさしい日本語, without its readings.
    pub easy: String,
}

/// The office closes a referral with what came of it.
#[derive(Deserialize, Default, ToSchema)]
pub struct CloseBody {
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    pub outcome: Field<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ClosedJson {
    pub id: i64,
    #[schema(value_type = ReferralStatusCode)]
    pub status: &'static str,
}

/// The referrals of a span of months, counted.
#[derive(Serialize, ToSchema)]
pub struct ReferralFiguresJson {
    /// First and last months (YYYY-MM), both included.
    pub from: String,
    pub to: String,
    pub total: usize,
    /// Arrived: つながった, or a follow-up booked.
    pub arrived: usize,
    /// Still being followed.
    pub open: usize,
    pub destinations: Vec<DestinationFiguresJson>,
    pub follow_ups: FollowUpFiguresJson,
}

/// The referrals to one destination, by status.
#[derive(Serialize, ToSchema)]
pub struct DestinationFiguresJson {
    /// `null` for follow-up consultations.
    pub service: Option<ServiceNameJson>,
    pub total: usize,
    /// A count for each status code.
    #[schema(value_type = Object)]
    pub by_status: std::collections::BTreeMap<&'static str, usize>,
}

/// Follow-up consultations (継続相談): holds made, booked, attended.
#[derive(Serialize, ToSchema)]
pub struct FollowUpFiguresJson {
    pub made: usize,
    pub booked: usize,
    pub kept: usize,
}
