//! Every kind of mail, in every language: the words come from the message
//! files, English has no Japanese but the data, やさしい日本語 carries its
//! readings as each part takes them, and no subject or body shows a
//! message id.

use super::*;
use crate::domain::time::jst_instant;
use crate::domain::{Lang, Profession};
use crate::mail::calendar::Calendar;
use crate::mail::health::MailInterview;
use crate::mail::message::MailSlot;
use chrono::{Duration, NaiveDate, NaiveTime};

/// What the test itself puts into the mails (names of people and
/// businesses, a reason typed by the staff): Japanese in every language.
const DATA: &[&str] = &[
    "仙台 花子",
    "株式会社 青葉製作所",
    "青葉 太郎",
    "仙台 一郎",
    "事業場のご都合",
];

fn evening(lang: Lang) -> EveningMail {
    let settings = Settings::built_in();
    let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
    let at = |h, m| jst_instant(date, NaiveTime::from_hms_opt(h, m, 0).unwrap());
    EveningMail {
        lang,
        name: DATA[0].into(),
        slots: vec![MailSlot {
            profession: Profession::Psychologist,
            starts_at: at(18, 30),
            ends_at: at(19, 20),
        }],
        venue: settings.evening.venue.clone(),
        token: Some("a".repeat(48)),
        offer_token: Some("b".repeat(48)),
        expires_at: Some(at(12, 0) - Duration::days(3)),
        position: Some(2),
        waiting_for: Some((Profession::Lawyer, None)),
        previous: Some(MailSlot {
            profession: Profession::Lawyer,
            starts_at: at(17, 30),
            ends_at: at(18, 20),
        }),
        calendar: Some(Calendar::request(vec!["u-0@x.jp".into()], at(9, 0))),
        while_booked: None,
    }
}

fn health(lang: Lang) -> HealthMail {
    let date = NaiveDate::from_ymd_opt(2027, 2, 3).unwrap();
    let at = |h, m| jst_instant(date, NaiveTime::from_hms_opt(h, m, 0).unwrap());
    HealthMail {
        lang,
        business_name: DATA[1].into(),
        contact_name: DATA[2].into(),
        number: "H2026-00012".into(),
        token: Some("c".repeat(48)),
        position: Some(4),
        estimated_month: Some("2027-02".into()),
        due_on: NaiveDate::from_ymd_opt(2027, 1, 20),
        estimate_late: true,
        interview: Some(MailInterview {
            id: 1,
            starts_at: at(14, 0),
            ends_at: at(14, 30),
            visit: false,
            doctor: DATA[3].into(),
            proposed: true,
        }),
        while_interview: None,
        missed: Some(at(10, 0) - Duration::days(7)),
        closed_reason: Some(DATA[4].into()),
        calendar: Some(Calendar::request(vec!["u-1@x.jp".into()], at(9, 0))),
    }
}

/// The monthly review of the directory, to staff.
fn staff_review(lang: Lang) -> StaffMail {
    StaffMail {
        lang,
        year: 2027,
        month: 1,
        since: NaiveDate::from_ymd_opt(2026, 7, 5),
        entries: vec![
            crate::mail::staff::ReviewLine {
                name: DATA[4].into(),
                organization: DATA[1].into(),
                confirmed_on: NaiveDate::from_ymd_opt(2026, 2, 1),
                confirmed_by: DATA[3].into(),
            },
            crate::mail::staff::ReviewLine {
                name: DATA[4].into(),
                organization: DATA[1].into(),
                confirmed_on: None,
                confirmed_by: String::new(),
            },
        ],
        overdue: vec![crate::mail::staff::OverdueLine {
            number: "R-7".into(),
            service: DATA[1].into(),
            status: "unreachable".into(),
            made_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            last_update: NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(),
        }],
    }
}

