//! `/staff/directory`: staff keep the directory (coordinators and admins):
//! the list with when each entry was last confirmed with its organisation
//! and by whom, the entries not confirmed lately flagged; adding, changing,
//! suspending (一時休止) or retiring an entry, and confirming it. Each
//! change is audited by the service.

use super::directory_form::{input_of, pairs_of, EntryForm};
use super::{done_at, done_notice, field, StaffFrame};
use crate::domain::directory::review::stale_since;
use crate::domain::directory::{ServiceEntry, Status};
use crate::domain::FieldErrors;
use crate::i18n::dates::format_date;
use crate::i18n::directory::status_label;
use crate::service::directory::staff::{self as service, DirectoryError};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::{Manager, StaffCaller, StaffForm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

/// One line of the list.
struct EntryLine {
    id: String,
    name: String,
    organization: String,
    status: &'static str,
    listed: bool,
    crisis: bool,
    /// 「2026年6月1日（佐藤）」, or 未確認.
    confirmed: String,
    stale: bool,
}

#[derive(Template)]
#[template(path = "staff/directory.html")]
struct ListPage {
    c: StaffFrame,
    notice: Option<&'static str>,
    lines: Vec<EntryLine>,
    stale_count: usize,
    days: u32,
    only_stale: bool,
}

fn confirmed_words(e: &ServiceEntry, c: &StaffFrame) -> String {
    match &e.confirmed {
        Some(done) => {
            c.t.staff_directory_confirmed_on(done.by.as_str(), format_date(done.on, c.lang))
        }
        None => c.t.staff_directory_never_confirmed.to_string(),
    }
}

/// `GET /staff/directory[?stale=1]`: every entry, retired ones last.
pub async fn list(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(&caller);
    let days = state.settings.directory.unconfirmed_after_days;
    let since = stale_since(state.clock.now(), days);
    let directory = state.store.directory_now().await?;
    let mut entries: Vec<&ServiceEntry> = directory.entries.iter().collect();
    entries.sort_by_key(|e| (e.status == Status::Defunct, e.rank, e.name.clone()));
    let only_stale = q.get("stale").is_some_and(|v| v == "1");
    let stale = |e: &ServiceEntry| e.status != Status::Defunct && e.stale(since);
    let stale_count = entries.iter().filter(|e| stale(e)).count();
    let lines = entries
        .into_iter()
        .filter(|e| !only_stale || stale(e))
        .map(|e| EntryLine {
            id: e.id.clone(),
            name: e.name.clone(),
            organization: e.organization.name.clone(),
            status: status_label(e.status, c.lang),
            listed: e.listed(),
            crisis: e.crisis,
            confirmed: confirmed_words(e, &c),
            stale: stale(e),
        })
        .collect();
    Ok(page(
        &ListPage {
            notice: done_notice(&q, c.t),
            lines,
            stale_count,
            days,
            only_stale,
            c,
        },
        StatusCode::OK,
    ))
}

#[derive(Template)]
#[template(path = "staff/directory_form.html")]
struct FormPage {
    c: StaffFrame,
    heading: String,
    notice: Option<&'static str>,
    /// Where the form is sent.
    action: String,
    /// The entry's id, when it is a change.
    id: Option<String>,
    /// When it was last confirmed, for a change.
    confirmed: Option<String>,
    /// The refused fields, listed at the top.
    errors: Vec<crate::web::pages::ErrorLine>,
    form: EntryForm,
}

fn form_page(
    caller: &StaffCaller,
    entry: Option<&ServiceEntry>,
    pairs: &[(String, String)],
    errors: &FieldErrors,
    notice: Option<&'static str>,
) -> Response {
    let c = StaffFrame::new(caller);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut form = EntryForm::new(pairs, errors, c.t, c.lang);
    let page_data = FormPage {
        errors: std::mem::take(&mut form.errors),
        heading: match entry {
            Some(e) => c.t.staff_directory_edit_title(e.name.as_str()),
            None => c.t.staff_directory_new_title.to_string(),
        },
        notice,
        action: match entry {
            Some(e) => format!("/staff/directory/{}", e.id),
            None => "/staff/directory".to_string(),
        },
        id: entry.map(|e| e.id.clone()),
        confirmed: entry.map(|e| confirmed_words(e, &c)),
        form,
        c,
    };
    page(&page_data, status)
}

/// The entry with that id, or a 404.
async fn entry(state: &AppState, id: &str) -> Result<ServiceEntry, AppError> {
    let directory = state.store.directory_now().await?;
    directory.get(id).cloned().ok_or(AppError::NotFound)
}

/// `GET /staff/directory/new`: the form of a new entry.
pub async fn new_form(Manager(caller): Manager) -> Response {
    let pairs = vec![("free".to_string(), "yes".to_string())];
    form_page(&caller, None, &pairs, &FieldErrors::new(), None)
}

/// `POST /staff/directory` (form): adds an entry.
pub async fn add(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let input = match input_of(&pairs) {
        Ok(input) => input,
        Err(errors) => return Ok(form_page(&caller, None, &pairs, &errors, None)),
    };
    match service::add(&state, &caller.member, &input).await {
        Ok(added) => Ok(done_at(
            &format!("/staff/directory/{}", added.id),
            "directory_added",
        )),
        Err(DirectoryError::Invalid(errors)) => Ok(form_page(&caller, None, &pairs, &errors, None)),
        Err(e) => Err(e.into()),
    }
}

/// `GET /staff/directory/{id}`: an entry's form.
pub async fn edit_form(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let entry = entry(&state, &id).await?;
    let notice = done_notice(&q, StaffFrame::new(&caller).t);
    Ok(form_page(
        &caller,
        Some(&entry),
        &pairs_of(&entry),
        &FieldErrors::new(),
        notice,
    ))
}

/// `POST /staff/directory/{id}` (form): changes an entry as a whole
/// (its status suspends or retires it).
pub async fn change(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let base = entry(&state, &id).await?;
    let input = match input_of(&pairs) {
        Ok(input) => input,
        Err(errors) => return Ok(form_page(&caller, Some(&base), &pairs, &errors, None)),
    };
    match service::change(&state, &caller.member, &id, &input).await {
        Ok(_) => Ok(done_at(
            &format!("/staff/directory/{id}"),
            "directory_changed",
        )),
        Err(DirectoryError::Invalid(errors)) => {
            Ok(form_page(&caller, Some(&base), &pairs, &errors, None))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /staff/directory/{id}/confirm` (form): confirmed with the
/// organisation today, by the member signed in; back to where it was sent.
pub async fn confirm(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    service::confirm(&state, &caller.member, &id).await?;
    let back = match field(&pairs, "back").as_str() {
        "entry" => format!("/staff/directory/{id}"),
        "stale" => "/staff/directory?stale=1".to_string(),
        _ => "/staff/directory".to_string(),
    };
    Ok(done_at(&back, "directory_confirmed"))
}
