//! Confirmation mail: written with the booking, delivered over real SMTP
//! on loopback, retried while the server is down, never dropped.

use crate::support;

use support::smtp::{Mode, SmtpServer};
use support::{booking_body, eventually, spawn_app, spawn_app_with};
use tsunagu::config::{Secret, TransportKind};

fn smtp_to(server: &SmtpServer) -> impl FnOnce(&mut tsunagu::config::Settings) {
    let url = server.url();
    move |s| {
        s.mail.transport = TransportKind::Smtp;
        s.mail.smtp_url = Secret::new(url);
        s.staff.api_token = Secret::new("staff-token");
    }
}

#[tokio::test]
async fn the_confirmation_is_delivered_over_smtp_in_japanese() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(smtp_to(&smtp)).await;
    let session = app.add_session(9).await;
    let res = app.post_booking(&booking_body(session.slots[3].id)).await;
    assert_eq!(res.status(), 201);
    let manage_url = res.json::<serde_json::Value>().await.unwrap()["manage_url"]
        .as_str()
        .unwrap()
        .to_string();
    let mail = eventually(10, || async { smtp.received().first().cloned() }).await;
    assert_eq!(mail.to, ["<hanako@example.jp>"]);
    assert!(mail.from.contains("soudan@tsunagu.example.jp"));
    let subject = mail.subject();
    assert!(subject.contains("相談会のご予約"), "{subject}");
    for secret in ["心理", "弁護", "workplace", "仕事"] {
        assert!(!subject.contains(secret), "{secret} in the subject");
    }
    let text = mail.text();
    let when = tsunagu::i18n::dates::format_datetime(
        session.slots[3].starts_at,
        tsunagu::domain::Lang::Ja,
    );
    assert!(text.contains(&when), "{when} not in\n{text}");
    assert!(regex_like_date(&when), "{when}");
    assert!(text.contains("臨床心理士"));
    assert!(text.contains(&app.state.settings.evening.venue));
    assert!(text.contains(&manage_url));
    assert!(text.contains("持ち物"));
    assert!(mail.html().contains(&manage_url));
    // The outbox row is marked sent.
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let states = eventually(5, || async {
        let s = app.state.store.mail_for_booking(id).await.unwrap();
        (s.first().map(|m| m.status.as_str()) == Some("sent")).then_some(s)
    })
    .await;
    assert_eq!(states.len(), 1);
    assert_eq!(states[0].kind, "booking_confirmed");
    app.stop().await;
}

/// `2027年1月13日(水) 18:30`
fn regex_like_date(s: &str) -> bool {
    let (date, time) = s.split_once(' ').unwrap();
    date.contains('年')
        && date.contains('月')
        && date.contains("日(")
        && date.ends_with(')')
        && time.len() == 5
}

