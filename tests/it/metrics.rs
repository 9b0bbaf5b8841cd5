//! The figures for monitoring: Prometheus text on a listener of its own
//! (`metrics.bind`, off by default), counting bookings made and refused,
//! mails sent and failed, job runs and requests by route template; the
//! outbox and the open offers read from the database when scraped.

use crate::support;

use chrono::{Duration, DurationRound, Utc};
use serde_json::json;
use std::sync::Arc;
use support::smtp::{Mode, SmtpServer};
use support::{booking_body, eventually, spawn_app, spawn_app_on, spawn_app_with, TestApp, TestDb};
use tsunagu::config::{Secret, Settings, TransportKind};
use tsunagu::domain::time::ManualClock;
use tsunagu::domain::Profession;

/// Mail over SMTP to `server`, the figures on a free loopback port, and
/// the sweeps run only at start (and when a test runs them), so that
/// their runs can be counted exactly.
fn measured(server: &SmtpServer) -> impl FnOnce(&mut Settings) {
    let url = server.url();
    move |s| {
        s.mail.transport = TransportKind::Smtp;
        s.mail.smtp_url = Secret::new(url);
        s.metrics.bind = "127.0.0.1:0".into();
        s.waitlist.sweep_seconds = 3600;
        s.reminders.sweep_interval = "1h".into();
    }
}

/// The figures as the monitoring sees them.
async fn scrape(app: &TestApp) -> String {
    let base = app.metrics_base.as_ref().expect("the figures are on");
    let res = app
        .client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

/// The value of one series (`name{labels}`, exactly as written), if present.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

/// Waits until the series reads `want`.
async fn reads(app: &TestApp, series: &str, want: f64) {
    let mut last = String::new();
    let seen = tokio::time::timeout(std::time::Duration::from_secs(15), async {
        loop {
            last = scrape(app).await;
            if value(&last, series) == Some(want) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(seen.is_ok(), "{series} never read {want}:\n{last}");
}

#[tokio::test]
async fn the_figures_are_off_by_default_and_never_on_the_public_listener() {
    let app = spawn_app().await;
    assert!(app.metrics_base.is_none(), "no metrics listener by default");
    assert_eq!(app.get("/metrics").await.status(), 404);
    app.stop().await;

    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(measured(&smtp)).await;
    // On: served on its own listener, in the Prometheus text format ...
    let base = app.metrics_base.clone().unwrap();
    assert_ne!(base, app.base);
    let res = app
        .client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let text = res.text().await.unwrap();
    assert!(
        text.contains("# TYPE tsunagu_job_runs_total counter"),
        "{text}"
    );
    // ... which serves nothing else of the application,
    for path in ["/", "/healthz", "/api/v1/evening-sessions", "/staff/login"] {
        let res = app
            .client
            .get(format!("{base}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path} on the metrics listener");
    }
    // and the public listener still does not serve the figures.
    assert_eq!(app.get("/metrics").await.status(), 404);
    // The one shutdown closes both listeners.
    let client = app.client.clone();
    app.stop().await;
    assert!(client.get(format!("{base}/metrics")).send().await.is_err());
}

#[tokio::test]
async fn bookings_refusals_mails_offers_and_job_runs_are_counted() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(measured(&smtp)).await;
    // The sweeps ran once at start.
    let start = scrape(&app).await;
    assert_eq!(
        value(&start, "tsunagu_job_runs_total{job=\"offer_sweep\"}"),
        Some(1.0)
    );
    assert_eq!(
        value(&start, "tsunagu_job_runs_total{job=\"reminder_sweep\"}"),
        Some(1.0)
    );
    assert_eq!(
        value(&start, "tsunagu_job_failures_total{job=\"offer_sweep\"}"),
        Some(0.0)
    );
    assert_eq!(value(&start, "tsunagu_waitlist_offers_open"), Some(0.0));

    // Every lawyer slot of an evening booked: three bookings, three mails.
    let session = app.add_session(9).await;
    let lawyers: Vec<i64> = session
        .slots
        .iter()
        .filter(|s| s.profession == Profession::Lawyer)
        .map(|s| s.id)
        .collect();
    let mut tokens = Vec::new();
    for (i, slot) in lawyers.iter().enumerate() {
        tokens.push(
            app.book_as(
                *slot,
                &format!("m{i}@example.jp"),
                &format!("090-7100-00{i:02}"),
            )
            .await,
        );
    }
    // Refused: the slot is full, and a form without a name.
    let mut again = booking_body(lawyers[0]);
    again["email"] = json!("late@example.jp");
    again["phone"] = json!("090-7100-0099");
    assert_eq!(app.post_booking(&again).await.status(), 409);
    let psychologist = session
        .slots
        .iter()
        .find(|s| s.profession == Profession::Psychologist)
        .unwrap()
        .id;
    let mut nameless = booking_body(psychologist);
    nameless["name"] = json!("");
    assert_eq!(app.post_booking(&nameless).await.status(), 422);
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, "tsunagu_bookings_made_total{channel=\"online\"}"),
        Some(3.0)
    );
    assert_eq!(
        value(
            &text,
            "tsunagu_bookings_refused_total{reason=\"slot_taken\"}"
        ),
        Some(1.0)
    );
    assert_eq!(
        value(
            &text,
            "tsunagu_bookings_refused_total{reason=\"invalid_input\"}"
        ),
        Some(1.0)
    );
    // Delivered over SMTP.
    reads(
        &app,
        "tsunagu_mails_sent_total{kind=\"booking_confirmed\"}",
        3.0,
    )
    .await;
    assert_eq!(smtp.received().len(), 3);

    // Someone waits; a cancellation frees a slot; it is offered to them.
    let res = app
        .join_waitlist(
            json!(session.id),
            "lawyer",
            "wait@example.jp",
            "080-7100-0001",
        )
        .await;
    assert_eq!(res.status(), 201);
    let res = app
        .post_empty(&format!("/api/v1/manage/{}/cancel", tokens[0]))
        .await;
    assert_eq!(res.status(), 200);
    reads(&app, "tsunagu_waitlist_offers_open", 1.0).await;
    app.outbox_drained().await;

    // A mail the server refuses for good.
    smtp.set_mode(Mode::PermFail);
    let mut refused = booking_body(psychologist);
    refused["email"] = json!("bounced@example.jp");
    assert_eq!(app.post_booking(&refused).await.status(), 201);
    reads(
        &app,
        "tsunagu_mails_failed_total{kind=\"booking_confirmed\"}",
        1.0,
    )
    .await;
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, "tsunagu_bookings_made_total{channel=\"online\"}"),
        Some(4.0)
    );
    assert_eq!(
        value(
            &text,
            "tsunagu_mails_sent_total{kind=\"booking_confirmed\"}"
        ),
        Some(3.0)
    );
    assert_eq!(value(&text, "tsunagu_outbox_queued"), Some(0.0));
    assert!(value(&text, "tsunagu_job_runs_total{job=\"mail_dispatch\"}").unwrap() >= 1.0);

    // A run of the offer sweep is counted.
    tsunagu::jobs::sweep_offers(&app.state).await;
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, "tsunagu_job_runs_total{job=\"offer_sweep\"}"),
        Some(2.0)
    );
    assert_eq!(
        value(&text, "tsunagu_job_failures_total{job=\"offer_sweep\"}"),
        Some(0.0)
    );
    assert_eq!(value(&text, "tsunagu_waitlist_offers_open"), Some(1.0));
    app.stop().await;
}

