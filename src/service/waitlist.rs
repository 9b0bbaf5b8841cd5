//! Joining and leaving the waitlist (キャンセル待ち).

use super::evening::BookError;
use crate::domain::booking::{keep, name_reading};
use crate::domain::outreach::SourceInput;
use crate::domain::rules::RuleBroken;
use crate::domain::token::Token;
use crate::domain::values::{Email, Note, PersonName, PhoneNumber};
use crate::domain::{AgeBand, FieldError, FieldErrors, Lang, Profession, Topic};
use crate::mail::templates::{manage_url, EveningMail, WAITLIST_JOINED};
use crate::state::AppState;
use crate::store::NewWaitlistEntry;

/// The waitlist form as received.
#[derive(Debug, Default, Clone)]
pub struct WaitlistInput {
    /// A session id, or empty for "the next evening with a free slot".
    pub session_id: Option<i64>,
    pub profession: String,
    pub name: String,
    pub name_kana: String,
    pub phone: String,
    pub email: String,
    /// The booking form's questions, optional here: empty is 未回答.
    pub age_band: String,
    pub topic: String,
    pub note: String,
    pub consent: bool,
    /// 「何で知りましたか」 and the link's channel.
    pub source: SourceInput,
}

/// An optional choice: empty is no answer (''), else a known code.
fn optional(
    raw: &str,
    parse: impl Fn(&str) -> Result<&'static str, FieldError>,
) -> Result<&'static str, FieldError> {
    match raw.trim() {
        "" => Ok(""),
        code => parse(code),
    }
}

/// A place just taken.
#[derive(Debug)]
pub struct Joined {
    pub id: i64,
    pub position: usize,
    pub manage_url: String,
}

/// Validates, checks that waiting makes sense (no free slot to book
/// instead), and adds the person to the end of the line.
pub async fn join(
    state: &AppState,
    input: &WaitlistInput,
    mut errors: FieldErrors,
    lang: Lang,
    acted_by: Option<String>,
) -> Result<Joined, BookError> {
    let profession = keep(
        &mut errors,
        "profession",
        Profession::parse(&input.profession),
    );
    let name = keep(&mut errors, "name", PersonName::parse(&input.name));
    let name_kana = keep(
        &mut errors,
        "name_kana",
        name_reading(&input.name_kana, lang),
    );
    let phone = keep(&mut errors, "phone", PhoneNumber::parse(&input.phone));
    let email = keep(&mut errors, "email", Email::parse(&input.email));
    let age_band = keep(
        &mut errors,
        "age_band",
        optional(&input.age_band, |c| AgeBand::parse(c).map(AgeBand::code)),
    );
    let topic = keep(
        &mut errors,
        "topic",
        optional(&input.topic, |c| Topic::parse(c).map(Topic::code)),
    );
    let note = keep(&mut errors, "note", Note::parse(&input.note));
    let choices = state.settings.outreach.heard_from_codes();
    let source = keep(&mut errors, "heard_from", input.source.read(&choices));
    if !input.consent {
        errors.insert("consent", FieldError::ConsentRequired);
    }
    let now = state.clock.now();
    let sessions = state.store.upcoming_sessions(now).await?;
    let session = match input.session_id {
        Some(id) => {
            let found = sessions.iter().find(|s| s.id == id);
            if found.is_none() {
                errors.entry("session_id").or_insert(FieldError::NoSuchSlot);
            }
            found
        }
        None => None,
    };
    let (
        Some(profession),
        Some(name),
        Some(name_kana),
        Some(phone),
        Some(email),
        Some(age_band),
        Some(topic),
        Some(note),
        Some(source),
        true,
    ) = (
        profession,
        name,
        name_kana,
        phone,
        email,
        age_band,
        topic,
        note,
        source,
        errors.is_empty(),
    )
    else {
        return Err(BookError::Invalid(errors));
    };
    // Waiting makes sense only when there is nothing free to book now.
    let bookable_free = |s: &crate::store::SessionView| {
        state.rules.check_window(now, s.starts_at).is_ok() && s.free_count(profession) > 0
    };
    match session {
        Some(s) => {
            // Before booking opens, waiting is how to be first in line when
            // it does; after the cut-off there is nothing to wait for.
            match state.rules.check_window(now, s.starts_at) {
                Ok(()) | Err(RuleBroken::NotYetOpen { .. }) => {}
                Err(closed) => return Err(BookError::Rule(closed)),
            }
            if bookable_free(s) {
                return Err(BookError::Rule(RuleBroken::SlotsAvailable));
            }
        }
        None if sessions.iter().any(bookable_free) => {
            return Err(BookError::Rule(RuleBroken::SlotsAvailable))
        }
        None => {}
    }
    let token = Token::generate();
    let entry = NewWaitlistEntry {
        session_id: session.map(|s| s.id),
        profession,
        token_hash: token.hash(),
        name: name.as_str().to_string(),
        name_kana: name_kana.as_str().to_string(),
        phone: phone.as_str().to_string(),
        phone_digits: phone.digits(),
        email: email.as_str().to_string(),
        age_band: age_band.to_string(),
        topic: topic.to_string(),
        note: note.as_str().to_string(),
        lang,
        acted_by,
        source,
    };
    let settings = state.settings.clone();
    let mail = |position: usize| {
        EveningMail {
            lang,
            name: entry.name.clone(),
            slots: Vec::new(),
            venue: String::new(),
            token: Some(token.as_str().to_string()),
            position: Some(position),
            waiting_for: Some((profession, session.map(|s| s.starts_at))),
            ..Default::default()
        }
        .queue(WAITLIST_JOINED, email.as_str(), &settings)
    };
    let (id, position) = state.store.join_waitlist(&entry, mail, now).await?;
    state.mail_wakeup.notify_one();
    Ok(Joined {
        id,
        position,
        manage_url: manage_url(&state.settings, token.as_str()),
    })
}
