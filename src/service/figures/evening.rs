//! The evening consultation's year: the records of the fiscal year read,
//! each booking's cancellation judged against its cut-off, counted by the
//! domain; with the referrals of the year.

use crate::domain::figures::evening::{
    tally, BookingRecord, EveningFigures, SlotRecord, WaitlistRecord,
};
use crate::domain::figures::FiscalYear;
use crate::domain::staff::Attendance;
use crate::domain::Profession;
use crate::state::AppState;
use crate::store::StaffMember;

/// The year's figures, with the referrals made in it.
#[derive(Debug, Clone)]
pub struct EveningYear {
    pub fy: FiscalYear,
    pub figures: EveningFigures,
    /// Referrals made in the year: (made, arrived, still open, follow-ups kept).
    pub referrals: (usize, usize, usize, usize),
}

/// Counts `fy` (no audit: see [`view`]).
pub async fn count(state: &AppState, fy: FiscalYear) -> anyhow::Result<EveningYear> {
    let (from, to) = (fy.start(), fy.end());
    let now = state.clock.now();
    let slots: Vec<SlotRecord> = state
        .store
        .figure_slots(from, to)
        .await?
        .into_iter()
        .filter_map(|s| {
            Some(SlotRecord {
                session_id: s.session_id,
                starts_at: s.starts_at,
                profession: Profession::parse(&s.profession).ok()?,
                held: s.starts_at <= now,
                slots: u64::try_from(s.slots).unwrap_or(0),
            })
        })
        .collect();
    let bookings: Vec<BookingRecord> = state
        .store
        .figure_bookings(from, to)
        .await?
        .into_iter()
        .map(|b| {
            let cancelled = b.status == "cancelled";
            BookingRecord {
                session_id: b.session_id,
                // Every one read is the year's (its slot starts in it).
                starts_at: from,
                profession: Profession::parse(&b.profession).ok(),
                cancelled,
                cancelled_late: match (b.cancelled_at, b.starts_at) {
                    (Some(at), Some(slot)) if cancelled => at >= state.rules.closes_at(slot),
                    _ => false,
                },
                attendance: b
                    .attendance
                    .as_deref()
                    .and_then(|a| Attendance::parse(a).ok()),
                email: b.email.to_lowercase(),
                phone_digits: b.phone_digits,
                age_band: b.age_band,
                topic: b.topic,
                heard_from: b.heard_from,
                from_waitlist: b.from_waitlist,
                follow_up: b.follow_up,
                seen_before: b.seen_before,
            }
        })
        .collect();
    let waitlist: Vec<WaitlistRecord> = state
        .store
        .figure_waitlist(from, to)
        .await?
        .into_iter()
        .map(|(created_at, status)| WaitlistRecord { created_at, status })
        .collect();
    let figures = tally(fy, &slots, &bookings, &waitlist);
    let counts = state.store.referral_counts(from, to).await?;
    let r = crate::domain::referral::figures::count(&counts);
    Ok(EveningYear {
        fy,
        figures,
        referrals: (r.total, r.arrived, r.open, r.follow_ups.kept),
    })
}

/// The year's figures as `who` views them (audited).
pub async fn view(
    state: &AppState,
    who: &StaffMember,
    fy: FiscalYear,
    what: &str,
) -> anyhow::Result<EveningYear> {
    let year = count(state, fy).await?;
    state
        .audit(who, "view_figures", &format!("evening {}", fy.0), what)
        .await?;
    Ok(year)
}
