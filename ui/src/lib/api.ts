// Typed calls into the Tauri commands. The types are generated from the Rust
// types (ts-rs, `cargo test`); nothing here retypes them.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { ClinicAddress } from "../bindings/ClinicAddress";
import type { AnonymityWarning } from "../bindings/AnonymityWarning";
import type { CaseStudyForm } from "../bindings/CaseStudyForm";
import type { ClassReportForm } from "../bindings/ClassReportForm";
import type { LogEntry } from "../bindings/LogEntry";
import type { LogEntryForm } from "../bindings/LogEntryForm";
import type { LogEntryId } from "../bindings/LogEntryId";
import type { LogEntryRef } from "../bindings/LogEntryRef";
import type { PracticeLog } from "../bindings/PracticeLog";
import type { Progress } from "../bindings/Progress";
import type { SavedReport } from "../bindings/SavedReport";
import type { SignOffForm } from "../bindings/SignOffForm";
import type { StudentProfile } from "../bindings/StudentProfile";
import type { Amendment } from "../bindings/Amendment";
import type { AmendmentForm } from "../bindings/AmendmentForm";
import type { Assessment } from "../bindings/Assessment";
import type { AssessmentScore } from "../bindings/AssessmentScore";
import type { Atlas } from "../bindings/Atlas";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { Backup } from "../bindings/Backup";
import type { RestorePreview } from "../bindings/RestorePreview";
import type { UnlockForm } from "../bindings/UnlockForm";
import type { CheckForm } from "../bindings/CheckForm";
import type { CheckId } from "../bindings/CheckId";
import type { Client } from "../bindings/Client";
import type { ClientForm } from "../bindings/ClientForm";
import type { ClientId } from "../bindings/ClientId";
import type { ClientContact } from "../bindings/ClientContact";
import type { ClientRecord } from "../bindings/ClientRecord";
import type { ClientSummary } from "../bindings/ClientSummary";
import type { CsvImportOptions } from "../bindings/CsvImportOptions";
import type { CsvImportPreview } from "../bindings/CsvImportPreview";
import type { CsvImportSummary } from "../bindings/CsvImportSummary";
import type { DatabaseInfo } from "../bindings/DatabaseInfo";
import type { ErrorBody } from "../bindings/ErrorBody";
import type { FinderMatch } from "../bindings/FinderMatch";
import type { Finding } from "../bindings/Finding";
import type { FindingForm } from "../bindings/FindingForm";
import type { FindingId } from "../bindings/FindingId";
import type { FindingMove } from "../bindings/FindingMove";
import type { Handout } from "../bindings/Handout";
import type { HandoutId } from "../bindings/HandoutId";
import type { HandoutOptions } from "../bindings/HandoutOptions";
import type { Untranslated } from "../bindings/Untranslated";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { NearbyPoint } from "../bindings/NearbyPoint";
import type { NoteForm } from "../bindings/NoteForm";
import type { PluginId } from "../bindings/PluginId";
import type { PluginInfo } from "../bindings/PluginInfo";
import type { RedFlagQuestion } from "../bindings/RedFlagQuestion";
import type { Session } from "../bindings/Session";
import type { SessionCheck } from "../bindings/SessionCheck";
import type { SessionDetail } from "../bindings/SessionDetail";
import type { SessionForm } from "../bindings/SessionForm";
import type { SessionId } from "../bindings/SessionId";
import type { Settings } from "../bindings/Settings";
import type { Snippet } from "../bindings/Snippet";
import type { SnippetForm } from "../bindings/SnippetForm";
import type { SnippetId } from "../bindings/SnippetId";
import type { Spot } from "../bindings/Spot";
import type { View } from "../bindings/View";

/** A failed call: the core's `{code, message, fields}`. */
export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
  }

  /** Field name -> message, for showing errors next to their fields. */
  get fields(): Record<string, string> {
    return Object.fromEntries(this.body.fields.map((f) => [f.field, f.message]));
  }
}

/** The message of any error, for a banner. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Half of an emoji (a lone UTF-16 surrogate, left by some pastes) can't cross
 * the bridge as JSON: the whole call would fail. Sent as U+FFFD instead, it
 * reaches the app, which refuses just that field with a clear message.
 */
