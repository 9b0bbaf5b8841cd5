//! A request's status page (`/health/manage/{token}`) and its forms:
//! accept the proposed date, ask for another (saying which weekdays and
//! times would suit), change the contact details, withdraw.

use super::*;

#[derive(Template)]
#[template(path = "health/status.html")]
struct StatusPage {
    c: Chrome,
    centre: Centre,
    token: String,
    notice: Option<&'static str>,
    created: bool,
    email: String,
    from_address: String,
    number: String,
    business_name: String,
    status_text: &'static str,
    position: Option<usize>,
    estimated_month: Option<String>,
    /// The legal due date in words, if the request has one.
    due: Option<String>,
    /// Whether the estimate is later than the due date (the business is told).
    late: bool,
    services: Vec<String>,
    /// (when, where, doctor)
    interview: Option<(String, String, String)>,
    proposed: bool,
    open: bool,
    errors: Vec<(String, String)>,
    contact: Vec<HField>,
    /// Asking for another date: which weekdays and times would suit
    /// (the request's own preferences to start with), and what was wrong.
    weekdays: Vec<(&'static str, &'static str, bool)>,
    times: Vec<(&'static str, &'static str, bool)>,
    note: String,
    note_error: Option<String>,
    decline_errors: Vec<(String, String)>,
    /// Closed by the centre after a no-show: the reason.
    closed_reason: Option<String>,
}

/// 「2027年3月」 for an estimate's month as the service gives it (`2027-03`).
fn month_in_words(month: &str, lang: Lang) -> String {
    month
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)))
        .map(|(y, m)| format_month(y, m, lang))
        .unwrap_or_else(|| month.to_string())
}

fn status_page(
    state: &AppState,
    token: &str,
    view: &RequestView,
    query: &HashMap<String, String>,
    form: Option<(&HashMap<String, String>, &FieldErrors)>,
) -> StatusPage {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let t = texts(lang);
    let r = &view.request;
    let status_text = match r.status.as_str() {
        "waiting" => t.health_status_waiting,
        "proposed" => t.health_status_proposed,
        "scheduled" => t.health_status_scheduled,
        _ if r.closed_reason.is_some() => t.health_status_closed,
        _ => t.health_status_withdrawn,
    };
    let notice = match query.get("done").map(String::as_str) {
        Some("accepted") => Some(t.health_done_accepted),
        Some("declined") => Some(t.health_done_declined),
        Some("contact") => Some(t.health_done_contact),
        Some("withdrawn") => Some(t.health_done_withdrawn),
        _ => None,
    };
    let h = &state.settings.health;
    let (values, errors) = match form {
        Some((values, errors)) => (values.clone(), errors.clone()),
        None => (
            HashMap::from([
                ("contact_name".to_string(), r.contact_name.clone()),
                ("phone".to_string(), r.phone.clone()),
                ("email".to_string(), r.email.clone()),
            ]),
            FieldErrors::new(),
        ),
    };
    StatusPage {
        c: Chrome::new(Some(state), &ctx),
        centre: centre(&state.settings, lang),
        token: token.to_string(),
        notice,
        created: query.contains_key("created"),
        email: r.email.clone(),
        from_address: state.settings.mail.from_address.clone(),
        number: r.number(),
        business_name: r.business_name.clone(),
        status_text,
        position: view.position,
        estimated_month: view
            .estimated_month
            .as_deref()
            .map(|m| t.health_expected_month(month_in_words(m, lang))),
        due: r
            .due_on
            .filter(|_| r.status != "withdrawn")
            .map(|d| format_date(d, lang)),
        late: view.late,
        services: view
            .services
            .iter()
            .map(|s| t.health_service_line(service_kind_label(s.kind(), lang), s.workers))
            .collect(),
        interview: view.interview.as_ref().map(|i| {
            (
                between(
                    format_datetime(i.starts_at, lang),
                    format_time(i.ends_at),
                    lang,
                ),
                if i.visit {
                    t.health_visit.to_string()
                } else {
                    configured(lang, &h.centre_address, &h.centre_address_en).to_string()
                },
                i.doctor_name.clone(),
            )
        }),
        proposed: view
            .interview
            .as_ref()
            .is_some_and(|i| i.status == "proposed"),
        open: r.status != "withdrawn",
        errors: errors
            .iter()
            .map(|(k, e)| (k.to_string(), summary_line(k, e, lang)))
            .collect(),
        contact: text_fields(&["contact_name", "phone", "email"], &values, &errors, lang),
        weekdays: weekday_choices(
            &weekdays_from_codes(&r.weekdays)
                .into_iter()
                .map(|d| crate::domain::health::preferences::weekday_code(d).to_string())
                .collect::<Vec<_>>(),
            lang,
        ),
        times: time_choices(&r.time_of_day, lang),
        note: r.preferred_note.clone(),
        note_error: None,
        decline_errors: Vec::new(),
        closed_reason: r.closed_reason.clone(),
    }
}

