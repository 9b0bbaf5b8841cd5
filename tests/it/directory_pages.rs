//! 相談先をさがす (`/directory`): the form and its results, without JavaScript.

use crate::support::spawn_app;

#[tokio::test]
async fn the_directory_finds_services_by_trouble_and_keeps_the_choices() {
    let app = spawn_app().await;
    let res = app.get("/directory?need=debt&method=phone").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("司法書士総合相談センター"));
    assert!(html.contains("href=\"tel:0222216870\""));
    assert!(html.contains("id=\"need-debt\" name=\"need\" value=\"debt\" checked"));
    assert!(html.contains("id=\"method-phone\" name=\"method\" value=\"phone\" checked"));
    // Only phone services: the evening consultation (in person) is not listed.
    assert!(!html.contains("service-64ee65f1"));
    // The crisis lines lead the page, before the form.
    let crisis = html.find("022-718-4343").unwrap();
    let form = html
        .find("<form method=\"get\" action=\"/directory\"")
        .unwrap();
    assert!(crisis < form);
    app.stop().await;
}

#[tokio::test]
async fn a_bad_search_is_a_page_that_says_what_to_fix() {
    let app = spawn_app().await;
    let res = app.get("/directory?need=nonsense&open_now=maybe").await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"error-summary\""));
    assert!(html.contains("href=\"#need\""));
    assert!(html.contains("href=\"#open_now\""));
    // The page still shows where to turn.
    assert!(html.contains("022-718-4343"));
    app.stop().await;
}

#[tokio::test]
async fn the_directory_speaks_english_and_plain_japanese() {
    let app = spawn_app().await;
    let html = app
        .get("/directory?need=debt&lang=en")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Find help for what troubles you"));
    assert!(html.contains("Debt and money"));
    // A service's English name where staff gave one.
    assert!(html.contains("Judicial scriveners"));
    let easy = app.get("/directory?lang=easy").await.text().await.unwrap();
    assert!(easy.contains("<ruby>"));
    app.stop().await;
}

#[tokio::test]
async fn after_booking_the_page_shows_other_services_for_the_trouble_named() {
    let app = spawn_app().await;
    let session = app.add_session(10).await;
    let mut body = crate::support::booking_body(session.slots[0].id);
    body["topic"] = serde_json::json!("money");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201);
    let created: serde_json::Value = res.json().await.unwrap();
    let manage = created["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let html = app
        .get(&format!("/manage/{manage}?booked=1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"other-doors\""), "{html}");
    assert!(html.contains("司法書士総合相談センター"));
    // Not the evening itself, and not on a later visit to the page.
    let doors = &html[html.find("id=\"other-doors\"").unwrap()..];
    assert!(!doors.contains("仕事とこころの相談会（夜間）"));
    let later = app
        .get(&format!("/manage/{manage}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!later.contains("id=\"other-doors\""));
    app.stop().await;
}
