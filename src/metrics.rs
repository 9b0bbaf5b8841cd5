//! The figures a city's monitoring reads (Prometheus text format, served on
//! a listener of its own: `metrics.bind`). One [`Metrics`] per application,
//! held on `AppState`, never a global: tests that run many applications in
//! one process each see their own figures.
//!
//! Counters live here and are raised by the layers that see the event
//! (`service` for bookings, `mail` for deliveries, `jobs` for runs, `web`
//! for requests). What the database knows (the outbox, open offers) is read
//! at scrape time by `web::metrics` and set on the gauges just before
//! encoding, so that it is right however many instances share the database.
//!
//! No label ever holds what a person typed or a token: routes are the
//! matched template (`/manage/{token}`), reasons and kinds are codes.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::{Registry, Unit};

/// The jobs whose runs are counted (`tsunagu_job_runs_total{job}`).
pub const JOBS: &[&str] = &[
    JOB_MAIL,
    JOB_REMINDERS,
    JOB_OFFERS,
    JOB_DIRECTORY_REVIEW,
    JOB_REFERRAL_WEEK,
    JOB_NOTICES,
    JOB_LOW_FILL,
];
/// A pass of the mail dispatcher (the sweep, or a wake-up after a change).
pub const JOB_MAIL: &str = "mail_dispatch";
pub const JOB_REMINDERS: &str = "reminder_sweep";
pub const JOB_OFFERS: &str = "offer_sweep";
pub const JOB_DIRECTORY_REVIEW: &str = "directory_review";
pub const JOB_REFERRAL_WEEK: &str = "referral_week";
/// 「空きのお知らせ」 to subscribers.
pub const JOB_NOTICES: &str = "outreach_notices";
/// The coordinators' alert for an evening still filling.
pub const JOB_LOW_FILL: &str = "outreach_low_fill";

/// The request's route when no route matched (a 404): never the raw path.
pub const UNMATCHED: &str = "unmatched";

/// Seconds: from a millisecond to ten seconds.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub method: String,
    pub route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ChannelLabels {
    channel: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct JobLabels {
    job: &'static str,
}

/// How a booking was made (`tsunagu_bookings_made_total{channel}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// By the person, on the pages or through the API.
    Online,
    /// By staff taking a call.
    Staff,
    /// A waitlist offer accepted.
    Offer,
}

impl Channel {
    fn code(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Staff => "staff",
            Channel::Offer => "offer",
        }
    }
}

fn latency_histogram() -> Histogram {
    Histogram::new(LATENCY_BUCKETS)
}

/// What the database holds, read at scrape time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DatabaseFigures {
    pub outbox_queued: i64,
    /// Seconds since the oldest queued mail was due (0 when none is).
    pub oldest_queued_seconds: i64,
    pub offers_open: i64,
}

