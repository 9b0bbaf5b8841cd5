//! What every part of a running application shares.

use crate::config::Settings;
use crate::domain::rules::BookingRules;
use crate::domain::time::Clock;
use crate::metrics::Metrics;
use crate::store::{StaffMember, Store, StoreResult};
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Clone, Debug)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
    /// The booking rules, read from the settings once.
    pub rules: Arc<BookingRules>,
    pub clock: Arc<dyn Clock>,
    /// Wakes the mail dispatcher when something was queued.
    pub mail_wakeup: Arc<Notify>,
    /// This application's figures (served on `metrics.bind`, when set).
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(
        store: Store,
        settings: Arc<Settings>,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<AppState> {
        Ok(AppState {
            rules: Arc::new(settings.rules()?),
            store,
            settings,
            clock,
            mail_wakeup: Arc::new(Notify::new()),
            metrics: Arc::new(Metrics::new()),
        })
    }
}

impl AppState {
    /// Writes a line to the audit log: who did or saw what, now.
    pub async fn audit(
        &self,
        who: &StaffMember,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> StoreResult<()> {
        self.store
            .audit(who, action, subject, detail, self.clock.now())
            .await
    }
}