#[tokio::test]
async fn mail_queued_while_smtp_is_down_is_delivered_once_it_is_back() {
    let smtp = SmtpServer::reserve_port();
    let app = spawn_app_with(smtp_to(&smtp)).await;
    let session = app.add_session(9).await;
    assert_eq!(
        app.post_booking(&booking_body(session.slots[0].id))
            .await
            .status(),
        201
    );
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    // Refused connections: the mail is retried, not lost.
    let retried = eventually(10, || async {
        let s = app.state.store.mail_for_booking(id).await.unwrap();
        (s[0].attempts >= 2).then_some(s)
    })
    .await;
    assert_eq!(retried[0].status, "queued");
    assert!(retried[0].last_error.is_some());
    // Staff see it retrying, with the reason.
    let states: serde_json::Value = app
        .client
        .get(app.url(&format!("/api/v1/staff/bookings/{id}/mail")))
        .bearer_auth("staff-token")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(states[0]["state"], "retrying", "{states}");
    assert!(
        states[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("Connection"),
        "{states}"
    );
    smtp.listen().await;
    let mail = eventually(20, || async { smtp.received().first().cloned() }).await;
    assert!(mail.subject().contains("相談会のご予約"));
    eventually(5, || async {
        let s = app.state.store.mail_for_booking(id).await.unwrap();
        (s[0].status == "sent").then_some(())
    })
    .await;
    app.outbox_drained().await;
    assert_eq!(smtp.received().len(), 1, "sent exactly once");
    app.stop().await;
}

#[tokio::test]
async fn a_temporary_refusal_is_retried_with_backoff() {
    let smtp = SmtpServer::start().await;
    smtp.set_mode(Mode::TempFail);
    let app = spawn_app_with(smtp_to(&smtp)).await;
    let session = app.add_session(9).await;
    assert_eq!(
        app.post_booking(&booking_body(session.slots[0].id))
            .await
            .status(),
        201
    );
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let s = eventually(10, || async {
        let s = app.state.store.mail_for_booking(id).await.unwrap();
        (s[0].attempts >= 2).then_some(s)
    })
    .await;
    assert!(
        s[0].last_error.as_deref().unwrap_or("").contains("451"),
        "{:?}",
        s[0].last_error
    );
    smtp.set_mode(Mode::Accept);
    eventually(20, || async { (smtp.received().len() == 1).then_some(()) }).await;
    app.stop().await;
}

#[tokio::test]
async fn a_permanent_refusal_is_marked_failed_with_the_reason() {
    let smtp = SmtpServer::start().await;
    smtp.set_mode(Mode::PermFail);
    let app = spawn_app_with(smtp_to(&smtp)).await;
    let session = app.add_session(9).await;
    assert_eq!(
        app.post_booking(&booking_body(session.slots[0].id))
            .await
            .status(),
        201
    );
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    let s = eventually(10, || async {
        let s = app.state.store.mail_for_booking(id).await.unwrap();
        (s[0].status == "failed").then_some(s)
    })
    .await;
    assert_eq!(s[0].attempts, 1, "no retry after a permanent refusal");
    assert!(s[0].last_error.as_deref().unwrap().contains("550"));
    // The booking itself stands.
    let booking = app.state.store.booking_person(id).await.unwrap();
    assert!(booking.is_some());
    app.stop().await;
}

#[tokio::test]
async fn the_file_transport_writes_eml_files() {
    let app = spawn_app().await;
    let session = app.add_session(9).await;
    let mut body = booking_body(session.slots[0].id);
    body["lang"] = serde_json::json!("en");
    assert_eq!(app.post_booking(&body).await.status(), 201);
    let files = eventually(10, || async {
        let f = app.mail_files();
        (!f.is_empty()).then_some(f)
    })
    .await;
    assert_eq!(files.len(), 1);
    let raw = std::fs::read(&files[0]).unwrap();
    let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert!(message
        .subject()
        .unwrap()
        .starts_with("Your consultation booking"));
    assert!(
        message
            .body_text(0)
            .unwrap()
            .contains("Clinical psychologist")
            || message.body_text(0).unwrap().contains("Lawyer")
    );
    app.stop().await;
}

/// A person who booked in やさしい日本語 gets the mail in it: readings in
/// 「（）」 in the text, `<ruby>` in the HTML, plain words in the subject.
#[tokio::test]
async fn a_booking_in_easy_japanese_gets_its_mail_in_easy_japanese() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(smtp_to(&smtp)).await;
    let session = app.add_session(9).await;
    let mut body = booking_body(session.slots[0].id);
    body["lang"] = serde_json::json!("easy");
    assert_eq!(app.post_booking(&body).await.status(), 201);
    let mail = eventually(10, || async { smtp.received().first().cloned() }).await;
    let subject = mail.subject();
    assert!(subject.contains("予約をうけつけました"), "{subject}");
    let (text, html) = (mail.text(), mail.html());
    assert!(text.contains("予約（よやく）"), "{text}");
    assert!(
        html.contains("<ruby>予約<rp>（</rp><rt>よやく</rt>"),
        "{html}"
    );
    assert!(html.contains("<html lang=\"ja\">"));
    for part in [&subject, &text, &html] {
        assert!(!part.contains('《') && !part.contains('｜'), "{part}");
    }
    assert!(!subject.contains("（よやく）"), "{subject}");
    app.stop().await;
}

