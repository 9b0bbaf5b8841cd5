//! What a person (or staff on their behalf) does with a booking: see it,
//! cancel it, move it to another free slot.

use super::evening::{check_bookable, mail_slot, uid_for, BookError};
use super::offers::slot_freed;
use crate::domain::rules::{overlaps, RuleBroken};
use crate::domain::token::Token;
use crate::mail::calendar::Calendar;
use crate::mail::templates::{EveningMail, BOOKING_CANCELLED, BOOKING_CHANGED};
use crate::state::AppState;
use crate::store::{BookingRecord, WaitlistRecord};

/// What a manage link points to.
#[derive(Debug)]
pub enum Managed {
    /// One booking, or two made together; cancelled ones included.
    Bookings(Vec<BookingRecord>),
    /// A place on the waitlist, with its current position (if waiting).
    Waiting(WaitlistRecord, Option<usize>),
}

/// Looks a manage token up.
pub async fn lookup(state: &AppState, raw_token: &str) -> Result<Managed, BookError> {
    let token = Token::parse(raw_token).ok_or(BookError::NotFound)?;
    let hash = token.hash();
    let bookings = state.store.bookings_by_token_hash(&hash).await?;
    if !bookings.is_empty() {
        return Ok(Managed::Bookings(bookings));
    }
    // A further link, from a reminder.
    if let Some(group) = state.store.group_of_link(&hash).await? {
        let bookings = state.store.bookings_by_token_hash(&group).await?;
        if !bookings.is_empty() {
            return Ok(Managed::Bookings(bookings));
        }
    }
    let entry = state
        .store
        .waitlist_entry_by_token_hash(&hash)
        .await?
        .ok_or(BookError::NotFound)?;
    let position = if entry.status == "waiting" {
        let waiting = state.store.waiting_candidates(entry.profession()).await?;
        Some(crate::domain::waitlist::position(
            &entry.candidate(),
            &waiting,
        ))
    } else {
        None
    };
    Ok(Managed::Waiting(entry, position))
}

/// The calendar UID of a booking: by profession within a pair, else the one entry.
fn uid_of(state: &AppState, booking: &BookingRecord, group_size: usize) -> String {
    uid_for(state, &booking.token_hash, booking.profession(), group_size)
}

async fn group_size(state: &AppState, booking: &BookingRecord) -> usize {
    state
        .store
        .bookings_by_token_hash(&booking.token_hash)
        .await
        .map(|g| g.len())
        .unwrap_or(1)
}

fn mail_for(bookings: &[&BookingRecord]) -> EveningMail {
    let first = bookings[0];
    EveningMail {
        lang: first.lang(),
        name: first.name.clone(),
        slots: bookings
            .iter()
            .map(|b| crate::mail::templates::MailSlot {
                profession: b.profession(),
                starts_at: b.starts_at,
                ends_at: b.ends_at,
            })
            .collect(),
        venue: first.venue.clone(),
        ..Default::default()
    }
}

/// Cancels the confirmed bookings among `bookings`; each freed slot is
/// offered to the waitlist. Returns how many were cancelled.
pub async fn cancel(
    state: &AppState,
    bookings: &[BookingRecord],
    acted_by: Option<&str>,
) -> Result<usize, BookError> {
    let active: Vec<&BookingRecord> = bookings
        .iter()
        .filter(|b| b.status == "confirmed")
        .collect();
    if active.is_empty() {
        return Err(BookError::Rule(RuleBroken::BookingCancelled));
    }
    let mut cancelled = 0;
    for booking in &active {
        let size = group_size(state, booking).await;
        let mut mail = mail_for(&[booking]);
        mail.calendar = Some(Calendar::cancel(
            vec![uid_of(state, booking, size)],
            state.clock.now(),
        ));
        let mail = mail.queue(BOOKING_CANCELLED, &booking.email, &state.settings);
        let mail = (!booking.email.is_empty()).then_some(mail);
        if state
            .store
            .cancel_booking(booking.id, acted_by, mail.as_ref(), state.clock.now())
            .await?
        {
            cancelled += 1;
            slot_freed(state, booking.slot_id).await;
        }
    }
    state.mail_wakeup.notify_one();
    if cancelled == 0 {
        return Err(BookError::Rule(RuleBroken::BookingCancelled));
    }
    Ok(cancelled)
}

/// Moves one of `bookings` to slot `to`: the one of the same profession
/// (or the only one). The old slot is then offered to the waitlist.
pub async fn move_to(
    state: &AppState,
    bookings: &[BookingRecord],
    to: i64,
    acted_by: Option<&str>,
) -> Result<BookingRecord, BookError> {
    let now = state.clock.now();
    let target = state.store.slot(to, now).await?.ok_or_else(|| {
        BookError::Invalid(crate::domain::FieldErrors::from([(
            "slot_id",
            crate::domain::FieldError::NoSuchSlot,
        )]))
    })?;
    let active: Vec<&BookingRecord> = bookings
        .iter()
        .filter(|b| b.status == "confirmed")
        .collect();
    let booking = match active.as_slice() {
        [] => return Err(BookError::Rule(RuleBroken::BookingCancelled)),
        [only] => *only,
        several => *several
            .iter()
            .find(|b| b.profession() == target.profession)
            .ok_or(BookError::Rule(RuleBroken::NotAPair))?,
    };
    if booking.slot_id == target.id {
        return Ok(booking.clone());
    }
    check_bookable(state, &target, now)?;
    // One person, one room: the move may not make two of their bookings meet.
    let same_evening = state.store.session_bookings(target.session_id).await?;
    let meets = same_evening.iter().any(|other| {
        other.id != booking.id
            && other.status == "confirmed"
            && (other.token_hash == booking.token_hash
                || (!booking.email.is_empty() && other.email == booking.email))
            && overlaps(
                (other.starts_at, other.ends_at),
                (target.starts_at, target.ends_at),
            )
    });
    if meets {
        return Err(BookError::Rule(RuleBroken::OverlappingSlots));
    }
    let size = group_size(state, booking).await;
    let mut mail = mail_for(&[booking]);
    mail.calendar = Some(Calendar::request(vec![uid_of(state, booking, size)], now));
    mail.previous = mail.slots.pop();
    mail.slots = vec![mail_slot(&target)];
    mail.venue = target.venue.clone();
    // A link of its own (the first one is known only to the first mail).
    let link = Token::generate();
    mail.token = Some(link.as_str().to_string());
    let queued = mail.queue(BOOKING_CHANGED, &booking.email, &state.settings);
    let link_hash = link.hash();
    let queued = (!booking.email.is_empty()).then_some((&queued, link_hash.as_str()));
    if !state
        .store
        .move_booking(booking.id, &target, acted_by, queued, now)
        .await?
    {
        return Err(BookError::Rule(RuleBroken::BookingCancelled));
    }
    state.mail_wakeup.notify_one();
    slot_freed(state, booking.slot_id).await;
    let moved = state
        .store
        .booking_by_id(booking.id)
        .await?
        .ok_or(BookError::NotFound)?;
    Ok(moved)
}
