//! Creating the sessions of the series (`tsunagu schedule generate`).

use crate::domain::time::jst_today;
use crate::mail::calendar::Calendar;
use crate::mail::templates::{EveningMail, MailSlot, BOOKING_CHANGED, SESSION_CANCELLED};
use crate::service::evening::uid_for;
use crate::state::AppState;
use crate::store::SlotMove;

/// What generation did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Generated {
    pub created: Vec<chrono::NaiveDate>,
    pub existing: Vec<chrono::NaiveDate>,
}

/// The series rule in force: what staff set on the screens, else `config/`.
pub async fn series(state: &AppState) -> anyhow::Result<crate::domain::series::EveningSeries> {
    let mut settings = state.settings.series.clone();
    if let Some(rule) = state.store.series_rule().await? {
        settings.weekday = rule.weekday;
        settings.week_of_month = u8::try_from(rule.week_of_month).unwrap_or(settings.week_of_month);
        settings.start = rule.start;
    }
    settings.to_series()
}

/// Validates and stores a new series rule; sessions already created stay as they are.
pub async fn set_series(
    state: &AppState,
    weekday: &str,
    week_of_month: u8,
    start: &str,
    by: &str,
) -> anyhow::Result<()> {
    let mut check = state.settings.series.clone();
    check.weekday = weekday.to_string();
    check.week_of_month = week_of_month;
    check.start = start.to_string();
    check.to_series()?;
    let rule = crate::store::SeriesRule {
        weekday: weekday.into(),
        week_of_month: week_of_month.into(),
        start: start.into(),
    };
    state
        .store
        .set_series_rule(&rule, by, state.clock.now())
        .await?;
    Ok(())
}

/// Creates the sessions of the next `months` months; running it again
/// creates nothing new (one session of the series per month, by a unique key).
pub async fn generate(state: &AppState, months: u32) -> anyhow::Result<Generated> {
    let series = series(state).await?;
    let now = state.clock.now();
    let mut out = Generated::default();
    for plan in series.plan(jst_today(now), months) {
        if plan.starts_at <= now {
            continue;
        }
        if state
            .store
            .insert_session(&plan, &state.settings.evening.venue, now)
            .await?
        {
            out.created.push(plan.date);
        } else {
            out.existing.push(plan.date);
        }
    }
    Ok(out)
}

/// Adds a one-off evening (臨時の相談会) on `date`, at `start` or the series' time.
pub async fn add_one_off(
    state: &AppState,
    date: chrono::NaiveDate,
    start: Option<chrono::NaiveTime>,
) -> anyhow::Result<Option<i64>> {
    let mut series = series(state).await?;
    if let Some(start) = start {
        series.start = start;
    }
    let occurrence = format!(
        "one-off-{date}-{}",
        &crate::domain::token::Token::generate().as_str()[..8]
    );
    let plan = series.plan_on(date, occurrence);
    let now = state.clock.now();
    if plan.starts_at <= now {
        return Ok(None);
    }
    state
        .store
        .insert_session(&plan, &state.settings.evening.venue, now)
        .await?;
    let sessions = state.store.upcoming_sessions(now).await?;
    Ok(sessions
        .iter()
        .find(|s| s.starts_at == plan.starts_at && s.slots.len() == plan.slots.len())
        .map(|s| s.id))
}

fn changed_mail(
    state: &AppState,
    b: &crate::store::BookingRecord,
    kind: &'static str,
    slots: Vec<MailSlot>,
    previous: Option<MailSlot>,
    calendar: Calendar,
) -> crate::store::OutgoingMail {
    EveningMail {
        lang: b.lang(),
        name: b.name.clone(),
        slots,
        venue: b.venue.clone(),
        previous,
        calendar: Some(calendar),
        ..Default::default()
    }
    .queue(kind, &b.email, &state.settings)
}

fn slot_of(b: &crate::store::BookingRecord) -> MailSlot {
    MailSlot {
        profession: b.profession(),
        starts_at: b.starts_at,
        ends_at: b.ends_at,
    }
}

/// Cancels an evening: everyone booked is told (with a calendar
/// cancellation), offers and the evening's waitlist end. Returns how many
/// bookings were cancelled, or `None` if the evening was not scheduled.
pub async fn cancel_session(
    state: &AppState,
    session_id: i64,
    acted_by: &str,
) -> anyhow::Result<Option<usize>> {
    let now = state.clock.now();
    let bookings = state.store.session_bookings(session_id).await?;
    let mut mails = Vec::new();
    for b in bookings.iter().filter(|b| !b.email.is_empty()) {
        let size = state
            .store
            .bookings_by_token_hash(&b.token_hash)
            .await?
            .len();
        let uid = uid_for(state, &b.token_hash, b.profession(), size);
        mails.push((
            b.id,
            changed_mail(
                state,
                b,
                SESSION_CANCELLED,
                vec![slot_of(b)],
                None,
                Calendar::cancel(vec![uid], now),
            ),
        ));
    }
    if !state
        .store
        .cancel_session(session_id, &mails, acted_by, now)
        .await?
    {
        return Ok(None);
    }
    state.mail_wakeup.notify_one();
    Ok(Some(bookings.len()))
}

/// Moves an evening to another day or time: its slots keep their order and
/// lengths, bookings follow, and everyone booked is told the new time.
/// `None` if the evening is not scheduled or the new time has passed.
pub async fn move_session(
    state: &AppState,
    session_id: i64,
    date: chrono::NaiveDate,
    start: chrono::NaiveTime,
) -> anyhow::Result<Option<usize>> {
    let now = state.clock.now();
    let Some(session) = state.store.roster_session(session_id).await? else {
        return Ok(None);
    };
    let new_start = crate::domain::time::jst_instant(date, start);
    if session.status != "scheduled" || new_start <= now {
        return Ok(None);
    }
    let delta = new_start - session.starts_at;
    let mut lines = state.store.day_sheet(session_id).await?;
    // Move the slots in an order that never puts two on one time.
    lines.sort_by_key(|l| l.starts_at);
    if delta > chrono::Duration::zero() {
        lines.reverse();
    }
    let moves: Vec<SlotMove> = lines
        .iter()
        .map(|l| SlotMove {
            slot_id: l.slot_id,
            starts_at: l.starts_at + delta,
            ends_at: l.ends_at + delta,
        })
        .collect();
    let bookings = state.store.session_bookings(session_id).await?;
    let mut mails = Vec::new();
    for b in bookings.iter().filter(|b| !b.email.is_empty()) {
        let size = state
            .store
            .bookings_by_token_hash(&b.token_hash)
            .await?
            .len();
        let uid = uid_for(state, &b.token_hash, b.profession(), size);
        let now_slot = MailSlot {
            profession: b.profession(),
            starts_at: b.starts_at + delta,
            ends_at: b.ends_at + delta,
        };
        mails.push((
            b.id,
            changed_mail(
                state,
                b,
                BOOKING_CHANGED,
                vec![now_slot],
                Some(slot_of(b)),
                Calendar::request(vec![uid], now),
            ),
        ));
    }
    let moved = state
        .store
        .move_session(
            session_id,
            new_start,
            session.ends_at + delta,
            &moves,
            &mails,
            now,
        )
        .await?;
    if !moved {
        return Ok(None);
    }
    state.mail_wakeup.notify_one();
    Ok(Some(bookings.len()))
}
