//! What SQLite's catalogue says: `sqlite_schema`, the `pragma_table_info`,
//! `pragma_index_list`/`pragma_index_info` and `pragma_foreign_key_list`
//! table functions, and the `CREATE` text for what no pragma gives (CHECKs,
//! an index's predicate and expressions).

use super::facts::{list, Facts};
use super::sql::{default_value, group, index_part, is_word, items, signature, tokens, Token};
use sqlx::SqlitePool;
use std::collections::BTreeSet;

pub async fn facts(pool: &SqlitePool) -> Facts {
    let mut facts = Facts::default();
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, sql) in tables {
        let create = tokens(&sql);
        facts.table(&table);
        let columns = columns(pool, &table, &create, &mut facts).await;
        checks(&table, &create, &columns, &mut facts);
        indexes(pool, &table, &columns, &mut facts).await;
        foreign_keys(pool, &table, &mut facts).await;
    }
    let triggers =
        sqlx::query_as("SELECT tbl_name, name FROM sqlite_schema WHERE type = 'trigger'");
    facts.triggers(triggers.fetch_all(pool).await.unwrap());
    facts
}

/// The family of a declared type, by SQLite's own affinity rules (so
/// `BOOLEAN`, which SQLite stores as an integer, is told apart first).
fn family(declared: &str) -> String {
    let t = declared.to_uppercase();
    let has = |part: &str| t.contains(part);
    let family = if has("BOOL") {
        "boolean"
    } else if has("INT") {
        "integer"
    } else if has("CHAR") || has("CLOB") || has("TEXT") {
        "text"
    } else if has("BLOB") || t.is_empty() {
        "blob"
    } else if has("REAL") || has("FLOA") || has("DOUB") {
        "real"
    } else {
        return format!("numeric ({declared})");
    };
    family.into()
}

async fn columns(
    pool: &SqlitePool,
    table: &str,
    create: &[Token],
    facts: &mut Facts,
) -> BTreeSet<String> {
    #[derive(sqlx::FromRow)]
    struct Row {
        name: String,
        declared: String,
        not_null: bool,
        default: Option<String>,
        /// The place in the primary key, from 1; 0 outside it.
        pk: i64,
    }
    let mut rows: Vec<Row> = sqlx::query_as(
        "SELECT name, type AS declared, \"notnull\" AS not_null, dflt_value AS \"default\", pk
         FROM pragma_table_info($1)",
    )
    .bind(table)
    .fetch_all(pool)
    .await
    .unwrap();
    rows.sort_by_key(|r| r.pk);
    let key: Vec<&Row> = rows.iter().filter(|r| r.pk > 0).collect();
    // A lone INTEGER PRIMARY KEY is the rowid: never NULL, and generated
    // by AUTOINCREMENT.
    let rowid = match key.as_slice() {
        [r] if r.declared.eq_ignore_ascii_case("INTEGER") => Some(r.name.as_str()),
        _ => None,
    };
    let autoincrement = create.iter().any(|t| is_word(Some(t), "autoincrement"));
    for r in &rows {
        let is_rowid = rowid == Some(r.name.as_str());
        let default = if is_rowid && autoincrement {
            Some("generated".into())
        } else {
            r.default.as_deref().map(default_value)
        };
        let not_null = r.not_null || is_rowid;
        facts.column(table, &r.name, &family(&r.declared), not_null, default);
    }
    if !key.is_empty() {
        let names: Vec<String> = key.iter().map(|r| r.name.clone()).collect();
        facts.primary_key(table, &names);
    }
    rows.into_iter().map(|r| r.name.to_lowercase()).collect()
}