/// A referral, with every part passed on.
fn referral(lang: Lang) -> crate::mail::referral::ReferralMail {
    use crate::domain::referral::{ContactBy, Shared};
    crate::mail::referral::ReferralMail {
        lang,
        number: "R-12".into(),
        person: DATA[0].into(),
        service_name: DATA[1].into(),
        service_phones: vec!["022-263-6755".into()],
        service_hours: DATA[2].into(),
        shared: Shared {
            name: Some(DATA[0].into()),
            phone: Some("090-1234-5678".into()),
            email: None,
            topic: Some(crate::domain::Topic::Money),
            note: Some(DATA[3].into()),
            contact_by: Some(ContactBy::Phone),
        },
        token: Some("d".repeat(48)),
        expires_on: NaiveDate::from_ymd_opt(2027, 2, 1),
    }
}

/// A notice, a confirmation and a low-fill alert, with a partner.
fn outreach(lang: Lang) -> crate::mail::outreach::OutreachMail {
    use crate::mail::outreach::{NoticeLine, OutreachMail, PartnerLine};
    let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
    let at = jst_instant(date, NaiveTime::from_hms_opt(18, 30, 0).unwrap());
    OutreachMail {
        lang,
        confirm_token: Some("e".repeat(48)),
        unsubscribe_token: Some("f".repeat(48)),
        lines: vec![
            NoticeLine {
                session_id: 3,
                starts_at: at,
                profession: None,
                free: 4,
            },
            NoticeLine {
                session_id: 3,
                starts_at: at,
                profession: Some(Profession::Lawyer),
                free: 2,
            },
        ],
        session_id: Some(3),
        starts_at: Some(at),
        free_lawyer: 2,
        free_psychologist: 1,
        days: 10,
        partners: vec![PartnerLine {
            name: DATA[1].into(),
            phone: "022-263-6755".into(),
            email: "info@example.jp".into(),
        }],
    }
}

/// Each kind in `lang`, rendered from its payload as the dispatcher does
/// (staff's mails and those to a receiving service have no やさしい日本語,
/// as staff screens have none).
fn every_mail(lang: Lang) -> Vec<(&'static str, Rendered)> {
    let settings = Settings::built_in();
    kinds()
        .filter(|kind| {
            lang != Lang::Easy
                || !(staff::is_staff(kind)
                    || referral::to_service(kind)
                    || *kind == crate::mail::outreach::OUTREACH_LOW_FILL)
        })
        .map(|kind| {
            let payload = if crate::mail::outreach::is_outreach(kind) {
                outreach(lang).queue(kind, "a@x.jp", &settings).payload
            } else if referral::is_referral(kind) {
                referral(lang).queue(kind, "a@x.jp", &settings).payload
            } else if staff::is_staff(kind) {
                staff_review(lang).queue(kind, "a@x.jp", &settings).payload
            } else if health::is_health(kind) {
                health(lang).queue(kind, "a@x.jp", &settings).payload
            } else {
                evening(lang).queue(kind, "a@x.jp", &settings).payload
            };
            let rendered = render(kind, &payload, &settings, None)
                .unwrap_or_else(|e| panic!("{kind} in {}: {e}", lang.code()));
            (kind, rendered)
        })
        .collect()
}

fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // 、。「」〜 and the ideographic space
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' // kanji
        | '\u{FF00}'..='\u{FFEF}') // full-width forms: （）：
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '々')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// 「漢字（かんじ）」 somewhere in `s`: a kanji, then a reading in hiragana.
fn has_reading(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        is_kanji(w[0])
            && w[1] == '（'
            && is_hiragana(w[2])
            && chars[i + 2..]
                .iter()
                .take_while(|c| **c != '）')
                .all(|c| is_hiragana(*c) || *c == 'ー')
    })
}

