//! 継続相談: a professional holds for the person a slot of a later evening
//! before it opens to the public. The person is mailed an offer (in the
//! day) and accepts or declines it by link, as with the waitlist; an
//! unanswered hold is released before booking opens. Each evening keeps
//! most of its slots for the public: at most `referral.follow_up_holds`
//! holds, a guard the database keeps.

use super::number;
use crate::domain::referral::follow_up::hold_times;
use crate::domain::referral::Shared;
use crate::domain::token::Token;
use crate::domain::values::FieldError;
use crate::domain::{FieldErrors, Profession};
use crate::mail::templates::{EveningMail, MailSlot, FOLLOW_UP_OFFER};
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::{BookingRecord, NewHold, NewReferral, StaffMember, StoreError};

/// The later evenings a follow-up may be held on now (not yet open to the
/// public): their ids and starts.
pub async fn evenings(
    state: &AppState,
    booking: &BookingRecord,
) -> Result<Vec<(i64, chrono::DateTime<chrono::Utc>)>, BookError> {
    let now = state.clock.now();
    Ok(state
        .store
        .upcoming_sessions(now)
        .await?
        .into_iter()
        .filter(|s| s.starts_at > booking.starts_at)
        .filter(|s| hold_times(&state.rules, now, s.starts_at).is_some())
        .map(|s| (s.id, s.starts_at))
        .collect())
}

fn invalid(field: &'static str, e: FieldError) -> BookError {
    BookError::Invalid(FieldErrors::from([(field, e)]))
}

/// Holds a slot of `profession` on evening `session_id` for the person of
/// `booking`, with the referral `new` describes: the referral's id.
/// `Invalid` (`follow_up`) for an evening that is not later, not held, or
/// open to the public already, or a person without an address to offer it
/// to; `Conflict`: `no_free_slot`, `follow_up_holds` (the evening's share
/// is used up), `bookings_one_follow_up_hold` (one is open for the person
/// that evening already).
pub(super) async fn hold(
    state: &AppState,
    who: &StaffMember,
    booking: &BookingRecord,
    (session_id, profession): (i64, Profession),
    new: NewReferral,
    shared: &Shared,
    email: Option<&str>,
) -> Result<i64, BookError> {
    let evening = state
        .store
        .roster_session(session_id)
        .await?
        .filter(|e| e.status == "scheduled" && e.starts_at > booking.starts_at)
        .ok_or_else(|| invalid("follow_up", FieldError::Choice))?;
    let now = state.clock.now();
    let times = hold_times(&state.rules, now, evening.starts_at)
        .ok_or_else(|| invalid("follow_up", FieldError::Choice))?;
    let email = email.ok_or_else(|| invalid("follow_up", FieldError::Email))?;
    let slot_id = *state
        .store
        .free_slots(session_id, profession.code())
        .await?
        .first()
        .ok_or(BookError::Conflict("no_free_slot"))?;
    let slot = state
        .store
        .slot_to_book(slot_id, now)
        .await?
        .ok_or(BookError::Conflict("no_free_slot"))?;
    let token = Token::generate();
    let mail = EveningMail {
        lang: booking.lang(),
        name: shared.name.clone().unwrap_or_else(|| booking.name.clone()),
        slots: vec![MailSlot {
            profession,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
        }],
        venue: slot.venue.clone(),
        offer_token: Some(token.as_str().to_string()),
        expires_at: Some(times.expires_at),
        ..Default::default()
    };
    let hold = NewHold {
        referral: &new,
        from_booking: booking.id,
        slot: &slot,
        offer_token_hash: token.hash(),
        times,
        allowed: state.settings.referral.follow_up_holds.into(),
    };
    let mails = |_id: i64| vec![mail.queue(FOLLOW_UP_OFFER, email, &state.settings)];
    let (id, held) = match state.store.create_hold(&hold, mails, now).await {
        Ok(done) => done,
        Err(StoreError::Conflict(guard)) => {
            return Err(BookError::Conflict(match guard {
                "bookings_one_per_slot" => "no_free_slot",
                "bookings_one_per_email" | "bookings_one_per_phone" => {
                    "bookings_one_follow_up_hold"
                }
                other => other,
            }))
        }
        Err(e) => return Err(e.into()),
    };
    state.mail_wakeup.notify_one();
    state
        .audit(
            who,
            "referral_made",
            &format!("booking {}", booking.id),
            &format!("{} follow_up session {session_id} hold {held}", number(id)),
        )
        .await?;
    Ok(id)
}
