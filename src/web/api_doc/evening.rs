//! The evening consultations' request and response types: bookings, their
//! manage links, the waitlist and its offers. A request body is read field
//! by field ([`Field`]): a field of the wrong type is that field's 422.

use super::schemas::{AgeBandCode, Consent, LangCode, ProfessionCode, TopicCode};
use crate::web::field::{Field, IdSchema, Number};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// A booking: `slot_id`, or `slot_ids` for one lawyer slot and one
/// psychologist slot of the same evening, booked together or not at all.
#[derive(Deserialize, Default, ToSchema)]
pub struct BookingBody {
    #[schema(value_type = Option<IdSchema>)]
    pub slot_id: Field<Number>,
    #[schema(value_type = Option<Vec<IdSchema>>, min_items = 1, max_items = 2)]
    pub slot_ids: Field<Vec<Value>>,
    #[serde(flatten)]
    #[schema(inline)]
    pub person: PersonBody,
    /// Where the confirmation and the manage link are mailed.
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    pub email: Field<String>,
    #[serde(flatten)]
    #[schema(inline)]
    pub source: SourceBody,
}

/// Where a request came from: never anything that tells who sent it.
#[derive(Deserialize, Default, ToSchema)]
pub struct SourceBody {
    /// 「この相談会を何で知りましたか」: one of the configured codes
    /// (`shisei`, `homepage`, `leaflet`, `workplace`, `agency`, `family`,
    /// `sns`, `other` by default), or left out.
    #[schema(value_type = Option<String>, max_length = 48)]
    pub heard_from: Field<String>,
    /// The channel code the link carried (`?src=leaflet-2027-01`); one
    /// that is not a code (a-z, 0-9, `-`, `_`, `.`; 48 at most) is ignored.
    #[schema(value_type = Option<String>)]
    pub src: Field<String>,
}

impl SourceBody {
    /// The fields as the services read them; a field of the wrong JSON
    /// type is its own error.
    pub fn input(
        self,
        errors: &mut crate::domain::FieldErrors,
    ) -> crate::domain::outreach::SourceInput {
        crate::domain::outreach::SourceInput {
            heard_from: self.heard_from.text(errors, "heard_from"),
            channel: self.src.text(errors, "src"),
        }
    }
}

/// A booking taken by phone: as [`BookingBody`], but a caller without an
/// email address (電話連絡) may leave it out.
#[derive(Deserialize, Default, ToSchema)]
pub struct PhoneBookingBody {
    #[schema(value_type = Option<IdSchema>)]
    pub slot_id: Field<Number>,
    #[schema(value_type = Option<Vec<IdSchema>>, min_items = 1, max_items = 2)]
    pub slot_ids: Field<Vec<Value>>,
    #[serde(flatten)]
    #[schema(inline)]
    pub person: PersonBody,
    /// Empty or left out: the caller is reached by phone only.
    #[schema(value_type = Option<String>, max_length = 254)]
    pub email: Field<String>,
}

/// What a booking says about its person.
#[derive(Deserialize, Default, ToSchema)]
pub struct PersonBody {
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub name: Field<String>,
    /// フリガナ, katakana (hiragana is converted); required in Japanese,
    /// optional or in Latin letters in other languages.
    #[schema(value_type = Option<String>, max_length = 60)]
    pub name_kana: Field<String>,
    /// 10 or 11 digits starting with 0; full-width digits and hyphens are accepted.
    #[schema(value_type = String, min_length = 10, example = "022-221-6870")]
    pub phone: Field<String>,
    #[schema(value_type = AgeBandCode)]
    pub age_band: Field<String>,
    #[schema(value_type = TopicCode)]
    pub topic: Field<String>,
    #[schema(value_type = Option<String>, max_length = 400)]
    pub note: Field<String>,
    #[schema(value_type = Consent)]
    pub consent: Field<bool>,
    #[schema(value_type = Option<LangCode>)]
    pub lang: Field<String>,
}

