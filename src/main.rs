//! The `tsunagu` command: serve (default), migrate, demo, schedule generate,
//! directory export/import, staff.

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::sync::Arc;
use tsunagu::config::Settings;
use tsunagu::domain::time::SystemClock;
use tsunagu::state::AppState;
use tsunagu::store::Store;
use tsunagu::{service, Application};

#[derive(Parser)]
#[command(
    name = "tsunagu",
    version,
    about = "Booking for public consultation services"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve,
    /// Bring the database schema up to date.
    Migrate,
    /// Run a demo site: SQLite under data/, three months of sessions, mail as .eml files.
    Demo,
    /// The schedule of the evening series.
    Schedule {
        #[command(subcommand)]
        command: ScheduleCommand,
    },
    /// The directory of consultation services (相談先の一覧).
    Directory {
        #[command(subcommand)]
        command: DirectoryCommand,
    },
    /// Staff accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Create an account; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, coordinator or professional
        #[arg(long)]
        role: String,
        /// For a professional: their id in the list of professionals.
        #[arg(long)]
        professional_id: Option<i64>,
        /// Read the password from standard input (the only way: never on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Print a new API token for an account (shown once).
    Token {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum DirectoryCommand {
    /// Write the whole directory to DIR as an Open Referral HSDS tabular
    /// data package (datapackage.json and one CSV per table).
    Export {
        #[arg(long, value_name = "DIR")]
        hsds: PathBuf,
    },
    /// Read an HSDS package from DIR: checked whole first (nothing is written
    /// when any row is refused); adds new services and replaces those it
    /// names by id; importing it again changes nothing.
    Import {
        #[arg(long, value_name = "DIR")]
        hsds: PathBuf,
    },
}

#[derive(Subcommand)]
enum ScheduleCommand {
    /// Create the sessions of the next N months (running it again creates nothing new).
    Generate {
        #[arg(long, default_value_t = 3)]
        months: u32,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tokio_cron_scheduler=warn".into()),
        )
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    let cli = Cli::parse();
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings, false).await,
        Command::Demo => serve(settings, true).await,
        Command::Migrate => {
            let store = connect(&settings).await?;
            store.migrate().await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Staff { command } => {
            let store = connect(&settings).await?;
            store.migrate().await?;
            let state = offline_state(store, settings)?;
            match command {
                StaffCommand::Add {
                    email,
                    name,
                    role,
                    professional_id,
                    password_stdin: _,
                } => {
                    let role = tsunagu::domain::staff::Role::parse(&role)
                        .context("--role must be admin, coordinator or professional")?;
                    let mut password = String::new();
                    std::io::stdin().read_line(&mut password)?;
                    let password = password.trim_end_matches(['\r', '\n']);
                    let id =
                        service::staff::add(&state, &email, &name, role, professional_id, password)
                            .await?;
                    println!("staff {id} created: {} ({})", email.trim(), role.code());
                }
                StaffCommand::Token { email } => {
                    println!("{}", service::staff::new_token(&state, &email).await?)
                }
            }
            Ok(())
        }
        Command::Directory { command } => directory(settings, command).await,
        Command::Schedule {
            command: ScheduleCommand::Generate { months },
        } => {
            let store = connect(&settings).await?;
            store.migrate().await?;
            let state = offline_state(store, settings)?;
            let done = service::schedule::generate(&state, months).await?;
            for date in &done.created {
                println!("created {date}");
            }
            for date in &done.existing {
                println!("exists  {date}");
            }
            println!(
                "{} created, {} already there",
                done.created.len(),
                done.existing.len()
            );
            Ok(())
        }
    }
}

async fn directory(settings: Settings, command: DirectoryCommand) -> anyhow::Result<()> {
    use service::directory::{hsds, seed};
    let store = connect(&settings).await?;
    store.migrate().await?;
    // As `serve` would: a new database starts with its entries, so that a
    // package exported from another new one adds nothing twice.
    seed::seed_new_database(&store, &settings.directory.seed_text()?, chrono::Utc::now()).await?;
    let state = offline_state(store, settings)?;
    match command {
        DirectoryCommand::Export { hsds: dir } => {
            let done = hsds::export(&state, &dir).await?;
            println!(
                "{} services written to {} ({})",
                done.services,
                dir.display(),
                done.files.join(", ")
            );
        }
        DirectoryCommand::Import { hsds: dir } => match hsds::import(&state, &dir).await {
            Ok(done) => {
                for (id, name) in &done.added {
                    println!("added     {id} {name}");
                }
                for (id, name) in &done.changed {
                    println!("changed   {id} {name}");
                }
                println!(
                    "{} added, {} changed, {} unchanged",
                    done.added.len(),
                    done.changed.len(),
                    done.unchanged
                );
            }
            Err(e) => {
                if let Some(refused) = e.downcast_ref::<hsds::Refused>() {
                    for line in &refused.0 {
                        eprintln!("{line}");
                    }
                }
                return Err(e);
            }
        },
    }
    Ok(())
}

async fn connect(settings: &Settings) -> anyhow::Result<Store> {
    Store::connect(
        settings.database.url.expose(),
        settings.database.max_connections,
    )
    .await
    .context("connecting to the database")
}

fn offline_state(store: Store, settings: Settings) -> anyhow::Result<AppState> {
    AppState::new(store, Arc::new(settings), Arc::new(SystemClock))
}

async fn serve(settings: Settings, demo: bool) -> anyhow::Result<()> {
    let app = Application::build(settings).await?;
    if demo {
        let booked = service::demo::seed(app.state()).await?;
        if booked > 0 {
            println!("demo: three months of sessions, {booked} slots booked by fictional people");
        }
        let queued = service::demo::seed_health(app.state()).await?;
        if queued > 0 {
            println!(
                "demo: {queued} workplaces waiting for the health centre (/health, /staff/health)"
            );
        }
        println!(
            "mail is written as .eml files under {}",
            app.state().settings.mail.file_dir.display()
        );
    }
    let addr = app.local_addr()?;
    if demo {
        // Demo accounts only: `serve` never creates one.
        let accounts = service::demo::seed_staff(app.state()).await?;
        println!("demo: staff sign in at http://{addr}/staff/login");
        for a in accounts {
            println!("  {:<12} {:<34} {}", a.role, a.email, a.password);
        }
    }
    println!("Tsunagu is running at http://{addr}/");
    if let Some(figures) = app.metrics_addr() {
        println!("metrics (Prometheus) at http://{figures}/metrics");
    }
    app.run().await
}
