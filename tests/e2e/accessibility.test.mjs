// Every screen passes axe-core's WCAG A and AA checks with no serious or critical
// violation, and at 200 % zoom the main actions of the client list and a session
// can still be reached. The per-screen counts by impact are printed for the record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { App, BUILT, cli, KEYS, ROOT, scratchDir, useDriver } from "./webdriver.mjs";

process.env.MYOCHART_HANDOUTS = scratchDir();
process.env.MYOCHART_REPORTS = scratchDir();
const shots = process.env.E2E_SHOTS ?? scratchDir();

useDriver();

/** A client with a red flag, a session with two findings and a note. */
function clinic() {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Ελένη", "--last", "Παπαδοπούλου", "--phone", "+30 21 0123 4567");
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  cli(db, "finding", "add", "--session", "1", "--muscle", "core:upper-trapezius", "--side", "right",
    "--view", "back", "--x", "0.63", "--y", "0.185", "--tenderness", "7");
  cli(db, "finding", "add", "--session", "1", "--muscle", "core:levator-scapulae", "--side", "left",
    "--view", "back", "--x", "0.4", "--y", "0.19", "--tenderness", "5");
  cli(db, "note", "write", "--session", "1", "--subjective", "Headache at the right temple",
    "--pain-before", "7", "--pain-after", "3");
  return db;
}

/** The example hand plugin, installed in a folder of its own. */
function plugins() {
  const dir = scratchDir();
  const folder = join(dir, "hand-detail");
  mkdirSync(folder);
  copyFileSync(join(BUILT, "libmyochart_plugin_hand_detail.so"), join(folder, "libmyochart_plugin_hand_detail.so"));
  copyFileSync(join(ROOT, "plugins/hand-detail/plugin.toml"), join(folder, "plugin.toml"));
  return dir;
}

const SERIOUS = ["serious", "critical"];

/**
 * Runs axe on what `app` shows now, prints the counts by impact for `screen`, and
 * returns its serious and critical violations.
 */
async function seriousViolations(app, screen) {
  const violations = await app.axe();
  const counts = {};
  for (const v of violations) counts[v.impact] = (counts[v.impact] ?? 0) + v.targets.length;
  console.log(`axe ${screen}: ${JSON.stringify(counts)}`);
  for (const v of violations) console.log(`  ${v.impact} ${v.id}: ${v.help} (${v.targets.slice(0, 3).join(" | ")})`);
  await app.screenshot(join(shots, `axe-${screen}.png`));
  return violations.filter((v) => SERIOUS.includes(v.impact)).map((v) => `${screen}: ${v.id} ${v.targets.join(" | ")}`);
}

test("the welcome screen of an empty database has no serious or critical accessibility violation", async () => {
  const app = await App.launch(join(scratchDir(), "clinic.sqlite"));
  try {
    await app.waitFor("[data-testid=empty-state]");
    assert.deepEqual(await seriousViolations(app, "welcome"), []);
  } finally {
    await app.quit();
  }
});

test("no screen of a clinic's database has a serious or critical accessibility violation", async () => {
  const app = await App.launch(clinic(), ["--plugins-dir", plugins()]);
  const failures = [];
  const check = async (screen) => failures.push(...(await seriousViolations(app, screen)));
  try {
    await app.waitFor("[data-testid=client-row]");
    await check("client-list");
    // Focus is visible: the button Tab reaches from the search field is outlined.
    await app.press("[data-testid=client-search]", [KEYS.tab]);
    const focused = await app.execute(`const style = getComputedStyle(document.activeElement);
      return [document.activeElement.dataset.testid, style.outlineStyle, style.outlineWidth];`);
    assert.deepEqual(focused, ["new-client", "solid", "2px"]);
    await app.click("[data-testid=client-row]");
    await app.waitFor("[data-testid=session-row]");
    await check("client");
    await app.click("[data-testid=edit-client]");
    await app.waitFor("[data-testid=red-flag-screening]");
    await check("intake");
    await app.clickText("button", "Cancel");
    await app.click("[data-testid=session-row] button");
    await app.waitFor("[data-testid=finding-marker]", { count: 2 });
    // A screen reader hears each point's muscle, side and tenderness in words.
    assert.deepEqual((await app.attributes("[data-testid=finding-marker]", "aria-label")).sort(), [
      "Finding 1: Upper trapezius, right side, tenderness 7 out of 10",
      "Finding 2: Levator scapulae, left side, tenderness 5 out of 10",
    ]);
    await check("session");
    await app.click("[data-testid=mode-finder]");
    await app.clickChart("front", 0.418, 0.062);
    await app.waitFor("[data-testid=finder-match]");
    await check("finder");
    await app.click("[data-testid=handout]");
    await app.waitFor("[data-testid=handout-dialog]");
    await check("handout-dialog");
    await app.clickText("[data-testid=handout-dialog] button", "Cancel");
    await app.click("[data-testid=open-plugins]");
    await app.waitFor("[data-testid=plugin-state]");
    await check("plugins");
    await app.click("[data-testid=open-settings]");
    await app.click("[data-testid=student-mode]");
    await app.type("[data-testid=programme]", "Diploma of Remedial Massage");
    await app.type("[data-testid=supervisors]", "Dr. Ελένη Νικολάου");
    await app.click("[data-testid=save-profile]");
    await app.waitFor("[data-testid=profile-saved]");
    await check("settings");
    await app.click("[data-testid=open-student]");
    await app.waitFor("[data-testid=log-row]");
    await app.click("[data-testid=sign-off]");
    await app.waitFor("[data-testid=sign-off-form]");
    await check("student");
  } finally {
    await app.quit();
  }
  assert.deepEqual(failures, []);
});

test("at 200 % zoom the client list's and a session's main actions are still reachable", async () => {
  const app = await App.launch(clinic());
  /** At 200 % (Ctrl = five times), every one of `targets` is on screen once scrolled to, and not covered. */
  async function reachableAt200(screen, targets) {
    await app.zoomKeys("=", 5);
    await app.screenshot(join(shots, `zoom-${screen}.png`));
    for (const css of targets) assert.ok(await app.reachable(css), `${screen}: ${css} can't be reached at 200 %`);
    assert.deepEqual(await app.sidewaysScrolling(), [], `${screen} scrolls sideways at 200 %`);
    // WebDriver clicks where the element is at 100 %: the next screen is opened there.
    await app.zoomKeys("0");
  }
  try {
    await app.waitFor("[data-testid=client-row]");
    await reachableAt200("client-list", ["[data-testid=client-search]", "[data-testid=new-client]", "[data-testid=client-row]"]);
    await app.click("[data-testid=client-row]");
    await app.waitFor("[data-testid=session-row]");
    await reachableAt200("client", ["[data-testid=edit-client]", "[data-testid=new-session]", "[data-testid=session-row] button"]);
    await app.click("[data-testid=session-row] button");
    await app.waitFor("[data-testid=finding-marker]", { count: 2 });
    await reachableAt200("session", ["[data-testid=back-to-client]", "[data-testid=chart-back]", "[data-testid=finding-marker]",
      "[data-testid=note-subjective]", "[data-testid=handout]", "[data-testid=sign]"]);
  } finally {
    await app.quit();
  }
});
