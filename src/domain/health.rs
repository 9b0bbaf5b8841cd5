//! 地域産業保健センター: interview requests from small workplaces, their
//! legal due dates, the order of the queue, the estimate given to a
//! business, and the scheduling assistant that proposes which request goes
//! to which doctor's availability block. Pure: no I/O.
//!
//! Due dates (configurable; see docs/HEALTH.md for the legal basis):
//! ③ long hours and ④ high stress are due a month after the worker's
//! request, ② a doctor's opinion three months after the health check,
//! ① consultation has no legal due date.

use chrono::{Datelike, Months, NaiveDate, NaiveTime, Weekday};

pub mod figures;
pub mod preferences;
pub mod request;

/// The four kinds of service (①–④).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServiceKind {
    /// ① 健康管理（メンタルヘルスを含む）に係る相談
    Consultation,
    /// ② 健康診断の結果についての医師からの意見聴取
    CheckupOpinion,
    /// ③ 長時間労働者に対する面接指導
    LongHours,
    /// ④ 高ストレス者に対する面接指導
    HighStress,
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 4] = [
        ServiceKind::Consultation,
        ServiceKind::CheckupOpinion,
        ServiceKind::LongHours,
        ServiceKind::HighStress,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ServiceKind::Consultation => "consultation",
            ServiceKind::CheckupOpinion => "checkup_opinion",
            ServiceKind::LongHours => "long_hours",
            ServiceKind::HighStress => "high_stress",
        }
    }

    pub fn parse(code: &str) -> Option<ServiceKind> {
        ServiceKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
    }
}

/// The due-date rules and interview lengths, from configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthRules {
    pub long_hours_months: u32,
    pub high_stress_months: u32,
    pub checkup_opinion_months: u32,
    /// Minutes per worker for each kind, in the order of [`ServiceKind::ALL`].
    pub minutes: [u32; 4],
    /// Flag a request this many days before its due date.
    pub warn_days: u32,
}

impl Default for HealthRules {
    fn default() -> Self {
        HealthRules {
            long_hours_months: 1,
            high_stress_months: 1,
            checkup_opinion_months: 3,
            minutes: [30, 20, 30, 40],
            warn_days: 14,
        }
    }
}

/// One service asked for in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceAsk {
    pub kind: ServiceKind,
    pub workers: u32,
    /// ③④: the day the worker asked for the interview.
    pub requested_on: Option<NaiveDate>,
    /// ②: the day of the health check.
    pub checked_on: Option<NaiveDate>,
}

impl HealthRules {
    /// The legal due date of one service, if it has one. Without the date
    /// it counts from, the request's own date stands in (the earlier, the safer).
    pub fn service_due(&self, s: &ServiceAsk, received_on: NaiveDate) -> Option<NaiveDate> {
        let (from, months) = match s.kind {
            ServiceKind::Consultation => return None,
            ServiceKind::LongHours => (s.requested_on, self.long_hours_months),
            ServiceKind::HighStress => (s.requested_on, self.high_stress_months),
            ServiceKind::CheckupOpinion => (s.checked_on, self.checkup_opinion_months),
        };
        from.unwrap_or(received_on)
            .checked_add_months(Months::new(months))
    }

    /// A request is due when its most urgent service is.
    pub fn request_due(
        &self,
        services: &[ServiceAsk],
        received_on: NaiveDate,
    ) -> Option<NaiveDate> {
        services
            .iter()
            .filter_map(|s| self.service_due(s, received_on))
            .min()
    }

    /// Interviews and minutes a request needs.
    pub fn workload(&self, services: &[ServiceAsk]) -> (u32, u32) {
        services.iter().fold((0, 0), |(n, m), s| {
            let idx = ServiceKind::ALL
                .iter()
                .position(|k| *k == s.kind)
                .unwrap_or(0);
            (n + s.workers, m + s.workers * self.minutes[idx])
        })
    }

