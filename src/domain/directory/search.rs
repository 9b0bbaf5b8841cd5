//! Finding services for a trouble (困りごとから探す): the filters of the
//! directory page and the API, and the other doors shown after a booking.

use super::{needs_for_topic, Audience, BookableHere, Method, Need, ServiceEntry};
use crate::domain::Topic;
use chrono::{DateTime, Utc};

/// What the person asked for; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Any of these troubles (none: every service).
    pub needs: Vec<Need>,
    pub audience: Option<Audience>,
    pub method: Option<Method>,
    /// Only services open at the moment of the search.
    pub open_now: bool,
    /// Only services open in the evening, at night or on weekends.
    pub outside_office_hours: bool,
}

/// One service found, with whether it is open at the time of the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<'a> {
    pub entry: &'a ServiceEntry,
    pub open_now: Option<bool>,
    /// How many of the asked troubles it helps with.
    pub matched: usize,
}

impl Query {
    fn admits(&self, entry: &ServiceEntry) -> Option<usize> {
        if !entry.listed() {
            return None;
        }
        let matched = self
            .needs
            .iter()
            .filter(|n| entry.needs.contains(n))
            .count();
        // Someone who finds it hard to go on is shown every crisis line.
        let crisis_call = entry.crisis && self.needs.contains(&Need::Suicidal);
        if !self.needs.is_empty() && matched == 0 && !crisis_call {
            return None;
        }
        if let Some(a) = self.audience {
            if !entry.audiences.is_empty() && !entry.audiences.contains(&a) {
                return None;
            }
        }
        if let Some(m) = self.method {
            if !entry.methods.contains(&m) {
                return None;
            }
        }
        if self.outside_office_hours && !entry.open_outside_office_hours() {
            return None;
        }
        Some(matched)
    }
}

/// The listed services that fit `query` at `at`: the crisis lines first
/// when the trouble is 生きるのがつらい, then those that help with more of
/// the asked troubles, then those bookable here, then in staff's order.
pub fn search<'a>(entries: &'a [ServiceEntry], query: &Query, at: DateTime<Utc>) -> Vec<Hit<'a>> {
    let mut hits: Vec<Hit<'a>> = entries
        .iter()
        .filter_map(|entry| {
            let matched = query.admits(entry)?;
            let open_now = entry.open_at(at);
            if query.open_now && open_now != Some(true) {
                return None;
            }
            Some(Hit {
                entry,
                open_now,
                matched,
            })
        })
        .collect();
    let crisis_first = query.needs.contains(&Need::Suicidal);
    hits.sort_by(|a, b| {
        let key = |h: &Hit| {
            (
                !(crisis_first && h.entry.crisis),
                std::cmp::Reverse(h.matched),
                h.entry.bookable_here.is_none(),
                h.entry.rank,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.entry.name.cmp(&b.entry.name))
    });
    hits
}

/// After an evening booking or a waitlist entry: the other services for
/// the trouble the person named, not the evening consultation itself.
pub fn follow_ups<'a>(
    entries: &'a [ServiceEntry],
    topic: Topic,
    at: DateTime<Utc>,
) -> Vec<Hit<'a>> {
    let query = Query {
        needs: needs_for_topic(topic).to_vec(),
        audience: Some(Audience::Worker),
        ..Query::default()
    };
    search(entries, &query, at)
        .into_iter()
        .filter(|h| h.entry.bookable_here != Some(BookableHere::Evening) && !h.entry.crisis)
        .collect()
}

/// For a workplace: the services for workplace health, not the centre it
/// asked (for one too large for it, 宮城産業保健総合支援センター and the like).
pub fn follow_ups_for_business(entries: &[ServiceEntry], at: DateTime<Utc>) -> Vec<Hit<'_>> {
    let query = Query {
        needs: vec![Need::WorkplaceHealth],
        audience: Some(Audience::Employer),
        ..Query::default()
    };
    search(entries, &query, at)
        .into_iter()
        .filter(|h| h.entry.bookable_here != Some(BookableHere::Health))
        .collect()
}
