// The audit log in plain words: what each action did, what each field is
// called on the forms, and its values as the app shows them elsewhere.
import type { AuditEntry } from "../bindings/AuditEntry";
import type { Change } from "../bindings/Change";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { RedFlag } from "../bindings/RedFlag";
import { sideText, when } from "./format";
import { t } from "./i18n.svelte";

const ACTIONS: Record<string, () => string> = {
  "client.create": () => t("history-client-create"),
  "client.update": () => t("history-client-update"),
  "client.delete": () => t("history-client-delete"),
  "session.create": () => t("history-session-create"),
  "session.delete": () => t("history-session-delete"),
  "note.write": () => t("history-note-write"),
  "note.sign": () => t("history-note-sign"),
  "note.amend": () => t("history-note-amend"),
  "finding.add": () => t("history-finding-add"),
  "finding.move": () => t("history-finding-move"),
  "finding.remove": () => t("history-finding-remove"),
  "finding.restore": () => t("history-finding-restore"),
  "checks.add": () => t("history-checks-add"),
  "handout.give": () => t("history-handout-give"),
  "export.case-study": () => t("history-export-case-study"),
  "export.class-report": () => t("history-export-class-report"),
  "database.backup": () => t("history-database-backup"),
};

/** What an entry's `detail` holds, by action; actions left out show none. */
const DETAILS: Record<string, () => string> = {
  "note.amend": () => t("history-detail-note-amend"),
  "checks.add": () => t("history-detail-checks-add"),
  "handout.give": () => t("history-detail-handout-give"),
  "export.case-study": () => t("history-detail-export-case-study"),
  "export.class-report": () => t("history-detail-export-class-report"),
  "database.backup": () => t("history-detail-database-backup"),
};

/** Field names (as the records serialize them) as the forms label them. */
const FIELDS: Record<string, () => string> = {
  firstName: () => t("field-first-name"),
  lastName: () => t("field-last-name"),
  phone: () => t("field-phone"),
  email: () => t("field-email"),
  dateOfBirth: () => t("field-date-of-birth"),
  notes: () => t("field-notes"),
  healthHistory: () => t("field-health-history"),
  medications: () => t("field-medications"),
  contraindications: () => t("field-contraindications"),
  areasToAvoid: () => t("field-areas-to-avoid"),
  pressureTolerance: () => t("field-pressure-tolerance"),
  consentScope: () => t("field-consent-scope"),
  consentDate: () => t("field-consent-date"),
  consentSignedBy: () => t("field-consent-signed-by"),
  redFlags: () => t("field-red-flags"),
  screenedFlags: () => t("field-screened-flags"),
  screenedAt: () => t("field-screened-at"),
  sessionDate: () => t("field-session-date"),
  therapist: () => t("field-therapist"),
  subjective: () => t("field-subjective"),
  objective: () => t("field-objective"),
  assessment: () => t("field-assessment"),
  plan: () => t("field-plan"),
  painBefore: () => t("field-pain-before"),
  painAfter: () => t("field-pain-after"),
  status: () => t("field-status"),
  signedAt: () => t("field-signed-at"),
  text: () => t("field-text"),
  view: () => t("field-view"),
  side: () => t("field-side"),
  x: () => t("field-x"),
  y: () => t("field-y"),
};

const TIMESTAMPS = new Set(["screenedAt", "signedAt", "createdAt", "updatedAt"]);

const WORDS: Record<string, () => string> = {
  unknown: () => t("history-word-unknown"),
  draft: () => t("history-word-draft"),
  signed: () => t("history-word-signed"),
  "right-side": () => t("history-word-right-side"),
  "left-side": () => t("history-word-left-side"),
};

/** A value when nothing was recorded. */
const NOTHING = "—";

/** Text longer than this is shortened until asked for whole. */
export const SHORT = 60;

/** The red-flag questions by flag, to name them. */
export type Questions = Map<RedFlag, string>;

/** Actions that add to a record rather than replace: their changes show only what was added. */
const ADDITIONS = new Set(["note.amend"]);

/** What happened, e.g. "Client record changed". */
export function actionText(entry: AuditEntry): string {
  const text = ACTIONS[entry.action]?.() ?? entry.action;
  // A screening is saved with the client's form, but it matters on its own.
  const screened = "redFlags" in entry.changes || "screenedAt" in entry.changes;
  return entry.action === "client.update" && screened ? t("history-screening", { action: text }) : text;
}

/** The session (and the finding's muscle) an entry of a client's history concerns. */
export function subjectText(entry: HistoryEntry): string | null {
  if (!entry.sessionDate) return null;
  const session = t("history-session-of", { date: entry.sessionDate });
  return entry.muscleLabel ? `${session} · ${entry.muscleLabel} (${entry.side ? sideText(entry.side) : ""})` : session;
}

/** The entry's detail with what it is, e.g. "Reason: late information". */
export function detailText(entry: AuditEntry): string | null {
  const label = DETAILS[entry.action]?.();
  return label && entry.detail ? `${label}: ${entry.detail}` : null;
}

export function fieldLabel(field: string): string {
  return FIELDS[field]?.() ?? field.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
}

/** A changed field's value in words. */
export function valueText(field: string, value: unknown, questions: Questions): string {
  if (value === null || value === undefined || value === "") return NOTHING;
  if (field === "screenedFlags" && Array.isArray(value)) return t("history-questions", { count: value.length });
  if (field === "redFlags" && Array.isArray(value)) {
    return value.length ? value.map((flag) => questions.get(flag) ?? String(flag)).join("; ") : t("history-none");
  }
  if ((field === "x" || field === "y") && typeof value === "number") return `${Math.round(value * 100)}%`;
  if (TIMESTAMPS.has(field) && typeof value === "string") return when(value);
  if (typeof value === "boolean") return value ? t("history-yes") : t("history-no");
  if (typeof value === "string") return WORDS[value]?.() ?? value;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText("", v, questions)).join(", ") : t("history-none");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, v]) => `${fieldLabel(key)}: ${valueText(key, v, questions)}`)
      .join("; ");
  }
  return String(value);
}

/** One field's change in an `action` in words, and whether it is too long for one line. */
export function changeText(action: string, field: string, change: Change, questions: Questions) {
  const old = valueText(field, change.old, questions);
  const now = valueText(field, change.new, questions);
  const added = ADDITIONS.has(action);
  const long = now.length > SHORT || old.length > SHORT || /\n/.test(old + now);
  return { label: fieldLabel(field), old, new: now, added, long };
}

/** `text` cut to its first line and `SHORT` characters, with an ellipsis when cut. */
export function shortened(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  const chars = Array.from(line);
  return chars.length > SHORT || line !== text ? `${chars.slice(0, SHORT).join("").trimEnd()}…` : text;
}
