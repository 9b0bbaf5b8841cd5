//! 年度の実績: below how many people a count is hidden in what leaves the office.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct FiguresSettings {
    /// A count of fewer people than this is 「3未満」 in reports and files
    /// for outside the office (`TSUNAGU__FIGURES__MIN_COUNT`).
    pub min_count: u32,
}

impl Default for FiguresSettings {
    fn default() -> Self {
        FiguresSettings { min_count: 3 }
    }
}

impl FiguresSettings {
    pub fn validate(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            (1..=100).contains(&self.min_count),
            "figures.min_count must be 1 to 100"
        );
        Ok(())
    }
}
