//! キャンセル待ち: joining, offers of freed slots, accept, decline, expiry,
//! and the races between them.

mod support;

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use std::sync::Arc;
use support::{spawn_app, spawn_app_on, TestDb};
use tsunagu::domain::time::ManualClock;
use tsunagu::domain::Profession;

/// An evening whose lawyer slots are all booked; returns (session id, lawyer slot ids, manage tokens).
async fn full_lawyers(app: &support::TestApp, days: i64) -> (i64, Vec<i64>, Vec<String>) {
    let session = app.add_session(days).await;
    let lawyers: Vec<i64> = session
        .slots
        .iter()
        .filter(|s| s.profession == Profession::Lawyer)
        .map(|s| s.id)
        .collect();
    let mut tokens = Vec::new();
    for (i, slot) in lawyers.iter().enumerate() {
        tokens.push(
            app.book_as(
                *slot,
                &format!("booked{days}-{i}@example.jp"),
                &format!("090-7000-{days:02}{i:02}"),
            )
            .await,
        );
    }
    (session.id, lawyers, tokens)
}

async fn cancel(app: &support::TestApp, token: &str) {
    let res = app
        .post_empty(&format!("/api/v1/manage/{token}/cancel"))
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn joining_gives_a_place_in_line_and_refuses_when_slots_are_free() {
    let app = spawn_app().await;
    let (session, _, _) = full_lawyers(&app, 10).await;
    let res = app
        .join_waitlist(json!(session), "lawyer", "w1@example.jp", "080-1000-0001")
        .await;
    assert_eq!(res.status(), 201);
    let first: Value = res.json().await.unwrap();
    assert_eq!(first["position"], 1);
    assert!(first["manage_url"].as_str().unwrap().contains("/manage/"));
    let second: Value = app
        .join_waitlist(json!(session), "lawyer", "w2@example.jp", "080-1000-0002")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second["position"], 2);
    let again = app
        .join_waitlist(json!(session), "lawyer", "w2@example.jp", "080-1000-0002")
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "already_waiting"
    );
    // Psychologists still have free slots that evening: book instead.
    let free = app
        .join_waitlist(
            json!(session),
            "psychologist",
            "w3@example.jp",
            "080-1000-0003",
        )
        .await;
    assert_eq!(free.status(), 409);
    assert_eq!(
        free.json::<Value>().await.unwrap()["error"],
        "slots_available"
    );
    let bad = app.join_waitlist(json!("soon"), "judge", "nope", "1").await;
    assert_eq!(bad.status(), 422);
    let fields = bad.json::<Value>().await.unwrap()["fields"].clone();
    for f in ["session_id", "profession", "email", "phone"] {
        assert!(fields[f].is_string(), "{f}: {fields}");
    }
    // The place is visible from the link, and the mail says it.
    let token = first["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(seen["kind"], "waitlist");
    assert_eq!(seen["position"], 1);
    let mail = support::eventually(10, || async {
        app.mails_to("w1@example.jp").first().cloned()
    })
    .await;
    assert!(mail.1.contains("1番目"), "{}", mail.1);
    app.stop().await;
}

#[tokio::test]
async fn fifty_concurrent_joins_keep_distinct_positions() {
    let app = spawn_app().await;
    let (session, _, _) = full_lawyers(&app, 10).await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/evening-waitlist"));
        tasks.push(tokio::spawn(async move {
            let body = json!({
                "session_id": session, "profession": "lawyer", "name": "待機", "name_kana": "タイキ",
                "phone": format!("080-2000-{i:04}"), "email": format!("c{i}@example.jp"), "consent": true
            });
            let res = client.post(url).json(&body).send().await.unwrap();
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["position"].as_u64().unwrap()
        }));
    }
    let mut positions = Vec::new();
    for t in tasks {
        positions.push(t.await.unwrap());
    }
    positions.sort();
    assert_eq!(positions, (1..=50).collect::<Vec<u64>>());
    app.stop().await;
}

