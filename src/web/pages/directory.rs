//! 相談先をさがす (`/directory`): the directory searched by 困りごと, 立場,
//! 相談の方法 and hours, as a plain form (GET, no JavaScript), the crisis
//! lines first on every result page.

use super::{page, Chrome, ErrorLine};
use crate::domain::directory::{Audience, Method, Need, Paging, Query, ServiceEntry};
use crate::domain::Lang;
use crate::i18n::directory::{audience_label, method_label, need_label};
use crate::i18n::{configured, field_message, texts};
use crate::service::directory::{self as service, Listed};
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

pub(super) struct Choice {
    pub(super) code: &'static str,
    pub(super) label: &'static str,
    pub(super) checked: bool,
}

pub(super) struct PhoneLine {
    pub(super) number: String,
    pub(super) href: String,
    pub(super) description: String,
}

/// One service as the page shows it.
pub(super) struct Card {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) organization: String,
    pub(super) description: String,
    pub(super) eligibility: String,
    pub(super) hours: String,
    pub(super) open_now: Option<bool>,
    pub(super) phones: Vec<PhoneLine>,
    pub(super) address: String,
    pub(super) url: String,
    pub(super) fees: String,
    pub(super) free: bool,
    pub(super) book_href: Option<(&'static str, &'static str)>,
}

/// What the organisation gave only in Japanese, on an English page: left out
/// (staff give names and descriptions in English; the rest is Japanese data).
fn japanese_only(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        String::new()
    } else {
        text.to_string()
    }
}

pub(super) fn card(listed: &Listed, lang: Lang) -> Card {
    let e: &ServiceEntry = &listed.entry;
    let t = texts(lang);
    Card {
        id: e.id.clone(),
        name: configured(lang, &e.name, &e.name_en).to_string(),
        organization: japanese_only(lang, &e.organization.name),
        description: configured(lang, &e.description, &e.description_en).to_string(),
        eligibility: japanese_only(lang, &e.eligibility),
        hours: if e.hours_note_en.is_empty() {
            japanese_only(lang, &e.hours_note)
        } else {
            configured(lang, &e.hours_note, &e.hours_note_en).to_string()
        },
        open_now: listed.open_now,
        phones: e
            .phones
            .iter()
            .map(|p| PhoneLine {
                number: p.number.clone(),
                href: p.tel_href(),
                description: japanese_only(lang, &p.description),
            })
            .collect(),
        address: japanese_only(lang, &e.address),
        url: e.url.clone(),
        fees: japanese_only(lang, &e.fees),
        free: e.free,
        book_href: e.bookable_here.map(|b| match b {
            crate::domain::directory::BookableHere::Evening => ("/", t.directory_book_evening),
            crate::domain::directory::BookableHere::Health => ("/health", t.directory_book_health),
        }),
    }
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    c: Chrome,
    errors: Vec<ErrorLine>,
    needs: Vec<Choice>,
    audiences: Vec<Choice>,
    methods: Vec<Choice>,
    open_now: bool,
    outside_hours: bool,
    searched: bool,
    crisis: Vec<Card>,
    results: Vec<Card>,
    count: String,
    status_invalid: bool,
    query_audience_any: bool,
    query_method_any: bool,
    /// This page of the results, of `pages`, [`PER_PAGE`] to a page.
    page_no: usize,
    pages: usize,
    per_page: usize,
    prev: Option<String>,
    next: Option<String>,
}

/// Services on one page of results.
const PER_PAGE: usize = 20;

/// This search's address on page `n`.
fn page_href(pairs: &[(String, String)], n: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(k, _)| k != "page" && k != "per_page") {
        query.append_pair(k, v);
    }
    query.append_pair("page", &n.to_string());
    format!("/directory?{}", query.finish())
}

fn choices<T: Copy + PartialEq>(
    all: &[T],
    chosen: impl Fn(T) -> bool,
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            code: code(*v),
            label: label(*v),
            checked: chosen(*v),
        })
        .collect()
}

