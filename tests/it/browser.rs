//! In a real browser (headless Chromium over WebDriver): a worker books a
//! slot through the public form, and staff sign in, open the roster, open
//! the evening's day sheet and mark attendance.

use crate::support;

use serde_json::json;
use support::webdriver::Browser;
use tsunagu::domain::staff::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_and_the_staff_evening_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let (app, clock) = support::staff::app_on_clock().await;
    let session = app.add_session(10).await;
    let slot = session.slots[0].id;

    // The public form, end to end.
    browser.goto(&app.url("/?lang=ja")).await;
    browser.click(&format!("a[href='/book/{slot}']")).await;
    // Sent empty, the form comes back with the summary of what to fix, and
    // the focus is on it (a screen reader reads it first).
    browser
        .click("form[action^='/book/'] button[type=submit]")
        .await;
    browser.wait_for("id=\"error-summary\"").await;
    assert_eq!(browser.focused().await, "div#error-summary");
    browser.type_into("#name", "仙台 太郎").await;
    browser.type_into("#name_kana", "せんだい たろう").await;
    browser
        .type_into("#phone", "０２２－２２１－６８７０")
        .await;
    browser.type_into("#email", "taro@example.jp").await;
    browser.click("#age_band-40s").await;
    browser.click("#topic-workplace").await;
    browser.click("#consent").await;
    browser
        .click("form[action^='/book/'] button[type=submit]")
        .await;
    let page = browser.wait_for("ご予約を受け付けました").await;
    assert!(page.contains(&app.state.settings.mail.from_address));
    assert!(browser.url().await.contains("/manage/"));

    // Staff, on the evening itself: sign in, roster, day sheet, attendance.
    clock.set(session.starts_at);
    let lawyer = app
        .state
        .store
        .create_professional("法 律子", "lawyer", "", "", chrono::Utc::now())
        .await
        .unwrap();
    app.state
        .store
        .assign(session.id, tsunagu::domain::Profession::Lawyer, lawyer)
        .await
        .unwrap();
    tsunagu::service::staff::add(
        &app.state,
        "coord@city.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
        "a long enough password",
    )
    .await
    .unwrap();
    browser.goto(&app.url("/staff")).await;
    assert!(
        browser.url().await.ends_with("/staff/login"),
        "sign in first"
    );
    browser.type_into("#email", "coord@city.example.jp").await;
    browser
        .type_into("#password", "a long enough password")
        .await;
    browser.click("form[action='/staff/login'] button").await;
    browser.wait_for("ログアウト").await;
    let month = tsunagu::domain::time::to_jst(session.starts_at)
        .format("%Y-%m")
        .to_string();
    browser
        .goto(&app.url(&format!("/staff?month={month}")))
        .await;
    browser.wait_for("法 律子").await;
    browser
        .click(&format!("a[href='/staff/sessions/{}']", session.id))
        .await;
    let sheet = browser.wait_for("当日名簿").await;
    assert!(sheet.contains("仙台 太郎") && sheet.contains("022-221-6870"));
    let booking = app.state.store.all_booking_ids().await.unwrap()[0];
    let form = format!("form[action='/staff/bookings/{booking}/attendance']");
    browser
        .click(&format!("{form} input[value='attended']"))
        .await;
    browser
        .type_into(&format!("{form} input[name=note]"), "時間どおり")
        .await;
    browser.click(&format!("{form} button")).await;
    browser.wait_for("時間どおり").await;
    let record: serde_json::Value = app
        .client
        .get(app.url(&format!("/api/v1/staff/sessions/{}", session.id)))
        .bearer_auth(
            tsunagu::service::staff::new_token(&app.state, "coord@city.example.jp")
                .await
                .unwrap(),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let line = record["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["booking"]["id"] == json!(booking))
        .unwrap()
        .clone();
    assert_eq!(line["booking"]["attendance"], "attended");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_professionals_then_one_cancelled_after_confirming_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    let session = app.add_session(12).await;
    let mut lawyers: Vec<_> = session
        .slots
        .iter()
        .filter(|s| s.profession == tsunagu::domain::Profession::Lawyer)
        .collect();
    lawyers.sort_by_key(|s| s.starts_at);
    let lawyer = lawyers[0];
    let psych = session
        .slots
        .iter()
        .filter(|s| s.profession == tsunagu::domain::Profession::Psychologist)
        .find(|s| s.starts_at >= lawyer.ends_at)
        .expect("a psychologist slot after the lawyer's");

    browser.goto(&app.url("/?lang=ja")).await;
    browser
        .click(&format!("a[href='/book/{}']", lawyer.id))
        .await;
    browser
        .wait_for("弁護士と臨床心理士の両方に相談しますか")
        .await;
    browser.click(&format!("#also-{}", psych.id)).await;
    browser.type_into("#name", "青葉 花子").await;
    browser.type_into("#name_kana", "あおば はなこ").await;
    browser.type_into("#phone", "090-2468-1357").await;
    browser.type_into("#email", "hanako.aoba@example.jp").await;
    browser.click("#age_band-30s").await;
    browser.click("#topic-workplace").await;
    browser.click("#consent").await;
    browser
        .click("form[action^='/book/'] button[type=submit]")
        .await;
    let page = browser.wait_for("ご予約を受け付けました").await;
    assert!(page.contains("弁護士") && page.contains("臨床心理士"));

    // Cancel only the psychologist's slot: the page asks first.
    let ids = app.state.store.all_booking_ids().await.unwrap();
    let mut psych_booking = None;
    for id in ids {
        let b = app.state.store.booking_by_id(id).await.unwrap().unwrap();
        if b.slot_id == psych.id {
            psych_booking = Some(id);
        }
    }
    let psych_booking = psych_booking.expect("the psychologist's booking");
    browser
        .click(&format!("#cancel-{psych_booking} button"))
        .await;
    browser.wait_for("キャンセルの確認").await;
    let still = app
        .state
        .store
        .booking_by_id(psych_booking)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        still.status, "confirmed",
        "nothing cancelled before confirming"
    );
    browser.click("form button.danger").await;
    browser.wait_for("キャンセルを承りました").await;
    let mut statuses = Vec::new();
    for id in app.state.store.all_booking_ids().await.unwrap() {
        let b = app.state.store.booking_by_id(id).await.unwrap().unwrap();
        statuses.push((b.slot_id == psych.id, b.status));
    }
    statuses.sort();
    assert_eq!(
        statuses,
        vec![
            (false, "confirmed".to_string()),
            (true, "cancelled".to_string())
        ]
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finding_help_by_trouble_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    browser.goto(&app.url("/?lang=ja")).await;
    browser.click("a[href='/directory']").await;
    let page = browser.wait_for("困りごとから相談先をさがす").await;
    // The crisis lines lead, before anything is chosen.
    assert!(page.contains("022-718-4343"));
    browser.click("#need-debt").await;
    browser.click("#method-phone").await;
    browser
        .click("form.directory-search button[type=submit]")
        .await;
    let page = browser.wait_for("件の相談先があります").await;
    browser.check_accessibility().await;
    assert!(page.contains("司法書士総合相談センター"));
    assert!(page.contains("href=\"tel:0222216870\""));
    assert!(browser.url().await.contains("need=debt"));
    // The choices stay chosen on the result page.
    browser.find("#need-debt:checked").await;
    // The leaflet, checked by axe too.
    browser.click("a[href='/directory/leaflet']").await;
    browser.wait_for("困りごと別 相談先一覧").await;
    browser.check_accessibility().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_keep_the_directory_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    support::staff::staff(&app).await;
    browser.goto(&app.url("/staff/login?lang=ja")).await;
    browser.type_into("#email", "coord@city.example.jp").await;
    browser
        .type_into("#password", "a long enough password")
        .await;
    browser.click("form[action='/staff/login'] button").await;
    browser.wait_for("ログアウト").await;
    browser.goto(&app.url("/staff/directory")).await;
    browser.wait_for("相談先の一覧の管理").await;
    browser.check_accessibility().await;
    // An entry's form; sent without its name, it comes back with the
    // summary first and what was typed kept.
    let entry = app.state.store.directory_now().await.unwrap().entries[0].clone();
    browser
        .click(&format!("a[href='/staff/directory/{}']", entry.id))
        .await;
    browser.wait_for("の編集").await;
    browser.check_accessibility().await;
    browser.clear("#name").await;
    browser.type_into("#eligibility", "どなたでも").await;
    browser
        .click(&format!(
            "form[action='/staff/directory/{}'] button[type=submit]",
            entry.id
        ))
        .await;
    browser.wait_for("id=\"error-summary\"").await;
    browser.check_accessibility().await;
    browser.find("#eligibility[value*='どなたでも']").await;
    // Confirmed today, from the entry's page.
    browser
        .click(&format!(
            "form[action='/staff/directory/{}/confirm'] button",
            entry.id
        ))
        .await;
    browser.wait_for("内容を確認した日を今日にしました").await;
    browser.check_accessibility().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receiving_service_records_what_happened_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    let st = support::staff::staff(&app).await;
    let (service_id, _) = support::referral::service_with_mail(&app).await;
    let session = app.add_session(10).await;
    let manage = app
        .book_as(
            session.slots[0].id,
            "browser.referral@example.jp",
            "090-3333-4444",
        )
        .await;
    let token = support::referral::refer(&app, &st.coordinator, &manage, &service_id).await;
    browser
        .goto(&app.url(&format!("/referrals/{token}?lang=ja")))
        .await;
    browser.wait_for("お伝えした内容").await;
    browser.check_accessibility().await;
    // Sent without a status: the message, and the note as typed.
    browser.type_into("#note", "来週もう一度電話します").await;
    browser
        .click(&format!(
            "form[action='/referrals/{token}'] button[type=submit]"
        ))
        .await;
    browser.wait_for("id=\"status-error\"").await;
    browser.check_accessibility().await;
    browser.find("#note").await;
    browser.click("#status-contacted").await;
    browser
        .click(&format!(
            "form[action='/referrals/{token}'] button[type=submit]"
        ))
        .await;
    browser.wait_for("記録しました").await;
    browser.check_accessibility().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn referring_following_and_withdrawing_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    let st = support::staff::staff(&app).await;
    let (service_id, _) = support::referral::service_with_mail(&app).await;
    let session = app.add_session(10).await;
    let manage = app
        .book_as(
            session.slots[0].id,
            "browser.refer@example.jp",
            "090-7777-8888",
        )
        .await;
    let booking = app.state.store.session_bookings(session.id).await.unwrap()[0].id;
    browser.goto(&app.url("/staff/login?lang=ja")).await;
    browser.type_into("#email", "coord@city.example.jp").await;
    browser
        .type_into("#password", "a long enough password")
        .await;
    browser.click("form[action='/staff/login'] button").await;
    browser.wait_for("ログアウト").await;
    // The form, refused without consent, then sent.
    browser
        .goto(&app.url(&format!("/staff/bookings/{booking}/refer")))
        .await;
    browser.wait_for("ご本人への説明と同意").await;
    browser.check_accessibility().await;
    browser
        .click(&format!(
            "form[action='/staff/bookings/{booking}/refer'] button[type=submit]"
        ))
        .await;
    browser.wait_for("id=\"error-summary\"").await;
    browser.check_accessibility().await;
    support::referral::refer(&app, &st.coordinator, &manage, &service_id).await;
    browser.goto(&app.url("/staff/referrals")).await;
    browser.wait_for("R-1").await;
    browser.check_accessibility().await;
    // The person's page, with the service and the button to withdraw.
    browser.goto(&app.url(&format!("/manage/{manage}"))).await;
    browser.wait_for("ご案内した窓口").await;
    browser.check_accessibility().await;
    browser
        .click(&format!(
            "form[action^='/manage/{manage}/referrals/'] button"
        ))
        .await;
    browser.wait_for("同意を取り消しました").await;
    browser.check_accessibility().await;
    app.stop().await;
}
