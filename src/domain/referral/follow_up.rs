//! 継続相談: when a follow-up hold may be made and how long it holds. A
//! professional holds a slot of a later evening for the person before that
//! evening opens to the public; the offer's mail goes out in the day, and
//! the hold ends before booking opens, at the last moment of the day
//! before (never in the night: booking opens at 0:00 JST).

use crate::domain::rules::{BookingRules, OfferTimes};
use chrono::{DateTime, Duration, Utc};

/// The times of a hold made at `now` on an evening starting at
/// `starts_at`, or `None` when that evening is open to the public already
/// (book it for the person instead) or no daytime is left before it opens.
pub fn hold_times(
    rules: &BookingRules,
    now: DateTime<Utc>,
    starts_at: DateTime<Utc>,
) -> Option<OfferTimes> {
    let opens = rules.opens_at(starts_at);
    if now >= opens {
        return None;
    }
    let send_at = rules.quiet.map_or(now, |q| q.daytime_from(now));
    // Back from the opening to the end of the last daytime before it.
    let mut expires_at = opens;
    if let Some(q) = rules.quiet {
        let step = Duration::minutes(15);
        let mut guard = 0;
        while q.contains(expires_at - step) && guard < 24 * 4 {
            expires_at -= step;
            guard += 1;
        }
    }
    (expires_at > send_at).then_some(OfferTimes {
        send_at,
        expires_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quiet::QuietHours;
    use crate::domain::time::jst_instant;
    use chrono::{NaiveDate, NaiveTime};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        jst_instant(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            NaiveTime::from_hms_opt(h, min, 0).unwrap(),
        )
    }

    fn rules() -> BookingRules {
        BookingRules {
            quiet: Some(QuietHours::night()),
            ..crate::domain::rules::tests::rules()
        }
    }

    #[test]
    fn a_hold_made_at_the_evening_is_mailed_in_the_morning_and_ends_before_the_night() {
        let r = rules();
        let next = at(2027, 5, 12, 18, 30);
        // Made as the evening ends, at 21:15: mailed at 08:00.
        let t = hold_times(&r, at(2027, 1, 13, 21, 15), next).unwrap();
        assert_eq!(t.send_at, at(2027, 1, 14, 8, 0));
        // Booking opens at 0:00 JST; the hold ends at 21:00 the day before.
        let opens = r.opens_at(next);
        assert_eq!(t.expires_at, opens - Duration::hours(3));
        assert!(r.quiet.unwrap().contains(opens));
        assert!(!r
            .quiet
            .unwrap()
            .contains(t.expires_at - Duration::minutes(1)));
    }

    #[test]
    fn no_hold_once_the_evening_is_open_to_the_public() {
        let r = rules();
        let next = at(2027, 5, 12, 18, 30);
        assert!(hold_times(&r, r.opens_at(next), next).is_none());
        assert!(hold_times(&r, r.opens_at(next) - Duration::hours(2), next).is_none());
    }
}