/// `GET /health/manage/{token}`.
pub async fn status(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let view = service::status(&state, &token).await?;
    Ok(page(
        &status_page(&state, &token, &view, &query, None),
        StatusCode::OK,
    ))
}

fn back(token: &str, done: &str) -> Response {
    Redirect::to(&format!("/health/manage/{token}?done={done}")).into_response()
}

/// `POST /health/manage/{token}/accept`.
pub async fn accept(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    service::answer(&state, &token, true, None).await?;
    Ok(back(&token, "accepted"))
}

/// `POST /health/manage/{token}/decline` (`weekday` repeated, `time`,
/// `note`: what would suit instead; they replace the request's
/// preferences). A bad field shows the page again with its message.
pub async fn decline(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let (asked, preferred) = preferences_in(&pairs);
    match service::answer(&state, &token, false, asked.then_some(&preferred)).await {
        Ok(()) => Ok(back(&token, "declined")),
        Err(HealthError::Invalid(errors)) => {
            let view = service::status(&state, &token).await?;
            let mut p = status_page(&state, &token, &view, &HashMap::new(), None);
            let lang = RequestContext::current().lang;
            p.weekdays = weekday_choices(&preferred.weekdays, lang);
            p.times = time_choices(&preferred.time, lang);
            p.note = preferred.note.clone();
            p.note_error = errors
                .get("preferred.note")
                .map(|e| field_message("preferred.note", e, lang));
            p.decline_errors = errors
                .iter()
                .map(|(k, e)| (k.to_string(), summary_line(k, e, lang)))
                .collect();
            Ok(page(&p, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(other) => Err(other.into()),
    }
}

/// The weekdays, time of day and note of an "another date" form, and
/// whether the form asked for them (it sends `time` when it did).
pub(crate) fn preferences_in(pairs: &[(String, String)]) -> (bool, PreferencesInput) {
    let preferred = PreferencesInput {
        weekdays: pairs
            .iter()
            .filter(|(k, _)| k == "weekday")
            .map(|(_, v)| v.clone())
            .collect(),
        time: crate::web::pages::staff::field(pairs, "time"),
        note: crate::web::pages::staff::field(pairs, "note"),
    };
    (pairs.iter().any(|(k, _)| k == "time"), preferred)
}

/// `POST /health/manage/{token}/withdraw` (the confirmation box must be ticked).
pub async fn withdraw(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    if !pairs.iter().any(|(k, v)| k == "confirm" && !v.is_empty()) {
        let view = service::status(&state, &token).await?;
        let mut p = status_page(&state, &token, &view, &HashMap::new(), None);
        p.notice = Some(p.c.t.health_withdraw_tick);
        return Ok(page(&p, StatusCode::UNPROCESSABLE_ENTITY));
    }
    service::withdraw(&state, &token).await?;
    Ok(back(&token, "withdrawn"))
}

/// `POST /health/manage/{token}/contact`.
pub async fn contact(
    State(state): State<AppState>,
    Path(token): Path<String>,
    FormBody(pairs): FormBody,
) -> Result<Response, AppError> {
    let values: HashMap<String, String> = pairs.into_iter().collect();
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    match service::update_contact(&state, &token, &v("contact_name"), &v("phone"), &v("email"))
        .await
    {
        Ok(()) => Ok(back(&token, "contact")),
        Err(HealthError::Invalid(errors)) => {
            let view = service::status(&state, &token).await?;
            Ok(page(
                &status_page(
                    &state,
                    &token,
                    &view,
                    &HashMap::new(),
                    Some((&values, &errors)),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(other) => Err(other.into()),
    }
}
