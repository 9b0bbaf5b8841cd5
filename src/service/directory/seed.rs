//! The directory a new database starts with (`config/directory.toml`, or
//! the file `directory.seed_file` names), written once however many
//! instances start together.

use crate::domain::directory::parse_time;
use crate::domain::directory::{
    Audience, BookableHere, ByDay, Freq, Method, Need, Organization, Phone, PhoneKind, Schedule,
    ServiceEntry, Status,
};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
struct SeedFile {
    service: Vec<SeedService>,
}

#[derive(Deserialize)]
struct SeedOrganization {
    id: String,
    name: String,
    #[serde(default)]
    url: String,
}

#[derive(Deserialize)]
struct SeedPhone {
    number: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
struct SeedSchedule {
    freq: String,
    #[serde(default)]
    byday: String,
    #[serde(default)]
    opens_at: String,
    #[serde(default)]
    closes_at: String,
    #[serde(default)]
    valid_from: Option<NaiveDate>,
    #[serde(default)]
    valid_to: Option<NaiveDate>,
    #[serde(default)]
    description: String,
}

#[derive(Deserialize)]
struct SeedService {
    id: String,
    organization: SeedOrganization,
    name: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    eligibility: String,
    #[serde(default)]
    fees: String,
    #[serde(default = "yes")]
    free: bool,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    audiences: Vec<String>,
    #[serde(default)]
    methods: Vec<String>,
    #[serde(default)]
    phones: Vec<SeedPhone>,
    #[serde(default)]
    email: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    hours_note: String,
    #[serde(default)]
    hours_note_en: String,
    #[serde(default)]
    schedules: Vec<SeedSchedule>,
    #[serde(default)]
    closed_on_holidays: bool,
    #[serde(default)]
    closed_year_end: bool,
    #[serde(default)]
    crisis: bool,
    #[serde(default = "hundred")]
    rank: i32,
    #[serde(default)]
    bookable_here: Option<String>,
}

fn yes() -> bool {
    true
}

fn hundred() -> i32 {
    100
}

fn codes<T>(
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, crate::domain::FieldError>,
    what: &str,
    id: &str,
) -> anyhow::Result<Vec<T>> {
    raw.iter()
        .map(|c| parse(c).map_err(|_| anyhow::anyhow!("service {id}: unknown {what} {c:?}")))
        .collect()
}

fn optional_time(raw: &str) -> anyhow::Result<Option<chrono::NaiveTime>> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_time(raw).map(Some).map_err(anyhow::Error::msg)
}

impl SeedService {
    fn into_entry(self) -> anyhow::Result<ServiceEntry> {
        let id = self.id.clone();
        let schedules = self
            .schedules
            .into_iter()
            .map(|s| {
                Ok(Schedule {
                    freq: Freq::parse(&s.freq).map_err(anyhow::Error::msg)?,
                    byday: ByDay::parse_list(&s.byday).map_err(anyhow::Error::msg)?,
                    opens_at: optional_time(&s.opens_at)?,
                    closes_at: optional_time(&s.closes_at)?,
                    valid_from: s.valid_from,
                    valid_to: s.valid_to,
                    description: s.description,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let phones = self
            .phones
            .into_iter()
            .map(|p| {
                let kind = match p.kind.as_deref() {
                    None => PhoneKind::Voice,
                    Some(k) => PhoneKind::parse(k)
                        .map_err(|_| anyhow::anyhow!("service {id}: unknown phone kind {k:?}"))?,
                };
                Ok(Phone {
                    number: p.number,
                    kind,
                    description: p.description,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let bookable_here = match self.bookable_here.as_deref() {
            None => None,
            Some(b) => Some(
                BookableHere::parse(b)
                    .map_err(|_| anyhow::anyhow!("service {id}: bookable_here {b:?}"))?,
            ),
        };
        Ok(ServiceEntry {
            needs: codes(&self.needs, Need::parse, "need", &id)?,
            audiences: codes(&self.audiences, Audience::parse, "audience", &id)?,
            methods: codes(&self.methods, Method::parse, "method", &id)?,
            organization: Organization {
                id: self.organization.id,
                name: self.organization.name,
                url: self.organization.url,
            },
            id: self.id,
            name: self.name,
            name_en: self.name_en,
            description: self.description,
            description_en: self.description_en,
            eligibility: self.eligibility,
            fees: self.fees,
            free: self.free,
            phones,
            email: self.email,
            url: self.url,
            address: self.address,
            schedules,
            hours_note: self.hours_note,
            hours_note_en: self.hours_note_en,
            closed_on_holidays: self.closed_on_holidays,
            closed_year_end: self.closed_year_end,
            crisis: self.crisis,
            rank: self.rank,
            bookable_here,
            status: Status::Active,
            confirmed: None,
        })
    }
}

/// The entries of a seed file (TOML, as `config/directory.toml`).
pub fn parse(text: &str) -> anyhow::Result<Vec<ServiceEntry>> {
    let file: SeedFile = config::Config::builder()
        .add_source(config::File::from_str(text, config::FileFormat::Toml))
        .build()?
        .try_deserialize()?;
    let entries = file
        .service
        .into_iter()
        .map(SeedService::into_entry)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        anyhow::bail!("directory seed: id {} is given twice", w[0]);
    }
    Ok(entries)
}

/// Writes the starting entries when the directory has never been written:
/// `true` when this call wrote them.
pub async fn seed_new_database(
    store: &Store,
    text: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let entries = parse(text)?;
    Ok(store.seed_directory(&entries, now).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Need;

    #[test]
    fn the_shipped_directory_reads_and_names_no_number_it_was_not_given() {
        let entries = parse(crate::config::DIRECTORY_SEED).unwrap();
        assert!(entries.len() >= 10);
        let numbers: Vec<&str> = entries
            .iter()
            .flat_map(|e| e.phones.iter().map(|p| p.number.as_str()))
            .collect();
        // The numbers of the domain brief, and no other.
        for n in &numbers {
            assert!(
                [
                    "022-718-4343",
                    "0570-783-556",
                    "0570-064-556",
                    "022-225-5560",
                    "022-221-6870",
                    "022-263-6755"
                ]
                .contains(n),
                "{n}"
            );
        }
        let crisis: Vec<&str> = entries
            .iter()
            .filter(|e| e.crisis)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(crisis[0], "仙台いのちの電話");
        assert!(entries
            .iter()
            .any(|e| e.bookable_here.is_some() && e.needs.contains(&Need::Debt)));
        assert!(entries.iter().all(|e| e.confirmed.is_none()));
    }

    #[test]
    fn a_seed_with_an_unknown_code_or_a_twice_given_id_is_refused() {
        let one = r#"
[[service]]
id = "a"
organization = { id = "o", name = "団体" }
name = "相談"
needs = ["nonsense"]
"#;
        assert!(parse(one).unwrap_err().to_string().contains("nonsense"));
        let twice = r#"
[[service]]
id = "a"
organization = { id = "o", name = "団体" }
name = "相談"
[[service]]
id = "a"
organization = { id = "o", name = "団体" }
name = "相談2"
"#;
        assert!(parse(twice).unwrap_err().to_string().contains("twice"));
    }
}
