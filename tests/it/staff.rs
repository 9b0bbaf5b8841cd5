//! Staff: accounts, tokens, roles decided in one place, roster, day
//! sheets, attendance and the audit log.

use crate::support;

use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};
use support::staff::{app_on_clock, csrf_in, get, month_of, post, set_cookie, sign_in, staff};
use support::{assert_labelled, spawn_app};

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
        (
            "GET",
            "/api/v1/staff/referrals?status=open".into(),
            Value::Null,
            "M",
        ),
        (
            "GET",
            "/api/v1/staff/referrals/consent".into(),
            Value::Null,
            "S",
        ),
        (
            "POST",
            "/api/v1/staff/schedule/generate".into(),
            json!({"months": 1}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/sessions".into(),
            json!({"date": "2099-01-05"}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/sessions/999999/cancel".into(),
            json!({}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/sessions/999999/move".into(),
            json!({"date": "2099-01-06"}),
            "M",
        ),
        ("GET", "/api/v1/staff/health-queue".into(), Value::Null, "M"),
        (
            "POST",
            "/api/v1/staff/health-queue/999999/move".into(),
            json!({"to": "", "reason": "確認"}),
            "M",
        ),
        (
            "GET",
            "/api/v1/staff/health-availability?from=2099-01-01&to=2099-02-01".into(),
            Value::Null,
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/health-availability".into(),
            json!({}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/health-schedule/propose".into(),
            json!({"from": "2099-01-01", "to": "2099-02-01"}),
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/health-schedule/confirm".into(),
            json!({"assignments": []}),
            "M",
        ),
        (
            "GET",
            format!("/api/v1/staff/health-roster?month={month}"),
            Value::Null,
            "S",
        ),
        (
            "GET",
            "/api/v1/staff/health-figures".into(),
            Value::Null,
            "M",
        ),
        (
            "POST",
            "/api/v1/staff/health-interviews/999999/attendance".into(),
            json!({"status": "attended"}),
            "M",
        ),
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
    let (app, clock) = app_on_clock().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[1].id, "c@example.jp", "090-1300-0001")
        .await;
    clock.set(session.starts_at);
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

#[tokio::test]
async fn staff_pages_need_a_sign_in_and_show_the_roster_and_day_sheet() {
    let (app, clock) = app_on_clock().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "d@example.jp", "090-1400-0001")
        .await;
    // The evening has begun: attendance can be recorded.
    clock.set(session.starts_at);
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let month = month_of(&session);
    post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", session.id),
        json!({"profession": "lawyer", "professional_id": st.lawyer_id}),
    )
    .await;

    // Without a sign-in: to the sign-in page, nothing shown.
    for path in [
        "/staff",
        &format!("/staff/sessions/{}", session.id),
        "/staff/export.csv?from=2026-01-01&to=2030-01-01",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 303, "{path}");
        assert_eq!(res.headers()["location"], "/staff/login");
        assert!(!res.text().await.unwrap().contains("仙台 花子"));
    }
    // A forged sign-in form is refused; a wrong password is slowed and counted.
    let forged = app
        .client
        .post(app.url("/staff/login"))
        .form(&[
            ("csrf", "x"),
            ("email", "coord@city.example.jp"),
            ("password", "a long enough password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    for _ in 0..4 {
        let res = sign_in(&app, "coord@city.example.jp", "not the password!!").await;
        assert_eq!(res.status(), 401);
        assert!(res.text().await.unwrap().contains("正しくありません"));
    }
    let since = chrono::Utc::now() - chrono::Duration::minutes(15);
    assert_eq!(
        app.state
            .store
            .sign_in_failures_since("coord@city.example.jp", since)
            .await
            .unwrap(),
        4
    );
    let started = std::time::Instant::now();
    let res = sign_in(&app, "coord@city.example.jp", "a long enough password").await;
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(400),
        "slowed after failures"
    );
    assert_eq!(res.status(), 303);
    let cookie_header = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("tsunagu_staff="))
        .unwrap();
    assert!(cookie_header.contains("HttpOnly") && cookie_header.contains("SameSite=Strict"));
    let cookie = format!(
        "tsunagu_staff={}",
        set_cookie(&res, "tsunagu_staff").unwrap()
    );
    let get_as = |path: String| {
        let req = app
            .client
            .get(app.url(&path))
            .header("cookie", cookie.clone());
        async move { req.send().await.unwrap() }
    };

    let roster = get_as(format!("/staff?month={month}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(roster.contains(&format!("/staff/sessions/{}", session.id)));
    assert!(
        roster.contains("法 律子") && roster.contains("未定"),
        "assigned and missing professionals"
    );
    assert!(roster.contains("弁護士 1/3"));
    let sheet = get_as(format!("/staff/sessions/{}", session.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        sheet.contains("仙台 花子") && sheet.contains("090-1400-0001") && sheet.contains("初回")
    );
    let csrf = csrf_in(&sheet);
    let url = app.url(&format!("/staff/bookings/{id}/attendance"));
    let no_csrf = app
        .client
        .post(&url)
        .header("cookie", cookie.clone())
        .form(&[("status", "attended")])
        .send()
        .await
        .unwrap();
    assert_eq!(no_csrf.status(), 403);
    let res = app
        .client
        .post(&url)
        .header("cookie", cookie.clone())
        .form(&[
            ("csrf", csrf.as_str()),
            ("status", "attended"),
            ("note", ""),
            ("session_id", &session.id.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let sheet = get_as(format!("/staff/sessions/{}", session.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(sheet.contains("value=\"attended\" checked"));
    let roster = get_as(format!("/staff?month={month}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        roster.contains("来所 1・欠席 0"),
        "the roster counts attendance"
    );
    assert_eq!(
        get_as("/staff/audit".into()).await.status(),
        403,
        "the audit log is the admin's"
    );

    // The export: UTF-8 with a BOM, Japanese headings, the booking.
    let csv = get_as("/staff/export.csv?from=2020-01-01&to=2040-01-01".to_string()).await;
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("予約番号,日付,開始時刻,日時,相談員"));
    assert!(text.contains("\"仙台 花子\"") && text.contains("\"来所\""));

    // Sign out: the cookie no longer opens anything.
    let res = app
        .client
        .post(app.url("/staff/logout"))
        .header("cookie", cookie.clone())
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(get_as("/staff".into()).await.status(), 303);
    app.stop().await;
}

#[tokio::test]
async fn a_professional_signed_in_sees_only_their_evening() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let mine = app.add_session(10).await;
    let other = app.add_session(11).await;
    post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", mine.id),
        json!({"profession": "lawyer", "professional_id": st.lawyer_id}),
    )
    .await;
    app.book_as(mine.slots[0].id, "e@example.jp", "090-1500-0001")
        .await;
    let res = sign_in(&app, "lawyer@city.example.jp", "a long enough password").await;
    let cookie = format!(
        "tsunagu_staff={}",
        set_cookie(&res, "tsunagu_staff").unwrap()
    );
    let get_as = |path: String| {
        let req = app
            .client
            .get(app.url(&path))
            .header("cookie", cookie.clone());
        async move { req.send().await.unwrap() }
    };
    let sheet = get_as(format!("/staff/sessions/{}", mine.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(sheet.contains("仙台 花子"));
    assert!(
        !sheet.contains("090-1500-0001"),
        "no phone for a professional"
    );
    assert!(!sheet.contains("/attendance"), "attendance is the office's");
    assert_eq!(
        get_as(format!("/staff/sessions/{}", other.id))
            .await
            .status(),
        403
    );
    assert_eq!(
        get_as("/staff/export.csv?from=2020-01-01&to=2040-01-01".into())
            .await
            .status(),
        403
    );
    app.stop().await;
}

#[tokio::test]
async fn the_office_runs_the_schedule_from_its_pages() {
    let app = spawn_app().await;
    staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "f@example.jp", "090-1800-0001")
        .await;
    let res = sign_in(&app, "coord@city.example.jp", "a long enough password").await;
    let cookie = format!(
        "tsunagu_staff={}",
        set_cookie(&res, "tsunagu_staff").unwrap()
    );
    let get_html = |path: String| {
        let req = app
            .client
            .get(app.url(&path))
            .header("cookie", cookie.clone());
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    let post_form = |path: String, pairs: Vec<(&'static str, String)>| {
        let req = app
            .client
            .post(app.url(&path))
            .header("cookie", cookie.clone())
            .form(&pairs);
        async move { req.send().await.unwrap() }
    };
    let page = get_html("/staff/professionals".into()).await;
    let csrf = csrf_in(&page);
    // Without the CSRF token: refused.
    let forged = post_form(
        "/staff/professionals".into(),
        vec![
            ("name", "心理 花子".into()),
            ("profession", "psychologist".into()),
        ],
    )
    .await;
    assert_eq!(forged.status(), 403);
    let res = post_form(
        "/staff/professionals".into(),
        vec![
            ("csrf", csrf.clone()),
            ("name", "心理 花子".into()),
            ("profession", "psychologist".into()),
            ("organisation", "宮城県臨床心理士会".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let list = app.state.store.professionals().await.unwrap();
    let psych = list.iter().find(|p| p.name == "心理 花子").unwrap().id;
    assert!(get_html("/staff/professionals".into())
        .await
        .contains("宮城県臨床心理士会"));
    // Rest and restore a professional.
    let res = post_form(
        format!("/staff/professionals/{psych}/active"),
        vec![("csrf", csrf.clone()), ("active", "no".into())],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(get_html("/staff/professionals".into())
        .await
        .contains("休止中"));
    let rested = get_html(format!("/staff/sessions/{}", session.id)).await;
    assert!(
        !rested.contains("心理 花子（臨床心理士）"),
        "a resting professional is not offered"
    );
    let res = post_form(
        format!("/staff/professionals/{psych}/active"),
        vec![("csrf", csrf.clone()), ("active", "yes".into())],
    )
    .await;
    assert_eq!(res.status(), 303);

    // Assign from the day sheet.
    let sheet = get_html(format!("/staff/sessions/{}", session.id)).await;
    assert!(sheet.contains("心理 花子（臨床心理士）"));
    let res = post_form(
        format!("/staff/sessions/{}/assign", session.id),
        vec![("csrf", csrf.clone()), ("professional", psych.to_string())],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(get_html(format!("/staff/sessions/{}", session.id))
        .await
        .contains("臨床心理士：心理 花子"));

    // Move the evening a week later: the booking follows and is told.
    let new_day =
        tsunagu::domain::time::to_jst(session.starts_at).date_naive() + chrono::Duration::days(7);
    let res = post_form(
        format!("/staff/sessions/{}/move", session.id),
        vec![
            ("csrf", csrf.clone()),
            ("date", new_day.to_string()),
            ("start", "18:30".into()),
            // Whatever day of the week it is (the unusual-day warning has its own test).
            ("confirm", "yes".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    support::eventually(10, || async {
        app.mails_to("f@example.jp")
            .into_iter()
            .find(|m| m.0.contains("変更"))
    })
    .await;

    // A one-off evening, generation, then cancelling the first evening.
    let extra = tsunagu::domain::time::jst_today(chrono::Utc::now()) + chrono::Duration::days(25);
    let res = post_form(
        "/staff/sessions".into(),
        vec![
            ("csrf", csrf.clone()),
            ("date", extra.to_string()),
            ("start", "".into()),
            ("confirm", "yes".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_form(
        "/staff/schedule/generate".into(),
        vec![("csrf", csrf.clone()), ("months", "2".into())],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_form(
        format!("/staff/sessions/{}/cancel", session.id),
        vec![("csrf", csrf.clone()), ("confirm", "yes".into())],
    )
    .await;
    assert_eq!(res.status(), 303);
    support::eventually(10, || async {
        app.mails_to("f@example.jp")
            .into_iter()
            .find(|m| m.0.contains("中止"))
    })
    .await;
    let listed: Value = app.get_json("/api/v1/evening-sessions").await;
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["id"] != session.id));
    let audit: Vec<String> = app
        .state
        .store
        .audit_search("", 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "add_professional",
        "assign",
        "move_session",
        "add_session",
        "generate",
        "cancel_session",
    ] {
        assert!(
            audit.iter().any(|a| a == action),
            "{action} not audited: {audit:?}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn staff_take_a_phone_booking_from_the_day_sheet() {
    let app = spawn_app().await;
    staff(&app).await;
    let session = app.add_session(10).await;
    let res = sign_in(&app, "coord@city.example.jp", "a long enough password").await;
    let cookie = format!(
        "tsunagu_staff={}",
        set_cookie(&res, "tsunagu_staff").unwrap()
    );
    let sheet = app
        .client
        .get(app.url(&format!("/staff/sessions/{}", session.id)))
        .header("cookie", cookie.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let slot = session.slots[2].id;
    assert!(sheet.contains(&format!("href=\"/staff/book/{slot}\"")));
    let form = app
        .client
        .get(app.url(&format!("/staff/book/{slot}")))
        .header("cookie", cookie.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains(&format!("action=\"/staff/book/{slot}\"")));
    let csrf = csrf_in(&form);
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "電話 太郎"),
        ("name_kana", "でんわ たろう"),
        ("phone", "022-000-1111"),
        ("email", "phone@example.jp"),
        ("age_band", "50s"),
        ("topic", "money"),
        ("consent", "yes"),
    ];
    let res = app
        .client
        .post(app.url(&format!("/staff/book/{slot}")))
        .header("cookie", cookie.clone())
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    assert_eq!(
        app.state
            .store
            .booking_by_id(id)
            .await
            .unwrap()
            .unwrap()
            .acted_by
            .as_deref(),
        Some("事務 局")
    );
    support::eventually(10, || async {
        app.mails_to("phone@example.jp").first().cloned()
    })
    .await;
    // The public form cannot pose as staff.
    let public = app
        .client
        .post(app.url(&format!("/staff/book/{}", session.slots[3].id)))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(public.status(), 303);
    assert_eq!(public.headers()["location"], "/staff/login");
    app.stop().await;
}

#[tokio::test]
async fn the_admin_manages_accounts_and_the_series_rule_and_every_control_is_labelled() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let res = sign_in(&app, "admin@city.example.jp", "a long enough password").await;
    let cookie = format!(
        "tsunagu_staff={}",
        set_cookie(&res, "tsunagu_staff").unwrap()
    );
    let get_html = |path: String| {
        let req = app
            .client
            .get(app.url(&path))
            .header("cookie", cookie.clone());
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    let post_form = |path: &'static str, pairs: Vec<(&'static str, String)>| {
        let req = app
            .client
            .post(app.url(path))
            .header("cookie", cookie.clone())
            .form(&pairs);
        async move { req.send().await.unwrap() }
    };
    let session = app.add_session(10).await;
    for path in [
        "/staff".to_string(),
        format!("/staff/sessions/{}", session.id),
        "/staff/professionals".into(),
        "/staff/accounts".into(),
        "/staff/audit".into(),
    ] {
        assert_labelled(&get_html(path.clone()).await, &path);
    }
    assert_labelled(
        &app.get("/staff/login").await.text().await.unwrap(),
        "/staff/login",
    );
    assert_labelled(
        &app.get(&format!("/book/{}", session.slots[0].id))
            .await
            .text()
            .await
            .unwrap(),
        "/book",
    );
    assert_labelled(
        &app.get("/waitlist").await.text().await.unwrap(),
        "/waitlist",
    );

    let csrf = csrf_in(&get_html("/staff/accounts".into()).await);
    let res = post_form(
        "/staff/accounts",
        vec![
            ("csrf", csrf.clone()),
            ("email", "new@city.example.jp".into()),
            ("name", "新人 職員".into()),
            ("role", "coordinator".into()),
            ("password", "another long password".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let bad = post_form(
        "/staff/accounts",
        vec![
            ("csrf", csrf.clone()),
            ("email", "x@city.example.jp".into()),
            ("name", "X".into()),
            ("role", "coordinator".into()),
            ("password", "short".into()),
        ],
    )
    .await;
    assert_eq!(bad.status(), 422);
    assert_eq!(
        sign_in(&app, "new@city.example.jp", "another long password")
            .await
            .status(),
        303
    );
    // Closing an account stops its tokens at once.
    let coordinator_id = app
        .state
        .store
        .staff_listing()
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.email == "coord@city.example.jp")
        .unwrap()
        .id;
    let url = format!("/staff/accounts/{coordinator_id}/active");
    let req = app
        .client
        .post(app.url(&url))
        .header("cookie", cookie.clone())
        .form(&[
            ("csrf", csrf.as_str()),
            ("active", "no"),
            ("confirm", "yes"),
        ]);
    assert_eq!(req.send().await.unwrap().status(), 303);
    assert_eq!(
        get(
            &app,
            Some(&st.coordinator),
            "/api/v1/staff/roster?month=2027-01"
        )
        .await
        .status(),
        401
    );
    assert_eq!(
        get(&app, Some(&st.lawyer), "/api/v1/staff/roster?month=2027-01")
            .await
            .status(),
        200
    );

    // The series rule: first Thursdays at 19:00 from now on.
    let res = post_form(
        "/staff/series",
        vec![
            ("csrf", csrf.clone()),
            ("week_of_month", "1".into()),
            ("weekday", "thu".into()),
            ("start", "19:00".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let bad = post_form(
        "/staff/series",
        vec![
            ("csrf", csrf.clone()),
            ("week_of_month", "1".into()),
            ("weekday", "someday".into()),
            ("start", "19:00".into()),
        ],
    )
    .await;
    assert_eq!(bad.status(), 422);
    let generated: Value = post(
        &app,
        Some(&st.admin),
        "/api/v1/staff/schedule/generate",
        json!({ "months": 4 }),
    )
    .await
    .json()
    .await
    .unwrap();
    let dates: Vec<NaiveDate> = generated["created"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().parse().unwrap())
        .collect();
    assert!(!dates.is_empty());
    let firsts = dates
        .iter()
        .filter(|d| d.weekday() == chrono::Weekday::Thu && d.day() <= 7)
        .count();
    assert!(
        firsts + 1 >= dates.len(),
        "first Thursdays (one may move off a holiday): {dates:?}"
    );
    let roster = get_html("/staff".into()).await;
    assert!(roster.contains("value=\"thu\" selected"));
    app.stop().await;
}

#[tokio::test]
async fn every_staff_page_refuses_those_who_must_not_use_it() {
    let app = spawn_app().await;
    staff(&app).await;
    let session = app.add_session(10).await;
    let cookie_of = |email: &'static str| {
        let app = &app;
        async move {
            let res = sign_in(app, email, "a long enough password").await;
            format!(
                "tsunagu_staff={}",
                set_cookie(&res, "tsunagu_staff").unwrap()
            )
        }
    };
    let lawyer = cookie_of("lawyer@city.example.jp").await;
    let coordinator = cookie_of("coord@city.example.jp").await;
    let admin = cookie_of("admin@city.example.jp").await;
    let id = session.id;
    let slot = session.slots[5].id;
    let entry = app.state.store.directory_now().await.unwrap().entries[0]
        .id
        .clone();
    // (method, path, who may): S = any staff, M = admin + coordinator, A = admin only.
    let pages: Vec<(&str, String, &str)> = vec![
        ("GET", "/staff".into(), "S"),
        ("GET", format!("/staff/sessions/{id}"), "M"),
        (
            "GET",
            "/staff/export.csv?from=2020-01-01&to=2040-01-01".into(),
            "M",
        ),
        ("GET", "/staff/professionals".into(), "M"),
        ("GET", format!("/staff/book/{slot}"), "M"),
        ("GET", "/staff/audit".into(), "A"),
        ("GET", "/staff/accounts".into(), "A"),
        ("POST", format!("/staff/sessions/{id}/assign"), "M"),
        ("POST", format!("/staff/sessions/{id}/move"), "M"),
        ("POST", format!("/staff/sessions/{id}/cancel"), "M"),
        ("POST", "/staff/sessions".into(), "M"),
        ("POST", "/staff/schedule/generate".into(), "M"),
        ("POST", "/staff/series".into(), "M"),
        ("POST", "/staff/professionals".into(), "M"),
        ("POST", "/staff/professionals/1/active".into(), "M"),
        ("POST", "/staff/bookings/1/attendance".into(), "M"),
        ("POST", format!("/staff/book/{slot}"), "M"),
        ("POST", "/staff/accounts".into(), "A"),
        ("POST", "/staff/accounts/1/active".into(), "A"),
        ("GET", "/staff/health".into(), "M"),
        ("GET", "/staff/health/blocks".into(), "M"),
        ("GET", "/staff/health/schedule".into(), "M"),
        ("GET", "/staff/health/roster".into(), "S"),
        ("GET", "/staff/health/figures".into(), "M"),
        ("POST", "/staff/health/requests/1/move".into(), "M"),
        ("POST", "/staff/health/blocks".into(), "M"),
        ("POST", "/staff/health/schedule/confirm".into(), "M"),
        ("POST", "/staff/health/interviews/1/attendance".into(), "M"),
        ("GET", "/staff/directory".into(), "M"),
        ("GET", "/staff/directory?stale=1".into(), "M"),
        ("GET", "/staff/directory/new".into(), "M"),
        ("GET", format!("/staff/directory/{entry}"), "M"),
        ("POST", "/staff/directory".into(), "M"),
        ("POST", format!("/staff/directory/{entry}"), "M"),
        ("POST", format!("/staff/directory/{entry}/confirm"), "M"),
    ];
    for (method, path, who) in &pages {
        let call = |cookie: Option<&str>| {
            let mut req = if *method == "GET" {
                app.client.get(app.url(path))
            } else {
                app.client.post(app.url(path)).form(&[("csrf", "x")])
            };
            if let Some(c) = cookie {
                req = req.header("cookie", c.to_string());
            }
            async move { req.send().await.unwrap() }
        };
        let none = call(None).await;
        assert_eq!(none.status(), 303, "{method} {path} without a sign-in");
        assert_eq!(none.headers()["location"], "/staff/login");
        let as_lawyer = call(Some(&lawyer)).await.status().as_u16();
        if *who == "S" {
            assert_eq!(as_lawyer, 200, "{path}");
        } else {
            assert_eq!(as_lawyer, 403, "{method} {path}: a professional may not");
        }
        let as_coordinator = call(Some(&coordinator)).await.status().as_u16();
        if *who == "A" {
            assert_eq!(as_coordinator, 403, "{method} {path}: only an admin");
        } else if *method == "POST" {
            assert_eq!(
                as_coordinator, 403,
                "{method} {path}: a forged form (wrong CSRF token) is refused"
            );
        } else {
            assert_eq!(as_coordinator, 200, "{path}");
        }
        let as_admin = call(Some(&admin)).await.status().as_u16();
        if *method == "GET" {
            assert_eq!(as_admin, 200, "{path}");
        } else {
            assert_eq!(
                as_admin, 403,
                "{method} {path}: a forged form is refused even for an admin"
            );
        }
    }
    app.stop().await;
}

/// A write to the staff API on a sign-in cookie alone (as another site
/// could make the member's browser send) is refused; with the sign-in's
/// CSRF token it goes through; reads and bearer tokens are as before.
#[tokio::test]
async fn a_cookie_alone_cannot_write_through_the_staff_api() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "csrf@example.jp", "090-3333-1111")
        .await;
    app.book_as(session.slots[1].id, "csrf2@example.jp", "090-3333-2222")
        .await;
    let bookings = app.state.store.session_bookings(session.id).await.unwrap();
    let cookie = support::staff::cookie_for(&app, "coord@city.example.jp").await;
    let html = support::staff::page(&app, &cookie, "/staff")
        .await
        .text()
        .await
        .unwrap();
    let csrf = csrf_in(&html);
    let cancel = |id: i64| app.url(&format!("/api/v1/staff/bookings/{id}/cancel"));
    let res = app
        .client
        .post(cancel(bookings[0].id))
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "a cookie alone");
    let res = app
        .client
        .post(cancel(bookings[0].id))
        .header("cookie", &cookie)
        .header("x-csrf-token", "0".repeat(48))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "a wrong token");
    assert_eq!(
        app.state
            .store
            .session_bookings(session.id)
            .await
            .unwrap()
            .len(),
        2,
        "nothing was cancelled"
    );
    let res = app
        .client
        .post(cancel(bookings[0].id))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    // A read on the cookie, and a write with a bearer token, need none.
    let res = app
        .client
        .get(app.url("/api/v1/staff/roster"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_ne!(res.status(), 403);
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{}/cancel", bookings[1].id),
        json!({}),
    )
    .await;
    assert_eq!(res.status(), 200);
    app.stop().await;
}
