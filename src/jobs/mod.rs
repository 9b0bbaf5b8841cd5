//! Scheduled work on tokio-cron-scheduler. Every job is idempotent and
//! safe to run in several instances at once: work is claimed in the
//! database, never held in memory.

use crate::mail::Dispatcher;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, Notify};
use tokio_cron_scheduler::{Job, JobScheduler};

/// The running scheduler and the task that answers mail wake-ups.
pub struct Jobs {
    scheduler: JobScheduler,
    wakeup_task: tokio::task::JoinHandle<()>,
}

impl Jobs {
    /// Starts the outbox sweep (every `sweep`) and the immediate dispatch
    /// that follows each `wakeup`.
    pub async fn start(
        dispatcher: Dispatcher,
        wakeup: Arc<Notify>,
        sweep: Duration,
    ) -> anyhow::Result<Jobs> {
        let dispatcher = Arc::new(dispatcher);
        // One dispatch loop at a time in this process; other instances are
        // kept apart by the leases in the outbox.
        let running = Arc::new(Mutex::new(()));
        let scheduler = JobScheduler::new().await?;
        let (d, r) = (dispatcher.clone(), running.clone());
        scheduler
            .add(Job::new_repeated_async(sweep, move |_id, _scheduler| {
                let (d, r) = (d.clone(), r.clone());
                Box::pin(async move {
                    if let Ok(_guard) = r.try_lock() {
                        dispatch(&d).await;
                    }
                })
            })?)
            .await?;
        scheduler.start().await?;
        let wakeup_task = tokio::spawn(async move {
            loop {
                let _guard = running.lock().await;
                dispatch(&dispatcher).await;
                drop(_guard);
                wakeup.notified().await;
            }
        });
        Ok(Jobs {
            scheduler,
            wakeup_task,
        })
    }

    pub async fn stop(mut self) {
        self.wakeup_task.abort();
        if let Err(e) = self.scheduler.shutdown().await {
            tracing::warn!(error = %e, "scheduler did not stop cleanly");
        }
    }
}

async fn dispatch(dispatcher: &Dispatcher) {
    if let Err(e) = dispatcher.run_once().await {
        tracing::error!(error = %format!("{e:#}"), "mail dispatch failed");
    }
}
