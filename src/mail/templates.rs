//! Mail templates (`templates/mail/<kind>/`): subject, plain text and HTML.
//! Subjects never name the profession or the topic: a mailbox may be shared.

use crate::config::Settings;
use crate::domain::time::{format_date, format_datetime, format_time, to_jst};
use crate::domain::token::Token;
use crate::domain::{Lang, Profession};
use crate::store::OutgoingMail;
use crate::web::i18n::profession_label;
use askama::Template;
use chrono::{DateTime, Utc};

/// A place to turn to, in the mail's language.
pub struct ContactLine {
    pub name: String,
    pub phone: String,
    pub hours: String,
}

/// What every evening-booking mail says, in the reader's language.
pub struct BookingMailFields {
    pub en: bool,
    pub subject: String,
    pub date: String,
    pub name: String,
    pub title: String,
    pub when: String,
    pub until: String,
    pub profession: String,
    pub venue: String,
    pub bring: String,
    pub manage_url: String,
    pub office_name: String,
    pub office_phone: String,
    pub office_hours: String,
    pub contacts: Vec<ContactLine>,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/subject.txt")]
struct ConfirmedSubject<'a> {
    v: &'a BookingMailFields,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/body.txt")]
struct ConfirmedText<'a> {
    v: &'a BookingMailFields,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/body.html")]
struct ConfirmedHtml<'a> {
    v: &'a BookingMailFields,
}

/// The facts a booking mail is written from, kept in the outbox as JSON
/// and rendered when the mail is sent.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct BookingMail {
    pub lang: Lang,
    pub name: String,
    pub profession: Profession,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    /// The manage-link token: in the outbox only until the mail is sent.
    pub token: String,
}

/// A mail ready for the transport.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A Message-ID unique to one mail, so that receivers can tell a resend.
pub fn new_message_id(settings: &Settings) -> String {
    let domain = settings
        .mail
        .from_address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("tsunagu.invalid");
    format!("<{}@{}>", Token::generate().as_str(), domain)
}

/// The link a person manages their booking with.
pub fn manage_url(settings: &Settings, token: &str) -> String {
    format!("{}/manage/{}", settings.public_url(), token)
}

impl BookingMail {
    fn fields(&self, settings: &Settings) -> BookingMailFields {
        let en = self.lang == Lang::En;
        let pick = |ja: &str, english: &str| {
            if en {
                english.to_string()
            } else {
                ja.to_string()
            }
        };
        let (office, evening) = (&settings.office, &settings.evening);
        BookingMailFields {
            en,
            subject: String::new(),
            date: format_date(to_jst(self.starts_at).date_naive(), self.lang),
            name: self.name.clone(),
            title: pick(&evening.title, &evening.title_en),
            when: format_datetime(self.starts_at, self.lang),
            until: format_time(self.ends_at),
            profession: profession_label(self.profession, self.lang).to_string(),
            venue: if en {
                evening.venue_en.clone()
            } else {
                self.venue.clone()
            },
            bring: pick(&evening.bring, &evening.bring_en),
            manage_url: manage_url(settings, &self.token),
            office_name: pick(&office.name, &office.name_en),
            office_phone: office.phone.clone(),
            office_hours: pick(&office.hours, &office.hours_en),
            contacts: settings
                .crisis_contacts
                .iter()
                .map(|c| ContactLine {
                    name: pick(&c.name, &c.name_en),
                    phone: c.phone.clone(),
                    hours: pick(&c.hours, &c.hours_en),
                })
                .collect(),
        }
    }

    /// Queues this as a confirmation mail (予約受付のお知らせ) to `recipient`.
    pub fn confirmed(&self, recipient: &str, settings: &Settings) -> OutgoingMail {
        OutgoingMail {
            kind: BOOKING_CONFIRMED,
            message_id: new_message_id(settings),
            recipient: recipient.to_string(),
            payload: serde_json::to_string(self).expect("a booking mail serialises"),
        }
    }

    fn render_confirmed(&self, settings: &Settings) -> Result<Rendered, askama::Error> {
        let mut v = self.fields(settings);
        v.subject = ConfirmedSubject { v: &v }.render()?.trim().to_string();
        Ok(Rendered {
            text: ConfirmedText { v: &v }.render()?,
            html: ConfirmedHtml { v: &v }.render()?,
            subject: v.subject,
        })
    }
}

pub const BOOKING_CONFIRMED: &str = "booking_confirmed";

/// Renders a queued mail from its kind and payload.
pub fn render(kind: &str, payload: &str, settings: &Settings) -> Result<Rendered, String> {
    let booking = |p: &str| {
        serde_json::from_str::<BookingMail>(p).map_err(|e| format!("payload of {kind}: {e}"))
    };
    match kind {
        BOOKING_CONFIRMED => booking(payload)?
            .render_confirmed(settings)
            .map_err(|e| e.to_string()),
        other => Err(format!("unknown mail kind {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::jst_instant;
    use chrono::{NaiveDate, NaiveTime};

    fn mail(lang: Lang, name: &str) -> Rendered {
        let settings = Settings::built_in();
        let date = NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
        let queued = BookingMail {
            lang,
            name: name.to_string(),
            profession: Profession::Psychologist,
            starts_at: jst_instant(date, NaiveTime::from_hms_opt(18, 30, 0).unwrap()),
            ends_at: jst_instant(date, NaiveTime::from_hms_opt(19, 20, 0).unwrap()),
            venue: settings.evening.venue.clone(),
            token: Token::generate().as_str().to_string(),
        }
        .confirmed("hanako@example.jp", &settings);
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
        for lang in [Lang::Ja, Lang::En] {
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
        assert!(render(BOOKING_CONFIRMED, "{}", &settings).is_err());
    }

    #[test]
    fn html_is_escaped_and_text_is_not() {
        let m = mail(Lang::Ja, "<b>&太郎</b>");
        assert!(m.html.contains("&#60;b&#62;&#38;太郎") || m.html.contains("&lt;b&gt;&amp;太郎"));
        assert!(!m.html.contains("<b>&太郎"));
        assert!(m.text.starts_with("<b>&太郎</b> 様"));
    }
}
