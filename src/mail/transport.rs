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

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|e| SendError {
                permanent: e.is_permanent(),
                reason: e.to_string(),
            }),
            Transport::File(file) => file.send(message).await.map(drop).map_err(|e| SendError {
                permanent: false,
                reason: e.to_string(),
            }),
        }
    }
}
