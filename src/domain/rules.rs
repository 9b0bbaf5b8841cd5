//! Booking rules (予約のルール): when booking opens and closes, how long a
//! waitlist offer holds a slot, and which rule a refused request broke.

use super::quiet::QuietHours;
use super::series::{is_open_day, Closures};
use super::time::{jst_instant, parse_duration, to_jst};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use std::str::FromStr;

/// When booking closes before a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cutoff {
    /// `17:00 -1bd`: at a time of day, a number of open days (平日, not a
    /// holiday or closure day) before the session's date.
    BusinessDaysBefore { days: u32, at: NaiveTime },
    /// `3h`: a duration before the start.
    BeforeStart(Duration),
}

impl FromStr for Cutoff {
    type Err = String;
    fn from_str(raw: &str) -> Result<Cutoff, String> {
        let text = raw.trim();
        if let Some((time, days)) = text.split_once(' ') {
            let at = NaiveTime::parse_from_str(time.trim(), "%H:%M")
                .map_err(|_| format!("{raw}: the time must be HH:MM (e.g. 17:00 -1bd)"))?;
            let days = days
                .trim()
                .strip_prefix('-')
                .and_then(|d| d.strip_suffix("bd"))
                .and_then(|d| d.parse().ok())
                .ok_or_else(|| format!("{raw}: write the days as -Nbd (e.g. 17:00 -1bd)"))?;
            return Ok(Cutoff::BusinessDaysBefore { days, at });
        }
        parse_duration(text)
            .map(Cutoff::BeforeStart)
            .map_err(|e| format!("{e}; or write HH:MM -Nbd (e.g. 17:00 -1bd)"))
    }
}

/// Why a request was refused: each names the rule and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleBroken {
    /// Booking for this session has not opened yet.
    NotYetOpen { opens_at: DateTime<Utc> },
    /// Booking for this session has closed.
    Closed { closed_at: DateTime<Utc> },
    /// The person already has a booking for this evening and profession.
    OneBookingPerPerson,
    /// Both slots of a two-professional booking must be on one evening, one of each.
    NotAPair,
    /// The person is already on this waitlist.
    AlreadyWaiting,
    /// There are free slots: book one instead of waiting.
    SlotsAvailable,
    /// The offer is no longer open (accepted, declined or expired).
    OfferGone,
    /// The booking is cancelled and cannot be changed.
    BookingCancelled,
    /// A person's two slots would be at the same time: one person, one room.
    OverlappingSlots,
}

impl RuleBroken {
    /// A short stable code for the API.
    pub fn code(&self) -> &'static str {
        match self {
            RuleBroken::NotYetOpen { .. } => "booking_not_open",
            RuleBroken::Closed { .. } => "booking_closed",
            RuleBroken::OneBookingPerPerson => "one_booking_per_person",
            RuleBroken::NotAPair => "not_a_pair",
            RuleBroken::AlreadyWaiting => "already_waiting",
            RuleBroken::SlotsAvailable => "slots_available",
            RuleBroken::OfferGone => "offer_gone",
            RuleBroken::BookingCancelled => "booking_cancelled",
            RuleBroken::OverlappingSlots => "overlapping_slots",
        }
    }
}

