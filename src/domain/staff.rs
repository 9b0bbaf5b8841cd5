//! Staff (事務局) and professionals: roles and what each may do.

use super::values::FieldError;

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including staff accounts and the audit log.
    Admin,
    /// Schedule, bookings, roster, exports.
    Coordinator,
    /// A lawyer, psychologist or doctor: only the sessions they are assigned
    /// to, and of each booking only what the consultation needs.
    Professional,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Professional => "professional",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        [Role::Admin, Role::Coordinator, Role::Professional]
            .into_iter()
            .find(|r| r.code() == code.trim())
    }

    /// Runs the office: schedule, bookings, roster, attendance, exports.
    pub fn manages(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

/// 出欠: what staff record after an evening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attendance {
    Attended,
    NoShow,
    LateCancel,
}

impl Attendance {
    pub fn code(self) -> &'static str {
        match self {
            Attendance::Attended => "attended",
            Attendance::NoShow => "no_show",
            Attendance::LateCancel => "late_cancel",
        }
    }

    pub fn parse(code: &str) -> Result<Attendance, FieldError> {
        match code.trim() {
            "attended" => Ok(Attendance::Attended),
            "no_show" => Ok(Attendance::NoShow),
            "late_cancel" => Ok(Attendance::LateCancel),
            "" => Err(FieldError::Required),
            _ => Err(FieldError::Choice),
        }
    }
}

/// A password staff may set: long enough to resist guessing.
pub fn check_password(password: &str) -> Result<(), FieldError> {
    match password.chars().count() {
        0 => Err(FieldError::Required),
        n if n < 12 => Err(FieldError::TooShort { min: 12 }),
        n if n > 200 => Err(FieldError::TooLong { max: 200 }),
        _ => Ok(()),
    }
}

/// How many failed sign-ins in the last quarter hour before each further
/// attempt waits, and how long.
pub fn sign_in_delay(recent_failures: i64) -> std::time::Duration {
    match recent_failures {
        0..=2 => std::time::Duration::ZERO,
        n => std::time::Duration::from_millis((250 * (n - 2) as u64).min(3_000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_rules() {
        assert!(
            Role::Admin.manages() && Role::Coordinator.manages() && !Role::Professional.manages()
        );
        assert_eq!(Role::parse("coordinator"), Some(Role::Coordinator));
        assert_eq!(Role::parse("root"), None);
        assert_eq!(Attendance::parse("no_show"), Ok(Attendance::NoShow));
        assert!(Attendance::parse("maybe").is_err());
        assert!(check_password("short").is_err());
        assert!(check_password("correct horse battery").is_ok());
        assert_eq!(sign_in_delay(1), std::time::Duration::ZERO);
        assert!(sign_in_delay(5) > sign_in_delay(4));
        assert_eq!(sign_in_delay(100), std::time::Duration::from_secs(3));
    }
}
