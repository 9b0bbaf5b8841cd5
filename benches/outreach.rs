//! Benchmark: 「空きのお知らせ」 to 10,000 subscribers, on SQLite and on
//! PostgreSQL. Measured in one run, side by side: the sweep that queues the
//! notices, against the ceiling of one bulk `INSERT … SELECT` of as many
//! outbox rows; then bookings through HTTP and the delay of their
//! confirmation mails, with an empty outbox and with the 10,000 notices
//! waiting their turn (they are paced, `outreach.notices_per_minute`), and
//! how many notices the dispatcher sent meanwhile.
//!
//! Run: `cargo bench --bench outreach` (PostgreSQL from `TSUNAGU_TEST_PG_URL`,
//! skipped if unreachable). `BENCH_SUBSCRIBERS` (default 10000) and
//! `BENCH_BOOKINGS` (default 100, each phase) tune it; `BENCH_ONLY=sqlite|postgres`.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use std::time::Instant;
use tsunagu::config::{Secret, Settings, TransportKind};
use tsunagu::domain::time::jst_today;
use tsunagu::state::AppState;
use tsunagu::Application;

mod support;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `sql` on the application's database (a connection of its own).
async fn exec(url: &str, sql: &str) {
    if url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::raw_sql(sql).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        sqlx::raw_sql(sql).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

/// Confirmation mails sent: (queued, sent) each.
async fn confirmations(url: &str) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let sql = "SELECT created_at, sent_at FROM outbox WHERE kind = 'booking_confirmed' AND sent_at IS NOT NULL";
    if url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        let rows = sqlx::query_as(sql).fetch_all(&pool).await.unwrap();
        pool.close().await;
        rows
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        let rows = sqlx::query_as(sql).fetch_all(&pool).await.unwrap();
        pool.close().await;
        rows
    }
}

async fn scalar(url: &str, sql: &str) -> i64 {
    if url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        let n = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
        pool.close().await;
        n
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        let n = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
        pool.close().await;
        n
    }
}

/// `n` confirmed subscribers to free slots, by one statement.
fn subscribers_sql(url: &str, n: usize) -> String {
    let now = Utc::now() - Duration::days(1);
    if url.starts_with("sqlite") {
        let at = now.to_rfc3339();
        format!(
            "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {n})
             INSERT INTO subscriptions (email, new_month, free_slot, lang, unsubscribe_token, confirmed_at, created_at)
             SELECT 'sub' || i || '@example.jp', 1, 1, 'ja', printf('%048d', i), '{at}', '{at}' FROM k"
        )
    } else {
        let at = now.to_rfc3339();
        format!(
            "INSERT INTO subscriptions (email, new_month, free_slot, lang, unsubscribe_token, confirmed_at, created_at)
             SELECT 'sub' || i || '@example.jp', true, true, 'ja', lpad(i::text, 48, '0'), '{at}', '{at}'
             FROM generate_series(1, {n}) AS i"
        )
    }
}

/// The ceiling: as many outbox rows, with a notice's payload, by one statement.
fn ceiling_sql(url: &str, n: usize, payload: &str) -> String {
    let at = Utc::now().to_rfc3339();
    let series = if url.starts_with("sqlite") {
        format!("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {n}) ")
    } else {
        String::new()
    };
    let from = if url.starts_with("sqlite") {
        "FROM k".to_string()
    } else {
        format!("FROM generate_series(1, {n}) AS i")
    };
    format!(
        "{series}INSERT INTO outbox (kind, message_id, recipient, payload, status, next_attempt_at, created_at)
         SELECT 'ceiling', '<' || i || '@bench>', 'sub' || i || '@example.jp', '{payload}', 'skipped', '{at}', '{at}' {from}"
    )
}

fn booking(slot_id: i64, i: usize) -> Value {
    json!({
        "slot_id": slot_id, "name": "仙台 花子", "name_kana": "センダイ ハナコ",
        "phone": format!("090-{:04}-{:04}", i / 10_000, i % 10_000),
        "email": format!("bench{i}@example.jp"), "age_band": "30s", "topic": "workplace", "consent": true
    })
}

/// Books `slots` one after another: each request's time, in ms.
async fn book(base: &str, slots: &[i64], from: usize) -> Vec<f64> {
    let client = reqwest::Client::new();
    let mut times = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let started = Instant::now();
        let res = client
            .post(format!("{base}/api/v1/evening-bookings"))
            .json(&booking(*slot, from + i))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times
}

fn pct(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[((v.len() as f64 * p) as usize).min(v.len() - 1)]
}

/// Sessions far ahead for the bookings: their slot ids.
async fn far_slots(state: &AppState, n: usize) -> Vec<i64> {
    let series = state.settings.series.to_series().unwrap();
    let today = jst_today(Utc::now());
    let mut ids = Vec::new();
    let mut day = 100;
    while ids.len() < n {
        let plan = series.plan_on(today + Duration::days(day), format!("far-{day}"));
        state
            .store
            .insert_session(&plan, &state.settings.evening.venue, Utc::now())
            .await
            .unwrap();
        day += 1;
        ids = state.store.all_slot_ids().await.unwrap();
    }
    ids
}

