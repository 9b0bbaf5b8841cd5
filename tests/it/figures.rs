//! 年度の実績 through HTTP: the evening consultation's and the health
//! centre's fiscal year as JSON (the contract), the staff's page, and the
//! same tables as CSV (UTF-8 with a BOM) and Excel (numbers as numbers),
//! exact for the office and with small numbers hidden for outside it; no
//! file holds a name or a contact, and every view is audited.

use crate::support;

use chrono::Utc;
use serde_json::Value;
use support::staff::{cookie_for, get, page, staff};
use tsunagu::domain::figures::FiscalYear;
use tsunagu::domain::staff::Attendance;
use tsunagu::domain::time::jst_today;

/// Bookings written as staff would have taken them, for an evening past.
async fn booked(
    app: &support::TestApp,
    slot: &tsunagu::store::SlotView,
    email: &str,
    phone: &str,
) -> i64 {
    let booking = support::new_booking(slot, email, phone);
    app.state
        .store
        .create_booking(&booking, None, Utc::now())
        .await
        .unwrap()
}

/// An evening `days` ago, stored directly: its slots.
async fn past_evening(app: &support::TestApp, days: i64) -> Vec<tsunagu::store::SlotView> {
    let series = app.state.settings.series.to_series().unwrap();
    let date = jst_today(Utc::now()) - chrono::Duration::days(days);
    let plan = series.plan_on(date, format!("past-{days}"));
    assert!(app
        .state
        .store
        .insert_session(&plan, "会場", Utc::now())
        .await
        .unwrap());
    let mut slots = Vec::new();
    for id in app.state.store.all_slot_ids().await.unwrap() {
        let slot = app.state.store.slot(id, Utc::now()).await.unwrap().unwrap();
        if plan.slots.iter().any(|p| p.starts_at == slot.starts_at) {
            slots.push(slot);
        }
    }
    slots
}

