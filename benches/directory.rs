//! Benchmark: the directory at the size of a nation's (10,000 services),
//! searched by 困りごと with "open now" — the pure search, then
//! `GET /api/v1/directory/services` and `GET /directory` through HTTP on
//! SQLite and PostgreSQL, beside `GET /healthz` (one database round trip,
//! the floor of any request) as the ceiling in the same run. Also the time
//! to read the whole directory after a change (what an instance pays once
//! per change).
//!
//! Run: `cargo bench --bench directory` (PostgreSQL from
//! `TSUNAGU_TEST_PG_URL`, skipped if unreachable). `BENCH_DIRECTORY_SERVICES`
//! (10000) and `BENCH_DIRECTORY_RUNS` (200) set the size.

use chrono::Utc;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::{Duration, Instant};
use tsunagu::config::{Secret, Settings, TransportKind};
use tsunagu::domain::directory::{
    search, Method, Need, Organization, Phone, PhoneKind, Query, Schedule, ServiceEntry, Status,
};
use tsunagu::store::Store;
use tsunagu::Application;

mod support;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Services across a nation: each with two or three troubles, a phone, and
/// weekday, evening or 24-hour hours.
fn services(n: usize, rng: &mut StdRng) -> Vec<ServiceEntry> {
    let shipped = tsunagu::service::directory::seed::parse(tsunagu::config::DIRECTORY_SEED)
        .expect("the shipped directory reads");
    let template = shipped[0].clone();
    (0..n)
        .map(|i| {
            let mut needs: Vec<Need> = (0..rng.random_range(2..=3))
                .map(|_| Need::ALL[rng.random_range(0..Need::ALL.len())])
                .collect();
            needs.sort();
            needs.dedup();
            let schedules = match rng.random_range(0..10) {
                0 => vec![Schedule::always()],
                1..=2 => vec![Schedule::weekly("MO,TU,WE,TH,FR", "17:00", "21:00").unwrap()],
                _ => vec![Schedule::weekly("MO,WE,FR", "09:00", "17:00").unwrap()],
            };
            ServiceEntry {
                id: format!("bench-{i:05}"),
                organization: Organization {
                    id: format!("bench-org-{}", i / 3),
                    name: format!("相談機関 {}", i / 3),
                    url: String::new(),
                },
                name: format!("相談窓口 {i}"),
                needs,
                methods: vec![Method::Phone, Method::InPerson],
                phones: vec![Phone {
                    number: format!("022-{:03}-{:04}", i % 1000, i),
                    kind: PhoneKind::Voice,
                    description: String::new(),
                }],
                schedules,
                closed_on_holidays: true,
                crisis: false,
                rank: 1000 + i as i32,
                bookable_here: None,
                status: Status::Active,
                ..template.clone()
            }
        })
        .collect()
}

struct Timing {
    label: String,
    runs: Vec<Duration>,
    note: String,
}

impl Timing {
    fn quantile(&self, q: f64) -> Duration {
        let mut v = self.runs.clone();
        v.sort();
        v[((v.len() - 1) as f64 * q) as usize]
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn time_get(client: &reqwest::Client, url: &str, runs: usize) -> (Vec<Duration>, usize) {
    let mut out = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let res = client.get(url).send().await.unwrap();
        assert!(res.status().is_success(), "{url}: {}", res.status());
        bytes = res.bytes().await.unwrap().len();
        out.push(start.elapsed());
    }
    (out, bytes)
}

async fn backend(url: &str, label: &str, entries: &[ServiceEntry], runs: usize) -> Vec<Timing> {
    let store = Store::connect(url, 8).await.unwrap();
    store.migrate().await.unwrap();
    let loading = Instant::now();
    assert!(store.seed_directory(entries, Utc::now()).await.unwrap());
    println!(
        "{label}: wrote {} services in {:.1} s",
        entries.len(),
        loading.elapsed().as_secs_f64()
    );
    let mut reads = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let (_, all) = store.directory().await.unwrap();
        reads.push(start.elapsed());
        assert_eq!(all.len(), entries.len());
    }
    store.close().await;

    let dir = tempfile::tempdir().unwrap();
    let mut s = Settings::built_in();
    s.server.bind = "127.0.0.1:0".into();
    s.database.url = Secret::new(url);
    s.mail.transport = TransportKind::File;
    s.mail.file_dir = dir.path().to_path_buf();
    let app = Application::build(s).await.unwrap();
    let base = format!("http://{}", app.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    let client = reqwest::Client::new();
    let api = format!(
        "{base}/api/v1/directory/services?need=debt&need=overwork&open_now=true&per_page=20"
    );
    let page = format!("{base}/directory?need=debt&need=overwork&open_now=true");
    let healthz = format!("{base}/healthz");
    // Warm up: the first search reads the directory into memory.
    time_get(&client, &api, 3).await;
    let mut timings = vec![Timing {
        label: format!("{label}: read the whole directory (after a change)"),
        runs: reads,
        note: format!("{} services", entries.len()),
    }];
    for (name, url) in [
        ("GET /healthz (ceiling: one round trip)", &healthz),
        (
            "GET /api/v1/directory/services (2 needs, open now, 20 a page)",
            &api,
        ),
        ("GET /directory (2 needs, open now, the whole page)", &page),
    ] {
        let (runs, bytes) = time_get(&client, url, runs).await;
        timings.push(Timing {
            label: format!("{label}: {name}"),
            runs,
            note: format!("{bytes} bytes"),
        });
    }
    let _ = tx.send(());
    let _ = server.await;
    timings
}

#[tokio::main]
async fn main() {
    let n = env_usize("BENCH_DIRECTORY_SERVICES", 10_000);
    let runs = env_usize("BENCH_DIRECTORY_RUNS", 200);
    let mut rng = StdRng::seed_from_u64(14);
    let mut entries = services(n, &mut rng);
    entries
        .extend(tsunagu::service::directory::seed::parse(tsunagu::config::DIRECTORY_SEED).unwrap());
    let query = Query {
        needs: vec![Need::Debt, Need::Overwork],
        open_now: true,
        ..Query::default()
    };
    let now = Utc::now();
    let mut pure = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = search(&entries, &query, now).len();
        pure.push(start.elapsed());
    }
    let mut timings = vec![Timing {
        label: "domain: search (2 needs, open now)".into(),
        runs: pure,
        note: format!("{found} of {} found", entries.len()),
    }];
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("directory.db").display());
    timings.extend(backend(&sqlite, "SQLite", &entries, runs).await);
    if let Some(db) = support::BenchDb::create("directory").await {
        timings.extend(backend(&db.url, "PostgreSQL", &entries, runs).await);
        db.drop().await;
    }
    println!("\n| what | median | 90th percentile | |\n|---|---|---|---|");
    for t in &timings {
        println!(
            "| {} | {} | {} | {} |",
            t.label,
            ms(t.quantile(0.5)),
            ms(t.quantile(0.9)),
            t.note
        );
    }
}
