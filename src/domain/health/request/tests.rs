use super::*;

fn rules() -> Eligibility {
    Eligibility {
        area: vec!["仙台市".into(), "富谷市".into()],
        area_en: vec!["Sendai City".into(), "Tomiya City".into()],
        max_workers: 49,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn input() -> HealthInput {
    HealthInput {
        business_name: "株式会社　青葉製作所".into(),
        address: "宮城県仙台市青葉区一番町１－２－３".into(),
        workers: "３２".into(),
        industry: "製造業".into(),
        contact_name: "青葉 太郎".into(),
        phone: "０２２－２２１－６８７０".into(),
        email: "soumu@aoba.example.jp".into(),
        services: vec![
            ServiceInput {
                kind: "high_stress".into(),
                workers: "1".into(),
                requested_on: "2026/11/02".into(),
                ..Default::default()
            },
            ServiceInput {
                kind: "checkup_opinion".into(),
                workers: "30人".into(),
                checked_on: "2026-10-01".into(),
                ..Default::default()
            },
        ],
        weekdays: vec!["wed".into(), "mon".into()],
        time_of_day: "afternoon".into(),
        preferred_note: String::new(),
        place: "visit".into(),
        consent: true,
    }
}

#[test]
fn a_valid_request_is_normalised() {
    let d = input().validate(&rules(), today()).unwrap();
    assert_eq!(d.business_name, "株式会社 青葉製作所");
    assert_eq!(d.workers, 32);
    assert_eq!(d.phone.as_str(), "022-221-6870");
    assert_eq!(d.weekdays, vec![Weekday::Mon, Weekday::Wed]);
    assert_eq!(d.services[0].kind, ServiceKind::CheckupOpinion);
    assert_eq!(d.services[0].workers, 30);
    assert_eq!(
        d.services[1].requested_on,
        NaiveDate::from_ymd_opt(2026, 11, 2)
    );
    assert_eq!(d.place, Place::Visit);
}

#[test]
fn fifty_workers_or_outside_the_area_is_not_eligible() {
    let mut i = input();
    i.workers = "50".into();
    let r = i.validate(&rules(), today()).unwrap_err();
    assert_eq!(r.ineligible, Some(Ineligible::TooManyWorkers));
    assert_eq!(
        r.fields.get("workers"),
        Some(&FieldError::TooManyWorkers { max: 49 })
    );
    let mut i = input();
    i.address = "宮城県名取市増田１".into();
    let r = i.validate(&rules(), today()).unwrap_err();
    assert_eq!(r.ineligible, Some(Ineligible::OutsideArea));
    let mut i = input();
    i.address = "宮城県富谷市富谷坂松田３０".into();
    assert!(i.validate(&rules(), today()).is_ok());
    // Written in Latin letters: the city as a whole word.
    assert_eq!(
        rules().municipality("1-2-3 Ichibancho, Aoba-ku, Sendai"),
        Some("仙台市")
    );
    assert_eq!(rules().municipality("Tomiya City, Miyagi"), Some("富谷市"));
    assert_eq!(rules().municipality("1-1 Satsumasendai, Kagoshima"), None);
    // The municipality in its place: after the prefecture, if any.
    for served in [
        "宮城県仙台市青葉区一番町1-2-3",
        "仙台市青葉区一番町1-2-3",
        "富谷市富谷坂松田30",
        "宮城県 富谷市富谷",
        "〒980-0811 宮城県仙台市青葉区一番町",
        "〒９８１－３３０３　富谷市",
    ] {
        assert!(rules().municipality(served).is_some(), "{served}");
    }
    for elsewhere in [
        "東京都千代田区 仙台市",
        "東京都千代田区仙台市場1",
        "宮城県名取市仙台市寄り",
        "大阪府大阪市北区 富谷市",
        "神奈川県横浜市 仙台市",
        "名取市 (仙台市の隣)",
        "東京都千代田区 Sendai",
    ] {
        assert_eq!(rules().municipality(elsewhere), None, "{elsewhere}");
    }
}

#[test]
fn every_bad_field_has_its_reason() {
    let i = HealthInput {
        services: vec![
            ServiceInput {
                kind: "long_hours".into(),
                workers: "0".into(),
                requested_on: "2027-01-01".into(),
                ..Default::default()
            },
            ServiceInput {
                kind: "long_hours".into(),
                workers: "1".into(),
                ..Default::default()
            },
        ],
        weekdays: vec!["someday".into()],
        time_of_day: "night".into(),
        place: "moon".into(),
        ..Default::default()
    };
    let r = i.validate(&rules(), today()).unwrap_err();
    for field in [
        "business_name",
        "address",
        "workers",
        "industry",
        "contact_name",
        "phone",
        "email",
        "services",
        "services.long_hours.workers",
        "services.long_hours.requested_on",
        "preferred.weekdays",
        "preferred.time",
        "place",
        "consent",
    ] {
        assert!(r.fields.contains_key(field), "{field}: {:?}", r.fields);
    }
    assert_eq!(
        r.fields["services.long_hours.requested_on"],
        FieldError::FutureDate
    );
    assert_eq!(r.ineligible, None);
}

#[test]
fn no_services_is_refused() {
    let mut i = input();
    i.services.clear();
    let r = i.validate(&rules(), today()).unwrap_err();
    assert_eq!(r.fields.get("services"), Some(&FieldError::Required));
}
