//! The staff's side of the health centre's API: the queue and its moves,
//! doctors' blocks, the scheduling assistant, the roster, answers taken by
//! phone, attendance and the follow-up of a no-show, and the figures.

use super::*;

/// `GET /api/v1/staff/health-queue`: open requests in order, each with its due date.
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
pub async fn move_request(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    service::move_request(&state, &staff.member, id, &field("to")?, &field("reason")?).await?;
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
pub async fn add_block(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    let input = BlockInput {
        doctor_id: field("doctor_id")?,
        date: field("date")?,
        start: field("start")?,
        end: field("end")?,
        place: field("place")?,
        capacity: field("capacity")?,
    };
    let (id, _) = service::add_block(&state, &staff.member, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(block_json(&state.store.health_block(id).await?)),
    ))
}

/// `GET /api/v1/staff/health-availability?from=&to=`: the blocks of a period.
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

fn period_of(obj: &Map<String, Value>) -> Result<(chrono::NaiveDate, chrono::NaiveDate), AppError> {
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    Ok(service::period(&field("from")?, &field("to")?)?)
}

/// `POST /api/v1/staff/health-schedule/propose` with `{from, to}`: nothing is written.
pub async fn propose(
    State(state): State<AppState>,
    Manager(_): Manager,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let (from, to) = period_of(&object(body)?)?;
    let view = service::propose(&state, from, to).await?;
    Ok(Json(proposal_json(from, to, &view)))
}

/// The appointments of a confirm body: `assignments` as proposed (and
/// perhaps adjusted: another block, another start), or, without them,
/// the assistant's proposal for `{from, to}` as it stands.
async fn appointments(
    state: &AppState,
    obj: &Map<String, Value>,
) -> Result<Vec<Appointment>, AppError> {
    let Some(list) = obj.get("assignments").filter(|v| !v.is_null()) else {
        let (from, to) = period_of(obj)?;
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
    let items = list
        .as_array()
        .ok_or_else(|| invalid("assignments", FieldError::WrongType))?;
    let id = |v: Option<&Value>, field: &'static str| {
        text_of(v)
            .ok()
            .and_then(|t| normalize_text(&t).parse::<i64>().ok())
            .ok_or_else(|| invalid(field, FieldError::NotANumber))
    };
    items
        .iter()
        .map(|item| {
            let start = match text_of(item.get("start")).map(|t| normalize_text(&t)) {
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
pub async fn confirm(
    State(state): State<AppState>,
    Manager(staff): Manager,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let obj = object(body)?;
    let list = appointments(&state, &obj).await?;
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
pub async fn answer_for(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path((id, answer)): Path<(String, String)>,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::NotFound),
    };
    service::answer_for(&state, &staff.member, id, accept, None).await?;
    let request = state.store.health_request(id).await?;
    Ok(Json(json!({"id": id, "status": request.status})))
}

/// `POST /api/v1/staff/health-requests/{id}/after-no-show` with
/// `{outcome: "requeue" | "close", reason}`: after an interview recorded
/// as not having taken place, the request waits again at its place or is
/// closed with the reason (required then); the business is mailed.
pub async fn after_no_show(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let obj = object(body)?;
    let field = |k: &'static str| text_of(obj.get(k)).map_err(|e| invalid(k, e));
    service::after_no_show(
        &state,
        &staff.member,
        id,
        &field("outcome")?,
        &field("reason")?,
    )
    .await?;
    let request = state.store.health_request(id).await?;
    Ok(Json(json!({
        "id": id,
        "status": status_code(&request),
        "closed_reason": request.closed_reason,
    })))
}

/// `POST /api/v1/staff/health-interviews/{id}/attendance` with `{status:
/// "attended" | "no_show"}`, after the interview's start.
pub async fn attendance(
    State(state): State<AppState>,
    Manager(staff): Manager,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, AppError> {
    let id = parse_id(&id)?;
    let obj = object(body)?;
    let status = text_of(obj.get("status")).map_err(|e| invalid("status", e))?;
    service::record_attendance(&state, &staff.member, id, &status).await?;
    Ok(Json(json!({"id": id, "status": normalize_text(&status)})))
}

/// `GET /api/v1/staff/health-figures?from=YYYY-MM&to=YYYY-MM`: per month,
/// workplaces served, workers per kind, median and 90th-percentile wait in
/// days, requests seen after their due date.
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
