import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NoteForm } from "../bindings/NoteForm";
import type { Session } from "../bindings/Session";
import { ApiError } from "./api";
import { AUTOSAVE_MS, NoteDraft, parsePain, RETRY_KEPT_MS } from "./noteDraft.svelte";

const session = {
  status: "draft",
  subjective: "Neck ache",
  objective: "",
  assessment: "",
  plan: "",
  painBefore: 6,
  painAfter: null,
  noteRevision: 3,
} as Session;

/** A writer that stores each form and answers with the next revision. */
function store() {
  const written: NoteForm[] = [];
  const write = vi.fn(async (form: NoteForm) => {
    written.push(form);
    return { noteRevision: (form.basedOn ?? 0) + 1 } as Session;
  });
  return { written, write };
}

describe("parsePain", () => {
  it("takes a whole number from 0 to 10, and blank as no score", () => {
    expect(parsePain("0")).toEqual({ score: 0, error: null });
    expect(parsePain(" 10 ")).toEqual({ score: 10, error: null });
    expect(parsePain("")).toEqual({ score: null, error: null });
  });

  it("refuses what isn't a score, saving no score rather than a wrong one", () => {
    for (const raw of ["11", "-1", "2.5", "abc"]) {
      expect(parsePain(raw).score).toBeNull();
      expect(parsePain(raw).error).toMatch(/0 to 10/);
    }
  });
});

describe("NoteDraft", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts from the session's note, typed over its stored revision", () => {
    const draft = new NoteDraft(session, store().write);
    expect(draft.note.subjective).toBe("Neck ache");
    expect(draft.note.basedOn).toBe(3);
    expect(draft.painText).toEqual({ painBefore: "6", painAfter: "" });
    expect(draft.status).toBe("saved");
  });

  it("saves once typing pauses, over the revision the last save stored", async () => {
    const { written, write } = store();
    const draft = new NoteDraft(session, write);
    draft.note.plan = "Weekly";
    draft.changed();
    expect(draft.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(written.map((f) => [f.plan, f.basedOn])).toEqual([["Weekly", 3]]);
    expect(draft.status).toBe("saved");
    expect(draft.note.basedOn).toBe(4);
    expect(draft.unsaved).toBe(false);
  });

  it("keeps a pain score that isn't one on screen, marked, and saves the note without it", async () => {
    const { written, write } = store();
    const draft = new NoteDraft(session, write);
    draft.typePain("painAfter", "11");
    expect(draft.painText.painAfter).toBe("11");
    expect(draft.painErrors.painAfter).toBeDefined();
    await draft.save();
    expect(written[0]?.painAfter).toBeNull();
    draft.typePain("painAfter", "1");
    expect(draft.painErrors.painAfter).toBeUndefined();
    expect(draft.note.painAfter).toBe(1);
  });

  it("appends text on a line of its own", () => {
    const draft = new NoteDraft(session, store().write);
    draft.append("subjective", "Worse at night");
    draft.append("objective", "Rotation limited");
    expect(draft.note.subjective).toBe("Neck ache\nWorse at night");
    expect(draft.note.objective).toBe("Rotation limited");
    expect(draft.status).toBe("pending");
  });

  it("shows a refused field's message and keeps the change unsaved", async () => {
    const refuse = vi.fn(async () => {
      throw new ApiError({ code: "validation", message: "invalid", fields: [{ field: "plan", message: "Too long" }] });
    });
    const draft = new NoteDraft(session, refuse);
    draft.append("plan", "x");
    expect(await draft.flush()).toBe(false);
    expect(draft.status).toBe("error");
    expect(draft.errors).toEqual({ plan: "Too long" });
    expect(draft.failure).toBeNull();
  });

  it("while the clinic server is away, says the note is kept and sends it again until it lands", async () => {
    const { written, write } = store();
    let away = true;
    const draft = new NoteDraft(session, async (form) => {
      if (away) throw new ApiError({ code: "kept-locally", message: "kept", fields: [] });
      return write(form);
    });
    draft.append("plan", "Heat at home");
    // Kept on this computer: safe to close the window or leave the session.
    expect(await draft.flush()).toBe(true);
    expect(draft.status).toBe("kept");
    expect(draft.failure).toBeNull();
    await vi.advanceTimersByTimeAsync(RETRY_KEPT_MS);
    expect(draft.status).toBe("kept");
    away = false;
    await vi.advanceTimersByTimeAsync(RETRY_KEPT_MS);
    expect(draft.status).toBe("saved");
    expect(written.map((form) => form.plan)).toEqual(["Heat at home"]);
    await vi.advanceTimersByTimeAsync(RETRY_KEPT_MS * 3);
    expect(written).toHaveLength(1);
  });

  it("stops sending a kept note once its editor is closed", async () => {
    const kept = vi.fn(async (): Promise<Session> => {
      throw new ApiError({ code: "kept-locally", message: "kept", fields: [] });
    });
    const draft = new NoteDraft(session, kept);
    draft.append("plan", "Heat at home");
    const last = draft.flush();
    draft.close();
    expect(await last).toBe(true);
    await vi.advanceTimersByTimeAsync(RETRY_KEPT_MS * 3);
    expect(kept).toHaveBeenCalledTimes(1);
  });

  it("never writes a signed note", async () => {
    const { write } = store();
    const draft = new NoteDraft({ ...session, status: "signed" }, write);
    expect(await draft.flush()).toBe(true);
    expect(write).not.toHaveBeenCalled();
  });
});
