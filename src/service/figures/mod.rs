//! 年度の実績 (the council's report): the evening consultation's figures
//! (`evening`) and the health centre's (`health`) for one fiscal year, made
//! from the records by the domain's tallies; the tables they make, with
//! small numbers hidden for outside the office (`tables`), and those
//! tables as CSV and Excel (`export`). Every view and export is audited.

pub mod capacity;
pub mod evening;
pub mod export;
pub mod health;
pub mod tables;
pub mod trend;

use crate::domain::figures::FiscalYear;
use crate::domain::time::jst_today;
use crate::state::AppState;

/// A step refused: its fields, or the store failed.
#[derive(Debug, thiserror::Error)]
pub enum FiguresError {
    #[error("invalid input")]
    Invalid(crate::domain::FieldErrors),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// The fiscal year asked for (`?fy=2026`), or this one: `None` for one
/// that is not a year Tsunagu can count (before 1989, or far ahead).
pub fn fiscal_year(state: &AppState, raw: Option<&str>) -> Option<FiscalYear> {
    let this = FiscalYear::of(jst_today(state.clock.now()));
    match raw.map(str::trim) {
        None | Some("") => Some(this),
        Some(text) => {
            let year: i32 = text.parse().ok()?;
            (1989..=this.0 + 1)
                .contains(&year)
                .then_some(FiscalYear(year))
        }
    }
}

/// Who the tables are for: the office (exact counts) or outside it (a
/// count of fewer than `figures.min_count` people is 「3未満」, and nothing
/// names a person).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Office,
    Outside,
}

impl Audience {
    pub fn parse(raw: Option<&str>) -> Audience {
        match raw {
            Some("outside") => Audience::Outside,
            _ => Audience::Office,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Audience::Office => "office",
            Audience::Outside => "outside",
        }
    }
}
