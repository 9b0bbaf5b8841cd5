//! The office's evening screens as staff meet them: attendance only once the
//! evening has started, an export that sorts, an audit log in words,
//! confirmation before destructive steps, warnings for unusual days, a
//! message after every step, phone-only callers and the screens each role sees.

mod support;

use serde_json::{json, Value};
use support::staff::{app_on_clock, cookie_for, csrf_in, page, post, send_form, staff};

#[tokio::test]
async fn attendance_waits_until_the_evening_has_started() {
    let (app, clock) = app_on_clock().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "a@example.jp", "090-1500-0001")
        .await;
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let path = format!("/api/v1/staff/bookings/{id}/attendance");

    let early = post(
        &app,
        Some(&st.coordinator),
        &path,
        json!({"status": "attended"}),
    )
    .await;
    assert_eq!(early.status(), 409);
    let body: Value = early.json().await.unwrap();
    assert_eq!(body["error"], "attendance_too_early");
    assert!(body["message"].as_str().unwrap().contains("始まってから"));

    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let sheet_path = format!("/staff/sessions/{}", session.id);
    let sheet = page(&app, &cookie, &sheet_path).await.text().await.unwrap();
    assert!(!sheet.contains(&format!("/staff/bookings/{id}/attendance")));
    assert!(sheet.contains("相談会の開始後に記録できます"));
    let csrf = csrf_in(&sheet);
    let form = send_form(
        &app,
        &cookie,
        &format!("/staff/bookings/{id}/attendance"),
        &[("csrf", &csrf), ("status", "attended")],
    )
    .await;
    assert_eq!(form.status(), 409);
    assert!(form.text().await.unwrap().contains("始まってから"));
    let record = app.state.store.day_sheet(session.id).await.unwrap();
    assert!(
        record.iter().all(|l| l.attendance.is_none()),
        "nothing kept"
    );

    // The evening starts: now it is recorded.
    clock.set(session.starts_at);
    let on_time = post(
        &app,
        Some(&st.coordinator),
        &path,
        json!({"status": "attended"}),
    )
    .await;
    assert_eq!(on_time.status(), 200);
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let sheet = page(&app, &cookie, &sheet_path).await.text().await.unwrap();
    assert!(sheet.contains(&format!("/staff/bookings/{id}/attendance")));
    app.stop().await;
}

#[tokio::test]
async fn the_export_sorts_in_a_spreadsheet_and_refuses_a_reversed_period() {
    let app = support::spawn_app().await;
    staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "b@example.jp", "090-1500-0002")
        .await;
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let csv = page(
        &app,
        &cookie,
        "/staff/export.csv?from=2020-01-01&to=2040-01-01",
    )
    .await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("予約番号,日付,開始時刻,日時,相談員"));
    let start = tsunagu::domain::time::to_jst(session.starts_at);
    let row = lines.next().unwrap();
    assert!(
        row.contains(&format!(
            "\"{}\",\"{}\"",
            start.format("%Y-%m-%d"),
            start.format("%H:%M")
        )),
        "{row}"
    );

    let reversed = page(
        &app,
        &cookie,
        "/staff/export.csv?from=2040-01-01&to=2020-01-01",
    )
    .await;
    assert_eq!(reversed.status(), 422);
    let html = reversed.text().await.unwrap();
    assert!(html.contains("終了日は、開始日より後の日付にしてください。"));
    assert!(html.contains("value=\"2040-01-01\"") && html.contains("value=\"2020-01-01\""));
    let unreadable = page(
        &app,
        &cookie,
        "/staff/export.csv?from=someday&to=2020-01-01",
    )
    .await;
    assert_eq!(unreadable.status(), 422);
    assert!(unreadable.text().await.unwrap().contains("2027-01-13"));
    app.stop().await;
}

#[tokio::test]
async fn the_audit_log_reads_in_words_and_searches_percent_and_underscore_as_they_are() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let member = tsunagu::store::StaffMember {
        id: None,
        name: "事務 局".into(),
        role: tsunagu::domain::staff::Role::Coordinator,
        professional_id: None,
    };
    for (action, subject) in [
        ("book_for_caller", "booking 1"),
        ("export", "rate 100%"),
        ("export", "a_c"),
        ("export", "abc"),
    ] {
        app.state.audit(&member, action, subject, "").await.unwrap();
    }
    let subjects = |q: &'static str| {
        let app = &app;
        let token = st.admin.clone();
        async move {
            let found: Value =
                support::staff::get(app, Some(&token), &format!("/api/v1/staff/audit?q={q}"))
                    .await
                    .json()
                    .await
                    .unwrap();
            found
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["action"] != "sign_in")
                .map(|e| e["subject"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(subjects("%25").await, ["rate 100%"], "% is a percent sign");
    assert_eq!(subjects("a_c").await, ["a_c"], "_ is an underscore");
    assert_eq!(subjects("book_for").await, ["booking 1"]);

    let api: Value = support::staff::get(&app, Some(&st.admin), "/api/v1/staff/audit?q=booking")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api[0]["action"], "book_for_caller");
    assert_eq!(api[0]["action_label"], "電話予約を入力");
    let cookie = cookie_for(&app, "admin@city.example.jp").await;
    let html = page(&app, &cookie, "/staff/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<td>電話予約を入力</td>"), "{html}");
    assert!(html.contains("<td>ログイン</td>"));
    assert!(!html.contains("book_for_caller"));
    app.stop().await;
}
