//! The form of one directory entry on the staff screens: an entry as the
//! form's fields, the fields as a [`ServiceInput`] (every part named, so
//! the form replaces the whole entry), and the form as a page shows it,
//! with what was typed kept and an error beside each refused field.

use crate::domain::directory::input::{NAME_MAX, SHORT_MAX, TEXT_MAX};
use crate::domain::directory::{
    Audience, BookableHere, Freq, Method, Need, PhoneInput, PhoneKind, ScheduleInput, ServiceEntry,
    ServiceInput, Status,
};
use crate::domain::{FieldErrors, Lang};
use crate::i18n::directory::{
    audience_label, bookable_label, freq_label, method_label, need_label, phone_kind_label,
    status_label,
};
use crate::i18n::messages::field_message;
use crate::i18n::Texts;
use crate::web::pages::ErrorLine;

/// The form's fields, as sent (or as an entry fills them).
pub(super) type Pairs = Vec<(String, String)>;

/// Phone and schedule rows the form shows beyond those an entry has.
const SPARE_ROWS: usize = 1;
/// At most this many rows of each are read from a form.
const MAX_ROWS: usize = 20;

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn values(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn checked(pairs: &[(String, String)], name: &str) -> bool {
    value(pairs, name) == "yes"
}

/// The plain text fields: (name, multi-line, limit).
const TEXTS: &[(&str, bool, usize)] = &[
    ("organization_name", false, NAME_MAX),
    ("organization_url", false, SHORT_MAX),
    ("name", false, NAME_MAX),
    ("name_en", false, NAME_MAX),
    ("description", true, TEXT_MAX),
    ("description_en", true, TEXT_MAX),
    ("eligibility", false, SHORT_MAX),
    ("fees", false, SHORT_MAX),
    ("email", false, SHORT_MAX),
    ("url", false, SHORT_MAX),
    ("address", false, SHORT_MAX),
    ("hours_note", false, SHORT_MAX),
    ("hours_note_en", false, SHORT_MAX),
];

/// The yes/no fields.
const FLAGS: &[&str] = &["free", "closed_on_holidays", "closed_year_end", "crisis"];

/// An entry as the form's fields.
pub(super) fn pairs_of(e: &ServiceEntry) -> Pairs {
    let mut p: Pairs = Vec::new();
    let mut put = |k: &str, v: String| p.push((k.to_string(), v));
    let texts = [
        e.organization.name.clone(),
        e.organization.url.clone(),
        e.name.clone(),
        e.name_en.clone(),
        e.description.clone(),
        e.description_en.clone(),
        e.eligibility.clone(),
        e.fees.clone(),
        e.email.clone(),
        e.url.clone(),
        e.address.clone(),
        e.hours_note.clone(),
        e.hours_note_en.clone(),
    ];
    for ((name, _, _), v) in TEXTS.iter().zip(texts) {
        put(name, v);
    }
    let flags = [e.free, e.closed_on_holidays, e.closed_year_end, e.crisis];
    for (name, on) in FLAGS.iter().zip(flags) {
        if on {
            put(name, "yes".into());
        }
    }
    e.needs.iter().for_each(|n| put("needs", n.code().into()));
    e.audiences
        .iter()
        .for_each(|a| put("audiences", a.code().into()));
    e.methods
        .iter()
        .for_each(|m| put("methods", m.code().into()));
    for (i, ph) in e.phones.iter().enumerate() {
        put(&format!("phone_number_{i}"), ph.number.clone());
        put(&format!("phone_type_{i}"), ph.kind.code().into());
        put(&format!("phone_description_{i}"), ph.description.clone());
    }
    for (i, s) in e.schedules.iter().enumerate() {
        let time = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
        put(&format!("freq_{i}"), s.freq.code().into());
        put(&format!("byday_{i}"), s.byday_text());
        put(
            &format!("opens_at_{i}"),
            time(s.opens_at).unwrap_or_default(),
        );
        put(
            &format!("closes_at_{i}"),
            time(s.closes_at).unwrap_or_default(),
        );
        put(
            &format!("valid_from_{i}"),
            s.valid_from.map(|d| d.to_string()).unwrap_or_default(),
        );
        put(
            &format!("valid_to_{i}"),
            s.valid_to.map(|d| d.to_string()).unwrap_or_default(),
        );
        put(&format!("schedule_description_{i}"), s.description.clone());
    }
    put("rank", e.rank.to_string());
    put(
        "bookable_here",
        e.bookable_here.map(|b| b.code()).unwrap_or("").into(),
    );
    put("status", e.status.code().into());
    p
}

/// How many numbered rows (`prefix_0`, `prefix_1`, …) the form sent.
fn rows(pairs: &[(String, String)], prefix: &str) -> usize {
    pairs
        .iter()
        .filter_map(|(k, _)| k.strip_prefix(prefix)?.parse::<usize>().ok())
        .map(|i| i + 1)
        .max()
        .unwrap_or(0)
        .min(MAX_ROWS)
}

fn some(v: &str) -> Option<String> {
    Some(v.to_string()).filter(|v| !v.trim().is_empty())
}

/// The form's fields as a whole entry: every part named, so what the form
/// leaves empty is emptied. Empty rows are left out.
pub(super) fn input_of(pairs: &[(String, String)]) -> Result<ServiceInput, FieldErrors> {
    let text = |name: &str| Some(value(pairs, name).to_string());
    let phones = (0..rows(pairs, "phone_number_"))
        .filter(|i| !value(pairs, &format!("phone_number_{i}")).trim().is_empty())
        .map(|i| PhoneInput {
            number: value(pairs, &format!("phone_number_{i}")).to_string(),
            kind: some(value(pairs, &format!("phone_type_{i}"))),
            description: some(value(pairs, &format!("phone_description_{i}"))),
        })
        .collect();
    let schedules = (0..rows(pairs, "freq_"))
        .filter(|i| !value(pairs, &format!("freq_{i}")).trim().is_empty())
        .map(|i| {
            let v = |name: &str| some(value(pairs, &format!("{name}_{i}")));
            ScheduleInput {
                freq: value(pairs, &format!("freq_{i}")).to_string(),
                byday: v("byday"),
                opens_at: v("opens_at"),
                closes_at: v("closes_at"),
                valid_from: v("valid_from"),
                valid_to: v("valid_to"),
                description: v("schedule_description"),
            }
        })
        .collect();
    let rank = match crate::domain::values::normalize_text(value(pairs, "rank")).trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                let mut errors = FieldErrors::new();
                errors.insert("rank", crate::domain::FieldError::NotANumber);
                return Err(errors);
            }
        },
    };
    Ok(ServiceInput {
        organization_id: None,
        organization_name: text("organization_name"),
        organization_url: text("organization_url"),
        name: text("name"),
        name_en: text("name_en"),
        description: text("description"),
        description_en: text("description_en"),
        eligibility: text("eligibility"),
        fees: text("fees"),
        free: Some(checked(pairs, "free")),
        needs: Some(values(pairs, "needs")),
        audiences: Some(values(pairs, "audiences")),
        methods: Some(values(pairs, "methods")),
        phones: Some(phones),
        email: text("email"),
        url: text("url"),
        address: text("address"),
        hours_note: text("hours_note"),
        hours_note_en: text("hours_note_en"),
        schedules: Some(schedules),
        closed_on_holidays: Some(checked(pairs, "closed_on_holidays")),
        closed_year_end: Some(checked(pairs, "closed_year_end")),
        crisis: Some(checked(pairs, "crisis")),
        rank,
        bookable_here: text("bookable_here"),
        status: text("status").filter(|s| !s.is_empty()),
    })
}

