//! Mail: what each mail says, rendered from the outbox when sent (evening
//! mails in `templates`, the health centre's in `health`, staff's in `staff`, all on `notice`
//! and `message`; `render` picks one by the mail's kind), transports, and
//! the dispatcher that sends what the outbox holds.

pub mod calendar;
pub mod dispatcher;
pub mod health;
pub mod message;
pub mod notice;
pub mod outreach;
pub mod referral;
pub mod render;
pub mod staff;
pub mod templates;
pub mod transport;

pub use dispatcher::Dispatcher;
pub use transport::Transport;
