//! 産業保健センター: a business's request ([`request`]), its place and
//! expected month ([`forecast`]) and its status page with the business's
//! answers ([`status`]); what the centre's staff do with the queue, the
//! doctors' blocks and the scheduling assistant is in [`office`], and the
//! roster, attendance, follow-up and figures in [`outcome`] (each step with
//! its audit line). What they share stands here.

use crate::config::Settings;
use crate::domain::booking::keep;
use crate::domain::health::figures::{self, MonthFigures, Seen};
use crate::domain::health::preferences::{weekday_code, Preferences};
use crate::domain::health::request::{
    parse_count, parse_date, Eligibility, HealthInput, Ineligible,
};
use crate::domain::health::{self, DueFlag, Place, Proposal, ServiceKind};
use crate::domain::time::{jst_instant, to_jst};
use crate::domain::token::Token;
use crate::domain::values::{bounded, normalize_text, Email, PersonName, PhoneNumber};
use crate::domain::{FieldError, FieldErrors, Lang};
use crate::mail::calendar::Calendar;
use crate::mail::health::{
    status_url, HealthMail, MailInterview, HEALTH_ACCEPTED, HEALTH_CLOSED, HEALTH_DECLINED,
    HEALTH_PROPOSED, HEALTH_RECEIVED, HEALTH_REQUEUED, HEALTH_WITHDRAWN,
};
use crate::state::AppState;
use crate::store::{
    request_number, BlockRecord, HealthRequestRecord, HealthServiceRecord, InterviewRecord,
    NewBlock, NewHealthRequest, NewInterview, StaffMember, StoreError,
};
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The workplace is not the centre's to serve; where to go instead.
    #[error("not eligible")]
    Ineligible(FieldErrors, Ineligible, Referral),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for HealthError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => HealthError::NotFound,
            StoreError::Conflict(what) => HealthError::Conflict(match what {
                "health_blocks_no_overlap" | "health_interviews_no_overlap" => "doctor_busy",
                "health_interviews_one_per_time"
                | "health_interviews_one_visit"
                | "health_blocks_capacity"
                | "health_blocks_length" => "block_full",
                "health_interviews_one_per_request" => "request_not_waiting",
                other => other,
            }),
            other => HealthError::Internal(other.into()),
        }
    }
}

pub use crate::domain::health::Referral;

fn invalid(field: &'static str, e: FieldError) -> HealthError {
    HealthError::Invalid(FieldErrors::from([(field, e)]))
}

pub fn eligibility(settings: &Settings) -> Eligibility {
    Eligibility {
        area: settings.health.area.clone(),
        area_en: settings.health.area_en.clone(),
        max_workers: settings.health.max_workers,
    }
}

fn today(state: &AppState) -> NaiveDate {
    to_jst(state.clock.now()).date_naive()
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("day 1")
}

/// The mail of a request, to be given its kind and sent.
fn mail_of(
    r: &HealthRequestRecord,
    link: Option<&Token>,
    interview: Option<MailInterview>,
) -> HealthMail {
    HealthMail {
        lang: Lang::parse(&r.lang).unwrap_or(Lang::Ja),
        business_name: r.business_name.clone(),
        contact_name: r.contact_name.clone(),
        number: r.number(),
        token: link.map(|t| t.as_str().to_string()),
        interview,
        ..Default::default()
    }
}

mod forecast;
mod office;
mod outcome;
mod request;
mod status;
use forecast::{estimates, month_code, waiting_pending};
use status::{answer_request, view};

pub use forecast::estimate;
pub use office::*;
pub use outcome::*;
pub use request::*;
pub use status::*;
