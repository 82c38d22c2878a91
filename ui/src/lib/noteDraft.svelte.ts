// The SOAP note being typed: its text, pain scores as typed, and the autosave
// that writes it to the database a moment after typing pauses.
import type { NoteForm } from "../bindings/NoteForm";
import type { Session } from "../bindings/Session";
import { ApiError, messageOf } from "./api";
import { dateLocale, t } from "./i18n.svelte";

export type SoapField = "subjective" | "objective" | "assessment" | "plan";
export type PainField = "painBefore" | "painAfter";
/** `kept`: the clinic server can't be reached; the text is kept on this
 * computer and saved when the server is back. */
export type SaveStatus = "saved" | "pending" | "saving" | "error" | "kept";

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_MS = 600;

/** How often a note kept on this computer is sent again while the clinic
 * server can't be reached. */
export const RETRY_KEPT_MS = 5000;

/**
 * A pain score as typed: blank is no score; anything but a whole number from
 * 0 to 10 is an error and no score, so a half-typed "1" on the way to "11" is
 * never saved as a wrong score.
 */
export function parsePain(raw: string): { score: number | null; error: string | null } {
  const value = raw.trim() === "" ? null : Number(raw);
  if (value === null || (Number.isInteger(value) && value >= 0 && value <= 10)) return { score: value, error: null };
  return { score: null, error: t("note-pain-error") };
}

/** Writes the note of one session; resolves to the session as stored. */
export type WriteNote = (form: NoteForm) => Promise<Session>;

export class NoteDraft {
  readonly signed: boolean;
  note: NoteForm;
  /** Pain as typed, shown as typed even when it isn't a score. */
  painText: Record<PainField, string>;
  painErrors = $state<Partial<Record<PainField, string>>>({});
  status = $state<SaveStatus>("saved");
  savedAt = $state<string | null>(null);
  /** Field name -> message from the last refused save. */
  errors = $state<Record<string, string>>({});
  failure = $state<string | null>(null);

  #write: WriteNote;
  #timer: ReturnType<typeof setTimeout> | undefined;
  // Every change bumps `revision`; `savedRevision` is the newest one the
  // database has. Saves run one after another, so an older one never lands last.
  #revision = 0;
  #savedRevision = 0;
  #saving: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(session: Session, write: WriteNote) {
    this.#write = write;
    this.signed = session.status === "signed";
    // The draft owns the text from here on; the session only seeds it.
    this.note = $state({
      subjective: session.subjective,
      objective: session.objective,
      assessment: session.assessment,
      plan: session.plan,
      painBefore: session.painBefore,
      painAfter: session.painAfter,
      // The stored revision this text is typed over: a save is refused, not
      // overwriting, when another window or the CLI saved the note since.
      basedOn: session.noteRevision,
    });
    this.painText = $state({
      painBefore: session.painBefore?.toString() ?? "",
      painAfter: session.painAfter?.toString() ?? "",
    });
  }

  /** True while some change is not in the database yet. */
  get unsaved(): boolean {
    return this.#savedRevision !== this.#revision;
  }

  /** Marks the text changed and saves it once typing pauses. */
  changed() {
    this.#revision++;
    this.status = "pending";
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.save(), AUTOSAVE_MS);
  }

  typePain(field: PainField, raw: string) {
    const { score, error } = parsePain(raw);
    this.painText[field] = raw;
    if (error) this.painErrors[field] = error;
    else delete this.painErrors[field];
    this.note[field] = score;
    this.changed();
  }

  /** Adds `text` on a line of its own at the end of `field`. */
  append(field: SoapField, text: string) {
    const current = this.note[field];
    this.note[field] = current && !current.endsWith("\n") ? `${current}\n${text}` : current + text;
    this.changed();
  }

  /** Saves the note as it is now, after any save under way. */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#saving = this.#saving.then(() => this.#store());
    return this.#saving;
  }

  /** Stops sending kept text again once the editor is closed: the app
   * saves what it kept when the server is back. */
  close() {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  /** Saves what is pending; resolves to whether all of it is saved (or
   * kept on this computer until the clinic server is back). */
  async flush(): Promise<boolean> {
    await this.save();
    return this.signed || !this.unsaved || this.status === "kept";
  }

  async #store() {
    if (this.signed) return;
    const writing = this.#revision;
    if (writing === this.#savedRevision) {
      this.status = "saved";
      return;
    }
    this.status = "saving";
    try {
      const stored = await this.#write($state.snapshot(this.note));
      this.note.basedOn = stored.noteRevision;
      this.#savedRevision = writing;
      this.errors = {};
      this.failure = null;
      this.status = this.unsaved ? "pending" : "saved";
      this.savedAt = new Date().toLocaleTimeString(dateLocale());
    } catch (e) {
      if (e instanceof ApiError && e.body.code === "kept-locally") {
        this.failure = null;
        this.status = "kept";
        if (!this.#closed) this.#timer = setTimeout(() => this.save(), RETRY_KEPT_MS);
        return;
      }
      // Keep every typed word on screen; say what is wrong where it is wrong.
      this.errors = e instanceof ApiError ? e.fields : {};
      this.failure = Object.keys(this.errors).length ? null : messageOf(e);
      this.status = "error";
    }
  }
}
