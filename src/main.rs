//! `myochart`: the headless command line over `myochart::api`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use myochart::api::{self, Api, Code};
use myochart::atlas::{Side, View};
use myochart::model::{
    Activity, AmendmentForm, ClientForm, ClientId, ClientSummary, FindingForm, NoteForm,
    SessionForm, SessionId,
};
use myochart::model::{HandoutOptions, Paper, Settings};
use myochart::plugin::{PluginInfo, PluginOptions};

#[derive(Parser)]
#[command(
    name = "myochart",
    version,
    about = "Trigger-point charting for massage therapists"
)]
struct Cli {
    /// Database file [default: myochart.sqlite in the OS app-data folder]
    #[arg(long, global = true, env = "MYOCHART_DB")]
    db: Option<PathBuf>,
    /// Another folder of plugins, besides `plugins` next to the database (repeatable)
    #[arg(long = "plugins-dir", global = true, value_name = "DIR")]
    plugins_dirs: Vec<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add, list, search and show clients
    #[command(subcommand)]
    Client(ClientCommand),
    /// Start sessions
    #[command(subcommand)]
    Session(SessionCommand),
    /// Chart trigger-point findings
    #[command(subcommand)]
    Finding(FindingCommand),
    /// Write, sign and amend SOAP notes
    #[command(subcommand)]
    Note(NoteCommand),
    /// Which muscles refer pain to a spot on the body chart
    Finder {
        #[arg(long, value_parser = parse_kebab::<View>)]
        view: View,
        /// 0..1 across the chart
        #[arg(long)]
        x: f64,
        /// 0..1 down the chart
        #[arg(long)]
        y: f64,
    },
    /// Copy the whole database to a timestamped file
    Backup {
        /// Folder for the copy
        #[arg(long, default_value = ".")]
        to: PathBuf,
    },
    /// Save a session's home-care handout as a PDF
    Handout {
        #[arg(long)]
        session: i64,
        /// The PDF file to write
        #[arg(long)]
        out: PathBuf,
        /// a4 or letter [default: the paper in the settings]
        #[arg(long, value_parser = parse_kebab::<Paper>)]
        paper: Option<Paper>,
        /// Advice for the client, printed on the handout
        #[arg(long, default_value = "")]
        advice: String,
        /// When the client comes back, e.g. "Tue 2 Dec, 10:00"
        #[arg(long, default_value = "")]
        next_appointment: String,
    },
    /// Show or change the clinic details printed on handouts
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Fill an empty database with made-up demo clients
    Demo {
        #[arg(long, default_value_t = myochart::demo::DEFAULT_CLIENTS)]
        clients: usize,
    },
    /// List, approve, enable and disable plugins; validate a plugin folder
    #[command(subcommand)]
    Plugins(PluginsCommand),
}

#[derive(Subcommand)]
enum PluginsCommand {
    /// Every plugin found, with its state and hash
    List,
    /// Trust a plugin's library as it is now; it is then probed and loaded
    Approve { id: i64 },
    /// Show an approved plugin's content
    Enable { id: i64 },
    /// Hide a plugin's content
    Disable { id: i64 },
    /// Load a plugin folder (or library) in this process and check it; prints
    /// a JSON report. The app runs this in a child process before trusting a
    /// library in its own.
    Validate { path: PathBuf },
}

#[derive(Subcommand)]
enum ClientCommand {
    Add(ClientArgs),
    /// List every client
    List,
    /// Clients whose name, phone or e-mail contains the words
    Search {
        query: String,
    },
    /// A client with their sessions
    Show {
        id: i64,
    },
}

#[derive(Args)]
struct ClientArgs {
    #[arg(long)]
    first: String,
    #[arg(long, default_value = "")]
    last: String,
    #[arg(long, default_value = "")]
    phone: String,
    #[arg(long, default_value = "")]
    email: String,
    /// Date of birth, YYYY-MM-DD
    #[arg(long, default_value = "")]
    dob: String,
    #[arg(long, default_value = "")]
    notes: String,
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Start a session (a draft note) for a client
    New {
        #[arg(long)]
        client: i64,
        /// YYYY-MM-DD [default: today]
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long, default_value = "")]
        therapist: String,
    },
}

#[derive(Subcommand)]
enum FindingCommand {
    /// Chart a trigger point in a draft session
    Add {
        #[arg(long)]
        session: i64,
        /// Atlas id, e.g. core:upper-trapezius
        #[arg(long)]
        muscle: String,
        #[arg(long, value_parser = parse_kebab::<Side>)]
        side: Side,
        #[arg(long, value_parser = parse_kebab::<View>)]
        view: View,
        #[arg(long)]
        x: f64,
        #[arg(long)]
        y: f64,
        /// 0-10
        #[arg(long)]
        tenderness: i64,
        /// A latent point (tender only when pressed) rather than an active one
        #[arg(long)]
        latent: bool,
        /// Pressing it reproduced the client's familiar pain
        #[arg(long)]
        referral: bool,
        #[arg(long)]
        technique: Option<String>,
        #[arg(long, default_value = "")]
        pressure: String,
        #[arg(long)]
        duration: Option<u32>,
        #[arg(long, default_value = "")]
        response: String,
    },
}

