//! A workplace's request (面接指導等の申込) as received, checked field by
//! field, with the centre's eligibility rules: fewer than 50 workers, in the
//! area served. Pure: no I/O.

use super::{Place, ServiceAsk, ServiceKind, TimeOfDay};
use crate::domain::booking::keep;
use crate::domain::values::{
    bounded, folded_lines, normalize_text, Email, PersonName, PhoneNumber,
};
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
pub const PREFERRED_NOTE_MAX: usize = 200;
/// How far back a worker's request or a health check may lie.
pub const OLDEST_DATE_DAYS: i64 = 2 * 366;

impl Place {
    pub fn code(self) -> &'static str {
        match self {
            Place::Centre => "centre",
            Place::Visit => "visit",
        }
    }
    pub fn parse(raw: &str) -> Result<Place, FieldError> {
        match normalize_text(raw).as_str() {
            "" => Err(FieldError::Required),
            "centre" | "center" => Ok(Place::Centre),
            "visit" => Ok(Place::Visit),
            _ => Err(FieldError::Choice),
        }
    }
}

impl TimeOfDay {
    pub fn code(self) -> &'static str {
        match self {
            TimeOfDay::Any => "any",
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
        }
    }
    pub fn parse(raw: &str) -> Result<TimeOfDay, FieldError> {
        match normalize_text(raw).as_str() {
            "" | "any" => Ok(TimeOfDay::Any),
            "morning" => Ok(TimeOfDay::Morning),
            "afternoon" => Ok(TimeOfDay::Afternoon),
            _ => Err(FieldError::Choice),
        }
    }
}

/// Weekdays as stored and sent: `mon` … `sat`.
pub const WEEKDAYS: [(Weekday, &str); 6] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
];

pub fn weekday_code(day: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(d, _)| *d == day)
        .map(|(_, c)| *c)
        .unwrap_or("sun")
}

pub fn parse_weekday(raw: &str) -> Result<Weekday, FieldError> {
    let code = normalize_text(raw).to_ascii_lowercase();
    WEEKDAYS
        .iter()
        .find(|(_, c)| code.starts_with(c))
        .map(|(d, _)| *d)
        .ok_or(FieldError::Choice)
}

/// Weekdays stored as `mon,wed`.
pub fn weekdays_from_codes(codes: &str) -> Vec<Weekday> {
    codes
        .split(',')
        .filter_map(|c| parse_weekday(c).ok())
        .collect()
}

/// When a business would like its interview: weekdays (none: any), time
/// of day and a note. Asked on the form, and again when the business asks
/// for another date than the one proposed; the assistant follows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preferences {
    pub weekdays: Vec<Weekday>,
    pub time_of_day: TimeOfDay,
    pub note: String,
}

impl Preferences {
    /// Checks the three fields (`preferred.weekdays`, `preferred.time`,
    /// `preferred.note`), adding a message to `errors` for each bad one.
    pub fn parse(
        weekdays: &[String],
        time: &str,
        note: &str,
        errors: &mut FieldErrors,
    ) -> Option<Preferences> {
        let before = errors.len();
        let mut days = Vec::new();
        for raw in weekdays {
            match parse_weekday(raw) {
                Ok(d) if !days.contains(&d) => days.push(d),
                Ok(_) => {}
                Err(e) => {
                    errors.insert("preferred.weekdays", e);
                }
            }
        }
        days.sort_by_key(Weekday::num_days_from_monday);
        let time_of_day = keep(errors, "preferred.time", TimeOfDay::parse(time));
        let note = keep(
            errors,
            "preferred.note",
            folded_lines(note, PREFERRED_NOTE_MAX),
        );
        match (time_of_day, note) {
            (Some(time_of_day), Some(note)) if errors.len() == before => Some(Preferences {
                weekdays: days,
                time_of_day,
                note,
            }),
            _ => None,
        }
    }

    /// The weekdays as stored: `mon,wed`.
    pub fn weekday_codes(&self) -> String {
        self.weekdays
            .iter()
            .map(|d| weekday_code(*d))
            .collect::<Vec<_>>()
            .join(",")
    }
}

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
mod tests {
    use super::*;

