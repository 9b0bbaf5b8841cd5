//! What a referral passes on: only what the person agreed to, in the words
//! they agreed to. The consent is to a versioned text; how they want to be
//! contacted (電話, メール, or 連絡しない: they will contact the service
//! themselves); and which of their name, contact, a note written for the
//! receiving service and the consultation's topic may go along. Nothing
//! else about the consultation does.

use crate::domain::booking::{choice, Topic};
use crate::domain::values::{FieldError, Note};
use crate::domain::FieldErrors;

choice!(
    /// How the person wants the receiving service to reach them.
    ContactBy { Phone = "phone", Email = "email", None = "none" }
);

/// The person's consent to be referred, to the consent text of `text_version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub given: bool,
    pub text_version: String,
}

/// Which parts may be passed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub name: bool,
    pub contact: bool,
    pub note: bool,
    pub topic: bool,
}

/// What is known of the person, for [`shared`] to choose from.
#[derive(Debug, Clone, Copy)]
pub struct SharedFrom<'a> {
    pub name: &'a str,
    pub phone: &'a str,
    pub email: Option<&'a str>,
    pub topic: Option<Topic>,
}

/// What the receiving service is shown: each part only if consented to.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shared {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub topic: Option<Topic>,
    /// Written for the receiving service, in the words the person agreed to.
    pub note: Option<String>,
    pub contact_by: Option<ContactBy>,
}

impl Shared {
    /// Nothing at all: what a link shows once consent is withdrawn.
    pub fn nothing() -> Shared {
        Shared::default()
    }
}

/// A referral as asked for, checked whole: an error for each bad part.
/// `current_version` is the consent text in use; a consent to another
/// text (an old form) is refused, so that nobody is referred on words
/// they were not shown.
pub fn check(
    consent: &Consent,
    current_version: &str,
    contact_by: ContactBy,
    share: Share,
    note: &str,
    person: &SharedFrom<'_>,
) -> Result<Shared, FieldErrors> {
    let mut errors = FieldErrors::new();
    if !consent.given {
        errors.insert("consent", FieldError::ConsentRequired);
    } else if consent.text_version.trim() != current_version {
        errors.insert("consent", FieldError::Choice);
    }
    // Asked to be contacted, by a way the service can use.
    let contact = match (share.contact, contact_by) {
        (false, ContactBy::None) => None,
        // Contacted, but not allowed to be given the means: contradictory.
        (false, _) | (true, ContactBy::None) => {
            errors.insert("contact", FieldError::Choice);
            None
        }
        (true, ContactBy::Phone) => Some((Some(person.phone.to_string()), None)),
        (true, ContactBy::Email) => match person.email {
            Some(email) => Some((None, Some(email.to_string()))),
            None => {
                errors.insert("contact", FieldError::Email);
                None
            }
        },
    };
    let note = if share.note {
        match Note::parse(note) {
            Ok(n) if n.as_str().is_empty() => {
                errors.insert("note_for_service", FieldError::Required);
                None
            }
            Ok(n) => Some(n.as_str().to_string()),
            Err(e) => {
                errors.insert("note_for_service", e);
                None
            }
        }
    } else {
        if !note.trim().is_empty() {
            // A note that may not go along is not kept either.
            errors.insert("note_for_service", FieldError::Choice);
        }
        None
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let (phone, email) = contact.unwrap_or((None, None));
    Ok(Shared {
        name: share.name.then(|| person.name.to_string()),
        phone,
        email,
        topic: if share.topic { person.topic } else { None },
        note,
        contact_by: Some(contact_by),
    })
}
