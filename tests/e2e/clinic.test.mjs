// Clinic mode: two windows (two drivers, as on two computers) signed in to one
// clinic on the test PostgreSQL server (scripts/with-postgres.sh) as two
// people. What one adds or charts appears in the other within a second.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { App, CLI, PORT, scratchDir, startDriver, useDriver } from "./webdriver.mjs";

const SERVER = process.env.MYOCHART_TEST_POSTGRES;
const PASSWORD = "correct horse battery";
/** Time from a save in one window to what it changed appearing in the other. */
const WITHIN = 1_000;

useDriver();
let stopSecond;
before(async () => {
  if (SERVER) stopSecond = await startDriver(PORT + 2);
});
after(() => stopSecond?.());

/** A clinic database with an owner and a therapist; their URLs, without passwords. */
function makeClinic() {
  const server = SERVER.slice(0, SERVER.lastIndexOf("/"));
  const prefix = `e${Date.now().toString(36)}`;
  const admin = `${server}/clinic_${prefix}`;
  const [owner, therapist] = [`${prefix}_owner`, `${prefix}_ann`];
  execFileSync(CLI, ["--db", admin, "clinic", "setup", "--owner", owner, "--owner-name", "Olivia"], { input: `${PASSWORD}\n` });
  execFileSync("psql", [admin, "-c", `SELECT add_person('${therapist}', 'Ann', 'therapist', '${PASSWORD}')`]);
  const at = admin.slice(admin.indexOf("@") + 1);
  return { owner: `postgres://${owner}@${at}?sslmode=disable`, therapist: `postgres://${therapist}@${at}?sslmode=disable` };
}

async function signIn(app) {
  await app.type("[data-testid=sign-in-password]", PASSWORD);
  await app.click("[data-testid=sign-in-button]");
  await app.waitFor("[data-testid=clinic]");
}

/** Runs `save`, then waits for `appears`; how long that took, in ms. */
async function timed(save, appears) {
  await save();
  const start = performance.now();
  await appears();
  return Math.round(performance.now() - start);
}

test("a client added and a finding charted in one window appear in the other within a second", { skip: !SERVER && "needs scripts/with-postgres.sh" }, async () => {
  const shots = process.env.E2E_SHOTS ?? scratchDir();
  const clinic = makeClinic();
  const ann = await App.launch(clinic.therapist);
  const olivia = await App.launch(clinic.owner, [], PORT + 2);
  try {
    await ann.waitFor("[data-testid=sign-in]");
    await ann.type("[data-testid=sign-in-password]", "not the password");
    await ann.click("[data-testid=sign-in-button]");
    await ann.waitForTexts("[data-testid=sign-in-error]", (t) => t[0]?.includes("login and password don't sign in"));
    await ann.screenshot(join(shots, "clinic-sign-in.png"));
    await ann.clear("[data-testid=sign-in-password]");
    await signIn(ann);
    await signIn(olivia);

    await ann.click("[data-testid=first-client]");
    await ann.type("[data-testid=first-name]", "Niran");
    const listed = await timed(
      () => ann.click("[data-testid=save-client]"),
      () => olivia.waitForTexts("[data-testid=client-row]", (t) => t.some((n) => n.includes("Niran")), { timeout: 5_000 }),
    );

    await ann.click("[data-testid=new-session]");
    await ann.waitFor("[data-testid=chart-back]");
    await olivia.click("[data-testid=client-row]");
    await olivia.click("[data-testid=session-row] button");
    await olivia.waitFor("[data-testid=chart-back]");
    await ann.clickChart("back", 0.63, 0.185);
    await ann.waitFor("[data-testid=suggestion]");
    const charted = await timed(
      () => ann.click("[data-testid=finding-save]"),
      () => olivia.waitFor("[data-testid=finding-row]", { timeout: 5_000 }),
    );
    console.log(`seen in the other window: a client after ${listed} ms, a finding after ${charted} ms`);
    assert.ok(listed < WITHIN && charted < WITHIN, `${listed} ms, ${charted} ms`);

    await ann.click("[data-testid=open-settings]");
    await ann.waitFor("[data-testid=clinic-connected]");
    await ann.waitFor("[data-testid=clinic-connect]");
    await ann.screenshot(join(shots, "clinic-settings.png"));
  } finally {
    await ann.quit();
    await olivia.quit();
  }
});