    fn rules() -> Eligibility {
        Eligibility {
            area: vec!["仙台市".into(), "富谷市".into()],
            area_en: vec!["Sendai City".into(), "Tomiya City".into()],
            max_workers: 49,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn input() -> HealthInput {
        HealthInput {
            business_name: "株式会社　青葉製作所".into(),
            address: "宮城県仙台市青葉区一番町１－２－３".into(),
            workers: "３２".into(),
            industry: "製造業".into(),
            contact_name: "青葉 太郎".into(),
            phone: "０２２－２２１－６８７０".into(),
            email: "soumu@aoba.example.jp".into(),
            services: vec![
                ServiceInput {
                    kind: "high_stress".into(),
                    workers: "1".into(),
                    requested_on: "2026/11/02".into(),
                    ..Default::default()
                },
                ServiceInput {
                    kind: "checkup_opinion".into(),
                    workers: "30人".into(),
                    checked_on: "2026-10-01".into(),
                    ..Default::default()
                },
            ],
            weekdays: vec!["wed".into(), "mon".into()],
            time_of_day: "afternoon".into(),
            preferred_note: String::new(),
            place: "visit".into(),
            consent: true,
        }
    }

    #[test]
    fn a_valid_request_is_normalised() {
        let d = input().validate(&rules(), today()).unwrap();
        assert_eq!(d.business_name, "株式会社 青葉製作所");
        assert_eq!(d.workers, 32);
        assert_eq!(d.phone.as_str(), "022-221-6870");
        assert_eq!(d.weekdays, vec![Weekday::Mon, Weekday::Wed]);
        assert_eq!(d.services[0].kind, ServiceKind::CheckupOpinion);
        assert_eq!(d.services[0].workers, 30);
        assert_eq!(
            d.services[1].requested_on,
            NaiveDate::from_ymd_opt(2026, 11, 2)
        );
        assert_eq!(d.place, Place::Visit);
    }

    #[test]
    fn fifty_workers_or_outside_the_area_is_not_eligible() {
        let mut i = input();
        i.workers = "50".into();
        let r = i.validate(&rules(), today()).unwrap_err();
        assert_eq!(r.ineligible, Some(Ineligible::TooManyWorkers));
        assert_eq!(
            r.fields.get("workers"),
            Some(&FieldError::TooManyWorkers { max: 49 })
        );
        let mut i = input();
        i.address = "宮城県名取市増田１".into();
        let r = i.validate(&rules(), today()).unwrap_err();
        assert_eq!(r.ineligible, Some(Ineligible::OutsideArea));
        let mut i = input();
        i.address = "宮城県富谷市富谷坂松田３０".into();
        assert!(i.validate(&rules(), today()).is_ok());
        // Written in Latin letters: the city as a whole word.
        assert_eq!(
            rules().municipality("1-2-3 Ichibancho, Aoba-ku, Sendai"),
            Some("仙台市")
        );
        assert_eq!(rules().municipality("Tomiya City, Miyagi"), Some("富谷市"));
        assert_eq!(rules().municipality("1-1 Satsumasendai, Kagoshima"), None);
        // The municipality in its place: after the prefecture, if any.
        for served in [
            "宮城県仙台市青葉区一番町1-2-3",
            "仙台市青葉区一番町1-2-3",
            "富谷市富谷坂松田30",
            "宮城県 富谷市富谷",
            "〒980-0811 宮城県仙台市青葉区一番町",
            "〒９８１－３３０３　富谷市",
        ] {
            assert!(rules().municipality(served).is_some(), "{served}");
        }
        for elsewhere in [
            "東京都千代田区 仙台市",
            "東京都千代田区仙台市場1",
            "宮城県名取市仙台市寄り",
            "大阪府大阪市北区 富谷市",
            "神奈川県横浜市 仙台市",
            "名取市 (仙台市の隣)",
            "東京都千代田区 Sendai",
        ] {
            assert_eq!(rules().municipality(elsewhere), None, "{elsewhere}");
        }
    }

    #[test]
    fn every_bad_field_has_its_reason() {
        let i = HealthInput {
            services: vec![
                ServiceInput {
                    kind: "long_hours".into(),
                    workers: "0".into(),
                    requested_on: "2027-01-01".into(),
                    ..Default::default()
                },
                ServiceInput {
                    kind: "long_hours".into(),
                    workers: "1".into(),
                    ..Default::default()
                },
            ],
            weekdays: vec!["someday".into()],
            time_of_day: "night".into(),
            place: "moon".into(),
            ..Default::default()
        };
        let r = i.validate(&rules(), today()).unwrap_err();
        for field in [
            "business_name",
            "address",
            "workers",
            "industry",
            "contact_name",
            "phone",
            "email",
            "services",
            "services.long_hours.workers",
            "services.long_hours.requested_on",
            "preferred.weekdays",
            "preferred.time",
            "place",
            "consent",
        ] {
            assert!(r.fields.contains_key(field), "{field}: {:?}", r.fields);
        }
        assert_eq!(
            r.fields["services.long_hours.requested_on"],
            FieldError::FutureDate
        );
        assert_eq!(r.ineligible, None);
    }

    #[test]
    fn no_services_is_refused() {
        let mut i = input();
        i.services.clear();
        let r = i.validate(&rules(), today()).unwrap_err();
        assert_eq!(r.fields.get("services"), Some(&FieldError::Required));
    }
}
