//! Mail: templates rendered into the outbox, transports, and the
//! dispatcher that sends what the outbox holds.

pub mod calendar;
pub mod dispatcher;
pub mod health;
pub mod templates;
pub mod transport;

pub use dispatcher::Dispatcher;
pub use transport::Transport;
