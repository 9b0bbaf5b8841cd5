//! The evening booking through the JSON API, end to end.

use crate::support;

use chrono::Utc;
use serde_json::{json, Value};
use support::{booking_body, spawn_app};

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "ok");
    app.stop().await;
}

#[tokio::test]
async fn sessions_list_upcoming_evenings_with_slots_in_tokyo_time() {
    let app = spawn_app().await;
    let later = app.add_session(40).await;
    let sooner = app.add_session(10).await;
    let res = app.get("/api/v1/evening-sessions").await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    let sessions = body.as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["id"], sooner.id, "in date order");
    assert_eq!(sessions[1]["id"], later.id);
    let s = &sessions[0];
    assert!(
        s["starts_at"]
            .as_str()
            .unwrap()
            .ends_with("T18:30:00+09:00"),
        "{s}"
    );
    assert!(s["ends_at"].as_str().unwrap().ends_with("T21:20:00+09:00"));
    assert!(!s["venue"].as_str().unwrap().is_empty());
    let slots = s["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 6);
    let lawyers = slots.iter().filter(|x| x["profession"] == "lawyer").count();
    let psychologists = slots
        .iter()
        .filter(|x| x["profession"] == "psychologist")
        .count();
    assert_eq!((lawyers, psychologists), (3, 3));
    assert!(slots.iter().all(|x| x["available"] == true));
    assert!(slots[0]["starts_at"].as_str().unwrap().ends_with("+09:00"));
    app.stop().await;
}

#[tokio::test]
async fn a_booking_is_confirmed_and_its_slot_no_longer_available() {
    let app = spawn_app().await;
    let session = app.add_session(14).await;
    let slot = session.slots[1].id;
    let res = app.post_booking(&booking_body(slot)).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["status"], "confirmed");
    assert!(created["id"].as_i64().unwrap() > 0);
    let manage_url = created["manage_url"].as_str().unwrap();
    assert!(
        manage_url.starts_with("http://tsunagu.test/manage/"),
        "{manage_url}"
    );
    let token = manage_url.rsplit('/').next().unwrap();
    assert!(token.len() >= 32, "at least 128 bits");

    let sessions: Value = app
        .get("/api/v1/evening-sessions")
        .await
        .json()
        .await
        .unwrap();
    let listed = sessions[0]["slots"].as_array().unwrap();
    let booked = listed.iter().find(|x| x["id"] == slot).unwrap();
    assert_eq!(booked["available"], false);
    assert_eq!(listed.iter().filter(|x| x["available"] == true).count(), 5);

    let managed: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(managed["id"], created["id"]);
    assert_eq!(managed["status"], "confirmed");
    assert_eq!(managed["slot_id"], slot);
    // Nobody else's token reaches the booking.
    let other = "0".repeat(48);
    assert_eq!(
        app.get(&format!("/api/v1/manage/{other}")).await.status(),
        404
    );
    app.stop().await;
}

#[tokio::test]
async fn japanese_input_is_normalised() {
    let app = spawn_app().await;
    let session = app.add_session(7).await;
    let mut body = booking_body(session.slots[0].id);
    body["phone"] = json!("０２２－２２１－６８７０");
    body["name_kana"] = json!("せんだい　はなこ");
    body["email"] = json!("ｈａｎａｋｏ＠example.jp");
    body["name"] = json!("長".repeat(50));
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let person = app.state.store.booking_person(id).await.unwrap().unwrap();
    assert_eq!(person.phone, "022-221-6870");
    assert_eq!(person.name_kana, "センダイ ハナコ");
    assert_eq!(person.email, "hanako@example.jp");
    app.stop().await;
}

#[tokio::test]
async fn a_taken_slot_gives_409() {
    let app = spawn_app().await;
    let session = app.add_session(7).await;
    let slot = session.slots[0].id;
    assert_eq!(app.post_booking(&booking_body(slot)).await.status(), 201);
    let res = app.post_booking(&booking_body(slot)).await;
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "slot_taken");
    assert!(!body["message"].as_str().unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_slot_that_has_started_is_closed() {
    let app = spawn_app().await;
    let series = app.state.settings.series.to_series().unwrap();
    let past = tsunagu::domain::time::jst_today(Utc::now()) - chrono::Duration::days(3);
    let plan = series.plan_on(past, "test-past".into());
    app.state
        .store
        .insert_session(&plan, "会場", Utc::now())
        .await
        .unwrap();
    let slot = *app
        .state
        .store
        .all_slot_ids()
        .await
        .unwrap()
        .iter()
        .max()
        .unwrap();
    let res = app.post_booking(&booking_body(slot)).await;
    assert_eq!(res.status(), 409);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "slot_closed");
    let listed: Value = app
        .get("/api/v1/evening-sessions")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        0,
        "past sessions are not upcoming"
    );
    app.stop().await;
}

