//! つなぐ mails: to the receiving service, the referral notice (only what
//! the person consented to pass on, and the link where the service records
//! what happened) and the notice that consent was withdrawn; to the
//! person, where they were referred and what was passed on. Kept in the
//! outbox as [`ReferralMail`] JSON and rendered with the notice templates;
//! the person's words in `locales/<lang>/referral.ftl`, the service's in
//! `staff-referral.ftl` (Japanese and English).

use super::message::{crisis_lines, office_questions, outgoing, Detail, Rendered};
use super::notice::NoticeFields;
use crate::config::Settings;
use crate::domain::referral::{ContactBy, Shared};
use crate::domain::Lang;
use crate::i18n::dates::format_date;
use crate::i18n::referral::shared_lines;
use crate::i18n::{texts, Texts};
use crate::store::{DirectorySnapshot, OutgoingMail};
use chrono::NaiveDate;

/// To the receiving service: a person referred to it.
pub const REFERRAL_NOTICE: &str = "referral_notice";
/// To the receiving service: the person withdrew their consent.
pub const REFERRAL_WITHDRAWN: &str = "referral_withdrawn";
/// To the person: where they were referred, and what was passed on.
pub const REFERRAL_MADE: &str = "referral_made";

pub const KINDS: &[&str] = &[REFERRAL_NOTICE, REFERRAL_WITHDRAWN, REFERRAL_MADE];

pub fn is_referral(kind: &str) -> bool {
    kind.starts_with("referral_")
}

/// Mails to a receiving service (in Japanese or English, as staff's words).
pub fn to_service(kind: &str) -> bool {
    kind == REFERRAL_NOTICE || kind == REFERRAL_WITHDRAWN
}

/// What a referral mail is written from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ReferralMail {
    pub lang: Lang,
    /// The referral's number as the office quotes it (`R-12`).
    pub number: String,
    /// The person's name, for the greeting of their own mail only.
    pub person: String,
    pub service_name: String,
    pub service_phones: Vec<String>,
    pub service_hours: String,
    /// What the receiving service may see: only what was consented to.
    pub shared: Shared,
    /// The receiving service's link: in the outbox only until sent.
    pub token: Option<String>,
    pub expires_on: Option<NaiveDate>,
}

impl ReferralMail {
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        outgoing(kind, recipient, self, settings)
    }

    fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    fn questions(&self, settings: &Settings) -> String {
        office_questions(self.lang, settings)
    }

    /// Each part passed on, a line each.
    fn shared_details(&self) -> Vec<Detail> {
        let t = self.t();
        shared_lines(&self.shared, self.lang)
            .into_iter()
            .map(|(label, value)| Detail::new(t, label, value))
            .collect()
    }

    pub fn render(
        &self,
        kind: &str,
        settings: &Settings,
        directory: Option<&DirectorySnapshot>,
    ) -> Result<Rendered, String> {
        let t = self.t();
        let number = Detail::new(t, t.referral_mail_number, self.number.as_str());
        let fields = match kind {
            REFERRAL_NOTICE => {
                let token = self.token.as_deref().ok_or("no link token")?;
                let until = self
                    .expires_on
                    .map(|d| format_date(d, self.lang))
                    .unwrap_or_default();
                NoticeFields {
                    lang: self.lang,
                    subject: t.referral_notice_subject(self.number.as_str()),
                    greeting: t.referral_notice_greeting(self.service_name.as_str()),
                    paragraphs: vec![
                        t.referral_notice_intro.to_string(),
                        t.referral_notice_only_consented.to_string(),
                    ],
                    details: std::iter::once(number)
                        .chain(self.shared_details())
                        .collect(),
                    links: vec![(
                        t.referral_notice_link(until),
                        format!("{}/referrals/{token}", settings.public_url()),
                    )],
                    questions: self.questions(settings),
                    contacts: Vec::new(),
                }
            }
            REFERRAL_WITHDRAWN => NoticeFields {
                lang: self.lang,
                subject: t.referral_withdrawn_subject(self.number.as_str()),
                greeting: t.referral_notice_greeting(self.service_name.as_str()),
                paragraphs: vec![t.referral_withdrawn_body.to_string()],
                details: vec![number],
                links: Vec::new(),
                questions: self.questions(settings),
                contacts: Vec::new(),
            },
            REFERRAL_MADE => {
                let mut details = vec![Detail::new(
                    t,
                    t.referral_made_service,
                    self.service_name.as_str(),
                )];
                for phone in &self.service_phones {
                    details.push(Detail::new(t, t.referral_made_phone, phone.as_str()));
                }
                if !self.service_hours.is_empty() {
                    details.push(Detail::new(
                        t,
                        t.referral_made_hours,
                        self.service_hours.as_str(),
                    ));
                }
                let passed_on = self.shared_details();
                let told = if passed_on.is_empty() {
                    t.referral_made_nothing_passed.to_string()
                } else {
                    t.referral_made_passed.to_string()
                };
                details.extend(passed_on);
                let next = if self.shared.contact_by == Some(ContactBy::None) {
                    t.referral_made_you_call
                } else {
                    t.referral_made_they_call
                };
                NoticeFields {
                    lang: self.lang,
                    subject: t.referral_made_subject.to_string(),
                    greeting: t.mail_dear(self.person.as_str()),
                    paragraphs: vec![
                        t.referral_made_body.to_string(),
                        next.to_string(),
                        told,
                        t.referral_made_withdraw.to_string(),
                    ],
                    details,
                    links: Vec::new(),
                    questions: self.questions(settings),
                    contacts: crisis_lines(directory, settings, self.lang)
                        .into_iter()
                        .map(|c| t.mail_contact(c.hours, c.name, c.phone))
                        .collect(),
                }
            }
            other => return Err(format!("no referral mail of kind {other}")),
        };
        fields.render()
    }
}
