// Issue 11 in the real window: protecting the database with a passphrase,
// locking and unlocking it, and restoring a backup, also of a damaged one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

// The app and the command line, which tauri-driver starts with this process's
// environment, back up into this folder; each test's database has its own name.
const backups = join(scratchDir(), "backups");
process.env.MYOCHART_BACKUPS = backups;

useDriver();

const shots = () => process.env.E2E_SHOTS ?? scratchDir();

test("a therapist protects the database, prints the recovery key, locks it and unlocks it", async () => {
  const dir = scratchDir();
  const db = join(dir, "protected.sqlite");
  cli(db, "client", "add", "--first", "สมชาย", "--last", "Ελληνικός");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=client-row]");
    await app.click("[data-testid=open-settings]");
    await app.type("[data-testid=protection] [data-testid=new-passphrase]", "blue heron at dawn");
    await app.type("[data-testid=protection] [data-testid=repeat-passphrase]", "blue heron at dawn");
    await app.click("[data-testid=protect-start]");
    const [key] = await app.waitForTexts("[data-testid=recovery-key]", (t) => t.length === 1);
    assert.match(key, /^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    await app.screenshot(join(shots(), "recovery-key.png"));
    await app.click("[data-testid=kept-key]");
    await app.click("[data-testid=protect]");
    await app.waitFor("[data-testid=lock-now]", { timeout: 30_000 });

    // The file on disk no longer holds the name.
    const bytes = readFileSync(db);
    assert.ok(!bytes.includes(Buffer.from("สมชาย")), "the name is readable in the file");

    await app.click("[data-testid=lock-now]");
    await app.waitFor("[data-testid=unlock]");
    assert.equal((await app.texts("[data-testid=client-row]")).length, 0, "no client stays on screen");
    await app.screenshot(join(shots(), "locked.png"));

    await app.type("[data-testid=unlock-secret]", "blue heron at dusk");
    await app.click("[data-testid=unlock-button]");
    const [wrong] = await app.waitForTexts("[data-testid=unlock-error]", (t) => t.length === 1);
    assert.match(wrong, /doesn't unlock/);

    await app.clear("[data-testid=unlock-secret]");
    await app.type("[data-testid=unlock-secret]", "blue heron at dawn");
    await app.click("[data-testid=unlock-button]");
    const rows = await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 1);
    assert.match(rows[0], /สมชาย/);
  } finally {
    await app.quit();
  }
  // The command line needs the passphrase too; the recovery key works as well.
  assert.throws(() => cli(db, "client", "list"), /protected/);
});

test("a backup made in Settings is restored after showing what changes", async () => {
  const dir = scratchDir();
  const db = join(dir, "restored.sqlite");
  cli(db, "client", "add", "--first", "Ζωή", "--last", "Παππά");
  const app = await App.launch(db);
  try {
    await app.waitFor("[data-testid=client-row]");
    await app.click("[data-testid=open-settings]");
    await app.click("[data-testid=back-up-now]");
    await app.waitFor("[data-testid=backup-row]");
    cli(db, "client", "add", "--first", "Added", "--last", "Later");
    await app.clickText("[data-testid=backup-row] button", "Restore…");
    const [lost] = await app.waitForTexts("[data-testid=changes-lost]", (t) => t.length === 1);
    assert.match(lost, /will be undone/);
    await app.screenshot(join(shots(), "restore-preview.png"));
    await app.click("[data-testid=restore-backup]");
    const rows = await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 1, { timeout: 20_000 });
    assert.match(rows[0], /Ζωή/);
  } finally {
    await app.quit();
  }
});

test("a damaged database says so and offers its backups", async () => {
  const dir = scratchDir();
  const db = join(dir, "damaged.sqlite");
  cli(db, "client", "add", "--first", "Ana", "--last", "Muñoz");
  cli(db, "backup");
  const size = statSync(db).size;
  const file = openSync(db, "r+");
  writeSync(file, Buffer.alloc(Math.floor(size / 3), 0xa5), 0, Math.floor(size / 3), Math.floor(size / 3));
  closeSync(file);

  const app = await App.launch(db);
  try {
    const [reason] = await app.waitForTexts("[data-testid=closed-reason]", (t) => t.length === 1);
    assert.match(reason, /damaged/);
    await app.waitFor("[data-testid=backup-row]");
    await app.screenshot(join(shots(), "damaged.png"));
    await app.clickText("[data-testid=backup-row] button", "Restore…");
    await app.click("[data-testid=restore-backup]");
    const rows = await app.waitForTexts("[data-testid=client-row]", (t) => t.length === 1, { timeout: 20_000 });
    assert.match(rows[0], /Muñoz/);
  } finally {
    await app.quit();
  }
});
