//! One error type for the web layer, turned into a response in one place:
//! JSON under `/api/`, a friendly page elsewhere. Internal causes are
//! logged with the request id and never shown.
//!
//! For a page, the response carries the status and the sentence for the
//! person ([`ErrorMessage`]); the pages' middleware
//! (`pages::error_pages`) puts them into the page's frame, the public one
//! or the staff's. So this module knows no page.

use super::context::{InternalCause, RequestContext};
use crate::domain::rules::RuleBroken;
use crate::domain::{FieldError, FieldErrors};
use crate::i18n::{field_message, rule_message, texts};
use crate::service::evening::BookError;
use crate::store::StoreError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 422: fields that were refused, each with a reason.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// 422: the workplace is not the health centre's to serve; the fields
    /// say which, the reason where to go instead.
    #[error("not eligible")]
    NotEligible(FieldErrors, String),
    /// 400: the request could not be read at all.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 400: a form whose text is not UTF-8 (it is refused, not repaired).
    #[error("form not UTF-8")]
    NotUtf8,
    #[error("not found")]
    NotFound,
    /// 401: the staff API without a valid token (a staff page redirects to sign-in).
    #[error("unauthorized")]
    Unauthorized,
    /// 403: signed in, but the role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// 409: another person got there first.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// 409 `unusual_day`: a weekend, holiday or closure day, not confirmed.
    #[error("unusual day")]
    UnusualDay(Vec<crate::domain::series::UnusualDay>),
    /// 409 (422 for a malformed pair): a booking rule refused the request.
    #[error("rule: {0:?}")]
    Rule(RuleBroken),
    #[error("payload too large")]
    TooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 503: a dependency (the database) does not answer.
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<BookError> for AppError {
    fn from(e: BookError) -> Self {
        match e {
            BookError::Invalid(fields) => AppError::Invalid(fields),
            BookError::SlotTaken => AppError::Conflict("slot_taken"),
            BookError::SlotClosed => AppError::Conflict("slot_closed"),
            BookError::Rule(rule) => AppError::Rule(rule),
            BookError::NotFound => AppError::NotFound,
            BookError::Forbidden => AppError::Forbidden,
            BookError::Conflict(code) => AppError::Conflict(code),
            BookError::UnusualDay(why) => AppError::UnusualDay(why),
            BookError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<crate::service::health::HealthError> for AppError {
    fn from(e: crate::service::health::HealthError) -> Self {
        use crate::service::health::HealthError;
        match e {
            HealthError::Invalid(fields) => AppError::Invalid(fields),
            HealthError::Ineligible(fields, why, to) => {
                let lang = RequestContext::current().lang;
                AppError::NotEligible(fields, crate::i18n::ineligible_reason(why, &to, lang))
            }
            HealthError::Conflict("forbidden") => AppError::Forbidden,
            HealthError::Conflict(code) => AppError::Conflict(code),
            HealthError::NotFound => AppError::NotFound,
            HealthError::Internal(e) => AppError::Internal(e),
        }
    }
}

/// The sentence of an error that a person is to see as a page, left on the
/// response (with its status) for the pages' middleware to frame. The body
/// is the bare sentence until then.
#[derive(Clone, Debug)]
pub struct ErrorMessage(pub String);

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Invalid(_) | AppError::NotEligible(..) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) | AppError::NotUtf8 => StatusCode::BAD_REQUEST,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict(_) | AppError::UnusualDay(_) => StatusCode::CONFLICT,
            AppError::Rule(RuleBroken::NotAPair) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Rule(_) => StatusCode::CONFLICT,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "invalid",
            AppError::NotEligible(..) => "not_eligible",
            AppError::BadRequest(_) => "bad_request",
            AppError::NotUtf8 => "not_utf8",
            AppError::NotFound => "not_found",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Conflict(code) => code,
            AppError::UnusualDay(_) => "unusual_day",
            AppError::Rule(rule) => rule.code(),
            AppError::TooLarge => "too_large",
            AppError::UnsupportedMediaType => "unsupported_media_type",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// A sentence for the person, in their language.
    pub fn message(&self, ctx: &RequestContext) -> String {
        let t = texts(ctx.lang);
        let s = match self {
            AppError::Invalid(_) => t.errors_heading,
            AppError::NotEligible(_, reason) => return reason.clone(),
            AppError::BadRequest(_) => t.error_bad_request,
            AppError::NotUtf8 => t.error_not_utf8,
            AppError::NotFound => t.not_found,
            AppError::Unauthorized => t.error_unauthorized,
            AppError::Forbidden => t.error_forbidden,
            AppError::Conflict("slot_taken") => t.slot_gone,
            AppError::Conflict(code)
                if code.starts_with("health_") || HEALTH_CONFLICTS.contains(code) =>
            {
                return crate::i18n::health_conflict(code, ctx.lang)
            }
            AppError::Conflict(code) if STAFF_CONFLICTS.contains(code) => {
                return crate::i18n::staff_conflict(code, ctx.lang)
            }
            AppError::Conflict(_) => t.error_slot_closed,
            AppError::TooLarge => t.error_too_large,
            AppError::UnsupportedMediaType => t.error_unsupported_media_type,
            AppError::Unavailable(_) | AppError::Internal(_) => t.internal_error,
            AppError::Rule(rule) => return rule_message(rule, ctx.lang),
            AppError::UnusualDay(why) => return crate::i18n::unusual_day_message(why, ctx.lang),
        };
        s.to_string()
    }
}

/// Conflicts of the health centre's queue and schedule.
const HEALTH_CONFLICTS: &[&str] = &[
    "request_not_waiting",
    "block_full",
    "doctor_busy",
    "place_mismatch",
    "block_past",
    "withdrawn",
    "no_proposal",
    "no_show_not_recorded",
];

/// Conflicts of the office's steps on the evening schedule.
const STAFF_CONFLICTS: &[&str] = &[
    "attendance_too_early",
    "session_not_scheduled",
    "session_not_movable",
    "session_not_restorable",
    "cannot_close_own_account",
];

/// A single refused field.
pub fn invalid(field: &'static str, error: FieldError) -> AppError {
    AppError::Invalid(FieldErrors::from([(field, error)]))
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let ctx = RequestContext::current();
        let status = self.status();
        let message = self.message(&ctx);
        if ctx.wants_html && matches!(self, AppError::Unauthorized) {
            // Staff pages: sign in first; nothing of the page is shown.
            return axum::response::Redirect::to("/staff/login").into_response();
        }
        let mut response = if ctx.wants_html {
            let mut response = (status, message.clone()).into_response();
            response.extensions_mut().insert(ErrorMessage(message));
            response
        } else {
            let mut body = json!({ "error": self.code(), "message": message });
            if let AppError::Invalid(fields) | AppError::NotEligible(fields, _) = &self {
                let words: serde_json::Map<_, _> = fields
                    .iter()
                    .map(|(k, e)| (k.to_string(), json!(field_message(k, e, ctx.lang))))
                    .collect();
                body["fields"] = words.into();
            }
            if let AppError::NotEligible(_, reason) = &self {
                body["reason"] = json!(reason);
            }
            if let AppError::UnusualDay(why) = &self {
                body["reasons"] = json!(why.iter().map(|w| w.code()).collect::<Vec<_>>());
            }
            if let AppError::BadRequest(detail) = &self {
                body["detail"] = json!(detail);
            }
            if status.is_server_error() {
                body["request_id"] = json!(ctx.request_id);
            }
            (status, Json(body)).into_response()
        };
        match &self {
            AppError::Internal(cause) => {
                let cause = InternalCause(format!("{cause:#}"));
                response.extensions_mut().insert(cause);
            }
            AppError::Unavailable(cause) => {
                response
                    .extensions_mut()
                    .insert(InternalCause(cause.clone()));
            }
            _ => {}
        }
        response
    }
}
