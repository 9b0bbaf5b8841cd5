//! Staff keeping the directory (coordinators and admins): add, change,
//! suspend or retire a service (a change of `status`), and confirm it with
//! the organisation; each step with its audit line.

use crate::domain::directory::{ServiceEntry, ServiceInput};
use crate::domain::time::jst_today;
use crate::domain::FieldErrors;
use crate::state::AppState;
use crate::store::{StaffMember, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A new HSDS id: a random (version 4) UUID.
fn new_id() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// What the service would refuse of `input`, as a new service or as a
/// change of `id`, without writing anything (an unknown `id`: as new).
pub async fn check(
    state: &AppState,
    id: Option<&str>,
    input: &ServiceInput,
) -> Result<FieldErrors, DirectoryError> {
    let directory = state.store.directory_now().await?;
    let base = id.and_then(|id| directory.get(id));
    Ok(input
        .validate(base, String::new(), String::new())
        .err()
        .unwrap_or_default())
}

/// Adds a service; its organisation is the one `organization_id` names
/// (when the directory has it) or a new one.
pub async fn add(
    state: &AppState,
    who: &StaffMember,
    input: &ServiceInput,
) -> Result<ServiceEntry, DirectoryError> {
    let directory = state.store.directory_now().await?;
    let organization_id = input
        .organization_id
        .as_deref()
        .filter(|id| directory.entries.iter().any(|e| e.organization.id == *id))
        .map_or_else(new_id, str::to_string);
    let entry = input
        .validate(None, new_id(), organization_id)
        .map_err(DirectoryError::Invalid)?;
    let now = state.clock.now();
    state.store.save_directory_service(&entry, now).await?;
    state
        .audit(who, "directory_service_added", &entry.id, &entry.name)
        .await?;
    Ok(entry)
}

/// Changes what `input` names of a service, keeping the rest.
pub async fn change(
    state: &AppState,
    who: &StaffMember,
    id: &str,
    input: &ServiceInput,
) -> Result<ServiceEntry, DirectoryError> {
    let directory = state.store.directory_now().await?;
    let base = directory.get(id).ok_or(DirectoryError::NotFound)?;
    let organization_id = input
        .organization_id
        .clone()
        .unwrap_or_else(|| base.organization.id.clone());
    let entry = input
        .validate(Some(base), base.id.clone(), organization_id)
        .map_err(DirectoryError::Invalid)?;
    let now = state.clock.now();
    state.store.save_directory_service(&entry, now).await?;
    let changed = changed_parts(base, &entry).join(",");
    state
        .audit(who, "directory_service_changed", &entry.id, &changed)
        .await?;
    Ok(entry)
}

/// Confirmed with the organisation today (JST), by the member signed in.
pub async fn confirm(
    state: &AppState,
    who: &StaffMember,
    id: &str,
) -> Result<ServiceEntry, DirectoryError> {
    let now = state.clock.now();
    match state
        .store
        .confirm_directory_service(id, jst_today(now), &who.name, now)
        .await
    {
        Err(StoreError::NotFound) => return Err(DirectoryError::NotFound),
        other => other?,
    }
    state
        .audit(who, "directory_service_confirmed", id, "")
        .await?;
    let directory = state.store.directory_now().await?;
    directory.get(id).cloned().ok_or(DirectoryError::NotFound)
}

/// The names of the parts that differ, for the audit line.
fn changed_parts(old: &ServiceEntry, new: &ServiceEntry) -> Vec<&'static str> {
    let mut parts = Vec::new();
    let mut check = |name: &'static str, differs: bool| {
        if differs {
            parts.push(name);
        }
    };
    check("organization", old.organization != new.organization);
    check("name", old.name != new.name || old.name_en != new.name_en);
    check(
        "description",
        old.description != new.description || old.description_en != new.description_en,
    );
    check("eligibility", old.eligibility != new.eligibility);
    check("fees", old.fees != new.fees || old.free != new.free);
    check(
        "terms",
        old.needs != new.needs || old.audiences != new.audiences || old.methods != new.methods,
    );
    check(
        "contact",
        old.phones != new.phones
            || old.email != new.email
            || old.url != new.url
            || old.address != new.address,
    );
    check(
        "hours",
        old.schedules != new.schedules
            || old.hours_note != new.hours_note
            || old.hours_note_en != new.hours_note_en
            || old.closed_on_holidays != new.closed_on_holidays
            || old.closed_year_end != new.closed_year_end,
    );
    check("crisis", old.crisis != new.crisis || old.rank != new.rank);
    check("bookable_here", old.bookable_here != new.bookable_here);
    check("status", old.status != new.status);
    parts
}
