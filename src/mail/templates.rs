//! The evening consultations' mails (夜間相談会): the confirmation
//! (`templates/mail/booking_confirmed/`) and the notices (cancelled,
//! changed, waitlist joined, offer made, offer expired, reminder, evening
//! cancelled), their words in `locales/<lang>/mail.ftl`. The outbox keeps
//! each mail as its kind and a JSON payload ([`EveningMail`]); it is
//! rendered when sent, in the language the person booked in. Subjects never
//! name the profession or the topic: a mailbox may be shared.

use super::calendar::{self, Calendar};
pub use super::message::MailSlot;
use super::message::{crisis_lines, new_message_id, Detail, Guard, Rendered};
use super::notice::NoticeFields;
use crate::config::Settings;
use crate::domain::time::{format_time, to_jst};
use crate::domain::{Lang, Profession};
use crate::i18n::configured;
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{html_tag, profession_label, texts, Texts};
use crate::store::{DirectorySnapshot, OutgoingMail};
use askama::Template;
use chrono::{DateTime, Utc};

pub const BOOKING_CONFIRMED: &str = "booking_confirmed";
pub const BOOKING_CANCELLED: &str = "booking_cancelled";
pub const BOOKING_CHANGED: &str = "booking_changed";
pub const WAITLIST_JOINED: &str = "waitlist_joined";
pub const OFFER_MADE: &str = "offer_made";
pub const OFFER_EXPIRED: &str = "offer_expired";
/// 継続相談: a slot of a later evening held for the person.
pub const FOLLOW_UP_OFFER: &str = "follow_up_offer";
/// 継続相談: the hold ran out unanswered before the evening opened.
pub const FOLLOW_UP_EXPIRED: &str = "follow_up_expired";
pub const REMINDER: &str = "reminder";
pub const SESSION_CANCELLED: &str = "session_cancelled";

/// Every kind of evening mail.
pub const KINDS: &[&str] = &[
    BOOKING_CONFIRMED,
    BOOKING_CANCELLED,
    BOOKING_CHANGED,
    WAITLIST_JOINED,
    OFFER_MADE,
    OFFER_EXPIRED,
    FOLLOW_UP_OFFER,
    FOLLOW_UP_EXPIRED,
    REMINDER,
    SESSION_CANCELLED,
];

/// What an evening mail is written from: kept in the outbox as JSON.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct EveningMail {
    pub lang: Lang,
    pub name: String,
    pub slots: Vec<MailSlot>,
    pub venue: String,
    /// The manage-link token (booking or waitlist entry): in the outbox
    /// only until the mail is sent.
    pub token: Option<String>,
    /// The accept/decline link token of an offer.
    pub offer_token: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Place on the waitlist.
    pub position: Option<usize>,
    /// What a waitlist entry waits for: the profession, and the evening
    /// (`None`: the next evening with a free slot).
    #[serde(default)]
    pub waiting_for: Option<(Profession, Option<DateTime<Utc>>)>,
    /// The slot a booking was moved from.
    pub previous: Option<MailSlot>,
    /// The calendar entry to attach, if any.
    pub calendar: Option<Calendar>,
    /// Send only while this booking is still confirmed at this start time
    /// (a reminder of a booking since cancelled or moved is skipped).
    pub while_booked: Option<(i64, DateTime<Utc>)>,
}

/// What the confirmation templates show, in the mail's language.
struct ConfirmedFields {
    subject: String,
    greeting: String,
    lead: String,
    details: Vec<Detail>,
    manage_url: String,
    questions: String,
    contacts: Vec<String>,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/subject.txt")]
struct ConfirmedSubject<'a> {
    v: &'a ConfirmedFields,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/body.txt")]
struct ConfirmedText<'a> {
    v: &'a ConfirmedFields,
    t: &'static Texts,
}

#[derive(Template)]
#[template(path = "mail/booking_confirmed/body.html")]
struct ConfirmedHtml<'a> {
    v: &'a ConfirmedFields,
    t: &'static Texts,
    html_lang: &'static str,
}

/// The link a person manages their booking (or waitlist place) with.
pub fn manage_url(settings: &Settings, token: &str) -> String {
    format!("{}/manage/{}", settings.public_url(), token)
}

/// The link a person answers an offer with.
pub fn offer_url(settings: &Settings, token: &str) -> String {
    format!("{}/offers/{}", settings.public_url(), token)
}