#[tokio::test]
async fn mail_left_in_the_outbox_is_sent_by_the_next_start() {
    // A booking whose mail was queued by an instance that stopped before sending.
    let smtp = SmtpServer::reserve_port();
    let db = support::TestDb::new().await;
    let first = support::spawn_app_on(
        db,
        smtp_to(&smtp),
        std::sync::Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    let session = first.add_session(9).await;
    assert_eq!(
        first
            .post_booking(&booking_body(session.slots[0].id))
            .await
            .status(),
        201
    );
    let db = first.stop_keep_db().await;
    smtp.listen().await;
    let second = support::spawn_app_on(
        db,
        smtp_to(&smtp),
        std::sync::Arc::new(tsunagu::domain::time::SystemClock),
    )
    .await;
    eventually(20, || async { (smtp.received().len() == 1).then_some(()) }).await;
    second.stop().await;
}

#[tokio::test]
async fn a_sent_mail_does_not_keep_the_manage_token() {
    let app = spawn_app().await;
    let session = app.add_session(9).await;
    let res = app.post_booking(&booking_body(session.slots[0].id)).await;
    let manage_url = res.json::<serde_json::Value>().await.unwrap()["manage_url"]
        .as_str()
        .unwrap()
        .to_string();
    let token = manage_url.rsplit('/').next().unwrap().to_string();
    let id = app.state.store.all_booking_ids().await.unwrap()[0];
    eventually(10, || async {
        let s = app.state.store.mail_for_booking(id).await.unwrap();
        (s[0].status == "sent").then_some(())
    })
    .await;
    let db_file = app
        .db
        .url
        .strip_prefix("sqlite://")
        .map(std::path::PathBuf::from);
    if let Some(path) = db_file {
        // Checkpoint so that the WAL is folded into the file, then look for the token.
        app.state.store.close().await;
        let pool = sqlx::SqlitePool::connect(&app.db.url).await.unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("booking_confirmed"), "the file was read");
        assert!(
            !text.contains(&token),
            "the plain token is still in the database"
        );
    } else {
        let pool = sqlx::PgPool::connect(&app.db.url).await.unwrap();
        let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE payload LIKE $1")
            .bind(format!("%{token}%"))
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(found, 0);
        pool.close().await;
    }
    app.stop().await;
}

#[tokio::test]
async fn an_older_carrier_address_gets_its_mail_over_smtp() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(smtp_to(&smtp)).await;
    let session = app.add_session(9).await;
    for (slot, address) in [(0, "yamada..taro@docomo.ne.jp"), (3, "taro.@ezweb.ne.jp")] {
        let mut body = booking_body(session.slots[slot].id);
        body["email"] = serde_json::json!(address);
        body["phone"] = serde_json::json!(format!("090-1234-000{slot}"));
        let res = app.post_booking(&body).await;
        assert_eq!(
            res.status(),
            201,
            "{address}: {}",
            res.text().await.unwrap()
        );
    }
    let mails = eventually(10, || async {
        let m = smtp.received();
        (m.len() == 2).then_some(m)
    })
    .await;
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    to.dedup();
    assert_eq!(
        to,
        ["<\"taro.\"@ezweb.ne.jp>", "<\"yamada..taro\"@docomo.ne.jp>"],
        "the local part is quoted on the wire"
    );
    for m in &mails {
        assert!(m.subject().contains("相談会のご予約"));
        let raw = String::from_utf8_lossy(&m.data);
        assert!(
            raw.contains("To: \"yamada..taro\"@docomo.ne.jp")
                || raw.contains("To: \"taro.\"@ezweb.ne.jp"),
            "{raw}"
        );
    }
    // Both are sent, none failed.
    for id in app.state.store.all_booking_ids().await.unwrap() {
        let states = eventually(5, || async {
            let s = app.state.store.mail_for_booking(id).await.unwrap();
            (s.first().map(|m| m.status.as_str()) == Some("sent")).then_some(s)
        })
        .await;
        assert_eq!(states.len(), 1);
    }
    app.stop().await;
}
