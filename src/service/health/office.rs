//! What the centre's staff (事務局) do before an interview: the queue and
//! its moves, doctors' blocks, the assistant's proposal and its
//! confirmation (the roster and what follows are in `outcome`). Each step
//! writes its audit line.

use super::*;

/// The queue as staff see it: open requests in order (waiting ones
/// numbered, each with its estimate and whether that is later than its due date).
/// The view is written to the audit log.
pub async fn queue(state: &AppState, who: &StaffMember) -> Result<Vec<RequestView>, HealthError> {
    state
        .audit(who, "view_health_queue", "health_queue", "")
        .await?;
    let open = state.store.health_requests_open().await?;
    let services = state.store.health_services(None).await?;
    let mut by_request: HashMap<i64, Vec<HealthServiceRecord>> = HashMap::new();
    for s in services {
        by_request.entry(s.request_id).or_default().push(s);
    }
    let mut queued: Vec<health::Queued> = open.iter().map(HealthRequestRecord::queued).collect();
    health::order(&mut queued);
    let rank: HashMap<i64, usize> = queued.iter().enumerate().map(|(i, q)| (q.id, i)).collect();
    let mut open = open;
    open.sort_by_key(|r| {
        (
            r.status != "waiting",
            rank.get(&r.id).copied().unwrap_or(usize::MAX),
        )
    });
    let rules = state.settings.health.rules();
    let today = today(state);
    let pending: Vec<health::Pending> = open
        .iter()
        .filter(|r| r.status == "waiting")
        .map(HealthRequestRecord::pending)
        .collect();
    let expected = estimates(state, &pending).await?;
    let mut position = 0;
    Ok(open
        .into_iter()
        .map(|request| {
            let waiting = request.status == "waiting";
            if waiting {
                position += 1;
            }
            let month = expected.get(&request.id).copied().filter(|_| waiting);
            RequestView {
                services: by_request.remove(&request.id).unwrap_or_default(),
                position: waiting.then_some(position),
                estimated_month: month.map(month_code),
                late: month.is_some_and(|m| health::estimate_after_due(m, request.due_on)),
                interview: None,
                flag: if request.status == "scheduled" {
                    DueFlag::None
                } else {
                    rules.flag(request.due_on, today)
                },
                request,
            }
        })
        .collect())
}

/// Staff move a request in the queue (it then sorts as if due `to`; empty
/// puts it back by its own due date), with a reason.
pub async fn move_request(
    state: &AppState,
    who: &StaffMember,
    id: i64,
    to: &str,
    reason: &str,
) -> Result<(), HealthError> {
    let mut errors = FieldErrors::new();
    let to = keep(&mut errors, "to", parse_date(to));
    let reason = keep(&mut errors, "reason", bounded(reason, 200));
    let (Some(to), Some(reason)) = (to, reason) else {
        return Err(HealthError::Invalid(errors));
    };
    if !state
        .store
        .move_health_request(id, to, &reason, state.clock.now())
        .await?
    {
        return Err(HealthError::NotFound);
    }
    let to_text = to.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    state
        .audit(
            who,
            "health_move",
            &format!("health_request {id}"),
            &format!("to {to_text}: {reason}"),
        )
        .await?;
    Ok(())
}

/// A doctor's availability block as staff enter it.
#[derive(Debug, Clone, Default)]
pub struct BlockInput {
    pub doctor_id: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: String,
}

fn parse_time(raw: &str) -> Result<NaiveTime, FieldError> {
    let text = normalize_text(raw);
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| FieldError::Choice)
}

