//! Finding services for a trouble (困りごとから探す): the filters of the
//! directory page and the API, and the other doors shown after a booking.

use super::{needs_for_topic, Audience, BookableHere, Method, Need, ServiceEntry};
use crate::domain::{FieldError, FieldErrors, Topic};
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
/// the asked troubles, then (when troubles were asked) those bookable
/// here, then in staff's order.
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
                // Among services for the asked troubles, those one can book here.
                !query.needs.is_empty() && h.entry.bookable_here.is_none(),
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

/// A page of results (HSDS paging: pages from 1, up to 100 a page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: usize,
    pub per_page: usize,
}

impl Paging {
    pub const MAX_PER_PAGE: usize = 100;
    pub const DEFAULT_PER_PAGE: usize = 20;
}

fn flag(raw: &str) -> Result<bool, FieldError> {
    match raw.trim() {
        "true" | "1" | "on" | "yes" => Ok(true),
        "false" | "0" | "off" | "no" | "" => Ok(false),
        _ => Err(FieldError::Choice),
    }
}

fn number(raw: &str, max: usize) -> Result<usize, FieldError> {
    // Full-width digits (０–９) read as digits, as every field reads them.
    let folded = crate::domain::values::normalize_text(raw);
    let n: usize = folded.trim().parse().map_err(|_| FieldError::NotANumber)?;
    if n == 0 || n > max {
        return Err(FieldError::Range {
            min: 1,
            max: max.min(u32::MAX as usize) as u32,
        });
    }
    Ok(n)
}

impl Query {
    /// The query of a search address (`need=debt&need=family` or
    /// `need=debt,family`; `audience`, `method`, `open_now`, `outside_hours`,
    /// `page`, `per_page`), each bad part with its own error. Other keys
    /// (`lang`) are left to others.
    pub fn parse(pairs: &[(String, String)]) -> Result<(Query, Paging), FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut query = Query::default();
        let mut paging = Paging {
            page: 1,
            per_page: Paging::DEFAULT_PER_PAGE,
        };
        for (key, value) in pairs {
            match key.as_str() {
                "need" => {
                    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                        match Need::parse(code) {
                            Ok(n) if !query.needs.contains(&n) => query.needs.push(n),
                            Ok(_) => {}
                            Err(e) => {
                                errors.insert("need", e);
                            }
                        }
                    }
                }
                "audience" if !value.trim().is_empty() => match Audience::parse(value) {
                    Ok(a) => query.audience = Some(a),
                    Err(e) => {
                        errors.insert("audience", e);
                    }
                },
                "method" if !value.trim().is_empty() => match Method::parse(value) {
                    Ok(m) => query.method = Some(m),
                    Err(e) => {
                        errors.insert("method", e);
                    }
                },
                "open_now" => match flag(value) {
                    Ok(f) => query.open_now = f,
                    Err(e) => {
                        errors.insert("open_now", e);
                    }
                },
                "outside_hours" => match flag(value) {
                    Ok(f) => query.outside_office_hours = f,
                    Err(e) => {
                        errors.insert("outside_hours", e);
                    }
                },
                "page" => match number(value, 1_000_000) {
                    Ok(n) => paging.page = n,
                    Err(e) => {
                        errors.insert("page", e);
                    }
                },
                "per_page" => match number(value, Paging::MAX_PER_PAGE) {
                    Ok(n) => paging.per_page = n,
                    Err(e) => {
                        errors.insert("per_page", e);
                    }
                },
                _ => {}
            }
        }
        if errors.is_empty() {
            Ok((query, paging))
        } else {
            Err(errors)
        }
    }
}
