//! 産業保健センター end to end through HTTP: requests and eligibility, the
//! queue by due date, doctors' blocks, the scheduling assistant, the
//! business's answer, capacity guarded by the database, doctors' rosters,
//! reminders and figures.

use crate::support;

use chrono::{Duration, NaiveDate, Utc};
use serde_json::{json, Value};
use std::sync::Arc;
use support::{eventually, spawn_app, spawn_app_on, spawn_app_with, staff_token, TestApp, TestDb};
use tsunagu::domain::staff::Role;
use tsunagu::domain::time::{jst_today, ManualClock};

fn today() -> NaiveDate {
    jst_today(Utc::now())
}

fn request_body(name: &str, email: &str) -> Value {
    json!({
        "business_name": name,
        "address": "宮城県仙台市青葉区一番町１－２－３",
        "workers": "１２",
        "industry": "製造業",
        "contact_name": "総務 花子",
        "phone": "０２２－２２１－６８７０",
        "email": email,
        "services": [{"kind": "consultation", "workers": 2}],
        "preferred": {"weekdays": [], "time": "any", "note": ""},
        "place": "centre",
        "consent": true
    })
}

struct Office {
    coordinator: String,
    doctor_token: String,
    doctor_id: i64,
    other_doctor_id: i64,
}

async fn office(app: &TestApp) -> Office {
    let s = &app.state;
    let now = Utc::now();
    let doctor_id = s
        .store
        .create_professional("産業 医子", "doctor", "仙台市医師会", "", now)
        .await
        .unwrap();
    let other_doctor_id = s
        .store
        .create_professional("健康 守", "doctor", "仙台市医師会", "", now)
        .await
        .unwrap();
    Office {
        coordinator: staff_token(
            app,
            "coord@centre.example.jp",
            "事務 局",
            Role::Coordinator,
            None,
        )
        .await,
        doctor_token: staff_token(
            app,
            "doc@centre.example.jp",
            "産業 医子",
            Role::Professional,
            Some(doctor_id),
        )
        .await,
        doctor_id,
        other_doctor_id,
    }
}

