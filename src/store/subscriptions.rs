//! 「空きのお知らせ」: subscriptions (an address and what to be told, kept
//! only while subscribed), what each was told of, and the notices queued
//! for them in bulk, at most one a day per address however many instances
//! sweep at once.

use super::outbox::insert_mail;
use super::{on_db, OutgoingMail, Store, StoreResult};
use crate::domain::outreach::Kinds;
use chrono::{DateTime, NaiveDate, Utc};

/// Subscriptions are written in groups of this many per transaction.
const CHUNK: usize = 500;

/// The kinds of mail a subscription has (deleted with it).
const SUBSCRIPTION_MAIL: &str = "kind LIKE 'subscription_%'";

/// A subscription as the notices and its pages see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubscriptionRecord {
    pub id: i64,
    pub email: String,
    pub new_month: bool,
    pub free_slot: bool,
    pub lang: String,
    pub unsubscribe_token: String,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub last_notice_on: Option<String>,
}

impl SubscriptionRecord {
    pub fn kinds(&self) -> Kinds {
        Kinds {
            new_month: self.new_month,
            free_slot: self.free_slot,
        }
    }
    pub fn last_notice_on(&self) -> Option<NaiveDate> {
        self.last_notice_on.as_deref().and_then(|d| d.parse().ok())
    }
}

/// A subscription asked for, before its confirmation.
#[derive(Debug, Clone)]
pub struct NewSubscription {
    pub email: String,
    pub kinds: Kinds,
    pub lang: String,
    pub channel: Option<String>,
    /// SHA-256 of the confirmation link's token.
    pub confirm_hash: String,
    /// The unsubscribe token, if this is a new subscription.
    pub unsubscribe_token: String,
}

/// One notice to queue: to whom, of what, and when it is due.
#[derive(Debug, Clone)]
pub struct QueuedNotice {
    pub subscription_id: i64,
    pub about: Vec<String>,
    pub mail: OutgoingMail,
    pub send_at: DateTime<Utc>,
}

const RECORD: &str =
    "SELECT id, email, new_month, free_slot, lang, unsubscribe_token, confirmed_at, last_notice_on
                      FROM subscriptions";

/// A subscription already asked for: its id, when it was confirmed, when
/// its last confirmation was mailed, its unsubscribe token.
type Known = (i64, Option<DateTime<Utc>>, Option<DateTime<Utc>>, String);

/// `$from, $from+1, …` for `n` values.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Deletes one subscription, what it was told of and its mails, in the
/// caller's transaction (a macro, so that the future stays `Send` for both
/// drivers).
macro_rules! forget {
    ($tx:expr, $id:expr, $email:expr) => {{
        sqlx::query(&format!(
            "DELETE FROM outbox WHERE recipient = $1 AND {SUBSCRIPTION_MAIL}"
        ))
        .bind($email)
        .execute(&mut *$tx)
        .await?;
        sqlx::query("DELETE FROM subscription_told WHERE subscription_id = $1")
            .bind($id)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("DELETE FROM subscriptions WHERE id = $1")
            .bind($id)
            .execute(&mut *$tx)
            .await?;
    }};
}

