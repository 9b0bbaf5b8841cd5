//! Benchmark: a 年度 report over ten years of a prefecture's data
//! (1,000,000 bookings, 7 in 10 attended, people coming back across the
//! years), on SQLite and on PostgreSQL: the year's evening figures, the
//! trend over ten years (the first time, when the closed years are counted
//! and kept, and after), the health centre's year and the capacity, side
//! by side with the ceiling of one scan of the year's bookings.
//!
//! Run: `cargo bench --bench figures` (PostgreSQL from `TSUNAGU_TEST_PG_URL`,
//! skipped if unreachable). `BENCH_BOOKINGS` (default 1000000) sets the
//! size; `BENCH_ONLY=sqlite|postgres`.

use chrono::{Duration, Utc};
use std::time::Instant;
use tsunagu::config::{Secret, Settings, TransportKind};
use tsunagu::domain::figures::FiscalYear;
use tsunagu::domain::time::jst_today;
use tsunagu::Application;

mod support;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn raw(url: &str, sql: &str) {
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::raw_sql(sql).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        sqlx::raw_sql(sql).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

/// Ten years of evenings, every slot booked once; returns the fill's time.
async fn fill(url: &str, bookings: usize) -> std::time::Duration {
    let started = Instant::now();
    let sessions = bookings.div_ceil(6) as i64;
    let base = (Utc::now() - Duration::days(3650)).timestamp();
    let step = 3650 * 86_400 / sessions.max(1);
    let sqlite = url.starts_with("sqlite:");
    let t = |expr: String| {
        if sqlite {
            format!("strftime('%Y-%m-%dT%H:%M:%S+00:00', {expr}, 'unixepoch')")
        } else {
            format!("to_timestamp({expr})")
        }
    };
    let series = if sqlite {
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {sessions}) "
        )
    } else {
        String::new()
    };
    let from = if sqlite {
        "FROM n".to_string()
    } else {
        format!("FROM generate_series(1, {sessions}) AS i")
    };
    raw(
        url,
        &format!(
            "{series}INSERT INTO evening_sessions (occurrence, starts_at, ends_at, venue, created_at)
             SELECT 'b' || i, {}, {}, '会場', {} {from}",
            t(format!("{base} + i * {step}")),
            t(format!("{base} + i * {step} + 3000")),
            t(base.to_string())
        ),
    )
    .await;
    let slot_at = |k: &str| {
        if sqlite {
            format!("strftime('%Y-%m-%dT%H:%M:%S+00:00', strftime('%s', e.starts_at) + {k} * 60, 'unixepoch')")
        } else {
            format!("e.starts_at + {k} * interval '1 minute'")
        }
    };
    raw(
        url,
        &format!(
            "INSERT INTO slots (session_id, profession, starts_at, ends_at)
             SELECT e.id, p.profession, {}, {}
             FROM evening_sessions e
             CROSS JOIN (SELECT 'lawyer' AS profession UNION ALL SELECT 'psychologist') p
             CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k",
            slot_at("k.k"),
            slot_at("(k.k + 50)")
        ),
    )
    .await;
    raw(
        url,
        &format!(
            "INSERT INTO bookings (slot_id, status, token_hash, name, name_kana, phone, email, age_band, topic, note,
                                   lang, created_at, updated_at, session_id, profession, phone_digits, attendance)
             SELECT s.id, 'confirmed', 'h' || s.id, '仙台 花子', 'センダイ ハナコ', '090-0000-0000',
                    'p' || (s.id % 250000) || '@example.jp', '30s', 'workplace', '', 'ja', s.starts_at, s.starts_at,
                    s.session_id, s.profession, 'd' || (s.id % 300000),
                    CASE WHEN s.id % 10 < 7 THEN 'attended' WHEN s.id % 10 = 7 THEN 'no_show' ELSE NULL END
             FROM slots s ORDER BY s.id LIMIT {bookings}"
        ),
    )
    .await;
    if !sqlite {
        raw(url, "ANALYZE").await;
    }
    started.elapsed()
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn median<F, Fut>(runs: usize, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        f().await;
        times.push(ms(t.elapsed()));
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[times.len() / 2]
}

