use super::*;
use crate::domain::time::jst_instant;
use chrono::{NaiveTime, Weekday};

fn at(date: &str, time: &str) -> DateTime<Utc> {
    jst_instant(
        NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        NaiveTime::parse_from_str(time, "%H:%M").unwrap(),
    )
}

pub(crate) fn entry(id: &str, needs: &[Need]) -> ServiceEntry {
    ServiceEntry {
        id: id.into(),
        organization: Organization {
            id: format!("org-{id}"),
            name: "団体".into(),
            url: String::new(),
        },
        name: id.into(),
        name_en: String::new(),
        description: String::new(),
        description_en: String::new(),
        eligibility: String::new(),
        fees: String::new(),
        free: true,
        needs: needs.to_vec(),
        audiences: Vec::new(),
        methods: vec![Method::Phone],
        phones: Vec::new(),
        email: String::new(),
        url: String::new(),
        address: String::new(),
        schedules: Vec::new(),
        hours_note: String::new(),
        hours_note_en: String::new(),
        closed_on_holidays: false,
        closed_year_end: false,
        crisis: false,
        rank: 100,
        bookable_here: None,
        status: Status::Active,
        confirmed: None,
    }
}

/// 宮城県司法書士会: 月・水・金（祝日を除く）13:30〜16:30.
fn scriveners() -> ServiceEntry {
    ServiceEntry {
        schedules: vec![Schedule::weekly("MO,WE,FR", "13:30", "16:30").unwrap()],
        closed_on_holidays: true,
        closed_year_end: true,
        ..entry("scriveners", &[Need::Debt, Need::Legal])
    }
}

#[test]
fn a_weekday_service_is_closed_on_a_holiday_monday_and_open_within_its_hours() {
    let s = scriveners();
    // 2027-01-11 is 成人の日, a Monday.
    assert_eq!(s.open_at(at("2027-01-11", "14:00")), Some(false));
    assert_eq!(s.open_at(at("2027-01-18", "14:00")), Some(true));
    assert_eq!(s.open_at(at("2027-01-13", "14:00")), Some(true));
    assert_eq!(s.open_at(at("2027-01-13", "13:29")), Some(false));
    assert_eq!(s.open_at(at("2027-01-13", "16:30")), Some(false));
    assert_eq!(s.open_at(at("2027-01-13", "16:31")), Some(false));
    // Tuesday.
    assert_eq!(s.open_at(at("2027-01-12", "14:00")), Some(false));
    // 年末年始: Wednesday 2026-12-30 is not a holiday but the office is closed.
    assert_eq!(s.open_at(at("2026-12-30", "14:00")), Some(false));
}

#[test]
fn the_hour_is_read_in_japan_time_whatever_the_server_clock() {
    let s = scriveners();
    // 14:00 JST is 05:00 UTC on the same day.
    let utc = DateTime::parse_from_rfc3339("2027-01-13T05:00:00Z").unwrap();
    assert_eq!(s.open_at(utc.with_timezone(&Utc)), Some(true));
    let utc = DateTime::parse_from_rfc3339("2027-01-13T14:00:00Z").unwrap();
    assert_eq!(s.open_at(utc.with_timezone(&Utc)), Some(false));
}

#[test]
fn a_suspended_service_is_never_open_and_one_without_schedules_is_unknown() {
    let mut s = scriveners();
    s.status = Status::TemporarilyClosed;
    assert_eq!(s.open_at(at("2027-01-13", "14:00")), Some(false));
    assert_eq!(entry("x", &[]).open_at(at("2027-01-13", "14:00")), None);
}

#[test]
fn twenty_four_hour_lines_are_open_on_holidays_and_at_night() {
    let line = ServiceEntry {
        schedules: vec![Schedule::always()],
        ..entry("lifeline", &[Need::Suicidal])
    };
    assert_eq!(line.open_at(at("2027-01-01", "03:00")), Some(true));
    assert_eq!(line.open_at(at("2027-01-11", "23:59")), Some(true));
    assert!(line.open_outside_office_hours());
    assert!(!scriveners().open_outside_office_hours());
}

