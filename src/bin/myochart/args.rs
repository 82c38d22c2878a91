//! The command line's arguments: the `Cli` that clap parses, one enum per
//! command group, and the parsers of values written the API's way.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use myochart::atlas::{Side, View};
use myochart::finder::Spot;
use myochart::import_csv::DateFormat;
use myochart::model::{Language, Paper};

#[derive(Parser)]
#[command(
    name = "myochart",
    version,
    about = "Trigger-point charting for massage therapists"
)]
pub struct Cli {
    #[command(flatten)]
    pub open: OpenArgs,
    /// Log in more detail (the log is in the app-data folder's `logs`; ids
    /// only, never names or notes; `RUST_LOG` overrides)
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// The language to speak, a BCP 47 tag such as th, given before the
    /// command [default: the OS locale's where translated, else en]
    #[arg(long, env = "MYOCHART_LANGUAGE", value_parser = Language::parse)]
    pub language: Option<Language>,
    #[command(subcommand)]
    pub command: Command,
}

/// How to open the database; every command takes these.
#[derive(Args)]
pub struct OpenArgs {
    /// Database file, or a clinic's database on its server as
    /// postgres://login@host:port/database?sslmode=verify-full [default:
    /// myochart.sqlite in the OS app-data folder]
    #[arg(long, global = true, env = "MYOCHART_DB")]
    pub db: Option<String>,
    /// Another folder of plugins, besides `plugins` next to the database and the
    /// installed one (repeatable)
    #[arg(long = "plugins-dir", global = true, value_name = "DIR")]
    pub plugins_dirs: Vec<PathBuf>,
    /// A file whose first line is the passphrase of a protected database (or
    /// its recovery key) [default: MYOCHART_PASSPHRASE, else asked for]
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// A file whose first line is the password of the clinic login in --db
    /// [default: MYOCHART_PASSWORD, else asked for]
    #[arg(long, global = true, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Open the database to look at only; every change is refused
    #[arg(long, global = true)]
    pub read_only: bool,
}

#[derive(Subcommand)]
pub enum Command {
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
    Finder(FinderArgs),
    /// Write everything the database holds, or one client's record, to a JSON
    /// file (the format is described in src/model/export.rs)
    Export(ExportArgs),
    /// Bring an export back into an empty database: everything is checked
    /// first, then all of it is written or nothing
    Import(ImportArgs),
    /// Add clients from another system's CSV export, all or none
    ImportClients(ImportClientsArgs),
    /// Copy the whole database to a timestamped, checked file; older backups
    /// are kept by rotation (7 daily, 4 weekly, 12 monthly)
    Backup(BackupArgs),
    /// List the database's backups with what each holds
    Backups(BackupsArgs),
    /// Replace the database with a backup (the database as it is is kept
    /// beside it); shows what would change unless --yes
    Restore(RestoreArgs),
    /// Protect the database with a passphrase (asked for, or from
    /// --passphrase-file / MYOCHART_PASSPHRASE) and print its recovery key
    Protect,
    /// Change the passphrase of a protected database
    ChangePassphrase(ChangePassphraseArgs),
    /// Save a session's home-care handout as a PDF
    Handout(HandoutArgs),
    /// Show or change the clinic details printed on handouts
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Fill an empty database with made-up demo clients
    Demo(DemoArgs),
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
    /// A clinic's shared PostgreSQL database (--db postgres://...)
    #[command(subcommand)]
    Clinic(ClinicCommand),
}

#[derive(Subcommand)]
pub enum ClinicCommand {
    /// Create the clinic's database (--db, a postgres:// URL signed in as the
    /// server's administrator) or bring it up to date, and add its first owner, whose
    /// password is asked for, or read from standard input when it isn't a
    /// terminal
    Setup(ClinicSetupArgs),
    /// Move your solo database (--from) into the clinic (--db, a postgres:// URL
    /// with your own login), all of it or nothing, and report what moved
    Import(ClinicImportArgs),
}

#[derive(Args)]
pub struct ClinicImportArgs {
    /// The solo database to move in (its passphrase is asked for when it is
    /// protected, as for any command)
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
}

#[derive(Args)]
pub struct ClinicSetupArgs {
    /// The first owner's login on the server (lowercase letters, digits, _)
    #[arg(long, value_name = "LOGIN", requires = "owner_name")]
    pub owner: Option<String>,
    /// The first owner's name, as the clinic's people see it
    #[arg(long, value_name = "NAME", requires = "owner")]
    pub owner_name: Option<String>,
}

/// A place on the body chart, in one of its views.
#[derive(Args)]
pub struct ChartPosition {
    #[arg(long, value_parser = parse_kebab::<View>)]
    pub view: View,
    #[arg(long)]
    pub x: f64,
    #[arg(long)]
    pub y: f64,
}

#[derive(Subcommand)]
pub enum ClientCommand {
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
pub struct ClientArgs {
    #[arg(long)]
    pub first: String,
    #[arg(long, default_value = "")]
    pub last: String,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long, default_value = "")]
    pub email: String,
    /// Date of birth, YYYY-MM-DD
    #[arg(long, default_value = "")]
    pub dob: String,
    #[arg(long, default_value = "")]
    pub notes: String,
    /// The language their handouts print in, a BCP 47 tag such as th [default: en]
    #[arg(long, default_value = "")]
    pub language: String,
}

