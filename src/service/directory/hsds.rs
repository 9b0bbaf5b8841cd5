//! `tsunagu directory export --hsds DIR` and `import --hsds DIR`: the
//! directory as an Open Referral HSDS tabular data package on disk. The
//! mapping is [`crate::domain::directory::hsds`]'s; here are the files.
//!
//! An import is checked whole before anything is written: every problem
//! is reported with its file, line and column, and then nothing changes.
//! It adds the services the directory does not have and replaces those it
//! has (by HSDS id) with the package's version; services the package does
//! not name are left as they are. Importing the same package again
//! changes nothing.

use crate::domain::directory::hsds::{self, Kind, Problem, Table, Term, Trouble, RESOURCES};
use crate::domain::directory::ServiceEntry;
use crate::domain::staff::Role;
use crate::domain::Lang;
use crate::i18n::directory::{audience_label, method_label, need_label};
use crate::i18n::messages::field_message;
use crate::state::AppState;
use crate::store::StaffMember;
use anyhow::Context;
use std::collections::HashMap;
use std::path::Path;

const DESCRIPTOR: &str = "datapackage.json";
/// A package's descriptor is small; a larger one is not one of ours.
const DESCRIPTOR_MAX: u64 = 1 << 20;

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    pub services: usize,
    pub files: Vec<&'static str>,
}

/// What an import did: the services added and changed (id and name), and
/// how many were already as the package has them.
#[derive(Debug, Default)]
pub struct Imported {
    pub added: Vec<(String, String)>,
    pub changed: Vec<(String, String)>,
    pub unchanged: usize,
}

/// An import refused: every problem, as `file:line: column: what`.
#[derive(Debug, thiserror::Error)]
#[error("the package was refused ({} problems); nothing was written", .0.len())]
pub struct Refused(pub Vec<String>);

fn labels(term: Term) -> (String, String) {
    let label = |lang| match term {
        Term::Need(n) => need_label(n, lang),
        Term::Audience(a) => audience_label(a, lang),
        Term::Method(m) => method_label(m, lang),
    };
    (label(Lang::Ja).to_string(), label(Lang::En).to_string())
}

/// Writes the whole directory (every status) to `dir` as a package.
pub async fn export(state: &AppState, dir: &Path) -> anyhow::Result<Exported> {
    let (_, entries) = state.store.directory().await?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut files = Vec::new();
    for (resource, table) in hsds::write(&entries, &labels) {
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(&table.header)?;
        for row in &table.rows {
            out.write_record(row)?;
        }
        write_file(dir, resource.path, &out.into_inner()?)?;
        files.push(resource.path);
    }
    let descriptor = serde_json::to_vec_pretty(&hsds::descriptor())?;
    write_file(dir, DESCRIPTOR, &descriptor)?;
    files.push(DESCRIPTOR);
    Ok(Exported {
        services: entries.len(),
        files,
    })
}

/// Written whole or not at all: to a file beside it, then renamed.
fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = dir.join(name);
    let partial = dir.join(format!(".{name}.partial"));
    std::fs::write(&partial, bytes).with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, &path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Reads the package in `dir`, checks it whole, then writes what it adds
/// or changes in one transaction, with an audit line.
pub async fn import(state: &AppState, dir: &Path) -> anyhow::Result<Imported> {
    let tables = load(dir)?;
    let entries =
        hsds::read(&tables).map_err(|problems| Refused(problems.iter().map(describe).collect()))?;
    let (_, current) = state.store.directory().await?;
    let current: HashMap<&str, &ServiceEntry> =
        current.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut done = Imported::default();
    let mut write = Vec::new();
    for entry in entries {
        let named = (entry.id.clone(), entry.name.clone());
        match current.get(entry.id.as_str()) {
            None => done.added.push(named),
            Some(old) if hsds::same(old, &entry) => {
                done.unchanged += 1;
                continue;
            }
            Some(_) => done.changed.push(named),
        }
        write.push(entry);
    }
    let now = state.clock.now();
    state.store.save_directory_services(&write, now).await?;
    let who = StaffMember {
        id: None,
        name: "tsunagu directory import".into(),
        role: Role::Admin,
        professional_id: None,
    };
    let detail = format!(
        "added={} changed={} unchanged={}",
        done.added.len(),
        done.changed.len(),
        done.unchanged
    );
    state
        .audit(&who, "directory_imported", "hsds", &detail)
        .await?;
    Ok(done)
}

