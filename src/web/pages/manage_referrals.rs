//! The services a person was referred to (つなぐ), on their booking's
//! page: the service's phones and hours, what was passed on, and a button
//! to withdraw their consent.

use crate::domain::referral::ReferralStatus;
use crate::domain::Lang;
use crate::i18n::referral::shared_lines;
use crate::i18n::{texts, Texts};
use crate::service::evening::BookError;
use crate::service::referral::person::{self, PersonView};
use crate::state::AppState;
use crate::web::error::AppError;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

pub(super) struct ReferralCard {
    pub(super) id: i64,
    pub(super) service: String,
    pub(super) status: &'static str,
    /// (`tel:` link, number as written).
    pub(super) phones: Vec<(String, String)>,
    pub(super) hours: String,
    /// (label, value) of each part passed on.
    pub(super) shared: Vec<(&'static str, String)>,
    pub(super) may_withdraw: bool,
}

fn status_words(status: ReferralStatus, t: &'static Texts) -> &'static str {
    match status {
        ReferralStatus::Sent | ReferralStatus::Contacted | ReferralStatus::Unreachable => {
            t.referral_manage_open
        }
        ReferralStatus::Connected => t.referral_manage_connected,
        ReferralStatus::NotEligible | ReferralStatus::NoCapacity => t.referral_manage_not_taken,
        ReferralStatus::Declined => t.referral_manage_declined,
        ReferralStatus::Withdrawn => t.referral_manage_withdrawn,
        ReferralStatus::Closed => t.referral_manage_closed,
    }
}

fn card(v: PersonView, lang: Lang) -> ReferralCard {
    let t = texts(lang);
    let shared = shared_lines(&v.shared, lang);
    let tel = |n: &str| {
        crate::domain::directory::Phone {
            number: n.to_string(),
            kind: crate::domain::directory::PhoneKind::Voice,
            description: String::new(),
        }
        .tel_href()
    };
    ReferralCard {
        id: v.id,
        service: v.service_name,
        status: status_words(v.status, t),
        phones: v
            .service_phones
            .iter()
            .map(|n| (tel(n), n.clone()))
            .collect(),
        hours: v.service_hours,
        shared,
        may_withdraw: v.may_withdraw,
    }
}

/// The referrals of the bookings behind a manage link, as cards.
pub(super) async fn cards(
    state: &AppState,
    token: &str,
    lang: Lang,
) -> Result<Vec<ReferralCard>, BookError> {
    Ok(person::referrals(state, token)
        .await?
        .into_iter()
        .map(|v| card(v, lang))
        .collect())
}

/// `POST /manage/{token}/referrals/{id}/withdraw`: the person withdraws
/// their consent (a referral already withdrawn or closed: nothing changes).
pub async fn withdraw_referral(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = crate::web::parse_id(&id)?;
    match person::withdraw(&state, &token, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/manage/{token}?withdrawn=1")).into_response()),
        Err(BookError::Conflict(_)) => {
            Ok(Redirect::to(&format!("/manage/{token}")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
