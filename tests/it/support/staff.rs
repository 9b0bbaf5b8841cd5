//! Staff for tests: the usual accounts, signing in through the form, and
//! requests with a bearer token or the sign-in cookie.

use super::{spawn_app_on, TestApp, TestDb};
use serde_json::Value;
use tsunagu::domain::staff::Role;

/// Admin, coordinator and a lawyer (with their API tokens); every password
/// is "a long enough password".
pub struct Staff {
    pub admin: String,
    pub coordinator: String,
    pub lawyer: String,
    pub lawyer_id: i64,
}

pub async fn staff(app: &TestApp) -> Staff {
    let s = &app.state;
    let now = chrono::Utc::now();
    let lawyer_id = s
        .store
        .create_professional("法 律子", "lawyer", "仙台弁護士会", "", now)
        .await
        .unwrap();
    let pw = "a long enough password";
    tsunagu::service::staff::add(s, "admin@city.example.jp", "管理 者", Role::Admin, None, pw)
        .await
        .unwrap();
    tsunagu::service::staff::add(
        s,
        "coord@city.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
        pw,
    )
    .await
    .unwrap();
    tsunagu::service::staff::add(
        s,
        "lawyer@city.example.jp",
        "法 律子",
        Role::Professional,
        Some(lawyer_id),
        pw,
    )
    .await
    .unwrap();
    let token = |email: &'static str| async move {
        tsunagu::service::staff::new_token(s, email).await.unwrap()
    };
    Staff {
        admin: token("admin@city.example.jp").await,
        coordinator: token("coord@city.example.jp").await,
        lawyer: token("lawyer@city.example.jp").await,
        lawyer_id,
    }
}

pub async fn get(app: &TestApp, token: Option<&str>, path: &str) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

pub async fn post(
    app: &TestApp,
    token: Option<&str>,
    path: &str,
    body: Value,
) -> reqwest::Response {
    let mut req = app.client.post(app.url(path)).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

pub fn month_of(session: &tsunagu::store::SessionView) -> String {
    tsunagu::domain::time::to_jst(session.starts_at)
        .format("%Y-%m")
        .to_string()
}

pub fn set_cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers().get_all("set-cookie").iter().find_map(|v| {
        let v = v.to_str().ok()?;
        let value = v.strip_prefix(&format!("{name}="))?;
        Some(value.split(';').next().unwrap_or("").to_string())
    })
}

/// Signs in through the form; returns the session cookie.
pub async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let form = app.get("/staff/login").await;
    let csrf_cookie = set_cookie(&form, "tsunagu_login_csrf").unwrap();
    let html = form.text().await.unwrap();
    let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf = &html[start..start + 48];
    assert_eq!(csrf, csrf_cookie);
    app.client
        .post(app.url("/staff/login"))
        .header("cookie", format!("tsunagu_login_csrf={csrf_cookie}"))
        .form(&[("csrf", csrf), ("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
}

pub fn csrf_in(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    html[start..start + 48].to_string()
}

/// Signs in through the form and returns the `cookie` header for later requests.
pub async fn cookie_for(app: &TestApp, email: &str) -> String {
    let res = sign_in(app, email, "a long enough password").await;
    assert_eq!(res.status(), 303, "signed in as {email}");
    format!(
        "tsunagu_staff={}",
        set_cookie(&res, "tsunagu_staff").unwrap()
    )
}

/// A page as the signed-in member sees it.
pub async fn page(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

/// A form sent by the signed-in member.
pub async fn send_form(
    app: &TestApp,
    cookie: &str,
    path: &str,
    pairs: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("cookie", cookie)
        .form(pairs)
        .send()
        .await
        .unwrap()
}

/// The application on a clock that moves only when the test says so.
pub async fn app_on_clock() -> (TestApp, tsunagu::domain::time::ManualClock) {
    let clock = tsunagu::domain::time::ManualClock::new(chrono::Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |_| {},
        std::sync::Arc::new(clock.clone()),
    )
    .await;
    (app, clock)
}
