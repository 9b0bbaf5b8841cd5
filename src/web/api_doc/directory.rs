//! The staff's directory API's request type: a service as staff send it,
//! every part optional (a change names only what changes).

use crate::domain::directory::{PhoneInput, ScheduleInput, ServiceInput};
use crate::domain::{FieldError, FieldErrors};
use crate::web::field::{Field, Number};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

/// A phone of a service (the schema of each item of `phones`, read as `PhoneInput`).
#[derive(ToSchema)]
pub struct PhoneSchema {
    #[schema(min_length = 3, max_length = 20, example = "022-718-4343")]
    pub number: String,
    #[schema(value_type = Option<String>, pattern = "^(voice|text|fax|cell)$")]
    pub r#type: Option<String>,
    #[schema(max_length = 500)]
    pub description: Option<String>,
}

/// An HSDS schedule row, RFC 5545 fields (the schema of each item of
/// `schedules`, read as `ScheduleInput`).
#[derive(ToSchema)]
pub struct ScheduleSchema {
    #[schema(pattern = "^(DAILY|WEEKLY|MONTHLY)$")]
    pub freq: String,
    #[schema(example = "MO,WE,FR")]
    pub byday: Option<String>,
    #[schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub opens_at: Option<String>,
    #[schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub closes_at: Option<String>,
    #[schema(format = Date)]
    pub valid_from: Option<String>,
    #[schema(format = Date)]
    pub valid_to: Option<String>,
    #[schema(max_length = 500)]
    pub description: Option<String>,
}

/// A service of the directory as staff send it.
#[derive(Deserialize, Default, ToSchema)]
pub struct ServiceBody {
    #[schema(value_type = Option<String>)]
    pub organization_id: Field<String>,
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    pub organization_name: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub organization_url: Field<String>,
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    pub name: Field<String>,
    #[schema(value_type = Option<String>, max_length = 200)]
    pub name_en: Field<String>,
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub description: Field<String>,
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub description_en: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub eligibility: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub fees: Field<String>,
    #[schema(value_type = Option<bool>)]
    pub free: Field<bool>,
    /// 困りごと keys (`GET /api/v1/directory/needs`).
    #[schema(value_type = Option<Vec<String>>)]
    pub needs: Field<Vec<String>>,
    #[schema(value_type = Option<Vec<String>>)]
    pub audiences: Field<Vec<String>>,
    #[schema(value_type = Option<Vec<String>>)]
    pub methods: Field<Vec<String>>,
    #[schema(value_type = Option<Vec<PhoneSchema>>)]
    pub phones: Field<Vec<Value>>,
    #[schema(value_type = Option<String>, max_length = 254)]
    pub email: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub url: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub address: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub hours_note: Field<String>,
    #[schema(value_type = Option<String>, max_length = 500)]
    pub hours_note_en: Field<String>,
    #[schema(value_type = Option<Vec<ScheduleSchema>>)]
    pub schedules: Field<Vec<Value>>,
    #[schema(value_type = Option<bool>)]
    pub closed_on_holidays: Field<bool>,
    #[schema(value_type = Option<bool>)]
    pub closed_year_end: Field<bool>,
    #[schema(value_type = Option<bool>)]
    pub crisis: Field<bool>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 100000)]
    pub rank: Field<Number>,
    #[schema(value_type = Option<String>, pattern = "^(evening|health)?$")]
    pub bookable_here: Field<String>,
    #[schema(value_type = Option<String>, pattern = "^(active|temporarily closed|inactive|defunct)$")]
    pub status: Field<String>,
}

fn items<T: serde::de::DeserializeOwned>(
    list: Option<Vec<Value>>,
    errors: &mut FieldErrors,
    field: &'static str,
) -> Option<Vec<T>> {
    let list = list?;
    let mut out = Vec::with_capacity(list.len());
    for item in list {
        match serde_json::from_value(item) {
            Ok(v) => out.push(v),
            Err(_) => {
                errors.insert(field, FieldError::WrongType);
            }
        }
    }
    Some(out)
}

impl ServiceBody {
    /// The input for the service layer, and an error for each field of the
    /// wrong JSON type (left out of the input).
    pub fn input(self) -> (ServiceInput, FieldErrors) {
        let mut e = FieldErrors::new();
        let rank = self.rank.take(&mut e, "rank").map(|n| n.0);
        let rank = match rank.map(i32::try_from) {
            Some(Err(_)) => {
                e.insert(
                    "rank",
                    FieldError::Range {
                        min: 0,
                        max: 100_000,
                    },
                );
                None
            }
            Some(Ok(r)) => Some(r),
            None => None,
        };
        let input = ServiceInput {
            organization_id: self.organization_id.take(&mut e, "organization_id"),
            organization_name: self.organization_name.take(&mut e, "organization_name"),
            organization_url: self.organization_url.take(&mut e, "organization_url"),
            name: self.name.take(&mut e, "name"),
            name_en: self.name_en.take(&mut e, "name_en"),
            description: self.description.take(&mut e, "description"),
            description_en: self.description_en.take(&mut e, "description_en"),
            eligibility: self.eligibility.take(&mut e, "eligibility"),
            fees: self.fees.take(&mut e, "fees"),
            free: self.free.take(&mut e, "free"),
            needs: self.needs.take(&mut e, "needs"),
            audiences: self.audiences.take(&mut e, "audiences"),
            methods: self.methods.take(&mut e, "methods"),
            phones: {
                let raw = self.phones.take(&mut e, "phones");
                items::<PhoneInput>(raw, &mut e, "phones")
            },
            email: self.email.take(&mut e, "email"),
            url: self.url.take(&mut e, "url"),
            address: self.address.take(&mut e, "address"),
            hours_note: self.hours_note.take(&mut e, "hours_note"),
            hours_note_en: self.hours_note_en.take(&mut e, "hours_note_en"),
            schedules: {
                let raw = self.schedules.take(&mut e, "schedules");
                items::<ScheduleInput>(raw, &mut e, "schedules")
            },
            closed_on_holidays: self.closed_on_holidays.take(&mut e, "closed_on_holidays"),
            closed_year_end: self.closed_year_end.take(&mut e, "closed_year_end"),
            crisis: self.crisis.take(&mut e, "crisis"),
            rank,
            bookable_here: self.bookable_here.take(&mut e, "bookable_here"),
            status: self.status.take(&mut e, "status"),
        };
        (input, e)
    }
}
