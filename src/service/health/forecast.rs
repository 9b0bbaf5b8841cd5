//! A request's expected month (見込み): from the doctors' blocks already
//! entered, then the workplaces the centre has recently served a month.

use super::*;

/// Workplaces the centre serves in a month: the last three months'
/// average, or the configured figure without history.
async fn per_month(state: &AppState) -> Result<u32, HealthError> {
    let this_month = month_start(today(state));
    let starts: Vec<DateTime<Utc>> = (1..=3)
        .rev()
        .map(|back| this_month - Months::new(back))
        .chain([this_month])
        .map(|d| jst_instant(d, NaiveTime::MIN))
        .collect();
    let served = state.store.health_served_per_month(&starts).await?;
    Ok(figures::throughput(
        &served,
        state.settings.health.per_month,
    ))
}

/// The doctors' blocks of the coming year, as the estimate sees them.
async fn coming_blocks(state: &AppState) -> Result<Vec<health::Block>, HealthError> {
    let today = today(state);
    Ok(state
        .store
        .health_blocks(today, today + Months::new(12))
        .await?
        .iter()
        .map(BlockRecord::free)
        .collect())
}

/// `2027-02`.
pub(super) fn month_code((y, m): (i32, u32)) -> String {
    format!("{y:04}-{m:02}")
}

/// The month request `subject` can expect its turn, among the waiting
/// requests `pending` (see [`health::forecast`]: the doctors' blocks
/// already entered, then the recent throughput).
pub async fn estimate(
    state: &AppState,
    subject: i64,
    pending: &[health::Pending],
) -> Result<(i32, u32), HealthError> {
    let blocks = coming_blocks(state).await?;
    Ok(health::forecast(
        subject,
        pending,
        &blocks,
        today(state),
        per_month(state).await?,
    ))
}

/// The estimate of every waiting request at once.
pub(super) async fn estimates(
    state: &AppState,
    pending: &[health::Pending],
) -> Result<HashMap<i64, (i32, u32)>, HealthError> {
    let blocks = coming_blocks(state).await?;
    Ok(health::forecast_all(
        pending,
        &blocks,
        today(state),
        per_month(state).await?,
    ))
}

/// The waiting requests as the assistant sees them.
pub(super) async fn waiting_pending(state: &AppState) -> Result<Vec<health::Pending>, HealthError> {
    Ok(state
        .store
        .health_requests_open()
        .await?
        .iter()
        .filter(|r| r.status == "waiting")
        .map(HealthRequestRecord::pending)
        .collect())
}
