//! What every mail shares, evening or health centre: a slot as a mail shows
//! it, the rendered mail, what a queued mail depends on, its Message-ID, and
//! the readings of kanji (ふりがな) put as each part of a mail takes them.

use crate::config::Settings;
use crate::domain::token::Token;
use crate::domain::{Lang, Profession};
use crate::i18n::configured;
use crate::i18n::{ruby, Texts};
use crate::store::DirectorySnapshot;
use chrono::{DateTime, Utc};

/// A place to turn to, in the mail's (or page's) language.
pub struct ContactLine {
    pub name: String,
    pub phone: String,
    pub hours: String,
}

/// One slot as a mail shows it (a consultation slot, or an interview).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MailSlot {
    pub profession: Profession,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[allow(clippy::derivable_impls)]
impl Default for Lang {
    fn default() -> Lang {
        Lang::Ja
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Profession {
    fn default() -> Profession {
        Profession::Lawyer
    }
}

/// A mail ready for the transport.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// A calendar entry: (method, .ics text).
    pub ics: Option<(String, String)>,
    /// The sender's name, when not the configured one.
    pub from_name: Option<String>,
    /// The one-click unsubscribe address (`List-Unsubscribe`, RFC 8058),
    /// for a mail someone subscribed to.
    pub unsubscribe: Option<String>,
}

impl Rendered {
    /// A mail from what its templates wrote, with each reading of kanji
    /// (`｜漢字《かんじ》`, やさしい日本語) put as the part takes it: the plain
    /// word in the subject, 「漢字（かんじ）」 in the text, `<ruby>` in the HTML.
    pub fn with_readings(subject: &str, text: &str, html: &str) -> Rendered {
        Rendered {
            subject: ruby::base(subject.trim()).into_owned(),
            text: ruby::plain(text).into_owned(),
            html: ruby::html(html).into_owned(),
            ics: None,
            from_name: None,
            unsubscribe: None,
        }
    }
}

/// Where to turn when one cannot wait, in `lang`: the directory's crisis
/// lines in staff's order, or the configured ones (`crisis_contacts`)
/// before the directory was first read. Hours given only in Japanese are
/// left out of the English words rather than shown in Japanese.
pub fn crisis_lines(
    directory: Option<&DirectorySnapshot>,
    settings: &Settings,
    lang: Lang,
) -> Vec<ContactLine> {
    let hours = |ja: &str, en: &str| {
        if lang == Lang::En && en.is_empty() {
            String::new()
        } else {
            configured(lang, ja, en).to_string()
        }
    };
    let from_directory: Vec<ContactLine> = directory
        .into_iter()
        .flat_map(|d| d.crisis_lines())
        .filter_map(|e| {
            let phone = e.phones.first()?;
            Some(ContactLine {
                name: configured(lang, &e.name, &e.name_en).to_string(),
                phone: phone.number.clone(),
                hours: hours(&e.hours_note, &e.hours_note_en),
            })
        })
        .collect();
    if !from_directory.is_empty() {
        return from_directory;
    }
    settings
        .crisis_contacts
        .iter()
        .map(|c| ContactLine {
            name: configured(lang, &c.name, &c.name_en).to_string(),
            phone: c.phone.clone(),
            hours: hours(&c.hours, &c.hours_en),
        })
        .collect()
}

/// One line of a mail's details: 「日時：2027年1月13日(水) 18:30〜19:20」.
pub struct Detail {
    pub label: String,
    pub value: String,
    /// The label and the value on one line, for the text part.
    pub line: String,
}

impl Detail {
    pub fn new(t: &Texts, label: &str, value: impl Into<String>) -> Detail {
        let value = value.into();
        Detail {
            line: t.mail_detail(label, value.as_str()),
            label: label.to_string(),
            value,
        }
    }
}

/// What a queued mail depends on: sent only while it still holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// The booking is confirmed at this start.
    Booking(i64, DateTime<Utc>),
    /// The health interview is live at this start.
    Interview(i64, DateTime<Utc>),
}

/// 「お問い合わせ：…　電話 …（…）」: the office, in the mail's language.
pub fn office_questions(lang: Lang, settings: &Settings) -> String {
    let office = &settings.office;
    crate::i18n::texts(lang).mail_questions(
        configured(lang, &office.hours, &office.hours_en),
        configured(lang, &office.name, &office.name_en),
        office.phone.as_str(),
    )
}

/// A mail to queue, its payload the JSON of `what` (rendered when sent).
pub fn outgoing(
    kind: &'static str,
    recipient: &str,
    what: &impl serde::Serialize,
    settings: &Settings,
) -> crate::store::OutgoingMail {
    crate::store::OutgoingMail {
        kind,
        message_id: new_message_id(settings),
        recipient: recipient.to_string(),
        payload: serde_json::to_string(what).expect("a mail's payload serialises"),
    }
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
