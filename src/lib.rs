//! Tsunagu (つなぐ): booking for public consultation services.
#![forbid(unsafe_code)]

pub mod config;
pub mod domain;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod service;
pub mod state;
pub mod store;
pub mod web;

use crate::config::Settings;
use crate::domain::time::{Clock, SystemClock};
use crate::mail::{Dispatcher, Transport};
use crate::state::AppState;
use crate::store::Store;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// A built application: database migrated, port bound, not yet serving.
pub struct Application {
    listener: TcpListener,
    /// The figures' own listener (`metrics.bind`), when they are served.
    metrics_listener: Option<TcpListener>,
    state: AppState,
    dispatcher: Dispatcher,
}

impl Application {
    /// Connects, migrates and binds (`server.bind` may use port 0).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(
        settings: Settings,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Application> {
        settings.validate()?;
        let store = Store::connect(
            settings.database.url.expose(),
            settings.database.max_connections,
        )
        .await?;
        store.migrate().await?;
        let seed = settings.directory.seed_text()?;
        if service::directory::seed::seed_new_database(&store, &seed, clock.now()).await? {
            tracing::info!("the directory was started from its seed file");
        }
        let transport = Transport::from_settings(&settings.mail)?;
        let settings = Arc::new(settings);
        let listener = TcpListener::bind(&settings.server.bind).await?;
        let metrics_listener = match settings.metrics.bind() {
            Some(bind) => Some(
                TcpListener::bind(bind)
                    .await
                    .map_err(|e| anyhow::anyhow!("metrics.bind {bind}: {e}"))?,
            ),
            None => None,
        };
        let state = AppState::new(store.clone(), settings.clone(), clock.clone())?;
        let dispatcher = Dispatcher::new(store, transport, settings, clock, state.metrics.clone())?;
        Ok(Application {
            listener,
            metrics_listener,
            state,
            dispatcher,
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Where `GET /metrics` is served, if the figures are on.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener
            .as_ref()
            .and_then(|l| l.local_addr().ok())
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, with the background jobs running.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let sweep = std::time::Duration::from_secs(self.state.settings.mail.sweep_seconds.max(1));
        let offer_sweep =
            std::time::Duration::from_secs(self.state.settings.waitlist.sweep_seconds.max(1));
        let reminder_sweep = self.state.settings.reminders.sweep_interval()?;
        let review_sweep = self.state.settings.directory.review_sweep_interval()?;
        jobs::sweep_offers(&self.state).await;
        jobs::sweep_reminders(&self.state).await;
        jobs::sweep_directory_review(&self.state).await;
        jobs::sweep_referral_week(&self.state).await;
        jobs::sweep_outreach(&self.state).await;
        let jobs = jobs::Jobs::start(
            self.dispatcher,
            self.state.mail_wakeup.clone(),
            sweep,
            self.state.clone(),
            offer_sweep,
            reminder_sweep,
            review_sweep,
        )
        .await?;
        // One shutdown for both listeners.
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let stop = Arc::new(stop);
        let on_signal = stop.clone();
        tokio::spawn(async move {
            shutdown.await;
            let _ = on_signal.send(true);
        });
        let until_stopped = |mut stopped: tokio::sync::watch::Receiver<bool>| async move {
            let _ = stopped.wait_for(|s| *s).await;
        };
        let mut app = web::router(self.state.clone());
        let figures = match self.metrics_listener {
            Some(listener) => {
                // Requests are timed only when someone reads the figures.
                app = web::metrics::measured(app, self.state.metrics.clone());
                let router = web::metrics::router(self.state.clone());
                let until = until_stopped(stopped.clone());
                Some(tokio::spawn(async move {
                    axum::serve(listener, router)
                        .with_graceful_shutdown(until)
                        .await
                }))
            }
            None => None,
        };
        let served = axum::serve(self.listener, app)
            .with_graceful_shutdown(until_stopped(stopped))
            .await;
        // Should the public listener fail, the figures' stops with it.
        let _ = stop.send(true);
        if let Some(figures) = figures {
            match figures.await {
                Ok(Err(e)) => tracing::error!(error = %e, "the metrics listener failed"),
                Err(e) => tracing::error!(error = %e, "the metrics listener failed"),
                Ok(Ok(())) => {}
            }
        }
        jobs.stop().await;
        self.state.store.close().await;
        Ok(served?)
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn run(self) -> anyhow::Result<()> {
        self.run_until(shutdown_signal()).await
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
