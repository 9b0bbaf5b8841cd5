//! Booking evening slots (相談枠の予約): one slot, or one of each profession
//! on one evening.

use super::evening::{check_bookable, mail_slot, uid_for, BookError};
use crate::domain::booking::keep;
use crate::domain::outreach::{Source, SourceInput};
use crate::domain::rules::{overlaps, RuleBroken};
use crate::domain::token::Token;
use crate::domain::{BookingDetails, BookingInput, FieldError, FieldErrors, Lang};
use crate::mail::calendar::Calendar;
use crate::mail::templates::{manage_url, EveningMail, BOOKING_CONFIRMED};
use crate::metrics::Channel;
use crate::state::AppState;
use crate::store::{NewBooking, SlotView, StoreError};
use chrono::{DateTime, Utc};

/// Bookings just made: the token is known only here and in the mail.
#[derive(Debug)]
pub struct Booked {
    pub ids: Vec<i64>,
    pub token: Token,
    pub manage_url: String,
    pub slots: Vec<SlotView>,
}

/// A request to book, as the web layer hands it over.
#[derive(Debug)]
pub struct BookRequest<'a> {
    /// One slot, or two (one per profession) on one evening.
    pub slot_ids: Vec<i64>,
    pub input: &'a BookingInput,
    /// Fields already refused while reading the request.
    pub errors: FieldErrors,
    pub lang: Lang,
    /// The staff member booking on a caller's behalf.
    pub acted_by: Option<String>,
    /// 「何で知りましたか」 and the link's channel.
    pub source: SourceInput,
}

/// Validates the form, checks the slots and the rules, and writes the
/// bookings with their confirmation mail. Everything is checked before
/// anything is written; the database has the last word on a contested slot.
/// Counted in the figures: bookings made by channel, refusals by reason.
pub async fn book(state: &AppState, req: BookRequest<'_>) -> Result<Booked, BookError> {
    let channel = match req.acted_by {
        Some(_) => Channel::Staff,
        None => Channel::Online,
    };
    let result = book_unmeasured(state, req).await;
    match &result {
        Ok(booked) => state.metrics.bookings_made(channel, booked.ids.len()),
        Err(e) => {
            if let Some(reason) = e.refusal() {
                state.metrics.booking_refused(reason);
            }
        }
    }
    result
}

async fn book_unmeasured(state: &AppState, req: BookRequest<'_>) -> Result<Booked, BookError> {
    let BookRequest {
        slot_ids,
        input,
        mut errors,
        lang,
        acted_by,
        source,
    } = req;
    let choices = state.settings.outreach.heard_from_codes();
    let source = keep(&mut errors, "heard_from", source.read(&choices));
    // Staff taking a call may book someone without an email address.
    let checked = if acted_by.is_some() {
        input.validate_by_phone(lang)
    } else {
        input.validate(lang)
    };
    let details = checked.map_err(|e| errors.extend(e)).ok();
    let now = state.clock.now();
    // The slots as the store knows them (from memory, usually: no read).
    let mut slots = Vec::new();
    for id in &slot_ids {
        match state.store.slot_to_book(*id, now).await? {
            Some(slot) => slots.push(slot),
            None => {
                errors.entry("slot_id").or_insert(FieldError::NoSuchSlot);
            }
        }
    }
    if slot_ids.is_empty() {
        errors.entry("slot_id").or_insert(FieldError::Required);
    }
    let (Some(details), Some(source), true) = (details, source, errors.is_empty()) else {
        return Err(BookError::Invalid(errors));
    };
    let order = Order {
        details: &details,
        lang,
        acted_by,
        source,
        now,
    };
    if let Written::Done(booked) = write(state, slots, &order).await? {
        return Ok(booked);
    }
    // The evening was moved or cancelled since the slots were known: read
    // them afresh and check again, once.
    state.store.forget_slots();
    let mut fresh = Vec::new();
    for id in &slot_ids {
        fresh.push(
            state
                .store
                .slot(*id, now)
                .await?
                .ok_or(BookError::SlotClosed)?,
        );
    }
    match write(state, fresh, &order).await? {
        Written::Done(booked) => Ok(booked),
        Written::Stale => Err(BookError::SlotClosed),
    }
}

