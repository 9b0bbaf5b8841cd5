//! What a hostile (or careless) client sends: control characters and
//! invisible characters in text, forms that are not UTF-8, JSON with a key
//! twice or under another media type, paths that look like another site.
//! Each is refused with a clear answer, never stored, never a 500.

use crate::support;

use serde_json::{json, Value};
use support::{booking_body, spawn_app, spawn_app_with, staff_token, TestApp};
use tsunagu::domain::staff::Role;

fn health_body() -> Value {
    json!({
        "business_name": "株式会社 青葉製作所",
        "address": "宮城県仙台市青葉区一番町１－２－３",
        "workers": "１２",
        "industry": "製造業",
        "contact_name": "総務 花子",
        "phone": "022-221-6870",
        "email": "soumu@aoba.example.jp",
        "services": [{"kind": "consultation", "workers": 2}],
        "preferred": {"weekdays": [], "time": "any", "note": ""},
        "place": "centre",
        "consent": true
    })
}

/// A 422 naming `field`, with a message in words.
async fn refused(res: reqwest::Response, field: &str) -> String {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 422, "{body}");
    let message = body["fields"][field]
        .as_str()
        .unwrap_or_else(|| panic!("no message for {field}: {body}"));
    assert!(!message.is_empty());
    message.to_string()
}

