//! The evening consultation's figures for one 年度: slots offered, booked,
//! attended, no-show, late-cancelled and unused per profession; people
//! (実人数: one person is the same email or the same phone) and
//! consultations (延べ件数); people who saw both professionals on one
//! evening; first visits and returning people; age bands, topics and where
//! people heard of it (未回答 apart); the waitlist's joins and offers.

use super::FiscalYear;
use crate::domain::staff::Attendance;
use crate::domain::Profession;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The slots of one profession on a scheduled evening of the year (held
/// or to come).
#[derive(Debug, Clone)]
pub struct SlotRecord {
    pub session_id: i64,
    pub starts_at: DateTime<Utc>,
    pub profession: Profession,
    /// The evening has taken place.
    pub held: bool,
    /// How many slots.
    pub slots: u64,
}

/// One booking of a slot of the year: confirmed, or cancelled.
#[derive(Debug, Clone, Default)]
pub struct BookingRecord {
    pub session_id: i64,
    /// Its slot's start (a booking moved belongs to the year of its new slot).
    pub starts_at: DateTime<Utc>,
    pub profession: Option<Profession>,
    pub cancelled: bool,
    /// Cancelled on or after the booking's cut-off.
    pub cancelled_late: bool,
    pub attendance: Option<Attendance>,
    /// Lower-cased; empty for a caller without one.
    pub email: String,
    pub phone_digits: String,
    /// Codes as chosen; empty is 未回答.
    pub age_band: String,
    pub topic: String,
    pub heard_from: Option<String>,
    /// Made by accepting a waitlist offer, or held for a follow-up.
    pub from_waitlist: bool,
    pub follow_up: bool,
    /// Its person (same email or phone) attended in an earlier year.
    pub seen_before: bool,
}

/// A waitlist place taken in the year, with what became of it.
#[derive(Debug, Clone)]
pub struct WaitlistRecord {
    pub created_at: DateTime<Utc>,
    /// `waiting`, `offered`, `booked`, `declined`, `expired`, `withdrawn`.
    pub status: String,
}

/// One profession's slots.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SlotFigures {
    pub offered: u64,
    pub booked: u64,
    pub attended: u64,
    pub no_show: u64,
    pub late_cancel: u64,
    /// Slots of evenings held that nobody booked.
    pub unused: u64,
}

/// The waitlist's year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct WaitlistFigures {
    pub joins: u64,
    pub offers: u64,
    pub accepted: u64,
    pub declined: u64,
    pub expired: u64,
}

/// The year's figures.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct EveningFigures {
    /// Evenings of the year (scheduled), and of them those held.
    pub evenings: u64,
    pub evenings_held: u64,
    pub lawyer: SlotFigures,
    pub psychologist: SlotFigures,
    /// Booked ÷ offered, 0 when nothing was offered.
    pub fill_rate: f64,
    /// 実人数: distinct people who attended at least once.
    pub people: u64,
    /// 延べ件数: consultations attended.
    pub consultations: u64,
    /// People who attended both professionals on one evening.
    pub both_professionals: u64,
    /// Of `people`: first attended this year, or seen in an earlier year.
    pub first_visits: u64,
    pub returning: u64,
    /// Consultations attended by age band and by topic ('' is 未回答).
    pub age_bands: BTreeMap<String, u64>,
    pub topics: BTreeMap<String, u64>,
    /// Bookings made by the public by answer ('' is 未回答).
    pub heard_from: BTreeMap<String, u64>,
    pub waitlist: WaitlistFigures,
}

impl EveningFigures {
    pub fn slots(&self, p: Profession) -> &SlotFigures {
        match p {
            Profession::Lawyer => &self.lawyer,
            Profession::Psychologist => &self.psychologist,
        }
    }
}

/// People as sets of bookings sharing an email or a phone (union–find).
struct People {
    parent: Vec<usize>,
}

impl People {
    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut at = i;
        while self.parent[at] != root {
            let next = self.parent[at];
            self.parent[at] = root;
            at = next;
        }
        root
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Each of `keys` (a person's email and phone) joins those seen before.
    fn of(keys: &[(String, String)]) -> People {
        let mut people = People {
            parent: (0..keys.len()).collect(),
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, (email, phone)) in keys.iter().enumerate() {
            for key in [("e:", email), ("p:", phone)] {
                if key.1.is_empty() {
                    continue;
                }
                match seen.entry(format!("{}{}", key.0, key.1)) {
                    std::collections::hash_map::Entry::Occupied(first) => {
                        let first = *first.get();
                        people.join(first, i)
                    }
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(i);
                    }
                }
            }
        }
        people
    }
}

