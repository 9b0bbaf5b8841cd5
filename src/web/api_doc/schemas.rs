//! Schemas the API's types share: the error body and the closed sets of
//! codes, each listed from the domain's own choices (`Profession::ALL`, …)
//! so that the document cannot name a code the server does not take.

use crate::domain::booking::{AgeBand, Lang, Profession, Topic};
use crate::domain::health::ServiceKind;
use std::borrow::Cow;
use std::collections::BTreeMap;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// An error: a stable code and a sentence in the request's language.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable code (`invalid`, `not_found`, `slot_taken`, …).
    pub error: String,
    pub message: String,
    /// 422: each refused field with its message.
    #[schema(required = false)]
    pub fields: BTreeMap<String, String>,
    /// 422 `not_eligible`: where to go instead.
    #[schema(required = false)]
    pub reason: String,
    /// 409 `unusual_day`: why the day is unusual.
    #[schema(required = false)]
    pub reasons: Vec<String>,
    /// 400: what could not be read.
    #[schema(required = false)]
    pub detail: String,
    /// 5xx: the id the server logged the cause with.
    #[schema(required = false)]
    pub request_id: String,
}

/// A string that is one of `codes`.
pub fn codes(codes: impl IntoIterator<Item = &'static str>) -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(codes))
        .into()
}

/// A schema type for a closed set of codes, named as the document shows it.
macro_rules! code_schema {
    ($(#[$m:meta])* $ty:ident, $name:literal, $codes:expr) => {
        $(#[$m])*
        pub struct $ty;
        impl utoipa::PartialSchema for $ty {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::web::api_doc::schemas::codes($codes).into()
            }
        }
        impl utoipa::ToSchema for $ty {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed($name)
            }
        }
    };
}
pub(crate) use code_schema;

code_schema!(
    /// 弁護士 or 臨床心理士.
    ProfessionCode,
    "Profession",
    Profession::ALL.iter().map(|p| p.code())
);
code_schema!(
    AgeBandCode,
    "AgeBand",
    AgeBand::ALL.iter().map(|a| a.code())
);
code_schema!(TopicCode, "Topic", Topic::ALL.iter().map(|t| t.code()));
code_schema!(
    /// The language of the mails; without it, the request's language.
    LangCode,
    "Lang",
    Lang::ALL.iter().map(|l| l.code())
);
code_schema!(
    ServiceKindCode,
    "ServiceKind",
    ServiceKind::ALL.iter().map(|k| k.code())
);
code_schema!(
    /// At the centre, or a doctor's visit to the workplace.
    PlaceCode,
    "Place",
    ["centre", "visit"]
);
code_schema!(
    WeekdayCode,
    "Weekday",
    ["mon", "tue", "wed", "thu", "fri", "sat"]
);
code_schema!(TimeOfDayCode, "TimeOfDay", ["any", "morning", "afternoon"]);
code_schema!(
    /// What became of a booking.
    AttendanceCode,
    "Attendance",
    ["attended", "no_show", "late_cancel"]
);

/// `consent`: must be `true` (consent to the privacy notice).
pub struct Consent;

impl PartialSchema for Consent {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Boolean)
            .enum_values(Some([true]))
            .description(Some("Must be true: consent to the privacy notice"))
            .into()
    }
}

impl ToSchema for Consent {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Consent")
    }
}
