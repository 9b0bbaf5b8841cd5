//! The figures as tables (the council's 資料): a title, headers and rows
//! for each, the same for the page, the CSV and the workbook. For outside
//! the office a count of people under `min` is hidden (「3未満」); the
//! tables never hold a name, a contact or a note.

use super::evening::EveningYear;
use super::health::HealthYear;
use super::Audience;
use crate::domain::figures::small::outside;
use crate::domain::{AgeBand, Lang, Profession, Topic};
use crate::i18n::{age_band_label, texts, topic_label, Texts};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count of people (hidden under the minimum outside the office).
    People(u64),
    /// A count of something else (slots, evenings).
    Count(u64),
    /// A measure (a rate, days); `None` when there is none.
    Number(Option<f64>),
    /// Fewer than this many people.
    Fewer(u64),
}

/// One table.
#[derive(Debug, Clone)]
pub struct Table {
    /// The sheet's name (31 characters at most).
    pub sheet: String,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Counts of people under `min` hidden, for outside the office.
    fn hide_small(mut self, audience: Audience, min: u64) -> Table {
        if audience == Audience::Outside {
            for row in &mut self.rows {
                for cell in row.iter_mut() {
                    if let Cell::People(n) = *cell {
                        if let crate::domain::figures::small::Cell::Fewer(m) = outside(n, min) {
                            *cell = Cell::Fewer(m);
                        }
                    }
                }
            }
        }
        self
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn plain(words: &str) -> String {
    crate::i18n::ruby::base(words).into_owned()
}

/// The evening's tables.
pub fn evening(year: &EveningYear, lang: Lang, audience: Audience, min: u64) -> Vec<Table> {
    let t = texts(lang);
    let f = &year.figures;
    let (l, p) = (
        f.slots(Profession::Lawyer),
        f.slots(Profession::Psychologist),
    );
    let row3 = |label: &str, a: u64, b: u64, people: bool| {
        let cell = |n| {
            if people {
                Cell::People(n)
            } else {
                Cell::Count(n)
            }
        };
        vec![text(label), cell(a), cell(b), cell(a + b)]
    };
    let slots = Table {
        sheet: t.table_slots.into(),
        title: t.table_slots.into(),
        headers: vec![
            t.col_item.into(),
            t.col_lawyer.into(),
            t.col_psychologist.into(),
            t.col_total.into(),
        ],
        rows: vec![
            vec![
                text(t.row_evenings),
                Cell::Count(f.evenings),
                Cell::Count(f.evenings),
                Cell::Count(f.evenings),
            ],
            row3(t.row_offered, l.offered, p.offered, false),
            row3(t.row_booked, l.booked, p.booked, true),
            row3(t.row_attended, l.attended, p.attended, true),
            row3(t.row_no_show, l.no_show, p.no_show, true),
            row3(t.row_late_cancel, l.late_cancel, p.late_cancel, true),
            row3(t.row_unused, l.unused, p.unused, false),
            vec![
                text(t.row_fill_rate),
                Cell::Number(rate(l.booked, l.offered)),
                Cell::Number(rate(p.booked, p.offered)),
                Cell::Number(Some((f.fill_rate * 1000.0).round() / 10.0)),
            ],
        ],
    };
    let two = |label: &str, n: u64| vec![text(label), Cell::People(n)];
    let people = Table {
        sheet: t.table_people.into(),
        title: t.table_people.into(),
        headers: vec![t.col_item.into(), t.col_count.into()],
        rows: vec![
            two(t.row_people, f.people),
            two(t.row_consultations, f.consultations),
            two(t.row_both, f.both_professionals),
            two(t.row_first, f.first_visits),
            two(t.row_returning, f.returning),
        ],
    };
    let w = &f.waitlist;
    let waitlist = Table {
        sheet: t.table_waitlist.into(),
        title: t.table_waitlist.into(),
        headers: vec![t.col_item.into(), t.col_count.into()],
        rows: vec![
            two(t.row_joins, w.joins),
            two(t.row_offers, w.offers),
            two(t.row_accepted, w.accepted),
            two(t.row_declined, w.declined),
            two(t.row_expired, w.expired),
        ],
    };
    let counted = |codes: Vec<(String, String)>, map: &std::collections::BTreeMap<String, u64>| {
        let mut rows: Vec<Vec<Cell>> = codes
            .into_iter()
            .map(|(code, label)| {
                vec![
                    Cell::Text(label),
                    Cell::People(map.get(&code).copied().unwrap_or(0)),
                ]
            })
            .collect();
        rows.push(vec![
            text(t.row_unanswered),
            Cell::People(map.get("").copied().unwrap_or(0)),
        ]);
        rows
    };
    let age = Table {
        sheet: t.table_age.into(),
        title: t.table_age.into(),
        headers: vec![t.table_age.into(), t.row_consultations.into()],
        rows: counted(
            AgeBand::ALL
                .iter()
                .map(|a| (a.code().to_string(), plain(age_band_label(*a, lang))))
                .collect(),
            &f.age_bands,
        ),
    };
    let topic = Table {
        sheet: t.table_topic.into(),
        title: t.table_topic.into(),
        headers: vec![t.table_topic.into(), t.row_consultations.into()],
        rows: counted(
            Topic::ALL
                .iter()
                .map(|x| (x.code().to_string(), plain(topic_label(*x, lang))))
                .collect(),
            &f.topics,
        ),
    };
    let (made, arrived, open, kept) = year.referrals;
    let referrals = Table {
        sheet: t.table_referrals.into(),
        title: t.table_referrals.into(),
        headers: vec![t.col_item.into(), t.col_count.into()],
        rows: vec![
            two(t.row_referrals_made, made as u64),
            two(t.row_referrals_arrived, arrived as u64),
            two(t.row_referrals_open, open as u64),
            two(t.row_follow_ups_kept, kept as u64),
        ],
    };
    [slots, people, waitlist, age, topic, referrals]
        .into_iter()
        .map(|table| table.hide_small(audience, min))
        .collect()
}

/// The heard-from table, with the configured answers' names.
pub fn heard_from(
    year: &EveningYear,
    choices: &[crate::config::HeardFromChoice],
    lang: Lang,
    audience: Audience,
    min: u64,
) -> Table {
    let t = texts(lang);
    let map = &year.figures.heard_from;
    let mut rows: Vec<Vec<Cell>> = choices
        .iter()
        .map(|c| {
            vec![
                Cell::Text(crate::i18n::configured(lang, &c.name, &c.name_en).to_string()),
                Cell::People(map.get(&c.code).copied().unwrap_or(0)),
            ]
        })
        .collect();
    rows.push(vec![
        text(t.row_unanswered),
        Cell::People(map.get("").copied().unwrap_or(0)),
    ]);
    Table {
        sheet: t.table_heard.into(),
        title: t.table_heard.into(),
        headers: vec![t.table_heard.into(), t.row_booked.into()],
        rows,
    }
    .hide_small(audience, min)
}

/// The health centre's month by month.
pub fn health(year: &HealthYear, lang: Lang, audience: Audience, min: u64) -> Vec<Table> {
    let t: &Texts = texts(lang);
    let rows = year
        .months
        .iter()
        .zip(&year.counts)
        .map(|(m, counts)| {
            let mut row = vec![
                Cell::Text(m.month.clone()),
                Cell::Count(counts.received.max(0) as u64),
                Cell::Count(counts.waiting_at_end.max(0) as u64),
                Cell::People(u64::from(m.workplaces)),
            ];
            row.extend(m.workers.iter().map(|w| Cell::People(u64::from(*w))));
            row.extend([
                Cell::Number(m.median_wait_days.map(|d| d as f64)),
                Cell::Number(m.p90_wait_days.map(|d| d as f64)),
                Cell::People(u64::from(m.seen_after_due)),
                Cell::People(counts.no_shows.max(0) as u64),
            ]);
            row
        })
        .collect();
    vec![Table {
        sheet: t.table_health_months.into(),
        title: t.table_health_months.into(),
        headers: [
            t.col_month,
            t.col_received,
            t.col_waiting,
            t.col_workplaces,
            t.col_consultation,
            t.col_checkup,
            t.col_long_hours,
            t.col_high_stress,
            t.col_median_wait,
            t.col_p90_wait,
            t.col_after_due,
            t.col_no_shows,
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
    .hide_small(audience, min)]
}

fn rate(booked: u64, offered: u64) -> Option<f64> {
    (offered > 0).then(|| (booked as f64 * 1000.0 / offered as f64).round() / 10.0)
}

/// A cell as text (the page and the CSV).
pub fn words(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::People(n) | Cell::Count(n) => n.to_string(),
        Cell::Number(Some(x)) if x.fract() == 0.0 => format!("{x:.0}"),
        Cell::Number(Some(x)) => format!("{x:.1}"),
        Cell::Number(None) => "-".into(),
        Cell::Fewer(min) => texts(lang).staff_figures_fewer(*min),
    }
}

/// The trend over the years; a year entered by hand is marked so.
pub fn trend(
    years: &[crate::domain::figures::TrendYear],
    lang: Lang,
    audience: Audience,
    min: u64,
) -> Table {
    let t = texts(lang);
    let cell = |v: Option<u64>| v.map_or(Cell::Number(None), Cell::People);
    Table {
        sheet: t.table_trend.into(),
        title: t.table_trend.into(),
        headers: [
            t.col_year,
            t.row_people,
            t.row_consultations,
            t.col_lawyer,
            t.col_psychologist,
            t.col_note,
        ]
        .map(String::from)
        .to_vec(),
        rows: years
            .iter()
            .map(|y| {
                vec![
                    Cell::Text(y.fy.label(lang)),
                    cell(y.people),
                    cell(y.consultations),
                    cell(y.lawyer),
                    cell(y.psychologist),
                    Cell::Text(if y.by_hand {
                        t.row_by_hand.to_string()
                    } else {
                        String::new()
                    }),
                ]
            })
            .collect(),
    }
    .hide_small(audience, min)
}

/// The capacity's projections, as a table (no counts of people: each row
/// is a projection).
pub fn capacity(c: &super::capacity::Capacity, lang: Lang) -> Table {
    let t = texts(lang);
    let days = |d: Option<i64>| Cell::Number(d.map(|d| d as f64));
    Table {
        sheet: t.table_capacity.into(),
        title: t.table_capacity.into(),
        headers: [
            t.col_per_month,
            t.col_change,
            t.col_median_wait,
            t.col_p90_wait,
            t.col_past_due,
            t.col_still_waiting,
        ]
        .map(String::from)
        .to_vec(),
        rows: c
            .rows
            .iter()
            .map(|(change, p)| {
                vec![
                    Cell::Count(u64::from(p.per_month)),
                    Cell::Text(format!("{change:+}")),
                    days(p.median_wait_days),
                    days(p.p90_wait_days),
                    Cell::Count(p.past_due as u64),
                    Cell::Count(p.still_waiting as u64),
                ]
            })
            .collect(),
    }
}