async fn run(label: &str, url: &str, bookings: usize) {
    let mail = tempfile::tempdir().unwrap();
    let mut s = Settings::built_in();
    s.server.bind = "127.0.0.1:0".into();
    s.database.url = Secret::new(url);
    s.mail.transport = TransportKind::File;
    s.mail.file_dir = mail.path().to_path_buf();
    let app = Application::build(s).await.unwrap();
    let state = app.state().clone();
    let filled = fill(url, bookings).await;
    // The last year that has ended.
    let fy = FiscalYear(FiscalYear::of(jst_today(Utc::now())).0 - 1);
    let reads = median(3, || async {
        state
            .store
            .figure_bookings(fy.start(), fy.end())
            .await
            .unwrap();
    })
    .await;
    let year = tsunagu::service::figures::evening::count(&state, fy)
        .await
        .unwrap();
    let in_year = year.figures.lawyer.booked + year.figures.psychologist.booked;
    let evening = median(5, || async {
        tsunagu::service::figures::evening::count(&state, fy)
            .await
            .unwrap();
    })
    .await;
    let ceiling_sql = "SELECT COUNT(*), COUNT(DISTINCT b.phone_digits) FROM bookings b JOIN slots s ON s.id = b.slot_id
                       WHERE s.starts_at >= $1 AND s.starts_at < $2";
    let ceiling = median(5, || async {
        if url.starts_with("sqlite:") {
            let pool = sqlx::SqlitePool::connect(url).await.unwrap();
            let _: (i64, i64) = sqlx::query_as(ceiling_sql)
                .bind(fy.start())
                .bind(fy.end())
                .fetch_one(&pool)
                .await
                .unwrap();
            pool.close().await;
        } else {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            let _: (i64, i64) = sqlx::query_as(ceiling_sql)
                .bind(fy.start())
                .bind(fy.end())
                .fetch_one(&pool)
                .await
                .unwrap();
            pool.close().await;
        }
    })
    .await;
    let t = Instant::now();
    tsunagu::service::figures::trend::trend(&state, fy)
        .await
        .unwrap();
    let trend_cold = ms(t.elapsed());
    let trend_warm = median(5, || async {
        tsunagu::service::figures::trend::trend(&state, fy)
            .await
            .unwrap();
    })
    .await;
    let health = median(5, || async {
        tsunagu::service::figures::health::count(&state, fy)
            .await
            .unwrap();
        tsunagu::service::figures::capacity::capacity(&state)
            .await
            .unwrap();
    })
    .await;
    println!(
        "| {label}: fill {bookings} bookings | {:.1} s | |",
        filled.as_secs_f64()
    );
    println!("| {label}: the year's evening figures ({in_year} bookings in {}) | {evening:.0} ms | ceiling, one scan counting the year's bookings and phones: {ceiling:.0} ms |", fy.label(tsunagu::domain::Lang::Ja));
    println!("| {label}: of which reading the year's bookings | {reads:.0} ms | |");
    println!("| {label}: the trend over the years, first time (closed years counted and kept) | {trend_cold:.0} ms | |");
    println!("| {label}: the trend, after | {trend_warm:.0} ms | |");
    println!("| {label}: the health centre's year and its capacity | {health:.0} ms | |");
    println!(
        "| {label}: the report's figures (evening + trend + health) | {:.0} ms | |",
        evening + trend_warm + health
    );
    drop(app);
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let bookings = env_usize("BENCH_BOOKINGS", 1_000_000);
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    println!("| what | time | beside it |\n|---|---|---|");
    if only.is_empty() || only == "sqlite" {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/bench.db", dir.path().display());
        run("SQLite", &url, bookings).await;
    }
    if only.is_empty() || only == "postgres" {
        if let Some(db) = support::BenchDb::create("figures").await {
            run("PostgreSQL", &db.url, bookings).await;
            db.drop().await;
        }
    }
}