async fn staff_post(app: &TestApp, token: &str, path: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn staff_get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

/// `POST /api/v1/staff/health-schedule/confirm` and its answer.
async fn confirm(app: &TestApp, token: &str, body: &Value) -> Value {
    staff_post(app, token, "/api/v1/staff/health-schedule/confirm", body)
        .await
        .json()
        .await
        .unwrap()
}

async fn submit(app: &TestApp, body: &Value) -> Value {
    let res = app.post_json("/api/v1/health-requests", body).await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// Waits for a mail to `to` whose subject holds `subject`; the status-page token in it.
async fn token_in_mail(app: &TestApp, to: &str, subject: &str) -> String {
    eventually(15, || async {
        app.mails_to(to).iter().find_map(|(s, text)| {
            if !s.contains(subject) {
                return None;
            }
            let start = text.find("/health/manage/")? + "/health/manage/".len();
            Some(
                text[start..]
                    .chars()
                    .take_while(|c| c.is_ascii_hexdigit())
                    .collect(),
            )
        })
    })
    .await
}

fn token_of(manage_url: &str) -> String {
    manage_url.rsplit('/').next().unwrap().to_string()
}

#[allow(clippy::too_many_arguments)]
async fn add_block(
    app: &TestApp,
    token: &str,
    doctor: i64,
    date: NaiveDate,
    start: &str,
    end: &str,
    place: &str,
    capacity: u32,
) -> reqwest::Response {
    staff_post(
        app,
        token,
        "/api/v1/staff/health-availability",
        &json!({"doctor_id": doctor, "date": date.to_string(), "start": start, "end": end, "place": place, "capacity": capacity}),
    )
    .await
}

#[tokio::test]
async fn a_business_requests_and_sees_its_place_estimate_and_mail() {
    let app = spawn_app().await;
    let created = submit(
        &app,
        &request_body("株式会社 青葉製作所", "soumu@aoba.example.jp"),
    )
    .await;
    assert_eq!(created["status"], "waiting");
    assert_eq!(created["position"], 1);
    let number = created["number"].as_str().unwrap();
    assert!(number.starts_with('H'), "{number}");
    let month = created["estimated_month"].as_str().unwrap();
    assert_eq!(month, today().format("%Y-%m").to_string());
    let manage_url = created["manage_url"].as_str().unwrap();
    assert!(manage_url.starts_with("http://tsunagu.test/health/manage/"));

    let status = app
        .get_json(&format!(
            "/api/v1/health-requests/manage/{}",
            token_of(manage_url)
        ))
        .await;
    assert_eq!(status["status"], "waiting");
    assert_eq!(status["position"], 1);
    assert_eq!(status["number"], number);
    assert_eq!(status["workers"], 12);
    assert_eq!(status["phone"], "022-221-6870");
    assert_eq!(status["services"][0]["kind"], "consultation");

    let mails = eventually(15, || async {
        let m = app.mails_to("soumu@aoba.example.jp");
        (!m.is_empty()).then_some(m)
    })
    .await;
    let (subject, text) = &mails[0];
    assert!(subject.contains(number), "{subject}");
    assert!(text.contains("1番目"), "{text}");
    assert!(text.contains("/health/manage/"), "{text}");

    // A second request waits behind the first; an unknown token is a 404.
    let second = submit(&app, &request_body("有限会社 泉", "izumi@example.jp")).await;
    assert_eq!(second["position"], 2);
    let res = app
        .get("/api/v1/health-requests/manage/0123456789abcdef0123456789abcdef0123456789abcdef")
        .await;
    assert_eq!(res.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn a_large_or_distant_workplace_is_told_where_to_go_and_bad_fields_are_named() {
    let app = spawn_app().await;
    let mut body = request_body("大手 株式会社", "big@example.jp");
    body["workers"] = json!(50);
    let res = app.post_json("/api/v1/health-requests", &body).await;
    assert_eq!(res.status(), 422);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["error"], "not_eligible");
    assert!(
        v["fields"]["workers"]
            .as_str()
            .unwrap()
            .contains("49人以下"),
        "{v}"
    );
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .contains("宮城産業保健総合支援センター"),
        "{v}"
    );

    let mut body = request_body("名取 商店", "natori@example.jp");
    body["address"] = json!("宮城県名取市増田1-1");
    let v: Value = app
        .post_json("/api/v1/health-requests", &body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["error"], "not_eligible");
    assert!(v["fields"]["address"].is_string());
    // The city served must be the address's own, in its place.
    let mut body = request_body("千代田 商会", "tokyo@example.jp");
    body["address"] = json!("東京都千代田区 仙台市");
    let res = app.post_json("/api/v1/health-requests", &body).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "not_eligible");

    let mut body = request_body("", "not-an-email");
    body["services"] =
        json!([{"kind": "high_stress", "workers": 0, "requested_on": "2999-01-01"}, {"kind": "x"}]);
    body["place"] = json!("moon");
    body["consent"] = json!(false);
    body["workers"] = json!(true);
    let res = app.post_json("/api/v1/health-requests", &body).await;
    assert_eq!(res.status(), 422);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["error"], "invalid");
    assert!(v["fields"]["workers"].is_string(), "{v}");
    // With the wrong JSON types fixed, every other field gets its own message.
    body["workers"] = json!("10");
    let v: Value = app
        .post_json("/api/v1/health-requests", &body)
        .await
        .json()
        .await
        .unwrap();
    for field in [
        "business_name",
        "email",
        "services",
        "services.high_stress.workers",
        "services.high_stress.requested_on",
        "place",
        "consent",
    ] {
        assert!(v["fields"][field].is_string(), "{field}: {v}");
    }
    // Nothing was stored.
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
async fn the_queue_goes_by_due_date_then_arrival_and_staff_moves_are_audited() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let t = today();
    let routine = submit(&app, &request_body("相談だけ", "a@example.jp")).await;
    let mut checkup = request_body("意見聴取", "b@example.jp");
    checkup["services"] = json!([{"kind": "checkup_opinion", "workers": 10, "checked_on": (t - Duration::days(80)).to_string()}]);
    let checkup = submit(&app, &checkup).await;
    let mut stress = request_body("高ストレス", "c@example.jp");
    stress["services"] = json!([{"kind": "high_stress", "workers": 1, "requested_on": (t - Duration::days(40)).to_string()}]);
    let stress = submit(&app, &stress).await;
    // ④ asked 40 days ago is already past its month; ② from 80 days ago is due in about 10 days.
    assert_eq!(stress["position"], 1);
    assert_eq!(checkup["position"], 1);

    let queue: Value = staff_get(&app, &o.coordinator, "/api/v1/staff/health-queue")
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["business_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["高ストレス", "意見聴取", "相談だけ"]);
    assert_eq!(queue[0]["flag"], "overdue");
    assert_eq!(queue[1]["flag"], "due_soon");
    assert!(queue[2]["due_on"].is_null());
    assert_eq!(queue[2]["position"], 3);

    // Staff move the routine request to the front, with a reason.
    let id = routine["id"].as_i64().unwrap();
    let res = staff_post(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-queue/{id}/move"),
        &json!({"to": (t - Duration::days(100)).to_string(), "reason": "休職者の復職判定のため急ぎ"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let queue: Value = res.json().await.unwrap();
    assert_eq!(queue[0]["id"], id);
    assert_eq!(queue[0]["move_reason"], "休職者の復職判定のため急ぎ");
    let res = staff_post(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-queue/{id}/move"),
        &json!({"to": "", "reason": ""}),
    )
    .await;
    assert_eq!(res.status(), 422);
    let audit = app.state.store.audit_search("move", 10).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].detail.contains("復職判定"));

    // The queue is the office's: a doctor and an anonymous caller are refused.
    assert_eq!(
        staff_get(&app, &o.doctor_token, "/api/v1/staff/health-queue")
            .await
            .status(),
        403
    );
    assert_eq!(app.get("/api/v1/staff/health-queue").await.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn doctors_blocks_never_overlap_and_must_be_doctors() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let day = today() + Duration::days(20);
    let res = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "13:00",
        "16:00",
        "centre",
        6,
    )
    .await;
    assert_eq!(res.status(), 201);
    let block: Value = res.json().await.unwrap();
    assert_eq!(block["doctor"], "産業 医子");
    // The same doctor at an overlapping time: refused by the database.
    let res = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "15:00",
        "17:00",
        "visit",
        1,
    )
    .await;
    assert_eq!(res.status(), 409);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "doctor_busy");
    // Right after it, or another doctor at the same time, is fine.
    assert_eq!(
        add_block(
            &app,
            &o.coordinator,
            o.doctor_id,
            day,
            "16:00",
            "17:00",
            "visit",
            1
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        add_block(
            &app,
            &o.coordinator,
            o.other_doctor_id,
            day,
            "13:00",
            "16:00",
            "centre",
            6
        )
        .await
        .status(),
        201
    );
    // A lawyer is not a doctor; times must make sense.
    let lawyer = app
        .state
        .store
        .create_professional("法 律子", "lawyer", "", "", Utc::now())
        .await
        .unwrap();
    let res = add_block(
        &app,
        &o.coordinator,
        lawyer,
        day,
        "09:00",
        "10:00",
        "centre",
        2,
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "12:00",
        "11:00",
        "centre",
        0,
    )
    .await;
    let v: Value = res.json().await.unwrap();
    assert!(
        v["fields"]["end"].is_string() && v["fields"]["capacity"].is_string(),
        "{v}"
    );
    let listed: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-availability?from={day}&to={day}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 3);
    app.stop().await;
}

