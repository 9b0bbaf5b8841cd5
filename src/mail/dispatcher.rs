//! Sends what the outbox holds: claim the due mails, send them, mark them sent.
//! A passing failure puts it back with exponential backoff; a permanent
//! refusal, or running out of attempts, marks it failed with the reason.

use super::message::{Guard, Rendered};
use super::render::{guard, render};
use super::transport::{Outgoing, SendError, Transport};
use crate::config::Settings;
use crate::domain::time::Clock;
use crate::metrics::Metrics;
use crate::store::{DirectorySnapshot, OutboxMessage, Store};
use chrono::Duration;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct Dispatcher {
    store: Store,
    transport: Transport,
    settings: Arc<Settings>,
    from: Mailbox,
    lease: Duration,
    retry_base: Duration,
    max_attempts: i32,
    clock: Arc<dyn Clock>,
    metrics: Arc<Metrics>,
}

/// How many mails one claim takes.
const BATCH: i64 = 32;

/// The wait before attempt `attempts + 1`: base, 2×base, 4×base, … at most an hour.
pub fn backoff(base: Duration, attempts: i32) -> Duration {
    let factor = 1i32 << attempts.clamp(1, 16).saturating_sub(1);
    (base * factor).min(Duration::hours(1))
}

impl Dispatcher {
    pub fn new(
        store: Store,
        transport: Transport,
        settings: Arc<Settings>,
        clock: Arc<dyn Clock>,
        metrics: Arc<Metrics>,
    ) -> anyhow::Result<Self> {
        let mail = &settings.mail;
        let from = Mailbox::new(Some(mail.from_name.clone()), mail.from_address.parse()?);
        Ok(Self {
            store,
            transport,
            from,
            lease: Duration::seconds(mail.lease_seconds as i64),
            retry_base: Duration::seconds(mail.retry_base_seconds.max(1) as i64),
            max_attempts: mail.max_attempts.max(1),
            settings,
            clock,
            metrics,
        })
    }

    /// Sends every mail that is due now; returns how many were handled
    /// (sent, put back or failed).
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let mut handled = 0;
        loop {
            let now = self.clock.now();
            let batch = self
                .store
                .claim_due_mail(now, now + self.lease, BATCH)
                .await?;
            if batch.is_empty() {
                return Ok(handled);
            }
            handled += batch.len();
            for mail in batch {
                self.handle(mail).await?;
            }
        }
    }

    /// Sends one claimed mail and records the outcome. Marked one by one: a
    /// crash leaves at most the mail being sent in doubt, never the batch.
    async fn handle(&self, mail: OutboxMessage) -> anyhow::Result<()> {
        if let Some(guard) = guard(&mail.kind, &mail.payload) {
            let holds = match guard {
                Guard::Booking(id, at) => self.store.booking_unchanged(id, at).await?,
                Guard::Interview(id, at) => self.store.interview_unchanged(id, at).await?,
            };
            if !holds {
                self.store.mark_mail_skipped(mail.id).await?;
                tracing::info!(mail_id = mail.id, kind = %mail.kind, "mail skipped: the booking changed");
                return Ok(());
            }
        }
        // Rendering and encoding are CPU work: a blocking thread does it, so
        // that requests are not kept waiting behind a queue of mail.
        let (settings, from, queued) = (self.settings.clone(), self.from.clone(), mail.clone());
        // The crisis lines as the directory has them now (the settings' if
        // it cannot be read: a mail is never held back for them).
        let directory = self.store.directory_now().await.ok();
        let built = tokio::task::spawn_blocking(move || {
            build(&settings, &from, &queued, directory.as_deref()).map(Outgoing::from)
        })
        .await?;
        let result = match built {
            Ok(message) => self.transport.send(&message).await,
            Err(reason) => Err(SendError {
                permanent: true,
                reason,
            }),
        };
        match result {
            Ok(()) => {
                self.store.mark_mail_sent(mail.id, self.clock.now()).await?;
                self.metrics.mail_sent(&mail.kind);
                tracing::info!(mail_id = mail.id, kind = %mail.kind, attempts = mail.attempts, "mail sent");
                Ok(())
            }
            Err(e) => self.record_failure(&mail, e).await,
        }
    }

    /// Puts a mail back with backoff after a passing failure, or gives up.
    async fn record_failure(&self, mail: &OutboxMessage, e: SendError) -> anyhow::Result<()> {
        if e.permanent || mail.attempts >= self.max_attempts {
            self.store.mark_mail_failed(mail.id, &e.reason).await?;
            self.metrics.mail_failed(&mail.kind);
            tracing::error!(mail_id = mail.id, kind = %mail.kind, attempts = mail.attempts, reason = %e.reason, "mail failed");
        } else {
            let next = self.clock.now() + backoff(self.retry_base, mail.attempts);
            self.store.mark_mail_retry(mail.id, next, &e.reason).await?;
            self.metrics.mail_retried(&mail.kind);
            tracing::warn!(mail_id = mail.id, kind = %mail.kind, attempts = mail.attempts, reason = %e.reason, "mail will be retried");
        }
        Ok(())
    }
}

