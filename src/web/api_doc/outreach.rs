//! 周知's request and response types: subscriptions to notices of free
//! slots, the next evening as JSON, and the outreach figures.

use super::schemas::{code_schema, LangCode};
use crate::domain::outreach::Kinds;
use crate::web::field::Field;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

code_schema!(
    /// What to be told of: `new_month` (booking opens for next month's
    /// evening), `free_slot` (a free slot soon that nobody waits for).
    SubscriptionKind,
    "SubscriptionKind",
    [Kinds::NEW_MONTH, Kinds::FREE_SLOT]
);

/// 「空きのお知らせを受け取る」: an email address and what to be told of (a
/// kind named twice counts once);
/// nothing is sent but the confirmation until its link is followed.
#[derive(Deserialize, Default, ToSchema)]
pub struct SubscriptionBody {
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    pub email: Field<String>,
    #[schema(value_type = Vec<SubscriptionKind>, min_items = 1)]
    pub kinds: Field<Vec<String>>,
    #[schema(value_type = Option<LangCode>)]
    pub lang: Field<String>,
    /// The channel code of the link that led here (`leaflet-2027-01`); one
    /// that is not a code is ignored.
    #[schema(value_type = Option<String>)]
    pub src: Field<String>,
}

/// The same answer whether the address was known or not.
#[derive(Serialize, ToSchema)]
pub struct SubscriptionAccepted {
    /// `confirmation_sent`: a mail with the confirmation link is on its way
    /// (unless one was sent to the address within the hour).
    pub status: &'static str,
}

/// Unsubscribed (the same answer for a link followed twice).
#[derive(Serialize, ToSchema)]
pub struct UnsubscribedJson {
    pub unsubscribed: bool,
}

/// Free slots per profession.
#[derive(Serialize, ToSchema)]
pub struct FreeJson {
    pub lawyer: usize,
    pub psychologist: usize,
}

/// An evening with a free slot, without anyone's data.
#[derive(Serialize, ToSchema)]
pub struct NextEveningJson {
    pub session_id: i64,
    /// RFC 3339 in Japan time.
    pub starts_at: String,
    pub ends_at: String,
    /// 「2027年1月13日(水)」, in the request's language.
    pub date: String,
    pub venue: String,
    pub free: FreeJson,
    /// The page with the evening's slots.
    pub book_url: String,
}

/// `next`: the next evening that can be booked now and has a free slot, or `null`.
#[derive(Serialize, ToSchema)]
pub struct PublicNextJson {
    pub next: Option<NextEveningJson>,
}

/// One answer or channel, with its counts.
#[derive(Serialize, ToSchema)]
pub struct SourceRowJson {
    /// The code; empty: not answered, or no channel.
    pub code: String,
    pub bookings: i64,
    pub waitlist: i64,
    pub health: i64,
    /// Subscriptions confirmed (channels only).
    pub subscriptions: i64,
}

/// Where bookings, waitlist places, health requests and subscriptions came from.
#[derive(Serialize, ToSchema)]
pub struct OutreachFiguresJson {
    /// First and last days (YYYY-MM-DD, JST), both included.
    pub from: String,
    pub to: String,
    pub heard_from: Vec<SourceRowJson>,
    pub channels: Vec<SourceRowJson>,
    /// Confirmed subscriptions now.
    pub subscribed_now: i64,
}