#[tokio::test]
async fn the_assistant_proposes_staff_confirm_and_businesses_answer() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let t = today();
    let routine = submit(&app, &request_body("① 相談", "a@example.jp")).await;
    let mut urgent = request_body("③ 長時間", "b@example.jp");
    urgent["services"] = json!([{"kind": "long_hours", "workers": 2, "requested_on": (t - Duration::days(5)).to_string()}]);
    let urgent = submit(&app, &urgent).await;
    let mut visit = request_body("訪問希望", "c@example.jp");
    visit["place"] = json!("visit");
    let visit = submit(&app, &visit).await;

    let day = t + Duration::days(10);
    // Room for one request of two workers (2 × 30 minutes).
    add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "14:00",
        "15:00",
        "centre",
        2,
    )
    .await;
    let period = json!({"from": t.to_string(), "to": (t + Duration::days(30)).to_string()});
    let res = staff_post(
        &app,
        &o.coordinator,
        "/api/v1/staff/health-schedule/propose",
        &period,
    )
    .await;
    assert_eq!(res.status(), 200);
    let proposal: Value = res.json().await.unwrap();
    let assigned = proposal["assignments"].as_array().unwrap();
    assert_eq!(assigned.len(), 1, "{proposal}");
    assert_eq!(
        assigned[0]["request_id"], urgent["id"],
        "the request with a due date goes first"
    );
    assert_eq!(assigned[0]["start"], "14:00");
    let unassigned: Vec<&Value> = proposal["unassigned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| &u["request_id"])
        .collect();
    assert!(unassigned.contains(&&routine["id"]) && unassigned.contains(&&visit["id"]));
    // Proposing writes nothing.
    assert_eq!(
        app.get_json(&format!(
            "/api/v1/health-requests/manage/{}",
            token_of(urgent["manage_url"].as_str().unwrap())
        ))
        .await["status"],
        "waiting"
    );

    // Confirming the proposal as it came back.
    let res = staff_post(
        &app,
        &o.coordinator,
        "/api/v1/staff/health-schedule/confirm",
        &proposal,
    )
    .await;
    assert_eq!(res.status(), 200);
    let done: Value = res.json().await.unwrap();
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 1, "{done}");
    // Confirming it again refuses: the request is no longer waiting.
    let again: Value = confirm(&app, &o.coordinator, &proposal).await;
    assert_eq!(again["refused"][0]["reason"], "request_not_waiting");

    // The business gets the proposed date and a link; its status shows it.
    let token = token_in_mail(&app, "b@example.jp", "日程のご提案").await;
    let status = app
        .get_json(&format!("/api/v1/health-requests/manage/{token}"))
        .await;
    assert_eq!(status["status"], "proposed");
    assert_eq!(status["interview"]["status"], "proposed");
    assert_eq!(status["interview"]["doctor"], "産業 医子");

    // It asks for another date: the block is free again and it keeps its place.
    let res = app
        .post_empty(&format!("/api/v1/health-requests/manage/{token}/decline"))
        .await;
    assert_eq!(res.status(), 200);
    let status: Value = res.json().await.unwrap();
    assert_eq!(status["status"], "waiting");
    assert_eq!(status["position"], 1);
    assert!(status["interview"].is_null());
    assert_eq!(
        app.post_empty(&format!("/api/v1/health-requests/manage/{token}/accept"))
            .await
            .status(),
        409
    );

    // Staff put it into another block; this time the business accepts.
    let res = add_block(
        &app,
        &o.coordinator,
        o.other_doctor_id,
        day + Duration::days(1),
        "10:00",
        "12:00",
        "centre",
        4,
    )
    .await;
    let block: Value = res.json().await.unwrap();
    let body = json!({"assignments": [{"request_id": urgent["id"], "block_id": block["id"], "start": "10:30"}]});
    let done: Value = confirm(&app, &o.coordinator, &body).await;
    assert_eq!(
        done["confirmed"][0]["starts_at"],
        format!("{}T10:30:00+09:00", day + Duration::days(1))
    );
    let res = app
        .post_empty(&format!("/api/v1/health-requests/manage/{token}/accept"))
        .await;
    assert_eq!(res.status(), 200);
    let status: Value = res.json().await.unwrap();
    assert_eq!(status["status"], "scheduled");
    assert_eq!(status["interview"]["status"], "accepted");
    eventually(15, || async {
        app.mails_to("b@example.jp")
            .iter()
            .any(|(s, _)| s.contains("日程が確定しました"))
            .then_some(())
    })
    .await;

    // A place mismatch is refused with its reason.
    let body = json!({"assignments": [{"request_id": visit["id"], "block_id": block["id"]}]});
    let done: Value = confirm(&app, &o.coordinator, &body).await;
    assert_eq!(done["refused"][0]["reason"], "place_mismatch");
    app.stop().await;
}

