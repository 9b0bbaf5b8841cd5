//! The public pages: Japanese first, English available, no JavaScript.

use crate::support;

use support::spawn_app;

fn form<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut pairs = vec![
        ("name", "仙台 太郎"),
        ("name_kana", "せんだい たろう"),
        ("phone", "０２２－２２１－６８７０"),
        ("email", "taro@example.jp"),
        ("age_band", "40s"),
        ("topic", "money"),
        ("note", ""),
        ("consent", "yes"),
    ];
    for (k, v) in overrides {
        pairs.retain(|(name, _)| name != k);
        if !v.is_empty() {
            pairs.push((k, v));
        }
    }
    pairs
}

#[tokio::test]
async fn the_list_shows_evenings_in_japanese_with_links_to_free_slots() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let taken = session.slots[0].id;
    assert_eq!(
        app.post_booking(&support::booking_body(taken))
            .await
            .status(),
        201
    );
    let res = app.get("/").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"ja\">"));
    let date = tsunagu::i18n::dates::format_date(
        tsunagu::domain::time::to_jst(session.starts_at).date_naive(),
        tsunagu::domain::Lang::Ja,
    );
    assert!(html.contains(&date), "{date}");
    assert!(html.contains("弁護士") && html.contains("臨床心理士"));
    assert!(html.contains("（空き 2/3）"), "lawyer slots: one taken");
    assert!(!html.contains(&format!("href=\"/book/{taken}\"")));
    assert!(html.contains(&format!("href=\"/book/{}\"", session.slots[1].id)));
    assert!(html.contains("予約済み"));
    assert!(html.contains("022-718-4343"), "crisis contacts shown");
    assert!(!html.to_lowercase().contains("<script"), "no JavaScript");
    app.stop().await;
}

#[tokio::test]
async fn english_is_one_click_away_and_remembered() {
    let app = spawn_app().await;
    app.add_session(12).await;
    let res = app.get("/?lang=en").await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("lang=en"));
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Clinical psychologist"));
    assert!(
        html.contains("href=\"/?lang=ja\""),
        "a way back to Japanese"
    );
    let again = app
        .client
        .get(app.url("/"))
        .header("cookie", "lang=en")
        .send()
        .await
        .unwrap();
    assert!(again.text().await.unwrap().contains("Upcoming evenings"));
    app.stop().await;
}

#[tokio::test]
async fn the_form_is_labelled_and_bad_input_is_shown_beside_each_field() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let slot = session.slots[2].id;
    let html = app
        .get(&format!("/book/{slot}"))
        .await
        .text()
        .await
        .unwrap();
    for id in ["name", "name_kana", "phone", "email", "note", "consent"] {
        assert!(
            html.contains(&format!("<label for=\"{id}\"")),
            "label for {id}"
        );
    }
    assert!(html.contains("<legend>年代"));
    assert!(html.contains("autocomplete=\"tel\""));
    assert!(html.contains("個人情報の取扱いについて"));

    let res = app
        .post_form(
            &format!("/book/{slot}"),
            &form(&[("phone", "12"), ("name_kana", "Taro"), ("consent", "")]),
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("入力内容を確認してください"));
    assert!(
        html.contains("href=\"#phone\""),
        "the summary links to the field"
    );
    assert!(html.contains("電話番号を0から始まる10桁または11桁"));
    assert!(html.contains("カタカナまたはひらがなで入力してください。"));
    assert!(html.contains("個人情報の取扱いへの同意が必要です"));
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(
        html.contains("value=\"仙台 太郎\""),
        "what was typed is kept"
    );
    assert!(html.contains("value=\"40s\" checked"));
    assert!(app.state.store.all_booking_ids().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn booking_by_form_leads_to_the_confirmation_page() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let slot = session.slots[5].id;
    let res = app.post_form(&format!("/book/{slot}"), &form(&[])).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with("/manage/") && location.ends_with("?booked=1"),
        "{location}"
    );
    let res = app.get(&location).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert_eq!(res.headers()["referrer-policy"], "no-referrer");
    let html = res.text().await.unwrap();
    assert!(html.contains("ご予約を受け付けました"));
    assert!(html.contains("taro@example.jp"));
    assert!(
        html.contains(&app.state.settings.mail.from_address),
        "which sender to allow"
    );
    assert!(html.contains("臨床心理士"));
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let person = app.state.store.booking_person(id).await.unwrap().unwrap();
    assert_eq!(person.phone, "022-221-6870");
    assert_eq!(person.topic, "money");
    // The same link later, without the banner.
    let plain = app
        .get(location.trim_end_matches("?booked=1"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!plain.contains("ご予約を受け付けました"));
    assert!(plain.contains("予約済み"));
    app.stop().await;
}

