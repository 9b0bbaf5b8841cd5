//! What the benchmarks share: a fresh PostgreSQL database of their own.

/// A database created for one benchmark run, dropped by [`BenchDb::drop`].
pub struct BenchDb {
    admin: sqlx::PgPool,
    name: String,
    pub url: String,
}

impl BenchDb {
    /// Creates `tsunagu_bench_{tag}_{pid}` next to the database named by
    /// `TSUNAGU_TEST_PG_URL` (default: the local `postgres`); `None`, with a
    /// line saying so, when PostgreSQL is not reachable.
    pub async fn create(tag: &str) -> Option<BenchDb> {
        let admin_url = std::env::var("TSUNAGU_TEST_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let admin = match sqlx::PgPool::connect(&admin_url).await {
            Ok(pool) => pool,
            Err(e) => {
                println!("PostgreSQL not reachable at {admin_url}: {e}; skipped\n");
                return None;
            }
        };
        let name = format!("tsunagu_bench_{tag}_{}", std::process::id());
        for sql in [
            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            format!("CREATE DATABASE {name}"),
        ] {
            sqlx::raw_sql(&sql).execute(&admin).await.unwrap();
        }
        let mut url = url::Url::parse(&admin_url).unwrap();
        url.set_path(&name);
        Some(BenchDb {
            admin,
            name,
            url: url.to_string(),
        })
    }

    pub async fn drop(self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = sqlx::raw_sql(&sql).execute(&self.admin).await;
    }
}
