//! `myochart`: the headless command line over `myochart::api`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use myochart::api::{self, Access, Api, Code};
use myochart::atlas::{Side, View};
use myochart::finder::Spot;
use myochart::import_csv::{
    CsvImportOptions, CsvImportPreview, DateFormat, DuplicateOf, Field, MappingOrigin,
};
use myochart::model::{
    Activity, AmendmentForm, ClientForm, ClientId, ClientSummary, FindingForm, Invalid, NoteForm,
    SessionForm, SessionId,
};
use myochart::model::{HandoutOptions, Paper, Settings};
use myochart::model::{LogEntryForm, LogEntryId, LogEntryRef, SignOffForm, StudentProfile};
use myochart::model::{Passphrase, RecoveryKey, Unlock};
use myochart::plugin::{CallReport, PluginInfo, PluginOptions};
use myochart::report::{CaseStudyForm, ClassReportForm, Progress};

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
    /// A file whose first line is the passphrase of a protected database (or
    /// its recovery key) [default: MYOCHART_PASSPHRASE, else asked for]
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// Open the database to look at only; every change is refused
    #[arg(long, global = true)]
    read_only: bool,
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
    /// Which muscles refer pain to where the client feels it
    Finder {
        /// Where it hurts, as VIEW:X,Y (X across and Y down the chart, 0..1);
        /// repeat for a pain drawing of several spots
        #[arg(long = "spot", value_parser = parse_spot, required = true)]
        spots: Vec<Spot>,
    },
    /// Write everything the database holds, or one client's record, to a JSON
    /// file (the format is described in src/model/export.rs)
    Export {
        /// The JSON file to write
        #[arg(long, required_unless_present = "pdf")]
        out: Option<PathBuf>,
        /// Only this client's record (for a client who asks for their data)
        #[arg(long)]
        client: Option<i64>,
        /// With --client: the client's record as a readable PDF
        #[arg(long, requires = "client")]
        pdf: Option<PathBuf>,
    },
    /// Bring an export back into an empty database: everything is checked
    /// first, then all of it is written or nothing
    Import {
        /// The export file (JSON)
        file: PathBuf,
    },
    /// Add clients from another system's CSV export, all or none
    ImportClients(ImportArgs),
    /// Copy the whole database to a timestamped, checked file; older backups
    /// are kept by rotation (7 daily, 4 weekly, 12 monthly)
    Backup {
        /// Folder for the copy [default: MYOCHART_BACKUPS, else "Myochart
        /// backups" in the documents folder]
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// List the database's backups with what each holds
    Backups {
        /// The backup folder [default: as for `backup`]
        #[arg(long = "in")]
        folder: Option<PathBuf>,
    },
    /// Replace the database with a backup (the database as it is is kept
    /// beside it); shows what would change unless --yes
    Restore {
        backup: PathBuf,
        #[arg(long)]
        yes: bool,
    },
    /// Protect the database with a passphrase (asked for, or from
    /// --passphrase-file / MYOCHART_PASSPHRASE) and print its recovery key
    Protect,
    /// Change the passphrase of a protected database
    ChangePassphrase {
        /// A file whose first line is the new passphrase [default: asked for]
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
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
    /// The student profile: programme, requirements, supervisors
    #[command(subcommand)]
    Student(StudentCommand),
    /// The practice log: list, add, sign off, export
    #[command(subcommand)]
    Log(LogCommand),
    /// Anonymised case-study and class reports (PDF)
    #[command(subcommand)]
    Report(ReportCommand),
    /// The trigger-point atlas: its regions, and review sheets to check them
    #[command(subcommand)]
    Atlas(AtlasCommand),
}

#[derive(Subcommand)]
enum AtlasCommand {
    /// List the regions and how many muscles each has
    Regions,
    /// Save a region's review sheet: every muscle with its points and zones drawn
    Sheet {
        /// The region's id, e.g. core:leg (see `atlas regions`)
        #[arg(long)]
        region: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum StudentCommand {
    /// Show the profile, changing the given fields first
    Profile {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        programme: Option<String>,
        #[arg(long)]
        required_sessions: Option<u32>,
        #[arg(long)]
        required_hours: Option<f64>,
        /// How long a charted session counts for
        #[arg(long)]
        session_minutes: Option<u32>,
        /// Replaces the list of supervisors (repeatable)
        #[arg(long = "supervisor", value_name = "NAME")]
        supervisors: Vec<String>,
        /// Turn student mode on (true) or off (false)
        #[arg(long)]
        student_mode: Option<bool>,
    },
}

#[derive(Subcommand)]
enum LogCommand {
    /// Every entry, oldest first, and the progress
    List,
    /// Log practice that was not charted here
    Add {
        /// YYYY-MM-DD [default: today]
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long)]
        minutes: i64,
        #[arg(long, default_value = "")]
        client_code: String,
        #[arg(long, default_value = "")]
        techniques: String,
        #[arg(long, default_value = "")]
        supervisor: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// A supervisor signs an entry (or a charted session) off; it is then locked
    SignOff {
        #[arg(long, conflicts_with = "session", required_unless_present = "session")]
        entry: Option<i64>,
        #[arg(long)]
        session: Option<i64>,
        #[arg(long)]
        supervisor: String,
        /// YYYY-MM-DD [default: today]
        #[arg(long, default_value = "")]
        date: String,
    },
    /// Save the log for the school
    Export {
        #[arg(long, conflicts_with = "pdf", required_unless_present = "pdf")]
        csv: Option<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// One client over a range of sessions, anonymised
    CaseStudy {
        #[arg(long)]
        client: i64,
        /// YYYY-MM-DD [default: the first session]
        #[arg(long, default_value = "")]
        from: String,
        /// YYYY-MM-DD [default: the last session]
        #[arg(long, default_value = "")]
        to: String,
        #[arg(long, default_value = "")]
        reflection: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Several clients: muscles found, pain change per technique, sessions
    Class {
        /// Client ids, comma-separated
        #[arg(long, value_delimiter = ',', required = true)]
        clients: Vec<i64>,
        /// Landscape slides for presenting in class
        #[arg(long)]
        slides: bool,
        #[arg(long)]
        out: PathBuf,
    },
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
    /// Call METHOD of a plugin library in this process with the JSON on
    /// stdin; prints a JSON report. The app runs its plugins' calls this way,
    /// in a child process.
    Call {
        library: PathBuf,
        method: String,
        /// The hash the library must still have (the approved file's)
        #[arg(long)]
        sha256: String,
    },
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
struct ImportArgs {
    /// The CSV file; its first row names the columns
    file: PathBuf,
    /// The field of each column you name, e.g. "DOB=dateOfBirth,Address=notes"
    /// ("-" leaves a column out); other columns keep the remembered or
    /// suggested field. Fields: firstName lastName dateOfBirth phone email notes
    /// healthHistory medications contraindications areasToAvoid
    #[arg(long, value_name = "COLUMN=FIELD,...")]
    map: Option<String>,
    /// The system the file comes from: its mapping is remembered under this name
    #[arg(long, default_value = "")]
    source: String,
    /// How the dates of birth are written: dmy (25/03/1984), mdy (03/25/1984) or ymd
    #[arg(long, value_parser = parse_kebab::<DateFormat>)]
    date_format: Option<DateFormat>,
    /// Import rows with the same name and date of birth as a known client too
    #[arg(long)]
    import_duplicates: bool,
    /// Show the mapping, a preview, bad rows and duplicates; import nothing
    #[arg(long)]
    dry_run: bool,
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
    /// Save a draft's SOAP note; the parts not given stay as they are
    Write {
        #[arg(long)]
        session: i64,
        #[arg(long)]
        subjective: Option<String>,
        #[arg(long)]
        objective: Option<String>,
        #[arg(long)]
        assessment: Option<String>,
        #[arg(long)]
        plan: Option<String>,
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
        /// Minutes with no one at the keyboard before a protected database locks
        #[arg(long)]
        auto_lock_minutes: Option<u32>,
    },
}

/// Parses a kebab-case value the way the JSON API spells it (`front`, `left`).
fn parse_kebab<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).map_err(|e| e.to_string())
}

/// A pain spot written as `VIEW:X,Y`, e.g. `front:0.47,0.05`.
fn parse_spot(raw: &str) -> Result<Spot, String> {
    let bad = || format!("{raw:?} is not VIEW:X,Y (for example front:0.47,0.05)");
    let (view, xy) = raw.split_once(':').ok_or_else(bad)?;
    let (x, y) = xy.split_once(',').ok_or_else(bad)?;
    let number = |v: &str| v.trim().parse::<f32>().map_err(|_| bad());
    Ok(Spot {
        view: parse_kebab(view)?,
        x: number(x)?,
        y: number(y)?,
    })
}

/// Prints a plugin child process's report as one line of JSON, the last of
/// the output (whatever the plugin printed comes before); the exit code says `ok`.
fn print_report(report: &impl serde::Serialize, ok: bool) -> ExitCode {
    match serde_json::to_string(report) {
        Ok(json) => println!("{json}"),
        Err(error) => eprintln!("error: {error}"),
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Plugin code run for the app comes before any database is opened: a
    // throwaway child process that may well crash, whose only output is JSON.
    match &cli.command {
        Command::Plugins(PluginsCommand::Validate { path }) => {
            let report = myochart::plugin::probe(path);
            return print_report(&report, report.ok);
        }
        Command::Plugins(PluginsCommand::Call {
            library,
            method,
            sha256,
        }) => {
            let mut input = Vec::new();
            let report = match std::io::stdin().read_to_end(&mut input) {
                Ok(_) => myochart::plugin::call(library, sha256, method, &input),
                Err(e) => CallReport::Error(format!("can't read the input: {e}")),
            };
            let ok = matches!(report, CallReport::Reply(_));
            return print_report(&report, ok);
        }
        _ => {}
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
            // An import lists every problem of the file, one a line.
            match api::ErrorBody::from(&error).fields.as_slice() {
                fields @ [_, _, ..] => {
                    for field in fields {
                        eprintln!("error: {}", field.message);
                    }
                }
                _ => eprintln!("error: {error}"),
            }
            ExitCode::from(match error.code() {
                Code::Validation => 2,
                Code::NotFound => 3,
                Code::SignedNote | Code::DraftNote | Code::SignedEntry => 4,
                _ => 1,
            })
        }
    }
}

async fn run(cli: Cli) -> api::Result<()> {
    let path = cli.db.map_or_else(api::default_database_path, Ok)?;
    let mut dirs = vec![myochart::plugin::default_dir(&path)];
    dirs.extend(cli.plugins_dirs);
    let secret = Secret {
        file: cli.passphrase_file,
        variable: "MYOCHART_PASSPHRASE",
    };
    let mut access = if api::is_encrypted(&path).unwrap_or(false) {
        api::unlock(&path, &secret.unlock()?).await?
    } else {
        Access::default()
    };
    access.read_only = cli.read_only;
    let opened = Api::open_with(&path, &access, PluginOptions::new(dirs)).await;
    let api = match (opened, &cli.command) {
        // A damaged database can't be opened, but it can be replaced.
        (Err(error), Command::Restore { backup, yes }) if error.code() == Code::Damaged => {
            return restore_damaged(&path, &access, backup, *yes).await;
        }
        (opened, _) => opened?,
    };
    // Protecting and restoring replace the open database with another.
    let (api, result) = match cli.command {
        Command::Protect => (protect(api, &secret).await?, Ok(())),
        Command::Restore { backup, yes } => restore(api, &backup, yes).await?,
        command => {
            let result = execute(&api, command, &secret).await;
            (api, result)
        }
    };
    api.close().await;
    result
}

/// Where the CLI reads a passphrase: a file's first line, else an environment
/// variable, else a prompt that doesn't show what is typed.
struct Secret {
    file: Option<PathBuf>,
    variable: &'static str,
}

impl Secret {
    fn text(&self, prompt: &str) -> api::Result<String> {
        if let Some(file) = &self.file {
            let text = std::fs::read_to_string(file).map_err(|error| api::Error::File {
                path: file.clone(),
                reason: format!("can't read the passphrase: {error}"),
            })?;
            return Ok(text.lines().next().unwrap_or_default().to_owned());
        }
        if let Ok(text) = std::env::var(self.variable) {
            return Ok(text);
        }
        rpassword::prompt_password(prompt).map_err(|_| {
            Invalid::field(
                "passphrase",
                format!(
                    "the database is protected and there is no terminal to ask for the \
                     passphrase: pass --passphrase-file FILE or set {}",
                    self.variable
                ),
            )
            .into()
        })
    }

    /// The passphrase, or the recovery key when what was given reads as one.
    fn unlock(&self) -> api::Result<Unlock> {
        let text = self.text("Passphrase (or recovery key): ")?;
        Ok(match RecoveryKey::parse(&text) {
            Ok(key) => Unlock::RecoveryKey(key),
            Err(_) => Unlock::Passphrase(Passphrase::parse(&text)?),
        })
    }

    /// A new passphrase; asked for twice when it is typed.
    fn new_passphrase(&self) -> api::Result<Passphrase> {
        let text = self.text("New passphrase: ")?;
        let passphrase = Passphrase::parse(&text)?;
        if self.file.is_none() && std::env::var(self.variable).is_err() {
            let again = self.text("The same passphrase again: ")?;
            if again != text {
                return Err(Invalid::field("passphrase", "the two passphrases differ").into());
            }
        }
        Ok(passphrase)
    }
}

async fn protect(api: Api, secret: &Secret) -> api::Result<Api> {
    let passphrase = secret.new_passphrase()?;
    let recovery = Api::new_recovery_key()?;
    let api = api.protect(&passphrase, &recovery).await?;
    println!(
        "The database is protected. Its recovery key:\n\n    {recovery}\n\n\
         Print it or write it down and keep it somewhere safe, away from this computer.\n\
         If the passphrase is forgotten, only this key opens the records: no one, not even\n\
         Myochart's makers, can open them without one or the other."
    );
    Ok(api)
}

/// Shows what restoring `backup` would change; with `yes`, restores it.
async fn restore(api: Api, backup: &Path, yes: bool) -> api::Result<(Api, api::Result<()>)> {
    let preview = api.restore_preview(backup).await?;
    println!(
        "now:    {} clients, {} sessions, {} findings (last change {})",
        preview.current.clients,
        preview.current.sessions,
        preview.current.findings,
        preview.current.last_change.as_deref().unwrap_or("none")
    );
    print_backup_contents(&preview.backup);
    println!(
        "changes made since the backup that restoring loses: {}",
        preview.changes_lost
    );
    if !yes {
        println!("nothing changed; run again with --yes to restore");
        return Ok((api, Ok(())));
    }
    let api = api.restore(backup).await?;
    println!("restored; the database as it was is kept beside it");
    Ok((api, Ok(())))
}

/// Restores `backup` over a database too damaged to open.
async fn restore_damaged(
    path: &Path,
    access: &Access,
    backup: &Path,
    yes: bool,
) -> api::Result<()> {
    print_backup_contents(&api::check_backup(backup, access).await?);
    if !yes {
        println!("the database can't be read; run again with --yes to replace it with this backup");
        return Ok(());
    }
    let aside = api::restore_closed(path, access, backup).await?;
    println!(
        "restored; the damaged database is kept at {}",
        aside.display()
    );
    Ok(())
}

fn print_backup_contents(held: &api::Contents) {
    println!(
        "backup: {} clients, {} sessions, {} findings (last change {})",
        held.clients,
        held.sessions,
        held.findings,
        held.last_change.as_deref().unwrap_or("none")
    );
}

async fn execute(api: &Api, command: Command, secret: &Secret) -> api::Result<()> {
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
            let stored = api.session(SessionId(session)).await?.session;
            api.write_note(
                SessionId(session),
                NoteForm {
                    subjective: subjective.unwrap_or(stored.subjective),
                    objective: objective.unwrap_or(stored.objective),
                    assessment: assessment.unwrap_or(stored.assessment),
                    plan: plan.unwrap_or(stored.plan),
                    pain_before: pain_before.or(stored.pain_before.map(i64::from)),
                    pain_after: pain_after.or(stored.pain_after.map(i64::from)),
                    // Merged with what was read just now; refused if written since.
                    based_on: Some(stored.note_revision),
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
        // `run` does these: they replace the open database.
        Command::Protect | Command::Restore { .. } => unreachable!("handled by run"),
        Command::Finder { spots } => {
            let matches = api.find(&spots)?;
            if matches.is_empty() {
                println!("no muscle refers pain here");
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
        Command::Export { out, client, pdf } => {
            if let Some(out) = out {
                let path = match client {
                    Some(id) => api.export_client(ClientId(id), &out).await?,
                    None => api.export_all(&out).await?,
                };
                println!("export written to {}", path.display());
            }
            if let (Some(pdf), Some(id)) = (pdf, client) {
                let path = api.export_client_pdf(ClientId(id), &pdf).await?;
                println!("client record written to {}", path.display());
            }
        }
        Command::Import { file } => {
            let imported = api.import(&file).await?;
            println!(
                "imported {} records ({} clients) from {}",
                imported.rows,
                imported.clients,
                file.display()
            );
        }
        Command::ImportClients(args) => import_clients(api, args).await?,
        Command::Backup { to } => {
            let folder = to.unwrap_or_else(api::default_backup_folder);
            let backup = api.backup(&folder).await?;
            println!("backup written to {} (checked)", backup.path.display());
        }
        Command::Backups { folder } => {
            let folder = folder.unwrap_or_else(api::default_backup_folder);
            for backup in api.backups(&folder).await? {
                match (&backup.contents, &backup.problem) {
                    (Some(held), _) => println!(
                        "{}  {} clients, {} sessions, {} findings  {}",
                        backup.made,
                        held.clients,
                        held.sessions,
                        held.findings,
                        backup.path.display()
                    ),
                    (None, problem) => println!(
                        "{}  can't be read: {}  {}",
                        backup.made,
                        problem.as_deref().unwrap_or_default(),
                        backup.path.display()
                    ),
                }
            }
        }
        Command::ChangePassphrase {
            new_passphrase_file,
        } => {
            let current = secret.unlock()?;
            let new = Secret {
                file: new_passphrase_file,
                variable: "MYOCHART_NEW_PASSPHRASE",
            }
            .new_passphrase()?;
            api.change_passphrase(&current, &new).await?;
            println!("passphrase changed; the recovery key stays the same");
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
            auto_lock_minutes,
        }) => {
            let current = api.settings().await?;
            let saved = api
                .save_settings(Settings {
                    clinic_name: clinic.unwrap_or(current.clinic_name),
                    therapist_name: therapist.unwrap_or(current.therapist_name),
                    contact: contact.unwrap_or(current.contact),
                    paper: paper.unwrap_or(current.paper),
                    auto_lock_minutes: auto_lock_minutes.unwrap_or(current.auto_lock_minutes),
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
            print_plugins(&[api.approve_plugin(myochart::model::PluginId(id)).await?])
        }
        Command::Plugins(PluginsCommand::Enable { id }) => {
            print_plugins(&[api.enable_plugin(myochart::model::PluginId(id)).await?])
        }
        Command::Plugins(PluginsCommand::Disable { id }) => {
            print_plugins(&[api.disable_plugin(myochart::model::PluginId(id)).await?])
        }
        // Handled in `main`, before a database is opened.
        Command::Plugins(PluginsCommand::Validate { .. } | PluginsCommand::Call { .. }) => {}
        Command::Student(command) => student(api, command).await?,
        Command::Log(command) => log(api, command).await?,
        Command::Report(command) => report(api, command).await?,
        Command::Atlas(AtlasCommand::Regions) => {
            for region in api.atlas().regions() {
                println!(
                    "{:<28} {:>3} muscles  {}",
                    region.id,
                    region.muscles.len(),
                    region.name
                );
            }
        }
        Command::Atlas(AtlasCommand::Sheet { region, out }) => {
            let path = api.save_atlas_sheet(&region, &out).await?;
            println!("review sheet of {region} saved to {}", path.display());
        }
    }
    Ok(())
}

async fn student(api: &Api, command: StudentCommand) -> api::Result<()> {
    let StudentCommand::Profile {
        name,
        programme,
        required_sessions,
        required_hours,
        session_minutes,
        supervisors,
        student_mode,
    } = command;
    let current = api.student_profile().await?;
    let changed = name.is_some()
        || programme.is_some()
        || required_sessions.is_some()
        || required_hours.is_some()
        || session_minutes.is_some()
        || !supervisors.is_empty()
        || student_mode.is_some();
    let profile = if changed {
        api.save_student_profile(StudentProfile {
            // Setting up a profile from the command line means being a student.
            student_mode: student_mode.unwrap_or(true),
            student_name: name.unwrap_or(current.student_name),
            programme: programme.unwrap_or(current.programme),
            required_sessions: required_sessions.unwrap_or(current.required_sessions),
            required_hours: required_hours.unwrap_or(current.required_hours),
            session_minutes: session_minutes.unwrap_or(current.session_minutes),
            supervisors: if supervisors.is_empty() {
                current.supervisors
            } else {
                supervisors
            },
        })
        .await?
    } else {
        current
    };
    println!(
        "student mode:      {}",
        if profile.student_mode { "on" } else { "off" }
    );
    println!("student:           {}", profile.student_name);
    println!("programme:         {}", profile.programme);
    println!("required sessions: {}", profile.required_sessions);
    println!("required hours:    {}", profile.required_hours);
    println!("session length:    {} minutes", profile.session_minutes);
    println!("supervisors:       {}", profile.supervisors.join(", "));
    Ok(())
}

async fn log(api: &Api, command: LogCommand) -> api::Result<()> {
    match command {
        LogCommand::List => {
            let log = api.practice_log().await?;
            for e in &log.entries {
                let which = match (e.id, e.session_id) {
                    (_, Some(session)) => format!("session {session}"),
                    (Some(id), None) => format!("entry {id}"),
                    (None, None) => String::new(),
                };
                let signed = match (&e.signed_off_by, &e.signed_off_at) {
                    (Some(by), Some(at)) => format!("signed off by {by} on {at}"),
                    _ => "not signed off".to_owned(),
                };
                println!(
                    "{}  {:>4} min  {:<8}  {:<12}  {}  {}  {}",
                    e.entry_date,
                    e.duration_minutes,
                    e.client_code,
                    which,
                    e.techniques,
                    e.supervisor,
                    signed
                );
            }
            println!("{}", log.totals.summary);
        }
        LogCommand::Add {
            date,
            minutes,
            client_code,
            techniques,
            supervisor,
            notes,
        } => {
            let entry = api
                .add_log_entry(LogEntryForm {
                    entry_date: date,
                    duration_minutes: minutes,
                    client_code,
                    techniques,
                    supervisor,
                    notes,
                })
                .await?;
            println!(
                "entry {} added: {}, {} minutes",
                entry.id.map_or(0, |id| id.0),
                entry.entry_date,
                entry.duration_minutes
            );
        }
        LogCommand::SignOff {
            entry,
            session,
            supervisor,
            date,
        } => {
            // clap lets exactly one of the two through.
            let target = match (entry, session) {
                (Some(id), _) => LogEntryRef::Entry(LogEntryId(id)),
                (None, id) => LogEntryRef::Session(SessionId(id.unwrap_or_default())),
            };
            let signed = api
                .sign_off_log_entry(target, SignOffForm { supervisor, date })
                .await?;
            println!(
                "entry {} signed off by {} on {}",
                signed.id.map_or(0, |id| id.0),
                signed.signed_off_by.unwrap_or_default(),
                signed.signed_off_at.unwrap_or_default()
            );
        }
        LogCommand::Export { csv, pdf } => {
            // clap lets exactly one of the two through.
            let path = match (csv, pdf) {
                (Some(csv), _) => api.save_practice_log_csv(&csv).await?,
                (None, pdf) => api.save_practice_log_pdf(&pdf.unwrap_or_default()).await?,
            };
            println!("practice log saved to {}", path.display());
        }
    }
    Ok(())
}

async fn report(api: &Api, command: ReportCommand) -> api::Result<()> {
    // Progress goes to stderr, so stdout stays the result.
    let mut progress = |p: Progress| eprintln!("[{}/{}] {}", p.step, p.total, p.label);
    let saved = match command {
        ReportCommand::CaseStudy {
            client,
            from,
            to,
            reflection,
            out,
        } => {
            let form = CaseStudyForm {
                client_id: ClientId(client),
                from,
                to,
                reflection,
            };
            api.save_case_study(form, &out, &mut progress).await?
        }
        ReportCommand::Class {
            clients,
            slides,
            out,
        } => {
            let form = ClassReportForm {
                client_ids: clients.into_iter().map(ClientId).collect(),
                slides,
            };
            api.save_class_report(form, &out, &mut progress).await?
        }
    };
    for warning in &saved.warnings {
        eprintln!("warning: {}", warning.message);
    }
    println!("report saved to {}", saved.path);
    Ok(())
}

/// Checks a CSV file and prints what importing it does, then (unless a dry
/// run) imports it: refused, with nothing written, while a row is bad.
async fn import_clients(api: &Api, args: ImportArgs) -> api::Result<()> {
    let mut options = CsvImportOptions {
        columns: None,
        date_format: args.date_format,
        source: args.source,
        import_duplicates: args.import_duplicates,
    };
    let mut preview = api.preview_csv_import(&args.file, &options).await?;
    if let Some(map) = &args.map {
        options.columns = Some(remap(&preview, map)?);
        preview = api.preview_csv_import(&args.file, &options).await?;
    }
    print_import_preview(&preview, options.import_duplicates);
    if args.dry_run {
        return match preview.ready() {
            true => Ok(()),
            false => Err(Invalid::field("file", "the file can't be imported as it is").into()),
        };
    }
    let mut progress = |p: Progress| eprintln!("[{}/{}] {}", p.step, p.total, p.label);
    let summary = api.import_csv(&args.file, &options, &mut progress).await?;
    println!(
        "{} client(s) imported, {} duplicate(s) skipped",
        summary.imported, summary.skipped_duplicates
    );
    Ok(())
}

/// The preview's mapping with the columns `map` names ("Column=field,...")
/// set to their fields.
fn remap(preview: &CsvImportPreview, map: &str) -> api::Result<Vec<Option<Field>>> {
    let mut fields: Vec<Option<Field>> = preview.columns.iter().map(|c| c.field).collect();
    for pair in map.split(',').filter(|pair| !pair.trim().is_empty()) {
        let (column, field) = pair
            .rsplit_once('=')
            .ok_or_else(|| Invalid::field("map", format!("\"{pair}\" is not COLUMN=FIELD")))?;
        let index = preview
            .columns
            .iter()
            .position(|c| c.header.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| {
                let headers: Vec<&str> =
                    preview.columns.iter().map(|c| c.header.as_str()).collect();
                Invalid::field(
                    "map",
                    format!(
                        "the file has no column \"{column}\"; its columns: {}",
                        headers.join(", ")
                    ),
                )
            })?;
        fields[index] = match field.trim() {
            "-" => None,
            name => Some(Field::named(name).ok_or_else(|| {
                Invalid::field(
                    "map",
                    format!("\"{name}\" is not a client field (see --help)"),
                )
            })?),
        };
    }
    Ok(fields)
}

fn print_import_preview(preview: &CsvImportPreview, import_duplicates: bool) {
    let origin = match preview.origin {
        MappingOrigin::Chosen => "chosen",
        MappingOrigin::Remembered => "remembered",
        MappingOrigin::Suggested => "suggested",
    };
    println!("columns ({origin} mapping):");
    for column in &preview.columns {
        let field = column.field.map_or("(not imported)", Field::label);
        println!(
            "  {:<24} -> {field:<18} e.g. {}",
            column.header,
            column.samples.join(" | ")
        );
    }
    if let Some(format) = preview.date_format {
        println!("dates: {}", format.label());
    }
    for problem in &preview.problems {
        println!("problem: {problem}");
    }
    if !preview.preview.is_empty() {
        println!(
            "preview (first {} of {} to import):",
            preview.preview.len(),
            preview.to_import
        );
    }
    for row in &preview.preview {
        let values: Vec<String> = preview
            .fields
            .iter()
            .zip(&row.values)
            .filter(|(_, value)| !value.is_empty())
            .map(|(field, value)| format!("{}: {}", field.label(), value.replace('\n', " / ")))
            .collect();
        println!("  line {}: {}", row.line, values.join("; "));
    }
    for error in &preview.errors {
        let column = match error.column.as_str() {
            "" => String::new(),
            column => format!(", {column}"),
        };
        println!("error: line {}{column}: {}", error.line, error.message);
    }
    let fate = if import_duplicates {
        "imported anyway"
    } else {
        "skipped"
    };
    for duplicate in &preview.duplicates {
        let of = match duplicate.of {
            DuplicateOf::Client { id } => format!("client {id}"),
            DuplicateOf::Line { line } => format!("line {line}"),
        };
        println!(
            "duplicate ({fate}): line {}: {} {} is the same as {of}",
            duplicate.line, duplicate.name, duplicate.date_of_birth
        );
    }
    println!(
        "{} row(s) read, {} error(s), {} duplicate(s), {} to import",
        preview.rows,
        preview.errors.len(),
        preview.duplicates.len(),
        preview.to_import
    );
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
    println!("auto-lock: {} minutes", settings.auto_lock_minutes);
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
