//! Test support: the real application on a random port with a fresh
//! database of the backend named by `TSUNAGU_TEST_BACKEND` (`sqlite`, the
//! default, or `postgres`, reached at `TSUNAGU_TEST_PG_URL`).

pub mod process;
pub mod referral;
pub mod smtp;
pub mod staff;
pub mod webdriver;
pub mod words;

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Instant;
use tsunagu::config::{Settings, TransportKind};
use tsunagu::domain::time::{jst_today, Clock, SystemClock};
use tsunagu::state::AppState;
use tsunagu::store::{NewBooking, SessionView, SlotView};
use tsunagu::Application;

pub fn backend() -> &'static str {
    match std::env::var("TSUNAGU_TEST_BACKEND").as_deref() {
        Ok("postgres") | Ok("postgresql") | Ok("pg") => "postgres",
        _ => "sqlite",
    }
}

pub fn pg_admin_url() -> String {
    std::env::var("TSUNAGU_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A fresh, empty database, dropped (PostgreSQL) or deleted (SQLite) afterwards.
pub struct TestDb {
    pub url: String,
    /// The SQLite file's folder, deleted when dropped.
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

impl TestDb {
    /// A database of the backend the suite runs on.
    pub async fn new() -> TestDb {
        if backend() == "postgres" {
            TestDb::postgres().await.unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL must be reachable at {} for TSUNAGU_TEST_BACKEND=postgres: {e}",
                    pg_admin_url()
                )
            })
        } else {
            TestDb::sqlite()
        }
    }

    /// A fresh SQLite file in a folder of its own.
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        TestDb {
            url,
            _dir: Some(dir),
            pg_name: None,
        }
    }

    /// A fresh database on the PostgreSQL server at `TSUNAGU_TEST_PG_URL`,
    /// or why the server cannot be reached.
    pub async fn postgres() -> Result<TestDb, sqlx::Error> {
        let name = format!(
            "tsunagu_test_{}",
            &tsunagu::domain::token::Token::generate().as_str()[..16]
        );
        let admin = pg_admin_url();
        let pool = sqlx::PgPool::connect(&admin).await?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        let mut url = url::Url::parse(&admin).unwrap();
        url.set_path(&name);
        Ok(TestDb {
            url: url.to_string(),
            _dir: None,
            pg_name: Some(name),
        })
    }
}

impl TestDb {
    /// Another handle on the same database (for a second instance); it
    /// deletes nothing when dropped.
    pub fn same(&self) -> TestDb {
        TestDb {
            url: self.url.clone(),
            _dir: None,
            pg_name: None,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_name.take() else {
            return;
        };
        let admin = pg_admin_url();
        // Drop runs outside async code: a thread of its own with a small runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(pool) = sqlx::PgPool::connect(&admin).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&pool)
                        .await;
                    pool.close().await;
                }
            });
        })
        .join();
    }
}

pub struct TestApp {
    pub base: String,
    /// `http://addr` of the figures' listener, when `metrics.bind` is set.
    pub metrics_base: Option<String>,
    pub client: reqwest::Client,
    pub state: AppState,
    pub mail_dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    pub db: TestDb,
}

/// Settings for a test: random port, file mail into a fresh folder, fast retries.
pub fn test_settings(db: &TestDb, mail_dir: &std::path::Path) -> Settings {
    let mut s = Settings::built_in();
    s.server.bind = "127.0.0.1:0".into();
    s.server.public_url = "http://tsunagu.test".into();
    s.database.url = tsunagu::config::Secret::new(db.url.clone());
    s.mail.transport = TransportKind::File;
    s.mail.file_dir = mail_dir.to_path_buf();
    s.mail.sweep_seconds = 1;
    s.mail.retry_base_seconds = 1;
    // The suite runs at any hour: quiet hours are tested where they are set.
    s.waitlist.quiet_hours = String::new();
    s
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_on(TestDb::new().await, configure, Arc::new(SystemClock)).await
}

pub async fn spawn_app_on(
    db: TestDb,
    configure: impl FnOnce(&mut Settings),
    clock: Arc<dyn Clock>,
) -> TestApp {
    let mail_dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(&db, mail_dir.path());
    configure(&mut settings);
    let app = Application::build_with_clock(settings, clock)
        .await
        .expect("the application builds");
    let addr = app.local_addr().unwrap();
    let metrics_base = app.metrics_addr().map(|a| format!("http://{a}"));
    let state = app.state().clone();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(app.run_until(async move {
        let _ = rx.await;
    }));
    TestApp {
        base: format!("http://{addr}"),
        metrics_base,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        state,
        mail_dir,
        shutdown: Some(tx),
        handle: Some(handle),
        db,
    }
}

