import { describe, expect, it, vi } from "vitest";
import type { Finding } from "../bindings/Finding";
import type { FindingId } from "../bindings/FindingId";
import type { SessionDetail } from "../bindings/SessionDetail";
import type { SessionId } from "../bindings/SessionId";
import { lastSave } from "./drafts";
import { SessionState, type SessionCalls } from "./sessionState.svelte";

const finding = { id: 7 as FindingId, view: "front", x: 0.2, y: 0.3, side: "right" } as Finding;

function detail(status: "draft" | "signed", findings: Finding[] = [finding]) {
  return { session: { status }, findings } as SessionDetail;
}

function calls(answer: () => Promise<SessionDetail>) {
  return {
    session: vi.fn(answer),
    moveFinding: vi.fn(async () => finding),
    removeFinding: vi.fn(async () => {}),
    restoreFinding: vi.fn(async () => finding),
  } satisfies SessionCalls;
}

const id = 1 as SessionId;

describe("SessionState", () => {
  it("shows only the latest load's answer", async () => {
    let answerFirst: (d: SessionDetail) => void = () => {};
    const api = calls(async () => detail("draft"));
    api.session.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    const state = new SessionState(id, api);
    const first = state.load();
    await state.load();
    answerFirst(detail("draft", []));
    await first;
    expect(state.detail?.findings).toEqual([finding]);
  });

  it("reads the session only after a closed editor's last save has landed", async () => {
    let landed: (saved: boolean) => void = () => {};
    lastSave(new Promise((resolve) => (landed = resolve)));
    const api = calls(async () => detail("draft"));
    const loading = new SessionState(id, api).load();
    await Promise.resolve();
    expect(api.session).not.toHaveBeenCalled();
    landed(true);
    await loading;
    expect(api.session).toHaveBeenCalledOnce();
  });

  it("undoes a move, a removal and an addition, newest first", async () => {
    const api = calls(async () => detail("draft"));
    const state = new SessionState(id, api);
    await state.load();
    state.added(finding);
    state.remove(finding);
    state.move(finding.id, { view: "front", x: 0.5, y: 0.5, side: null });
    state.undo();
    expect(api.moveFinding).toHaveBeenLastCalledWith(finding.id, { view: "front", x: 0.2, y: 0.3, side: "right" });
    state.undo();
    expect(api.restoreFinding).toHaveBeenCalledWith(finding.id);
    state.undo();
    expect(api.removeFinding).toHaveBeenLastCalledWith(finding.id);
    expect(state.undoStack).toEqual([]);
  });

  it("changes nothing once the note is signed", async () => {
    const api = calls(async () => detail("signed"));
    const state = new SessionState(id, api);
    await state.load();
    state.move(finding.id, { view: "front", x: 0.5, y: 0.5, side: null });
    state.undo();
    expect(api.moveFinding).not.toHaveBeenCalled();
    expect(state.signed).toBe(true);
  });

  it("says what failed", async () => {
    const state = new SessionState(id, calls(async () => Promise.reject(new Error("database is locked"))));
    await state.load();
    expect(state.failure).toBe("database is locked");
  });
});
