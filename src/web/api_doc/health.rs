//! The health centre's request and response types.

use super::schemas::{Consent, LangCode, PlaceCode, ServiceKindCode, TimeOfDayCode, WeekdayCode};
use crate::web::field::{CountSchema, Field, IdSchema, NumberText};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// A business's request for the centre's services.
#[derive(Deserialize, Default, ToSchema)]
pub struct HealthRequestBody {
    #[schema(value_type = String, min_length = 1, max_length = 100)]
    pub business_name: Field<String>,
    /// Must name a municipality the centre serves.
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    pub address: Field<String>,
    /// Workers at the workplace (part-time and dispatched included); 50 or more is `not_eligible`.
    #[schema(value_type = CountSchema)]
    pub workers: Field<NumberText>,
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub industry: Field<String>,
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub contact_name: Field<String>,
    /// 10 or 11 digits starting with 0; full-width digits and hyphens are accepted.
    #[schema(value_type = String, min_length = 10, example = "022-221-6870")]
    pub phone: Field<String>,
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    pub email: Field<String>,
    /// Each kind at most once.
    #[schema(value_type = Vec<ServiceBody>, min_items = 1)]
    pub services: Field<Vec<Value>>,
    /// Preferred days and time, or a note only.
    #[schema(value_type = Option<PreferredChoice>)]
    pub preferred: Field<Value>,
    #[schema(value_type = PlaceCode)]
    pub place: Field<String>,
    #[schema(value_type = Consent)]
    pub consent: Field<bool>,
    #[schema(value_type = Option<LangCode>)]
    pub lang: Field<String>,
    #[serde(flatten)]
    #[schema(inline)]
    pub source: super::evening::SourceBody,
}

/// A service asked for. Without its date, the request's own date counts for the due date.
#[derive(ToSchema)]
pub struct ServiceBody {
    #[schema(value_type = ServiceKindCode)]
    pub kind: String,
    /// Workers to be seen; no more than the workplace has.
    #[schema(value_type = CountSchema)]
    pub workers: i64,
    /// long_hours, high_stress: the day the worker asked. Not in the future, at most two years back.
    #[schema(format = Date)]
    pub requested_on: Option<String>,
    /// checkup_opinion: the day of the health check. Not in the future, at most two years back.
    #[schema(format = Date)]
    pub checked_on: Option<String>,
}

/// Weekdays, time of day and a note that suit the workplace.
#[derive(Deserialize, Default, ToSchema)]
pub struct PreferredBody {
    #[schema(value_type = Option<Vec<WeekdayCode>>)]
    pub weekdays: Field<Vec<String>>,
    #[schema(value_type = Option<TimeOfDayCode>)]
    pub time: Field<String>,
    #[schema(value_type = Option<String>, max_length = 200)]
    pub note: Field<String>,
}

/// `preferred`: an object, or a note as text.
pub struct PreferredChoice;

impl utoipa::PartialSchema for PreferredChoice {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::OneOfBuilder::new()
            .item(PreferredBody::schema())
            .item(
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .max_length(Some(200)),
            )
            .into()
    }
}

impl ToSchema for PreferredChoice {}

/// Another date, please; optionally what would suit.
#[derive(Deserialize, Default, ToSchema)]
pub struct DeclineBody {
    #[schema(value_type = Option<PreferredBody>)]
    pub preferred: Field<serde_json::Map<String, Value>>,
}

/// The business's new contact.
#[derive(Deserialize, Default, ToSchema)]
pub struct ContactBody {
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub contact_name: Field<String>,
    #[schema(value_type = String, min_length = 10)]
    pub phone: Field<String>,
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    pub email: Field<String>,
}

/// A request moved in the queue: `to` a month (empty: back to its own due date), with a reason.
#[derive(Deserialize, Default, ToSchema)]
pub struct MoveRequestBody {
    #[schema(value_type = Option<String>)]
    pub to: Field<String>,
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    pub reason: Field<String>,
}

/// A doctor's block of time.
#[derive(Deserialize, Default, ToSchema)]
pub struct BlockBody {
    #[schema(value_type = IdSchema)]
    pub doctor_id: Field<NumberText>,
    #[schema(value_type = String, format = Date)]
    pub date: Field<String>,
    /// HH:MM
    #[schema(value_type = String, example = "14:00")]
    pub start: Field<String>,
    /// HH:MM
    #[schema(value_type = String, example = "16:00")]
    pub end: Field<String>,
    #[schema(value_type = PlaceCode)]
    pub place: Field<String>,
    #[schema(value_type = CountSchema)]
    pub capacity: Field<NumberText>,
}

/// A period of days.
#[derive(Deserialize, Default, ToSchema)]
pub struct PeriodBody {
    #[schema(value_type = String, format = Date)]
    pub from: Field<String>,
    #[schema(value_type = String, format = Date)]
    pub to: Field<String>,
}

/// The appointments to write: as proposed (perhaps adjusted), or without
/// them the assistant's proposal for `{from, to}` as it stands.
#[derive(Deserialize, Default, ToSchema)]
pub struct ConfirmBody {
    #[schema(value_type = Option<Vec<AppointmentBody>>)]
    pub assignments: Field<Vec<Value>>,
    #[schema(value_type = Option<String>, format = Date)]
    pub from: Field<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub to: Field<String>,
}

/// An appointment: a request in a block, at a start (HH:MM) or the block's first free time.
#[derive(ToSchema)]
pub struct AppointmentBody {
    #[schema(value_type = IdSchema)]
    pub request_id: i64,
    #[schema(value_type = IdSchema)]
    pub block_id: i64,
    pub start: Option<String>,
}

/// After a no-show: wait again (`requeue`) or close with a reason.
#[derive(Deserialize, Default, ToSchema)]
pub struct AfterNoShowBody {
    #[schema(value_type = OutcomeCode)]
    pub outcome: Field<String>,
    /// Required to close.
    #[schema(value_type = Option<String>, max_length = 200)]
    pub reason: Field<String>,
}

super::schemas::code_schema!(OutcomeCode, "Outcome", ["requeue", "close"]);
super::schemas::code_schema!(
    InterviewAttendanceCode,
    "InterviewAttendance",
    ["attended", "no_show"]
);

/// Whether an interview took place.
#[derive(Deserialize, Default, ToSchema)]
pub struct InterviewAttendanceBody {
    #[schema(value_type = InterviewAttendanceCode)]
    pub status: Field<String>,
}

#[derive(Serialize, ToSchema)]
pub struct HealthCreated {
    pub id: i64,
    pub number: String,
    pub status: &'static str,
    pub position: i64,
    pub estimated_month: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<chrono::NaiveDate>,
    pub estimate_after_due: bool,
    pub manage_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct AnsweredJson {
    pub id: i64,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_reason: Option<Option<String>>,
}
