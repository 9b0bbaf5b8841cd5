//! キャンセル待ち: joining, offers of freed slots, accept, decline, expiry,
//! and the races between them.

use crate::support;

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

#[tokio::test]
async fn an_offer_made_in_the_night_is_mailed_and_held_from_eight() {
    use tsunagu::domain::time::{jst_instant, jst_today};
    let night = jst_instant(
        jst_today(Utc::now()),
        chrono::NaiveTime::from_hms_opt(22, 30, 0).unwrap(),
    );
    let morning = night + Duration::minutes(9 * 60 + 30);
    let clock = ManualClock::new(night);
    let app = spawn_app_on(
        TestDb::new().await,
        |s| {
            s.waitlist.sweep_seconds = 3600;
            s.waitlist.quiet_hours = "21:00-08:00".into();
        },
        Arc::new(clock.clone()),
    )
    .await;
    let (session, _, tokens) = full_lawyers(&app, 10).await;
    app.join_waitlist(json!(session), "lawyer", "owl@example.jp", "080-5100-0001")
        .await;
    cancel(&app, &tokens[0]).await;
    // The slot is held at once (nobody else can take it in the night) ...
    let held = app
        .state
        .store
        .expired_offers(night + Duration::days(30))
        .await
        .unwrap();
    assert_eq!(held.len(), 1);
    // ... for 24 hours from eight in the morning, not from the offer.
    assert_eq!(
        held[0].offer_expires_at,
        Some(morning + Duration::hours(24))
    );
    // The cancellation is mailed at once; the offer waits for the morning.
    support::eventually(10, || async {
        app.mails_to("booked10-0@example.jp")
            .into_iter()
            .find(|m| m.0.contains("キャンセル"))
    })
    .await;
    let offer_mail = app
        .state
        .store
        .mail_for_booking(held[0].booking_id)
        .await
        .unwrap();
    assert_eq!(offer_mail.len(), 1);
    assert_eq!(offer_mail[0].status, "queued", "not sent in the night");
    assert!(app
        .mails_to("owl@example.jp")
        .iter()
        .all(|m| !m.1.contains("/offers/")));
    clock.set(morning);
    app.state.mail_wakeup.notify_one();
    let token = app.link_token("owl@example.jp", "/offers/").await;
    let offer: Value = app.get_json(&format!("/api/v1/offers/{token}")).await;
    assert!(
        offer["expires_at"]
            .as_str()
            .unwrap()
            .contains("T08:00:00+09:00"),
        "{offer}"
    );
    app.stop().await;
}

#[tokio::test]
async fn before_booking_opens_people_wait_and_are_offered_once_it_opens() {
    let clock = ManualClock::new(Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.sweep_seconds = 3600,
        Arc::new(clock.clone()),
    )
    .await;
    // Booking opens 60 days before: an evening 70 days ahead is not open yet.
    let session = app.add_session(70).await;
    let res = app
        .post_booking(&support::booking_body(session.slots[0].id))
        .await;
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "booking_not_open");
    let joined = app
        .join_waitlist(
            json!(session.id),
            "lawyer",
            "early@example.jp",
            "080-5200-0001",
        )
        .await;
    assert_eq!(joined.status(), 201, "{}", joined.text().await.unwrap());
    // Nothing is offered before booking opens for everyone.
    tsunagu::jobs::sweep_offers(&app.state).await;
    assert!(app
        .state
        .store
        .expired_offers(Utc::now() + Duration::days(400))
        .await
        .unwrap()
        .is_empty());
    // Once it opens, the first in line is offered a slot.
    clock.advance(Duration::days(11));
    tsunagu::jobs::sweep_offers(&app.state).await;
    app.state.mail_wakeup.notify_one();
    app.link_token("early@example.jp", "/offers/").await;
    app.stop().await;
}

