//! A schema as a list of facts, one per thing a migration decides, each
//! read from a database's own catalogue: `bookings.status type` → `text`,
//! `bookings index bookings_one_per_slot` → `unique (slot_id) where …`.
//! Two databases agree when they state the same facts.

use std::collections::BTreeMap;
use std::fmt;

/// A column's type is compared by family (`integer`, `boolean`, `text`,
/// `timestamptz`, `date`, …; each reader maps its dialect's names). Widths
/// are not compared: SQLite has one 64-bit INTEGER for PostgreSQL's
/// `smallint`, `integer` and `bigint`. Where the two dialects store one
/// kind of value in different families: (SQLite's, PostgreSQL's, why).
const TYPE_MAP: &[(&str, &str, &str)] = &[
    (
        "text",
        "timestamptz",
        "sqlx writes chrono's DateTime<Utc> to SQLite as RFC 3339 text",
    ),
    (
        "text",
        "date",
        "sqlx writes chrono's NaiveDate to SQLite as YYYY-MM-DD text",
    ),
];

#[derive(Debug, Default)]
pub struct Facts(BTreeMap<String, String>);

impl Facts {
    fn say(&mut self, key: String, value: String) {
        self.0.insert(key, value);
    }

    pub fn table(&mut self, table: &str) {
        self.say(table.into(), "table".into());
    }

    pub fn column(
        &mut self,
        table: &str,
        column: &str,
        family: &str,
        not_null: bool,
        default: Option<String>,
    ) {
        let at = format!("{table}.{column}");
        self.say(format!("{at} type"), family.into());
        let null = if not_null { "NOT NULL" } else { "nullable" };
        self.say(format!("{at} null"), null.into());
        let default = default.unwrap_or_else(|| "none".into());
        self.say(format!("{at} default"), default);
    }

    pub fn primary_key(&mut self, table: &str, columns: &[String]) {
        self.say(format!("{table} primary key"), list(columns));
    }

    pub fn unique(&mut self, table: &str, columns: &[String]) {
        self.say(
            format!("{table} unique {}", list(columns)),
            "constraint".into(),
        );
    }

    pub fn index(
        &mut self,
        table: &str,
        name: &str,
        unique: bool,
        parts: &[String],
        predicate: Option<String>,
    ) {
        let mut what = format!("{}{}", if unique { "unique " } else { "" }, list(parts));
        if let Some(predicate) = predicate {
            what.push_str(&format!(" where {predicate}"));
        }
        self.say(format!("{table} index {name}"), what);
    }

    pub fn foreign_key(&mut self, table: &str, columns: &[String], target: &str, actions: &str) {
        self.say(
            format!("{table} foreign key {}", list(columns)),
            format!("{target} {actions}"),
        );
    }

    /// A CHECK, by its signature; `name` when the migration names it (the
    /// store turns a refusal into a conflict by that name).
    pub fn check(&mut self, table: &str, signature: &str, name: Option<&str>) {
        self.say(
            format!("{table} check {signature}"),
            name.map_or("unnamed".into(), |n| format!("named {n}")),
        );
    }

    /// A named rule that is neither index nor CHECK: a trigger, an
    /// exclusion constraint.
    pub fn rule(&mut self, table: &str, name: &str, kind: &str) {
        self.say(format!("{table} rule {name}"), kind.into());
    }

    /// Triggers, as (table, name).
    pub fn triggers(&mut self, triggers: Vec<(String, String)>) {
        for (table, name) in triggers {
            self.rule(&table, &name, "trigger");
        }
    }
}

pub fn list(items: &[String]) -> String {
    format!("({})", items.join(", "))
}

/// One fact the two databases state differently (`None`: not stated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub key: String,
    pub sqlite: Option<String>,
    pub postgres: Option<String>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let say = |v: &Option<String>| v.clone().unwrap_or_else(|| "nothing".into());
        write!(
            f,
            "{}: sqlite says {}, postgres says {}",
            self.key,
            say(&self.sqlite),
            say(&self.postgres)
        )
    }
}

fn agree(key: &str, sqlite: &str, postgres: &str) -> bool {
    sqlite == postgres
        || key.ends_with(" type")
            && TYPE_MAP
                .iter()
                .any(|(s, p, _)| *s == sqlite && *p == postgres)
}

/// Every fact stated by one side only, or differently, in key order (so a
/// table's lines stand together).
pub fn differences(sqlite: &Facts, postgres: &Facts) -> Vec<Difference> {
    let keys: std::collections::BTreeSet<&String> =
        sqlite.0.keys().chain(postgres.0.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let (s, p) = (sqlite.0.get(key), postgres.0.get(key));
            match (s, p) {
                (Some(s), Some(p)) if agree(key, s, p) => None,
                _ => Some(Difference {
                    key: key.clone(),
                    sqlite: s.cloned(),
                    postgres: p.cloned(),
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_is_text_on_sqlite_but_an_integer_is_not() {
        let (mut s, mut p) = (Facts::default(), Facts::default());
        s.column("t", "at", "text", true, None);
        p.column("t", "at", "timestamptz", true, None);
        assert!(differences(&s, &p).is_empty());
        p.column("t", "at", "integer", false, Some("0".into()));
        let lines: Vec<String> = differences(&s, &p).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "t.at default: sqlite says none, postgres says 0",
                "t.at null: sqlite says NOT NULL, postgres says nullable",
                "t.at type: sqlite says text, postgres says integer",
            ]
        );
        // The type map is for types only.
        s.rule("t", "r", "text");
        p.rule("t", "r", "timestamptz");
        assert_eq!(differences(&s, &p).len(), 4);
    }
}
