// A plugin approved in the plugin manager: its region appears on the body chart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
// Built by the test command (`cargo build -p myochart-plugin-jaw -p myochart-plugin-met-rom`).
const library = (crate) => join(ROOT, `target/debug/lib${crate.replaceAll("-", "_")}.so`);

useDriver();

/** Installs example plugins as a user would: a folder each, with library and plugin.toml. */
function install(...names) {
  const plugins = scratchDir();
  for (const name of names) {
    const folder = join(plugins, name);
    mkdirSync(folder);
    const crate = `myochart-plugin-${name}`;
    copyFileSync(library(crate), join(folder, `lib${crate.replaceAll("-", "_")}.so`));
    copyFileSync(join(ROOT, "plugins", name, "plugin.toml"), join(folder, "plugin.toml"));
  }
  return plugins;
}

test("approving the jaw plugin in the manager puts the jaw on the body chart", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Chloé", "--last", "Dubois");
  cli(db, "session", "new", "--client", "1");
  const plugins = install("jaw");
  const app = await App.launch(db, ["--plugins-dir", plugins]);
  try {
    // Before approval: listed from plugin.toml alone, nothing loaded.
    await app.click("[data-testid=open-plugins]");
    const [waiting] = await app.waitForTexts("[data-testid=plugin-state]", (t) => t.length === 1);
    assert.equal(waiting, "Awaiting approval");
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    await app.waitFor("[data-testid=chart-back]");
    assert.equal((await app.texts("[data-testid=chart-side]")).length, 0);

    // Approve: probed in a child process, loaded, enabled.
    await app.click("[data-testid=back-to-client]");
    await app.click("[data-testid=open-plugins]");
    await app.click("[data-testid=approve-plugin]");
    await app.waitForTexts("[data-testid=plugin-state]", (t) => t[0] === "Enabled", { timeout: 30_000 });
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "plugins.png"));

    // The jaw's side view is on the chart; tapping the masseter's point suggests it.
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    await app.waitFor("[data-testid=chart-side]");
    await app.clickChart("side", 0.57, 0.488);
    const suggestions = await app.waitForTexts("[data-testid=suggestion]", (t) => t.length > 0);
    assert.match(suggestions[0], /Masseter/);
    await app.click("[data-testid=finding-save]");
    const [row] = await app.waitForTexts("[data-testid=finding-row]", (t) => t.length === 1);
    assert.match(row, /Masseter/);
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "jaw-chart.png"));
  } finally {
    await app.quit();
  }
});

test("an assessment from a plugin is scored by the plugin and added to the note", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "José", "--last", "Núñez");
  cli(db, "session", "new", "--client", "1");
  const app = await App.launch(db, ["--plugins-dir", install("met-rom")]);
  try {
    await app.click("[data-testid=open-plugins]");
    await app.click("[data-testid=approve-plugin]");
    await app.waitForTexts("[data-testid=plugin-state]", (t) => t[0] === "Enabled", { timeout: 30_000 });
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    await app.click("[data-testid=assessments] summary");
    await app.click('[data-testid=assessment-choice] option[value="met:cervical-rom"]');
    // Every movement is needed; the plugin says which one is missing.
    await app.type("[data-testid=assessment-rotation-left]", "40");
    await app.click("[data-testid=assessment-score]");
    await app.waitForTexts("[data-testid=assessments] .field-error", (t) => t[0]?.includes("was not measured"));
    const measured = { flexion: 50, extension: 30, "lateral-flexion-left": 45, "lateral-flexion-right": 45, "rotation-right": 80 };
    for (const [movement, degrees] of Object.entries(measured)) {
      await app.type(`[data-testid=assessment-${movement}]`, String(degrees));
    }
    await app.click("[data-testid=assessment-score]");
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "assessment.png"));
    const [result] = await app.waitForTexts("[data-testid=assessment-result]", (t) => t.length === 1);
    assert.match(result, /Rotation, left\s*40\s*50%/);
    assert.match(result, /Rotation, right\s*80\s*100%/);
    await app.clickText("[data-testid=assessments] button", "Add to the note");
    const objective = await app.value("[data-testid=note-objective]");
    assert.match(objective, /Cervical range of motion: .*Rotation, left 40 \(50% of normal\)/);
  } finally {
    await app.quit();
  }
});
