//! The staff API's request and response types (the evening office).

use super::schemas::{AttendanceCode, ProfessionCode};
use crate::web::field::{Field, IdSchema, Number};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What became of a booking, with a note.
#[derive(Deserialize, Default, ToSchema)]
pub struct AttendanceBody {
    #[schema(value_type = AttendanceCode)]
    pub status: Field<String>,
    #[schema(value_type = Option<String>, max_length = 400)]
    pub note: Field<String>,
}

/// A professional added to the roster.
#[derive(Deserialize, Default, ToSchema)]
pub struct ProfessionalBody {
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub name: Field<String>,
    #[schema(value_type = ProfessionCode)]
    pub profession: Field<String>,
    #[schema(value_type = Option<String>)]
    pub organisation: Field<String>,
    #[schema(value_type = Option<String>)]
    pub contact: Field<String>,
}

/// A professional assigned to an evening.
#[derive(Deserialize, Default, ToSchema)]
pub struct AssignBody {
    #[schema(value_type = ProfessionCode)]
    pub profession: Field<String>,
    #[schema(value_type = IdSchema)]
    pub professional_id: Field<Number>,
}

/// A one-off evening, or an evening's new day.
#[derive(Deserialize, Default, ToSchema)]
pub struct SessionBody {
    #[schema(value_type = String, format = Date, example = "2027-01-15")]
    pub date: Field<String>,
    /// HH:MM; left out, the series' usual start.
    #[schema(value_type = Option<String>, example = "18:00")]
    pub start: Field<String>,
    /// The evening is meant to be on a weekend, holiday or closure day
    /// (without it such a day is a 409 `unusual_day`).
    #[schema(value_type = Option<bool>)]
    pub confirm_unusual_day: Field<bool>,
}

/// Months of evenings to make from the series rule.
#[derive(Deserialize, Default, ToSchema)]
pub struct GenerateBody {
    #[schema(value_type = i64, minimum = 1, maximum = 24)]
    pub months: Field<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceJson {
    pub id: i64,
    #[schema(value_type = AttendanceCode)]
    pub attendance: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct IdJson {
    pub id: i64,
}

#[derive(Serialize, ToSchema)]
pub struct AssignedJson {
    pub session_id: i64,
    #[schema(value_type = ProfessionCode)]
    pub profession: crate::domain::Profession,
    pub professional_id: i64,
}

/// A line of the audit log, newest first.
#[derive(Serialize, ToSchema)]
pub struct AuditJson {
    #[schema(format = DateTime)]
    pub at: String,
    pub actor: String,
    pub action: String,
    /// The action in words, in the request's language.
    pub action_label: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionCancelled {
    pub id: i64,
    pub status: &'static str,
    pub bookings_cancelled: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SessionRestored {
    pub id: i64,
    pub status: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct SessionMoved {
    pub id: i64,
    #[schema(format = DateTime)]
    pub starts_at: String,
    pub bookings_moved: i64,
}

/// The evenings made, and those that were there already.
#[derive(Serialize, ToSchema)]
pub struct Generated {
    #[schema(value_type = Vec<String>, format = Date)]
    pub created: Vec<String>,
    #[schema(value_type = Vec<String>, format = Date)]
    pub existing: Vec<String>,
}

/// The month's evenings (`{month, sessions}`): each with its
/// professionals, slots and bookings as the role allows.
#[derive(ToSchema)]
pub struct RosterJson {
    pub month: String,
    #[schema(value_type = Vec<Object>)]
    pub sessions: Vec<()>,
}
