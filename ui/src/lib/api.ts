// Typed calls into the Tauri commands. The types are generated from the Rust
// types (ts-rs, `cargo test`); nothing here retypes them.
import { Channel, invoke } from "@tauri-apps/api/core";
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
import type { ClientRecord } from "../bindings/ClientRecord";
import type { ClientSummary } from "../bindings/ClientSummary";
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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, wellFormed(args) as Record<string, unknown> | undefined);
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
  databaseInfo: () => call<DatabaseInfo>("database_info"),
  openDemo: () => call<void>("open_demo"),
  leaveDemo: () => call<void>("leave_demo"),
  atlas: () => call<Atlas>("atlas"),
  redFlagQuestions: () => call<RedFlagQuestion[]>("red_flag_questions"),
  searchClients: (query: string) => call<ClientSummary[]>("search_clients", { query }),
  clientRecord: (id: ClientId) => call<ClientRecord>("client_record", { id }),
  createClient: (form: ClientForm) => call<Client>("create_client", { form }),
  updateClient: (id: ClientId, form: ClientForm) => call<Client>("update_client", { id, form }),
  createSession: (client: ClientId, form: SessionForm) => call<Session>("create_session", { client, form }),
  session: (id: SessionId) => call<SessionDetail>("session", { id }),
  addFinding: (session: SessionId, form: FindingForm) => call<Finding>("add_finding", { session, form }),
  moveFinding: (id: FindingId, to: FindingMove) => call<Finding>("move_finding", { id, to }),
  removeFinding: (id: FindingId) => call<void>("remove_finding", { id }),
  restoreFinding: (id: FindingId) => call<Finding>("restore_finding", { id }),
  writeNote: (session: SessionId, form: NoteForm) => call<Session>("write_note", { session, form }),
  signNote: (session: SessionId) => call<Session>("sign_note", { session }),
  amendNote: (session: SessionId, form: AmendmentForm) => call<Amendment>("amend_note", { session, form }),
  clientHistory: (client: ClientId) => call<HistoryEntry[]>("client_history", { client }),
  noteHistory: (session: SessionId) => call<AuditEntry[]>("note_history", { session }),
  find: (spots: Spot[]) => call<FinderMatch[]>("find", { spots }),
  nearestPoints: (view: View, x: number, y: number) => call<NearbyPoint[]>("nearest_points", { view, x, y }),
  addChecks: (session: SessionId, checks: CheckForm[]) => call<SessionCheck[]>("add_checks", { session, checks }),
  removeCheck: (id: CheckId) => call<void>("remove_check", { id }),
  snippets: () => call<Snippet[]>("snippets"),
  createSnippet: (form: SnippetForm) => call<Snippet>("create_snippet", { form }),
  deleteSnippet: (id: SnippetId) => call<void>("delete_snippet", { id }),
  settings: () => call<Settings>("settings"),
  saveSettings: (form: Settings) => call<Settings>("save_settings", { form }),
  saveHandout: (session: SessionId, options: HandoutOptions) => call<Handout>("save_handout", { session, options }),
  previewHandout: (session: SessionId, options: HandoutOptions) => call<void>("preview_handout", { session, options }),
  handoutsOfClient: (client: ClientId) => call<Handout[]>("handouts_of_client", { client }),
  openHandout: (client: ClientId, id: HandoutId) => call<void>("open_handout", { client, id }),
  backup: () => call<Backup>("backup"),
  backups: () => call<Backup[]>("backups"),
  restorePreview: (backup: string) => call<RestorePreview>("restore_preview", { backup }),
  restore: (backup: string) => call<void>("restore", { backup }),
  unlock: (form: UnlockForm) => call<void>("unlock", { form }),
  lock: () => call<void>("lock"),
  openReadOnly: () => call<void>("open_read_only"),
  newRecoveryKey: () => call<string>("new_recovery_key"),
  protect: (passphrase: string, recoveryKey: string) => call<void>("protect", { passphrase, recoveryKey }),
  changePassphrase: (current: UnlockForm, passphrase: string) => call<void>("change_passphrase", { current, passphrase }),
  exportAll: () => call<string>("export_all"),
  exportClient: (id: ClientId) => call<string[]>("export_client", { id }),
  plugins: () => call<PluginInfo[]>("plugins"),
  approvePlugin: (id: PluginId) => call<PluginInfo>("approve_plugin", { id }),
  enablePlugin: (id: PluginId) => call<PluginInfo>("enable_plugin", { id }),
  disablePlugin: (id: PluginId) => call<PluginInfo>("disable_plugin", { id }),
  studentProfile: () => call<StudentProfile>("student_profile"),
  saveStudentProfile: (form: StudentProfile) => call<StudentProfile>("save_student_profile", { form }),
  practiceLog: () => call<PracticeLog>("practice_log"),
  addLogEntry: (form: LogEntryForm) => call<LogEntry>("add_log_entry", { form }),
  deleteLogEntry: (id: LogEntryId) => call<void>("delete_log_entry", { id }),
  signOffLogEntry: (entry: LogEntryRef, form: SignOffForm) => call<LogEntry>("sign_off_log_entry", { entry, form }),
  exportPracticeLog: (pdf: boolean) => call<string>("export_practice_log", { pdf }),
  caseStudyWarnings: (form: CaseStudyForm) => call<AnonymityWarning[]>("case_study_warnings", { form }),
  saveCaseStudy: (form: CaseStudyForm, onProgress: (p: Progress) => void) =>
    call<SavedReport>("save_case_study", { form, progress: channel(onProgress) }),
  saveClassReport: (form: ClassReportForm, onProgress: (p: Progress) => void) =>
    call<SavedReport>("save_class_report", { form, progress: channel(onProgress) }),
  openReport: (path: string) => call<void>("open_report", { path }),
  assessments: () => call<Assessment[]>("assessments"),
  scoreAssessment: (id: string, values: Record<string, number>) =>
    call<AssessmentScore>("score_assessment", { id, values }),
};