#[tokio::test]
async fn a_block_is_never_used_beyond_its_capacity_even_by_concurrent_confirms() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let mut ids = Vec::new();
    for i in 0..8 {
        let created = submit(
            &app,
            &request_body(&format!("事業場 {i}"), &format!("w{i}@example.jp")),
        )
        .await;
        ids.push(created["id"].as_i64().unwrap());
    }
    let day = today() + Duration::days(7);
    // Room for 3 interviews of 2 workers by length (6 × 30 min = 180 min), capacity 6.
    let block: Value = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "09:00",
        "12:00",
        "centre",
        6,
    )
    .await
    .json()
    .await
    .unwrap();
    let block_id = block["id"].as_i64().unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for id in &ids {
        let body = json!({"assignments": [{"request_id": id, "block_id": block_id}]});
        let (client, url, token) = (
            app.client.clone(),
            app.url("/api/v1/staff/health-schedule/confirm"),
            o.coordinator.clone(),
        );
        tasks.spawn(async move {
            let v: Value = client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            v["confirmed"].as_array().unwrap().len()
        });
    }
    let confirmed: usize = tasks.join_all().await.into_iter().sum();
    assert_eq!(confirmed, 3, "three fit by length and capacity");
    let block: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-availability?from={day}&to={day}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(block[0]["used"], 6);
    assert_eq!(block[0]["used_minutes"], 180);

    // Withdrawing a request gives its room back.
    let roster: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-roster?month={}", day.format("%Y-%m")),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(roster["interviews"].as_array().unwrap().len(), 3);
    app.stop().await;
}

#[tokio::test]
async fn each_doctor_sees_only_their_own_interviews() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let day = today() + Duration::days(5);
    submit(&app, &request_body("青葉 工業", "a@example.jp")).await;
    submit(&app, &request_body("泉 物産", "b@example.jp")).await;
    add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "09:00",
        "10:00",
        "centre",
        2,
    )
    .await;
    add_block(
        &app,
        &o.coordinator,
        o.other_doctor_id,
        day,
        "09:00",
        "10:00",
        "centre",
        2,
    )
    .await;
    let period = json!({"from": day.to_string(), "to": day.to_string()});
    let done: Value = confirm(&app, &o.coordinator, &period).await;
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 2, "{done}");
    let month = day.format("%Y-%m");
    let all: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-roster?month={month}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(all["interviews"].as_array().unwrap().len(), 2);
    assert!(all["interviews"][0]["phone"].is_string());
    let own: Value = staff_get(
        &app,
        &o.doctor_token,
        &format!("/api/v1/staff/health-roster?month={month}"),
    )
    .await
    .json()
    .await
    .unwrap();
    let own = own["interviews"].as_array().unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["doctor_id"], o.doctor_id);
    assert!(
        own[0].get("phone").is_none(),
        "a doctor does not get the contact details"
    );
    app.stop().await;
}

