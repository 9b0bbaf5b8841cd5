//! Words built in code from domain values: labels of choices, the messages
//! of refused fields and rules (the staff's words for codes are in
//! [`super::staff`]). Being
//! moved into the message files (`locales/`), one area at a time.

use crate::domain::rules::RuleBroken;
use crate::domain::{AgeBand, FieldError, Lang, Profession, Topic};
use crate::i18n::dates::format_datetime;

pub fn profession_label(p: Profession, lang: Lang) -> &'static str {
    let t = texts(lang);
    match p {
        Profession::Lawyer => t.profession_lawyer,
        Profession::Psychologist => t.profession_psychologist,
    }
}

pub fn age_band_label(a: AgeBand, lang: Lang) -> &'static str {
    let t = texts(lang);
    match a {
        AgeBand::Under20 => t.age_band_under_20,
        AgeBand::Twenties => t.age_band_20s,
        AgeBand::Thirties => t.age_band_30s,
        AgeBand::Forties => t.age_band_40s,
        AgeBand::Fifties => t.age_band_50s,
        AgeBand::Sixties => t.age_band_60s,
        AgeBand::SeventyPlus => t.age_band_70_plus,
        AgeBand::NoAnswer => t.age_band_no_answer,
    }
}

pub fn topic_label(topic: Topic, lang: Lang) -> &'static str {
    let t = texts(lang);
    match topic {
        Topic::Workplace => t.topic_workplace,
        Topic::Family => t.topic_family,
        Topic::Money => t.topic_money,
        Topic::Relationships => t.topic_relationships,
        Topic::Health => t.topic_health,
        Topic::Other => t.topic_other,
    }
}

/// A stored answer to an optional question, in words: 「未回答」 when it
/// was not asked or not answered (never an answer chosen for the person).
pub fn age_band_answer(code: &str, lang: Lang) -> &'static str {
    AgeBand::parse(code)
        .map(|a| age_band_label(a, lang))
        .unwrap_or(texts(lang).unanswered)
}

/// See [`age_band_answer`].
pub fn topic_answer(code: &str, lang: Lang) -> &'static str {
    Topic::parse(code)
        .map(|t| topic_label(t, lang))
        .unwrap_or(texts(lang).unanswered)
}

/// The message shown beside a refused field.
pub fn field_message(field: &str, error: &FieldError, lang: Lang) -> String {
    let t = texts(lang);
    let choice_field = matches!(
        field,
        "age_band"
            | "topic"
            | "profession"
            | "slot_id"
            | "slot_ids"
            | "place"
            | "services"
            | "preferred.time"
            | "doctor_id"
            | "needs"
            | "audiences"
            | "methods"
            | "bookable_here"
            | "status"
    );
    let s = match error {
        FieldError::Required if choice_field => t.field_required_choice,
        FieldError::Required => t.field_required,
        FieldError::TooLong { max } => return t.field_too_long(*max),
        FieldError::TooShort { min } => return t.field_too_short(*min),
        FieldError::ControlCharacters => t.field_control_characters,
        FieldError::InvisibleCharacters => t.field_invisible_characters,
        FieldError::KanaOnly => t.field_kana_only,
        FieldError::Phone => t.field_phone,
        FieldError::Email => t.field_email,
        FieldError::Choice => t.field_choice,
        FieldError::ConsentRequired => t.field_consent_required,
        FieldError::NotANumber => t.field_not_a_number,
        FieldError::WrongType => t.field_wrong_type,
        FieldError::NoSuchSlot => t.field_no_such_slot,
        FieldError::Date => t.field_date,
        FieldError::FutureDate => t.field_future_date,
        FieldError::Range { min, max } => return t.field_range(*max, *min),
        FieldError::Duplicate => t.field_duplicate,
        FieldError::OutsideArea => t.field_outside_area,
        FieldError::TooManyWorkers { max } => return t.field_too_many_workers(*max, *max + 1),
    };
    s.to_string()
}

/// Which rule refused a request, and what to do instead.
pub fn rule_message(rule: &RuleBroken, lang: Lang) -> String {
    let t = texts(lang);
    let s = match rule {
        RuleBroken::NotYetOpen { opens_at } => {
            return t.rule_not_yet_open(format_datetime(*opens_at, lang))
        }
        RuleBroken::Closed { closed_at } => {
            return t.rule_closed(format_datetime(*closed_at, lang))
        }
        RuleBroken::OneBookingPerPerson => t.rule_one_booking_per_person,
        RuleBroken::NotAPair => t.rule_not_a_pair,
        RuleBroken::AlreadyWaiting => t.rule_already_waiting,
        RuleBroken::SlotsAvailable => t.rule_slots_available,
        RuleBroken::OfferGone => t.rule_offer_gone,
        RuleBroken::BookingCancelled => t.rule_booking_cancelled,
        RuleBroken::OverlappingSlots => t.rule_overlapping_slots,
    };
    s.to_string()
}

use super::texts;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_has_words_in_both_languages() {
        let errors = [
            FieldError::Required,
            FieldError::TooLong { max: 50 },
            FieldError::ControlCharacters,
            FieldError::InvisibleCharacters,
            FieldError::KanaOnly,
            FieldError::Phone,
            FieldError::Email,
            FieldError::ConsentRequired,
        ];
        for e in errors {
            assert!(!field_message("name", &e, Lang::Ja).is_ascii());
            assert!(field_message("name", &e, Lang::En).is_ascii());
        }
    }
}
