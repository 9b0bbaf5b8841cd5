//! The health centre's mails to a business: request received, interview
//! proposed, accepted, another date asked for, withdrawn, reminder, and
//! after a no-show: back in the queue, or closed. Kept in
//! the outbox as [`HealthMail`] JSON and rendered with the notice templates
//! when sent, their words in `locales/<lang>/mail-health.ftl`. Subjects name
//! the centre and the request number, never the kinds of interview (a
//! mailbox may be shared).

use super::calendar::{self, Calendar};
use super::message::{new_message_id, Detail, Guard, MailSlot, Rendered};
use super::notice::NoticeFields;
use crate::config::Settings;
use crate::domain::time::format_time;
use crate::domain::Lang;
use crate::i18n::configured;
use crate::i18n::dates::{format_date, format_datetime, format_month};
use crate::i18n::{ruby, texts, Texts};
use crate::store::OutgoingMail;
use chrono::{DateTime, NaiveDate, Utc};

pub const HEALTH_RECEIVED: &str = "health_received";
pub const HEALTH_PROPOSED: &str = "health_proposed";
pub const HEALTH_ACCEPTED: &str = "health_accepted";
pub const HEALTH_DECLINED: &str = "health_declined";
pub const HEALTH_WITHDRAWN: &str = "health_withdrawn";
pub const HEALTH_REMINDER: &str = "health_reminder";
/// After a no-show: back in the queue at its place.
pub const HEALTH_REQUEUED: &str = "health_requeued";
/// After a no-show: closed by the centre, with the reason.
pub const HEALTH_CLOSED: &str = "health_closed";

/// Every kind of health centre mail.
pub const KINDS: &[&str] = &[
    HEALTH_RECEIVED,
    HEALTH_PROPOSED,
    HEALTH_ACCEPTED,
    HEALTH_DECLINED,
    HEALTH_WITHDRAWN,
    HEALTH_REMINDER,
    HEALTH_REQUEUED,
    HEALTH_CLOSED,
];

pub fn is_health(kind: &str) -> bool {
    kind.starts_with("health_")
}

/// An interview as a mail shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MailInterview {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub visit: bool,
    pub doctor: String,
    /// Still to be answered by the business.
    pub proposed: bool,
}

/// What a health-centre mail is written from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct HealthMail {
    pub lang: Lang,
    pub business_name: String,
    pub contact_name: String,
    pub number: String,
    /// The status-page token: in the outbox only until the mail is sent.
    pub token: Option<String>,
    pub position: Option<usize>,
    /// `YYYY-MM`.
    pub estimated_month: Option<String>,
    /// The legal due date (法令上の期限), if the request has one.
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// The expected month is later than the due date: the mail says so.
    #[serde(default)]
    pub estimate_late: bool,
    pub interview: Option<MailInterview>,
    /// A reminder is sent only while its interview is live at this start.
    pub while_interview: Option<(i64, DateTime<Utc>)>,
    /// The interview that did not take place (requeued or closed).
    #[serde(default)]
    pub missed: Option<DateTime<Utc>>,
    /// Why the centre closed the request.
    #[serde(default)]
    pub closed_reason: Option<String>,
    /// The calendar entry of the interview (accepted: REQUEST; withdrawn: CANCEL).
    #[serde(default)]
    pub calendar: Option<Calendar>,
}

/// The link a business follows to its request's status page.
pub fn status_url(settings: &Settings, token: &str) -> String {
    format!("{}/health/manage/{}", settings.public_url(), token)
}

/// `2027-02` → 「2027年2月」 / "February 2027".
pub fn month_words(month: &str, lang: Lang) -> String {
    let Some((y, m)) = month.split_once('-') else {
        return month.to_string();
    };
    match (y.parse(), m.parse()) {
        (Ok(year), Ok(month)) => format_month(year, month, lang),
        _ => format!("{y}-{m}"),
    }
}

/// What a business is told when the month it can expect is later than
/// its legal due date: honestly, and that the centre knows and will call.
pub fn late_notice(lang: Lang) -> String {
    texts(lang).mail_health_late.to_string()
}

impl HealthMail {
    pub fn queue(&self, kind: &'static str, recipient: &str, settings: &Settings) -> OutgoingMail {
        OutgoingMail {
            kind,
            message_id: new_message_id(settings),
            recipient: recipient.to_string(),
            payload: serde_json::to_string(self).expect("a health mail serialises"),
        }
    }

    /// What this mail depends on, if anything.
    pub fn guard(&self) -> Option<Guard> {
        self.while_interview
            .map(|(id, at)| Guard::Interview(id, at))
    }