#[tokio::test]
async fn every_bad_field_gets_its_own_message() {
    let app = spawn_app().await;
    let session = app.add_session(7).await;
    let body = json!({
        "slot_id": session.slots[0].id,
        "name": "",
        "name_kana": "仙台",
        "phone": "12-34",
        "email": "not-an-address",
        "age_band": "teen",
        "topic": 5,
        "note": "x".repeat(401),
        "consent": false
    });
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 422);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"], "invalid");
    let fields = err["fields"].as_object().unwrap();
    for f in [
        "name",
        "name_kana",
        "phone",
        "email",
        "age_band",
        "topic",
        "note",
        "consent",
    ] {
        let message = fields
            .get(f)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no message for {f}: {err}"));
        assert!(!message.is_empty());
    }
    assert!(fields.get("slot_id").is_none());
    // Nothing was written.
    assert!(app.state.store.all_booking_ids().await.unwrap().is_empty());
    assert_eq!(app.state.store.queued_mail_count().await.unwrap(), 0);
    app.stop().await;
}

#[tokio::test]
async fn messages_follow_the_language_asked_for() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/v1/evening-bookings"))
        .header("accept-language", "en-US,en;q=0.8")
        .json(&json!({ "slot_id": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["fields"]["name"], "Please fill this in.");
    assert_eq!(err["fields"]["slot_id"], "There is no such slot.");
    app.stop().await;
}

#[tokio::test]
async fn malformed_requests_get_clear_errors_never_500() {
    let app = spawn_app().await;
    let session = app.add_session(7).await;
    let url = app.url("/api/v1/evening-bookings");
    let send = |body: String, content_type: &'static str| {
        let request = app
            .client
            .post(&url)
            .header("content-type", content_type)
            .body(body);
        async move { request.send().await.unwrap() }
    };
    let res = send("{not json".into(), "application/json").await;
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "bad_request");
    assert_eq!(send("[1,2]".into(), "application/json").await.status(), 400);
    assert_eq!(send("null".into(), "application/json").await.status(), 400);
    assert_eq!(
        send("slot_id=1".into(), "application/x-www-form-urlencoded")
            .await
            .status(),
        415
    );
    let huge = json!({ "slot_id": session.slots[0].id, "note": "あ".repeat(20_000) }).to_string();
    let res = send(huge, "application/json").await;
    assert_eq!(res.status(), 413);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "too_large");
    for slot_id in [
        json!("abc"),
        json!(1.5),
        json!(-1),
        json!(i64::MAX),
        json!({"a": 1}),
        Value::Null,
    ] {
        let mut body = support::booking_body(0);
        body["slot_id"] = slot_id.clone();
        let res = app.post_booking(&body).await;
        assert_eq!(res.status(), 422, "slot_id {slot_id}");
        let err: Value = res.json().await.unwrap();
        assert!(err["fields"]["slot_id"].is_string(), "{err}");
    }
    // A slot id written with full-width digits, as a form would send it.
    let mut body = booking_body(0);
    let wide: String = session.slots[2]
        .id
        .to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
        .collect();
    body["slot_id"] = json!(wide);
    assert_eq!(app.post_booking(&body).await.status(), 201);
    let res = app.get("/api/v1/no-such-thing").await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "not_found");
    app.stop().await;
}

