//! The directory's monthly review: from each month's first business day at
//! 09:00 JST the coordinators get one mail listing the entries not
//! confirmed lately; never at night; once a month however many server
//! processes run.

use crate::support;
use chrono::{DateTime, TimeZone, Utc};
use std::sync::Arc;
use support::process::{logs, quiet_from_now, serve};
use support::smtp::SmtpServer;
use support::staff::staff;
use support::{spawn_app_on, TestDb};
use tsunagu::domain::time::ManualClock;

const SUBJECT: &str = "内容確認のお願い";

fn jst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Tokyo
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn reviews(app: &support::TestApp, to: &str) -> Vec<(String, String)> {
    app.mails_to(to)
        .into_iter()
        .filter(|(subject, _)| subject.contains(SUBJECT))
        .collect()
}

#[tokio::test]
async fn the_coordinators_get_the_months_review_once_in_the_day_and_not_before_it_is_due() {
    // Saturday 2027-01-02: the January review is due on Monday the 4th
    // (1/1–1/3 are 年末年始), and the December one was never sent.
    let clock = ManualClock::new(jst(2027, 1, 2, 23, 0));
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.quiet_hours = "21:00-08:00".into(),
        Arc::new(clock.clone()),
    )
    .await;
    let tokens = staff(&app).await;
    let coordinator = "coord@city.example.jp";
    // At night nothing goes out, even what is overdue.
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    app.outbox_drained().await;
    assert!(reviews(&app, coordinator).is_empty());
    // In the morning the overdue December review goes out.
    clock.set(jst(2027, 1, 3, 10, 0));
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    app.outbox_drained().await;
    let sent = reviews(&app, coordinator);
    assert_eq!(sent.len(), 1, "{sent:?}");
    let (subject, text) = &sent[0];
    assert!(subject.contains("2026年12月"), "{subject}");
    // A new database's entries were never confirmed: every one is listed.
    let entries = app.state.store.directory_now().await.unwrap().entries.len();
    assert!(text.contains(&format!("次の{entries}件の相談先")), "{text}");
    assert!(text.contains("宮城県司法書士会"), "{text}");
    assert!(text.contains("：未確認"), "{text}");
    assert!(text.contains("http://tsunagu.test/staff/directory?stale=1"));
    // Only the coordinators: not the admin, not the professionals.
    assert!(reviews(&app, "admin@city.example.jp").is_empty());
    assert!(reviews(&app, "lawyer@city.example.jp").is_empty());
    // The same month again: nothing more.
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    clock.set(jst(2027, 1, 4, 8, 59));
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(reviews(&app, coordinator).len(), 1);

    // Staff confirm every entry; January's review, due at 09:00 on the
    // 4th, then lists nothing and mails no one.
    let token = tsunagu::domain::token::Token::parse(&tokens.coordinator).unwrap();
    let member = app
        .state
        .store
        .staff_by_token(&token.hash())
        .await
        .unwrap()
        .unwrap();
    for e in app
        .state
        .store
        .directory_now()
        .await
        .unwrap()
        .entries
        .iter()
    {
        tsunagu::service::directory::staff::confirm(&app.state, &member, &e.id)
            .await
            .unwrap();
    }
    clock.set(jst(2027, 1, 4, 9, 0));
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(reviews(&app, coordinator).len(), 1);
    // Half a year on (184 days) they are stale again and listed.
    clock.set(jst(2027, 7, 7, 9, 30));
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    app.outbox_drained().await;
    let sent = reviews(&app, coordinator);
    assert_eq!(sent.len(), 2);
    assert!(sent[1].0.contains("2027年7月"), "{}", sent[1].0);
    assert!(
        sent[1].1.contains("最終確認 2027年1月4日(月)（事務 局）"),
        "{}",
        sent[1].1
    );
    app.stop().await;
}

#[tokio::test]
async fn with_no_coordinator_the_admins_get_it_and_without_staff_it_waits() {
    let clock = ManualClock::new(jst(2027, 2, 1, 9, 0));
    let app = spawn_app_on(TestDb::new().await, |_| {}, Arc::new(clock.clone())).await;
    // Nobody to tell: the month waits.
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    let pw = "a long enough password";
    use tsunagu::domain::staff::Role;
    tsunagu::service::staff::add(
        &app.state,
        "admin@city.example.jp",
        "管理 者",
        Role::Admin,
        None,
        pw,
    )
    .await
    .unwrap();
    tsunagu::jobs::sweep_directory_review(&app.state).await;
    app.outbox_drained().await;
    let sent = reviews(&app, "admin@city.example.jp");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].0.contains("2027年2月"));
    app.stop().await;
}

#[tokio::test]
async fn two_server_processes_send_the_months_review_once() {
    let db = TestDb::new().await;
    // Two coordinators, set up while it is "night" for this application,
    // so that it sends nothing itself.
    let setup = spawn_app_on(
        db.same(),
        |s| s.waitlist.quiet_hours = quiet_from_now(-1, 3),
        Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    let pw = "a long enough password";
    use tsunagu::domain::staff::Role;
    for email in ["coord1@city.example.jp", "coord2@city.example.jp"] {
        tsunagu::service::staff::add(&setup.state, email, "事務 局", Role::Coordinator, None, pw)
            .await
            .unwrap();
    }
    tsunagu::jobs::sweep_directory_review(&setup.state).await;
    assert_eq!(setup.state.store.queued_mail_count().await.unwrap(), 0);
    setup.stop_keep_db().await;

    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut a = serve(
        &db,
        &smtp,
        dir.path(),
        0,
        &[("TSUNAGU__DIRECTORY__REVIEW_SWEEP_INTERVAL", "1s")],
    );
    let mut b = serve(
        &db,
        &smtp,
        dir.path(),
        1,
        &[("TSUNAGU__DIRECTORY__REVIEW_SWEEP_INTERVAL", "1s")],
    );
    let count = |to: &str| {
        smtp.received()
            .iter()
            .filter(|m| m.to.iter().any(|t| t.trim_matches(['<', '>']) == to))
            .filter(|m| m.subject().contains(SUBJECT))
            .count()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while count("coord1@city.example.jp") == 0 || count("coord2@city.example.jp") == 0 {
        if std::time::Instant::now() > deadline {
            let _ = (a.kill(), b.kill());
            let got: Vec<_> = smtp
                .received()
                .iter()
                .map(|m| (m.to.clone(), m.subject()))
                .collect();
            panic!(
                "no review mail within 40 s: {got:?}\n{}",
                logs(dir.path(), 2)
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    support::outbox_drained(&db.url).await;
    a.kill().unwrap();
    b.kill().unwrap();
    let _ = (a.wait(), b.wait());
    // The month is taken: a further sweep, in the day, queues nothing.
    let again = spawn_app_on(
        db.same(),
        |_| {},
        Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    tsunagu::jobs::sweep_directory_review(&again.state).await;
    assert_eq!(again.state.store.queued_mail_count().await.unwrap(), 0);
    again.stop().await;
    assert_eq!(count("coord1@city.example.jp"), 1);
    assert_eq!(count("coord2@city.example.jp"), 1);
}
