use super::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn ask(
    kind: ServiceKind,
    workers: u32,
    requested_on: Option<NaiveDate>,
    checked_on: Option<NaiveDate>,
) -> ServiceAsk {
    ServiceAsk {
        kind,
        workers,
        requested_on,
        checked_on,
    }
}

#[test]
fn due_dates_follow_the_rules() {
    let rules = HealthRules::default();
    let received = ymd(2027, 1, 20);
    let long = ask(ServiceKind::LongHours, 2, Some(ymd(2027, 1, 10)), None);
    assert_eq!(rules.service_due(&long, received), Some(ymd(2027, 2, 10)));
    let stress = ask(ServiceKind::HighStress, 1, Some(ymd(2027, 1, 31)), None);
    assert_eq!(
        rules.service_due(&stress, received),
        Some(ymd(2027, 2, 28)),
        "month ends are clamped"
    );
    let opinion = ask(
        ServiceKind::CheckupOpinion,
        10,
        None,
        Some(ymd(2026, 12, 1)),
    );
    assert_eq!(rules.service_due(&opinion, received), Some(ymd(2027, 3, 1)));
    let consult = ask(ServiceKind::Consultation, 3, None, None);
    assert_eq!(rules.service_due(&consult, received), None);
    assert_eq!(
        rules.request_due(&[consult.clone(), opinion.clone(), long.clone()], received),
        Some(ymd(2027, 2, 10))
    );
    assert_eq!(
        rules.request_due(std::slice::from_ref(&consult), received),
        None
    );
    // Without the worker's date, the request's own date stands in.
    let undated = ask(ServiceKind::LongHours, 1, None, None);
    assert_eq!(
        rules.service_due(&undated, received),
        Some(ymd(2027, 2, 20))
    );
    assert_eq!(rules.workload(&[consult, opinion]), (13, 3 * 30 + 10 * 20));
}

#[test]
fn flags_for_overdue_and_near() {
    let rules = HealthRules::default();
    let today = ymd(2027, 2, 1);
    assert_eq!(rules.flag(Some(ymd(2027, 1, 31)), today), DueFlag::Overdue);
    assert_eq!(rules.flag(Some(ymd(2027, 2, 15)), today), DueFlag::DueSoon);
    assert_eq!(rules.flag(Some(ymd(2027, 2, 16)), today), DueFlag::None);
    assert_eq!(rules.flag(None, today), DueFlag::None);
}

#[test]
fn the_queue_is_ordered_by_due_date_then_arrival() {
    let q = |id, seq, due: Option<NaiveDate>| Queued {
        id,
        seq,
        due,
        moved_to: None,
    };
    let mut queue = vec![
        q(1, 1, None),
        q(2, 2, Some(ymd(2027, 3, 1))),
        q(3, 3, Some(ymd(2027, 2, 1))),
        q(4, 4, None),
        q(5, 5, Some(ymd(2027, 2, 1))),
    ];
    order(&mut queue);
    let ids: Vec<i64> = queue.iter().map(|x| x.id).collect();
    assert_eq!(ids, [3, 5, 2, 1, 4]);
    // Staff move request 4 ahead (as if due 2027-01-15).
    queue.iter_mut().find(|x| x.id == 4).unwrap().moved_to = Some(ymd(2027, 1, 15));
    order(&mut queue);
    assert_eq!(queue[0].id, 4);
}

#[test]
fn estimates_count_in_months_of_throughput() {
    let today = ymd(2027, 1, 20);
    assert_eq!(estimate_month(1, 55, 40, today), (2027, 1));
    assert_eq!(estimate_month(15, 55, 40, today), (2027, 1));
    assert_eq!(estimate_month(16, 55, 40, today), (2027, 2));
    assert_eq!(estimate_month(70, 55, 40, today), (2027, 2));
    assert_eq!(estimate_month(71, 55, 40, today), (2027, 3));
    assert_eq!(
        estimate_month(120, 55, 60, today),
        (2027, 4),
        "nothing left in January: 55 a month from February"
    );
    assert_eq!(estimate_month(1, 0, 0, ymd(2027, 12, 5)), (2027, 12));
}

