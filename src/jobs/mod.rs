//! Scheduled work on tokio-cron-scheduler: the outbox sweep (plus
//! immediate dispatch on wake-up), the reminder sweep, the offer sweep, the
//! directory's monthly review (the mail to coordinators) and the weekly list
//! of overdue referrals, each run counted in the figures (`tsunagu_job_runs_total{job}`, and
//! `tsunagu_job_failures_total{job}` for those that failed). Every job is idempotent and
//! safe to run in several instances at once: work is claimed in the
//! database, never held in memory.

use crate::mail::Dispatcher;
use crate::metrics::{
    Metrics, JOB_DIRECTORY_REVIEW, JOB_LOW_FILL, JOB_MAIL, JOB_NOTICES, JOB_OFFERS,
    JOB_REFERRAL_WEEK, JOB_REMINDERS,
};
use crate::state::AppState;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Mutex, Notify};
use tokio_cron_scheduler::{Job, JobScheduler};

/// How long a wake-up waits for more mail before claiming.
const GATHER: Duration = Duration::from_millis(25);

/// The running scheduler and the task that answers mail wake-ups.
pub struct Jobs {
    scheduler: JobScheduler,
    wakeup_task: tokio::task::JoinHandle<()>,
    stopping: watch::Sender<bool>,
    /// Held while a dispatch runs: one at a time in this process; other
    /// instances are kept apart by the leases in the outbox.
    running: Arc<Mutex<()>>,
}

impl Jobs {
    /// Starts the outbox sweep (every `sweep`) and the immediate dispatch
    /// that follows each `wakeup`.
    pub async fn start(
        dispatcher: Dispatcher,
        wakeup: Arc<Notify>,
        sweep: Duration,
        state: AppState,
        offer_sweep: Duration,
        reminder_sweep: Duration,
        review_sweep: Duration,
    ) -> anyhow::Result<Jobs> {
        let dispatcher = Arc::new(dispatcher);
        let running = Arc::new(Mutex::new(()));
        let scheduler = JobScheduler::new().await?;
        let metrics = state.metrics.clone();
        let (d, r, m) = (dispatcher.clone(), running.clone(), metrics.clone());
        scheduler
            .add(Job::new_repeated_async(sweep, move |_id, _scheduler| {
                let (d, r, m) = (d.clone(), r.clone(), m.clone());
                Box::pin(async move {
                    if let Ok(_guard) = r.try_lock() {
                        dispatch(&d, &m).await;
                    }
                })
            })?)
            .await?;
        // Reminders: queue those that have come due.
        every(&scheduler, reminder_sweep, &state, |s| async move {
            sweep_reminders(&s).await
        })
        .await?;
        // Offers: expire those past their hold, offer free slots someone waits for.
        every(&scheduler, offer_sweep, &state, |s| async move {
            sweep_offers(&s).await
        })
        .await?;
        // The directory's monthly review, once a month across instances.
        every(&scheduler, review_sweep, &state, |s| async move {
            sweep_directory_review(&s).await
        })
        .await?;
        // The weekly list of overdue referrals, once a week across instances.
        let referral_sweep = state.settings.referral.sweep_interval()?;
        every(&scheduler, referral_sweep, &state, |s| async move {
            sweep_referral_week(&s).await
        })
        .await?;
        // 周知: notices to subscribers and the coordinators' low-fill alerts.
        let outreach_sweep = state.settings.outreach.sweep_interval()?;
        every(&scheduler, outreach_sweep, &state, |s| async move {
            sweep_outreach(&s).await
        })
        .await?;
        scheduler.start().await?;
        let (stopping, mut stop_seen) = watch::channel(false);
        let r = running.clone();
        let wakeup_task = tokio::spawn(async move {
            loop {
                {
                    let _guard = r.lock().await;
                    dispatch(&dispatcher, &metrics).await;
                }
                tokio::select! {
                    _ = wakeup.notified() => {}
                    _ = stop_seen.changed() => return,
                }
                // Let mail queued at the same moment gather into one claim.
                tokio::time::sleep(GATHER).await;
            }
        });
        Ok(Jobs {
            scheduler,
            wakeup_task,
            stopping,
            running,
        })
    }