#[derive(Subcommand)]
enum NoteCommand {
    /// Save a draft's SOAP note
    Write {
        #[arg(long)]
        session: i64,
        #[arg(long, default_value = "")]
        subjective: String,
        #[arg(long, default_value = "")]
        objective: String,
        #[arg(long, default_value = "")]
        assessment: String,
        #[arg(long, default_value = "")]
        plan: String,
        #[arg(long)]
        pain_before: Option<i64>,
        #[arg(long)]
        pain_after: Option<i64>,
    },
    /// Sign a note; it can then only be amended
    Sign {
        #[arg(long)]
        session: i64,
    },
    /// Append an amendment to a signed note
    Amend {
        #[arg(long)]
        session: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        text: String,
    },
}

#[derive(Subcommand)]
enum SettingsCommand {
    /// Print the settings
    Show,
    /// Change the given settings, keeping the others
    Set {
        #[arg(long)]
        clinic: Option<String>,
        #[arg(long)]
        therapist: Option<String>,
        /// Phone, e-mail or address printed under the clinic's name
        #[arg(long)]
        contact: Option<String>,
        /// a4 or letter
        #[arg(long, value_parser = parse_kebab::<Paper>)]
        paper: Option<Paper>,
    },
}

/// Parses a kebab-case value the way the JSON API spells it (`front`, `left`).
fn parse_kebab<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The probe runs before any database is opened: it is a throwaway child
    // process that may well crash, and its only output is the JSON report.
    if let Command::Plugins(PluginsCommand::Validate { path }) = &cli.command {
        let report = myochart::plugin::probe(path);
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => eprintln!("error: {error}"),
        }
        return if report.ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: can't start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(match error.code() {
                Code::Validation => 2,
                Code::NotFound => 3,
                Code::SignedNote | Code::DraftNote => 4,
                _ => 1,
            })
        }
    }
}

async fn run(cli: Cli) -> api::Result<()> {
    let path = cli.db.unwrap_or_else(api::default_database_path);
    let mut dirs = vec![myochart::plugin::default_dir(&path)];
    dirs.extend(cli.plugins_dirs);
    let api = Api::open_with_plugins(&path, PluginOptions::new(dirs)).await?;
    let result = execute(&api, cli.command).await;
    api.close().await;
    result
}

