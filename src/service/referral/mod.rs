//! つなぐ: a professional (for the bookings of the evenings they are
//! assigned to) or the office hands a booking's person over, with their
//! consent, to a service of the directory; the receiving service records
//! through its link what happened ([`link`]); the person sees it and may
//! withdraw ([`person`]); the office follows every open one ([`office`]).
//! Each step has its audit line; no step logs what was passed on.

pub mod figures;
pub mod follow_up;
pub mod link;
pub mod office;
pub mod person;
pub mod weekly;

use super::evening::BookError;
use crate::domain::directory::ServiceEntry;
use crate::domain::referral::{share, Consent, ContactBy, Share, SharedFrom, CONSENT_VERSION};
use crate::domain::time::jst_today;
use crate::domain::token::Token;
use crate::domain::values::FieldError;
use crate::domain::{FieldErrors, Lang, Profession, Topic};
use crate::i18n::texts;
use crate::mail::referral::{ReferralMail, REFERRAL_MADE, REFERRAL_NOTICE};
use crate::service::office::views::may_see;
use crate::state::AppState;
use crate::store::{BookingRecord, NewReferral, ReferralRecord, StaffMember};
use chrono::Duration;

/// A referral as asked for (the API's body, read).
#[derive(Debug, Clone)]
pub struct Ask {
    /// A service of the directory, unless `follow_up` is given.
    pub service_id: String,
    /// 継続相談: a later evening and the profession to hold a slot of.
    pub follow_up: Option<(i64, Profession)>,
    pub consent: Consent,
    pub contact_by: ContactBy,
    pub share: Share,
    pub note_for_service: String,
}

/// When a mail of `now` may go: at once, or after the quiet hours (a
/// referral made as the evening ends is told in the morning).
pub(crate) fn in_the_day(
    state: &AppState,
    now: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    state.rules.quiet.map_or(now, |q| q.daytime_from(now))
}

/// The number the office and the service quote (`R-12`).
pub fn number(id: i64) -> String {
    format!("R-{id}")
}

/// The service's phones and hours as the person's mail and page show them.
pub(crate) fn reach(entry: &ServiceEntry, lang: Lang) -> (Vec<String>, String) {
    let phones = entry.phones.iter().map(|p| p.number.clone()).collect();
    let hours = crate::i18n::configured(lang, &entry.hours_note, &entry.hours_note_en);
    (phones, hours.to_string())
}

/// The booking `who` may refer: `NotFound`, `Forbidden` for a
/// professional not assigned to its evening, `Conflict` once cancelled.
pub async fn referable(
    state: &AppState,
    who: &StaffMember,
    booking_id: i64,
) -> Result<BookingRecord, BookError> {
    let booking = state
        .store
        .booking_by_id(booking_id)
        .await?
        .ok_or(BookError::NotFound)?;
    if !who.role.manages() {
        let evening = state
            .store
            .roster_session(booking.session_id)
            .await?
            .ok_or(BookError::NotFound)?;
        if !may_see(who, &evening) {
            return Err(BookError::Forbidden);
        }
    }
    if booking.status != "confirmed" {
        return Err(BookError::Conflict("booking_not_confirmed"));
    }
    Ok(booking)
}

/// The services a booking may be referred to: those for its topic's
/// troubles first, then the others (listed ones only).
pub async fn destinations(
    state: &AppState,
    booking_id: i64,
) -> Result<(Vec<ServiceEntry>, Vec<ServiceEntry>), BookError> {
    let topic = state
        .store
        .booking_topic(booking_id)
        .await?
        .and_then(|t| Topic::parse(&t).ok());
    let needs = topic
        .map(crate::domain::directory::needs_for_topic)
        .unwrap_or(&[]);
    let directory = state.store.directory_now().await?;
    let (fit, other): (Vec<_>, Vec<_>) = directory
        .entries
        .iter()
        .filter(|e| e.listed() && e.bookable_here.is_none())
        .cloned()
        .partition(|e| e.needs.iter().any(|n| needs.contains(n)));
    Ok((fit, other))
}