fn block(
    id: i64,
    doctor: i64,
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
    place: Place,
    capacity: u32,
) -> Block {
    Block {
        id,
        doctor_id: doctor,
        date,
        start,
        end,
        place,
        capacity,
    }
}

fn pending(
    id: i64,
    due: Option<NaiveDate>,
    place: Place,
    interviews: u32,
    minutes: u32,
) -> Pending {
    Pending {
        queued: Queued {
            id,
            seq: id,
            due,
            moved_to: None,
        },
        place,
        weekdays: Vec::new(),
        time_of_day: TimeOfDay::Any,
        interviews,
        minutes,
    }
}

#[test]
fn the_most_urgent_request_takes_the_first_block() {
    let blocks = [
        block(
            1,
            10,
            ymd(2027, 2, 2),
            hm(14, 0),
            hm(15, 0),
            Place::Centre,
            2,
        ),
        block(
            2,
            10,
            ymd(2027, 2, 9),
            hm(14, 0),
            hm(16, 0),
            Place::Centre,
            4,
        ),
    ];
    let requests = [
        pending(1, None, Place::Centre, 2, 60),
        pending(2, Some(ymd(2027, 2, 20)), Place::Centre, 2, 60),
        pending(3, Some(ymd(2027, 2, 5)), Place::Centre, 2, 60),
    ];
    let p = propose(&requests, &blocks, ymd(2027, 2, 1), ymd(2027, 2, 28));
    let at = |id| {
        p.assignments
            .iter()
            .find(|a| a.request_id == id)
            .map(|a| (a.block_id, a.start))
    };
    assert_eq!(at(3), Some((1, hm(14, 0))), "due first: the first block");
    assert_eq!(at(2), Some((2, hm(14, 0))));
    assert_eq!(
        at(1),
        Some((2, hm(15, 0))),
        "then the next time in the same block"
    );
    assert!(p.unassigned.is_empty());
}

#[test]
fn preferences_place_and_overlaps_are_respected() {
    let monday = ymd(2027, 2, 1);
    let blocks = [
        block(1, 10, monday, hm(9, 0), hm(12, 0), Place::Centre, 6),
        block(2, 10, monday, hm(11, 0), hm(13, 0), Place::Visit, 6), // overlaps block 1: left out
        block(
            3,
            11,
            monday + chrono::Duration::days(1),
            hm(14, 0),
            hm(17, 0),
            Place::Visit,
            6,
        ),
    ];
    let mut wants_tuesday_afternoon = pending(1, None, Place::Visit, 1, 30);
    wants_tuesday_afternoon.weekdays = vec![Weekday::Tue];
    wants_tuesday_afternoon.time_of_day = TimeOfDay::Afternoon;
    let mut wants_morning = pending(2, None, Place::Centre, 1, 30);
    wants_morning.time_of_day = TimeOfDay::Morning;
    let second_visit = pending(3, None, Place::Visit, 1, 30);
    let p = propose(
        &[wants_tuesday_afternoon, wants_morning, second_visit],
        &blocks,
        monday,
        monday + chrono::Duration::days(6),
    );
    let at = |id| {
        p.assignments
            .iter()
            .find(|a| a.request_id == id)
            .map(|a| a.block_id)
    };
    assert_eq!(at(1), Some(3));
    assert_eq!(at(2), Some(1));
    assert_eq!(
        at(3),
        None,
        "a visit block serves one workplace; the overlapping one is left out"
    );
    assert_eq!(p.unassigned, vec![3]);
}

