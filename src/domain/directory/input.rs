//! A service as staff send it (`POST`/`PATCH /api/v1/staff/directory/…`,
//! `/staff/directory`): every part optional, so that a change names only
//! what changes; validated whole into a [`ServiceEntry`], with an error
//! for each bad field.

use super::schedule::parse_time;
use super::{
    Audience, BookableHere, ByDay, Freq, Method, Need, Organization, Phone, PhoneKind, Schedule,
    ServiceEntry, Status,
};
use crate::domain::values::{bounded, folded_lines, optional_text, Email, PhoneNumber};
use crate::domain::{FieldError, FieldErrors};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PhoneInput {
    pub number: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ScheduleInput {
    pub freq: String,
    #[serde(default)]
    pub byday: Option<String>,
    #[serde(default)]
    pub opens_at: Option<String>,
    #[serde(default)]
    pub closes_at: Option<String>,
    #[serde(default)]
    pub valid_from: Option<String>,
    #[serde(default)]
    pub valid_to: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A service as sent; `None` leaves a part as it is (or empty, for a new one).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ServiceInput {
    pub organization_id: Option<String>,
    pub organization_name: Option<String>,
    pub organization_url: Option<String>,
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub description: Option<String>,
    pub description_en: Option<String>,
    pub eligibility: Option<String>,
    pub fees: Option<String>,
    pub free: Option<bool>,
    pub needs: Option<Vec<String>>,
    pub audiences: Option<Vec<String>>,
    pub methods: Option<Vec<String>>,
    pub phones: Option<Vec<PhoneInput>>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub address: Option<String>,
    pub hours_note: Option<String>,
    pub hours_note_en: Option<String>,
    pub schedules: Option<Vec<ScheduleInput>>,
    pub closed_on_holidays: Option<bool>,
    pub closed_year_end: Option<bool>,
    pub crisis: Option<bool>,
    pub rank: Option<i32>,
    /// `evening`, `health`, or empty for none.
    pub bookable_here: Option<String>,
    pub status: Option<String>,
}

pub const NAME_MAX: usize = 200;
pub const TEXT_MAX: usize = 2000;
pub const SHORT_MAX: usize = 500;

/// A directory phone: a Japanese number, or a short one (`189`, `#7119`).
pub(crate) fn phone_number(raw: &str) -> Result<String, FieldError> {
    if let Ok(p) = PhoneNumber::parse(raw) {
        return Ok(p.as_str().to_string());
    }
    let folded = crate::domain::values::normalize_text(raw);
    let digits = folded.strip_prefix('#').unwrap_or(&folded);
    if (3..=4).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(folded)
    } else if folded.is_empty() {
        Err(FieldError::Required)
    } else {
        Err(FieldError::Phone)
    }
}

/// A web address: `http://` or `https://` and nothing that could run.
fn web_address(raw: &str) -> Result<String, FieldError> {
    let value = optional_text(raw, SHORT_MAX)?;
    if value.is_empty() {
        return Ok(value);
    }
    match url::Url::parse(&value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(value),
        _ => Err(FieldError::Choice),
    }
}

fn optional_date(raw: &Option<String>) -> Result<Option<NaiveDate>, FieldError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldError::Date),
    }
}

fn optional_time(raw: &Option<String>) -> Result<Option<chrono::NaiveTime>, FieldError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_time(t).map(Some).map_err(|_| FieldError::Choice),
    }
}

fn codes<T: PartialEq>(
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, FieldError>,
) -> Result<Vec<T>, FieldError> {
    let mut out = Vec::new();
    for code in raw {
        let v = parse(code)?;
        if out.contains(&v) {
            return Err(FieldError::Duplicate);
        }
        out.push(v);
    }
    Ok(out)
}

pub(crate) fn schedule(s: &ScheduleInput) -> Result<Schedule, FieldError> {
    let freq = Freq::parse(&s.freq).map_err(|_| FieldError::Choice)?;
    let byday =
        ByDay::parse_list(s.byday.as_deref().unwrap_or("")).map_err(|_| FieldError::Choice)?;
    if freq == Freq::Monthly && byday.is_empty() {
        return Err(FieldError::Required);
    }
    let (valid_from, valid_to) = (optional_date(&s.valid_from)?, optional_date(&s.valid_to)?);
    if let (Some(from), Some(to)) = (valid_from, valid_to) {
        if to < from {
            return Err(FieldError::Date);
        }
    }
    Ok(Schedule {
        freq,
        byday,
        opens_at: optional_time(&s.opens_at)?,
        closes_at: optional_time(&s.closes_at)?,
        valid_from,
        valid_to,
        description: optional_text(s.description.as_deref().unwrap_or(""), SHORT_MAX)?,
    })
}

