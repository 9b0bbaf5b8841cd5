use super::share::check;
use super::*;
use crate::domain::{FieldError, Topic};
use chrono::TimeZone;

use ReferralStatus::*;

#[test]
fn the_service_moves_an_open_referral_on_and_nothing_follows_an_arrival() {
    assert!(Sent.step(Contacted, Actor::Service).is_ok());
    assert!(Contacted.step(Connected, Actor::Service).is_ok());
    // 連絡がつかない may be tried again.
    assert!(Unreachable.step(Contacted, Actor::Service).is_ok());
    assert!(Sent.step(NoCapacity, Actor::Service).is_ok());
    for ended in [
        Connected,
        NotEligible,
        NoCapacity,
        Declined,
        Withdrawn,
        Closed,
    ] {
        assert!(!ended.open(), "{ended:?}");
        for next in ReferralStatus::BY_SERVICE {
            assert_eq!(
                ended.step(*next, Actor::Service),
                Err(StepRefused::NotFromHere {
                    from: ended,
                    to: *next
                }),
                "{ended:?} → {next:?}"
            );
        }
    }
    assert!(Contacted.step(Contacted, Actor::Service).is_err());
    // Only the person withdraws, only the office closes.
    assert_eq!(
        Sent.step(Withdrawn, Actor::Service),
        Err(StepRefused::NotTheirs)
    );
    assert_eq!(
        Sent.step(Closed, Actor::Service),
        Err(StepRefused::NotTheirs)
    );
    assert_eq!(
        Sent.step(Connected, Actor::Person),
        Err(StepRefused::NotTheirs)
    );
    assert_eq!(
        Sent.step(Connected, Actor::Office),
        Err(StepRefused::NotTheirs)
    );
}

#[test]
fn the_person_may_withdraw_until_it_is_closed_and_the_office_closes_with_an_outcome() {
    assert!(Connected.step(Withdrawn, Actor::Person).is_ok());
    assert!(Sent.step(Withdrawn, Actor::Person).is_ok());
    assert!(Withdrawn.step(Withdrawn, Actor::Person).is_err());
    assert!(Closed.step(Withdrawn, Actor::Person).is_err());
    assert_eq!(close(Connected, "  "), Err(StepRefused::OutcomeRequired));
    assert!(close(Connected, "相談につながった").is_ok());
    assert!(close(Closed, "二度目").is_err());
}

#[test]
fn an_open_referral_without_news_for_fourteen_days_is_overdue() {
    let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2027, 1, d, h, 0, 0).unwrap();
    let fortnight = Duration::days(14);
    assert!(!overdue(Sent, at(1, 9), at(15, 8), fortnight));
    assert!(overdue(Sent, at(1, 9), at(15, 9), fortnight));
    assert!(overdue(Unreachable, at(1, 9), at(20, 9), fortnight));
    assert!(
        !overdue(Connected, at(1, 9), at(30, 9), fortnight),
        "arrived"
    );
    assert_eq!(age_days(at(1, 9), at(15, 8)), 13);
    assert_eq!(age_days(at(2, 9), at(1, 9)), 0);
}

fn person() -> SharedFrom<'static> {
    SharedFrom {
        name: "仙台 花子",
        phone: "090-1234-5678",
        email: Some("hanako@example.jp"),
        topic: Some(Topic::Money),
    }
}

fn consent() -> Consent {
    Consent {
        given: true,
        text_version: "2027-01".into(),
    }
}

#[test]
fn only_what_was_consented_to_is_passed_on() {
    let share = Share {
        name: true,
        contact: true,
        note: true,
        topic: false,
    };
    let shared = check(
        &consent(),
        "2027-01",
        ContactBy::Phone,
        share,
        "夜に電話をください",
        &person(),
    )
    .unwrap();
    assert_eq!(shared.name.as_deref(), Some("仙台 花子"));
    assert_eq!(shared.phone.as_deref(), Some("090-1234-5678"));
    assert_eq!(shared.email, None, "the phone was chosen, not the mail");
    assert_eq!(shared.topic, None, "the topic only if agreed");
    assert_eq!(shared.note.as_deref(), Some("夜に電話をください"));
    // The person will contact the service themselves: no contact goes along.
    let themselves = check(
        &consent(),
        "2027-01",
        ContactBy::None,
        Share {
            topic: true,
            ..Share::default()
        },
        "",
        &person(),
    )
    .unwrap();
    assert_eq!(
        themselves,
        Shared {
            topic: Some(Topic::Money),
            contact_by: Some(ContactBy::None),
            ..Shared::nothing()
        }
    );
}

#[test]
fn without_consent_to_the_current_words_nothing_is_referred() {
    let refused = |consent: Consent, by, share, note: &str, who: SharedFrom<'static>| {
        check(&consent, "2027-01", by, share, note, &who).unwrap_err()
    };
    let no = Consent {
        given: false,
        ..consent()
    };
    let all = Share {
        name: true,
        contact: true,
        note: false,
        topic: false,
    };
    assert_eq!(
        refused(no, ContactBy::Phone, all, "", person()).get("consent"),
        Some(&FieldError::ConsentRequired)
    );
    let old_words = Consent {
        text_version: "2026-04".into(),
        ..consent()
    };
    assert_eq!(
        refused(old_words, ContactBy::Phone, all, "", person()).get("consent"),
        Some(&FieldError::Choice)
    );
    // Contact by mail without an address; contact asked but not shared;
    // a note that may not go along; a note with control characters.
    let no_mail = SharedFrom {
        email: None,
        ..person()
    };
    assert_eq!(
        refused(consent(), ContactBy::Email, all, "", no_mail).get("contact"),
        Some(&FieldError::Email)
    );
    let silent = Share {
        contact: false,
        ..all
    };
    assert!(refused(consent(), ContactBy::Phone, silent, "", person()).contains_key("contact"));
    assert!(refused(consent(), ContactBy::Phone, all, "メモ", person())
        .contains_key("note_for_service"));
    let with_note = Share { note: true, ..all };
    assert!(
        refused(consent(), ContactBy::Phone, with_note, "a\u{0}b", person())
            .contains_key("note_for_service")
    );
    assert!(
        refused(consent(), ContactBy::Phone, with_note, "  ", person())
            .contains_key("note_for_service")
    );
}