    /// Past or near its due date.
    pub fn flag(&self, due: Option<NaiveDate>, today: NaiveDate) -> DueFlag {
        match due {
            Some(d) if d < today => DueFlag::Overdue,
            Some(d) if (d - today).num_days() <= i64::from(self.warn_days) => DueFlag::DueSoon,
            _ => DueFlag::None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueFlag {
    None,
    DueSoon,
    Overdue,
}

/// A waiting request, as the queue sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    /// Order of arrival (the request number).
    pub seq: i64,
    pub due: Option<NaiveDate>,
    /// Set by staff moving a request (with a reason, audited): it then sorts as if due this day.
    pub moved_to: Option<NaiveDate>,
}

impl Queued {
    fn sort_key(&self) -> (bool, Option<NaiveDate>, i64) {
        let date = self.moved_to.or(self.due);
        (date.is_none(), date, self.seq)
    }
}

/// The queue in order: due date first (requests without one last), then first come, first served.
pub fn order(queue: &mut [Queued]) {
    queue.sort_by_key(Queued::sort_key);
}

/// The 1-based place of request `id` in the queue (0 if it is not in it).
pub fn position(mut queue: Vec<Queued>, id: i64) -> usize {
    order(&mut queue);
    queue.iter().position(|q| q.id == id).map_or(0, |p| p + 1)
}

/// The month a business can expect its turn: `position` (1 = next) against
/// the centre's monthly throughput, after what is already booked this month.
pub fn estimate_month(
    position: usize,
    per_month: u32,
    booked_this_month: u32,
    today: NaiveDate,
) -> (i32, u32) {
    let per_month = per_month.max(1) as usize;
    let left_this_month = per_month.saturating_sub(booked_this_month as usize);
    let months_ahead = if position <= left_this_month {
        0
    } else {
        1 + (position - left_this_month - 1) / per_month
    };
    let first = today.with_day(1).expect("day 1") + Months::new(months_ahead as u32);
    (first.year(), first.month())
}

/// The month a request can expect its turn, from the doctors' blocks
/// already entered and, beyond them, the centre's throughput: the
/// assistant places every waiting request (queue order, preferences) into
/// the blocks from `today`; a request it places gets that block's month.
/// The rest follow, in queue order, at `per_month` a month from the month
/// after the last block (or this month, without blocks).
pub fn forecast(
    subject: i64,
    pending: &[Pending],
    blocks: &[Block],
    today: NaiveDate,
    per_month: u32,
) -> (i32, u32) {
    forecast_all(pending, blocks, today, per_month)
        .get(&subject)
        .copied()
        .unwrap_or_else(|| estimate_month(1, per_month, 0, today))
}

/// [`forecast`] for every waiting request at once (the staff's queue).
pub fn forecast_all(
    pending: &[Pending],
    blocks: &[Block],
    today: NaiveDate,
    per_month: u32,
) -> std::collections::HashMap<i64, (i32, u32)> {
    let horizon = blocks.iter().map(|b| b.date).max().unwrap_or(today);
    let proposal = propose(pending, blocks, today, horizon);
    let start = if blocks.is_empty() {
        today
    } else {
        horizon.with_day(1).expect("day 1") + Months::new(1)
    };
    let mut months: std::collections::HashMap<i64, (i32, u32)> = proposal
        .assignments
        .iter()
        .map(|a| (a.request_id, (a.date.year(), a.date.month())))
        .collect();
    for (i, id) in proposal.unassigned.iter().enumerate() {
        months.insert(*id, estimate_month(i + 1, per_month, 0, start));
    }
    months
}

/// Whether the month a business is told to expect begins after the
/// request's legal due date (期限より後の見込み): the business is told so
/// honestly, and staff see the request flagged at the top of the queue.
pub fn estimate_after_due(estimate: (i32, u32), due: Option<NaiveDate>) -> bool {
    due.is_some_and(|d| estimate > (d.year(), d.month()))
}

/// How long after a business accepted a date no reminder is sent: the
/// confirmation has just said it all, and a reminder due earlier (say, the
/// 72-hour one, for a date two days away) is left out.
pub const REMINDER_QUIET_HOURS: i64 = 12;

/// Whether a reminder due at `due_at` goes out for an interview accepted
/// at `accepted_at` (none: not accepted, no reminder).
pub fn reminder_wanted(
    due_at: chrono::DateTime<chrono::Utc>,
    accepted_at: Option<chrono::DateTime<chrono::Utc>>,
) -> bool {
    accepted_at.is_some_and(|at| due_at >= at + chrono::Duration::hours(REMINDER_QUIET_HOURS))
}

/// Where interviews happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Centre,
    Visit,
}

/// Times of day a business prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    Any,
    Morning,
    Afternoon,
}

