//! 「空きのお知らせ」 as the sweep sends them: never in the night, at most
//! one a day per address, each thing told once, and exactly once however
//! many server processes sweep one database.

use crate::outreach::subscribed;
use crate::support;

use chrono::{Duration, NaiveTime, Utc};
use serde_json::json;
use std::sync::Arc;
use support::process::{logs, serve};
use support::smtp::SmtpServer;
use support::{spawn_app_on, TestDb};
use tsunagu::domain::outreach::Kinds;
use tsunagu::domain::time::{jst_instant, jst_today, ManualClock, SystemClock};
use tsunagu::store::NewSubscription;

const NOTICE: &str = "相談会の空き状況のお知らせ";

#[tokio::test]
async fn notices_wait_for_the_morning_and_come_at_most_once_a_day() {
    let clock = ManualClock::new(Utc::now());
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.quiet_hours = "21:00-08:00".into(),
        Arc::new(clock.clone()),
    )
    .await;
    let today = jst_today(Utc::now());
    clock.set(jst_instant(
        today,
        NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
    ));
    let email = "yoru@example.jp";
    subscribed(&app, email, json!(["free_slot"])).await;
    let notices = || {
        app.mails_to(email)
            .into_iter()
            .filter(|(s, _)| s == NOTICE)
            .count()
    };
    let first = app.add_session(5).await;
    // 22:00: the free slots are news, but not in the night.
    let night = jst_instant(today, NaiveTime::from_hms_opt(22, 0, 0).unwrap());
    clock.set(night);
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(notices(), 0);
    // 08:30: one notice.
    clock.set(night + Duration::minutes(630));
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(notices(), 1);
    // A second evening frees up the same day: tomorrow's news.
    let second = app.add_session(7).await;
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(notices(), 1, "one a day");
    clock.set(night + Duration::hours(36));
    tsunagu::jobs::sweep_outreach(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(notices(), 2);
    let (_, text) = app.mails_to(email).into_iter().last().unwrap();
    let date = |s: &tsunagu::store::SessionView| {
        tsunagu::i18n::dates::format_datetime(s.starts_at, tsunagu::domain::Lang::Ja)
    };
    assert!(text.contains(&date(&second)), "{text}");
    assert!(!text.contains(&date(&first)), "told once: {text}");
    // Someone waits for the lawyer's slots of a third evening: those are theirs.
    app.stop().await;
}

#[tokio::test]
async fn a_subscription_not_confirmed_within_seven_days_is_deleted_with_its_mail() {
    let clock = ManualClock::new(Utc::now());
    let app = spawn_app_on(TestDb::new().await, |_| {}, Arc::new(clock.clone())).await;
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "wasure@example.jp", "kinds": ["new_month"]}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let token = app
        .link_token("wasure@example.jp", "/subscriptions/confirm/")
        .await;
    let count = |sql: &'static str| crate::outreach::count(&app.db, sql, "wasure@example.jp");
    clock.advance(Duration::days(6));
    tsunagu::jobs::sweep_outreach(&app.state).await;
    assert_eq!(
        count("SELECT COUNT(*) FROM subscriptions WHERE email = $1").await,
        1,
        "six days: kept"
    );
    clock.advance(Duration::days(2));
    tsunagu::jobs::sweep_outreach(&app.state).await;
    assert_eq!(
        count("SELECT COUNT(*) FROM subscriptions WHERE email = $1").await,
        0
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM outbox WHERE recipient = $1").await,
        0,
        "nor its mail"
    );
    assert_eq!(
        app.get(&format!("/subscriptions/confirm/{token}"))
            .await
            .status(),
        404
    );
    app.stop().await;
}

