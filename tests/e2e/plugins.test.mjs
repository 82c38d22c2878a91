// A plugin approved in the plugin manager: its region appears on the body chart.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { App, CLI, scratchDir, startDriver } from "./webdriver.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
// Built by the test command (`cargo build -p myochart-plugin-jaw`).
const JAW_LIBRARY = join(ROOT, "target/debug/libmyochart_plugin_jaw.so");

let stopDriver;
before(async () => {
  stopDriver = await startDriver();
});
after(() => stopDriver?.());

function cli(db, ...args) {
  return execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8" });
}

/** Installs the jaw plugin as a user would: its folder, library and plugin.toml. */
function installJaw() {
  const plugins = scratchDir();
  const folder = join(plugins, "jaw");
  mkdirSync(folder);
  copyFileSync(JAW_LIBRARY, join(folder, "libmyochart_plugin_jaw.so"));
  copyFileSync(join(ROOT, "plugins/jaw/plugin.toml"), join(folder, "plugin.toml"));
  return plugins;
}

test("approving the jaw plugin in the manager puts the jaw on the body chart", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Chloé", "--last", "Dubois");
  cli(db, "session", "new", "--client", "1");
  const plugins = installJaw();
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
