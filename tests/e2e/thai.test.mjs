// The app in Thai: a therapist switches the interface to Thai in Settings,
// charts a point for a Thai client and prints the handout in Thai.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

const handouts = scratchDir();
process.env.MYOCHART_HANDOUTS = handouts;
const shots = process.env.E2E_SHOTS ?? scratchDir();

useDriver();

test("switched to Thai, the app charts a Thai client and prints their handout in Thai", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "สมชาย", "--last", "ใจดี", "--language", "th");
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  const app = await App.launch(db);
  try {
    await app.waitForTexts("[data-testid=open-settings]", (t) => t[0] === "Settings");
    await app.click("[data-testid=open-settings]");
    await app.choose("[data-testid=language]", "th");
    // The whole window follows at once, without a restart.
    await app.waitForTexts("[data-testid=open-settings]", (t) => t[0] === "การตั้งค่า");
    await app.waitForTexts("[data-testid=open-plugins]", (t) => t[0] === "ปลั๊กอิน");
    await app.screenshot(join(shots, "thai-settings.png"));

    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    await app.clickChart("back", 0.63, 0.185);
    await app.waitFor("[data-testid=suggestion]");
    await app.click("[data-testid=finding-save]");
    await app.waitFor("[data-testid=finding-row]");
    await app.screenshot(join(shots, "thai-session.png"));

    await app.click("[data-testid=handout]");
    // The client's language is the handout's, and everything has a translation.
    // (read from the client's record as the dialog opens)
    let chosen = "";
    for (const deadline = Date.now() + 10_000; chosen !== "th" && Date.now() < deadline; ) {
      chosen = await app.value("[data-testid=handout-language]");
    }
    assert.equal(chosen, "th");
    await app.screenshot(join(shots, "thai-handout-dialog.png"));
    await app.click("[data-testid=handout-save]");
    await app.waitForTexts("[data-testid=handout-saved]", (t) => t.length === 1);
    assert.deepEqual(await app.texts("[data-testid=handout-untranslated]"), []);
  } finally {
    await app.quit();
  }
  const [file] = readdirSync(handouts);
  const text = execFileSync("pdftotext", [join(handouts, file), "-"], { encoding: "utf8" });
  for (const expected of ["สมชาย", "กล้ามเนื้อทราพีเซียสส่วนบน", "20 พฤศจิกายน 2569"]) {
    assert.ok(text.includes(expected), `${expected} missing from the handout:\n${text}`);
  }
  assert.ok(!text.includes("See your doctor"), "the handout's own text is in Thai");
});
