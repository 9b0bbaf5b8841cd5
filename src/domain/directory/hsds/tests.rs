use super::*;
use crate::domain::directory::tests::entry;
use crate::domain::directory::{
    Audience, BookableHere, Confirmation, Method, Need, Phone, PhoneKind, Status,
};
use crate::domain::FieldError;
use chrono::NaiveDate;
use std::collections::HashMap;

const SERVICE: &str = "7d0e1a52-3b57-4c43-9c1e-2f6f1d0a0001";
const OTHER: &str = "7d0e1a52-3b57-4c43-9c1e-2f6f1d0a0002";
const ORG: &str = "0b1c2d3e-4f50-4a61-8b72-000000000001";

fn label(t: Term) -> (String, String) {
    (format!("{}（日本語）", t.code()), t.code().to_string())
}

/// 宮城県司法書士会 as staff might have kept it, with every part filled.
fn scriveners() -> ServiceEntry {
    let mut e = entry(SERVICE, &[Need::Debt, Need::Legal]);
    e.organization.id = ORG.into();
    e.organization.name = "宮城県司法書士会".into();
    e.organization.url = "https://example.jp/".into();
    e.name = "司法書士の相談センター".into();
    e.name_en = "Judicial scriveners' consultation".into();
    e.description = "借金、相続の相談。「予約制」, 電話で。".into();
    e.eligibility = "どなたでも".into();
    e.audiences = vec![Audience::Worker, Audience::Family];
    e.methods = vec![Method::Phone, Method::InPerson];
    e.phones = vec![Phone {
        number: "022-263-6755".into(),
        kind: PhoneKind::Voice,
        description: "予約".into(),
    }];
    e.address = "仙台市青葉区五橋一丁目".into();
    e.hours_note = "月・水・金 13:30〜16:30".into();
    e.schedules = vec![
        Schedule::weekly("MO,WE,FR", "13:30", "16:30").unwrap(),
        Schedule {
            freq: crate::domain::directory::Freq::Monthly,
            byday: crate::domain::directory::ByDay::parse_list("2WE").unwrap(),
            ..Schedule::weekly("", "18:30", "20:30").unwrap()
        },
    ];
    e.closed_on_holidays = true;
    e.closed_year_end = true;
    e.rank = 7;
    e.bookable_here = Some(BookableHere::Evening);
    e.confirmed = Some(Confirmation {
        on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        by: "佐藤".into(),
    });
    e
}

fn lifeline() -> ServiceEntry {
    let mut e = entry(OTHER, &[Need::Suicidal]);
    e.organization.id = ORG.into();
    e.organization.name = "宮城県司法書士会".into();
    e.organization.url = "https://example.jp/".into();
    e.schedules = vec![Schedule::always()];
    e.crisis = true;
    e.status = Status::TemporarilyClosed;
    e
}

fn package(entries: &[ServiceEntry]) -> HashMap<String, (String, Table)> {
    write(entries, &label)
        .into_iter()
        .map(|(r, t)| (r.name.to_string(), (r.path.to_string(), t)))
        .collect()
}

fn cell<'a>(
    tables: &'a HashMap<String, (String, Table)>,
    name: &str,
    row: usize,
    column: &str,
) -> &'a str {
    let t = &tables[name].1;
    let i = t.header.iter().position(|h| h == column).unwrap();
    &t.rows[row][i]
}

fn set(
    tables: &mut HashMap<String, (String, Table)>,
    name: &str,
    row: usize,
    column: &str,
    value: &str,
) {
    let t = &mut tables.get_mut(name).unwrap().1;
    let i = t.header.iter().position(|h| h == column).unwrap();
    t.rows[row][i] = value.into();
}

#[test]
fn a_directory_written_as_a_package_reads_back_the_same() {
    let entries = vec![scriveners(), lifeline()];
    let back = read(&package(&entries)).unwrap();
    assert_eq!(back.len(), 2);
    assert_eq!(back[0], entries[0]);
    // Every day, all day: HSDS has no DAILY, so it travels as weekly on
    // all seven days, and means the same when it comes back.
    assert!(same(&back[1], &entries[1]));
}

