//! `/staff/export.csv`: bookings as CSV for Excel.

use crate::domain::time::{format_datetime, jst_instant};
use crate::domain::{Lang, Profession};
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::i18n::{age_band_label, profession_label, topic_label};
use crate::web::Manager;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, NaiveTime};
use std::collections::HashMap;

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
/// with a BOM, so that Excel opens Japanese correctly.
pub async fn export(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let date = |k: &'static str| {
        q.get(k)
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .ok_or(crate::web::error::invalid(
                k,
                crate::domain::FieldError::Choice,
            ))
    };
    let (from, to) = (date("from")?, date("to")?);
    let rows = state
        .store
        .export_bookings(
            jst_instant(from, NaiveTime::MIN),
            jst_instant(to, NaiveTime::MIN),
        )
        .await?;
    let mut out = String::from("\u{feff}");
    out += "予約番号,日時,相談員,状態,出欠,氏名,フリガナ,電話番号,メールアドレス,年代,相談内容,受付者\r\n";
    for r in &rows {
        let cells = [
            r.id.to_string(),
            format_datetime(r.starts_at, Lang::Ja),
            Profession::parse(&r.profession)
                .map(|p| profession_label(p, Lang::Ja))
                .unwrap_or("")
                .to_string(),
            if r.status == "confirmed" {
                "予約"
            } else {
                "キャンセル"
            }
            .to_string(),
            match r.attendance.as_deref() {
                Some("attended") => "来所",
                Some("no_show") => "無断欠席",
                Some("late_cancel") => "直前キャンセル",
                _ => "",
            }
            .to_string(),
            r.name.clone(),
            r.name_kana.clone(),
            r.phone.clone(),
            r.email.clone(),
            crate::domain::AgeBand::parse(&r.age_band)
                .map(|a| age_band_label(a, Lang::Ja))
                .unwrap_or("")
                .to_string(),
            crate::domain::Topic::parse(&r.topic)
                .map(|t| topic_label(t, Lang::Ja))
                .unwrap_or("")
                .to_string(),
            r.acted_by.clone().unwrap_or_default(),
        ];
        out += &cells
            .iter()
            .map(|c| csv_cell(c))
            .collect::<Vec<_>>()
            .join(",");
        out += "\r\n";
    }
    state
        .audit(
            &caller.member,
            "export",
            &format!("bookings {from}..{to}"),
            &format!("{} rows", rows.len()),
        )
        .await?;
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