#[tokio::test]
async fn reminders_come_once_and_figures_count_what_was_seen() {
    let start = Utc::now();
    let clock = ManualClock::new(start);
    let app = spawn_app_on(
        TestDb::new().await,
        |s| {
            s.reminders.sweep_interval = "3600s".into();
            s.waitlist.sweep_seconds = 3600;
        },
        Arc::new(clock.clone()),
    )
    .await;
    let o = office(&app).await;
    let t = jst_today(start);
    let mut urgent = request_body("④ 事業場", "r@example.jp");
    urgent["services"] = json!([{"kind": "high_stress", "workers": 1, "requested_on": (t - Duration::days(3)).to_string()}, {"kind": "checkup_opinion", "workers": 3}]);
    let urgent = submit(&app, &urgent).await;
    let day = t + Duration::days(5);
    add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "09:00",
        "12:00",
        "centre",
        6,
    )
    .await;
    let period = json!({"from": day.to_string(), "to": day.to_string()});
    let done: Value = confirm(&app, &o.coordinator, &period).await;
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 1, "{done}");
    let token = token_in_mail(&app, "r@example.jp", "日程のご提案").await;
    app.post_empty(&format!("/api/v1/health-requests/manage/{token}/accept"))
        .await;

    // Attendance can be recorded only once the interview has begun.
    let interview = done["confirmed"][0]["interview_id"].as_i64().unwrap();
    let res = staff_post(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-interviews/{interview}/attendance"),
        &json!({"status": "attended"}),
    )
    .await;
    assert_eq!(res.status(), 404);

    // Two days before (72 h by default), the reminder is queued once, however often the sweep runs.
    clock.set(start + Duration::days(3));
    let first = tsunagu::service::reminders::sweep(&app.state)
        .await
        .unwrap();
    let second = tsunagu::service::reminders::sweep(&app.state)
        .await
        .unwrap();
    assert_eq!((first, second), (1, 0));
    eventually(15, || async {
        app.mails_to("r@example.jp")
            .iter()
            .any(|(s, _)| s.contains("実施日が近づいています"))
            .then_some(())
    })
    .await;

    // After the interview, the figures count it.
    clock.set(start + Duration::days(40));
    let from = t.format("%Y-%m");
    let to = (t + Duration::days(40)).format("%Y-%m");
    let figures: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-figures?from={from}&to={to}"),
    )
    .await
    .json()
    .await
    .unwrap();
    let rows = figures.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{figures}");
    assert_eq!(rows[0]["month"], day.format("%Y-%m").to_string());
    assert_eq!(rows[0]["workplaces"], 1);
    assert_eq!(rows[0]["workers"]["high_stress"], 1);
    assert_eq!(rows[0]["workers"]["checkup_opinion"], 3);
    assert_eq!(rows[0]["median_wait_days"], 5);
    assert_eq!(rows[0]["seen_after_due"], 0);
    // Staff record that it did not take place: it no longer counts.
    let interview = done["confirmed"][0]["interview_id"].as_i64().unwrap();
    let path = format!("/api/v1/staff/health-interviews/{interview}/attendance");
    let res = staff_post(&app, &o.coordinator, &path, &json!({"status": "no_show"})).await;
    assert_eq!(res.status(), 200);
    let figures: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-figures?from={from}&to={to}"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(figures, json!([]));
    // From the roster page's form, it is corrected: it took place after all.
    let res = app
        .client
        .post(app.url(&format!("/staff/health/interviews/{interview}/attendance")))
        .bearer_auth(&o.coordinator)
        .form(&[
            ("status", "attended"),
            ("month", &day.format("%Y-%m").to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let html = app
        .client
        .get(app.url(&format!(
            "/staff/health/roster?month={}",
            day.format("%Y-%m")
        )))
        .bearer_auth(&o.coordinator)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("（実施）"), "{html}");
    let res = staff_post(&app, &o.coordinator, &path, &json!({"status": "maybe"})).await;
    assert_eq!(res.status(), 422);
    let _ = urgent;
    app.stop().await;
}

#[tokio::test]
async fn a_business_updates_its_contact_and_withdraws() {
    let app = spawn_app().await;
    let created = submit(&app, &request_body("宮城野 運輸", "old@example.jp")).await;
    let token = token_of(created["manage_url"].as_str().unwrap());
    let res = app
        .post_json(
            &format!("/api/v1/health-requests/manage/{token}/contact"),
            &json!({"contact_name": "新 担当", "phone": "090-1111-2222", "email": "new@example.jp"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["email"], "new@example.jp");
    let res = app
        .post_json(
            &format!("/api/v1/health-requests/manage/{token}/contact"),
            &json!({"contact_name": "", "phone": "1", "email": "x"}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = app
        .post_empty(&format!("/api/v1/health-requests/manage/{token}/withdraw"))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "withdrawn");
    assert_eq!(
        app.post_empty(&format!("/api/v1/health-requests/manage/{token}/withdraw"))
            .await
            .status(),
        409
    );
    eventually(15, || async {
        app.mails_to("new@example.jp")
            .iter()
            .any(|(s, _)| s.contains("取下げ"))
            .then_some(())
    })
    .await;
    app.stop().await;
}

#[tokio::test]
async fn the_estimate_follows_the_doctors_blocks_then_the_throughput() {
    let app = spawn_app_with(|s| s.health.per_month = 1).await;
    let o = office(&app).await;
    // A block two months ahead with room for one request of two workers.
    let later = today() + chrono::Months::new(2);
    add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        later,
        "09:00",
        "10:00",
        "centre",
        2,
    )
    .await;
    let first = submit(&app, &request_body("一番目", "one@example.jp")).await;
    assert_eq!(first["estimated_month"], later.format("%Y-%m").to_string());
    // The next one does not fit any block: one a month after the last block's month.
    let second = submit(&app, &request_body("二番目", "two@example.jp")).await;
    let after = later + chrono::Months::new(1);
    assert_eq!(second["estimated_month"], after.format("%Y-%m").to_string());
    let status = app
        .get_json(&format!(
            "/api/v1/health-requests/manage/{}",
            token_of(second["manage_url"].as_str().unwrap())
        ))
        .await;
    assert_eq!(status["estimated_month"], second["estimated_month"]);
    app.stop().await;
}

#[tokio::test]
async fn an_accepted_date_goes_into_the_calendar_and_a_withdrawal_takes_it_out() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let mut body = request_body("カレンダー 株式会社", "cal@example.jp");
    body["services"] =
        json!([{"kind": "high_stress", "workers": 1, "requested_on": today().to_string()}]);
    submit(&app, &body).await;
    let day = today() + Duration::days(9);
    add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "10:00",
        "12:00",
        "centre",
        2,
    )
    .await;
    let period = json!({"from": day.to_string(), "to": day.to_string()});
    let done = confirm(&app, &o.coordinator, &period).await;
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 1, "{done}");
    let token = token_in_mail(&app, "cal@example.jp", "日程のご提案").await;
    assert!(
        app.calendar_in("cal@example.jp", "日程のご提案").is_none(),
        "not before it is accepted"
    );
    app.post_empty(&format!("/api/v1/health-requests/manage/{token}/accept"))
        .await;
    let request = eventually(15, || async {
        app.calendar_in("cal@example.jp", "日程が確定しました")
    })
    .await;
    let field = |ics: &str, name: &str| {
        ics.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(field(&request, "METHOD:"), "PUBLISH");
    assert_eq!(field(&request, "STATUS:"), "CONFIRMED");
    assert_eq!(
        field(&request, "PRODID:"),
        "-//Tsunagu//Health centre interviews//JA"
    );
    assert_eq!(
        field(&request, "DTSTART;TZID=Asia/Tokyo:"),
        format!("{}T100000", day.format("%Y%m%d"))
    );
    let summary = field(&request, "SUMMARY:");
    assert!(summary.contains("産業保健センター"), "{summary}");
    for word in ["ストレス", "面接指導", "長時間"] {
        assert!(!summary.contains(word), "{summary}");
    }
    app.post_empty(&format!("/api/v1/health-requests/manage/{token}/withdraw"))
        .await;
    let cancel = eventually(15, || async {
        app.calendar_in("cal@example.jp", "取下げ")
    })
    .await;
    assert_eq!(field(&cancel, "METHOD:"), "PUBLISH");
    assert_eq!(field(&cancel, "STATUS:"), "CANCELLED");
    assert_eq!(
        field(&cancel, "UID:"),
        field(&request, "UID:"),
        "the same entry is taken out"
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_input_to_the_health_api_gets_a_clear_error_never_a_500() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let posts: Vec<(&str, Value)> = vec![
        ("/api/v1/health-requests", json!([1, 2])),
        (
            "/api/v1/health-requests",
            json!({"services": "all", "preferred": 3, "workers": {"n": 1}}),
        ),
        (
            "/api/v1/health-requests",
            json!({"services": [1, {"kind": "consultation", "workers": "九"}]}),
        ),
        (
            "/api/v1/staff/health-availability",
            json!({"doctor_id": "x", "date": "2027-13-40", "start": "25:00", "capacity": 999}),
        ),
        (
            "/api/v1/staff/health-schedule/propose",
            json!({"from": "2027-02-01", "to": "2026-01-01"}),
        ),
        (
            "/api/v1/staff/health-schedule/propose",
            json!({"from": "yesterday"}),
        ),
        (
            "/api/v1/staff/health-schedule/confirm",
            json!({"assignments": "all"}),
        ),
        (
            "/api/v1/staff/health-schedule/confirm",
            json!({"assignments": [{"request_id": "a", "block_id": 1}]}),
        ),
        (
            "/api/v1/staff/health-schedule/confirm",
            json!({"assignments": [{"request_id": 999, "block_id": 999, "start": "9時"}]}),
        ),
        (
            "/api/v1/staff/health-queue/abc/move",
            json!({"to": "", "reason": "x"}),
        ),
        (
            "/api/v1/staff/health-interviews/abc/attendance",
            json!({"status": "attended"}),
        ),
        ("/api/v1/staff/health-requests/1/maybe", json!({})),
    ];
    for (path, body) in posts {
        let res = staff_post(&app, &o.coordinator, path, &body).await;
        let status = res.status().as_u16();
        assert!((400..500).contains(&status), "{path} {body}: {status}");
        let v: Value = res.json().await.unwrap();
        assert!(
            v["error"].is_string() && v["message"].is_string(),
            "{path}: {v}"
        );
    }
    for path in [
        "/api/v1/staff/health-availability?from=soon&to=later",
        "/api/v1/staff/health-roster?month=2027-13",
        "/api/v1/staff/health-figures?from=x",
        "/api/v1/health-requests/manage/%E2%9C%93",
    ] {
        let res = staff_get(&app, &o.coordinator, path).await;
        let status = res.status().as_u16();
        assert!((400..500).contains(&status), "{path}: {status}");
    }
    app.stop().await;
}

/// A ④ request the worker made `days_ago` days ago (due a month after).
fn high_stress_body(name: &str, email: &str, days_ago: i64) -> Value {
    let mut body = request_body(name, email);
    body["services"] = json!([{"kind": "high_stress", "workers": 1, "requested_on": (today() - Duration::days(days_ago)).to_string()}]);
    body
}

#[tokio::test]
async fn an_estimate_later_than_the_due_date_is_said_honestly_and_flagged_for_staff() {
    let app = spawn_app_with(|s| s.health.per_month = 1).await;
    let o = office(&app).await;
    // One a month: the third request due next month is expected the month after.
    let first = submit(&app, &high_stress_body("一番目", "one@example.jp", 0)).await;
    let second = submit(&app, &high_stress_body("二番目", "two@example.jp", 0)).await;
    let third = submit(&app, &high_stress_body("三番目", "three@example.jp", 0)).await;
    let due = today() + chrono::Months::new(1);
    assert_eq!(third["due_on"], due.to_string());
    assert_eq!(first["estimate_after_due"], false);
    assert_eq!(second["estimate_after_due"], false);
    assert_eq!(third["estimate_after_due"], true, "{third}");
    let token = token_of(third["manage_url"].as_str().unwrap());
    let status = app
        .get_json(&format!("/api/v1/health-requests/manage/{token}"))
        .await;
    assert_eq!(status["due_on"], due.to_string());
    assert_eq!(status["estimate_after_due"], true);
    // The status page and the first mail give the due date and say so.
    let html = app
        .get(&format!("/health/manage/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("法令上の期限"), "{html}");
    assert!(html.contains("センターはこのことを把握しており"), "{html}");
    let text = eventually(15, || async {
        app.mails_to("three@example.jp")
            .into_iter()
            .next()
            .map(|(_, t)| t)
    })
    .await;
    assert!(text.contains("法令上の期限"), "{text}");
    assert!(text.contains("センターはこのことを把握しており"), "{text}");
    let on_time = eventually(15, || async {
        app.mails_to("one@example.jp")
            .into_iter()
            .next()
            .map(|(_, t)| t)
    })
    .await;
    assert!(on_time.contains("法令上の期限") && !on_time.contains("把握しており"));
    // Staff see it flagged, at the top of the queue page.
    let queue: Value = staff_get(&app, &o.coordinator, "/api/v1/staff/health-queue")
        .await
        .json()
        .await
        .unwrap();
    let flagged: Vec<&Value> = queue
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["estimate_after_due"] == true)
        .map(|r| &r["id"])
        .collect();
    assert_eq!(flagged, [&third["id"]], "{queue}");
    let page = staff_get(&app, &o.coordinator, "/staff/health")
        .await
        .text()
        .await
        .unwrap();
    let top = page
        .find("期限までに実施できない見込みの申込み")
        .expect(&page);
    let number = third["number"].as_str().unwrap();
    assert!(
        page[top..].find(number) < page[top..].find("<table"),
        "{page}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_reminder_comes_only_after_acceptance_and_never_right_after_it() {
    let start = Utc::now();
    let clock = ManualClock::new(start);
    let app = spawn_app_on(
        TestDb::new().await,
        |s| {
            s.reminders.sweep_interval = "3600s".into();
            s.waitlist.sweep_seconds = 3600;
        },
        Arc::new(clock.clone()),
    )
    .await;
    let o = office(&app).await;
    submit(&app, &request_body("近い 日程", "soon@example.jp")).await;
    // An interview two days away: the 72-hour reminder is already due.
    let day = jst_today(start) + Duration::days(2);
    add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "10:00",
        "12:00",
        "centre",
        2,
    )
    .await;
    let done = confirm(
        &app,
        &o.coordinator,
        &json!({"from": day.to_string(), "to": day.to_string()}),
    )
    .await;
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 1, "{done}");
    let sweep = || tsunagu::service::reminders::sweep(&app.state);
    assert_eq!(
        sweep().await.unwrap(),
        0,
        "no reminder of a date only proposed"
    );
    let token = token_in_mail(&app, "soon@example.jp", "日程のご提案").await;
    clock.set(start + Duration::minutes(5));
    app.post_empty(&format!("/api/v1/health-requests/manage/{token}/accept"))
        .await;
    assert_eq!(
        sweep().await.unwrap(),
        0,
        "none right after the business accepted"
    );
    // On the day, the 09:00 reminder goes out, once.
    clock.set(tsunagu::domain::time::jst_instant(
        day,
        chrono::NaiveTime::from_hms_opt(9, 5, 0).unwrap(),
    ));
    assert_eq!(sweep().await.unwrap(), 1);
    assert_eq!(sweep().await.unwrap(), 0);
    let subjects: Vec<String> = eventually(15, || async {
        let m = app.mails_to("soon@example.jp");
        m.iter()
            .any(|(s, _)| s.contains("実施日が近づいています"))
            .then(|| m.into_iter().map(|(s, _)| s).collect())
    })
    .await;
    assert_eq!(
        subjects
            .iter()
            .filter(|s| s.contains("実施日が近づいています"))
            .count(),
        1,
        "{subjects:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn after_a_no_show_staff_put_the_request_back_in_its_place_or_close_it() {
    let start = Utc::now();
    let clock = ManualClock::new(start);
    let app = spawn_app_on(TestDb::new().await, |_| {}, Arc::new(clock.clone())).await;
    let o = office(&app).await;
    let back = submit(&app, &high_stress_body("戻す 事業場", "back@example.jp", 3)).await;
    let closed = submit(
        &app,
        &high_stress_body("終了 事業場", "close@example.jp", 2),
    )
    .await;
    let later = submit(
        &app,
        &high_stress_body("後の 事業場", "later@example.jp", 0),
    )
    .await;
    let day = jst_today(start) + Duration::days(1);
    let block: Value = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        day,
        "09:00",
        "12:00",
        "centre",
        4,
    )
    .await
    .json()
    .await
    .unwrap();
    let body = json!({"assignments": [
        {"request_id": back["id"], "block_id": block["id"]},
        {"request_id": closed["id"], "block_id": block["id"]},
    ]});
    let done = confirm(&app, &o.coordinator, &body).await;
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 2, "{done}");
    for (email, created) in [("back@example.jp", &back), ("close@example.jp", &closed)] {
        let token = token_in_mail(&app, email, "日程のご提案").await;
        let res = app
            .post_empty(&format!("/api/v1/health-requests/manage/{token}/accept"))
            .await;
        assert_eq!(res.status(), 200, "{created}");
    }
    let path = |r: &Value| format!("/api/v1/staff/health-requests/{}/after-no-show", r["id"]);
    // Nothing to follow up before a no-show is recorded.
    let res = staff_post(
        &app,
        &o.coordinator,
        &path(&back),
        &json!({"outcome": "requeue"}),
    )
    .await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"],
        "no_show_not_recorded"
    );
    clock.set(start + Duration::days(2));
    for (i, _) in done["confirmed"].as_array().unwrap().iter().enumerate() {
        let id = done["confirmed"][i]["interview_id"].as_i64().unwrap();
        let res = staff_post(
            &app,
            &o.coordinator,
            &format!("/api/v1/staff/health-interviews/{id}/attendance"),
            &json!({"status": "no_show"}),
        )
        .await;
        assert_eq!(res.status(), 200);
    }
    // A doctor may not decide; a bad outcome or a close without a reason is refused.
    let res = staff_post(
        &app,
        &o.doctor_token,
        &path(&back),
        &json!({"outcome": "requeue"}),
    )
    .await;
    assert_eq!(res.status(), 403);
    let res = staff_post(
        &app,
        &o.coordinator,
        &path(&back),
        &json!({"outcome": "later"}),
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = staff_post(
        &app,
        &o.coordinator,
        &path(&closed),
        &json!({"outcome": "close", "reason": " "}),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.json::<Value>().await.unwrap()["fields"]["reason"].is_string());

    // Back in the queue: ahead of the later request, its due date kept.
    let res = staff_post(
        &app,
        &o.coordinator,
        &path(&back),
        &json!({"outcome": "requeue"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "waiting");
    let queue: Value = staff_get(&app, &o.coordinator, "/api/v1/staff/health-queue")
        .await
        .json()
        .await
        .unwrap();
    let waiting: Vec<(&Value, &Value)> = queue
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "waiting")
        .map(|r| (&r["id"], &r["due_on"]))
        .collect();
    assert_eq!(
        waiting,
        [
            (&back["id"], &back["due_on"]),
            (&later["id"], &later["due_on"])
        ]
    );
    let text = token_in_mail(&app, "back@example.jp", "日程をあらためて調整します").await;
    assert!(
        !text.is_empty(),
        "the mail carries a link to the status page"
    );
    // It can be proposed again.
    let again = confirm(
        &app,
        &o.coordinator,
        &json!({"assignments": [{"request_id": back["id"], "block_id": add_block(&app, &o.coordinator, o.doctor_id, day + Duration::days(7), "09:00", "10:00", "centre", 2).await.json::<Value>().await.unwrap()["id"]}]}),
    )
    .await;
    assert_eq!(again["confirmed"].as_array().unwrap().len(), 1, "{again}");

    // Closed, with a reason the business is told.
    let res = staff_post(
        &app,
        &o.coordinator,
        &path(&closed),
        &json!({"outcome": "close", "reason": "ご担当者と連絡がつかないため"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["status"], "closed");
    assert_eq!(v["closed_reason"], "ご担当者と連絡がつかないため");
    let text = eventually(15, || async {
        app.mails_to("close@example.jp")
            .into_iter()
            .find(|(s, _)| s.contains("お申込みを終了しました"))
            .map(|(_, t)| t)
    })
    .await;
    assert!(text.contains("ご担当者と連絡がつかないため"), "{text}");
    let res = staff_post(
        &app,
        &o.coordinator,
        &path(&closed),
        &json!({"outcome": "requeue"}),
    )
    .await;
    assert_eq!(res.status(), 409, "decided once");
    // Both steps are audited; the roster keeps the no-shows.
    assert_eq!(
        app.state
            .store
            .audit_search("requeue", 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.state
            .store
            .audit_search("close", 10)
            .await
            .unwrap()
            .len(),
        1
    );
    let roster: Value = staff_get(
        &app,
        &o.coordinator,
        &format!("/api/v1/staff/health-roster?month={}", day.format("%Y-%m")),
    )
    .await
    .json()
    .await
    .unwrap();
    let no_shows = roster["interviews"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["attended"] == false)
        .count();
    assert_eq!(no_shows, 2, "{roster}");
    app.stop().await;
}

#[tokio::test]
async fn asking_for_another_date_says_what_would_suit_and_the_assistant_follows_it() {
    let app = spawn_app().await;
    let o = office(&app).await;
    let created = submit(&app, &request_body("別日 希望", "other@example.jp")).await;
    let next = |from: NaiveDate, day: chrono::Weekday| {
        let mut d = from;
        while chrono::Datelike::weekday(&d) != day {
            d += Duration::days(1);
        }
        d
    };
    let tuesday = next(today() + Duration::days(3), chrono::Weekday::Tue);
    let friday = next(tuesday, chrono::Weekday::Fri);
    let tue_block: Value = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        tuesday,
        "14:00",
        "16:00",
        "centre",
        2,
    )
    .await
    .json()
    .await
    .unwrap();
    let period =
        json!({"from": today().to_string(), "to": (friday + Duration::days(1)).to_string()});
    let done = confirm(&app, &o.coordinator, &period).await;
    assert_eq!(done["confirmed"][0]["block_id"], tue_block["id"], "{done}");
    let token = token_in_mail(&app, "other@example.jp", "日程のご提案").await;
    let decline = format!("/api/v1/health-requests/manage/{token}/decline");
    // A bad answer changes nothing.
    let res = app
        .post_json(
            &decline,
            &json!({"preferred": {"weekdays": ["someday"], "time": "night"}}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let v: Value = res.json().await.unwrap();
    assert!(
        v["fields"]["preferred.weekdays"].is_string() && v["fields"]["preferred.time"].is_string(),
        "{v}"
    );
    let res = app
        .post_json(&decline, &json!({"preferred": {"weekdays": ["fri"], "time": "morning", "note": "金曜の午前なら"}}))
        .await;
    assert_eq!(res.status(), 200);
    let status: Value = res.json().await.unwrap();
    assert_eq!(status["status"], "waiting");
    assert_eq!(status["preferred"]["weekdays"], json!(["fri"]));
    assert_eq!(status["preferred"]["time"], "morning");
    assert_eq!(status["preferred"]["note"], "金曜の午前なら");
    // The Tuesday afternoon is free again, but the assistant takes the Friday morning.
    let fri_block: Value = add_block(
        &app,
        &o.coordinator,
        o.doctor_id,
        friday,
        "09:00",
        "11:00",
        "centre",
        2,
    )
    .await
    .json()
    .await
    .unwrap();
    let proposal: Value = staff_post(
        &app,
        &o.coordinator,
        "/api/v1/staff/health-schedule/propose",
        &period,
    )
    .await
    .json()
    .await
    .unwrap();
    let assigned = proposal["assignments"].as_array().unwrap();
    assert_eq!(assigned.len(), 1, "{proposal}");
    assert_eq!(assigned[0]["request_id"], created["id"]);
    assert_eq!(assigned[0]["block_id"], fri_block["id"], "{proposal}");
    app.stop().await;
}