impl TestApp {
    /// Waits until this app's outbox holds no mail still to send (see
    /// [`outbox_drained`]).
    pub async fn outbox_drained(&self) {
        drained(&self.state.store).await;
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> Value {
        self.get(path).await.json().await.unwrap()
    }

    /// A POST with no body (cancel, accept, decline).
    pub async fn post_empty(&self, path: &str) -> reqwest::Response {
        self.client.post(self.url(path)).send().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_booking(&self, body: &Value) -> reqwest::Response {
        self.post_json("/api/v1/evening-bookings", body).await
    }

    pub async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(pairs)
            .send()
            .await
            .unwrap()
    }

    /// A session of the configured series `days` days from today (JST),
    /// stored directly; returns it with its slots.
    pub async fn add_session(&self, days: i64) -> SessionView {
        let series = self.state.settings.series.to_series().unwrap();
        let date = jst_today(Utc::now()) + Duration::days(days);
        let occurrence = format!(
            "test-{}",
            &tsunagu::domain::token::Token::generate().as_str()[..12]
        );
        let plan = series.plan_on(date, occurrence);
        assert!(self
            .state
            .store
            .insert_session(&plan, &self.state.settings.evening.venue, Utc::now())
            .await
            .unwrap());
        let sessions = self
            .state
            .store
            .upcoming_sessions(Utc::now())
            .await
            .unwrap();
        sessions
            .into_iter()
            .find(|s| s.starts_at == plan.starts_at)
            .expect("session stored")
    }

    /// `.eml` files the file transport wrote.
    pub fn mail_files(&self) -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(self.mail_dir.path())
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Stops the server and hands back its database for another start.
    pub async fn stop_keep_db(mut self) -> TestDb {
        self.shutdown_now().await;
        self.db
    }

    /// Mails the file transport wrote to `recipient`: (subject, text), oldest first.
    pub fn mails_to(&self, recipient: &str) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for path in self.mail_files() {
            let raw = std::fs::read(&path).unwrap_or_default();
            let Some(m) = mail_parser::MessageParser::default().parse(&raw) else {
                continue;
            };
            let to = m
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_string();
            if to == recipient {
                let date = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                found.push((
                    date,
                    path.clone(),
                    m.subject().unwrap_or_default().to_string(),
                    m.body_text(0).unwrap_or_default().into_owned(),
                ));
            }
        }
        found.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        found
            .into_iter()
            .map(|(_, _, subject, text)| (subject, text))
            .collect()
    }

    /// The calendar entry (invite.ics) of the mail to `recipient` whose
    /// subject holds `subject`, if that mail was written and has one.
    pub fn calendar_in(&self, recipient: &str, subject: &str) -> Option<String> {
        use mail_parser::MimeHeaders;
        self.mail_files().iter().find_map(|path| {
            let raw = std::fs::read(path).ok()?;
            let m = mail_parser::MessageParser::default().parse(&raw)?;
            let to = m.to()?.first()?.address()?.to_string();
            if to != recipient || !m.subject()?.contains(subject) {
                return None;
            }
            let ics = m
                .attachments()
                .find(|a| a.attachment_name() == Some("invite.ics"))?;
            String::from_utf8(ics.contents().to_vec()).ok()
        })
    }

    /// Waits for a mail to `recipient` with a link under `prefix` (e.g.
    /// `/offers/`) and returns the token in it.
    pub async fn link_token(&self, recipient: &str, prefix: &str) -> String {
        eventually(15, || async {
            self.mails_to(recipient).iter().rev().find_map(|(_, text)| {
                let start = text.find(prefix)? + prefix.len();
                let token: String = text[start..]
                    .chars()
                    .take_while(|c| c.is_ascii_hexdigit())
                    .collect();
                (token.len() == 48).then_some(token)
            })
        })
        .await
    }