#[tokio::test]
async fn errors_are_friendly_pages() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let slot = session.slots[0].id;
    assert_eq!(
        app.post_booking(&support::booking_body(slot))
            .await
            .status(),
        201
    );
    let res = app.get(&format!("/book/{slot}")).await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("別の枠をお選びください"));
    assert!(html.contains("href=\"/\""));
    let res = app.post_form(&format!("/book/{slot}"), &form(&[])).await;
    assert_eq!(res.status(), 409);
    for path in [
        "/book/abc",
        "/book/999999",
        "/manage/nothing",
        "/no/such/page",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("お探しのページは見つかりませんでした"));
    }
    app.stop().await;
}

#[tokio::test]
async fn a_refused_booking_keeps_what_was_typed_and_says_what_to_do_next() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let slot = session.slots[0].id;
    app.book_as(slot, "first@example.jp", "090-1212-0001").await;
    let res = app
        .post_form(
            &format!("/book/{slot}"),
            &form(&[("name", "宮城 次郎"), ("note", "夜勤明けです")]),
        )
        .await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("ご予約できませんでした"),
        "the reason at the top"
    );
    assert!(html.contains("ほかの方の予約が入った"));
    assert!(html.contains("value=\"宮城 次郎\""), "the name kept");
    assert!(html.contains("夜勤明けです"), "the note kept");
    assert!(html.contains("value=\"taro@example.jp\""), "the email kept");
    assert!(
        html.replace("&#38;", "&amp;").contains(&format!(
            "/waitlist?session_id={}&amp;profession=lawyer",
            session.id
        )),
        "the waitlist as the next step"
    );
    // The same person again: the rule, with the form kept.
    let other = session.slots[1].id;
    let res = app
        .post_form(
            &format!("/book/{other}"),
            &form(&[("email", "first@example.jp"), ("phone", "090-1212-0001")]),
        )
        .await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("同じ日に同じ相談員の枠を2つ予約することはできません"));
    assert!(html.contains("value=\"first@example.jp\""));
    app.stop().await;
}

#[tokio::test]
async fn an_evening_not_yet_open_says_when_booking_opens_and_offers_the_waitlist() {
    let app = spawn_app().await;
    let later = app.add_session(75).await;
    let html = app.get("/?lang=ja").await.text().await.unwrap();
    let opens = app.state.rules.opens_at(later.starts_at);
    let date = tsunagu::i18n::dates::format_date(
        tsunagu::domain::time::to_jst(opens).date_naive(),
        tsunagu::domain::Lang::Ja,
    );
    assert!(html.contains(&format!("{date}から予約できます")), "{date}");
    for slot in &later.slots {
        assert!(
            !html.contains(&format!("href=\"/book/{}\"", slot.id)),
            "no booking link yet"
        );
    }
    assert!(html.contains(&format!(
        "/waitlist?session_id={}&amp;profession=lawyer",
        later.id
    )));
    let en = app.get("/?lang=en").await.text().await.unwrap();
    assert!(en.contains("Booking opens on "));
    // The API gives each evening its window.
    let sessions = app.get_json("/api/v1/evening-sessions").await;
    let s = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == later.id)
        .unwrap();
    assert_eq!(
        s["booking_opens_at"],
        tsunagu::domain::time::rfc3339_jst(opens)
    );
    assert_eq!(
        s["booking_closes_at"],
        tsunagu::domain::time::rfc3339_jst(app.state.rules.closes_at(later.starts_at))
    );
    assert_eq!(
        s["slots"][0]["available"], true,
        "available stays as it was"
    );
    app.stop().await;
}