/// The tables the descriptor in `dir` names, read from their files.
fn load(dir: &Path) -> anyhow::Result<HashMap<String, (String, Table)>> {
    let path = dir.join(DESCRIPTOR);
    let size = std::fs::metadata(&path)
        .with_context(|| format!("{} is not there", path.display()))?
        .len();
    anyhow::ensure!(size <= DESCRIPTOR_MAX, "{DESCRIPTOR} is larger than 1 MB");
    let descriptor: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)
        .map_err(|e| Refused(vec![format!("{DESCRIPTOR}: not JSON: {e}")]))?;
    let mut problems = Vec::new();
    let mut tables = HashMap::new();
    let listed = descriptor["resources"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for r in &listed {
        let Some(name) = r["name"].as_str() else {
            continue;
        };
        if !RESOURCES.iter().any(|known| known.name == name) {
            continue;
        }
        let Some(file) = r["path"].as_str().filter(|p| plain_file_name(p)) else {
            problems.push(format!(
                "{DESCRIPTOR}: resource {name}: its path must be a file beside {DESCRIPTOR}"
            ));
            continue;
        };
        match read_csv(&dir.join(file), file) {
            Ok(table) => {
                tables.insert(name.to_string(), (file.to_string(), table));
            }
            Err(mut more) => problems.append(&mut more),
        }
    }
    if problems.is_empty() {
        Ok(tables)
    } else {
        Err(Refused(problems).into())
    }
}

/// `services.csv`, not `../x.csv`, `/etc/x` or a hidden file.
fn plain_file_name(path: &str) -> bool {
    !path.is_empty() && !path.starts_with('.') && !path.contains(['/', '\\', ':', '\0'])
}

fn read_csv(path: &Path, file: &str) -> Result<Table, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(path)
        .map_err(|e| vec![format!("{file}: {e}")])?;
    let mut header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return Err(vec![format!("{file}:1: {e}")]),
    };
    if let Some(first) = header.first_mut() {
        // A file saved by a spreadsheet may begin with a byte-order mark.
        *first = first.trim_start_matches('\u{feff}').to_string();
    }
    let mut table = Table {
        header,
        ..Table::default()
    };
    let mut problems = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                table
                    .lines
                    .push(r.position().map_or(0, |p| p.line() as usize));
                table.rows.push(r.iter().map(str::to_string).collect());
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("{file}:{line}: {}", csv_error(&e)));
                if problems.len() >= 100 {
                    break;
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}

fn csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".into(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} cells where the header has {expected_len}"),
        _ => e.to_string(),
    }
}

/// One problem in words, for the person running the import.
fn describe(p: &Problem) -> String {
    let what = match &p.trouble {
        Trouble::Field(e) => field_message(&p.column, e, Lang::En),
        Trouble::MissingTable => "the package has no such table".into(),
        Trouble::MissingColumn => "the header has no such column".into(),
        Trouble::DuplicateColumn => "this column is in the header twice".into(),
        Trouble::Type(kind) => format!(
            "not {}",
            match kind {
                Kind::Text => "text",
                Kind::Uuid => "a UUID",
                Kind::Email => "an email address",
                Kind::Uri => "a web address (URI)",
                Kind::Date => "a date (YYYY-MM-DD)",
                Kind::Time => "a time (HH:MM:SS)",
                Kind::Boolean => "true or false",
                Kind::Integer => "a whole number",
            }
        ),
        Trouble::Choice(choices) => format!("not one of: {}", choices.join(", ")),
        Trouble::Duplicate { line } => format!("the same as on line {line}"),
        Trouble::NoSuch(resource) => format!("no {resource} has this id"),
        Trouble::UnknownTerm => "not a term of Tsunagu's vocabularies".into(),
    };
    match (p.line, p.column.is_empty()) {
        (0, _) => format!("{}: {what}", p.file),
        (line, true) => format!("{}:{line}: {what}", p.file),
        (line, false) => format!("{}:{line}: {}: {what}", p.file, p.column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_directory_comes_back_from_a_package_as_it_went() {
        let entries =
            crate::service::directory::seed::parse(crate::config::DIRECTORY_SEED).unwrap();
        let tables: HashMap<String, (String, Table)> = hsds::write(&entries, &labels)
            .into_iter()
            .map(|(r, t)| (r.name.to_string(), (r.path.to_string(), t)))
            .collect();
        let back = hsds::read(&tables)
            .unwrap_or_else(|p| panic!("{:?}", p.iter().map(describe).collect::<Vec<_>>()));
        assert_eq!(back.len(), entries.len());
        for (a, b) in entries.iter().zip(&back) {
            assert!(hsds::same(a, b), "{a:#?}\n{b:#?}");
        }
    }
}
