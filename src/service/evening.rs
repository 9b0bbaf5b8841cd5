//! What every step of an evening's bookings shares (相談枠の予約): why a
//! step was refused, whether a slot can be booked, a slot as a mail shows
//! it, and a booked slot's calendar UID. Booking, managing, the waitlist and
//! its offers build on it; it builds on none of them.

use crate::domain::rules::RuleBroken;
use crate::domain::{FieldError, FieldErrors};
use crate::mail::templates::MailSlot;
use crate::state::AppState;
use crate::store::{SlotView, StoreError};
use chrono::{DateTime, Utc};

/// Why a booking, or a change to one, was not made.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// Someone else holds the slot.
    #[error("slot taken")]
    SlotTaken,
    /// The slot has started, or its session was cancelled.
    #[error("slot closed")]
    SlotClosed,
    /// A booking rule refused it.
    #[error("rule broken: {0:?}")]
    Rule(RuleBroken),
    #[error("not found")]
    NotFound,
    /// The staff member's role does not let them see or do this.
    #[error("forbidden")]
    Forbidden,
    /// The office's step cannot be taken now (the code says why).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The day is a weekend, a holiday or a closure day, and staff have not
    /// confirmed that the evening is meant to be held on it.
    #[error("unusual day: {0:?}")]
    UnusualDay(Vec<crate::domain::series::UnusualDay>),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl BookError {
    /// Why a request was refused, as a code for the figures; `None` for
    /// a failure of our own (`Internal`), which is not a refusal.
    pub fn refusal(&self) -> Option<&'static str> {
        Some(match self {
            BookError::Invalid(_) => "invalid_input",
            BookError::SlotTaken => "slot_taken",
            BookError::SlotClosed => "slot_closed",
            BookError::Rule(rule) => rule.code(),
            BookError::NotFound => "not_found",
            BookError::Forbidden => "forbidden",
            BookError::Conflict(code) => code,
            BookError::UnusualDay(_) => "unusual_day",
            BookError::Internal(_) => return None,
        })
    }

    /// One field refused.
    pub fn invalid(field: &'static str, error: FieldError) -> BookError {
        BookError::Invalid(FieldErrors::from([(field, error)]))
    }
}

impl From<StoreError> for BookError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict("bookings_one_per_email" | "bookings_one_per_phone") => {
                BookError::Rule(RuleBroken::OneBookingPerPerson)
            }
            StoreError::Conflict("waitlist_one_per_phone") => {
                BookError::Rule(RuleBroken::AlreadyWaiting)
            }
            StoreError::Conflict(_) => BookError::SlotTaken,
            StoreError::NotFound => BookError::NotFound,
            other => BookError::Internal(other.into()),
        }
    }
}

/// Whether a slot can be booked at `now`, by the rules.
pub fn check_bookable(
    state: &AppState,
    slot: &SlotView,
    now: DateTime<Utc>,
) -> Result<(), BookError> {
    if slot.starts_at <= now {
        return Err(BookError::SlotClosed);
    }
    state
        .rules
        .check_window(now, slot.starts_at)
        .map_err(BookError::Rule)?;
    if !slot.available {
        return Err(BookError::SlotTaken);
    }
    Ok(())
}

/// A slot as a mail shows it.
pub fn mail_slot(slot: &SlotView) -> MailSlot {
    MailSlot {
        profession: slot.profession,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
    }
}

/// The calendar UID of a booked slot, from its group's first token hash.
pub fn uid_for(
    state: &AppState,
    group_hash: &str,
    profession: crate::domain::Profession,
    group_size: usize,
) -> String {
    let n = if group_size > 1 {
        profession as usize
    } else {
        0
    };
    let domain = state
        .settings
        .mail
        .from_address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("tsunagu.invalid");
    crate::mail::calendar::uid(group_hash, n, domain)
}
