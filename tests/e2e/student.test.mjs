// A student's path in the real window: the practice log counts charted sessions,
// a supervisor signs one off, and an anonymised case study is built from them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

// The app saves reports here (read by the app at start, through tauri-driver).
const reports = scratchDir();
process.env.MYOCHART_REPORTS = reports;

useDriver();

test("a student's log shows progress, takes a sign-off, and a case study is built without the client's name", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "สมหญิง", "--last", "ศรีสุข", "--phone", "+66 81 234 5678", "--dob", "1984-03-09");
  for (const [date, before, after] of [["2026-10-01", "7", "4"], ["2026-10-15", "6", "3"], ["2026-11-01", "4", "2"]]) {
    const out = cli(db, "session", "new", "--client", "1", "--date", date);
    const session = out.match(/session (\d+)/)[1];
    cli(db, "finding", "add", "--session", session, "--muscle", "core:upper-trapezius", "--side", "right",
      "--view", "back", "--x", "0.63", "--y", "0.185", "--tenderness", "6");
    cli(db, "note", "write", "--session", session, "--subjective", "สมหญิง reports a temple headache",
      "--pain-before", before, "--pain-after", after);
  }
  const app = await App.launch(db);
  try {
    await app.click("[data-testid=open-settings]");
    await app.click("[data-testid=student-mode]");
    await app.type("[data-testid=programme]", "Diploma of Remedial Massage");
    await app.clear("[data-testid=required-sessions]");
    await app.type("[data-testid=required-sessions]", "25");
    await app.type("[data-testid=supervisors]", "Dr. Ελένη Νικολάου");
    await app.click("[data-testid=save-profile]");
    // The log reads the profile when it opens: only once it is saved.
    await app.waitFor("[data-testid=profile-saved]");

    await app.click("[data-testid=open-student]");
    const [progress] = await app.waitForTexts("[data-testid=log-progress]", (t) => t.length === 1);
    assert.match(progress, /3 of 25 sessions/);
    assert.equal((await app.texts("[data-testid=log-row]")).length, 3);
    await app.click("[data-testid=sign-off]");
    await app.click("[data-testid=sign-off-confirm]");
    await app.waitForTexts("[data-testid=log-row]", (t) => t.some((r) => r.includes("✓ Dr. Ελένη Νικολάου")));

    await app.click('[data-testid=case-client] option[value="1"]');
    await app.type("[data-testid=case-reflection]", "สมหญิง improved when she took screen breaks.");
    await app.click("[data-testid=build-case-study]");
    const [saved] = await app.waitForTexts("[data-testid=report-saved]", (t) => t.length === 1, { timeout: 30_000 });
    await app.waitFor("[data-testid=anonymity-warnings]");
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "student.png"));
    const files = readdirSync(reports).filter((f) => f.endsWith(".pdf"));
    assert.equal(files.length, 1);
    assert.ok(saved.includes(files[0]), saved);
    const text = execFileSync("pdftotext", [join(reports, files[0]), "-"], { encoding: "utf8" });
    assert.match(text, /C-0001/);
    assert.match(text, /40–49/);
    for (const secret of ["สมหญิง", "ศรีสุข", "5678", "1984"]) {
      assert.ok(!text.includes(secret), `${secret} leaked into the case study`);
    }
  } finally {
    await app.quit();
  }
});
