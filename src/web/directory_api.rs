//! The directory in Open Referral HSDS 3 shape (`/api/v1/directory/…`):
//! services with their organisation, phones, schedules and taxonomy terms,
//! paginated as HSDS does; and the 困りごと with their labels.

use super::error::AppError;
use crate::domain::directory::{Need, Query, Schedule, ServiceEntry};
use crate::domain::Lang;
use crate::i18n::directory::need_label;
use crate::service::directory::{self as service, Found, Listed};
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct NeedJson {
    key: &'static str,
    ja: &'static str,
    en: &'static str,
}

/// `GET /api/v1/directory/needs`: the 困りごと, in the order of the form.
#[utoipa::path(get, path = "/api/v1/directory/needs", tag = "directory",
    responses((status = 200, description = "The 困りごと with their labels", body = Vec<NeedJson>)))]
pub async fn needs() -> Json<Vec<NeedJson>> {
    Json(
        Need::ALL
            .iter()
            .map(|n| NeedJson {
                key: n.code(),
                ja: need_label(*n, Lang::Ja),
                en: need_label(*n, Lang::En),
            })
            .collect(),
    )
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganizationJson {
    id: String,
    name: String,
    website: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PhoneJson {
    number: String,
    r#type: &'static str,
    description: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ScheduleJson {
    freq: &'static str,
    byday: String,
    opens_at: Option<String>,
    closes_at: Option<String>,
    valid_from: Option<String>,
    valid_to: Option<String>,
    description: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ServiceJson {
    id: String,
    name: String,
    alternate_name: String,
    description: String,
    url: String,
    email: String,
    status: &'static str,
    eligibility_description: String,
    fees_description: String,
    free: bool,
    organization: OrganizationJson,
    phones: Vec<PhoneJson>,
    address: String,
    schedules: Vec<ScheduleJson>,
    hours_description: String,
    needs: Vec<&'static str>,
    audiences: Vec<&'static str>,
    methods: Vec<&'static str>,
    crisis: bool,
    bookable_here: bool,
    open_now: Option<bool>,
    /// HSDS `assured_date`, as the contract names it.
    last_confirmed_on: Option<String>,
}

fn schedule_json(s: &Schedule) -> ScheduleJson {
    let time = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    ScheduleJson {
        freq: s.freq.code(),
        byday: s.byday_text(),
        opens_at: time(s.opens_at),
        closes_at: time(s.closes_at),
        valid_from: s.valid_from.map(|d| d.to_string()),
        valid_to: s.valid_to.map(|d| d.to_string()),
        description: s.description.clone(),
    }
}

pub(super) fn service_json(listed: Listed) -> ServiceJson {
    let e: ServiceEntry = listed.entry;
    ServiceJson {
        status: e.status.code(),
        needs: e.needs.iter().map(|n| n.code()).collect(),
        audiences: e.audiences.iter().map(|a| a.code()).collect(),
        methods: e.methods.iter().map(|m| m.code()).collect(),
        phones: e
            .phones
            .iter()
            .map(|p| PhoneJson {
                number: p.number.clone(),
                r#type: p.kind.code(),
                description: p.description.clone(),
            })
            .collect(),
        schedules: e.schedules.iter().map(schedule_json).collect(),
        organization: OrganizationJson {
            id: e.organization.id,
            name: e.organization.name,
            website: e.organization.url,
        },
        last_confirmed_on: e.confirmed.map(|c| c.on.to_string()),
        bookable_here: e.bookable_here.is_some(),
        open_now: listed.open_now,
        id: e.id,
        name: e.name,
        alternate_name: e.name_en,
        description: e.description,
        url: e.url,
        email: e.email,
        eligibility_description: e.eligibility,
        fees_description: e.fees,
        free: e.free,
        address: e.address,
        hours_description: e.hours_note,
        crisis: e.crisis,
    }
}

/// An HSDS page of services.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ServicePage {
    items: Vec<ServiceJson>,
    total_items: usize,
    total_pages: usize,
    page_number: usize,
    size: usize,
    first_page: bool,
    last_page: bool,
    empty: bool,
}

fn page_json(found: Found) -> ServicePage {
    let total_pages = found.total_pages();
    let page = found.paging.page;
    let items: Vec<ServiceJson> = found.items.into_iter().map(service_json).collect();
    ServicePage {
        total_items: found.total,
        total_pages,
        page_number: page,
        size: items.len(),
        first_page: page == 1,
        last_page: page >= total_pages,
        empty: items.is_empty(),
        items,
    }
}

/// `GET /api/v1/directory/services?need=…&audience=…&method=…&open_now=…&page=…&per_page=…`.
#[utoipa::path(get, path = "/api/v1/directory/services", tag = "directory",
    params(
        ("need" = Option<String>, Query, description = "A 困りごと key (`GET /api/v1/directory/needs`)"),
        ("audience" = Option<String>, Query, description = "立場: who the service is for"),
        ("method" = Option<String>, Query, description = "相談の方法: how it is reached"),
        ("open_now" = Option<String>, Query, description = "Only services open now"),
        ("page" = Option<String>, Query, description = "The page, from 1"),
        ("per_page" = Option<String>, Query, description = "Services per page")),
    responses(
        (status = 200, description = "An HSDS page of services", body = ServicePage),
        (status = 422, description = "A parameter that is not one of its choices", body = super::api_doc::schemas::ErrorBody)))]
pub async fn services(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ServicePage>, AppError> {
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let (query, paging) = Query::parse(&pairs).map_err(AppError::Invalid)?;
    let found = service::find(&state.store, &query, paging, state.clock.now()).await?;
    Ok(Json(page_json(found)))
}

/// `GET /api/v1/directory/services/{id}`: one listed service.
#[utoipa::path(get, path = "/api/v1/directory/services/{id}", tag = "directory",
    params(("id" = String, Path, description = "The service's id")),
    responses((status = 200, description = "The service", body = ServiceJson)))]
pub async fn service(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ServiceJson>, AppError> {
    service::listed(&state.store, &id, state.clock.now())
        .await?
        .map(|l| Json(service_json(l)))
        .ok_or(AppError::NotFound)
}
