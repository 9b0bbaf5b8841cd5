//! 年度の実績: the plain records the figures are counted from (slots,
//! bookings, waitlist places of a span), and the earlier years' totals
//! staff entered by hand.

use super::{on_db, Store, StoreResult};
use chrono::{DateTime, Utc};

/// The slots of one profession on a scheduled evening.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FigureSlot {
    pub session_id: i64,
    /// The evening's start.
    pub starts_at: DateTime<Utc>,
    pub profession: String,
    pub slots: i64,
}

/// A booking of the span, confirmed or cancelled, with only what the
/// figures need of it: the person's keys and answers of a consultation
/// attended (empty otherwise), and the times of a cancelled one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FigureBooking {
    pub session_id: i64,
    /// The slot's start, for a cancelled booking (its cut-off).
    pub starts_at: Option<DateTime<Utc>>,
    pub profession: String,
    pub status: String,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub attendance: Option<String>,
    pub email: String,
    pub phone_digits: String,
    pub age_band: String,
    pub topic: String,
    pub heard_from: Option<String>,
    pub from_waitlist: bool,
    pub follow_up: bool,
    /// Attended, by a person (same phone or email) who attended before `from`.
    pub seen_before: bool,
}

/// An earlier year's total entered by hand.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ByHand {
    pub service: String,
    pub fiscal_year: i32,
    pub measure: String,
    pub value: i64,
    pub entered_by: String,
}

impl Store {
    /// Slots of scheduled evenings starting in `[from, to)`.
    pub async fn figure_slots(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<FigureSlot>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT e.id AS session_id, e.starts_at, s.profession, COUNT(*) AS slots
                 FROM evening_sessions e JOIN slots s ON s.session_id = e.id
                 WHERE e.status = 'scheduled' AND e.starts_at >= $1 AND e.starts_at < $2
                 GROUP BY e.id, e.starts_at, s.profession",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Bookings (confirmed or cancelled) of slots starting in `[from, to)`.
    pub async fn figure_bookings(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<FigureBooking>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT s.session_id, CASE WHEN b.status = 'cancelled' THEN s.starts_at END AS starts_at,
                        s.profession, b.status,
                        CASE WHEN b.status = 'cancelled' THEN b.cancelled_at END AS cancelled_at, b.attendance,
                        CASE WHEN b.attendance = 'attended' THEN b.email ELSE '' END AS email,
                        CASE WHEN b.attendance = 'attended' THEN b.phone_digits ELSE '' END AS phone_digits,
                        CASE WHEN b.attendance = 'attended' THEN b.age_band ELSE '' END AS age_band,
                        CASE WHEN b.attendance = 'attended' THEN b.topic ELSE '' END AS topic, b.heard_from,
                        b.waitlist_entry_id IS NOT NULL AS from_waitlist,
                        b.referral_id IS NOT NULL AS follow_up,
                        (b.attendance = 'attended' AND (
                            EXISTS (SELECT 1 FROM bookings o JOIN slots os ON os.id = o.slot_id
                                    WHERE o.attendance = 'attended' AND o.phone_digits = b.phone_digits
                                      AND o.status = 'confirmed' AND os.starts_at < $1)
                            OR (b.email <> '' AND EXISTS (
                                    SELECT 1 FROM bookings o JOIN slots os ON os.id = o.slot_id
                                    WHERE o.attendance = 'attended' AND o.email <> '' AND o.email = b.email
                                      AND o.status = 'confirmed' AND os.starts_at < $1)))) AS seen_before
                 FROM slots s JOIN bookings b ON b.slot_id = s.id
                 WHERE s.starts_at >= $1 AND s.starts_at < $2 AND b.status IN ('confirmed', 'cancelled')",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Waitlist places taken in `[from, to)`: (when, status).
    pub async fn figure_waitlist(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as("SELECT created_at, status FROM waitlist_entries WHERE created_at >= $1 AND created_at < $2")
                .bind(from)
                .bind(to)
                .fetch_all(pool)
                .await?
        }))
    }

    /// Every total entered by hand, oldest year first.
    pub async fn figures_by_hand(&self) -> StoreResult<Vec<ByHand>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT service, fiscal_year, measure, value, entered_by FROM figures_by_hand
                 ORDER BY service, fiscal_year, measure",
            )
            .fetch_all(pool)
            .await?
        }))
    }

    /// Enters (or corrects) an earlier year's total.
    pub async fn enter_by_hand(
        &self,
        service: &str,
        fiscal_year: i32,
        measure: &str,
        value: i64,
        by: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO figures_by_hand (service, fiscal_year, measure, value, entered_by, entered_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (service, fiscal_year, measure)
                 DO UPDATE SET value = $4, entered_by = $5, entered_at = $6",
            )
            .bind(service)
            .bind(fiscal_year)
            .bind(measure)
            .bind(value)
            .bind(by)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}