#[tokio::test]
async fn a_freed_slot_is_offered_first_come_first_served_and_can_be_accepted() {
    let app = spawn_app().await;
    let (session, lawyers, tokens) = full_lawyers(&app, 10).await;
    app.join_waitlist(json!("next"), "lawyer", "first@example.jp", "080-3000-0001")
        .await;
    app.join_waitlist(
        json!(session),
        "lawyer",
        "second@example.jp",
        "080-3000-0002",
    )
    .await;
    cancel(&app, &tokens[1]).await;
    // Held for the first in line: not bookable by others.
    let mut body = support::booking_body(lawyers[1]);
    body["email"] = json!("sneaky@example.jp");
    body["phone"] = json!("080-3000-9999");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 409);
    let offer = app.link_token("first@example.jp", "/offers/").await;
    let subject = app
        .mails_to("first@example.jp")
        .into_iter()
        .find(|m| m.1.contains("/offers/"))
        .unwrap()
        .0;
    assert!(
        subject.contains("空きました") && !subject.contains("弁護士"),
        "{subject}"
    );
    let seen: Value = app.get_json(&format!("/api/v1/offers/{offer}")).await;
    assert_eq!(seen["slot_id"], lawyers[1]);
    assert!(seen["expires_at"].as_str().unwrap().ends_with("+09:00"));
    let res = app
        .post_empty(&format!("/api/v1/offers/{offer}/accept"))
        .await;
    assert_eq!(res.status(), 201);
    let booking: Value = res.json().await.unwrap();
    assert_eq!(booking["status"], "confirmed");
    assert_eq!(booking["slot_id"], lawyers[1]);
    let manage = booking["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let managed: Value = app.get_json(&format!("/api/v1/manage/{manage}")).await;
    assert_eq!(managed["status"], "confirmed");
    // Answering twice: the offer is gone.
    let again = app
        .post_empty(&format!("/api/v1/offers/{offer}/accept"))
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(again.json::<Value>().await.unwrap()["error"], "offer_gone");
    app.stop().await;
}

