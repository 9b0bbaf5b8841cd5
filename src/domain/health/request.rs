//! A workplace's request (面接指導等の申込) as received, checked field by
//! field, with the centre's eligibility rules: fewer than 50 workers, in the
//! area served. Pure: no I/O.

use super::preferences::Preferences;
use super::{Place, ServiceAsk, ServiceKind, TimeOfDay};
use crate::domain::booking::keep;
use crate::domain::values::{bounded, normalize_text, Email, PersonName, PhoneNumber};
use crate::domain::{FieldError, FieldErrors};
use chrono::{NaiveDate, Weekday};

/// One service as the form or the API gives it.
#[derive(Debug, Clone, Default)]
pub struct ServiceInput {
    pub kind: String,
    pub workers: String,
    pub requested_on: String,
    pub checked_on: String,
}

/// The request as received: text as typed.
#[derive(Debug, Clone, Default)]
pub struct HealthInput {
    pub business_name: String,
    pub address: String,
    pub workers: String,
    pub industry: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub services: Vec<ServiceInput>,
    pub weekdays: Vec<String>,
    pub time_of_day: String,
    pub preferred_note: String,
    pub place: String,
    pub consent: bool,
}

/// Who the centre serves.
#[derive(Debug, Clone)]
pub struct Eligibility {
    /// Municipalities served; the address must name one.
    pub area: Vec<String>,
    /// The same in English, in the same order (`Sendai City`), for an
    /// address written in Latin letters (`… Aoba-ku, Sendai`).
    pub area_en: Vec<String>,
    pub max_workers: u32,
}

/// Why a workplace is not the centre's to serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ineligible {
    TooManyWorkers,
    OutsideArea,
}

/// A request every field of which is valid.
#[derive(Debug, Clone)]
pub struct HealthRequestDetails {
    pub business_name: String,
    pub address: String,
    pub workers: u32,
    pub industry: String,
    pub contact_name: PersonName,
    pub phone: PhoneNumber,
    pub email: Email,
    pub services: Vec<ServiceAsk>,
    pub weekdays: Vec<Weekday>,
    pub time_of_day: TimeOfDay,
    pub preferred_note: String,
    pub place: Place,
}

/// What was wrong: a message per field, and whether the workplace is
/// outside what the centre serves (then the page says where to go instead).
#[derive(Debug, Clone, Default)]
pub struct Refused {
    pub fields: FieldErrors,
    pub ineligible: Option<Ineligible>,
}

pub const BUSINESS_NAME_MAX: usize = 100;
pub const ADDRESS_MAX: usize = 200;
pub const INDUSTRY_MAX: usize = 50;
/// How far back a worker's request or a health check may lie.
pub const OLDEST_DATE_DAYS: i64 = 2 * 366;

/// A count from text (full-width digits too) within `min..=max`.
pub fn parse_count(raw: &str, min: u32, max: u32) -> Result<u32, FieldError> {
    let text = normalize_text(raw).replace(['人', '名', ','], "");
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    let n: u64 = text.trim().parse().map_err(|_| FieldError::NotANumber)?;
    if n < u64::from(min) || n > u64::from(max) {
        return Err(FieldError::Range { min, max });
    }
    Ok(n as u32)
}

/// A date as `2027-01-13` or `2027/1/13` (full-width digits too).
pub fn parse_date(raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    let text = normalize_text(raw).replace('/', "-");
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| FieldError::Date)
}

/// A past date: not after `today`, not older than two years.
fn past_date(raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let date = parse_date(raw)?;
    match date {
        Some(d) if d > today => Err(FieldError::FutureDate),
        Some(d) if (today - d).num_days() > OLDEST_DATE_DAYS => Err(FieldError::Date),
        other => Ok(other),
    }
}

