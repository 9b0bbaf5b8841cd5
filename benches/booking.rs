//! Benchmark: `POST /api/v1/evening-bookings` on distinct slots, on SQLite
//! and on PostgreSQL, side by side with the machine's ceiling: one durable
//! single-row insert per request through axum on the same database, with
//! the same connection settings (SQLite: WAL, synchronous=FULL, one writer;
//! PostgreSQL: the same pool size).
//!
//! Run: `cargo bench --bench booking` (PostgreSQL from `TSUNAGU_TEST_PG_URL`,
//! default `postgres://postgres@127.0.0.1:5432/postgres`; skipped if unreachable).
//! `BENCH_REQUESTS` (default 2000) and `BENCH_CONCURRENCY` (default 16) tune it;
//! `BENCH_ONLY=sqlite|postgres` runs one backend. `BENCH_METRICS=1` runs
//! the application with its figures on (`metrics.bind`: every request timed
//! and counted) and scrapes `/metrics` once a second while it runs, as a
//! Prometheus would (more often than one usually does).

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;
use tsunagu::config::{Secret, Settings, TransportKind};
use tsunagu::domain::time::jst_today;
use tsunagu::Application;

mod support;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Report {
    label: String,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: usize,
}

/// Lets the disk settle before a measurement: what earlier phases left
/// dirty in the page cache (a database file, thousands of mail files) is
/// written out now, not during the next phase, which would pay for it.
async fn settle() {
    let _ = tokio::task::spawn_blocking(|| std::process::Command::new("sync").status()).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
}

/// Sends `bodies` to `url` from `concurrency` workers; latencies of each request.
async fn load(url: &str, bodies: Vec<Value>, concurrency: usize, label: &str) -> Report {
    settle().await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();
    let bodies = Arc::new(bodies);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, bodies, next, url) = (
            client.clone(),
            bodies.clone(),
            next.clone(),
            url.to_string(),
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(body) = bodies.get(i) else { break };
                let t = Instant::now();
                let res = client.post(&url).json(body).send().await.unwrap();
                if !res.status().is_success() {
                    errors += 1;
                }
                let _ = res.bytes().await;
                latencies.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            (latencies, errors)
        }));
    }
    let (mut all, mut errors) = (Vec::new(), 0);
    for w in workers {
        let (l, e) = w.await.unwrap();
        all.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    Report {
        label: label.into(),
        per_second: all.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        errors,
    }
}

fn booking(slot_id: i64, i: usize) -> Value {
    json!({
        "slot_id": slot_id, "name": "仙台 花子", "name_kana": "センダイ ハナコ", "phone": format!("090-{:04}-{:04}", i / 10_000, i % 10_000),
        "email": format!("bench{i}@example.jp"), "age_band": "30s", "topic": "workplace", "note": "", "consent": true
    })
}

