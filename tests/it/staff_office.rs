//! The office's evening screens as staff meet them: attendance only once the
//! evening has started, an export that sorts, an audit log in words,
//! confirmation before destructive steps, warnings for unusual days, a
//! message after every step, phone-only callers and the screens each role sees.

use crate::support;

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

/// Where a redirect goes, and the page there as the member sees it.
async fn follow(app: &support::TestApp, cookie: &str, res: reqwest::Response) -> (String, String) {
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    let html = page(app, cookie, &to).await.text().await.unwrap();
    (to, html)
}

#[tokio::test]
async fn destructive_steps_ask_first_and_a_cancelled_evening_offers_only_restoring_it() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "c1@example.jp", "090-1500-0003")
        .await;
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let sheet_path = format!("/staff/sessions/{}", session.id);
    let csrf = csrf_in(&page(&app, &cookie, &sheet_path).await.text().await.unwrap());
    let cancel = format!("/staff/sessions/{}/cancel", session.id);

    // Asked first: nothing changes, the page says what would happen.
    let asked = send_form(&app, &cookie, &cancel, &[("csrf", &csrf)]).await;
    assert_eq!(asked.status(), 200);
    let html = asked.text().await.unwrap();
    assert!(html.contains("中止しますか") && html.contains("予約している1人"));
    assert!(html.contains("name=\"confirm\" value=\"yes\""));
    let still = app
        .state
        .store
        .roster_session(session.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still.status, "scheduled");
    assert_eq!(still.lawyers_booked, 1);

    // Confirmed: cancelled, said so, and the sheet offers nothing but restoring it.
    let done = send_form(
        &app,
        &cookie,
        &cancel,
        &[("csrf", &csrf), ("confirm", "yes")],
    )
    .await;
    let (to, html) = follow(&app, &cookie, done).await;
    assert_eq!(to, format!("{sheet_path}?done=cancelled"));
    assert!(html.contains("この相談会を中止しました。予約している方には"));
    assert!(html.contains("当日名簿（中止）"));
    assert!(!html.contains("/staff/book/"), "no phone-booking links");
    assert!(
        !html.contains("/cancel\"") && !html.contains("/assign\"") && !html.contains("/move\"")
    );
    assert!(html.contains(&format!(
        "action=\"/staff/sessions/{}/restore\"",
        session.id
    )));
    let restored = send_form(
        &app,
        &cookie,
        &format!("/staff/sessions/{}/restore", session.id),
        &[("csrf", &csrf)],
    )
    .await;
    let (_, html) = follow(&app, &cookie, restored).await;
    assert!(html.contains("中止を取り消しました"));
    assert!(html.contains("/staff/book/"), "bookable again");
    let listed: Value = app.get_json("/api/v1/evening-sessions").await;
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == session.id));
    let again = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}/restore", session.id),
        json!({}),
    )
    .await;
    assert_eq!(again.status(), 409);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "session_not_restorable"
    );

    // A booking: asked first, then cancelled.
    app.book_as(session.slots[1].id, "c2@example.jp", "090-1500-0004")
        .await;
    let booking = *app
        .state
        .store
        .all_booking_ids()
        .await
        .unwrap()
        .iter()
        .max()
        .unwrap();
    let cancel = format!("/staff/bookings/{booking}/cancel");
    let asked = send_form(&app, &cookie, &cancel, &[("csrf", &csrf)]).await;
    assert_eq!(asked.status(), 200);
    let html = asked.text().await.unwrap();
    assert!(html.contains("この予約を取り消しますか") && html.contains("仙台 花子さんの予約"));
    let record = app
        .state
        .store
        .booking_by_id(booking)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.status, "confirmed");
    let done = send_form(
        &app,
        &cookie,
        &cancel,
        &[("csrf", &csrf), ("confirm", "yes")],
    )
    .await;
    let (_, html) = follow(&app, &cookie, done).await;
    assert!(html.contains("予約を取り消しました。"));
    let record = app
        .state
        .store
        .booking_by_id(booking)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.status, "cancelled");

    // An account: asked first; its token works until it is confirmed.
    let admin = cookie_for(&app, "admin@city.example.jp").await;
    let accounts = page(&app, &admin, "/staff/accounts")
        .await
        .text()
        .await
        .unwrap();
    let admin_csrf = csrf_in(&accounts);
    let coordinator = app
        .state
        .store
        .staff_listing()
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.email == "coord@city.example.jp")
        .unwrap()
        .id;
    let close = format!("/staff/accounts/{coordinator}/active");
    let asked = send_form(
        &app,
        &admin,
        &close,
        &[("csrf", &admin_csrf), ("active", "no")],
    )
    .await;
    assert_eq!(asked.status(), 200);
    assert!(asked
        .text()
        .await
        .unwrap()
        .contains("このアカウントを停止しますか"));
    let month = support::staff::month_of(&session);
    let roster = format!("/api/v1/staff/roster?month={month}");
    assert_eq!(
        support::staff::get(&app, Some(&st.coordinator), &roster)
            .await
            .status(),
        200
    );
    let done = send_form(
        &app,
        &admin,
        &close,
        &[("csrf", &admin_csrf), ("active", "no"), ("confirm", "yes")],
    )
    .await;
    let (_, html) = follow(&app, &admin, done).await;
    assert!(html.contains("アカウントを停止しました"));
    assert_eq!(
        support::staff::get(&app, Some(&st.coordinator), &roster)
            .await
            .status(),
        401
    );
    app.stop().await;
}