    /// Books `slot` for a person with this email and phone; returns the manage token.
    pub async fn book_as(&self, slot: i64, email: &str, phone: &str) -> String {
        let mut body = booking_body(slot);
        body["email"] = json!(email);
        body["phone"] = json!(phone);
        let res = self.post_booking(&body).await;
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        let created: Value = res.json().await.unwrap();
        created["manage_url"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string()
    }

    /// Joins the waitlist; returns the response.
    pub async fn join_waitlist(
        &self,
        session: Value,
        profession: &str,
        email: &str,
        phone: &str,
    ) -> reqwest::Response {
        self.post_json(
            "/api/v1/evening-waitlist",
            &json!({
                "session_id": session, "profession": profession, "name": "待機 太郎", "name_kana": "タイキ タロウ",
                "phone": phone, "email": email, "consent": true
            }),
        )
        .await
    }

    pub async fn stop(mut self) {
        self.shutdown_now().await;
    }

    async fn shutdown_now(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.handle.take() {
            let _ = handle.await;
        }
    }
}

/// A valid booking request for `slot_id`.
pub fn booking_body(slot_id: i64) -> Value {
    json!({
        "slot_id": slot_id,
        "name": "仙台 花子",
        "name_kana": "センダイ ハナコ",
        "phone": "090-1234-5678",
        "email": "hanako@example.jp",
        "age_band": "30s",
        "topic": "workplace",
        "note": "",
        "consent": true
    })
}

/// Polls `check` until it returns `Some`, for at most `seconds`.
pub async fn eventually<T, F, Fut>(seconds: u64, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "condition not met within {seconds} s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Waits until the outbox of the database at `url` holds no mail still to
/// send: from then on nothing more is mailed unless something new is
/// queued, so a count of mails received is final (no sleeping to see that
/// nothing more comes).
pub async fn outbox_drained(url: &str) {
    let store = tsunagu::store::Store::connect(url, 1).await.unwrap();
    drained(&store).await;
    store.close().await;
}

async fn drained(store: &tsunagu::store::Store) {
    eventually(30, || async {
        (store.queued_mail_count().await.unwrap() == 0).then_some(())
    })
    .await;
}

/// Every form control that is not hidden has a label naming it.
pub fn assert_labelled(html: &str, page: &str) {
    // The page's title is text only.
    let title = html
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("");
    assert!(
        !title.is_empty() && !title.contains('<'),
        "{page}: the title holds markup: {title}"
    );
    let mut rest = html;
    while let Some(i) = rest.find(['<'].as_ref()) {
        rest = &rest[i..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let is_control =
            tag.starts_with("<input") || tag.starts_with("<select") || tag.starts_with("<textarea");
        if is_control && !tag.contains("type=\"hidden\"") {
            let id = tag
                .split("id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("");
            assert!(!id.is_empty(), "{page}: a control without an id: {tag}");
            assert!(
                html.contains(&format!("for=\"{id}\"")),
                "{page}: no label for #{id}"
            );
        }
        rest = &rest[1..];
    }
}

/// A staff account (password "a long enough password") and an API token for it.
pub async fn staff_token(
    app: &TestApp,
    email: &str,
    name: &str,
    role: tsunagu::domain::staff::Role,
    professional_id: Option<i64>,
) -> String {
    let s = &app.state;
    tsunagu::service::staff::add(
        s,
        email,
        name,
        role,
        professional_id,
        "a long enough password",
    )
    .await
    .unwrap();
    tsunagu::service::staff::new_token(s, email).await.unwrap()
}

/// An evening's day sheet as a coordinator sees it through the staff API.
pub async fn day_sheet_json(app: &TestApp, session_id: i64) -> Value {
    let email = format!(
        "coord-{}@city.example.jp",
        &tsunagu::domain::token::Token::generate().as_str()[..8]
    );
    let token = staff_token(
        app,
        &email,
        "事務 局",
        tsunagu::domain::staff::Role::Coordinator,
        None,
    )
    .await;
    app.client
        .get(app.url(&format!("/api/v1/staff/sessions/{session_id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A booking of `slot` for the store directly (no HTTP, no mail), by the
/// person with `email` and `phone`.
pub fn new_booking(slot: &SlotView, email: &str, phone: &str) -> NewBooking {
    let input = tsunagu::domain::BookingInput {
        name: "仙台 花子".into(),
        name_kana: "センダイ ハナコ".into(),
        phone: phone.into(),
        email: email.into(),
        age_band: "30s".into(),
        topic: "workplace".into(),
        note: String::new(),
        consent: true,
    };
    NewBooking {
        slot_id: slot.id,
        session_id: slot.session_id,
        profession: slot.profession,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        details: input.validate(tsunagu::domain::Lang::Ja).unwrap(),
        token_hash: tsunagu::domain::token::Token::generate().hash(),
        lang: tsunagu::domain::Lang::Ja,
        acted_by: None,
        source: Default::default(),
    }
}
