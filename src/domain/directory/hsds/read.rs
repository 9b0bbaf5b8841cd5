//! The package's tables back into entries: every cell checked against its
//! Table Schema field, every reference resolved, every service validated
//! as staff's input is; either all entries or every problem found.

use super::schema::{resource, Field, Kind, Resource};
use super::write::{taxonomy_id, Term};
use super::{canonical, is_uuid, Table};
use crate::domain::directory::input::{phone_number, schedule, SHORT_MAX};
use crate::domain::directory::{
    Audience, Confirmation, Method, Need, Phone, PhoneKind, ScheduleInput, ServiceEntry,
    ServiceInput,
};
use crate::domain::values::{optional_text, Email};
use crate::domain::FieldError;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What is wrong with a cell, a row or a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// Refused as staff's input would be.
    Field(FieldError),
    /// A table the package needs is not in it.
    MissingTable,
    /// A column the table needs is not in its header.
    MissingColumn,
    /// A column given twice in the header.
    DuplicateColumn,
    /// Not of the field's Table Schema type or format (`uuid`, `date`, …).
    Type(Kind),
    /// Not one of the field's `enum`.
    Choice(&'static [&'static str]),
    /// The same id (or unique value) on an earlier line.
    Duplicate { line: usize },
    /// An id that the resource named has no row for.
    NoSuch(&'static str),
    /// A term of Tsunagu's vocabularies with a code it does not know.
    UnknownTerm,
}

/// One problem: where (the table's file, its line, the column) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: String,
    pub trouble: Trouble,
}

/// One table as read: the file it came from and its rows.
struct Read<'a> {
    resource: &'static Resource,
    file: &'a str,
    table: &'a Table,
    at: HashMap<&'a str, usize>,
}

impl<'a> Read<'a> {
    fn cell(&self, row: usize, column: &str) -> &'a str {
        self.at
            .get(column)
            .and_then(|&i| self.table.rows[row].get(i))
            .map_or("", |v| v.as_str())
    }

    fn problem(&self, row: Option<usize>, column: &str, trouble: Trouble) -> Problem {
        Problem {
            file: self.file.to_string(),
            line: row.map_or(1, |r| self.table.lines[r]),
            column: column.to_string(),
            trouble,
        }
    }

    fn rows(&self) -> std::ops::Range<usize> {
        0..self.table.rows.len()
    }
}

/// Whether `raw` is a value of `field`'s type (empty is no value).
fn type_ok(kind: Kind, raw: &str) -> bool {
    match kind {
        Kind::Text => true,
        Kind::Uuid => is_uuid(raw),
        Kind::Email => Email::parse(raw).is_ok(),
        Kind::Uri => url::Url::parse(raw).is_ok(),
        Kind::Date => NaiveDate::parse_from_str(raw, "%Y-%m-%d").is_ok(),
        Kind::Time => crate::domain::directory::parse_time(raw).is_ok(),
        Kind::Boolean => boolean(raw).is_some(),
        Kind::Integer => raw.parse::<i64>().is_ok(),
    }
}

/// Table Schema's default true and false values.
fn boolean(raw: &str) -> Option<bool> {
    match raw {
        "true" | "True" | "TRUE" | "1" => Some(true),
        "false" | "False" | "FALSE" | "0" => Some(false),
        _ => None,
    }
}

/// Each cell against its field: required, type, enum, unique.
fn check_cells(t: &Read, problems: &mut Vec<Problem>) {
    let fields: Vec<&Field> = t
        .resource
        .fields
        .iter()
        .filter(|f| t.at.contains_key(f.name) || f.required)
        .collect();
    for f in &fields {
        if !t.at.contains_key(f.name) {
            problems.push(t.problem(None, f.name, Trouble::MissingColumn));
        }
    }
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for row in t.rows() {
        for f in &fields {
            let raw = t.cell(row, f.name);
            let trouble = if raw.is_empty() {
                f.required.then_some(Trouble::Field(FieldError::Required))
            } else if !type_ok(f.kind, raw.trim()) {
                Some(Trouble::Type(f.kind))
            } else if !f.choices.is_empty() && !f.choices.contains(&raw) {
                Some(Trouble::Choice(f.choices))
            } else if f.unique {
                seen.insert((f.name, raw), t.table.lines[row])
                    .map(|line| Trouble::Duplicate { line })
            } else {
                None
            };
            if let Some(trouble) = trouble {
                problems.push(t.problem(Some(row), f.name, trouble));
            }
        }
    }
}

