//! Words of the health centre (地域産業保健センター) built from domain
//! values: the four kinds of service (①–④), the refused steps of a
//! request, and why a workplace is not served (with where it can go
//! instead). The phrases are in `locales/<lang>/health.ftl`.

use super::{field_message, texts};
use crate::domain::health::request::Ineligible;
use crate::domain::health::{Referral, ServiceKind};
use crate::domain::{FieldError, Lang};

/// The kind of service in words, with its number: 「① 労働者の健康管理…に係る相談」.
pub fn service_kind_label(kind: ServiceKind, lang: Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        ServiceKind::Consultation => t.health_kind_consultation,
        ServiceKind::CheckupOpinion => t.health_kind_checkup_opinion,
        ServiceKind::LongHours => t.health_kind_long_hours,
        ServiceKind::HighStress => t.health_kind_high_stress,
    }
}

/// The number of the kind alone (①–④, "1."–"4."), so that each field of a
/// service names the service it belongs to.
pub fn service_mark(kind: ServiceKind, lang: Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        ServiceKind::Consultation => t.health_mark_1,
        ServiceKind::CheckupOpinion => t.health_mark_2,
        ServiceKind::LongHours => t.health_mark_3,
        ServiceKind::HighStress => t.health_mark_4,
    }
}

/// Why the health centre's queue or schedule refused a step.
pub fn health_conflict(code: &str, lang: Lang) -> String {
    let t = texts(lang);
    match code {
        "request_not_waiting" => t.health_conflict_request_not_waiting,
        "block_full" => t.health_conflict_block_full,
        "doctor_busy" => t.health_conflict_doctor_busy,
        "place_mismatch" => t.health_conflict_place_mismatch,
        "block_past" => t.health_conflict_block_past,
        "withdrawn" => t.health_conflict_withdrawn,
        "no_proposal" => t.health_conflict_no_proposal,
        "no_show_not_recorded" => t.health_conflict_no_show_not_recorded,
        _ => t.health_conflict_other,
    }
    .to_string()
}

/// The message beside a refused field of the health centre's forms: the
/// same as [`field_message`], but a business requests, it does not book.
pub fn health_field_message(field: &str, error: &FieldError, lang: Lang) -> String {
    match error {
        FieldError::ConsentRequired => texts(lang).health_consent_required.to_string(),
        other => field_message(field, other, lang),
    }
}

/// Why a workplace cannot ask the health centre, and where it can go instead
/// (the place to go is configured in Japanese and English: English only on
/// English pages).
pub fn ineligible_reason(why: Ineligible, to: &Referral, lang: Lang) -> String {
    let t = texts(lang);
    let name = super::configured(lang, &to.name, &to.name_en);
    match why {
        Ineligible::TooManyWorkers => t.health_ineligible_too_many_workers(name, &to.phone),
        Ineligible::OutsideArea => t.health_ineligible_outside_area(name, &to.phone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centres_refusals_are_in_every_language() {
        let to = Referral {
            name: "宮城産業保健総合支援センター".into(),
            name_en: "Miyagi Occupational Health Support Center".into(),
            phone: "022-267-4229".into(),
        };
        for why in [Ineligible::TooManyWorkers, Ineligible::OutsideArea] {
            assert!(ineligible_reason(why, &to, Lang::En).is_ascii());
            assert!(ineligible_reason(why, &to, Lang::Ja).contains("宮城産業保健総合支援センター"));
            assert!(ineligible_reason(why, &to, Lang::Easy).contains("《"));
        }
        let e = FieldError::TooManyWorkers { max: 49 };
        assert_eq!(
            health_field_message("workers", &e, Lang::En),
            "The centre serves workplaces of at most 49 workers. A workplace of 50 or more must appoint its own occupational physician."
        );
        assert!(health_field_message("workers", &e, Lang::Ja).contains("49人以下"));
        for code in ["withdrawn", "no_proposal", "anything else"] {
            assert!(health_conflict(code, Lang::En).is_ascii());
            assert!(health_conflict(code, Lang::Easy).contains("《"));
        }
    }
}
