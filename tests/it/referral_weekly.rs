//! Nobody is dropped silently: a referral with no update for 14 days is
//! flagged on the office's list, named in the coordinators' weekly mail
//! (from the week's first business day at 09:00 JST, never at night, once
//! a week however many server processes run), and closed only with an
//! outcome.

use crate::support;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use std::sync::Arc;
use support::process::{logs, serve};
use support::smtp::SmtpServer;
use support::staff::{get, post, staff};
use support::{spawn_app_on, TestApp, TestDb};
use tsunagu::domain::time::ManualClock;

const SUBJECT: &str = "つなぎの確認のお願い";
const COORDINATOR: &str = "coord@city.example.jp";

fn lists(app: &TestApp) -> Vec<(String, String)> {
    app.mails_to(COORDINATOR)
        .into_iter()
        .filter(|(subject, _)| subject.contains(SUBJECT))
        .collect()
}

/// A referral of a new booking by the coordinator: its id.
async fn referred(app: &TestApp, token: &str) -> i64 {
    let (service_id, _) = support::referral::service_with_mail(app).await;
    let session = app.add_session(10).await;
    let manage = app
        .book_as(session.slots[0].id, "weekly@example.jp", "090-4444-5555")
        .await;
    support::referral::refer(app, token, &manage, &service_id).await;
    app.state.store.open_referrals().await.unwrap()[0].id
}

/// The next Monday at `hour`:00 JST that is a business day, from `now`.
fn next_business_monday(now: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
    use chrono::Datelike;
    let mut day = tsunagu::domain::time::jst_today(now) + Duration::days(1);
    while day.weekday() != chrono::Weekday::Mon
        || !tsunagu::domain::directory::review::business_day(day)
    {
        day += Duration::days(1);
    }
    tsunagu::domain::time::jst_instant(day, chrono::NaiveTime::from_hms_opt(hour, 0, 0).unwrap())
}

/// The first line of the office's list, or null.
async fn first_open(app: &TestApp, token: &str) -> Value {
    let res = get(app, Some(token), "/api/v1/staff/referrals?status=open").await;
    res.json::<Value>().await.unwrap()["items"][0].clone()
}

