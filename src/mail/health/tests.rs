use super::*;

#[test]
fn every_health_mail_renders_in_every_language_without_the_kinds_in_the_subject() {
    let settings = Settings::built_in();
    let now = Utc::now();
    for &kind in KINDS {
        for &lang in Lang::ALL {
            let m = HealthMail {
                lang,
                business_name: "株式会社 青葉製作所".into(),
                contact_name: "青葉 太郎".into(),
                number: "H2026-00012".into(),
                token: Some("abc".into()),
                position: Some(4),
                estimated_month: Some("2027-02".into()),
                due_on: NaiveDate::from_ymd_opt(2026, 12, 20),
                estimate_late: true,
                interview: Some(MailInterview {
                    id: 1,
                    starts_at: now,
                    ends_at: now,
                    visit: false,
                    doctor: "仙台 一郎".into(),
                    proposed: true,
                }),
                while_interview: None,
                missed: Some(now),
                closed_reason: Some("ご連絡がつかないため".into()),
                calendar: Some(Calendar::request(vec!["uid-1@example.jp".into()], now)),
            };
            let payload = serde_json::to_string(&m).unwrap();
            let r = serde_json::from_str::<HealthMail>(&payload)
                .unwrap()
                .render(kind, &settings)
                .unwrap();
            assert!(r.subject.contains("H2026-00012"), "{kind}: {}", r.subject);
            for word in ["ストレス", "長時間", "stress", "hours", "面接指導"] {
                assert!(!r.subject.contains(word), "{kind}: {}", r.subject);
            }
            assert!(!r.text.contains("今すぐ誰かに"), "{kind}");
            let (method, ics) = r.ics.expect("a calendar entry");
            assert_eq!(method, "PUBLISH");
            assert!(ics.contains(crate::mail::calendar::HEALTH_PRODID));
            assert!(
                !ics.contains("ストレス") && !ics.contains("stress"),
                "{ics}"
            );
            assert!(r.from_name.is_some());
        }
    }
}

#[test]
fn the_received_mail_gives_the_due_date_and_says_when_the_estimate_is_later() {
    let settings = Settings::built_in();
    let mut m = HealthMail {
        lang: Lang::Ja,
        business_name: "株式会社 青葉製作所".into(),
        contact_name: "青葉 太郎".into(),
        number: "H2026-00012".into(),
        estimated_month: Some("2027-02".into()),
        due_on: NaiveDate::from_ymd_opt(2026, 12, 20),
        estimate_late: true,
        ..Default::default()
    };
    let r = m.render(HEALTH_RECEIVED, &settings).unwrap();
    assert!(r.text.contains("法令上の期限"), "{}", r.text);
    assert!(r.text.contains("2026年12月20日"), "{}", r.text);
    assert!(
        r.text.contains("センターはこのことを把握しており"),
        "{}",
        r.text
    );
    // The business and the person each on a line of their own.
    assert!(
        r.html.contains("株式会社 青葉製作所<br>青葉 太郎 様"),
        "{}",
        r.html
    );
    m.estimate_late = false;
    m.lang = Lang::En;
    let r = m.render(HEALTH_RECEIVED, &settings).unwrap();
    assert!(r.text.contains("Legal due date"), "{}", r.text);
    assert!(!r.text.contains("has been told"), "{}", r.text);
}

#[test]
fn months_in_words() {
    assert_eq!(month_words("2027-02", Lang::Ja), "2027年2月");
    assert_eq!(month_words("2027-02", Lang::En), "February 2027");
    assert_eq!(
        month_words("2027-02", Lang::Easy),
        "2027｜年《ねん》2｜月《がつ》"
    );
}
