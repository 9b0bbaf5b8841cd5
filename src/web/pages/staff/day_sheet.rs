//! `/staff/sessions/{id}`: the evening's day sheet (当日名簿) and attendance.

use super::{back_to, confirmed, done_at, done_notice, field, ConfirmPage, StaffFrame};
use crate::domain::time::{format_time, to_jst};
use crate::domain::Profession;
use crate::i18n::dates::{format_date, format_datetime};
use crate::i18n::{attendance_choices, profession_label, topic_answer};
use crate::service::office;
use crate::state::AppState;
use crate::web::error::AppError;
use crate::web::pages::page;
use crate::web::pages::{between, venue_text};
use crate::web::{parse_id, Manager, StaffCaller, StaffForm};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

struct SheetBooking {
    id: i64,
    name: String,
    kana: String,
    phone: String,
    topic: &'static str,
    note: String,
    first_visit: bool,
    attendance: String,
    attendance_note: String,
    /// No email address: told by phone (電話連絡).
    phone_only: bool,
    /// 継続相談: the previous professional's note, with the person's consent.
    follow_up_note: Option<String>,
}

struct SheetRow {
    slot_id: i64,
    time: String,
    profession: &'static str,
    booking: Option<SheetBooking>,
}

#[derive(Template)]
#[template(path = "staff/sheet.html")]
struct SheetPage {
    c: StaffFrame,
    session_id: i64,
    when: String,
    month: String,
    venue: String,
    lawyer: String,
    psychologist: String,
    manages: bool,
    /// Attendance is recorded once the evening has started.
    started: bool,
    /// 中止: no actions but restoring it, while that is safe.
    cancelled: bool,
    restorable: bool,
    notice: Option<&'static str>,
    /// How many are reached only by phone (their call list).
    phone_only: usize,
    lines: Vec<SheetRow>,
    attendance_options: Vec<(&'static str, &'static str)>,
    /// Active lawyers and psychologists: (id, "name（profession）").
    assignable: Vec<(i64, String)>,
    start: String,
}

/// `GET /staff/sessions/{id}`: the evening's day sheet, printable on A4.
pub async fn sheet(
    State(state): State<AppState>,
    caller: StaffCaller,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let (session, lines) = office::day_sheet(&state, &caller.member, id).await?;
    let manages = caller.member.role.manages();
    let c = StaffFrame::new(&caller);
    let (t, lang) = (c.t, c.lang);
    let lines: Vec<SheetRow> = lines
        .into_iter()
        .map(|l| SheetRow {
            slot_id: l.slot_id,
            time: between(format_time(l.starts_at), format_time(l.ends_at), lang),
            profession: Profession::parse(&l.profession)
                .map(|p| profession_label(p, lang))
                .unwrap_or(""),
            booking: l.booking_id.map(|bid| SheetBooking {
                id: bid,
                name: l.name.clone().unwrap_or_default(),
                kana: l.name_kana.clone().unwrap_or_default(),
                phone: if manages {
                    l.phone.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                topic: l
                    .topic
                    .as_deref()
                    .map(|code| topic_answer(code, lang))
                    .unwrap_or(""),
                note: l.note.clone().unwrap_or_default(),
                first_visit: l.first_visit.unwrap_or(false),
                attendance: l.attendance.clone().unwrap_or_default(),
                attendance_note: l.attendance_note.clone().unwrap_or_default(),
                phone_only: l.phone_only(),
                follow_up_note: l.follow_up_note(),
            }),
        })
        .collect();
    let assignable: Vec<(i64, String)> = if manages {
        state
            .store
            .professionals()
            .await?
            .into_iter()
            .filter_map(|p| {
                let profession = Profession::parse(&p.profession).ok()?;
                p.active.then(|| {
                    (
                        p.id,
                        t.staff_name_and_detail(profession_label(profession, lang), &p.name),
                    )
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(page(
        &SheetPage {
            session_id: id,
            when: format_date(to_jst(session.starts_at).date_naive(), lang),
            month: to_jst(session.starts_at).format("%Y-%m").to_string(),
            venue: venue_text(&state, lang, &session.venue),
            lawyer: session
                .lawyer
                .clone()
                .unwrap_or_else(|| t.staff_unassigned.into()),
            psychologist: session
                .psychologist
                .clone()
                .unwrap_or_else(|| t.staff_unassigned.into()),
            manages,
            started: state.clock.now() >= session.starts_at,
            cancelled: session.status == "cancelled",
            restorable: session.status == "cancelled" && state.clock.now() < session.starts_at,
            notice: done_notice(&q, t),
            phone_only: lines
                .iter()
                .filter(|l| l.booking.as_ref().is_some_and(|b| b.phone_only))
                .count(),
            lines,
            attendance_options: attendance_choices(lang),
            assignable,
            start: format_time(session.starts_at),
            c,
        },
        StatusCode::OK,
    ))
}

/// `POST /staff/bookings/{id}/attendance` (form).
pub async fn attendance(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    office::record_attendance(
        &state,
        &caller.member,
        id,
        &field(&pairs, "status"),
        &field(&pairs, "note"),
    )
    .await?;
    let session = field(&pairs, "session_id");
    let back = if session.chars().all(|c| c.is_ascii_digit()) && !session.is_empty() {
        format!("/staff/sessions/{session}")
    } else {
        "/staff".into()
    };
    Ok(done_at(&back, "attendance"))
}

/// `POST /staff/bookings/{id}/cancel` (form): without `confirm=yes`, says
/// whose booking would be cancelled and changes nothing; with it, cancels
/// the booking (the person is told by mail when they have an address).
pub async fn cancel_booking(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    if confirmed(&pairs) {
        let session = office::cancel_booking(&state, &caller.member, id).await?;
        return Ok(back_to(session, "booking_cancelled"));
    }
    let booking = office::booking(&state, id).await?;
    let mut confirm = ConfirmPage::new(
        &caller,
        format!("/staff/bookings/{id}/cancel"),
        format!("/staff/sessions/{}", booking.session_id),
    );
    let (t, lang) = (confirm.c.t, confirm.c.lang);
    let when = between(
        format_datetime(booking.starts_at, lang),
        format_time(booking.ends_at),
        lang,
    );
    confirm.heading = t.staff_cancel_booking_heading.into();
    confirm.lines = vec![
        t.staff_cancel_booking_line(
            &booking.name,
            profession_label(booking.profession(), lang),
            when,
        ),
        if booking.email.is_empty() {
            t.staff_cancel_booking_no_email
        } else {
            t.staff_cancel_booking_mail
        }
        .into(),
    ];
    confirm.button = t.staff_cancel_booking_go;
    Ok(confirm.render())
}
