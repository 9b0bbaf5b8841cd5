//! Reminders and calendar entries: due once, never stale, exactly once
//! across two server processes, and never lost to a kill.

use crate::support;

use chrono::{Duration, Utc};
use mail_parser::MimeHeaders;
use serde_json::{json, Value};
use std::process::{Command, Stdio};
use std::sync::Arc;
use support::smtp::SmtpServer;
use support::{spawn_app_on, TestDb};
use tsunagu::domain::time::ManualClock;

async fn app_with_clock(
    clock: &ManualClock,
    configure: impl FnOnce(&mut tsunagu::config::Settings),
) -> support::TestApp {
    spawn_app_on(
        TestDb::new().await,
        |s| {
            s.reminders.sweep_interval = "3600s".into();
            s.waitlist.sweep_seconds = 3600;
            configure(s);
        },
        Arc::new(clock.clone()),
    )
    .await
}

fn reminders_to(app: &support::TestApp, email: &str) -> Vec<(String, String)> {
    app.mails_to(email)
        .into_iter()
        .filter(|m| m.0.contains("近づいています"))
        .collect()
}

#[tokio::test]
async fn reminders_go_out_once_when_due_with_a_working_link() {
    let clock = ManualClock::new(Utc::now());
    let app = app_with_clock(&clock, |_| {}).await;
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "r@example.jp", "090-8000-0001")
        .await;
    tsunagu::jobs::sweep_reminders(&app.state).await;
    assert!(reminders_to(&app, "r@example.jp").is_empty());
    clock.set(session.slots[0].starts_at - Duration::hours(72) + Duration::minutes(1));
    tsunagu::jobs::sweep_reminders(&app.state).await;
    tsunagu::jobs::sweep_reminders(&app.state).await;
    let mail = support::eventually(10, || async {
        reminders_to(&app, "r@example.jp").first().cloned()
    })
    .await;
    let date = tsunagu::i18n::dates::format_date(
        tsunagu::domain::time::to_jst(session.starts_at).date_naive(),
        tsunagu::domain::Lang::Ja,
    );
    assert!(mail.0.contains(&date), "the subject says when: {}", mail.0);
    assert!(!mail.0.contains("弁護士"));
    assert!(mail.1.contains("022-718-4343"), "crisis contacts");
    let link = app.link_token("r@example.jp", "/manage/").await;
    let seen: Value = app.get_json(&format!("/api/v1/manage/{link}")).await;
    assert_eq!(
        seen["kind"], "booking",
        "the reminder's link opens the booking"
    );
    app.outbox_drained().await;
    assert_eq!(reminders_to(&app, "r@example.jp").len(), 1, "once");
    // 09:00 on the day.
    let day = tsunagu::domain::time::to_jst(session.slots[0].starts_at).date_naive();
    clock.set(tsunagu::domain::time::jst_instant(
        day,
        chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
    ));
    tsunagu::jobs::sweep_reminders(&app.state).await;
    support::eventually(10, || async {
        (reminders_to(&app, "r@example.jp").len() == 2).then_some(())
    })
    .await;
    // Once the consultation has begun, nothing more.
    clock.set(session.slots[0].starts_at + Duration::minutes(1));
    tsunagu::jobs::sweep_reminders(&app.state).await;
    app.outbox_drained().await;
    assert_eq!(reminders_to(&app, "r@example.jp").len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn cancelled_bookings_get_no_reminder_and_moved_ones_follow_the_new_time() {
    let clock = ManualClock::new(Utc::now());
    let app = app_with_clock(&clock, |_| {}).await;
    let first = app.add_session(10).await;
    let later = app.add_session(30).await;
    let gone = app
        .book_as(first.slots[0].id, "gone@example.jp", "090-8100-0001")
        .await;
    let moved = app
        .book_as(first.slots[1].id, "moved@example.jp", "090-8100-0002")
        .await;
    let res = app
        .post_empty(&format!("/api/v1/manage/{gone}/cancel"))
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_json(
            &format!("/api/v1/manage/{moved}/move"),
            &json!({ "slot_id": later.slots[1].id }),
        )
        .await;
    assert_eq!(res.status(), 200);
    clock.set(first.starts_at - Duration::hours(71));
    tsunagu::jobs::sweep_reminders(&app.state).await;
    clock.set(later.slots[1].starts_at - Duration::hours(71));
    tsunagu::jobs::sweep_reminders(&app.state).await;
    let mail = support::eventually(10, || async {
        reminders_to(&app, "moved@example.jp").first().cloned()
    })
    .await;
    let when =
        tsunagu::i18n::dates::format_datetime(later.slots[1].starts_at, tsunagu::domain::Lang::Ja);
    assert!(mail.1.contains(&when), "the new time: {}", mail.1);
    app.outbox_drained().await;
    assert_eq!(reminders_to(&app, "moved@example.jp").len(), 1);
    assert!(reminders_to(&app, "gone@example.jp").is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_reminder_queued_before_a_cancellation_is_skipped_not_sent() {
    let clock = ManualClock::new(Utc::now());
    let smtp = SmtpServer::reserve_port();
    let url = smtp.url();
    let app = app_with_clock(&clock, |s| {
        s.mail.transport = tsunagu::config::TransportKind::Smtp;
        s.mail.smtp_url = tsunagu::config::Secret::new(url);
        s.staff.api_token = tsunagu::config::Secret::new("t");
    })
    .await;
    let session = app.add_session(10).await;
    let token = app
        .book_as(session.slots[0].id, "s@example.jp", "090-8200-0001")
        .await;
    clock.set(session.starts_at - Duration::hours(70));
    tsunagu::jobs::sweep_reminders(&app.state).await;
    let res = app
        .post_empty(&format!("/api/v1/manage/{token}/cancel"))
        .await;
    assert_eq!(res.status(), 200);
    smtp.listen().await;
    clock.advance(Duration::hours(2));
    let subjects = support::eventually(30, || async {
        let got: Vec<String> = smtp.received().iter().map(|m| m.subject()).collect();
        got.iter().any(|s| s.contains("キャンセル")).then_some(got)
    })
    .await;
    assert!(
        subjects.iter().all(|s| !s.contains("近づいています")),
        "{subjects:?}"
    );
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let states: Value = app
        .client
        .get(app.url(&format!("/api/v1/staff/bookings/{id}/mail")))
        .bearer_auth("t")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let reminder = states
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "reminder")
        .unwrap()
        .clone();
    assert_eq!(reminder["state"], "skipped", "{states}");
    app.stop().await;
}

#[tokio::test]
async fn calendar_entries_keep_one_uid_from_booking_to_cancellation() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = support::spawn_app_with(|s| {
        s.mail.transport = tsunagu::config::TransportKind::Smtp;
        s.mail.smtp_url = tsunagu::config::Secret::new(url);
    })
    .await;
    let session = app.add_session(10).await;
    let token = app
        .book_as(session.slots[3].id, "ics@example.jp", "090-8300-0001")
        .await;
    app.post_json(
        &format!("/api/v1/manage/{token}/move"),
        &json!({ "slot_id": session.slots[4].id }),
    )
    .await;
    app.post_empty(&format!("/api/v1/manage/{token}/cancel"))
        .await;
    let mails = support::eventually(20, || async {
        let m = smtp.received();
        (m.len() == 3).then_some(m)
    })
    .await;
    let calendars: Vec<String> = mails
        .iter()
        .map(|m| {
            let parsed = m.parsed();
            let ics = parsed
                .attachments()
                .find(|a| a.attachment_name() == Some("invite.ics"))
                .unwrap_or_else(|| panic!("no .ics in {}", m.subject()));
            String::from_utf8(ics.contents().to_vec()).unwrap()
        })
        .collect();
    let field = |ics: &str, name: &str| {
        ics.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    for c in &calendars {
        assert_eq!(field(c, "METHOD:"), "PUBLISH", "{c}");
        assert!(!c.contains("ATTENDEE"), "{c}");
    }
    let mut states: Vec<String> = calendars.iter().map(|c| field(c, "STATUS:")).collect();
    states.sort();
    assert_eq!(states, ["CANCELLED", "CONFIRMED", "CONFIRMED"]);
    let uids: std::collections::HashSet<String> =
        calendars.iter().map(|c| field(c, "UID:")).collect();
    assert_eq!(uids.len(), 1, "one UID for the booking: {uids:?}");
    for c in &calendars {
        assert!(c.contains("DTSTART;TZID=Asia/Tokyo:"), "{c}");
        assert_eq!(field(c, "SUMMARY:"), "相談会のご予約");
        assert!(!c.contains("心理") && !c.contains("workplace"));
    }
    app.stop().await;
}

/// Sessions two days ahead and `n` confirmed bookings written straight to the
/// database (no mail), for the process tests.
async fn due_bookings(db: &TestDb, n: usize) {
    let mut settings = tsunagu::config::Settings::built_in();
    settings.database.url = tsunagu::config::Secret::new(db.url.clone());
    let store = tsunagu::store::Store::connect(&db.url, 2).await.unwrap();
    store.migrate().await.unwrap();
    let series = settings.series.to_series().unwrap();
    let today = tsunagu::domain::time::jst_today(Utc::now());
    let mut made = 0;
    for d in 1..20 {
        let plan = series.plan_on(today + Duration::days(d), format!("p-{d}"));
        if plan.starts_at - Utc::now() > Duration::hours(70) {
            break;
        }
        store
            .insert_session(&plan, "会場", Utc::now())
            .await
            .unwrap();
    }
    let sessions = store.upcoming_sessions(Utc::now()).await.unwrap();
    for slot in sessions.iter().flat_map(|s| s.slots.iter()) {
        if made == n {
            break;
        }
        let booking = support::new_booking(
            slot,
            &format!("p{made}@example.jp"),
            &format!("090-9000-{made:04}"),
        );
        store
            .create_booking(&booking, None, Utc::now())
            .await
            .unwrap();
        made += 1;
    }
    assert_eq!(made, n, "enough slots within 70 hours");
    store.close().await;
}

fn serve(
    db: &TestDb,
    smtp: &SmtpServer,
    dir: &std::path::Path,
    lease_seconds: u64,
) -> std::process::Child {
    static STARTED: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);
    let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .arg("serve")
        .current_dir(dir)
        // No HTTP in these tests: any free port.
        .env("TSUNAGU__SERVER__BIND", "127.0.0.1:0")
        .env("TSUNAGU__DATABASE__URL", &db.url)
        .env("TSUNAGU__MAIL__TRANSPORT", "smtp")
        .env("TSUNAGU__MAIL__SMTP_URL", smtp.url())
        .env("TSUNAGU__MAIL__SWEEP_SECONDS", "1")
        .env("TSUNAGU__MAIL__LEASE_SECONDS", lease_seconds.to_string())
        .env("TSUNAGU__MAIL__RETRY_BASE_SECONDS", "1")
        .env("TSUNAGU__REMINDERS__OFFSETS", "72h")
        .env("TSUNAGU__REMINDERS__SWEEP_INTERVAL", "1s")
        .env("RUST_LOG", "info,tsunagu=debug")
        .stdout(log_file(dir, n))
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn log_file(dir: &std::path::Path, port: u16) -> Stdio {
    std::fs::File::create(dir.join(format!("serve-{port}.log")))
        .map(Stdio::from)
        .unwrap_or(Stdio::null())
}

/// The logs of the server processes, to read when a test fails.
fn logs(dir: &std::path::Path) -> String {
    let mut out = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "log") {
            out += &format!(
                "--- {}\n{}",
                entry.path().display(),
                std::fs::read_to_string(entry.path()).unwrap_or_default()
            );
        }
    }
    out
}

