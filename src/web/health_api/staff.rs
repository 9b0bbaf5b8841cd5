//! The staff's side of the health centre's API: the queue and its moves,
//! doctors' blocks, the scheduling assistant, the roster, answers taken by
//! phone, attendance and the follow-up of a no-show, and the figures.

use super::*;
use crate::web::field::Number;

/// `GET /api/v1/staff/health-queue`: open requests in order, each with its due date.
#[utoipa::path(get, path = "/api/v1/staff/health-queue", tag = "health-staff",
    responses((status = 200, description = "Open requests in order", body = Vec<Object>)))]
pub async fn queue(
    State(state): State<AppState>,
    Manager(staff): Manager,
) -> Result<Json<Value>, AppError> {
    let lines = service::queue(&state, &staff.member).await?;
    Ok(Json(Value::Array(
        lines
            .iter()
            .map(|v| {
                let mut j = request_json(v);
                j["moved_to"] = json!(v.request.moved_to);
                j["move_reason"] = json!(v.request.move_reason);
                j
            })
            .collect(),
    )))
}

/// `POST /api/v1/staff/health-queue/{id}/move` with `{to, reason}` (`to` empty: back to its own due date).
#[utoipa::path(post, path = "/api/v1/staff/health-queue/{id}/move", tag = "health-staff",
    params(("id" = i64, Path, minimum = 1, description = "A request")),
    request_body = MoveRequestBody,
    responses(
        (status = 200, description = "The queue after the move", body = Vec<Object>),
        (status = 409, description = "The request is not waiting", body = ErrorBody)))]
pub async fn move_request(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<MoveRequestBody>,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let (to, reason) = (body.to.text_or("to")?, body.reason.text_or("reason")?);
    service::move_request(&state, &staff.member, id, &to, &reason).await?;
    queue(State(state), Manager(staff)).await
}

pub fn block_json(b: &BlockRecord) -> Value {
    json!({
        "id": b.id,
        "doctor_id": b.doctor_id,
        "doctor": b.doctor_name,
        "date": b.day,
        "starts_at": rfc3339_jst(b.starts_at),
        "ends_at": rfc3339_jst(b.ends_at),
        "place": b.place,
        "capacity": b.capacity,
        "used": b.used_interviews,
        "used_minutes": b.used_minutes,
    })
}

/// `POST /api/v1/staff/health-availability` with `{doctor_id, date, start, end, place, capacity}`.
#[utoipa::path(post, path = "/api/v1/staff/health-availability", tag = "health-staff",
    request_body = BlockBody,
    responses(
        (status = 201, description = "The block", body = Object),
        (status = 409, description = "The doctor has a block then, or the block is too long or too large", body = ErrorBody)))]
pub async fn add_block(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<BlockBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let number = |f: Field<NumberText>, k: &'static str| -> Result<String, AppError> {
        Ok(f.get(k)?.map(|n| n.0).unwrap_or_default())
    };
    let input = BlockInput {
        doctor_id: number(body.doctor_id, "doctor_id")?,
        date: body.date.text_or("date")?,
        start: body.start.text_or("start")?,
        end: body.end.text_or("end")?,
        place: body.place.text_or("place")?,
        capacity: number(body.capacity, "capacity")?,
    };
    let (id, _) = service::add_block(&state, &staff.member, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(block_json(&state.store.health_block(id).await?)),
    ))
}

/// `GET /api/v1/staff/health-availability?from=&to=`: the blocks of a period.
#[utoipa::path(get, path = "/api/v1/staff/health-availability", tag = "health-staff",
    params(("from" = String, Query, format = Date), ("to" = String, Query, format = Date)),
    responses(
        (status = 200, description = "The blocks of the period", body = Vec<Object>),
        (status = 422, description = "Not a period", body = ErrorBody)))]
pub async fn blocks(
    State(state): State<AppState>,
    Manager(_): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let (from, to) = service::period(&get("from"), &get("to"))?;
    let blocks = state.store.health_blocks(from, to).await?;
    Ok(Json(Value::Array(blocks.iter().map(block_json).collect())))
}