impl Store {
    /// Records a subscription asked for and queues its confirmation mail,
    /// made by `mail` from the subscription's unsubscribe token. For an
    /// address already known, the new kinds wait for the new link (a
    /// confirmed subscription keeps its own until then); a confirmation
    /// mailed within `resend_after` is not mailed again. Whether a mail was
    /// queued (the caller answers the same either way).
    pub async fn ask_subscription(
        &self,
        new: &NewSubscription,
        mail: impl Fn(&str) -> OutgoingMail,
        resend_after: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let known: Option<Known> = sqlx::query_as(
                "SELECT id, confirmed_at, confirm_sent_at, unsubscribe_token FROM subscriptions WHERE email = $1",
            )
            .bind(&new.email)
            .fetch_optional(&mut *tx)
            .await?;
            let token = match known {
                None => {
                    let id: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO subscriptions (email, new_month, free_slot, lang, channel, confirm_hash,
                                                    confirm_sent_at, unsubscribe_token, created_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7)
                         ON CONFLICT (email) DO NOTHING RETURNING id",
                    )
                    .bind(&new.email)
                    .bind(new.kinds.new_month)
                    .bind(new.kinds.free_slot)
                    .bind(&new.lang)
                    .bind(new.channel.as_deref())
                    .bind(&new.confirm_hash)
                    .bind(now)
                    .bind(&new.unsubscribe_token)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if id.is_none() {
                        // Asked for at the same moment by another request: that one mails.
                        return Ok(false);
                    }
                    new.unsubscribe_token.clone()
                }
                Some((_, _, Some(sent), _)) if sent > resend_after => return Ok(false),
                Some((id, confirmed, _, token)) => {
                    let sql = if confirmed.is_some() {
                        "UPDATE subscriptions SET pending_new_month = $2, pending_free_slot = $3, lang = $4,
                                confirm_hash = $5, confirm_sent_at = $6 WHERE id = $1"
                    } else {
                        "UPDATE subscriptions SET new_month = $2, free_slot = $3, lang = $4,
                                confirm_hash = $5, confirm_sent_at = $6 WHERE id = $1"
                    };
                    sqlx::query(sql)
                        .bind(id)
                        .bind(new.kinds.new_month)
                        .bind(new.kinds.free_slot)
                        .bind(&new.lang)
                        .bind(&new.confirm_hash)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    token
                }
            };
            insert_mail!(&mut *tx, &mail(&token), None::<i64>, now)?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Follows a confirmation link sent after `sent_after`: the
    /// subscription now takes effect (or its change does); the first
    /// confirmation is counted in the tally of its month and channel.
    pub async fn confirm_subscription(
        &self,
        confirm_hash: &str,
        sent_after: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SubscriptionRecord>> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let found: Option<(i64, Option<DateTime<Utc>>, Option<String>)> = sqlx::query_as(
                "SELECT id, confirmed_at, channel FROM subscriptions
                 WHERE confirm_hash = $1 AND confirm_sent_at > $2",
            )
            .bind(confirm_hash)
            .bind(sent_after)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((id, confirmed, channel)) = found else {
                return Ok(None);
            };
            sqlx::query(
                "UPDATE subscriptions SET confirmed_at = COALESCE(confirmed_at, $2),
                        new_month = COALESCE(pending_new_month, new_month),
                        free_slot = COALESCE(pending_free_slot, free_slot),
                        pending_new_month = NULL, pending_free_slot = NULL, confirm_hash = NULL
                 WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if confirmed.is_none() {
                let month = crate::domain::time::to_jst(now).format("%Y-%m").to_string();
                sqlx::query(
                    "INSERT INTO subscription_tally (month, channel, confirmed) VALUES ($1, $2, 1)
                     ON CONFLICT (month, channel) DO UPDATE SET confirmed = subscription_tally.confirmed + 1",
                )
                .bind(month)
                .bind(channel.unwrap_or_default())
                .execute(&mut *tx)
                .await?;
            }
            let record: SubscriptionRecord = sqlx::query_as(&format!("{RECORD} WHERE id = $1"))
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Some(record))
        })
    }

    /// The subscription an unsubscribe link names.
    pub async fn subscription_by_unsubscribe(
        &self,
        token: &str,
    ) -> StoreResult<Option<SubscriptionRecord>> {
        Ok(on_db!(read self, pool => {
            sqlx::query_as(&format!("{RECORD} WHERE unsubscribe_token = $1"))
                .bind(token)
                .fetch_optional(pool)
                .await?
        }))
    }

    /// Deletes the subscription an unsubscribe link names, with what it
    /// was told of and every mail to it (queued or sent): the address is
    /// kept nowhere. Whether there was one.
    pub async fn unsubscribe(&self, token: &str) -> StoreResult<bool> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let found: Option<(i64, String)> =
                sqlx::query_as("SELECT id, email FROM subscriptions WHERE unsubscribe_token = $1")
                    .bind(token)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some((id, email)) = found else {
                return Ok(false);
            };
            forget!(tx, id, &email);
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Deletes subscriptions not confirmed since before `before` (with
    /// their confirmation mails), and drops changes left unconfirmed as
    /// long: how many subscriptions were deleted.
    pub async fn forget_unconfirmed(&self, before: DateTime<Utc>) -> StoreResult<usize> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let stale: Vec<(i64, String)> = sqlx::query_as(
                "SELECT id, email FROM subscriptions WHERE confirmed_at IS NULL AND created_at < $1",
            )
            .bind(before)
            .fetch_all(&mut *tx)
            .await?;
            for (id, email) in &stale {
                forget!(tx, *id, email);
            }
            sqlx::query(
                "UPDATE subscriptions SET confirm_hash = NULL, pending_new_month = NULL, pending_free_slot = NULL
                 WHERE confirmed_at IS NOT NULL AND confirm_hash IS NOT NULL AND confirm_sent_at < $1",
            )
            .bind(before)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(stale.len())
        })
    }

    /// Confirmed subscriptions without a notice on `today`, with what
    /// each was told of among `about`.
    pub async fn subscribers_to_tell(
        &self,
        today: NaiveDate,
        about: &[String],
    ) -> StoreResult<Vec<(SubscriptionRecord, Vec<String>)>> {
        let today = today.to_string();
        let (subs, told): (Vec<SubscriptionRecord>, Vec<(i64, String)>) = on_db!(read self, pool => {
            let subs = sqlx::query_as(&format!(
                "{RECORD} WHERE confirmed_at IS NOT NULL AND (last_notice_on IS NULL OR last_notice_on <> $1)
                 ORDER BY id"
            ))
            .bind(&today)
            .fetch_all(pool)
            .await?;
            let told = if about.is_empty() {
                Vec::new()
            } else {
                let sql = format!(
                    "SELECT subscription_id, about FROM subscription_told WHERE about IN ({})",
                    placeholders(1, about.len())
                );
                let mut q = sqlx::query_as(&sql);
                for a in about {
                    q = q.bind(a);
                }
                q.fetch_all(pool).await?
            };
            (subs, told)
        });
        let mut by_id: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        for (id, a) in told {
            by_id.entry(id).or_default().push(a);
        }
        Ok(subs
            .into_iter()
            .map(|s| {
                let told = by_id.remove(&s.id).unwrap_or_default();
                (s, told)
            })
            .collect())
    }

    /// Queues `notices` for `today`, a group per transaction: a subscriber
    /// already given a notice today (by another instance meanwhile) gets
    /// none. How many were queued.
    pub async fn queue_notices(
        &self,
        today: NaiveDate,
        notices: &[QueuedNotice],
        now: DateTime<Utc>,
    ) -> StoreResult<usize> {
        let today = today.to_string();
        let mut queued = 0;
        for chunk in notices.chunks(CHUNK) {
            queued += on_db!(self, pool => {
                let mut tx = pool.begin().await?;
                let sql = format!(
                    "UPDATE subscriptions SET last_notice_on = $1
                     WHERE (last_notice_on IS NULL OR last_notice_on <> $1) AND confirmed_at IS NOT NULL
                       AND id IN ({}) RETURNING id",
                    placeholders(2, chunk.len())
                );
                let mut q = sqlx::query_scalar(&sql).bind(&today);
                for n in chunk {
                    q = q.bind(n.subscription_id);
                }
                let won: std::collections::HashSet<i64> = q.fetch_all(&mut *tx).await?.into_iter().collect();
                let mine: Vec<&QueuedNotice> = chunk.iter().filter(|n| won.contains(&n.subscription_id)).collect();
                let told: Vec<(i64, &str)> = mine
                    .iter()
                    .flat_map(|n| n.about.iter().map(|a| (n.subscription_id, a.as_str())))
                    .collect();
                for group in told.chunks(CHUNK) {
                    let values: Vec<String> = (0..group.len())
                        .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
                        .collect();
                    let sql = format!(
                        "INSERT INTO subscription_told (subscription_id, about) VALUES {}
                         ON CONFLICT DO NOTHING",
                        values.join(", ")
                    );
                    let mut q = sqlx::query(&sql);
                    for (id, a) in group {
                        q = q.bind(*id).bind(*a);
                    }
                    q.execute(&mut *tx).await?;
                }
                if !mine.is_empty() {
                    let values: Vec<String> = (0..mine.len())
                        .map(|i| {
                            let b = 6 * i;
                            format!("(${}, ${}, ${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6)
                        })
                        .collect();
                    let sql = format!(
                        "INSERT INTO outbox (kind, message_id, recipient, payload, next_attempt_at, created_at)
                         VALUES {}",
                        values.join(", ")
                    );
                    let mut q = sqlx::query(&sql);
                    for n in &mine {
                        q = q
                            .bind(n.mail.kind)
                            .bind(n.mail.message_id.as_str())
                            .bind(n.mail.recipient.as_str())
                            .bind(n.mail.payload.as_str())
                            .bind(n.send_at)
                            .bind(now);
                    }
                    q.execute(&mut *tx).await?;
                }
                tx.commit().await?;
                mine.len()
            });
        }
        Ok(queued)
    }

    /// Confirmed subscriptions now, and confirmations per channel between
    /// two months (`YYYY-MM`, inclusive).
    pub async fn subscription_figures(
        &self,
        from_month: &str,
        to_month: &str,
    ) -> StoreResult<(i64, Vec<(String, i64)>)> {
        Ok(on_db!(read self, pool => {
            let now: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions WHERE confirmed_at IS NOT NULL")
                .fetch_one(pool)
                .await?;
            let per: Vec<(String, i64)> = sqlx::query_as(
                "SELECT channel, CAST(SUM(confirmed) AS BIGINT) FROM subscription_tally
                 WHERE month >= $1 AND month <= $2 GROUP BY channel ORDER BY channel",
            )
            .bind(from_month)
            .bind(to_month)
            .fetch_all(pool)
            .await?;
            (now, per)
        }))
    }
}