/// Whether two time ranges share a moment (touching ends do not).
pub fn overlaps(a: (DateTime<Utc>, DateTime<Utc>), b: (DateTime<Utc>, DateTime<Utc>)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The configured rules.
#[derive(Debug, Clone)]
pub struct BookingRules {
    pub opens_days_before: u32,
    pub cutoff: Cutoff,
    pub offer_hold: Duration,
    pub closures: Closures,
    /// No offer is sent, and no answer falls due, in these hours.
    pub quiet: Option<QuietHours>,
}

impl BookingRules {
    /// Booking opens at 0:00 JST, `opens_days_before` days before the session's date.
    pub fn opens_at(&self, starts_at: DateTime<Utc>) -> DateTime<Utc> {
        let date =
            to_jst(starts_at).date_naive() - Duration::days(i64::from(self.opens_days_before));
        jst_instant(date, NaiveTime::MIN)
    }

    /// When booking closes (never after the start).
    pub fn closes_at(&self, starts_at: DateTime<Utc>) -> DateTime<Utc> {
        let closes = match &self.cutoff {
            Cutoff::BeforeStart(d) => starts_at - *d,
            Cutoff::BusinessDaysBefore { days, at } => {
                let mut date = to_jst(starts_at).date_naive();
                let mut left = *days;
                while left > 0 {
                    date -= Duration::days(1);
                    if is_open_day(date, &self.closures) {
                        left -= 1;
                    }
                }
                jst_instant(date, *at)
            }
        };
        closes.min(starts_at)
    }

    /// Whether a session starting at `starts_at` can be booked at `now`.
    pub fn check_window(
        &self,
        now: DateTime<Utc>,
        starts_at: DateTime<Utc>,
    ) -> Result<(), RuleBroken> {
        let opens_at = self.opens_at(starts_at);
        if now < opens_at {
            return Err(RuleBroken::NotYetOpen { opens_at });
        }
        let closed_at = self.closes_at(starts_at);
        if now >= closed_at {
            return Err(RuleBroken::Closed { closed_at });
        }
        Ok(())
    }

    /// Until when an offer made at `now` holds the slot: the hold time, but
    /// never past the cut-off. `None` when the cut-off has passed.
    pub fn offer_expires_at(
        &self,
        now: DateTime<Utc>,
        starts_at: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        self.offer_times(now, starts_at).map(|o| o.expires_at)
    }

    /// When an offer made at `now` is sent and until when it holds the slot.
    /// In the quiet hours the mail waits for the morning and the hold runs
    /// from then; a deadline that would fall in the night moves to the
    /// morning; neither passes the cut-off. `None` when nothing can be
    /// offered before the cut-off.
    pub fn offer_times(&self, now: DateTime<Utc>, starts_at: DateTime<Utc>) -> Option<OfferTimes> {
        let closes = self.closes_at(starts_at);
        let day = |at| self.quiet.map_or(at, |q: QuietHours| q.daytime_from(at));
        let send_at = day(now);
        (closes > send_at).then(|| OfferTimes {
            send_at,
            expires_at: day(send_at + self.offer_hold).min(closes),
        })
    }
}

/// When an offer's mail goes out and when its hold ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfferTimes {
    pub send_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl BookingRules {}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        jst_instant(
            NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            NaiveTime::from_hms_opt(h, min, 0).unwrap(),
        )
    }

    pub(crate) fn rules() -> BookingRules {
        BookingRules {
            opens_days_before: 60,
            cutoff: "17:00 -1bd".parse().unwrap(),
            offer_hold: Duration::hours(24),
            closures: Closures {
                yearly: vec![(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)],
                dates: vec![],
            },
            quiet: Some(QuietHours::night()),
        }
    }

    #[test]
    fn ranges_overlap_only_when_they_share_a_moment() {
        let (a, b, c) = (
            at(2027, 1, 13, 18, 30),
            at(2027, 1, 13, 19, 20),
            at(2027, 1, 13, 20, 10),
        );
        assert!(overlaps((a, b), (a, b)));
        assert!(overlaps((a, c), (b, c)));
        assert!(!overlaps((a, b), (b, c)), "one after the other fits");
        assert!(!overlaps((b, c), (a, b)));
    }

    #[test]
    fn cutoff_formats() {
        assert_eq!(
            "17:00 -1bd".parse::<Cutoff>(),
            Ok(Cutoff::BusinessDaysBefore {
                days: 1,
                at: NaiveTime::from_hms_opt(17, 0, 0).unwrap()
            })
        );
        assert_eq!(
            "3h".parse::<Cutoff>(),
            Ok(Cutoff::BeforeStart(Duration::hours(3)))
        );
        for bad in ["17:00", "25:00 -1bd", "17:00 1bd", "17:00 -xbd", "soon"] {
            assert!(bad.parse::<Cutoff>().is_err(), "{bad}");
        }
    }

    #[test]
    fn booking_closes_at_five_on_the_previous_business_day() {
        // Wednesday 2027-01-13: closes Tuesday 1/12 17:00.
        assert_eq!(
            rules().closes_at(at(2027, 1, 13, 18, 30)),
            at(2027, 1, 12, 17, 0)
        );
        // Tuesday 2027-01-12: Monday 1/11 is 成人の日, so Friday 1/8.
        assert_eq!(
            rules().closes_at(at(2027, 1, 12, 18, 30)),
            at(2027, 1, 8, 17, 0)
        );
        // Monday 2027-01-04: back over the weekend and 年末年始 to 12/28.
        assert_eq!(
            rules().closes_at(at(2027, 1, 4, 18, 30)),
            at(2026, 12, 28, 17, 0)
        );
        let three_hours = BookingRules {
            cutoff: Cutoff::BeforeStart(Duration::hours(3)),
            ..rules()
        };
        assert_eq!(
            three_hours.closes_at(at(2027, 1, 13, 18, 30)),
            at(2027, 1, 13, 15, 30)
        );
    }

    #[test]
    fn the_window_opens_sixty_days_before_at_midnight() {
        let start = at(2027, 3, 10, 18, 30);
        assert_eq!(rules().opens_at(start), at(2027, 1, 9, 0, 0));
        assert_eq!(
            rules().check_window(at(2027, 1, 8, 23, 59), start),
            Err(RuleBroken::NotYetOpen {
                opens_at: at(2027, 1, 9, 0, 0)
            })
        );
        assert_eq!(rules().check_window(at(2027, 1, 9, 0, 0), start), Ok(()));
        assert_eq!(rules().check_window(at(2027, 3, 9, 16, 59), start), Ok(()));
        assert_eq!(
            rules().check_window(at(2027, 3, 9, 17, 0), start),
            Err(RuleBroken::Closed {
                closed_at: at(2027, 3, 9, 17, 0)
            })
        );
    }

    #[test]
    fn an_offer_holds_for_the_hold_time_but_never_past_the_cutoff() {
        let start = at(2027, 1, 13, 18, 30);
        assert_eq!(
            rules().offer_expires_at(at(2027, 1, 5, 10, 0), start),
            Some(at(2027, 1, 6, 10, 0))
        );
        assert_eq!(
            rules().offer_expires_at(at(2027, 1, 12, 9, 0), start),
            Some(at(2027, 1, 12, 17, 0))
        );
        assert_eq!(
            rules().offer_expires_at(at(2027, 1, 12, 17, 0), start),
            None
        );
    }

    #[test]
    fn an_offer_made_in_the_night_is_sent_and_held_from_the_morning() {
        let start = at(2027, 1, 13, 18, 30);
        assert_eq!(
            rules().offer_times(at(2027, 1, 5, 23, 10), start),
            Some(OfferTimes {
                send_at: at(2027, 1, 6, 8, 0),
                expires_at: at(2027, 1, 7, 8, 0),
            })
        );
        // A short hold that would end in the night ends in the morning.
        let short = BookingRules {
            offer_hold: Duration::minutes(90),
            ..rules()
        };
        assert_eq!(
            short.offer_times(at(2027, 1, 5, 20, 0), start),
            Some(OfferTimes {
                send_at: at(2027, 1, 5, 20, 0),
                expires_at: at(2027, 1, 6, 8, 0),
            })
        );
        // The night before the cut-off: the morning is still before it.
        assert_eq!(
            rules().offer_times(at(2027, 1, 11, 22, 0), start),
            Some(OfferTimes {
                send_at: at(2027, 1, 12, 8, 0),
                expires_at: at(2027, 1, 12, 17, 0),
            })
        );
        // Without quiet hours, at once.
        let always = BookingRules {
            quiet: None,
            ..rules()
        };
        assert_eq!(
            always
                .offer_times(at(2027, 1, 5, 23, 10), start)
                .unwrap()
                .send_at,
            at(2027, 1, 5, 23, 10)
        );
    }
}