#[tokio::test]
async fn a_request_with_a_token_is_counted_by_its_route_template() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(measured(&smtp)).await;
    let session = app.add_session(9).await;
    let token = app
        .book_as(session.slots[0].id, "route@example.jp", "090-7200-0001")
        .await;
    assert_eq!(app.get(&format!("/manage/{token}")).await.status(), 200);
    assert_eq!(
        app.get(&format!("/api/v1/manage/{token}")).await.status(),
        200
    );
    assert_eq!(
        app.get(&format!("/no-such-page/{token}")).await.status(),
        404
    );
    let text = scrape(&app).await;
    for series in [
        "tsunagu_http_requests_total{method=\"GET\",route=\"/manage/{token}\",status=\"200\"}",
        "tsunagu_http_requests_total{method=\"GET\",route=\"/api/v1/manage/{token}\",status=\"200\"}",
        "tsunagu_http_requests_total{method=\"POST\",route=\"/api/v1/evening-bookings\",status=\"201\"}",
        "tsunagu_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}",
        "tsunagu_http_request_duration_seconds_count{method=\"GET\",route=\"/manage/{token}\"}",
    ] {
        assert_eq!(value(&text, series), Some(1.0), "{series} in\n{text}");
    }
    assert!(!text.contains(&token), "a token became a label:\n{text}");
    assert!(!text.contains("no-such-page"), "a raw path became a label");
    app.stop().await;
}

#[tokio::test]
async fn the_oldest_queued_mail_ages_by_the_clock_while_smtp_is_down() {
    // Not a whole second, nor a whole microsecond: PostgreSQL keeps
    // timestamps to the microsecond, rounded, and the age is still exact.
    let start = Utc::now().duration_trunc(Duration::seconds(1)).unwrap()
        + Duration::nanoseconds(999_999_999);
    let clock = ManualClock::new(start);
    let smtp = SmtpServer::reserve_port();
    let app = spawn_app_on(
        TestDb::new().await,
        measured(&smtp),
        Arc::new(clock.clone()),
    )
    .await;
    let empty = scrape(&app).await;
    assert_eq!(value(&empty, "tsunagu_outbox_queued"), Some(0.0));
    assert_eq!(
        value(&empty, "tsunagu_outbox_oldest_queued_age_seconds"),
        Some(0.0)
    );
    let session = app.add_session(9).await;
    app.book_as(session.slots[0].id, "queued@example.jp", "090-7300-0001")
        .await;
    // The server is down: the mail is tried, put back, and waits.
    eventually(10, || async {
        let text = scrape(&app).await;
        (value(
            &text,
            "tsunagu_mails_retried_total{kind=\"booking_confirmed\"}",
        ) == Some(1.0))
        .then_some(())
    })
    .await;
    let text = scrape(&app).await;
    assert_eq!(value(&text, "tsunagu_outbox_queued"), Some(1.0));
    assert_eq!(
        value(&text, "tsunagu_outbox_oldest_queued_age_seconds"),
        Some(0.0)
    );
    clock.advance(Duration::minutes(20));
    let text = scrape(&app).await;
    assert_eq!(value(&text, "tsunagu_outbox_queued"), Some(1.0));
    assert_eq!(
        value(&text, "tsunagu_outbox_oldest_queued_age_seconds"),
        Some(1200.0),
        "{text}"
    );
    // Once the server is back and the mail goes, nothing is late.
    smtp.listen().await;
    clock.advance(Duration::hours(1));
    app.outbox_drained().await;
    let text = scrape(&app).await;
    assert_eq!(value(&text, "tsunagu_outbox_queued"), Some(0.0));
    assert_eq!(
        value(&text, "tsunagu_outbox_oldest_queued_age_seconds"),
        Some(0.0)
    );
    assert_eq!(
        value(
            &text,
            "tsunagu_mails_sent_total{kind=\"booking_confirmed\"}"
        ),
        Some(1.0)
    );
    app.stop().await;
}
