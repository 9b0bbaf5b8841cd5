//! 相談先の一覧: the directory's services, read whole (the service layer
//! keeps them in memory and searches there) and written one service at a
//! time. Every write raises `directory_version` in the same transaction, so
//! that each instance sees when the copy it holds is out of date.

use super::{on_db, Store, StoreResult};
use crate::domain::directory::{
    Audience, BookableHere, ByDay, Confirmation, Freq, Method, Need, Organization, Phone,
    PhoneKind, Schedule, ServiceEntry, Status,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct ServiceRow {
    id: String,
    organization_id: String,
    organization_name: String,
    organization_url: String,
    name: String,
    name_en: String,
    description: String,
    description_en: String,
    eligibility: String,
    fees: String,
    free: bool,
    email: String,
    url: String,
    address: String,
    hours_note: String,
    hours_note_en: String,
    closed_on_holidays: bool,
    closed_year_end: bool,
    crisis: bool,
    rank: i32,
    bookable_here: Option<String>,
    status: String,
    confirmed_on: Option<NaiveDate>,
    confirmed_by: String,
}

#[derive(sqlx::FromRow)]
struct PhoneRow {
    service_id: String,
    number: String,
    kind: String,
    description: String,
}

#[derive(sqlx::FromRow)]
struct ScheduleRow {
    service_id: String,
    freq: String,
    byday: String,
    opens_at: String,
    closes_at: String,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    description: String,
}

#[derive(sqlx::FromRow)]
struct TermRow {
    service_id: String,
    vocabulary: String,
    code: String,
}

const SERVICES: &str = "SELECT s.id, s.organization_id, o.name AS organization_name,
        o.url AS organization_url, s.name, s.name_en, s.description, s.description_en,
        s.eligibility, s.fees, s.free, s.email, s.url, s.address, s.hours_note, s.hours_note_en,
        s.closed_on_holidays, s.closed_year_end, s.crisis, s.rank, s.bookable_here, s.status,
        s.confirmed_on, s.confirmed_by
   FROM directory_services s JOIN directory_organizations o ON o.id = s.organization_id
  ORDER BY s.rank, s.name, s.id";

fn time_text(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

fn time_of(raw: &str) -> Option<NaiveTime> {
    crate::domain::directory::parse_time(raw).ok()
}

impl ServiceRow {
    /// A stored service; the CHECK constraints admit only known codes.
    fn into_entry(self) -> ServiceEntry {
        ServiceEntry {
            organization: Organization {
                id: self.organization_id,
                name: self.organization_name,
                url: self.organization_url,
            },
            name: self.name,
            name_en: self.name_en,
            description: self.description,
            description_en: self.description_en,
            eligibility: self.eligibility,
            fees: self.fees,
            free: self.free,
            needs: Vec::new(),
            audiences: Vec::new(),
            methods: Vec::new(),
            phones: Vec::new(),
            email: self.email,
            url: self.url,
            address: self.address,
            schedules: Vec::new(),
            hours_note: self.hours_note,
            hours_note_en: self.hours_note_en,
            closed_on_holidays: self.closed_on_holidays,
            closed_year_end: self.closed_year_end,
            crisis: self.crisis,
            rank: self.rank,
            bookable_here: self
                .bookable_here
                .and_then(|b| BookableHere::parse(&b).ok()),
            status: Status::parse(&self.status).unwrap_or(Status::Inactive),
            confirmed: self.confirmed_on.map(|on| Confirmation {
                on,
                by: self.confirmed_by,
            }),
            id: self.id,
        }
    }
}

/// Raises the directory's version inside the transaction `$tx`.
macro_rules! bump {
    ($tx:ident) => {
        sqlx::query("UPDATE directory_version SET version = version + 1 WHERE id = 1")
            .execute(&mut *$tx)
            .await?;
    };
}

/// Writes `$entry` (organisation, service, phones, schedules, terms) inside
/// the transaction `$tx`, replacing what was stored under its id.
macro_rules! write_service {
    ($tx:ident, $entry:expr, $now:expr) => {{
        let e: &ServiceEntry = $entry;
        sqlx::query(
            "INSERT INTO directory_organizations (id, name, url) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url",
        )
        .bind(&e.organization.id)
        .bind(&e.organization.name)
        .bind(&e.organization.url)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "INSERT INTO directory_services (id, organization_id, name, name_en, description,
                description_en, eligibility, fees, free, email, url, address, hours_note,
                closed_on_holidays, closed_year_end, crisis, rank, bookable_here, status,
                confirmed_on, confirmed_by, created_at, updated_at, hours_note_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, $20, $21, $22, $22, $23)
             ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id,
                name = excluded.name, name_en = excluded.name_en,
                description = excluded.description, description_en = excluded.description_en,
                eligibility = excluded.eligibility, fees = excluded.fees, free = excluded.free,
                email = excluded.email, url = excluded.url, address = excluded.address,
                hours_note = excluded.hours_note, hours_note_en = excluded.hours_note_en,
                closed_on_holidays = excluded.closed_on_holidays,
                closed_year_end = excluded.closed_year_end, crisis = excluded.crisis,
                rank = excluded.rank, bookable_here = excluded.bookable_here,
                status = excluded.status, confirmed_on = excluded.confirmed_on,
                confirmed_by = excluded.confirmed_by, updated_at = excluded.updated_at",
        )
        .bind(&e.id)
        .bind(&e.organization.id)
        .bind(&e.name)
        .bind(&e.name_en)
        .bind(&e.description)
        .bind(&e.description_en)
        .bind(&e.eligibility)
        .bind(&e.fees)
        .bind(e.free)
        .bind(&e.email)
        .bind(&e.url)
        .bind(&e.address)
        .bind(&e.hours_note)
        .bind(e.closed_on_holidays)
        .bind(e.closed_year_end)
        .bind(e.crisis)
        .bind(e.rank)
        .bind(e.bookable_here.map(|b| b.code()))
        .bind(e.status.code())
        .bind(e.confirmed.as_ref().map(|c| c.on))
        .bind(e.confirmed.as_ref().map(|c| c.by.as_str()).unwrap_or(""))
        .bind($now)
        .bind(&e.hours_note_en)
        .execute(&mut *$tx)
        .await?;
        for table in ["directory_phones", "directory_schedules", "directory_terms"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE service_id = $1"))
                .bind(&e.id)
                .execute(&mut *$tx)
                .await?;
        }
        for (position, p) in e.phones.iter().enumerate() {
            sqlx::query(
                "INSERT INTO directory_phones (service_id, position, number, kind, description)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&e.id)
            .bind(position as i32)
            .bind(&p.number)
            .bind(p.kind.code())
            .bind(&p.description)
            .execute(&mut *$tx)
            .await?;
        }
        for (position, s) in e.schedules.iter().enumerate() {
            sqlx::query(
                "INSERT INTO directory_schedules (service_id, position, freq, byday, opens_at,
                    closes_at, valid_from, valid_to, description)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&e.id)
            .bind(position as i32)
            .bind(s.freq.code())
            .bind(s.byday_text())
            .bind(time_text(s.opens_at))
            .bind(time_text(s.closes_at))
            .bind(s.valid_from)
            .bind(s.valid_to)
            .bind(&s.description)
            .execute(&mut *$tx)
            .await?;
        }
        let terms = e
            .needs
            .iter()
            .map(|n| ("need", n.code()))
            .chain(e.audiences.iter().map(|a| ("audience", a.code())))
            .chain(e.methods.iter().map(|m| ("method", m.code())));
        for (vocabulary, code) in terms {
            sqlx::query(
                "INSERT INTO directory_terms (service_id, vocabulary, code) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
            )
            .bind(&e.id)
            .bind(vocabulary)
            .bind(code)
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

impl Store {
    /// The version of the directory: raised by every change.
    pub async fn directory_version(&self) -> StoreResult<i64> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT version FROM directory_version WHERE id = 1")
                .fetch_one(pool)
                .await?
        }))
    }

    /// The whole directory, with its version, in staff's order; read in
    /// one transaction so that the version is that of what was read.
    pub async fn directory(&self) -> StoreResult<(i64, Vec<ServiceEntry>)> {
        let (version, services, phones, schedules, terms) = on_db!(read self, pool => {
            let mut tx = pool.begin().await?;
            let version: i64 = sqlx::query_scalar("SELECT version FROM directory_version WHERE id = 1")
                .fetch_one(&mut *tx)
                .await?;
            let services: Vec<ServiceRow> = sqlx::query_as(SERVICES).fetch_all(&mut *tx).await?;
            let phones: Vec<PhoneRow> = sqlx::query_as(
                "SELECT service_id, number, kind, description FROM directory_phones
                  ORDER BY service_id, position",
            )
            .fetch_all(&mut *tx)
            .await?;
            let schedules: Vec<ScheduleRow> = sqlx::query_as(
                "SELECT service_id, freq, byday, opens_at, closes_at, valid_from, valid_to, description
                   FROM directory_schedules ORDER BY service_id, position",
            )
            .fetch_all(&mut *tx)
            .await?;
            let terms: Vec<TermRow> = sqlx::query_as(
                "SELECT service_id, vocabulary, code FROM directory_terms
                  ORDER BY service_id, vocabulary, code",
            )
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            (version, services, phones, schedules, terms)
        });
        let mut entries: Vec<ServiceEntry> =
            services.into_iter().map(ServiceRow::into_entry).collect();
        let at: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for p in phones {
            if let Some(&i) = at.get(&p.service_id) {
                entries[i].phones.push(Phone {
                    number: p.number,
                    kind: PhoneKind::parse(&p.kind).unwrap_or(PhoneKind::Voice),
                    description: p.description,
                });
            }
        }
        for s in schedules {
            if let Some(&i) = at.get(&s.service_id) {
                entries[i].schedules.push(Schedule {
                    freq: Freq::parse(&s.freq).unwrap_or(Freq::Weekly),
                    byday: ByDay::parse_list(&s.byday).unwrap_or_default(),
                    opens_at: time_of(&s.opens_at),
                    closes_at: time_of(&s.closes_at),
                    valid_from: s.valid_from,
                    valid_to: s.valid_to,
                    description: s.description,
                });
            }
        }
        for t in terms {
            let Some(&i) = at.get(&t.service_id) else {
                continue;
            };
            let e = &mut entries[i];
            match t.vocabulary.as_str() {
                "need" => e.needs.extend(Need::parse(&t.code).ok()),
                "audience" => e.audiences.extend(Audience::parse(&t.code).ok()),
                _ => e.methods.extend(Method::parse(&t.code).ok()),
            }
        }
        for e in &mut entries {
            // Terms in the order of their vocabulary, not of their codes.
            e.needs.sort();
            e.audiences.sort();
            e.methods.sort();
        }
        Ok((version, entries))
    }

    /// Adds or replaces one service (and its organisation's name and web
    /// address), with its phones, schedules and terms.
    pub async fn save_directory_service(
        &self,
        entry: &ServiceEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            write_service!(tx, entry, now);
            bump!(tx);
            tx.commit().await?;
        });
        self.directory_cache.forget();
        Ok(())
    }

    /// Adds or replaces several services at once (an import): all or
    /// none, with one raise of the version.
    pub async fn save_directory_services(
        &self,
        entries: &[ServiceEntry],
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            for entry in entries {
                write_service!(tx, entry, now);
            }
            bump!(tx);
            tx.commit().await?;
        });
        self.directory_cache.forget();
        Ok(())
    }

    /// Writes the directory a new database starts with, once: `false`
    /// when the directory was already written (by this instance or another).
    pub async fn seed_directory(
        &self,
        entries: &[ServiceEntry],
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let claimed = sqlx::query("UPDATE directory_version SET version = 1 WHERE id = 1 AND version = 0")
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if claimed == 0 {
                tx.rollback().await?;
                false
            } else {
                for entry in entries {
                    write_service!(tx, entry, now);
                }
                tx.commit().await?;
                self.directory_cache.forget();
                true
            }
        }))
    }

    /// 受付中・一時休止・休止・廃止: the status of one service.
    pub async fn set_directory_status(
        &self,
        id: &str,
        status: Status,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        self.update_service(
            "UPDATE directory_services SET status = $2, updated_at = $3 WHERE id = $1",
            id,
            status.code(),
            now,
        )
        .await
    }

    /// Confirmed with the organisation today by `by`.
    pub async fn confirm_directory_service(
        &self,
        id: &str,
        on: NaiveDate,
        by: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE directory_services SET confirmed_on = $2, confirmed_by = $3, updated_at = $4 WHERE id = $1",
            )
            .bind(id)
            .bind(on)
            .bind(by)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done == 0 {
                return Err(super::StoreError::NotFound);
            }
            bump!(tx);
            tx.commit().await?;
        });
        self.directory_cache.forget();
        Ok(())
    }

    async fn update_service(
        &self,
        sql: &str,
        id: &str,
        value: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(sql)
                .bind(id)
                .bind(value)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done == 0 {
                return Err(super::StoreError::NotFound);
            }
            bump!(tx);
            tx.commit().await?;
        });
        self.directory_cache.forget();
        Ok(())
    }
}
