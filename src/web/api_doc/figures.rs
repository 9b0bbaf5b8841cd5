//! 年度の実績's response types.

use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One profession's slots in the year.
#[derive(Serialize, ToSchema)]
pub struct SlotFiguresJson {
    pub offered: u64,
    pub booked: u64,
    pub attended: u64,
    pub no_show: u64,
    pub late_cancel: u64,
    /// Slots of evenings held that nobody booked.
    pub unused: u64,
}

#[derive(Serialize, ToSchema)]
pub struct SlotsJson {
    pub lawyer: SlotFiguresJson,
    pub psychologist: SlotFiguresJson,
}

#[derive(Serialize, ToSchema)]
pub struct WaitlistFiguresJson {
    pub joins: u64,
    pub offers: u64,
    pub accepted: u64,
    pub declined: u64,
    pub expired: u64,
}

#[derive(Serialize, ToSchema)]
pub struct ReferralSummaryJson {
    pub made: usize,
    pub arrived: usize,
    pub open: usize,
    pub follow_ups_kept: usize,
}

/// The evening consultation's fiscal year (exact counts: for the office).
#[derive(Serialize, ToSchema)]
pub struct EveningFiguresJson {
    /// April 1 of this year to March 31 of the next, JST.
    pub fiscal_year: i32,
    /// 「令和8年度」.
    pub label: String,
    pub evenings: u64,
    pub evenings_held: u64,
    pub slots: SlotsJson,
    /// Booked ÷ offered.
    pub fill_rate: f64,
    /// 実人数: people (the same email or phone) who attended at least once.
    pub people: u64,
    /// 延べ件数: consultations attended.
    pub consultations: u64,
    /// People who attended both professionals on one evening.
    pub both_professionals: u64,
    pub first_visits: u64,
    pub returning: u64,
    /// Consultations attended per age band code (`""`: 未回答).
    pub age_bands: BTreeMap<String, u64>,
    pub topics: BTreeMap<String, u64>,
    /// Bookings made by the public per answer to 「何で知りましたか」 (`""`: 未回答).
    pub heard_from: BTreeMap<String, u64>,
    pub waitlist: WaitlistFiguresJson,
    pub referrals: ReferralSummaryJson,
}

/// Workers seen per kind ①–④.
#[derive(Serialize, ToSchema)]
pub struct WorkersJson {
    pub consultation: u32,
    pub checkup_opinion: u32,
    pub long_hours: u32,
    pub high_stress: u32,
}

#[derive(Serialize, ToSchema)]
pub struct HealthMonthJson {
    /// `YYYY-MM`.
    pub month: String,
    /// Workplaces served (interviews that took place).
    pub workplaces: u32,
    pub workers: WorkersJson,
    pub median_wait_days: Option<i64>,
    pub p90_wait_days: Option<i64>,
    pub seen_after_due: u32,
    /// Requests received in the month.
    pub received: i64,
    /// Requests waiting at the month's end (received, not yet seen).
    pub waiting_at_end: i64,
    /// Interviews that did not take place.
    pub no_shows: i64,
}

/// The health centre's fiscal year, month by month.
#[derive(Serialize, ToSchema)]
pub struct HealthFiguresJson {
    pub fiscal_year: i32,
    pub label: String,
    pub months: Vec<HealthMonthJson>,
    pub workplaces: u32,
    pub workers: u32,
    /// The last month ended (`YYYY-MM`) of a year in progress, else `null`.
    pub as_of: Option<String>,
    /// 「16件290名（1月末現在）」, or 「16件290名」 for a year ended.
    pub summary: String,
}
