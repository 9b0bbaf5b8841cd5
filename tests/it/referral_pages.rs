//! つなぐ on the pages, without JavaScript: the professional refers from
//! the day sheet (the consent text shown in the person's language; a
//! refused form keeps what was chosen), the office follows and closes with
//! an outcome, and the person sees the service on their booking's page and
//! withdraws their consent there.

use crate::support;

use serde_json::json;
use support::staff::{cookie_for, csrf_in, page, send_form, staff};
use support::{assert_labelled, spawn_app};

#[tokio::test]
async fn a_professional_refers_from_the_day_sheet_and_the_office_closes_it_with_an_outcome() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let (service_id, _) = support::referral::service_with_mail(&app).await;
    let session = app.add_session(10).await;
    let res = support::staff::post(
        &app,
        Some(&st.coordinator),
        &format!("/api/v1/staff/sessions/{}/assignments", session.id),
        json!({"profession": "lawyer", "professional_id": st.lawyer_id}),
    )
    .await;
    assert!(res.status().is_success());
    let slot = session
        .slots
        .iter()
        .find(|s| s.profession == tsunagu::domain::Profession::Lawyer)
        .unwrap();
    app.book_as(slot.id, "sheet@example.jp", "090-5555-6666")
        .await;
    let booking = app.state.store.session_bookings(session.id).await.unwrap()[0].id;

    let lawyer = cookie_for(&app, "lawyer@city.example.jp").await;
    let sheet = page(&app, &lawyer, &format!("/staff/sessions/{}", session.id))
        .await
        .text()
        .await
        .unwrap();
    let form_path = format!("/staff/bookings/{booking}/refer");
    assert!(sheet.contains(&form_path), "{sheet}");
    let form = page(&app, &lawyer, &form_path).await.text().await.unwrap();
    assert_labelled(&form, &form_path);
    assert!(
        form.contains("同意します"),
        "the consent text, in Japanese: {form}"
    );
    assert!(form.contains(&service_id));
    let csrf = csrf_in(&form);

    // Without consent: refused, what was chosen kept.
    let res = send_form(
        &app,
        &lawyer,
        &form_path,
        &[
            ("csrf", &csrf),
            ("text_version", tsunagu::domain::referral::CONSENT_VERSION),
            ("service_id", &service_id),
            ("contact", "phone"),
            ("share_name", "yes"),
            ("share_contact", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"consent-error\""), "{html}");
    assert!(
        html.contains("id=\"share-name\" name=\"share_name\" value=\"yes\" checked"),
        "{html}"
    );
    assert!(html.contains("value=\"phone\" checked"), "{html}");

    let res = send_form(
        &app,
        &lawyer,
        &form_path,
        &[
            ("csrf", &csrf),
            ("text_version", tsunagu::domain::referral::CONSENT_VERSION),
            ("service_id", &service_id),
            ("consent", "yes"),
            ("contact", "phone"),
            ("share_name", "yes"),
            ("share_contact", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("done=referred"));
    app.link_token(support::referral::SERVICE_MAIL, "/referrals/")
        .await;

    // The office's list; a professional does not see it.
    let office = cookie_for(&app, "coord@city.example.jp").await;
    let list = page(&app, &office, "/staff/referrals").await;
    assert_eq!(list.status(), 200);
    let html = list.text().await.unwrap();
    assert_labelled(&html, "/staff/referrals");
    assert!(html.contains("R-1") && html.contains("司法書士"), "{html}");
    let res = page(&app, &lawyer, "/staff/referrals").await;
    assert!(res.status().is_client_error() || res.status().is_redirection());

    // Closing without an outcome comes back with its message.
    let csrf = csrf_in(&html);
    let id = app.state.store.open_referrals().await.unwrap()[0].id;
    let close = format!("/staff/referrals/{id}/close");
    let res = send_form(&app, &office, &close, &[("csrf", &csrf), ("outcome", " ")]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains(&format!("id=\"outcome-{id}-error\"")));
    let res = send_form(
        &app,
        &office,
        &close,
        &[
            ("csrf", &csrf),
            ("outcome", "本人が相談センターで面談を受けた"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let html = page(&app, &office, "/staff/referrals?done=referral_closed")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("つなぎを終了しました"), "{html}");
    assert!(!html.contains("R-1"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn the_person_sees_the_service_on_their_booking_page_and_withdraws_there() {
    let app = spawn_app().await;
    let st = staff(&app).await;
    let (service_id, phone) = support::referral::service_with_mail(&app).await;
    let session = app.add_session(10).await;
    let manage = app
        .book_as(session.slots[0].id, "person@example.jp", "090-6666-7777")
        .await;
    let token = support::referral::refer(&app, &st.coordinator, &manage, &service_id).await;

    let path = format!("/manage/{manage}");
    let html = app.get(&path).await.text().await.unwrap();
    assert!(html.contains("ご案内した窓口"), "{html}");
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    assert!(html.contains(&format!("href=\"tel:{digits}\"")), "{html}");
    assert!(html.contains("090-6666-7777"), "what was passed on: {html}");
    let en = app
        .get(&format!("{path}?lang=en"))
        .await
        .text()
        .await
        .unwrap();
    assert!(en.contains("Services we put you in touch with"), "{en}");

    let id = app.state.store.open_referrals().await.unwrap()[0].id;
    let res = app
        .post_form(&format!("/manage/{manage}/referrals/{id}/withdraw"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let html = app.get(&location).await.text().await.unwrap();
    assert!(html.contains("同意を取り消しました"), "{html}");
    assert!(!html.contains("090-6666-7777"), "{html}");
    assert!(
        !html.contains("/withdraw\""),
        "nothing more to withdraw: {html}"
    );
    let view = app.get_json(&format!("/api/v1/referrals/{token}")).await;
    assert_eq!(view["withdrawn"], true);
    assert!(view["shared"]["phone"].is_null());
    app.stop().await;
}

#[tokio::test]
async fn a_follow_up_is_chosen_on_the_same_form_and_offered_to_the_person() {
    let app = spawn_app().await;
    staff(&app).await;
    let session = app.add_session(10).await;
    let later = app.add_session(100).await;
    app.book_as(session.slots[0].id, "again@example.jp", "090-9999-0000")
        .await;
    let booking = app.state.store.session_bookings(session.id).await.unwrap()[0].id;
    let office = cookie_for(&app, "coord@city.example.jp").await;
    let path = format!("/staff/bookings/{booking}/refer");
    let form = page(&app, &office, &path).await.text().await.unwrap();
    let choice = format!("followup:{}:psychologist", later.id);
    assert!(form.contains(&choice), "{form}");
    let csrf = csrf_in(&form);
    let res = send_form(
        &app,
        &office,
        &path,
        &[
            ("csrf", &csrf),
            ("text_version", tsunagu::domain::referral::CONSENT_VERSION),
            ("service_id", &choice),
            ("consent", "yes"),
            ("contact", "email"),
            ("share_name", "yes"),
            ("share_contact", "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    app.link_token("again@example.jp", "/offers/").await;
    app.stop().await;
}
