// The client list and detail in the real window, on real databases.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

useDriver();

test("the list shows the clients, typing narrows it, a Thai name is found, a client opens with its sessions", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "demo", "--clients", "30");
  const app = await App.launch(db);
  try {
    const all = await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 30);
    assert.equal(all.length, 30);

    await app.type("[data-testid=client-search]", "σ");
    await app.waitForTexts("[data-testid=client-row]", (t) => t.length > 0 && t.length < 30);
    await app.clear("[data-testid=client-search]");

    await app.type("[data-testid=client-search]", "สมชาย");
    const thai = await app.waitForTexts("[data-testid=client-row]", (t) => t.length > 0 && t.every((n) => n.includes("สมชาย")));
    assert.ok(thai.length >= 1);

    await app.click("[data-testid=client-row]");
    const [name] = await app.waitForTexts("[data-testid=client-name]", (t) => t.length === 1);
    assert.match(name, /สมชาย/);
    const sessions = await app.waitForTexts("[data-testid=session-row]", (t) => t.length > 0);
    const shown = cli(db, "client", "search", "สมชาย");
    assert.match(shown, /สมชาย/);
    assert.ok(sessions.length >= 1 && sessions.length <= 4);
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "client-detail.png"));
  } finally {
    await app.quit();
  }
});

test("an accent-free search finds accented names", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Zoë", "--last", "Ångström");
  cli(db, "client", "add", "--first", "Anna", "--last", "Smith");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=client-row]", { count: 2 });
    await app.type("[data-testid=client-search]", "angstrom");
    const rows = await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 1);
    assert.match(rows[0], /Zoë Ångström/);
  } finally {
    await app.quit();
  }
});

test("a first run shows the empty state, which opens a separate demo database", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=empty-state]");
    await app.screenshot(join(process.env.E2E_SHOTS ?? scratchDir(), "empty-state.png"));
    await app.click("[data-testid=open-demo]");
    await app.waitFor("[data-testid=demo-badge]", { timeout: 60_000 });
    const rows = await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 30);
    assert.equal(rows.length, 30);
  } finally {
    await app.quit();
  }
  // The demo went to its own file: the real database is still empty.
  assert.match(cli(db, "client", "list"), /^0 client\(s\)$/m);
});

test("a client with many sessions shows the latest 10 until all are asked for", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Ngozi", "--last", "Okafor");
  for (let day = 1; day <= 15; day++) {
    cli(db, "session", "new", "--client", "1", "--date", `2026-10-${String(day).padStart(2, "0")}`);
  }
  const app = await App.launch(db);
  try {
    await app.click("[data-testid=client-row]");
    const latest = await app.waitForTexts("[data-testid=session-row]", (t) => t.length === 10);
    assert.match(latest[0], /2026-10-15/);
    assert.match(latest[9], /2026-10-06/);
    await app.clickText("[data-testid=all-sessions]", "Show all 15 sessions");
    const all = await app.waitForTexts("[data-testid=session-row]", (t) => t.length === 15);
    assert.match(all[14], /2026-10-01/);
  } finally {
    await app.quit();
  }
});
