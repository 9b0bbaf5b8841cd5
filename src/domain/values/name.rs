//! A person's name (氏名) and its reading (フリガナ).

use super::field_error::FieldError;
use super::text::{bounded, normalize_text};

/// 氏名: what the person wants to be called; up to 50 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX: usize = 50;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded(raw, Self::MAX).map(Self)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// フリガナ in full-width katakana; hiragana is converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKana(String);

impl NameKana {
    pub const MAX: usize = 60;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value: String = bounded(raw, Self::MAX)?
            .chars()
            .map(hiragana_to_katakana)
            .collect();
        let allowed = |c: char| {
            ('\u{30A1}'..='\u{30FA}').contains(&c) || matches!(c, 'ー' | '・' | 'ヽ' | 'ヾ' | ' ')
        };
        if value.chars().all(allowed) {
            Ok(Self(value))
        } else {
            Err(FieldError::KanaOnly)
        }
    }
    /// On English pages フリガナ is optional, and a reading in Latin letters
    /// (a foreign name as the person writes it) is accepted as it is.
    pub fn parse_optional_or_latin(raw: &str) -> Result<Self, FieldError> {
        if normalize_text(raw).is_empty() {
            return Ok(Self(String::new()));
        }
        Self::parse(raw).or_else(|kana| {
            let value = bounded(raw, Self::MAX)?;
            let latin = |c: char| {
                c.is_ascii_alphabetic()
                    || matches!(c, ' ' | '-' | '\'' | '.' | '’')
                    || ('\u{00C0}'..='\u{024F}').contains(&c)
            };
            if value.chars().all(latin) {
                Ok(Self(value))
            } else {
                Err(kana)
            }
        })
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn hiragana_to_katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | 'ゝ' | 'ゞ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}