#[test]
fn a_monthly_schedule_holds_on_its_week_of_the_month() {
    let evening = Schedule {
        freq: Freq::Monthly,
        byday: ByDay::parse_list("2WE").unwrap(),
        opens_at: Some(schedule_time("18:30")),
        closes_at: Some(schedule_time("20:30")),
        ..Schedule::always()
    };
    let s = ServiceEntry {
        schedules: vec![evening.clone()],
        ..entry("evening", &[])
    };
    // January 2027: Wednesdays 6, 13, 20, 27.
    assert_eq!(s.open_at(at("2027-01-13", "19:00")), Some(true));
    assert_eq!(s.open_at(at("2027-01-06", "19:00")), Some(false));
    assert_eq!(s.open_at(at("2027-01-20", "19:00")), Some(false));
    assert!(evening.outside_office_hours());
    let last = Schedule {
        byday: ByDay::parse_list("-1FR").unwrap(),
        ..evening
    };
    let s = ServiceEntry {
        schedules: vec![last],
        ..entry("last", &[])
    };
    assert_eq!(s.open_at(at("2027-01-29", "19:00")), Some(true));
    assert_eq!(s.open_at(at("2027-01-22", "19:00")), Some(false));
}

fn schedule_time(raw: &str) -> NaiveTime {
    schedule::parse_time(raw).unwrap()
}

#[test]
fn hours_past_midnight_belong_to_the_day_they_started() {
    // Fridays 22:00 to 06:00 (Saturday morning).
    let night = ServiceEntry {
        schedules: vec![Schedule::weekly("FR", "22:00", "06:00").unwrap()],
        ..entry("night", &[])
    };
    assert_eq!(night.open_at(at("2027-01-15", "23:00")), Some(true));
    assert_eq!(night.open_at(at("2027-01-16", "05:59")), Some(true));
    assert_eq!(night.open_at(at("2027-01-16", "06:00")), Some(false));
    assert_eq!(night.open_at(at("2027-01-15", "05:00")), Some(false));
}

#[test]
fn byday_reads_and_writes_rfc5545() {
    // Anything but ASCII is refused, never cut inside a character.
    for raw in ["毎週", "月水", "2水", "ＭＯ"] {
        assert!(ByDay::parse_list(raw).is_err(), "{raw}");
    }
    let days = ByDay::parse_list("MO, 2we,-1FR").unwrap();
    assert_eq!(
        days,
        vec![
            ByDay {
                nth: None,
                weekday: Weekday::Mon
            },
            ByDay {
                nth: Some(2),
                weekday: Weekday::Wed
            },
            ByDay {
                nth: Some(-1),
                weekday: Weekday::Fri
            },
        ]
    );
    let text: Vec<String> = days.iter().map(ToString::to_string).collect();
    assert_eq!(text.join(","), "MO,2WE,-1FR");
    assert!(ByDay::parse_list("XX").is_err());
    assert!(ByDay::parse_list("9MO").is_err());
    assert!(ByDay::parse_list("").unwrap().is_empty());
    assert_eq!(Freq::parse("monthly"), Ok(Freq::Monthly));
    assert!(Freq::parse("YEARLY").is_err());
}

#[test]
fn a_search_matches_troubles_audience_method_and_hours() {
    let mut employers_only = entry("employers", &[Need::WorkplaceHealth]);
    employers_only.audiences = vec![Audience::Employer];
    let mut retired = entry("retired", &[Need::Debt]);
    retired.status = Status::Defunct;
    let mut mail = entry("mail", &[Need::Debt]);
    mail.methods = vec![Method::Mail];
    let entries = vec![scriveners(), employers_only, retired, mail];
    let now = at("2027-01-13", "14:00");
    let names = |q: &Query| -> Vec<String> {
        search(&entries, q, now)
            .iter()
            .map(|h| h.entry.id.clone())
            .collect()
    };
    let debt = Query {
        needs: vec![Need::Debt],
        ..Query::default()
    };
    assert_eq!(names(&debt), ["mail", "scriveners"]);
    let by_phone = Query {
        method: Some(Method::Phone),
        ..debt.clone()
    };
    assert_eq!(names(&by_phone), ["scriveners"]);
    let workers = Query {
        needs: vec![Need::WorkplaceHealth],
        audience: Some(Audience::Worker),
        ..Query::default()
    };
    assert!(names(&workers).is_empty());
    let open = Query {
        open_now: true,
        ..debt.clone()
    };
    assert_eq!(names(&open), ["scriveners"]);
    let late = Query {
        outside_office_hours: true,
        ..debt
    };
    assert!(names(&late).is_empty());
    // Nothing asked: every listed service.
    assert_eq!(names(&Query::default()).len(), 3);
}

