// Importing clients from another system's CSV export through the dialog.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

// The file dialog is native, which WebDriver can't answer: the app started
// by the driver picks this file by itself (an environment variable only
// whoever starts the app can set, never the web view).
const EXPORT = join(scratchDir(), "old-system.csv");
process.env.MYOCHART_CSV_UNASKED = EXPORT;

useDriver();

const shots = process.env.E2E_SHOTS ?? scratchDir();

// "Given" names no field Myochart knows, and 03/04/1984 reads either way: the
// therapist maps the column and chooses the date order. Ελένη's history
// spans lines 3 and 4, so the row without a name is line 5.
const HEADER = "\uFEFFGiven,Surname,DOB,Mobile,Medical history\r\n";
const ROWS = [
  "สมชาย,ใจดี,03/04/1984,+66 81 234 5678,\"Asthma, mild\"",
  "Ελένη,Νικολάου,05/12/1990,,\"Migraines\r\nsince 2019\"",
  ",Nameless,01/01/1980,,",
  "Zoë,Ångström,02/01/1990,,",
];

test("a CSV export is mapped, checked, corrected and imported with duplicates skipped", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Zoë", "--last", "Ångström", "--dob", "1990-01-02");
  writeFileSync(EXPORT, HEADER + ROWS.join("\r\n") + "\r\n");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=client-row]");
    await app.click("[data-testid=import-csv]");
    await app.type("[data-testid=csv-source]", "Old booking system");
    await app.click("[data-testid=csv-pick]");
    const [problems] = await app.waitForTexts("[data-testid=csv-problems]", (t) => t.length === 1);
    assert.match(problems, /first name/);
    assert.match(problems, /could be either/);

    await app.choose("[data-testid=csv-column-field]", "firstName", { index: 0 });
    await app.choose("[data-testid=csv-date-format]", "dmy");
    const errors = await app.waitForTexts("[data-testid=csv-errors] li", (t) => t.length === 1);
    assert.match(errors[0], /Line 5, Given: First name is required/);
    const [duplicates] = await app.waitForTexts("[data-testid=csv-duplicates]", (t) => t.length === 1);
    assert.match(duplicates, /Line 6: Zoë Ångström, born 1990-01-02 — already in Myochart/);
    await app.waitFor("[data-testid=csv-import]:disabled");
    await app.screenshot(join(shots, "csv-import-errors.png"));

    // Corrected in the file and picked again: the choices stay.
    writeFileSync(EXPORT, HEADER + ROWS.filter((_, i) => i !== 2).join("\r\n") + "\r\n");
    await app.click("[data-testid=csv-pick]");
    await app.waitForTexts("[data-testid=csv-file]", (t) => /3 rows/.test(t[0] ?? ""));
    await app.waitFor("[data-testid=csv-import]:enabled");
    assert.deepEqual(await app.texts("[data-testid=csv-errors]"), []);
    const preview = await app.waitForTexts("[data-testid=csv-preview] tbody tr", (t) => t.length === 2);
    assert.match(preview[0], /สมชาย.*ใจดี.*1984-04-03/);
    assert.match(preview[1], /Ελένη.*Νικολάου.*1990-12-05/);
    await app.waitForTexts("[data-testid=csv-import]", (t) => t[0] === "Import 2 clients");
    await app.screenshot(join(shots, "csv-import-preview.png"));

    await app.click("[data-testid=csv-import]");
    const [summary] = await app.waitForTexts("[data-testid=csv-import-summary]", (t) => t.length === 1);
    assert.match(summary, /2 clients were added/);
    assert.match(summary, /1 row was skipped/);
    await app.screenshot(join(shots, "csv-import-done.png"));
    await app.click("[data-testid=csv-import-close]");
    await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 3);
  } finally {
    await app.quit();
  }
  assert.match(cli(db, "client", "search", "ελενη"), /Ελένη Νικολάου/);
  // The next file from the same system comes mapped as this one was.
  const again = cli(db, "import-clients", EXPORT, "--source", "old booking system", "--dry-run");
  assert.match(again, /remembered mapping/);
  assert.match(again, /Given\s+-> First name/);
});
