//! The API document cannot drift from the API: the document served is the
//! one made from the route list, every documented operation is routed,
//! no API route is declared outside the list, and the document holds
//! together as OpenAPI 3 (every `$ref` resolves, every path parameter is
//! declared, every operation lists the errors its shape implies).

use crate::support;

use serde_json::{json, Value};
use std::collections::BTreeSet;
use support::{spawn_app, staff_token};
use tsunagu::domain::staff::Role;

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                ops.push((path.clone(), method.to_string(), op.clone()));
            }
        }
    }
    ops
}

/// A path of the document with its parameters filled in.
fn concrete(path: &str) -> String {
    path.replace("{id}", "1")
        .replace("{token}", "no-such-token")
        .replace("{answer}", "accept")
}

#[tokio::test]
async fn the_document_served_is_the_one_made_from_the_route_list() {
    let app = spawn_app().await;
    let served: Value = app.get_json("/api/v1/openapi.json").await;
    let made = serde_json::to_value(tsunagu::web::api_doc::document()).unwrap();
    assert_eq!(served, made);
    assert!(served["openapi"].as_str().unwrap().starts_with("3."));
    app.stop().await;
}

#[tokio::test]
async fn every_documented_operation_is_routed_and_no_other_method_is() {
    let app = spawn_app().await;
    let token = staff_token(&app, "doc@example.jp", "文書", Role::Coordinator, None).await;
    let doc: Value = app.get_json("/api/v1/openapi.json").await;
    let ops = operations(&doc);
    assert!(ops.len() >= 40, "{} operations", ops.len());
    let client = reqwest::Client::new();
    for (path, method, _) in &ops {
        let url = app.url(&concrete(path));
        let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let res = client
            .request(m, &url)
            .bearer_auth(&token)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_ne!(
            res.status(),
            405,
            "{method} {path} is documented but not routed"
        );
        let status = res.status().as_u16().to_string();
        let op = &doc["paths"][path][method.as_str()];
        assert!(
            op["responses"].get(&status).is_some(),
            "{method} {path} answered {status}, which it does not document"
        );
        // Another method on the same path: 405, so the path itself is routed
        // (an unknown path would be 404).
        let other = METHODS
            .iter()
            .find(|m| doc["paths"][path].get(**m).is_none())
            .unwrap();
        let m = reqwest::Method::from_bytes(other.to_uppercase().as_bytes()).unwrap();
        let res = client.request(m, &url).send().await.unwrap();
        assert_eq!(res.status(), 405, "{other} {path}: the path is not routed");
    }
    app.stop().await;
}

/// Every API route is declared in `web::api_doc::routes`, where it is
/// documented: no `.route("/api…")` (or `/healthz`) anywhere else.
#[test]
fn no_api_route_is_declared_outside_the_route_list() {
    let mut offenders = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                // Whitespace left out: a route split over lines counts too.
                let text: String = std::fs::read_to_string(&path)
                    .unwrap()
                    .split_whitespace()
                    .collect();
                if text.contains(".route(\"/api") || text.contains(".route(\"/healthz") {
                    offenders.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "API routes outside api_doc::routes: {offenders:?}"
    );
}

/// Every `$ref` in `value` names a schema of the document.
fn refs(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                found.insert(r.clone());
            }
            map.values().for_each(|v| refs(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
        _ => {}
    }
}

#[tokio::test]
async fn the_document_holds_together_as_openapi_3() {
    let app = spawn_app().await;
    let doc: Value = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1."));
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    assert_eq!(
        doc["components"]["securitySchemes"]["staffToken"]["scheme"],
        "bearer"
    );
    let mut found = BTreeSet::new();
    refs(&doc, &mut found);
    for r in &found {
        let name = r.strip_prefix("#/components/schemas/").expect(r);
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{r} does not resolve"
        );
    }
    let mut ids = BTreeSet::new();
    for (path, method, op) in operations(&doc) {
        let what = format!("{method} {path}");
        assert!(
            ids.insert(op["operationId"].as_str().unwrap().to_string()),
            "{what}: operationId twice"
        );
        let responses = op["responses"].as_object().unwrap();
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{what}: no success"
        );
        for (status, r) in responses {
            assert!(
                r["description"].is_string(),
                "{what} {status}: no description"
            );
        }
        let params: Vec<&Value> = op["parameters"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        for name in path
            .split('{')
            .skip(1)
            .map(|p| p.split('}').next().unwrap())
        {
            assert!(
                params
                    .iter()
                    .any(|p| p["name"] == name && p["in"] == "path" && p["required"] == true),
                "{what}: path parameter {name} undeclared"
            );
        }
        let mut implied = vec!["500"];
        if op.get("requestBody").is_some() {
            implied.extend(["400", "413", "415", "422"]);
        }
        if path.contains('{') {
            implied.push("404");
        }
        if path.starts_with("/api/v1/staff/") {
            implied.extend(["401", "403"]);
            assert_eq!(
                op["security"][0]["staffToken"],
                json!([]),
                "{what}: no security"
            );
        }
        for status in implied {
            assert!(responses.contains_key(status), "{what}: {status} missing");
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn the_limits_the_server_enforces_are_in_the_schemas() {
    let app = spawn_app().await;
    let doc: Value = app.get_json("/api/v1/openapi.json").await;
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Consent"]["enum"], json!([true]));
    assert_eq!(
        schemas["Profession"]["enum"],
        json!(["lawyer", "psychologist"])
    );
    assert_eq!(schemas["Id"]["oneOf"][0]["minimum"], 1);
    // The body's parts (the person, where they heard of it, its own fields).
    let part = |field: &str| {
        schemas["BookingBody"]["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["properties"][field])
            .find(|p| !p.is_null())
            .cloned()
            .unwrap_or_else(|| panic!("{field} in BookingBody"))
    };
    assert_eq!(part("name")["maxLength"], 50);
    assert_eq!(part("name")["minLength"], 1);
    assert_eq!(part("email")["format"], "email");
    assert_eq!(part("heard_from")["maxLength"], 48);
    app.stop().await;
}

/// A text field given a number is that field's 422 (it was once written
/// out as text and accepted); a wrong `lang` is refused too.
#[tokio::test]
async fn a_text_field_given_a_number_is_refused_with_its_own_message() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/v1/health-requests",
            &json!({"business_name": 5, "industry": 7, "workers": 3, "lang": 1}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let fields = &res.json::<Value>().await.unwrap()["fields"];
    for field in ["business_name", "industry", "lang"] {
        assert!(fields[field].is_string(), "{field}: {fields}");
    }
    assert!(
        fields.get("workers").is_none(),
        "a number is a count: {fields}"
    );
    let res = app
        .post_booking(&json!({"slot_id": 1, "name": 12, "lang": "xx"}))
        .await;
    assert_eq!(res.status(), 422);
    let fields = &res.json::<Value>().await.unwrap()["fields"];
    assert!(
        fields["name"].is_string() && fields["lang"].is_string(),
        "{fields}"
    );
    app.stop().await;
}