impl EveningMail {
    /// Queues this mail, of `kind`, to `recipient`.
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        OutgoingMail {
            kind,
            message_id: new_message_id(settings),
            recipient: recipient.to_string(),
            payload: serde_json::to_string(self).expect("an evening mail serialises"),
        }
    }

    /// What this mail depends on, if anything.
    pub fn guard(&self) -> Option<Guard> {
        self.while_booked.map(|(id, at)| Guard::Booking(id, at))
    }

    /// Subject, text and HTML of this mail as a mail of `kind`.
    /// The crisis lines come from `directory` (the one the sending
    /// instance holds), or from the settings without it.
    pub fn render(
        &self,
        kind: &str,
        settings: &Settings,
        directory: Option<&DirectorySnapshot>,
    ) -> Result<Rendered, String> {
        let contacts = self.contacts(settings, directory);
        match kind {
            BOOKING_CONFIRMED => self.render_confirmed(settings, contacts),
            other => self.render_notice(other, settings, contacts),
        }
    }

    fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    /// 「2027年1月13日(水) 18:30〜19:20」.
    fn range(&self, slot: &MailSlot) -> String {
        self.t().mail_time_range(
            format_time(slot.ends_at),
            format_datetime(slot.starts_at, self.lang),
        )
    }

    fn profession(&self, slot: &MailSlot) -> &'static str {
        profession_label(slot.profession, self.lang)
    }

    fn date(&self) -> String {
        self.slots
            .first()
            .map(|s| format_date(to_jst(s.starts_at).date_naive(), self.lang))
            .unwrap_or_default()
    }

    fn contacts(&self, settings: &Settings, directory: Option<&DirectorySnapshot>) -> Vec<String> {
        crisis_lines(directory, settings, self.lang)
            .into_iter()
            .map(|c| self.t().mail_contact(c.hours, c.name, c.phone))
            .collect()
    }

    fn venue(&self, settings: &Settings) -> String {
        configured(self.lang, &self.venue, &settings.evening.venue_en).to_string()
    }

    fn questions(&self, settings: &Settings) -> String {
        super::message::office_questions(self.lang, settings)
    }

    /// Each slot's date, time and consultant, then the venue.
    fn slot_details(&self, settings: &Settings) -> Vec<Detail> {
        let t = self.t();
        let mut details = Vec::new();
        for slot in &self.slots {
            details.push(Detail::new(t, t.mail_date_time, self.range(slot)));
            details.push(Detail::new(t, t.mail_consultant, self.profession(slot)));
        }
        if !self.slots.is_empty() {
            details.push(Detail::new(t, t.mail_venue, self.venue(settings)));
        }
        details
    }

    fn render_confirmed(
        &self,
        settings: &Settings,
        contacts: Vec<String>,
    ) -> Result<Rendered, String> {
        let (t, evening) = (self.t(), &settings.evening);
        let mut details = self.slot_details(settings);
        details.push(Detail::new(
            t,
            t.mail_bring,
            configured(self.lang, &evening.bring, &evening.bring_en),
        ));
        let v = ConfirmedFields {
            subject: t.mail_confirmed_subject(self.date()),
            greeting: t.mail_dear(self.name.as_str()),
            lead: t.mail_confirmed_lead(configured(self.lang, &evening.title, &evening.title_en)),
            details,
            manage_url: manage_url(settings, self.token.as_deref().ok_or("no manage token")?),
            questions: self.questions(settings),
            contacts,
        };
        let err = |e: askama::Error| e.to_string();
        let subject = ConfirmedSubject { v: &v }.render().map_err(err)?;
        let text = ConfirmedText { v: &v, t }.render().map_err(err)?;
        let html = ConfirmedHtml {
            v: &v,
            t,
            html_lang: html_tag(self.lang),
        }
        .render()
        .map_err(err)?;
        let mut rendered = Rendered::with_readings(&subject, &text, &html);
        rendered.ics = self.ics(settings);
        Ok(rendered)
    }

    fn ics(&self, settings: &Settings) -> Option<(String, String)> {
        let cal = self.calendar.as_ref()?;
        let text = calendar::render(
            cal,
            calendar::EVENING_PRODID,
            &self.slots,
            &crate::i18n::ruby::base(self.t().mail_calendar_summary),
            &self.venue(settings),
            &calendar::Organizer {
                name: &settings.mail.from_name,
                address: &settings.mail.from_address,
            },
            Utc::now(),
        );
        Some((calendar::METHOD.to_string(), text))
    }

    /// The notice mails: every kind but the confirmation.
    fn render_notice(
        &self,
        kind: &str,
        settings: &Settings,
        contacts: Vec<String>,
    ) -> Result<Rendered, String> {
        let t = self.t();
        let date = self.date();
        let manage = self
            .token
            .as_deref()
            .map(|token| manage_url(settings, token));
        let mut links = Vec::new();
        let mut details = self.slot_details(settings);
        let lines = |ps: &[&str]| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let (subject, paragraphs) = match kind {
            BOOKING_CANCELLED => (
                t.mail_cancelled_subject(date),
                lines(&[t.mail_cancelled_body, t.mail_cancelled_again]),
            ),
            BOOKING_CHANGED => {
                if let Some(previous) = &self.previous {
                    let before = t
                        .mail_slot_with_consultant(self.profession(previous), self.range(previous));
                    details.insert(0, Detail::new(t, t.mail_changed_before, before));
                }
                if let Some(url) = &manage {
                    links.push((t.mail_manage_link.to_string(), url.clone()));
                }
                (t.mail_changed_subject(date), lines(&[t.mail_changed_body]))
            }
            WAITLIST_JOINED => {
                if let Some((profession, evening)) = self.waiting_for {
                    let evening = match evening {
                        Some(at) => format_date(to_jst(at).date_naive(), self.lang),
                        None => t.mail_waitlist_any_evening.to_string(),
                    };
                    details.push(Detail::new(t, t.mail_waitlist_evening, evening));
                    details.push(Detail::new(
                        t,
                        t.mail_consultant,
                        profession_label(profession, self.lang),
                    ));
                }
                let place = t.mail_waitlist_place_value(self.position.unwrap_or(1));
                details.push(Detail::new(t, t.mail_waitlist_place, place));
                if let Some(url) = &manage {
                    links.push((t.mail_waitlist_link.to_string(), url.clone()));
                }
                (
                    t.mail_waitlist_subject.to_string(),
                    lines(&[t.mail_waitlist_body, t.mail_waitlist_deadline]),
                )
            }
            // A slot held for the person: freed for them from the waitlist,
            // or held for a follow-up (継続相談); the same link answers both.
            OFFER_MADE | FOLLOW_UP_OFFER => {
                let deadline = self
                    .expires_at
                    .map(|at| format_datetime(at, self.lang))
                    .unwrap_or_default();
                details.push(Detail::new(t, t.mail_offer_deadline, deadline.as_str()));
                let token = self.offer_token.as_deref().ok_or("no offer token")?;
                links.push((t.mail_offer_link.to_string(), offer_url(settings, token)));
                if kind == OFFER_MADE {
                    (
                        t.mail_offer_subject(date),
                        vec![
                            t.mail_offer_body.to_string(),
                            t.mail_offer_answer(deadline.as_str()),
                        ],
                    )
                } else {
                    (
                        t.mail_follow_up_subject(date),
                        vec![
                            t.mail_follow_up_body.to_string(),
                            t.mail_follow_up_answer(deadline.as_str()),
                        ],
                    )
                }
            }
            FOLLOW_UP_EXPIRED => (
                t.mail_follow_up_expired_subject(date),
                lines(&[t.mail_follow_up_expired_body]),
            ),
            SESSION_CANCELLED => (
                t.mail_session_cancelled_subject(date),
                lines(&[
                    t.mail_session_cancelled_body,
                    t.mail_session_cancelled_again,
                ]),
            ),
            REMINDER => {
                if let Some(url) = &manage {
                    links.push((t.mail_reminder_link.to_string(), url.clone()));
                }
                (
                    t.mail_reminder_subject(date),
                    lines(&[t.mail_reminder_body, t.mail_reminder_cancel]),
                )
            }
            OFFER_EXPIRED => (
                t.mail_offer_expired_subject.to_string(),
                lines(&[t.mail_offer_expired_body, t.mail_offer_expired_again]),
            ),
            other => return Err(format!("unknown mail kind {other}")),
        };
        self.notice(subject, paragraphs, details, links, settings, contacts)
    }

    fn notice(
        &self,
        subject: String,
        paragraphs: Vec<String>,
        details: Vec<Detail>,
        links: Vec<(String, String)>,
        settings: &Settings,
        contacts: Vec<String>,
    ) -> Result<Rendered, String> {
        let v = NoticeFields {
            lang: self.lang,
            subject,
            greeting: self.t().mail_dear(self.name.as_str()),
            paragraphs,
            details,
            links,
            questions: self.questions(settings),
            contacts,
        };
        let mut rendered = v.render()?;
        rendered.ics = self.ics(settings);
        Ok(rendered)
    }
}

#[cfg(test)]
mod tests;
