//! Configuration, layered: `config/default.toml` (built in as well, so the
//! binary runs anywhere), then `config/$TSUNAGU_ENV.toml` if present, then
//! environment variables `TSUNAGU__SECTION__KEY`.

use crate::domain::reminders::ReminderOffset;
use crate::domain::rules::{BookingRules, Cutoff};
use crate::domain::series::{Closures, EveningSeries, HolidayPolicy};
use crate::domain::time::parse_duration;
use crate::domain::Lang;
use anyhow::{bail, Context};
use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;
use std::fmt;
use std::path::PathBuf;

mod figures;
mod outreach;
mod referral;
pub use figures::FiguresSettings;
pub use outreach::{HeardFromChoice, OutreachSettings};
pub use referral::ReferralSettings;

const BUILT_IN: &str = include_str!("../config/default.toml");

/// A value that must not appear in logs (`Debug` prints a placeholder).
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub mail: MailSettings,
    pub office: OfficeSettings,
    pub evening: EveningSettings,
    pub series: SeriesSettings,
    pub booking: BookingSettings,
    pub waitlist: WaitlistSettings,
    pub staff: StaffSettings,
    pub reminders: ReminderSettings,
    pub health: HealthSettings,
    pub directory: DirectorySettings,
    #[serde(default)]
    pub referral: ReferralSettings,
    #[serde(default)]
    pub outreach: OutreachSettings,
    #[serde(default)]
    pub figures: FiguresSettings,
    pub metrics: MetricsSettings,
    #[serde(default)]
    pub crisis_contacts: Vec<Contact>,
    /// The languages offered, as codes of folders of `locales/` (`ja` first).
    pub languages: Vec<String>,
}

/// 相談先の一覧: what a new database starts with, and when an entry is
/// flagged as not confirmed lately.
#[derive(Debug, Clone, Deserialize)]
pub struct DirectorySettings {
    /// Days after its last confirmation that an entry is flagged (about 6 months).
    pub unconfirmed_after_days: u32,
    /// A file of starting entries instead of the built-in `config/directory.toml`.
    #[serde(default)]
    pub seed_file: String,
    /// How often the monthly review (the mail to coordinators) is looked for:
    /// `15m`. It goes out once a month whatever this is.
    pub review_sweep_interval: String,
}

/// The directory a new database starts with, as shipped.
pub const DIRECTORY_SEED: &str = include_str!("../config/directory.toml");

impl DirectorySettings {
    pub fn review_sweep_interval(&self) -> anyhow::Result<std::time::Duration> {
        positive_interval(
            &self.review_sweep_interval,
            "directory.review_sweep_interval",
        )
    }

    /// The text of the starting entries (TOML, as `config/directory.toml`).
    pub fn seed_text(&self) -> anyhow::Result<String> {
        if self.seed_file.trim().is_empty() {
            return Ok(DIRECTORY_SEED.to_string());
        }
        std::fs::read_to_string(self.seed_file.trim())
            .map_err(|e| anyhow::anyhow!("directory.seed_file {}: {e}", self.seed_file))
    }
}

/// The figures for monitoring (Prometheus text at `GET /metrics`), on a
/// listener of their own so that they are never served to the public.
#[derive(Debug, Clone, Deserialize)]
pub struct MetricsSettings {
    /// `127.0.0.1:9187`; empty (the default): no listener, and requests
    /// are not timed.
    #[serde(default)]
    pub bind: String,
}