#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    http_requests: Family<HttpLabels, Counter>,
    http_duration: Family<RouteLabels, Histogram, fn() -> Histogram>,
    bookings_made: Family<ChannelLabels, Counter>,
    bookings_refused: Family<ReasonLabels, Counter>,
    mails_sent: Family<KindLabels, Counter>,
    mails_failed: Family<KindLabels, Counter>,
    mails_retried: Family<KindLabels, Counter>,
    job_runs: Family<JobLabels, Counter>,
    job_failures: Family<JobLabels, Counter>,
    outbox_queued: Gauge,
    outbox_oldest: Gauge,
    offers_open: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut m = Metrics {
            registry: Registry::with_prefix("tsunagu"),
            http_requests: Family::default(),
            http_duration: Family::new_with_constructor(latency_histogram),
            bookings_made: Family::default(),
            bookings_refused: Family::default(),
            mails_sent: Family::default(),
            mails_failed: Family::default(),
            mails_retried: Family::default(),
            job_runs: Family::default(),
            job_failures: Family::default(),
            outbox_queued: Gauge::default(),
            outbox_oldest: Gauge::default(),
            offers_open: Gauge::default(),
        };
        let r = &mut m.registry;
        r.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            m.http_requests.clone(),
        );
        r.register_with_unit(
            "http_request_duration",
            "Time to answer an HTTP request, by method and route template",
            Unit::Seconds,
            m.http_duration.clone(),
        );
        r.register(
            "bookings_made",
            "Evening bookings written, one per slot, by channel (online, staff, offer)",
            m.bookings_made.clone(),
        );
        r.register(
            "bookings_refused",
            "Requests to book refused, by reason (slot_taken, invalid_input, a rule's code …)",
            m.bookings_refused.clone(),
        );
        r.register(
            "mails_sent",
            "Mails handed to the transport, by kind",
            m.mails_sent.clone(),
        );
        r.register(
            "mails_failed",
            "Mails given up on (refused for good, or out of attempts), by kind",
            m.mails_failed.clone(),
        );
        r.register(
            "mails_retried",
            "Passing delivery failures put back with backoff, by kind",
            m.mails_retried.clone(),
        );
        r.register(
            "job_runs",
            "Runs of a scheduled job, by job",
            m.job_runs.clone(),
        );
        r.register(
            "job_failures",
            "Runs of a scheduled job that failed, by job",
            m.job_failures.clone(),
        );
        r.register(
            "outbox_queued",
            "Mails waiting in the outbox (due or not), read from the database",
            m.outbox_queued.clone(),
        );
        r.register_with_unit(
            "outbox_oldest_queued_age",
            "How long the oldest queued mail has been due, read from the database",
            Unit::Seconds,
            m.outbox_oldest.clone(),
        );
        r.register(
            "waitlist_offers_open",
            "Freed slots held for someone on the waitlist, read from the database",
            m.offers_open.clone(),
        );
        // Every job and failure counter exists from the start, at 0, so that
        // `increase()` sees the first one.
        for &job in JOBS {
            drop(m.job_runs.get_or_create(&JobLabels { job }));
            drop(m.job_failures.get_or_create(&JobLabels { job }));
        }
        m
    }

    /// One request answered.
    pub fn http_request(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.http_requests
            .get_or_create(&HttpLabels {
                method: method.to_string(),
                route: route.to_string(),
                status,
            })
            .inc();
        self.http_duration
            .get_or_create(&RouteLabels {
                method: method.to_string(),
                route: route.to_string(),
            })
            .observe(seconds);
    }

    /// `count` bookings written (a pair of professionals is two).
    pub fn bookings_made(&self, channel: Channel, count: usize) {
        self.bookings_made
            .get_or_create(&ChannelLabels {
                channel: channel.code(),
            })
            .inc_by(count as u64);
    }

    /// A request to book refused; `reason` is a stable code.
    pub fn booking_refused(&self, reason: &'static str) {
        self.bookings_refused
            .get_or_create(&ReasonLabels { reason })
            .inc();
    }

    pub fn mail_sent(&self, kind: &str) {
        self.mails_sent.get_or_create(&kind_labels(kind)).inc();
    }

    pub fn mail_failed(&self, kind: &str) {
        self.mails_failed.get_or_create(&kind_labels(kind)).inc();
    }

    pub fn mail_retried(&self, kind: &str) {
        self.mails_retried.get_or_create(&kind_labels(kind)).inc();
    }

    /// One run of `job` (one of [`JOBS`]), and whether it failed.
    pub fn job_ran(&self, job: &'static str, ok: bool) {
        self.job_runs.get_or_create(&JobLabels { job }).inc();
        if !ok {
            self.job_failures.get_or_create(&JobLabels { job }).inc();
        }
    }

    /// The figures as Prometheus text (version 0.0.4), with what the
    /// database holds as given.
    pub fn encode(&self, db: DatabaseFigures) -> String {
        self.outbox_queued.set(db.outbox_queued);
        self.outbox_oldest.set(db.oldest_queued_seconds.max(0));
        self.offers_open.set(db.offers_open);
        let mut text = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)
            .expect("writing to a String does not fail");
        text
    }
}

/// A mail's kind is a template's name: a short code of our own. Anything
/// else (it never should be) is counted under one label, not as itself.
fn kind_labels(kind: &str) -> KindLabels {
    let ours = !kind.is_empty()
        && kind.len() <= 40
        && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    KindLabels {
        kind: if ours { kind } else { "other" }.to_string(),
    }
}

/// The `Content-Type` of [`Metrics::encode`]'s text.
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_counted_per_instance_and_encoded_as_prometheus_text() {
        let a = Metrics::new();
        let b = Metrics::new();
        a.http_request("GET", "/manage/{token}", 200, 0.003);
        a.bookings_made(Channel::Online, 2);
        a.booking_refused("slot_taken");
        a.mail_sent("booking_confirmed");
        a.mail_failed("Not A Kind");
        a.job_ran(JOB_OFFERS, false);
        let text = a.encode(DatabaseFigures {
            outbox_queued: 3,
            oldest_queued_seconds: 900,
            offers_open: 1,
        });
        for line in [
            "tsunagu_http_requests_total{method=\"GET\",route=\"/manage/{token}\",status=\"200\"} 1",
            "tsunagu_http_request_duration_seconds_count{method=\"GET\",route=\"/manage/{token}\"} 1",
            "tsunagu_bookings_made_total{channel=\"online\"} 2",
            "tsunagu_bookings_refused_total{reason=\"slot_taken\"} 1",
            "tsunagu_mails_sent_total{kind=\"booking_confirmed\"} 1",
            "tsunagu_mails_failed_total{kind=\"other\"} 1",
            "tsunagu_job_runs_total{job=\"offer_sweep\"} 1",
            "tsunagu_job_failures_total{job=\"offer_sweep\"} 1",
            "tsunagu_job_failures_total{job=\"mail_dispatch\"} 0",
            "tsunagu_outbox_queued 3",
            "tsunagu_outbox_oldest_queued_age_seconds 900",
            "tsunagu_waitlist_offers_open 1",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
        }
        let other = b.encode(DatabaseFigures::default());
        assert!(!other.contains("slot_taken"), "{other}");
        assert!(other.contains("tsunagu_outbox_oldest_queued_age_seconds 0"));
        assert!(CONTENT_TYPE.starts_with("text/plain; version=0.0.4"));
    }
}