/// A text field as the page shows it.
pub(super) struct TextInput {
    pub(super) name: &'static str,
    pub(super) label: &'static str,
    pub(super) value: String,
    pub(super) multiline: bool,
    pub(super) required: bool,
    pub(super) maxlength: usize,
    pub(super) error: Option<String>,
}

/// A checkbox or an option of a select.
pub(super) struct Choice {
    pub(super) code: &'static str,
    pub(super) label: &'static str,
    pub(super) on: bool,
}

/// A group of checkboxes (困りごと, 立場, 方法) or the yes/no fields.
pub(super) struct ChoiceGroup {
    pub(super) name: &'static str,
    pub(super) legend: &'static str,
    pub(super) options: Vec<Choice>,
    pub(super) error: Option<String>,
}

pub(super) struct PhoneRow {
    pub(super) n: usize,
    pub(super) number: String,
    pub(super) kinds: Vec<Choice>,
    pub(super) description: String,
}

pub(super) struct ScheduleRow {
    pub(super) n: usize,
    pub(super) freqs: Vec<Choice>,
    pub(super) byday: String,
    pub(super) opens_at: String,
    pub(super) closes_at: String,
    pub(super) valid_from: String,
    pub(super) valid_to: String,
    pub(super) description: String,
}

/// The whole form as a page shows it.
pub(super) struct EntryForm {
    pub(super) errors: Vec<ErrorLine>,
    pub(super) texts: Vec<TextInput>,
    pub(super) groups: Vec<ChoiceGroup>,
    pub(super) flags: Vec<Choice>,
    pub(super) phones: Vec<PhoneRow>,
    pub(super) phones_error: Option<String>,
    pub(super) schedules: Vec<ScheduleRow>,
    pub(super) schedules_error: Option<String>,
    pub(super) rank: String,
    pub(super) rank_error: Option<String>,
    pub(super) bookable: Vec<Choice>,
    pub(super) statuses: Vec<Choice>,
}

