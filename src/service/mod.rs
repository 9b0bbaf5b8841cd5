//! Application services: the steps of one use case, shared by the HTML
//! pages, the JSON API and the command line. They call the domain and the
//! store; they know nothing of HTTP.

pub mod booking;
pub mod demo;
pub mod directory;
pub mod evening;
pub mod figures;
pub mod health;
pub mod manage;
pub mod monitoring;
pub mod offers;
pub mod office;
pub mod outreach;
pub mod referral;
pub mod reminders;
pub mod schedule;
pub mod staff;
pub mod waitlist;
