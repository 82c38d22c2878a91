// The therapist's charting flow in the real window: intake with a red flag, three
// findings tapped on the chart, the finder, a signed SOAP note and its amendment,
// charting from the keyboard alone, and drafts that survive a bad pain score, leaving
// at once, closing the window, another writer, and the app being killed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { APP, App, cli, KEYS, scratchDir, useDriver } from "./webdriver.mjs";

useDriver();

const shots = process.env.E2E_SHOTS ?? scratchDir();

/** A new database with one client, named `first`, and a draft session for them. */
function databaseWithDraft(first) {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", first);
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  return db;
}

/** Opens the first client's first session. */
async function openSession(app) {
  await app.click("[data-testid=client-row]");
  await app.click("[data-testid=session-row] button");
}

test("a new client with a red flag is warned about, charted, found, noted, signed and amended", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  const app = await App.launch(db);
  try {
    // Intake: a first client, one "yes" to the red-flag questions. Half a
    // screening is refused: the unasked questions must not read as "no".
    await app.click("[data-testid=first-client]");
    await app.click("[data-testid=save-client]");
    await app.waitForTexts("[data-testid=error-firstName]", (t) => t[0]?.includes("First name is required"));
    await app.type("[data-testid=first-name]", "Ελένη");
    await app.type("[data-testid=last-name]", "Παπαδοπούλου");
    await app.type("[data-testid=email]", "not-an-email");
    await app.click("[data-testid=red-flag-yes-arm-numbness]");
    await app.click("[data-testid=save-client]");
    await app.waitForTexts("[data-testid=error-email]", (t) => t.length === 1);
    const [halfScreened] = await app.waitForTexts("[data-testid=error-redFlagAnswers]", (t) => t.length === 1);
    assert.match(halfScreened, /12 of the 13 red-flag questions are not answered/);
    await app.screenshot(join(shots, "intake-half-screened.png"));
    const others = ["leg-numbness", "sudden-headache", "headache-fever-stiff-neck", "temple-headache-over-50", "after-trauma",
      "dizziness-visual", "chest-pain", "bladder-bowel-saddle", "swollen-calf", "weight-loss-night-pain", "unexplained-lump",
      "spreading-worsening"];
    for (const flag of others) {
      await app.click(`[data-testid=red-flag-no-${flag}]`);
    }
    await app.clear("[data-testid=email]");
    await app.type("[data-testid=email]", "eleni@example.gr");
    await app.screenshot(join(shots, "intake.png"));
    await app.click("[data-testid=save-client]");
    const [warning] = await app.waitForTexts("[data-testid=client-warning]", (t) => t.length === 1);
    assert.match(warning, /numbness, tingling or weakness in the arm or hand/);

    // A session: the warning follows the client onto it.
    await app.click("[data-testid=new-session]");
    await app.waitForTexts("[data-testid=session-warning]", (t) => t[0]?.includes("numbness"));

    // Three findings, each tapped on the chart and confirmed in the dialog.
    const taps = [
      ["back", 0.63, 0.185],
      ["back", 0.37, 0.185],
      ["front", 0.4333, 0.164],
    ];
    for (const [i, [view, x, y]] of taps.entries()) {
      await app.clickChart(view, x, y);
      await app.waitFor("[data-testid=suggestion]");
      if (i === 2) {
        await app.clickText("[data-testid=suggestion]", "Scalenes");
        await app.screenshot(join(shots, "finding-dialog.png"));
      }
      await app.click("[data-testid=finding-save]");
      await app.waitFor("[data-testid=finding-row]", { count: i + 1 });
    }
    const rows = await app.texts("[data-testid=finding-row]");
    assert.equal(rows.length, 3);
    assert.equal((await app.texts("[data-testid=finding-marker]")).length, 3);
    assert.ok(rows.some((r) => /\(R\)/.test(r)) && rows.some((r) => /\(L\)/.test(r)), rows.join("\n"));
    // Scalenes can mimic the arm numbness the client reported: the chart says so.
    const [caution] = await app.waitForTexts("[data-testid=finding-caution]", (t) => t.length === 1);
    assert.match(caution, /Scalenes/);
    // The other two, both upper trapezius, show its caution once, as the
    // therapist's to read (the handout leaves it out).
    const [takeCare] = await app.waitForTexts("[data-testid=finding-take-care]", (t) => t.length === 1);
    assert.match(takeCare, /^Take care: .*giant cell arteritis/);

    // Finder: the client's right temple; upper trapezius is suggested, added to check.
    await app.click("[data-testid=mode-finder]");
    await app.clickChart("front", 0.418, 0.062);
    const found = await app.waitForTexts("[data-testid=finder-match]", (t) => t.length > 0);
    assert.ok(found.slice(0, 3).includes("Upper trapezius"), found.join(", "));
    await app.waitFor("[data-testid=finder-point]");
    await app.screenshot(join(shots, "finder.png"));
    await app.click("[data-testid=add-checks]");
    await app.waitForTexts("[data-testid=checks]", (t) => t[0]?.includes("To check"));

    // SOAP note, autosaved, then signed.
    await app.type("[data-testid=note-subjective]", "Headache at the right temple since Monday");
    await app.type("[data-testid=pain-before]", "7");
    await app.type("[data-testid=pain-after]", "3");
    await app.type("[data-testid=note-plan]", "Weekly for 3 weeks; pain-free self-compression daily");
    await app.waitForTexts("[data-testid=save-state]", (t) => t[0]?.startsWith("Draft saved"));
    await app.screenshot(join(shots, "session.png"));
    await app.click("[data-testid=sign]");
    await app.click("[data-testid=sign-confirm]");
    await app.waitFor("[data-testid=note-signed]");

    // A signed note can't be edited: no text boxes, an amendment instead.
    const [subjective] = await app.texts("[data-testid=note-subjective]");
    assert.equal(subjective, "Headache at the right temple since Monday");
    assert.equal((await app.texts("textarea[data-testid=note-subjective]")).length, 0);
    await app.type("[data-testid=amend-reason]", "Correction");
    await app.type("[data-testid=amend-text]", "Left temple, not right.");
    await app.click("[data-testid=amend-save]");
    const [amendment] = await app.waitForTexts("[data-testid=amendment]", (t) => t.length === 1);
    assert.match(amendment, /Correction/);
    assert.match(amendment, /Left temple, not right\./);
    await app.screenshot(join(shots, "signed.png"));
  } finally {
    await app.quit();
  }
  const shown = cli(db, "client", "show", "1");
  assert.match(shown, /Signed\s+pain 7 -> 3\s+3 finding\(s\)/);
});

