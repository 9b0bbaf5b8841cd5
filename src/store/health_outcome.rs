//! 産業保健センター: what follows an interview: its reminders, whether it
//! took place, the follow-up of a no-show (back in the queue or closed),
//! and what the figures and the estimate count.

use super::health::{insert_link, release_interview};
use super::health_schedule::{InterviewRecord, INTERVIEW};
use super::outbox::{insert_mail, OutgoingMail};
use super::{on_db, HealthServiceRecord, Store, StoreResult};
use chrono::{DateTime, Utc};

impl Store {
    /// Accepted interviews that took place in `[from, to)`, with the
    /// workers per kind of their request: what the figures count.
    pub async fn health_seen(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<(InterviewRecord, Vec<HealthServiceRecord>)>> {
        let (interviews, services): (Vec<InterviewRecord>, Vec<HealthServiceRecord>) = on_db!(read self, pool => {
            let interviews = sqlx::query_as(&format!(
                "{INTERVIEW} WHERE i.starts_at >= $1 AND i.starts_at < $2 AND i.status = 'accepted'
                 AND (i.attended IS NULL OR i.attended) ORDER BY i.starts_at"
            ))
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let services = sqlx::query_as(
                "SELECT s.request_id, s.kind, s.workers, s.requested_on, s.checked_on
                 FROM health_services s JOIN health_interviews i ON i.request_id = s.request_id
                 WHERE i.starts_at >= $1 AND i.starts_at < $2 AND i.status = 'accepted'
                   AND (i.attended IS NULL OR i.attended)",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            (interviews, services)
        });
        Ok(interviews
            .into_iter()
            .map(|i| {
                let own = services
                    .iter()
                    .filter(|s| s.request_id == i.request_id)
                    .cloned()
                    .collect();
                (i, own)
            })
            .collect())
    }

    /// Accepted interviews starting in `(from, to]` (a date only proposed
    /// gets no reminder), and the reminders already queued for them.
    pub async fn health_reminder_candidates(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<(Vec<InterviewRecord>, Vec<(i64, String, DateTime<Utc>)>)> {
        Ok(on_db!(read self, pool => {
            let candidates = sqlx::query_as(&format!(
                "{INTERVIEW} WHERE i.starts_at > $1 AND i.starts_at <= $2 AND i.status = 'accepted'
                 AND r.status = 'scheduled'"
            ))
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let done = sqlx::query_as(
                "SELECT h.interview_id, h.offset_key, h.starts_at FROM health_interviews i
                 JOIN health_reminders h ON h.interview_id = i.id AND h.starts_at = i.starts_at
                 WHERE i.starts_at > $1 AND i.starts_at <= $2",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            (candidates, done)
        }))
    }

    /// Queues one interview reminder, once per (interview, offset, start).
    pub async fn queue_health_reminder(
        &self,
        interview: &InterviewRecord,
        offset_key: &str,
        link: Option<&str>,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let fresh = sqlx::query(
                "INSERT INTO health_reminders (interview_id, offset_key, starts_at, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (interview_id, offset_key, starts_at) DO NOTHING",
            )
            .bind(interview.id)
            .bind(offset_key)
            .bind(interview.starts_at)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if fresh == 0 {
                return Ok(false);
            }
            insert_link!(&mut tx, link, interview.request_id, now);
            insert_mail!(&mut *tx, mail, None::<i64>, now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Records whether an accepted interview that has begun took place.
    /// False if there is no such interview.
    pub async fn set_interview_attended(
        &self,
        id: i64,
        attended: bool,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self, pool => {
            sqlx::query(
                "UPDATE health_interviews SET attended = $2, updated_at = $3
                 WHERE id = $1 AND status = 'accepted' AND starts_at <= $3",
            )
            .bind(id)
            .bind(attended)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
                == 1
        }))
    }

    /// After an accepted interview that did not take place: the request
    /// waits again in its own place (`requeue`: its due date and arrival
    /// are kept, so is its order) or is closed with the reason; the
    /// interview is set aside (its no-show stays recorded) and the mail is
    /// queued, in one transaction. False if the request is not scheduled
    /// with a no-show recorded.
    pub async fn after_no_show(
        &self,
        request_id: i64,
        requeue: bool,
        reason: &str,
        link: Option<&str>,
        mail: &OutgoingMail,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE health_requests SET status = $2, closed_reason = $3, updated_at = $4
                 WHERE id = $1 AND status = 'scheduled' AND EXISTS (
                     SELECT 1 FROM health_interviews i WHERE i.request_id = $1
                     AND i.status = 'accepted' AND i.attended = FALSE)",
            )
            .bind(request_id)
            .bind(if requeue { "waiting" } else { "withdrawn" })
            .bind((!requeue).then_some(reason))
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            let _ = release_interview!(&mut tx, request_id, "cancelled", now);
            insert_link!(&mut tx, link, request_id, now);
            insert_mail!(&mut *tx, mail, None::<i64>, now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Whether an interview is still live at this start time.
    pub async fn interview_unchanged(
        &self,
        id: i64,
        starts_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let found: Option<i64> = on_db!(read self, pool => {
            sqlx::query_scalar(
                "SELECT id FROM health_interviews WHERE id = $1 AND starts_at = $2 AND status IN ('proposed', 'accepted')",
            )
            .bind(id)
            .bind(starts_at)
            .fetch_optional(pool)
            .await?
        });
        Ok(found.is_some())
    }

    /// Workplaces with an accepted interview in each of the months
    /// starting at `starts` (JST month starts, ascending), for the estimate.
    pub async fn health_served_per_month(&self, starts: &[DateTime<Utc>]) -> StoreResult<Vec<u32>> {
        let mut counts = Vec::with_capacity(starts.len().saturating_sub(1));
        for pair in starts.windows(2) {
            let n: i64 = on_db!(read self, pool => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM health_interviews WHERE status IN ('proposed', 'accepted')
                     AND starts_at >= $1 AND starts_at < $2",
                )
                .bind(pair[0])
                .bind(pair[1])
                .fetch_one(pool)
                .await?
            });
            counts.push(n.max(0) as u32);
        }
        Ok(counts)
    }
}
