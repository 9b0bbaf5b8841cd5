//! Staff changes to the schedule: a one-off evening, moving and cancelling
//! an evening (everyone booked is told), generating months ahead.

use crate::support;

use chrono::Duration;
use serde_json::{json, Value};
use support::spawn_app_with;
use tsunagu::config::Secret;

async fn app() -> support::TestApp {
    spawn_app_with(|s| s.staff.api_token = Secret::new("office-token")).await
}

async fn staff_post(app: &support::TestApp, path: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth("office-token")
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_cancelled_evening_tells_everyone_and_frees_nothing_to_book() {
    let app = app().await;
    let session = app.add_session(10).await;
    let a = app
        .book_as(session.slots[0].id, "a@example.jp", "090-1600-0001")
        .await;
    app.book_as(session.slots[4].id, "b@example.jp", "090-1600-0002")
        .await;
    let res = staff_post(
        &app,
        &format!("/api/v1/staff/sessions/{}/cancel", session.id),
        json!({}),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["bookings_cancelled"], 2);
    for who in ["a@example.jp", "b@example.jp"] {
        let mail = support::eventually(10, || async {
            app.mails_to(who).into_iter().find(|m| m.0.contains("中止"))
        })
        .await;
        assert!(mail.1.contains("中止"), "{who}");
    }
    let seen: Value = app.get_json(&format!("/api/v1/manage/{a}")).await;
    assert_eq!(seen["status"], "cancelled");
    let listed: Value = app.get_json("/api/v1/evening-sessions").await;
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != session.id),
        "no longer offered"
    );
    let again = staff_post(
        &app,
        &format!("/api/v1/staff/sessions/{}/cancel", session.id),
        json!({}),
    )
    .await;
    assert_eq!(again.status(), 409);
    app.stop().await;
}

#[tokio::test]
async fn a_moved_evening_takes_its_bookings_along() {
    let app = app().await;
    let session = app.add_session(10).await;
    let token = app
        .book_as(session.slots[1].id, "m@example.jp", "090-1700-0001")
        .await;
    let new_day = tsunagu::domain::time::to_jst(session.starts_at).date_naive() + Duration::days(7);
    let res = staff_post(
        &app,
        &format!("/api/v1/staff/sessions/{}/move", session.id),
        json!({ "date": new_day.to_string(), "start": "19:00", "confirm_unusual_day": true }),
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(seen["status"], "confirmed");
    let expected_start = tsunagu::domain::time::jst_instant(
        new_day,
        chrono::NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
    );
    assert_eq!(
        seen["starts_at"],
        tsunagu::domain::time::rfc3339_jst(expected_start),
        "the second slot, an hour after 19:00"
    );
    let mail = support::eventually(10, || async {
        app.mails_to("m@example.jp")
            .into_iter()
            .find(|m| m.0.contains("変更"))
    })
    .await;
    assert!(mail.1.contains("変更前"));
    let past = staff_post(
        &app,
        &format!("/api/v1/staff/sessions/{}/move", session.id),
        json!({ "date": "2020-01-01" }),
    )
    .await;
    assert_eq!(past.status(), 409);
    let bad = staff_post(
        &app,
        &format!("/api/v1/staff/sessions/{}/move", session.id),
        json!({ "date": "tomorrow" }),
    )
    .await;
    assert_eq!(bad.status(), 422);
    app.stop().await;
}

#[tokio::test]
async fn one_off_evenings_and_generation_from_the_staff_api() {
    let app = app().await;
    let day = tsunagu::domain::time::jst_today(chrono::Utc::now()) + Duration::days(20);
    let res = staff_post(
        &app,
        "/api/v1/staff/sessions",
        json!({ "date": day.to_string(), "start": "18:00", "confirm_unusual_day": true }),
    )
    .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let listed: Value = app.get_json("/api/v1/evening-sessions").await;
    let s = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone();
    assert!(s["starts_at"]
        .as_str()
        .unwrap()
        .ends_with("T18:00:00+09:00"));
    assert_eq!(s["slots"].as_array().unwrap().len(), 6);
    let first = staff_post(
        &app,
        "/api/v1/staff/schedule/generate",
        json!({ "months": 3 }),
    )
    .await
    .json::<Value>()
    .await
    .unwrap();
    let again = staff_post(
        &app,
        "/api/v1/staff/schedule/generate",
        json!({ "months": 3 }),
    )
    .await
    .json::<Value>()
    .await
    .unwrap();
    assert_eq!(again["created"].as_array().unwrap().len(), 0);
    assert_eq!(again["existing"], first["created"]);
    assert_eq!(
        staff_post(
            &app,
            "/api/v1/staff/schedule/generate",
            json!({ "months": 0 })
        )
        .await
        .status(),
        422
    );
    app.stop().await;
}

#[tokio::test]
async fn a_booking_sees_an_evening_another_instance_moved_or_cancelled() {
    // Two instances on one database: `here` knows the evening's slots from
    // memory; `there` moves the evening, then cancels it.
    let here = app().await;
    let there = support::spawn_app_on(
        here.db.same(),
        |s| s.staff.api_token = Secret::new("office-token"),
        std::sync::Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    let session = here.add_session(10).await;
    here.book_as(session.slots[0].id, "first@example.jp", "090-1800-0001")
        .await;
    let new_day = tsunagu::domain::time::to_jst(session.starts_at).date_naive() + Duration::days(7);
    let res = staff_post(
        &there,
        &format!("/api/v1/staff/sessions/{}/move", session.id),
        json!({ "date": new_day.to_string(), "start": "19:00", "confirm_unusual_day": true }),
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    // Booked through `here`, the second slot has its new time, in the booking and the mail.
    let token = here
        .book_as(session.slots[1].id, "second@example.jp", "090-1800-0002")
        .await;
    let seen: Value = here.get_json(&format!("/api/v1/manage/{token}")).await;
    let expected = tsunagu::domain::time::jst_instant(
        new_day,
        chrono::NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
    );
    assert_eq!(
        seen["starts_at"],
        tsunagu::domain::time::rfc3339_jst(expected)
    );
    // Either instance's dispatcher may send it.
    let mail = support::eventually(10, || async {
        let mut found = here.mails_to("second@example.jp");
        found.extend(there.mails_to("second@example.jp"));
        found.into_iter().next()
    })
    .await;
    let words = tsunagu::i18n::dates::format_datetime(expected, tsunagu::domain::Lang::Ja);
    assert!(mail.1.contains(&words), "{words} in {}", mail.1);
    // Cancelled by `there`: `here` refuses the booking and writes nothing.
    let res = staff_post(
        &there,
        &format!("/api/v1/staff/sessions/{}/cancel", session.id),
        json!({}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let mut body = support::booking_body(session.slots[2].id);
    body["email"] = json!("third@example.jp");
    body["phone"] = json!("090-1800-0003");
    let res = here.post_booking(&body).await;
    assert_eq!(res.status(), 409, "{}", res.text().await.unwrap());
    let ids = here.state.store.all_booking_ids().await.unwrap();
    assert_eq!(ids.len(), 2, "nothing written for the cancelled evening");
    there.stop().await;
    here.stop().await;
}