#[tokio::test]
async fn a_declined_offer_goes_to_the_next_person_and_then_the_slot_is_public() {
    let app = spawn_app().await;
    let (session, lawyers, tokens) = full_lawyers(&app, 10).await;
    app.join_waitlist(json!(session), "lawyer", "one@example.jp", "080-4000-0001")
        .await;
    app.join_waitlist(json!(session), "lawyer", "two@example.jp", "080-4000-0002")
        .await;
    cancel(&app, &tokens[0]).await;
    let first = app.link_token("one@example.jp", "/offers/").await;
    let res = app
        .post_empty(&format!("/api/v1/offers/{first}/decline"))
        .await;
    assert_eq!(res.status(), 200);
    let second = app.link_token("two@example.jp", "/offers/").await;
    let res = app
        .post_empty(&format!("/api/v1/offers/{second}/decline"))
        .await;
    assert_eq!(res.status(), 200);
    let slot = app
        .state
        .store
        .slot(lawyers[0], Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert!(slot.available, "nobody left: the slot is public again");
    app.stop().await;
}

#[tokio::test]
async fn an_unanswered_offer_expires_and_moves_on_with_an_injected_clock() {
    let clock = ManualClock::new(Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.sweep_seconds = 3600,
        Arc::new(clock.clone()),
    )
    .await;
    let (session, _, tokens) = full_lawyers(&app, 10).await;
    app.join_waitlist(json!(session), "lawyer", "late@example.jp", "080-5000-0001")
        .await;
    app.join_waitlist(json!(session), "lawyer", "next@example.jp", "080-5000-0002")
        .await;
    cancel(&app, &tokens[2]).await;
    let stale = app.link_token("late@example.jp", "/offers/").await;
    // 23 hours: still held.
    clock.advance(Duration::hours(23));
    tsunagu::jobs::sweep_offers(&app.state).await;
    let seen = app.get(&format!("/api/v1/offers/{stale}")).await;
    assert_eq!(seen.status(), 200);
    // 25 hours: expired, offered to the next person, and mailed.
    clock.advance(Duration::hours(2));
    tsunagu::jobs::sweep_offers(&app.state).await;
    let gone = app
        .post_empty(&format!("/api/v1/offers/{stale}/accept"))
        .await;
    assert_eq!(gone.status(), 409);
    support::eventually(10, || async {
        app.mails_to("late@example.jp")
            .into_iter()
            .find(|m| m.0.contains("期限が過ぎました"))
    })
    .await;
    let fresh = app.link_token("next@example.jp", "/offers/").await;
    let res = app
        .post_empty(&format!("/api/v1/offers/{fresh}/accept"))
        .await;
    assert_eq!(res.status(), 201);
    app.stop().await;
}

#[tokio::test]
async fn two_people_accepting_offers_of_one_slot_get_one_booking() {
    let clock = ManualClock::new(Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.sweep_seconds = 3600,
        Arc::new(clock.clone()),
    )
    .await;
    let (session, lawyers, tokens) = full_lawyers(&app, 10).await;
    app.join_waitlist(json!(session), "lawyer", "a@example.jp", "080-6000-0001")
        .await;
    app.join_waitlist(json!(session), "lawyer", "b@example.jp", "080-6000-0002")
        .await;
    cancel(&app, &tokens[0]).await;
    let a = app.link_token("a@example.jp", "/offers/").await;
    clock.advance(Duration::hours(25));
    tsunagu::jobs::sweep_offers(&app.state).await;
    let b = app.link_token("b@example.jp", "/offers/").await;
    let (ra, rb) = tokio::join!(
        app.client
            .post(app.url(&format!("/api/v1/offers/{a}/accept")))
            .send(),
        app.client
            .post(app.url(&format!("/api/v1/offers/{b}/accept")))
            .send()
    );
    let (ra, rb) = (ra.unwrap().status().as_u16(), rb.unwrap().status().as_u16());
    assert_eq!((ra, rb), (409, 201));
    let slot = app
        .state
        .store
        .slot(lawyers[0], Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert!(!slot.available);
    app.stop().await;
}

#[tokio::test]
async fn the_waitlist_and_offers_work_as_pages() {
    let app = spawn_app().await;
    let (session, _, tokens) = full_lawyers(&app, 10).await;
    let index = app.get("/").await.text().await.unwrap();
    assert!(index.contains(&format!(
        "/waitlist?session_id={session}&amp;profession=lawyer"
    )));
    let form = app
        .get(&format!("/waitlist?session_id={session}&profession=lawyer"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("value=\"lawyer\" checked"));
    let res = app
        .post_form(
            "/waitlist",
            &[
                ("session_id", &session.to_string()),
                ("profession", "lawyer"),
                ("name", "待機 花子"),
                ("name_kana", "たいき はなこ"),
                ("phone", "０８０－７０００－０００１"),
                ("email", "page@example.jp"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app
        .get(res.headers()["location"].to_str().unwrap())
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("キャンセル待ちに登録しました"));
    assert!(html.contains("現在の順番"));
    let bad = app
        .post_form("/waitlist", &[("profession", "lawyer")])
        .await;
    assert_eq!(bad.status(), 422);
    cancel(&app, &tokens[0]).await;
    let offer = app.link_token("page@example.jp", "/offers/").await;
    let page = app
        .get(&format!("/offers/{offer}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("action=\"/offers/{offer}/accept\"")));
    let res = app.post_form(&format!("/offers/{offer}/accept"), &[]).await;
    assert_eq!(res.status(), 303);
    let html = app
        .get(res.headers()["location"].to_str().unwrap())
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("ご予約を受け付けました"));
    app.stop().await;
}
