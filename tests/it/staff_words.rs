//! The staff screens in each language they exist in: signed in as an
//! administrator, every main screen of the evening office and of the
//! health centre reads in Japanese and in English, an English screen shows
//! no Japanese beyond what the test itself typed (names, an address), the
//! choice is remembered, and やさしい日本語, which has no staff screens,
//! shows them in Japanese.

use crate::support;

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use support::staff::{cookie_for, page, post, send_form, set_cookie};
use support::words::{japanese_in, visible_text};
use support::{staff_token, TestApp};
use tsunagu::domain::staff::Role;
use tsunagu::domain::time::{jst_today, to_jst};

/// What the test types that is Japanese: the callers' readings (フリガナ),
/// the workplace's address, and the venue and holidays of the
/// configuration as the Japanese screens name them.
const TYPED: &[&str] = &[
    "センダイ ハナコ",
    "ヤマダ タロウ",
    "宮城県仙台市青葉区一番町１－２－３",
];

/// An evening with a booking, one taken by phone for a caller without
/// email, a request of a workplace waiting and another given a date, a
/// doctor's block, and a coordinator, so that every screen has lines.
struct Office {
    session: i64,
    booking: i64,
    month: String,
    health_month: String,
    coordinator_email: &'static str,
}

async fn office(app: &TestApp) -> Office {
    let s = &app.state;
    let now = Utc::now();
    let lawyer = s
        .store
        .create_professional("Lee Lawyer", "lawyer", "Sendai Bar", "lee@example.jp", now)
        .await
        .unwrap();
    let doctor = s
        .store
        .create_professional("Dora Doctor", "doctor", "Sendai Medical", "", now)
        .await
        .unwrap();
    staff_token(app, "ada@city.example.jp", "Ada Admin", Role::Admin, None).await;
    let coordinator = staff_token(
        app,
        "cora@city.example.jp",
        "Cora Coordinator",
        Role::Coordinator,
        None,
    )
    .await;

    let session = app.add_session(10).await;
    let res = post(
        app,
        Some(&coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", session.id),
        json!({"profession": "lawyer", "professional_id": lawyer}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let mut body = support::booking_body(session.slots[0].id);
    body["name"] = json!("Hanako Sendai");
    let res = app.post_booking(&body).await;
    assert_eq!(res.status(), 201);
    let booking = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let mut by_phone = support::booking_body(session.slots[1].id);
    by_phone["name"] = json!("Taro Yamada");
    by_phone["name_kana"] = json!("ヤマダ タロウ");
    by_phone["email"] = json!("");
    by_phone["phone"] = json!("090-1500-0009");
    let res = post(
        app,
        Some(&coordinator),
        "/api/v1/staff/evening-bookings",
        by_phone,
    )
    .await;
    assert_eq!(res.status(), 201);

    let workplace = |name: &str, email: &str| {
        json!({
            "business_name": name,
            "address": TYPED[2],
            "workers": "12",
            "industry": "Manufacturing",
            "contact_name": "Mina Office",
            "phone": "022-221-6870",
            "email": email,
            "services": [{"kind": "consultation", "workers": 2}],
            "preferred": {"weekdays": [], "time": "any", "note": ""},
            "place": "centre",
            "consent": true
        })
    };
    for (name, email) in [
        ("Acme Works", "acme@example.jp"),
        ("Beta Tools", "beta@example.jp"),
    ] {
        let res = app
            .post_json("/api/v1/health-requests", &workplace(name, email))
            .await;
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    }
    let day = jst_today(now) + Duration::days(12);
    let res = post(
        app,
        Some(&coordinator),
        "/api/v1/staff/health-availability",
        json!({"doctor_id": doctor, "date": day.to_string(), "start": "14:00", "end": "15:00", "place": "centre", "capacity": 2}),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let period =
        json!({"from": jst_today(now).to_string(), "to": (day + Duration::days(5)).to_string()});
    let proposal: Value = post(
        app,
        Some(&coordinator),
        "/api/v1/staff/health-schedule/propose",
        period,
    )
    .await
    .json()
    .await
    .unwrap();
    let done: Value = post(
        app,
        Some(&coordinator),
        "/api/v1/staff/health-schedule/confirm",
        proposal,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(done["confirmed"].as_array().unwrap().len(), 1, "{done}");

    Office {
        session: session.id,
        booking,
        month: to_jst(session.starts_at).format("%Y-%m").to_string(),
        health_month: day.format("%Y-%m").to_string(),
        coordinator_email: "cora@city.example.jp",
    }
}

/// `path` with `lang` added to its query.
fn with_lang(path: &str, lang: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}lang={lang}")
}

/// The main staff screens, each as (path, status expected).
fn screens(o: &Office) -> Vec<(String, u16)> {
    let today = jst_today(Utc::now());
    vec![
        (format!("/staff?month={}", o.month), 200),
        (format!("/staff/sessions/{}", o.session), 200),
        (format!("/staff/sessions/{}/calls", o.session), 200),
        ("/staff/audit".into(), 200),
        ("/staff/accounts".into(), 200),
        ("/staff/professionals".into(), 200),
        // The export's form, shown again with what is wrong with the period.
        (
            "/staff/export.csv?from=2027-02-01&to=2027-01-01".into(),
            422,
        ),
        ("/staff/export.csv?from=x&to=".into(), 422),
        ("/staff/health".into(), 200),
        (
            format!("/staff/health/roster?month={}", o.health_month),
            200,
        ),
        (
            format!(
                "/staff/health/schedule?from={today}&to={}",
                today + Duration::days(40)
            ),
            200,
        ),
        (
            format!("/staff/health/blocks?month={}", o.health_month),
            200,
        ),
        ("/staff/health/figures".into(), 200),
    ]
}

/// Checks one rendered screen in `lang`; returns its visible text.
fn check(path: &str, lang: &str, html: &str) -> String {
    let text = visible_text(html);
    assert!(
        !text.contains("staff-") && !text.contains("language-"),
        "{path} in {lang} shows a message id: {text}"
    );
    match lang {
        "en" => {
            assert!(html.contains("<html lang=\"en\">"), "{path} in en");
            let found = japanese_in(html, TYPED);
            assert!(
                found.is_empty(),
                "{path} in English shows Japanese: {found:#?}"
            );
        }
        _ => {
            // やさしい日本語 has no staff screens: they are the Japanese ones.
            assert!(html.contains("<html lang=\"ja\">"), "{path} in {lang}");
            assert!(!html.contains("<ruby>"), "{path} in {lang} has readings");
            assert!(!japanese_in(html, TYPED).is_empty(), "{path} in {lang}");
        }
    }
    text
}

#[tokio::test]
async fn every_staff_screen_reads_in_japanese_and_english() {
    let app = support::spawn_app().await;
    let o = office(&app).await;
    let cookie = cookie_for(&app, "ada@city.example.jp").await;
    for (path, status) in screens(&o) {
        let mut texts = Vec::new();
        for lang in ["ja", "en", "easy"] {
            let res = page(&app, &cookie, &with_lang(&path, lang)).await;
            assert_eq!(res.status().as_u16(), status, "{path} in {lang}");
            let html = res.text().await.unwrap();
            // The chooser offers the staff screens' languages, this one marked.
            assert!(html.contains("class=\"languages\""), "{path}: the chooser");
            assert!(
                !html.contains("やさしい日本語</a>"),
                "{path}: the chooser offers no staff screens in やさしい日本語"
            );
            texts.push(check(&path, lang, &html));
        }
        assert_ne!(texts[0], texts[1], "{path}: the same in ja and en");
    }

    // The bookings as CSV, in the language chosen.
    let (from, to) = (
        jst_today(Utc::now()).to_string(),
        (jst_today(Utc::now()) + Duration::days(40)).to_string(),
    );
    for (lang, header) in [
        ("ja", "予約番号,日付,開始時刻"),
        ("en", "Booking,Date,Start"),
    ] {
        let csv = page(
            &app,
            &cookie,
            &format!("/staff/export.csv?from={from}&to={to}&lang={lang}"),
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(
            csv.trim_start_matches('\u{feff}').starts_with(header),
            "{csv}"
        );
        if lang == "en" {
            let found = japanese_in(&csv, TYPED);
            assert!(found.is_empty(), "the English CSV: {found:#?}");
            assert!(
                csv.contains("\"Lawyer\"") && csv.contains("\"Booked\""),
                "{csv}"
            );
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn confirmations_refusals_and_sign_in_read_in_english_and_the_choice_is_remembered() {
    let app = support::spawn_app().await;
    let o = office(&app).await;

    // Signing in, in English.
    let login = app.get("/staff/login?lang=en").await.text().await.unwrap();
    check("/staff/login", "en", &login);

    let cookie = cookie_for(&app, "ada@city.example.jp").await;
    let sheet = page(&app, &cookie, &format!("/staff/sessions/{}", o.session))
        .await
        .text()
        .await
        .unwrap();
    let csrf = support::staff::csrf_in(&sheet);
    // A destructive step asks first, in the language chosen.
    for path in [
        format!("/staff/bookings/{}/cancel", o.booking),
        format!("/staff/sessions/{}/cancel", o.session),
    ] {
        let res = send_form(&app, &cookie, &with_lang(&path, "en"), &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 200, "{path}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Nothing has been changed yet."),
            "{path}: {html}"
        );
        check(&path, "en", &html);
    }
    // An evening on a Sunday asks again, saying why.
    let sunday = (30..400)
        .map(|d| jst_today(Utc::now()) + Duration::days(d))
        .find(|d| {
            chrono::Datelike::weekday(d) == chrono::Weekday::Sun
                && !tsunagu::domain::holidays::is_holiday(*d)
        })
        .unwrap();
    let res = send_form(
        &app,
        &cookie,
        "/staff/sessions?lang=en",
        &[
            ("csrf", &csrf),
            ("date", &sunday.to_string()),
            ("start", ""),
        ],
    )
    .await;
    let html = res.text().await.unwrap();
    assert!(html.contains("is a Sunday"), "{html}");
    check("/staff/sessions", "en", &html);

    // A screen outside the role: the staff's error page, in English.
    let coordinator = cookie_for(&app, o.coordinator_email).await;
    let res = page(&app, &coordinator, "/staff/audit?lang=en").await;
    assert_eq!(res.status(), 403);
    let html = res.text().await.unwrap();
    assert!(html.contains("You cannot do this"), "{html}");
    check("/staff/audit", "en", &html);

    // A step done: its message in English, after the redirect.
    let res = send_form(
        &app,
        &cookie,
        "/staff/professionals?lang=en",
        &[
            ("csrf", &csrf),
            ("name", "Pat Psychologist"),
            ("profession", "psychologist"),
            ("organisation", ""),
            ("contact", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    let html = page(&app, &format!("{cookie}; lang=en"), &to)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("The professional is added to the list."),
        "{html}"
    );

    // `?lang=en` is remembered: the next screen without it is English too.
    let res = page(&app, &cookie, "/staff?lang=en").await;
    let remembered = set_cookie(&res, "lang").expect("the language is remembered");
    assert_eq!(remembered, "en");
    let html = page(
        &app,
        &format!("{cookie}; lang={remembered}"),
        "/staff/health",
    )
    .await
    .text()
    .await
    .unwrap();
    check("/staff/health", "en", &html);
    app.stop().await;
}
