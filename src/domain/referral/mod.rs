//! つなぐ (a referral): a person handed over, with their consent, to a
//! service of the directory or to a follow-up consultation (継続相談), and
//! followed until they have arrived. This module holds the referral's
//! life: which status may follow which, when an open one is overdue, and
//! how it is closed. What may be passed on is in [`share`].

pub mod figures;
pub mod follow_up;
pub mod share;
pub mod weekly;

pub use share::{Consent, ContactBy, Share, Shared, SharedFrom};

use super::booking::choice;

/// The version of the consent text the person is shown (`referral-consent-text`
/// in `locales/<lang>/referral.ftl`): raised whenever its words change, so
/// that each referral records the words it was consented to.
pub const CONSENT_VERSION: &str = "2026-12";
use chrono::{DateTime, Duration, Utc};

choice!(
    /// Where a referral stands. `sent` when made; the receiving service
    /// records the next ones (連絡した, つながった, 連絡がつかない, 対象外,
    /// 受け入れできない, 本人が辞退); the person may withdraw their consent
    /// (`withdrawn`); the office closes it with an outcome (`closed`).
    ReferralStatus {
        Sent = "sent",
        Contacted = "contacted",
        Connected = "connected",
        Unreachable = "unreachable",
        NotEligible = "not_eligible",
        NoCapacity = "no_capacity",
        Declined = "declined",
        Withdrawn = "withdrawn",
        Closed = "closed",
    }
);

/// Why a step on a referral is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepRefused {
    /// The status cannot follow the present one (e.g. after つながった).
    NotFromHere {
        from: ReferralStatus,
        to: ReferralStatus,
    },
    /// Only the receiving service records these; only the person withdraws.
    NotTheirs,
    /// Closing needs an outcome.
    OutcomeRequired,
}

/// Who takes a step on a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The receiving service, through its link.
    Service,
    /// The person, from their booking's page.
    Person,
    /// The office (事務局).
    Office,
}

impl ReferralStatus {
    /// What the receiving service may record, in the order of its form.
    pub const BY_SERVICE: &'static [ReferralStatus] = &[
        ReferralStatus::Contacted,
        ReferralStatus::Connected,
        ReferralStatus::Unreachable,
        ReferralStatus::NotEligible,
        ReferralStatus::NoCapacity,
        ReferralStatus::Declined,
    ];

    /// Still being followed: not arrived, not ended.
    pub fn open(self) -> bool {
        matches!(
            self,
            ReferralStatus::Sent | ReferralStatus::Contacted | ReferralStatus::Unreachable
        )
    }

    /// The person arrived (つながった).
    pub fn arrived(self) -> bool {
        self == ReferralStatus::Connected
    }

    /// Whether `next` may follow this status when `actor` records it.
    /// The service moves an open referral on (連絡がつかない may be tried
    /// again); the person may withdraw while it is not closed; the office
    /// closes any that is not closed yet, with an outcome.
    pub fn step(self, next: ReferralStatus, actor: Actor) -> Result<(), StepRefused> {
        use ReferralStatus::*;
        let refused = Err(StepRefused::NotFromHere {
            from: self,
            to: next,
        });
        match (actor, next) {
            (Actor::Service, n) if Self::BY_SERVICE.contains(&n) => {
                if self.open() && !(self == Contacted && n == Contacted) {
                    Ok(())
                } else {
                    refused
                }
            }
            (Actor::Person, Withdrawn) => {
                if matches!(self, Withdrawn | Closed) {
                    refused
                } else {
                    Ok(())
                }
            }
            (Actor::Office, Closed) => {
                if self == Closed {
                    refused
                } else {
                    Ok(())
                }
            }
            _ => Err(StepRefused::NotTheirs),
        }
    }
}

/// How the office closes a referral: what came of it.
pub fn close(status: ReferralStatus, outcome: &str) -> Result<(), StepRefused> {
    if outcome.trim().is_empty() {
        return Err(StepRefused::OutcomeRequired);
    }
    status.step(ReferralStatus::Closed, Actor::Office)
}

/// An open referral with no update for `after` is overdue: the office's
/// list flags it and the coordinators' weekly mail names it.
pub fn overdue(
    status: ReferralStatus,
    last_update: DateTime<Utc>,
    now: DateTime<Utc>,
    after: Duration,
) -> bool {
    status.open() && now - last_update >= after
}

/// Days since `since`, as the office's list shows a referral's age.
pub fn age_days(since: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - since).num_days().max(0)
}

#[cfg(test)]
mod tests;
