//! The `tsunagu` command itself, run as a process.

use crate::support;

use std::process::{Command, Stdio};
use support::TestDb;

fn tsunagu(db: &TestDb, dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tsunagu"));
    cmd.current_dir(dir)
        .env("TSUNAGU__DATABASE__URL", &db.url)
        .env("TSUNAGU__MAIL__FILE_DIR", dir.join("mail"))
        .env("RUST_LOG", "info");
    cmd
}

#[tokio::test]
async fn schedule_generate_is_idempotent() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let first = tsunagu(&db, dir.path())
        .args(["schedule", "generate", "--months", "6"])
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let out = String::from_utf8(first.stdout).unwrap();
    let created: usize = out.lines().filter(|l| l.starts_with("created")).count();
    assert!(
        (4..=6).contains(&created),
        "six months give four to six sessions:\n{out}"
    );
    let second = tsunagu(&db, dir.path())
        .args(["schedule", "generate", "--months", "6"])
        .output()
        .unwrap();
    let out = String::from_utf8(second.stdout).unwrap();
    assert!(
        out.contains(&format!("0 created, {created} already there")),
        "{out}"
    );
    let migrate = tsunagu(&db, dir.path()).arg("migrate").output().unwrap();
    assert!(migrate.status.success());
}

#[tokio::test]
async fn an_environment_file_and_variables_override_the_defaults() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("conf");
    std::fs::create_dir_all(&config).unwrap();
    // First Thursdays, no months skipped, from config/staging.toml.
    std::fs::write(
        config.join("staging.toml"),
        "[series]\nweekday = \"thu\"\nweek_of_month = 1\n",
    )
    .unwrap();
    let out = tsunagu(&db, dir.path())
        .env("TSUNAGU_CONFIG_DIR", &config)
        .env("TSUNAGU_ENV", "staging")
        .env("TSUNAGU__SERIES__START", "19:00")
        .args(["schedule", "generate", "--months", "4"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = tsunagu::store::Store::connect(&db.url, 2).await.unwrap();
    let sessions = store.upcoming_sessions(chrono::Utc::now()).await.unwrap();
    assert!(sessions.len() >= 3);
    let mut first_thursdays = 0;
    for s in &sessions {
        let local = tsunagu::domain::time::to_jst(s.starts_at);
        let date = local.date_naive();
        assert_eq!(local.format("%H:%M").to_string(), "19:00");
        if chrono::Datelike::weekday(&date) == chrono::Weekday::Thu
            && chrono::Datelike::day(&date) <= 7
        {
            first_thursdays += 1;
        }
    }
    assert!(
        first_thursdays >= sessions.len() - 1,
        "first Thursdays (one may move off a holiday)"
    );
    store.close().await;
    // A missing environment file is an error, not a silent default.
    let out = tsunagu(&db, dir.path())
        .env("TSUNAGU_CONFIG_DIR", &config)
        .env("TSUNAGU_ENV", "nowhere")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[tokio::test]
async fn serve_logs_one_line_per_request_and_no_personal_data() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let status = tsunagu(&db, dir.path())
        .args(["schedule", "generate", "--months", "3"])
        .status()
        .unwrap();
    assert!(status.success());
    let smtp = support::smtp::SmtpServer::start().await;
    let mut child = tsunagu(&db, dir.path())
        .arg("serve")
        .env("TSUNAGU__SERVER__BIND", format!("127.0.0.1:{port}"))
        .env("TSUNAGU__MAIL__TRANSPORT", "smtp")
        .env("TSUNAGU__MAIL__SMTP_URL", smtp.url())
        // Whatever today's date: every generated evening is open for booking.
        .env("TSUNAGU__BOOKING__OPENS_DAYS_BEFORE", "200")
        .env("TSUNAGU__BOOKING__CUTOFF", "1h")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    support::eventually(30, || async {
        client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .ok()
            .filter(|r| r.status() == 200)
    })
    .await;
    let sessions: serde_json::Value = client
        .get(format!("{base}/api/v1/evening-sessions"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The first slot that starts more than two hours from now.
    let slot = sessions
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["slots"].as_array().unwrap().iter())
        .find(|x| {
            let at =
                chrono::DateTime::parse_from_rfc3339(x["starts_at"].as_str().unwrap()).unwrap();
            at > chrono::Utc::now() + chrono::Duration::hours(2)
        })
        .and_then(|x| x["id"].as_i64())
        .expect("a generated session");
    let mut body = support::booking_body(slot);
    body["name"] = serde_json::json!("秘密 太郎");
    body["email"] = serde_json::json!("secret.person@example.jp");
    body["phone"] = serde_json::json!("090-9876-5432");
    body["note"] = serde_json::json!("借金の件で");
    let res = client
        .post(format!("{base}/api/v1/evening-bookings"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let token = res.json::<serde_json::Value>().await.unwrap()["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        client
            .get(format!("{base}/manage/{token}"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // The mail goes out over SMTP; then the server is stopped.
    let mail = support::eventually(10, || async { smtp.received().first().cloned() }).await;
    assert!(mail.text().contains("秘密 太郎 様"));
    // Marked sent, and logged, before the server is stopped.
    support::outbox_drained(&db.url).await;
    child.kill().unwrap();
    let output = child.wait_with_output().unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(log.contains(&format!("Tsunagu is running at http://127.0.0.1:{port}/")));
    assert!(
        !log.contains("staff sign in"),
        "serve creates and prints no account: {log}"
    );
    assert!(
        log.contains("route=/api/v1/evening-bookings") && log.contains("status=201"),
        "{log}"
    );
    assert!(
        log.contains("route=/manage/{token}"),
        "the route pattern, not the path: {log}"
    );
    // The phone number whole or as its digits ("9876" alone could be in a
    // timestamp's fraction of a second).
    for secret in [
        "秘密",
        "secret.person",
        "9876-5432",
        "98765432",
        "借金",
        token.as_str(),
    ] {
        assert!(!log.contains(secret), "{secret} appears in the log:\n{log}");
    }
}

#[tokio::test]
async fn demo_serves_evenings_a_health_queue_and_staff_accounts_to_sign_in_with() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = tsunagu(&db, dir.path())
        .arg("demo")
        .env("TSUNAGU__SERVER__BIND", format!("127.0.0.1:{port}"))
        .env(
            "TSUNAGU__STAFF__API_TOKEN",
            "demo-office-token-for-the-test",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    // What the demo prints, line by line, as it comes.
    let printed_lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let stdout = child.stdout.take().unwrap();
    let sink = printed_lines.clone();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            sink.lock().unwrap().push(line);
        }
    });
    let client = reqwest::Client::new();
    support::eventually(60, || async {
        client
            .get(format!("{base}/healthz"))
            .send()
            .await
            .ok()
            .filter(|r| r.status() == 200)
    })
    .await;
    let sessions: serde_json::Value = client
        .get(format!("{base}/api/v1/evening-sessions"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!sessions.as_array().unwrap().is_empty());
    let queue: serde_json::Value = client
        .get(format!("{base}/api/v1/staff/health-queue"))
        .bearer_auth("demo-office-token-for-the-test")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(queue.as_array().unwrap().len(), 8, "{queue}");
    assert_eq!(
        client
            .get(format!("{base}/health"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // The staff accounts it printed sign in, each to the screens of its role.
    let printed = support::eventually(30, || async {
        let lines = printed_lines.lock().unwrap().clone();
        lines
            .iter()
            .any(|l| l.starts_with("Tsunagu is running"))
            .then(|| lines.join("\n"))
    })
    .await;
    assert!(
        printed.contains(&format!("http://127.0.0.1:{port}/staff/login")),
        "{printed}"
    );
    for role in ["coordinator", "lawyer", "doctor"] {
        let line = printed
            .lines()
            .find(|l| l.trim_start().starts_with(role))
            .unwrap_or_else(|| panic!("no {role} account in {printed}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let (email, password) = (words[1], words[2]);
        let no_redirect = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let form = no_redirect
            .get(format!("{base}/staff/login"))
            .send()
            .await
            .unwrap();
        let cookie = form.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let html = form.text().await.unwrap();
        let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
        let csrf = &html[start..start + 48];
        let signed = no_redirect
            .post(format!("{base}/staff/login"))
            .header("cookie", cookie)
            .form(&[("csrf", csrf), ("email", email), ("password", password)])
            .send()
            .await
            .unwrap();
        assert_eq!(signed.status(), 303, "{role} signs in");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(printed.contains("health centre"), "{printed}");
    assert!(
        printed.contains(&format!("http://127.0.0.1:{port}/")),
        "{printed}"
    );
}
