import { describe, expect, it } from "vitest";
import { keepSaved, lastSave, saveDrafts } from "./drafts";

describe("drafts", () => {
  it("saves every open editor and reports whether all is saved", async () => {
    const releaseSaved = keepSaved(async () => true);
    const releaseRefused = keepSaved(async () => false);
    expect(await saveDrafts()).toBe(false);
    releaseRefused();
    expect(await saveDrafts()).toBe(true);
    releaseSaved();
  });

  it("waits for the last save of an editor being closed", async () => {
    let finish: (saved: boolean) => void = () => {};
    lastSave(new Promise((resolve) => (finish = resolve)));
    const all = saveDrafts();
    finish(true);
    expect(await all).toBe(true);
  });

  it("forgets a closed editor's last save once it is done", async () => {
    lastSave(Promise.resolve(false));
    await Promise.resolve();
    await Promise.resolve();
    expect(await saveDrafts()).toBe(true);
  });
});
