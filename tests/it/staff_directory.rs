//! Staff keep the directory through the API: add, change, suspend and
//! confirm a service (coordinators and admins; every change audited).

use crate::support::{spawn_app, staff_token, TestApp};
use serde_json::{json, Value};
use tsunagu::domain::staff::Role;

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = app.client.request(method, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

fn new_service() -> Value {
    json!({
        "organization_name": "仙台市 青葉区役所",
        "name": "くらしの相談窓口",
        "name_en": "Living consultation desk",
        "description": "お金や生活のことの相談",
        "needs": ["debt", "family"],
        "audiences": ["worker"],
        "methods": ["phone", "in_person"],
        "phones": [{"number": "０２２－２２５－７２１１", "description": "代表"}],
        "schedules": [{"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "08:30", "closes_at": "17:00"}],
        "closed_on_holidays": true,
        "closed_year_end": true,
        "url": "https://www.city.sendai.jp/"
    })
}

#[tokio::test]
async fn a_coordinator_adds_changes_suspends_and_confirms_a_service() {
    let app = spawn_app().await;
    let coord = staff_token(
        &app,
        "coord@city.example.jp",
        "事務局 佐藤",
        Role::Coordinator,
        None,
    )
    .await;
    let res = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/staff/directory/services",
        Some(&coord),
        Some(new_service()),
    )
    .await;
    assert_eq!(res.status(), 201);
    let added: Value = res.json().await.unwrap();
    let id = added["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(added["phones"][0]["number"], "022-225-7211");
    assert_eq!(added["last_confirmed_on"], Value::Null);
    // Public at once.
    let found = app
        .get_json("/api/v1/directory/services?need=debt&per_page=100")
        .await;
    assert!(found["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == id.as_str()));

    // A change names only what changes.
    let path = format!("/api/v1/staff/directory/services/{id}");
    let res = call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&coord),
        Some(json!({"fees": "無料"})),
    )
    .await;
    assert_eq!(res.status(), 200);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["fees_description"], "無料");
    assert_eq!(changed["name"], "くらしの相談窓口");

    // 一時休止: no longer listed.
    let res = call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&coord),
        Some(json!({"status": "temporarily closed"})),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.get(&format!("/api/v1/directory/services/{id}"))
            .await
            .status(),
        404
    );

    // Confirmed with the organisation today, by the member calling.
    let res = call(
        &app,
        reqwest::Method::POST,
        &format!("{path}/confirm"),
        Some(&coord),
        None,
    )
    .await;
    assert_eq!(res.status(), 200);
    let confirmed: Value = res.json().await.unwrap();
    let today = tsunagu::domain::time::jst_today(chrono::Utc::now()).to_string();
    assert_eq!(confirmed["last_confirmed_on"], today.as_str());
    let directory = app.state.store.directory_now().await.unwrap();
    assert_eq!(
        directory.get(&id).unwrap().confirmed.as_ref().unwrap().by,
        "事務局 佐藤"
    );

    // Every change is in the audit log.
    let audit = app
        .state
        .store
        .audit_search("directory_service", 20)
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "directory_service_confirmed",
            "directory_service_changed",
            "directory_service_changed",
            "directory_service_added"
        ]
    );
    assert_eq!(audit[1].detail, "status");
    assert_eq!(audit[2].detail, "fees");
    app.stop().await;
}

#[tokio::test]
async fn only_coordinators_and_admins_keep_the_directory_and_bad_fields_each_get_a_message() {
    let app = spawn_app().await;
    let coord = staff_token(&app, "c@city.example.jp", "事務局", Role::Coordinator, None).await;
    let lawyer = app
        .state
        .store
        .create_professional("法 律子", "lawyer", "", "", chrono::Utc::now())
        .await
        .unwrap();
    let pro = staff_token(
        &app,
        "p@city.example.jp",
        "弁護士",
        Role::Professional,
        Some(lawyer),
    )
    .await;
    let post = |token: Option<String>, body: Value| {
        let app = &app;
        async move {
            call(
                app,
                reqwest::Method::POST,
                "/api/v1/staff/directory/services",
                token.as_deref(),
                Some(body),
            )
            .await
        }
    };
    assert_eq!(post(None, new_service()).await.status(), 401);
    assert_eq!(post(Some(pro), new_service()).await.status(), 403);
    let res = post(
        Some(coord.clone()),
        json!({"name": "", "needs": ["nonsense"], "phones": [{"number": "12"}], "url": "javascript:alert(1)", "crisis": "yes", "name_en": "x\u{0000}"}),
    )
    .await;
    assert_eq!(res.status(), 422);
    let body = res.json::<Value>().await.unwrap().to_string();
    for field in [
        "name",
        "organization_name",
        "needs",
        "phones",
        "url",
        "crisis",
        "name_en",
    ] {
        assert!(body.contains(&format!("\"{field}\"")), "{field}: {body}");
    }
    let res = call(
        &app,
        reqwest::Method::PATCH,
        "/api/v1/staff/directory/services/no-such-id",
        Some(&coord),
        Some(json!({"fees": "無料"})),
    )
    .await;
    assert_eq!(res.status(), 404);
    let res = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/staff/directory/services/no-such-id/confirm",
        Some(&coord),
        None,
    )
    .await;
    assert_eq!(res.status(), 404);
    // Nothing was written.
    assert_eq!(app.state.store.directory_version().await.unwrap(), 1);
    app.stop().await;
}