/// A place on the waitlist of an evening, or of the next one with a free slot.
#[derive(Deserialize, Default, ToSchema)]
pub struct WaitlistBody {
    /// An evening, or `"next"`: the next evening with a free slot.
    #[schema(value_type = SessionChoice)]
    pub session_id: Field<Value>,
    #[schema(value_type = ProfessionCode)]
    pub profession: Field<String>,
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub name: Field<String>,
    #[schema(value_type = Option<String>, max_length = 60)]
    pub name_kana: Field<String>,
    #[schema(value_type = String, min_length = 10, example = "022-221-6870")]
    pub phone: Field<String>,
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    pub email: Field<String>,
    /// Optional here: left out is 未回答.
    #[schema(value_type = Option<AgeBandCode>)]
    pub age_band: Field<String>,
    #[schema(value_type = Option<TopicCode>)]
    pub topic: Field<String>,
    #[schema(value_type = Option<String>, max_length = 400)]
    pub note: Field<String>,
    #[schema(value_type = Consent)]
    pub consent: Field<bool>,
    #[schema(value_type = Option<LangCode>)]
    pub lang: Field<String>,
    #[serde(flatten)]
    #[schema(inline)]
    pub source: SourceBody,
}

/// `session_id` of the waitlist: an id or `"next"`.
pub struct SessionChoice;

impl utoipa::PartialSchema for SessionChoice {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::OneOfBuilder::new()
            .item(crate::web::field::number_schema(1))
            .item(super::schemas::codes(["next"]))
            .into()
    }
}

impl ToSchema for SessionChoice {}

/// Moves a booking to another slot of the same profession.
#[derive(Deserialize, Default, ToSchema)]
pub struct MoveBody {
    #[schema(value_type = IdSchema)]
    pub slot_id: Field<Number>,
}

/// Cancels one booking of a pair; without it, every booking of the link.
#[derive(Deserialize, Default, ToSchema)]
pub struct CancelBody {
    #[schema(value_type = Option<IdSchema>)]
    pub booking_id: Field<Number>,
}

#[derive(Serialize, ToSchema)]
pub struct SlotJson {
    pub id: i64,
    #[schema(value_type = ProfessionCode)]
    pub profession: crate::domain::Profession,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    pub available: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SessionJson {
    pub id: i64,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    pub venue: String,
    /// When booking opens and closes, by the booking rules.
    #[schema(format = DateTime)]
    pub booking_opens_at: String,
    #[schema(format = DateTime)]
    pub booking_closes_at: String,
    pub slots: Vec<SlotJson>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
    pub ids: Vec<i64>,
    pub status: &'static str,
    pub manage_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct BookingJson {
    pub id: i64,
    pub status: String,
    pub slot_id: i64,
    pub session_id: i64,
    #[schema(value_type = ProfessionCode)]
    pub profession: crate::domain::Profession,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    pub venue: String,
}

/// What a manage link holds: a booking (with both of a pair) or a place on the waitlist.
#[derive(Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ManagedJson {
    Booking {
        #[serde(flatten)]
        booking: BookingJson,
        bookings: Vec<BookingJson>,
        /// Where the person was referred (つなぐ), with what was passed on.
        referrals: Vec<super::referral::PersonReferralJson>,
    },
    Waitlist {
        id: i64,
        status: String,
        position: Option<i64>,
        session_id: Option<i64>,
        #[schema(value_type = ProfessionCode)]
        profession: crate::domain::Profession,
    },
}

/// `{status: cancelled, cancelled: n}`, or `{status: withdrawn}` for a place on the waitlist.
#[derive(Serialize, ToSchema)]
pub struct CancelledJson {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<usize>,
}

#[derive(Serialize, ToSchema)]
pub struct WaitlistJoined {
    pub id: i64,
    pub position: i64,
    pub manage_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct OfferJson {
    pub status: &'static str,
    pub slot_id: i64,
    pub session_id: i64,
    #[schema(value_type = ProfessionCode)]
    pub profession: crate::domain::Profession,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
    pub venue: String,
    #[schema(format = DateTime)]
    pub expires_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OfferAccepted {
    pub id: Option<i64>,
    pub status: &'static str,
    pub manage_url: String,
    pub slot_id: i64,
    pub session_id: i64,
    #[schema(value_type = ProfessionCode)]
    pub profession: crate::domain::Profession,
    #[schema(format = DateTime)]
    pub starts_at: String,
    #[schema(format = DateTime)]
    pub ends_at: String,
}

/// A status only (`declined`, `cancelled`, …).
#[derive(Serialize, ToSchema)]
pub struct StatusJson {
    pub status: &'static str,
}

/// A mail of a booking and its state.
#[derive(Serialize, ToSchema)]
pub struct MailJson {
    pub id: i64,
    pub kind: String,
    /// queued, sent, retrying, failed (with the SMTP reason), skipped.
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    #[schema(format = DateTime)]
    pub sent_at: Option<String>,
}
