//! Staff keep the directory in `/staff/directory`: the list with when each
//! entry was last confirmed and by whom, the stale ones flagged; adding,
//! changing, suspending and confirming through forms that keep what was
//! typed when refused; every change audited.

use crate::support;
use chrono::Duration;
use support::staff::{cookie_for, csrf_in, page, send_form, staff};
use support::TestApp;

async fn html(app: &TestApp, cookie: &str, path: &str) -> String {
    let res = page(app, cookie, path).await;
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

fn new_entry(csrf: &str) -> Vec<(&'static str, String)> {
    vec![
        ("csrf", csrf.to_string()),
        ("organization_name", "仙台市 青葉区役所".into()),
        ("name", "くらしの相談窓口".into()),
        ("description", "お金や生活のことの相談".into()),
        ("needs", "debt".into()),
        ("needs", "family".into()),
        ("methods", "phone".into()),
        // Full-width digits are normal input.
        ("phone_number_0", "０２２－２２５－７２１１".into()),
        ("phone_type_0", "voice".into()),
        ("freq_0", "WEEKLY".into()),
        ("byday_0", "MO,TU,WE,TH,FR".into()),
        ("opens_at_0", "08:30".into()),
        ("closes_at_0", "17:00".into()),
        ("free", "yes".into()),
        ("closed_on_holidays", "yes".into()),
        ("rank", "５０".into()),
        ("status", "active".into()),
    ]
}

fn pairs<'a>(p: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    p.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn a_coordinator_adds_suspends_and_confirms_entries_through_the_forms() {
    let (app, clock) = support::staff::app_on_clock().await;
    staff(&app).await;
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    // A new database: every entry unconfirmed, so flagged.
    let list = html(&app, &cookie, "/staff/directory").await;
    let entries = app.state.store.directory_now().await.unwrap().entries.len();
    assert!(
        list.contains(&format!("{entries}件の相談先が、183日以上")),
        "{list}"
    );
    assert_eq!(list.matches("要確認</strong>").count(), entries);
    assert!(list.contains("宮城県司法書士会"));

    // Add one.
    let csrf = csrf_in(&list);
    let form = new_entry(&csrf);
    let res = send_form(&app, &cookie, "/staff/directory", &pairs(&form)).await;
    assert_eq!(res.status(), 303);
    let at = res.headers()["location"].to_str().unwrap().to_string();
    assert!(at.ends_with("?done=directory_added"), "{at}");
    let edit = html(&app, &cookie, &at).await;
    assert!(edit.contains("相談先を追加しました。"));
    assert!(edit.contains("value=\"くらしの相談窓口\""));
    assert!(
        edit.contains("value=\"022-225-7211\""),
        "the number as read"
    );
    let id = at
        .trim_start_matches("/staff/directory/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    // It is found by the public search.
    let public = app.get("/directory?need=debt").await.text().await.unwrap();
    assert!(public.contains("くらしの相談窓口"));

    // Suspend it (一時休止): the public no longer sees it.
    let mut change = new_entry(&csrf);
    change.retain(|(k, _)| *k != "status");
    change.push(("status", "temporarily closed".into()));
    let res = send_form(
        &app,
        &cookie,
        &format!("/staff/directory/{id}"),
        &pairs(&change),
    )
    .await;
    assert_eq!(res.status(), 303);
    let public = app.get("/directory?need=debt").await.text().await.unwrap();
    assert!(!public.contains("くらしの相談窓口"));
    let list = html(&app, &cookie, "/staff/directory").await;
    assert!(list.contains("<strong>一時休止</strong>"), "{list}");

    // Confirm it from the list of those to confirm.
    let res = send_form(
        &app,
        &cookie,
        &format!("/staff/directory/{id}/confirm"),
        &[("csrf", &csrf), ("back", "stale")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        "/staff/directory?stale=1&done=directory_confirmed"
    );
    let stale = html(&app, &cookie, "/staff/directory?stale=1").await;
    assert!(
        !stale.contains("くらしの相談窓口"),
        "confirmed: no longer listed"
    );
    let list = html(&app, &cookie, "/staff/directory").await;
    let today = tsunagu::i18n::dates::format_date(
        tsunagu::domain::time::jst_today(tsunagu::domain::time::Clock::now(&clock)),
        tsunagu::domain::Lang::Ja,
    );
    assert!(list.contains(&format!("{today}（事務 局）")), "{list}");
    assert_eq!(list.matches("要確認</strong>").count(), entries);
    // Half a year on it is flagged again.
    clock.advance(Duration::days(184));
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let list = html(&app, &cookie, "/staff/directory").await;
    assert_eq!(list.matches("要確認</strong>").count(), entries + 1);

    // Each step is in the audit log.
    let admin = cookie_for(&app, "admin@city.example.jp").await;
    let audit = html(&app, &admin, "/staff/audit").await;
    for action in ["相談先の追加", "相談先の変更", "相談先の内容確認"] {
        assert!(audit.contains(action), "{action}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_refused_form_keeps_what_was_typed_with_a_message_beside_each_field() {
    let app = support::spawn_app().await;
    staff(&app).await;
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let list = html(&app, &cookie, "/staff/directory/new").await;
    let csrf = csrf_in(&list);
    let version = app.state.store.directory_version().await.unwrap();
    let mut form = new_entry(&csrf);
    form.retain(|(k, _)| !matches!(*k, "name" | "needs" | "phone_number_0" | "byday_0"));
    form.push(("name", String::new()));
    form.push(("phone_number_0", "12".into()));
    form.push(("byday_0", "毎週".into()));
    form.push(("url", "javascript:alert(1)".into()));
    form.push(("description_en", "x\u{0}y".into()));
    let res = send_form(&app, &cookie, "/staff/directory", &pairs(&form)).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"error-summary\""));
    for anchor in [
        "#name",
        "#needs-0",
        "#phone_number_0",
        "#freq_0",
        "#url",
        "#description_en",
    ] {
        assert!(
            page.contains(&format!("href=\"{anchor}\"")),
            "{anchor}: {page}"
        );
    }
    // What was typed is still there, the refused parts too.
    assert!(page.contains("value=\"仙台市 青葉区役所\""));
    assert!(page.contains("value=\"12\""));
    assert!(page.contains("value=\"毎週\""));
    assert!(page.contains("aria-invalid=\"true\""));
    assert_eq!(
        app.state.store.directory_version().await.unwrap(),
        version,
        "nothing written"
    );
    // An entry that does not exist.
    assert_eq!(
        page_status(&app, &cookie, "/staff/directory/no-such-id").await,
        404
    );
    app.stop().await;
}

async fn page_status(app: &TestApp, cookie: &str, path: &str) -> u16 {
    page(app, cookie, path).await.status().as_u16()
}