/// What became of one attempt to write.
enum Written {
    Done(Booked),
    /// The slots are no longer as they were read: nothing was written.
    Stale,
}

/// Who books, with what, and when.
struct Order<'a> {
    details: &'a BookingDetails,
    lang: Lang,
    acted_by: Option<String>,
    source: Source,
    now: DateTime<Utc>,
}

/// Checks the slots against the rules and writes the bookings with their mail.
async fn write(
    state: &AppState,
    mut slots: Vec<SlotView>,
    order: &Order<'_>,
) -> Result<Written, BookError> {
    let Order {
        details, lang, now, ..
    } = *order;
    if slots.len() > 2
        || (slots.len() == 2
            && (slots[0].session_id != slots[1].session_id
                || slots[0].profession == slots[1].profession))
    {
        return Err(BookError::Rule(RuleBroken::NotAPair));
    }
    if let [a, b] = slots.as_slice() {
        if overlaps((a.starts_at, a.ends_at), (b.starts_at, b.ends_at)) {
            return Err(BookError::Rule(RuleBroken::OverlappingSlots));
        }
    }
    for slot in &slots {
        check_bookable(state, slot, now)?;
    }
    slots.sort_by_key(|s| (s.starts_at, s.profession));
    let token = Token::generate();
    // A caller without an email address (電話連絡) gets no mail: staff call them.
    let mail = details.email.as_ref().map(|to| {
        EveningMail {
            lang,
            name: details.name.as_str().to_string(),
            slots: slots.iter().map(mail_slot).collect(),
            venue: slots[0].venue.clone(),
            token: Some(token.as_str().to_string()),
            calendar: Some(Calendar::request(
                slots
                    .iter()
                    .map(|s| uid_for(state, &token.hash(), s.profession, slots.len()))
                    .collect(),
                now,
            )),
            ..Default::default()
        }
        .queue(BOOKING_CONFIRMED, to.as_str(), &state.settings)
    });
    let bookings: Vec<NewBooking> = slots
        .iter()
        .map(|slot| new_booking(slot, order, &token))
        .collect();
    let written = if bookings.len() == 1 {
        let id = state
            .store
            .create_booking(&bookings[0], mail.as_ref(), now)
            .await;
        id.map(|id| vec![id])
    } else {
        state
            .store
            .create_bookings(&bookings, mail.as_ref(), now)
            .await
    };
    let ids = match written {
        Ok(ids) => ids,
        // Two guards may refuse one write; a slot someone else took is the one to report.
        Err(StoreError::Conflict(_)) if slot_taken_meanwhile(state, &slots).await => {
            return Err(BookError::SlotTaken)
        }
        Err(StoreError::NotFound) => return Ok(Written::Stale),
        Err(e) => return Err(e.into()),
    };
    state.mail_wakeup.notify_one();
    Ok(Written::Done(Booked {
        ids,
        manage_url: manage_url(&state.settings, token.as_str()),
        token,
        slots,
    }))
}

async fn slot_taken_meanwhile(state: &AppState, slots: &[SlotView]) -> bool {
    for slot in slots {
        if let Ok(Some(now)) = state.store.slot(slot.id, state.clock.now()).await {
            if !now.available {
                return true;
            }
        }
    }
    false
}

fn new_booking(slot: &SlotView, order: &Order<'_>, token: &Token) -> NewBooking {
    NewBooking {
        slot_id: slot.id,
        session_id: slot.session_id,
        profession: slot.profession,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        details: order.details.clone(),
        token_hash: token.hash(),
        lang: order.lang,
        acted_by: order.acted_by.clone(),
        source: order.source.clone(),
    }
}
