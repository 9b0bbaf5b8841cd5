//! つなぐ through the API: a professional refers a booking's person, with
//! their consent, to a service of the directory; the service is mailed only
//! what consent allows and records through its link what happened; the
//! person sees it on their manage link and withdraws, after which the link
//! shows nothing; the office lists the open ones. Every view is audited.

use crate::support;

use serde_json::{json, Value};
use support::referral::{consent, service_with_mail as scriveners, SERVICE_MAIL};
use support::staff::{get, post, staff};
use support::{spawn_app, TestApp};

const PERSON_MAIL: &str = "hanako@example.jp";

/// A booking of the lawyer's slot on an evening the lawyer is assigned
/// to: (booking id, manage token).
async fn booked(app: &TestApp, coordinator: &str, lawyer_id: i64) -> (i64, String) {
    let session = app.add_session(10).await;
    let res = post(
        app,
        Some(coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", session.id),
        json!({"profession": "lawyer", "professional_id": lawyer_id}),
    )
    .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let slot = session
        .slots
        .iter()
        .find(|s| s.profession == tsunagu::domain::Profession::Lawyer)
        .unwrap();
    let mut body = support::booking_body(slot.id);
    body["topic"] = json!("money");
    body["note"] = json!("借金の返済で困っている");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.unwrap();
    let token = made["manage_url"]
        .as_str()
        .and_then(|u| u.rsplit('/').next())
        .unwrap()
        .to_string();
    let managed = app.get_json(&format!("/api/v1/manage/{token}")).await;
    (managed["id"].as_i64().unwrap(), token)
}

#[tokio::test]
async fn a_referral_passes_on_only_what_was_consented_to_and_is_followed_until_withdrawn() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let (service_id, phone) = scriveners(&app).await;
    let (booking, manage) = booked(&app, &st.coordinator, st.lawyer_id).await;
    let path = format!("/api/v1/staff/bookings/{booking}/referrals");

    // Without consent, nothing is made; each bad field is named.
    let res = post(
        &app,
        Some(&st.lawyer),
        &path,
        json!({"service_id": service_id, "consent": {"given": false, "text_version": "x"},
               "contact": "fax", "share": {"name": true}}),
    )
    .await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert!(body["fields"]["consent"].is_string(), "{body}");
    assert!(body["fields"]["contact"].is_string(), "{body}");

    // Name and phone go along, with a note written for the service; the
    // topic and the booking's own note do not.
    let res = post(
        &app,
        Some(&st.lawyer),
        &path,
        json!({"service_id": service_id, "consent": consent(), "contact": "phone",
               "share": {"name": true, "contact": true, "note": true, "topic": false},
               "note_for_service": "平日の夕方に電話がつながりやすいそうです"}),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let made: Value = res.json().await.unwrap();
    assert_eq!(made["status"], "sent");
    let id = made["id"].as_i64().unwrap();

    let token = app.link_token(SERVICE_MAIL, "/referrals/").await;
    let (subject, text) = app.mails_to(SERVICE_MAIL).pop().unwrap();
    assert!(
        !subject.contains("仙台 花子") && !subject.contains("借金"),
        "{subject}"
    );
    assert!(text.contains("仙台 花子"), "{text}");
    assert!(text.contains("090-1234-5678"), "{text}");
    assert!(
        text.contains("平日の夕方に電話がつながりやすいそうです"),
        "{text}"
    );
    assert!(
        !text.contains("借金の返済"),
        "the booking's own note stays: {text}"
    );
    assert!(
        !text.contains("お金") && !text.contains("hanako@example.jp"),
        "{text}"
    );

    // The person is told where, with the service's phone.
    let (_, told) = eventually_mail(&app, PERSON_MAIL, "ご案内した窓口").await;
    assert!(told.contains(&phone), "{told}");

    // The service sees it through its link, and records what happened.
    let view = app.get_json(&format!("/api/v1/referrals/{token}")).await;
    assert_eq!(view["shared"]["name"], "仙台 花子");
    assert_eq!(view["shared"]["phone"], "090-1234-5678");
    assert!(view["shared"]["topic"].is_null());
    assert!(view["shared"]["email"].is_null());
    let res = app
        .post_json(
            &format!("/api/v1/referrals/{token}/status"),
            &json!({"status": "contacted", "note": "本人と電話で話し、来週面談予定"}),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let res = app
        .post_json(
            &format!("/api/v1/referrals/{token}/status"),
            &json!({"status": "withdrawn"}),
        )
        .await;
    assert_eq!(
        res.status(),
        422,
        "a service does not withdraw for the person"
    );

    // The office sees it among the open ones, with its age.
    let res = get(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/referrals?status=open",
    )
    .await;
    assert_eq!(res.status(), 200);
    let list: Value = res.json().await.unwrap();
    let line = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .expect("listed")
        .clone();
    assert_eq!(line["status"], "contacted");
    assert_eq!(line["age_days"], 0);
    assert_eq!(line["overdue"], false);
    let res = get(
        &app,
        Some(&st.lawyer),
        "/api/v1/staff/referrals?status=open",
    )
    .await;
    assert_eq!(res.status(), 403);

    // The person sees it and withdraws; the link shows nothing more, and
    // the service is told.
    let managed = app.get_json(&format!("/api/v1/manage/{manage}")).await;
    let mine = &managed["referrals"][0];
    assert_eq!(mine["status"], "contacted");
    assert_eq!(mine["service"]["phones"][0], phone.as_str());
    assert_eq!(mine["shared"]["name"], "仙台 花子");
    assert_eq!(mine["may_withdraw"], true);
    let res = app
        .post_empty(&format!("/api/v1/manage/{manage}/referrals/{id}/withdraw"))
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let view = app.get_json(&format!("/api/v1/referrals/{token}")).await;
    assert_eq!(view["withdrawn"], true);
    assert!(view["shared"]["name"].is_null(), "{view}");
    assert!(view["shared"]["phone"].is_null(), "{view}");
    assert!(view["shared"]["note"].is_null(), "{view}");
    let stored = app.state.store.referral(id).await.unwrap().unwrap();
    assert_eq!(stored.shared, "{}", "withdrawn: what was passed on is gone");
    let res = app
        .post_json(
            &format!("/api/v1/referrals/{token}/status"),
            &json!({"status": "connected"}),
        )
        .await;
    assert_eq!(res.status(), 409);
    let res = app
        .post_empty(&format!("/api/v1/manage/{manage}/referrals/{id}/withdraw"))
        .await;
    assert_eq!(res.status(), 409);
    eventually_mail(&app, SERVICE_MAIL, "取り下げ").await;

    // Every view and step is on the audit log; none of it holds what was
    // passed on.
    let lines = app.state.store.audit_search("referral", 50).await.unwrap();
    let actions: Vec<&str> = lines.iter().map(|l| l.action.as_str()).collect();
    assert!(actions.contains(&"referral_made"), "{actions:?}");
    assert!(actions.iter().filter(|a| **a == "referral_viewed").count() >= 2);
    assert!(actions.contains(&"referral_updated"));
    assert!(actions.contains(&"view_referrals"));
    for l in &lines {
        assert!(
            !l.detail.contains("仙台 花子") && !l.detail.contains("090"),
            "{}",
            l.detail
        );
    }
    app.stop().await;
}

async fn eventually_mail(app: &TestApp, to: &str, subject: &str) -> (String, String) {
    support::eventually(15, || async {
        app.mails_to(to)
            .into_iter()
            .find(|(s, _)| s.contains(subject))
    })
    .await
}

#[tokio::test]
async fn only_the_professionals_of_the_evening_and_the_office_may_refer() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let (service_id, _) = scriveners(&app).await;
    let (booking, _) = booked(&app, &st.coordinator, st.lawyer_id).await;
    // Another evening's booking, which the lawyer is not assigned to.
    let other = app.add_session(40).await;
    let res = app
        .post_booking(&support::booking_body(other.slots[0].id))
        .await;
    assert_eq!(res.status(), 201);
    let token = res.json::<Value>().await.unwrap()["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let theirs = app.get_json(&format!("/api/v1/manage/{token}")).await["id"]
        .as_i64()
        .unwrap();
    let body = json!({"service_id": service_id, "consent": consent(), "contact": "none",
                      "share": {"name": false}});
    let res = post(
        &app,
        Some(&st.lawyer),
        &format!("/api/v1/staff/bookings/{theirs}/referrals"),
        body.clone(),
    )
    .await;
    assert_eq!(res.status(), 403);
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{theirs}/referrals"),
        body.clone(),
    )
    .await;
    assert_eq!(res.status(), 201);
    let res = post(
        &app,
        None,
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        body.clone(),
    )
    .await;
    assert_eq!(res.status(), 401);
    // A consent to other words than those in use is refused.
    let mut old = body.clone();
    old["consent"]["text_version"] = json!("2020-01");
    let res = post(
        &app,
        Some(&st.lawyer),
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        old,
    )
    .await;
    assert_eq!(res.status(), 422);
    // Contact 'none': nothing personal goes along, and the person is told
    // to call the service themselves.
    let res = post(
        &app,
        Some(&st.lawyer),
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        body,
    )
    .await;
    assert_eq!(res.status(), 201);
    let token = app.link_token(SERVICE_MAIL, "/referrals/").await;
    let view = app.get_json(&format!("/api/v1/referrals/{token}")).await;
    assert!(view["shared"]["name"].is_null() && view["shared"]["phone"].is_null());
    assert_eq!(view["shared"]["contact_by"], "none");
    let res = app
        .get("/api/v1/referrals/0123456789abcdef0123456789abcdef0123456789abcdef")
        .await;
    assert_eq!(res.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn the_service_records_on_its_page_without_an_account_and_a_refused_form_keeps_the_note() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let (service_id, _) = scriveners(&app).await;
    let session = app.add_session(10).await;
    let manage = app
        .book_as(session.slots[0].id, "page@example.jp", "090-2222-3333")
        .await;
    let token = support::referral::refer(&app, &st.coordinator, &manage, &service_id).await;
    let path = format!("/referrals/{token}");

    let html = app.get(&path).await.text().await.unwrap();
    assert!(
        html.contains("仙台 花子") && html.contains("090-2222-3333"),
        "{html}"
    );
    assert!(
        html.contains("name=\"status\" value=\"contacted\""),
        "{html}"
    );
    support::assert_labelled(&html, &path);

    // No status chosen: the form comes back with its message and the note.
    let res = app
        .post_form(&path, &[("note", "来週また電話します")])
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("来週また電話します"), "{html}");
    assert!(html.contains("id=\"status-error\""), "{html}");

    let res = app
        .post_form(
            &path,
            &[("status", "connected"), ("note", "初回面談を終えました")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app
        .get(&format!("{path}?recorded=1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("初回面談を終えました"), "{html}");
    assert!(
        !html.contains("name=\"status\""),
        "arrived: nothing more to record"
    );

    // In English too.
    let html = app
        .get(&format!("{path}?lang=en"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Connected"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn a_referral_made_as_the_evening_ends_is_told_in_the_morning() {
    use chrono::{Duration, TimeZone};
    let tonight = chrono_tz::Asia::Tokyo
        .from_local_datetime(
            &(tsunagu::domain::time::jst_today(chrono::Utc::now()))
                .and_hms_opt(21, 30, 0)
                .unwrap(),
        )
        .unwrap()
        .with_timezone(&chrono::Utc);
    let clock = tsunagu::domain::time::ManualClock::new(tonight);
    let app = support::spawn_app_on(
        support::TestDb::new().await,
        |s| s.waitlist.quiet_hours = "21:00-08:00".into(),
        std::sync::Arc::new(clock.clone()),
    )
    .await;
    let st = staff(&app).await;
    let (service_id, _) = scriveners(&app).await;
    let session = app.add_session(10).await;
    let manage = app
        .book_as(session.slots[0].id, "night@example.jp", "090-1212-3434")
        .await;
    let booking = app.get_json(&format!("/api/v1/manage/{manage}")).await["id"]
        .as_i64()
        .unwrap();
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        json!({"service_id": service_id, "consent": consent(), "contact": "phone",
               "share": {"name": true, "contact": true}}),
    )
    .await;
    assert_eq!(res.status(), 201);
    // At night: queued for the morning (08:00 JST), not sent.
    let morning = tonight + Duration::minutes(630);
    let sql = "SELECT COUNT(*) FROM outbox WHERE kind IN ('referral_notice', 'referral_made')
                AND status = 'queued' AND next_attempt_at >= $1";
    let held: i64 = if app.db.url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&app.db.url).await.unwrap();
        sqlx::query_scalar(sql)
            .bind(morning)
            .fetch_one(&pool)
            .await
            .unwrap()
    } else {
        let pool = sqlx::PgPool::connect(&app.db.url).await.unwrap();
        sqlx::query_scalar(sql)
            .bind(morning)
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    assert_eq!(held, 2, "the service's notice and the person's mail wait");
    clock.set(tonight + Duration::hours(11));
    app.outbox_drained().await;
    assert_eq!(app.mails_to(SERVICE_MAIL).len(), 1);
    app.stop().await;
}