#[tokio::test]
async fn one_hundred_concurrent_requests_for_one_slot_book_it_once() {
    let app = spawn_app().await;
    let session = app.add_session(21).await;
    let slot = session.slots[4].id;
    let mut tasks = Vec::new();
    for i in 0..100 {
        let client = app.client.clone();
        let url = app.url("/api/v1/evening-bookings");
        let mut body = booking_body(slot);
        body["email"] = json!(format!("person{i}@example.jp"));
        tasks.push(tokio::spawn(async move {
            client
                .post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let created = statuses.iter().filter(|s| **s == 201).count();
    let conflicts = statuses.iter().filter(|s| **s == 409).count();
    assert_eq!((created, conflicts), (1, 99), "{statuses:?}");
    assert_eq!(app.state.store.all_booking_ids().await.unwrap().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_the_endpoints() {
    let app = spawn_app().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/evening-sessions",
        "/api/v1/evening-bookings",
        "/healthz",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    let responses = doc["paths"]["/api/v1/evening-bookings"]["post"]["responses"]
        .as_object()
        .unwrap();
    for code in ["201", "409", "422"] {
        assert!(responses.contains_key(code));
    }
    app.stop().await;
}

#[tokio::test]
async fn a_database_that_does_not_answer_gives_503_and_500_without_internals() {
    let app = spawn_app().await;
    app.state.store.close().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 503);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "unavailable");
    let res = app.get("/api/v1/evening-sessions").await;
    assert_eq!(res.status(), 500);
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "internal");
    assert_eq!(body["request_id"], request_id);
    assert!(
        !body.to_string().to_lowercase().contains("pool"),
        "no internals: {body}"
    );
    let res = app.get("/").await;
    assert_eq!(res.status(), 500);
    let html = res.text().await.unwrap();
    assert!(html.contains("システムで問題が発生しました"));
    assert!(html.contains(&"お問い合わせ番号".to_string()));
    assert!(!html.to_lowercase().contains("pool"));
    app.stop().await;
}

/// Bookings that reach the store together share one commit; each still
/// gets the answer it would get alone, from the same database guards.
#[tokio::test]
async fn a_batch_of_bookings_answers_each_as_if_written_alone() {
    use tsunagu::domain::Profession;
    use tsunagu::store::{BookingWrite, OutgoingMail, SlotView, StoreError};
    let app = spawn_app().await;
    let session = app.add_session(22).await;
    let of = |p: Profession| -> Vec<SlotView> {
        session
            .slots
            .iter()
            .filter(|s| s.profession == p)
            .cloned()
            .collect()
    };
    let (lawyer, psychologist) = (of(Profession::Lawyer), of(Profession::Psychologist));
    let write = |slot: &SlotView, email: &str, phone: &str| BookingWrite {
        booking: support::new_booking(slot, email, phone),
        mail: OutgoingMail {
            kind: "booking_confirmed",
            message_id: format!("<{email}.{phone}@test>"),
            recipient: email.into(),
            payload: "{}".into(),
        },
        now: Utc::now(),
    };
    let mut moved = write(&psychologist[1], "d@example.jp", "090-0000-0004");
    moved.booking.starts_at += chrono::Duration::minutes(5);
    let batch = vec![
        write(&lawyer[0], "a@example.jp", "090-0000-0001"),
        // The same slot again, in the same batch.
        write(&lawyer[0], "b@example.jp", "090-0000-0002"),
        // The same person, the same evening and profession.
        write(&lawyer[1], "a@example.jp", "090-0000-0003"),
        // A slot whose time is no longer what the rules were checked against.
        moved,
        write(&psychologist[0], "c@example.jp", "090-0000-0005"),
    ];
    // One commit writes the two that can be written and refuses the others.
    let once = app.state.store.write_batch_once(&batch).await.unwrap();
    let written: Vec<bool> = once.iter().map(Option::is_some).collect();
    assert_eq!(written, [true, false, false, false, true]);
    for id in once.into_iter().flatten() {
        assert!(app
            .state
            .store
            .cancel_booking(id, None, None, Utc::now())
            .await
            .unwrap());
    }
    // The full write: the refused ones are tried alone, for their exact answer.
    let results = app.state.store.write_booking_batch(&batch).await;
    let first = *results[0].as_ref().expect("the first booking is written");
    assert!(
        matches!(
            results[1],
            Err(StoreError::Conflict("bookings_one_per_slot"))
        ),
        "{:?}",
        results[1]
    );
    assert!(
        matches!(
            results[2],
            Err(StoreError::Conflict("bookings_one_per_email"))
        ),
        "{:?}",
        results[2]
    );
    assert!(
        matches!(results[3], Err(StoreError::NotFound)),
        "{:?}",
        results[3]
    );
    let last = *results[4].as_ref().expect("the last booking is written");
    // Each answer names its own booking, with its own mail; nothing else was written.
    for (id, write) in [(first, &batch[0]), (last, &batch[4])] {
        let record = app.state.store.booking_by_id(id).await.unwrap().unwrap();
        assert_eq!(record.slot_id, write.booking.slot_id);
        assert_eq!(
            record.email,
            write.booking.details.email.as_ref().unwrap().as_str()
        );
        assert_eq!(app.state.store.mail_for_booking(id).await.unwrap().len(), 1);
    }
    let stored = app.state.store.session_bookings(session.id).await.unwrap();
    assert_eq!(stored.len(), 2, "{stored:?}");
    // Two written by the first try and cancelled, two by the full write.
    assert_eq!(app.state.store.all_booking_ids().await.unwrap().len(), 4);
    app.stop().await;
}

/// Many people booking different slots at the same moment: every booking
/// is written, each answer names the slot asked for, each has its mail.
#[tokio::test]
async fn concurrent_bookings_of_different_slots_are_all_written() {
    let app = spawn_app().await;
    let mut slots = Vec::new();
    for day in 30..34 {
        slots.extend(app.add_session(day).await.slots.iter().map(|s| s.id));
    }
    let mut tasks = Vec::new();
    for (i, slot) in slots.iter().copied().enumerate() {
        let client = app.client.clone();
        let url = app.url("/api/v1/evening-bookings");
        let mut body = booking_body(slot);
        body["email"] = json!(format!("many{i}@example.jp"));
        body["phone"] = json!(format!("090-3000-{i:04}"));
        tasks.push(tokio::spawn(async move {
            let res = client.post(url).json(&body).send().await.unwrap();
            (
                slot,
                res.status().as_u16(),
                res.json::<Value>().await.unwrap(),
            )
        }));
    }
    for task in tasks {
        let (slot, status, body) = task.await.unwrap();
        assert_eq!(status, 201, "{body}");
        let id = body["id"].as_i64().unwrap();
        let record = app.state.store.booking_by_id(id).await.unwrap().unwrap();
        assert_eq!(record.slot_id, slot);
        assert_eq!(app.state.store.mail_for_booking(id).await.unwrap().len(), 1);
    }
    assert_eq!(
        app.state.store.all_booking_ids().await.unwrap().len(),
        slots.len()
    );
    app.stop().await;
}
