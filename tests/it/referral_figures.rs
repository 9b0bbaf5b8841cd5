//! The referrals' figures: by destination and status, how many arrived,
//! follow-ups made, booked and kept; the fiscal year by default.

use crate::support;

use serde_json::{json, Value};
use support::referral::consent;
use support::staff::{get, post, staff};

#[tokio::test]
async fn the_figures_count_referrals_by_destination_and_follow_ups_by_what_became_of_them() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let (service_id, _) = support::referral::service_with_mail(&app).await;
    let now = app.add_session(10).await;
    let later = app.add_session(100).await;
    let manage = app
        .book_as(now.slots[0].id, "fig1@example.jp", "090-8000-0001")
        .await;
    support::referral::refer(&app, &st.coordinator, &manage, &service_id).await;
    let second = app
        .book_as(now.slots[1].id, "fig2@example.jp", "090-8000-0002")
        .await;
    let booking = app.get_json(&format!("/api/v1/manage/{second}")).await["id"]
        .as_i64()
        .unwrap();
    let res = post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/bookings/{booking}/referrals"),
        json!({"follow_up": {"session_id": later.id, "profession": "lawyer"},
               "consent": consent(), "contact": "email", "share": {"name": true, "contact": true}}),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let token = app.link_token("fig2@example.jp", "/offers/").await;
    let res = app
        .post_empty(&format!("/api/v1/offers/{token}/accept"))
        .await;
    assert_eq!(res.status(), 201);

    let res = get(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/referrals/figures",
    )
    .await;
    assert_eq!(res.status(), 200);
    let f: Value = res.json().await.unwrap();
    assert_eq!(f["total"], 2, "{f}");
    assert_eq!(f["arrived"], 1, "{f}");
    assert_eq!(f["open"], 1, "{f}");
    assert_eq!(f["follow_ups"], json!({"made": 1, "booked": 1, "kept": 0}));
    assert!(f["destinations"][0]["service"].is_null());
    assert_eq!(f["destinations"][1]["service"]["id"], service_id.as_str());
    assert_eq!(f["destinations"][1]["by_status"]["sent"], 1);
    // The fiscal year by default; a span by month; a bad month refused.
    let from = f["from"].as_str().unwrap();
    assert!(from.ends_with("-04"), "{from}");
    let res = get(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/referrals/figures?from=2020-04&to=2021-03",
    )
    .await;
    assert_eq!(res.json::<Value>().await.unwrap()["total"], 0);
    let res = get(
        &app,
        Some(&st.coordinator),
        "/api/v1/staff/referrals/figures?from=2026-13",
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = get(&app, Some(&st.lawyer), "/api/v1/staff/referrals/figures").await;
    assert_eq!(res.status(), 403);
    app.stop().await;
}
