//! Validated values parsed at the edge (名前, フリガナ, 電話番号, メールアドレス).
//! Once one of these exists it is valid; Japanese input is normal input:
//! full-width digits and letters, full-width spaces, hiragana for フリガナ.
//!
//! [`text`] holds what every text field shares, [`name`] the person's name
//! and reading, [`contact`] the phone number and email address; why a field
//! is refused is a [`FieldError`].

mod contact;
mod field_error;
mod name;
mod text;

pub use contact::{wire_address, Email, PhoneNumber};
pub use field_error::FieldError;
pub use name::{NameKana, PersonName};
pub use text::{
    bounded, check_characters, folded_lines, is_invisible, normalize_text, optional_text, Note,
};

use std::fmt;

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
display_as_str!(PersonName, NameKana, PhoneNumber, Email, Note);

#[cfg(test)]
mod tests;