async fn run(label: &str, url: &str, subscribers: usize, bookings: usize) {
    let mail_dir = tempfile::tempdir().unwrap();
    let mut s = Settings::built_in();
    s.server.bind = "127.0.0.1:0".into();
    s.database.url = Secret::new(url);
    s.mail.transport = TransportKind::File;
    s.mail.file_dir = mail_dir.path().to_path_buf();
    s.mail.sweep_seconds = 1;
    s.waitlist.quiet_hours = String::new();
    s.booking.opens_days_before = 10_000;
    s.booking.cutoff = "1h".into();
    s.outreach.sweep_interval = "1h".into();
    let app = Application::build(s).await.unwrap();
    let addr = app.local_addr().unwrap();
    let state = app.state().clone();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    let base = format!("http://{addr}");
    // The evening in a week whose free slots are the news.
    let series = state.settings.series.to_series().unwrap();
    let plan = series.plan_on(jst_today(Utc::now()) + Duration::days(7), "news".into());
    state
        .store
        .insert_session(&plan, &state.settings.evening.venue, Utc::now())
        .await
        .unwrap();
    let slots = far_slots(&state, 2 * bookings + 6).await;
    let slots: Vec<i64> = slots.into_iter().skip(6).collect();
    exec(url, &subscribers_sql(url, subscribers)).await;

    // Bookings with nothing else in the outbox.
    let quiet = book(&base, &slots[..bookings], 0).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let quiet_delay = delays(url).await;

    // The sweep, and its ceiling.
    let started = Instant::now();
    let queued = tsunagu::service::outreach::notices::sweep(&state)
        .await
        .unwrap();
    let sweep = started.elapsed();
    assert_eq!(queued, subscribers);
    let payload: String = scalar_text(url).await;
    let started = Instant::now();
    exec(
        url,
        &ceiling_sql(url, subscribers, &payload.replace('\'', "''")),
    )
    .await;
    let ceiling = started.elapsed();
    exec(url, "DELETE FROM outbox WHERE kind = 'ceiling'").await;

    // Bookings while the notices wait their turn and go out.
    let sent_before = scalar(
        url,
        "SELECT COUNT(*) FROM outbox WHERE kind = 'subscription_notice' AND status = 'sent'",
    )
    .await;
    let started = Instant::now();
    let busy = book(&base, &slots[bookings..2 * bookings], bookings).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    let window = started.elapsed().as_secs_f64();
    let all_delays = delays(url).await;
    let busy_delay: Vec<f64> = all_delays.into_iter().skip(quiet_delay.len()).collect();
    let sent = scalar(
        url,
        "SELECT COUNT(*) FROM outbox WHERE kind = 'subscription_notice' AND status = 'sent'",
    )
    .await
        - sent_before;

    println!(
        "| {label}: queue {subscribers} notices (the sweep) | {:.2} s | ceiling, one INSERT … SELECT of as many rows: {:.2} s |",
        sweep.as_secs_f64(),
        ceiling.as_secs_f64()
    );
    println!(
        "| {label}: booking, outbox empty | p50 {:.1} ms, p99 {:.1} ms | confirmation mail sent after p50 {:.0} ms, max {:.0} ms |",
        pct(quiet.clone(), 0.5),
        pct(quiet, 0.99),
        pct(quiet_delay.clone(), 0.5),
        pct(quiet_delay, 1.0)
    );
    println!(
        "| {label}: booking, {subscribers} notices queued | p50 {:.1} ms, p99 {:.1} ms | confirmation mail sent after p50 {:.0} ms, max {:.0} ms; {sent} notices sent in {window:.1} s |",
        pct(busy.clone(), 0.5),
        pct(busy, 0.99),
        pct(busy_delay.clone(), 0.5),
        pct(busy_delay, 1.0)
    );
    let _ = tx.send(());
    let _ = server.await;
}

/// A queued notice's payload, for the ceiling's rows.
async fn scalar_text(url: &str) -> String {
    let sql = "SELECT payload FROM outbox WHERE kind = 'subscription_notice' LIMIT 1";
    if url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        let p = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
        pool.close().await;
        p
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        let p = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
        pool.close().await;
        p
    }
}

/// How long each confirmation mail waited between queued and sent, in ms.
async fn delays(url: &str) -> Vec<f64> {
    let mut rows = confirmations(url).await;
    rows.sort();
    rows.iter()
        .map(|(queued, sent)| (*sent - *queued).num_milliseconds() as f64)
        .collect()
}

#[tokio::main]
async fn main() {
    let subscribers = env_usize("BENCH_SUBSCRIBERS", 10_000);
    let bookings = env_usize("BENCH_BOOKINGS", 100);
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    println!("| what | time | beside it |\n|---|---|---|");
    if only.is_empty() || only == "sqlite" {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/bench.db", dir.path().display());
        run("SQLite", &url, subscribers, bookings).await;
    }
    if only.is_empty() || only == "postgres" {
        if let Some(db) = support::BenchDb::create("outreach").await {
            run("PostgreSQL", &db.url, subscribers, bookings).await;
            db.drop().await;
        }
    }
}
