// The audit log on screen: a client's History shows a changed phone number
// as old → new, and a note's history shows its draft save, its signing and
// its amendment with who wrote it and what.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

useDriver();

const shots = process.env.E2E_SHOTS ?? scratchDir();

/** The red-flag questions answered "no" (every one but the swollen calf). */
const NO_FLAGS = ["arm-numbness", "leg-numbness", "sudden-headache", "headache-fever-stiff-neck", "temple-headache-over-50",
  "after-trauma", "dizziness-visual", "chest-pain", "bladder-bowel-saddle", "weight-loss-night-pain", "unexplained-lump",
  "spreading-worsening"];

test("a client's history shows an edit as old → new, and a note's history its saves, signing and amendment", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Ana", "--last", "Lima", "--phone", "555-0100");
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  const app = await App.launch(db);
  try {
    // Edit the phone number, and screen the red flags: one "yes".
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=edit-client]");
    await app.clear("[data-testid=phone]");
    await app.type("[data-testid=phone]", "555-0199");
    await app.click("[data-testid=red-flag-yes-swollen-calf]");
    for (const flag of NO_FLAGS) await app.click(`[data-testid=red-flag-no-${flag}]`);
    await app.click("[data-testid=save-client]");
    await app.waitFor("[data-testid=client-detail]");

    // History is collapsed until opened; then the change reads old → new.
    assert.equal((await app.texts("[data-testid=client-history] [data-testid=history-entry]")).length, 0);
    await app.click("[data-testid=client-history] summary");
    const [phone] = await app.waitForTexts("[data-testid=history-change][data-field=phone]", (t) => t.length === 1);
    assert.equal(phone, "Phone: 555-0100 → 555-0199");
    const [latest] = await app.texts("[data-testid=client-history] [data-testid=history-entry]");
    assert.match(latest, /Client record changed: red-flag screening/);
    assert.match(latest, /Red flags answered yes: none → A swollen, red or warm calf\?/);
    await app.screenshot(join(shots, "client-history.png"));

    // A note written, signed and amended.
    await app.click("[data-testid=session-row] button");
    await app.type("[data-testid=note-subjective]", "Stiff neck after a long drive");
    await app.waitForTexts("[data-testid=save-state]", (t) => t[0]?.startsWith("Draft saved"));
    await app.click("[data-testid=sign]");
    await app.click("[data-testid=sign-confirm]");
    await app.waitFor("[data-testid=note-signed]");
    await app.type("[data-testid=amend-reason]", "Late information");
    await app.type("[data-testid=amend-text]", "Client mentioned a fall last week.");
    await app.click("[data-testid=amend-save]");
    await app.waitFor("[data-testid=amendment]");

    await app.click("[data-testid=note-history] summary");
    const entries = await app.waitForTexts("[data-testid=note-history] [data-testid=history-entry]", (t) => t.length >= 3);
    assert.match(entries[0], /Note amended/);
    assert.match(entries[0], /Reason: Late information/);
    assert.match(entries[0], /Amendment: Client mentioned a fall last week\./);
    assert.match(entries[1], /Note signed/);
    assert.match(entries[1], /Note: draft → signed/);
    assert.match(entries.at(-1), /Draft saved/);
    assert.match(entries.at(-1), /Subjective: — → Stiff neck after a long drive/);
    // Clicking scrolls the history into view for the screenshot.
    await app.click("[data-testid=note-history] [data-testid=history-entry]:last-child");
    await app.screenshot(join(shots, "note-history.png"));
  } finally {
    await app.quit();
  }
});
