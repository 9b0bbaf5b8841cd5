//! Staff accounts: creation, passwords (argon2id), tokens, sign-in.

use crate::domain::staff::{check_password, sign_in_delay, Role};
use crate::domain::token::Token;
use crate::domain::values::Email;
use crate::state::AppState;
use crate::store::{StaffMember, StoreError};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Duration;
use rand::RngCore;

/// How long a sign-in lasts.
pub const SESSION_HOURS: i64 = 10;

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing: {e}"))?
        .to_string())
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Creates an account (`tsunagu staff add`).
pub async fn add(
    state: &AppState,
    email: &str,
    name: &str,
    role: Role,
    professional_id: Option<i64>,
    password: &str,
) -> anyhow::Result<i64> {
    let email =
        Email::parse(email).map_err(|_| anyhow::anyhow!("not an email address: {email}"))?;
    let name = crate::domain::values::PersonName::parse(name)
        .map_err(|_| anyhow::anyhow!("the name must be 1 to 50 characters of visible text"))?;
    check_password(password)
        .map_err(|_| anyhow::anyhow!("the password must be 12 to 200 characters"))?;
    if role == Role::Professional && professional_id.is_none() {
        anyhow::bail!(
            "a professional needs --professional-id (their entry in the list of professionals)"
        );
    }
    let hash = hash_password(password)?;
    match state
        .store
        .create_staff(
            email.as_str(),
            name.as_str(),
            role,
            professional_id,
            &hash,
            state.clock.now(),
        )
        .await
    {
        Ok(id) => Ok(id),
        Err(StoreError::Conflict(_)) => {
            anyhow::bail!("there is already an account for {}", email.as_str())
        }
        Err(e) => Err(e.into()),
    }
}

/// Gives an existing account a new password (12 characters or more).
pub async fn set_password(state: &AppState, email: &str, password: &str) -> anyhow::Result<()> {
    check_password(password)
        .map_err(|_| anyhow::anyhow!("the password must be 12 to 200 characters"))?;
    let hash = hash_password(password)?;
    if !state.store.set_staff_password(email, &hash).await? {
        anyhow::bail!("no account for {email}");
    }
    Ok(())
}

/// A new API token for an account (`tsunagu staff token`); shown once.
pub async fn new_token(state: &AppState, email: &str) -> anyhow::Result<String> {
    let account = state
        .store
        .staff_account(email.trim())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account for {email}"))?;
    let token = Token::generate();
    state
        .store
        .add_staff_token(account.id, &token.hash(), state.clock.now())
        .await?;
    Ok(token.as_str().to_string())
}

/// A signed-in session: the cookie value and its CSRF token.
pub struct SignedIn {
    pub cookie: String,
    pub csrf: String,
}

/// Checks email and password; repeated failures make each further try wait.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
) -> anyhow::Result<Option<SignedIn>> {
    let email = email.trim().to_lowercase();
    let now = state.clock.now();
    let failures = state
        .store
        .sign_in_failures_since(&email, now - Duration::minutes(15))
        .await?;
    let delay = sign_in_delay(failures);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let account = state.store.staff_account(&email).await?;
    let ok = match &account {
        Some(a) => a.active && verify_password(password, &a.password_hash),
        None => {
            // Spend the same time as a real check, so that timing tells nothing.
            let _ = verify_password(password, DUMMY_HASH);
            false
        }
    };
    let Some(account) = account.filter(|_| ok) else {
        state.store.record_sign_in_failure(&email, now).await?;
        let who = &Token::from_text(&email).hash()[..12];
        tracing::warn!(
            account = who,
            recent_failures = failures + 1,
            "staff sign-in failed"
        );
        return Ok(None);
    };
    let cookie = Token::generate();
    let csrf = Token::generate();
    let expires = now + Duration::hours(SESSION_HOURS);
    state
        .store
        .create_staff_session(&cookie.hash(), account.id, csrf.as_str(), expires, now)
        .await?;
    let member = StaffMember {
        id: Some(account.id),
        name: account.name,
        role: Role::Admin,
        professional_id: None,
    };
    state
        .store
        .audit(&member, "sign_in", "staff", "", now)
        .await?;
    Ok(Some(SignedIn {
        cookie: cookie.as_str().to_string(),
        csrf: csrf.as_str().to_string(),
    }))
}

/// A valid argon2id hash of a random password, for timing-equal refusals.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Mg0l2vG4Jp9Ymbo0tfRpgH0+lxXUHJDiZJoAnBHkPnA";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery staple").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple", &hash));
        assert!(!verify_password("wrong horse battery staple", &hash));
        assert!(!verify_password("anything", "not a hash"));
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
