//! The health centre's pages: the request form without JavaScript, its
//! errors and the eligibility explanation, the status page and its forms.

mod support;

use support::{assert_labelled, spawn_app, TestApp};

fn valid_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("business_name", "株式会社 青葉製作所"),
        ("address", "仙台市青葉区一番町１－２－３"),
        ("workers", "２０"),
        ("industry", "製造業"),
        ("kind_high_stress", "yes"),
        ("workers_high_stress", "1"),
        ("requested_on_high_stress", ""),
        ("kind_consultation", "yes"),
        ("workers_consultation", "2"),
        ("place", "centre"),
        ("weekday", "tue"),
        ("weekday", "thu"),
        ("time", "afternoon"),
        ("note", "月末は避けてください"),
        ("contact_name", "総務 花子"),
        ("phone", "022-221-6870"),
        ("email", "soumu@aoba.example.jp"),
        ("consent", "yes"),
    ]
}

async fn text(res: reqwest::Response) -> String {
    res.text().await.unwrap()
}

async fn submit(app: &TestApp, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_form("/health", form).await
}

#[tokio::test]
async fn a_business_requests_through_the_form_and_manages_it_on_its_page() {
    let app = spawn_app().await;
    let form = app.get("/health").await;
    assert_eq!(form.status(), 200);
    let html = text(form).await;
    assert!(html.contains("産業医による相談・面接指導のお申込み"));
    assert!(html.contains("仙台市・富谷市"));
    assert_labelled(&html, "/health");
    assert_labelled(
        &text(app.get("/health?lang=en").await).await,
        "/health?lang=en",
    );

    let res = submit(&app, &valid_form()).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/health/manage/") && location.ends_with("?created=1"));
    let html = text(app.get(&location).await).await;
    assert!(html.contains("受付番号"));
    assert!(html.contains("1番目"));
    assert!(
        html.contains(&app.state.settings.mail.from_address),
        "says which address to allow"
    );
    assert!(html.contains("④ 高ストレス者に対する面接指導（1人）"));
    assert_labelled(&html, "status page");
    let stored = app.state.store.health_requests_open().await.unwrap();
    assert_eq!(stored[0].workers, 20);
    assert_eq!(stored[0].weekdays, "tue,thu");
    assert_eq!(stored[0].time_of_day, "afternoon");

    let token = location
        .trim_start_matches("/health/manage/")
        .trim_end_matches("?created=1")
        .to_string();
    // Contact details: a bad phone is shown beside the field; a good one is saved.
    let res = app
        .post_form(
            &format!("/health/manage/{token}/contact"),
            &[
                ("contact_name", "新 担当"),
                ("phone", "12"),
                ("email", "new@example.jp"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("id=\"phone-error\""));
    let res = app
        .post_form(
            &format!("/health/manage/{token}/contact"),
            &[
                ("contact_name", "新 担当"),
                ("phone", "090-1234-5678"),
                ("email", "new@example.jp"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.state.store.health_requests_open().await.unwrap()[0].contact_name,
        "新 担当"
    );
    // Withdrawing asks for the box to be ticked first.
    let res = app
        .post_form(&format!("/health/manage/{token}/withdraw"), &[])
        .await;
    assert_eq!(res.status(), 422);
    let res = app
        .post_form(
            &format!("/health/manage/{token}/withdraw"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = text(app.get(&format!("/health/manage/{token}")).await).await;
    assert!(html.contains("取り下げられました"));
    assert!(!html.contains("/withdraw\""), "nothing left to withdraw");
    assert_eq!(app.get("/health/manage/not-a-token").await.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn mistakes_are_shown_beside_each_field_and_large_workplaces_are_pointed_elsewhere() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.retain(|(k, _)| !matches!(*k, "business_name" | "consent" | "place"));
    form.push(("workers_high_stress", "0"));
    let res = submit(&app, &form).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("error-summary"));
    for id in ["business_name-error", "consent-error"] {
        assert!(html.contains(id), "{id}");
    }
    assert!(
        html.contains("value=\"仙台市青葉区一番町１－２－３\""),
        "what was typed is kept"
    );
    assert!(html.contains("月末は避けてください"));

    let mut form = valid_form();
    form.retain(|(k, _)| *k != "workers");
    form.push(("workers", "120"));
    let res = submit(&app, &form).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("宮城産業保健総合支援センター"));
    assert!(html.contains("role=\"alert\""));
    assert!(app
        .state
        .store
        .health_requests_open()
        .await
        .unwrap()
        .is_empty());
    app.stop().await;
}
