//! When and where a business would like its interview (希望日時・場所):
//! weekdays, time of day, a note, the centre or a visit. Asked on the form,
//! and again when the business asks for another date than the one proposed.

use super::{Place, TimeOfDay};
use crate::domain::booking::keep;
use crate::domain::values::{folded_lines, normalize_text};
use crate::domain::{FieldError, FieldErrors};
use chrono::Weekday;

pub const PREFERRED_NOTE_MAX: usize = 200;

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
