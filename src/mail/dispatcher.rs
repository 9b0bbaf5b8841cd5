//! Sends what the outbox holds: claim the due mails, send them, mark them sent.
//! A passing failure puts it back with exponential backoff; a permanent
//! refusal, or running out of attempts, marks it failed with the reason.

use super::templates::render;
use super::templates::Guard;
use super::templates::Rendered;
use super::transport::{Outgoing, SendError, Transport};
use crate::config::Settings;
use crate::domain::time::Clock;
use crate::store::{OutboxMessage, Store};
use chrono::Duration;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
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
        if let Some(guard) = super::templates::guard(&mail.kind, &mail.payload) {
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
        let built = tokio::task::spawn_blocking(move || {
            build(&settings, &from, &queued).map(Outgoing::from)
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
            tracing::error!(mail_id = mail.id, kind = %mail.kind, attempts = mail.attempts, reason = %e.reason, "mail failed");
        } else {
            let next = self.clock.now() + backoff(self.retry_base, mail.attempts);
            self.store.mark_mail_retry(mail.id, next, &e.reason).await?;
            tracing::warn!(mail_id = mail.id, kind = %mail.kind, attempts = mail.attempts, reason = %e.reason, "mail will be retried");
        }
        Ok(())
    }
}

/// Renders a queued mail from its template and payload.
fn build(settings: &Settings, from: &Mailbox, mail: &OutboxMessage) -> Result<Message, String> {
    let rendered = render(&mail.kind, &mail.payload, settings)?;
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    let mut from = from.clone();
    if let Some(name) = &rendered.from_name {
        from.name = Some(name.clone());
    }
    Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject.clone())
        .message_id(Some(mail.message_id.clone()))
        .multipart(body(rendered)?)
        .map_err(|e| e.to_string())
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