#[tokio::test]
async fn the_year_as_json_a_page_and_files_for_the_office_and_for_outside() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let fy = FiscalYear::of(jst_today(Utc::now()));
    // An evening ten days ago (or the year's first, if the year began since).
    let back = (jst_today(Utc::now()) - fy.first_day()).num_days().min(10);
    let past = past_evening(&app, back).await;
    let soon = app.add_session(12).await.slots;
    let lawyer = |s: &[tsunagu::store::SlotView], i: usize| {
        s.iter()
            .filter(|x| x.profession == tsunagu::domain::Profession::Lawyer)
            .nth(i)
            .unwrap()
            .clone()
    };
    let psychologist = |s: &[tsunagu::store::SlotView], i: usize| {
        s.iter()
            .filter(|x| x.profession == tsunagu::domain::Profession::Psychologist)
            .nth(i)
            .unwrap()
            .clone()
    };
    // One person saw both professionals; another did not come.
    let a1 = booked(&app, &lawyer(&past, 0), "kazu@example.jp", "090-1000-0001").await;
    let a2 = booked(
        &app,
        &psychologist(&past, 0),
        "kazu.other@example.jp",
        "090-1000-0001",
    )
    .await;
    let b = booked(&app, &lawyer(&past, 1), "b@example.jp", "090-1000-0002").await;
    let now = Utc::now();
    for (id, a) in [
        (a1, Attendance::Attended),
        (a2, Attendance::Attended),
        (b, Attendance::NoShow),
    ] {
        assert!(app
            .state
            .store
            .set_attendance(id, a, "", now)
            .await
            .unwrap());
    }
    app.book_as(lawyer(&soon, 0).id, "soon@example.jp", "090-1000-0003")
        .await;

    let res = get(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/figures/evening?fy={}", fy.0),
    )
    .await;
    assert_eq!(res.status(), 200);
    let f: Value = res.json().await.unwrap();
    assert_eq!(f["fiscal_year"], fy.0);
    assert_eq!(f["label"], fy.label(tsunagu::domain::Lang::Ja));
    assert_eq!(f["slots"]["lawyer"]["booked"], 3, "{f}");
    assert_eq!(f["slots"]["lawyer"]["attended"], 1);
    assert_eq!(f["slots"]["lawyer"]["no_show"], 1);
    assert_eq!(f["slots"]["psychologist"]["attended"], 1);
    assert!(f["slots"]["lawyer"]["offered"].as_u64().unwrap() >= 6);
    assert_eq!(f["people"], 1);
    assert_eq!(f["consultations"], 2);
    assert_eq!(f["both_professionals"], 1);
    let offered = f["slots"]["lawyer"]["offered"].as_f64().unwrap()
        + f["slots"]["psychologist"]["offered"].as_f64().unwrap();
    assert!((f["fill_rate"].as_f64().unwrap() - 4.0 / offered).abs() < 1e-9);
    assert!(!f.to_string().contains("kazu@example.jp"));
    assert_eq!(
        get(
            &app,
            Some(&st.coordinator),
            "/api/v1/staff/figures/evening?fy=1900"
        )
        .await
        .status(),
        422
    );
    assert_eq!(
        get(&app, Some(&st.lawyer), "/api/v1/staff/figures/evening")
            .await
            .status(),
        403
    );

    let res = get(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/figures/health?fy={}", fy.0),
    )
    .await;
    assert_eq!(res.status(), 200);
    let h: Value = res.json().await.unwrap();
    let months = h["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(months[0]["month"], format!("{}-04", fy.0));
    assert!(months[0]["workers"]["high_stress"].is_u64());
    assert!(
        months[0]["received"].is_i64()
            && months[0]["waiting_at_end"].is_i64()
            && months[0]["no_shows"].is_i64()
    );
    assert!(h["summary"].as_str().unwrap().contains("月末現在"), "{h}");

    // The staff's page, and the files.
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let res = page(&app, &cookie, &format!("/staff/figures?fy={}", fy.0)).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    support::assert_labelled(&html, "/staff/figures");
    assert!(html.contains("実人数") && html.contains("両方の専門家に相談した人"));
    assert!(
        html.contains("受け入れ能力の見込み") && html.contains("1か月の面接を8件増やすと"),
        "the capacity"
    );
    let csv = |audience: &'static str| {
        let (app, cookie) = (&app, &cookie);
        async move {
            let res = page(
                app,
                cookie,
                &format!(
                    "/staff/figures.csv?fy={}&service=evening&for={audience}",
                    fy.0
                ),
            )
            .await;
            assert_eq!(res.status(), 200);
            assert_eq!(res.headers()["cache-control"], "no-store");
            res.bytes().await.unwrap().to_vec()
        }
    };
    let office = csv("office").await;
    assert!(
        office.starts_with("\u{feff}".as_bytes()),
        "UTF-8 with a BOM"
    );
    let office = String::from_utf8(office).unwrap();
    assert!(
        office.contains("相談枠") && office.contains("実人数,1"),
        "{office}"
    );
    let outside = String::from_utf8(csv("outside").await).unwrap();
    assert!(outside.contains("実人数,3未満"), "{outside}");
    for file in [&office, &outside] {
        for private in ["kazu@example.jp", "090-1000-0001", "仙台 花子", "センダイ"] {
            assert!(!file.contains(private), "{private} in {file}");
        }
    }
    let res = page(
        &app,
        &cookie,
        &format!(
            "/staff/figures.xlsx?fy={}&service=evening&for=outside",
            fy.0
        ),
    )
    .await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names().to_vec();
    assert!(
        names.contains(&"相談枠".to_string()) && names.contains(&"相談者".to_string()),
        "{names:?}"
    );
    let slots = book.worksheet_range("相談枠").unwrap();
    assert_eq!(
        slots.get((1, 1)),
        Some(&calamine::Data::String("弁護士".into())),
        "Japanese headers"
    );
    let offered_row = slots
        .rows()
        .find(|r| r[0] == calamine::Data::String("相談枠数".into()))
        .unwrap();
    assert!(
        matches!(offered_row[1], calamine::Data::Float(n) if n >= 6.0),
        "a number: {offered_row:?}"
    );
    let people = book.worksheet_range("相談者").unwrap();
    let row = people
        .rows()
        .find(|r| r[0] == calamine::Data::String("実人数".into()))
        .unwrap();
    assert_eq!(row[1], calamine::Data::String("3未満".into()));
    for name in &names {
        for cell in book.worksheet_range(name).unwrap().used_cells() {
            let text = cell.2.to_string();
            assert!(!text.contains("@") && !text.contains("090-"), "{text}");
        }
    }
    let res = page(
        &app,
        &cookie,
        &format!("/staff/figures.xlsx?fy={}&service=health", fy.0),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        page(&app, &cookie, "/staff/figures.csv?service=nothing")
            .await
            .status(),
        422
    );

    let audit = get(&app, Some(&st.admin), "/api/v1/staff/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains("view_figures") && audit.contains("csv outside"),
        "{audit}"
    );
    app.stop().await;
}

