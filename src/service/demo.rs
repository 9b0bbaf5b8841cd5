//! The demo: a realistic schedule with some slots already taken, and a
//! health-centre queue with doctors' blocks.

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

/// A demo staff account and the password it was given at this start.
#[derive(Debug)]
pub struct DemoAccount {
    pub role: &'static str,
    pub email: &'static str,
    pub password: String,
}

/// A coordinator, a lawyer (assigned to the demo's evenings) and a doctor of
/// the health centre, each with a new random password at every start of the
/// demo, so that the staff screens can be tried at once. Only the demo calls
/// this; `serve` never creates an account.
pub async fn seed_staff(state: &AppState) -> anyhow::Result<Vec<DemoAccount>> {
    use crate::domain::staff::Role;
    let now = state.clock.now();
    let professionals = state.store.professionals().await?;
    let find_or_add = |name: &'static str, profession: &'static str| {
        let found = professionals
            .iter()
            .find(|p| p.name == name && p.profession == profession)
            .map(|p| p.id);
        async move {
            match found {
                Some(id) => Ok::<i64, anyhow::Error>(id),
                None => Ok(state
                    .store
                    .create_professional(name, profession, "デモ", "", now)
                    .await?),
            }
        }
    };
    let lawyer = find_or_add("弁護 太郎", "lawyer").await?;
    let doctor = find_or_add("医師 花子", "doctor").await?;
    for session in state.store.upcoming_sessions(now).await? {
        state
            .store
            .assign(session.id, crate::domain::Profession::Lawyer, lawyer)
            .await?;
    }
    let wanted = [
        (
            "coordinator",
            "coordinator@demo.tsunagu.example",
            "事務局 デモ",
            Role::Coordinator,
            None,
        ),
        (
            "lawyer",
            "lawyer@demo.tsunagu.example",
            "弁護 太郎",
            Role::Professional,
            Some(lawyer),
        ),
        (
            "doctor",
            "doctor@demo.tsunagu.example",
            "医師 花子",
            Role::Professional,
            Some(doctor),
        ),
    ];
    let mut made = Vec::new();
    for (role_word, email, name, role, professional) in wanted {
        let password = Token::generate().as_str()[..20].to_string();
        if state.store.staff_account(email).await?.is_some() {
            super::staff::set_password(state, email, &password).await?;
        } else {
            super::staff::add(state, email, name, role, professional, &password).await?;
        }
        made.push(DemoAccount {
            role: role_word,
            email,
            password,
        });
    }
    Ok(made)
}

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
            .validate(crate::domain::Lang::Ja)
            .map_err(|e| anyhow::anyhow!("demo person invalid: {e:?}"))?;
        let Some(slot) = state.store.slot(slot_id, now).await? else {
            continue;
        };
        let booking = NewBooking {
            slot_id,
            session_id: slot.session_id,
            profession: slot.profession,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            details,
            token_hash: Token::generate().hash(),
            lang: Lang::Ja,
            acted_by: Some("demo".into()),
            source: Default::default(),
        };
        state.store.create_booking(&booking, None, now).await?;
        booked += 1;
    }
    Ok(booked)
}

const WORKPLACES: [(&str, &str, &str, &str, u32); 8] = [
    (
        "株式会社 青葉精機",
        "仙台市青葉区本町1-1-1",
        "製造業",
        "long_hours",
        1,
    ),
    (
        "宮城野運送 有限会社",
        "仙台市宮城野区福室2-2-2",
        "運輸業",
        "high_stress",
        2,
    ),
    (
        "若林食品 株式会社",
        "仙台市若林区卸町3-3-3",
        "食品製造業",
        "checkup_opinion",
        12,
    ),
    (
        "太白ケアサービス",
        "仙台市太白区長町4-4-4",
        "介護事業",
        "consultation",
        2,
    ),
    (
        "泉建設 株式会社",
        "仙台市泉区泉中央5-5-5",
        "建設業",
        "checkup_opinion",
        20,
    ),
    (
        "富谷商事 株式会社",
        "富谷市富谷坂松田6-6",
        "卸売業",
        "high_stress",
        1,
    ),
    (
        "広瀬設計事務所",
        "仙台市青葉区上杉7-7-7",
        "サービス業",
        "consultation",
        1,
    ),
    (
        "秋保温泉 旅館組合",
        "仙台市太白区秋保町湯元8",
        "宿泊業",
        "long_hours",
        3,
    ),
];

/// On a database without health requests: three doctors, afternoon blocks
/// over the next six weeks, and a queue of fictional workplaces (their
/// receipts are written as mail files like every mail).
pub async fn seed_health(state: &AppState) -> anyhow::Result<usize> {
    use super::health::{submit, HealthError};
    use crate::domain::health::request::{HealthInput, ServiceInput};
    use crate::domain::health::Place;
    use crate::domain::time::{jst_instant, jst_today};
    use crate::store::NewBlock;
    use chrono::{Datelike, Duration, NaiveTime, Weekday};
    if !state.store.health_requests_open().await?.is_empty() {
        return Ok(0);
    }
    let now = state.clock.now();
    let mut doctors = Vec::new();
    for name in ["仙台 健一", "青葉 直子", "杜 俊介"] {
        doctors.push(
            state
                .store
                .create_professional(name, "doctor", "仙台市医師会", "", now)
                .await?,
        );
    }
    let today = jst_today(now);
    for day in (1..=42).map(|d| today + Duration::days(d)) {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        let doctor = doctors[day.ordinal() as usize % doctors.len()];
        let place = if day.weekday() == Weekday::Thu {
            Place::Visit
        } else {
            Place::Centre
        };
        let block = NewBlock {
            doctor_id: doctor,
            day,
            starts_at: jst_instant(day, NaiveTime::from_hms_opt(14, 0, 0).expect("time")),
            ends_at: jst_instant(day, NaiveTime::from_hms_opt(16, 0, 0).expect("time")),
            place,
            capacity: 4,
            created_by: "demo".into(),
        };
        state.store.add_health_block(&block, now).await?;
    }
    let mut added = 0;
    for (i, (name, address, industry, kind, workers)) in WORKPLACES.into_iter().enumerate() {
        let back = (today - Duration::days(10 + 7 * i as i64)).to_string();
        let input = HealthInput {
            business_name: name.into(),
            address: address.into(),
            workers: (workers + 10).to_string(),
            industry: industry.into(),
            contact_name: "総務 担当".into(),
            phone: format!("022-000-{:04}", i),
            email: format!("health-demo{i}@example.jp"),
            services: vec![ServiceInput {
                kind: kind.into(),
                workers: workers.to_string(),
                requested_on: back.clone(),
                checked_on: back,
            }],
            place: if i % 4 == 3 { "visit" } else { "centre" }.into(),
            consent: true,
            ..Default::default()
        };
        match submit(state, &input, Lang::Ja, &Default::default()).await {
            Ok(_) => added += 1,
            Err(HealthError::Internal(e)) => return Err(e),
            Err(other) => anyhow::bail!("demo workplace refused: {other}"),
        }
    }
    Ok(added)
}