impl TimeOfDay {
    fn admits(self, start: NaiveTime) -> bool {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("noon");
        match self {
            TimeOfDay::Any => true,
            TimeOfDay::Morning => start < noon,
            TimeOfDay::Afternoon => start >= noon,
        }
    }
}

/// A doctor's availability block (産業医の対応可能枠).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub id: i64,
    pub doctor_id: i64,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: Place,
    /// How many interviews fit.
    pub capacity: u32,
}

impl Block {
    fn minutes(&self) -> u32 {
        (self.end - self.start).num_minutes().max(0) as u32
    }
    fn overlaps(&self, other: &Block) -> bool {
        self.doctor_id == other.doctor_id
            && self.date == other.date
            && self.start < other.end
            && other.start < self.end
    }
}

/// A request the assistant may schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub queued: Queued,
    pub place: Place,
    /// Empty: any weekday.
    pub weekdays: Vec<Weekday>,
    pub time_of_day: TimeOfDay,
    pub interviews: u32,
    pub minutes: u32,
}

/// One proposed interview appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub request_id: i64,
    pub block_id: i64,
    pub doctor_id: i64,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// What the assistant proposes for a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposal {
    pub assignments: Vec<Assignment>,
    /// Requests no block in the period could take.
    pub unassigned: Vec<i64>,
}

struct Room {
    block: Block,
    interviews_left: u32,
    minutes_used: u32,
}

impl Room {
    fn fits(&self, p: &Pending) -> bool {
        self.block.place == p.place
            && (p.weekdays.is_empty() || p.weekdays.contains(&self.block.date.weekday()))
            && p.time_of_day.admits(self.block.start)
            && self.interviews_left >= p.interviews
            && self.minutes_used + p.minutes <= self.block.minutes()
            // A visit takes the doctor to one workplace: the block serves one request.
            && (self.block.place == Place::Centre || self.minutes_used == 0)
    }
}

/// Proposes appointments for the blocks dated `from..=to`: requests in queue
/// order (due date, then arrival) each take the earliest block that fits
/// their place, weekdays, time of day and workload. A block that overlaps an
/// earlier block of the same doctor is left out, so a doctor is never in two
/// places at once.
pub fn propose(pending: &[Pending], blocks: &[Block], from: NaiveDate, to: NaiveDate) -> Proposal {
    let mut usable: Vec<Block> = blocks
        .iter()
        .filter(|b| b.date >= from && b.date <= to && b.capacity > 0)
        .cloned()
        .collect();
    usable.sort_by_key(|b| (b.date, b.start, b.id));
    let mut rooms: Vec<Room> = Vec::with_capacity(usable.len());
    for block in usable {
        if rooms.iter().any(|r| r.block.overlaps(&block)) {
            continue;
        }
        rooms.push(Room {
            interviews_left: block.capacity,
            minutes_used: 0,
            block,
        });
    }
    let mut order: Vec<&Pending> = pending.iter().collect();
    order.sort_by_key(|p| p.queued.sort_key());
    let mut proposal = Proposal::default();
    for p in order {
        match rooms.iter_mut().find(|r| r.fits(p)) {
            Some(room) => {
                let start =
                    room.block.start + chrono::Duration::minutes(i64::from(room.minutes_used));
                room.minutes_used += p.minutes;
                room.interviews_left -= p.interviews;
                proposal.assignments.push(Assignment {
                    request_id: p.queued.id,
                    block_id: room.block.id,
                    doctor_id: room.block.doctor_id,
                    date: room.block.date,
                    start,
                    end: start + chrono::Duration::minutes(i64::from(p.minutes)),
                });
            }
            None => proposal.unassigned.push(p.queued.id),
        }
    }
    proposal
}

#[cfg(test)]
mod tests;

/// Where a workplace the centre cannot serve is pointed to.
#[derive(Debug, Clone)]
pub struct Referral {
    pub name: String,
    pub name_en: String,
    pub phone: String,
}
