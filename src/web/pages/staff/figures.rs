//! `/staff/figures?fy=` (coordinators and admins): the fiscal year's
//! figures as the office sees them (exact counts), the evening
//! consultation's and the health centre's; and the same tables as files,
//! `/staff/figures.csv` and `/staff/figures.xlsx?fy=&service=evening|health`
//! (`&for=outside`: small numbers hidden, for the council). Each view and
//! export is audited by the service.

use super::StaffFrame;
use crate::domain::Lang;
use crate::service::figures::tables::{self, words, Table};
use crate::service::figures::{evening, export, health, trend, Audience};
use crate::state::AppState;
use crate::web::error::{invalid, AppError};
use crate::web::pages::page;
use crate::web::{Manager, StaffForm};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

pub(super) struct ShownTable {
    pub(super) title: String,
    pub(super) headers: Vec<String>,
    pub(super) rows: Vec<Vec<String>>,
}

pub(super) fn shown(tables: Vec<Table>, lang: Lang) -> Vec<ShownTable> {
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
    trend: ShownTable,
    /// The years before the records, to enter by hand: (value, label).
    earlier: Vec<(i32, String)>,
    /// (code, words) of what may be entered.
    measures: Vec<(&'static str, &'static str)>,
    /// A refused entry: (field, message).
    by_hand_error: Option<String>,
    notice: Option<&'static str>,
    capacity: ShownTable,
    capacity_sentence: String,
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
    figures_page(&state, &caller, &q, None).await
}

/// `POST /staff/figures/by-hand` (form): an earlier year's total.
pub async fn enter_by_hand(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let field = |name: &str| super::field(&pairs, name);
    match trend::enter_by_hand(
        &state,
        &caller.member,
        &field("fiscal_year"),
        &field("measure"),
        &field("value"),
    )
    .await
    {
        Ok(()) => Ok(super::done_at("/staff/figures", "by_hand")),
        Err(crate::service::figures::FiguresError::Invalid(errors)) => {
            let lang = StaffFrame::new(&caller).lang;
            let message = errors
                .iter()
                .map(|(f, e)| crate::i18n::field_message(f, e, lang))
                .collect::<Vec<_>>()
                .join(" ");
            figures_page(&state, &caller, &HashMap::new(), Some(message)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn figures_page(
    state: &AppState,
    caller: &crate::web::StaffCaller,
    q: &HashMap<String, String>,
    by_hand_error: Option<String>,
) -> Result<Response, AppError> {
    let (state, q) = (state.clone(), q.clone());
    let c = StaffFrame::new(caller);
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
    let health = tables::health(
        &health_year,
        lang,
        Audience::Office,
        u64::from(state.settings.figures.min_count),
    );
    let this = crate::service::figures::fiscal_year(&state, None).map_or(fy.0, |f| f.0);
    let years = (2015.max(this - 10)..=this)
        .rev()
        .map(|y| {
            let f = crate::domain::figures::FiscalYear(y);
            (y, f.label(lang), y == fy.0)
        })
        .collect();
    let min = u64::from(state.settings.figures.min_count);
    let trend_years = trend::trend(&state, fy).await?;
    let trend_table = shown(
        vec![tables::trend(&trend_years, lang, Audience::Office, min)],
        lang,
    )
    .remove(0);
    let earlier = trend_years
        .iter()
        .filter(|y| y.by_hand || y.people.is_none())
        .map(|y| (y.fy.0, y.fy.label(lang)))
        .collect();
    let t = c.t;
    let status = if by_hand_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let capacity = crate::service::figures::capacity::capacity(&state).await?;
    Ok(page(
        &FiguresPage {
            capacity_sentence: capacity.sentence(lang),
            capacity: shown(vec![tables::capacity(&capacity, lang)], lang).remove(0),
            trend: trend_table,
            earlier,
            measures: vec![
                ("people", t.row_people),
                ("consultations", t.row_consultations),
                ("lawyer", t.col_lawyer),
                ("psychologist", t.col_psychologist),
            ],
            by_hand_error,
            notice: super::done_notice(&q, t),
            fy: fy.0,
            label: fy.label(lang),
            years,
            evening: shown(evening, lang),
            health: shown(health, lang),
            health_summary: crate::web::figures_api::summary(&health_year, lang),
            c,
        },
        status,
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
