//! Every public page in each language: an English page shows no Japanese
//! (what the person typed and the chooser's names of the languages aside),
//! a やさしい日本語 page carries the readings of its kanji as ruby and no
//! notation of them, and each page says which language it is in.

use crate::support;

use support::words::japanese_in;
use support::TestApp;

/// The public evening pages as a visitor meets them, in `lang`: the list,
/// the form (empty and refused), the waitlist, a booking's page, its
/// cancel confirmation, a refused move and a missing page.
async fn pages_in(app: &TestApp, lang: &str, slot: i64, manage: &str) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for path in [
        "/".to_string(),
        format!("/book/{slot}"),
        "/waitlist".to_string(),
        "/directory".to_string(),
        format!("/manage/{manage}"),
        "/no-such-page".to_string(),
    ] {
        let res = app.get(&format!("{path}?lang={lang}")).await;
        pages.push((path, res.text().await.unwrap()));
    }
    for (path, form) in [
        (
            format!("/book/{slot}"),
            vec![("lang", lang), ("name", "Taro Sendai")],
        ),
        ("/waitlist".to_string(), vec![("lang", lang)]),
        (format!("/manage/{manage}/cancel"), vec![("lang", lang)]),
        (format!("/manage/{manage}/move"), vec![("lang", lang)]),
    ] {
        // A browser carries the language in the `lang` cookie; the test says it in the address.
        let res = app.post_form(&format!("{path}?lang={lang}"), &form).await;
        pages.push((format!("POST {path}"), res.text().await.unwrap()));
    }
    pages
}

#[tokio::test]
async fn every_public_page_speaks_the_language_it_was_asked_in() {
    let app = support::spawn_app().await;
    let session = app.add_session(10).await;
    let slot = session.slots[0].id;
    let mut body = support::booking_body(session.slots[1].id);
    body["name"] = serde_json::json!("Hanako Aoba");
    body["name_kana"] = serde_json::json!("");
    body["lang"] = serde_json::json!("en");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let created: serde_json::Value = res.json().await.unwrap();
    let manage = created["manage_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();

    for (path, html) in pages_in(&app, "en", slot, &manage).await {
        assert!(html.contains("<html lang=\"en\">"), "{path}");
        let left = japanese_in(&html, &[]);
        assert!(
            left.is_empty(),
            "Japanese left on the English {path}: {left:#?}"
        );
    }
    for (path, html) in pages_in(&app, "easy", slot, &manage).await {
        assert!(html.contains("<html lang=\"ja\">"), "{path}");
        assert!(html.contains("<ruby>"), "readings as ruby on {path}");
        assert!(
            !html.contains('《') && !html.contains('｜'),
            "no reading notation left on {path}"
        );
        assert!(
            html.contains("aria-current=\"page\" lang=\"ja\">やさしい日本語"),
            "the chooser marks the language of {path}"
        );
    }
    for (path, html) in pages_in(&app, "ja", slot, &manage).await {
        assert!(html.contains("<html lang=\"ja\">"), "{path}");
        assert!(!html.contains("<ruby>"), "{path}");
        for name in ["日本語", "English", "やさしい日本語"] {
            assert!(html.contains(name), "the chooser names {name} on {path}");
        }
    }
    app.stop().await;
}
