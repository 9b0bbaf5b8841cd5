//! The people of the office: professionals (相談員) on the list, and staff
//! accounts (an administrator's). Each change writes its audit line.

use crate::domain::staff::Role;
use crate::domain::values::{normalize_text, optional_text, PersonName};
use crate::domain::FieldError;
use crate::service::evening::BookError;
use crate::state::AppState;
use crate::store::{StaffListing, StaffMember};

/// Adds a professional to the list.
pub async fn add_professional(
    state: &AppState,
    who: &StaffMember,
    name: &str,
    profession: &str,
    organisation: &str,
    contact: &str,
) -> Result<i64, BookError> {
    let name = PersonName::parse(name).map_err(|e| BookError::invalid("name", e))?;
    let profession = normalize_text(profession);
    if !["lawyer", "psychologist", "doctor"].contains(&profession.as_str()) {
        return Err(BookError::invalid("profession", FieldError::Choice));
    }
    let organisation =
        optional_text(organisation, 100).map_err(|e| BookError::invalid("organisation", e))?;
    let contact = optional_text(contact, 200).map_err(|e| BookError::invalid("contact", e))?;
    let id = state
        .store
        .create_professional(
            name.as_str(),
            &profession,
            &organisation,
            &contact,
            state.clock.now(),
        )
        .await?;
    state
        .audit(
            who,
            "add_professional",
            &format!("professional {id}"),
            &profession,
        )
        .await?;
    Ok(id)
}

/// Rests or restores a professional.
pub async fn set_professional_active(
    state: &AppState,
    who: &StaffMember,
    id: i64,
    active: bool,
) -> Result<(), BookError> {
    if !state.store.set_professional_active(id, active).await? {
        return Err(BookError::NotFound);
    }
    state
        .audit(
            who,
            "professional_active",
            &format!("professional {id}"),
            &active.to_string(),
        )
        .await?;
    Ok(())
}

/// A staff account as the administrator's form sends it.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    /// `admin`, `coordinator` or `professional`.
    pub role: &'a str,
    /// A professional's entry in the list of professionals.
    pub professional: Option<i64>,
    pub password: &'a str,
}

/// An account added (its id), or why it was refused, in words for the form.
pub type Added = Result<i64, anyhow::Error>;

/// Adds a staff account (an administrator's step). A role that is none of
/// the three is refused as `role`.
pub async fn add_account(
    state: &AppState,
    who: &StaffMember,
    account: NewAccount<'_>,
) -> Result<Added, BookError> {
    let Some(role) = Role::parse(account.role) else {
        return Ok(Err(anyhow::anyhow!("role")));
    };
    let added = crate::service::staff::add(
        state,
        account.email,
        account.name,
        role,
        account.professional,
        account.password,
    )
    .await;
    if let Ok(id) = added {
        state
            .audit(who, "add_staff", &format!("staff {id}"), "")
            .await?;
    }
    Ok(added)
}

/// Nobody closes their own account (`cannot_close_own_account`): there
/// would be no administrator left to reopen it.
fn check_not_own(who: &StaffMember, id: i64, active: bool) -> Result<(), BookError> {
    if who.id == Some(id) && !active {
        return Err(BookError::Conflict("cannot_close_own_account"));
    }
    Ok(())
}

/// The account an administrator is about to close, to ask them first.
pub async fn account_to_close(
    state: &AppState,
    who: &StaffMember,
    id: i64,
) -> Result<StaffListing, BookError> {
    check_not_own(who, id, false)?;
    state
        .store
        .staff_listing()
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(BookError::NotFound)
}

/// Closes an account (its sign-ins and API tokens stop working) or
/// reopens it.
pub async fn set_account_active(
    state: &AppState,
    who: &StaffMember,
    id: i64,
    active: bool,
) -> Result<(), BookError> {
    check_not_own(who, id, active)?;
    if !state.store.set_staff_active(id, active).await? {
        return Err(BookError::NotFound);
    }
    state
        .audit(
            who,
            "staff_active",
            &format!("staff {id}"),
            &active.to_string(),
        )
        .await?;
    Ok(())
}