fn proposal_json(from: chrono::NaiveDate, to: chrono::NaiveDate, v: &ProposalView) -> Value {
    let assignments: Vec<Value> = v
        .proposal
        .assignments
        .iter()
        .map(|a| {
            let r = &v.requests[&a.request_id];
            json!({
                "request_id": a.request_id,
                "number": r.number(),
                "business_name": r.business_name,
                "due_on": r.due_on,
                "place": r.place,
                "block_id": a.block_id,
                "doctor_id": a.doctor_id,
                "doctor": v.blocks.get(&a.block_id).map(|b| b.doctor_name.clone()),
                "date": a.date,
                "start": a.start.format("%H:%M").to_string(),
                "end": a.end.format("%H:%M").to_string(),
                "starts_at": rfc3339_jst(jst_instant(a.date, a.start)),
                "ends_at": rfc3339_jst(jst_instant(a.date, a.end)),
            })
        })
        .collect();
    let unassigned: Vec<Value> = v
        .proposal
        .unassigned
        .iter()
        .map(|id| {
            let r = &v.requests[id];
            json!({"request_id": id, "number": r.number(), "business_name": r.business_name, "due_on": r.due_on, "place": r.place})
        })
        .collect();
    json!({"from": from, "to": to, "assignments": assignments, "unassigned": unassigned})
}

fn period_of(
    from: Field<String>,
    to: Field<String>,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), AppError> {
    Ok(service::period(&from.text_or("from")?, &to.text_or("to")?)?)
}

/// `POST /api/v1/staff/health-schedule/propose` with `{from, to}`: nothing is written.
#[utoipa::path(post, path = "/api/v1/staff/health-schedule/propose", tag = "health-staff",
    request_body = PeriodBody,
    responses((status = 200, description = "The assistant's proposal", body = Object)))]
pub async fn propose(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody<PeriodBody>,
) -> Result<Json<Value>, AppError> {
    let (from, to) = period_of(body.from, body.to)?;
    let view = service::propose(&state, from, to).await?;
    Ok(Json(proposal_json(from, to, &view)))
}

/// The appointments of a confirm body: `assignments` as proposed (and
/// perhaps adjusted: another block, another start), or, without them,
/// the assistant's proposal for `{from, to}` as it stands.
async fn appointments(state: &AppState, body: ConfirmBody) -> Result<Vec<Appointment>, AppError> {
    let (from, to) = (body.from.text_or("from")?, body.to.text_or("to")?);
    let Some(items) = body.assignments.get("assignments")? else {
        let (from, to) = service::period(&from, &to)?;
        let view = service::propose(state, from, to).await?;
        return Ok(view
            .proposal
            .assignments
            .iter()
            .map(|a| Appointment {
                request_id: a.request_id,
                block_id: a.block_id,
                start: Some(a.start),
            })
            .collect());
    };
    // With the appointments, a period is not needed; one given must be dates.
    for (field, day) in [("from", &from), ("to", &to)] {
        let day = normalize_text(day);
        if !day.is_empty() && chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").is_err() {
            return Err(invalid(field, FieldError::Date));
        }
    }
    // An id is a whole number of at least 1 (no record has another).
    let id = |v: Option<&Value>, field: &'static str| {
        v.and_then(|v| Number::deserialize(v).ok())
            .map(|Number(id)| id)
            .filter(|id| *id >= 1)
            .ok_or_else(|| invalid(field, FieldError::NotANumber))
    };
    items
        .iter()
        .map(|item| {
            let start = match text_of(item.get("start"), false).map(|t| normalize_text(&t)) {
                Ok(t) if t.is_empty() => None,
                Ok(t) => Some(
                    NaiveTime::parse_from_str(&t, "%H:%M")
                        .map_err(|_| invalid("assignments.start", FieldError::Choice))?,
                ),
                Err(e) => return Err(invalid("assignments.start", e)),
            };
            Ok(Appointment {
                request_id: id(item.get("request_id"), "assignments.request_id")?,
                block_id: id(item.get("block_id"), "assignments.block_id")?,
                start,
            })
        })
        .collect()
}

