//! 周知 mails: to a subscriber, the confirmation of their subscription
//! (double opt-in) and the notices of free slots, each with its one-click
//! unsubscribe (`List-Unsubscribe`, RFC 8058) and a link in the body; to
//! the coordinators, the alert for an evening still filling, with the
//! services that pass notices on, a text to forward and the poster. Kept in
//! the outbox as [`OutreachMail`] JSON, rendered with the notice templates;
//! the words in `locales/<lang>/outreach.ftl` and `staff-outreach.ftl`.
//! Subjects and the sender say only 「相談会」.

use super::message::{office_questions, outgoing, Detail, Rendered};
use super::notice::NoticeFields;
use crate::config::Settings;
use crate::domain::{Lang, Profession};
use crate::i18n::dates::format_datetime;
use crate::i18n::{configured, profession_label, texts, Texts};
use crate::store::OutgoingMail;
use chrono::{DateTime, Utc};

/// To a subscriber: follow the link to confirm.
pub const SUBSCRIPTION_CONFIRM: &str = "subscription_confirm";
/// To a subscriber: what is free.
pub const SUBSCRIPTION_NOTICE: &str = "subscription_notice";
/// To the coordinators: an evening still has free slots.
pub const OUTREACH_LOW_FILL: &str = "outreach_low_fill";

pub const KINDS: &[&str] = &[SUBSCRIPTION_CONFIRM, SUBSCRIPTION_NOTICE, OUTREACH_LOW_FILL];

pub fn is_outreach(kind: &str) -> bool {
    kind.starts_with("subscription_") || kind.starts_with("outreach_")
}

/// One thing a notice tells of.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct NoticeLine {
    pub session_id: i64,
    pub starts_at: DateTime<Utc>,
    /// `None`: booking opened; else a free slot with this profession.
    pub profession: Option<Profession>,
    pub free: usize,
}

/// A service that passes notices on, as the alert names it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PartnerLine {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// What an outreach mail is written from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct OutreachMail {
    pub lang: Lang,
    /// The confirmation link's token (in the outbox only until sent).
    pub confirm_token: Option<String>,
    /// The subscription's unsubscribe token.
    pub unsubscribe_token: Option<String>,
    #[serde(default)]
    pub lines: Vec<NoticeLine>,
    /// The low-fill alert: the evening, its free slots, the threshold.
    pub session_id: Option<i64>,
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub free_lawyer: usize,
    #[serde(default)]
    pub free_psychologist: usize,
    #[serde(default)]
    pub days: u32,
    #[serde(default)]
    pub partners: Vec<PartnerLine>,
}

impl OutreachMail {
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        outgoing(kind, recipient, self, settings)
    }

    fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    fn questions(&self, settings: &Settings) -> String {
        office_questions(self.lang, settings)
    }

    /// The one-click address (POST) and the page of the body's link (GET).
    fn unsubscribe(&self, settings: &Settings) -> Option<(String, String)> {
        let token = self.unsubscribe_token.as_deref()?;
        let site = settings.public_url();
        Some((
            format!("{site}/api/v1/subscriptions/unsubscribe/{token}"),
            format!(
                "{site}/subscriptions/unsubscribe/{token}?lang={}",
                self.lang.code()
            ),
        ))
    }

    pub fn render(&self, kind: &str, settings: &Settings) -> Result<Rendered, String> {
        let (t, lang) = (self.t(), self.lang);
        let site = settings.public_url();
        let unsubscribe = self.unsubscribe(settings);
        let fields = match kind {
            SUBSCRIPTION_CONFIRM => {
                let token = self
                    .confirm_token
                    .as_deref()
                    .ok_or("no confirmation token")?;
                NoticeFields {
                    lang,
                    subject: t.subscription_confirm_subject.to_string(),
                    greeting: String::new(),
                    paragraphs: vec![
                        t.subscription_confirm_body.to_string(),
                        t.subscription_confirm_ignore.to_string(),
                    ],
                    details: Vec::new(),
                    links: vec![(
                        t.subscription_confirm_link.to_string(),
                        format!("{site}/subscriptions/confirm/{token}?lang={}", lang.code()),
                    )],
                    questions: self.questions(settings),
                    contacts: Vec::new(),
                }
            }
            SUBSCRIPTION_NOTICE => {
                let mut paragraphs = vec![t.subscription_notice_body.to_string()];
                paragraphs.extend(self.lines.iter().map(|l| {
                    let date = format_datetime(l.starts_at, lang);
                    match l.profession {
                        None => t.subscription_notice_opened(date, l.free),
                        Some(p) => {
                            t.subscription_notice_free(date, l.free, profession_label(p, lang))
                        }
                    }
                }));
                paragraphs.push(t.subscription_notice_pace.to_string());
                let mut links = vec![(
                    t.subscription_notice_book.to_string(),
                    format!("{site}/?lang={}", lang.code()),
                )];
                if let Some((_, page)) = &unsubscribe {
                    links.push((t.subscription_unsubscribe.to_string(), page.clone()));
                }
                NoticeFields {
                    lang,
                    subject: t.subscription_notice_subject.to_string(),
                    greeting: String::new(),
                    paragraphs,
                    details: Vec::new(),
                    links,
                    questions: self.questions(settings),
                    contacts: Vec::new(),
                }
            }
            OUTREACH_LOW_FILL => return self.render_low_fill(settings),
            other => return Err(format!("no outreach mail of kind {other}")),
        };
        let mut rendered = fields.render()?;
        rendered.unsubscribe = unsubscribe.map(|(one_click, _)| one_click);
        Ok(rendered)
    }

    fn render_low_fill(&self, settings: &Settings) -> Result<Rendered, String> {
        let (t, lang) = (self.t(), self.lang);
        let site = settings.public_url();
        let starts_at = self.starts_at.ok_or("no evening")?;
        let session = self.session_id.ok_or("no evening")?;
        let date = format_datetime(starts_at, lang);
        let evening = &settings.evening;
        let mut details = Vec::new();
        let mut paragraphs = vec![
            t.staff_low_fill_body(date.as_str(), self.days),
            t.staff_low_fill_free(self.free_lawyer, self.free_psychologist),
        ];
        if self.partners.is_empty() {
            paragraphs.push(t.staff_low_fill_no_partners.to_string());
        } else {
            paragraphs.push(t.staff_low_fill_partners.to_string());
            for p in &self.partners {
                let contact = [p.phone.as_str(), p.email.as_str()]
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" / ");
                details.push(Detail::new(t, p.name.as_str(), contact));
            }
        }
        let forward = t.staff_low_fill_forward_text(
            self.free_lawyer + self.free_psychologist,
            configured(lang, &evening.title, &evening.title_en),
            format!("{site}/"),
            configured(lang, &evening.venue, &evening.venue_en),
            date.as_str(),
        );
        NoticeFields {
            lang,
            subject: t.staff_low_fill_subject(date.as_str()),
            greeting: t.staff_review_mail_greeting.to_string(),
            paragraphs,
            details,
            links: vec![(
                t.staff_low_fill_poster.to_string(),
                format!("{site}/poster/{session}"),
            )],
            questions: format!("{}\n{forward}", t.staff_low_fill_forward),
            contacts: Vec::new(),
        }
        .render()
    }
}
