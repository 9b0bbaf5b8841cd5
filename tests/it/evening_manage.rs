//! Managing a booking from its link, both-professional bookings, the
//! booking rules and the staff API.

use crate::support;

use tsunagu::domain::Profession;
use tsunagu::store::SlotView;

use serde_json::{json, Value};
use support::{booking_body, spawn_app, spawn_app_with};

#[tokio::test]
async fn a_booking_is_seen_cancelled_and_its_slot_freed() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let slot = session.slots[0].id;
    let token = app.book_as(slot, "a@example.jp", "090-1111-0001").await;
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(seen["kind"], "booking");
    assert_eq!(seen["status"], "confirmed");
    let res = app
        .post_empty(&format!("/api/v1/manage/{token}/cancel"))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["cancelled"], 1);
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(seen["status"], "cancelled");
    let slot_now = app
        .state
        .store
        .slot(slot, chrono::Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert!(slot_now.available, "the slot is public again");
    let again = app
        .post_empty(&format!("/api/v1/manage/{token}/cancel"))
        .await;
    assert_eq!(again.status(), 409);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "booking_cancelled"
    );
    let cancelled = support::eventually(10, || async {
        app.mails_to("a@example.jp")
            .into_iter()
            .find(|m| m.0.contains("キャンセル"))
    })
    .await;
    assert!(!cancelled.0.contains("弁護士"));
    assert!(
        cancelled.1.contains("弁護士"),
        "the body says which booking"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_booking_moves_atomically_to_a_free_slot() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let (from, to, taken) = (
        session.slots[0].id,
        session.slots[1].id,
        session.slots[2].id,
    );
    let token = app.book_as(from, "a@example.jp", "090-1111-0001").await;
    app.book_as(taken, "b@example.jp", "090-1111-0002").await;
    let res = app
        .post_json(
            &format!("/api/v1/manage/{token}/move"),
            &json!({ "slot_id": taken }),
        )
        .await;
    assert_eq!(res.status(), 409);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "slot_taken");
    let res = app
        .post_json(
            &format!("/api/v1/manage/{token}/move"),
            &json!({ "slot_id": to }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let moved: Value = res.json().await.unwrap();
    assert_eq!(moved["slot_id"], to);
    let now = chrono::Utc::now();
    assert!(
        app.state
            .store
            .slot(from, now)
            .await
            .unwrap()
            .unwrap()
            .available
    );
    assert!(
        !app.state
            .store
            .slot(to, now)
            .await
            .unwrap()
            .unwrap()
            .available
    );
    let changed = support::eventually(10, || async {
        app.mails_to("a@example.jp")
            .into_iter()
            .find(|m| m.0.contains("変更"))
    })
    .await;
    assert!(changed.1.contains("変更前"));
    let res = app
        .post_json(
            &format!("/api/v1/manage/{token}/move"),
            &json!({ "slot_id": "x" }),
        )
        .await;
    assert_eq!(res.status(), 422);
    app.stop().await;
}

#[tokio::test]
async fn cancel_racing_a_move_never_leaves_the_booking_on_two_slots() {
    let app = spawn_app().await;
    for round in 0..10 {
        let session = app.add_session(10 + round).await;
        let (from, to) = (session.slots[0].id, session.slots[1].id);
        let token = app
            .book_as(
                from,
                &format!("r{round}@example.jp"),
                &format!("090-2222-{round:04}"),
            )
            .await;
        let cancel = app
            .client
            .post(app.url(&format!("/api/v1/manage/{token}/cancel")))
            .send();
        let move_ = app
            .client
            .post(app.url(&format!("/api/v1/manage/{token}/move")))
            .json(&json!({ "slot_id": to }))
            .send();
        let (c, m) = tokio::join!(cancel, move_);
        let (c, m) = (c.unwrap().status().as_u16(), m.unwrap().status().as_u16());
        assert!(
            c == 200 || m == 200,
            "one of them succeeds: cancel {c}, move {m}"
        );
        let now = chrono::Utc::now();
        let mut held = 0;
        for id in [from, to] {
            if !app
                .state
                .store
                .slot(id, now)
                .await
                .unwrap()
                .unwrap()
                .available
            {
                held += 1;
            }
        }
        let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
        if c == 200 {
            assert_eq!(seen["status"], "cancelled");
            assert_eq!(held, 0, "a cancelled booking holds no slot");
        } else {
            assert_eq!(held, 1);
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn both_professionals_are_booked_together_or_not_at_all() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let lawyer = session
        .slots
        .iter()
        .find(|s| s.profession == tsunagu::domain::Profession::Lawyer)
        .unwrap()
        .id;
    let psych: Vec<i64> = session
        .slots
        .iter()
        .filter(|s| s.profession == tsunagu::domain::Profession::Psychologist)
        .map(|s| s.id)
        .collect();
    let mut body = booking_body(0);
    body.as_object_mut().unwrap().remove("slot_id");
    body["slot_ids"] = json!([lawyer, psych[1]]);
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["ids"].as_array().unwrap().len(), 2);
    let token = created["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(seen["bookings"].as_array().unwrap().len(), 2);
    let mail = support::eventually(10, || async {
        app.mails_to("hanako@example.jp").first().cloned()
    })
    .await;
    assert!(
        mail.1.contains("弁護士") && mail.1.contains("臨床心理士"),
        "one mail names both"
    );

    // One of the pair already taken: neither is booked.
    let other = app.add_session(20).await;
    let l2 = other
        .slots
        .iter()
        .find(|s| s.profession == tsunagu::domain::Profession::Lawyer)
        .unwrap()
        .id;
    let p2 = other
        .slots
        .iter()
        .find(|s| s.profession == tsunagu::domain::Profession::Psychologist)
        .unwrap()
        .id;
    app.book_as(p2, "x@example.jp", "090-3333-0001").await;
    let mut body = booking_body(0);
    body["slot_ids"] = json!([l2, p2]);
    body["email"] = json!("y@example.jp");
    body["phone"] = json!("090-3333-0002");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 409);
    assert!(
        app.state
            .store
            .slot(l2, chrono::Utc::now())
            .await
            .unwrap()
            .unwrap()
            .available,
        "the lawyer slot stays free"
    );

    // Not a pair: two lawyers, or two evenings.
    body["slot_ids"] = json!([l2, lawyer]);
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "not_a_pair");
    body["slot_ids"] = json!([l2, psych[2]]);
    assert_eq!(app.post_booking(&body).await.status(), 422);
    app.stop().await;
}

#[tokio::test]
async fn one_booking_per_person_per_evening_and_profession() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "same@example.jp", "090-4444-0001")
        .await;
    let mut body = booking_body(session.slots[1].id);
    body["email"] = json!("same@example.jp");
    body["phone"] = json!("090-4444-9999");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 409);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"], "one_booking_per_person");
    assert!(err["message"].as_str().unwrap().contains("同じ方"));
    // Same phone written differently.
    body["email"] = json!("other@example.jp");
    body["phone"] = json!("０９０４４４４０００１");
    assert_eq!(app.post_booking(&body).await.status(), 409);
    // The other profession is fine.
    body["slot_id"] = json!(session.slots[3].id);
    assert_eq!(app.post_booking(&body).await.status(), 201);
    app.stop().await;
}

