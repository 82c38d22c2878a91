// The audit log in plain words: what each action did, what each field is
// called on the forms, and its values as the app shows them elsewhere.
import type { AuditEntry } from "../bindings/AuditEntry";
import type { Change } from "../bindings/Change";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { RedFlag } from "../bindings/RedFlag";
import { when } from "./format";

const ACTIONS: Record<string, string> = {
  "client.create": "Client record created",
  "client.update": "Client record changed",
  "client.delete": "Client removed",
  "session.create": "Session started",
  "session.delete": "Session removed",
  "note.write": "Draft saved",
  "note.sign": "Note signed",
  "note.amend": "Note amended",
  "finding.add": "Finding charted",
  "finding.move": "Finding moved",
  "finding.remove": "Finding removed",
  "finding.restore": "Finding put back",
  "checks.add": "Muscles to check added",
  "handout.give": "Handout given",
  "export.case-study": "Case study saved (anonymised)",
  "export.class-report": "Class report saved",
  "database.backup": "Backup of the whole database made",
};

/** What an entry's `detail` holds, by action; actions left out show none. */
const DETAILS: Record<string, string> = {
  "note.amend": "Reason",
  "checks.add": "Muscles",
  "handout.give": "Saved to",
  "export.case-study": "Saved to",
  "export.class-report": "Saved to",
  "database.backup": "Saved to",
};

/** Field names (as the records serialize them) as the forms label them. */
const FIELDS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  phone: "Phone",
  email: "E-mail",
  dateOfBirth: "Born",
  notes: "Notes",
  healthHistory: "Health history",
  medications: "Medications",
  contraindications: "Contraindications",
  areasToAvoid: "Areas to avoid",
  pressureTolerance: "Pressure",
  consentScope: "Consent",
  consentDate: "Consent date",
  consentSignedBy: "Consent signed by",
  redFlags: "Red flags answered yes",
  screenedFlags: "Red-flag questions asked",
  screenedAt: "Red flags screened",
  sessionDate: "Session date",
  therapist: "Therapist",
  subjective: "Subjective",
  objective: "Objective",
  assessment: "Assessment",
  plan: "Plan",
  painBefore: "Pain before",
  painAfter: "Pain after",
  status: "Note",
  signedAt: "Signed",
  text: "Amendment",
  view: "View",
  side: "Side",
  x: "Across the chart",
  y: "Down the chart",
};

const TIMESTAMPS = new Set(["screenedAt", "signedAt", "createdAt", "updatedAt"]);

const WORDS: Record<string, string> = {
  unknown: "not asked",
  draft: "draft",
  signed: "signed",
  "right-side": "right side",
  "left-side": "left side",
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
  const text = ACTIONS[entry.action] ?? entry.action;
  // A screening is saved with the client's form, but it matters on its own.
  const screened = "redFlags" in entry.changes || "screenedAt" in entry.changes;
  return entry.action === "client.update" && screened ? `${text}: red-flag screening` : text;
}

/** The session (and the finding's muscle) an entry of a client's history concerns. */
export function subjectText(entry: HistoryEntry): string | null {
  if (!entry.sessionDate) return null;
  const session = `Session of ${entry.sessionDate}`;
  return entry.muscleLabel ? `${session} · ${entry.muscleLabel} (${entry.side})` : session;
}

/** The entry's detail with what it is, e.g. "Reason: late information". */
export function detailText(entry: AuditEntry): string | null {
  const label = DETAILS[entry.action];
  return label && entry.detail ? `${label}: ${entry.detail}` : null;
}

export function fieldLabel(field: string): string {
  return FIELDS[field] ?? field.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
}

/** A changed field's value in words. */
export function valueText(field: string, value: unknown, questions: Questions): string {
  if (value === null || value === undefined || value === "") return NOTHING;
  if (field === "screenedFlags" && Array.isArray(value)) return `${value.length} questions`;
  if (field === "redFlags" && Array.isArray(value)) {
    return value.length ? value.map((flag) => questions.get(flag) ?? String(flag)).join("; ") : "none";
  }
  if ((field === "x" || field === "y") && typeof value === "number") return `${Math.round(value * 100)}%`;
  if (TIMESTAMPS.has(field) && typeof value === "string") return when(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return WORDS[value] ?? value;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText("", v, questions)).join(", ") : "none";
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
