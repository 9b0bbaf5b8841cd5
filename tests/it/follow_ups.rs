//! 継続相談: a professional holds a slot of a later evening for the person
//! before it opens to the public; the person accepts or declines by link;
//! an unanswered hold runs out before booking opens; the database keeps
//! at most the configured share of an evening for follow-ups, and one open
//! hold per person and evening.

use crate::support;

use chrono::Duration;
use serde_json::{json, Value};
use std::sync::Arc;
use support::referral::consent;
use support::staff::{post, staff};
use support::{spawn_app_on, TestApp, TestDb};
use tsunagu::domain::time::ManualClock;

/// A booking of the lawyer's evening in 10 days by `email`/`phone`: its id.
async fn booked(app: &TestApp, slot: i64, email: &str, phone: &str) -> i64 {
    let manage = app.book_as(slot, email, phone).await;
    app.get_json(&format!("/api/v1/manage/{manage}")).await["id"]
        .as_i64()
        .unwrap()
}

fn follow_up(session: i64, profession: &str) -> Value {
    json!({"follow_up": {"session_id": session, "profession": profession},
           "consent": consent(), "contact": "email",
           "share": {"name": true, "contact": true}})
}

async fn refer(app: &TestApp, token: &str, booking: i64, body: Value) -> reqwest::Response {
    post(
        app,
        Some(token),
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        body,
    )
    .await
}

