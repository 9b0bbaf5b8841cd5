//! The referral API (つなぐ): a professional or the office refers a
//! booking's person; the receiving service's link (no account) shows and
//! records; the person withdraws through their manage link; the office
//! lists the open ones.

use super::api_doc::referral::{
    CloseBody, ClosedJson, ConsentTextJson, OpenReferralJson, OpenReferralsJson,
    PersonReferralJson, ReferralBody, ReferralMadeJson, ReferralStepBody, ReferralUpdateJson,
    ServiceNameJson, ServiceReachJson, ServiceReferralJson, SharedJson,
};
use super::api_doc::referral::{DestinationFiguresJson, FollowUpFiguresJson, ReferralFiguresJson};
use super::error::{invalid, AppError};
use super::{parse_id, JsonBody, Manager, StaffCaller};
use crate::domain::referral::{Consent, ContactBy, Share, CONSENT_VERSION};
use crate::domain::values::FieldError;
use crate::domain::{FieldErrors, Lang, Profession};
use crate::i18n::{ruby, texts};
use crate::service::referral::{self, figures as referral_figures, link, office, person, Ask};
use crate::state::AppState;
use crate::web::field::Number;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::Json;

/// A follow-up was asked for (given well, or given and refused).
fn body_has_follow_up(follow_up: &Option<(i64, Profession)>, errors: &FieldErrors) -> bool {
    follow_up.is_some() || errors.contains_key("follow_up")
}

/// The body as the service's request; every field's error at once.
fn ask(body: ReferralBody) -> Result<Ask, AppError> {
    let mut errors = FieldErrors::new();
    let service_id = body.service_id.text(&mut errors, "service_id");
    let consent = body
        .consent
        .take(&mut errors, "consent")
        .unwrap_or_default();
    let consent = Consent {
        given: consent.given.yes(&mut errors, "consent"),
        text_version: consent.text_version.text(&mut errors, "consent"),
    };
    let contact_by = match body.contact.take(&mut errors, "contact") {
        Some(code) => ContactBy::parse(&code)
            .map_err(|e| errors.insert("contact", e))
            .ok(),
        None => {
            errors.insert("contact", FieldError::Required);
            None
        }
    };
    let share = body.share.take(&mut errors, "share").unwrap_or_default();
    let share = Share {
        name: share.name.yes(&mut errors, "share"),
        contact: share.contact.yes(&mut errors, "share"),
        note: share.note.yes(&mut errors, "share"),
        topic: share.topic.yes(&mut errors, "share"),
    };
    let note_for_service = body.note_for_service.text(&mut errors, "note_for_service");
    let follow_up = match body.follow_up.take(&mut errors, "follow_up") {
        Some(f) => {
            let session = f.session_id.take(&mut errors, "follow_up");
            let profession = f.profession.take(&mut errors, "follow_up");
            match (session, profession.as_deref().map(Profession::parse)) {
                (Some(Number(id)), Some(Ok(p))) if id > 0 => Some((id, p)),
                _ => {
                    errors.entry("follow_up").or_insert(FieldError::Choice);
                    None
                }
            }
        }
        None => None,
    };
    match (
        service_id.trim().is_empty(),
        body_has_follow_up(&follow_up, &errors),
    ) {
        (true, false) => {
            errors.entry("service_id").or_insert(FieldError::Required);
        }
        (false, true) => {
            // One destination: a service, or a follow-up.
            errors.insert("follow_up", FieldError::Choice);
        }
        _ => {}
    }
    if !consent.given {
        errors
            .entry("consent")
            .or_insert(FieldError::ConsentRequired);
    }
    match contact_by {
        Some(contact_by) if errors.is_empty() => Ok(Ask {
            service_id,
            follow_up,
            consent,
            contact_by,
            share,
            note_for_service,
        }),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// `POST /api/v1/staff/bookings/{id}/referrals`: つなぐ.
#[utoipa::path(post, path = "/api/v1/staff/bookings/{id}/referrals", tag = "staff",
    operation_id = "refer_booking",
    params(("id" = i64, Path, minimum = 1, description = "A booking")),
    request_body = ReferralBody,
    responses(
        (status = 201, description = "Referred; the service and the person are mailed", body = ReferralMadeJson),
        (status = 409, description = "`booking_not_confirmed`: the booking was cancelled", body = super::api_doc::schemas::ErrorBody)))]
pub async fn refer(
    State(state): State<AppState>,
    caller: StaffCaller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<ReferralBody>,
) -> Result<(StatusCode, Json<ReferralMadeJson>), AppError> {
    let id = parse_id(&id)?;
    let ask = ask(body)?;
    let made = referral::make(&state, &caller.member, id, &ask).await?;
    Ok((
        StatusCode::CREATED,
        Json(ReferralMadeJson {
            id: made.id,
            number: referral::number(made.id),
            status: "sent",
        }),
    ))
}

