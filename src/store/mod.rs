//! All SQL lives here. One [`Store`] serves SQLite and PostgreSQL: each
//! query is written once in the SQL both understand (`$1` parameters,
//! `RETURNING`, partial indexes, `ON CONFLICT`), and the [`on_db!`] macro
//! compiles it for each driver. The few places where the dialects differ
//! (claiming outbox rows with `FOR UPDATE SKIP LOCKED`) say so explicitly.

mod audit;
mod booking_batch;
mod bookings;
mod directory;
mod directory_cache;
mod directory_review;
mod figures;
mod follow_up;
mod health;
mod health_outcome;
mod health_schedule;
mod once;
mod outbox;
mod outreach;
mod referral_figures;
mod referrals;
mod reminders;
mod roster;
mod schedule;
mod sessions;
mod staff;
mod subscriptions;
mod waitlist;

pub use audit::AuditEntry;
pub use booking_batch::BookingWrite;
pub use bookings::{BookingPerson, BookingRecord, NewBooking};
pub use directory_cache::DirectorySnapshot;
pub use figures::{ByHand, FigureBooking, FigureSlot, HealthMonthCounts};
pub use follow_up::NewHold;
pub use health::{request_number, HealthRequestRecord, HealthServiceRecord, NewHealthRequest};
pub use health_schedule::{BlockRecord, InterviewRecord, NewBlock, NewInterview};
pub use once::Once;
pub use outbox::{MailState, OutboxFigures, OutboxMessage, OutgoingMail};
pub use outreach::{CalendarEvening, SourceCount, SourceFigures};
pub use referrals::{NewReferral, ReferralRecord, ReferralStep, ReferralUpdate};
pub use reminders::ReminderCandidate;
pub use roster::{ExportRow, ProfessionalRecord, RosterSession, SheetLine};
pub use schedule::{SeriesRule, SlotMove};
pub use sessions::{SessionView, SlotView};
pub use staff::{StaffAccount, StaffListing, StaffMember};
pub use subscriptions::{NewSubscription, QueuedNotice, SubscriptionRecord};
pub use waitlist::{NewWaitlistEntry, OfferRecord, WaitlistRecord};

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

/// What can go wrong in the store, in the terms callers act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness guard refused the write; the name of the index (e.g.
    /// `bookings_one_per_slot`: the slot is already booked or held).
    #[error("conflict on {0}")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Database(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Conflict(guard_of(db.as_ref()))
            }
            sqlx::Error::Database(db) => match rule_of(db.as_ref()) {
                Some(rule) => StoreError::Conflict(rule),
                None => StoreError::Database(e),
            },
            _ => StoreError::Database(e),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The unique indexes that stand for rules, as both backends name them.
/// PostgreSQL reports the index; SQLite reports the columns (or the index,
/// for one on an expression).
const GUARDS: &[(&str, &str)] = &[
    ("bookings_one_per_slot", "bookings.slot_id"),
    (
        "bookings_one_per_email",
        "bookings.session_id, bookings.profession, bookings.email",
    ),
    (
        "bookings_one_per_phone",
        "bookings.session_id, bookings.profession, bookings.phone_digits",
    ),
    ("waitlist_one_per_phone", "waitlist_one_per_phone"),
    ("bookings_offer_token", "bookings.offer_token_hash"),
    (
        "bookings_one_follow_up_hold",
        "bookings.session_id, bookings.phone_digits",
    ),
    (
        "health_interviews_one_per_request",
        "health_interviews.request_id",
    ),
    (
        "health_interviews_one_per_time",
        "health_interviews.block_id, health_interviews.starts_at",
    ),
    ("health_interviews_one_visit", "health_interviews.block_id"),
];

/// Checks, exclusion constraints (PostgreSQL) and triggers (SQLite) that
/// stand for rules: each refusal names one, and it becomes a conflict.
const RULES: &[&str] = &[
    "health_blocks_capacity",
    "health_blocks_length",
    "health_blocks_no_overlap",
    "health_interviews_no_overlap",
];

fn rule_of(db: &dyn sqlx::error::DatabaseError) -> Option<&'static str> {
    RULES
        .iter()
        .find(|rule| db.constraint() == Some(**rule) || db.message().contains(**rule))
        .copied()
}

