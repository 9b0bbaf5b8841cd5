//! Evening sessions (相談会) and their slots (相談枠).

use super::{on_db, Store, StoreResult};
use crate::domain::series::SessionPlan;
use crate::domain::Profession;
use chrono::{DateTime, Utc};

/// A slot as shown to the public: whether anyone holds it.
#[derive(Debug, Clone)]
pub struct SlotView {
    pub id: i64,
    pub session_id: i64,
    pub profession: Profession,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub available: bool,
    pub venue: String,
}

/// A session with its slots in time order, lawyers first.
#[derive(Debug, Clone)]
pub struct SessionView {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: String,
    pub slots: Vec<SlotView>,
}

impl SessionView {
    pub fn free_count(&self, profession: Profession) -> usize {
        self.slots
            .iter()
            .filter(|s| s.profession == profession && s.available)
            .count()
    }
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    venue: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct SlotRow {
    id: i64,
    session_id: i64,
    profession: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    available: bool,
    venue: String,
}

impl SlotRow {
    pub(super) fn into_view(self, now: DateTime<Utc>) -> SlotView {
        SlotView {
            id: self.id,
            session_id: self.session_id,
            // The CHECK constraint admits only known codes.
            profession: Profession::parse(&self.profession).unwrap_or(Profession::Lawyer),
            available: self.available && self.starts_at > now,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            venue: self.venue,
        }
    }
}

pub(super) const SLOT_COLUMNS: &str =
    "s.id, s.session_id, s.profession, s.starts_at, s.ends_at, e.venue,
    (e.status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM bookings b
        WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'held'))) AS available
    FROM slots s JOIN evening_sessions e ON e.id = s.session_id";

/// The slots of the scheduled evenings to come, as last read. A booking
/// takes its slot from here; the booking's insert then checks that the slot
/// still has these times and its evening is still scheduled, so a stale
/// entry (another instance moved or cancelled the evening) writes nothing
/// and the booking reads the slot afresh. The whole list is read again on a
/// miss, at most once a second.
#[derive(Debug, Default)]
pub(super) struct SlotCache {
    slots: std::sync::RwLock<std::collections::HashMap<i64, SlotView>>,
    filled_at: std::sync::Mutex<Option<std::time::Instant>>,
}

impl SlotCache {
    fn get(&self, id: i64) -> Option<SlotView> {
        self.slots.read().ok()?.get(&id).cloned()
    }

    /// Whether a refill is due (and, if so, claims it).
    fn may_refill(&self) -> bool {
        let Ok(mut at) = self.filled_at.lock() else {
            return false;
        };
        let due = at.is_none_or(|t| t.elapsed() >= std::time::Duration::from_secs(1));
        if due {
            *at = Some(std::time::Instant::now());
        }
        due
    }

    fn fill(&self, slots: Vec<SlotView>) {
        if let Ok(mut map) = self.slots.write() {
            *map = slots.into_iter().map(|s| (s.id, s)).collect();
        }
    }

    fn clear(&self) {
        if let Ok(mut map) = self.slots.write() {
            map.clear();
        }
        if let Ok(mut at) = self.filled_at.lock() {
            *at = None;
        }
    }
}

impl Store {
    /// A slot to book, usually from memory without a read. Its `available`
    /// then only says it was not known to be taken: the partial unique index
    /// decides, as always. A slot not among the evenings to come is read.
    pub async fn slot_to_book(&self, id: i64, now: DateTime<Utc>) -> StoreResult<Option<SlotView>> {
        if let Some(slot) = self.slots.get(id).filter(|s| s.starts_at > now) {
            return Ok(Some(slot));
        }
        if self.slots.may_refill() {
            let rows: Vec<SlotRow> = on_db!(read self, pool => {
                sqlx::query_as(&format!(
                    "SELECT {SLOT_COLUMNS} WHERE e.status = 'scheduled' AND s.starts_at > $1"
                ))
                .bind(now)
                .fetch_all(pool)
                .await?
            });
            self.slots.fill(
                rows.into_iter()
                    .map(|r| SlotView {
                        available: true,
                        ..r.into_view(now)
                    })
                    .collect(),
            );
            if let Some(slot) = self.slots.get(id) {
                return Ok(Some(slot));
            }
        }
        self.slot(id, now).await
    }

    /// Forgets the slots kept in memory (an evening was added, moved or cancelled).
    pub fn forget_slots(&self) {
        self.slots.clear();
    }

    /// Stores a planned session unless the series already has one that
    /// month. Returns whether it was created.
    #[tracing::instrument(skip_all)]
    pub async fn insert_session(
        &self,
        plan: &SessionPlan,
        venue: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO evening_sessions (occurrence, starts_at, ends_at, venue, created_at)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (occurrence) DO NOTHING RETURNING id",
            )
            .bind(&plan.occurrence)
            .bind(plan.starts_at)
            .bind(plan.ends_at)
            .bind(venue)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else { return Ok(false) };
            for slot in &plan.slots {
                sqlx::query(
                    "INSERT INTO slots (session_id, profession, starts_at, ends_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(slot.profession.code())
                .bind(slot.starts_at)
                .bind(slot.ends_at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            self.forget_slots();
            Ok(true)
        })
    }

    /// Scheduled sessions that have not started, with their slots.
    #[tracing::instrument(skip_all)]
    pub async fn upcoming_sessions(&self, now: DateTime<Utc>) -> StoreResult<Vec<SessionView>> {
        let (sessions, slots) = on_db!(read self, pool => {
            let sessions: Vec<SessionRow> = sqlx::query_as(
                "SELECT id, starts_at, ends_at, venue FROM evening_sessions
                 WHERE status = 'scheduled' AND starts_at > $1 ORDER BY starts_at",
            )
            .bind(now)
            .fetch_all(pool)
            .await?;
            let slots: Vec<SlotRow> = sqlx::query_as(&format!(
                "SELECT {SLOT_COLUMNS} WHERE e.status = 'scheduled' AND e.starts_at > $1
                 ORDER BY s.session_id, s.profession, s.starts_at"
            ))
            .bind(now)
            .fetch_all(pool)
            .await?;
            (sessions, slots)
        });
        let mut views: Vec<SessionView> = sessions
            .into_iter()
            .map(|s| SessionView {
                id: s.id,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                venue: s.venue,
                slots: Vec::new(),
            })
            .collect();
        for slot in slots {
            if let Some(view) = views.iter_mut().find(|v| v.id == slot.session_id) {
                view.slots.push(slot.into_view(now));
            }
        }
        Ok(views)
    }

    /// One slot, with whether it can be booked at `now`.
    #[tracing::instrument(skip_all)]
    pub async fn slot(&self, id: i64, now: DateTime<Utc>) -> StoreResult<Option<SlotView>> {
        let row: Option<SlotRow> = on_db!(read self, pool => {
            sqlx::query_as(&format!("SELECT {SLOT_COLUMNS} WHERE s.id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|r| r.into_view(now)))
    }

    /// Ids of every slot of every scheduled session, in time order
    /// (for seeding demo data and for tests).
    pub async fn all_slot_ids(&self) -> StoreResult<Vec<i64>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT id FROM slots ORDER BY starts_at, profession")
                .fetch_all(pool)
                .await?
        }))
    }
}
