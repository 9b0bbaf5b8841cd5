//! How a person is reached: a phone number (電話番号) and an email address
//! (メールアドレス), as typed and as the mail goes out.

use super::field_error::FieldError;
use super::text::{check_characters, normalize_text};

/// 電話番号: a Japanese number of 10 or 11 digits starting with 0, kept
/// with the hyphens the person wrote (`022-221-6870`), full-width folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let folded = normalize_text(raw);
        if folded.is_empty() {
            return Err(FieldError::Required);
        }
        let unified: String = folded
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | 'ー' | '－' | 'ｰ' => {
                    '-'
                }
                other => other,
            })
            .collect();
        // +81 (Japan's country code) stands for the leading 0: +81 90-1234-5678.
        let unified = match unified.strip_prefix("+81") {
            Some(rest) => {
                let rest = rest.trim_start_matches('-');
                let rest = rest.strip_prefix("(0)").unwrap_or(rest);
                let rest = rest.trim_start_matches('-');
                format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
            }
            None => unified,
        };
        let groups: Vec<&str> = unified.split('-').collect();
        let digits: String = groups.concat();
        let well_formed = groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()));
        if !well_formed || !(10..=11).contains(&digits.len()) || !digits.starts_with('0') {
            return Err(FieldError::Phone);
        }
        Ok(Self(groups.join("-")))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Digits only, to compare two ways of writing one number.
    pub fn digits(&self) -> String {
        self.0.chars().filter(char::is_ascii_digit).collect()
    }
}

/// メールアドレス, validated by the mail library's own parser. Older
/// docomo and au addresses whose local part has two dots in a row or ends
/// in a dot (`yamada..taro@docomo.ne.jp`, `taro.@ezweb.ne.jp`) are
/// deliverable and accepted: they are kept as typed, and sent with the local
/// part quoted (see [`Email::wire`]), as RFC 5322 allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;
    /// The longest local part SMTP carries (RFC 5321).
    pub const LOCAL_MAX: usize = 64;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        check_characters(raw, false)?;
        let value = normalize_text(raw);
        if value.is_empty() {
            return Err(FieldError::Required);
        }
        if value.len() > Self::MAX || raw.chars().count() > Self::MAX {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        let valid = !value.contains(' ')
            && value.rsplit_once('@').is_some_and(|(local, domain)| {
                local.len() <= Self::LOCAL_MAX && domain.contains('.')
            })
            && wire_address(&value).is_some();
        if valid {
            Ok(Self(value))
        } else {
            Err(FieldError::Email)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The address as written on the wire: as typed, or with its local
    /// part quoted when it is not a plain dot-atom.
    pub fn wire(&self) -> String {
        wire_address(&self.0).unwrap_or_else(|| self.0.clone())
    }
}

/// An address as the mail library takes it: `taro@example.jp` as it is,
/// `yamada..taro@docomo.ne.jp` as `"yamada..taro"@docomo.ne.jp`. `None`
/// when it cannot be delivered either way. Quoting is offered only to local
/// parts of the characters a mail address may hold unquoted (letters,
/// digits, dots, `!#$%&'*+-/=?^_`{|}~`): a space, a quote or `@` stays refused.
pub fn wire_address(address: &str) -> Option<String> {
    if address.parse::<lettre::Address>().is_ok() {
        return Some(address.to_string());
    }
    let (local, domain) = address.rsplit_once('@')?;
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    if local.is_empty() || !local.chars().all(atext) {
        return None;
    }
    let quoted = format!("\"{local}\"@{domain}");
    quoted.parse::<lettre::Address>().ok().map(|_| quoted)
}
