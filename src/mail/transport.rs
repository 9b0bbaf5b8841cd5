//! Where mail goes: SMTP (production), or `.eml` files (development and demo).

use crate::config::{MailSettings, TransportKind};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// A send that did not go through.
#[derive(Debug, Clone)]
pub struct SendError {
    /// The server refused the message for good (SMTP 5xx): retrying won't help.
    pub permanent: bool,
    pub reason: String,
}

#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Transport::Smtp(_) => "Transport::Smtp",
            Transport::File(_) => "Transport::File",
        })
    }
}

impl Transport {
    pub fn from_settings(mail: &MailSettings) -> anyhow::Result<Transport> {
        Ok(match mail.transport {
            TransportKind::Smtp => {
                let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(mail.smtp_url.expose())
                    .map_err(|e| anyhow::anyhow!("mail.smtp_url: {e}"))?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Transport::Smtp(smtp)
            }
            TransportKind::File => {
                std::fs::create_dir_all(&mail.file_dir)?;
                Transport::File(AsyncFileTransport::new(&mail.file_dir))
            }
        })
    }

    /// Sends a message already encoded (see [`Outgoing`]).
    pub async fn send(&self, message: &Outgoing) -> Result<(), SendError> {
        let (envelope, bytes) = (&message.envelope, message.bytes.as_slice());
        match self {
            Transport::Smtp(smtp) => {
                smtp.send_raw(envelope, bytes)
                    .await
                    .map(drop)
                    .map_err(|e| SendError {
                        permanent: e.is_permanent(),
                        reason: e.to_string(),
                    })
            }
            Transport::File(file) => {
                file.send_raw(envelope, bytes)
                    .await
                    .map(drop)
                    .map_err(|e| SendError {
                        permanent: false,
                        reason: e.to_string(),
                    })
            }
        }
    }
}

/// A message encoded for the wire (MIME, base64 or quoted-printable), with
/// its envelope: the encoding is work for a blocking thread, not for the
/// threads that answer requests.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub envelope: lettre::address::Envelope,
    pub bytes: Vec<u8>,
}

impl From<Message> for Outgoing {
    fn from(message: Message) -> Self {
        Outgoing {
            envelope: message.envelope().clone(),
            bytes: message.formatted(),
        }
    }
}