fn guard_of(db: &dyn sqlx::error::DatabaseError) -> &'static str {
    let message = db.message();
    GUARDS
        .iter()
        .find(|(index, columns)| {
            db.constraint() == Some(*index) || message.ends_with(columns) || message.contains(index)
        })
        .map(|(index, _)| *index)
        .unwrap_or("unique")
}

/// The database behind the application.
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
    /// Slots of the evenings to come, so that a booking need not read its
    /// slot first (see [`Store::slot_to_book`]).
    slots: std::sync::Arc<sessions::SlotCache>,
    /// The writer tasks that group bookings arriving together into one
    /// commit (see [`Store::create_booking`]); `None` in the tasks' own store.
    writer: Option<booking_batch::BookingWriter>,
    /// The directory of services, held whole (see [`Store::directory_now`]).
    directory_cache: std::sync::Arc<directory_cache::DirectoryCache>,
}

#[derive(Clone, Debug)]
enum Backend {
    /// SQLite allows one writer at a time: writes go through a pool of one
    /// connection, so they queue in the application instead of failing
    /// with `SQLITE_BUSY`; reads use their own pool (WAL lets them run
    /// beside the writer).
    Sqlite {
        read: SqlitePool,
        write: SqlitePool,
    },
    Postgres(PgPool),
}

/// Which database a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

impl Kind {
    pub fn of_url(url: &str) -> Option<Kind> {
        if url.starts_with("sqlite:") {
            Some(Kind::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Kind::Postgres)
        } else {
            None
        }
    }
}

/// Runs `$body` with `$pool` bound to the backend's pool (the SQLite
/// writer unless `read` is given), compiled once per driver.
macro_rules! on_db {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.backend {
            $crate::store::Backend::Sqlite { write: $pool, .. } => $body,
            $crate::store::Backend::Postgres($pool) => $body,
        }
    };
    (read $store:expr, $pool:ident => $body:expr) => {
        match &$store.backend {
            $crate::store::Backend::Sqlite { read: $pool, .. } => $body,
            $crate::store::Backend::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_db;

impl Store {
    /// Connects to the database a URL names (`sqlite://…` or `postgres://…`).
    /// A SQLite file and its folder are created when missing.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Store> {
        let backend = match Kind::of_url(url) {
            Some(Kind::Sqlite) => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    // FULL: a confirmed booking survives a power cut, not only a crash.
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    // Deleted or overwritten content (a sent mail's link) is zeroed, not left in free pages.
                    .pragma("secure_delete", "ON")
                    .busy_timeout(Duration::from_secs(10));
                if let Some(dir) = options.get_filename().parent() {
                    if !dir.as_os_str().is_empty() {
                        std::fs::create_dir_all(dir)?;
                    }
                }
                let write = SqlitePoolOptions::new()
                    .max_connections(1)
                    .connect_with(options.clone())
                    .await?;
                let read = SqlitePoolOptions::new()
                    .max_connections(max_connections.max(1))
                    .connect_with(options.read_only(true))
                    .await?;
                Backend::Sqlite { read, write }
            }
            Some(Kind::Postgres) => {
                let options = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(max_connections.max(2))
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Backend::Postgres(pool)
            }
            None => anyhow::bail!("database URL must start with sqlite:// or postgres://"),
        };
        // SQLite has one writer connection, so one writer task. On
        // PostgreSQL a quarter of the pool: few writers make larger batches
        // (measured: 2 of 8 connections beat 1 and 4, docs/PERFORMANCE.md),
        // and the rest of the pool stays free for reads and the dispatcher.
        let writers = match backend {
            Backend::Sqlite { .. } => 1,
            Backend::Postgres(_) => (max_connections / 4).max(1) as usize,
        };
        let mut store = Store {
            backend,
            slots: Default::default(),
            writer: None,
            directory_cache: Default::default(),
        };
        store.writer = Some(booking_batch::BookingWriter::start(store.clone(), writers));
        Ok(store)
    }

    pub fn kind(&self) -> Kind {
        match self.backend {
            Backend::Sqlite { .. } => Kind::Sqlite,
            Backend::Postgres(_) => Kind::Postgres,
        }
    }

    /// Brings the schema up to date (`migrations/<backend>/`).
    pub async fn migrate(&self) -> StoreResult<()> {
        match &self.backend {
            Backend::Sqlite { write, .. } => sqlx::migrate!("migrations/sqlite").run(write).await?,
            Backend::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Answers when the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        on_db!(read self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Backend::Postgres(pool) => pool.close().await,
        }
    }
}