/// The field name of one service's part, as the form and the API report it.
pub fn service_field(kind: ServiceKind, part: &str) -> &'static str {
    const NAMES: [[&str; 3]; 4] = [
        [
            "services.consultation.workers",
            "services.consultation.requested_on",
            "services.consultation.checked_on",
        ],
        [
            "services.checkup_opinion.workers",
            "services.checkup_opinion.requested_on",
            "services.checkup_opinion.checked_on",
        ],
        [
            "services.long_hours.workers",
            "services.long_hours.requested_on",
            "services.long_hours.checked_on",
        ],
        [
            "services.high_stress.workers",
            "services.high_stress.requested_on",
            "services.high_stress.checked_on",
        ],
    ];
    let row = ServiceKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    let col = match part {
        "requested_on" => 1,
        "checked_on" => 2,
        _ => 0,
    };
    NAMES[row][col]
}

impl Eligibility {
    /// The municipality the address names in its place, if it is served:
    /// after an optional postal code and prefecture, the address begins
    /// with it (宮城県仙台市青葉区…, 〒981-3303 富谷市…), so that a
    /// municipality's name elsewhere in the address (東京都千代田区 仙台市)
    /// does not count. An address in Latin letters names the city as a
    /// whole word (… Aoba-ku, Sendai).
    pub fn municipality(&self, address: &str) -> Option<&str> {
        let folded = normalize_text(address);
        let local = after_prefecture(&folded);
        if let Some(m) = self.area.iter().find(|m| local.starts_with(m.as_str())) {
            return Some(m);
        }
        // Written in Japanese, the place decides; Latin letters only otherwise.
        if folded.chars().any(|c| c >= '\u{3000}') {
            return None;
        }
        // Latin letters: the name without "City", as a whole word.
        let lower = folded.to_lowercase();
        self.area_en
            .iter()
            .zip(&self.area)
            .find(|(en, _)| {
                let name = en.to_lowercase().replace(" city", "");
                let name = name.trim();
                !name.is_empty()
                    && lower.match_indices(name).any(|(i, _)| {
                        let before = lower[..i].chars().next_back();
                        let after = lower[i + name.len()..].chars().next();
                        !before.is_some_and(char::is_alphabetic)
                            && !after.is_some_and(char::is_alphabetic)
                    })
            })
            .map(|(_, ja)| ja.as_str())
    }
}

/// The address after a leading postal code (`〒980-0811`, `9800811`) and
/// prefecture (`宮城県`, `北海道`, `神奈川県`), and the spaces between.
fn after_prefecture(address: &str) -> &str {
    let mut rest = address.trim_start_matches(['〒', ' ']);
    let digits =
        |s: &str, n: usize| s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit);
    if digits(rest, 3) {
        let tail = rest[3..].strip_prefix('-').unwrap_or(&rest[3..]);
        if digits(tail, 4) {
            rest = tail[4..].trim_start();
        }
    }
    for n in [2, 3] {
        let mut chars = rest.char_indices().skip(n);
        if let Some((i, c)) = chars.next() {
            let name = &rest[..i];
            if matches!(c, '都' | '道' | '府' | '県')
                && !name.contains(['市', '区', '町', '村', '郡', ' '])
            {
                return rest[i + c.len_utf8()..].trim_start();
            }
        }
    }
    rest
}

