// A therapist who has never seen the app, from an empty database: adds a client,
// charts a point, writes the note and saves a home-care handout. The test counts
// what a person would do (clicks, fields typed into, scrolls to find a control) and times the flow, so the
// number can be held down; E2E_SHOTS keeps a screenshot of every step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { App, scratchDir, useDriver } from "./webdriver.mjs";

const handouts = scratchDir();
process.env.MYOCHART_HANDOUTS = handouts;
const shots = process.env.E2E_SHOTS ?? scratchDir();

useDriver();

test("a first client is added, charted, noted and given a handout from the welcome screen", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=empty-state]");
    const started = Date.now();
    const step = (name) => app.screenshot(join(shots, `first-run-${name}.png`));
    await step("1-welcome");

    await app.click("[data-testid=first-client]");
    await app.type("[data-testid=first-name]", "Mali");
    await step("2-intake");
    await app.click("[data-testid=save-client]");

    await app.waitFor("[data-testid=new-session]");
    await step("3-client");
    await app.click("[data-testid=new-session]");
    await app.waitFor("[data-testid=chart-back]");
    await step("4-session");
    await app.clickChart("back", 0.63, 0.185);
    await app.waitFor("[data-testid=suggestion]");
    await step("5-finding");
    await app.click("[data-testid=finding-save]");
    await app.waitFor("[data-testid=finding-row]");

    await app.type("[data-testid=note-subjective]", "Stiff neck after long days at the desk");
    await app.waitForTexts("[data-testid=save-state]", (t) => t[0]?.startsWith("Draft saved"));
    await app.click("[data-testid=handout]");
    await step("6-handout");
    await app.click("[data-testid=handout-save]");
    await app.waitForTexts("[data-testid=handout-saved]", (t) => t.length === 1);
    await step("7-saved");
    const seconds = (Date.now() - started) / 1000;
    const { clicks, fields, scrolls } = app.done;
    console.log(`first run: ${clicks} clicks, ${fields} fields typed, ${scrolls} scrolls, ${seconds.toFixed(1)} s`);
    // The budget as measured once nothing was left in the way: a new step, or a
    // control moved out of sight, shows up here.
    assert.deepEqual({ clicks, fields, scrolls }, { clicks: 7, fields: 2, scrolls: 0 });

    const [file] = readdirSync(handouts);
    const text = execFileSync("pdftotext", ["-layout", join(handouts, file), "-"], { encoding: "utf8" });
    assert.ok(text.includes("Mali") && text.includes("Upper trapezius"), text);
  } finally {
    await app.quit();
  }
});