fn open<'a>(
    tables: &'a HashMap<String, (String, Table)>,
    name: &str,
    problems: &mut Vec<Problem>,
) -> Option<Read<'a>> {
    let (file, table) = tables.get(name)?;
    let mut at = HashMap::new();
    for (i, h) in table.header.iter().enumerate() {
        if at.insert(h.as_str(), i).is_some() {
            problems.push(Problem {
                file: file.clone(),
                line: 1,
                column: h.clone(),
                trouble: Trouble::DuplicateColumn,
            });
        }
    }
    let read = Read {
        resource: resource(name),
        file,
        table,
        at,
    };
    check_cells(&read, problems);
    Some(read)
}

/// Where a refused part of a service lies in the package.
fn column_of(field: &str) -> (&'static str, &'static str) {
    match field {
        "organization_name" => ("organization", "name"),
        "organization_url" => ("organization", "website"),
        "name_en" => ("service", "tsunagu_name_en"),
        "description_en" => ("service", "tsunagu_description_en"),
        "eligibility" => ("service", "eligibility_description"),
        "fees" => ("service", "fees_description"),
        "address" => ("service", "tsunagu_address"),
        "hours_note" => ("service", "tsunagu_hours_note"),
        "hours_note_en" => ("service", "tsunagu_hours_note_en"),
        "rank" => ("service", "tsunagu_rank"),
        "bookable_here" => ("service", "tsunagu_bookable_here"),
        "needs" => ("attribute", "taxonomy_term_id"),
        "phones" => ("phone", "number"),
        "schedules" => ("schedule", "freq"),
        "name" => ("service", "name"),
        "description" => ("service", "description"),
        "email" => ("service", "email"),
        "url" => ("service", "url"),
        _ => ("service", "status"),
    }
}

/// The column a refused schedule row is refused for.
fn schedule_column(input: &ScheduleInput, e: &FieldError) -> &'static str {
    use crate::domain::directory::{parse_time, ByDay, Freq};
    let bad_time = |t: &Option<String>| {
        t.as_deref()
            .is_some_and(|t| !t.is_empty() && parse_time(t).is_err())
    };
    match e {
        FieldError::Required => "byday",
        FieldError::Date => "valid_to",
        _ if Freq::parse(&input.freq).is_err() => "freq",
        _ if ByDay::parse_list(input.byday.as_deref().unwrap_or("")).is_err() => "byday",
        _ if bad_time(&input.opens_at) => "opens_at",
        _ if bad_time(&input.closes_at) => "closes_at",
        _ => "description",
    }
}

fn text(raw: &str) -> Option<String> {
    Some(raw.to_string())
}