/// The figures of `fy` from slots, bookings and waitlist places (those of
/// other years are left out: a slot or booking by its start, a waitlist
/// place by when it was taken).
pub fn tally(
    fy: FiscalYear,
    slots: &[SlotRecord],
    bookings: &[BookingRecord],
    waitlist: &[WaitlistRecord],
) -> EveningFigures {
    let slots: Vec<&SlotRecord> = slots.iter().filter(|s| fy.contains(s.starts_at)).collect();
    let bookings: Vec<&BookingRecord> = bookings
        .iter()
        .filter(|b| fy.contains(b.starts_at))
        .collect();
    let waitlist: Vec<&WaitlistRecord> = waitlist
        .iter()
        .filter(|w| fy.contains(w.created_at))
        .collect();
    let mut f = EveningFigures::default();
    let sessions: HashSet<i64> = slots.iter().map(|s| s.session_id).collect();
    let held: HashSet<i64> = slots
        .iter()
        .filter(|s| s.held)
        .map(|s| s.session_id)
        .collect();
    f.evenings = sessions.len() as u64;
    f.evenings_held = held.len() as u64;
    let mut booked_held = [0u64; 2];
    let mut offered_held = [0u64; 2];
    let index = |p: Profession| usize::from(p == Profession::Psychologist);
    for s in &slots {
        let figures = slot_figures(&mut f, s.profession);
        figures.offered += s.slots;
        if s.held {
            offered_held[index(s.profession)] += s.slots;
        }
    }
    for b in &bookings {
        let Some(p) = b.profession else { continue };
        let late =
            b.attendance == Some(Attendance::LateCancel) || (b.cancelled && b.cancelled_late);
        let figures = slot_figures(&mut f, p);
        if !b.cancelled {
            figures.booked += 1;
            if held.contains(&b.session_id) {
                booked_held[index(p)] += 1;
            }
        }
        match b.attendance {
            Some(Attendance::Attended) if !b.cancelled => figures.attended += 1,
            Some(Attendance::NoShow) if !b.cancelled => figures.no_show += 1,
            _ => {}
        }
        if late {
            figures.late_cancel += 1;
        }
        if !b.from_waitlist && !b.follow_up {
            *f.heard_from
                .entry(b.heard_from.clone().unwrap_or_default())
                .or_default() += 1;
        }
    }
    for p in Profession::ALL {
        let i = index(*p);
        slot_figures(&mut f, *p).unused = offered_held[i].saturating_sub(booked_held[i]);
    }
    let offered = f.lawyer.offered + f.psychologist.offered;
    let booked = f.lawyer.booked + f.psychologist.booked;
    f.fill_rate = if offered == 0 {
        0.0
    } else {
        booked as f64 / offered as f64
    };

    // 実人数 and 延べ件数: the consultations attended, grouped into people.
    let attended: Vec<&BookingRecord> = bookings
        .iter()
        .copied()
        .filter(|b| !b.cancelled && b.attendance == Some(Attendance::Attended))
        .collect();
    f.consultations = attended.len() as u64;
    for b in &attended {
        *f.age_bands.entry(b.age_band.clone()).or_default() += 1;
        *f.topics.entry(b.topic.clone()).or_default() += 1;
    }
    let keys: Vec<(String, String)> = attended
        .iter()
        .map(|b| (b.email.clone(), b.phone_digits.clone()))
        .collect();
    let mut people = People::of(&keys);
    // Per person: seen in an earlier year, and the professions of each evening.
    let mut roots: HashMap<usize, (bool, HashMap<i64, [bool; 2]>)> = HashMap::new();
    for (i, b) in attended.iter().enumerate() {
        let root = people.find(i);
        let entry = roots.entry(root).or_default();
        entry.0 |= b.seen_before;
        if let Some(p) = b.profession {
            entry.1.entry(b.session_id).or_default()[index(p)] = true;
        }
    }
    f.people = roots.len() as u64;
    f.returning = roots.values().filter(|(seen, _)| *seen).count() as u64;
    f.first_visits = f.people - f.returning;
    f.both_professionals = roots
        .values()
        .filter(|(_, evenings)| evenings.values().any(|both| both[0] && both[1]))
        .count() as u64;

    for w in &waitlist {
        f.waitlist.joins += 1;
        match w.status.as_str() {
            "offered" => f.waitlist.offers += 1,
            "booked" => {
                f.waitlist.offers += 1;
                f.waitlist.accepted += 1;
            }
            "declined" => {
                f.waitlist.offers += 1;
                f.waitlist.declined += 1;
            }
            "expired" => {
                f.waitlist.offers += 1;
                f.waitlist.expired += 1;
            }
            _ => {}
        }
    }
    f
}

fn slot_figures(f: &mut EveningFigures, p: Profession) -> &mut SlotFigures {
    match p {
        Profession::Lawyer => &mut f.lawyer,
        Profession::Psychologist => &mut f.psychologist,
    }
}