#[test]
fn finding_it_hard_to_go_on_leads_with_every_crisis_line() {
    let mut lifeline = entry("lifeline", &[Need::MentalHealth]);
    lifeline.crisis = true;
    lifeline.rank = 1;
    let counsel = entry("counsel", &[Need::Suicidal, Need::MentalHealth]);
    let entries = vec![counsel, lifeline, scriveners()];
    let q = Query {
        needs: vec![Need::Suicidal],
        ..Query::default()
    };
    let hits = search(&entries, &q, at("2027-01-13", "14:00"));
    let ids: Vec<&str> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert_eq!(ids, ["lifeline", "counsel"]);
}

#[test]
fn more_troubles_matched_and_bookable_here_come_first() {
    let mut evening = entry("evening", &[Need::Harassment]);
    evening.bookable_here = Some(BookableHere::Evening);
    let mut both = entry("both", &[Need::Harassment, Need::Overwork]);
    both.rank = 900;
    let other = entry("other", &[Need::Harassment]);
    let entries = vec![other, evening, both];
    let q = Query {
        needs: vec![Need::Harassment, Need::Overwork],
        ..Query::default()
    };
    let hits = search(&entries, &q, at("2027-01-13", "14:00"));
    let ids: Vec<&str> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert_eq!(ids, ["both", "evening", "other"]);
    assert_eq!(hits[0].matched, 2);
}

#[test]
fn after_a_booking_the_other_doors_for_the_topic_are_shown_not_the_evening() {
    let mut evening = entry("evening", &[Need::Debt, Need::Harassment]);
    evening.bookable_here = Some(BookableHere::Evening);
    let mut labour = entry("labour", &[Need::Overwork, Need::UnpaidWages]);
    labour.audiences = vec![Audience::Worker];
    let mut centre = entry("centre", &[Need::WorkplaceHealth]);
    centre.bookable_here = Some(BookableHere::Health);
    centre.audiences = vec![Audience::Employer];
    let mut sanpo = entry("sanpo", &[Need::WorkplaceHealth]);
    sanpo.audiences = vec![Audience::Employer];
    let entries = vec![evening, scriveners(), labour, centre, sanpo];
    let now = at("2027-01-13", "14:00");
    let ids = |hits: Vec<Hit>| -> Vec<String> { hits.iter().map(|h| h.entry.id.clone()).collect() };
    assert_eq!(ids(follow_ups(&entries, Topic::Money, now)), ["scriveners"]);
    assert_eq!(ids(follow_ups(&entries, Topic::Workplace, now)), ["labour"]);
    assert_eq!(ids(follow_ups_for_business(&entries, now)), ["sanpo"]);
}

#[test]
fn phones_become_tel_links_and_entries_go_stale() {
    let phone = Phone {
        number: "０２２-７１８-4343".into(),
        kind: PhoneKind::Voice,
        description: String::new(),
    };
    assert_eq!(phone.tel_href(), "tel:0227184343");
    let phone = Phone {
        number: "022-718-4343".into(),
        ..phone
    };
    assert_eq!(phone.tel_href(), "tel:0227184343");
    let mut s = scriveners();
    let cutoff = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    assert!(s.stale(cutoff));
    s.confirmed = Some(Confirmation {
        on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        by: "事務局 佐藤".into(),
    });
    assert!(!s.stale(cutoff));
}

