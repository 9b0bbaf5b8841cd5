//! The health centre's capacity: next year's requests taken to arrive as
//! the last twelve months' did, with those in line now, replayed (the
//! domain's projection) with the interviews a month the centre has managed
//! lately, and with a few more or fewer; in the words staff take to the
//! medical association.

use crate::domain::figures::capacity::{project, Arrival, Projection};
use crate::domain::time::jst_today;
use crate::domain::Lang;
use crate::state::AppState;
use chrono::{Datelike, Months};

/// The changes shown, in workplaces a month.
const CHANGES: [i64; 5] = [-8, -4, 0, 4, 8];

/// The projections, from fewer interviews a month to more.
#[derive(Debug, Clone)]
pub struct Capacity {
    /// Workplaces served a month lately (the last twelve months' average).
    pub now_per_month: u32,
    pub rows: Vec<(i64, Projection)>,
}

pub async fn capacity(state: &AppState) -> anyhow::Result<Capacity> {
    let today = jst_today(state.clock.now());
    let this_month = today.with_day(1).unwrap_or(today);
    let year_ago = this_month - Months::new(12);
    let served = crate::service::health::figures(state, year_ago, this_month - Months::new(1))
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let total: u32 = served.iter().map(|m| m.workplaces).sum();
    let now_per_month = (total / 12).max(1);
    let shift = |d: chrono::NaiveDate| d + Months::new(12);
    let arrivals: Vec<Arrival> = state
        .store
        .health_arrivals(year_ago, this_month)
        .await?
        .into_iter()
        .map(|(received_on, due_on)| Arrival {
            received_on: shift(received_on),
            due_on: due_on.map(shift),
        })
        .collect();
    let waiting: Vec<Arrival> = state
        .store
        .health_in_line()
        .await?
        .into_iter()
        .map(|(received_on, due_on)| Arrival {
            received_on,
            due_on,
        })
        .collect();
    let rows = CHANGES
        .iter()
        .filter_map(|&change| {
            let per_month = u32::try_from(i64::from(now_per_month) + change)
                .ok()
                .filter(|n| *n > 0)?;
            Some((change, project(&waiting, &arrivals, this_month, per_month)))
        })
        .collect();
    Ok(Capacity {
        now_per_month,
        rows,
    })
}

impl Capacity {
    /// 「1か月の面接を8件増やすと、待ち日数の中央値は74日から31日になり、
    /// 期限を過ぎる申込みは0件になります。」
    pub fn sentence(&self, lang: Lang) -> String {
        let now = self.rows.iter().find(|(c, _)| *c == 0);
        let more = self.rows.iter().rfind(|(c, _)| *c > 0);
        let (Some((_, now)), Some((change, more))) = (now, more) else {
            return String::new();
        };
        let days = |d: Option<i64>| d.map_or("-".to_string(), |d| d.to_string());
        // The words' variables in their order: change, late, more, now.
        crate::i18n::texts(lang).capacity_sentence(
            *change,
            more.past_due,
            days(more.median_wait_days),
            days(now.median_wait_days),
        )
    }
}
