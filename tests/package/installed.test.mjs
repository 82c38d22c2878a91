// The app as the .deb installs it (scripts/package-test.sh sets MYOCHART_APP and
// MYOCHART_CLI to the installed binaries): its window opens on an empty database,
// a client can be added, and the example plugins it ships are listed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "../e2e/webdriver.mjs";

// Approving asks in a native dialog, which WebDriver can't answer (see
// tests/e2e/plugins.test.mjs).
process.env.MYOCHART_APPROVE_UNASKED = "yes";

useDriver();

test("the installed app opens on an empty database, adds a client and lists the plugins it ships", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=empty-state]", { timeout: 30_000 });
    await app.click("[data-testid=first-client]");
    await app.type("[data-testid=first-name]", "Somchai");
    await app.click("[data-testid=save-client]");
    await app.waitFor("[data-testid=client-detail]");
    assert.match(cli(db, "client", "list"), /Somchai/);

    // Listed from /usr/lib/myochart/plugins, waiting for approval; approving one
    // probes it with the installed CLI and loads it.
    await app.click("[data-testid=open-plugins]");
    const states = await app.waitForTexts("[data-testid=plugin-state]", (t) => t.length === 3);
    assert.deepEqual(states, ["Awaiting approval", "Awaiting approval", "Awaiting approval"]);
    const names = await app.texts("[data-testid=plugin] h3");
    assert.deepEqual(names.map((n) => n.replace(/ \S+$/, "")).sort(), ["Foot in detail", "Hand in detail", "Muscle energy and neck range of motion"]);
    await app.click("[data-testid=approve-plugin]");
    await app.waitForTexts("[data-testid=plugin-state]", (t) => t.includes("Enabled"), { timeout: 30_000 });
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "installed-plugins.png"));
  } finally {
    await app.quit();
  }
});
