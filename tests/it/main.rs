//! The end-to-end tests, through HTTP against the real application (and,
//! for some, the real binary), on the backend named by
//! `TSUNAGU_TEST_BACKEND` (`sqlite`, the default, or `postgres`). One test
//! binary: one build and link for all of them, and fixtures shared from
//! [`support`].

mod support;

mod api_doc;
mod browser;
mod cli;
mod directory;
mod directory_api;
mod directory_hsds;
mod directory_pages;
mod directory_review;
mod evening_api;
mod evening_manage;
mod evening_pages;
mod figures;
mod follow_ups;
mod health;
mod health_pages;
mod hostile_input;
mod html_validity;
mod languages;
mod mail_delivery;
mod metrics;
mod outreach;
mod outreach_browser;
mod outreach_notices;
mod referral_figures;
mod referral_pages;
mod referral_weekly;
mod referrals;
mod reminders;
mod schedule;
mod schema;
mod staff;
mod staff_directory;
mod staff_directory_pages;
mod staff_office;
mod staff_words;
mod waitlist;