#[test]
fn need_codes_are_stable() {
    let codes: Vec<&str> = Need::ALL.iter().map(|n| n.code()).collect();
    for key in [
        "harassment",
        "overwork",
        "dismissal",
        "unpaid_wages",
        "debt",
        "family",
        "mental_health",
        "physical_health",
        "suicidal",
        "workplace_health",
    ] {
        assert!(codes.contains(&key), "{key}");
    }
    assert_eq!(Need::parse("debt"), Ok(Need::Debt));
    assert_eq!(
        Status::parse("temporarily closed"),
        Ok(Status::TemporarilyClosed)
    );
}

#[test]
fn a_search_address_reads_into_a_query_with_an_error_for_each_bad_part() {
    let pairs = |raw: &str| -> Vec<(String, String)> {
        url::form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    };
    let (q, paging) = Query::parse(&pairs(
        "need=debt,family&need=debt&audience=worker&open_now=true&page=２&per_page=100&lang=en",
    ))
    .unwrap();
    assert_eq!(q.needs, [Need::Debt, Need::Family]);
    assert_eq!(q.audience, Some(Audience::Worker));
    assert!(q.open_now);
    assert_eq!(
        paging,
        Paging {
            page: 2,
            per_page: 100
        }
    );
    let errors = Query::parse(&pairs(
        "need=nonsense&method=fax&per_page=101&page=0&open_now=maybe",
    ))
    .unwrap_err();
    let fields: Vec<&str> = errors.keys().copied().collect();
    assert_eq!(fields, ["method", "need", "open_now", "page", "per_page"]);
    // An empty choice is no choice.
    let (q, _) = Query::parse(&pairs("audience=&method=&need=")).unwrap();
    assert_eq!(q, Query::default());
}

#[test]
fn a_service_from_staff_is_validated_whole_with_an_error_per_field() {
    let input: ServiceInput = serde_json::from_value(serde_json::json!({
        "name": "",
        "organization_name": "団体",
        "needs": ["debt", "nonsense"],
        "phones": [{"number": "12"}],
        "schedules": [{"freq": "YEARLY"}],
        "url": "javascript:alert(1)",
        "email": "not-an-address",
        "status": "gone",
        "rank": -1
    }))
    .unwrap();
    let errors = input.validate(None, "id".into(), "org".into()).unwrap_err();
    let fields: Vec<&str> = errors.keys().copied().collect();
    assert_eq!(
        fields,
        [
            "email",
            "name",
            "needs",
            "phones",
            "rank",
            "schedules",
            "status",
            "url"
        ]
    );
    // Unknown keys are refused, not ignored.
    assert!(serde_json::from_value::<ServiceInput>(serde_json::json!({"nmae": "x"})).is_err());
}

#[test]
fn a_change_names_only_what_changes_and_keeps_the_rest() {
    let base = scriveners();
    let input: ServiceInput = serde_json::from_value(serde_json::json!({
        "status": "temporarily closed",
        "phones": [{"number": "０２２－２２１－６８７０", "description": "電話相談"}, {"number": "#7119"}],
        "schedules": [{"freq": "MONTHLY", "byday": "2WE", "opens_at": "18:30", "closes_at": "20:30"}]
    }))
    .unwrap();
    let changed = input
        .validate(Some(&base), base.id.clone(), base.organization.id.clone())
        .unwrap();
    assert_eq!(changed.status, Status::TemporarilyClosed);
    assert_eq!(changed.name, base.name);
    assert_eq!(changed.needs, base.needs);
    assert_eq!(changed.phones[0].number, "022-221-6870");
    assert_eq!(changed.phones[1].number, "#7119");
    assert_eq!(changed.schedules[0].byday_text(), "2WE");
    assert!(changed.closed_on_holidays);
    // A monthly schedule must say which days.
    let bad: ServiceInput =
        serde_json::from_value(serde_json::json!({"schedules": [{"freq": "MONTHLY"}]})).unwrap();
    assert!(bad
        .validate(Some(&base), base.id.clone(), base.organization.id.clone())
        .unwrap_err()
        .contains_key("schedules"));
}
