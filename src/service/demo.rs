//! The demo: a realistic schedule with some slots already taken.

use super::schedule;
use crate::domain::token::Token;
use crate::domain::{BookingInput, Lang};
use crate::state::AppState;
use crate::store::NewBooking;

const PEOPLE: [(&str, &str, &str, &str); 6] = [
    ("青葉 一郎", "アオバ イチロウ", "30s", "workplace"),
    ("宮城野 花", "ミヤギノ ハナ", "40s", "family"),
    ("若林 誠", "ワカバヤシ マコト", "50s", "money"),
    ("太白 由美", "タイハク ユミ", "20s", "relationships"),
    ("泉 健太", "イズミ ケンタ", "40s", "health"),
    ("広瀬 和子", "ヒロセ カズコ", "30s", "workplace"),
];

/// Generates three months of sessions and, on an empty database, books
/// about a third of their slots for fictional people (no mail is sent).
pub async fn seed(state: &AppState) -> anyhow::Result<usize> {
    schedule::generate(state, 3).await?;
    if state.store.count_bookings().await? > 0 {
        return Ok(0);
    }
    let now = state.clock.now();
    let mut booked = 0;
    for (i, slot_id) in state.store.all_slot_ids().await?.into_iter().enumerate() {
        if i % 3 != 1 {
            continue;
        }
        let (name, kana, age, topic) = PEOPLE[booked % PEOPLE.len()];
        let input = BookingInput {
            name: name.into(),
            name_kana: kana.into(),
            phone: format!("090-0000-{:04}", booked),
            email: format!("demo{booked}@example.jp"),
            age_band: age.into(),
            topic: topic.into(),
            note: String::new(),
            consent: true,
        };
        let details = input
            .validate()
            .map_err(|e| anyhow::anyhow!("demo person invalid: {e:?}"))?;
        let Some(slot) = state.store.slot(slot_id, now).await? else {
            continue;
        };
        let booking = NewBooking {
            slot_id,
            session_id: slot.session_id,
            profession: slot.profession,
            details,
            token_hash: Token::generate().hash(),
            lang: Lang::Ja,
            acted_by: Some("demo".into()),
        };
        state.store.create_booking(&booking, None, now).await?;
        booked += 1;
    }
    Ok(booked)
}
