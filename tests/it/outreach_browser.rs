//! 周知 in a real browser (headless Chromium over WebDriver), each page
//! checked by axe-core: subscribing from the home page, confirming and
//! unsubscribing; the embed and the poster; the staff's outreach page.

use crate::support;

use support::webdriver::Browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribing_confirming_and_unsubscribing_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    let session = app.add_session(9).await;
    browser.goto(&app.url("/?lang=ja")).await;
    browser.click("a[href='/subscribe']").await;
    browser.wait_for("お知らせの内容").await;
    browser.check_accessibility().await;
    // Sent without an address: the summary first, the choices kept.
    browser.click("#kinds-new_month").await;
    browser
        .click("form[action='/subscribe'] button[type=submit]")
        .await;
    browser.wait_for("id=\"error-summary\"").await;
    browser.check_accessibility().await;
    browser.find("#kinds-free_slot:checked").await;
    browser.type_into("#email", "browser@example.jp").await;
    browser
        .click("form[action='/subscribe'] button[type=submit]")
        .await;
    browser.wait_for("確認のメールをお送りしました").await;
    browser.check_accessibility().await;
    let token = app
        .link_token("browser@example.jp", "/subscriptions/confirm/")
        .await;
    browser
        .goto(&app.url(&format!("/subscriptions/confirm/{token}")))
        .await;
    browser.wait_for("登録が完了しました").await;
    browser.check_accessibility().await;
    // The page behind a notice's link asks before it deletes the address.
    let today = tsunagu::domain::time::jst_today(chrono::Utc::now());
    let subscribed = app
        .state
        .store
        .subscribers_to_tell(today, &[])
        .await
        .unwrap();
    let unsubscribe = subscribed[0].0.unsubscribe_token.clone();
    browser
        .goto(&app.url(&format!("/subscriptions/unsubscribe/{unsubscribe}")))
        .await;
    browser.wait_for("配信を停止すると").await;
    browser.check_accessibility().await;
    browser
        .click(&format!(
            "form[action='/subscriptions/unsubscribe/{unsubscribe}'] button"
        ))
        .await;
    browser.wait_for("メールアドレスを削除しました").await;
    browser.check_accessibility().await;
    assert!(app
        .state
        .store
        .subscribers_to_tell(today, &[])
        .await
        .unwrap()
        .is_empty());

    // What partners show: the embed and the poster, in Japanese and English.
    for lang in ["ja", "en"] {
        browser
            .goto(&app.url(&format!("/embed/next?lang={lang}")))
            .await;
        browser.find("a.book").await;
        browser.check_accessibility().await;
        browser
            .goto(&app.url(&format!("/poster/{}?lang={lang}", session.id)))
            .await;
        browser.find(".poster svg").await;
        browser.check_accessibility().await;
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_outreach_page_in_a_real_browser() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    support::staff::staff(&app).await;
    app.add_session(12).await;
    browser.goto(&app.url("/staff/login?lang=ja")).await;
    browser.type_into("#email", "coord@city.example.jp").await;
    browser
        .type_into("#password", "a long enough password")
        .await;
    browser.click("form[action='/staff/login'] button").await;
    browser.wait_for("ログアウト").await;
    browser.click("a[href='/staff/outreach']").await;
    browser.wait_for("周知に協力いただける相談先").await;
    browser.check_accessibility().await;
    let entry = app
        .state
        .store
        .directory_now()
        .await
        .unwrap()
        .entries
        .iter()
        .find(|e| !e.crisis)
        .unwrap()
        .clone();
    browser
        .click(&format!(
            "form[action='/staff/outreach/partners/{}'] button",
            entry.id
        ))
        .await;
    browser.wait_for("周知の協力先を変更しました").await;
    browser.check_accessibility().await;
    assert_eq!(
        app.state.store.outreach_partners().await.unwrap(),
        [entry.id]
    );
    app.stop().await;
}