#[test]
fn schedules_use_hsds_words_and_every_day_is_weekly_on_seven_days() {
    let tables = package(&[scriveners(), lifeline()]);
    assert_eq!(cell(&tables, "schedule", 0, "freq"), "WEEKLY");
    assert_eq!(cell(&tables, "schedule", 0, "byday"), "MO,WE,FR");
    assert_eq!(cell(&tables, "schedule", 0, "opens_at"), "13:30:00");
    assert_eq!(cell(&tables, "schedule", 1, "freq"), "MONTHLY");
    assert_eq!(cell(&tables, "schedule", 1, "byday"), "2WE");
    assert_eq!(
        cell(&tables, "schedule", 2, "byday"),
        "MO,TU,WE,TH,FR,SA,SU"
    );
    assert_eq!(cell(&tables, "schedule", 2, "opens_at"), "");
    // One organisation for the two services, described by them.
    assert_eq!(tables["organization"].1.rows.len(), 1);
    assert!(cell(&tables, "organization", 0, "description").contains("司法書士の相談センター"));
    assert_eq!(cell(&tables, "service", 1, "status"), "temporarily closed");
    assert_eq!(cell(&tables, "service", 1, "tsunagu_crisis"), "true");
    assert_eq!(cell(&tables, "taxonomy_term", 0, "code"), "need.harassment");
}

#[test]
fn ids_of_rows_tsunagu_does_not_keep_are_the_same_on_every_export() {
    let a = package(&[scriveners()]);
    let b = package(&[scriveners()]);
    assert_eq!(a, b);
    let phone = cell(&a, "phone", 0, "id");
    assert!(is_uuid(phone), "{phone}");
    assert_ne!(phone, cell(&a, "schedule", 0, "id"));
    assert!(is_uuid(&derived_id(&["x"])));
    assert!(!is_uuid("7d0e1a52-3b57-4c43-9c1e-2f6f1d0a000"));
    assert!(!is_uuid("evening"));
}

