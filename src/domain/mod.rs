//! Pure types and rules: no I/O here.

pub mod booking;
pub mod directory;
pub mod figures;
pub mod health;
pub mod holidays;
pub mod outreach;
pub mod quiet;
pub mod referral;
pub mod reminders;
pub mod rules;
pub mod series;
pub mod staff;
pub mod time;
pub mod token;
pub mod values;
pub mod waitlist;

pub use booking::{AgeBand, BookingDetails, BookingInput, FieldErrors, Lang, Profession, Topic};
pub use values::FieldError;
