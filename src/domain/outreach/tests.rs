use super::low_fill;
use super::notices::{may_notify, news, notice_for, paced, EveningState, NewsKind, Subscriber};
use super::{channel, Kinds, Source};
use crate::domain::quiet::QuietHours;
use crate::domain::time::jst_instant;
use crate::domain::{FieldError, Profession};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use std::collections::HashSet;

fn jst(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    jst_instant(
        NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
    )
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 2027-01-13 18:30, open from 2026-11-14, closing 2027-01-12 17:00.
fn january(free_lawyer: usize, waiting_lawyer: usize) -> EveningState {
    EveningState {
        session_id: 7,
        starts_at: jst(2027, 1, 13, 18) + Duration::minutes(30),
        opens_at: jst(2026, 11, 14, 0),
        closes_at: jst(2027, 1, 12, 17),
        free: vec![
            (Profession::Lawyer, free_lawyer),
            (Profession::Psychologist, 0),
        ],
        waiting: vec![(Profession::Lawyer, waiting_lawyer)],
    }
}

fn subscriber(new_month: bool, free_slot: bool) -> Subscriber {
    Subscriber {
        id: 1,
        kinds: Kinds {
            new_month,
            free_slot,
        },
        confirmed_at: jst(2026, 11, 1, 12),
        last_notice_on: None,
        told: HashSet::new(),
    }
}

#[test]
fn an_opening_is_news_for_a_week_and_a_free_slot_only_within_the_days() {
    let e = january(2, 0);
    // The day it opened: an opening; the evening is 60 days off, so no free-slot news.
    let at_opening = news(std::slice::from_ref(&e), jst(2026, 11, 14, 9), 14);
    assert_eq!(at_opening.len(), 1);
    assert_eq!(at_opening[0].kind, NewsKind::Opened);
    assert_eq!(at_opening[0].about, "open:7");
    // Eight days later the opening is old news.
    assert!(news(std::slice::from_ref(&e), jst(2026, 11, 22, 9), 14).is_empty());
    // Fourteen days before: the free lawyer slots (nobody waits; no psychologist free).
    let near = news(std::slice::from_ref(&e), jst(2026, 12, 30, 19), 14);
    assert_eq!(near.len(), 1);
    assert_eq!(near[0].kind, NewsKind::FreeSlot(Profession::Lawyer));
    assert_eq!(near[0].about, "free:7:lawyer");
    // Half an hour more than fourteen days before: not yet.
    assert!(news(std::slice::from_ref(&e), jst(2026, 12, 30, 18), 14).is_empty());
    // After the cut-off: nothing, there is nothing to book.
    assert!(news(std::slice::from_ref(&e), jst(2027, 1, 12, 18), 14).is_empty());
}

#[test]
fn a_free_slot_someone_waits_for_is_theirs_not_news() {
    let e = january(1, 1);
    assert!(news(std::slice::from_ref(&e), jst(2027, 1, 5, 9), 14).is_empty());
    let full = january(0, 0);
    assert!(news(std::slice::from_ref(&full), jst(2026, 11, 14, 9), 14).is_empty());
}

#[test]
fn each_is_told_what_they_asked_for_once_and_at_most_one_notice_a_day() {
    let e = january(2, 0);
    let now = jst(2026, 11, 14, 9);
    let items = news(std::slice::from_ref(&e), now, 61);
    assert_eq!(items.len(), 2, "{items:?}");
    let today = day(2026, 11, 14);
    assert_eq!(notice_for(&subscriber(true, true), &items, today).len(), 2);
    let months_only = notice_for(&subscriber(true, false), &items, today);
    assert_eq!(months_only.len(), 1);
    assert_eq!(months_only[0].kind, NewsKind::Opened);
    let slots_only = notice_for(&subscriber(false, true), &items, today);
    assert_eq!(slots_only[0].kind, NewsKind::FreeSlot(Profession::Lawyer));
    // Told already: nothing more of it.
    let mut told = subscriber(true, true);
    told.told.insert("open:7".into());
    assert_eq!(notice_for(&told, &items, today).len(), 1);
    // A notice today already: nothing until tomorrow.
    let mut had_one = subscriber(true, true);
    had_one.last_notice_on = Some(today);
    assert!(notice_for(&had_one, &items, today).is_empty());
    assert_eq!(notice_for(&had_one, &items, day(2026, 11, 15)).len(), 2);
}

#[test]
fn an_opening_before_one_subscribed_is_not_news_to_them() {
    let e = january(2, 0);
    let items = news(std::slice::from_ref(&e), jst(2026, 11, 16, 9), 14);
    let mut late = subscriber(true, false);
    late.confirmed_at = jst(2026, 11, 15, 12);
    assert!(notice_for(&late, &items, day(2026, 11, 16)).is_empty());
}

#[test]
fn nothing_in_the_night_and_a_long_queue_is_paced_into_the_day() {
    let quiet = QuietHours::night();
    assert!(!may_notify(jst(2026, 12, 3, 22), Some(&quiet)));
    assert!(!may_notify(jst(2026, 12, 3, 7), Some(&quiet)));
    assert!(may_notify(jst(2026, 12, 3, 8), Some(&quiet)));
    let now = jst(2026, 12, 3, 10);
    assert_eq!(paced(now, 0, 600, Some(&quiet)), now);
    assert_eq!(
        paced(now, 600, 600, Some(&quiet)),
        now + Duration::minutes(1)
    );
    // The 10,000th notice at 600 a minute, from 20:50, would fall at 21:06: the morning.
    let late = jst(2026, 12, 3, 20) + Duration::minutes(50);
    assert_eq!(paced(late, 9_999, 600, Some(&quiet)), jst(2026, 12, 4, 8));
    assert!(paced(late, 100, 600, Some(&quiet)) < jst(2026, 12, 3, 21));
}

#[test]
fn the_low_fill_alert_is_due_from_its_days_before_while_slots_are_free() {
    let starts = jst(2027, 1, 13, 18);
    let quiet = QuietHours::night();
    assert!(!low_fill::due(
        starts,
        3,
        jst(2027, 1, 3, 17),
        10,
        Some(&quiet)
    ));
    assert!(low_fill::due(
        starts,
        3,
        jst(2027, 1, 3, 18),
        10,
        Some(&quiet)
    ));
    assert!(low_fill::due(
        starts,
        1,
        jst(2027, 1, 10, 9),
        10,
        Some(&quiet)
    ));
    assert!(!low_fill::due(
        starts,
        0,
        jst(2027, 1, 10, 9),
        10,
        Some(&quiet)
    ));
    assert!(!low_fill::due(
        starts,
        2,
        jst(2027, 1, 10, 22),
        10,
        Some(&quiet)
    ));
    assert!(!low_fill::due(starts, 2, jst(2027, 1, 13, 19), 10, None));
    assert_eq!(low_fill::alert_key(12, 10), "12:10");
}

#[test]
fn kinds_are_known_codes_at_least_one() {
    let both = Kinds::parse(&["new_month", "free_slot"]).unwrap();
    assert!(both.new_month && both.free_slot);
    assert_eq!(both.codes(), ["new_month", "free_slot"]);
    assert_eq!(Kinds::parse::<&str>(&[]), Err(FieldError::Required));
    assert_eq!(Kinds::parse(&["weekly"]), Err(FieldError::Choice));
    let once = Kinds::parse(&["free_slot", "free_slot"]).unwrap();
    assert!(once.free_slot && !once.new_month);
}

#[test]
fn a_source_keeps_a_configured_answer_and_a_clean_channel_only() {
    let choices = ["shisei", "leaflet"];
    let s = Source::read(" leaflet ", "Leaflet-2027-01", &choices).unwrap();
    assert_eq!(s.heard_from.as_deref(), Some("leaflet"));
    assert_eq!(s.channel.as_deref(), Some("leaflet-2027-01"));
    assert_eq!(Source::read("", "", &choices).unwrap(), Source::default());
    assert_eq!(Source::read("tv", "", &choices), Err(FieldError::Choice));
    // A channel code is never a reason to refuse: an odd one is no channel.
    assert_eq!(channel("<script>"), None);
    assert_eq!(channel("ｌｅａｆｌｅｔ"), None);
    assert_eq!(channel(&"a".repeat(49)), None);
    assert_eq!(channel("-x"), None);
}
