//! Entries into the package's tables.

use super::schema::{Resource, RESOURCES};
use super::{derived_id, Table};
use crate::domain::directory::{Audience, Freq, Method, Need, ServiceEntry};
use chrono::NaiveTime;

/// A term of one of Tsunagu's three vocabularies (困りごと, 立場, 相談の方法).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Need(Need),
    Audience(Audience),
    Method(Method),
}

/// The vocabularies: their name in the package, and what they hold.
pub(super) const VOCABULARIES: [(&str, &str, &str); 3] = [
    (
        "need",
        "困りごと (Tsunagu)",
        "What the person is troubled by; the codes are those of the API's need=.",
    ),
    (
        "audience",
        "立場 (Tsunagu)",
        "Who is asking: a worker, an employer, family or friends.",
    ),
    (
        "method",
        "相談の方法 (Tsunagu)",
        "How one can talk to the service: phone, in person, mail, chat.",
    ),
];

impl Term {
    pub fn vocabulary(self) -> &'static str {
        match self {
            Term::Need(_) => "need",
            Term::Audience(_) => "audience",
            Term::Method(_) => "method",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Term::Need(n) => n.code(),
            Term::Audience(a) => a.code(),
            Term::Method(m) => m.code(),
        }
    }

    /// The term's `code` in the package: unique across the vocabularies
    /// (`need.family`, `audience.family`).
    pub fn package_code(self) -> String {
        format!("{}.{}", self.vocabulary(), self.code())
    }

    pub fn id(self) -> String {
        derived_id(&["term", self.vocabulary(), self.code()])
    }

    /// Every term, vocabulary by vocabulary.
    pub fn all() -> Vec<Term> {
        Need::ALL
            .iter()
            .map(|n| Term::Need(*n))
            .chain(Audience::ALL.iter().map(|a| Term::Audience(*a)))
            .chain(Method::ALL.iter().map(|m| Term::Method(*m)))
            .collect()
    }

    pub(super) fn of(entry: &ServiceEntry) -> Vec<Term> {
        entry
            .needs
            .iter()
            .map(|n| Term::Need(*n))
            .chain(entry.audiences.iter().map(|a| Term::Audience(*a)))
            .chain(entry.methods.iter().map(|m| Term::Method(*m)))
            .collect()
    }
}

pub(super) fn taxonomy_id(vocabulary: &str) -> String {
    derived_id(&["taxonomy", vocabulary])
}

fn time(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_default()
}

fn flag(b: bool) -> String {
    if b { "true" } else { "false" }.to_string()
}

const EVERY_DAY: &str = "MO,TU,WE,TH,FR,SA,SU";

/// The tables of `entries`, in the order of [`RESOURCES`]. `label` gives
/// a term's name in Japanese and in English.
pub fn write(
    entries: &[ServiceEntry],
    label: &dyn Fn(Term) -> (String, String),
) -> Vec<(&'static Resource, Table)> {
    let mut organizations: Vec<(String, Vec<String>)> = Vec::new();
    let mut services = Vec::new();
    let mut phones = Vec::new();
    let mut schedules = Vec::new();
    let mut attributes = Vec::new();
    for e in entries {
        match organizations
            .iter_mut()
            .find(|(id, _)| *id == e.organization.id)
        {
            // HSDS needs a description: the names of the services it runs.
            Some((_, row)) => row[2] = format!("{}、{}", row[2], e.name),
            None => organizations.push((
                e.organization.id.clone(),
                vec![
                    e.organization.id.clone(),
                    e.organization.name.clone(),
                    e.name.clone(),
                    e.organization.url.clone(),
                ],
            )),
        }
        let confirmed = e.confirmed.as_ref();
        services.push(vec![
            e.id.clone(),
            e.organization.id.clone(),
            e.name.clone(),
            e.description.clone(),
            e.url.clone(),
            e.email.clone(),
            e.status.code().to_string(),
            e.fees.clone(),
            e.eligibility.clone(),
            confirmed.map(|c| c.on.to_string()).unwrap_or_default(),
            e.name_en.clone(),
            e.description_en.clone(),
            e.address.clone(),
            e.hours_note.clone(),
            e.hours_note_en.clone(),
            flag(e.free),
            flag(e.closed_on_holidays),
            flag(e.closed_year_end),
            flag(e.crisis),
            e.rank.to_string(),
            e.bookable_here
                .map(|b| b.code().to_string())
                .unwrap_or_default(),
            confirmed.map(|c| c.by.clone()).unwrap_or_default(),
        ]);
        for (i, p) in e.phones.iter().enumerate() {
            phones.push(vec![
                derived_id(&[&e.id, "phone", &i.to_string()]),
                e.id.clone(),
                p.number.clone(),
                p.kind.code().to_string(),
                p.description.clone(),
            ]);
        }
        for (i, s) in e.schedules.iter().enumerate() {
            let (freq, byday) = match s.freq {
                Freq::Monthly => ("MONTHLY", s.byday_text()),
                _ if s.byday.is_empty() => ("WEEKLY", EVERY_DAY.to_string()),
                _ => ("WEEKLY", s.byday_text()),
            };
            schedules.push(vec![
                derived_id(&[&e.id, "schedule", &i.to_string()]),
                e.id.clone(),
                s.valid_from.map(|d| d.to_string()).unwrap_or_default(),
                s.valid_to.map(|d| d.to_string()).unwrap_or_default(),
                freq.to_string(),
                byday,
                s.description.clone(),
                time(s.opens_at),
                time(s.closes_at),
            ]);
        }
        for term in Term::of(e) {
            let term_id = term.id();
            attributes.push(vec![
                derived_id(&[&e.id, "attribute", &term_id]),
                e.id.clone(),
                term_id,
                term.vocabulary().to_string(),
                "service".to_string(),
                String::new(),
            ]);
        }
    }
    let taxonomies = VOCABULARIES
        .iter()
        .map(|(vocabulary, name, what)| {
            vec![taxonomy_id(vocabulary), name.to_string(), what.to_string()]
        })
        .collect();
    let terms = Term::all()
        .into_iter()
        .map(|term| {
            let (ja, en) = label(term);
            vec![
                term.id(),
                term.package_code(),
                ja,
                en,
                format!("tsunagu-{}", term.vocabulary()),
                "ja".to_string(),
                taxonomy_id(term.vocabulary()),
            ]
        })
        .collect();
    let organizations = organizations.into_iter().map(|(_, row)| row).collect();
    let tables = [
        organizations,
        services,
        phones,
        schedules,
        taxonomies,
        terms,
        attributes,
    ];
    RESOURCES
        .iter()
        .zip(tables)
        .map(|(r, rows)| (r, Table::new(r.header(), rows)))
        .collect()
}
