//! What PostgreSQL's catalogue says: `information_schema.columns`,
//! `pg_index` (the indexes no constraint owns) and `pg_constraint` (primary
//! keys, UNIQUE, foreign keys, CHECKs, exclusion constraints), in the
//! current schema.

use super::facts::{list, Facts};
use super::sql::{default_value, index_part, signature, tokens};
use sqlx::PgPool;
use std::collections::{BTreeMap, BTreeSet};

pub async fn facts(pool: &PgPool) -> Facts {
    let mut facts = Facts::default();
    let columns = columns(pool, &mut facts).await;
    indexes(pool, &columns, &mut facts).await;
    constraints(pool, &columns, &mut facts).await;
    let triggers = sqlx::query_as(
        "SELECT c.relname::text, t.tgname::text FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace",
    );
    facts.triggers(triggers.fetch_all(pool).await.unwrap());
    facts
}

fn family(data_type: &str) -> String {
    match data_type {
        "smallint" | "integer" | "bigint" => "integer",
        "boolean" => "boolean",
        "text" | "character varying" | "character" => "text",
        "timestamp with time zone" => "timestamptz",
        "timestamp without time zone" => "timestamp",
        "date" => "date",
        "real" | "double precision" | "numeric" => "real",
        "bytea" => "blob",
        other => other,
    }
    .into()
}

/// Each table's columns (the names, for reading expressions).
async fn columns(pool: &PgPool, facts: &mut Facts) -> BTreeMap<String, BTreeSet<String>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        table: String,
        column: String,
        data_type: String,
        not_null: bool,
        default: Option<String>,
        identity: bool,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.table_name::text AS table, c.column_name::text AS column,
                c.data_type::text AS data_type, c.is_nullable = 'NO' AS not_null,
                c.column_default::text AS default, c.is_identity = 'YES' AS identity
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
         WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
           AND t.table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut tables: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in rows {
        let default = match r.default {
            _ if r.identity => Some("generated".to_string()),
            Some(d) if d.starts_with("nextval(") => Some("generated".to_string()),
            d => d.as_deref().map(default_value),
        };
        facts.column(
            &r.table,
            &r.column,
            &family(&r.data_type),
            r.not_null,
            default,
        );
        tables.entry(r.table).or_default().insert(r.column);
    }
    for table in tables.keys() {
        facts.table(table);
    }
    tables
}

async fn indexes(pool: &PgPool, columns: &BTreeMap<String, BTreeSet<String>>, facts: &mut Facts) {
    #[derive(sqlx::FromRow)]
    struct Row {
        table: String,
        name: String,
        unique: bool,
        keys: Vec<String>,
        predicate: Option<String>,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.relname::text AS table, i.relname::text AS name, x.indisunique AS unique,
                ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true)
                      FROM generate_series(1, x.indnkeyatts) k ORDER BY k) AS keys,
                pg_get_expr(x.indpred, x.indrelid, true) AS predicate
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> '_sqlx_migrations'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                           WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for r in rows {
        let names = &columns[&r.table];
        let parts: Vec<String> = r
            .keys
            .iter()
            .map(|k| index_part(&tokens(k), names))
            .collect();
        let predicate = r.predicate.map(|p| signature(&tokens(&p), names));
        facts.index(&r.table, &r.name, r.unique, &parts, predicate);
    }
}

/// A name PostgreSQL chose for an unnamed CHECK: `slots_profession_check`,
/// `health_blocks_check1`.
fn chosen_by_postgres(table: &str, name: &str) -> bool {
    name.strip_prefix(table)
        .and_then(|rest| rest.strip_prefix('_'))
        .is_some_and(|rest| {
            rest.trim_end_matches(|c: char| c.is_ascii_digit())
                .ends_with("check")
        })
}

fn action(code: &str) -> &'static str {
    match code {
        "r" => "restrict",
        "c" => "cascade",
        "n" => "set null",
        "d" => "set default",
        _ => "no action",
    }
}

async fn constraints(
    pool: &PgPool,
    columns: &BTreeMap<String, BTreeSet<String>>,
    facts: &mut Facts,
) {
    #[derive(sqlx::FromRow)]
    struct Row {
        table: String,
        name: String,
        kind: String,
        definition: String,
        keys: Vec<String>,
        target: Option<String>,
        target_keys: Vec<String>,
        on_update: String,
        on_delete: String,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.relname::text AS table, c.conname::text AS name, c.contype::text AS kind,
                pg_get_constraintdef(c.oid, true) AS definition,
                ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                      ORDER BY k.o) AS keys,
                f.relname::text AS target,
                ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n
                      ORDER BY k.o) AS target_keys,
                c.confupdtype::text AS on_update, c.confdeltype::text AS on_delete
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         LEFT JOIN pg_class f ON f.oid = c.confrelid
         WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for r in rows {
        let (table, name) = (r.table.as_str(), r.name.as_str());
        match r.kind.as_str() {
            "p" => facts.primary_key(table, &r.keys),
            "u" => facts.unique(table, &r.keys),
            "f" => {
                let target = format!("{} {}", r.target.unwrap_or_default(), list(&r.target_keys));
                let actions = format!(
                    "on update {} on delete {}",
                    action(&r.on_update),
                    action(&r.on_delete)
                );
                facts.foreign_key(table, &r.keys, &target, &actions);
            }
            "c" => {
                let sig = signature(&tokens(&r.definition), &columns[table]);
                facts.check(
                    table,
                    &sig,
                    (!chosen_by_postgres(table, name)).then_some(name),
                );
            }
            "x" => facts.rule(table, name, "exclusion constraint"),
            // PostgreSQL 18 lists NOT NULL here too: stated with the column.
            "n" => {}
            kind => facts.rule(table, name, &format!("constraint {kind}")),
        }
    }
}
