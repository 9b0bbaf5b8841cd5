//! The printable leaflet (`/directory/leaflet`, A4 from the browser's
//! print; `?need=` for one trouble): the services laid out by 困りごと, as
//! the city's paper leaflets are, with the crisis lines first and a QR code
//! to the site, for stations, shops and 町内会 回覧.

use super::directory::{card, Card};
use super::{page, Chrome};
use crate::domain::directory::{search, Need, Query};
use crate::i18n::directory::need_label;
use crate::service::directory::Listed;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::error::AppError;
use askama::Template;
use axum::extract::{Query as UrlQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

pub(super) struct NeedSection {
    code: &'static str,
    label: &'static str,
    services: Vec<Card>,
}

#[derive(Template)]
#[template(path = "leaflet.html")]
struct LeafletPage {
    c: Chrome,
    crisis: Vec<Card>,
    sections: Vec<NeedSection>,
    /// Every trouble, for choosing one: (code, label, chosen); no readings
    /// of kanji, which an `<option>` cannot hold.
    needs: Vec<(&'static str, String, bool)>,
    site: String,
    qr_svg: String,
}

/// The site's address as an inline SVG QR code (no XML declaration: it
/// sits inside the page).
pub(super) fn qr_svg(text: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(text.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build();
    match svg.find("<svg") {
        Some(at) => {
            svg[at..].replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1)
        }
        None => svg,
    }
}

/// `GET /directory/leaflet`.
pub async fn leaflet(
    State(state): State<AppState>,
    UrlQuery(query): UrlQuery<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let ctx = RequestContext::current();
    let lang = ctx.lang;
    // An unknown trouble is no choice: the whole leaflet.
    let one = query.get("need").and_then(|n| Need::parse(n).ok());
    let now = state.clock.now();
    let directory = state.store.directory_now().await?;
    let as_card = |e: &crate::domain::directory::ServiceEntry| {
        card(
            &Listed {
                entry: e.clone(),
                open_now: None,
            },
            lang,
        )
    };
    let crisis: Vec<Card> = directory.crisis_lines().map(as_card).collect();
    let sections = Need::ALL
        .iter()
        .filter(|n| one.is_none_or(|o| o == **n))
        .map(|&need| NeedSection {
            code: need.code(),
            label: need_label(need, lang),
            services: search(
                &directory.entries,
                &Query {
                    needs: vec![need],
                    ..Query::default()
                },
                now,
            )
            .iter()
            .filter(|h| !h.entry.crisis && h.entry.needs.contains(&need))
            .map(|h| as_card(h.entry))
            .collect(),
        })
        .filter(|s| !s.services.is_empty())
        .collect();
    let site = format!(
        "{}/directory",
        state.settings.server.public_url.trim_end_matches('/')
    );
    let template = LeafletPage {
        c: Chrome::new(Some(&state), &ctx),
        qr_svg: qr_svg(&site),
        site,
        crisis,
        sections,
        needs: Need::ALL
            .iter()
            .map(|n| {
                let label = crate::i18n::ruby::base(need_label(*n, lang)).into_owned();
                (n.code(), label, one == Some(*n))
            })
            .collect(),
    };
    Ok(page(&template, StatusCode::OK))
}
