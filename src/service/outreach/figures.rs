//! Where requests came from (「何で知りましたか」 and the links' channels),
//! counted per kind of request, and the services that pass notices on;
//! each view and change audited.

use crate::domain::time::{jst_instant, to_jst};
use crate::state::AppState;
use crate::store::{SourceCount, StaffMember};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// One row of the figures: an answer or a channel, and its counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceRow {
    /// The answer's or the channel's code; empty: not answered, or no channel.
    pub code: String,
    pub bookings: i64,
    pub waitlist: i64,
    pub health: i64,
    /// Subscriptions confirmed (channels only).
    pub subscriptions: i64,
}

/// Where requests came from between two days (inclusive, JST).
#[derive(Debug, Clone, Default)]
pub struct OutreachFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Per answer to 「何で知りましたか」, in the configured order, then 未回答.
    pub heard_from: Vec<SourceRow>,
    /// Per channel code, then no channel.
    pub channels: Vec<SourceRow>,
    /// Confirmed subscriptions now.
    pub subscribed_now: i64,
}

fn tally(
    rows: &mut BTreeMap<String, SourceRow>,
    counts: &[SourceCount],
    key: fn(&SourceCount) -> &Option<String>,
    field: fn(&mut SourceRow) -> &mut i64,
) {
    for c in counts {
        let code = key(c).clone().unwrap_or_default();
        let row = rows.entry(code.clone()).or_insert_with(|| SourceRow {
            code,
            ..SourceRow::default()
        });
        *field(row) += c.count;
    }
}

/// The figures, audited as viewed by `who`.
pub async fn figures(
    state: &AppState,
    who: &StaffMember,
    from: NaiveDate,
    to: NaiveDate,
) -> anyhow::Result<OutreachFigures> {
    let start = jst_instant(from, NaiveTime::MIN);
    let end = jst_instant(to + chrono::Duration::days(1), NaiveTime::MIN);
    let sources = state.store.source_figures(start, end).await?;
    let (now, per_channel) = state
        .store
        .subscription_figures(
            &from.format("%Y-%m").to_string(),
            &to.format("%Y-%m").to_string(),
        )
        .await?;
    let mut heard = BTreeMap::new();
    let mut channels = BTreeMap::new();
    for (counts, field) in [
        (
            &sources.bookings,
            (|r: &mut SourceRow| &mut r.bookings) as fn(&mut SourceRow) -> &mut i64,
        ),
        (&sources.waitlist, |r: &mut SourceRow| &mut r.waitlist),
        (&sources.health, |r: &mut SourceRow| &mut r.health),
    ] {
        tally(&mut heard, counts, |c| &c.heard_from, field);
        tally(&mut channels, counts, |c| &c.channel, field);
    }
    for (channel, confirmed) in per_channel {
        let row = channels
            .entry(channel.clone())
            .or_insert_with(|| SourceRow {
                code: channel,
                ..SourceRow::default()
            });
        row.subscriptions += confirmed;
    }
    // The configured answers in their order (each shown, even at 0), then
    // any answer no longer configured, then 未回答.
    let mut heard_from: Vec<SourceRow> = state
        .settings
        .outreach
        .heard_from
        .iter()
        .map(|c| {
            heard.remove(&c.code).unwrap_or(SourceRow {
                code: c.code.clone(),
                ..SourceRow::default()
            })
        })
        .collect();
    let unanswered = heard.remove("");
    heard_from.extend(heard.into_values());
    heard_from.extend(unanswered);
    let none = channels.remove("");
    let mut channels: Vec<SourceRow> = channels.into_values().collect();
    channels.extend(none);
    state
        .audit(who, "view_outreach", &format!("{from}..{to}"), "")
        .await?;
    Ok(OutreachFigures {
        from,
        to,
        heard_from,
        channels,
        subscribed_now: now,
    })
}

/// The period shown when none is asked for: this fiscal year so far.
pub fn default_period(now: chrono::DateTime<chrono::Utc>) -> (NaiveDate, NaiveDate) {
    let today = to_jst(now).date_naive();
    (
        crate::domain::figures::FiscalYear::of(today).first_day(),
        today,
    )
}

/// Marks a service of the directory as passing notices on, or no longer,
/// audited. Whether that changed anything (an unknown service changes nothing).
pub async fn set_partner(
    state: &AppState,
    who: &StaffMember,
    service_id: &str,
    agreed: bool,
) -> anyhow::Result<bool> {
    let now = state.clock.now();
    let changed = state
        .store
        .set_outreach_partner(service_id, agreed, &who.name, now)
        .await?;
    if changed {
        state
            .audit(
                who,
                "outreach_partner",
                service_id,
                if agreed { "added" } else { "removed" },
            )
            .await?;
    }
    Ok(changed)
}
