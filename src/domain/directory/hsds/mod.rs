//! The directory as an Open Referral HSDS 3 tabular data package: a
//! `datapackage.json` (Frictionless Table Schemas) and one CSV per table
//! (organizations, services, phones, schedules, taxonomies, taxonomy terms,
//! attributes). What HSDS has no field for (the English texts, the address
//! as one line, the crisis mark, the order, the closing rules, whether the
//! service is booked here) travels in extension columns named `tsunagu_…`.
//!
//! Pure: [`write`] turns entries into tables, [`read`] turns tables back
//! into entries or into every problem found; reading and writing files is
//! the service layer's.

mod read;
mod schema;
mod write;

pub use read::{read, Problem, Trouble};
pub use schema::{descriptor, Kind, Resource, RESOURCES};
pub use write::{write, Term};

use super::{Schedule, ServiceEntry};
use sha2::{Digest, Sha256};

/// One table: its header and rows, each row with the line it starts on
/// (1 is the header).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub lines: Vec<usize>,
}

impl Table {
    /// A table with `header`, its rows numbered as a file would give them.
    pub fn new(header: Vec<String>, rows: Vec<Vec<String>>) -> Table {
        let lines = (0..rows.len()).map(|i| i + 2).collect();
        Table {
            header,
            rows,
            lines,
        }
    }
}

/// A UUID made from `parts`, the same on every export: for the rows HSDS
/// needs an id for and Tsunagu does not keep one (phones, schedules,
/// terms, attributes). SHA-256 based, marked as RFC 9562 version 8.
pub fn derived_id(parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    hash.update(b"tsunagu-hsds");
    for p in parts {
        hash.update([0]);
        hash.update(p.as_bytes());
    }
    let digest = hash.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    uuid_text(&b)
}

fn uuid_text(b: &[u8; 16]) -> String {
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// `8-4-4-4-12` hexadecimal digits, as the Table Schema `uuid` format.
pub fn is_uuid(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The same service, as far as a package can tell: texts compared as
/// staff's input is kept (full-width letters and digits folded, spaces
/// collapsed), terms in any order, schedules by what they mean (HSDS has no
/// `DAILY`: every day is `WEEKLY` on all seven days).
pub fn same(a: &ServiceEntry, b: &ServiceEntry) -> bool {
    folded(a) == folded(b)
}

fn folded(e: &ServiceEntry) -> ServiceEntry {
    use crate::domain::values::normalize_text as n;
    let mut out = e.clone();
    for text in [
        &mut out.organization.name,
        &mut out.name,
        &mut out.name_en,
        &mut out.description,
        &mut out.description_en,
        &mut out.eligibility,
        &mut out.fees,
        &mut out.address,
        &mut out.hours_note,
        &mut out.hours_note_en,
    ] {
        *text = n(text);
    }
    for p in &mut out.phones {
        p.description = n(&p.description);
    }
    out.schedules = e
        .schedules
        .iter()
        .map(|s| Schedule {
            description: n(&s.description),
            ..canonical(s)
        })
        .collect();
    if let Some(c) = &mut out.confirmed {
        c.by = n(&c.by);
    }
    out.needs.sort();
    out.audiences.sort();
    out.methods.sort();
    out
}

/// A schedule in one spelling of what it means: every day (daily, or
/// weekly on no day or on all seven) as daily without days; daily on some
/// days as weekly on them.
pub fn canonical(s: &Schedule) -> Schedule {
    use super::Freq;
    let days: std::collections::HashSet<_> = s.byday.iter().map(|d| d.weekday).collect();
    let every_day =
        s.byday.is_empty() || (days.len() == 7 && s.byday.iter().all(|d| d.nth.is_none()));
    let mut out = s.clone();
    match s.freq {
        Freq::Monthly => {}
        _ if every_day => {
            out.freq = Freq::Daily;
            out.byday.clear();
        }
        _ => out.freq = Freq::Weekly,
    }
    out
}

#[cfg(test)]
mod tests;