#[tokio::test]
async fn page_titles_do_not_repeat_themselves() {
    let app = spawn_app().await;
    for lang in ["ja", "en"] {
        let html = app
            .get(&format!("/?lang={lang}"))
            .await
            .text()
            .await
            .unwrap();
        let start = html.find("<title>").unwrap() + "<title>".len();
        let title = &html[start..html[start..].find("</title>").unwrap() + start];
        let parts: Vec<&str> = title.split(" | ").collect();
        assert_eq!(parts.len(), 2, "{title}");
        assert!(
            !parts[1].contains(parts[0]) && !parts[0].contains(parts[1]),
            "{title}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn english_pages_take_latin_names_and_international_numbers_in_plain_english() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let slot = session.slots[0].id;
    let form_html = app
        .get(&format!("/book/{slot}?lang=en"))
        .await
        .text()
        .await
        .unwrap();
    let kana_input = &form_html[form_html.find("id=\"name_kana\"").unwrap()..];
    let kana_input = &kana_input[..kana_input.find('>').unwrap()];
    assert!(
        !kana_input.contains("required"),
        "フリガナ optional in English: {kana_input}"
    );
    let res = app
        .post_form(
            &format!("/book/{slot}?lang=en"),
            &form(&[
                ("name", "Nguyen Van An"),
                ("name_kana", ""),
                ("phone", "+81 90-1234-5678"),
            ]),
        )
        .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let sheet = app.state.store.day_sheet(session.id).await.unwrap();
    let line = sheet.iter().find(|l| l.slot_id == slot).unwrap();
    assert_eq!(line.phone.as_deref(), Some("090-1234-5678"), "normalised");
    assert_eq!(line.name.as_deref(), Some("Nguyen Van An"));
    // A Latin reading is kept as written.
    let other = session.slots[1].id;
    let res = app
        .post_form(
            &format!("/book/{other}?lang=en"),
            &form(&[
                ("name", "Maria Santos"),
                ("name_kana", "Maria Santos"),
                ("email", "maria@example.jp"),
                ("phone", "+81-80-2222-3333"),
            ]),
        )
        .await;
    assert_eq!(res.status(), 303);
    // Japanese pages still ask for フリガナ in kana.
    let res = app
        .post_form(
            &format!("/book/{}?lang=ja", session.slots[2].id),
            &form(&[
                ("name_kana", ""),
                ("email", "ja@example.jp"),
                ("phone", "090-3333-4444"),
            ]),
        )
        .await;
    assert_eq!(res.status(), 422);
    // No full-width brackets or colons in the English words of the pages.
    let token = app
        .book_as(session.slots[3].id, "en@example.jp", "090-5555-6666")
        .await;
    let pages = [
        "/?lang=en".to_string(),
        format!("/book/{}?lang=en", session.slots[4].id),
        "/waitlist?lang=en".to_string(),
        format!("/manage/{token}?lang=en"),
    ];
    for path in pages {
        let html = app.get(&path).await.text().await.unwrap();
        let visible = strip_tags(&html);
        for bad in ['（', '）', '：'] {
            assert!(
                !visible.contains(bad),
                "{path} has {bad}: …{}…",
                around(&visible, bad)
            );
        }
    }
    app.stop().await;
}

/// The text of a page, without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn around(text: &str, c: char) -> String {
    let i = text.find(c).unwrap_or(0);
    text[i.saturating_sub(60)..(i + 60).min(text.len())].to_string()
}

#[tokio::test]
async fn the_consent_message_stands_above_its_checkbox_not_beside_it() {
    let app = spawn_app().await;
    let session = app.add_session(12).await;
    let res = app
        .post_form(
            &format!("/book/{}", session.slots[0].id),
            &form(&[("consent", "")]),
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    let error = html.find("id=\"consent-error\"").expect("the message");
    let row = html[..html.find("id=\"consent\"").unwrap()]
        .rfind("class=\"choice\"")
        .expect("the checkbox's row");
    assert!(
        error < row,
        "the message is outside the checkbox's row (a flex line)"
    );
    app.stop().await;
}
