//! Who is told what, and when (「空きのお知らせ」): an evening whose booking
//! has opened is told to those who asked for new months; a free slot in the
//! next days that nobody on the waitlist is waiting for is told to those who
//! asked for free slots. Each subscriber hears of each thing once, at most
//! one notice a day, never in the quiet hours; a long queue of notices is
//! paced so that the mail of a booking never waits behind it.

use super::Kinds;
use crate::domain::quiet::QuietHours;
use crate::domain::Profession;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashSet;

/// An opening older than this is no news (a server that was down for a
/// week does not announce last week's opening).
pub const OPENING_NEWS_DAYS: i64 = 7;

/// An evening to come, as the notices see it.
#[derive(Debug, Clone)]
pub struct EveningState {
    pub session_id: i64,
    pub starts_at: DateTime<Utc>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// Free slots per profession.
    pub free: Vec<(Profession, usize)>,
    /// People waiting for this evening or the next free one, per profession.
    pub waiting: Vec<(Profession, usize)>,
}

impl EveningState {
    fn count(list: &[(Profession, usize)], p: Profession) -> usize {
        list.iter().filter(|(q, _)| *q == p).map(|(_, n)| n).sum()
    }
    pub fn free_of(&self, p: Profession) -> usize {
        Self::count(&self.free, p)
    }
    pub fn waiting_for(&self, p: Profession) -> usize {
        Self::count(&self.waiting, p)
    }
    pub fn free_total(&self) -> usize {
        self.free.iter().map(|(_, n)| n).sum()
    }
}

/// What a notice may tell of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewsKind {
    /// Booking for this evening has opened.
    Opened,
    /// A slot with this profession is free and nobody waits for it.
    FreeSlot(Profession),
}

/// One thing to tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct News {
    /// What it is, as remembered per subscriber (`open:12`, `free:12:lawyer`).
    pub about: String,
    pub session_id: i64,
    pub starts_at: DateTime<Utc>,
    pub kind: NewsKind,
    /// Since when it is true (the opening; for a free slot, now).
    pub since: DateTime<Utc>,
}

/// What is worth telling at `now`: evenings open for booking, each opened
/// in the last [`OPENING_NEWS_DAYS`]; and, within `free_slot_days`, each
/// profession's free slots nobody waits for.
pub fn news(evenings: &[EveningState], now: DateTime<Utc>, free_slot_days: u32) -> Vec<News> {
    let mut out = Vec::new();
    for e in evenings {
        let bookable = e.opens_at <= now && now < e.closes_at && now < e.starts_at;
        if !bookable || e.free_total() == 0 {
            continue;
        }
        if now - e.opens_at <= Duration::days(OPENING_NEWS_DAYS) {
            out.push(News {
                about: format!("open:{}", e.session_id),
                session_id: e.session_id,
                starts_at: e.starts_at,
                kind: NewsKind::Opened,
                since: e.opens_at,
            });
        }
        if e.starts_at - now <= Duration::days(i64::from(free_slot_days)) {
            for &p in Profession::ALL {
                if e.free_of(p) > 0 && e.waiting_for(p) == 0 {
                    out.push(News {
                        about: format!("free:{}:{}", e.session_id, p.code()),
                        session_id: e.session_id,
                        starts_at: e.starts_at,
                        kind: NewsKind::FreeSlot(p),
                        since: now,
                    });
                }
            }
        }
    }
    out
}

/// A confirmed subscriber, as the notices see them.
#[derive(Debug, Clone)]
pub struct Subscriber {
    pub id: i64,
    pub kinds: Kinds,
    pub confirmed_at: DateTime<Utc>,
    /// The day (JST) of their last notice.
    pub last_notice_on: Option<NaiveDate>,
    /// What they were told of already (among the news of now).
    pub told: HashSet<String>,
}

/// What to tell `subscriber` today, if anything: what they asked for, not
/// told yet, and (for an opening) opened since they subscribed; nothing if
/// they had a notice today.
pub fn notice_for<'a>(
    subscriber: &Subscriber,
    news: &'a [News],
    today: NaiveDate,
) -> Vec<&'a News> {
    if subscriber.last_notice_on == Some(today) {
        return Vec::new();
    }
    news.iter()
        .filter(|n| match n.kind {
            NewsKind::Opened => subscriber.kinds.new_month && n.since >= subscriber.confirmed_at,
            NewsKind::FreeSlot(_) => subscriber.kinds.free_slot,
        })
        .filter(|n| !subscriber.told.contains(&n.about))
        .collect()
}

/// Whether notices may go out at `now` (never in the quiet hours).
pub fn may_notify(now: DateTime<Utc>, quiet: Option<&QuietHours>) -> bool {
    !quiet.is_some_and(|q| q.contains(now))
}

/// When the `n`-th notice of a sweep (from 0) is due: `per_minute` a minute
/// from `now`, so that mail queued later (a booking's) is not behind them
/// all; one that would fall in the quiet hours waits for the morning.
pub fn paced(
    now: DateTime<Utc>,
    n: usize,
    per_minute: u32,
    quiet: Option<&QuietHours>,
) -> DateTime<Utc> {
    let per_minute = i64::from(per_minute.max(1));
    let n = i64::try_from(n).unwrap_or(i64::MAX / 60_000);
    let at = now + Duration::milliseconds(n.saturating_mul(60_000) / per_minute);
    match quiet {
        Some(q) if q.contains(at) => q.daytime_from(at),
        _ => at,
    }
}
