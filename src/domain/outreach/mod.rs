//! 周知 (outreach): what people ask to be told (「空きのお知らせ」), where
//! they heard of the consultations (「何で知りましたか」) and the channel
//! code a link carries (`?src=leaflet-2027-01`); `notices` decides who is
//! told what and when, `low_fill` when staff are told an evening is
//! filling slowly.

pub mod low_fill;
pub mod notices;

use super::values::normalize_text;
use super::FieldError;

#[cfg(test)]
mod tests;

/// A code of configuration or of a link: 1 to 48 of `a-z`, `0-9`, `-`,
/// `_` and `.`, beginning with a letter or digit.
pub fn is_code(raw: &str) -> bool {
    !raw.is_empty()
        && raw.len() <= 48
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
        && raw.as_bytes()[0].is_ascii_alphanumeric()
}

/// The channel a link carried (`?src=`), lower-cased; anything that is not
/// a code is no channel (a link is never refused for it).
pub fn channel(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_lowercase();
    is_code(&code).then_some(code)
}

/// Where a request came from: the answer to 「何で知りましたか」 (optional)
/// and the link's channel. Never anything that tells who the visitor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    pub heard_from: Option<String>,
    pub channel: Option<String>,
}

impl Source {
    /// The answer, one of the configured `choices` or none; the channel as
    /// [`channel`] reads it.
    pub fn read(
        heard_from: &str,
        channel_code: &str,
        choices: &[&str],
    ) -> Result<Source, FieldError> {
        let heard = normalize_text(heard_from);
        let heard_from = match heard.as_str() {
            "" => None,
            code if choices.contains(&code) => Some(code.to_string()),
            _ => return Err(FieldError::Choice),
        };
        Ok(Source {
            heard_from,
            channel: channel(channel_code),
        })
    }
}

/// Where a request came from, as the form or the body sent it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceInput {
    /// The answer to 「何で知りましたか」: a configured code, or empty.
    pub heard_from: String,
    /// The link's `src`, carried by the form.
    pub channel: String,
}

impl SourceInput {
    pub fn read(&self, choices: &[&str]) -> Result<Source, FieldError> {
        Source::read(&self.heard_from, &self.channel, choices)
    }
}

/// What a subscriber asked to be told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kinds {
    /// 翌月の相談会の予約受付が始まったとき.
    pub new_month: bool,
    /// 近い日の空き枠で、キャンセル待ちの人がいないとき.
    pub free_slot: bool,
}

impl Kinds {
    pub const NEW_MONTH: &'static str = "new_month";
    pub const FREE_SLOT: &'static str = "free_slot";

    /// From the codes asked for: at least one, each known (one named
    /// twice counts once).
    pub fn parse<S: AsRef<str>>(codes: &[S]) -> Result<Kinds, FieldError> {
        let mut kinds = Kinds::default();
        for code in codes {
            match code.as_ref() {
                Self::NEW_MONTH => kinds.new_month = true,
                Self::FREE_SLOT => kinds.free_slot = true,
                _ => return Err(FieldError::Choice),
            }
        }
        if kinds.is_empty() {
            return Err(FieldError::Required);
        }
        Ok(kinds)
    }

    pub fn is_empty(&self) -> bool {
        !self.new_month && !self.free_slot
    }

    pub fn codes(&self) -> Vec<&'static str> {
        let mut codes = Vec::new();
        if self.new_month {
            codes.push(Self::NEW_MONTH);
        }
        if self.free_slot {
            codes.push(Self::FREE_SLOT);
        }
        codes
    }
}
