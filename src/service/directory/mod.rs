//! 相談先の一覧: finding services for a trouble, and keeping the
//! directory (staff). The directory is held in memory by the store
//! ([`Store::directory_now`]), so a search is a walk over memory.

pub mod hsds;
pub mod review;
pub mod seed;
pub mod staff;

use crate::domain::directory::{search, Paging, Query, ServiceEntry};
use crate::store::{Store, StoreResult};
use chrono::{DateTime, Utc};

/// A listed service with whether it is open at the time of the search.
#[derive(Debug, Clone)]
pub struct Listed {
    pub entry: ServiceEntry,
    pub open_now: Option<bool>,
}

/// One page of a search.
#[derive(Debug, Clone)]
pub struct Found {
    pub items: Vec<Listed>,
    pub total: usize,
    pub paging: Paging,
}

impl Found {
    pub fn total_pages(&self) -> usize {
        self.total.div_ceil(self.paging.per_page.max(1))
    }
}

/// The services that fit `query` at `now`, one page of them.
pub async fn find(
    store: &Store,
    query: &Query,
    paging: Paging,
    now: DateTime<Utc>,
) -> StoreResult<Found> {
    let directory = store.directory_now().await?;
    let hits = search(&directory.entries, query, now);
    let skip = (paging.page - 1).saturating_mul(paging.per_page);
    Ok(Found {
        total: hits.len(),
        items: hits
            .iter()
            .skip(skip)
            .take(paging.per_page)
            .map(|h| Listed {
                entry: h.entry.clone(),
                open_now: h.open_now,
            })
            .collect(),
        paging,
    })
}

/// One listed service, by its HSDS id.
pub async fn listed(store: &Store, id: &str, now: DateTime<Utc>) -> StoreResult<Option<Listed>> {
    let directory = store.directory_now().await?;
    Ok(directory.get(id).filter(|e| e.listed()).map(|e| Listed {
        entry: e.clone(),
        open_now: e.open_at(now),
    }))
}