/// Adds a doctor's block; its id and day. Every field is parsed before
/// anything is written. Conflict `doctor_busy` when the doctor already has
/// a block at that time.
pub async fn add_block(
    state: &AppState,
    who: &StaffMember,
    input: &BlockInput,
) -> Result<(i64, NaiveDate), HealthError> {
    let mut errors = FieldErrors::new();
    let doctor_id = keep(
        &mut errors,
        "doctor_id",
        normalize_text(&input.doctor_id)
            .parse::<i64>()
            .map_err(|_| FieldError::NotANumber),
    );
    let date = keep(
        &mut errors,
        "date",
        parse_date(&input.date).and_then(|d| d.ok_or(FieldError::Required)),
    );
    let start = keep(&mut errors, "start", parse_time(&input.start));
    let end = keep(&mut errors, "end", parse_time(&input.end));
    let place = keep(&mut errors, "place", Place::parse(&input.place));
    let capacity = keep(&mut errors, "capacity", parse_count(&input.capacity, 1, 50));
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            errors.insert("end", FieldError::Choice);
        }
    }
    if let Some(d) = date {
        if d < today(state) {
            errors.insert("date", FieldError::Date);
        }
    }
    if let Some(id) = doctor_id {
        let doctors = state.store.professionals().await?;
        if !doctors
            .iter()
            .any(|p| p.id == id && p.profession == "doctor" && p.active)
        {
            errors.insert("doctor_id", FieldError::Choice);
        }
    }
    let (Some(doctor_id), Some(date), Some(start), Some(end), Some(place), Some(capacity), true) = (
        doctor_id,
        date,
        start,
        end,
        place,
        capacity,
        errors.is_empty(),
    ) else {
        return Err(HealthError::Invalid(errors));
    };
    let block = NewBlock {
        doctor_id,
        day: date,
        starts_at: jst_instant(date, start),
        ends_at: jst_instant(date, end),
        place,
        capacity,
        created_by: who.name.clone(),
    };
    let id = state
        .store
        .add_health_block(&block, state.clock.now())
        .await?;
    state
        .audit(
            who,
            "health_block",
            &format!("health_block {id}"),
            &format!("doctor {doctor_id} {date} {start}-{end}"),
        )
        .await?;
    Ok((id, date))
}

/// A period `from..=to` from text.
pub fn period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), HealthError> {
    let mut errors = FieldErrors::new();
    let from = keep(
        &mut errors,
        "from",
        parse_date(from).and_then(|d| d.ok_or(FieldError::Required)),
    );
    let to = keep(
        &mut errors,
        "to",
        parse_date(to).and_then(|d| d.ok_or(FieldError::Required)),
    );
    match (from, to) {
        (Some(f), Some(t)) if t < f => Err(invalid("to", FieldError::Date)),
        (Some(f), Some(t)) if (t - f).num_days() > 366 => {
            Err(invalid("to", FieldError::Range { min: 1, max: 366 }))
        }
        (Some(f), Some(t)) => Ok((f, t)),
        _ => Err(HealthError::Invalid(errors)),
    }
}

/// What the assistant proposes, with what staff need to judge it.
#[derive(Debug, Clone)]
pub struct ProposalView {
    pub proposal: Proposal,
    pub requests: HashMap<i64, HealthRequestRecord>,
    pub blocks: HashMap<i64, BlockRecord>,
}

