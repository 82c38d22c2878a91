// The whole body in the real window: a calf point tapped on the back view, a
// muscle found by name where no point is near, the finder over several views,
// a close-up, and the handout printed with the calf in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { App, cli, scratchDir, useDriver } from "./webdriver.mjs";

// The app saves handouts here (read by the app at start, through tauri-driver).
const handouts = scratchDir();
process.env.MYOCHART_HANDOUTS = handouts;

useDriver();

const shots = process.env.E2E_SHOTS ?? scratchDir();

test("a calf finding is charted, the finder reaches every view, and the handout prints the calf", async () => {
  const db = join(scratchDir(), "clinic.sqlite");
  cli(db, "client", "add", "--first", "Zoë", "--last", "Ångström");
  cli(db, "session", "new", "--client", "1", "--date", "2026-11-20");
  const app = await App.launch(db);
  try {
    await app.click("[data-testid=client-row]");
    await app.click("[data-testid=session-row] button");

    // The right calf, from behind: the gastrocnemius point is offered first.
    await app.clickChart("back", 0.572, 0.745);
    const suggested = await app.waitForTexts("[data-testid=suggestion]", (t) => t.length > 0);
    assert.match(suggested[0], /^Gastrocnemius.*\(right\)$/);
    await app.click("[data-testid=finding-save]");
    await app.waitForTexts("[data-testid=finding-row]", (t) => t[0]?.includes("Gastrocnemius"));

    // Anything can be charted anywhere: a search over every muscle by name.
    await app.clickChart("back", 0.6, 0.8);
    await app.waitFor("[data-testid=suggestion]");
    await app.type("[data-testid=muscle-search]", "tibialis post");
    await app.screenshot(join(shots, "finding-search.png"));
    await app.click("[data-testid=finding-save]");
    await app.waitForTexts("[data-testid=finding-row]", (t) => t.length === 2 && t[1].includes("Tibialis posterior"));

    // The finder: a pain drawing of two spots on two views, the right temple
    // from the side and from the front, ranks the temple's muscles.
    await app.click("[data-testid=mode-finder]");
    await app.click("[data-testid=views-right-side]");
    await app.clickChart("right-side", 0.505, 0.06);
    await app.screenshot(join(shots, "finder-sides.png"));
    await app.click("[data-testid=views-soles]");
    await app.waitFor("[data-testid=chart-soles]");
    await app.screenshot(join(shots, "soles.png"));
    await app.click("[data-testid=views-front]");
    await app.clickChart("front", 0.418, 0.062);
    const found = await app.waitForTexts("[data-testid=finder-match]", (t) => t.length > 2);
    assert.ok(
      found.slice(0, 3).some((name) => ["Upper trapezius", "Temporalis"].includes(name)),
      found.join(", "),
    );
    assert.equal((await app.texts("[data-testid=finder-spot]")).length, 1, "one spot shows on the front");
    await app.screenshot(join(shots, "finder-two-views.png"));
    await app.click("[data-testid=clear-spots]");
    await app.click("[data-testid=mode-chart]");

    // A close-up of the right foot, front and back.
    await app.click("[data-testid=close-up] option[value='Right foot']");
    const [caption] = await app.waitForTexts("figcaption", (t) => t[0]?.includes("Right foot"));
    assert.match(caption, /Front · Right foot/);
    await app.screenshot(join(shots, "close-up-foot.png"));

    // The handout: the calf's self-care and the red flag it can mimic.
    await app.click("[data-testid=handout]");
    await app.click("[data-testid=handout-save]");
    await app.waitForTexts("[data-testid=handout-saved]", (t) => t.length === 1);
    const [file] = readdirSync(handouts);
    const text = execFileSync("pdftotext", [join(handouts, file), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of ["Zoë", "Gastrocnemius", "Tibialis posterior", "swollen, red or warm"]) {
      assert.ok(text.includes(expected), `${expected} missing from the handout`);
    }
  } finally {
    await app.quit();
  }
});