/// `GET /directory`: the form, and the services that fit what was chosen.
pub async fn directory(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    let t = texts(lang);
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let searched = pairs.iter().any(|(k, _)| k != "lang");
    let (query, asked_page, errors) = match Query::parse(&pairs) {
        Ok((q, paging)) => (q, paging.page, Vec::new()),
        Err(fields) => (
            Query::default(),
            1,
            fields
                .iter()
                .map(|(field, e)| ErrorLine {
                    field,
                    label: legend(field, t),
                    message: field_message(field, e, lang),
                })
                .collect(),
        ),
    };
    let now = state.clock.now();
    let everything = Paging {
        page: 1,
        per_page: usize::MAX,
    };
    let found = service::find(&state.store, &query, everything, now).await?;
    let directory = state.store.directory_now().await?;
    let crisis: Vec<Card> = directory
        .crisis_lines()
        .map(|e| {
            card(
                &Listed {
                    entry: e.clone(),
                    open_now: e.open_at(now),
                },
                lang,
            )
        })
        .collect();
    // The crisis lines lead every page; the rest is paged.
    let rest: Vec<&Listed> = found.items.iter().filter(|l| !l.entry.crisis).collect();
    let pages = rest.len().div_ceil(PER_PAGE).max(1);
    let page_no = asked_page.clamp(1, pages);
    let results: Vec<Card> = rest
        .iter()
        .skip((page_no - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|l| card(l, lang))
        .collect();
    let template = DirectoryPage {
        c: Chrome::new(Some(&state), &ctx),
        count: t.directory_results_count(rest.len() as i64),
        page_no,
        pages,
        per_page: PER_PAGE,
        prev: (page_no > 1).then(|| page_href(&pairs, page_no - 1)),
        next: (page_no < pages).then(|| page_href(&pairs, page_no + 1)),
        needs: choices(
            Need::ALL,
            |n| query.needs.contains(&n),
            Need::code,
            |n| need_label(n, lang),
        ),
        audiences: choices(
            Audience::ALL,
            |a| query.audience == Some(a),
            Audience::code,
            |a| audience_label(a, lang),
        ),
        methods: choices(
            Method::ALL,
            |m| query.method == Some(m),
            Method::code,
            |m| method_label(m, lang),
        ),
        query_audience_any: query.audience.is_none(),
        query_method_any: query.method.is_none(),
        open_now: query.open_now,
        outside_hours: query.outside_office_hours,
        searched: searched && errors.is_empty(),
        status_invalid: !errors.is_empty(),
        errors,
        crisis,
        results,
    };
    let status = if template.status_invalid {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(page(&template, status))
}

fn legend(field: &str, t: &crate::i18n::Texts) -> &'static str {
    match field {
        "need" => t.directory_needs_legend,
        "audience" => t.directory_audience_legend,
        "method" => t.directory_method_legend,
        _ => t.directory_when_legend,
    }
}

/// Other services for the trouble of an evening booking (not the evening itself).
pub(super) async fn topic_doors(
    state: &AppState,
    topic: crate::domain::Topic,
    lang: Lang,
) -> Result<Vec<Card>, AppError> {
    let now = state.clock.now();
    let directory = state.store.directory_now().await?;
    Ok(
        crate::domain::directory::follow_ups(&directory.entries, topic, now)
            .iter()
            .map(|h| card(&listed(h), lang))
            .collect(),
    )
}

/// Services for a workplace's health other than the centre it asked.
pub(super) async fn business_doors(state: &AppState, lang: Lang) -> Result<Vec<Card>, AppError> {
    let now = state.clock.now();
    let directory = state.store.directory_now().await?;
    Ok(
        crate::domain::directory::follow_ups_for_business(&directory.entries, now)
            .iter()
            .map(|h| card(&listed(h), lang))
            .collect(),
    )
}

fn listed(hit: &crate::domain::directory::Hit) -> Listed {
    Listed {
        entry: hit.entry.clone(),
        open_now: hit.open_now,
    }
}
