//! Staff: accounts, tokens, roles decided in one place, roster, day
//! sheets, attendance and the audit log.

mod support;

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};
use support::{spawn_app, TestApp};
use tsunagu::domain::staff::Role;

struct Staff {
    admin: String,
    coordinator: String,
    lawyer: String,
    lawyer_id: i64,
}

async fn staff(app: &TestApp) -> Staff {
    let s = &app.state;
    let now = chrono::Utc::now();
    let lawyer_id = s
        .store
        .create_professional("法 律子", "lawyer", "仙台弁護士会", "", now)
        .await
        .unwrap();
    let pw = "a long enough password";
    tsunagu::service::staff::add(s, "admin@city.example.jp", "管理 者", Role::Admin, None, pw)
        .await
        .unwrap();
    tsunagu::service::staff::add(
        s,
        "coord@city.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
        pw,
    )
    .await
    .unwrap();
    tsunagu::service::staff::add(
        s,
        "lawyer@city.example.jp",
        "法 律子",
        Role::Professional,
        Some(lawyer_id),
        pw,
    )
    .await
    .unwrap();
    let token = |email: &'static str| async move {
        tsunagu::service::staff::new_token(s, email).await.unwrap()
    };
    Staff {
        admin: token("admin@city.example.jp").await,
        coordinator: token("coord@city.example.jp").await,
        lawyer: token("lawyer@city.example.jp").await,
        lawyer_id,
    }
}

async fn get(app: &TestApp, token: Option<&str>, path: &str) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

