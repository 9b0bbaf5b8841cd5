//! 周知 through HTTP: 「空きのお知らせ」 with double opt-in and one-click
//! unsubscribe (which deletes the address), the public calendar and the
//! next evening (cacheable, no personal data), the embed (the one page that
//! may be framed), the coordinators' low-fill alert, and where people heard
//! of the consultations, recorded and counted.

use crate::support;

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use std::sync::Arc;
use support::staff::{cookie_for, get, page, send_form, staff};
use support::{spawn_app, spawn_app_on, spawn_app_with, TestApp, TestDb};
use tsunagu::domain::time::ManualClock;

const NOTICE: &str = "相談会の空き状況のお知らせ";

/// How many rows `sql` (with one text parameter) counts.
pub async fn count(db: &TestDb, sql: &str, value: &str) -> i64 {
    if db.url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        let n = sqlx::query_scalar(sql)
            .bind(value)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        n
    } else {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        let n = sqlx::query_scalar(sql)
            .bind(value)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        n
    }
}

/// The raw mails written to `to`, as files.
fn raw_mails(app: &TestApp, to: &str) -> Vec<String> {
    app.mail_files()
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|raw| raw.contains(&format!("To: {to}")))
        .collect()
}

/// Subscribes `email` through the API and follows the confirmation link.
pub async fn subscribed(app: &TestApp, email: &str, kinds: Value) {
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": email, "kinds": kinds, "lang": "ja"}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let token = app.link_token(email, "/subscriptions/confirm/").await;
    let res = app.get(&format!("/subscriptions/confirm/{token}")).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_subscription_waits_for_its_link_and_unsubscribing_deletes_the_address() {
    let app = spawn_app().await;
    let session = app.add_session(5).await;
    let email = "kikitai@example.jp";
    let body = json!({"email": "Kikitai@Example.jp", "kinds": ["new_month", "free_slot"],
                      "lang": "ja", "src": "leaflet-2027-01"});
    let first = app.post_json("/api/v1/subscriptions", &body).await;
    assert_eq!(first.status(), 202);
    let first: Value = first.json().await.unwrap();
    // Asked again, and for an address nobody knows: the same answer.
    let again: Value = app
        .post_json("/api/v1/subscriptions", &body)
        .await
        .json()
        .await
        .unwrap();
    let other: Value = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "someone@example.jp", "kinds": ["free_slot"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(first, other);
    app.outbox_drained().await;
    // One confirmation (not one per ask), neutral, and nothing else yet.
    let mails = app.mails_to(email);
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].0.starts_with(NOTICE), "{}", mails[0].0);
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(
        app.mails_to(email).len(),
        1,
        "nothing before the link is followed"
    );

    let token = app.link_token(email, "/subscriptions/confirm/").await;
    let res = app.get(&format!("/subscriptions/confirm/{token}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(res.text().await.unwrap().contains("登録が完了しました"));
    // The link works once.
    assert_eq!(
        app.get(&format!("/subscriptions/confirm/{token}"))
            .await
            .status(),
        404
    );

    // The evening in five days has free slots nobody waits for: one notice.
    tsunagu::jobs::sweep_outreach(&app.state).await;
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    let notices: Vec<_> = app
        .mails_to(email)
        .into_iter()
        .filter(|(s, _)| s == NOTICE)
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let text = &notices[0].1;
    assert!(
        text.contains("弁護士") && text.contains("臨床心理士"),
        "{text}"
    );
    assert!(
        !text.contains("someone@example.jp"),
        "no other subscriber shows"
    );
    let raw = raw_mails(&app, email)
        .into_iter()
        .find(|r| r.contains("List-Unsubscribe-Post"))
        .unwrap();
    assert!(
        raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{raw}"
    );
    let start = raw.find("List-Unsubscribe: <").unwrap() + "List-Unsubscribe: <".len();
    let one_click = &raw[start..start + raw[start..].find('>').unwrap()];
    let path = one_click
        .strip_prefix("http://tsunagu.test")
        .unwrap()
        .to_string();
    assert!(
        path.starts_with("/api/v1/subscriptions/unsubscribe/"),
        "{path}"
    );
    assert!(
        text.contains("/subscriptions/unsubscribe/"),
        "a link in the body too"
    );
    let _ = session;

    // One click, as a mail program sends it (RFC 8058): the address is gone,
    // from the subscriptions and from the outbox.
    let res = app
        .client
        .post(app.url(&path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["unsubscribed"], true);
    assert_eq!(
        app.post_empty(&path).await.status(),
        200,
        "twice is the same"
    );
    let db = &app.db;
    assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM subscriptions WHERE email = $1",
            email
        )
        .await,
        0
    );
    assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM outbox WHERE recipient = $1",
            email
        )
        .await,
        0
    );
    // The figures keep the confirmation, without the address.
    assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM subscription_tally WHERE channel = $1",
            "leaflet-2027-01"
        )
        .await,
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_bad_subscription_gets_a_message_per_field_and_the_form_keeps_what_was_typed() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "not an address", "kinds": []}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert!(body["fields"]["email"].is_string(), "{body}");
    assert!(body["fields"]["kinds"].is_string(), "{body}");
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "a@example.jp", "kinds": ["weekly"]}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "a\u{0}@example.jp", "kinds": "free_slot"}),
        )
        .await;
    assert_eq!(res.status(), 422);

    let form = app.get("/subscribe?src=poster-3").await;
    assert_eq!(form.status(), 200);
    let html = form.text().await.unwrap();
    support::assert_labelled(&html, "/subscribe");
    assert!(
        html.contains("name=\"src\" value=\"poster-3\""),
        "the channel is carried"
    );
    let res = app
        .post_form(
            "/subscribe",
            &[("email", "ｙａｍａｄａ＠"), ("src", "poster-3")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("ｙａｍａｄａ＠"), "what was typed is kept");
    assert!(html.contains("error-summary"));
    let res = app
        .post_form(
            "/subscribe",
            &[
                ("email", "ｙａｍａｄａ＠example.jp"),
                ("kinds", "new_month"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("確認のメールをお送りしました"));
    app.stop().await;
}

/// The VEVENTs of a calendar, each as its (name, value) properties.
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(parser.next().is_none(), "only one calendar");
    assert!(calendar.properties.iter().any(|p| p.name == "PRODID"));
    assert_eq!(calendar.timezones.len(), 1);
    calendar
        .events
        .iter()
        .map(|e| {
            e.properties
                .iter()
                .map(|p| {
                    let params = p
                        .params
                        .iter()
                        .flatten()
                        .map(|(k, v)| format!(";{k}={}", v.join(",")))
                        .collect::<String>();
                    (
                        format!("{}{params}", p.name),
                        p.value.clone().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .collect()
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    event
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[tokio::test]
async fn the_calendar_is_icalendar_that_follows_a_cancellation_and_can_be_cached() {
    let app = spawn_app().await;
    let first = app.add_session(12).await;
    let second = app.add_session(40).await;
    app.book_as(first.slots[0].id, "cal@example.jp", "090-1111-2222")
        .await;
    let res = app.get("/calendar.ics").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    assert!(res.headers()["cache-control"]
        .to_str()
        .unwrap()
        .starts_with("public, max-age="));
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let ics = res.text().await.unwrap();
    assert!(ics.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    let evs = events(&ics);
    assert_eq!(evs.len(), 2);
    for (e, s) in evs.iter().zip([&first, &second]) {
        assert_eq!(
            prop(e, "UID"),
            [format!("evening-{}@tsunagu.test", s.id).as_str()]
        );
        assert_eq!(prop(e, "DTSTART;TZID=Asia/Tokyo").len(), 1, "{e:?}");
        assert_eq!(prop(e, "SUMMARY"), ["相談会（夜間）"]);
        assert_eq!(prop(e, "STATUS"), ["CONFIRMED"]);
        assert!(!ics.contains("cal@example.jp") && !ics.contains("090-1111-2222"));
    }
    let description = prop(&evs[0], "DESCRIPTION")[0].replace(' ', "");
    assert!(
        description.contains("弁護士2枠") && description.contains("臨床心理士3枠"),
        "{description}"
    );
    // A request that holds this calendar gets 304.
    let res = app
        .client
        .get(app.url("/calendar.ics"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);

    // Cancelled: the same UID, cancelled, with a higher SEQUENCE.
    tsunagu::service::schedule::cancel_session(&app.state, second.id, "test")
        .await
        .unwrap();
    let res = app.get("/calendar.ics").await;
    assert_ne!(res.headers()["etag"].to_str().unwrap(), etag);
    let evs = events(&res.text().await.unwrap());
    assert_eq!(
        prop(&evs[1], "UID"),
        [format!("evening-{}@tsunagu.test", second.id).as_str()]
    );
    assert_eq!(prop(&evs[1], "STATUS"), ["CANCELLED"]);
    assert_eq!(prop(&evs[1], "SEQUENCE"), ["1"]);
    assert_eq!(prop(&evs[0], "SEQUENCE"), ["0"]);
    app.stop().await;
}

#[tokio::test]
async fn the_next_evening_and_the_embed_show_free_slots_and_only_the_embed_may_be_framed() {
    let app = spawn_app_with(|s| {
        s.outreach.embed_origins = vec!["https://www.partner.example.or.jp".into()];
    })
    .await;
    let none: Value = app.get_json("/api/v1/public/next").await;
    assert!(none["next"].is_null(), "{none}");
    let first = app.add_session(6).await;
    let second = app.add_session(35).await;
    let res = app.get("/api/v1/public/next").await;
    assert!(res.headers()["etag"].to_str().is_ok());
    assert!(res.headers()["cache-control"]
        .to_str()
        .unwrap()
        .starts_with("public"));
    let next: Value = res.json().await.unwrap();
    assert_eq!(next["next"]["session_id"], first.id, "{next}");
    assert_eq!(next["next"]["free"]["lawyer"], 3);
    // The first evening fills up: the next one with a free slot is the second.
    for (i, slot) in first.slots.iter().enumerate() {
        app.book_as(
            slot.id,
            &format!("full{i}@example.jp"),
            &format!("090-2222-33{i:02}"),
        )
        .await;
    }
    let next: Value = app.get_json("/api/v1/public/next").await;
    assert_eq!(next["next"]["session_id"], second.id, "{next}");

    let embed = app.get("/embed/next").await;
    assert_eq!(embed.status(), 200);
    let policy = embed.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        policy.contains("frame-ancestors https://www.partner.example.or.jp"),
        "{policy}"
    );
    assert!(embed.headers().get("x-frame-options").is_none());
    let html = embed.text().await.unwrap();
    assert!(html.len() < 4096, "a few KB: {}", html.len());
    assert!(!html.contains("<script"));
    assert!(html.contains("空き 6枠"), "{html}");
    support::assert_labelled(&html, "/embed/next");
    // Every other page still refuses to be framed.
    for path in [
        "/",
        "/subscribe",
        "/directory",
        &format!("/poster/{}", second.id),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["x-frame-options"], "DENY", "{path}");
        assert_eq!(
            res.headers()["content-security-policy"],
            "frame-ancestors 'none'",
            "{path}"
        );
    }
    let poster = app
        .get(&format!("/poster/{}", second.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(poster.contains("<svg"), "a QR code");
    assert!(poster.contains(&format!("http://tsunagu.test/?src=poster-{}", second.id)));
    assert_eq!(app.get("/poster/999999").await.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn where_people_heard_of_it_is_recorded_with_the_request_and_counted() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let session = app.add_session(9).await;
    // By the API, with an answer and a link's channel.
    let mut body = support::booking_body(session.slots[0].id);
    body["heard_from"] = json!("leaflet");
    body["src"] = json!("leaflet-2027-01");
    assert_eq!(app.post_booking(&body).await.status(), 201);
    // An answer that is not one of the configured ones is that field's error.
    let mut bad = support::booking_body(session.slots[1].id);
    bad["email"] = json!("other@example.jp");
    bad["phone"] = json!("090-7777-8888");
    bad["heard_from"] = json!("tv");
    let res = app.post_booking(&bad).await;
    assert_eq!(res.status(), 422);
    assert!(res.json::<Value>().await.unwrap()["fields"]["heard_from"].is_string());
    // By the form, reached from a poster's link: the channel comes along.
    let slot = session.slots[3].id;
    let form = app
        .get(&format!("/book/{slot}?src=poster-7"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("この相談会を何で知りましたか"));
    assert!(form.contains("name=\"src\" value=\"poster-7\""));
    let res = app
        .post_form(
            &format!("/book/{slot}"),
            &[
                ("name", "仙台 花子"),
                ("name_kana", "センダイ ハナコ"),
                ("phone", "090-5555-6666"),
                ("email", "form@example.jp"),
                ("age_band", "30s"),
                ("topic", "workplace"),
                ("consent", "yes"),
                ("heard_from", "shisei"),
                ("src", "poster-7"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    // A health request says where it heard of the centre.
    let health = json!({
        "business_name": "株式会社 青葉", "address": "宮城県仙台市青葉区一番町1-2-3", "workers": 12,
        "industry": "製造業", "contact_name": "総務 花子", "phone": "022-221-6870",
        "email": "soumu@aoba.example.jp", "services": [{"kind": "consultation", "workers": 2}],
        "preferred": {"weekdays": [], "time": "any", "note": ""}, "place": "centre", "consent": true,
        "heard_from": "workplace"
    });
    let res = app.post_json("/api/v1/health-requests", &health).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());

    let res = get(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/outreach/figures",
    )
    .await;
    assert_eq!(res.status(), 200);
    let f: Value = res.json().await.unwrap();
    let row = |list: &str, code: &str| {
        f[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(row("heard_from", "leaflet")["bookings"], 1, "{f}");
    assert_eq!(row("heard_from", "shisei")["bookings"], 1, "{f}");
    assert_eq!(row("heard_from", "workplace")["health"], 1, "{f}");
    assert_eq!(
        row("heard_from", "sns")["bookings"],
        0,
        "every answer shows"
    );
    assert_eq!(row("channels", "leaflet-2027-01")["bookings"], 1, "{f}");
    assert_eq!(row("channels", "poster-7")["bookings"], 1, "{f}");
    assert!(!f.to_string().contains("仙台 花子"));
    let res = get(&app, Some(&st.lawyer), "/api/v1/staff/outreach/figures").await;
    assert_eq!(res.status(), 403);
    let res = get(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/outreach/figures?from=2026-13-01",
    )
    .await;
    assert_eq!(res.status(), 422);

    // The staff's page, audited.
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let res = page(&app, &cookie, "/staff/outreach").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("チラシ・ポスター") && html.contains("poster-7"),
        "{html}"
    );
    support::assert_labelled(&html, "/staff/outreach");
    let audit = get(&app, Some(&st.admin), "/api/v1/staff/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("view_outreach"), "{audit}");
    app.stop().await;
}

#[tokio::test]
async fn the_low_fill_alert_goes_once_in_the_day_to_the_coordinators_with_the_partners() {
    let clock = ManualClock::new(Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.quiet_hours = "21:00-08:00".into(),
        Arc::new(clock.clone()),
    )
    .await;
    let st = staff(&app).await;
    let (service_id, _) = support::referral::service_with_mail(&app).await;
    // The coordinator marks the scriveners' centre as passing notices on.
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let html = page(&app, &cookie, "/staff/outreach")
        .await
        .text()
        .await
        .unwrap();
    let csrf = support::staff::csrf_in(&html);
    let res = send_form(
        &app,
        &cookie,
        &format!("/staff/outreach/partners/{service_id}"),
        &[("csrf", &csrf), ("agreed", "yes")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let near = app.add_session(8).await;
    let _far = app.add_session(30).await;
    let alerts = || {
        app.mails_to("coord@city.example.jp")
            .into_iter()
            .filter(|(s, _)| s.starts_with("相談会の空き枠のお知らせ"))
            .collect::<Vec<_>>()
    };
    // In the night: nothing.
    let night = tsunagu::domain::time::jst_instant(
        tsunagu::domain::time::jst_today(Utc::now()),
        chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
    );
    clock.set(night);
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    assert!(alerts().is_empty());
    clock.set(night + Duration::hours(11));
    tsunagu::jobs::sweep_outreach(&app.state).await;
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    let sent = alerts();
    assert_eq!(
        sent.len(),
        1,
        "once, for the evening within 10 days: {sent:?}"
    );
    let text = &sent[0].1;
    assert!(text.contains("司法書士"), "the partner is named: {text}");
    assert!(
        text.contains(&format!("http://tsunagu.test/poster/{}", near.id)),
        "{text}"
    );
    assert!(text.contains("転送用の文面"), "{text}");
    let _ = st;
    app.stop().await;
}
