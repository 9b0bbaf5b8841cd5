//! `/staff/figures/report?fy=` (coordinators and admins): the fiscal year
//! as a council document (資料), to print on A4: dated in the era calendar,
//! each table with its chart, small numbers hidden (`&for=office` shows
//! exact counts, for staff). Audited by the service.

use super::chart::{bars, Series};
use super::figures::{shown, ShownTable};
use super::StaffFrame;
use crate::domain::figures::{era_date, FiscalYear};
use crate::domain::time::jst_today;
use crate::domain::{Lang, Profession};
use crate::i18n::configured;
use crate::service::figures::{evening, health, tables, trend, Audience};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::Manager;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "staff/figures_report.html")]
struct ReportPage {
    c: StaffFrame,
    title: String,
    made: String,
    office: String,
    outside: bool,
    evening_title: String,
    evening: Vec<ShownTable>,
    slots_chart: String,
    trend: ShownTable,
    trend_chart: String,
    health_title: String,
    health_summary: String,
    health: Vec<ShownTable>,
    health_chart: String,
}

/// The year's slots per profession, as a chart.
fn slots_chart(
    year: &evening::EveningYear,
    fy: FiscalYear,
    lang: Lang,
    t: &crate::i18n::Texts,
    fewer: Option<(f64, &str)>,
) -> String {
    let f = &year.figures;
    let values = |p: Profession| {
        let s = f.slots(p);
        [s.booked, s.attended, s.no_show, s.late_cancel, s.unused]
            .map(|v| v as f64)
            .to_vec()
    };
    bars(
        "slots",
        &t.chart_slots_title(fy.label(lang)),
        t.chart_slots_desc,
        &[
            t.row_booked,
            t.row_attended,
            t.row_no_show,
            t.row_late_cancel,
            t.row_unused,
        ]
        .map(String::from),
        &[
            Series {
                label: t.col_lawyer.into(),
                values: values(Profession::Lawyer),
            },
            Series {
                label: t.col_psychologist.into(),
                values: values(Profession::Psychologist),
            },
        ],
        fewer,
    )
}

/// `GET /staff/figures/report?fy=YYYY[&for=office]`
pub async fn figures_report(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(&caller);
    let (lang, t) = (c.lang, c.t);
    let fy = crate::web::figures_api::fiscal_year(&state, &q)?;
    let audience = match q.get("for").map(String::as_str) {
        Some("office") => Audience::Office,
        _ => Audience::Outside,
    };
    let what = format!("report {}", audience.code());
    let min = u64::from(state.settings.figures.min_count);
    let fewer_words = t.staff_figures_fewer(min);
    let fewer = (audience == Audience::Outside).then_some((min as f64, fewer_words.as_str()));
    let year = evening::view(&state, &caller.member, fy, &what).await?;
    let mut evening_tables = tables::evening(&year, lang, audience, min);
    evening_tables.push(tables::heard_from(
        &year,
        &state.settings.outreach.heard_from,
        lang,
        audience,
        min,
    ));
    let years = trend::trend(&state, fy).await?;
    let trend_chart = bars(
        "trend",
        t.chart_trend_title,
        t.chart_trend_desc,
        &years.iter().map(|y| y.fy.label(lang)).collect::<Vec<_>>(),
        &[
            Series {
                label: t.col_lawyer.into(),
                values: years.iter().map(|y| y.lawyer.unwrap_or(0) as f64).collect(),
            },
            Series {
                label: t.col_psychologist.into(),
                values: years
                    .iter()
                    .map(|y| y.psychologist.unwrap_or(0) as f64)
                    .collect(),
            },
        ],
        fewer,
    );
    let trend_table = shown(vec![tables::trend(&years, lang, audience, min)], lang).remove(0);
    let health_year = health::view(&state, &caller.member, fy, &what).await?;
    let health_chart = bars(
        "health",
        t.chart_health_title,
        t.chart_health_desc,
        &health_year
            .months
            .iter()
            .map(|m| m.month[5..].trim_start_matches('0').to_string())
            .collect::<Vec<_>>(),
        &[Series {
            label: t.col_workplaces.into(),
            values: health_year
                .months
                .iter()
                .map(|m| f64::from(m.workplaces))
                .collect(),
        }],
        fewer,
    );
    let settings = &state.settings;
    let outside = audience == Audience::Outside;
    let slots_chart = slots_chart(&year, fy, lang, t, fewer);
    Ok(page(
        &ReportPage {
            title: t.report_title(fy.label(lang)),
            made: t.report_made(era_date(jst_today(state.clock.now()), lang)),
            office: configured(lang, &settings.office.name, &settings.office.name_en).to_string(),
            outside,
            evening_title: configured(lang, &settings.evening.title, &settings.evening.title_en)
                .to_string(),
            evening: shown(evening_tables, lang),
            slots_chart,
            trend: trend_table,
            trend_chart,
            health_title: configured(
                lang,
                &settings.health.centre_name,
                &settings.health.centre_name_en,
            )
            .to_string(),
            health_summary: crate::web::figures_api::summary(&health_year, lang),
            health: shown(tables::health(&health_year, lang, audience, min), lang),
            health_chart,
            c,
        },
        StatusCode::OK,
    ))
}
