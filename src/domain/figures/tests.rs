use super::evening::{tally, BookingRecord, SlotRecord, WaitlistRecord};
use super::small::{outside, Cell};
use super::FiscalYear;
use crate::domain::staff::Attendance;
use crate::domain::time::jst_instant;
use crate::domain::{Lang, Profession};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    jst_instant(d(y, m, day), NaiveTime::from_hms_opt(18, 30, 0).unwrap())
}

#[test]
fn the_fiscal_year_runs_april_to_march_in_japan_time_with_its_era_name() {
    assert_eq!(FiscalYear::of(d(2027, 3, 31)), FiscalYear(2026));
    assert_eq!(FiscalYear::of(d(2026, 4, 1)), FiscalYear(2026));
    let fy = FiscalYear(2026);
    assert_eq!(fy.start().to_rfc3339(), "2026-03-31T15:00:00+00:00");
    assert!(fy.contains(jst_instant(
        d(2027, 3, 31),
        NaiveTime::from_hms_opt(23, 59, 0).unwrap()
    )));
    assert!(!fy.contains(jst_instant(d(2027, 4, 1), NaiveTime::MIN)));
    assert_eq!(fy.months()[0], (2026, 4));
    assert_eq!(fy.months()[11], (2027, 3));
    for (year, label) in [
        (2026, "令和8年度"),
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (2015, "平成27年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ] {
        assert_eq!(FiscalYear(year).label(Lang::Ja), label, "{year}");
    }
    assert_eq!(FiscalYear(2026).label(Lang::En), "FY2026 (Reiwa 8)");
}

#[test]
fn a_council_document_is_dated_in_the_era_calendar() {
    assert_eq!(super::era_date(d(2026, 12, 3), Lang::Ja), "令和8年12月3日");
    assert_eq!(super::era_date(d(2019, 5, 1), Lang::Ja), "令和元年5月1日");
    assert_eq!(super::era_date(d(2019, 4, 30), Lang::Ja), "平成31年4月30日");
    assert_eq!(super::era_date(d(2026, 12, 3), Lang::En), "3 December 2026");
}

#[test]
fn fewer_than_three_people_are_not_shown_outside_the_office() {
    assert_eq!(outside(0, 3), Cell::Exact(0));
    assert_eq!(outside(1, 3), Cell::Fewer(3));
    assert_eq!(outside(2, 3).words(Lang::Ja), "3未満");
    assert_eq!(outside(2, 3).words(Lang::En), "fewer than 3");
    assert_eq!(outside(3, 3), Cell::Exact(3));
}

fn slots(session_id: i64, starts_at: DateTime<Utc>, held: bool) -> Vec<SlotRecord> {
    Profession::ALL
        .iter()
        .flat_map(|&profession| {
            (0..3).map(move |_| SlotRecord {
                session_id,
                starts_at,
                profession,
                held,
                slots: 1,
            })
        })
        .collect()
}

fn booking(
    session_id: i64,
    starts_at: DateTime<Utc>,
    p: Profession,
    email: &str,
    phone: &str,
) -> BookingRecord {
    BookingRecord {
        session_id,
        starts_at,
        profession: Some(p),
        email: email.into(),
        phone_digits: phone.into(),
        ..BookingRecord::default()
    }
}

/// Counted by hand: see each line's comment.
#[test]
fn a_year_counted_by_hand() {
    use Profession::{Lawyer as L, Psychologist as P};
    let (s1, s2, s3) = (at(2026, 5, 13), at(2027, 3, 10), at(2027, 4, 14));
    let mut all_slots = slots(1, s1, true);
    all_slots.extend(slots(2, s2, false));
    all_slots.extend(slots(3, s3, false)); // the next year's
    let attended = |mut b: BookingRecord| {
        b.attendance = Some(Attendance::Attended);
        b
    };
    let bookings = vec![
        // 1: A, lawyer, on the first evening; heard of it from a leaflet.
        BookingRecord {
            age_band: "30s".into(),
            heard_from: Some("leaflet".into()),
            ..attended(booking(1, s1, L, "a@x.jp", "0901"))
        },
        // 2: A again (by phone only), the psychologist the same evening.
        BookingRecord {
            age_band: "30s".into(),
            ..attended(booking(1, s1, P, "", "0901"))
        },
        // 3: B did not come.
        BookingRecord {
            attendance: Some(Attendance::NoShow),
            ..booking(1, s1, L, "b@x.jp", "0902")
        },
        // 4: C cancelled after the cut-off.
        BookingRecord {
            cancelled: true,
            cancelled_late: true,
            heard_from: Some("shisei".into()),
            ..booking(1, s1, P, "c@x.jp", "0903")
        },
        // 5: D cancelled in good time.
        BookingRecord {
            cancelled: true,
            ..booking(1, s1, P, "d@x.jp", "0904")
        },
        // 6: E, from the waitlist, came before in an earlier year.
        BookingRecord {
            from_waitlist: true,
            seen_before: true,
            ..attended(booking(1, s1, P, "e@x.jp", "0905"))
        },
        // 7: A once more (the same email, another phone), on the second evening.
        BookingRecord {
            age_band: "40s".into(),
            heard_from: Some("leaflet".into()),
            ..attended(booking(2, s2, L, "a@x.jp", "0906"))
        },
        // 8: G, booked for the evening to come.
        booking(2, s2, P, "g@x.jp", "0907"),
        // 9: H, moved to the next year's first evening: not this year's.
        attended(booking(3, s3, L, "h@x.jp", "0908")),
        // 10: I, marked as a late cancellation on the day.
        BookingRecord {
            attendance: Some(Attendance::LateCancel),
            ..booking(2, s2, L, "i@x.jp", "0909")
        },
    ];
    let waitlist = [
        (at(2026, 6, 1), "booked"),
        (at(2026, 7, 1), "expired"),
        (at(2026, 8, 1), "waiting"),
        (at(2027, 4, 2), "declined"), // the next year's
    ]
    .map(|(created_at, status)| WaitlistRecord {
        created_at,
        status: status.into(),
    });
    let f = tally(FiscalYear(2026), &all_slots, &bookings, &waitlist);
    assert_eq!((f.evenings, f.evenings_held), (2, 1));
    // Lawyer: offered 6; booked 1, 3, 7, 10; attended 1, 7; no-show 3;
    // late 10; unused on the evening held: 3 − (1, 3).
    assert_eq!(
        (
            f.lawyer.offered,
            f.lawyer.booked,
            f.lawyer.attended,
            f.lawyer.no_show,
            f.lawyer.late_cancel,
            f.lawyer.unused
        ),
        (6, 4, 2, 1, 1, 1)
    );
    // Psychologist: booked 2, 6, 8; attended 2, 6; late 4; unused 3 − (2, 6).
    assert_eq!(
        (
            f.psychologist.offered,
            f.psychologist.booked,
            f.psychologist.attended,
            f.psychologist.no_show,
            f.psychologist.late_cancel,
            f.psychologist.unused
        ),
        (6, 3, 2, 0, 1, 1)
    );
    assert!((f.fill_rate - 7.0 / 12.0).abs() < 1e-9);
    // Attended: 1, 2, 6, 7 — people A (1, 2, 7) and E (6).
    assert_eq!(f.consultations, 4);
    assert_eq!(f.people, 2);
    assert_eq!(f.both_professionals, 1, "A, on the first evening");
    assert_eq!((f.first_visits, f.returning), (1, 1), "E came before");
    assert_eq!(f.age_bands.get("30s"), Some(&2));
    assert_eq!(f.age_bands.get("40s"), Some(&1));
    assert_eq!(f.age_bands.get(""), Some(&1), "未回答 apart");
    // Bookings by the public (not 6, from the waitlist; not 9, next year's).
    assert_eq!(f.heard_from.get("leaflet"), Some(&2));
    assert_eq!(f.heard_from.get("shisei"), Some(&1));
    assert_eq!(f.heard_from.get(""), Some(&5));
    assert_eq!(
        (
            f.waitlist.joins,
            f.waitlist.offers,
            f.waitlist.accepted,
            f.waitlist.expired,
            f.waitlist.declined
        ),
        (3, 2, 1, 1, 0)
    );
}