fn reminder_counts(smtp: &SmtpServer) -> std::collections::HashMap<String, usize> {
    let mut counts = std::collections::HashMap::new();
    for m in smtp
        .received()
        .iter()
        .filter(|m| m.subject().contains("近づいています"))
    {
        *counts.entry(m.to.join(",")).or_insert(0) += 1;
    }
    counts
}

#[tokio::test]
async fn two_server_processes_send_each_reminder_once() {
    let db = TestDb::new().await;
    due_bookings(&db, 12).await;
    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut a = serve(&db, &smtp, dir.path(), 60);
    let mut b = serve(&db, &smtp, dir.path(), 60);
    support::eventually(40, || async {
        (reminder_counts(&smtp).len() == 12).then_some(())
    })
    .await;
    // Everything queued is sent; then a further sweep, as either process
    // keeps making, queues nothing again.
    support::outbox_drained(&db.url).await;
    let again = spawn_app_on(
        db.same(),
        |_| {},
        Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    tsunagu::jobs::sweep_reminders(&again.state).await;
    assert_eq!(again.state.store.queued_mail_count().await.unwrap(), 0);
    again.stop().await;
    a.kill().unwrap();
    b.kill().unwrap();
    let _ = (a.wait(), b.wait());
    let counts = reminder_counts(&smtp);
    assert_eq!(counts.len(), 12);
    assert!(
        counts.values().all(|n| *n == 1),
        "each reminder once: {counts:?}"
    );
}

#[tokio::test]
async fn a_kill_during_dispatch_loses_nothing() {
    let db = TestDb::new().await;
    due_bookings(&db, 8).await;
    let smtp = SmtpServer::start().await;
    smtp.set_delay_ms(400);
    let dir = tempfile::tempdir().unwrap();
    let mut first = serve(&db, &smtp, dir.path(), 3);
    support::eventually(30, || async {
        (!reminder_counts(&smtp).is_empty()).then_some(())
    })
    .await;
    first.kill().unwrap(); // SIGKILL, in the middle of the batch
    let _ = first.wait();
    let before = reminder_counts(&smtp).len();
    assert!(before < 8, "killed during dispatch ({before} sent)");
    smtp.set_delay_ms(0);
    let mut second = serve(&db, &smtp, dir.path(), 3);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while reminder_counts(&smtp).len() < 8 {
        let counts = reminder_counts(&smtp);
        assert!(
            std::time::Instant::now() < deadline,
            "not all sent: {counts:?}\n{}",
            logs(dir.path())
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    support::outbox_drained(&db.url).await;
    second.kill().unwrap();
    let _ = second.wait();
    let counts = reminder_counts(&smtp);
    let twice = counts.values().filter(|n| **n > 1).count();
    assert!(counts.values().all(|n| *n <= 2));
    assert!(
        twice <= 1,
        "at most the one mail in flight at the kill is sent again: {counts:?}"
    );
}