impl ServiceInput {
    /// This input laid over `base` (what is stored, for a change), then
    /// validated; `id` and `organization_id` are those the entry will have.
    pub fn validate(
        &self,
        base: Option<&ServiceEntry>,
        id: String,
        organization_id: String,
    ) -> Result<ServiceEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        let text = |v: &Option<String>, old: Option<&str>| -> String {
            v.clone()
                .or_else(|| old.map(str::to_string))
                .unwrap_or_default()
        };
        let mut keep = |field: &'static str, r: Result<String, FieldError>| match r {
            Ok(v) => v,
            Err(e) => {
                errors.insert(field, e);
                String::new()
            }
        };
        let b = base;
        let name = keep(
            "name",
            bounded(&text(&self.name, b.map(|e| e.name.as_str())), NAME_MAX),
        );
        let organization_name = keep(
            "organization_name",
            bounded(
                &text(
                    &self.organization_name,
                    b.map(|e| e.organization.name.as_str()),
                ),
                NAME_MAX,
            ),
        );
        let organization_url = keep(
            "organization_url",
            web_address(&text(
                &self.organization_url,
                b.map(|e| e.organization.url.as_str()),
            )),
        );
        let name_en = keep(
            "name_en",
            optional_text(
                &text(&self.name_en, b.map(|e| e.name_en.as_str())),
                NAME_MAX,
            ),
        );
        let description = keep(
            "description",
            folded_lines(
                &text(&self.description, b.map(|e| e.description.as_str())),
                TEXT_MAX,
            ),
        );
        let description_en = keep(
            "description_en",
            folded_lines(
                &text(&self.description_en, b.map(|e| e.description_en.as_str())),
                TEXT_MAX,
            ),
        );
        let eligibility = keep(
            "eligibility",
            optional_text(
                &text(&self.eligibility, b.map(|e| e.eligibility.as_str())),
                SHORT_MAX,
            ),
        );
        let fees = keep(
            "fees",
            optional_text(&text(&self.fees, b.map(|e| e.fees.as_str())), SHORT_MAX),
        );
        let address = keep(
            "address",
            optional_text(
                &text(&self.address, b.map(|e| e.address.as_str())),
                SHORT_MAX,
            ),
        );
        let hours_note = keep(
            "hours_note",
            optional_text(
                &text(&self.hours_note, b.map(|e| e.hours_note.as_str())),
                SHORT_MAX,
            ),
        );
        let hours_note_en = keep(
            "hours_note_en",
            optional_text(
                &text(&self.hours_note_en, b.map(|e| e.hours_note_en.as_str())),
                SHORT_MAX,
            ),
        );
        let url = keep(
            "url",
            web_address(&text(&self.url, b.map(|e| e.url.as_str()))),
        );
        let email_raw = text(&self.email, b.map(|e| e.email.as_str()));
        let email = if email_raw.trim().is_empty() {
            String::new()
        } else {
            keep(
                "email",
                Email::parse(&email_raw).map(|e| e.as_str().to_string()),
            )
        };
        let needs = match &self.needs {
            Some(raw) => codes(raw, Need::parse),
            None => Ok(b.map(|e| e.needs.clone()).unwrap_or_default()),
        };
        let needs = match needs {
            Ok(n) if n.is_empty() => {
                errors.insert("needs", FieldError::Required);
                n
            }
            Ok(n) => n,
            Err(e) => {
                errors.insert("needs", e);
                Vec::new()
            }
        };
        let audiences = match &self.audiences {
            Some(raw) => codes(raw, Audience::parse),
            None => Ok(b.map(|e| e.audiences.clone()).unwrap_or_default()),
        }
        .unwrap_or_else(|e| {
            errors.insert("audiences", e);
            Vec::new()
        });
        let methods = match &self.methods {
            Some(raw) => codes(raw, Method::parse),
            None => Ok(b.map(|e| e.methods.clone()).unwrap_or_default()),
        }
        .unwrap_or_else(|e| {
            errors.insert("methods", e);
            Vec::new()
        });
        let phones = match &self.phones {
            None => b.map(|e| e.phones.clone()).unwrap_or_default(),
            Some(list) => list
                .iter()
                .filter_map(|p| {
                    let number = phone_number(&p.number);
                    let kind = p
                        .kind
                        .as_deref()
                        .map_or(Ok(PhoneKind::Voice), PhoneKind::parse);
                    let description =
                        optional_text(p.description.as_deref().unwrap_or(""), SHORT_MAX);
                    match (number, kind, description) {
                        (Ok(number), Ok(kind), Ok(description)) => Some(Phone {
                            number,
                            kind,
                            description,
                        }),
                        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                            errors.insert("phones", e);
                            None
                        }
                    }
                })
                .collect(),
        };
        let schedules = match &self.schedules {
            None => b.map(|e| e.schedules.clone()).unwrap_or_default(),
            Some(list) => list
                .iter()
                .filter_map(|s| match schedule(s) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        errors.insert("schedules", e);
                        None
                    }
                })
                .collect(),
        };
        let bookable_here = match self.bookable_here.as_deref().map(str::trim) {
            None => b.and_then(|e| e.bookable_here),
            Some("") => None,
            Some(code) => BookableHere::parse(code)
                .map_err(|e| errors.insert("bookable_here", e))
                .ok(),
        };
        let status = match self.status.as_deref() {
            None => b.map_or(Status::Active, |e| e.status),
            Some(code) => Status::parse(code).unwrap_or_else(|e| {
                errors.insert("status", e);
                Status::Active
            }),
        };
        let rank = self.rank.or(b.map(|e| e.rank)).unwrap_or(100);
        if !(0..=100_000).contains(&rank) {
            errors.insert(
                "rank",
                FieldError::Range {
                    min: 0,
                    max: 100_000,
                },
            );
        }
        let flag = |v: Option<bool>, old: Option<bool>, default: bool| v.or(old).unwrap_or(default);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ServiceEntry {
            id,
            organization: Organization {
                id: organization_id,
                name: organization_name,
                url: organization_url,
            },
            name,
            name_en,
            description,
            description_en,
            eligibility,
            fees,
            free: flag(self.free, b.map(|e| e.free), true),
            needs,
            audiences,
            methods,
            phones,
            email,
            url,
            address,
            schedules,
            hours_note,
            hours_note_en,
            closed_on_holidays: flag(
                self.closed_on_holidays,
                b.map(|e| e.closed_on_holidays),
                false,
            ),
            closed_year_end: flag(self.closed_year_end, b.map(|e| e.closed_year_end), false),
            crisis: flag(self.crisis, b.map(|e| e.crisis), false),
            rank,
            bookable_here,
            status,
            confirmed: b.and_then(|e| e.confirmed.clone()),
        })
    }
}
