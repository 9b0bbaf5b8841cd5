//! 周知 (outreach): 「空きのお知らせ」 asked for, confirmed by its link
//! (double opt-in) and unsubscribed in one click, which deletes the
//! address; `notices`, the daily sweep that tells subscribers; `low_fill`,
//! the coordinators' alert; `public`, the feeds and the embed; `figures`,
//! where requests came from, and the services that pass notices on.

pub mod figures;
pub mod low_fill;
pub mod notices;
pub mod public;

use crate::domain::booking::keep;
use crate::domain::outreach::Kinds;
use crate::domain::token::Token;
use crate::domain::values::Email;
use crate::domain::{FieldErrors, Lang};
use crate::mail::outreach::{OutreachMail, SUBSCRIPTION_CONFIRM};
use crate::state::AppState;
use crate::store::{NewSubscription, StoreError, SubscriptionRecord};
use chrono::Duration;

/// An unconfirmed subscription (or change) is forgotten after this long.
pub const CONFIRM_DAYS: i64 = 7;

/// A confirmation is not mailed again to one address within this long.
pub const RESEND_AFTER_MINUTES: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum OutreachError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// 「空きのお知らせを受け取る」 as asked for.
#[derive(Debug, Default)]
pub struct SubscribeRequest {
    pub email: String,
    pub kinds: Vec<String>,
    pub lang: Lang,
    /// The link's channel, for the figures.
    pub channel: Option<String>,
    /// Fields refused while reading the request.
    pub errors: FieldErrors,
}

/// Records the subscription and mails its confirmation link. The answer
/// is the same whether the address was known or not (nobody learns who
/// subscribed); nothing but the confirmation is sent until its link is
/// followed.
pub async fn subscribe(state: &AppState, req: SubscribeRequest) -> Result<(), OutreachError> {
    let SubscribeRequest {
        email,
        kinds,
        lang,
        channel,
        mut errors,
    } = req;
    let email = keep(&mut errors, "email", Email::parse(&email));
    let kinds = keep(&mut errors, "kinds", Kinds::parse(&kinds));
    let (Some(email), Some(kinds), true) = (email, kinds, errors.is_empty()) else {
        return Err(OutreachError::Invalid(errors));
    };
    let now = state.clock.now();
    let address = email.as_str().to_lowercase();
    let confirm = Token::generate();
    let new = NewSubscription {
        email: address.clone(),
        kinds,
        lang: lang.code().to_string(),
        channel,
        confirm_hash: confirm.hash(),
        unsubscribe_token: Token::generate().as_str().to_string(),
    };
    let settings = state.settings.clone();
    let mail = |unsubscribe: &str| {
        OutreachMail {
            lang,
            confirm_token: Some(confirm.as_str().to_string()),
            unsubscribe_token: Some(unsubscribe.to_string()),
            ..OutreachMail::default()
        }
        .queue(SUBSCRIPTION_CONFIRM, &address, &settings)
    };
    let resend_after = now - Duration::minutes(RESEND_AFTER_MINUTES);
    if state
        .store
        .ask_subscription(&new, mail, resend_after, now)
        .await?
    {
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// Follows a confirmation link: the subscription (or its change) takes effect.
pub async fn confirm(
    state: &AppState,
    raw_token: &str,
) -> Result<SubscriptionRecord, OutreachError> {
    let token = Token::parse(raw_token).ok_or(OutreachError::NotFound)?;
    let now = state.clock.now();
    state
        .store
        .confirm_subscription(&token.hash(), now - Duration::days(CONFIRM_DAYS), now)
        .await?
        .ok_or(OutreachError::NotFound)
}

/// The subscription an unsubscribe link names, for its page.
pub async fn subscription(
    state: &AppState,
    raw_token: &str,
) -> Result<SubscriptionRecord, OutreachError> {
    Token::parse(raw_token).ok_or(OutreachError::NotFound)?;
    state
        .store
        .subscription_by_unsubscribe(raw_token)
        .await?
        .ok_or(OutreachError::NotFound)
}

/// Unsubscribes: the subscription, its address and its mails are deleted.
/// Whether there was one (a link followed twice finds none the second time).
pub async fn unsubscribe(state: &AppState, raw_token: &str) -> Result<bool, OutreachError> {
    if Token::parse(raw_token).is_none() {
        return Ok(false);
    }
    Ok(state.store.unsubscribe(raw_token).await?)
}