/// `GET /api/v1/staff/referrals/consent`: the consent text in use.
#[utoipa::path(get, path = "/api/v1/staff/referrals/consent", tag = "staff",
    operation_id = "referral_consent_text",
    responses((status = 200, description = "The words the person consents to", body = ConsentTextJson)))]
pub async fn consent_text(_caller: StaffCaller) -> Json<ConsentTextJson> {
    let words = |lang| ruby::base(texts(lang).referral_consent_text).into_owned();
    Json(ConsentTextJson {
        text_version: CONSENT_VERSION,
        ja: words(Lang::Ja),
        en: words(Lang::En),
        easy: words(Lang::Easy),
    })
}

/// `GET /api/v1/staff/referrals?status=open`: the referrals still being
/// followed, with their age and last update (coordinators and admins).
#[utoipa::path(get, path = "/api/v1/staff/referrals", tag = "staff",
    operation_id = "open_referrals",
    params(("status" = Option<String>, Query, description = "`open` (the only list)")),
    responses(
        (status = 200, description = "The open referrals", body = OpenReferralsJson),
        (status = 422, description = "`status` other than `open`", body = super::api_doc::schemas::ErrorBody)))]
pub async fn open_list(
    State(state): State<AppState>,
    Manager(staff): Manager,
    RawQuery(raw): RawQuery,
) -> Result<Json<OpenReferralsJson>, AppError> {
    for (k, v) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if k == "status" && v != "open" {
            return Err(invalid("status", FieldError::Choice));
        }
    }
    let items = office::open(&state, &staff.member)
        .await?
        .into_iter()
        .map(|r| OpenReferralJson {
            id: r.id,
            number: r.number,
            booking_id: r.booking_id,
            status: r.status.code(),
            service: ServiceNameJson {
                id: r.service_id,
                name: r.service_name,
            },
            made_by: r.made_by,
            created_at: r.created_at,
            last_update: r.last_update,
            age_days: r.age_days,
            overdue: r.overdue,
        })
        .collect();
    Ok(Json(OpenReferralsJson { items }))
}

fn service_json(v: link::ServiceView) -> ServiceReferralJson {
    ServiceReferralJson {
        id: v.record.id,
        number: v.number,
        status: v.status.code(),
        service: ServiceNameJson {
            id: v.record.service_id.clone(),
            name: v.service_name,
        },
        shared: SharedJson::from(&v.shared),
        withdrawn: v.status == crate::domain::referral::ReferralStatus::Withdrawn,
        created_at: v.record.created_at,
        link_expires_at: v.record.token_expires_at,
        updates: v
            .updates
            .into_iter()
            .map(|u| ReferralUpdateJson {
                at: u.at,
                actor: u.actor,
                status: u.status,
                note: u.note,
            })
            .collect(),
        next: v.next.iter().map(|s| s.code()).collect(),
    }
}

/// `GET /api/v1/referrals/{token}`: the referral, as its receiving service
/// sees it through its link.
#[utoipa::path(get, path = "/api/v1/referrals/{token}", tag = "referral",
    operation_id = "service_referral",
    params(("token" = String, Path, description = "The token of the service's link")),
    responses((status = 200, description = "The referral", body = ServiceReferralJson)))]
pub async fn service_view(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Json<ServiceReferralJson>, AppError> {
    Ok(Json(service_json(link::view(&state, &token).await?)))
}

/// `POST /api/v1/referrals/{token}/status`: what happened (連絡した,
/// つながった, 連絡がつかない, 対象外, 受け入れできない, 本人が辞退).
#[utoipa::path(post, path = "/api/v1/referrals/{token}/status", tag = "referral",
    operation_id = "service_referral_step",
    params(("token" = String, Path, description = "The token of the service's link")),
    request_body = ReferralStepBody,
    responses(
        (status = 200, description = "Recorded", body = ServiceReferralJson),
        (status = 409, description = "`referral_step`: the referral is past that (withdrawn, closed, connected)", body = super::api_doc::schemas::ErrorBody)))]
pub async fn service_step(
    State(state): State<AppState>,
    Path(token): Path<String>,
    JsonBody(body): JsonBody<ReferralStepBody>,
) -> Result<Json<ServiceReferralJson>, AppError> {
    let mut errors = FieldErrors::new();
    let status = body.status.text(&mut errors, "status");
    let note = body.note.text(&mut errors, "note");
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(Json(service_json(
        link::record(&state, &token, &status, &note).await?,
    )))
}