/// `POST /api/v1/staff/health-schedule/confirm`: writes the appointments
/// and mails each business its proposed date. Each is confirmed or
/// refused on its own, with the reason.
#[utoipa::path(post, path = "/api/v1/staff/health-schedule/confirm", tag = "health-staff",
    request_body = ConfirmBody,
    responses((status = 200, description = "Each appointment confirmed or refused, with the reason", body = Object)))]
pub async fn confirm(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody<ConfirmBody>,
) -> Result<Json<Value>, AppError> {
    let list = appointments(&state, body).await?;
    let (confirmed, refused) = service::confirm(&state, &staff.member, &list).await?;
    let lang = crate::web::context::RequestContext::current().lang;
    Ok(Json(json!({
        "confirmed": confirmed.iter().map(|c| json!({
            "interview_id": c.interview_id,
            "request_id": c.request_id,
            "block_id": c.block_id,
            "starts_at": rfc3339_jst(c.starts_at),
            "ends_at": rfc3339_jst(c.ends_at),
            "status": "proposed",
        })).collect::<Vec<_>>(),
        "refused": refused.iter().map(|(id, why)| json!({
            "request_id": id,
            "reason": why,
            "message": crate::i18n::health_conflict(why, lang),
        })).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/staff/health-roster?month=YYYY-MM`: the doctors' days. A
/// doctor sees only their own interviews and blocks.
#[utoipa::path(get, path = "/api/v1/staff/health-roster", tag = "health-staff", operation_id = "health_roster",
    params(("month" = Option<String>, Query, pattern = "^[0-9]{4}-[0-9]{2}$", example = "2027-01")),
    responses(
        (status = 200, description = "The doctors' blocks and interviews", body = Object),
        (status = 422, description = "`month` is not YYYY-MM", body = ErrorBody)))]
pub async fn roster(
    State(state): State<AppState>,
    caller: StaffCaller,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let month = q
        .get("month")
        .cloned()
        .unwrap_or_else(|| to_jst(state.clock.now()).format("%Y-%m").to_string());
    let (from, to) = crate::service::office::month_bounds(&month)?;
    let (interviews, blocks) = service::roster(&state, &caller.member, from, to).await?;
    let manages = caller.member.role.manages();
    Ok(Json(json!({
        "month": month,
        "blocks": blocks.iter().map(block_json).collect::<Vec<_>>(),
        "interviews": interviews.iter().map(|i| {
            let mut v = interview_json(i);
            v["request_id"] = json!(i.request_id);
            v["business_name"] = json!(i.business_name);
            v["interviews"] = json!(i.interviews);
            if i.visit || manages {
                v["address"] = json!(i.address);
            }
            if manages {
                v["contact_name"] = json!(i.contact_name);
                v["phone"] = json!(i.phone);
            }
            v
        }).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/staff/health-requests/{id}/accept` (or `…/decline`): the
/// business answered the proposed date by phone.
#[utoipa::path(post, path = "/api/v1/staff/health-requests/{id}/{answer}", tag = "health-staff",
    params(("id" = i64, Path, minimum = 1, description = "A request"), ("answer" = String, Path, pattern = "^(accept|decline)$")),
    responses(
        (status = 200, description = "The request's new status", body = AnsweredJson),
        (status = 409, description = "No date proposed", body = ErrorBody)))]
pub async fn answer_for(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path((id, answer)): Path<(String, String)>,
) -> Result<Json<AnsweredJson>, AppError> {
    let id = parse_id(&id)?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::NotFound),
    };
    service::answer_for(&state, &staff.member, id, accept, None).await?;
    let request = state.store.health_request(id).await?;
    Ok(Json(AnsweredJson {
        id,
        status: request.status,
        closed_reason: None,
    }))
}

/// `POST /api/v1/staff/health-requests/{id}/after-no-show` with
/// `{outcome: "requeue" | "close", reason}`: after an interview recorded
/// as not having taken place, the request waits again at its place or is
/// closed with the reason (required then); the business is mailed.
#[utoipa::path(post, path = "/api/v1/staff/health-requests/{id}/after-no-show", tag = "health-staff",
    params(("id" = i64, Path, minimum = 1, description = "A request")),
    request_body = AfterNoShowBody,
    responses(
        (status = 200, description = "Waiting again, or closed", body = AnsweredJson),
        (status = 409, description = "`no_show_not_recorded`", body = ErrorBody)))]
