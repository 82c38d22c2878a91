// A plugin approved in the plugin manager: its muscles appear on the body chart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { App, BUILT, cli, ROOT, scratchDir, useDriver } from "./webdriver.mjs";

// Built by the test command (`cargo build -p myochart-plugin-hand-detail -p myochart-plugin-met-rom`).
const library = (crate) => join(BUILT, `lib${crate.replaceAll("-", "_")}.so`);

// Approving asks in a native dialog, which WebDriver can't answer: the app
// started by the driver answers it yes by itself (an environment variable only
// whoever starts the app can set, never the web view).
process.env.MYOCHART_APPROVE_UNASKED = "yes";

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

// The hand plugin's flexor digiti minimi brevis point, on the palm of the client's
// right hand (plugins/hand-detail/manifest.json).
const FDMB = { name: "Flexor digiti minimi brevis (hand)", x: 0.1536, y: 0.5156 };

/** Taps the close-up of the right hand at the plugin's point and returns the suggested muscles. */
async function suggestionsAt(app, { x, y }) {
  await app.click("[data-testid=close-up] option[value='Right hand']");
  await app.waitForTexts("figcaption", (t) => t[0]?.includes("Right hand"));
  await app.clickChart("front", x, y);
  return app.waitForTexts("[data-testid=suggestion]", (t) => t.length > 0);
}

test("approving the hand plugin in the manager puts its muscles on the body chart", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Chloé", "--last", "Dubois");
  cli(db, "session", "new", "--client", "1");
  const plugins = install("hand-detail");
  const app = await App.launch(db, ["--plugins-dir", plugins]);
  try {
    // Before approval: listed from plugin.toml alone, nothing loaded.
    await app.click("[data-testid=open-plugins]");
    const [waiting] = await app.waitForTexts("[data-testid=plugin-state]", (t) => t.length === 1);
    assert.equal(waiting, "Awaiting approval");
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    // Tapping the little-finger pad suggests only the app's own muscles.
    const before = await suggestionsAt(app, FDMB);
    assert.ok(!before.some((s) => s.includes(FDMB.name)), before.join(", "));
    await app.clickText("[data-testid=finding-dialog] button", "Cancel");

    // Approve: probed in a child process, loaded, enabled.
    await app.click("[data-testid=back-to-client]");
    await app.click("[data-testid=open-plugins]");
    await app.click("[data-testid=approve-plugin]");
    await app.waitForTexts("[data-testid=plugin-state]", (t) => t[0] === "Enabled", { timeout: 30_000 });
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "plugins.png"));

    // The plugin's point is on the app's front chart: tapping it suggests its muscle
    // first, beside the app's muscles nearby; charting it records the plugin's muscle.
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");
    const after = await suggestionsAt(app, FDMB);
    assert.match(after[0], /Flexor digiti minimi brevis \(hand\)/);
    await app.clickText("[data-testid=suggestion]", FDMB.name);
    await app.click("[data-testid=finding-save]");
    const [row] = await app.waitForTexts("[data-testid=finding-row]", (t) => t.length === 1);
    assert.match(row, /Flexor digiti minimi brevis \(hand\)/);
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "hand-chart.png"));
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