/// `n` confirmed subscriptions to free slots, written as the service does
/// (with no server running, so that none sweeps meanwhile).
async fn subscribers(db: &TestDb, n: usize) -> Vec<String> {
    let store = tsunagu::store::Store::connect(&db.url, 2).await.unwrap();
    let now = Utc::now();
    let mut emails = Vec::new();
    for i in 0..n {
        let email = format!("many{i}@example.jp");
        let confirm = tsunagu::domain::token::Token::generate();
        let new = NewSubscription {
            email: email.clone(),
            kinds: Kinds {
                new_month: false,
                free_slot: true,
            },
            lang: "ja".into(),
            channel: None,
            confirm_hash: confirm.hash(),
            unsubscribe_token: tsunagu::domain::token::Token::generate()
                .as_str()
                .to_string(),
        };
        let mail = |_: &str| tsunagu::store::OutgoingMail {
            kind: "subscription_confirm",
            message_id: format!("<{i}@test>"),
            recipient: email.clone(),
            payload: "{}".into(),
        };
        assert!(store
            .ask_subscription(&new, mail, now - Duration::hours(1), now)
            .await
            .unwrap());
        assert!(store
            .confirm_subscription(&confirm.hash(), now - Duration::days(1), now)
            .await
            .unwrap()
            .is_some());
        emails.push(email);
    }
    // The confirmations are not what this test counts.
    let sql = "DELETE FROM outbox";
    if db.url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        sqlx::query(sql).execute(&pool).await.unwrap();
        pool.close().await;
    }
    emails
}

#[tokio::test]
async fn two_server_processes_tell_each_subscriber_once() {
    let db = TestDb::new().await;
    let setup = spawn_app_on(db.same(), |_| {}, Arc::new(SystemClock)).await;
    // Served only once its own first sweeps are done: nothing below is theirs.
    assert_eq!(setup.get("/healthz").await.status(), 200);
    setup.add_session(6).await;
    // A coordinator, for the evening's low-fill alert (six days ahead, all free).
    tsunagu::service::staff::add(
        &setup.state,
        "coord@city.example.jp",
        "事務 局",
        tsunagu::domain::staff::Role::Coordinator,
        None,
        "a long enough password",
    )
    .await
    .unwrap();
    setup.stop_keep_db().await;
    let emails = subscribers(&db, 30).await;

    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let env = [("TSUNAGU__OUTREACH__SWEEP_INTERVAL", "1s")];
    let mut a = serve(&db, &smtp, dir.path(), 0, &env);
    let mut b = serve(&db, &smtp, dir.path(), 1, &env);
    let notices = || {
        smtp.received()
            .into_iter()
            .filter(|m| m.subject() == NOTICE)
            .collect::<Vec<_>>()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while notices().len() < emails.len() {
        if std::time::Instant::now() > deadline {
            let _ = (a.kill(), b.kill());
            panic!(
                "{} of {} notices within 60 s:\n{}",
                notices().len(),
                emails.len(),
                logs(dir.path(), 2)
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Both swept for a while more.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    support::outbox_drained(&db.url).await;
    a.kill().unwrap();
    b.kill().unwrap();
    let _ = (a.wait(), b.wait());
    let got = notices();
    assert_eq!(got.len(), emails.len());
    let alerts = smtp
        .received()
        .into_iter()
        .filter(|m| m.subject().starts_with("相談会の空き枠のお知らせ"))
        .count();
    assert_eq!(
        alerts,
        1,
        "the low-fill alert, once:\n{}",
        logs(dir.path(), 2)
    );
    for email in &emails {
        let to_them = got
            .iter()
            .filter(|m| m.to.iter().any(|t| t.trim_matches(['<', '>']) == email))
            .count();
        assert_eq!(to_them, 1, "{email}");
    }
    // A third instance finds nothing left to tell today.
    let again = spawn_app_on(db.same(), |_| {}, Arc::new(SystemClock)).await;
    tsunagu::jobs::sweep_outreach(&again.state).await;
    assert_eq!(again.state.store.queued_mail_count().await.unwrap(), 0);
    again.stop().await;
}
