//! つなぐ: how long a receiving service's link holds, and when an open
//! referral with no news counts as overdue.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ReferralSettings {
    /// Days the receiving service's link works (it records what happened
    /// through it).
    pub link_days: u32,
    /// Days without an update after which an open referral is flagged and
    /// named in the coordinators' weekly mail.
    pub overdue_after_days: u32,
    /// How often the coordinators' weekly list is looked for (`15m`); it
    /// goes out once a week whatever this is.
    pub sweep_interval: String,
    /// 継続相談: how many of an evening's slots professionals may hold for
    /// follow-ups before it opens to the public (the rest stay the public's).
    pub follow_up_holds: u8,
}

impl Default for ReferralSettings {
    fn default() -> Self {
        ReferralSettings {
            link_days: 60,
            overdue_after_days: 14,
            sweep_interval: "15m".into(),
            follow_up_holds: 2,
        }
    }
}

impl ReferralSettings {
    pub fn sweep_interval(&self) -> anyhow::Result<std::time::Duration> {
        super::positive_interval(&self.sweep_interval, "referral.sweep_interval")
    }

    pub fn validate(&self) -> anyhow::Result<()> {
        self.sweep_interval()?;
        anyhow::ensure!(
            (1..=366).contains(&self.link_days),
            "referral.link_days must be 1 to 366"
        );
        anyhow::ensure!(
            (1..=365).contains(&self.overdue_after_days),
            "referral.overdue_after_days must be 1 to 365"
        );
        anyhow::ensure!(
            self.follow_up_holds <= 10,
            "referral.follow_up_holds must be 0 to 10"
        );
        Ok(())
    }
}
