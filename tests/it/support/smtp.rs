//! A real SMTP server on loopback for the tests: it speaks the protocol
//! (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps what it receives, and
//! can be told to refuse mail for a while or for good.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// How the server answers the end of DATA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// 451: try again later.
    TempFail,
    /// 550: refused for good.
    PermFail,
}

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.data)
            .expect("a parseable message")
    }
    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_string()
    }
    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }
    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }
}

#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    mode: Arc<Mutex<Mode>>,
    delay_ms: Arc<std::sync::atomic::AtomicU64>,
    task: Arc<Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

impl SmtpServer {
    /// A server listening on a free loopback port.
    pub async fn start() -> SmtpServer {
        let server = SmtpServer::reserve_port();
        server.listen().await;
        server
    }

    /// A port for a server that is not listening yet ("SMTP is down").
    pub fn reserve_port() -> SmtpServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        SmtpServer {
            port,
            received: Default::default(),
            mode: Arc::new(Mutex::new(Mode::Accept)),
            delay_ms: Default::default(),
            task: Default::default(),
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// Makes the end of DATA take this long (a slow server).
    pub fn set_delay_ms(&self, ms: u64) {
        self.delay_ms
            .store(ms, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Starts (or restarts) listening on the server's port.
    pub async fn listen(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("SMTP port free");
        let (received, mode, delay) = (
            self.received.clone(),
            self.mode.clone(),
            self.delay_ms.clone(),
        );
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (received, mode, delay) = (received.clone(), mode.clone(), delay.clone());
                tokio::spawn(async move {
                    let _ = session(stream, received, mode, delay).await;
                });
            }
        });
        *self.task.lock().unwrap() = Some(task);
    }
}

async fn session(
    stream: TcpStream,
    received: Arc<Mutex<Vec<Received>>>,
    mode: Arc<Mutex<Mode>>,
    delay_ms: Arc<std::sync::atomic::AtomicU64>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 test.smtp ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_string();
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-test.smtp\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 OK\r\n",
            "RSET" => {
                from.clear();
                to.clear();
                b"250 OK\r\n"
            }
            "MAIL" => {
                // A new transaction: its own recipients (RFC 5321 4.1.1.2).
                to.clear();
                from = command
                    .split_once(':')
                    .map(|x| x.1)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                b"250 OK\r\n"
            }
            "RCPT" => {
                to.push(
                    command
                        .split_once(':')
                        .map(|x| x.1)
                        .unwrap_or("")
                        .trim()
                        .to_string(),
                );
                b"250 OK\r\n"
            }
            "DATA" => {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut data = Vec::new();
                loop {
                    let mut raw = Vec::new();
                    if lines.read_until(b'\n', &mut raw).await? == 0 {
                        return Ok(());
                    }
                    if raw == b".\r\n" || raw == b".\n" {
                        break;
                    }
                    // Undo dot-stuffing.
                    if raw.starts_with(b"..") {
                        raw.remove(0);
                    }
                    data.extend_from_slice(&raw);
                }
                let delay = delay_ms.load(std::sync::atomic::Ordering::Relaxed);
                if delay > 0 {
                    tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
                }
                let current = *mode.lock().unwrap();
                // The transaction ends with its data, accepted or not.
                let (from, to) = (std::mem::take(&mut from), std::mem::take(&mut to));
                match current {
                    Mode::Accept => {
                        received.lock().unwrap().push(Received { from, to, data });
                        b"250 OK queued\r\n"
                    }
                    Mode::TempFail => b"451 4.3.0 Try again later\r\n",
                    Mode::PermFail => b"550 5.1.1 Mailbox unavailable\r\n",
                }
            }
            "QUIT" => {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 Command not implemented\r\n",
        };
        write.write_all(reply).await?;
    }
}
