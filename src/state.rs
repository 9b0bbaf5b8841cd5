//! What every part of a running application shares.

use crate::config::Settings;
use crate::domain::time::Clock;
use crate::store::Store;
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Clone, Debug)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub clock: Arc<dyn Clock>,
    /// Wakes the mail dispatcher when something was queued.
    pub mail_wakeup: Arc<Notify>,
}