#[tokio::test]
async fn the_waitlist_asks_the_optional_questions_and_never_invents_answers() {
    let app = spawn_app().await;
    let (session, _, tokens) = full_lawyers(&app, 10).await;
    // One answers the questions, one leaves them.
    let res = app
        .post_json(
            "/api/v1/evening-waitlist",
            &json!({
                "session_id": session, "profession": "lawyer", "name": "回答 花子", "name_kana": "カイトウ ハナコ",
                "phone": "080-5300-0001", "email": "answers@example.jp", "consent": true,
                "age_band": "50s", "topic": "money", "note": "借金のこと"
            }),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.join_waitlist(
        json!(session),
        "lawyer",
        "silent@example.jp",
        "080-5300-0002",
    )
    .await;
    let bad = app
        .post_json(
            "/api/v1/evening-waitlist",
            &json!({
                "session_id": session, "profession": "lawyer", "name": "誤り", "name_kana": "アヤマリ",
                "phone": "080-5300-0003", "email": "bad@example.jp", "consent": true, "topic": "gossip"
            }),
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.json::<Value>().await.unwrap()["fields"]["topic"].is_string());
    // The form asks the same questions, marked optional.
    let form = app.get("/waitlist?lang=ja").await.text().await.unwrap();
    assert!(
        form.contains("name=\"age_band\"")
            && form.contains("name=\"topic\"")
            && form.contains("name=\"note\"")
    );
    // Both are offered and accept; the day sheet shows what each said, and nothing for the other.
    cancel(&app, &tokens[0]).await;
    cancel(&app, &tokens[1]).await;
    for who in ["answers@example.jp", "silent@example.jp"] {
        let offer = app.link_token(who, "/offers/").await;
        let res = app
            .post_empty(&format!("/api/v1/offers/{offer}/accept"))
            .await;
        assert_eq!(res.status(), 201, "{who}");
    }
    let sheet = support::day_sheet_json(&app, session).await;
    let bookings: Vec<&Value> = sheet["slots"]
        .as_array()
        .expect("slots")
        .iter()
        .filter_map(|l| l["booking"].as_object().map(|_| &l["booking"]))
        .collect();
    let by_name = |name: &str| {
        bookings
            .iter()
            .find(|b| b["name"] == name)
            .copied()
            .unwrap_or_else(|| panic!("{name} on the sheet"))
    };
    assert_eq!(by_name("回答 花子")["topic"], "money");
    assert_eq!(by_name("回答 花子")["note"], "借金のこと");
    assert_eq!(
        by_name("待機 太郎")["topic"],
        "",
        "not answered, not 'other'"
    );
    assert_eq!(
        tsunagu::i18n::topic_answer("", tsunagu::domain::Lang::Ja),
        "未回答"
    );
    assert_eq!(
        tsunagu::i18n::age_band_answer("", tsunagu::domain::Lang::Ja),
        "未回答"
    );
    app.stop().await;
}

#[tokio::test]
async fn mails_and_links_say_what_they_are_about() {
    let app = spawn_app().await;
    let (session, _, tokens) = full_lawyers(&app, 10).await;
    app.join_waitlist(
        json!(session),
        "lawyer",
        "which@example.jp",
        "080-5400-0001",
    )
    .await;
    app.join_waitlist(json!("next"), "lawyer", "any@example.jp", "080-5400-0002")
        .await;
    let joined = support::eventually(10, || async {
        app.mails_to("which@example.jp").first().cloned()
    })
    .await;
    let starts_at = app
        .state
        .store
        .upcoming_sessions(Utc::now())
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.id == session)
        .unwrap()
        .starts_at;
    let date = tsunagu::i18n::dates::format_date(
        tsunagu::domain::time::to_jst(starts_at).date_naive(),
        tsunagu::domain::Lang::Ja,
    );
    assert!(joined.1.contains(&date), "the evening waited for");
    assert!(joined.1.contains("弁護士"), "the profession waited for");
    assert!(joined.1.contains("1番目"));
    let any = support::eventually(10, || async {
        app.mails_to("any@example.jp").first().cloned()
    })
    .await;
    assert!(any.1.contains("次に空きが出た回") && any.1.contains("弁護士"));
    // An offer accepted shows the booking when opened again, not "expired".
    cancel(&app, &tokens[0]).await;
    let offer = app.link_token("which@example.jp", "/offers/").await;
    assert_eq!(
        app.post_form(&format!("/offers/{offer}/accept"), &[])
            .await
            .status(),
        303
    );
    let again = app.get(&format!("/offers/{offer}")).await;
    assert_eq!(again.status(), 200);
    let html = again.text().await.unwrap();
    assert!(html.contains("この枠はご予約済みです"), "{html}");
    assert!(!html.contains("/accept\""), "nothing left to answer");
    app.stop().await;
}
