//! `/staff/figures?fy=` (coordinators and admins): the fiscal year's
//! figures as the office sees them (exact counts), the evening
//! consultation's and the health centre's; and the same tables as files,
//! `/staff/figures.csv` and `/staff/figures.xlsx?fy=&service=evening|health`
//! (`&for=outside`: small numbers hidden, for the council). Each view and
//! export is audited by the service.

use super::StaffFrame;
use crate::domain::Lang;
use crate::service::figures::tables::{self, words, Table};
use crate::service::figures::{evening, export, health, Audience};
use crate::state::AppState;
use crate::web::error::{invalid, AppError};
use crate::web::pages::page;
use crate::web::Manager;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

struct ShownTable {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn shown(tables: Vec<Table>, lang: Lang) -> Vec<ShownTable> {
    tables
        .into_iter()
        .map(|t| ShownTable {
            title: t.title,
            headers: t.headers,
            rows: t
                .rows
                .iter()
                .map(|r| r.iter().map(|c| words(c, lang)).collect())
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "staff/figures.html")]
struct FiguresPage {
    c: StaffFrame,
    fy: i32,
    label: String,
    /// (value, label, chosen) of the years to choose from.
    years: Vec<(i32, String, bool)>,
    evening: Vec<ShownTable>,
    health: Vec<ShownTable>,
    health_summary: String,
}

/// The tables of `service` for `audience`, in Japanese (the council's words).
async fn tables_of(
    state: &AppState,
    who: &crate::store::StaffMember,
    fy: crate::domain::figures::FiscalYear,
    service: &str,
    audience: Audience,
    what: &str,
    lang: Lang,
) -> Result<Vec<Table>, AppError> {
    let min = u64::from(state.settings.figures.min_count);
    Ok(match service {
        "evening" => {
            let year = evening::view(state, who, fy, what).await?;
            let mut t = tables::evening(&year, lang, audience, min);
            t.push(tables::heard_from(
                &year,
                &state.settings.outreach.heard_from,
                lang,
                audience,
                min,
            ));
            t
        }
        "health" => {
            let year = health::view(state, who, fy, what).await?;
            tables::health(&year, lang, audience, min)
        }
        _ => return Err(invalid("service", crate::domain::FieldError::Choice)),
    })
}

/// `GET /staff/figures?fy=YYYY`
pub async fn figures(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let c = StaffFrame::new(&caller);
    let lang = c.lang;
    let fy = crate::web::figures_api::fiscal_year(&state, &q)?;
    let evening = tables_of(
        &state,
        &caller.member,
        fy,
        "evening",
        Audience::Office,
        "page",
        lang,
    )
    .await?;
    let health_year = health::view(&state, &caller.member, fy, "page").await?;
    let min = u64::from(state.settings.figures.min_count);
    let health = tables::health(&health_year, lang, Audience::Office, min);
    let this = crate::service::figures::fiscal_year(&state, None).map_or(fy.0, |f| f.0);
    let years = (2015.max(this - 10)..=this)
        .rev()
        .map(|y| {
            let f = crate::domain::figures::FiscalYear(y);
            (y, f.label(lang), y == fy.0)
        })
        .collect();
    Ok(page(
        &FiguresPage {
            fy: fy.0,
            label: fy.label(lang),
            years,
            evening: shown(evening, lang),
            health: shown(health, lang),
            health_summary: crate::web::figures_api::summary(&health_year, lang),
            c,
        },
        StatusCode::OK,
    ))
}

/// What a download asks for: the year, the service, the audience.
async fn download(
    state: &AppState,
    caller: &crate::web::StaffCaller,
    q: &HashMap<String, String>,
    kind: &str,
) -> Result<(String, Vec<Table>), AppError> {
    let fy = crate::web::figures_api::fiscal_year(state, q)?;
    let service = q.get("service").map(String::as_str).unwrap_or("evening");
    let audience = Audience::parse(q.get("for").map(String::as_str));
    let what = format!("{kind} {}", audience.code());
    let tables = tables_of(
        state,
        &caller.member,
        fy,
        service,
        audience,
        &what,
        Lang::Ja,
    )
    .await?;
    let name = format!("figures-{service}-{}-{}", fy.0, audience.code());
    Ok((name, tables))
}

fn file(body: Vec<u8>, content_type: &'static str, name: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// `GET /staff/figures.csv?fy=YYYY&service=evening|health[&for=outside]`
pub async fn figures_csv(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (name, tables) = download(&state, &caller, &q, "csv").await?;
    let body = export::csv(&tables, Lang::Ja)?;
    Ok(file(body, "text/csv; charset=utf-8", format!("{name}.csv")))
}

/// `GET /staff/figures.xlsx?fy=YYYY&service=evening|health[&for=outside]`
pub async fn figures_xlsx(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (name, tables) = download(&state, &caller, &q, "xlsx").await?;
    let body = export::xlsx(&tables, Lang::Ja)?;
    Ok(file(
        body,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("{name}.xlsx"),
    ))
}
