//! A request's status page (`/health/manage/{token}`) and its forms:
//! accept the proposed date, ask for another (saying which weekdays and
//! times would suit), change the contact details, withdraw.

use super::*;

#[derive(Template)]
#[template(path = "health/status.html")]
struct StatusPage {
    en: bool,
    c: Chrome,
    centre: Centre,
    token: String,
    notice: Option<String>,
    created: bool,
    email: String,
    from_address: String,
    number: String,
    business_name: String,
    status_text: String,
    position: Option<usize>,
    estimated_month: Option<String>,
    /// The legal due date in words, if the request has one.
    due: Option<String>,
    /// What the business is told when the estimate is later than the due date.
    late: Option<String>,
    services: Vec<String>,
    /// (when, where, doctor)
    interview: Option<(String, String, String)>,
    proposed: bool,
    open: bool,
    errors: Vec<(String, String)>,
    contact: Vec<HField>,
    /// Asking for another date: which weekdays and times would suit
    /// (the request's own preferences to start with), and what was wrong.
    weekdays: Vec<(&'static str, String, bool)>,
    times: Vec<(&'static str, String, bool)>,
    note: String,
    note_error: Option<String>,
    decline_errors: Vec<(String, String)>,
    /// Closed by the centre after a no-show: the reason.
    closed_reason: Option<String>,
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
    let en = lang == Lang::En;
    let pick = |ja: &str, english: &str| if en { english } else { ja }.to_string();
    let r = &view.request;
    let status_text = match r.status.as_str() {
        "waiting" => pick("日程の調整をお待ちいただいています", "Waiting for a date"),
        "proposed" => pick(
            "日程をご提案しています。お返事をお願いします",
            "A date is proposed: please answer",
        ),
        "scheduled" => pick("日程が確定しています", "Your date is confirmed"),
        _ if r.closed_reason.is_some() => {
            pick("センターがお申込みを終了しました", "Closed by the centre")
        }
        _ => pick("取り下げられました", "Withdrawn"),
    };
    let notice = match query.get("done").map(String::as_str) {
        Some("accepted") => Some(pick(
            "日程を了承いただきました。確定のメールをお送りします。",
            "Thank you: the date is confirmed, and we are sending a mail.",
        )),
        Some("declined") => Some(pick(
            "ご提案の日程を取り消しました。順番はそのままで、別の日程をご提案します。",
            "The proposed date is released; you keep your place and we will propose another.",
        )),
        Some("contact") => Some(pick(
            "連絡先を変更しました。",
            "Your contact details are updated.",
        )),
        Some("withdrawn") => Some(pick(
            "お申込みを取り下げました。",
            "Your request is withdrawn.",
        )),
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
        en,
        c: Chrome::new(Some(state), &ctx),
        centre: centre(state, en),
        token: token.to_string(),
        notice,
        created: query.contains_key("created"),
        email: r.email.clone(),
        from_address: state.settings.mail.from_address.clone(),
        number: r.number(),
        business_name: r.business_name.clone(),
        status_text,
        position: view.position,
        estimated_month: view.estimated_month.as_deref().map(|m| {
            if en {
                format!("around {}", month_words(m, lang))
            } else {
                format!("{}ごろ", month_words(m, lang))
            }
        }),
        due: r
            .due_on
            .filter(|_| r.status != "withdrawn")
            .map(|d| format_date(d, lang)),
        late: view.late.then(|| late_notice(lang)),
        services: view
            .services
            .iter()
            .map(|s| {
                let n = s.workers;
                if en {
                    let workers = if n == 1 { "worker" } else { "workers" };
                    format!("{} ({n} {workers})", kind_label(s.kind(), en))
                } else {
                    format!("{}（{n}人）", kind_label(s.kind(), en))
                }
            })
            .collect(),
        interview: view.interview.as_ref().map(|i| {
            (
                format!(
                    "{}{}{}",
                    format_datetime(i.starts_at, lang),
                    if en { "–" } else { "〜" },
                    format_time(i.ends_at)
                ),
                if i.visit {
                    pick(
                        "医師が事業場を訪問します",
                        "The doctor visits your workplace",
                    )
                } else {
                    pick(&h.centre_address, &h.centre_address_en)
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
            en,
        ),
        times: time_choices(&r.time_of_day, en),
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
            p.weekdays = weekday_choices(&preferred.weekdays, p.en);
            p.times = time_choices(&preferred.time, p.en);
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
        p.notice = Some(if p.en {
            "To withdraw, tick the box first.".into()
        } else {
            "取り下げる場合は、確認の欄にチェックを入れてください。".into()
        });
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