pub async fn after_no_show(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<AfterNoShowBody>,
) -> Result<Json<AnsweredJson>, AppError> {
    let id = parse_id(&id)?;
    let (outcome, reason) = (
        body.outcome.text_or("outcome")?,
        body.reason.text_or("reason")?,
    );
    service::after_no_show(&state, &staff.member, id, &outcome, &reason).await?;
    let request = state.store.health_request(id).await?;
    Ok(Json(AnsweredJson {
        id,
        status: status_code(&request).to_string(),
        closed_reason: Some(request.closed_reason.clone()),
    }))
}

/// `POST /api/v1/staff/health-interviews/{id}/attendance` with `{status:
/// "attended" | "no_show"}`, after the interview's start.
#[utoipa::path(post, path = "/api/v1/staff/health-interviews/{id}/attendance", tag = "health-staff", operation_id = "health_attendance",
    params(("id" = i64, Path, minimum = 1, description = "An interview")),
    request_body = InterviewAttendanceBody,
    responses(
        (status = 200, description = "Recorded", body = AnsweredJson),
        (status = 409, description = "Before the interview's start, or not booked", body = ErrorBody)))]
pub async fn attendance(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<InterviewAttendanceBody>,
) -> Result<Json<AnsweredJson>, AppError> {
    let id = parse_id(&id)?;
    let status = body.status.text_or("status")?;
    service::record_attendance(&state, &staff.member, id, &status).await?;
    Ok(Json(AnsweredJson {
        id,
        status: normalize_text(&status),
        closed_reason: None,
    }))
}

/// `GET /api/v1/staff/health-figures?from=YYYY-MM&to=YYYY-MM`: per month,
/// workplaces served, workers per kind, median and 90th-percentile wait in
/// days, requests seen after their due date.
#[utoipa::path(get, path = "/api/v1/staff/health-figures", tag = "health-staff",
    params(("from" = Option<String>, Query, pattern = "^[0-9]{4}-[0-9]{2}$"), ("to" = Option<String>, Query, pattern = "^[0-9]{4}-[0-9]{2}$")),
    responses(
        (status = 200, description = "Per month: workplaces served, workers per kind, waits, requests seen after their due date", body = Vec<Object>),
        (status = 422, description = "`from` or `to` is not YYYY-MM", body = ErrorBody)))]
pub async fn figures(
    State(state): State<AppState>,
    Manager(_): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, AppError> {
    let this = to_jst(state.clock.now()).format("%Y-%m").to_string();
    let month = |k: &'static str| {
        let raw = q.get(k).cloned().unwrap_or_else(|| this.clone());
        crate::service::office::month_bounds(&raw)
            .map(|(f, _)| to_jst(f).date_naive())
            .map_err(|_| invalid(k, FieldError::Choice))
    };
    let (from, to) = (month("from")?, month("to")?);
    let rows = service::figures(&state, from, to).await?;
    Ok(Json(Value::Array(
        rows.iter()
            .map(|f| {
                let workers: Map<String, Value> = ServiceKind::ALL
                    .iter()
                    .zip(f.workers)
                    .map(|(k, n)| (k.code().to_string(), json!(n)))
                    .collect();
                json!({
                    "month": f.month,
                    "workplaces": f.workplaces,
                    "workers": workers,
                    "median_wait_days": f.median_wait_days,
                    "p90_wait_days": f.p90_wait_days,
                    "seen_after_due": f.seen_after_due,
                })
            })
            .collect(),
    )))
}
