//! Mails to staff: the monthly review of the directory (相談先の内容確認),
//! listing the entries not confirmed with their organisation lately, and
//! the weekly list of referrals with no news (連絡のないつなぎ). Kept in the
//! outbox as [`StaffMail`] JSON and rendered with the notice templates when
//! sent, their words in `locales/<lang>/staff-directory.ftl` and
//! `staff-referral.ftl`.

use super::message::{new_message_id, Detail, Rendered};
use super::notice::NoticeFields;
use crate::config::Settings;
use crate::domain::directory::ServiceEntry;
use crate::domain::Lang;
use crate::i18n::dates::{format_date, format_month};
use crate::i18n::{texts, Texts};
use crate::store::OutgoingMail;
use chrono::NaiveDate;

/// The monthly review of the directory.
pub const STAFF_DIRECTORY_REVIEW: &str = "staff_directory_review";

/// The weekly list of overdue referrals.
pub const STAFF_REFERRALS_OVERDUE: &str = "staff_referrals_overdue";

/// Every kind of mail to staff.
pub const KINDS: &[&str] = &[STAFF_DIRECTORY_REVIEW, STAFF_REFERRALS_OVERDUE];

/// One referral with no news (no personal data: its number leads to it).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct OverdueLine {
    pub number: String,
    pub service: String,
    pub status: String,
    pub made_on: NaiveDate,
    pub last_update: NaiveDate,
}

pub fn is_staff(kind: &str) -> bool {
    kind.starts_with("staff_")
}

/// One entry to confirm again.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ReviewLine {
    pub name: String,
    pub organization: String,
    pub confirmed_on: Option<NaiveDate>,
    pub confirmed_by: String,
}

impl ReviewLine {
    pub fn of(entry: &ServiceEntry) -> ReviewLine {
        ReviewLine {
            name: entry.name.clone(),
            organization: entry.organization.name.clone(),
            confirmed_on: entry.confirmed.as_ref().map(|c| c.on),
            confirmed_by: entry
                .confirmed
                .as_ref()
                .map(|c| c.by.clone())
                .unwrap_or_default(),
        }
    }
}

/// What a mail to staff is written from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct StaffMail {
    pub lang: Lang,
    pub year: i32,
    pub month: u32,
    /// Confirmations before this day count as old.
    pub since: Option<NaiveDate>,
    pub entries: Vec<ReviewLine>,
    /// The weekly list: the referrals with no news.
    #[serde(default)]
    pub overdue: Vec<OverdueLine>,
}

impl StaffMail {
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        OutgoingMail {
            kind,
            message_id: new_message_id(settings),
            recipient: recipient.to_string(),
            payload: serde_json::to_string(self).expect("a staff mail serialises"),
        }
    }

    fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    pub fn render(&self, kind: &str, settings: &Settings) -> Result<Rendered, String> {
        match kind {
            STAFF_DIRECTORY_REVIEW => self.render_review(settings),
            STAFF_REFERRALS_OVERDUE => self.render_overdue(settings),
            _ => Err(format!("no staff mail of kind {kind}")),
        }
    }

    fn render_overdue(&self, settings: &Settings) -> Result<Rendered, String> {
        let (t, lang) = (self.t(), self.lang);
        let week = self.since.map(|d| format_date(d, lang)).unwrap_or_default();
        let details = self
            .overdue
            .iter()
            .map(|r| {
                let status = crate::domain::referral::ReferralStatus::parse(&r.status)
                    .map(|s| crate::i18n::referral::status_label(s, lang))
                    .unwrap_or("");
                Detail::new(
                    t,
                    &t.staff_referrals_mail_entry(r.number.as_str(), r.service.as_str()),
                    t.staff_referrals_mail_since(
                        format_date(r.last_update, lang),
                        format_date(r.made_on, lang),
                        status,
                    ),
                )
            })
            .collect();
        NoticeFields {
            lang,
            subject: t.staff_referrals_mail_subject(week),
            greeting: t.staff_review_mail_greeting.to_string(),
            paragraphs: vec![t.staff_referrals_mail_intro(
                self.overdue.len(),
                settings.referral.overdue_after_days,
            )],
            details,
            links: vec![(
                t.staff_referrals_mail_link.to_string(),
                format!("{}/staff/referrals", settings.public_url()),
            )],
            questions: String::new(),
            contacts: Vec::new(),
        }
        .render()
    }

    fn render_review(&self, settings: &Settings) -> Result<Rendered, String> {
        let (t, lang) = (self.t(), self.lang);
        let since = self.since.map(|d| format_date(d, lang)).unwrap_or_default();
        let details = self
            .entries
            .iter()
            .map(|e| {
                let when = match e.confirmed_on {
                    Some(on) => t.staff_review_mail_confirmed(
                        e.confirmed_by.as_str(),
                        format_date(on, lang),
                    ),
                    None => t.staff_directory_never_confirmed.to_string(),
                };
                Detail::new(
                    t,
                    &t.staff_review_mail_entry(e.name.as_str(), e.organization.as_str()),
                    when,
                )
            })
            .collect();
        NoticeFields {
            lang,
            subject: t.staff_review_mail_subject(format_month(self.year, self.month, lang)),
            greeting: t.staff_review_mail_greeting.to_string(),
            paragraphs: vec![t.staff_review_mail_intro(self.entries.len(), since)],
            details,
            links: vec![(
                t.staff_review_mail_link.to_string(),
                format!("{}/staff/directory?stale=1", settings.public_url()),
            )],
            questions: String::new(),
            contacts: Vec::new(),
        }
        .render()
    }
}
