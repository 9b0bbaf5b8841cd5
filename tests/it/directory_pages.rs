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

#[tokio::test]
async fn every_page_shows_the_directorys_crisis_lines_in_staffs_order() {
    let app = spawn_app().await;
    let home = app.get("/").await.text().await.unwrap();
    let contacts = &home[home.find("id=\"urgent\"").unwrap()..];
    let lifeline = contacts.find("022-718-4343").unwrap();
    let kizuna = contacts.find("022-225-5560").unwrap();
    assert!(lifeline < kizuna, "in the order of rank");
    let english = app.get("/?lang=en").await.text().await.unwrap();
    assert!(english.contains("24 hours, every day"));
    // Staff suspend the lifeline and move the city's centre first: every page follows.
    let store = &app.state.store;
    let now = chrono::Utc::now();
    store
        .set_directory_status(
            "30530797-1634-5e80-bc7e-c031acb85b11",
            tsunagu::domain::directory::Status::TemporarilyClosed,
            now,
        )
        .await
        .unwrap();
    let mut kizuna_entry = store
        .directory_now()
        .await
        .unwrap()
        .get("0b545278-94de-59c0-9ef5-562203f33032")
        .unwrap()
        .clone();
    kizuna_entry.rank = 0;
    store
        .save_directory_service(&kizuna_entry, now)
        .await
        .unwrap();
    for path in ["/", "/health", "/waitlist", "/no-such-page", "/directory"] {
        let html = app.get(path).await.text().await.unwrap();
        let contacts = &html[html.find("022-225-5560").unwrap()..];
        assert!(!html.contains("022-718-4343"), "{path}");
        assert!(
            contacts.contains("0570-064-556"),
            "{path}: after the first line"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn the_leaflet_lays_the_services_out_by_trouble_with_a_qr_code_to_the_site() {
    let app = spawn_app().await;
    let html = app.get("/directory/leaflet").await.text().await.unwrap();
    assert!(html.contains("困りごと別 相談先一覧"));
    assert!(html.contains("id=\"need-debt\""));
    assert!(html.contains("id=\"need-overwork\""));
    // The QR code is an SVG in the page, to the configured public address.
    let svg = &html[html.find("<svg").expect("a QR code")..];
    assert!(svg.contains("<path") || svg.contains("<rect"));
    let site = format!(
        "{}/directory",
        app.state.settings.server.public_url.trim_end_matches('/')
    );
    assert!(html.contains(&site));
    assert!(!html.contains("<?xml"));
    // The crisis lines come first.
    assert!(html.find("022-718-4343").unwrap() < html.find("id=\"need-debt\"").unwrap());
    // One trouble only.
    let one = app
        .get("/directory/leaflet?need=debt")
        .await
        .text()
        .await
        .unwrap();
    assert!(one.contains("id=\"need-debt\""));
    assert!(!one.contains("id=\"need-overwork\""));
    assert!(one.contains("司法書士総合相談センター"));
    app.stop().await;
}

#[tokio::test]
async fn many_results_come_a_page_at_a_time_with_the_crisis_lines_on_every_page() {
    let app = spawn_app().await;
    let directory = app.state.store.directory_now().await.unwrap();
    let base = directory
        .entries
        .iter()
        .find(|e| !e.crisis && e.needs.contains(&tsunagu::domain::directory::Need::Debt))
        .unwrap()
        .clone();
    for i in 0..45 {
        let mut e = base.clone();
        e.id = format!("00000000-0000-4000-8000-{i:012}");
        e.name = format!("お金の相談 第{i}窓口");
        app.state
            .store
            .save_directory_service(&e, chrono::Utc::now())
            .await
            .unwrap();
    }
    let first = app.get("/directory?need=debt").await.text().await.unwrap();
    assert!(first.contains("1ページ目（全3ページ）"), "{first}");
    assert!(
        first.contains("href=\"/directory?need=debt&#38;page=2\""),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""));
    assert!(first.contains("022-718-4343"), "the crisis lines lead");
    // Full-width digits are read as digits.
    let third = app
        .get("/directory?need=debt&page=３")
        .await
        .text()
        .await
        .unwrap();
    assert!(third.contains("3ページ目（全3ページ）"), "{third}");
    assert!(third.contains("rel=\"prev\"") && !third.contains("rel=\"next\""));
    assert!(third.contains("022-718-4343"));
    // Past the last page: the last one.
    let past = app
        .get("/directory?need=debt&page=99")
        .await
        .text()
        .await
        .unwrap();
    assert!(past.contains("3ページ目（全3ページ）"));
    app.stop().await;
}
