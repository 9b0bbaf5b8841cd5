//! The directory held in memory: read whole when its version moved, so a
//! search of ten thousand services is a walk over memory, not a query. This
//! instance's own writes are seen at once; another instance's within
//! [`RECHECK`].

use super::{Store, StoreResult};
use crate::domain::directory::ServiceEntry;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// How long a copy is used before the version is asked again.
const RECHECK: Duration = Duration::from_secs(2);

/// The whole directory at one version.
#[derive(Debug, Default)]
pub struct DirectorySnapshot {
    pub version: i64,
    pub entries: Vec<ServiceEntry>,
}

impl DirectorySnapshot {
    pub fn get(&self, id: &str) -> Option<&ServiceEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The crisis lines, in staff's order (listed ones only).
    pub fn crisis_lines(&self) -> impl Iterator<Item = &ServiceEntry> {
        self.entries.iter().filter(|e| e.crisis && e.listed())
    }
}

#[derive(Debug, Default)]
pub(super) struct DirectoryCache {
    held: RwLock<Option<Arc<DirectorySnapshot>>>,
    checked: Mutex<Option<Instant>>,
    /// Raised by each of this instance's writes: a read that was under way
    /// meanwhile may hold what was there before, and is not kept.
    generation: AtomicU64,
}

impl DirectoryCache {
    pub(super) fn forget(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut held) = self.held.write() {
            *held = None;
        }
    }

    fn held(&self) -> Option<Arc<DirectorySnapshot>> {
        self.held.read().ok()?.clone()
    }

    /// Whether the version should be asked again (and, if so, claims it).
    fn recheck_due(&self) -> bool {
        let Ok(mut at) = self.checked.lock() else {
            return true;
        };
        let due = at.is_none_or(|t| t.elapsed() >= RECHECK);
        if due {
            *at = Some(Instant::now());
        }
        due
    }
}

impl Store {
    /// The copy of the directory this instance holds, without asking the
    /// database (`None` before the first read).
    pub fn directory_held(&self) -> Option<Arc<DirectorySnapshot>> {
        self.directory_cache.held()
    }

    /// The directory as it is now (at most [`RECHECK`] behind another
    /// instance's changes).
    pub async fn directory_now(&self) -> StoreResult<Arc<DirectorySnapshot>> {
        let cache = &self.directory_cache;
        if let Some(held) = cache.held() {
            if !cache.recheck_due() || self.directory_version().await? == held.version {
                return Ok(held);
            }
        }
        // A write of this instance while the read was under way: read
        // again, so that nobody here sees the directory from before it.
        let mut tries = 0;
        loop {
            let generation = cache.generation.load(Ordering::SeqCst);
            let (version, entries) = self.directory().await?;
            let fresh = Arc::new(DirectorySnapshot { version, entries });
            tries += 1;
            if cache.generation.load(Ordering::SeqCst) != generation && tries < 5 {
                continue;
            }
            if let Ok(mut held) = cache.held.write() {
                if cache.generation.load(Ordering::SeqCst) == generation {
                    *held = Some(fresh.clone());
                }
            }
            return Ok(fresh);
        }
    }
}