impl HealthInput {
    /// Checks every field and the centre's rules, reporting all problems at once.
    pub fn validate(
        &self,
        rules: &Eligibility,
        today: NaiveDate,
    ) -> Result<HealthRequestDetails, Refused> {
        let mut errors = FieldErrors::new();
        let mut ineligible = None;
        let text = |errors: &mut FieldErrors, field: &'static str, raw: &str, max: usize| {
            keep(errors, field, bounded(raw, max))
        };
        let business_name = text(
            &mut errors,
            "business_name",
            &self.business_name,
            BUSINESS_NAME_MAX,
        );
        let address = text(&mut errors, "address", &self.address, ADDRESS_MAX);
        if let Some(a) = &address {
            if rules.municipality(a).is_none() {
                errors.insert("address", FieldError::OutsideArea);
                ineligible = Some(Ineligible::OutsideArea);
            }
        }
        let workers = match parse_count(&self.workers, 1, u32::MAX) {
            Ok(n) if n > rules.max_workers => {
                errors.insert(
                    "workers",
                    FieldError::TooManyWorkers {
                        max: rules.max_workers,
                    },
                );
                ineligible = Some(Ineligible::TooManyWorkers);
                None
            }
            other => keep(&mut errors, "workers", other),
        };
        let industry = text(&mut errors, "industry", &self.industry, INDUSTRY_MAX);
        let contact_name = keep(
            &mut errors,
            "contact_name",
            PersonName::parse(&self.contact_name),
        );
        let phone = keep(&mut errors, "phone", PhoneNumber::parse(&self.phone));
        let email = keep(&mut errors, "email", Email::parse(&self.email));
        let services = self.services(&mut errors, workers.unwrap_or(rules.max_workers), today);
        let preferred = Preferences::parse(
            &self.weekdays,
            &self.time_of_day,
            &self.preferred_note,
            &mut errors,
        );
        let (weekdays, time_of_day, preferred_note) = match preferred {
            Some(p) => (p.weekdays, Some(p.time_of_day), p.note),
            None => (Vec::new(), None, String::new()),
        };
        let place = keep(&mut errors, "place", Place::parse(&self.place));
        if !self.consent {
            errors.insert("consent", FieldError::ConsentRequired);
        }
        match (
            business_name,
            address,
            workers,
            industry,
            contact_name,
            phone,
            email,
            time_of_day,
            place,
        ) {
            (
                Some(business_name),
                Some(address),
                Some(workers),
                Some(industry),
                Some(contact_name),
                Some(phone),
                Some(email),
                Some(time_of_day),
                Some(place),
            ) if errors.is_empty() => Ok(HealthRequestDetails {
                business_name,
                address,
                workers,
                industry,
                contact_name,
                phone,
                email,
                services,
                weekdays,
                time_of_day,
                preferred_note,
                place,
            }),
            _ => Err(Refused {
                fields: errors,
                ineligible,
            }),
        }
    }

    fn services(
        &self,
        errors: &mut FieldErrors,
        max_workers: u32,
        today: NaiveDate,
    ) -> Vec<ServiceAsk> {
        if self.services.is_empty() {
            errors.insert("services", FieldError::Required);
            return Vec::new();
        }
        let mut asks: Vec<ServiceAsk> = Vec::new();
        let mut seen: Vec<ServiceKind> = Vec::new();
        for s in &self.services {
            let Some(kind) = ServiceKind::parse(&normalize_text(&s.kind)) else {
                errors.insert("services", FieldError::Choice);
                continue;
            };
            if seen.contains(&kind) {
                errors.insert("services", FieldError::Duplicate);
                continue;
            }
            seen.push(kind);
            let workers = keep(
                errors,
                service_field(kind, "workers"),
                parse_count(&s.workers, 1, max_workers.max(1)),
            );
            let (requested_on, checked_on) = match kind {
                ServiceKind::LongHours | ServiceKind::HighStress => (
                    keep(
                        errors,
                        service_field(kind, "requested_on"),
                        past_date(&s.requested_on, today),
                    )
                    .flatten(),
                    None,
                ),
                ServiceKind::CheckupOpinion => (
                    None,
                    keep(
                        errors,
                        service_field(kind, "checked_on"),
                        past_date(&s.checked_on, today),
                    )
                    .flatten(),
                ),
                ServiceKind::Consultation => (None, None),
            };
            if let Some(workers) = workers {
                asks.push(ServiceAsk {
                    kind,
                    workers,
                    requested_on,
                    checked_on,
                });
            }
        }
        asks.sort_by_key(|a| a.kind);
        asks
    }
}

#[cfg(test)]
mod tests;
