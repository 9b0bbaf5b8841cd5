//! `tsunagu directory export --hsds DIR` and `import --hsds DIR`, run as
//! processes against real databases: the package is valid by its own
//! Table Schemas (checked by Frictionless, the validator HSDS itself uses,
//! where `TSUNAGU_FRICTIONLESS` names it), an export imported into another
//! new database adds nothing twice, an import is idempotent by HSDS id,
//! and a refused package writes nothing.

use crate::support;

use std::path::Path;
use std::process::{Command, Output};
use support::TestDb;
use tsunagu::domain::directory::{hsds, Need, ServiceEntry, Status};
use tsunagu::store::Store;

fn tsunagu(db: &TestDb, work: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .current_dir(work)
        .env("TSUNAGU__DATABASE__URL", &db.url)
        .env("TSUNAGU__MAIL__FILE_DIR", work.join("mail"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The package checked by Frictionless (`frictionless validate`), as HSDS
/// checks its own examples: required fields, types and formats, enums,
/// unique and primary keys, and references between the tables.
fn frictionless_accepts(dir: &Path) {
    let Ok(tool) = std::env::var("TSUNAGU_FRICTIONLESS") else {
        assert!(
            std::env::var("CI").is_err(),
            "TSUNAGU_FRICTIONLESS must name the frictionless command in CI (.ci/run installs it)"
        );
        eprintln!("TSUNAGU_FRICTIONLESS not set: package not checked by Frictionless");
        return;
    };
    let out = Command::new(tool)
        .arg("validate")
        .arg(dir.join("datapackage.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "frictionless refused the package:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn directory(db: &TestDb) -> Vec<ServiceEntry> {
    let store = Store::connect(&db.url, 2).await.unwrap();
    let (_, entries) = store.directory().await.unwrap();
    store.close().await;
    entries
}

fn summary(out: &str) -> &str {
    out.lines().last().unwrap_or("")
}

#[tokio::test]
async fn an_export_imported_into_a_new_database_adds_nothing_twice_and_an_import_is_idempotent() {
    let work = tempfile::tempdir().unwrap();
    let (a, b) = (TestDb::new().await, TestDb::new().await);
    let package = work.path().join("package");
    let package = package.to_str().unwrap();

    let out = ok(&tsunagu(
        &a,
        work.path(),
        &["directory", "export", "--hsds", package],
    ));
    let seeded = directory(&a).await;
    assert!(seeded.len() >= 10, "{out}");
    assert!(
        out.contains(&format!("{} services written", seeded.len())),
        "{out}"
    );
    for file in [
        "datapackage.json",
        "organizations.csv",
        "services.csv",
        "phones.csv",
        "schedules.csv",
        "taxonomies.csv",
        "taxonomy_terms.csv",
        "attributes.csv",
    ] {
        assert!(work.path().join("package").join(file).is_file(), "{file}");
    }
    frictionless_accepts(&work.path().join("package"));
    let services = std::fs::read_to_string(work.path().join("package/services.csv")).unwrap();
    assert!(
        services.contains("仙台いのちの電話"),
        "Japanese is written as it is"
    );
    let schedules = std::fs::read_to_string(work.path().join("package/schedules.csv")).unwrap();
    assert!(
        schedules.contains(r#"WEEKLY,"MO,WE,FR",電話相談,13:30:00,16:30:00"#),
        "司法書士会の相談 月・水・金 13:30–16:30:\n{schedules}"
    );

    // Another new database starts with the same entries under the same ids.
    let out = ok(&tsunagu(
        &b,
        work.path(),
        &["directory", "import", "--hsds", package],
    ));
    assert_eq!(
        summary(&out),
        format!("0 added, 0 changed, {} unchanged", seeded.len())
    );

    // Staff of the first change one entry and add another; the second
    // database takes both, once.
    let store = Store::connect(&a.url, 2).await.unwrap();
    let mut changed = seeded[0].clone();
    changed.hours_note = "平日 9:00〜17:00（年末年始を除く）".into();
    changed.status = Status::TemporarilyClosed;
    let mut added = seeded[1].clone();
    added.id = "3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b".into();
    added.name = "新しい相談窓口 テスト".into();
    added.needs = vec![Need::Debt, Need::Family];
    added.confirmed = None;
    let now = chrono::Utc::now();
    store.save_directory_service(&changed, now).await.unwrap();
    store.save_directory_service(&added, now).await.unwrap();
    store.close().await;
    ok(&tsunagu(
        &a,
        work.path(),
        &["directory", "export", "--hsds", package],
    ));
    frictionless_accepts(&work.path().join("package"));

    let out = ok(&tsunagu(
        &b,
        work.path(),
        &["directory", "import", "--hsds", package],
    ));
    assert_eq!(
        summary(&out),
        format!("1 added, 1 changed, {} unchanged", seeded.len() - 1),
        "{out}"
    );
    assert!(
        out.contains(&format!("added     {} {}", added.id, added.name)),
        "{out}"
    );
    let out = ok(&tsunagu(
        &b,
        work.path(),
        &["directory", "import", "--hsds", package],
    ));
    assert_eq!(
        summary(&out),
        format!("0 added, 0 changed, {} unchanged", seeded.len() + 1)
    );

    // The two directories now hold the same services.
    let (in_a, in_b) = (directory(&a).await, directory(&b).await);
    assert_eq!(in_a.len(), in_b.len());
    for e in &in_a {
        let other = in_b.iter().find(|o| o.id == e.id).expect("imported");
        assert!(hsds::same(e, other), "{e:?}\n{other:?}");
    }

    // Each import is on the audit log with what it did.
    let store = Store::connect(&b.url, 2).await.unwrap();
    let lines = store.audit_search("directory_imported", 10).await.unwrap();
    assert_eq!(lines.len(), 3);
    store.close().await;
}

#[tokio::test]
async fn a_package_with_a_bad_row_is_refused_whole_with_each_problem_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let db = TestDb::new().await;
    let dir = work.path().join("package");
    let package = dir.to_str().unwrap();
    ok(&tsunagu(
        &db,
        work.path(),
        &["directory", "export", "--hsds", package],
    ));
    let store = Store::connect(&db.url, 2).await.unwrap();
    let version = store.directory_version().await.unwrap();

    // One good change (a new name on line 2) beside two bad rows: the good
    // change must not be written either.
    let mut reader = csv::Reader::from_path(dir.join("services.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let set = |row: &csv::StringRecord, at: usize, value: &str| -> csv::StringRecord {
        row.iter()
            .enumerate()
            .map(|(i, v)| if i == at { value } else { v })
            .collect()
    };
    let bad_line = rows[1].position().unwrap().line();
    rows[0] = set(&rows[0], column("name"), "名前を変えた窓口");
    rows[1] = set(&rows[1], column("status"), "open");
    let mut writer = csv::Writer::from_path(dir.join("services.csv")).unwrap();
    writer.write_record(&header).unwrap();
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
    let phones = std::fs::read_to_string(dir.join("phones.csv")).unwrap();
    let phones = phones.replacen("022-", "O22-", 1);
    std::fs::write(dir.join("phones.csv"), phones).unwrap();

    let out = tsunagu(
        &db,
        work.path(),
        &["directory", "import", "--hsds", package],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "services.csv:{bad_line}: status: not one of: active, inactive, defunct, temporarily closed"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("phones.csv:"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(store.directory_version().await.unwrap(), version);
    let (_, entries) = store.directory().await.unwrap();
    assert!(entries.iter().all(|e| e.name != "名前を変えた窓口"));

    // A descriptor that points outside its folder is refused too.
    let descriptor = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
    std::fs::write(
        dir.join("datapackage.json"),
        descriptor.replace("\"services.csv\"", "\"../services.csv\""),
    )
    .unwrap();
    let out = tsunagu(
        &db,
        work.path(),
        &["directory", "import", "--hsds", package],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("its path must be a file beside"));
    assert_eq!(store.directory_version().await.unwrap(), version);
    store.close().await;
}
