// A small WebDriver client for the real Myochart window: tauri-driver (port 4444,
// or E2E_PORT and the one after it, so two checkouts can test at once) in front
// of WebKitWebDriver, the app binary under Xvfb. Its one npm package is axe-core
// (from ui/node_modules), injected into the window to check accessibility.
import { execFileSync, spawn } from "node:child_process";
import { after, before } from "node:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = resolve(import.meta.dirname, "../..");
/** Where cargo put the built binaries (CARGO_TARGET_DIR is honoured). */
export const BUILT = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "debug");
export const APP = process.env.MYOCHART_APP ?? join(BUILT, "myochart-app");
export const CLI = process.env.MYOCHART_CLI ?? join(BUILT, "myochart");
/** The driver's port; a second driver (two windows at once) takes the two after it. */
export const PORT = Number(process.env.E2E_PORT ?? 4444);
const driverAt = (port) => `http://127.0.0.1:${port}`;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

const AXE_SOURCE = readFileSync(join(ROOT, "ui/node_modules/axe-core/axe.min.js"), "utf8");

/** WebDriver's codes for the named keys the tests press. */
export const KEYS = { tab: "\uE004", control: "\uE009", enter: "\uE007", right: "\uE014", down: "\uE015", delete: "\uE017" };

/** Runs the `myochart` CLI on the database `db`; returns what it printed. */
export function cli(db, ...args) {
  return execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8" });
}

/** Starts the driver before this file's tests and stops it after them; see
 * `startDriver` for `compositor`. */
export function useDriver({ compositor = true } = {}) {
  let stop;
  before(async () => {
    stop = await startDriver(PORT, { compositor });
  });
  after(() => stop?.());
}

/** A fresh folder for one test's databases. */
export function scratchDir() {
  return mkdtempSync(join(tmpdir(), "myochart-e2e-"));
}

/**
 * Starts tauri-driver on `port` (and Xvfb when there is no display); returns a stop function.
 * `compositor: false` runs the window as on a computer without a GPU (README),
 * for a test file that takes no screenshots: WebKitWebDriver's screenshot of a
 * page that doesn't change then waits for a frame that never comes (WebKitGTK 2.50).
 */
export async function startDriver(port = PORT, { compositor = true } = {}) {
  const children = [];
  // The suite finds buttons by their English words: the app follows the OS's
  // language, so it runs in English whatever this machine's language is.
  // Its own data folder too, so a language chosen in Settings (kept by the web
  // view) stays with the test file that chose it.
  const env = {
    ...process.env,
    LANGUAGE: "en",
    LC_ALL: "C.UTF-8",
    LANG: "C.UTF-8",
    XDG_DATA_HOME: scratchDir(),
    WEBKIT_DISABLE_COMPOSITING_MODE: compositor ? "0" : "1",
  };
  if (!env.DISPLAY) {
    env.DISPLAY = `:${99 + port - 4444}`;
    children.push(spawn("Xvfb", [env.DISPLAY, "-screen", "0", "1280x900x24", "-nolisten", "tcp"], { stdio: "ignore" }));
    await sleep(500);
  }
  process.env.DISPLAY = env.DISPLAY;
  const driver = spawn("tauri-driver", ["--port", `${port}`, "--native-port", `${port + 1}`], { env, stdio: ["ignore", "inherit", "inherit"] });
  children.push(driver);
  for (let tries = 0; tries < 100; tries++) {
    try {
      const res = await fetch(`${driverAt(port)}/status`);
      if (res.ok) break;
    } catch {
      await sleep(100);
    }
  }
  return () => children.reverse().forEach((child) => child.kill());
}