function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value && typeof value === "object" && !(value instanceof Channel)) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, wellFormed(v)]));
  }
  return value;
}

/**
 * Every command the shell offers, with its arguments (as `invoke` names them)
 * and its result: the one list `call` is typed from, so a misspelt command or
 * argument is a type error. `args: undefined` is a command that takes none.
 */
type Commands = {
  database_info: { args: undefined; result: DatabaseInfo };
  check_database: { args: undefined; result: void };
  open_demo: { args: undefined; result: void };
  leave_demo: { args: undefined; result: void };
  atlas: { args: undefined; result: Atlas };
  red_flag_questions: { args: undefined; result: RedFlagQuestion[] };
  search_clients: { args: { query: string }; result: ClientSummary[] };
  client_record: { args: { id: ClientId }; result: ClientRecord };
  client_contact: { args: { id: ClientId }; result: ClientContact };
  create_client: { args: { form: ClientForm }; result: Client };
  update_client: { args: { id: ClientId; form: ClientForm }; result: Client };
  create_session: { args: { client: ClientId; form: SessionForm }; result: Session };
  session: { args: { id: SessionId }; result: SessionDetail };
  add_finding: { args: { session: SessionId; form: FindingForm }; result: Finding };
  move_finding: { args: { id: FindingId; to: FindingMove }; result: Finding };
  remove_finding: { args: { id: FindingId }; result: void };
  restore_finding: { args: { id: FindingId }; result: Finding };
  write_note: { args: { session: SessionId; form: NoteForm }; result: Session };
  sign_note: { args: { session: SessionId }; result: Session };
  amend_note: { args: { session: SessionId; form: AmendmentForm }; result: Amendment };
  client_history: { args: { client: ClientId }; result: HistoryEntry[] };
  note_history: { args: { session: SessionId }; result: AuditEntry[] };
  find: { args: { spots: Spot[] }; result: FinderMatch[] };
  nearest_points: { args: { view: View; x: number; y: number }; result: NearbyPoint[] };
  add_checks: { args: { session: SessionId; checks: CheckForm[] }; result: SessionCheck[] };
  remove_check: { args: { id: CheckId }; result: void };
  forget_kept_note: { args: { session: SessionId }; result: void };
  snippets: { args: undefined; result: Snippet[] };
  create_snippet: { args: { form: SnippetForm }; result: Snippet };
  delete_snippet: { args: { id: SnippetId }; result: void };
  settings: { args: undefined; result: Settings };
  save_settings: { args: { form: Settings }; result: Settings };
  save_handout: { args: { session: SessionId; options: HandoutOptions }; result: Handout };
  handout_untranslated: { args: { session: SessionId; options: HandoutOptions }; result: Untranslated[] };
  preview_handout: { args: { session: SessionId; options: HandoutOptions }; result: void };
  handouts_of_client: { args: { client: ClientId }; result: Handout[] };
  open_handout: { args: { client: ClientId; id: HandoutId }; result: void };
  backup: { args: undefined; result: Backup };
  backups: { args: undefined; result: Backup[] };
  restore_preview: { args: { backup: string }; result: RestorePreview };
  restore: { args: { backup: string }; result: void };
  unlock: { args: { form: UnlockForm }; result: void };
  clinic: { args: undefined; result: ClinicAddress | null };
  sign_in: { args: { password: string }; result: void };
  connect_clinic: { args: { address: ClinicAddress; password: string }; result: void };
  leave_clinic: { args: undefined; result: void };
  lock: { args: undefined; result: void };
  open_read_only: { args: undefined; result: void };
  new_recovery_key: { args: undefined; result: string };
  protect: { args: { passphrase: string; recoveryKey: string }; result: void };
  change_passphrase: { args: { current: UnlockForm; passphrase: string }; result: void };
  export_all: { args: undefined; result: string };
  export_client: { args: { id: ClientId }; result: string[] };
  plugins: { args: undefined; result: PluginInfo[] };
  approve_plugin: { args: { id: PluginId }; result: PluginInfo };
  enable_plugin: { args: { id: PluginId }; result: PluginInfo };
  disable_plugin: { args: { id: PluginId }; result: PluginInfo };
  student_profile: { args: undefined; result: StudentProfile };
  save_student_profile: { args: { form: StudentProfile }; result: StudentProfile };
  practice_log: { args: undefined; result: PracticeLog };
  add_log_entry: { args: { form: LogEntryForm }; result: LogEntry };
  delete_log_entry: { args: { id: LogEntryId }; result: void };
  sign_off_log_entry: { args: { entry: LogEntryRef; form: SignOffForm }; result: LogEntry };
  export_practice_log: { args: { pdf: boolean }; result: string };
  case_study_warnings: { args: { form: CaseStudyForm }; result: AnonymityWarning[] };
  save_case_study: { args: { form: CaseStudyForm; progress: Channel<Progress> }; result: SavedReport };
  save_class_report: { args: { form: ClassReportForm; progress: Channel<Progress> }; result: SavedReport };
  pick_csv_file: { args: undefined; result: string | null };
  preview_csv_import: { args: { options: CsvImportOptions }; result: CsvImportPreview };
  import_csv: { args: { options: CsvImportOptions; progress: Channel<Progress> }; result: CsvImportSummary };
  open_report: { args: { path: string }; result: void };
  open_log_folder: { args: undefined; result: void };
  assessments: { args: undefined; result: Assessment[] };
  score_assessment: { args: { id: string; values: Record<string, number> }; result: AssessmentScore };
  bench_ready: { args: { screen: "list" | "client" }; result: ClientId | null };
};