#[tokio::test]
async fn an_overdue_referral_is_flagged_and_listed_once_a_week_in_the_day() {
    // Made at noon (JST), so that the referral's mail is not held for the
    // morning whatever the hour the suite runs at.
    let noon = tsunagu::domain::time::jst_instant(
        tsunagu::domain::time::jst_today(Utc::now()),
        chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
    );
    let clock = ManualClock::new(noon);
    let app = spawn_app_on(
        TestDb::new().await,
        |s| s.waitlist.quiet_hours = "21:00-08:00".into(),
        Arc::new(clock.clone()),
    )
    .await;
    let st = staff(&app).await;
    let id = referred(&app, &st.coordinator).await;
    let made = app
        .state
        .store
        .referral(id)
        .await
        .unwrap()
        .unwrap()
        .updated_at;

    // Monday morning at least 14 days on: flagged, and listed once.
    let mut monday = next_business_monday(made + Duration::days(14), 9);
    clock.set(monday - Duration::hours(12));
    // The night before: nothing goes out.
    tsunagu::jobs::sweep_referral_week(&app.state).await;
    app.outbox_drained().await;
    let before = lists(&app).len();
    clock.set(monday);
    let line = first_open(&app, &st.coordinator).await;
    assert_eq!(line["overdue"], true, "{line}");
    assert!(line["age_days"].as_i64().unwrap() >= 14);
    tsunagu::jobs::sweep_referral_week(&app.state).await;
    tsunagu::jobs::sweep_referral_week(&app.state).await;
    app.outbox_drained().await;
    let sent = lists(&app);
    assert_eq!(sent.len(), before + 1, "{sent:?}");
    let (_, text) = sent.last().unwrap();
    assert!(text.contains(&format!("R-{id}")), "{text}");
    assert!(
        text.contains("http://tsunagu.test/staff/referrals"),
        "{text}"
    );
    assert!(
        !text.contains("仙台 花子") && !text.contains("090-4444-5555"),
        "{text}"
    );

    // The service records news: no longer overdue, and next week's list
    // mails no one.
    let token = app
        .link_token(support::referral::SERVICE_MAIL, "/referrals/")
        .await;
    let res = app
        .post_json(
            &format!("/api/v1/referrals/{token}/status"),
            &json!({"status": "contacted"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(first_open(&app, &st.coordinator).await["overdue"], false);
    monday = next_business_monday(monday, 10);
    clock.set(monday);
    tsunagu::jobs::sweep_referral_week(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(lists(&app).len(), before + 1);

    // Closing needs an outcome; once closed, it leaves the list.
    let path = format!("/api/v1/staff/referrals/{id}/close");
    let res = post(&app, Some(&st.coordinator), &path, json!({"outcome": ""})).await;
    assert_eq!(res.status(), 422);
    let res = post(
        &app,
        Some(&st.lawyer),
        &path,
        json!({"outcome": "つながった"}),
    )
    .await;
    assert_eq!(res.status(), 403);
    let res = post(
        &app,
        Some(&st.coordinator),
        &path,
        json!({"outcome": "本人が相談センターで面談を受けた"}),
    )
    .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let res = post(
        &app,
        Some(&st.coordinator),
        &path,
        json!({"outcome": "再度"}),
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(first_open(&app, &st.coordinator).await.is_null());
    app.stop().await;
}

/// Makes referral `id` look untouched for `days` days, with no week's
/// list looked for yet.
async fn age(db: &TestDb, id: i64, days: i64) {
    let then = Utc::now() - Duration::days(days);
    let sql = "UPDATE referrals SET updated_at = $1, created_at = $1 WHERE id = $2";
    // The set-up's own sweep recorded this week with nothing overdue.
    let forget = "DELETE FROM referral_weeks";
    if db.url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        sqlx::query(sql)
            .bind(then)
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query(forget).execute(&pool).await.unwrap();
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
        sqlx::query(sql)
            .bind(then)
            .bind(id)
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query(forget).execute(&pool).await.unwrap();
        pool.close().await;
    }
}

#[tokio::test]
async fn two_server_processes_send_the_weeks_list_once() {
    let db = TestDb::new().await;
    let setup = spawn_app_on(
        db.same(),
        |_| {},
        Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    let st = staff(&setup).await;
    let id = referred(&setup, &st.coordinator).await;
    setup.outbox_drained().await;
    setup.stop_keep_db().await;
    age(&db, id, 20).await;

    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut a = serve(
        &db,
        &smtp,
        dir.path(),
        0,
        &[("TSUNAGU__REFERRAL__SWEEP_INTERVAL", "1s")],
    );
    let mut b = serve(
        &db,
        &smtp,
        dir.path(),
        1,
        &[("TSUNAGU__REFERRAL__SWEEP_INTERVAL", "1s")],
    );
    let count = || {
        smtp.received()
            .iter()
            .filter(|m| {
                m.to.iter()
                    .any(|t| t.trim_matches(['<', '>']) == COORDINATOR)
            })
            .filter(|m| m.subject().contains(SUBJECT))
            .count()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while count() == 0 {
        if std::time::Instant::now() > deadline {
            let _ = (a.kill(), b.kill());
            panic!("no weekly list within 40 s:\n{}", logs(dir.path(), 2));
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    support::outbox_drained(&db.url).await;
    a.kill().unwrap();
    b.kill().unwrap();
    let _ = (a.wait(), b.wait());
    assert_eq!(count(), 1);
    let again = spawn_app_on(
        db.same(),
        |_| {},
        Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    tsunagu::jobs::sweep_referral_week(&again.state).await;
    assert_eq!(again.state.store.queued_mail_count().await.unwrap(), 0);
    again.stop().await;
}
