//! `/staff`: the month's evenings, who is assigned, how full.

use super::{done_notice, StaffFrame};
use crate::domain::time::{format_time, to_jst};
use crate::i18n::dates::{format_datetime, format_month};
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::between;
use crate::web::pages::page;
use crate::web::StaffCaller;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::HashMap;

struct RosterLine {
    id: i64,
    when: String,
    cancelled: bool,
    lawyer: Option<String>,
    psychologist: Option<String>,
    fill: String,
    /// Callers reached only by phone, listed on the evening's call list.
    phone_only: i64,
}

#[derive(Template)]
#[template(path = "staff/roster.html")]
struct RosterPage {
    c: StaffFrame,
    month_label: String,
    prev: String,
    next: String,
    from: String,
    to: String,
    manages: bool,
    admin: bool,
    /// 産業保健センター's links: for those who run the office.
    health: bool,
    sessions: Vec<RosterLine>,
    rule_weekday: String,
    rule_week: u8,
    rule_start: String,
    weekdays: Vec<(&'static str, &'static str)>,
    month: String,
    notice: Option<&'static str>,
    /// 産業保健センター: (day, doctor, interviews) of the month.
    doctor_days: Vec<(String, String, usize)>,
}

/// `GET /staff?month=YYYY-MM`: the month's evenings, who is assigned, how full.
pub async fn roster(
    State(state): State<AppState>,
    caller: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = to_jst(state.clock.now()).date_naive();
    let month = q
        .get("month")
        .cloned()
        .unwrap_or_else(|| today.format("%Y-%m").to_string());
    let (from, to) = office::month_bounds(&month)?;
    if super::is_doctor(&state, &caller.member).await? {
        // A doctor has no evenings: their roster is the health centre's.
        // The month as read, never the raw parameter, goes into the header.
        let month = to_jst(from).format("%Y-%m");
        return Ok(Redirect::to(&format!("/staff/health/roster?month={month}")).into_response());
    }
    let first = to_jst(from).date_naive();
    let c = StaffFrame::new(&caller);
    let (t, lang) = (c.t, c.lang);
    let sessions = office::roster(&state, &caller.member, from, to).await?;
    let manages = caller.member.role.manages();
    let lines = sessions
        .iter()
        .map(|s| RosterLine {
            id: s.id,
            when: between(
                format_datetime(s.starts_at, lang),
                format_time(s.ends_at),
                lang,
            ),
            cancelled: s.status == "cancelled",
            lawyer: s.lawyer.clone(),
            psychologist: s.psychologist.clone(),
            phone_only: s.phone_only,
            fill: {
                // Booked of the slots: 「2/4」.
                let lawyers = format!("{}/{}", s.lawyers_booked, s.lawyer_slots);
                let psychologists = format!("{}/{}", s.psychologists_booked, s.psychologist_slots);
                if s.attended + s.no_shows > 0 {
                    t.staff_fill_with_attendance(
                        s.attended,
                        lawyers,
                        s.no_shows,
                        psychologists,
                        s.waiting,
                    )
                } else {
                    t.staff_fill(lawyers, psychologists, s.waiting)
                }
            },
        })
        .collect();
    let rule = crate::service::schedule::series(&state).await?;
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    Ok(page(
        &RosterPage {
            notice: done_notice(&q, t),
            month: month.clone(),
            doctor_days: crate::web::pages::staff_health::doctor_days(
                &state,
                &caller.member,
                from,
                to,
                lang,
            )
            .await?,
            month_label: format_month(first.year(), first.month(), lang),
            prev: ym(first - Months::new(1)),
            next: ym(first + Months::new(1)),
            from: first.to_string(),
            to: (first + Months::new(1)).to_string(),
            health: manages,
            manages,
            admin: caller.member.role == crate::domain::staff::Role::Admin,
            sessions: lines,
            rule_weekday: rule.weekday.to_string().to_lowercase(),
            rule_week: rule.week_of_month,
            rule_start: rule.start.format("%H:%M").to_string(),
            weekdays: vec![
                ("mon", t.staff_weekday_mon),
                ("tue", t.staff_weekday_tue),
                ("wed", t.staff_weekday_wed),
                ("thu", t.staff_weekday_thu),
                ("fri", t.staff_weekday_fri),
            ],
            c,
        },
        StatusCode::OK,
    ))
}