type Command = keyof Commands;

async function call<C extends Command>(
  command: C,
  ...[args]: Commands[C]["args"] extends undefined ? [] : [Commands[C]["args"]]
): Promise<Commands[C]["result"]> {
  try {
    return await invoke<Commands[C]["result"]>(command, wellFormed(args) as Record<string, unknown> | undefined);
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error) {
      throw new ApiError(error as ErrorBody);
    }
    throw new ApiError({ code: "storage", message: String(error), fields: [] });
  }
}

function channel<T>(onMessage: (message: T) => void): Channel<T> {
  const ch = new Channel<T>();
  ch.onmessage = onMessage;
  return ch;
}

export const api = {
  databaseInfo: () => call("database_info"),
  /** Reads the whole database file: damage closes it (code "damaged"). */
  checkDatabase: () => call("check_database"),
  openDemo: () => call("open_demo"),
  leaveDemo: () => call("leave_demo"),
  atlas: () => call("atlas"),
  redFlagQuestions: () => call("red_flag_questions"),
  searchClients: (query: string) => call("search_clients", { query }),
  clientRecord: (id: ClientId) => call("client_record", { id }),
  clientContact: (id: ClientId) => call("client_contact", { id }),
  createClient: (form: ClientForm) => call("create_client", { form }),
  updateClient: (id: ClientId, form: ClientForm) => call("update_client", { id, form }),
  createSession: (client: ClientId, form: SessionForm) => call("create_session", { client, form }),
  session: (id: SessionId) => call("session", { id }),
  addFinding: (session: SessionId, form: FindingForm) => call("add_finding", { session, form }),
  moveFinding: (id: FindingId, to: FindingMove) => call("move_finding", { id, to }),
  removeFinding: (id: FindingId) => call("remove_finding", { id }),
  restoreFinding: (id: FindingId) => call("restore_finding", { id }),
  writeNote: (session: SessionId, form: NoteForm) => call("write_note", { session, form }),
  signNote: (session: SessionId) => call("sign_note", { session }),
  amendNote: (session: SessionId, form: AmendmentForm) => call("amend_note", { session, form }),
  clientHistory: (client: ClientId) => call("client_history", { client }),
  noteHistory: (session: SessionId) => call("note_history", { session }),
  find: (spots: Spot[]) => call("find", { spots }),
  nearestPoints: (view: View, x: number, y: number) => call("nearest_points", { view, x, y }),
  addChecks: (session: SessionId, checks: CheckForm[]) => call("add_checks", { session, checks }),
  removeCheck: (id: CheckId) => call("remove_check", { id }),
  forgetKeptNote: (session: SessionId) => call("forget_kept_note", { session }),
  snippets: () => call("snippets"),
  createSnippet: (form: SnippetForm) => call("create_snippet", { form }),
  deleteSnippet: (id: SnippetId) => call("delete_snippet", { id }),
  settings: () => call("settings"),
  saveSettings: (form: Settings) => call("save_settings", { form }),
  saveHandout: (session: SessionId, options: HandoutOptions) => call("save_handout", { session, options }),
  handoutUntranslated: (session: SessionId, options: HandoutOptions) =>
    call("handout_untranslated", { session, options }),
  previewHandout: (session: SessionId, options: HandoutOptions) => call("preview_handout", { session, options }),
  handoutsOfClient: (client: ClientId) => call("handouts_of_client", { client }),
  openHandout: (client: ClientId, id: HandoutId) => call("open_handout", { client, id }),
  backup: () => call("backup"),
  backups: () => call("backups"),
  restorePreview: (backup: string) => call("restore_preview", { backup }),
  restore: (backup: string) => call("restore", { backup }),
  unlock: (form: UnlockForm) => call("unlock", { form }),
  /** The clinic's server the window is on, or null on this computer's own database. */
  clinic: () => call("clinic"),
  signIn: (password: string) => call("sign_in", { password }),
  connectClinic: (address: ClinicAddress, password: string) => call("connect_clinic", { address, password }),
  leaveClinic: () => call("leave_clinic"),
  lock: () => call("lock"),
  openReadOnly: () => call("open_read_only"),
  newRecoveryKey: () => call("new_recovery_key"),
  protect: (passphrase: string, recoveryKey: string) => call("protect", { passphrase, recoveryKey }),
  changePassphrase: (current: UnlockForm, passphrase: string) => call("change_passphrase", { current, passphrase }),
  exportAll: () => call("export_all"),
  exportClient: (id: ClientId) => call("export_client", { id }),
  plugins: () => call("plugins"),
  approvePlugin: (id: PluginId) => call("approve_plugin", { id }),
  enablePlugin: (id: PluginId) => call("enable_plugin", { id }),
  disablePlugin: (id: PluginId) => call("disable_plugin", { id }),
  studentProfile: () => call("student_profile"),
  saveStudentProfile: (form: StudentProfile) => call("save_student_profile", { form }),
  practiceLog: () => call("practice_log"),
  addLogEntry: (form: LogEntryForm) => call("add_log_entry", { form }),
  deleteLogEntry: (id: LogEntryId) => call("delete_log_entry", { id }),
  signOffLogEntry: (entry: LogEntryRef, form: SignOffForm) => call("sign_off_log_entry", { entry, form }),
  exportPracticeLog: (pdf: boolean) => call("export_practice_log", { pdf }),
  caseStudyWarnings: (form: CaseStudyForm) => call("case_study_warnings", { form }),
  saveCaseStudy: (form: CaseStudyForm, onProgress: (p: Progress) => void) =>
    call("save_case_study", { form, progress: channel(onProgress) }),
  saveClassReport: (form: ClassReportForm, onProgress: (p: Progress) => void) =>
    call("save_class_report", { form, progress: channel(onProgress) }),
  openReport: (path: string) => call("open_report", { path }),
  /** Opens the folder of the app's logs (ids only) in the file manager. */
  openLogFolder: () => call("open_log_folder"),
  /** Asks for a CSV file in the system's dialog; its name, or null if cancelled. */
  pickCsvFile: () => call("pick_csv_file"),
  previewCsvImport: (options: CsvImportOptions) => call("preview_csv_import", { options }),
  importCsv: (options: CsvImportOptions, onProgress: (p: Progress) => void) =>
    call("import_csv", { options, progress: channel(onProgress) }),
  assessments: () => call("assessments"),
  scoreAssessment: (id: string, values: Record<string, number>) =>
    call("score_assessment", { id, values }),
  /** For the start-up benchmark (see lib/bench.ts). */
  benchReady: (screen: "list" | "client") => call("bench_ready", { screen }),
};
