//! The sweep that tells subscribers (「空きのお知らせ」): in the day only,
//! at most one notice a day per address, each thing told once; notices are
//! queued in groups and paced, so that a booking's mail never waits behind
//! them. Safe with several instances: the day's mark on each subscription
//! is set by the instance that queues its notice, and only one can.

use crate::domain::outreach::notices::{
    may_notify, news, notice_for, paced, EveningState, NewsKind, Subscriber,
};
use crate::domain::time::jst_today;
use crate::domain::{Lang, Profession};
use crate::mail::outreach::{NoticeLine, OutreachMail, SUBSCRIPTION_NOTICE};
use crate::state::AppState;
use crate::store::QueuedNotice;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;

/// The evenings to come as the notices see them: their booking window,
/// free slots and who waits for them.
pub async fn evening_states(
    state: &AppState,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<EveningState>> {
    let sessions = state.store.upcoming_sessions(now).await?;
    let waiting = state.store.waiting_counts().await?;
    Ok(sessions
        .iter()
        .map(|s| EveningState {
            session_id: s.id,
            starts_at: s.starts_at,
            opens_at: state.rules.opens_at(s.starts_at),
            closes_at: state.rules.closes_at(s.starts_at),
            free: Profession::ALL
                .iter()
                .map(|&p| (p, s.free_count(p)))
                .collect(),
            waiting: waiting
                .iter()
                .filter(|(session, _, _)| session.is_none_or(|id| id == s.id))
                .filter_map(|(_, p, n)| {
                    Some((Profession::parse(p).ok()?, usize::try_from(*n).ok()?))
                })
                .collect(),
        })
        .collect())
}

/// One pass: forgets subscriptions left unconfirmed, then queues today's
/// notices. How many notices were queued.
pub async fn sweep(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    state
        .store
        .forget_unconfirmed(now - Duration::days(super::CONFIRM_DAYS))
        .await?;
    let quiet = state.rules.quiet;
    if !may_notify(now, quiet.as_ref()) {
        return Ok(0);
    }
    let outreach = &state.settings.outreach;
    let evenings = evening_states(state, now).await?;
    let items = news(&evenings, now, outreach.free_slot_days);
    if items.is_empty() {
        return Ok(0);
    }
    let today = jst_today(now);
    let about: Vec<String> = items.iter().map(|n| n.about.clone()).collect();
    let mut notices = Vec::new();
    for (record, told) in state.store.subscribers_to_tell(today, &about).await? {
        let Some(confirmed_at) = record.confirmed_at else {
            continue;
        };
        let subscriber = Subscriber {
            id: record.id,
            kinds: record.kinds(),
            confirmed_at,
            last_notice_on: record.last_notice_on(),
            told: told.into_iter().collect::<HashSet<_>>(),
        };
        let to_tell = notice_for(&subscriber, &items, today);
        if to_tell.is_empty() {
            continue;
        }
        let lines = to_tell
            .iter()
            .filter_map(|n| {
                let e = evenings.iter().find(|e| e.session_id == n.session_id)?;
                Some(match n.kind {
                    NewsKind::Opened => NoticeLine {
                        session_id: n.session_id,
                        starts_at: n.starts_at,
                        profession: None,
                        free: e.free_total(),
                    },
                    NewsKind::FreeSlot(p) => NoticeLine {
                        session_id: n.session_id,
                        starts_at: n.starts_at,
                        profession: Some(p),
                        free: e.free_of(p),
                    },
                })
            })
            .collect();
        let mail = OutreachMail {
            lang: Lang::parse(&record.lang).unwrap_or(Lang::Ja),
            unsubscribe_token: Some(record.unsubscribe_token.clone()),
            lines,
            ..OutreachMail::default()
        }
        .queue(SUBSCRIPTION_NOTICE, &record.email, &state.settings);
        notices.push(QueuedNotice {
            subscription_id: record.id,
            about: to_tell.iter().map(|n| n.about.clone()).collect(),
            mail,
            send_at: paced(
                now,
                notices.len(),
                outreach.notices_per_minute,
                quiet.as_ref(),
            ),
        });
    }
    let queued = state.store.queue_notices(today, &notices, now).await?;
    if queued > 0 {
        state.mail_wakeup.notify_one();
    }
    Ok(queued)
}