/// The first day after `today` for which `pick` holds.
fn next_day(pick: impl Fn(chrono::NaiveDate) -> bool) -> chrono::NaiveDate {
    let today = tsunagu::domain::time::jst_today(chrono::Utc::now());
    (1..800)
        .map(|n| today + chrono::Duration::days(n))
        .find(|d| pick(*d))
        .unwrap()
}

#[tokio::test]
async fn evenings_on_weekends_holidays_and_closure_days_need_a_second_confirmation() {
    use chrono::Datelike;
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let closures = app.state.settings.series.to_series().unwrap().closures;
    let sunday = next_day(|d| d.weekday() == chrono::Weekday::Sun);
    let closed = next_day(|d| d.month() == 12 && d.day() == 30);
    let holiday = next_day(|d| {
        tsunagu::domain::holidays::is_holiday(d)
            && d.weekday().num_days_from_monday() < 5
            && !closures.is_closed(d)
    });
    for (day, reason) in [
        (sunday, "weekend"),
        (closed, "closure"),
        (holiday, "holiday"),
    ] {
        let body = json!({ "date": day.to_string() });
        let refused = post(&app, Some(&st.coordinator), "/api/v1/staff/sessions", body).await;
        assert_eq!(refused.status(), 409, "{day}");
        let answer: Value = refused.json().await.unwrap();
        assert_eq!(answer["error"], "unusual_day");
        assert!(
            answer["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!(reason)),
            "{answer}"
        );
        assert!(answer["message"]
            .as_str()
            .unwrap()
            .contains("confirm_unusual_day"));
    }
    let listed: Value = app.get_json("/api/v1/evening-sessions").await;
    assert!(listed.as_array().unwrap().is_empty(), "nothing went public");
    let confirmed = post(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/sessions",
        json!({ "date": closed.to_string(), "confirm_unusual_day": true }),
    )
    .await;
    assert_eq!(confirmed.status(), 201);

    // The page asks again, keeping what was typed.
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let csrf = csrf_in(&page(&app, &cookie, "/staff").await.text().await.unwrap());
    let day = sunday.to_string();
    let fields = [
        ("csrf", csrf.as_str()),
        ("date", day.as_str()),
        ("start", "18:00"),
    ];
    let asked = send_form(&app, &cookie, "/staff/sessions", &fields).await;
    assert_eq!(asked.status(), 200);
    let html = asked.text().await.unwrap();
    assert!(html.contains("日曜日です"), "{html}");
    assert!(html.contains(&format!("name=\"date\" value=\"{day}\"")));
    assert_eq!(
        app.get_json("/api/v1/evening-sessions")
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let mut again = fields.to_vec();
    again.push(("confirm", "yes"));
    let done = send_form(&app, &cookie, "/staff/sessions", &again).await;
    let (to, html) = follow(&app, &cookie, done).await;
    assert!(to.ends_with("?done=added"));
    assert!(html.contains("相談会を追加しました。"));
    assert_eq!(
        app.get_json("/api/v1/evening-sessions")
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );
    app.stop().await;
}

#[tokio::test]
async fn every_staff_step_is_followed_by_a_message() {
    let app = support::spawn_app().await;
    staff(&app).await;
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let csrf = csrf_in(&page(&app, &cookie, "/staff").await.text().await.unwrap());
    // (where the form goes, its fields, the message that follows)
    type Step = (
        &'static str,
        Vec<(&'static str, &'static str)>,
        &'static str,
    );
    let steps: [Step; 4] = [
        (
            "/staff/professionals",
            vec![("name", "心理 花子"), ("profession", "psychologist")],
            "相談員を名簿に追加しました。",
        ),
        (
            "/staff/schedule/generate",
            vec![("months", "1")],
            "定例の相談会を作成しました",
        ),
        (
            "/staff/series",
            vec![
                ("week_of_month", "2"),
                ("weekday", "wed"),
                ("start", "18:30"),
            ],
            "開催ルールを保存しました。",
        ),
        (
            "/staff/professionals/1/active",
            vec![("active", "no")],
            "相談員を休止にしました。",
        ),
    ];
    for (path, fields, words) in steps {
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(fields);
        let res = send_form(&app, &cookie, path, &form).await;
        let (_, html) = follow(&app, &cookie, res).await;
        assert!(html.contains(words), "{path}: {html}");
        assert!(html.contains("role=\"status\""));
    }
    // Only known codes become words: nothing typed is shown back.
    let odd = page(&app, &cookie, "/staff?done=%3Cscript%3E")
        .await
        .text()
        .await
        .unwrap();
    assert!(!odd.contains("role=\"status\"") && !odd.contains("<script>"));
    app.stop().await;
}

#[tokio::test]
async fn each_role_starts_where_its_work_is_and_refusals_keep_the_staff_frame() {
    let (app, clock) = app_on_clock().await;
    let st = staff(&app).await;
    let doctor = app
        .state
        .store
        .create_professional(
            "医師 一郎",
            "doctor",
            "仙台市医師会",
            "",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    tsunagu::service::staff::add(
        &app.state,
        "doctor@city.example.jp",
        "医師 一郎",
        tsunagu::domain::staff::Role::Professional,
        Some(doctor),
        "a long enough password",
    )
    .await
    .unwrap();
    let signed =
        support::staff::sign_in(&app, "doctor@city.example.jp", "a long enough password").await;
    assert_eq!(signed.headers()["location"], "/staff/health/roster");
    let cookie = cookie_for(&app, "doctor@city.example.jp").await;
    let evenings = page(&app, &cookie, "/staff?month=2027-01").await;
    assert_eq!(evenings.status(), 303);
    assert_eq!(
        evenings.headers()["location"],
        "/staff/health/roster?month=2027-01"
    );
    let signed =
        support::staff::sign_in(&app, "lawyer@city.example.jp", "a long enough password").await;
    assert_eq!(signed.headers()["location"], "/staff");

    // The health centre's links are for the office, not for a lawyer.
    let lawyer = cookie_for(&app, "lawyer@city.example.jp").await;
    let roster = page(&app, &lawyer, "/staff").await.text().await.unwrap();
    assert!(!roster.contains("/staff/health"), "{roster}");
    let office = cookie_for(&app, "coord@city.example.jp").await;
    let roster = page(&app, &office, "/staff").await.text().await.unwrap();
    assert!(roster.contains("href=\"/staff/health\""));

    // A refusal in the staff's frame, leading back to their start.
    let refused = page(&app, &lawyer, "/staff/professionals").await;
    assert_eq!(refused.status(), 403);
    let html = refused.text().await.unwrap();
    assert!(html.contains("<body class=\"staff\">") && html.contains("この操作はできません"));
    assert!(
        html.contains("法 律子（") && html.contains("ログアウト"),
        "the frame names who is signed in: {html}"
    );
    assert!(html.contains("href=\"/staff\""));

    // Printed, the day sheet shows the attendance as words, not the form.
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "p@example.jp", "090-1500-0009")
        .await;
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    clock.set(session.starts_at);
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{id}/attendance"),
        json!({"status": "attended", "note": "時間どおり"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let office = cookie_for(&app, "coord@city.example.jp").await;
    let sheet = page(&app, &office, &format!("/staff/sessions/{}", session.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        sheet.contains("<span class=\"print-only\">来所 時間どおり</span>"),
        "{sheet}"
    );
    assert!(sheet.contains("<td class=\"nowrap\">初回</td>"));
    let css = app.get("/static/style.css").await.text().await.unwrap();
    // The day sheet's print rules (the leaflet has its own).
    assert!(css.split("@media print").skip(1).any(|print| {
        print.contains("form.attendance") && print.contains(".print-only { display: inline; }")
    }));
    app.stop().await;
}

#[tokio::test]
async fn a_caller_without_email_is_booked_by_phone_and_called_instead_of_mailed() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let session = app.add_session(10).await;
    let mut body = support::booking_body(session.slots[0].id);
    body["email"] = json!("");
    // On the public form an address is required.
    let public = app.post_booking(&body).await;
    assert_eq!(public.status(), 422);
    assert!(public.json::<Value>().await.unwrap()["fields"]["email"].is_string());
    // Staff taking the call may leave it out.
    let by_api = post(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/evening-bookings",
        body,
    )
    .await;
    assert_eq!(by_api.status(), 201);
    let first = by_api.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();

    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let slot = session.slots[1].id;
    let form = page(&app, &cookie, &format!("/staff/book/{slot}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains("電話で口頭により同意を得た"),
        "the staff's consent, not the public one"
    );
    assert!(form.contains("メールアドレスを空欄に"));
    // The address is marked optional there, and the browser does not require it.
    let email = &form[form.find("<label for=\"email\">").unwrap()..];
    let input = email.find("<input").unwrap();
    let email = &email[..input + email[input..].find('>').unwrap()];
    assert!(
        email.contains("class=\"opt\"") && !email.contains("class=\"req\""),
        "{email}"
    );
    assert!(!email.contains(" required"), "{email}");
    let csrf = csrf_in(&form);
    let fields = [
        ("csrf", csrf.as_str()),
        ("name", "電話 次郎"),
        ("name_kana", "でんわ じろう"),
        ("phone", "022-000-2222"),
        ("email", ""),
        ("age_band", "60s"),
        ("topic", "money"),
        ("consent", "yes"),
    ];
    let res = send_form(&app, &cookie, &format!("/staff/book/{slot}"), &fields).await;
    let (to, sheet) = follow(&app, &cookie, res).await;
    assert!(to.ends_with("?done=booked_phone_only"), "{to}");
    assert!(sheet.contains("メールはお送りしません"));
    let second = *app
        .state
        .store
        .all_booking_ids()
        .await
        .unwrap()
        .iter()
        .max()
        .unwrap();

    // No mail is queued for either; the day sheet marks them and lists the calls.
    for id in [first, second] {
        assert!(
            app.state
                .store
                .mail_for_booking(id)
                .await
                .unwrap()
                .is_empty(),
            "{id}"
        );
    }
    assert_eq!(
        sheet.matches("<strong>電話連絡</strong>").count(),
        2,
        "{sheet}"
    );
    let calls_path = format!("/staff/sessions/{}/calls", session.id);
    assert!(sheet.contains(&format!("href=\"{calls_path}\"")));
    let calls = page(&app, &cookie, &calls_path).await.text().await.unwrap();
    assert!(calls.contains("電話 次郎") && calls.contains("022-000-2222"));
    assert!(calls.contains("仙台 花子") && calls.contains("3日前"));
    let call_day = tsunagu::i18n::dates::format_date(
        tsunagu::domain::time::to_jst(session.starts_at).date_naive() - chrono::Duration::days(3),
        tsunagu::domain::Lang::Ja,
    );
    assert!(calls.contains(&call_day), "{calls}");
    // The month's roster leads to the call list too.
    let roster = page(
        &app,
        &cookie,
        &format!("/staff?month={}", support::staff::month_of(&session)),
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(
        roster.contains(&format!("href=\"{calls_path}\">電話連絡の一覧（2人）")),
        "{roster}"
    );

    // The consent is recorded as given orally.
    let audit: Value = support::staff::get(&app, Some(&st.admin), "/api/v1/staff/audit?q=booking")
        .await
        .json()
        .await
        .unwrap();
    let booked: Vec<&Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "book_for_caller")
        .collect();
    assert_eq!(booked.len(), 2);
    // As codes, which the audit log shows in the reader's words.
    let details: Vec<&str> = booked
        .iter()
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert_eq!(details, ["consent=oral phone_only"; 2]);
    let admin = cookie_for(&app, "admin@city.example.jp").await;
    let log = |lang: &'static str| {
        let (app, admin) = (&app, &admin);
        async move {
            let path = format!("/staff/audit?q=booking&lang={lang}");
            page(app, admin, &path).await.text().await.unwrap()
        }
    };
    let ja = log("ja").await;
    assert_eq!(ja.matches("同意：電話で口頭により同意を得た").count(), 2);
    assert_eq!(ja.matches("電話連絡（メールなし）").count(), 2);
    let en = log("en").await;
    assert_eq!(en.matches("Consent: given orally by phone").count(), 2);
    assert_eq!(en.matches("Reached by phone (no email)").count(), 2);
    assert!(!en.contains("consent=oral"), "{en}");
    app.stop().await;
}
