//! The referrals' figures (つなぎの実績), for the office and the fiscal
//! year's report: referrals by destination and by where they stand, how
//! many arrived, and follow-up consultations made, booked and kept.

use super::ReferralStatus;
use std::collections::BTreeMap;

/// One referral as the figures count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// The directory service; `None` for a follow-up consultation.
    pub service_id: Option<String>,
    pub status: ReferralStatus,
    /// A follow-up hold accepted: it became a booking.
    pub booked: bool,
    /// That booking was attended (出席).
    pub attended: bool,
}

/// The referrals to one destination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Destination {
    pub service_id: Option<String>,
    pub total: usize,
    /// By status code, every status present (0 where none).
    pub by_status: BTreeMap<&'static str, usize>,
}

/// Follow-up consultations (継続相談).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FollowUps {
    pub made: usize,
    pub booked: usize,
    pub kept: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub total: usize,
    /// Arrived: つながった (a follow-up: booked).
    pub arrived: usize,
    /// Still being followed.
    pub open: usize,
    /// Follow-ups first, then services by most referrals.
    pub destinations: Vec<Destination>,
    pub follow_ups: FollowUps,
}

/// Counts `rows`.
pub fn count(rows: &[Counted]) -> Figures {
    let mut by: BTreeMap<Option<String>, Destination> = BTreeMap::new();
    let mut f = Figures::default();
    for r in rows {
        f.total += 1;
        if r.status.arrived() || r.booked {
            f.arrived += 1;
        }
        if r.status.open() {
            f.open += 1;
        }
        if r.service_id.is_none() {
            f.follow_ups.made += 1;
            f.follow_ups.booked += usize::from(r.booked);
            f.follow_ups.kept += usize::from(r.booked && r.attended);
        }
        let d = by
            .entry(r.service_id.clone())
            .or_insert_with(|| Destination {
                service_id: r.service_id.clone(),
                by_status: ReferralStatus::ALL.iter().map(|s| (s.code(), 0)).collect(),
                ..Destination::default()
            });
        d.total += 1;
        *d.by_status.entry(r.status.code()).or_default() += 1;
    }
    let mut destinations: Vec<Destination> = by.into_values().collect();
    destinations.sort_by_key(|d| (d.service_id.is_some(), std::cmp::Reverse(d.total)));
    f.destinations = destinations;
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(service: Option<&str>, status: ReferralStatus, booked: bool, attended: bool) -> Counted {
        Counted {
            service_id: service.map(str::to_string),
            status,
            booked,
            attended,
        }
    }

    #[test]
    fn referrals_count_by_destination_and_status_and_follow_ups_by_what_became_of_them() {
        use ReferralStatus::*;
        let f = count(&[
            row(Some("a"), Connected, false, false),
            row(Some("a"), Sent, false, false),
            row(Some("b"), NoCapacity, false, false),
            row(Some("a"), Withdrawn, false, false),
            row(None, Connected, true, true),
            row(None, Connected, true, false),
            row(None, Unreachable, false, false),
        ]);
        assert_eq!(f.total, 7);
        assert_eq!(f.arrived, 3);
        assert_eq!(f.open, 2);
        assert_eq!(
            f.follow_ups,
            FollowUps {
                made: 3,
                booked: 2,
                kept: 1
            }
        );
        assert_eq!(f.destinations[0].service_id, None);
        assert_eq!(f.destinations[1].service_id.as_deref(), Some("a"));
        assert_eq!(f.destinations[1].total, 3);
        assert_eq!(f.destinations[1].by_status["connected"], 1);
        assert_eq!(f.destinations[1].by_status["no_capacity"], 0);
        assert_eq!(f.destinations[2].by_status["no_capacity"], 1);
    }

    #[test]
    fn nothing_counts_as_nothing() {
        assert_eq!(count(&[]), Figures::default());
    }
}