/// CHECKs of the columns and of the table, with the name a `CONSTRAINT`
/// gives one (columns added by `ALTER TABLE` are in the text too).
fn checks(table: &str, create: &[Token], columns: &BTreeSet<String>, facts: &mut Facts) {
    for i in 0..create.len() {
        if !is_word(create.get(i), "check") || create.get(i + 1) != Some(&Token::Punct('(')) {
            continue;
        }
        let (expression, _) = group(create, i + 1);
        let name = match &create[..i] {
            [.., Token::Word(c), Token::Word(name)] if c == "constraint" => Some(name.as_str()),
            _ => None,
        };
        facts.check(table, &signature(expression, columns), name);
    }
}

async fn indexes(pool: &SqlitePool, table: &str, columns: &BTreeSet<String>, facts: &mut Facts) {
    let list: Vec<(String, bool, String, bool)> =
        sqlx::query_as("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
            .bind(table)
            .fetch_all(pool)
            .await
            .unwrap();
    for (name, unique, origin, partial) in list {
        // A column's name, or NULL for an expression (only the text has it).
        let keys: Vec<Option<String>> =
            sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                .bind(&name)
                .fetch_all(pool)
                .await
                .unwrap();
        match origin.as_str() {
            "u" => facts.unique(table, &keys.into_iter().flatten().collect::<Vec<_>>()),
            "c" => {
                let sql: String = sqlx::query_scalar(
                    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = $1",
                )
                .bind(&name)
                .fetch_one(pool)
                .await
                .unwrap();
                let (parts, predicate) = created_index(&sql, columns);
                let parts: Vec<String> = keys
                    .into_iter()
                    .zip(parts)
                    .map(|(column, part)| column.unwrap_or(part))
                    .collect();
                assert_eq!(partial, predicate.is_some(), "{name}: {sql}");
                facts.index(table, &name, unique, &parts, predicate);
            }
            // The primary key's own index: stated as the primary key.
            _ => {}
        }
    }
}

/// The key parts and the predicate's signature of `CREATE INDEX … ON t (…) WHERE …`.
fn created_index(sql: &str, columns: &BTreeSet<String>) -> (Vec<String>, Option<String>) {
    let t = tokens(sql);
    let on = t.iter().position(|w| is_word(Some(w), "on")).expect("ON");
    let open = on
        + t[on..]
            .iter()
            .position(|p| *p == Token::Punct('('))
            .expect("(");
    let (keys, after) = group(&t, open);
    let parts = items(keys)
        .into_iter()
        .map(|k| index_part(k, columns))
        .collect();
    let predicate = is_word(t.get(after), "where").then(|| signature(&t[after + 1..], columns));
    (parts, predicate)
}

async fn foreign_keys(pool: &SqlitePool, table: &str, facts: &mut Facts) {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        target: String,
        from: String,
        /// NULL when REFERENCES names no column: the target's primary key.
        to: Option<String>,
        on_update: String,
        on_delete: String,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, \"table\" AS target, \"from\", \"to\", on_update, on_delete
         FROM pragma_foreign_key_list($1) ORDER BY id, seq",
    )
    .bind(table)
    .fetch_all(pool)
    .await
    .unwrap();
    let ids: BTreeSet<i64> = rows.iter().map(|r| r.id).collect();
    for id in ids {
        let parts: Vec<&Row> = rows.iter().filter(|r| r.id == id).collect();
        let from: Vec<String> = parts.iter().map(|r| r.from.clone()).collect();
        let to = match parts
            .iter()
            .map(|r| r.to.clone())
            .collect::<Option<Vec<_>>>()
        {
            Some(to) => to,
            None => sqlx::query_scalar(
                "SELECT name FROM pragma_table_info($1) WHERE pk > 0 ORDER BY pk",
            )
            .bind(&parts[0].target)
            .fetch_all(pool)
            .await
            .unwrap(),
        };
        let actions = format!(
            "on update {} on delete {}",
            parts[0].on_update.to_lowercase(),
            parts[0].on_delete.to_lowercase()
        );
        let target = format!("{} {}", parts[0].target, list(&to));
        facts.foreign_key(table, &from, &target, &actions);
    }
}
