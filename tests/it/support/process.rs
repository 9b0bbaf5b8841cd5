//! Server processes for the tests that prove scheduled work is done once
//! however many instances run: `tsunagu serve` against one database and
//! one SMTP server, its log kept beside it.

use super::smtp::SmtpServer;
use super::TestDb;
use chrono::{Duration, Timelike, Utc};
use std::process::{Child, Command, Stdio};

/// A `HH:MM-HH:MM` span of quiet hours `from` hours after now (JST) for
/// `hours` hours (so that now is in the day, or in the night, whatever the
/// hour the suite runs at).
pub fn quiet_from_now(from: i64, hours: i64) -> String {
    let at = |h: i64| {
        let t = tsunagu::domain::time::to_jst(Utc::now() + Duration::hours(h));
        format!("{:02}:00", t.hour())
    };
    format!("{}-{}", at(from), at(from + hours))
}

/// Starts process `n`, in the day, with `env` added.
pub fn serve(
    db: &TestDb,
    smtp: &SmtpServer,
    dir: &std::path::Path,
    n: usize,
    env: &[(&str, &str)],
) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tsunagu"));
    cmd.arg("serve")
        .current_dir(dir)
        .env("TSUNAGU__SERVER__BIND", "127.0.0.1:0")
        .env("TSUNAGU__DATABASE__URL", &db.url)
        .env("TSUNAGU__MAIL__TRANSPORT", "smtp")
        .env("TSUNAGU__MAIL__SMTP_URL", smtp.url())
        .env("TSUNAGU__MAIL__SWEEP_SECONDS", "1")
        .env("TSUNAGU__WAITLIST__QUIET_HOURS", quiet_from_now(3, 2));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdout(
        std::fs::File::create(dir.join(format!("serve-{n}.log")))
            .map(Stdio::from)
            .unwrap_or(Stdio::null()),
    )
    .stderr(Stdio::null())
    .spawn()
    .unwrap()
}

/// The processes' logs, to read when a test fails.
pub fn logs(dir: &std::path::Path, n: usize) -> String {
    (0..n)
        .map(|i| std::fs::read_to_string(dir.join(format!("serve-{i}.log"))).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n---\n")
}