/// A closed year's totals for the trend: (people, consultations, lawyer, psychologist).
pub type ClosedYear = (i64, i64, i64, i64);

impl Store {
    /// The closed years counted once already.
    pub async fn figures_closed(&self) -> StoreResult<Vec<(i32, ClosedYear)>> {
        let rows: Vec<(i32, i64, i64, i64, i64)> = on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT fiscal_year, people, consultations, lawyer, psychologist FROM figures_closed ORDER BY fiscal_year",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(y, a, b, c, d)| (y, (a, b, c, d)))
            .collect())
    }

    /// Keeps a closed year's totals (the first count stays).
    pub async fn keep_figures_closed(
        &self,
        fiscal_year: i32,
        totals: ClosedYear,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            sqlx::query(
                "INSERT INTO figures_closed (fiscal_year, people, consultations, lawyer, psychologist, computed_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (fiscal_year) DO NOTHING",
            )
            .bind(fiscal_year)
            .bind(totals.0)
            .bind(totals.1)
            .bind(totals.2)
            .bind(totals.3)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The first slot's start of any evening, if there is one (where the
    /// records begin).
    pub async fn first_evening(&self) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_scalar("SELECT MIN(starts_at) FROM evening_sessions WHERE status = 'scheduled'")
                .fetch_one(pool)
                .await?
        }))
    }
}

/// A month of the health centre beside its interviews: requests received,
/// interviews missed, requests still waiting at its end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HealthMonthCounts {
    pub received: i64,
    pub no_shows: i64,
    pub waiting_at_end: i64,
}

impl Store {
    /// The counts of the month `[from, to)` (`to` is the next month's first instant).
    pub async fn health_month_counts(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        from_at: DateTime<Utc>,
        to_at: DateTime<Utc>,
    ) -> StoreResult<HealthMonthCounts> {
        let (received, no_shows, waiting): (i64, i64, i64) = on_db!(read self, pool => {
            let received = sqlx::query_scalar(
                "SELECT COUNT(*) FROM health_requests WHERE received_on >= $1 AND received_on < $2",
            )
            .bind(from)
            .bind(to)
            .fetch_one(pool)
            .await?;
            let no_shows = sqlx::query_scalar(
                "SELECT COUNT(*) FROM health_interviews
                 WHERE status = 'accepted' AND attended = FALSE AND starts_at >= $1 AND starts_at < $2",
            )
            .bind(from_at)
            .bind(to_at)
            .fetch_one(pool)
            .await?;
            // Received by the month's end, not seen by then, not withdrawn by then.
            let waiting = sqlx::query_scalar(
                "SELECT COUNT(*) FROM health_requests r
                 WHERE r.received_on < $1
                   AND (r.status <> 'withdrawn' OR r.updated_at >= $2)
                   AND NOT EXISTS (SELECT 1 FROM health_interviews i
                                   WHERE i.request_id = r.id AND i.status = 'accepted'
                                     AND (i.attended IS NULL OR i.attended) AND i.starts_at < $2)",
            )
            .bind(to)
            .bind(to_at)
            .fetch_one(pool)
            .await?;
            (received, no_shows, waiting)
        });
        Ok(HealthMonthCounts {
            received,
            no_shows,
            waiting_at_end: waiting,
        })
    }
}

impl Store {
    /// Requests received in `[from, to)`: (received, due).
    pub async fn health_arrivals(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> StoreResult<Vec<(chrono::NaiveDate, Option<chrono::NaiveDate>)>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT received_on, due_on FROM health_requests WHERE received_on >= $1 AND received_on < $2
                 ORDER BY received_on, id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        }))
    }

    /// Requests in line now (waiting, or proposed a date not yet accepted).
    pub async fn health_in_line(
        &self,
    ) -> StoreResult<Vec<(chrono::NaiveDate, Option<chrono::NaiveDate>)>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(
                "SELECT received_on, due_on FROM health_requests WHERE status IN ('waiting', 'proposed')
                 ORDER BY received_on, id",
            )
            .fetch_all(pool)
            .await?
        }))
    }
}
