//! `/staff/bookings/{id}/refer`: つなぐ from a booking (the professionals
//! of its evening, and the office). The consent text is shown in the
//! person's language, to be read to them; a refused form comes back with a
//! message per field and what was chosen kept.

use super::{done_at, field, StaffFrame};
use crate::domain::referral::{Consent, ContactBy, Share, CONSENT_VERSION};
use crate::domain::FieldErrors;
use crate::i18n::dates::format_datetime;
use crate::i18n::messages::{field_message, profession_label};
use crate::i18n::texts;
use crate::service::evening::BookError;
use crate::service::referral::{self, Ask};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::{page, ErrorLine};
use crate::web::{parse_id, StaffCaller, StaffForm};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// The prefix of a follow-up among the destinations.
const FOLLOW_UP: &str = "followup:";

pub struct Choice {
    pub code: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "staff/refer.html")]
struct ReferPage {
    c: StaffFrame,
    title: String,
    booking_id: i64,
    when: String,
    errors: Vec<ErrorLine>,
    groups: Vec<(&'static str, Vec<Choice>)>,
    text_version: &'static str,
    consent_text: &'static str,
    consent_lang: &'static str,
    consent: bool,
    contacts: Vec<Choice>,
    shares: Vec<Choice>,
    note: String,
    service_error: Option<String>,
    consent_error: Option<String>,
    contact_error: Option<String>,
    note_error: Option<String>,
}

async fn form(
    state: &AppState,
    caller: &StaffCaller,
    id: i64,
    pairs: &[(String, String)],
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    let booking = referral::referable(state, &caller.member, id).await?;
    let (fit, other) = referral::destinations(state, id).await?;
    let c = StaffFrame::new(caller);
    let (t, lang) = (c.t, c.lang);
    let chosen = field(pairs, "service_id");
    let options = |list: Vec<crate::domain::directory::ServiceEntry>| -> Vec<Choice> {
        list.into_iter()
            .map(|e| Choice {
                checked: chosen == e.id,
                label: crate::i18n::configured(lang, &e.name, &e.name_en).to_string(),
                code: e.id,
            })
            .collect()
    };
    let mut follow_ups = Vec::new();
    for (session, starts_at) in referral::follow_up::evenings(state, &booking).await? {
        for p in crate::domain::Profession::ALL {
            let code = format!("{FOLLOW_UP}{session}:{}", p.code());
            follow_ups.push(Choice {
                checked: chosen == code,
                label: format!(
                    "{} {}",
                    format_datetime(starts_at, lang),
                    profession_label(*p, lang)
                ),
                code,
            });
        }
    }
    let groups = [
        (t.staff_refer_service_fit, options(fit)),
        (t.staff_refer_service_other, options(other)),
        (t.staff_refer_follow_up, follow_ups),
    ]
    .into_iter()
    .filter(|(_, list)| !list.is_empty())
    .collect();
    let contact = field(pairs, "contact");
    let contacts = [
        ("phone", t.staff_refer_contact_phone),
        ("email", t.staff_refer_contact_email),
        ("none", t.staff_refer_contact_none),
    ]
    .into_iter()
    .map(|(code, label)| Choice {
        checked: contact == code,
        code: code.into(),
        label: label.into(),
    })
    .collect();
    let shares = [
        ("name", t.staff_refer_share_name),
        ("contact", t.staff_refer_share_contact),
        ("note", t.staff_refer_share_note),
        ("topic", t.staff_refer_share_topic),
    ]
    .into_iter()
    .map(|(code, label)| Choice {
        checked: field(pairs, &format!("share_{code}")) == "yes",
        code: code.into(),
        label: label.into(),
    })
    .collect();
    let message = |f: &str| errors.get(f).map(|e| field_message(f, e, lang));
    let label = |f: &str| match f {
        "service_id" => t.staff_refer_service,
        "consent" => t.staff_refer_consent,
        "contact" => t.staff_refer_contact,
        _ => t.staff_refer_note,
    };
    let error_lines = errors
        .iter()
        .map(|(f, e)| ErrorLine {
            field: match *f {
                "consent" => "consent",
                other => other,
            },
            label: label(f),
            message: field_message(f, e, lang),
        })
        .collect();
    let person = texts(booking.lang());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let template = ReferPage {
        title: t.staff_refer_title(id),
        booking_id: id,
        when: format!(
            "{} {}",
            format_datetime(booking.starts_at, lang),
            profession_label(booking.profession(), lang)
        ),
        errors: error_lines,
        groups,
        text_version: CONSENT_VERSION,
        consent_text: person.referral_consent_text,
        consent_lang: person.language_tag,
        consent: field(pairs, "consent") == "yes",
        contacts,
        shares,
        note: field(pairs, "note_for_service"),
        service_error: message("service_id"),
        consent_error: message("consent"),
        contact_error: message("contact"),
        note_error: message("note_for_service"),
        c,
    };
    Ok(page(&template, status))
}

/// `GET /staff/bookings/{id}/refer`
pub async fn refer_form(
    State(state): State<AppState>,
    caller: StaffCaller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    form(&state, &caller, id, &[], &FieldErrors::new()).await
}

/// `POST /staff/bookings/{id}/refer` (form).
pub async fn refer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(caller, pairs): StaffForm<StaffCaller>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let mut errors = FieldErrors::new();
    // 継続相談 is chosen in the same list: `followup:{evening}:{profession}`.
    let chosen = field(&pairs, "service_id");
    let follow_up = chosen.strip_prefix(FOLLOW_UP).and_then(|rest| {
        let (session, profession) = rest.split_once(':')?;
        Some((
            session.parse().ok()?,
            crate::domain::Profession::parse(profession).ok()?,
        ))
    });
    let contact_by = ContactBy::parse(&field(&pairs, "contact"))
        .map_err(|e| errors.insert("contact", e))
        .ok();
    let yes = |name: &str| field(&pairs, name) == "yes";
    let ask = Ask {
        service_id: if follow_up.is_none() {
            chosen.clone()
        } else {
            String::new()
        },
        follow_up,
        consent: Consent {
            given: yes("consent"),
            text_version: field(&pairs, "text_version"),
        },
        contact_by: contact_by.unwrap_or(ContactBy::None),
        share: Share {
            name: yes("share_name"),
            contact: yes("share_contact"),
            note: yes("share_note"),
            topic: yes("share_topic"),
        },
        note_for_service: field(&pairs, "note_for_service"),
    };
    let result = if errors.is_empty() {
        referral::make(&state, &caller.member, id, &ask)
            .await
            .map(|_| ())
    } else {
        Err(BookError::Invalid(errors))
    };
    match result {
        Ok(()) => {
            let booking = state
                .store
                .booking_by_id(id)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok(done_at(
                &format!("/staff/sessions/{}", booking.session_id),
                "referred",
            ))
        }
        Err(BookError::Invalid(errors)) => form(&state, &caller, id, &pairs, &errors).await,
        Err(e) => Err(e.into()),
    }
}
