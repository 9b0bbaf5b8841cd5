//! Server-rendered pages for people booking a slot: they work without
//! JavaScript, on a phone, with a screen reader.

mod booking;
pub mod directory;
mod error_pages;
pub mod health;
mod leaflet;
mod manage;
mod manage_referrals;
mod outreach;
mod person_form;
mod referral;
pub mod staff;
pub mod staff_health;
mod waitlist;

pub use booking::{book_form, book_submit, index};
pub use error_pages::{error_pages, fresh_directory};
pub use leaflet::leaflet;
pub use manage::{manage, manage_cancel, manage_move};
pub use manage_referrals::withdraw_referral;
pub use outreach::{
    calendar, confirm as confirm_subscription, embed, poster, subscribe, subscribe_form,
    unsubscribe, unsubscribe_form,
};
pub use referral::{referral, referral_record};
pub use waitlist::{offer, offer_accept, offer_decline, waitlist_form, waitlist_submit};

use super::context::RequestContext;
use super::error::AppError;
use crate::domain::Lang;
use crate::i18n::{configured, texts, Texts};
use crate::state::AppState;
use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// What every page frame shows: language, switch link, office, contacts.
pub struct Chrome {
    pub t: &'static Texts,
    /// The language chooser: every offered language, named in itself.
    pub languages: Vec<LanguageLink>,
    pub request_id: String,
    pub office_name: String,
    pub office_phone: String,
    pub office_hours: String,
    pub contacts: Vec<crate::mail::message::ContactLine>,
}

impl Chrome {
    pub fn new(state: Option<&AppState>, ctx: &RequestContext) -> Chrome {
        let t = texts(ctx.lang);
        let settings = state
            .map(|s| s.settings.clone())
            .unwrap_or_else(|| ctx.settings.clone());
        let pick = |ja: &str, en: &str| configured(ctx.lang, ja, en).to_string();
        Chrome {
            t,
            languages: language_links(&settings, ctx),
            request_id: ctx.request_id.clone(),
            office_name: pick(&settings.office.name, &settings.office.name_en),
            office_phone: settings.office.phone.clone(),
            office_hours: pick(&settings.office.hours, &settings.office.hours_en),
            contacts: crisis_lines(state, &settings, ctx.lang),
        }
    }
}

/// Where to turn when one cannot wait: the directory's crisis lines as
/// this instance holds them (see [`crate::mail::message::crisis_lines`]).
fn crisis_lines(
    state: Option<&AppState>,
    settings: &crate::config::Settings,
    lang: Lang,
) -> Vec<crate::mail::message::ContactLine> {
    let held = state.and_then(|s| s.store.directory_held());
    crate::mail::message::crisis_lines(held.as_deref(), settings, lang)
}

/// The current address with `lang` set to the other language.
/// One entry of the language chooser.
pub struct LanguageLink {
    pub href: String,
    pub name: &'static str,
    /// `lang`/`hreflang` of the entry (やさしい日本語 is `ja`).
    pub tag: &'static str,
    /// The language of this page (shown, not linked).
    pub current: bool,
}

/// Every offered language, linking to this page in it.
pub(super) fn language_links(
    settings: &crate::config::Settings,
    ctx: &RequestContext,
) -> Vec<LanguageLink> {
    settings
        .offered_languages()
        .into_iter()
        .map(|lang| LanguageLink {
            href: switch_url(&ctx.path, lang.code()),
            name: texts(lang).language_name,
            tag: texts(lang).language_tag,
            current: lang == ctx.lang,
        })
        .collect()
}

pub(super) fn switch_url(path_and_query: &str, lang: &str) -> String {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    // Only a path of this site: never `//host` or `/\host`, which a browser
    // takes for another site.
    let path = if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') {
        path
    } else {
        "/"
    };
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()).filter(|(k, _)| k != "lang") {
        out.append_pair(&k, &v);
    }
    out.append_pair("lang", lang);
    format!("{path}?{}", out.finish())
}

/// `18:30〜19:20` in Japanese, `18:30–19:20` in English.
pub(super) fn between(from: String, to: String, lang: Lang) -> String {
    format!("{from}{}{to}", texts(lang).to)
}

/// A rendered page; readings of kanji in the words (やさしい日本語) become `<ruby>`.
pub(super) fn page(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(body) => (status, Html(crate::i18n::ruby::html(&body).into_owned())).into_response(),
        Err(e) => AppError::Internal(e.into()).into_response(),
    }
}

pub(super) fn venue_text(state: &AppState, lang: Lang, stored: &str) -> String {
    // The venue is configured in Japanese and English; other languages
    // show the Japanese name (it is the name on the building).
    configured(lang, stored, &state.settings.evening.venue_en).to_string()
}

/// A form field's value (the first of its name), or empty.
pub(super) fn form_field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

pub(super) struct TextField {
    pub(super) name: &'static str,
    pub(super) label: &'static str,
    pub(super) hint: &'static str,
    pub(super) kind: &'static str,
    pub(super) autocomplete: &'static str,
    pub(super) inputmode: &'static str,
    pub(super) maxlength: usize,
    pub(super) value: String,
    pub(super) error: Option<String>,
    /// May be left empty (フリガナ on English pages).
    pub(super) optional: bool,
}

pub(super) struct ChoiceOption {
    pub(super) code: String,
    pub(super) label: String,
    pub(super) checked: bool,
}

pub(super) struct ChoiceField {
    pub(super) name: &'static str,
    pub(super) label: &'static str,
    pub(super) hint: &'static str,
    pub(super) options: Vec<ChoiceOption>,
    pub(super) error: Option<String>,
}

pub(super) struct ErrorLine {
    pub(super) field: &'static str,
    pub(super) label: &'static str,
    pub(super) message: String,
}

pub(super) fn field_label(t: &Texts, field: &str) -> &'static str {
    match field {
        "name" => t.name,
        "name_kana" => t.name_kana,
        "phone" => t.phone,
        "email" => t.email,
        "age_band" => t.age_band,
        "topic" => t.topic,
        "note" => t.note,
        "consent" => t.privacy_heading,
        "heard_from" => t.heard_from_question,
        _ => t.form_heading,
    }
}

/// `/static/style.css`
pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/style.css"),
    )
}

/// `/static/embed.css`, the embed's own small stylesheet.
pub async fn embed_stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/embed.css"),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn switch_url_replaces_only_the_language() {
        assert_eq!(super::switch_url("/", "en"), "/?lang=en");
        assert_eq!(
            super::switch_url("/manage/abc?booked=1&lang=ja", "en"),
            "/manage/abc?booked=1&lang=en"
        );
        assert_eq!(super::switch_url("//evil.example", "en"), "/?lang=en");
        assert_eq!(
            super::switch_url("/\\evil.example?a=1", "ja"),
            "/?a=1&lang=ja"
        );
    }
}
