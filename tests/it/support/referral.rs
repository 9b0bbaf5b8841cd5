//! Referrals for tests: a service of the directory that takes them by
//! mail, and a booking referred to it.

use super::TestApp;
use serde_json::{json, Value};

pub const SERVICE_MAIL: &str = "soudan@shihoshoshi.example.jp";

/// 宮城県司法書士会の相談センター, with an address to receive referrals:
/// its id and phone.
pub async fn service_with_mail(app: &TestApp) -> (String, String) {
    let directory = app.state.store.directory_now().await.unwrap();
    let mut entry = directory
        .entries
        .iter()
        .find(|e| e.name.contains("司法書士"))
        .expect("the seed has the scriveners' centre")
        .clone();
    entry.email = SERVICE_MAIL.into();
    app.state
        .store
        .save_directory_service(&entry, chrono::Utc::now())
        .await
        .unwrap();
    (entry.id, entry.phones[0].number.clone())
}

pub fn consent() -> Value {
    json!({"given": true, "text_version": tsunagu::domain::referral::CONSENT_VERSION})
}

/// The booking behind a manage link, referred by `token` (a staff API
/// token) to `service_id` with name and phone passed on: the service
/// link's token from its mail.
pub async fn refer(app: &TestApp, token: &str, manage: &str, service_id: &str) -> String {
    let booking = app.get_json(&format!("/api/v1/manage/{manage}")).await["id"]
        .as_i64()
        .unwrap();
    let res = super::staff::post(
        app,
        Some(token),
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        json!({"service_id": service_id, "consent": consent(), "contact": "phone",
               "share": {"name": true, "contact": true}}),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    app.link_token(SERVICE_MAIL, "/referrals/").await
}