async function request(method, path, body, port = PORT) {
  const res = await fetch(`${driverAt(port)}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

/**
 * Runs `action` again when the page redrew an element between finding and using
 * it (WebDriver's "stale element reference"), a few times at most.
 */
async function retryStale(action) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= 5 || !String(error.message).includes("stale element")) throw error;
      await sleep(100);
    }
  }
}

/** One app window, opened on the database at `db` (a file, or a clinic's URL). */
export class App {
  /** `port`: the driver's, for a second window at once. */
  static async launch(db, args = [], port = PORT) {
    const value = await request(
      "POST",
      "/session",
      { capabilities: { alwaysMatch: { "tauri:options": { application: APP, args: ["--db", db, ...args] } } } },
      port,
    );
    return new App(value.sessionId, port);
  }

  constructor(id, port = PORT) {
    this.id = id;
    this.port = port;
    /**
     * What a person would have done so far: clicks, fields typed into, and
     * scrolls to reach a control that was out of sight (WebDriver scrolls by itself).
     */
    this.done = { clicks: 0, fields: 0, scrolls: 0 };
  }

  #request(method, path, body) {
    return request(method, path, body, this.port);
  }

  async quit() {
    await this.#request("DELETE", `/session/${this.id}`);
  }

  async #find(css, many) {
    const found = await this.#request("POST", `/session/${this.id}/element${many ? "s" : ""}`, {
      using: "css selector",
      value: css,
    });
    return many ? found.map((e) => e[ELEMENT]) : found[ELEMENT];
  }

  /** Waits until `css` matches at least `count` elements; returns their ids. */
  async waitFor(css, { count = 1, timeout = 10_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const ids = await this.#find(css, true);
      if (ids.length >= count) return ids;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} × ${css} (found ${ids.length})`);
      await sleep(100);
    }
  }

  /** Waits until `check(texts of css)` holds; returns the texts. */
  async waitForTexts(css, check, { timeout = 10_000 } = {}) {
    const deadline = Date.now() + timeout;
    let texts = [];
    for (;;) {
      texts = await retryStale(() => this.texts(css));
      if (check(texts)) return texts;
      if (Date.now() > deadline) throw new Error(`timed out on ${css}; last saw ${JSON.stringify(texts)}`);
      await sleep(100);
    }
  }

  async texts(css) {
    const ids = await this.#find(css, true);
    return Promise.all(ids.map((id) => this.#request("GET", `/session/${this.id}/element/${id}/text`)));
  }

  /** What the JavaScript function body `script` returns in the page. */
  async execute(script) {
    return this.#request("POST", `/session/${this.id}/execute/sync`, { script, args: [] });
  }

  /** The attribute `name` of every element matching `css`. */
  async attributes(css, name) {
    const ids = await this.#find(css, true);
    return Promise.all(ids.map((id) => this.#request("GET", `/session/${this.id}/element/${id}/attribute/${name}`)));
  }

  /** The current value of a form field. */
  async value(css) {
    const [id] = await this.waitFor(css);
    return this.#request("GET", `/session/${this.id}/element/${id}/property/value`);
  }

  /**
   * Brings element `id` to the middle of its pane as a person would scroll to it,
   * counting a scroll when it was not wholly inside the window, or covered. (WebDriver's own
   * scrolling puts it at the very edge, under anything that stays at the foot.)
   */
  async #scrollTo(id) {
    const inSight = await this.#request("POST", `/session/${this.id}/execute/sync`, {
      script: `const el = arguments[0], r = el.getBoundingClientRect();
        const onTop = el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        const inSight = onTop && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        if (!inSight) el.scrollIntoView({ block: "center", inline: "nearest" });
        return inSight;`,
      args: [{ [ELEMENT]: id }],
    });
    if (!inSight) this.done.scrolls++;
  }

  async click(css) {
    this.done.clicks++;
    await retryStale(async () => {
      const [id] = await this.waitFor(css);
      await this.#scrollTo(id);
      await this.#request("POST", `/session/${this.id}/element/${id}/click`, {});
    });
  }

  async clickText(css, text) {
    this.done.clicks++;
    await retryStale(async () => {
      const ids = await this.waitFor(css);
      for (const id of ids) {
        const seen = await this.#request("GET", `/session/${this.id}/element/${id}/text`);
        if (seen.includes(text)) {
          await this.#scrollTo(id);
          await this.#request("POST", `/session/${this.id}/element/${id}/click`, {});
          return;
        }
      }
      throw new Error(`no ${css} shows "${text}"`);
    });
  }

  async type(css, text) {
    this.done.fields++;
    await retryStale(async () => {
      const [id] = await this.waitFor(css);
      await this.#scrollTo(id);
      await this.#request("POST", `/session/${this.id}/element/${id}/value`, { text });
    });
  }

  async clear(css) {
    await retryStale(async () => {
      const [id] = await this.waitFor(css);
      await this.#request("POST", `/session/${this.id}/element/${id}/clear`, {});
    });
  }

  async rect(css) {
    const [id] = await this.waitFor(css);
    return this.#request("GET", `/session/${this.id}/element/${id}/rect`);
  }

  /**
   * Clicks a body chart at chart coordinates (0..1 of the atlas box). The SVG
   * keeps its aspect ratio, centred across and at the top of its element
   * ("xMidYMin meet"), and may show only part of the box (its viewBox).
   */
  async clickChart(view, x, y) {
    this.done.clicks++;
    const css = `[data-testid=chart-${view}]`;
    const [id] = await this.waitFor(css);
    const box = await this.rect(css);
    const viewBox = await this.#request("GET", `/session/${this.id}/element/${id}/attribute/viewBox`);
    const [minX, minY, width, height] = viewBox.split(/\s+/).map(Number);
    const scale = Math.min(box.width / width, box.height / height);
    const left = (box.width - width * scale) / 2;
    // The atlas box is 1000 units high and 450 wide; a close-up shows part of it.
    const dx = Math.round(left + (x * 450 - minX) * scale - box.width / 2);
    const dy = Math.round((y * 1000 - minY) * scale - box.height / 2);
    await this.#request("POST", `/session/${this.id}/actions`, {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [
            { type: "pointerMove", duration: 0, origin: { [ELEMENT]: id }, x: dx, y: dy },
            { type: "pointerDown", button: 0 },
            { type: "pointerUp", button: 0 },
          ],
        },
      ],
    });
    await this.#request("DELETE", `/session/${this.id}/actions`);
  }

  /**
   * Sets a text field's value as a paste would, firing its input event. The
   * value is a JavaScript expression evaluated in the page, for text that
   * neither a keyboard nor WebDriver's JSON carries (half of an emoji).
   */
  async paste(css, expression) {
    const [id] = await this.waitFor(css);
    await this.#request("POST", `/session/${this.id}/execute/sync`, {
      script: `arguments[0].value = (${expression}); arguments[0].dispatchEvent(new Event("input", { bubbles: true }))`,
      args: [{ [ELEMENT]: id }],
    });
  }

  /** Chooses `value` in the `index`th select matching `css`, as a person would. */
  async choose(css, value, { index = 0 } = {}) {
    this.done.clicks++;
    const ids = await this.waitFor(css, { count: index + 1 });
    await this.#request("POST", `/session/${this.id}/execute/sync`, {
      script: `arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event("change", { bubbles: true }))`,
      args: [{ [ELEMENT]: ids[index] }, value],
    });
  }

  /**
   * Focuses `css` and presses `keys` one after another: characters, or
   * WebDriver's codes for named keys (see KEYS).
   */
  async press(css, keys) {
    const [id] = await this.waitFor(css);
    await this.#request("POST", `/session/${this.id}/execute/sync`, {
      script: "arguments[0].focus()",
      args: [{ [ELEMENT]: id }],
    });
    const strokes = keys.flatMap((value) => [
      { type: "keyDown", value },
      { type: "keyUp", value },
    ]);
    await this.#request("POST", `/session/${this.id}/actions`, {
      actions: [{ type: "key", id: "keyboard", actions: strokes }],
    });
    await this.#request("DELETE", `/session/${this.id}/actions`);
  }

  /**
   * Runs axe-core's WCAG A and AA rules (and its best practices) on what the
   * window shows now; returns the violations. axe is injected through WebDriver,
   * which the app's content security policy doesn't apply to.
   */
  async axe() {
    await this.#request("POST", `/session/${this.id}/execute/sync`, {
      script: `if (!window.axe) { ${AXE_SOURCE} }`,
      args: [],
    });
    return this.#request("POST", `/session/${this.id}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ["violations"] })
          .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map((n) => n.target.join(" ")) }))))
          .catch((e) => done([{ id: "axe-failed", impact: "critical", help: String(e), targets: [] }]));`,
      args: [],
    });
  }

  /**
   * Zooms the window as a person does, with Ctrl and `key` pressed `times` times
   * ("=" 20 % in, "-" 20 % out, "0" back to 100 %); waits until the page is redrawn
   * at its new width.
   */
  async zoomKeys(key, times = 1) {
    const width = () => this.#request("POST", `/session/${this.id}/execute/sync`, { script: "return innerWidth", args: [] });
    const before = await width();
    const presses = Array.from({ length: times }, () => [
      { type: "keyDown", value: key },
      { type: "keyUp", value: key },
    ]).flat();
    await this.#request("POST", `/session/${this.id}/actions`, {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: KEYS.control }, ...presses, { type: "keyUp", value: KEYS.control }] }],
    });
    await this.#request("DELETE", `/session/${this.id}/actions`);
    for (let tries = 0; (await width()) === before; tries++) {
      if (tries > 50) throw new Error(`Ctrl ${key} did not zoom the window`);
      await sleep(100);
    }
  }

  /**
   * Whether `css` can be reached at the current zoom: scrolled into view, it is
   * inside the window and the element on top at its centre is itself or inside it.
   */
  async reachable(css) {
    const [id] = await this.waitFor(css);
    return this.#request("POST", `/session/${this.id}/execute/sync`, {
      script: `const el = arguments[0];
        el.scrollIntoView({ block: "center", inline: "center" });
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        const inside = r.width > 0 && r.height > 0 && x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
        return inside && el.contains(document.elementFromPoint(x, y));`,
      args: [{ [ELEMENT]: id }],
    });
  }

  /**
   * The elements that scroll sideways (content wider than their box, with a
   * scroll bar, shown), as `tag.class` names: at 200 % nothing should make the
   * reader scroll both ways.
   */
  async sidewaysScrolling() {
    return this.execute(`return [...document.querySelectorAll("*")]
      .filter((el) => {
        const style = getComputedStyle(el);
        return el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(style.overflowX) && style.visibility !== "hidden";
      })
      .map((el) => [el.tagName.toLowerCase(), ...el.classList].join("."));`);
  }

  async screenshot(path) {
    const { writeFileSync } = await import("node:fs");
    const png = await this.#request("GET", `/session/${this.id}/screenshot`);
    writeFileSync(path, Buffer.from(png, "base64"));
  }
}