/// The application on `url`, with enough sessions for `requests` bookings.
async fn tsunagu_report(
    db_url: &str,
    mail_dir: &std::path::Path,
    requests: usize,
    concurrency: usize,
    label: &str,
) -> Report {
    let mut s = Settings::built_in();
    s.server.bind = "127.0.0.1:0".into();
    s.database.url = Secret::new(db_url);
    s.mail.transport = TransportKind::File;
    s.mail.file_dir = mail_dir.to_path_buf();
    // Sessions reach far ahead: open them all, close an hour before.
    s.booking.opens_days_before = 10_000;
    s.booking.cutoff = "1h".into();
    let measured = std::env::var("BENCH_METRICS").is_ok_and(|v| v == "1");
    if measured {
        s.metrics.bind = "127.0.0.1:0".into();
    }
    let app = Application::build(s).await.unwrap();
    let addr = app.local_addr().unwrap();
    let figures_addr = app.metrics_addr();
    // Scrapes once a second while the load runs.
    let scraper = figures_addr.map(|figures| {
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                let res = client.get(format!("http://{figures}/metrics")).send().await;
                assert_eq!(res.unwrap().status(), 200, "a scrape failed");
            }
        })
    });
    let state = app.state().clone();
    let series = state.settings.series.to_series().unwrap();
    let today = jst_today(Utc::now());
    let sessions = requests.div_ceil(6) + 1;
    for d in 0..sessions {
        let plan = series.plan_on(today + Duration::days(d as i64 + 1), format!("bench-{d}"));
        state
            .store
            .insert_session(&plan, "会場", Utc::now())
            .await
            .unwrap();
    }
    let slots = state.store.all_slot_ids().await.unwrap();
    let bodies: Vec<Value> = slots
        .iter()
        .take(requests)
        .enumerate()
        .map(|(i, id)| booking(*id, i))
        .collect();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    let report = load(
        &format!("http://{addr}/api/v1/evening-bookings"),
        bodies,
        concurrency,
        label,
    )
    .await;
    if let (Some(scraper), Some(figures)) = (scraper, figures_addr) {
        scraper.abort();
        if let Err(e) = scraper.await {
            assert!(!e.is_panic(), "a scrape of /metrics failed during the load");
        }
        let figures = reqwest::get(format!("http://{figures}/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let made = figures
            .lines()
            .find(|l| l.starts_with("tsunagu_bookings_made_total{channel=\"online\"}"))
            .unwrap_or("no bookings counted");
        println!("{label}: with metrics on; {made}");
    }
    let _ = tx.send(());
    let _ = server.await;
    report
}

#[derive(Clone)]
enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

async fn ceiling_insert(
    State(pool): State<Pool>,
    Json(body): Json<Value>,
) -> axum::http::StatusCode {
    let payload = body.to_string();
    let now = Utc::now();
    let result = match &pool {
        Pool::Sqlite(p) => sqlx::query("INSERT INTO ceiling (payload, created_at) VALUES ($1, $2)")
            .bind(payload)
            .bind(now)
            .execute(p)
            .await
            .map(drop),
        Pool::Postgres(p) => {
            sqlx::query("INSERT INTO ceiling (payload, created_at) VALUES ($1, $2)")
                .bind(payload)
                .bind(now)
                .execute(p)
                .await
                .map(drop)
        }
    };
    match result {
        Ok(()) => axum::http::StatusCode::CREATED,
        Err(_) => axum::http::StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The ceiling: axum + one durable single-row insert per request.
async fn ceiling_report(pool: Pool, requests: usize, concurrency: usize, label: &str) -> Report {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = Router::new()
        .route("/ceiling", post(ceiling_insert))
        .with_state(pool);
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let bodies: Vec<Value> = (0..requests).map(|i| booking(i as i64, i)).collect();
    let report = load(
        &format!("http://{addr}/ceiling"),
        bodies,
        concurrency,
        label,
    )
    .await;
    server.abort();
    report
}

fn print(reports: &[Report]) {
    println!("| run | requests/s | p50 ms | p99 ms | errors |");
    println!("|---|---:|---:|---:|---:|");
    for r in reports {
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {} |",
            r.label, r.per_second, r.p50_ms, r.p99_ms, r.errors
        );
    }
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let requests = env_usize("BENCH_REQUESTS", 2000);
    let concurrency = env_usize("BENCH_CONCURRENCY", 16);
    println!("POST /api/v1/evening-bookings, {requests} requests on distinct slots, {concurrency} concurrent clients\n");
    let dir = tempfile::tempdir().unwrap();
    let mut reports = Vec::new();

    // `BENCH_ONLY=sqlite` or `BENCH_ONLY=postgres` runs one backend (for profiling).
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    // SQLite: the application, then the ceiling on a database file with the same settings.
    if only != "postgres" {
        let app_db = format!("sqlite://{}", dir.path().join("app.db").display());
        reports.push(
            tsunagu_report(
                &app_db,
                &dir.path().join("mail-sqlite"),
                requests,
                concurrency,
                "SQLite: Tsunagu booking",
            )
            .await,
        );
        let options = SqliteConnectOptions::from_str(&format!(
            "sqlite://{}",
            dir.path().join("ceiling.db").display()
        ))
        .unwrap()
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap();
        sqlx::query("CREATE TABLE ceiling (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL, created_at TEXT NOT NULL)")
        .execute(&pool)
        .await
        .unwrap();
        reports.push(
            ceiling_report(
                Pool::Sqlite(pool),
                requests,
                concurrency,
                "SQLite: ceiling (axum + 1 insert)",
            )
            .await,
        );
    }
    // PostgreSQL, when reachable.
    if only != "sqlite" {
        if let Some(db) = support::BenchDb::create("booking").await {
            reports.push(
                tsunagu_report(
                    &db.url,
                    &dir.path().join("mail-pg"),
                    requests,
                    concurrency,
                    "PostgreSQL: Tsunagu booking",
                )
                .await,
            );
            let pool = PgPoolOptions::new()
                .max_connections(Settings::built_in().database.max_connections)
                .connect(&db.url)
                .await
                .unwrap();
            sqlx::query("CREATE TABLE ceiling (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)")
                .execute(&pool)
                .await
                .unwrap();
            reports.push(
                ceiling_report(
                    Pool::Postgres(pool.clone()),
                    requests,
                    concurrency,
                    "PostgreSQL: ceiling (axum + 1 insert)",
                )
                .await,
            );
            pool.close().await;
            db.drop().await;
        }
    }
    print(&reports);
    // A benchmark of failing requests measures nothing: say so loudly.
    let failed: usize = reports.iter().map(|r| r.errors).sum();
    assert_eq!(failed, 0, "{failed} requests failed");
}
