//! `/staff/export.csv`: bookings as CSV for Excel.

use super::StaffFrame;
use crate::domain::time::to_jst;
use crate::domain::{FieldError, Profession};
use crate::i18n::dates::format_datetime;
use crate::i18n::{
    age_band_answer, attendance_label, field_message, profession_label, topic_answer,
};
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::{Manager, StaffCaller};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The period to export, typed again with what was wrong with it.
#[derive(Template)]
#[template(path = "staff/export.html")]
struct ExportPage {
    c: StaffFrame,
    from: String,
    to: String,
    from_error: Option<String>,
    to_error: Option<String>,
}

fn period_page(caller: &StaffCaller, from: &str, to: &str, dates: Dates) -> Response {
    let c = StaffFrame::new(caller);
    let date_error = || field_message("from", &FieldError::Date, c.lang);
    page(
        &ExportPage {
            from: from.to_string(),
            to: to.to_string(),
            from_error: dates.from.is_none().then(date_error),
            to_error: match dates {
                Dates { to: None, .. } => Some(date_error()),
                Dates {
                    from: Some(f),
                    to: Some(t),
                } if t <= f => Some(c.t.staff_export_reversed.to_string()),
                _ => None,
            },
            c,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

/// The two ends of the period as far as they could be read.
#[derive(Clone, Copy)]
struct Dates {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

fn csv_cell(text: &str) -> String {
    // Quote every cell; a leading = + - @ is neutralised so that a spreadsheet
    // does not read it as a formula.
    let safe = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

/// `GET /staff/export.csv?from=YYYY-MM-DD&to=YYYY-MM-DD` (to excluded): UTF-8
/// with a BOM, so that Excel opens Japanese correctly; the date and the start
/// time also have ISO columns of their own. A period that cannot be read or
/// ends before it starts gets the period form again (422) with the reason.
pub async fn export(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let text = |k: &str| q.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
    let (from_text, to_text) = (text("from"), text("to"));
    let date = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
    let dates = Dates {
        from: date(&from_text),
        to: date(&to_text),
    };
    // A period that ends before it starts would be an empty file: say so.
    let (from, to) = match dates {
        Dates {
            from: Some(f),
            to: Some(t),
        } if f < t => (f, t),
        _ => return Ok(period_page(&caller, &from_text, &to_text, dates)),
    };
    let rows = office::export(&state, &caller.member, from, to).await?;
    let lang = StaffFrame::new(&caller).lang;
    let t = crate::i18n::texts(lang);
    let mut out = String::from("\u{feff}");
    out += &[
        t.staff_csv_booking,
        t.staff_csv_date,
        t.staff_csv_start,
        t.staff_csv_when,
        t.staff_csv_professional,
        t.staff_csv_status,
        t.staff_csv_attendance,
        t.staff_csv_name,
        t.staff_csv_kana,
        t.staff_csv_phone,
        t.staff_csv_email,
        t.staff_csv_age,
        t.staff_csv_topic,
        t.staff_csv_taken_by,
    ]
    .join(",");
    out += "\r\n";
    for r in &rows {
        let cells = [
            r.id.to_string(),
            // ISO date and time in their own columns, so that a spreadsheet sorts them.
            to_jst(r.starts_at).format("%Y-%m-%d").to_string(),
            to_jst(r.starts_at).format("%H:%M").to_string(),
            format_datetime(r.starts_at, lang),
            Profession::parse(&r.profession)
                .map(|p| profession_label(p, lang))
                .unwrap_or("")
                .to_string(),
            if r.status == "confirmed" {
                t.staff_csv_booked
            } else {
                t.staff_csv_cancelled
            }
            .to_string(),
            attendance_label(r.attendance.as_deref().unwrap_or(""), lang).to_string(),
            r.name.clone(),
            r.name_kana.clone(),
            r.phone.clone(),
            r.email.clone(),
            age_band_answer(&r.age_band, lang).to_string(),
            topic_answer(&r.topic, lang).to_string(),
            r.acted_by.clone().unwrap_or_default(),
        ];
        out += &cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",");
        out += "\r\n";
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"bookings-{from}-{to}.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        out,
    )
        .into_response())
}
