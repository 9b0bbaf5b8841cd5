//! The directory's HSDS API (`/api/v1/directory/…`), as other systems read it.

use crate::support::{spawn_app, spawn_app_on, TestDb};
use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;
use std::sync::Arc;
use tsunagu::domain::time::{jst_instant, ManualClock};

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_needs_have_stable_keys_with_japanese_and_english_labels() {
    let app = spawn_app().await;
    let needs = app.get_json("/api/v1/directory/needs").await;
    let debt = needs
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["key"] == "debt")
        .unwrap();
    assert_eq!(debt["ja"], "借金・お金");
    assert_eq!(debt["en"], "Debt and money");
    assert!(needs
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["key"] == "suicidal"));
    app.stop().await;
}

#[tokio::test]
async fn services_are_hsds_objects_paginated_as_hsds_does() {
    let app = spawn_app().await;
    let all = app
        .get_json("/api/v1/directory/services?per_page=100")
        .await;
    let total = all["total_items"].as_u64().unwrap();
    assert!(total >= 10);
    assert_eq!(all["page_number"], 1);
    assert_eq!(all["total_pages"], 1);
    assert_eq!(all["size"], total);
    let lifeline = &all["items"][0];
    assert_eq!(lifeline["name"], "仙台いのちの電話");
    assert_eq!(lifeline["crisis"], true);
    assert_eq!(
        lifeline["organization"]["name"],
        "社会福祉法人 仙台いのちの電話"
    );
    assert_eq!(lifeline["phones"][0]["number"], "022-718-4343");
    assert_eq!(lifeline["phones"][0]["type"], "voice");
    assert_eq!(lifeline["schedules"][0]["freq"], "DAILY");
    assert_eq!(lifeline["open_now"], true);
    assert_eq!(lifeline["last_confirmed_on"], Value::Null);
    assert_eq!(lifeline["bookable_here"], false);

    let first = app.get_json("/api/v1/directory/services?per_page=4").await;
    assert_eq!(first["size"], 4);
    assert_eq!(first["total_pages"], total.div_ceil(4));
    assert_eq!(first["first_page"], true);
    let second = app
        .get_json("/api/v1/directory/services?per_page=4&page=2")
        .await;
    assert_eq!(second["page_number"], 2);
    let seen: Vec<String> = names(&first).into_iter().chain(names(&second)).collect();
    assert_eq!(seen, names(&all)[..8]);
    let beyond = app
        .get_json("/api/v1/directory/services?per_page=4&page=99")
        .await;
    assert_eq!(beyond["empty"], true);
    assert_eq!(beyond["items"].as_array().unwrap().len(), 0);

    let id = lifeline["id"].as_str().unwrap();
    let one = app
        .get_json(&format!("/api/v1/directory/services/{id}"))
        .await;
    assert_eq!(one["name"], "仙台いのちの電話");
    let missing = app.get("/api/v1/directory/services/no-such-service").await;
    assert_eq!(missing.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn needs_audience_and_method_narrow_the_services() {
    let app = spawn_app().await;
    let debt = app.get_json("/api/v1/directory/services?need=debt").await;
    let found = names(&debt);
    assert!(found.contains(&"司法書士総合相談センター".to_string()));
    assert!(debt["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["needs"].as_array().unwrap().contains(&"debt".into())));
    let employers = app
        .get_json("/api/v1/directory/services?need=workplace_health&audience=employer")
        .await;
    assert_eq!(
        names(&employers),
        ["仙台地域産業保健センター", "宮城産業保健総合支援センター"]
    );
    let chat = app
        .get_json("/api/v1/directory/services?need=mental_health&method=chat")
        .await;
    assert_eq!(names(&chat), ["みやぎの萩ネットワーク"]);
    // 生きるのがつらい: every crisis line first.
    let suicidal = app
        .get_json("/api/v1/directory/services?need=suicidal")
        .await;
    let crisis: Vec<bool> = suicidal["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["crisis"].as_bool().unwrap())
        .collect();
    assert_eq!(&crisis[..4], [true, true, true, true]);
    app.stop().await;
}

#[tokio::test]
async fn open_now_is_decided_in_japan_time_with_holidays() {
    let at = |d: &str, t: &str| {
        jst_instant(
            NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
            NaiveTime::parse_from_str(t, "%H:%M").unwrap(),
        )
    };
    // Wednesday 14:00: the scriveners' phone line is open.
    let clock = Arc::new(ManualClock::new(at("2027-01-13", "14:00")));
    let app = spawn_app_on(TestDb::new().await, |_| {}, clock.clone()).await;
    let url = "/api/v1/directory/services?need=debt&open_now=true";
    assert!(names(&app.get_json(url).await).contains(&"司法書士総合相談センター".to_string()));
    // 成人の日 (Monday 2027-01-11), same hour: closed.
    clock.set(at("2027-01-11", "14:00"));
    assert!(!names(&app.get_json(url).await).contains(&"司法書士総合相談センター".to_string()));
    // 16:31 on a Friday: the scriveners have closed; at 17:00 the city's
    // centre closes too, while the 24-hour lines are open.
    clock.set(at("2027-01-15", "16:31"));
    assert!(!names(&app.get_json(url).await).contains(&"司法書士総合相談センター".to_string()));
    clock.set(at("2027-01-15", "17:00"));
    let open = app
        .get_json("/api/v1/directory/services?need=suicidal&open_now=true")
        .await;
    assert!(names(&open).contains(&"仙台いのちの電話".to_string()));
    assert!(!names(&open).contains(&"仙台市こころの絆センター".to_string()));
    app.stop().await;
}

#[tokio::test]
async fn a_bad_query_gets_a_message_for_each_field() {
    let app = spawn_app().await;
    let response = app
        .get("/api/v1/directory/services?need=nonsense&per_page=101&open_now=maybe")
        .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let text = body.to_string();
    for field in ["need", "per_page", "open_now"] {
        assert!(text.contains(field), "{field}: {text}");
    }
    let response = app.get("/api/v1/directory/services?need=%00").await;
    assert_eq!(response.status(), 422);
    app.stop().await;
}