#[tokio::test]
async fn a_follow_up_hold_is_offered_by_mail_and_accepted_into_a_booking() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let now = app.add_session(10).await;
    // 100 days on: booking opens 60 days before, so not yet.
    let later = app.add_session(100).await;
    let booking = booked(&app, now.slots[0].id, "next@example.jp", "090-1000-2000").await;

    // An evening open to the public already is booked, not held.
    let res = refer(&app, &st.coordinator, booking, follow_up(now.id, "lawyer")).await;
    assert_eq!(res.status(), 422);
    // A service and a follow-up at once: one destination only.
    let mut both = follow_up(later.id, "lawyer");
    both["service_id"] = json!("x");
    assert_eq!(
        refer(&app, &st.coordinator, booking, both).await.status(),
        422
    );

    let mut body = follow_up(later.id, "psychologist");
    body["share"]["note"] = json!(true);
    body["note_for_service"] = json!("睡眠の状態を次回も確認してください");
    let res = refer(&app, &st.coordinator, booking, body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let token = app.link_token("next@example.jp", "/offers/").await;
    let (subject, _) = app.mails_to("next@example.jp").pop().unwrap();
    assert!(
        !subject.contains("心理") && !subject.contains("弁護"),
        "{subject}"
    );
    let html = app
        .get(&format!("/offers/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("次回の相談の枠のご案内"), "{html}");
    // The slot is held: nobody else can take it.
    let held = app.state.store.session_bookings(later.id).await.unwrap();
    assert!(held.is_empty(), "a hold is not a booking yet");
    let res = app
        .post_empty(&format!("/api/v1/offers/{token}/accept"))
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let confirmed = app.state.store.session_bookings(later.id).await.unwrap();
    assert_eq!(confirmed.len(), 1);
    assert_eq!(confirmed[0].email, "next@example.jp");
    let referral = app.state.store.referral(id).await.unwrap().unwrap();
    assert_eq!(referral.status, "connected");
    // The next professional sees the note left for them, with consent.
    let office = support::staff::cookie_for(&app, "coord@city.example.jp").await;
    let sheet = support::staff::page(&app, &office, &format!("/staff/sessions/{}", later.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(sheet.contains("前回の相談員から"), "{sheet}");
    assert!(
        sheet.contains("睡眠の状態を次回も確認してください"),
        "{sheet}"
    );
    // And through the staff API's day sheet.
    let json = support::day_sheet_json(&app, later.id).await;
    let line = json["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| !l["booking"].is_null())
        .unwrap()
        .clone();
    assert_eq!(
        line["booking"]["follow_up_note"], "睡眠の状態を次回も確認してください",
        "{json}"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_evening_keeps_most_of_its_slots_for_the_public_and_one_hold_per_person() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let now = app.add_session(10).await;
    let later = app.add_session(100).await;
    let mut bookings = Vec::new();
    for (i, slot) in now.slots.iter().enumerate() {
        bookings.push(
            booked(
                &app,
                slot.id,
                &format!("p{i}@example.jp"),
                &format!("090-3000-000{i}"),
            )
            .await,
        );
    }
    // The same person for both professions: the second hold is refused.
    let res = refer(
        &app,
        &st.coordinator,
        bookings[0],
        follow_up(later.id, "lawyer"),
    )
    .await;
    assert_eq!(res.status(), 201);
    let res = refer(
        &app,
        &st.coordinator,
        bookings[0],
        follow_up(later.id, "psychologist"),
    )
    .await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "bookings_one_follow_up_hold"
    );

    // Five more people at once: one more hold fits the evening's share of
    // two, the others are refused by the database.
    let mut handles = Vec::new();
    for b in &bookings[1..] {
        let (client, url, token, profession) = (
            app.client.clone(),
            app.url(&format!("/api/v1/staff/bookings/{b}/referrals")),
            st.coordinator.clone(),
            if b % 2 == 0 { "lawyer" } else { "psychologist" },
        );
        let body = follow_up(later.id, profession);
        handles.push(tokio::spawn(async move {
            client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut codes = Vec::new();
    for h in handles {
        codes.push(h.await.unwrap());
    }
    codes.sort();
    assert_eq!(codes, vec![201, 409, 409, 409, 409], "{codes:?}");
    let open: Vec<_> = app
        .state
        .store
        .open_referrals()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.service_id.is_none())
        .collect();
    assert_eq!(open.len(), 2);

    // A hold declined frees its place in the share.
    let token = app.link_token("p0@example.jp", "/offers/").await;
    let res = app
        .post_empty(&format!("/api/v1/offers/{token}/decline"))
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let holding: Vec<i64> = open.iter().map(|r| r.booking_id).collect();
    let refused = *bookings[1..].iter().find(|b| !holding.contains(b)).unwrap();
    let res = refer(
        &app,
        &st.coordinator,
        refused,
        follow_up(later.id, "psychologist"),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    app.stop().await;
}

#[tokio::test]
async fn an_unanswered_hold_runs_out_before_booking_opens_and_is_told_in_the_day() {
    let clock = ManualClock::new(chrono::Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.quiet_hours = "21:00-08:00".into(),
        Arc::new(clock.clone()),
    )
    .await;
    let st = staff(&app).await;
    let now = app.add_session(10).await;
    let later = app.add_session(100).await;
    let booking = booked(&app, now.slots[0].id, "quiet@example.jp", "090-4000-5000").await;
    let res = refer(
        &app,
        &st.coordinator,
        booking,
        follow_up(later.id, "lawyer"),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let opens = app.state.rules.opens_at(later.starts_at);
    // The hold ends before the night in which booking opens.
    clock.set(opens - Duration::minutes(1));
    tsunagu::jobs::sweep_offers(&app.state).await;
    let referral = app.state.store.referral(id).await.unwrap().unwrap();
    assert_eq!(referral.status, "unreachable", "released when it ran out");
    let free = app
        .state
        .store
        .free_slots(later.id, "lawyer")
        .await
        .unwrap();
    assert_eq!(free.len(), 3, "the slot is the public's again");
    // Its mail waits for the morning.
    assert!(app.state.store.queued_mail_count().await.unwrap() >= 1);
    clock.set(opens + Duration::hours(8) + Duration::minutes(1));
    app.outbox_drained().await;
    let told = app
        .mails_to("quiet@example.jp")
        .into_iter()
        .any(|(subject, _)| subject.contains("お取りしていた相談会の枠"));
    assert!(told);
    app.stop().await;
}