fn parts(r: &Rendered) -> [(&'static str, &str); 3] {
    [
        ("subject", r.subject.as_str()),
        ("text", r.text.as_str()),
        ("html", r.html.as_str()),
    ]
}

#[test]
fn every_mail_renders_in_every_language_with_no_message_id_showing() {
    let ids: Vec<&str> = crate::i18n::MESSAGE_IDS
        .iter()
        .copied()
        .filter(|id| id.contains('-'))
        .collect();
    for &lang in Lang::ALL {
        let mails = every_mail(lang);
        // Staff's three mails and the two to a receiving service have no
        // やさしい日本語; the person's referral mail and a subscriber's have.
        let staff_mails = if lang == Lang::Easy { 0 } else { 5 };
        assert_eq!(mails.len(), 21 + staff_mails);
        for (kind, r) in &mails {
            assert!(!r.subject.trim().is_empty(), "{kind}");
            for (part, s) in parts(r) {
                for id in &ids {
                    assert!(
                        !s.contains(id),
                        "{kind} {}: {id} in the {part}: {s}",
                        lang.code()
                    );
                }
            }
            let tag = format!("<html lang=\"{}\">", crate::i18n::html_tag(lang));
            assert!(r.html.contains(&tag), "{kind}: {tag}");
        }
    }
}

#[test]
fn english_mails_have_no_japanese_but_the_data() {
    for (kind, r) in every_mail(Lang::En) {
        assert!(r.html.contains("<html lang=\"en\">"), "{kind}");
        for (part, s) in parts(&r) {
            let mut rest = s.to_string();
            for data in DATA {
                rest = rest.replace(data, "");
            }
            let japanese: String = rest.chars().filter(|c| is_japanese(*c)).collect();
            assert!(japanese.is_empty(), "{kind} {part}: {japanese:?} in {s}");
        }
        if let Some((_, ics)) = &r.ics {
            let summary = ics.lines().find(|l| l.starts_with("SUMMARY:")).unwrap();
            assert!(!summary.chars().any(is_japanese), "{kind}: {summary}");
        }
    }
}

#[test]
fn easy_japanese_carries_readings_in_the_body_and_none_in_the_subject() {
    for (kind, r) in every_mail(Lang::Easy) {
        assert!(
            has_reading(&r.text),
            "{kind}: no 漢字（かんじ） in {}",
            r.text
        );
        assert!(r.html.contains("<ruby>"), "{kind}: {}", r.html);
        assert!(r.html.contains("<rt>"), "{kind}");
        for (part, s) in parts(&r) {
            for mark in ['《', '》', '｜'] {
                assert!(!s.contains(mark), "{kind} {part}: {mark} in {s}");
            }
        }
        assert!(!has_reading(&r.subject), "{kind}: {}", r.subject);
        assert!(!r.subject.contains("<ruby>"), "{kind}");
        let title = r.html.split("<title>").nth(1).unwrap();
        let title = &title[..title.find("</title>").unwrap()];
        assert_eq!(title, r.subject, "{kind}: the HTML title is the subject");
        if let Some((_, ics)) = &r.ics {
            assert!(!ics.contains('《') && !ics.contains('｜'), "{kind}: {ics}");
        }
    }
}

#[test]
fn japanese_mails_are_as_before() {
    let mails = every_mail(Lang::Ja);
    let text = |kind: &str| {
        mails
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, r)| r.text.clone())
            .unwrap()
    };
    let changed = text(crate::mail::templates::BOOKING_CHANGED);
    assert!(
        changed.contains("  変更前：2027年1月13日(水) 17:30〜18:20 弁護士\n"),
        "{changed}"
    );
    assert!(changed.starts_with("仙台 花子 様\n\nご予約を次のとおり変更しました。\n\n"));
    assert!(changed.contains("お問い合わせ：仙台市 健康福祉局 障害者支援課　電話 "));
    assert!(changed.contains("今すぐ誰かに話を聞いてほしいときは"));
    let received = text(health::HEALTH_RECEIVED);
    assert!(
        received.starts_with("株式会社 青葉製作所\n青葉 太郎 様\n\n"),
        "{received}"
    );
    assert!(
        received.contains("  実施の見込み：2027年2月ごろ\n"),
        "{received}"
    );
    assert!(received.contains("  現在の順番：4番目\n"), "{received}");
    assert!(!received.contains("今すぐ誰かに"));
    let review = text(crate::mail::staff::STAFF_DIRECTORY_REVIEW);
    assert!(
        review.contains(
            "  事業場のご都合（株式会社 青葉製作所）：最終確認 2026年2月1日(日)（仙台 一郎）\n"
        ),
        "{review}"
    );
    assert!(review.contains("：未確認\n"), "{review}");
    assert!(review.contains("/staff/directory?stale=1"), "{review}");
}