#[tokio::test]
async fn control_characters_are_refused_in_every_text_field() {
    let app = spawn_app().await;
    // The health request's note: NUL, ESC, BEL and DEL (a NUL was a 500 on PostgreSQL).
    for bad in ["a\u{0}b", "a\u{1b}[31mb", "a\u{7}b", "a\u{7f}b"] {
        let mut body = health_body();
        body["preferred"]["note"] = json!(bad);
        let message = refused(
            app.post_json("/api/v1/health-requests", &body).await,
            "preferred.note",
        )
        .await;
        assert!(message.contains("文字"), "{message}");
    }
    // Line breaks stay allowed in a note of several lines, and only there.
    let mut body = health_body();
    body["preferred"]["note"] = json!("月末は\r\n避けてください");
    assert_eq!(
        app.post_json("/api/v1/health-requests", &body)
            .await
            .status(),
        201
    );
    let mut body = health_body();
    body["business_name"] = json!("株式会社\n青葉");
    body["email"] = json!("other@aoba.example.jp");
    refused(
        app.post_json("/api/v1/health-requests", &body).await,
        "business_name",
    )
    .await;
    let session = app.add_session(10).await;
    for (field, bad) in [
        ("name", "仙台\u{0}太郎"),
        ("note", "よろしく\u{1b}"),
        ("email", "taro\u{7}@example.jp"),
    ] {
        let mut body = booking_body(session.slots[0].id);
        body[field] = json!(bad);
        refused(app.post_booking(&body).await, field).await;
    }
    assert!(app.state.store.all_booking_ids().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn invisible_characters_are_refused_in_names_everywhere() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let tricks = [
        "仙台\u{202E}郎太",
        "仙台\u{200B}太郎",
        "\u{FEFF}仙台 太郎",
        "仙台\u{2066}太郎",
    ];
    // The booking API.
    for bad in tricks {
        let mut body = booking_body(session.slots[0].id);
        body["name"] = json!(bad);
        let message = refused(app.post_booking(&body).await, "name").await;
        assert!(message.contains("見えない文字"), "{message}");
    }
    // The booking form: the form again, the field's message beside it.
    let res = app
        .post_form(
            &format!("/book/{}", session.slots[0].id),
            &[
                ("name", tricks[0]),
                ("name_kana", "せんだい たろう"),
                ("phone", "022-221-6870"),
                ("email", "taro@example.jp"),
                ("age_band", "40s"),
                ("topic", "money"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("name-error"), "{html}");
    assert!(html.contains("目に見えない文字"));
    // The waitlist.
    let res = app
        .post_json(
            "/api/v1/evening-waitlist",
            &json!({
                "session_id": session.id, "profession": "psychologist", "name": tricks[1],
                "name_kana": "タイキ", "phone": "09011113333", "email": "w2@example.jp", "consent": true
            }),
        )
        .await;
    refused(res, "name").await;
    // The health request: the business and the contact person.
    for field in ["business_name", "contact_name"] {
        let mut body = health_body();
        body[field] = json!(tricks[2]);
        refused(app.post_json("/api/v1/health-requests", &body).await, field).await;
    }
    // Staff: a professional's name and organisation, an attendance note.
    let token = staff_token(
        &app,
        "c@city.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
    )
    .await;
    let post = |path: &str, body: Value| {
        app.client
            .post(app.url(path))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let res = post(
        "/api/v1/staff/professionals",
        json!({"name": tricks[1], "profession": "lawyer"}),
    )
    .await
    .unwrap();
    refused(res, "name").await;
    let res = post(
        "/api/v1/staff/professionals",
        json!({"name": "法 律子", "profession": "lawyer", "organisation": "仙台\u{202E}弁護士会"}),
    )
    .await
    .unwrap();
    refused(res, "organisation").await;
    let booked = app
        .book_as(session.slots[1].id, "b@example.jp", "09022223333")
        .await;
    assert!(!booked.is_empty());
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let res = post(
        &format!("/api/v1/staff/bookings/{id}/attendance"),
        json!({"status": "attended", "note": "来所\u{0}"}),
    )
    .await
    .unwrap();
    refused(res, "note").await;
    // Nothing of it was stored.
    let professionals = app.state.store.professionals().await.unwrap();
    assert!(professionals.is_empty(), "{professionals:?}");
    assert!(app
        .state
        .store
        .health_requests_open()
        .await
        .unwrap()
        .is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_form_that_is_not_utf8_is_refused_not_repaired() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let body = "name=%FF%FE&name_kana=%E3%82%BB%E3%83%B3%E3%83%80%E3%82%A4&phone=022-221-6870\
                &email=taro%40example.jp&age_band=40s&topic=money&consent=yes";
    let res = app
        .client
        .post(app.url(&format!("/book/{}", session.slots[0].id)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let html = res.text().await.unwrap();
    assert!(html.contains("読み取れない文字"), "{html}");
    assert!(!html.contains('\u{FFFD}'));
    assert!(app.state.store.all_booking_ids().await.unwrap().is_empty());
    // The same form in UTF-8 is booked.
    let res = app
        .client
        .post(app.url(&format!("/book/{}", session.slots[0].id)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.replace("%FF%FE", "%E4%BB%99%E5%8F%B0+%E5%A4%AA%E9%83%8E"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    app.stop().await;
}

async fn raw_json(app: &TestApp, content_type: &str, body: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/evening-bookings"))
        .header("content-type", content_type)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn json_with_a_key_twice_or_another_media_type_is_refused() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let good = booking_body(session.slots[0].id).to_string();
    let twice = good.replacen('{', "{\"name\": \"別人\", ", 1);
    let res = raw_json(&app, "application/json", &twice).await;
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
    assert!(
        body["detail"].as_str().unwrap().contains("\"name\""),
        "{body}"
    );
    for other in [
        "application/jsonx-evil",
        "application/json-patch+json",
        "text/plain",
        "application/x-www-form-urlencoded",
    ] {
        let res = raw_json(&app, other, &good).await;
        assert_eq!(res.status(), 415, "{other}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"], "unsupported_media_type");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    assert!(app.state.store.all_booking_ids().await.unwrap().is_empty());
    let res = raw_json(&app, "Application/JSON; charset=utf-8", &good).await;
    assert_eq!(res.status(), 201);
    app.stop().await;
}

#[tokio::test]
async fn links_on_a_404_page_are_this_sites_own() {
    let app = spawn_app().await;
    for path in [
        "//evil.example",
        "//evil.example?lang=ja",
        "/\\evil.example",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        let html = res.text().await.unwrap();
        assert!(!html.contains("evil.example"), "{path}: {html}");
        assert!(html.contains("href=\"/?lang=en\""), "{path}: {html}");
    }
    app.stop().await;
}

#[tokio::test]
async fn every_page_error_pages_included_shows_the_directorys_crisis_lines() {
    let app = spawn_app_with(|s| {
        s.office.phone = "022-000-1111".into();
    })
    .await;
    // Staff change a crisis line's number: every page shows the new one.
    let directory = app.state.store.directory_now().await.unwrap();
    let mut line = directory
        .crisis_lines()
        .find(|e| e.phones.iter().any(|p| p.number == "022-718-4343"))
        .expect("a crisis line with that number")
        .clone();
    line.phones[0].number = "0120-000-222".into();
    app.state
        .store
        .save_directory_service(&line, chrono::Utc::now())
        .await
        .unwrap();
    let session = app.add_session(10).await;
    let pages = [
        ("/".to_string(), 200),
        (format!("/book/{}", session.slots[0].id), 200),
        (format!("/waitlist?session_id={}", session.id), 200),
        ("/health".to_string(), 200),
        ("/no-such-page".to_string(), 404),
        ("/manage/not-a-token".to_string(), 404),
    ];
    for (path, status) in pages {
        for lang in ["ja", "en"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            let res = app.get(&format!("{path}{sep}lang={lang}")).await;
            assert_eq!(res.status(), status, "{path}");
            let html = res.text().await.unwrap();
            assert!(html.contains("0120-000-222"), "{path}: the line as changed");
            assert!(!html.contains("022-718-4343"), "{path}: the line as it was");
            // Near the top, before the page's own content, a line leads to the list.
            let line = html.find("class=\"urgent-line\"").expect(&path);
            let main = html.find("<main").unwrap();
            assert!(line < main, "{path}: the line is near the top");
            assert!(html[line..].contains("href=\"#urgent\""));
            let list = html.find("id=\"urgent\"").unwrap();
            assert!(list > main, "{path}: the list at the foot");
            if lang == "ja" {
                assert!(html.contains("今すぐ誰かと話したいときは"), "{path}");
            }
            if !path.starts_with("/health") {
                assert!(
                    html.contains("022-000-1111"),
                    "{path}: the configured office"
                );
            }
        }
    }
    app.stop().await;
}