impl MetricsSettings {
    /// The address to listen on, if the figures are served.
    pub fn bind(&self) -> Option<&str> {
        Some(self.bind.trim()).filter(|b| !b.is_empty())
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct BookingSettings {
    pub opens_days_before: u32,
    pub cutoff: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WaitlistSettings {
    pub offer_hold: String,
    pub sweep_seconds: u64,
    /// `21:00-08:00`: offers wait for the morning; empty: none.
    #[serde(default)]
    pub quiet_hours: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReminderSettings {
    pub offsets: String,
    pub sweep_interval: String,
}

impl ReminderSettings {
    pub fn offsets(&self) -> anyhow::Result<Vec<ReminderOffset>> {
        ReminderOffset::parse_list(&self.offsets)
            .map_err(|e| anyhow::anyhow!("reminders.offsets: {e}"))
    }

    pub fn sweep_interval(&self) -> anyhow::Result<std::time::Duration> {
        positive_interval(&self.sweep_interval, "reminders.sweep_interval")
    }
}

/// A setting's interval (`1s`, `15m`), which must be more than nothing.
fn positive_interval(raw: &str, setting: &str) -> anyhow::Result<std::time::Duration> {
    let d = parse_duration(raw).map_err(|e| anyhow::anyhow!("{setting}: {e}"))?;
    d.to_std()
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| anyhow::anyhow!("{setting} must be positive"))
}

#[derive(Debug, Clone, Deserialize)]
pub struct HealthSettings {
    pub area: Vec<String>,
    /// The area's names on the English pages (display only).
    #[serde(default)]
    pub area_en: Vec<String>,
    pub max_workers: u32,
    pub long_hours_months: u32,
    pub high_stress_months: u32,
    pub checkup_opinion_months: u32,
    pub minutes: [u32; 4],
    pub warn_days: u32,
    pub per_month: u32,
    pub centre_name: String,
    pub centre_name_en: String,
    pub centre_phone: String,
    pub centre_hours: String,
    pub centre_hours_en: String,
    pub centre_address: String,
    pub centre_address_en: String,
    pub refer_name: String,
    pub refer_name_en: String,
    pub refer_phone: String,
}

impl HealthSettings {
    /// The due-date rules in domain terms.
    pub fn rules(&self) -> crate::domain::health::HealthRules {
        crate::domain::health::HealthRules {
            long_hours_months: self.long_hours_months,
            high_stress_months: self.high_stress_months,
            checkup_opinion_months: self.checkup_opinion_months,
            minutes: self.minutes,
            warn_days: self.warn_days,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct StaffSettings {
    pub api_token: Secret,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub bind: String,
    pub public_url: String,
    pub max_body_bytes: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: Secret,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportKind {
    File,
    Smtp,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    pub transport: TransportKind,
    pub file_dir: PathBuf,
    pub smtp_url: Secret,
    pub from_address: String,
    pub from_name: String,
    pub sweep_seconds: u64,
    pub lease_seconds: u64,
    pub max_attempts: i32,
    pub retry_base_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OfficeSettings {
    pub name: String,
    pub name_en: String,
    pub phone: String,
    pub hours: String,
    pub hours_en: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EveningSettings {
    pub title: String,
    pub title_en: String,
    pub venue: String,
    pub venue_en: String,
    pub bring: String,
    pub bring_en: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SeriesSettings {
    pub weekday: String,
    pub week_of_month: u8,
    pub start: String,
    pub slot_minutes: u32,
    pub break_minutes: u32,
    pub slots_per_profession: u32,
    #[serde(default)]
    pub skip_months: Vec<u32>,
    pub on_holiday: HolidayPolicy,
    #[serde(default)]
    pub yearly_closures: Vec<String>,
    #[serde(default)]
    pub closure_dates: Vec<String>,
}

/// A place to turn to (相談窓口), shown on public pages and in mails.
#[derive(Debug, Clone, Deserialize)]
pub struct Contact {
    pub name: String,
    pub name_en: String,
    pub phone: String,
    pub hours: String,
    pub hours_en: String,
}

impl Settings {
    /// Reads the layers from `config/` under the working directory
    /// (or `TSUNAGU_CONFIG_DIR`) and the environment.
    pub fn load() -> anyhow::Result<Settings> {
        let dir = std::env::var("TSUNAGU_CONFIG_DIR").unwrap_or_else(|_| "config".into());
        let env = std::env::var("TSUNAGU_ENV").ok();
        let mut builder = config::Config::builder()
            .add_source(config::File::from_str(BUILT_IN, config::FileFormat::Toml))
            .add_source(
                config::File::from(PathBuf::from(&dir).join("default.toml")).required(false),
            );
        if let Some(env) = env.filter(|e| !e.is_empty()) {
            builder = builder.add_source(
                config::File::from(PathBuf::from(&dir).join(format!("{env}.toml"))).required(true),
            );
        }
        let settings: Settings = builder
            .add_source(
                config::Environment::with_prefix("TSUNAGU")
                    .prefix_separator("__")
                    .separator("__"),
            )
            .build()?
            .try_deserialize()
            .context("reading configuration")?;
        settings.validate()?;
        Ok(settings)
    }

    /// The built-in defaults alone, for tests and tools.
    pub fn built_in() -> Settings {
        config::Config::builder()
            .add_source(config::File::from_str(BUILT_IN, config::FileFormat::Toml))
            .build()
            .and_then(|c| c.try_deserialize())
            .expect("the built-in configuration is valid")
    }

    /// The languages offered on the pages, in the chooser's order.
    pub fn offered_languages(&self) -> Vec<Lang> {
        self.languages
            .iter()
            .filter_map(|code| Lang::parse(code).ok())
            .collect()
    }

    /// Refuses settings the application cannot run with.
    pub fn validate(&self) -> anyhow::Result<()> {
        self.referral.validate()?;
        self.outreach.validate()?;
        self.figures.validate()?;
        for code in &self.languages {
            if Lang::parse(code).is_err() {
                let known: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
                bail!("languages: no message files for {code:?} in locales/ (there are {known:?})");
            }
        }
        if self.languages.first().map(String::as_str) != Some("ja") {
            bail!("languages: Japanese (\"ja\") comes first");
        }
        self.series.to_series()?;
        self.rules()?;
        self.reminders.offsets()?;
        self.reminders.sweep_interval()?;
        self.directory.review_sweep_interval()?;
        if url::Url::parse(&self.server.public_url).is_err() {
            bail!("server.public_url is not a URL: {}", self.server.public_url);
        }
        if let Some(bind) = self.metrics.bind() {
            let Ok(addr) = bind.parse::<std::net::SocketAddr>() else {
                bail!("metrics.bind is not an address and port (e.g. 127.0.0.1:9187): {bind}");
            };
            // Port 0 (any free port, as the tests ask) is never the same twice.
            if addr.port() != 0 && bind == self.server.bind.trim() {
                bail!(
                    "metrics.bind must differ from server.bind: the figures are not for the public"
                );
            }
        }
        if self.mail.from_address.parse::<lettre::Address>().is_err() {
            bail!("mail.from_address is not an email address");
        }
        Ok(())
    }

    /// The booking rules in domain terms.
    pub fn rules(&self) -> anyhow::Result<BookingRules> {
        let cutoff: Cutoff = self
            .booking
            .cutoff
            .parse()
            .map_err(|e| anyhow::anyhow!("booking.cutoff: {e}"))?;
        let offer_hold = parse_duration(&self.waitlist.offer_hold)
            .map_err(|e| anyhow::anyhow!("waitlist.offer_hold: {e}"))?;
        if offer_hold <= chrono::Duration::zero() {
            bail!("waitlist.offer_hold must be positive");
        }
        let quiet = match self.waitlist.quiet_hours.trim() {
            "" => None,
            hours => Some(
                hours
                    .parse()
                    .map_err(|e| anyhow::anyhow!("waitlist.quiet_hours: {e}"))?,
            ),
        };
        Ok(BookingRules {
            opens_days_before: self.booking.opens_days_before,
            cutoff,
            offer_hold,
            closures: self.series.to_series()?.closures,
            quiet,
        })
    }

    /// The public address with no trailing slash.
    pub fn public_url(&self) -> &str {
        self.server.public_url.trim_end_matches('/')
    }
}

impl SeriesSettings {
    /// The series rule in domain terms.
    pub fn to_series(&self) -> anyhow::Result<EveningSeries> {
        let weekday: Weekday = self
            .weekday
            .parse()
            .map_err(|_| anyhow::anyhow!("series.weekday: use mon, tue, wed, thu or fri"))?;
        if !(1..=5).contains(&self.week_of_month) {
            bail!("series.week_of_month must be 1 to 5");
        }
        let start = NaiveTime::parse_from_str(&self.start, "%H:%M")
            .context("series.start must be HH:MM")?;
        if self.slot_minutes == 0 || self.slots_per_profession == 0 {
            bail!("series.slot_minutes and series.slots_per_profession must be positive");
        }
        if let Some(m) = self.skip_months.iter().find(|m| !(1..=12).contains(*m)) {
            bail!("series.skip_months: {m} is not a month");
        }
        let yearly = self
            .yearly_closures
            .iter()
            .map(|md| {
                let date = NaiveDate::parse_from_str(&format!("2000-{md}"), "%Y-%m-%d")
                    .with_context(|| format!("series.yearly_closures: {md} is not MM-DD"))?;
                Ok((chrono::Datelike::month(&date), chrono::Datelike::day(&date)))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let dates = self
            .closure_dates
            .iter()
            .map(|d| {
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .with_context(|| format!("series.closure_dates: {d} is not YYYY-MM-DD"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(EveningSeries {
            weekday,
            week_of_month: self.week_of_month,
            start,
            slot_minutes: self.slot_minutes,
            break_minutes: self.break_minutes,
            slots_per_profession: self.slots_per_profession,
            skip_months: self.skip_months.clone(),
            on_holiday: self.on_holiday,
            closures: Closures { yearly, dates },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_settings_are_valid_and_secret_stays_secret() {
        let s = Settings::built_in();
        s.validate().unwrap();
        assert_eq!(s.server.bind, "127.0.0.1:8080");
        assert_eq!(s.mail.transport, TransportKind::File);
        assert_eq!(
            s.metrics.bind(),
            None,
            "no metrics listener unless asked for"
        );
        assert!(!format!("{s:?}").contains("sqlite://data"));
        let series = s.series.to_series().unwrap();
        assert_eq!(series.closures.yearly.len(), 6);
    }

    #[test]
    fn bad_series_is_refused() {
        let mut s = Settings::built_in().series;
        s.start = "25:00".into();
        assert!(s.to_series().is_err());
        let mut s = Settings::built_in().series;
        s.weekday = "someday".into();
        assert!(s.to_series().is_err());
        let mut all = Settings::built_in();
        all.booking.cutoff = "tomorrow".into();
        assert!(all.validate().is_err());
        let mut all = Settings::built_in();
        all.waitlist.offer_hold = "0h".into();
        assert!(all.validate().is_err());
        let mut all = Settings::built_in();
        all.metrics.bind = "localhost".into();
        assert!(all.validate().is_err(), "an address and a port");
        all.metrics.bind = all.server.bind.clone();
        assert!(all.validate().is_err(), "not on the public listener");
        all.metrics.bind = "127.0.0.1:9187".into();
        all.validate().unwrap();
        assert_eq!(
            Settings::built_in().rules().unwrap().offer_hold,
            chrono::Duration::hours(24)
        );
    }
}