async fn execute(api: &Api, command: Command) -> api::Result<()> {
    match command {
        Command::Client(ClientCommand::Add(args)) => {
            let client = api
                .create_client(ClientForm {
                    first_name: args.first,
                    last_name: args.last,
                    phone: args.phone,
                    email: args.email,
                    date_of_birth: args.dob,
                    notes: args.notes,
                    ..ClientForm::default()
                })
                .await?;
            println!("client {} added: {}", client.id, client.full_name());
        }
        Command::Client(ClientCommand::List) => print_clients(&api.search_clients("").await?),
        Command::Client(ClientCommand::Search { query }) => {
            print_clients(&api.search_clients(&query).await?)
        }
        Command::Client(ClientCommand::Show { id }) => {
            let record = api.client_record(ClientId(id)).await?;
            let client = &record.client;
            println!("{}  (client {})", client.full_name(), client.id);
            for (label, value) in [
                ("phone", &client.phone),
                ("e-mail", &client.email),
                ("notes", &client.notes),
            ] {
                if !value.is_empty() {
                    println!("  {label}: {value}");
                }
            }
            if let Some(born) = &client.date_of_birth {
                println!("  born: {born}");
            }
            println!("{} session(s)", record.sessions.len());
            for s in &record.sessions {
                let pain = |p: Option<u8>| p.map_or("-".to_owned(), |p| p.to_string());
                println!(
                    "  {}  session {}  {:?}  pain {} -> {}  {} finding(s)  {}",
                    s.session_date,
                    s.id,
                    s.status,
                    pain(s.pain_before),
                    pain(s.pain_after),
                    s.finding_count,
                    s.complaint
                );
            }
        }
        Command::Session(SessionCommand::New {
            client,
            date,
            therapist,
        }) => {
            let session = api
                .create_session(
                    ClientId(client),
                    SessionForm {
                        session_date: date,
                        therapist,
                    },
                )
                .await?;
            println!("session {} started on {}", session.id, session.session_date);
        }
        Command::Finding(FindingCommand::Add {
            session,
            muscle,
            side,
            view,
            x,
            y,
            tenderness,
            latent,
            referral,
            technique,
            pressure,
            duration,
            response,
        }) => {
            let finding = api
                .add_finding(
                    SessionId(session),
                    FindingForm {
                        muscle_id: muscle,
                        side,
                        view,
                        x,
                        y,
                        tenderness,
                        activity: if latent {
                            Activity::Latent
                        } else {
                            Activity::Active
                        },
                        referral_reproduced: referral,
                        technique_id: technique,
                        pressure,
                        duration_seconds: duration,
                        response,
                    },
                )
                .await?;
            println!(
                "finding {} added: {} ({:?})",
                finding.id, finding.muscle_label, finding.side
            );
        }
        Command::Note(NoteCommand::Write {
            session,
            subjective,
            objective,
            assessment,
            plan,
            pain_before,
            pain_after,
        }) => {
            api.write_note(
                SessionId(session),
                NoteForm {
                    subjective,
                    objective,
                    assessment,
                    plan,
                    pain_before,
                    pain_after,
                },
            )
            .await?;
            println!("note of session {session} saved");
        }
        Command::Note(NoteCommand::Sign { session }) => {
            let signed = api.sign_note(SessionId(session)).await?;
            println!(
                "session {} signed at {}",
                signed.id,
                signed.signed_at.unwrap_or_default()
            );
        }
        Command::Note(NoteCommand::Amend {
            session,
            reason,
            text,
        }) => {
            let amendment = api
                .amend_note(SessionId(session), AmendmentForm { reason, text })
                .await?;
            println!("amendment {} added to session {}", amendment.id, session);
        }
        Command::Finder { view, x, y } => {
            let matches = api.find(view, x, y)?;
            if matches.is_empty() {
                println!("no muscle refers pain to this spot");
            }
            for (rank, m) in matches.iter().enumerate() {
                println!(
                    "{:>2}. {} ({:?})  score {:.2}",
                    rank + 1,
                    m.muscle_name,
                    m.side,
                    m.score
                );
            }
        }
        Command::Backup { to } => {
            let path = api.backup(&to).await?;
            println!("backup written to {}", path.display());
        }
        Command::Handout {
            session,
            out,
            paper,
            advice,
            next_appointment,
        } => {
            let options = HandoutOptions {
                paper,
                advice,
                next_appointment,
            };
            let handout = api.save_handout(SessionId(session), options, &out).await?;
            println!(
                "handout for session {session} saved to {} ({})",
                handout.file_path, handout.paper
            );
        }
        Command::Settings(SettingsCommand::Show) => print_settings(&api.settings().await?),
        Command::Settings(SettingsCommand::Set {
            clinic,
            therapist,
            contact,
            paper,
        }) => {
            let current = api.settings().await?;
            let saved = api
                .save_settings(Settings {
                    clinic_name: clinic.unwrap_or(current.clinic_name),
                    therapist_name: therapist.unwrap_or(current.therapist_name),
                    contact: contact.unwrap_or(current.contact),
                    paper: paper.unwrap_or(current.paper),
                })
                .await?;
            print_settings(&saved);
        }
        Command::Demo { clients } => {
            if api.info().await?.client_count > 0 {
                return Err(api::Error::File {
                    path: api.info().await?.path.into(),
                    reason: "already holds clients; demo data goes into an empty database only"
                        .into(),
                });
            }
            myochart::demo::fill(api, clients).await?;
            println!("{clients} demo clients added");
        }
        Command::Plugins(PluginsCommand::List) => print_plugins(&api.plugins()),
        Command::Plugins(PluginsCommand::Approve { id }) => {
            print_plugins(&[api.approve_plugin(id).await?])
        }
        Command::Plugins(PluginsCommand::Enable { id }) => {
            print_plugins(&[api.enable_plugin(id, true).await?])
        }
        Command::Plugins(PluginsCommand::Disable { id }) => {
            print_plugins(&[api.enable_plugin(id, false).await?])
        }
        // Handled in `main`, before a database is opened.
        Command::Plugins(PluginsCommand::Validate { .. }) => {}
    }
    Ok(())
}

/// One block per plugin: what the plugin manager shows.
fn print_plugins(plugins: &[PluginInfo]) {
    if plugins.is_empty() {
        println!("no plugins found");
    }
    for p in plugins {
        let id = p.id.map_or_else(|| "-".to_owned(), |id| id.to_string());
        let state = serde_json::to_value(p.state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        println!(
            "{id}\t{state}\t{} {} ({}) by {}",
            p.name, p.version, p.namespace, p.author
        );
        println!("\tlibrary {}", p.library);
        println!("\tsha256  {}", p.sha256);
        if let Some(error) = &p.error {
            println!("\terror   {error}");
        }
    }
}

fn print_settings(settings: &Settings) {
    println!("clinic:    {}", settings.clinic_name);
    println!("therapist: {}", settings.therapist_name);
    println!("contact:   {}", settings.contact);
    println!("paper:     {}", settings.paper);
}

fn print_clients(clients: &[ClientSummary]) {
    for c in clients {
        let name = if c.last_name.is_empty() {
            c.first_name.clone()
        } else {
            format!("{} {}", c.first_name, c.last_name)
        };
        println!(
            "{:>6}  {:<32}  {:<18}  {}",
            c.id,
            name,
            c.phone,
            c.last_session.as_deref().unwrap_or("no sessions")
        );
    }
    println!("{} client(s)", clients.len());
}
