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
    c: StaffFrame,
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
    let c = StaffFrame::new(caller);
    let (t, lang) = (c.t, c.lang);
    let rows = state
        .store
        .health_blocks(first, last)
        .await?
        .iter()
        .map(|b| BlockRow {
            when: between(
                format_datetime(b.starts_at, lang),
                format_time(b.ends_at),
                lang,
            ),
            doctor: b.doctor_name.clone(),
            place: if b.place == "visit" {
                t.staff_health_visit
            } else {
                t.staff_health_centre
            },
            used: t.staff_health_block_used(b.capacity, b.used_minutes, b.used_interviews),
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
        c,
        month_label: format_month(first.year(), first.month(), lang),
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
    let lang = StaffFrame::new(&caller).lang;
    let refused = match service::add_block(&state, &caller.member, &input).await {
        Ok((_, day)) => {
            let month = day.format("%Y-%m");
            return Ok(Redirect::to(&format!("/staff/health/blocks?month={month}")).into_response());
        }
        Err(HealthError::Invalid(errors)) => BlockForm {
            errors: errors
                .iter()
                .map(|(k, e)| (*k, field_message(k, e, lang)))
                .collect(),
            input,
            problem: None,
        },
        Err(HealthError::Conflict(why)) => BlockForm {
            input,
            errors: Vec::new(),
            problem: Some(health_conflict(why, lang)),
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
fn block_words(b: &crate::store::BlockRecord, lang: Lang) -> String {
    crate::i18n::texts(lang).staff_health_block_choice(
        &b.doctor_name,
        format_datetime(b.free_from(), lang),
        (b.capacity - b.used_interviews).max(0),
        format_time(b.ends_at),
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
    c: StaffFrame,
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
    let c = StaffFrame::new(&caller);
    let (t, lang) = (c.t, c.lang);
    let mut p = SchedulePage {
        c,
        from: from.clone(),
        to: to.clone(),
        proposed: false,
        rows: Vec::new(),
        unassigned: Vec::new(),
        confirmed: Vec::new(),
        refused: Vec::new(),
    };
    if q.contains_key("from") {
        let (first, last) = service::period(&from, &to)?;
        let view = service::propose(&state, first, last).await?;
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
                        .map(|d| format_date(d, lang))
                        .unwrap_or_else(|| t.staff_health_no_due.into()),
                    when: t.date_time(
                        format_date(a.date, lang),
                        between(
                            a.start.format("%H:%M").to_string(),
                            a.end.format("%H:%M").to_string(),
                            lang,
                        ),
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
                        .map(|b| (b.id, block_words(b, lang), b.id == a.block_id))
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
                        .map(|d| format_date(d, lang))
                        .unwrap_or_else(|| t.staff_health_no_due.into()),
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
    let c = StaffFrame::new(&caller);
    let (t, lang) = (c.t, c.lang);
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
            .unwrap_or_else(|| t.staff_health_request_n(id))
    };
    let p = SchedulePage {
        c,
        from: field(&pairs, "from"),
        to: field(&pairs, "to"),
        proposed: false,
        rows: Vec::new(),
        unassigned: Vec::new(),
        confirmed: confirmed
            .iter()
            .map(|c| {
                t.staff_labelled(
                    name(c.request_id),
                    between(
                        format_datetime(c.starts_at, lang),
                        format_time(c.ends_at),
                        lang,
                    ),
                )
            })
            .collect(),
        refused: refused
            .iter()
            .map(|(id, why)| t.staff_labelled(name(*id), health_conflict(why, lang)))
            .collect(),
    };
    Ok(page(&p, StatusCode::OK))
}
