// Records taken out from the app: everything from Settings, and one client's
// record (JSON and a readable PDF) from the client's page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

// The app writes exports here (read by the app at start, through tauri-driver).
const exports = scratchDir();
process.env.MYOCHART_EXPORTS = exports;

useDriver();

/// Saves a screenshot when E2E_SHOTS names a folder, to look at the screen.
async function shot(app, name) {
  if (process.env.E2E_SHOTS) await app.screenshot(join(process.env.E2E_SHOTS, `export-${name}.png`));
}

test("everything is exported from Settings, and a client's record from their page", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "สมชาย", "--last", "ใจดี");
  cli(db, "client", "add", "--first", "Ελένη", "--last", "Παπαδοπούλου");
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  cli(db, "finding", "add", "--session", "1", "--muscle", "core:upper-trapezius", "--side", "right",
    "--view", "back", "--x", "0.63", "--y", "0.185", "--tenderness", "7");
  cli(db, "note", "write", "--session", "1", "--subjective", "ปวดคอ after long days at the desk",
    "--pain-before", "6", "--pain-after", "2");
  const app = await App.launch(db);
  try {
    await app.click("[data-testid=open-settings]");
    await app.click("[data-testid=export-all] button");
    const [written] = await app.waitForTexts("[data-testid=export-all-paths] li", (t) => t.length === 1);
    await shot(app, "settings");
    const [all] = readdirSync(exports);
    assert.match(all, /^Myochart export .*\.json$/);
    assert.ok(written.endsWith(all), written);
    const everything = JSON.parse(readFileSync(join(exports, all), "utf8"));
    assert.equal(everything.format, "myochart-export");
    const names = everything.tables.clients.map((c) => c.first_name);
    assert.deepEqual(names, ["สมชาย", "Ελένη"]);

    await app.clickText("[data-testid=client-row]", "สมชาย");
    await app.click("[data-testid=export-client] button");
    const paths = await app.waitForTexts("[data-testid=export-client-paths] li", (t) => t.length === 2);
    await shot(app, "client");
    const json = paths.find((p) => p.endsWith(".json"));
    const pdf = paths.find((p) => p.endsWith(".pdf"));
    assert.match(json, /Client record C-0001 .*\.json$/);
    const record = JSON.parse(readFileSync(json, "utf8"));
    assert.deepEqual(record.tables.clients.map((c) => c.first_name), ["สมชาย"]);
    assert.equal(record.tables.sessions.length, 1);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    for (const expected of ["สมชาย ใจดี", "ปวดคอ after long days", "Upper trapezius"]) {
      assert.ok(text.includes(expected), `${expected} missing from the record`);
    }
    assert.ok(!text.includes("Ελένη"), "only this client's record");
  } finally {
    await app.quit();
  }
});
