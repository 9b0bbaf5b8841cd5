//! What every text field shares: characters refused before anything is
//! folded, full-width input folded, bounds; and the free note (備考).

use super::field_error::FieldError;
use unicode_normalization::UnicodeNormalization;

/// NFKC folds full-width ASCII (`０２２`, `ｔａｒｏ＠…`) and half-width katakana;
/// then runs of white space (including U+3000) collapse to one space.
pub fn normalize_text(raw: &str) -> String {
    let folded: String = raw.nfkc().collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters that reorder the text around them when shown (bidirectional
/// embeddings, overrides and isolates): refused in every text field, since
/// they make a day sheet or a CSV line read otherwise than it is.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that are not seen (direction marks, zero-width characters,
/// the BOM, the soft hyphen, tag characters): refused in names and other
/// one-line text, where two names that look alike must be alike.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Refuses what no text field takes, before anything is folded: control
/// characters (a line break only where `multiline`) and direction overrides.
pub fn check_characters(raw: &str, multiline: bool) -> Result<(), FieldError> {
    if raw
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r')))
    {
        return Err(FieldError::ControlCharacters);
    }
    if raw.chars().any(is_bidi_control) {
        return Err(FieldError::InvisibleCharacters);
    }
    Ok(())
}

/// Required one-line text of at most `max` characters, normalised.
pub fn bounded(raw: &str, max: usize) -> Result<String, FieldError> {
    let value = optional_text(raw, max)?;
    if value.is_empty() {
        return Err(FieldError::Required);
    }
    Ok(value)
}

/// One-line text that may be left empty, at most `max` characters, normalised.
pub fn optional_text(raw: &str, max: usize) -> Result<String, FieldError> {
    check_characters(raw, false)?;
    if raw.chars().any(is_invisible) {
        return Err(FieldError::InvisibleCharacters);
    }
    let value = normalize_text(raw);
    if too_long(raw, &value, max) {
        return Err(FieldError::TooLong { max });
    }
    Ok(value)
}

/// Longer than `max` as sent or once normalised: the limit is the one the
/// API document states for the text as sent (spaces that would be trimmed
/// count), and normalising may also lengthen it (`㍿` is four characters).
pub fn too_long(raw: &str, value: &str, max: usize) -> bool {
    raw.chars().count() > max || value.chars().count() > max
}

/// Text typed in a box of several lines, its line breaks folded into
/// spaces; empty is allowed.
pub fn folded_lines(raw: &str, max: usize) -> Result<String, FieldError> {
    check_characters(raw, true)?;
    let value = normalize_text(raw);
    if too_long(raw, &value, max) {
        return Err(FieldError::TooLong { max });
    }
    Ok(value)
}

/// An optional free note, bounded; line breaks are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note(String);

impl Note {
    pub const MAX: usize = 400;
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        check_characters(raw, true)?;
        let folded: String = raw
            .nfkc()
            .collect::<String>()
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let value = folded.trim().to_string();
        if too_long(raw, &value, Self::MAX) {
            return Err(FieldError::TooLong { max: Self::MAX });
        }
        Ok(Self(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