pub(crate) fn person_json(v: person::PersonView) -> PersonReferralJson {
    PersonReferralJson {
        id: v.id,
        number: v.number,
        status: v.status.code(),
        service: ServiceReachJson {
            name: v.service_name,
            phones: v.service_phones,
            hours: v.service_hours,
        },
        shared: SharedJson::from(&v.shared),
        may_withdraw: v.may_withdraw,
    }
}

/// `POST /api/v1/manage/{token}/referrals/{id}/withdraw`: the person
/// withdraws their consent; the service's link shows nothing more.
#[utoipa::path(post, path = "/api/v1/manage/{token}/referrals/{id}/withdraw", tag = "evening",
    operation_id = "withdraw_referral",
    params(
        ("token" = String, Path, description = "The token of the manage link"),
        ("id" = i64, Path, minimum = 1, description = "One of the booking's referrals")),
    responses(
        (status = 200, description = "Withdrawn", body = PersonReferralJson),
        (status = 409, description = "`referral_step`: already withdrawn or closed", body = super::api_doc::schemas::ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, String)>,
) -> Result<Json<PersonReferralJson>, AppError> {
    let id = parse_id(&id)?;
    Ok(Json(person_json(
        person::withdraw(&state, &token, id).await?,
    )))
}

/// `POST /api/v1/staff/referrals/{id}/close` with `{outcome}`: what came of
/// it (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/staff/referrals/{id}/close", tag = "staff",
    operation_id = "close_referral",
    params(("id" = i64, Path, minimum = 1, description = "A referral")),
    request_body = CloseBody,
    responses(
        (status = 200, description = "Closed", body = ClosedJson),
        (status = 409, description = "`referral_step`: already closed", body = super::api_doc::schemas::ErrorBody)))]
pub async fn close(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<CloseBody>,
) -> Result<Json<ClosedJson>, AppError> {
    let id = parse_id(&id)?;
    let outcome = body.outcome.text_or("outcome")?;
    office::close(&state, &staff.member, id, &outcome).await?;
    Ok(Json(ClosedJson {
        id,
        status: "closed",
    }))
}

/// `GET /api/v1/staff/referrals/figures?from=YYYY-MM&to=YYYY-MM`: the
/// referrals made in those months (by default this fiscal year, April to
/// March), by destination and status, and follow-ups made, booked, kept.
#[utoipa::path(get, path = "/api/v1/staff/referrals/figures", tag = "staff",
    operation_id = "referral_figures",
    params(
        ("from" = Option<String>, Query, pattern = "^[0-9]{4}-[0-9]{2}$", description = "First month"),
        ("to" = Option<String>, Query, pattern = "^[0-9]{4}-[0-9]{2}$", description = "Last month")),
    responses(
        (status = 200, description = "The figures", body = ReferralFiguresJson),
        (status = 422, description = "`from` or `to` is not YYYY-MM, or `to` before `from`", body = super::api_doc::schemas::ErrorBody)))]
pub async fn figures(
    State(state): State<AppState>,
    Manager(staff): Manager,
    RawQuery(raw): RawQuery,
) -> Result<Json<ReferralFiguresJson>, AppError> {
    let today = crate::domain::time::jst_today(state.clock.now());
    let (first, last) = referral_figures::fiscal_year(today);
    let mut span = [("from", first), ("to", last)];
    for (k, v) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        let Some(slot) = span.iter_mut().find(|(name, _)| *name == k) else {
            continue;
        };
        slot.1 = crate::service::office::month_bounds(&v)
            .map(|(f, _)| crate::domain::time::to_jst(f).date_naive())
            .map_err(|_| invalid(slot.0, FieldError::Choice))?;
    }
    let (from, to) = (span[0].1, span[1].1);
    if to < from {
        return Err(invalid("to", FieldError::Choice));
    }
    let (f, names) = referral_figures::figures(&state, &staff.member, from, to).await?;
    Ok(Json(ReferralFiguresJson {
        from: from.format("%Y-%m").to_string(),
        to: to.format("%Y-%m").to_string(),
        total: f.total,
        arrived: f.arrived,
        open: f.open,
        destinations: f
            .destinations
            .into_iter()
            .map(|d| DestinationFiguresJson {
                service: d.service_id.map(|id| ServiceNameJson {
                    name: names.get(&id).cloned().unwrap_or_default(),
                    id: Some(id),
                }),
                total: d.total,
                by_status: d.by_status,
            })
            .collect(),
        follow_ups: FollowUpFiguresJson {
            made: f.follow_ups.made,
            booked: f.follow_ups.booked,
            kept: f.follow_ups.kept,
        },
    }))
}