    /// Stops scheduling, then waits for a dispatch under way to finish, so
    /// that a clean shutdown leaves no mail leased.
    pub async fn stop(mut self) {
        let _ = self.stopping.send(true);
        let _ = (&mut self.wakeup_task).await;
        if let Err(e) = self.scheduler.shutdown().await {
            tracing::warn!(error = %e, "scheduler did not stop cleanly");
        }
        let _idle = self.running.lock().await;
    }
}

/// Runs `sweep` every `interval`, one pass at a time in this process (a
/// pass still running when the next is due makes the next one skip).
async fn every<F, Fut>(
    scheduler: &JobScheduler,
    interval: Duration,
    state: &AppState,
    sweep: F,
) -> anyhow::Result<()>
where
    F: Fn(AppState) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (state, running, sweep) = (state.clone(), Arc::new(Mutex::new(())), Arc::new(sweep));
    scheduler
        .add(Job::new_repeated_async(
            interval,
            move |_id, _scheduler| {
                let (state, running, sweep) = (state.clone(), running.clone(), sweep.clone());
                Box::pin(async move {
                    if let Ok(_guard) = running.try_lock() {
                        sweep(state).await;
                    }
                })
            },
        )?)
        .await?;
    Ok(())
}

/// One pass of the directory's review: this month's mail to the
/// coordinators, if it is due and no instance has queued it yet.
pub async fn sweep_directory_review(state: &AppState) {
    let result = crate::service::directory::review::sweep(state).await;
    state.metrics.job_ran(JOB_DIRECTORY_REVIEW, result.is_ok());
    match result {
        Ok(None) => {}
        Ok(Some(entries)) => tracing::info!(entries, "directory review queued"),
        Err(e) => tracing::error!(error = %format!("{e:#}"), "directory review failed"),
    }
}

/// One pass of the weekly list: this week's mail of overdue referrals to
/// the coordinators, if it is due and no instance has queued it yet.
pub async fn sweep_referral_week(state: &AppState) {
    let result = crate::service::referral::weekly::sweep(state).await;
    state.metrics.job_ran(JOB_REFERRAL_WEEK, result.is_ok());
    match result {
        Ok(None) => {}
        Ok(Some(referrals)) => tracing::info!(referrals, "weekly list of overdue referrals queued"),
        Err(e) => tracing::error!(error = %format!("{e:#}"), "weekly list of referrals failed"),
    }
}

/// One pass of outreach: today's notices to subscribers (in the day, at
/// most one a day each), then the alerts for evenings still filling, each
/// once across instances.
pub async fn sweep_outreach(state: &AppState) {
    let result = crate::service::outreach::notices::sweep(state).await;
    state.metrics.job_ran(JOB_NOTICES, result.is_ok());
    match result {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "notices of free slots queued"),
        Err(e) => tracing::error!(error = %format!("{e:#}"), "notices of free slots failed"),
    }
    let result = crate::service::outreach::low_fill::sweep(state).await;
    state.metrics.job_ran(JOB_LOW_FILL, result.is_ok());
    match result {
        Ok(0) => {}
        Ok(evenings) => tracing::info!(evenings, "low-fill alerts queued"),
        Err(e) => tracing::error!(error = %format!("{e:#}"), "low-fill alerts failed"),
    }
}

/// One pass of the offer sweep (also called at start, so that offers that
/// expired while the server was down move on at once).
pub async fn sweep_offers(state: &AppState) {
    let result = crate::service::offers::sweep(state).await;
    state.metrics.job_ran(JOB_OFFERS, result.is_ok());
    match result {
        Ok((0, 0)) => {}
        Ok((expired, made)) => tracing::info!(expired, made, "offer sweep"),
        Err(e) => tracing::error!(error = %e, "offer sweep failed"),
    }
}

/// One pass of the reminder sweep (also run at start: a reminder that came
/// due while the server was down goes out unless the consultation has begun).
pub async fn sweep_reminders(state: &AppState) {
    let result = crate::service::reminders::sweep(state).await;
    state.metrics.job_ran(JOB_REMINDERS, result.is_ok());
    match result {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "reminder sweep"),
        Err(e) => tracing::error!(error = %format!("{e:#}"), "reminder sweep failed"),
    }
}

async fn dispatch(dispatcher: &Dispatcher, metrics: &Metrics) {
    let result = dispatcher.run_once().await;
    metrics.job_ran(JOB_MAIL, result.is_ok());
    if let Err(e) = result {
        tracing::error!(error = %format!("{e:#}"), "mail dispatch failed");
    }
}