/// Refers the person of booking `booking_id` to the service `ask` names.
/// `Forbidden` for a professional not assigned to the booking's evening;
/// `Invalid` with an error per field (no consent, a consent to other
/// words, a way of contact the service cannot use, a note that may not go
/// along); `Conflict("booking_not_confirmed")` for a cancelled booking.
pub async fn make(
    state: &AppState,
    who: &StaffMember,
    booking_id: i64,
    ask: &Ask,
) -> Result<ReferralRecord, BookError> {
    let booking = referable(state, who, booking_id).await?;
    let person = state
        .store
        .booking_person(booking_id)
        .await?
        .ok_or(BookError::NotFound)?;
    let directory = state.store.directory_now().await?;
    let mut errors = FieldErrors::new();
    let service = directory.get(ask.service_id.trim()).filter(|e| e.listed());
    if service.is_none() && ask.follow_up.is_none() {
        errors.insert("service_id", FieldError::Choice);
    }
    // The service learns of a referral by mail: without an address, only
    // the person can make the contact.
    if service.is_some_and(|s| s.email.is_empty()) && ask.contact_by != ContactBy::None {
        errors.insert("contact", FieldError::Choice);
    }
    let email = (!person.email.is_empty()).then_some(person.email.as_str());
    let from = SharedFrom {
        name: &person.name,
        phone: &person.phone,
        email,
        topic: Topic::parse(&person.topic).ok(),
    };
    let shared = share::check(
        &ask.consent,
        CONSENT_VERSION,
        ask.contact_by,
        ask.share,
        &ask.note_for_service,
        &from,
    );
    let shared = match shared {
        Ok(shared) if errors.is_empty() => shared,
        Ok(_) => return Err(BookError::Invalid(errors)),
        Err(more) => {
            for (field, e) in more {
                errors.entry(field).or_insert(e);
            }
            return Err(BookError::Invalid(errors));
        }
    };
    let now = state.clock.now();
    let lang = booking.lang();
    // What every referral records: the consent, in the words shown, and
    // what may be passed on.
    let mut new = NewReferral {
        booking_id,
        service_id: String::new(),
        consent_version: CONSENT_VERSION.to_string(),
        consent_text: texts(lang).referral_consent_text.to_string(),
        contact_by: ask.contact_by.code(),
        shared: serde_json::to_string(&shared).map_err(anyhow::Error::from)?,
        token_hash: None,
        token_expires_at: None,
        made_by: who.name.clone(),
        send_at: in_the_day(state, now),
    };
    if let Some(follow_up) = ask.follow_up {
        let id = follow_up::hold(state, who, &booking, follow_up, new, &shared, email).await?;
        return state.store.referral(id).await?.ok_or(BookError::NotFound);
    }
    let service = service.expect("checked above");
    // A service with an address is told, and given its link.
    let link = (!service.email.is_empty()).then(Token::generate);
    let expires_at = now + Duration::days(state.settings.referral.link_days.into());
    new.service_id = service.id.clone();
    new.token_hash = link.as_ref().map(Token::hash);
    new.token_expires_at = link.as_ref().map(|_| expires_at);
    let (phones, hours) = reach(service, lang);
    // The mails quote the referral's number: made once its id is known,
    // inside the transaction that writes it.
    let mails = |id: i64| {
        let mut mails = Vec::new();
        if let Some(token) = &link {
            let notice = ReferralMail {
                lang: Lang::Ja,
                number: number(id),
                service_name: service.name.clone(),
                shared: shared.clone(),
                token: Some(token.as_str().to_string()),
                expires_on: Some(jst_today(expires_at)),
                ..ReferralMail::default()
            };
            mails.push(notice.queue(REFERRAL_NOTICE, &service.email, &state.settings));
        }
        if let Some(email) = email {
            let told = ReferralMail {
                lang,
                number: number(id),
                person: person.name.clone(),
                service_name: crate::i18n::configured(lang, &service.name, &service.name_en)
                    .to_string(),
                service_phones: phones.clone(),
                service_hours: hours.clone(),
                shared: shared.clone(),
                ..ReferralMail::default()
            };
            mails.push(told.queue(REFERRAL_MADE, email, &state.settings));
        }
        mails
    };
    let id = state.store.create_referral(&new, mails, now).await?;
    state
        .audit(
            who,
            "referral_made",
            &format!("booking {booking_id}"),
            &format!("{} service {}", number(id), service.id),
        )
        .await?;
    state.store.referral(id).await?.ok_or(BookError::NotFound)
}