/// The label of a field, for the page and its list of errors.
pub(super) fn label(t: &Texts, field: &str) -> &'static str {
    match field {
        "organization_name" => t.staff_directory_field_organization_name,
        "organization_url" => t.staff_directory_field_organization_url,
        "name" => t.staff_directory_field_name,
        "name_en" => t.staff_directory_field_name_en,
        "description" => t.staff_directory_field_description,
        "description_en" => t.staff_directory_field_description_en,
        "eligibility" => t.staff_directory_field_eligibility,
        "fees" => t.staff_directory_field_fees,
        "email" => t.staff_directory_field_email,
        "url" => t.staff_directory_field_url,
        "address" => t.staff_directory_field_address,
        "hours_note" => t.staff_directory_field_hours_note,
        "hours_note_en" => t.staff_directory_field_hours_note_en,
        "needs" => t.staff_directory_field_needs,
        "audiences" => t.staff_directory_field_audiences,
        "methods" => t.staff_directory_field_methods,
        "phones" => t.staff_directory_field_phones,
        "schedules" => t.staff_directory_field_schedules,
        "rank" => t.staff_directory_field_rank,
        "bookable_here" => t.staff_directory_field_bookable_here,
        "status" => t.staff_directory_field_status,
        _ => t.staff_directory_form,
    }
}