/// Random scenarios: the assistant's promises hold for every one.
#[test]
fn property_the_assistant_keeps_its_promises() {
    let from = ymd(2027, 4, 1);
    let to = ymd(2027, 4, 30);
    for seed in 0..300u64 {
        let mut rng = StdRng::seed_from_u64(seed);
        let doctors = rng.random_range(1..6);
        let blocks: Vec<Block> = (0..rng.random_range(0..25))
            .map(|i| {
                let date = from + chrono::Duration::days(rng.random_range(-3..33));
                let start = hm(rng.random_range(8..18), [0, 30][rng.random_range(0..2)]);
                let end = start + chrono::Duration::minutes(rng.random_range(1..7) * 30);
                let place = if rng.random_bool(0.7) {
                    Place::Centre
                } else {
                    Place::Visit
                };
                block(
                    i,
                    rng.random_range(0..doctors),
                    date,
                    start,
                    end,
                    place,
                    rng.random_range(0..8),
                )
            })
            .collect();
        let requests: Vec<Pending> = (0..rng.random_range(0..40))
            .map(|i| {
                let due = rng
                    .random_bool(0.6)
                    .then(|| from + chrono::Duration::days(rng.random_range(-10..60)));
                let place = if rng.random_bool(0.7) {
                    Place::Centre
                } else {
                    Place::Visit
                };
                let interviews = rng.random_range(1..4);
                let mut p = pending(
                    i,
                    due,
                    place,
                    interviews,
                    interviews * [20, 30, 40][rng.random_range(0..3)],
                );
                p.queued.seq = rng.random_range(0..1000);
                if rng.random_bool(0.3) {
                    p.weekdays =
                        vec![[Weekday::Mon, Weekday::Wed, Weekday::Fri][rng.random_range(0..3)]];
                }
                p.time_of_day = [TimeOfDay::Any, TimeOfDay::Morning, TimeOfDay::Afternoon]
                    [rng.random_range(0..3)];
                p
            })
            .collect();
        let proposal = propose(&requests, &blocks, from, to);
        let block_of = |id: i64| blocks.iter().find(|b| b.id == id).unwrap();
        let request_of = |id: i64| requests.iter().find(|r| r.queued.id == id).unwrap();

        // Every request is proposed once, or reported unassigned.
        let mut seen: Vec<i64> = proposal
            .assignments
            .iter()
            .map(|a| a.request_id)
            .chain(proposal.unassigned.iter().copied())
            .collect();
        seen.sort();
        let mut all: Vec<i64> = requests.iter().map(|r| r.queued.id).collect();
        all.sort();
        assert_eq!(seen, all, "seed {seed}");

        for a in &proposal.assignments {
            let (b, r) = (block_of(a.block_id), request_of(a.request_id));
            // Within the period and the block, at the right place, as preferred.
            assert!(a.date >= from && a.date <= to, "seed {seed}");
            assert!(a.start >= b.start && a.end <= b.end, "seed {seed}");
            assert_eq!(b.place, r.place, "seed {seed}");
            assert!(
                r.weekdays.is_empty() || r.weekdays.contains(&a.date.weekday()),
                "seed {seed}"
            );
            assert!(r.time_of_day.admits(b.start), "seed {seed}");
        }
        // No block over capacity; a visit block serves one workplace.
        for b in &blocks {
            let here: Vec<&Assignment> = proposal
                .assignments
                .iter()
                .filter(|a| a.block_id == b.id)
                .collect();
            let interviews: u32 = here
                .iter()
                .map(|a| request_of(a.request_id).interviews)
                .sum();
            assert!(
                interviews <= b.capacity,
                "seed {seed}: block {} over capacity",
                b.id
            );
            if b.place == Place::Visit {
                assert!(here.len() <= 1, "seed {seed}");
            }
        }
        // A doctor is never in two places at once.
        for (i, a) in proposal.assignments.iter().enumerate() {
            for c in &proposal.assignments[i + 1..] {
                if a.doctor_id == c.doctor_id && a.date == c.date {
                    assert!(
                        a.end <= c.start || c.end <= a.start,
                        "seed {seed}: doctor {} double-booked",
                        a.doctor_id
                    );
                }
            }
        }
        // No request is scheduled after (or instead of) a more urgent one that
        // wanted the same and needed no more.
        for a in &proposal.assignments {
            let later = request_of(a.request_id);
            for earlier in &requests {
                let same_wish = earlier.place == later.place
                    && earlier.weekdays == later.weekdays
                    && earlier.time_of_day == later.time_of_day
                    && earlier.interviews <= later.interviews
                    && earlier.minutes <= later.minutes;
                if same_wish && earlier.queued.sort_key() < later.queued.sort_key() {
                    let got = proposal
                        .assignments
                        .iter()
                        .find(|x| x.request_id == earlier.queued.id);
                    assert!(
                        got.is_some_and(
                            |x| (x.date, x.start) <= (a.date, a.start) || x.block_id == a.block_id
                        ),
                        "seed {seed}: request {} (more urgent) not before {}",
                        earlier.queued.id,
                        later.queued.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_year_of_a_centre_is_proposed_quickly() {
    let mut rng = StdRng::seed_from_u64(7);
    let from = ymd(2027, 4, 1);
    let blocks: Vec<Block> = (0..600)
        .map(|i| {
            block(
                i,
                i % 20,
                from + chrono::Duration::days(i / 2),
                hm(9 + (i % 2) as u32 * 5, 0),
                hm(12 + (i % 2) as u32 * 5, 0),
                if i % 5 == 0 {
                    Place::Visit
                } else {
                    Place::Centre
                },
                6,
            )
        })
        .collect();
    let requests: Vec<Pending> = (0..700)
        .map(|i| {
            let due = rng
                .random_bool(0.5)
                .then(|| from + chrono::Duration::days(rng.random_range(0..365)));
            pending(
                i,
                due,
                if i % 6 == 0 {
                    Place::Visit
                } else {
                    Place::Centre
                },
                2,
                60,
            )
        })
        .collect();
    let started = std::time::Instant::now();
    let p = propose(&requests, &blocks, from, from + chrono::Duration::days(365));
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(p.assignments.len() > 600);
}

#[test]
fn the_forecast_follows_the_blocks_then_the_throughput() {
    let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
    let t = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let pending = |id: i64| Pending {
        queued: Queued {
            id,
            seq: id,
            due: None,
            moved_to: None,
        },
        place: Place::Centre,
        weekdays: Vec::new(),
        time_of_day: TimeOfDay::Any,
        interviews: 1,
        minutes: 30,
    };
    let queue: Vec<Pending> = (1..=4).map(pending).collect();
    // One block in March takes two requests.
    let blocks = vec![Block {
        id: 1,
        doctor_id: 1,
        date: d(3, 10),
        start: t(9),
        end: t(10),
        place: Place::Centre,
        capacity: 2,
    }];
    let today = d(1, 20);
    assert_eq!(forecast(1, &queue, &blocks, today, 1), (2027, 3));
    assert_eq!(forecast(2, &queue, &blocks, today, 1), (2027, 3));
    // Beyond the blocks, one a month from April.
    assert_eq!(forecast(3, &queue, &blocks, today, 1), (2027, 4));
    assert_eq!(forecast(4, &queue, &blocks, today, 1), (2027, 5));
    // Without blocks, from this month.
    assert_eq!(forecast(4, &queue, &[], today, 2), (2027, 2));
}

#[test]
fn an_estimate_is_later_than_the_due_date_only_in_a_later_month() {
    let due = Some(ymd(2026, 12, 20));
    assert!(estimate_after_due((2027, 2), due));
    assert!(estimate_after_due((2027, 1), due));
    assert!(!estimate_after_due((2026, 12), due));
    assert!(!estimate_after_due((2026, 11), due));
    assert!(
        !estimate_after_due((2030, 1), None),
        "no due date, nothing is late"
    );
}

#[test]
fn a_reminder_comes_only_for_an_accepted_date_and_not_right_after_it() {
    let accepted = chrono::DateTime::parse_from_rfc3339("2027-01-10T10:00:00+09:00")
        .unwrap()
        .to_utc();
    let h = chrono::Duration::hours;
    assert!(!reminder_wanted(accepted + h(1), None), "not accepted");
    assert!(!reminder_wanted(accepted - h(1), Some(accepted)));
    assert!(!reminder_wanted(accepted + h(11), Some(accepted)));
    assert!(reminder_wanted(accepted + h(12), Some(accepted)));
    assert!(reminder_wanted(accepted + h(48), Some(accepted)));
}
