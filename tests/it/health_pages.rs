//! The health centre's pages: the request form without JavaScript, its
//! errors and the eligibility explanation, the status page and its forms.

use crate::support;

use support::{assert_labelled, spawn_app, staff_token, TestApp};

fn valid_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("business_name", "株式会社 青葉製作所"),
        ("address", "仙台市青葉区一番町１－２－３"),
        ("workers", "２０"),
        ("industry", "製造業"),
        ("kind_high_stress", "yes"),
        ("workers_high_stress", "1"),
        ("requested_on_high_stress", ""),
        ("kind_consultation", "yes"),
        ("workers_consultation", "2"),
        ("place", "centre"),
        ("weekday", "tue"),
        ("weekday", "thu"),
        ("time", "afternoon"),
        ("note", "月末は避けてください"),
        ("contact_name", "総務 花子"),
        ("phone", "022-221-6870"),
        ("email", "soumu@aoba.example.jp"),
        ("consent", "yes"),
    ]
}

async fn text(res: reqwest::Response) -> String {
    res.text().await.unwrap()
}

async fn submit(app: &TestApp, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_form("/health", form).await
}

#[tokio::test]
async fn a_business_requests_through_the_form_and_manages_it_on_its_page() {
    let app = spawn_app().await;
    let form = app.get("/health").await;
    assert_eq!(form.status(), 200);
    let html = text(form).await;
    assert!(html.contains("産業医による相談・面接指導のお申込み"));
    assert!(html.contains("仙台市・富谷市"));
    // Each service's fields say which service they belong to.
    assert!(html.contains("④ 対象の人数") && html.contains("③ 労働者が面接指導を申し出た日"));
    assert_labelled(&html, "/health");
    let english = text(app.get("/health?lang=en").await).await;
    assert!(english.contains("Sendai City and Tomiya City"));
    assert_labelled(&english, "/health?lang=en");

    let res = submit(&app, &valid_form()).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/health/manage/") && location.ends_with("?created=1"));
    let html = text(app.get(&location).await).await;
    assert!(html.contains("受付番号"));
    assert!(html.contains("1番目"));
    assert!(
        html.contains(&app.state.settings.mail.from_address),
        "says which address to allow"
    );
    assert!(html.contains("④ 高ストレス者に対する面接指導（1人）"));
    assert_labelled(&html, "status page");
    let stored = app.state.store.health_requests_open().await.unwrap();
    assert_eq!(stored[0].workers, 20);
    assert_eq!(stored[0].weekdays, "tue,thu");
    assert_eq!(stored[0].time_of_day, "afternoon");

    let token = location
        .trim_start_matches("/health/manage/")
        .trim_end_matches("?created=1")
        .to_string();
    // Contact details: a bad phone is shown beside the field; a good one is saved.
    let res = app
        .post_form(
            &format!("/health/manage/{token}/contact"),
            &[
                ("contact_name", "新 担当"),
                ("phone", "12"),
                ("email", "new@example.jp"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("id=\"phone-error\""));
    let res = app
        .post_form(
            &format!("/health/manage/{token}/contact"),
            &[
                ("contact_name", "新 担当"),
                ("phone", "090-1234-5678"),
                ("email", "new@example.jp"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.state.store.health_requests_open().await.unwrap()[0].contact_name,
        "新 担当"
    );
    // Withdrawing asks for the box to be ticked first.
    let res = app
        .post_form(&format!("/health/manage/{token}/withdraw"), &[])
        .await;
    assert_eq!(res.status(), 422);
    let res = app
        .post_form(
            &format!("/health/manage/{token}/withdraw"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = text(app.get(&format!("/health/manage/{token}")).await).await;
    assert!(html.contains("取り下げられました"));
    assert!(!html.contains("/withdraw\""), "nothing left to withdraw");
    assert_eq!(app.get("/health/manage/not-a-token").await.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn a_health_page_that_cannot_be_shown_keeps_the_centres_frame() {
    let app = spawn_app().await;
    for (lang, centre, back, evening) in [
        (
            "ja",
            "仙台地域産業保健センター（仙台市医師会）",
            "申込みのフォームに戻る",
            "相談会の一覧に戻る",
        ),
        (
            "en",
            "Sendai Regional Occupational Health Center",
            "Back to the request form",
            "Back to the list",
        ),
    ] {
        let res = app
            .get(&format!("/health/manage/not-a-token?lang={lang}"))
            .await;
        assert_eq!(res.status(), 404);
        let html = text(res).await;
        let footer = &html[html.find("<footer").unwrap()..];
        assert!(footer.contains(centre), "{lang}: {footer}");
        assert!(
            html.contains(&format!("<a href=\"/health\">{back}</a>")),
            "{lang}: {html}"
        );
        assert!(!html.contains(evening), "{lang}: the evening's way back");
        assert!(html.contains("tel:"), "{lang}: the crisis contacts");
    }
    // The evening's pages keep the evening's frame.
    let html = text(app.get("/manage/not-a-token").await).await;
    assert!(html.contains("相談会の一覧に戻る"));
    app.stop().await;
}

#[tokio::test]
async fn mistakes_are_shown_beside_each_field_and_large_workplaces_are_pointed_elsewhere() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.retain(|(k, _)| !matches!(*k, "business_name" | "consent" | "place"));
    form.push(("workers_high_stress", "0"));
    let res = submit(&app, &form).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("error-summary"));
    for id in ["business_name-error", "consent-error"] {
        assert!(html.contains(id), "{id}");
    }
    assert!(
        html.contains("value=\"仙台市青葉区一番町１－２－３\""),
        "what was typed is kept"
    );
    assert!(html.contains("月末は避けてください"));

    let mut form = valid_form();
    form.retain(|(k, _)| *k != "workers");
    form.push(("workers", "120"));
    let res = submit(&app, &form).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("宮城産業保健総合支援センター"));
    assert!(html.contains("role=\"alert\""));
    assert!(app
        .state
        .store
        .health_requests_open()
        .await
        .unwrap()
        .is_empty());
    app.stop().await;
}

async fn staff_page(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn staff_form(
    app: &TestApp,
    token: &str,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_office_schedules_from_its_pages_and_a_doctor_sees_their_day() {
    use tsunagu::domain::staff::Role;
    let app = spawn_app().await;
    let s = &app.state;
    let now = chrono::Utc::now();
    let doctor = s
        .store
        .create_professional("産業 医子", "doctor", "", "", now)
        .await
        .unwrap();
    let coord = staff_token(
        &app,
        "c@centre.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
    )
    .await;
    let doc = staff_token(
        &app,
        "d@centre.example.jp",
        "産業 医子",
        Role::Professional,
        Some(doctor),
    )
    .await;
    assert_eq!(submit(&app, &valid_form()).await.status(), 303);

    let html = text(staff_page(&app, &coord, "/staff/health").await).await;
    assert!(html.contains("株式会社 青葉製作所"));
    // The office sees whom to call.
    assert!(html.contains("総務 花子") && html.contains("href=\"tel:022-221-6870\""));
    assert!(html.contains("期限間近") || html.contains("期限超過") || html.contains("期限"));
    assert_labelled(&html, "/staff/health");
    let blocks = text(staff_page(&app, &coord, "/staff/health/blocks").await).await;
    assert!(blocks.contains("産業 医子"));
    assert_labelled(&blocks, "/staff/health/blocks");

    // The request prefers Tuesday or Thursday afternoons.
    let mut day = tsunagu::domain::time::jst_today(now) + chrono::Duration::days(1);
    while chrono::Datelike::weekday(&day) != chrono::Weekday::Tue {
        day += chrono::Duration::days(1);
    }
    let date = day.to_string();
    // A refused block shows the form again with what was typed; nothing is added.
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", "2026-12-10\r\nX-Injected: 1"),
            ("start", "14:00"),
            ("end", "13:00"),
            ("place", "centre"),
            ("capacity", "4"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.headers().get("x-injected").is_none());
    let html = text(res).await;
    assert!(
        html.contains("id=\"date-error\"") && html.contains("id=\"end-error\""),
        "{html}"
    );
    assert!(html.contains("value=\"14:00\""), "what was typed is kept");
    // A date with a newline around it is read as the date; the page sent back
    // to is built from the date read, not from what was typed.
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", &format!("\n{date}\n")),
            ("start", "09:00"),
            ("end", "10:00"),
            ("place", "visit"),
            ("capacity", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        format!("/staff/health/blocks?month={}", day.format("%Y-%m")).as_str()
    );
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", &date),
            ("start", "14:00"),
            ("end", "17:00"),
            ("place", "centre"),
            ("capacity", "4"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    // A second block a week later, 15:00–17:00.
    let later = (day + chrono::Duration::days(7)).to_string();
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", &later),
            ("start", "15:00"),
            ("end", "17:00"),
            ("place", "centre"),
            ("capacity", "4"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let blocks = app
        .state
        .store
        .health_blocks(day, day + chrono::Duration::days(7))
        .await
        .unwrap();
    let second = blocks.iter().find(|b| b.day != day).unwrap().id.to_string();

    let html = text(
        staff_page(
            &app,
            &coord,
            &format!("/staff/health/schedule?from={date}&to={later}"),
        )
        .await,
    )
    .await;
    assert_labelled(&html, "/staff/health/schedule");
    // The proposal gives the start as well as the end.
    let words = tsunagu::i18n::dates::format_date(day, tsunagu::domain::Lang::Ja);
    assert!(html.contains(&format!("{words} 14:00〜")), "{html}");
    let start = html
        .find("name=\"pick\" value=\"")
        .expect("a proposed line")
        + 19;
    let pick: String = html[start..].chars().take_while(|c| *c != '"').collect();
    let request_id = pick.split(':').next().unwrap().to_string();
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/schedule/confirm",
        &[
            ("pick", pick.as_str()),
            (&format!("block_{request_id}"), second.as_str()),
            (&format!("start_{request_id}"), "14:00"),
            (&format!("proposed_{request_id}"), "14:00"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let html = text(res).await;
    assert!(html.contains("提案のメールを送った日程"), "{html}");
    // Named by its number, as the business quotes it.
    let number = app
        .state
        .store
        .health_request(request_id.parse().unwrap())
        .await
        .unwrap()
        .number();
    assert!(
        html.contains(&number) && !html.contains("申込み 1："),
        "{html}"
    );
    // Staff moved it to the later block: its first free time, not the proposed one.
    let words = tsunagu::i18n::dates::format_date(
        day + chrono::Duration::days(7),
        tsunagu::domain::Lang::Ja,
    );
    assert!(
        html.contains(&format!("{words} 15:00")),
        "{words} in {html}"
    );

    // The doctor sees the interview on their roster and on the month's roster; not the queue.
    let month = (day + chrono::Duration::days(7))
        .format("%Y-%m")
        .to_string();
    let html =
        text(staff_page(&app, &doc, &format!("/staff/health/roster?month={month}")).await).await;
    assert!(html.contains("株式会社 青葉製作所") && html.contains("回答待ち"));
    assert!(
        !html.contains("022-221-6870"),
        "a doctor does not get the contact details"
    );
    let html =
        text(staff_page(&app, &coord, &format!("/staff/health/roster?month={month}")).await).await;
    assert!(
        html.contains("href=\"tel:022-221-6870\""),
        "the office does"
    );
    // The business answers by phone; the office records it from the queue.
    let queue = text(staff_page(&app, &coord, "/staff/health").await).await;
    assert!(queue.contains("電話で了承を受けた"));
    let res = staff_form(
        &app,
        &coord,
        &format!("/staff/health/requests/{request_id}/answer"),
        &[("answer", "accept")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let html =
        text(staff_page(&app, &doc, &format!("/staff/health/roster?month={month}")).await).await;
    assert!(
        html.contains("確定") && !html.contains("回答待ち"),
        "{html}"
    );
    // A doctor's evenings page is the health centre's roster, where their day is.
    let res = staff_page(&app, &doc, &format!("/staff?month={month}")).await;
    assert_eq!(
        res.headers()["location"],
        format!("/staff/health/roster?month={month}").as_str()
    );
    assert_eq!(staff_page(&app, &doc, "/staff/health").await.status(), 403);
    let html = text(staff_page(&app, &coord, "/staff/health/figures").await).await;
    assert!(html.contains("産業保健センターの実績"));
    assert_labelled(&html, "/staff/health/figures");
    // Without a sign-in, the pages send to the sign-in page.
    let res = app.get("/staff/health").await;
    assert_eq!(res.status(), 303);
    app.stop().await;
}

/// A request made on the form, with a date proposed to it on a Tuesday:
/// the app, the coordinator's token, the request's page token and its id.
async fn with_a_proposal() -> (TestApp, String, String, i64) {
    use tsunagu::domain::staff::Role;
    let app = spawn_app().await;
    let now = chrono::Utc::now();
    let doctor = app
        .state
        .store
        .create_professional("産業 医子", "doctor", "", "", now)
        .await
        .unwrap();
    let coord = staff_token(
        &app,
        "c@centre.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
    )
    .await;
    let res = submit(&app, &valid_form()).await;
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let token = location
        .trim_start_matches("/health/manage/")
        .trim_end_matches("?created=1")
        .to_string();
    let mut day = tsunagu::domain::time::jst_today(now) + chrono::Duration::days(2);
    while chrono::Datelike::weekday(&day) != chrono::Weekday::Tue {
        day += chrono::Duration::days(1);
    }
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", &day.to_string()),
            ("start", "14:00"),
            ("end", "17:00"),
            ("place", "centre"),
            ("capacity", "4"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let id = app.state.store.health_requests_open().await.unwrap()[0].id;
    let block = app.state.store.health_blocks(day, day).await.unwrap()[0].id;
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/schedule/confirm",
        &[("pick", &format!("{id}:{block}"))],
    )
    .await;
    assert_eq!(res.status(), 200);
    (app, coord, token, id)
}

#[tokio::test]
async fn asking_for_another_date_on_the_page_asks_what_would_suit() {
    let (app, _coord, token, id) = with_a_proposal().await;
    // The form asks which weekdays and times would suit, starting from the request's own.
    let html = text(app.get(&format!("/health/manage/{token}")).await).await;
    assert!(html.contains("ご都合のよい曜日"), "{html}");
    assert!(html.contains("value=\"tue\" checked"), "{html}");
    assert_labelled(&html, "status page with a proposal");
    let decline = format!("/health/manage/{token}/decline");
    let long = "あ".repeat(201);
    let res = app
        .post_form(
            &decline,
            &[("weekday", "fri"), ("time", "morning"), ("note", &long)],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("id=\"preferred.note-error\""), "{html}");
    assert!(
        html.contains("value=\"fri\" checked"),
        "what was chosen is kept"
    );
    assert_eq!(
        app.state.store.health_request(id).await.unwrap().status,
        "proposed"
    );
    let res = app
        .post_form(
            &decline,
            &[
                ("weekday", "mon"),
                ("weekday", "fri"),
                ("time", "morning"),
                ("note", "午前のみ"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let r = app.state.store.health_request(id).await.unwrap();
    assert_eq!(
        (
            r.status.as_str(),
            r.weekdays.as_str(),
            r.time_of_day.as_str()
        ),
        ("waiting", "mon,fri", "morning")
    );
    assert_eq!(r.preferred_note, "午前のみ");
    app.stop().await;
}

#[tokio::test]
async fn staff_taking_another_date_by_phone_record_what_would_suit() {
    let (app, coord, _token, id) = with_a_proposal().await;
    let queue = text(staff_page(&app, &coord, "/staff/health").await).await;
    assert!(queue.contains("電話で別日程の希望を受けた"));
    assert!(
        queue.contains(&format!("id=\"weekday-{id}-wed\"")),
        "{queue}"
    );
    let res = staff_form(
        &app,
        &coord,
        &format!("/staff/health/requests/{id}/answer"),
        &[
            ("answer", "decline"),
            ("weekday", "wed"),
            ("time", "afternoon"),
            ("note", "第3週は不可"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let r = app.state.store.health_request(id).await.unwrap();
    assert_eq!(
        (
            r.status.as_str(),
            r.weekdays.as_str(),
            r.time_of_day.as_str(),
            r.preferred_note.as_str()
        ),
        ("waiting", "wed", "afternoon", "第3週は不可")
    );
    app.stop().await;
}

#[tokio::test]
async fn the_english_health_pages_speak_of_a_request_in_english_punctuation() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.retain(|(k, _)| *k != "consent");
    form.push(("lang", "en"));
    let res = app.post_form("/health?lang=en", &form).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("To send the request, please agree"), "{html}");
    assert!(!html.to_lowercase().contains("to book"), "{html}");
    let english = html.replace("日本語", "");
    for mark in ['：', '（', '）'] {
        assert!(!english.contains(mark), "{mark} in {english}");
    }
    let res = submit(&app, &valid_form()).await;
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let status = text(app.get(&format!("{location}&lang=en")).await).await;
    assert!(
        status.contains("(1 worker)") && status.contains("(2 workers)"),
        "{status}"
    );
    let ja = status.replace("日本語", "");
    for mark in ['：', '（', '）'] {
        assert!(!ja.contains(mark), "{mark} in {status}");
    }
    app.stop().await;
}

#[tokio::test]
async fn after_a_no_show_the_roster_offers_to_requeue_or_close() {
    use std::sync::Arc;
    use tsunagu::domain::staff::Role;
    use tsunagu::domain::time::ManualClock;
    let start = chrono::Utc::now();
    let clock = ManualClock::new(start);
    let app = support::spawn_app_on(
        support::TestDb::new().await,
        |_| {},
        Arc::new(clock.clone()),
    )
    .await;
    let doctor = app
        .state
        .store
        .create_professional("産業 医子", "doctor", "", "", start)
        .await
        .unwrap();
    let coord = staff_token(
        &app,
        "c@centre.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
    )
    .await;
    assert_eq!(submit(&app, &valid_form()).await.status(), 303);
    let day = tsunagu::domain::time::jst_today(start) + chrono::Duration::days(1);
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", &day.to_string()),
            ("start", "09:00"),
            ("end", "12:00"),
            ("place", "centre"),
            ("capacity", "4"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let id = app.state.store.health_requests_open().await.unwrap()[0].id;
    let block = app.state.store.health_blocks(day, day).await.unwrap()[0].id;
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/schedule/confirm",
        &[("pick", &format!("{id}:{block}"))],
    )
    .await;
    assert_eq!(res.status(), 200);
    let answer = format!("/staff/health/requests/{id}/answer");
    assert_eq!(
        staff_form(&app, &coord, &answer, &[("answer", "accept")])
            .await
            .status(),
        303
    );
    clock.set(start + chrono::Duration::days(3));
    let month = day.format("%Y-%m").to_string();
    let interview = app
        .state
        .store
        .live_interview(id)
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = staff_form(
        &app,
        &coord,
        &format!("/staff/health/interviews/{interview}/attendance"),
        &[("status", "no_show"), ("month", &month)],
    )
    .await;
    assert_eq!(res.status(), 303);
    let roster = format!("/staff/health/roster?month={month}");
    let html = text(staff_page(&app, &coord, &roster).await).await;
    assert!(
        html.contains("元の順番で待機に戻す") && html.contains("申込みを終了する"),
        "{html}"
    );
    assert_labelled(&html, "/staff/health/roster after a no-show");
    let follow_up = format!("/staff/health/requests/{id}/after-no-show");
    let res = staff_form(
        &app,
        &coord,
        &follow_up,
        &[("outcome", "close"), ("reason", ""), ("month", &month)],
    )
    .await;
    assert_eq!(res.status(), 422, "closing needs a reason");
    let res = staff_form(
        &app,
        &coord,
        &follow_up,
        &[
            ("outcome", "requeue"),
            ("reason", ""),
            ("month", &format!("\n{month}")),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], roster.as_str());
    assert_eq!(
        app.state.store.health_request(id).await.unwrap().status,
        "waiting"
    );
    let html = text(staff_page(&app, &coord, &roster).await).await;
    assert!(
        html.contains("実施されず") && !html.contains("元の順番で待機に戻す"),
        "{html}"
    );
    support::eventually(15, || async {
        app.mails_to("soumu@aoba.example.jp")
            .iter()
            .any(|(s, _)| s.contains("日程をあらためて調整します"))
            .then_some(())
    })
    .await;
    app.stop().await;
}

/// The visible text of a page: what lies between its tags.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Hiragana, katakana, kanji and the full-width marks of Japanese.
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Checks a page in `lang`: English has no Japanese outside `allowed` (what
/// the test typed, and the names of the languages in the chooser); やさしい
/// 日本語 has readings as ruby; no page shows a message id or a reading
/// left in its notation.
fn assert_words(html: &str, lang: &str, allowed: &[&str], page: &str) {
    let mut text = visible_text(html);
    for id in tsunagu::i18n::MESSAGE_IDS
        .iter()
        .filter(|id| id.contains('-'))
    {
        assert!(!text.contains(id), "{page} ({lang}) shows the id {id}");
    }
    assert!(
        !text.contains(['《', '》', '｜', '{', '}']),
        "{page} ({lang}): notation left in {text}"
    );
    match lang {
        "en" => {
            for a in allowed.iter().chain(&["やさしい日本語", "日本語"]) {
                text = text.replace(a, "");
            }
            let japanese: String = text.chars().filter(|c| is_japanese(*c)).collect();
            assert!(japanese.is_empty(), "{page} (en): {japanese} in {text}");
        }
        "easy" => assert!(html.contains("<ruby>"), "{page} (easy) has no ruby"),
        _ => assert!(text.chars().any(is_japanese), "{page} ({lang})"),
    }
}

/// The form as a business in `lang` fills it in: in Latin letters for
/// English, so that an English page shows no Japanese at all.
fn form_in(lang: &str) -> Vec<(&'static str, &'static str)> {
    let mut form = valid_form();
    if lang == "en" {
        for (k, v) in form.iter_mut() {
            *v = match *k {
                "business_name" => "Aoba Works Ltd.",
                "address" => "1-2-3 Ichibancho, Aoba-ku, Sendai",
                "industry" => "Manufacturing",
                "note" => "Not at the end of the month",
                "contact_name" => "Hanako Soumu",
                _ => v,
            };
        }
    }
    form
}

#[tokio::test]
async fn every_health_page_speaks_japanese_english_and_easy_japanese() {
    use tsunagu::domain::staff::Role;
    let app = spawn_app().await;
    let now = chrono::Utc::now();
    let doctor = app
        .state
        .store
        .create_professional("Ito Aiko", "doctor", "", "", now)
        .await
        .unwrap();
    let coord = staff_token(
        &app,
        "c@centre.example.jp",
        "事務 局",
        Role::Coordinator,
        None,
    )
    .await;
    let mut day = tsunagu::domain::time::jst_today(now) + chrono::Duration::days(2);
    while chrono::Datelike::weekday(&day) != chrono::Weekday::Tue {
        day += chrono::Duration::days(1);
    }
    let res = staff_form(
        &app,
        &coord,
        "/staff/health/blocks",
        &[
            ("doctor_id", &doctor.to_string()),
            ("date", &day.to_string()),
            ("start", "14:00"),
            ("end", "17:00"),
            ("place", "centre"),
            ("capacity", "4"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let block = app.state.store.health_blocks(day, day).await.unwrap()[0].id;

    for lang in ["ja", "en", "easy"] {
        let form = form_in(lang);
        let typed: Vec<&str> = form.iter().map(|(_, v)| *v).collect();
        let q = format!("?lang={lang}");
        let html = text(app.get(&format!("/health{q}")).await).await;
        assert_words(&html, lang, &typed, "the form");
        assert_labelled(&html, &format!("/health{q}"));

        // Refused: fields left empty or wrong, and a workplace too large.
        let mut refused = form.clone();
        refused.retain(|(k, _)| !matches!(*k, "business_name" | "consent" | "place" | "phone"));
        refused.push(("phone", "12"));
        let res = app.post_form(&format!("/health{q}"), &refused).await;
        assert_eq!(res.status(), 422);
        let html = text(res).await;
        assert!(html.contains("consent-error") && html.contains("phone-error"));
        assert_words(&html, lang, &typed, "a refused form");
        let mut large = form.clone();
        large.retain(|(k, _)| *k != "workers");
        large.push(("workers", "120"));
        let res = app.post_form(&format!("/health{q}"), &large).await;
        assert_eq!(res.status(), 422);
        let html = text(res).await;
        let referral = if lang == "en" {
            "Miyagi Occupational Health Support Center"
        } else {
            "宮城産業保健総合支援センター"
        };
        assert!(html.contains(referral), "{lang}: {html}");
        // The directory's other doors for a workplace, not the centre itself.
        assert!(html.contains("id=\"other-doors\""), "{lang}");
        assert!(!html.contains("service-36540ce5"), "{lang}");
        assert!(html.contains("service-26bec5e1"), "{lang}");
        assert_words(&html, lang, &typed, "the ineligible explanation");

        // The status page: just made (waiting, with its place and the
        // expected month), then with a date proposed.
        let res = app.post_form(&format!("/health{q}"), &form).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_string();
        let html = text(app.get(&format!("{location}&lang={lang}")).await).await;
        assert!(html.contains(&app.state.settings.mail.from_address));
        assert_words(&html, lang, &typed, "a new request's page");
        let token = location
            .trim_start_matches("/health/manage/")
            .trim_end_matches("?created=1")
            .to_string();
        let id = app
            .state
            .store
            .health_requests_open()
            .await
            .unwrap()
            .iter()
            .find(|r| r.email == "soumu@aoba.example.jp" && r.status == "waiting")
            .unwrap()
            .id;
        let res = staff_form(
            &app,
            &coord,
            "/staff/health/schedule/confirm",
            &[("pick", &format!("{id}:{block}"))],
        )
        .await;
        assert_eq!(res.status(), 200);
        let page = format!("/health/manage/{token}{q}");
        let html = text(app.get(&page).await).await;
        assert!(html.contains("Ito Aiko") && html.contains("action=\"/health/manage/"));
        assert!(html.contains("/accept\""), "a date is proposed: {html}");
        assert_words(&html, lang, &typed, "the page with a proposal");
        // Asking for another date with too long a note, and withdrawing
        // without ticking the box, come back with their messages.
        let long = "a".repeat(201);
        let res = app
            .post_form(
                &format!("/health/manage/{token}/decline{q}"),
                &[("time", "morning"), ("note", &long)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = text(res).await;
        assert!(html.contains("id=\"preferred.note-error\""));
        assert_words(&html, lang, &typed, "a refused request for another date");
        let res = app
            .post_form(&format!("/health/manage/{token}/withdraw{q}"), &[])
            .await;
        assert_eq!(res.status(), 422);
        assert_words(&text(res).await, lang, &typed, "withdrawing unticked");
        let res = app
            .post_form(
                &format!("/health/manage/{token}/withdraw{q}"),
                &[("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = text(app.get(&format!("{page}&done=withdrawn")).await).await;
        assert_words(&html, lang, &typed, "a withdrawn request");
        // Answering when no date is proposed is refused in the page's words.
        let res = app
            .post_form(&format!("/health/manage/{token}/accept{q}"), &[])
            .await;
        assert_eq!(res.status(), 409);
        let html = text(res).await;
        let refusal = tsunagu::i18n::health_conflict(
            "no_proposal",
            tsunagu::domain::Lang::parse(lang).unwrap(),
        );
        assert!(
            html.contains(&*tsunagu::i18n::ruby::html(&refusal)),
            "{lang}: {html}"
        );
        assert_words(&html, lang, &typed, "a refused answer");
    }
    app.stop().await;
}
