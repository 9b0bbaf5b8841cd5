//! Offers of freed slots to people on the waitlist (空き枠のご案内): made,
//! accepted, declined, expired. Each step is one transaction; the sweep
//! (`jobs`) expires offers and fills any free slot someone waits for, so
//! nothing depends on a process staying up.

use super::evening::{mail_slot, uid_for, BookError};
use crate::domain::rules::RuleBroken;
use crate::domain::token::Token;
use crate::domain::waitlist::choose_offer;
use crate::mail::templates::{
    manage_url, EveningMail, BOOKING_CONFIRMED, FOLLOW_UP_EXPIRED, OFFER_EXPIRED, OFFER_MADE,
};
use crate::state::AppState;
use crate::store::{OfferRecord, SlotView, StoreError};

/// Offers a free slot to the first person waiting for it, if anyone is.
/// Returns the held booking's id.
pub async fn fill_slot(state: &AppState, slot: &SlotView) -> Result<Option<i64>, BookError> {
    // A few rounds: someone chosen may be offered another slot at the same moment.
    for _ in 0..5 {
        let now = state.clock.now();
        // Nothing is offered before booking opens for everyone.
        if !slot.available || state.rules.check_window(now, slot.starts_at).is_err() {
            return Ok(None);
        }
        let Some(times) = state.rules.offer_times(now, slot.starts_at) else {
            return Ok(None);
        };
        let expires_at = times.expires_at;
        let candidates = state.store.waiting_candidates(slot.profession).await?;
        let booked = state
            .store
            .active_contacts(slot.session_id, slot.profession)
            .await?;
        let Some(entry_id) = choose_offer(slot.session_id, &candidates, &booked) else {
            return Ok(None);
        };
        let entry = candidates
            .iter()
            .find(|c| c.entry_id == entry_id)
            .expect("chosen from candidates");
        let Some(record) = state.store.waitlist_entry_by_id(entry_id).await? else {
            continue;
        };
        let token = Token::generate();
        let mail = EveningMail {
            lang: record.lang(),
            name: record.name.clone(),
            slots: vec![mail_slot(slot)],
            venue: slot.venue.clone(),
            offer_token: Some(token.as_str().to_string()),
            expires_at: Some(expires_at),
            ..Default::default()
        }
        .queue(OFFER_MADE, &entry.email, &state.settings);
        match state
            .store
            .create_offer(slot, entry_id, &token.hash(), times, &mail, now)
            .await
        {
            Ok(Some(id)) => {
                state.mail_wakeup.notify_one();
                tracing::info!(booking_id = id, slot_id = slot.id, "offer made");
                return Ok(Some(id));
            }
            Ok(None) => continue,
            Err(StoreError::Conflict(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(None)
}

/// After a slot is freed: offer it, if it is still free.
pub async fn slot_freed(state: &AppState, slot_id: i64) {
    let now = state.clock.now();
    let result = match state.store.slot(slot_id, now).await {
        Ok(Some(slot)) => fill_slot(state, &slot).await.map(drop),
        Ok(None) => Ok(()),
        Err(e) => Err(e.into()),
    };
    if let Err(e) = result {
        // The sweep tries again.
        tracing::warn!(slot_id, error = %e, "could not offer a freed slot yet");
    }
}

/// The sweep: expires offers past their hold, then offers every free slot
/// that someone is waiting for. Returns how many offers expired and were made.
pub async fn sweep(state: &AppState) -> Result<(usize, usize), BookError> {
    let now = state.clock.now();
    // An expiry's mail waits for the morning.
    let day = state.rules.quiet.map_or(now, |q| q.daytime_from(now));
    let mut expired = 0;
    for offer in state.store.expired_offers(now).await? {
        let kind = if offer.referral_id.is_some() {
            FOLLOW_UP_EXPIRED
        } else {
            OFFER_EXPIRED
        };
        let mail = offer_mail(&offer).queue(kind, &offer.email, &state.settings);
        if state
            .store
            .release_offer(&offer, "expired", Some((&mail, day)), now)
            .await?
        {
            expired += 1;
        }
    }
    if expired > 0 {
        state.mail_wakeup.notify_one();
    }
    let mut made = 0;
    for slot in state.store.free_slots_wanted(now).await? {
        if fill_slot(state, &slot).await?.is_some() {
            made += 1;
        }
    }
    Ok((expired, made))
}

fn offer_mail(offer: &OfferRecord) -> EveningMail {
    EveningMail {
        lang: offer.lang(),
        name: offer.name.clone(),
        slots: vec![crate::mail::templates::MailSlot {
            profession: offer.profession(),
            starts_at: offer.starts_at,
            ends_at: offer.ends_at,
        }],
        venue: offer.venue.clone(),
        ..Default::default()
    }
}

/// The offer behind a link, if it is open.
pub async fn open_offer(state: &AppState, raw_token: &str) -> Result<OfferRecord, BookError> {
    let token = Token::parse(raw_token).ok_or(BookError::NotFound)?;
    let offer = state
        .store
        .offer_by_token_hash(&token.hash())
        .await?
        .ok_or(BookError::NotFound)?;
    let now = state.clock.now();
    if offer.status != "held" || offer.offer_expires_at.is_none_or(|t| t <= now) {
        return Err(BookError::Rule(RuleBroken::OfferGone));
    }
    Ok(offer)
}

/// The offer behind a link as its holder sees it: open, or already
/// accepted (`true`: it is their booking now, not an expired offer).
pub async fn seen_offer(
    state: &AppState,
    raw_token: &str,
) -> Result<(OfferRecord, bool), BookError> {
    match open_offer(state, raw_token).await {
        Ok(offer) => Ok((offer, false)),
        Err(BookError::Rule(RuleBroken::OfferGone)) => {
            let token = Token::parse(raw_token).ok_or(BookError::NotFound)?;
            match state.store.offer_by_token_hash(&token.hash()).await? {
                Some(offer) if offer.status == "confirmed" => Ok((offer, true)),
                _ => Err(BookError::Rule(RuleBroken::OfferGone)),
            }
        }
        Err(e) => Err(e),
    }
}

/// Accepts an offer: a confirmed booking with its own manage link.
pub async fn accept(state: &AppState, raw_token: &str) -> Result<(OfferRecord, String), BookError> {
    let offer = open_offer(state, raw_token).await?;
    let token = Token::generate();
    let mut mail = offer_mail(&offer);
    mail.token = Some(token.as_str().to_string());
    let uid = uid_for(state, &token.hash(), offer.profession(), 1);
    mail.calendar = Some(crate::mail::calendar::Calendar::request(
        vec![uid],
        state.clock.now(),
    ));
    let queued = mail.queue(BOOKING_CONFIRMED, &offer.email, &state.settings);
    if !state
        .store
        .accept_offer(&offer, &token.hash(), &queued, state.clock.now())
        .await?
    {
        return Err(BookError::Rule(RuleBroken::OfferGone));
    }
    state.mail_wakeup.notify_one();
    state
        .metrics
        .bookings_made(crate::metrics::Channel::Offer, 1);
    Ok((offer, manage_url(&state.settings, token.as_str())))
}

/// Declines an offer: the slot goes to the next person.
pub async fn decline(state: &AppState, raw_token: &str) -> Result<OfferRecord, BookError> {
    let offer = open_offer(state, raw_token).await?;
    if !state
        .store
        .release_offer(&offer, "declined", None, state.clock.now())
        .await?
    {
        return Err(BookError::Rule(RuleBroken::OfferGone));
    }
    slot_freed(state, offer.slot_id).await;
    Ok(offer)
}
