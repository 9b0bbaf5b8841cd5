//! Booking one evening slot (相談枠の予約).

use crate::domain::token::Token;
use crate::domain::{BookingInput, FieldError, FieldErrors, Lang};
use crate::mail::templates::{manage_url, BookingMail};
use crate::state::AppState;
use crate::store::{NewBooking, SlotView, StoreError};

/// Why a booking was not made.
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
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for BookError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => BookError::SlotTaken,
            other => BookError::Internal(other.into()),
        }
    }
}

/// A booking just made: the token is known only here and in the mail.
#[derive(Debug)]
pub struct Booked {
    pub id: i64,
    pub token: Token,
    pub manage_url: String,
    pub slot: SlotView,
}

/// Validates the form, checks the slot, and writes the booking with its
/// confirmation mail. Everything is checked before anything is written;
/// the database has the last word on who gets a contested slot.
pub async fn book_slot(
    state: &AppState,
    slot_id: Option<i64>,
    input: &BookingInput,
    mut errors: FieldErrors,
    lang: Lang,
) -> Result<Booked, BookError> {
    let details = input.validate().map_err(|e| errors.extend(e)).ok();
    let now = state.clock.now();
    let slot = match slot_id {
        Some(id) => state.store.slot(id, now).await?,
        None => None,
    };
    if slot.is_none() {
        let reason = if slot_id.is_some() {
            FieldError::NoSuchSlot
        } else {
            FieldError::Required
        };
        errors.entry("slot_id").or_insert(reason);
    }
    let (Some(details), Some(slot), true) = (details, slot, errors.is_empty()) else {
        return Err(BookError::Invalid(errors));
    };
    if slot.starts_at <= now {
        return Err(BookError::SlotClosed);
    }
    if !slot.available {
        return Err(BookError::SlotTaken);
    }
    let token = Token::generate();
    let mail = BookingMail {
        lang,
        name: details.name.as_str().to_string(),
        profession: slot.profession,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        venue: slot.venue.clone(),
        token: token.as_str().to_string(),
    }
    .confirmed(details.email.as_str(), &state.settings);
    let booking = NewBooking {
        slot_id: slot.id,
        details,
        token_hash: token.hash(),
        lang,
    };
    let id = state
        .store
        .create_booking(&booking, Some(&mail), now)
        .await?;
    state.mail_wakeup.notify_one();
    Ok(Booked {
        id,
        manage_url: manage_url(&state.settings, token.as_str()),
        token,
        slot,
    })
}