test("a draft typed before the app is killed is there after a restart", async () => {
  const db = databaseWithDraft("สมชาย ใจดี");
  let app = await App.launch(db);
  const typed = "ปวดขมับขวา, worse after work";
  try {
    await openSession(app);
    await app.type("[data-testid=note-subjective]", typed);
    await app.waitForTexts("[data-testid=save-state]", (t) => t[0]?.startsWith("Draft saved"));
  } finally {
    // No goodbye: the process is killed as a crash or power cut would.
    execFileSync("pkill", ["-KILL", "-f", APP]);
    await app.quit().catch(() => {});
  }
  app = await App.launch(db);
  try {
    await openSession(app);
    const [value] = await app.waitForTexts("[data-testid=note-subjective]", (t) => t.length === 1);
    const restored = await app.value("[data-testid=note-subjective]");
    assert.equal(restored, typed, value);
  } finally {
    await app.quit();
  }
});

test("closing the window right after typing saves the words first", async () => {
  const db = databaseWithDraft("Anna");
  const app = await App.launch(db);
  try {
    await openSession(app);
    await app.type("[data-testid=note-subjective]", "Typed just before closing");
    // At once, before the autosave's pause is over: as the close button would.
    const closeWindow = join(import.meta.dirname, "close-window.py");
    execFileSync("/usr/bin/python3", [closeWindow, "Myochart"]);
    // The window goes away (the script finds none to close)...
    for (let tries = 0; spawnSync("/usr/bin/python3", [closeWindow, "Myochart"]).status === 0; tries++) {
      assert.ok(tries < 50, "the window did not close");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // ...and what was typed is in the database.
    assert.match(cli(db, "client", "show", "1"), /Typed just before closing/);
  } finally {
    await app.quit().catch(() => {});
  }
});

test("a pain score that isn't one is marked, and the note's words are saved anyway, even when leaving at once", async () => {
  const db = databaseWithDraft("Ελένη Νικολάου");
  let app = await App.launch(db);
  try {
    await openSession(app);
    await app.type("[data-testid=pain-before]", "6");
    await app.type("[data-testid=pain-after]", "11");
    await app.waitForTexts("[data-testid=error-painAfter]", (t) => t[0]?.includes("0 to 10"));
    await app.type("[data-testid=note-subjective]", "Πόνος στον αυχένα");
    await app.screenshot(join(shots, "pain-not-a-score.png"));
    // Straight back to the client, before the autosave's pause is over.
    await app.click("[data-testid=back-to-client]");
    await app.click("[data-testid=session-row] button");
    await app.waitForTexts("[data-testid=save-state]", (t) => t.length === 1);
    assert.equal(await app.value("[data-testid=note-subjective]"), "Πόνος στον αυχένα");
    assert.equal(await app.value("[data-testid=pain-before]"), "6");
    assert.equal(await app.value("[data-testid=pain-after]"), "");
  } finally {
    await app.quit();
  }
});

test("half of an emoji in a note is refused in its field, not as a failed save", async () => {
  const db = databaseWithDraft("Anna");
  const app = await App.launch(db);
  try {
    await openSession(app);
    // A lone surrogate, as a bad paste leaves it, built in the page: WebDriver's
    // own JSON would not carry it.
    await app.paste("[data-testid=note-subjective]", "'Neck pain ' + String.fromCharCode(0xD83D)");
    const [error] = await app.waitForTexts("[data-testid=error-subjective]", (t) => t.length === 1);
    assert.match(error, /broken character/);
    await app.screenshot(join(shots, "broken-character.png"));
  } finally {
    await app.quit();
  }
  assert.doesNotMatch(cli(db, "client", "show", "1"), /Neck pain/);
});

test("a note saved from the command line meanwhile is not overwritten by the open window", async () => {
  const db = databaseWithDraft("Anna");
  const app = await App.launch(db);
  try {
    await openSession(app);
    await app.waitFor("[data-testid=note-subjective]");
    cli(db, "note", "write", "--session", "1", "--plan", "Written from the command line");
    await app.type("[data-testid=note-subjective]", "Typed in the window");
    await app.waitForTexts("[data-testid=save-state]", (t) => t[0] === "Not saved");
    const [alert] = await app.texts("[data-testid=note] [role=alert]");
    assert.match(alert, /changed elsewhere/);
    await app.screenshot(join(shots, "changed-elsewhere.png"));
  } finally {
    await app.quit();
  }
  // The session line shows the note's complaint: still none, not the window's.
  const shown = cli(db, "client", "show", "1");
  assert.match(shown, /Draft/);
  assert.doesNotMatch(shown, /Typed in the window/);
});

test("the chart works from the keyboard: a cursor to tap with, markers to select and delete", async () => {
  const db = databaseWithDraft("Zoë Ångström");
  const app = await App.launch(db);
  try {
    await openSession(app);
    // The first Enter shows the cursor; arrows move it; the next Enter taps.
    await app.press("[data-testid=chart-back]", [KEYS.enter]);
    await app.waitFor("[data-testid=chart-cursor]");
    await app.press("[data-testid=chart-back]", [KEYS.right, KEYS.right, KEYS.down]);
    await app.screenshot(join(shots, "keyboard-cursor.png"));
    await app.press("[data-testid=chart-back]", [KEYS.enter]);
    await app.waitFor("[data-testid=suggestion]");
    await app.click("[data-testid=finding-save]");
    await app.waitFor("[data-testid=finding-row]", { count: 1 });

    await app.press("[data-testid=finding-marker]", [KEYS.enter]);
    await app.waitFor("[data-testid=finding-marker].selected");
    await app.press("[data-testid=finding-marker]", [KEYS.delete]);
    await app.waitForTexts("[data-testid=finding-row]", (t) => t.length === 0);
  } finally {
    await app.quit();
  }
});