    fn t(&self) -> &'static Texts {
        texts(self.lang)
    }

    /// Where the interview takes place, in words.
    fn place(&self, interview: &MailInterview, settings: &Settings, visit: &str) -> String {
        if interview.visit {
            visit.to_string()
        } else {
            let h = &settings.health;
            configured(self.lang, &h.centre_address, &h.centre_address_en).to_string()
        }
    }

    fn interview_details(&self, settings: &Settings) -> Vec<Detail> {
        let Some(i) = &self.interview else {
            return Vec::new();
        };
        let t = self.t();
        let when = t.mail_time_range(
            format_time(i.ends_at),
            format_datetime(i.starts_at, self.lang),
        );
        vec![
            Detail::new(t, t.mail_date_time, when),
            Detail::new(
                t,
                t.mail_health_place,
                self.place(i, settings, t.mail_health_visit),
            ),
            Detail::new(t, t.mail_health_doctor, i.doctor.as_str()),
        ]
    }

    /// The interview that did not take place, in words.
    fn missed_words(&self) -> String {
        self.missed
            .map(|at| format_datetime(at, self.lang))
            .unwrap_or_else(|| self.t().mail_health_planned_day.to_string())
    }

    /// The .ics of the interview, if the mail carries one. Its SUMMARY
    /// names the centre only, never the kind of interview.
    fn ics(&self, settings: &Settings) -> Option<(String, String)> {
        let (cal, i) = (self.calendar.as_ref()?, self.interview.as_ref()?);
        let (t, h) = (self.t(), &settings.health);
        let location = self.place(i, settings, t.mail_health_calendar_visit);
        let slot = MailSlot {
            profession: Default::default(),
            starts_at: i.starts_at,
            ends_at: i.ends_at,
        };
        let text = calendar::render(
            cal,
            calendar::HEALTH_PRODID,
            &[slot],
            &ruby::base(t.mail_health_calendar_summary),
            &ruby::base(&location),
            &calendar::Organizer {
                name: configured(self.lang, &h.centre_name, &h.centre_name_en),
                address: &settings.mail.from_address,
            },
            Utc::now(),
        );
        Some((calendar::METHOD.to_string(), text))
    }

    /// Details and paragraphs of the request received.
    fn received(&self, details: &mut Vec<Detail>) -> Vec<String> {
        let t = self.t();
        if let Some(p) = self.position {
            let place = t.mail_health_place_value(p);
            details.push(Detail::new(t, t.mail_health_place_in_queue, place));
        }
        if let Some(m) = &self.estimated_month {
            let expected = t.mail_health_expected_value(month_words(m, self.lang));
            details.push(Detail::new(t, t.mail_health_expected, expected));
        }
        if let Some(d) = self.due_on {
            details.push(Detail::new(t, t.mail_health_due, format_date(d, self.lang)));
        }
        let mut paragraphs = vec![
            t.mail_health_received_body.to_string(),
            t.mail_health_received_estimate.to_string(),
        ];
        if self.estimate_late {
            paragraphs.push(late_notice(self.lang));
        }
        paragraphs
    }

    pub fn render(&self, kind: &str, settings: &Settings) -> Result<Rendered, String> {
        let (t, h) = (self.t(), &settings.health);
        let number = self.number.as_str();
        let mut details = vec![Detail::new(t, t.mail_health_number, number)];
        let mut links = Vec::new();
        if let Some(token) = &self.token {
            links.push((
                t.mail_health_status_link.to_string(),
                status_url(settings, token),
            ));
        }
        let centre = configured(self.lang, &h.centre_name, &h.centre_name_en);
        let (subject, paragraphs) = match kind {
            HEALTH_RECEIVED => (
                t.mail_health_received_subject(centre, number),
                self.received(&mut details),
            ),
            HEALTH_PROPOSED => {
                details.extend(self.interview_details(settings));
                (
                    t.mail_health_proposed_subject(centre, number),
                    vec![
                        t.mail_health_proposed_body.to_string(),
                        t.mail_health_proposed_answer.to_string(),
                    ],
                )
            }
            HEALTH_ACCEPTED => {
                details.extend(self.interview_details(settings));
                (
                    t.mail_health_accepted_subject(centre, number),
                    vec![t.mail_health_accepted_body.to_string()],
                )
            }
            HEALTH_DECLINED => (
                t.mail_health_declined_subject(centre, number),
                vec![t.mail_health_declined_body.to_string()],
            ),
            HEALTH_WITHDRAWN => {
                links.clear();
                (
                    t.mail_health_withdrawn_subject(centre, number),
                    vec![t.mail_health_withdrawn_body.to_string()],
                )
            }
            HEALTH_REQUEUED => (
                t.mail_health_requeued_subject(centre, number),
                vec![t.mail_health_requeued_body(self.missed_words())],
            ),
            HEALTH_CLOSED => {
                if let Some(reason) = &self.closed_reason {
                    details.push(Detail::new(t, t.mail_health_reason, reason.as_str()));
                }
                (
                    t.mail_health_closed_subject(centre, number),
                    vec![t.mail_health_closed_body(self.missed_words())],
                )
            }
            // Only an accepted date is reminded of.
            HEALTH_REMINDER => {
                details.extend(self.interview_details(settings));
                (
                    t.mail_health_reminder_subject(centre, number),
                    vec![t.mail_health_reminder_body.to_string()],
                )
            }
            other => return Err(format!("unknown mail kind {other}")),
        };
        let v = NoticeFields {
            lang: self.lang,
            subject,
            greeting: t.mail_health_dear(self.business_name.as_str(), self.contact_name.as_str()),
            paragraphs,
            details,
            links,
            questions: t.mail_questions(
                configured(self.lang, &h.centre_hours, &h.centre_hours_en),
                centre,
                h.centre_phone.as_str(),
            ),
            contacts: Vec::new(),
        };
        let mut rendered = v.render()?;
        rendered.ics = self.ics(settings);
        rendered.from_name = Some(centre.to_string());
        Ok(rendered)
    }
}

#[cfg(test)]
mod tests;
