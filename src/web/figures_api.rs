//! The yearly figures' API (年度の実績): the evening consultation's and the
//! health centre's fiscal year, for coordinators and admins, audited.

use super::api_doc::figures::*;
use super::error::{invalid, AppError};
use super::Manager;
use crate::domain::figures::FiscalYear;
use crate::domain::{FieldError, Lang};
use crate::service::figures::{self, evening, health};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::Json;
use std::collections::HashMap;

impl From<figures::FiguresError> for AppError {
    fn from(e: figures::FiguresError) -> Self {
        match e {
            figures::FiguresError::Invalid(errors) => AppError::Invalid(errors),
            figures::FiguresError::Store(e) => e.into(),
        }
    }
}

/// `fy` of the query, or this fiscal year.
pub(super) fn fiscal_year(
    state: &AppState,
    q: &HashMap<String, String>,
) -> Result<FiscalYear, AppError> {
    figures::fiscal_year(state, q.get("fy").map(String::as_str))
        .ok_or_else(|| invalid("fy", FieldError::Choice))
}

/// 「N件M名（X月末現在）」 of a health year.
pub(super) fn summary(year: &health::HealthYear, lang: Lang) -> String {
    let (workplaces, workers) = year.totals();
    match year.as_of {
        Some((_, month)) => {
            crate::i18n::texts(lang).staff_figures_as_of(workplaces, month, workers)
        }
        None => format!("{workplaces}件{workers}名"),
    }
}

/// `GET /api/v1/staff/figures/evening?fy=YYYY`
#[utoipa::path(get, path = "/api/v1/staff/figures/evening", tag = "staff",
    params(("fy" = Option<i32>, Query, minimum = 1989, description = "The fiscal year (April to March), this one by default")),
    responses(
        (status = 200, description = "The year's figures", body = EveningFiguresJson),
        (status = 422, description = "`fy` is not a fiscal year Tsunagu can count", body = super::api_doc::schemas::ErrorBody)))]
pub async fn evening_figures(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<EveningFiguresJson>, AppError> {
    let fy = fiscal_year(&state, &q)?;
    let year = evening::view(&state, &staff.member, fy, "api").await?;
    let f = &year.figures;
    let slots = |s: &crate::domain::figures::evening::SlotFigures| SlotFiguresJson {
        offered: s.offered,
        booked: s.booked,
        attended: s.attended,
        no_show: s.no_show,
        late_cancel: s.late_cancel,
        unused: s.unused,
    };
    let (made, arrived, open, kept) = year.referrals;
    Ok(Json(EveningFiguresJson {
        fiscal_year: fy.0,
        label: fy.label(Lang::Ja),
        evenings: f.evenings,
        evenings_held: f.evenings_held,
        slots: SlotsJson {
            lawyer: slots(&f.lawyer),
            psychologist: slots(&f.psychologist),
        },
        fill_rate: f.fill_rate,
        people: f.people,
        consultations: f.consultations,
        both_professionals: f.both_professionals,
        first_visits: f.first_visits,
        returning: f.returning,
        age_bands: f.age_bands.clone(),
        topics: f.topics.clone(),
        heard_from: f.heard_from.clone(),
        waitlist: WaitlistFiguresJson {
            joins: f.waitlist.joins,
            offers: f.waitlist.offers,
            accepted: f.waitlist.accepted,
            declined: f.waitlist.declined,
            expired: f.waitlist.expired,
        },
        referrals: ReferralSummaryJson {
            made,
            arrived,
            open,
            follow_ups_kept: kept,
        },
    }))
}

/// `GET /api/v1/staff/figures/health?fy=YYYY`
#[utoipa::path(get, path = "/api/v1/staff/figures/health", tag = "staff",
    params(("fy" = Option<i32>, Query, minimum = 1989, description = "The fiscal year (April to March), this one by default")),
    responses(
        (status = 200, description = "The year's figures, month by month", body = HealthFiguresJson),
        (status = 422, description = "`fy` is not a fiscal year Tsunagu can count", body = super::api_doc::schemas::ErrorBody)))]
pub async fn health_figures(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<HealthFiguresJson>, AppError> {
    let fy = fiscal_year(&state, &q)?;
    let year = health::view(&state, &staff.member, fy, "api").await?;
    let (workplaces, workers) = year.totals();
    Ok(Json(HealthFiguresJson {
        fiscal_year: fy.0,
        label: fy.label(Lang::Ja),
        months: year
            .months
            .iter()
            .zip(&year.counts)
            .map(|(m, counts)| HealthMonthJson {
                month: m.month.clone(),
                workplaces: m.workplaces,
                workers: WorkersJson {
                    consultation: m.workers[0],
                    checkup_opinion: m.workers[1],
                    long_hours: m.workers[2],
                    high_stress: m.workers[3],
                },
                median_wait_days: m.median_wait_days,
                p90_wait_days: m.p90_wait_days,
                seen_after_due: m.seen_after_due,
                received: counts.received,
                waiting_at_end: counts.waiting_at_end,
                no_shows: counts.no_shows,
            })
            .collect(),
        workplaces,
        workers,
        as_of: year.as_of.map(|(y, m)| format!("{y:04}-{m:02}")),
        summary: summary(&year, Lang::Ja),
    }))
}