/// Where the list of errors leads for a field: its input, or the first of its group.
fn anchor(field: &'static str) -> &'static str {
    match field {
        "needs" => "needs-0",
        "audiences" => "audiences-0",
        "methods" => "methods-0",
        "phones" => "phone_number_0",
        "schedules" => "freq_0",
        other => other,
    }
}

impl EntryForm {
    /// The form filled with `pairs`, with `errors` beside their fields.
    pub(super) fn new(
        pairs: &[(String, String)],
        errors: &FieldErrors,
        t: &Texts,
        lang: Lang,
    ) -> EntryForm {
        let error = |f: &str| errors.get(f).map(|e| field_message(f, e, lang));
        let group = |name: &'static str, options: Vec<(&'static str, &'static str)>| {
            let chosen = values(pairs, name);
            ChoiceGroup {
                name,
                legend: label(t, name),
                options: options
                    .into_iter()
                    .map(|(code, label)| Choice {
                        code,
                        label,
                        on: chosen.iter().any(|c| c == code),
                    })
                    .collect(),
                error: error(name),
            }
        };
        let select = |current: &str, options: Vec<(&'static str, &'static str)>| -> Vec<Choice> {
            options
                .into_iter()
                .map(|(code, label)| Choice {
                    code,
                    label,
                    on: code == current,
                })
                .collect()
        };
        let kinds: Vec<(&str, &str)> = PhoneKind::ALL
            .iter()
            .map(|k| (k.code(), phone_kind_label(*k, lang)))
            .collect();
        let mut freqs: Vec<(&str, &str)> = vec![("", t.staff_directory_freq_none)];
        freqs.extend(
            [Freq::Weekly, Freq::Monthly, Freq::Daily]
                .iter()
                .map(|f| (f.code(), freq_label(*f, lang))),
        );
        let phones = (0..rows(pairs, "phone_number_") + SPARE_ROWS)
            .map(|n| {
                let v = |name: &str| value(pairs, &format!("{name}_{n}")).to_string();
                PhoneRow {
                    n,
                    number: v("phone_number"),
                    kinds: select(&v("phone_type"), kinds.clone()),
                    description: v("phone_description"),
                }
            })
            .collect();
        let schedules = (0..rows(pairs, "freq_") + SPARE_ROWS)
            .map(|n| {
                let v = |name: &str| value(pairs, &format!("{name}_{n}")).to_string();
                ScheduleRow {
                    n,
                    freqs: select(&v("freq"), freqs.clone()),
                    byday: v("byday"),
                    opens_at: v("opens_at"),
                    closes_at: v("closes_at"),
                    valid_from: v("valid_from"),
                    valid_to: v("valid_to"),
                    description: v("schedule_description"),
                }
            })
            .collect();
        let mut bookable = vec![("", bookable_label(None, lang))];
        bookable.extend(
            BookableHere::ALL
                .iter()
                .map(|b| (b.code(), bookable_label(Some(*b), lang))),
        );
        let status = Some(value(pairs, "status"))
            .filter(|s| !s.is_empty())
            .unwrap_or(Status::Active.code());
        let flag_labels = [
            t.staff_directory_field_free,
            t.staff_directory_field_closed_on_holidays,
            t.staff_directory_field_closed_year_end,
            t.staff_directory_field_crisis,
        ];
        EntryForm {
            errors: errors
                .iter()
                .map(|(field, e)| ErrorLine {
                    field: anchor(field),
                    label: label(t, field),
                    message: field_message(field, e, lang),
                })
                .collect(),
            texts: TEXTS
                .iter()
                .map(|(name, multiline, maxlength)| TextInput {
                    name,
                    label: label(t, name),
                    value: value(pairs, name).to_string(),
                    multiline: *multiline,
                    required: matches!(*name, "name" | "organization_name"),
                    maxlength: *maxlength,
                    error: error(name),
                })
                .collect(),
            groups: vec![
                group(
                    "needs",
                    Need::ALL
                        .iter()
                        .map(|n| (n.code(), need_label(*n, lang)))
                        .collect(),
                ),
                group(
                    "audiences",
                    Audience::ALL
                        .iter()
                        .map(|a| (a.code(), audience_label(*a, lang)))
                        .collect(),
                ),
                group(
                    "methods",
                    Method::ALL
                        .iter()
                        .map(|m| (m.code(), method_label(*m, lang)))
                        .collect(),
                ),
            ],
            flags: FLAGS
                .iter()
                .zip(flag_labels)
                .map(|(code, label)| Choice {
                    code,
                    label,
                    on: checked(pairs, code),
                })
                .collect(),
            phones,
            phones_error: error("phones"),
            schedules,
            schedules_error: error("schedules"),
            rank: value(pairs, "rank").to_string(),
            rank_error: error("rank"),
            bookable: select(value(pairs, "bookable_here"), bookable),
            statuses: select(
                status,
                Status::ALL
                    .iter()
                    .map(|s| (s.code(), status_label(*s, lang)))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::ServiceInput;

    fn sample() -> ServiceEntry {
        let input: ServiceInput = serde_json::from_value(serde_json::json!({
            "organization_name": "仙台市",
            "name": "くらしの相談",
            "needs": ["debt", "family"],
            "audiences": ["worker"],
            "methods": ["phone"],
            "phones": [{"number": "022-225-7211", "type": "voice", "description": "代表"}],
            "schedules": [{"freq": "MONTHLY", "byday": "2WE", "opens_at": "18:30", "closes_at": "21:00"}],
            "closed_on_holidays": true,
            "crisis": true,
            "rank": 5,
            "bookable_here": "evening",
            "status": "temporarily closed"
        }))
        .unwrap();
        input.validate(None, "s-1".into(), "o-1".into()).unwrap()
    }

    #[test]
    fn an_entry_through_the_form_comes_back_the_same() {
        let entry = sample();
        let input = input_of(&pairs_of(&entry)).unwrap();
        let back = input.validate(
            Some(&entry),
            entry.id.clone(),
            entry.organization.id.clone(),
        );
        assert_eq!(back.unwrap(), entry);
    }

    #[test]
    fn what_the_form_leaves_empty_is_emptied_and_empty_rows_are_left_out() {
        let entry = sample();
        let mut pairs = pairs_of(&entry);
        pairs.retain(|(k, _)| !k.starts_with("phone_") && k != "crisis" && k != "audiences");
        pairs.push(("phone_number_3".into(), "".into()));
        pairs.push(("freq_1".into(), "".into()));
        let changed = input_of(&pairs)
            .unwrap()
            .validate(
                Some(&entry),
                entry.id.clone(),
                entry.organization.id.clone(),
            )
            .unwrap();
        assert!(changed.phones.is_empty());
        assert!(!changed.crisis);
        assert!(changed.audiences.is_empty());
        assert_eq!(changed.schedules, entry.schedules);
    }

    #[test]
    fn a_refused_form_keeps_what_was_typed_beside_its_errors() {
        let mut pairs = pairs_of(&sample());
        pairs.retain(|(k, _)| k != "needs" && k != "rank");
        pairs.push(("rank".into(), "十".into()));
        assert!(input_of(&pairs).unwrap_err().contains_key("rank"));
        pairs.retain(|(k, _)| k != "rank");
        let errors = input_of(&pairs)
            .unwrap()
            .validate(None, "s".into(), "o".into())
            .unwrap_err();
        assert!(errors.contains_key("needs"));
        let t = crate::i18n::texts(Lang::Ja);
        let form = EntryForm::new(&pairs, &errors, t, Lang::Ja);
        assert!(form.errors.iter().any(|e| e.field == "needs-0"));
        assert_eq!(
            form.texts.iter().find(|f| f.name == "name").unwrap().value,
            "くらしの相談"
        );
        assert!(form.groups[0].error.is_some());
        assert_eq!(form.phones.len(), 2, "the row sent and a spare one");
        assert!(form
            .statuses
            .iter()
            .any(|s| s.on && s.code == "temporarily closed"));
    }
}