async fn post(app: &TestApp, token: Option<&str>, path: &str, body: Value) -> reqwest::Response {
    let mut req = app.client.post(app.url(path)).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

fn month_of(session: &tsunagu::store::SessionView) -> String {
    tsunagu::domain::time::to_jst(session.starts_at)
        .format("%Y-%m")
        .to_string()
}

#[tokio::test]
async fn every_staff_route_refuses_those_who_must_not_use_it() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    let id = app
        .state
        .store
        .all_booking_ids()
        .await
        .unwrap()
        .first()
        .copied()
        .unwrap_or(1);
    let month = month_of(&session);
    // (method, path, body, who may): M = admin+coordinator, A = admin only, S = any staff.
    let routes: Vec<(&str, String, Value, &str)> = vec![
        (
            "GET",
            format!("/api/v1/staff/roster?month={month}"),
            Value::Null,
            "S",
        ),
        (
            "GET",
            format!("/api/v1/staff/sessions/{}", session.id),
            Value::Null,
            "M",
        ),
        (
            "POST",
            format!("/api/v1/staff/bookings/{id}/attendance"),
            json!({"status": "attended"}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/professionals".into(),
            json!({"name": "心理 花子", "profession": "psychologist"}),
            "M",
        ),
        (
            "POST",
            format!("/api/v1/staff/sessions/{}/assignments", session.id),
            json!({"profession": "lawyer", "professional_id": st.lawyer_id}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/evening-bookings".into(),
            support::booking_body(session.slots[5].id),
            "M",
        ),
        (
            "GET",
            format!("/api/v1/staff/bookings/{id}/mail"),
            Value::Null,
            "M",
        ),
        ("GET", "/api/v1/staff/audit".into(), Value::Null, "A"),
    ];
    for (method, path, body, who) in &routes {
        let call = |token: Option<&str>| {
            let (path, body) = (path.clone(), body.clone());
            let app = &app;
            let token = token.map(str::to_string);
            async move {
                if *method == "GET" {
                    get(app, token.as_deref(), &path).await.status().as_u16()
                } else {
                    post(app, token.as_deref(), &path, body)
                        .await
                        .status()
                        .as_u16()
                }
            }
        };
        assert_eq!(call(None).await, 401, "{path} without a token");
        assert_eq!(
            call(Some(&"0".repeat(48))).await,
            401,
            "{path} with an unknown token"
        );
        let lawyer = call(Some(&st.lawyer)).await;
        if *who == "S" {
            assert!(lawyer < 400, "{path}: the professional may: {lawyer}");
        } else {
            assert_eq!(lawyer, 403, "{path}: a professional may not");
        }
        let coordinator = call(Some(&st.coordinator)).await;
        if *who == "A" {
            assert_eq!(coordinator, 403, "{path}: only an admin");
        } else {
            assert!(
                coordinator < 500 && coordinator != 401 && coordinator != 403,
                "{path}: coordinator got {coordinator}"
            );
        }
        let admin = call(Some(&st.admin)).await;
        assert!(admin != 401 && admin != 403, "{path}: admin got {admin}");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_roster_shows_each_role_what_it_needs() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let mine = app.add_session(10).await;
    let other = app.add_session(11).await;
    let month_mine = month_of(&mine);
    app.book_as(mine.slots[0].id, "a@example.jp", "090-1200-0001")
        .await; // lawyer
    app.book_as(mine.slots[3].id, "b@example.jp", "090-1200-0002")
        .await; // psychologist
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", mine.id),
        json!({"profession": "lawyer", "professional_id": st.lawyer_id}),
    )
    .await;
    assert_eq!(res.status(), 200);
    // A lawyer cannot be assigned as the psychologist.
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", mine.id),
        json!({"profession": "psychologist", "professional_id": st.lawyer_id}),
    )
    .await;
    assert_eq!(res.status(), 422);

    let coordinator: Value = get(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/roster?month={month_mine}"),
    )
    .await
    .json()
    .await
    .unwrap();
    let s = coordinator["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == mine.id)
        .unwrap()
        .clone();
    assert_eq!(s["lawyer"], "法 律子");
    assert_eq!(s["missing_professional"], true, "no psychologist yet");
    assert_eq!(s["fill"]["lawyer"], json!([1, 3]));
    let booked: Vec<&Value> = s["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| !l["booking"].is_null())
        .collect();
    assert_eq!(booked.len(), 2);
    assert_eq!(booked[0]["booking"]["phone"], "090-1200-0001");
    assert_eq!(booked[0]["booking"]["first_visit"], true);

    let lawyer: Value = get(
        &app,
        Some(&st.lawyer),
        &format!("/api/v1/staff/roster?month={month_mine}"),
    )
    .await
    .json()
    .await
    .unwrap();
    let sessions = lawyer["sessions"].as_array().unwrap();
    assert!(
        sessions.iter().all(|s| s["id"] == mine.id),
        "only the assigned evening"
    );
    let lines = sessions[0]["slots"].as_array().unwrap();
    assert!(
        lines.iter().all(|l| l["profession"] == "lawyer"),
        "only their own profession"
    );
    let b = &lines.iter().find(|l| !l["booking"].is_null()).unwrap()["booking"];
    assert_eq!(b["name_kana"], "センダイ ハナコ");
    assert!(
        b.get("phone").is_none(),
        "no contact details for a professional: {b}"
    );
    assert!(sessions[0].get("fill").is_none());
    assert_eq!(
        get(
            &app,
            Some(&st.lawyer),
            &format!("/api/v1/staff/sessions/{}", other.id)
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        get(
            &app,
            Some(&st.lawyer),
            &format!("/api/v1/staff/sessions/{}", mine.id)
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        get(
            &app,
            Some(&st.coordinator),
            "/api/v1/staff/roster?month=2027-13"
        )
        .await
        .status(),
        422
    );
    app.stop().await;
}

#[tokio::test]
async fn attendance_is_recorded_and_every_look_is_audited() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[1].id, "c@example.jp", "090-1300-0001")
        .await;
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{id}/attendance"),
        json!({"status": "no_show", "note": "連絡なし"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let bad = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{id}/attendance"),
        json!({"status": "maybe"}),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let sheet: Value = get(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}", session.id),
    )
    .await
    .json()
    .await
    .unwrap();
    let line = sheet["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["booking"]["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(line["booking"]["attendance"], "no_show");
    assert_eq!(line["booking"]["attendance_note"], "連絡なし");
    let audit: Value = get(&app, Some(&st.admin), "/api/v1/staff/audit")
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<(String, String)> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap().to_string(),
                e["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        actions.contains(&("事務 局".into(), "attendance".into())),
        "{actions:?}"
    );
    assert!(actions.contains(&("事務 局".into(), "view_day_sheet".into())));
    assert!(
        !audit.to_string().contains("090-1300"),
        "no personal data in the log itself"
    );
    let found: Value = get(&app, Some(&st.admin), "/api/v1/staff/audit?q=attendance")
        .await
        .json()
        .await
        .unwrap();
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["action"] == "attendance"));
    app.stop().await;
}

#[tokio::test]
async fn the_command_line_creates_accounts_and_tokens() {
    let db = support::TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
            .args(args)
            .current_dir(dir.path())
            .env("TSUNAGU__DATABASE__URL", &db.url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let add = [
        "staff",
        "add",
        "--email",
        "first@city.example.jp",
        "--name",
        "最初 の管理者",
        "--role",
        "admin",
        "--password-stdin",
    ];
    let out = run(&add, "a very long password\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = run(&add, "a very long password\n");
    assert!(!again.status.success(), "one account per email");
    let short = run(
        &[
            "staff",
            "add",
            "--email",
            "x@city.example.jp",
            "--name",
            "X",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "short\n",
    );
    assert!(!short.status.success());
    let out = run(&["staff", "token", "--email", "first@city.example.jp"], "");
    assert!(out.status.success());
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert_eq!(token.len(), 48);
    let app = support::spawn_app_on(
        db,
        |_| {},
        std::sync::Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    let res = get(&app, Some(&token), "/api/v1/staff/audit").await;
    assert_eq!(res.status(), 200, "the token works, with the admin role");
    app.stop().await;
}
