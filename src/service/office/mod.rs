//! What the office (事務局) does and sees of the evenings. Each step, and
//! each view of a person's data, writes its line in the audit log here, so
//! that the staff pages and the staff API record alike; they only read
//! requests and render.
//!
//! - [`sessions`]: the evenings: assignments, one-off evenings, moves,
//!   cancellations, the series rule and the evenings made from it;
//! - [`people`]: professionals and staff accounts;
//! - [`bookings`]: bookings handled for their people: by phone, moved,
//!   cancelled, attendance, their mails;
//! - [`views`]: the roster, day sheets, the call list and the export, as
//!   the member's role allows.

pub mod bookings;
pub mod people;
pub mod sessions;
pub mod views;

pub use bookings::{
    book_for_caller, booking, cancel_booking, mail_states, move_booking, record_attendance,
    ORAL_CONSENT, PHONE_ONLY,
};
pub use people::{
    account_to_close, add_account, add_professional, set_account_active, set_professional_active,
    Added, NewAccount,
};
pub use sessions::{
    add_session, assign, cancel_session, generate, move_session, restore_session, set_series,
};
pub use views::{call_list, day_sheet, export, may_see, month_bounds, roster, visible_lines};
