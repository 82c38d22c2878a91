// A home-care handout saved from the app: a real PDF with the client's own
// points, listed on the client's record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

// The app saves handouts here (read by the app at start, through tauri-driver).
const handouts = scratchDir();
process.env.MYOCHART_HANDOUTS = handouts;

// The window as it runs on a computer without a GPU, drawn without WebKit's
// compositor: this file takes no screenshots.
useDriver({ compositor: false });

test("a handout saved from a session is a PDF of the client's points, listed on their record", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Ελένη", "--last", "Παπαδοπούλου");
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  cli(db, "finding", "add", "--session", "1", "--muscle", "core:upper-trapezius", "--side", "right",
    "--view", "back", "--x", "0.63", "--y", "0.185", "--tenderness", "7");
  cli(db, "finding", "add", "--session", "1", "--muscle", "core:levator-scapulae", "--side", "left",
    "--view", "back", "--x", "0.4", "--y", "0.19", "--tenderness", "5");
  const app = await App.launch(db);
  try {
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    await app.click("[data-testid=handout]");
    await app.type("[data-testid=handout-advice]", "Μικρά διαλείμματα από την οθόνη κάθε ώρα.");
    await app.type("[data-testid=handout-next]", "Tue 2 Dec, 10:00");
    await app.click("[data-testid=handout-save]");
    const [saved] = await app.waitForTexts("[data-testid=handout-saved]", (t) => t.length === 1);
    const files = readdirSync(handouts);
    assert.deepEqual(files, ["Home care - Ελένη - 2026-11-20.pdf"]);
    assert.ok(saved.includes(files[0]), saved);
    const pdf = join(handouts, files[0]);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const expected of ["Ελένη", "Upper trapezius", "Levator scapulae", "Μικρά διαλείμματα", "Tue 2 Dec, 10:00", "See your doctor"]) {
      assert.ok(text.includes(expected), `${expected} missing from the handout`);
    }
    assert.ok(!text.includes("Παπαδοπούλου"), "the handout uses the first name only");

    await app.click("[data-testid=handout-dialog] button[type=button]");
    await app.click("[data-testid=back-to-client]");
    const rows = await app.waitForTexts("[data-testid=handout-row]", (t) => t.length === 1);
    assert.match(rows[0], /next visit Tue 2 Dec, 10:00/);
  } finally {
    await app.quit();
  }
  assert.ok(existsSync(join(handouts, "Home care - Ελένη - 2026-11-20.pdf")));
});
