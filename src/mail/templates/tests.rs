use super::*;
use crate::domain::time::jst_instant;
use crate::domain::token::Token;
use chrono::{NaiveDate, NaiveTime};

/// Renders a mail as the dispatcher does: from its payload in the outbox.
fn render(kind: &str, payload: &str, settings: &Settings) -> Result<Rendered, String> {
    serde_json::from_str::<EveningMail>(payload)
        .map_err(|e| e.to_string())?
        .render(kind, settings, None)
}

fn sample(lang: Lang, name: &str) -> EveningMail {
    let settings = Settings::built_in();
    let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
    EveningMail {
        lang,
        name: name.to_string(),
        slots: vec![MailSlot {
            profession: Profession::Psychologist,
            starts_at: jst_instant(date, NaiveTime::from_hms_opt(18, 30, 0).unwrap()),
            ends_at: jst_instant(date, NaiveTime::from_hms_opt(19, 20, 0).unwrap()),
        }],
        venue: settings.evening.venue.clone(),
        token: Some(Token::generate().as_str().to_string()),
        offer_token: Some(Token::generate().as_str().to_string()),
        expires_at: Some(jst_instant(
            date - chrono::Duration::days(3),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        )),
        position: Some(3),
        waiting_for: Some((Profession::Psychologist, None)),
        previous: None,
        calendar: None,
        while_booked: None,
    }
}

#[test]
fn every_notice_renders_in_every_language_without_naming_the_profession_in_the_subject() {
    let settings = Settings::built_in();
    for kind in [
        BOOKING_CANCELLED,
        BOOKING_CHANGED,
        WAITLIST_JOINED,
        OFFER_MADE,
        OFFER_EXPIRED,
    ] {
        for &lang in Lang::ALL {
            let m = sample(lang, "仙台 花子");
            let r = render(
                kind,
                &m.queue(kind, "a@example.jp", &settings).payload,
                &settings,
            )
            .unwrap();
            assert!(!r.subject.is_empty());
            for word in ["心理", "弁護", "psycholog", "lawyer"] {
                assert!(
                    !r.subject.to_lowercase().contains(word),
                    "{kind}: {}",
                    r.subject
                );
            }
            assert!(r.text.contains("仙台 花子"));
            assert!(r.html.contains("仙台 花子"));
        }
    }
    let offer = render(
        OFFER_MADE,
        &sample(Lang::Ja, "A")
            .queue(OFFER_MADE, "a@example.jp", &settings)
            .payload,
        &settings,
    )
    .unwrap();
    assert!(offer.text.contains("/offers/"), "{}", offer.text);
    assert!(
        offer.text.contains("2027年1月10日(日) 12:00"),
        "the deadline: {}",
        offer.text
    );
    let joined = render(
        WAITLIST_JOINED,
        &sample(Lang::Ja, "A")
            .queue(WAITLIST_JOINED, "a@example.jp", &settings)
            .payload,
        &settings,
    )
    .unwrap();
    assert!(joined.text.contains("3番目"));
}

fn mail(lang: Lang, name: &str) -> Rendered {
    let settings = Settings::built_in();
    let queued = sample(lang, name).queue(BOOKING_CONFIRMED, "hanako@example.jp", &settings);
    assert_eq!(queued.kind, BOOKING_CONFIRMED);
    render(queued.kind, &queued.payload, &settings).unwrap()
}

#[test]
fn japanese_confirmation_says_when_where_and_how_to_cancel() {
    let m = mail(Lang::Ja, "仙台 花子");
    assert_eq!(
        m.subject,
        "【仙台市】相談会のご予約を受け付けました（2027年1月13日(水)）"
    );
    assert!(m.text.starts_with("仙台 花子 様"));
    assert!(m.text.contains("日時：2027年1月13日(水) 18:30〜19:20"));
    assert!(m.text.contains("相談員：臨床心理士"));
    assert!(m.text.contains("/manage/"));
    assert!(m.text.contains("022-718-4343"));
    assert!(m.html.contains("<html lang=\"ja\">"));
}

#[test]
fn subjects_reveal_neither_profession_nor_topic() {
    for &lang in Lang::ALL {
        let m = mail(lang, "A");
        for word in ["心理", "弁護", "psycholog", "lawyer", "mental", "こころ"] {
            assert!(
                !m.subject.to_lowercase().contains(word),
                "{word} in {}",
                m.subject
            );
        }
    }
    assert_eq!(
        mail(Lang::En, "A").subject,
        "Your consultation booking: Wed 13 January 2027 (Sendai City)"
    );
}

#[test]
fn unknown_kinds_and_bad_payloads_are_errors_not_panics() {
    let settings = Settings::built_in();
    assert!(render("no_such_kind", "{}", &settings).is_err());
    assert!(
        render(BOOKING_CONFIRMED, "{}", &settings).is_err(),
        "no manage token"
    );
    assert!(render(BOOKING_CONFIRMED, "[1]", &settings).is_err());
}

#[test]
fn html_is_escaped_and_text_is_not() {
    let m = mail(Lang::Ja, "<b>&太郎</b>");
    assert!(m.html.contains("&#60;b&#62;&#38;太郎") || m.html.contains("&lt;b&gt;&amp;太郎"));
    assert!(!m.html.contains("<b>&太郎"));
    assert!(m.text.starts_with("<b>&太郎</b> 様"));
}
