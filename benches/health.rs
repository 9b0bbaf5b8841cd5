//! Benchmark: the health centre's scheduling assistant on a year of a
//! centre (700 waiting requests, 20 doctors, 600 availability blocks):
//! the pure domain function, then `POST /api/v1/staff/health-schedule/propose`
//! and `POST /api/v1/health-requests` (whose estimate runs the assistant)
//! through HTTP on SQLite and PostgreSQL, side by side in one run.
//!
//! Run: `cargo bench --bench health` (PostgreSQL from `TSUNAGU_TEST_PG_URL`,
//! skipped if unreachable). `BENCH_HEALTH_REQUESTS` (700), `BENCH_HEALTH_BLOCKS`
//! (600) and `BENCH_HEALTH_RUNS` (20) set the size.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use std::time::{Duration as StdDuration, Instant};
use tsunagu::config::{Secret, Settings, TransportKind};
use tsunagu::domain::health::{
    self, Block, Pending, Place, Queued, ServiceAsk, ServiceKind, TimeOfDay,
};
use tsunagu::domain::time::{jst_instant, jst_today};
use tsunagu::store::{NewBlock, NewHealthRequest, OutgoingMail};
use tsunagu::Application;

mod support;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const DOCTORS: i64 = 20;
const OFFICE_TOKEN: &str = "bench-office-token-0123456789";

/// A year of requests: kinds, workers, places and preferences as a centre sees them.
fn requests(n: usize, today: NaiveDate, rng: &mut StdRng) -> Vec<NewHealthRequest> {
    let rules = health::HealthRules::default();
    (0..n)
        .map(|i| {
            let received_on = today - Duration::days(rng.random_range(0..90));
            let kind = match rng.random_range(0..100) {
                0..40 => ServiceKind::Consultation,
                40..65 => ServiceKind::CheckupOpinion,
                65..85 => ServiceKind::LongHours,
                _ => ServiceKind::HighStress,
            };
            let back =
                |rng: &mut StdRng| Some(received_on - Duration::days(rng.random_range(0..40)));
            let services = vec![ServiceAsk {
                kind,
                workers: rng.random_range(1..=3),
                requested_on: matches!(kind, ServiceKind::LongHours | ServiceKind::HighStress)
                    .then(|| back(rng))
                    .flatten(),
                checked_on: (kind == ServiceKind::CheckupOpinion)
                    .then(|| back(rng))
                    .flatten(),
            }];
            let (interviews, minutes) = rules.workload(&services);
            let weekdays: Vec<&str> = ["mon", "tue", "wed", "thu", "fri"]
                .into_iter()
                .filter(|_| rng.random_range(0..3) == 0)
                .collect();
            NewHealthRequest {
                token_hash: format!("bench-{i}"),
                business_name: format!("事業場 {i}"),
                address: "仙台市青葉区国分町3-7-1".into(),
                workers: rng.random_range(5..50),
                industry: "製造業".into(),
                contact_name: "総務 担当".into(),
                phone: "022-221-6870".into(),
                email: format!("bench{i}@example.jp"),
                place: if rng.random_range(0..5) == 0 {
                    Place::Visit
                } else {
                    Place::Centre
                },
                weekdays: weekdays.join(","),
                time_of_day: [
                    TimeOfDay::Any,
                    TimeOfDay::Any,
                    TimeOfDay::Morning,
                    TimeOfDay::Afternoon,
                ][rng.random_range(0..4)],
                preferred_note: String::new(),
                lang: "ja".into(),
                received_on,
                due_on: rules.request_due(&services, received_on),
                interviews,
                minutes,
                services,
                source: Default::default(),
            }
        })
        .collect()
}

/// Blocks over the coming year: each doctor on distinct weekdays, mornings
/// or afternoons, one in five a visit.
fn blocks(n: usize, today: NaiveDate, rng: &mut StdRng) -> Vec<NewBlock> {
    let mut out = Vec::with_capacity(n);
    let per_doctor = n.div_ceil(DOCTORS as usize);
    for d in 0..DOCTORS {
        let mut day = today + Duration::days(1 + d % 7);
        for _ in 0..per_doctor {
            if out.len() == n {
                break;
            }
            while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                day += Duration::days(1);
            }
            let (start, end) = if rng.random_range(0..2) == 0 {
                (9, 12)
            } else {
                (13, 16)
            };
            out.push(NewBlock {
                doctor_id: d + 1,
                day,
                starts_at: jst_instant(day, NaiveTime::from_hms_opt(start, 0, 0).unwrap()),
                ends_at: jst_instant(day, NaiveTime::from_hms_opt(end, 0, 0).unwrap()),
                place: if rng.random_range(0..5) == 0 {
                    Place::Visit
                } else {
                    Place::Centre
                },
                capacity: 6,
                created_by: "bench".into(),
            });
            day += Duration::days(12);
        }
    }
    out
}

fn pending(requests: &[NewHealthRequest]) -> Vec<Pending> {
    requests
        .iter()
        .enumerate()
        .map(|(i, r)| Pending {
            queued: Queued {
                id: i as i64 + 1,
                seq: i as i64 + 1,
                due: r.due_on,
                moved_to: None,
            },
            place: r.place,
            weekdays: tsunagu::domain::health::preferences::weekdays_from_codes(&r.weekdays),
            time_of_day: r.time_of_day,
            interviews: r.interviews,
            minutes: r.minutes,
        })
        .collect()
}

fn domain_blocks(blocks: &[NewBlock]) -> Vec<Block> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| Block {
            id: i as i64 + 1,
            doctor_id: b.doctor_id,
            date: b.day,
            start: tsunagu::domain::time::to_jst(b.starts_at).time(),
            end: tsunagu::domain::time::to_jst(b.ends_at).time(),
            place: b.place,
            capacity: b.capacity,
        })
        .collect()
}

