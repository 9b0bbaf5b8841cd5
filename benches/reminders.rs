//! Benchmark: the reminder sweep's query with a million bookings in the
//! database, with its index (`slots_starts_at`) and, side by side, without.
//!
//! Run: `cargo bench --bench reminders` (PostgreSQL from `TSUNAGU_TEST_PG_URL`,
//! skipped if unreachable). `BENCH_BOOKINGS` (default 1000000) sets the size.

use chrono::{DateTime, Duration, Utc};
use std::time::Instant;
use tsunagu::store::Store;

mod support;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Sessions every 10 minutes from `base`, six slots each, every slot booked.
async fn fill(url: &str, bookings: usize, base: DateTime<Utc>) -> std::time::Duration {
    let started = Instant::now();
    let sessions = bookings.div_ceil(6) as i64;
    let epoch = base.timestamp();
    let statements: Vec<String> = if url.starts_with("sqlite:") {
        let t = |expr: &str| format!("strftime('%Y-%m-%dT%H:%M:%S+00:00', {expr}, 'unixepoch')");
        vec![
            format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {sessions})
                 INSERT INTO evening_sessions (occurrence, starts_at, ends_at, venue, created_at)
                 SELECT 'b' || i, {}, {}, '会場', {} FROM n",
                t(&format!("{epoch} + i * 600")),
                t(&format!("{epoch} + i * 600 + 3000")),
                t(&epoch.to_string())
            ),
            format!(
                "INSERT INTO slots (session_id, profession, starts_at, ends_at)
                 SELECT e.id, p.profession, {}, {}
                 FROM evening_sessions e
                 CROSS JOIN (SELECT 'lawyer' AS profession UNION ALL SELECT 'psychologist') p
                 CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k",
                t(&format!("{epoch} + e.id * 600 + k.k * 60")),
                t(&format!("{epoch} + e.id * 600 + k.k * 60 + 50"))
            ),
        ]
    } else {
        vec![
            format!(
                "INSERT INTO evening_sessions (occurrence, starts_at, ends_at, venue, created_at)
                 SELECT 'b' || i, to_timestamp({epoch} + i * 600), to_timestamp({epoch} + i * 600 + 3000), '会場',
                        to_timestamp({epoch})
                 FROM generate_series(1, {sessions}) AS i"
            ),
            format!(
                "INSERT INTO slots (session_id, profession, starts_at, ends_at)
                 SELECT e.id, p.profession, e.starts_at + k * interval '1 minute', e.starts_at + k * interval '1 minute' + interval '50 minutes'
                 FROM evening_sessions e CROSS JOIN (VALUES ('lawyer'), ('psychologist')) p(profession)
                 CROSS JOIN generate_series(0, 2) k"
            ),
        ]
    };
    let bookings_sql = format!(
        "INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email, age_band, topic, note,
                               lang, created_at, updated_at, session_id, profession, phone_digits)
         SELECT s.id, 'confirmed', 'h' || s.id, '仙台 花子', 'センダイ ハナコ', '090-0000-0000', 'p' || s.id || '@example.jp',
                '30s', 'other', '', 'ja', s.starts_at, s.starts_at, s.session_id, s.profession, 'd' || s.id
         FROM slots s ORDER BY s.id LIMIT {bookings}"
    );
    let raw = |sql: String| async move {
        if url.starts_with("sqlite:") {
            let pool = sqlx::SqlitePool::connect(url).await.unwrap();
            sqlx::raw_sql(&sql).execute(&pool).await.unwrap();
            pool.close().await;
        } else {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            sqlx::raw_sql(&sql).execute(&pool).await.unwrap();
            sqlx::raw_sql("ANALYZE").execute(&pool).await.unwrap();
            pool.close().await;
        }
    };
    for sql in statements {
        raw(sql).await;
    }
    raw(bookings_sql).await;
    started.elapsed()
}

/// Median milliseconds of the sweep's query over `runs`.
async fn time_sweep(store: &Store, now: DateTime<Utc>, runs: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let (candidates, _) = store
            .reminder_candidates(now, now + Duration::hours(72))
            .await
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        found = candidates.len();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times[times.len() / 2], found)
}

async fn run(label: &str, url: &str, bookings: usize) -> Vec<String> {
    let store = Store::connect(url, 2).await.unwrap();
    store.migrate().await.unwrap();
    let base = Utc::now() - Duration::days(365);
    let filled = fill(url, bookings, base).await;
    // The middle of the data: as many bookings before as after.
    let now = base + Duration::minutes((bookings / 6) as i64 * 10 / 2);
    let (with_index, found) = time_sweep(&store, now, 50).await;
    let drop = "DROP INDEX slots_starts_at";
    if url.starts_with("sqlite:") {
        sqlx::raw_sql(drop)
            .execute(&sqlx::SqlitePool::connect(url).await.unwrap())
            .await
            .unwrap();
    } else {
        sqlx::raw_sql(drop)
            .execute(&sqlx::PgPool::connect(url).await.unwrap())
            .await
            .unwrap();
    }
    let (without, _) = time_sweep(&store, now, 5).await;
    store.close().await;
    vec![format!(
        "| {label} | {bookings} | {:.1} s | {found} | {with_index:.2} | {without:.1} |",
        filled.as_secs_f64()
    )]
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let bookings = env_usize("BENCH_BOOKINGS", 1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let mut rows = run(
        "SQLite",
        &format!("sqlite://{}", dir.path().join("r.db").display()),
        bookings,
    )
    .await;
    if let Some(db) = support::BenchDb::create("reminders").await {
        rows.extend(run("PostgreSQL", &db.url, bookings).await);
        db.drop().await;
    }
    println!("Reminder sweep query: confirmed bookings starting in the next 72 hours\n");
    println!("| backend | bookings | fill time | due in 72 h | median ms, with index | median ms, without index |");
    println!("|---|---:|---:|---:|---:|---:|");
    for row in rows {
        println!("{row}");
    }
}