#[derive(Subcommand)]
pub enum SessionCommand {
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
pub enum FindingCommand {
    /// Chart a trigger point in a draft session
    Add(FindingArgs),
}

#[derive(Args)]
pub struct FindingArgs {
    #[arg(long)]
    pub session: i64,
    /// Atlas id, e.g. core:upper-trapezius
    #[arg(long)]
    pub muscle: String,
    #[arg(long, value_parser = parse_kebab::<Side>)]
    pub side: Side,
    #[command(flatten)]
    pub position: ChartPosition,
    /// 0-10
    #[arg(long)]
    pub tenderness: i64,
    /// A latent point (tender only when pressed) rather than an active one
    #[arg(long)]
    pub latent: bool,
    /// Pressing it reproduced the client's familiar pain
    #[arg(long)]
    pub referral: bool,
    #[arg(long)]
    pub technique: Option<String>,
    #[arg(long, default_value = "")]
    pub pressure: String,
    #[arg(long)]
    pub duration: Option<u32>,
    #[arg(long, default_value = "")]
    pub response: String,
}

#[derive(Subcommand)]
pub enum NoteCommand {
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

#[derive(Args)]
pub struct FinderArgs {
    /// Where it hurts, as VIEW:X,Y (X across and Y down the chart, 0..1);
    /// repeat for a pain drawing of several spots
    #[arg(long = "spot", value_parser = parse_spot, required = true)]
    pub spots: Vec<Spot>,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The JSON file to write
    #[arg(long, required_unless_present = "pdf")]
    pub out: Option<PathBuf>,
    /// Only this client's record (for a client who asks for their data)
    #[arg(long)]
    pub client: Option<i64>,
    /// With --client: the client's record as a readable PDF
    #[arg(long, requires = "client")]
    pub pdf: Option<PathBuf>,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The export file (JSON)
    pub file: PathBuf,
}

#[derive(Args)]
pub struct ImportClientsArgs {
    /// The CSV file; its first row names the columns
    pub file: PathBuf,
    /// The field of each column you name, e.g. "DOB=dateOfBirth,Address=notes"
    /// ("-" leaves a column out); other columns keep the remembered or
    /// suggested field. Fields: firstName lastName dateOfBirth phone email notes
    /// healthHistory medications contraindications areasToAvoid
    #[arg(long, value_name = "COLUMN=FIELD,...")]
    pub map: Option<String>,
    /// The system the file comes from: its mapping is remembered under this name
    #[arg(long, default_value = "")]
    pub source: String,
    /// How the dates of birth are written: dmy (25/03/1984), mdy (03/25/1984) or ymd
    #[arg(long, value_parser = parse_kebab::<DateFormat>)]
    pub date_format: Option<DateFormat>,
    /// Import rows with the same name and date of birth as a known client too
    #[arg(long)]
    pub import_duplicates: bool,
    /// Show the mapping, a preview, bad rows and duplicates; import nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args)]
pub struct BackupArgs {
    /// Folder for the copy [default: MYOCHART_BACKUPS, else "Myochart
    /// backups" in the documents folder]
    #[arg(long)]
    pub to: Option<PathBuf>,
}

#[derive(Args)]
pub struct BackupsArgs {
    /// The backup folder [default: as for `backup`]
    #[arg(long = "in")]
    pub folder: Option<PathBuf>,
}

#[derive(Args)]
pub struct RestoreArgs {
    pub backup: PathBuf,
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args)]
pub struct ChangePassphraseArgs {
    /// A file whose first line is the new passphrase [default: asked for]
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Args)]
pub struct HandoutArgs {
    #[arg(long)]
    pub session: i64,
    /// The PDF file to write
    #[arg(long)]
    pub out: PathBuf,
    /// a4 or letter [default: the paper in the settings]
    #[arg(long, value_parser = parse_kebab::<Paper>)]
    pub paper: Option<Paper>,
    /// Advice for the client, printed on the handout
    #[arg(long, default_value = "")]
    pub advice: String,
    /// When the client comes back, e.g. "Tue 2 Dec, 10:00"
    #[arg(long, default_value = "")]
    pub next_appointment: String,
    /// The language to print in, a BCP 47 tag such as th [default: the client's]
    #[arg(long, value_parser = Language::parse)]
    pub language: Option<Language>,
}

#[derive(Subcommand)]
pub enum SettingsCommand {
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

#[derive(Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = myochart::demo::DEFAULT_CLIENTS)]
    pub clients: usize,
}

#[derive(Subcommand)]
pub enum PluginsCommand {
    /// Every plugin found, with its state and hash
    List,
    /// Trust a plugin's library as it is now; it is then probed and loaded
    Approve { id: i64 },
    /// Show an approved plugin's content
    Enable { id: i64 },
    /// Hide a plugin's content
    Disable { id: i64 },
    #[command(flatten)]
    Child(PluginChildCommand),
}

/// The plugin commands the app runs in a throwaway child process: they load
/// plugin code, open no database, and print only a JSON report.
#[derive(Subcommand)]
pub enum PluginChildCommand {
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
pub enum StudentCommand {
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
pub enum LogCommand {
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
pub enum ReportCommand {
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
pub enum AtlasCommand {
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