#[tokio::test]
async fn earlier_years_entered_by_hand_lead_the_trend_and_the_report_is_a_council_document() {
    let app = support::spawn_app().await;
    let st = staff(&app).await;
    let fy = FiscalYear::of(jst_today(Utc::now()));
    app.add_session(12).await;
    let cookie = cookie_for(&app, "coord@city.example.jp").await;
    let html = page(&app, &cookie, "/staff/figures")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("平成27年度"),
        "the table starts where the council's does"
    );
    let csrf = support::staff::csrf_in(&html);
    // 平成27年度: 39 consultations, as the source document has it (typed full-width).
    let res = support::staff::send_form(
        &app,
        &cookie,
        "/staff/figures/by-hand",
        &[
            ("csrf", &csrf),
            ("fiscal_year", "2015"),
            ("measure", "consultations"),
            ("value", "３９"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let html = page(&app, &cookie, "/staff/figures")
        .await
        .text()
        .await
        .unwrap();
    let row = html
        .split("<tr>")
        .find(|r| r.contains("平成27年度"))
        .unwrap();
    assert!(
        row.contains("<td>39</td>") && row.contains("手入力"),
        "{row}"
    );
    // A year Tsunagu holds records for is counted, not entered; a number is a number.
    for (year, value) in [(fy.0.to_string(), "5"), ("2016".to_string(), "たくさん")] {
        let res = support::staff::send_form(
            &app,
            &cookie,
            "/staff/figures/by-hand",
            &[
                ("csrf", &csrf),
                ("fiscal_year", &year),
                ("measure", "people"),
                ("value", value),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "{year} {value}");
    }
    let res = page(&app, &cookie, &format!("/staff/figures/report?fy={}", fy.0)).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    support::assert_labelled(&html, "/staff/figures/report");
    assert!(
        html.contains("資料") && html.contains("作成"),
        "dated as a council document"
    );
    assert!(html.contains(&fy.label(tsunagu::domain::Lang::Ja)));
    assert!(
        html.contains("role=\"img\" aria-labelledby=\"trend-title trend-desc\""),
        "charts with a title"
    );
    assert!(
        html.contains("3人未満の数は「3未満」"),
        "for outside by default"
    );
    let audit = get(&app, Some(&st.admin), "/api/v1/staff/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        audit.contains("figures_by_hand") && audit.contains("report outside"),
        "{audit}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_figures_and_the_council_document_in_a_real_browser() {
    let Some(browser) = support::webdriver::Browser::start().await else {
        return;
    };
    let app = support::spawn_app().await;
    staff(&app).await;
    app.add_session(12).await;
    browser.goto(&app.url("/staff/login?lang=ja")).await;
    browser.type_into("#email", "coord@city.example.jp").await;
    browser
        .type_into("#password", "a long enough password")
        .await;
    browser.click("form[action='/staff/login'] button").await;
    browser.wait_for("ログアウト").await;
    browser.click("a[href='/staff/figures']").await;
    browser.wait_for("年度別の推移").await;
    browser.check_accessibility().await;
    // An earlier year entered by hand, then the council document.
    browser.type_into("#bh-value", "39").await;
    browser
        .click("form[action='/staff/figures/by-hand'] button")
        .await;
    browser.wait_for("実績を入力しました").await;
    browser.check_accessibility().await;
    browser.find("a[href^='/staff/figures/report']").await;
    let fy = FiscalYear::of(jst_today(Utc::now()));
    browser
        .goto(&app.url(&format!("/staff/figures/report?fy={}", fy.0)))
        .await;
    browser.wait_for("作成").await;
    browser.check_accessibility().await;
    browser
        .goto(&app.url(&format!("/staff/figures/report?fy={}&lang=en", fy.0)))
        .await;
    browser.wait_for("Made on").await;
    browser.check_accessibility().await;
    app.stop().await;
}