/// The entries of a package's tables (keyed by HSDS object name, each
/// with the file it was read from), or every problem found. Rows of
/// phones and schedules that belong to no service (an organisation's, a
/// location's) and terms of other taxonomies are passed over.
pub fn read(tables: &HashMap<String, (String, Table)>) -> Result<Vec<ServiceEntry>, Vec<Problem>> {
    let mut problems = Vec::new();
    for name in ["organization", "service"] {
        if !tables.contains_key(name) {
            problems.push(Problem {
                file: resource(name).path.to_string(),
                line: 0,
                column: String::new(),
                trouble: Trouble::MissingTable,
            });
        }
    }
    let get = |name: &str, problems: &mut Vec<Problem>| open(tables, name, problems);
    let (Some(orgs), Some(services)) = (
        get("organization", &mut problems),
        get("service", &mut problems),
    ) else {
        return Err(problems);
    };
    let phones = get("phone", &mut problems);
    let schedules = get("schedule", &mut problems);
    let terms = get("taxonomy_term", &mut problems);
    let attributes = get("attribute", &mut problems);

    let org_rows: HashMap<&str, usize> = orgs.rows().map(|r| (orgs.cell(r, "id"), r)).collect();
    let service_rows: HashMap<&str, usize> = services
        .rows()
        .map(|r| (services.cell(r, "id"), r))
        .collect();
    let mut phones_of: HashMap<&str, Vec<Phone>> = HashMap::new();
    if let Some(p) = &phones {
        for r in p.rows() {
            let service = p.cell(r, "service_id");
            if service.is_empty() {
                continue;
            }
            if !service_rows.contains_key(service) {
                problems.push(p.problem(Some(r), "service_id", Trouble::NoSuch("service")));
                continue;
            }
            let number = phone_number(p.cell(r, "number"));
            let kind = match p.cell(r, "type") {
                "" => Ok(PhoneKind::Voice),
                k => PhoneKind::parse(k),
            };
            let description = optional_text(p.cell(r, "description"), SHORT_MAX);
            match (number, kind, description) {
                (Ok(number), Ok(kind), Ok(description)) => {
                    phones_of.entry(service).or_default().push(Phone {
                        number,
                        kind,
                        description,
                    })
                }
                (n, k, d) => {
                    for (column, e) in [
                        ("number", n.err()),
                        ("type", k.err()),
                        ("description", d.err()),
                    ] {
                        if let Some(e) = e {
                            problems.push(p.problem(Some(r), column, Trouble::Field(e)));
                        }
                    }
                }
            }
        }
    }
    let mut schedules_of: HashMap<&str, Vec<ScheduleInput>> = HashMap::new();
    if let Some(s) = &schedules {
        for r in s.rows() {
            let service = s.cell(r, "service_id");
            if service.is_empty() {
                continue;
            }
            if !service_rows.contains_key(service) {
                problems.push(s.problem(Some(r), "service_id", Trouble::NoSuch("service")));
                continue;
            }
            let input = ScheduleInput {
                freq: match s.cell(r, "freq") {
                    "" => "WEEKLY".into(),
                    f => f.into(),
                },
                byday: text(s.cell(r, "byday")),
                opens_at: text(s.cell(r, "opens_at")),
                closes_at: text(s.cell(r, "closes_at")),
                valid_from: text(s.cell(r, "valid_from")),
                valid_to: text(s.cell(r, "valid_to")),
                description: text(s.cell(r, "description")),
            };
            match schedule(&input) {
                Ok(_) => schedules_of.entry(service).or_default().push(input),
                Err(e) => {
                    let column = schedule_column(&input, &e);
                    problems.push(s.problem(Some(r), column, Trouble::Field(e)));
                }
            }
        }
    }
    let ours: HashSet<String> = ["need", "audience", "method"]
        .iter()
        .map(|v| taxonomy_id(v))
        .collect();
    let mut term_of: HashMap<&str, Option<Term>> = HashMap::new();
    if let Some(t) = &terms {
        for r in t.rows() {
            let code = t.cell(r, "code");
            let term = match code.split_once('.') {
                Some(("need", c)) => Some(Need::parse(c).map(Term::Need)),
                Some(("audience", c)) => Some(Audience::parse(c).map(Term::Audience)),
                Some(("method", c)) => Some(Method::parse(c).map(Term::Method)),
                _ if ours.contains(t.cell(r, "taxonomy_id")) => Some(Err(FieldError::Choice)),
                _ => None,
            };
            match term {
                Some(Err(_)) => problems.push(t.problem(Some(r), "code", Trouble::UnknownTerm)),
                Some(Ok(term)) => {
                    term_of.insert(t.cell(r, "id"), Some(term));
                }
                None => {
                    term_of.insert(t.cell(r, "id"), None);
                }
            }
        }
    }
    let mut terms_of: HashMap<&str, Vec<Term>> = HashMap::new();
    if let Some(a) = &attributes {
        for r in a.rows() {
            if a.cell(r, "link_entity") != "service" {
                continue;
            }
            let service = a.cell(r, "link_id");
            if !service_rows.contains_key(service) {
                problems.push(a.problem(Some(r), "link_id", Trouble::NoSuch("service")));
                continue;
            }
            match term_of.get(a.cell(r, "taxonomy_term_id")) {
                None => problems.push(a.problem(
                    Some(r),
                    "taxonomy_term_id",
                    Trouble::NoSuch("taxonomy_term"),
                )),
                Some(None) => {}
                Some(Some(term)) => terms_of.entry(service).or_default().push(*term),
            }
        }
    }

    let mut entries = Vec::new();
    for r in services.rows() {
        let id = services.cell(r, "id");
        let org_id = services.cell(r, "organization_id");
        let Some(&org) = org_rows.get(org_id) else {
            if !org_id.is_empty() {
                problems.push(services.problem(
                    Some(r),
                    "organization_id",
                    Trouble::NoSuch("organization"),
                ));
            }
            continue;
        };
        let s = |column: &str| text(services.cell(r, column));
        let b = |column: &str| boolean(services.cell(r, column));
        let terms = terms_of.get(id).cloned().unwrap_or_default();
        let codes = |vocabulary: &str| -> Option<Vec<String>> {
            Some(
                terms
                    .iter()
                    .filter(|t| t.vocabulary() == vocabulary)
                    .map(|t| t.code().to_string())
                    .collect(),
            )
        };
        let input = ServiceInput {
            organization_id: Some(org_id.to_string()),
            organization_name: text(orgs.cell(org, "name")),
            organization_url: text(orgs.cell(org, "website")),
            name: s("name"),
            name_en: s("tsunagu_name_en"),
            description: s("description"),
            description_en: s("tsunagu_description_en"),
            eligibility: s("eligibility_description"),
            fees: s("fees_description"),
            free: b("tsunagu_free"),
            needs: codes("need"),
            audiences: codes("audience"),
            methods: codes("method"),
            phones: None,
            email: s("email"),
            url: s("url"),
            address: s("tsunagu_address"),
            hours_note: s("tsunagu_hours_note"),
            hours_note_en: s("tsunagu_hours_note_en"),
            schedules: Some(schedules_of.remove(id).unwrap_or_default()),
            closed_on_holidays: b("tsunagu_closed_on_holidays"),
            closed_year_end: b("tsunagu_closed_year_end"),
            crisis: b("tsunagu_crisis"),
            rank: services
                .cell(r, "tsunagu_rank")
                .parse::<i64>()
                .ok()
                .map(|v| v.clamp(i32::MIN.into(), i32::MAX.into()) as i32),
            bookable_here: s("tsunagu_bookable_here"),
            status: s("status"),
        };
        match input.validate(None, id.to_string(), org_id.to_string()) {
            Ok(mut entry) => {
                entry.phones = phones_of.remove(id).unwrap_or_default();
                entry.schedules = entry.schedules.iter().map(canonical).collect();
                entry.needs.sort();
                entry.audiences.sort();
                entry.methods.sort();
                let on = NaiveDate::parse_from_str(services.cell(r, "assured_date"), "%Y-%m-%d");
                match optional_text(services.cell(r, "tsunagu_confirmed_by"), 200) {
                    Ok(by) => entry.confirmed = on.ok().map(|on| Confirmation { on, by }),
                    Err(e) => problems.push(services.problem(
                        Some(r),
                        "tsunagu_confirmed_by",
                        Trouble::Field(e),
                    )),
                }
                entries.push(entry);
            }
            Err(errors) => {
                for (field, e) in errors.iter() {
                    let (table, column) = column_of(field);
                    let problem = match table {
                        "organization" => {
                            orgs.problem(Some(org), column, Trouble::Field(e.clone()))
                        }
                        _ => Problem {
                            column: if table == "service" { column } else { field }.to_string(),
                            ..services.problem(Some(r), column, Trouble::Field(e.clone()))
                        },
                    };
                    problems.push(problem);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        // One problem a cell: its own check's, before what the service
        // made of it.
        problems.sort_by(|a, b| (&a.file, a.line, &a.column).cmp(&(&b.file, b.line, &b.column)));
        problems.dedup_by(|a, b| a.file == b.file && a.line == b.line && a.column == b.column);
        Err(problems)
    }
}
