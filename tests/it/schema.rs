//! Two databases, one schema: `migrations/sqlite/` and `migrations/postgres/`
//! are two copies of one schema, and this test holds them to it. It migrates
//! a fresh database of each kind as the application does (`Store::connect`,
//! `Store::migrate`), reads each one's own catalogue (`schema/sqlite.rs`,
//! `schema/postgres.rs`) into facts (`schema/facts.rs`) and fails with every fact the two
//! state differently, but for the few the dialects cannot share
//! ([`DIALECT_DIFFERENCES`]).
//!
//! It needs both databases whatever `TSUNAGU_TEST_BACKEND` says. Outside CI
//! (`CI` unset) it is skipped, saying so, when PostgreSQL cannot be reached
//! at `TSUNAGU_TEST_PG_URL`; in CI it fails.

mod facts;
mod postgres;
mod sql;
mod sqlite;

use crate::support::{self, TestDb};
use facts::Difference;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{PgPool, SqlitePool};
use tsunagu::store::Store;

/// A difference the dialects cannot avoid, and why. Anything else that
/// differs is a fault of one copy, mended by a new migration pair.
struct Inherent {
    fact: &'static str,
    sqlite: Option<&'static str>,
    postgres: Option<&'static str>,
    why: &'static str,
}

const DIALECT_DIFFERENCES: &[Inherent] = &[
    Inherent {
        fact: "health_blocks rule health_blocks_no_overlap",
        sqlite: Some("trigger"),
        postgres: Some("exclusion constraint"),
        why: "SQLite has no exclusion constraints: a BEFORE INSERT trigger raises the rule's \
              name (RULES in src/store/mod.rs); a block's doctor and times are never updated, \
              and SQLite's single writer keeps the check from racing",
    },
    Inherent {
        fact: "health_interviews rule health_interviews_no_overlap",
        sqlite: Some("trigger"),
        postgres: Some("exclusion constraint"),
        why: "as for blocks: an interview's doctor and times are never updated, and none \
              becomes live again once declined or cancelled, so checking inserts is checking \
              every write",
    },
];

impl Inherent {
    fn explains(&self, d: &Difference) -> bool {
        d.key == self.fact
            && d.sqlite.as_deref() == self.sqlite
            && d.postgres.as_deref() == self.postgres
    }
}

#[tokio::test]
async fn both_migrations_give_one_schema() {
    with_both_databases(|sqlite, postgres| async move {
        let found = facts::differences(
            &sqlite::facts(&sqlite).await,
            &postgres::facts(&postgres).await,
        );
        let unexplained: Vec<String> = found
            .iter()
            .filter(|d| !DIALECT_DIFFERENCES.iter().any(|a| a.explains(d)))
            .map(|d| format!("  {d}"))
            .collect();
        let stale: Vec<String> = DIALECT_DIFFERENCES
            .iter()
            .filter(|a| !found.iter().any(|d| a.explains(d)))
            .map(|a| format!("  {} ({})", a.fact, a.why))
            .collect();
        assert!(
            unexplained.is_empty(),
            "migrations/sqlite and migrations/postgres disagree (mend it with a new migration \
             in both folders):\n{}",
            unexplained.join("\n")
        );
        assert!(
            stale.is_empty(),
            "dialect differences listed in this test but no longer found (remove them):\n{}",
            stale.join("\n")
        );
    })
    .await;
}

/// The catalogue readers see drift of every kind: the same migrations, then
/// one change on one side for each kind of fact.
#[tokio::test]
async fn drift_of_either_copy_is_reported() {
    with_both_databases(|sqlite, postgres| async move {
        for change in [
            "ALTER TABLE bookings ADD COLUMN extra TEXT",
            "DROP INDEX bookings_one_per_slot",
            "CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (slot_id) WHERE status = 'confirmed'",
        ] {
            sqlx::query(change).execute(&sqlite).await.unwrap();
        }
        for change in [
            "DROP TABLE sign_in_failures",
            "ALTER TABLE outbox ALTER COLUMN last_error SET NOT NULL",
            "ALTER TABLE manage_tokens ALTER COLUMN group_hash TYPE bytea USING group_hash::bytea",
            "ALTER TABLE bookings ALTER COLUMN lang SET DEFAULT 'en'",
            "ALTER TABLE slots DROP CONSTRAINT slots_profession_check",
            "ALTER TABLE slots DROP CONSTRAINT slots_session_id_profession_starts_at_key",
            "ALTER TABLE outbox DROP CONSTRAINT outbox_booking_id_fkey",
            "ALTER TABLE health_blocks RENAME CONSTRAINT health_blocks_capacity TO health_blocks_room",
            "ALTER TABLE health_interviews DROP CONSTRAINT health_interviews_no_overlap",
        ] {
            sqlx::query(change).execute(&postgres).await.unwrap();
        }
        let found: Vec<String> =
            facts::differences(&sqlite::facts(&sqlite).await, &postgres::facts(&postgres).await)
                .iter()
                .map(|d| d.to_string())
                .collect();
        for expected in [
            "bookings.extra type: sqlite says text, postgres says nothing",
            "bookings index bookings_one_per_slot: sqlite says unique (slot_id) where (status | 'confirmed'), \
             postgres says unique (slot_id) where (status | 'confirmed', 'held')",
            "sign_in_failures: sqlite says table, postgres says nothing",
            "outbox.last_error null: sqlite says nullable, postgres says NOT NULL",
            "manage_tokens.group_hash type: sqlite says text, postgres says blob",
            "bookings.lang default: sqlite says 'ja', postgres says 'en'",
            "slots check (profession | 'lawyer', 'psychologist'): sqlite says unnamed, postgres says nothing",
            "slots unique (session_id, profession, starts_at): sqlite says constraint, postgres says nothing",
            "outbox foreign key (booking_id): sqlite says bookings (id) on update no action on delete no action, \
             postgres says nothing",
            "health_blocks check (capacity, used_interviews | 0): sqlite says named health_blocks_capacity, \
             postgres says named health_blocks_room",
            "health_interviews rule health_interviews_no_overlap: sqlite says trigger, postgres says nothing",
        ] {
            assert!(
                found.iter().any(|f| f == expected),
                "not reported: {expected}\nreported:\n{}",
                found.join("\n")
            );
        }
    })
    .await;
}

/// Runs `check` on a fresh SQLite file and a fresh PostgreSQL database,
/// both migrated by the application's own `Store`, opened again for reading
/// their catalogues. Outside CI, without a PostgreSQL server, it says so and
/// checks nothing.
async fn with_both_databases<F, Fut>(check: F)
where
    F: FnOnce(SqlitePool, PgPool) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let postgres = match TestDb::postgres().await {
        Ok(db) => db,
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "skipped: the schema test needs PostgreSQL, which cannot be reached at {} ({e}); \
                 in CI (CI set) this fails",
                support::pg_admin_url()
            );
            return;
        }
        Err(e) => panic!(
            "PostgreSQL must be reachable at {} in CI: {e}",
            support::pg_admin_url()
        ),
    };
    let sqlite = TestDb::sqlite();
    for db in [&sqlite, &postgres] {
        let store = Store::connect(&db.url, 2).await.unwrap();
        store.migrate().await.unwrap();
        store.close().await;
    }
    // One connection: each statement then sees the schema the last one left.
    let sqlite_pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&sqlite.url)
        .await
        .unwrap();
    let postgres_pool = PgPool::connect(&postgres.url).await.unwrap();
    check(sqlite_pool, postgres_pool).await;
}