/// Renders a queued mail from its template and payload.
fn build(
    settings: &Settings,
    from: &Mailbox,
    mail: &OutboxMessage,
    directory: Option<&DirectorySnapshot>,
) -> Result<Message, String> {
    let rendered = render(&mail.kind, &mail.payload, settings, directory)?;
    let address = recipient(&mail.recipient)?;
    // The envelope is given, not read back from the To header: the
    // header parser does not take a quoted local part.
    let envelope = lettre::address::Envelope::new(Some(from.email.clone()), vec![address.clone()])
        .map_err(|e| e.to_string())?;
    let to = Mailbox::new(None, address);
    let mut from = from.clone();
    if let Some(name) = &rendered.from_name {
        from.name = Some(name.clone());
    }
    let mut builder = Message::builder()
        .envelope(envelope)
        .from(from)
        .to(to)
        .subject(rendered.subject.clone())
        .message_id(Some(mail.message_id.clone()));
    if let Some(address) = &rendered.unsubscribe {
        // RFC 8058: one click in the mail program unsubscribes, by POST.
        builder = builder
            .header(ListUnsubscribe(format!("<{address}>")))
            .header(ListUnsubscribePost);
    }
    builder
        .multipart(body(rendered)?)
        .map_err(|e| e.to_string())
}

/// `List-Unsubscribe` (RFC 2369): the one-click address, in angle brackets.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}

/// The recipient's address for the wire: an older carrier address
/// (`yamada..taro@docomo.ne.jp`) goes with its local part quoted.
fn recipient(address: &str) -> Result<lettre::Address, String> {
    crate::domain::values::wire_address(address)
        .ok_or_else(|| "recipient: not a deliverable address".to_string())?
        .parse()
        .map_err(|e| format!("recipient: {e}"))
}

