// A charting session as shown: its detail as last loaded, the last failure,
// and the changes to its findings that Ctrl+Z takes back.
import type { Finding } from "../bindings/Finding";
import type { FindingId } from "../bindings/FindingId";
import type { FindingMove } from "../bindings/FindingMove";
import type { SessionDetail } from "../bindings/SessionDetail";
import type { SessionId } from "../bindings/SessionId";
import { api, messageOf } from "./api";
import { closedEditorsSaved } from "./drafts";

/** The calls a session makes; the app's api, or a stand-in in tests. */
export type SessionCalls = Pick<typeof api, "session" | "moveFinding" | "removeFinding" | "restoreFinding">;

/** A change to a finding, with the finding as it was before it. */
export type Undo = { kind: "add" | "remove" | "move"; finding: Finding };

export class SessionState {
  detail = $state<SessionDetail | null>(null);
  failure = $state<string | null>(null);
  /** What Ctrl+Z takes back, newest last. */
  undoStack = $state<Undo[]>([]);
  readonly signed = $derived(this.detail?.session.status === "signed");

  #id: SessionId;
  #calls: SessionCalls;
  // Loads can overlap (one after each change); only the latest one's answer
  // is shown, so an older answer never brings back a removed finding.
  #latestLoad = 0;

  constructor(id: SessionId, calls: SessionCalls = api) {
    this.#id = id;
    this.#calls = calls;
  }

  async load() {
    const ticket = ++this.#latestLoad;
    try {
      // Leaving a session and opening it again at once must show the words
      // typed just before leaving, not the note from before their save.
      await closedEditorsSaved();
      const loaded = await this.#calls.session(this.#id);
      if (ticket !== this.#latestLoad) return;
      this.detail = loaded;
      this.failure = null;
    } catch (e) {
      if (ticket === this.#latestLoad) this.failure = messageOf(e);
    }
  }

  /** Runs a change, then shows the session as it is after it. */
  async act(action: () => Promise<unknown>) {
    try {
      await action();
      await this.load();
    } catch (e) {
      this.failure = messageOf(e);
    }
  }

  finding(id: FindingId | null): Finding | undefined {
    return this.detail?.findings.find((f) => f.id === id);
  }

  /** A finding was added (by the finding dialog). */
  added(finding: Finding) {
    this.undoStack = [...this.undoStack, { kind: "add", finding }];
    this.load();
  }

  move(id: FindingId, to: FindingMove) {
    const before = this.finding(id);
    if (!before || this.signed) return;
    this.undoStack = [...this.undoStack, { kind: "move", finding: before }];
    this.act(() => this.#calls.moveFinding(id, to));
  }

  remove(finding: Finding) {
    this.undoStack = [...this.undoStack, { kind: "remove", finding }];
    this.act(() => this.#calls.removeFinding(finding.id));
  }

  /** Takes back the newest change; nothing once the note is signed. */
  undo() {
    const last = this.undoStack.at(-1);
    if (!last || this.signed) return;
    this.undoStack = this.undoStack.slice(0, -1);
    const f = last.finding;
    if (last.kind === "add") this.act(() => this.#calls.removeFinding(f.id));
    else if (last.kind === "remove") this.act(() => this.#calls.restoreFinding(f.id));
    else this.act(() => this.#calls.moveFinding(f.id, { view: f.view, x: f.x, y: f.y, side: f.side }));
  }
}
