//! The directory's monthly review (相談先の内容確認): the coordinators are
//! mailed the entries not confirmed with their organisation lately, once a
//! month however many instances run (the month's row decides, in the same
//! transaction as the mails), never in the quiet hours.

use crate::domain::directory::review::{review_due, stale_since, to_review};
use crate::domain::Lang;
use crate::mail::staff::{ReviewLine, StaffMail, STAFF_DIRECTORY_REVIEW};
use crate::state::AppState;
use crate::store::Once;

/// Queues this month's review if it is due and nobody has yet: the
/// number of entries it lists, or `None` when nothing was queued. Without
/// anyone to receive it, the month waits until there is someone.
pub async fn sweep(state: &AppState) -> anyhow::Result<Option<usize>> {
    let now = state.clock.now();
    let quiet = state.settings.rules()?.quiet;
    let Some(month) = review_due(now, quiet.as_ref()) else {
        return Ok(None);
    };
    let recipients = state.store.office_recipients().await?;
    if recipients.is_empty() {
        return Ok(None);
    }
    let directory = state.store.directory_now().await?;
    let since = stale_since(now, state.settings.directory.unconfirmed_after_days);
    let entries = to_review(&directory.entries, since);
    let mail = StaffMail {
        lang: Lang::Ja,
        year: month.year,
        month: month.month,
        since: Some(since),
        entries: entries.iter().map(|e| ReviewLine::of(e)).collect(),
        overdue: Vec::new(),
    };
    // A month with nothing to confirm is recorded, and mails no one.
    let mails: Vec<_> = if entries.is_empty() {
        Vec::new()
    } else {
        recipients
            .iter()
            .map(|to| mail.queue(STAFF_DIRECTORY_REVIEW, to, &state.settings))
            .collect()
    };
    let queued = state
        .store
        .queue_once(
            Once::DirectoryReview,
            &month.key(),
            entries.len(),
            &mails,
            now,
        )
        .await?;
    if !queued {
        return Ok(None);
    }
    if !mails.is_empty() {
        state.mail_wakeup.notify_one();
    }
    Ok(Some(entries.len()))
}