/// Text and HTML as alternatives, with the calendar entry (if any) beside them.
fn body(rendered: Rendered) -> Result<MultiPart, String> {
    let alternative = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(rendered.text),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(rendered.html),
        );
    let Some((method, ics)) = rendered.ics else {
        return Ok(alternative);
    };
    let content_type =
        ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
            .map_err(|e| e.to_string())?;
    Ok(MultiPart::mixed()
        .multipart(alternative)
        .singlepart(Attachment::new("invite.ics".into()).body(ics, content_type)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Lang, Profession};
    use crate::mail::calendar::Calendar;
    use crate::mail::health::{self, HealthMail, MailInterview};
    use crate::mail::message::MailSlot;
    use crate::mail::templates::{self as t, EveningMail};
    use chrono::Utc;

    /// Words that would tell a reader of a lock screen or a shared inbox
    /// what the mail is about: mental health, the law, the topic.
    const REVEALING: &[&str] = &[
        "こころ",
        "心",
        "メンタル",
        "精神",
        "法律",
        "弁護",
        "ストレス",
        "長時間",
        "面接",
        "職場",
        "家族",
        "お金",
        "借金",
        "人間関係",
        "いのち",
        "自殺",
        "mental",
        "psycholog",
        "lawyer",
        "legal",
        "law ",
        "stress",
        "suicide",
        "debt",
        "family",
        "money",
        "workplace",
        "relationship",
    ];

    fn queued(kind: &str, payload: String) -> OutboxMessage {
        OutboxMessage {
            id: 1,
            kind: kind.to_string(),
            message_id: "<m1@tsunagu.example.jp>".into(),
            recipient: "yamada..taro@docomo.ne.jp".into(),
            payload,
            attempts: 0,
        }
    }

    /// (From, Subject) of the message as it goes on the wire, decoded.
    fn headers(settings: &Settings, mail: &OutboxMessage) -> (String, String) {
        let from = Mailbox::new(
            Some(settings.mail.from_name.clone()),
            settings.mail.from_address.parse().unwrap(),
        );
        let message =
            build(settings, &from, mail, None).unwrap_or_else(|e| panic!("{}: {e}", mail.kind));
        let bytes = message.formatted();
        let parsed = mail_parser::MessageParser::default().parse(&bytes).unwrap();
        let sender = parsed.from().and_then(|a| a.first()).unwrap();
        let from = format!(
            "{} <{}>",
            sender.name().unwrap_or_default(),
            sender.address().unwrap_or_default()
        );
        (from, parsed.subject().unwrap_or_default().to_string())
    }

    #[test]
    fn no_sender_name_or_subject_tells_what_the_mail_is_about() {
        let settings = Settings::built_in();
        let now = Utc::now();
        let mut seen = 0;
        for &lang in Lang::ALL {
            for profession in [Profession::Lawyer, Profession::Psychologist] {
                let evening = EveningMail {
                    lang,
                    name: "仙台 花子".into(),
                    slots: vec![MailSlot {
                        profession,
                        starts_at: now + Duration::days(10),
                        ends_at: now + Duration::days(10) + Duration::minutes(50),
                    }],
                    venue: settings.evening.venue.clone(),
                    token: Some("a".repeat(48)),
                    offer_token: Some("b".repeat(48)),
                    expires_at: Some(now + Duration::days(1)),
                    position: Some(2),
                    previous: Some(MailSlot {
                        profession,
                        starts_at: now + Duration::days(9),
                        ends_at: now + Duration::days(9) + Duration::minutes(50),
                    }),
                    calendar: Some(Calendar::request(vec!["u-0@x.jp".into()], now)),
                    while_booked: None,
                    waiting_for: Some((profession, Some(now + Duration::days(10)))),
                };
                for &kind in t::KINDS {
                    let payload = evening.queue(kind, "a@x.jp", &settings).payload;
                    let (from, subject) = headers(&settings, &queued(kind, payload));
                    check(kind, &from, &subject);
                    seen += 1;
                }
            }
            let business = HealthMail {
                lang,
                business_name: "株式会社 青葉製作所".into(),
                contact_name: "青葉 太郎".into(),
                number: "H2026-00012".into(),
                token: Some("c".repeat(48)),
                position: Some(4),
                estimated_month: Some("2027-02".into()),
                due_on: Some((now + Duration::days(30)).date_naive()),
                estimate_late: true,
                missed: Some(now - Duration::days(1)),
                closed_reason: Some("事業場のご都合".into()),
                interview: Some(MailInterview {
                    id: 1,
                    starts_at: now + Duration::days(20),
                    ends_at: now + Duration::days(20) + Duration::minutes(30),
                    visit: false,
                    doctor: "仙台 一郎".into(),
                    proposed: true,
                }),
                while_interview: None,
                calendar: Some(Calendar::request(vec!["u-1@x.jp".into()], now)),
            };
            for &kind in health::KINDS {
                let payload = serde_json::to_string(&business).unwrap();
                let (from, subject) = headers(&settings, &queued(kind, payload));
                check(kind, &from, &subject);
                seen += 1;
            }
            let referred = crate::mail::referral::ReferralMail {
                lang,
                number: "R-3".into(),
                person: "青葉 太郎".into(),
                service_name: "宮城県司法書士会".into(),
                service_phones: vec!["022-263-6755".into()],
                shared: crate::domain::referral::Shared {
                    name: Some("青葉 太郎".into()),
                    topic: Some(crate::domain::Topic::Money),
                    note: Some("借金の相談".into()),
                    ..Default::default()
                },
                token: Some("e".repeat(48)),
                expires_on: Some(now.date_naive()),
                ..Default::default()
            };
            for &kind in crate::mail::referral::KINDS {
                let payload = serde_json::to_string(&referred).unwrap();
                let (from, subject) = headers(&settings, &queued(kind, payload));
                check(kind, &from, &subject);
                assert!(
                    !subject.contains("青葉") && !subject.contains("司法書士"),
                    "{kind}: {subject}"
                );
                seen += 1;
            }
        }
        assert_eq!(seen, 31 * Lang::ALL.len());
    }

    fn check(kind: &str, from: &str, subject: &str) {
        assert!(!subject.is_empty(), "{kind}: no subject");
        assert!(from.contains("soudan@tsunagu.example.jp"), "{kind}: {from}");
        for word in REVEALING {
            for (header, value) in [("From", from), ("Subject", subject)] {
                assert!(
                    !value.to_lowercase().contains(word),
                    "{kind}: {word} in {header}: {value}"
                );
            }
        }
    }

    #[test]
    fn an_older_carrier_address_goes_quoted() {
        assert_eq!(
            recipient("yamada..taro@docomo.ne.jp").unwrap().to_string(),
            "\"yamada..taro\"@docomo.ne.jp"
        );
        assert_eq!(
            recipient("taro@example.jp").unwrap().to_string(),
            "taro@example.jp"
        );
        assert!(recipient("ta ro@example.jp").is_err());
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let base = Duration::seconds(30);
        assert_eq!(backoff(base, 1), Duration::seconds(30));
        assert_eq!(backoff(base, 2), Duration::seconds(60));
        assert_eq!(backoff(base, 4), Duration::seconds(240));
        assert_eq!(backoff(base, 12), Duration::hours(1));
        assert_eq!(backoff(base, 0), Duration::seconds(30));
    }
}