#[tokio::test]
async fn booking_opens_and_closes_by_the_configured_window() {
    let app = spawn_app_with(|s| {
        s.booking.opens_days_before = 30;
        s.booking.cutoff = "5d".into();
    })
    .await;
    let far = app.add_session(45).await;
    let res = app.post_booking(&booking_body(far.slots[0].id)).await;
    assert_eq!(res.status(), 409);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"], "booking_not_open");
    assert!(
        err["message"].as_str().unwrap().contains("予約受付は"),
        "{err}"
    );
    let near = app.add_session(3).await;
    let res = app.post_booking(&booking_body(near.slots[0].id)).await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "booking_closed"
    );
    let ok = app.add_session(10).await;
    assert_eq!(
        app.post_booking(&booking_body(ok.slots[0].id))
            .await
            .status(),
        201
    );
    app.stop().await;
}

#[tokio::test]
async fn staff_book_cancel_and_move_on_a_callers_behalf() {
    let app =
        spawn_app_with(|s| s.staff.api_token = tsunagu::config::Secret::new("s3cret-token")).await;
    let session = app.add_session(10).await;
    let url = app.url("/api/v1/staff/evening-bookings");
    let body = booking_body(session.slots[0].id);
    assert_eq!(
        app.client
            .post(&url)
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let wrong = app
        .client
        .post(&url)
        .bearer_auth("nope")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let res = app
        .client
        .post(&url)
        .bearer_auth("s3cret-token")
        .header("x-staff-name", "事務局 佐藤")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let record = app.state.store.booking_by_id(id).await.unwrap().unwrap();
    assert_eq!(record.acted_by.as_deref(), Some("事務局 佐藤"));
    let move_url = app.url(&format!("/api/v1/staff/bookings/{id}/move"));
    let res = app
        .client
        .post(&move_url)
        .bearer_auth("s3cret-token")
        .json(&json!({ "slot_id": session.slots[1].id }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cancel_url = app.url(&format!("/api/v1/staff/bookings/{id}/cancel"));
    assert_eq!(
        app.client.post(&cancel_url).send().await.unwrap().status(),
        401
    );
    let res = app
        .client
        .post(&cancel_url)
        .bearer_auth("s3cret-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.state
            .store
            .booking_by_id(id)
            .await
            .unwrap()
            .unwrap()
            .status,
        "cancelled"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_staff_api_is_closed_when_no_token_is_configured() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/v1/staff/evening-bookings"))
        .bearer_auth("")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn pages_let_a_person_cancel_and_move_without_javascript() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let token = app
        .book_as(session.slots[0].id, "a@example.jp", "090-5555-0001")
        .await;
    let html = app
        .get(&format!("/manage/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&format!("action=\"/manage/{token}/cancel\"")));
    assert!(html.contains(&format!("action=\"/manage/{token}/move\"")));
    assert!(
        html.contains(&format!("value=\"{}\"", session.slots[1].id)),
        "a free slot to move to"
    );
    let res = app
        .post_form(
            &format!("/manage/{token}/move"),
            &[("slot_id", &session.slots[1].id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app
        .get(res.headers()["location"].to_str().unwrap())
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("ご予約を変更しました"));
    // 「予約をキャンセルする」 asks first and changes nothing ...
    let res = app.post_form(&format!("/manage/{token}/cancel"), &[]).await;
    assert_eq!(res.status(), 200);
    let confirm = res.text().await.unwrap();
    assert!(
        confirm.contains("キャンセルの確認") && confirm.contains("name=\"confirm\" value=\"yes\"")
    );
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    assert_eq!(
        seen["bookings"][0]["status"], "confirmed",
        "not cancelled yet"
    );
    // ... and cancels on the second press.
    let res = app
        .post_form(
            &format!("/manage/{token}/cancel"),
            &[("booking_id", "all"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app
        .get(res.headers()["location"].to_str().unwrap())
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("キャンセルを承りました"));
    assert!(!html.contains("/cancel\""), "nothing left to cancel");
    // The form offers the other profession on the same evening.
    let form = app
        .get(&format!("/book/{}", session.slots[2].id))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("name=\"also_slot_id\""));
    app.stop().await;
}

/// The lawyer and psychologist slots of an evening, in time order.
fn by_profession(session: &tsunagu::store::SessionView) -> (Vec<SlotView>, Vec<SlotView>) {
    let of = |p| {
        let mut v: Vec<SlotView> = session
            .slots
            .iter()
            .filter(|s| s.profession == p)
            .cloned()
            .collect();
        v.sort_by_key(|s| s.starts_at);
        v
    };
    (of(Profession::Lawyer), of(Profession::Psychologist))
}

#[tokio::test]
async fn one_person_is_never_in_two_rooms_at_once() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let (lawyers, psychs) = by_profession(&session);
    let same_time = psychs
        .iter()
        .find(|p| p.starts_at == lawyers[0].starts_at)
        .expect("the two professions share their times");
    // The API refuses a pair at the same time.
    let mut body = booking_body(0);
    body.as_object_mut().unwrap().remove("slot_id");
    body["slot_ids"] = json!([lawyers[0].id, same_time.id]);
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "overlapping_slots"
    );
    // The form offers only the other professional's slots that fit, saying which comes first.
    let form = app
        .get(&format!("/book/{}", lawyers[0].id))
        .await
        .text()
        .await
        .unwrap();
    assert!(!form.contains(&format!("value=\"{}\"", same_time.id)));
    let later = psychs
        .iter()
        .find(|p| p.starts_at > lawyers[0].starts_at)
        .unwrap();
    assert!(form.contains(&format!("value=\"{}\"", later.id)));
    assert!(form.contains("（この枠の後）"));
    // A pair that fits is booked; moving one of it onto the other's time is refused.
    body["slot_ids"] = json!([lawyers[0].id, later.id]);
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201);
    let token = res.json::<Value>().await.unwrap()["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let onto = lawyers
        .iter()
        .find(|l| l.starts_at == later.starts_at)
        .unwrap();
    let res = app
        .post_json(
            &format!("/api/v1/manage/{token}/move"),
            &json!({ "slot_id": onto.id }),
        )
        .await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "overlapping_slots"
    );
    // The manage page does not offer it, and a forced form post says why.
    let html = app
        .get(&format!("/manage/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&format!("id=\"move-{}\"", onto.id)));
    let res = app
        .post_form(
            &format!("/manage/{token}/move"),
            &[("slot_id", &onto.id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("同じ時間に受けることはできません"));
    // When every slot of the other professional meets this one, the form says so.
    let full = app.add_session(20).await;
    let (l2, p2) = by_profession(&full);
    for (i, p) in p2
        .iter()
        .enumerate()
        .filter(|(_, p)| p.starts_at != l2[0].starts_at)
    {
        app.book_as(
            p.id,
            &format!("p{i}@example.jp"),
            &format!("090-4444-00{i:02}"),
        )
        .await;
    }
    let form = app
        .get(&format!("/book/{}", l2[0].id))
        .await
        .text()
        .await
        .unwrap();
    assert!(!form.contains("name=\"also_slot_id\""));
    assert!(form.contains("時間の重ならないもう一方の相談員の空き枠がありません"));
    app.stop().await;
}

#[tokio::test]
async fn a_pair_cancels_one_slot_or_both_and_a_move_needs_a_choice() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let (lawyers, psychs) = by_profession(&session);
    let later = psychs
        .iter()
        .find(|p| p.starts_at > lawyers[0].starts_at)
        .unwrap();
    let mut body = booking_body(0);
    body.as_object_mut().unwrap().remove("slot_id");
    body["slot_ids"] = json!([lawyers[0].id, later.id]);
    let created: Value = app.post_booking(&body).await.json().await.unwrap();
    let ids: Vec<i64> = created["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let token = created["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    // Both slots of one evening are one visit: neither is marked 再来.
    let sheet = support::day_sheet_json(&app, session.id).await;
    let visits: Vec<&Value> = sheet["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["booking"].is_object())
        .map(|l| &l["booking"]["first_visit"])
        .collect();
    assert_eq!(
        visits,
        vec![&json!(true), &json!(true)],
        "初回 twice, not 再来"
    );
    // 「この日時に変更する」 with nothing chosen says so, and changes nothing.
    let res = app.post_form(&format!("/manage/{token}/move"), &[]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("変更先の日時を選んでから"));
    // Each slot of the pair has its own cancel; it asks first.
    let html = app
        .get(&format!("/manage/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("この枠だけキャンセルする"));
    let psych_booking = ids
        .iter()
        .copied()
        .find(|id| html.contains(&format!("name=\"booking_id\" value=\"{id}\"")))
        .expect("a cancel form per slot");
    let res = app
        .post_form(
            &format!("/manage/{token}/cancel"),
            &[("booking_id", &psych_booking.to_string())],
        )
        .await;
    assert_eq!(res.status(), 200);
    let confirm = res.text().await.unwrap();
    assert!(confirm.contains("キャンセルの確認"));
    let res = app
        .post_form(
            &format!("/manage/{token}/cancel"),
            &[
                ("booking_id", &psych_booking.to_string()),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let seen: Value = app.get_json(&format!("/api/v1/manage/{token}")).await;
    let statuses: Vec<(i64, String)> = seen["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["id"].as_i64().unwrap(),
                b["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(statuses.len(), 2);
    for (id, status) in statuses {
        let want = if id == psych_booking {
            "cancelled"
        } else {
            "confirmed"
        };
        assert_eq!(status, want, "only the chosen slot is cancelled");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_change_mail_carries_a_manage_link_that_works() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let token = app
        .book_as(session.slots[0].id, "mover@example.jp", "090-6161-0001")
        .await;
    let res = app
        .post_json(
            &format!("/api/v1/manage/{token}/move"),
            &json!({ "slot_id": session.slots[1].id }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let changed = support::eventually(10, || async {
        app.mails_to("mover@example.jp")
            .into_iter()
            .find(|m| m.0.contains("変更"))
    })
    .await;
    let start = changed.1.find("/manage/").expect("a manage link") + "/manage/".len();
    let link: String = changed.1[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    assert_eq!(link.len(), 48);
    assert_ne!(link, token, "a link of its own");
    let seen: Value = app.get_json(&format!("/api/v1/manage/{link}")).await;
    assert_eq!(seen["slot_id"], session.slots[1].id);
    app.stop().await;
}
