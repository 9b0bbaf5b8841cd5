//! The office's planning pages: the doctors' availability blocks (with
//! the form to add one) and the scheduling assistant's proposal, to adjust
//! and confirm.

use super::*;

struct BlockRow {
    when: String,
    doctor: String,
    place: &'static str,
    used: String,
}

/// The form to add a block: what was typed, and each field's message.
#[derive(Default)]
struct BlockForm {
    input: BlockInput,
    errors: Vec<(&'static str, String)>,
    /// Why the block could not be added (the doctor is busy then).
    problem: Option<String>,
}

impl BlockForm {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(k, _)| *k == field)
            .map(|(_, m)| m)
    }
}

#[derive(Template)]
#[template(path = "staff/health_blocks.html")]
struct BlocksPage {
    who: Option<String>,
    csrf: String,
    month_label: String,
    prev: String,
    next: String,
    rows: Vec<BlockRow>,
    doctors: Vec<(String, String)>,
    form: BlockForm,
}

/// `GET /staff/health/blocks?month=`: the doctors' blocks and the form to add one.
pub async fn blocks(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (_, first, _, _) = month_of(&state, &q)?;
    let form = BlockForm {
        input: BlockInput {
            place: "centre".into(),
            capacity: "4".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    Ok(page(
        &blocks_page(&state, &caller, first, form).await?,
        StatusCode::OK,
    ))
}

async fn blocks_page(
    state: &AppState,
    caller: &StaffCaller,
    first: NaiveDate,
    form: BlockForm,
) -> Result<BlocksPage, AppError> {
    let last = first + Months::new(1) - chrono::Duration::days(1);
    let rows = state
        .store
        .health_blocks(first, last)
        .await?
        .iter()
        .map(|b| BlockRow {
            when: format!(
                "{}〜{}",
                format_datetime(b.starts_at, Lang::Ja),
                format_time(b.ends_at)
            ),
            doctor: b.doctor_name.clone(),
            place: if b.place == "visit" {
                "訪問"
            } else {
                "センター"
            },
            used: format!(
                "{}/{}人（{}分使用）",
                b.used_interviews, b.capacity, b.used_minutes
            ),
        })
        .collect();
    let doctors = state
        .store
        .professionals()
        .await?
        .into_iter()
        .filter(|p| p.profession == "doctor" && p.active)
        .map(|p| (p.id.to_string(), p.name))
        .collect();
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    Ok(BlocksPage {
        who: who(caller),
        csrf: caller.csrf.clone().unwrap_or_default(),
        month_label: format!("{}年{}月", first.year(), first.month()),
        prev: ym(first - Months::new(1)),
        next: ym(first + Months::new(1)),
        rows,
        doctors,
        form,
    })
}

/// `POST /staff/health/blocks`: the block is added and the month of its
/// day is shown (the address built from the parsed date, never from what
/// was typed); a refused block shows the form again with what was typed
/// and each field's message.
pub async fn add_block(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let input = BlockInput {
        doctor_id: field(&pairs, "doctor_id"),
        date: field(&pairs, "date"),
        start: field(&pairs, "start"),
        end: field(&pairs, "end"),
        place: field(&pairs, "place"),
        capacity: field(&pairs, "capacity"),
    };
    let refused = match service::add_block(&state, &caller.member, &input).await {
        Ok((_, day)) => {
            let month = day.format("%Y-%m");
            return Ok(Redirect::to(&format!("/staff/health/blocks?month={month}")).into_response());
        }
        Err(HealthError::Invalid(errors)) => BlockForm {
            errors: errors
                .iter()
                .map(|(k, e)| (*k, field_message(k, e, Lang::Ja)))
                .collect(),
            input,
            problem: None,
        },
        Err(HealthError::Conflict(why)) => BlockForm {
            input,
            errors: Vec::new(),
            problem: Some(health_conflict(why, Lang::Ja)),
        },
        Err(other) => return Err(other.into()),
    };
    let first = to_jst(state.clock.now())
        .date_naive()
        .with_day(1)
        .expect("day 1");
    Ok(page(
        &blocks_page(&state, &caller, first, refused).await?,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}

/// A block as the schedule's choice shows it.
fn block_words(b: &crate::store::BlockRecord) -> String {
    format!(
        "{}〜{} {}（残り{}人）",
        format_datetime(b.free_from(), Lang::Ja),
        format_time(b.ends_at),
        b.doctor_name,
        (b.capacity - b.used_interviews).max(0)
    )
}

struct ProposalRow {
    request_id: i64,
    block_id: i64,
    number: String,
    business: String,
    due: String,
    when: String,
    start: String,
    doctor: String,
    /// Blocks of the period with the request's place: (id, words, chosen).
    blocks: Vec<(i64, String, bool)>,
}

#[derive(Template)]
#[template(path = "staff/health_schedule.html")]
struct SchedulePage {
    who: Option<String>,
    csrf: String,
    from: String,
    to: String,
    proposed: bool,
    rows: Vec<ProposalRow>,
    unassigned: Vec<(String, String, String)>,
    confirmed: Vec<String>,
    refused: Vec<String>,
}

/// `GET /staff/health/schedule?from=&to=`: the assistant's proposal for a
/// period, each line to keep or drop, its start to adjust.
pub async fn schedule(
    State(state): State<AppState>,
    Manager(caller): Manager,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = to_jst(state.clock.now()).date_naive();
    let from = q.get("from").cloned().unwrap_or_else(|| today.to_string());
    let to = q
        .get("to")
        .cloned()
        .unwrap_or_else(|| (today + Months::new(1)).to_string());
    let mut p = SchedulePage {
        who: who(&caller),
        csrf: caller.csrf.clone().unwrap_or_default(),
        from: from.clone(),
        to: to.clone(),
        proposed: false,
        rows: Vec::new(),
        unassigned: Vec::new(),
        confirmed: Vec::new(),
        refused: Vec::new(),
    };
    if q.contains_key("from") {
        let (f, t) = service::period(&from, &to)?;
        let view = service::propose(&state, f, t).await?;
        p.proposed = true;
        let mut choices: Vec<&crate::store::BlockRecord> = view.blocks.values().collect();
        choices.sort_by_key(|b| (b.starts_at, b.id));
        p.rows = view
            .proposal
            .assignments
            .iter()
            .map(|a| {
                let r = &view.requests[&a.request_id];
                ProposalRow {
                    request_id: a.request_id,
                    block_id: a.block_id,
                    number: r.number(),
                    business: r.business_name.clone(),
                    due: r
                        .due_on
                        .map(|d| format_date(d, Lang::Ja))
                        .unwrap_or_else(|| "期限なし".into()),
                    when: format!(
                        "{} {}〜{}",
                        format_date(a.date, Lang::Ja),
                        a.start.format("%H:%M"),
                        a.end.format("%H:%M")
                    ),
                    start: a.start.format("%H:%M").to_string(),
                    doctor: view
                        .blocks
                        .get(&a.block_id)
                        .map(|b| b.doctor_name.clone())
                        .unwrap_or_default(),
                    blocks: choices
                        .iter()
                        .filter(|b| b.place == r.place)
                        .map(|b| (b.id, block_words(b), b.id == a.block_id))
                        .collect(),
                }
            })
            .collect();
        p.unassigned = view
            .proposal
            .unassigned
            .iter()
            .map(|id| {
                let r = &view.requests[id];
                (
                    r.number(),
                    r.business_name.clone(),
                    r.due_on
                        .map(|d| format_date(d, Lang::Ja))
                        .unwrap_or_else(|| "期限なし".into()),
                )
            })
            .collect();
    }
    Ok(page(&p, StatusCode::OK))
}

/// `POST /staff/health/schedule/confirm`: the lines kept (`pick` =
/// `request:block`), each with its start (`start_<request>`).
pub async fn confirm(
    State(state): State<AppState>,
    StaffForm(Manager(caller), pairs): StaffForm<Manager>,
) -> Result<Response, AppError> {
    let appointments: Vec<Appointment> = pairs
        .iter()
        .filter(|(k, _)| k == "pick")
        .filter_map(|(_, v)| {
            let (r, b) = v.split_once(':')?;
            let request_id: i64 = r.parse().ok()?;
            let proposed: i64 = b.parse().ok()?;
            // Another block chosen: its first free time, unless a start was typed.
            let block_id = field(&pairs, &format!("block_{request_id}"))
                .parse()
                .unwrap_or(proposed);
            let typed = field(&pairs, &format!("start_{request_id}"));
            let start = NaiveTime::parse_from_str(typed.trim(), "%H:%M")
                .ok()
                .filter(|_| {
                    block_id == proposed
                        || typed != field(&pairs, &format!("proposed_{request_id}"))
                });
            Some(Appointment {
                request_id,
                block_id,
                start,
            })
        })
        .collect();
    let (confirmed, refused) = service::confirm(&state, &caller.member, &appointments).await?;
    // Each line names the request by the number staff and the business quote.
    let mut numbers: HashMap<i64, String> = HashMap::new();
    for id in confirmed
        .iter()
        .map(|c| c.request_id)
        .chain(refused.iter().map(|(id, _)| *id))
    {
        if let Ok(r) = state.store.health_request(id).await {
            numbers.insert(id, format!("{} {}", r.number(), r.business_name));
        }
    }
    let name = |id: i64| {
        numbers
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("申込み {id}"))
    };
    let p = SchedulePage {
        who: who(&caller),
        csrf: caller.csrf.clone().unwrap_or_default(),
        from: field(&pairs, "from"),
        to: field(&pairs, "to"),
        proposed: false,
        rows: Vec::new(),
        unassigned: Vec::new(),
        confirmed: confirmed
            .iter()
            .map(|c| {
                format!(
                    "{}：{}〜{}",
                    name(c.request_id),
                    format_datetime(c.starts_at, Lang::Ja),
                    format_time(c.ends_at)
                )
            })
            .collect(),
        refused: refused
            .iter()
            .map(|(id, why)| format!("{}：{}", name(*id), health_conflict(why, Lang::Ja)))
            .collect(),
    };
    Ok(page(&p, StatusCode::OK))
}