#[test]
fn the_descriptor_names_every_table_with_its_fields_keys_and_references() {
    let d = descriptor();
    assert_eq!(d["profile"], "tabular-data-package");
    let resources = d["resources"].as_array().unwrap();
    assert_eq!(resources.len(), RESOURCES.len());
    let service = resources.iter().find(|r| r["name"] == "service").unwrap();
    assert_eq!(service["path"], "services.csv");
    let status = service["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "status")
        .unwrap();
    assert_eq!(status["constraints"]["required"], true);
    assert_eq!(status["constraints"]["enum"][3], "temporarily closed");
    assert_eq!(
        service["schema"]["foreignKeys"][0]["reference"]["resource"],
        "organization"
    );
    // The header of every written table is its schema's fields, in order.
    for (r, t) in write(&[scriveners()], &label) {
        let fields: Vec<String> = d["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == r.name)
            .unwrap()["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(t.header, fields, "{}", r.name);
    }
}

#[test]
fn every_problem_is_found_with_its_file_line_and_column() {
    let mut tables = package(&[scriveners(), lifeline()]);
    set(&mut tables, "service", 0, "name", "");
    set(&mut tables, "service", 0, "status", "open");
    set(&mut tables, "service", 1, "tsunagu_free", "yes");
    set(&mut tables, "service", 1, "id", SERVICE);
    set(&mut tables, "phone", 0, "number", "abc");
    set(&mut tables, "schedule", 0, "opens_at", "25:00");
    set(
        &mut tables,
        "organization",
        0,
        "website",
        "javascript:alert(1)",
    );
    let problems = read(&tables).unwrap_err();
    let at = |file: &str, line: usize, column: &str| {
        problems
            .iter()
            .find(|p| p.file == file && p.line == line && p.column == column)
            .map(|p| p.trouble.clone())
    };
    assert_eq!(
        at("services.csv", 2, "name"),
        Some(Trouble::Field(FieldError::Required))
    );
    assert!(matches!(
        at("services.csv", 2, "status"),
        Some(Trouble::Choice(_))
    ));
    assert_eq!(
        at("services.csv", 3, "tsunagu_free"),
        Some(Trouble::Type(Kind::Boolean))
    );
    assert_eq!(
        at("services.csv", 3, "id"),
        Some(Trouble::Duplicate { line: 2 })
    );
    assert_eq!(
        at("phones.csv", 2, "number"),
        Some(Trouble::Field(FieldError::Phone))
    );
    assert_eq!(
        at("schedules.csv", 2, "opens_at"),
        Some(Trouble::Type(Kind::Time))
    );
    assert_eq!(
        at("organizations.csv", 2, "website"),
        Some(Trouble::Field(FieldError::Choice))
    );
}

#[test]
fn references_to_rows_that_are_not_there_are_refused() {
    let mut tables = package(&[scriveners()]);
    set(&mut tables, "service", 0, "organization_id", OTHER);
    set(&mut tables, "phone", 0, "service_id", OTHER);
    set(&mut tables, "attribute", 0, "taxonomy_term_id", OTHER);
    let problems = read(&tables).unwrap_err();
    let troubles: Vec<(&str, &Trouble)> = problems
        .iter()
        .map(|p| (p.column.as_str(), &p.trouble))
        .collect();
    assert!(troubles.contains(&("organization_id", &Trouble::NoSuch("organization"))));
    assert!(troubles.contains(&("service_id", &Trouble::NoSuch("service"))));
    assert!(troubles.contains(&("taxonomy_term_id", &Trouble::NoSuch("taxonomy_term"))));
}

#[test]
fn a_package_from_elsewhere_reads_by_column_name_and_passes_over_what_is_not_ours() {
    let mut tables = package(&[scriveners()]);
    // Another producer: columns in another order, one Tsunagu does not
    // know, a phone of the organisation, a term of another taxonomy.
    let t = &mut tables.get_mut("service").unwrap().1;
    t.header.reverse();
    t.header.push("alert".into());
    for row in &mut t.rows {
        row.reverse();
        row.push("臨時休業のお知らせ".into());
    }
    let p = &mut tables.get_mut("phone").unwrap().1;
    p.rows.push(vec![
        derived_id(&["o"]),
        String::new(),
        "022-000-0000".into(),
        "voice".into(),
        String::new(),
    ]);
    p.lines.push(3);
    let terms = &mut tables.get_mut("taxonomy_term").unwrap().1;
    let foreign = derived_id(&["foreign"]);
    terms.rows.push(vec![
        foreign.clone(),
        "BD-1800".into(),
        "Food".into(),
        "Food".into(),
        "AIRS".into(),
        "en".into(),
        String::new(),
    ]);
    terms.lines.push(terms.rows.len() + 1);
    let a = &mut tables.get_mut("attribute").unwrap().1;
    a.rows.push(vec![
        derived_id(&["a"]),
        SERVICE.into(),
        foreign,
        String::new(),
        "service".into(),
        String::new(),
    ]);
    a.lines.push(a.rows.len() + 1);
    let back = read(&tables).unwrap();
    assert_eq!(back, vec![scriveners()]);
}

#[test]
fn a_package_without_its_main_tables_or_columns_says_so() {
    let mut tables = package(&[scriveners()]);
    tables.remove("organization");
    let problems = read(&tables).unwrap_err();
    assert_eq!(problems[0].trouble, Trouble::MissingTable);
    assert_eq!(problems[0].file, "organizations.csv");

    let mut tables = package(&[scriveners()]);
    let t = &mut tables.get_mut("service").unwrap().1;
    t.header[6] = "state".into();
    let problems = read(&tables).unwrap_err();
    assert!(problems
        .iter()
        .any(|p| p.column == "status" && p.line == 1 && p.trouble == Trouble::MissingColumn));
}

#[test]
fn a_service_with_no_trouble_named_is_refused() {
    let mut tables = package(&[scriveners()]);
    tables.get_mut("attribute").unwrap().1 = Table::new(RESOURCES[6].header(), Vec::new());
    let problems = read(&tables).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].column, "needs");
    assert_eq!(problems[0].trouble, Trouble::Field(FieldError::Required));
}
