//! Who a staff request comes from, and what their role lets them send.
//! [`StaffCaller`] reads the caller (API token, office token or sign-in
//! cookie); [`Manager`] and [`Admin`] refuse other roles with 403; a
//! [`StaffForm`] is a staff form whose CSRF token and role were checked as
//! it was read. Who may do what is decided here, not in the handlers.

use super::body::FormBody;
use super::context::{RequestContext, SignedIn};
use super::error::{invalid, AppError};
use crate::domain::staff::Role;
use crate::state::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};

/// A staff member making a request: by an API token (`Authorization:
/// Bearer …`, from `tsunagu staff token`), by the configured office token
/// (acting as a coordinator named by `X-Staff-Name`), or by a sign-in cookie.
/// Who may do what is decided here and in [`Manager`] and [`Admin`], not in
/// the handlers.
pub struct StaffCaller {
    pub name: String,
    pub member: crate::store::StaffMember,
    /// The sign-in's CSRF token, when signed in by cookie.
    pub csrf: Option<String>,
}

/// The sign-in cookie.
pub const STAFF_COOKIE: &str = "tsunagu_staff";

impl FromRequestParts<AppState> for StaffCaller {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = StaffCaller::authenticate(parts, state).await?;
        let _ = RequestContext::current().signed_in.set(SignedIn {
            name: caller.name.clone(),
            role: caller.member.role,
            csrf: caller.csrf.clone().unwrap_or_default(),
        });
        Ok(caller)
    }
}

impl StaffCaller {
    async fn authenticate(parts: &Parts, state: &AppState) -> Result<Self, AppError> {
        let header = |name| {
            parts
                .headers
                .get(name)
                .and_then(|v: &HeaderValue| std::str::from_utf8(v.as_bytes()).ok())
        };
        if let Some(given) =
            header(header::AUTHORIZATION.as_str()).and_then(|v| v.strip_prefix("Bearer "))
        {
            let office = state.settings.staff.api_token.expose();
            if !office.is_empty() && constant_time_eq(given.as_bytes(), office.as_bytes()) {
                let name = match header("x-staff-name").filter(|v| !v.trim().is_empty()) {
                    Some(v) => crate::domain::values::PersonName::parse(v)
                        .map_err(|e| invalid("X-Staff-Name", e))?
                        .to_string(),
                    None => "staff".into(),
                };
                let member = crate::store::StaffMember {
                    id: None,
                    name: name.clone(),
                    role: Role::Coordinator,
                    professional_id: None,
                };
                return Ok(StaffCaller {
                    name,
                    member,
                    csrf: None,
                });
            }
            let token =
                crate::domain::token::Token::parse(given.trim()).ok_or(AppError::Unauthorized)?;
            let member = state
                .store
                .staff_by_token(&token.hash())
                .await?
                .ok_or(AppError::Unauthorized)?;
            return Ok(StaffCaller {
                name: member.name.clone(),
                member,
                csrf: None,
            });
        }
        let cookie = header(header::COOKIE.as_str())
            .and_then(|c| {
                c.split(';')
                    .find_map(|kv| kv.trim().strip_prefix(&format!("{STAFF_COOKIE}=")))
            })
            .and_then(crate::domain::token::Token::parse)
            .ok_or(AppError::Unauthorized)?;
        let (member, csrf) = state
            .store
            .staff_by_session(&cookie.hash(), state.clock.now())
            .await?
            .ok_or(AppError::Unauthorized)?;
        // A write to the staff API on a cookie alone could be made by any
        // site the member visits: it must carry the sign-in's CSRF token
        // in `X-CSRF-Token` (the forms carry theirs in the body: StaffForm).
        let writes = !matches!(
            parts.method,
            axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
        );
        if writes && parts.uri.path().starts_with("/api/") {
            let sent = header("x-csrf-token").unwrap_or("");
            if !constant_time_eq(sent.as_bytes(), csrf.as_bytes()) {
                return Err(AppError::Forbidden);
            }
        }
        Ok(StaffCaller {
            name: member.name.clone(),
            member,
            csrf: Some(csrf),
        })
    }
}

/// A staff member who runs the office (admin or coordinator); others get 403.
pub struct Manager(pub StaffCaller);

/// An administrator; others get 403.
pub struct Admin(pub StaffCaller);

/// The signed-in caller, if their role is one `allows` lets through (403
/// otherwise): the one check behind every role guard.
async fn caller_in_role(
    parts: &mut Parts,
    state: &AppState,
    allows: fn(Role) -> bool,
) -> Result<StaffCaller, AppError> {
    let caller = StaffCaller::from_request_parts(parts, state).await?;
    if allows(caller.member.role) {
        Ok(caller)
    } else {
        Err(AppError::Forbidden)
    }
}

impl FromRequestParts<AppState> for Manager {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        caller_in_role(parts, state, Role::manages)
            .await
            .map(Manager)
    }
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        caller_in_role(parts, state, |role| role == Role::Admin)
            .await
            .map(Admin)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A role guard: [`StaffCaller`] (anyone signed in), [`Manager`] or
/// [`Admin`], and the caller it let through.
pub trait StaffRole: FromRequestParts<AppState, Rejection = AppError> {
    fn caller(&self) -> &StaffCaller;
}

impl StaffRole for StaffCaller {
    fn caller(&self) -> &StaffCaller {
        self
    }
}

impl StaffRole for Manager {
    fn caller(&self) -> &StaffCaller {
        &self.0
    }
}

impl StaffRole for Admin {
    fn caller(&self) -> &StaffCaller {
        &self.0
    }
}

/// A state-changing staff form, sent by a caller whom the role guard `R`
/// lets through: `StaffForm(Manager(caller), pairs)`. The caller is read
/// first (401, 403), then the form (`FormBody`), then its CSRF token is
/// checked against the sign-in's (403).
pub struct StaffForm<R>(pub R, pub Vec<(String, String)>);

impl<R: StaffRole + Send> FromRequest<AppState> for StaffForm<R> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let role = R::from_request_parts(&mut parts, state).await?;
        let FormBody(pairs) =
            FormBody::from_request(Request::from_parts(parts, body), state).await?;
        check_csrf(role.caller(), &pairs)?;
        Ok(StaffForm(role, pairs))
    }
}

/// A form signed in by cookie must carry the sign-in's CSRF token. A
/// bearer token has none, and needs none: browsers never send it on their own.
fn check_csrf(caller: &StaffCaller, pairs: &[(String, String)]) -> Result<(), AppError> {
    let sent = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map_or("", |(_, v)| v.as_str());
    match &caller.csrf {
        Some(expected) if expected == sent => Ok(()),
        Some(_) => Err(AppError::Forbidden),
        None => Ok(()),
    }
}
