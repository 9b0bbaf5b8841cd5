//! 周知: when subscribers are told of free slots and staff of evenings
//! that are filling slowly, who may frame the embed, and the choices of
//! 「この相談会を何で知りましたか」.

use serde::Deserialize;

/// One answer to 「この相談会を何で知りましたか」.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct HeardFromChoice {
    /// The code stored and counted (`shisei`, `leaflet`).
    pub code: String,
    pub name: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct OutreachSettings {
    /// A free slot within this many days, that nobody waits for, is told
    /// to those who asked (`TSUNAGU__OUTREACH__FREE_SLOT_DAYS`).
    pub free_slot_days: u32,
    /// This many days before an evening with free slots, the coordinators
    /// are told (`TSUNAGU__OUTREACH__LOW_FILL_DAYS`).
    pub low_fill_days: u32,
    /// How often the notices and alerts are looked for (`15m`).
    pub sweep_interval: String,
    /// The pace of notices: so many a minute are due, one after another,
    /// so that the mail of a booking never waits behind them.
    pub notices_per_minute: u32,
    /// Origins of partner sites that may show `/embed/next` in a frame
    /// (`https://www.example.or.jp`); no other page may be framed.
    pub embed_origins: Vec<String>,
    /// Seconds the public feeds may be cached.
    pub feed_max_age: u32,
    /// The choices of 「この相談会を何で知りましたか」, in the order shown.
    pub heard_from: Vec<HeardFromChoice>,
}

fn choice(code: &str, name: &str, name_en: &str) -> HeardFromChoice {
    HeardFromChoice {
        code: code.into(),
        name: name.into(),
        name_en: name_en.into(),
    }
}

impl Default for OutreachSettings {
    fn default() -> Self {
        OutreachSettings {
            free_slot_days: 14,
            low_fill_days: 10,
            sweep_interval: "15m".into(),
            notices_per_minute: 600,
            embed_origins: Vec::new(),
            feed_max_age: 300,
            heard_from: vec![
                choice(
                    "shisei",
                    "市政だより",
                    "The city newsletter (Shisei Dayori)",
                ),
                choice("homepage", "ホームページ", "A website"),
                choice("leaflet", "チラシ・ポスター", "A leaflet or poster"),
                choice("workplace", "職場", "My workplace"),
                choice("agency", "相談機関の紹介", "Another consultation service"),
                choice("family", "家族・知人", "Family or friends"),
                choice("sns", "SNS", "Social media"),
                choice("other", "その他", "Other"),
            ],
        }
    }
}

impl OutreachSettings {
    pub fn sweep_interval(&self) -> anyhow::Result<std::time::Duration> {
        super::positive_interval(&self.sweep_interval, "outreach.sweep_interval")
    }

    /// The configured codes of 「何で知りましたか」.
    pub fn heard_from_codes(&self) -> Vec<&str> {
        self.heard_from.iter().map(|c| c.code.as_str()).collect()
    }

    pub fn validate(&self) -> anyhow::Result<()> {
        self.sweep_interval()?;
        anyhow::ensure!(
            (1..=60).contains(&self.free_slot_days),
            "outreach.free_slot_days must be 1 to 60"
        );
        anyhow::ensure!(
            (1..=60).contains(&self.low_fill_days),
            "outreach.low_fill_days must be 1 to 60"
        );
        anyhow::ensure!(
            (1..=100_000).contains(&self.notices_per_minute),
            "outreach.notices_per_minute must be 1 to 100000"
        );
        for origin in &self.embed_origins {
            let parsed = url::Url::parse(origin)
                .map_err(|e| anyhow::anyhow!("outreach.embed_origins: {origin}: {e}"))?;
            anyhow::ensure!(
                matches!(parsed.scheme(), "https" | "http")
                    && parsed.host().is_some()
                    && parsed.path() == "/"
                    && parsed.query().is_none(),
                "outreach.embed_origins: {origin} must be an origin such as https://www.example.or.jp"
            );
        }
        let mut seen = std::collections::HashSet::new();
        for c in &self.heard_from {
            anyhow::ensure!(
                crate::domain::outreach::is_code(&c.code) && seen.insert(c.code.as_str()),
                "outreach.heard_from: {:?} must be a distinct code of a-z, 0-9 and -",
                c.code
            );
            anyhow::ensure!(
                !c.name.trim().is_empty(),
                "outreach.heard_from: {} needs a name",
                c.code
            );
        }
        Ok(())
    }

    /// The `frame-ancestors` of the embed: the partners' origins, or none.
    pub fn frame_ancestors(&self) -> String {
        let origins: Vec<String> = self
            .embed_origins
            .iter()
            .filter_map(|o| url::Url::parse(o).ok())
            .map(|u| u.origin().ascii_serialization())
            .collect();
        if origins.is_empty() {
            "'none'".into()
        } else {
            origins.join(" ")
        }
    }
}