struct Timing {
    label: String,
    runs: Vec<StdDuration>,
    note: String,
}

impl Timing {
    fn median(&self) -> StdDuration {
        let mut v = self.runs.clone();
        v.sort();
        v[v.len() / 2]
    }
    fn max(&self) -> StdDuration {
        self.runs.iter().copied().max().unwrap_or_default()
    }
}

fn ms(d: StdDuration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

async fn http_timings(
    db_url: &str,
    label: &str,
    reqs: &[NewHealthRequest],
    blks: &[NewBlock],
    runs: usize,
) -> Vec<Timing> {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Settings::built_in();
    s.server.bind = "127.0.0.1:0".into();
    s.database.url = Secret::new(db_url);
    s.mail.transport = TransportKind::File;
    s.mail.file_dir = dir.path().to_path_buf();
    s.staff.api_token = Secret::new(OFFICE_TOKEN);
    let app = Application::build(s).await.unwrap();
    let addr = app.local_addr().unwrap();
    let state = app.state().clone();
    let now = Utc::now();
    let loading = Instant::now();
    for d in 0..DOCTORS {
        state
            .store
            .create_professional(&format!("医師 {d}"), "doctor", "", "", now)
            .await
            .unwrap();
    }
    for b in blks {
        state.store.add_health_block(b, now).await.unwrap();
    }
    for r in reqs {
        let mail = |_, _| OutgoingMail {
            kind: "health_received",
            message_id: "<bench@example.jp>".into(),
            recipient: r.email.clone(),
            payload: "{}".into(),
        };
        state
            .store
            .create_health_request(r, mail, now)
            .await
            .unwrap();
    }
    println!(
        "{label}: loaded {} requests and {} blocks in {:.1} s",
        reqs.len(),
        blks.len(),
        loading.elapsed().as_secs_f64()
    );
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    let client = reqwest::Client::new();
    let today = jst_today(now);
    let period =
        json!({"from": today.to_string(), "to": (today + Duration::days(365)).to_string()});
    let mut propose = Timing {
        label: format!("{label}: POST …/health-schedule/propose (a year)"),
        runs: Vec::new(),
        note: String::new(),
    };
    for _ in 0..runs {
        let started = Instant::now();
        let res = client
            .post(format!(
                "http://{addr}/api/v1/staff/health-schedule/propose"
            ))
            .bearer_auth(OFFICE_TOKEN)
            .json(&period)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let v: Value = res.json().await.unwrap();
        propose.runs.push(started.elapsed());
        propose.note = format!(
            "{} assigned, {} unassigned",
            v["assignments"].as_array().map_or(0, Vec::len),
            v["unassigned"].as_array().map_or(0, Vec::len)
        );
    }
    let mut submit = Timing {
        label: format!("{label}: POST /api/v1/health-requests (estimate included)"),
        runs: Vec::new(),
        note: String::new(),
    };
    for i in 0..runs {
        let body = json!({
            "business_name": format!("追加 {i}"), "address": "仙台市青葉区国分町3-7-1", "workers": 10, "industry": "小売業",
            "contact_name": "総務 担当", "phone": "022-221-6870", "email": format!("extra{i}@example.jp"),
            "services": [{"kind": "consultation", "workers": 1}], "place": "centre", "consent": true
        });
        let started = Instant::now();
        let res = client
            .post(format!("http://{addr}/api/v1/health-requests"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        submit.runs.push(started.elapsed());
        let v: Value = res.json().await.unwrap();
        submit.note = format!(
            "position {} of {}, estimated {}",
            v["position"],
            reqs.len() + i + 1,
            v["estimated_month"]
        );
    }
    let _ = tx.send(());
    let _ = server.await;
    vec![propose, submit]
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n_requests = env_usize("BENCH_HEALTH_REQUESTS", 700);
    let n_blocks = env_usize("BENCH_HEALTH_BLOCKS", 600);
    let runs = env_usize("BENCH_HEALTH_RUNS", 20);
    let today = jst_today(Utc::now());
    let mut rng = StdRng::seed_from_u64(2026);
    let reqs = requests(n_requests, today, &mut rng);
    let blks = blocks(n_blocks, today, &mut rng);
    println!("Scheduling assistant: {n_requests} waiting requests, {DOCTORS} doctors, {n_blocks} blocks over a year, {runs} runs each\n");

    let (p, b) = (pending(&reqs), domain_blocks(&blks));
    let mut domain = Timing {
        label: "domain: health::propose".into(),
        runs: Vec::new(),
        note: String::new(),
    };
    for _ in 0..runs {
        let started = Instant::now();
        let proposal = health::propose(&p, &b, today, today + Duration::days(365));
        domain.runs.push(started.elapsed());
        domain.note = format!(
            "{} assigned, {} unassigned",
            proposal.assignments.len(),
            proposal.unassigned.len()
        );
    }
    let mut timings = vec![domain];

    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("health.db").display());
    timings.extend(http_timings(&sqlite, "SQLite", &reqs, &blks, runs).await);

    if let Some(db) = support::BenchDb::create("health").await {
        timings.extend(http_timings(&db.url, "PostgreSQL", &reqs, &blks, runs).await);
        db.drop().await;
    }

    println!("\n| what | median | max | result |\n|---|---:|---:|---|");
    for t in &timings {
        println!(
            "| {} | {} | {} | {} |",
            t.label,
            ms(t.median()),
            ms(t.max()),
            t.note
        );
    }
}