/// The assistant's proposal for the blocks dated `from..=to` (nothing is written).
pub async fn propose(
    state: &AppState,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ProposalView, HealthError> {
    let from = from.max(today(state));
    let waiting: Vec<HealthRequestRecord> = state
        .store
        .health_requests_open()
        .await?
        .into_iter()
        .filter(|r| r.status == "waiting")
        .collect();
    let blocks = state.store.health_blocks(from, to).await?;
    let pending: Vec<health::Pending> = waiting.iter().map(HealthRequestRecord::pending).collect();
    let free: Vec<health::Block> = blocks.iter().map(BlockRecord::free).collect();
    let proposal = health::propose(&pending, &free, from, to);
    Ok(ProposalView {
        proposal,
        requests: waiting.into_iter().map(|r| (r.id, r)).collect(),
        blocks: blocks.into_iter().map(|b| (b.id, b)).collect(),
    })
}

/// One appointment to confirm: a request in a block, at a start (default:
/// the block's first free time).
#[derive(Debug, Clone)]
pub struct Appointment {
    pub request_id: i64,
    pub block_id: i64,
    pub start: Option<NaiveTime>,
}

/// An appointment confirmed (and mailed to the business).
#[derive(Debug, Clone)]
pub struct Confirmed {
    pub interview_id: i64,
    pub request_id: i64,
    pub block_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Confirms appointments one by one: each is written with its mail or
/// refused with the reason (another staff member got there first, the
/// block is full, the doctor is busy then, the place does not match).
pub async fn confirm(
    state: &AppState,
    who: &StaffMember,
    appointments: &[Appointment],
) -> Result<(Vec<Confirmed>, Vec<(i64, &'static str)>), HealthError> {
    let mut confirmed = Vec::new();
    let mut refused = Vec::new();
    for a in appointments {
        match confirm_one(state, who, a).await {
            Ok(c) => confirmed.push(c),
            Err(HealthError::Conflict(why)) => refused.push((a.request_id, why)),
            Err(HealthError::NotFound) => refused.push((a.request_id, "not_found")),
            Err(e) => return Err(e),
        }
    }
    if !confirmed.is_empty() {
        state.mail_wakeup.notify_one();
    }
    Ok((confirmed, refused))
}

/// Confirms one appointment. Without a given start, it takes the block's
/// first free time; if another confirmation took that time meanwhile, it
/// reads the block again and takes the next.
async fn confirm_one(
    state: &AppState,
    who: &StaffMember,
    a: &Appointment,
) -> Result<Confirmed, HealthError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match try_confirm(state, who, a).await {
            Err(HealthError::Conflict("block_full" | "doctor_busy"))
                if a.start.is_none() && attempts < 10 =>
            {
                continue
            }
            Err(HealthError::Conflict("block_full_now")) => {
                return Err(HealthError::Conflict("block_full"))
            }
            other => return other,
        }
    }
}

async fn try_confirm(
    state: &AppState,
    who: &StaffMember,
    a: &Appointment,
) -> Result<Confirmed, HealthError> {
    let request = state.store.health_request(a.request_id).await?;
    if request.status != "waiting" {
        return Err(HealthError::Conflict("request_not_waiting"));
    }
    let block = state.store.health_block(a.block_id).await?;
    if block.place() != request.place() {
        return Err(HealthError::Conflict("place_mismatch"));
    }
    if block.day < today(state) {
        return Err(HealthError::Conflict("block_past"));
    }
    if block.free().capacity < request.interviews.max(1) as u32 {
        return Err(HealthError::Conflict("block_full_now"));
    }
    let starts_at = match a.start {
        Some(t) => jst_instant(block.day, t),
        None => block.free_from(),
    };
    let ends_at = starts_at + chrono::Duration::minutes(request.minutes);
    if starts_at < block.starts_at || ends_at > block.ends_at {
        return Err(HealthError::Conflict("block_full"));
    }
    let interview = NewInterview {
        request_id: request.id,
        block_id: block.id,
        starts_at,
        ends_at,
        interviews: request.interviews.max(1) as u32,
        minutes: request.minutes.max(1) as u32,
        confirmed_by: who.name.clone(),
    };
    let link = Token::generate();
    let settings = state.settings.clone();
    let mail = |id: i64| {
        let shown = MailInterview {
            id,
            starts_at,
            ends_at,
            visit: block.place() == Place::Visit,
            doctor: block.doctor_name.clone(),
            proposed: true,
        };
        mail_of(&request, Some(&link), Some(shown)).queue(
            HEALTH_PROPOSED,
            &request.email,
            &settings,
        )
    };
    let id = state
        .store
        .propose_interview(&interview, Some(&link.hash()), mail, state.clock.now())
        .await?;
    state
        .audit(
            who,
            "health_propose",
            &format!("health_request {}", request.id),
            &format!(
                "interview {id} block {} at {}",
                block.id,
                to_jst(starts_at).format("%Y-%m-%d %H:%M")
            ),
        )
        .await?;
    Ok(Confirmed {
        interview_id: id,
        request_id: request.id,
        block_id: block.id,
        starts_at,
        ends_at,
    })
}
