//! 相談先の一覧: the directory a new database starts with, its store on
//! both backends, and the copy each instance holds in memory.

use crate::support::{spawn_app, spawn_app_on, TestDb};
use chrono::{NaiveDate, Utc};
use std::sync::Arc;
use tsunagu::domain::directory::{Need, Phone, PhoneKind, Schedule, ServiceEntry, Status};
use tsunagu::domain::time::SystemClock;
use tsunagu::service::directory::seed::seed_new_database;
use tsunagu::store::Store;

/// 仙台いのちの電話 in config/directory.toml.
const LIFELINE: &str = "30530797-1634-5e80-bc7e-c031acb85b11";

#[tokio::test]
async fn a_new_database_starts_with_the_shipped_directory_with_fixed_ids_all_unconfirmed() {
    let app = spawn_app().await;
    let dir = app.state.store.directory_now().await.unwrap();
    assert!(dir.entries.len() >= 10, "{}", dir.entries.len());
    let lifeline = dir.get(LIFELINE).expect("the lifeline has its fixed id");
    assert_eq!(lifeline.name, "仙台いのちの電話");
    assert_eq!(lifeline.phones[0].number, "022-718-4343");
    assert_eq!(lifeline.schedules, vec![Schedule::always()]);
    assert!(dir.entries.iter().all(|e| e.confirmed.is_none()));
    let crisis: Vec<&str> = dir.crisis_lines().map(|e| e.name.as_str()).collect();
    assert_eq!(crisis.first(), Some(&"仙台いのちの電話"));
    // The scriveners' hours keep their RFC 5545 days and times.
    let scriveners = dir
        .entries
        .iter()
        .find(|e| e.name == "司法書士総合相談センター")
        .unwrap();
    assert_eq!(scriveners.schedules[0].byday_text(), "MO,WE,FR");
    assert!(scriveners.closed_on_holidays);
    assert_eq!(scriveners.phones.len(), 2);
    app.stop().await;
}

#[tokio::test]
async fn two_instances_starting_together_write_the_starting_directory_once() {
    let db = TestDb::new().await;
    let a = Store::connect(&db.url, 4).await.unwrap();
    a.migrate().await.unwrap();
    let b = Store::connect(&db.url, 4).await.unwrap();
    let text = tsunagu::config::DIRECTORY_SEED;
    let (first, second) = tokio::join!(
        seed_new_database(&a, text, Utc::now()),
        seed_new_database(&b, text, Utc::now()),
    );
    let wrote = [first.unwrap(), second.unwrap()];
    assert_eq!(wrote.iter().filter(|w| **w).count(), 1, "{wrote:?}");
    let seeded = tsunagu::service::directory::seed::parse(text)
        .unwrap()
        .len();
    let (version, entries) = b.directory().await.unwrap();
    assert_eq!((version, entries.len()), (1, seeded));
    // A later start adds nothing either, though staff changed nothing yet.
    assert!(!seed_new_database(&a, text, Utc::now()).await.unwrap());
    assert_eq!(a.directory().await.unwrap().1.len(), seeded);
    a.close().await;
    b.close().await;
}

fn changed(mut entry: ServiceEntry) -> ServiceEntry {
    entry.name = "仙台いのちの電話（夜間）".repeat(20);
    entry.phones.push(Phone {
        number: "022-000-0000".into(),
        kind: PhoneKind::Fax,
        description: "ＦＡＸ".into(),
    });
    entry.needs = vec![Need::Debt, Need::Suicidal];
    entry.schedules = vec![Schedule::weekly("2WE,-1FR", "22:00", "06:00").unwrap()];
    entry
}

#[tokio::test]
async fn a_saved_service_reads_back_whole_and_every_change_raises_the_version() {
    let app = spawn_app().await;
    let store = &app.state.store;
    let before = store.directory_now().await.unwrap();
    let entry = changed(before.get(LIFELINE).unwrap().clone());
    store
        .save_directory_service(&entry, Utc::now())
        .await
        .unwrap();
    let after = store.directory_now().await.unwrap();
    assert_eq!(after.version, before.version + 1);
    assert_eq!(after.get(LIFELINE), Some(&entry));

    let mut new = entry.clone();
    new.id = "0b7d9b3c-9a59-4a3e-8d0e-000000000001".into();
    new.organization.id = "0b7d9b3c-9a59-4a3e-8d0e-000000000002".into();
    new.organization.name = "新しい団体".into();
    new.crisis = false;
    store
        .save_directory_service(&new, Utc::now())
        .await
        .unwrap();
    let on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    store
        .confirm_directory_service(&new.id, on, "事務局 佐藤", Utc::now())
        .await
        .unwrap();
    store
        .set_directory_status(&new.id, Status::TemporarilyClosed, Utc::now())
        .await
        .unwrap();
    let now = store.directory_now().await.unwrap();
    assert_eq!(now.version, before.version + 4);
    let got = now.get(&new.id).unwrap();
    assert_eq!(got.status, Status::TemporarilyClosed);
    assert_eq!(got.confirmed.as_ref().unwrap().on, on);
    assert_eq!(got.confirmed.as_ref().unwrap().by, "事務局 佐藤");
    assert!(!got.listed());
    assert!(store
        .set_directory_status("no-such-id", Status::Active, Utc::now())
        .await
        .is_err());
    app.stop().await;
}

#[tokio::test]
async fn another_instance_sees_a_change_within_seconds() {
    let db = TestDb::new().await;
    let clock = Arc::new(SystemClock);
    let a = spawn_app_on(db.same(), |_| {}, clock.clone()).await;
    let b = spawn_app_on(db.same(), |_| {}, clock).await;
    let held = b.state.store.directory_now().await.unwrap();
    let entry = changed(held.get(LIFELINE).unwrap().clone());
    a.state
        .store
        .save_directory_service(&entry, Utc::now())
        .await
        .unwrap();
    let seen = crate::support::eventually(10, || async {
        let now = b.state.store.directory_now().await.unwrap();
        (now.get(LIFELINE) == Some(&entry)).then_some(())
    })
    .await;
    assert_eq!(seen, ());
    a.stop().await;
    b.stop().await;
    drop(db);
}

#[tokio::test]
async fn mails_give_the_directorys_crisis_lines_as_staff_keep_them() {
    let app = spawn_app().await;
    let directory = app.state.store.directory_now().await.unwrap();
    let mut line = directory
        .crisis_lines()
        .find(|e| e.phones.iter().any(|p| p.number == "022-718-4343"))
        .expect("a crisis line with that number")
        .clone();
    line.phones[0].number = "0120-000-333".into();
    line.name = "試験の窓口".into();
    app.state
        .store
        .save_directory_service(&line, chrono::Utc::now())
        .await
        .unwrap();
    let session = app.add_session(10).await;
    app.book_as(session.slots[0].id, "hanako@example.jp", "090-1234-5678")
        .await;
    app.outbox_drained().await;
    let mails = app.mails_to("hanako@example.jp");
    let (_, text) = mails.first().expect("the confirmation");
    assert!(
        text.contains("試験の窓口") && text.contains("0120-000-333"),
        "{text}"
    );
    assert!(!text.contains("022-718-4343"), "{text}");
    app.stop().await;
}
